//! `cargo bench --bench lookup`: lookup speed per query class, p50 and p95, on the bundled
//! termbase and on 100,000 synthetic concepts; index build time and memory; and SQLite FTS5
//! (unicode61, diacritics removed) on the same data and queries, side by side.

use keruen::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
use keruen::search::{Index, Options, layout, normalize::fold, translit};
use keruen::store::Store;
use pinyin::ToPinyin;
use rusqlite::Connection;
use std::time::{Duration, Instant};

/// A small deterministic generator (64-bit LCG), so every run sees the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

const LATIN: &[&str] = &[
    "con", "tai", "ner", "frei", "ght", "trans", "port", "cus", "toms", "de", "cla", "ra", "tion",
    "ware", "house", "lo", "gis", "tics", "car", "go", "rail", "way", "ship", "ment", "bor", "der",
    "sta", "ti", "on", "ma", "ni", "fest",
];
const RU: &[&str] = &[
    "кон", "тей", "нер", "гру", "зо", "пе", "ре", "воз", "ка", "та", "мо", "жен", "дек", "ла",
    "ра", "ци", "скла", "до", "ло", "гис", "ти", "же", "лез", "но", "пор", "ту", "ва", "гон",
    "пла", "тфор", "ма",
];
const RU_ENDINGS: &[&str] = &["ный", "ная", "ное", "ция", "ник", "ка", "ство", "ие"];
const KK: &[&str] = &[
    "жүк", "тақ", "кед", "ен", "тем", "ір", "жол", "қой", "ма", "тас", "ы", "мал", "өт", "кел",
    "шек", "ара", "бай", "ла", "ныс", "ұй", "ым", "құ", "жат", "ғы", "ң",
];
const HAN: &str = "集装箱提单报关海运铁路货物运输港口仓库物流清关检验证书合同发票集团公司国际口岸班列中欧亚经济联盟关税同盟车站线路跨境电子商务服务中心管理系统平台货代代理船舶航空空运陆运公路汽车挂车冷藏危险品保税区自贸试验区海关总署进出口许可配额原产地证明";

/// A word of `least` or `least + 1` syllables.
fn word(rng: &mut Rng, parts: &[&str], least: usize) -> String {
    let syllables = least + rng.next() as usize % 2;
    (0..syllables).map(|_| *rng.pick(parts)).collect()
}

fn term(text: String, pinyin: Option<String>) -> LangEntry {
    LangEntry {
        terms: vec![Term {
            text,
            pinyin,
            kind: TermKind::Preferred,
        }],
        definition: None,
        example: None,
    }
}

/// `count` concepts with four-language terms built from realistic syllables and hanzi.
fn synthetic(count: usize) -> Vec<Concept> {
    let mut rng = Rng(0x6b65_7275_656e);
    let han: Vec<char> = HAN.chars().collect();
    (0..count)
        .map(|n| {
            let words = 1 + rng.next() as usize % 3;
            let en: Vec<String> = (0..words).map(|_| word(&mut rng, LATIN, 2)).collect();
            let ru: Vec<String> = (0..words)
                .map(|_| {
                    let stem = word(&mut rng, RU, 2);
                    let ending: &str = rng.pick::<&str>(RU_ENDINGS);
                    stem + ending
                })
                .collect();
            let kk: Vec<String> = (0..words).map(|_| word(&mut rng, KK, 2)).collect();
            let zh_words: Vec<String> = (0..words)
                .map(|_| (0..2).map(|_| *rng.pick(&han)).collect())
                .collect();
            let pinyin: Vec<String> = zh_words
                .iter()
                .map(|w| {
                    w.chars()
                        .filter_map(|c| c.to_pinyin())
                        .map(|p| p.with_tone())
                        .collect()
                })
                .collect();
            Concept {
                id: format!("synthetic-{n}"),
                domain: *rng.pick(&Domain::ALL),
                origin: Origin::User,
                from_article: false,
                article_context: None,
                source: "synthetic".into(),
                note: None,
                homonyms: vec![],
                kk: term(kk.join(" "), None),
                ru: term(ru.join(" "), None),
                zh: term(zh_words.concat(), Some(pinyin.join(" "))),
                en: term(en.join(" "), None),
            }
        })
        .collect()
}

/// Queries of each class, made from the concepts themselves.
fn queries(concepts: &[Concept], per_class: usize) -> Vec<(&'static str, Vec<String>)> {
    let mut rng = Rng(42);
    let mut sample = |f: &dyn Fn(&Concept, &mut Rng) -> Option<String>| {
        let mut out = Vec::new();
        while out.len() < per_class {
            let concept = rng.pick(concepts).clone();
            if let Some(q) = f(&concept, &mut rng) {
                out.push(q);
            }
        }
        out
    };
    let exact = sample(&|c, r| Some(c.preferred(*r.pick(&Lang::ALL)).to_string()));
    let prefix = sample(&|c, _| {
        let en: Vec<char> = c.preferred(Lang::En).chars().collect();
        (en.len() >= 6).then(|| en[..en.len() * 2 / 3].iter().collect())
    });
    let pinyin = sample(&|c, _| Some(fold(c.pinyin()).replace(' ', "")));
    let translit = sample(&|c, _| Some(translit::from_cyrillic(&fold(c.preferred(Lang::Ru)))));
    let layout = sample(&|c, _| layout::switch(c.preferred(Lang::Ru)));
    let stem = sample(&|c, _| {
        let ru = c.preferred(Lang::Ru);
        let word = ru.split(' ').next()?;
        let base = word
            .strip_suffix("ый")
            .or_else(|| word.strip_suffix("ая"))?;
        Some(format!("{base}ых"))
    });
    let fuzzy = sample(&|c, _| {
        let mut en: Vec<char> = c.preferred(Lang::En).chars().collect();
        (en.len() >= 6 && !en[..5].contains(&' ')).then(|| {
            en.swap(2, 3);
            en.into_iter().collect()
        })
    });
    vec![
        ("exact", exact),
        ("prefix", prefix),
        ("pinyin", pinyin),
        ("translit", translit),
        ("layout", layout),
        ("stem", stem),
        ("fuzzy", fuzzy),
    ]
}

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

fn time_each(queries: &[String], mut run: impl FnMut(&str) -> usize) -> (Duration, Duration, f64) {
    for q in queries.iter().take(50) {
        run(q);
    }
    let mut found = 0;
    let times = queries
        .iter()
        .map(|q| {
            let start = Instant::now();
            found += usize::from(run(q) > 0);
            start.elapsed()
        })
        .collect();
    let (p50, p95) = percentiles(times);
    (p50, p95, found as f64 / queries.len() as f64)
}

/// An FTS5 table over the same terms, one row per concept.
fn fts5(concepts: &[Concept]) -> (Connection, Duration) {
    let conn = Connection::open_in_memory().unwrap();
    let start = Instant::now();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')",
    )
    .unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut insert = tx
            .prepare("INSERT INTO t (rowid, body) VALUES (?1, ?2)")
            .unwrap();
        for (at, c) in concepts.iter().enumerate() {
            let body: Vec<String> = Lang::ALL
                .iter()
                .flat_map(|l| c.lang(*l).terms.iter())
                .flat_map(|t| std::iter::once(t.text.clone()).chain(t.pinyin.clone()))
                .collect();
            insert
                .execute(rusqlite::params![at as i64, body.join(" | ")])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    (conn, start.elapsed())
}

/// The FTS5 form of a query, for the classes FTS5 can answer at all.
fn fts5_query(class: &str, query: &str) -> Option<String> {
    let quoted = format!("\"{}\"", query.replace('"', ""));
    match class {
        "exact" | "pinyin" => Some(quoted),
        "prefix" => Some(format!("{quoted}*")),
        _ => None,
    }
}

/// How many times the index is built; one build's time drifts too much on a shared machine.
const BUILDS: usize = 5;

fn bench(label: &str, concepts: &[Concept], per_class: usize) {
    let mut builds = Vec::with_capacity(BUILDS);
    let mut index = None;
    for _ in 0..BUILDS {
        // The previous index is dropped after the clock stops, not inside the timing.
        let start = Instant::now();
        let built = Index::build(concepts);
        builds.push(start.elapsed());
        index = Some(built);
    }
    let index = index.expect("the index was built");
    builds.sort_unstable();
    let (conn, fts_build) = fts5(concepts);
    println!("\n== {label}: {} concepts", concepts.len());
    println!(
        "index build {:.1} ms (median of {BUILDS}; best {:.1} ms), memory {:.1} MiB   |   FTS5 build {:.1} ms",
        builds[BUILDS / 2].as_secs_f64() * 1e3,
        builds[0].as_secs_f64() * 1e3,
        index.memory() as f64 / (1024.0 * 1024.0),
        fts_build.as_secs_f64() * 1e3
    );
    println!(
        "{:<9} {:>10} {:>10} {:>7}   {:>10} {:>10} {:>7}  {:>8}",
        "class", "p50", "p95", "found", "FTS5 p50", "FTS5 p95", "found", "p50 ratio"
    );
    let mut statement = conn
        .prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT 10")
        .unwrap();
    for (class, qs) in queries(concepts, per_class) {
        let (p50, p95, found) = time_each(&qs, |q| index.lookup(q, 10, Options::default()).len());
        let fts = fts5_query(class, "x").map(|_| {
            time_each(&qs, |q| {
                let m = fts5_query(class, q).unwrap();
                statement
                    .query_map([m], |row| row.get::<_, i64>(0))
                    .map(|rows| rows.count())
                    .unwrap_or(0)
            })
        });
        let us = |d: Duration| format!("{:.1} µs", d.as_secs_f64() * 1e6);
        match fts {
            Some((f50, f95, ffound)) => println!(
                "{class:<9} {:>10} {:>10} {:>6.0}%   {:>10} {:>10} {:>6.0}%  {:>7.1}x",
                us(p50),
                us(p95),
                found * 100.0,
                us(f50),
                us(f95),
                ffound * 100.0,
                f50.as_secs_f64() / p50.as_secs_f64()
            ),
            None => println!(
                "{class:<9} {:>10} {:>10} {:>6.0}%   {:>10} {:>10} {:>7}  {:>8}",
                us(p50),
                us(p95),
                found * 100.0,
                "n/a",
                "n/a",
                "",
                ""
            ),
        }
    }
}

fn main() {
    let bundled = Store::open_in_memory().unwrap().all_concepts().unwrap();
    bench("bundled termbase", &bundled, 2000);
    if std::env::var_os("KERUEN_BENCH_BUNDLED_ONLY").is_some() {
        return;
    }
    let mut large = synthetic(100_000);
    large.extend(bundled);
    bench("synthetic", &large, 2000);
}
