//! Progress figures from a fixed card set and review log, against hand-computed values.

use keruen::glossary::Glossary;
use keruen::model::{Concept, Lang};
use keruen::stats::{StatsInput, compute};
use keruen::store::Store;
use keruen::study::card::{Card, CardKey, CardState, Direction, Rating, Review};
use keruen::study::settings::StudySettings;

const TODAY: i64 = 20_000;
const DAY: i64 = 86_400;

fn review(card_id: i64, study_day: i64, rating: Rating, state_before: CardState) -> Review {
    Review {
        id: 0,
        card_id,
        reviewed_at: study_day * DAY * 1000,
        study_day,
        rating,
        state_before,
        elapsed_days: 0,
        interval_days: 0,
        stability: 1.0,
        difficulty: 5.0,
        duration_ms: 0,
    }
}

fn card(
    id: i64,
    concept: &str,
    direction: Direction,
    state: CardState,
    due: i64,
    stability: f64,
) -> Card {
    Card {
        id,
        state,
        due,
        stability: Some(stability),
        difficulty: Some(5.0),
        reps: 3,
        last_review: Some(0),
        ..Card::new(CardKey {
            concept: concept.into(),
            direction,
        })
    }
}

#[test]
fn stats_of_a_fixed_log_match_hand_counts() {
    let glossary = Glossary::load(Store::open_in_memory().unwrap()).unwrap();
    let study_set: Vec<&Concept> = ["bill-of-lading", "container-train", "customs-declaration"]
        .iter()
        .map(|id| glossary.concept_by_id(id).expect(id))
        .collect();
    let ru_zh = Direction::new(Lang::Ru, Lang::Zh);
    let zh_ru = Direction::new(Lang::Zh, Lang::Ru);
    let settings = StudySettings {
        directions: vec![ru_zh, zh_ru],
        new_per_day: 20,
        ..StudySettings::default()
    };
    let tomorrow = (TODAY + 1) * DAY;
    let cards = vec![
        // mastered, due in 3 days
        card(
            1,
            "bill-of-lading",
            ru_zh,
            CardState::Review,
            tomorrow + 2 * DAY + 10,
            30.0,
        ),
        // overdue review: due today
        card(
            2,
            "bill-of-lading",
            zh_ru,
            CardState::Review,
            tomorrow - 5 * DAY,
            4.0,
        ),
        // learning, due later today
        card(
            3,
            "container-train",
            ru_zh,
            CardState::Learning,
            tomorrow - 3600,
            0.5,
        ),
        // suspended review
        Card {
            suspended: true,
            ..card(
                4,
                "container-train",
                zh_ru,
                CardState::Review,
                tomorrow + DAY,
                25.0,
            )
        },
    ];
    let reviews = vec![
        review(1, TODAY - 40, Rating::Good, CardState::New), // outside 30 days
        review(1, TODAY - 31, Rating::Again, CardState::Review), // outside 30 days
        review(1, TODAY - 20, Rating::Good, CardState::Review),
        review(2, TODAY - 20, Rating::Good, CardState::Review),
        review(2, TODAY - 2, Rating::Hard, CardState::Review),
        review(1, TODAY - 1, Rating::Good, CardState::Review),
        review(2, TODAY, Rating::Again, CardState::Review),
        review(3, TODAY, Rating::Good, CardState::New),
        review(3, TODAY, Rating::Good, CardState::Learning),
    ];
    let day_counts = vec![
        (TODAY - 40, 1),
        (TODAY - 31, 1),
        (TODAY - 20, 2),
        (TODAY - 2, 1),
        (TODAY - 1, 1),
        (TODAY, 3),
    ];
    let stats = compute(&StatsInput {
        settings: &settings,
        study_set: &study_set,
        cards: &cards,
        reviews: &reviews,
        day_counts: &day_counts,
        today: TODAY,
        tomorrow_starts: tomorrow,
    });

    assert_eq!(stats.reviews_today, 3);
    assert_eq!(stats.streak_days, 3, "days -2, -1 and today");
    // Review-state answers in the last 30 days: Good, Good, Hard, Good, Again → 4 of 5.
    assert_eq!(stats.retention_30d, Some(0.8));
    let states = &stats.cards_by_state;
    assert_eq!(
        (
            states.new,
            states.learning,
            states.review,
            states.relearning,
            states.suspended
        ),
        (2, 1, 2, 0, 1),
        "customs-declaration has two new cards"
    );
    // Due today: the learning card, the overdue review, and the 2 new cards (limit 20, 1 used).
    assert_eq!(stats.due_today, 4);
    assert_eq!(stats.forecast[0], 1, "the overdue card");
    assert_eq!(stats.forecast[3], 1, "the card due in three days");
    assert_eq!(
        stats.forecast.iter().sum::<u32>(),
        2,
        "suspended cards are not forecast"
    );
    assert_eq!(stats.heatmap.len(), 365);
    assert_eq!(stats.heatmap[364], 3);
    assert_eq!(stats.heatmap[363], 1);
    assert_eq!(stats.heatmap[364 - 40], 1);
    assert_eq!(stats.heatmap.iter().sum::<u32>(), 9);
    assert_eq!(
        stats.retention_daily[29],
        Some(0.0),
        "today's one review was forgotten"
    );
    assert_eq!(stats.retention_daily[28], Some(1.0));
    assert_eq!(
        stats.retention_daily[27],
        Some(1.0),
        "Hard counts as remembered"
    );
    assert_eq!(stats.retention_daily[0], None);

    let ru_zh_mastery = stats
        .mastery_by_direction
        .iter()
        .find(|m| m.group == "ru-zh")
        .unwrap();
    assert_eq!(
        (
            ru_zh_mastery.cards,
            ru_zh_mastery.learned,
            ru_zh_mastery.mastered
        ),
        (3, 2, 1)
    );
    let zh_ru_mastery = stats
        .mastery_by_direction
        .iter()
        .find(|m| m.group == "zh-ru")
        .unwrap();
    assert_eq!(
        (
            zh_ru_mastery.cards,
            zh_ru_mastery.learned,
            zh_ru_mastery.mastered
        ),
        (3, 2, 1),
        "a suspended mature card still counts as mastered"
    );
    let total: u32 = stats.mastery_by_domain.iter().map(|m| m.cards).sum();
    assert_eq!(total, 6);
}
