//! The in-repository checks of CONTENT.md, on the real termbase and on broken fixtures
//! that prove each check can fail.

mod common;

use keruen::termbase::{self, source, validate};

#[test]
fn the_bundled_termbase_passes_every_check() {
    let concepts = common::bundled_source();
    let problems = validate(&concepts, &common::released_ids());
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "{} problem(s):\n{}",
        listed.len(),
        listed.join("\n")
    );
}

#[test]
fn every_released_id_is_listed_and_every_concept_released() {
    let concepts = common::bundled_source();
    let released = common::released_ids();
    for concept in &concepts {
        assert!(
            released.contains(&concept.id),
            "'{}' is not in db/released-ids.txt; add it there",
            concept.id
        );
    }
}

#[test]
fn the_seed_article_is_covered() {
    let concepts = common::bundled_source();
    let from_article = concepts.iter().filter(|c| c.from_article).count();
    assert!(
        from_article >= 40,
        "only {from_article} concepts come from the article"
    );
}

#[test]
fn the_good_fixture_passes() {
    let text =
        std::fs::read_to_string(common::root().join("tests/fixtures/good-concept.toml")).unwrap();
    let concepts = source::parse("good-concept.toml", &text).unwrap();
    assert_eq!(validate(&concepts, &[]), vec![]);
}

#[test]
fn every_broken_fixture_is_caught_for_its_reason() {
    let dir = common::root().join("tests/fixtures/broken");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let expect = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{name} lacks its '# expect: ' line"));
        let found = match source::parse(&name, &text) {
            Err(error) => vec![error],
            Ok(concepts) => validate(&concepts, &[])
                .iter()
                .map(ToString::to_string)
                .collect(),
        };
        assert!(
            found.iter().any(|message| message.contains(expect)),
            "{name}: expected a problem containing '{expect}', got {found:?}"
        );
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} broken fixtures");
}

#[test]
fn a_missing_released_id_is_caught() {
    let text =
        std::fs::read_to_string(common::root().join("tests/fixtures/good-concept.toml")).unwrap();
    let concepts = source::parse("good-concept.toml", &text).unwrap();
    let problems = validate(&concepts, &["container-train".to_string()]);
    assert!(problems.iter().any(|p| p.concept == "container-train" && p.message.contains("released id is missing")));
}

#[test]
fn loading_a_folder_reports_the_file_of_a_parse_error() {
    let error = termbase::load_dir(&common::root().join("tests/fixtures/broken")).unwrap_err();
    assert!(error.contains(".toml"), "{error}");
}

#[test]
fn every_domain_has_at_least_its_minimum() {
    use keruen::model::Domain;
    let concepts = common::bundled_source();
    let minimum = |domain: Domain| match domain {
        Domain::Policy => 40,
        Domain::Rail => 50,
        Domain::Road | Domain::Air | Domain::Sea => 30,
        Domain::Forwarding => 40,
        Domain::Customs => 50,
        Domain::TradeTerms | Domain::Geography => 20,
        Domain::Documents | Domain::Warehousing => 30,
        Domain::Finance => 25,
    };
    for domain in Domain::ALL {
        let count = concepts.iter().filter(|c| c.domain == domain).count();
        assert!(
            count >= minimum(domain),
            "{domain}: {count} < {}",
            minimum(domain)
        );
    }
    assert!(concepts.len() >= 400, "{} concepts", concepts.len());
}

#[test]
fn all_eleven_incoterms_2020_rules_are_there() {
    let concepts = common::bundled_source();
    for rule in [
        "exw", "fca", "cpt", "cip", "dap", "dpu", "ddp", "fas", "fob", "cfr", "cif",
    ] {
        let id = format!("incoterms-{rule}");
        let concept = concepts
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        let code = rule.to_uppercase();
        assert!(
            concept.en.terms.iter().any(|t| t.text == code),
            "{id} lacks the code {code}"
        );
    }
}
