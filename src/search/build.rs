//! Building an [`Index`] on two threads: the plain space (terms as written, and pinyin),
//! the translit space (Kazakh and Russian terms in Latin letters), and a typo index over
//! each.
//!
//! The plain space is the larger, so the main thread builds it while a helper builds the
//! translit space. The helper also folds every spelling, once, and hands the folded
//! spellings over chunk by chunk: the main thread only indexes them, and the Kazakh and
//! Russian ones are spelt in Latin letters from the same fold. Folding is about a fifth of
//! the plain space's work, so the two threads finish closer together.

use super::fuzzy::{DeletionIndex, DeletionPairs};
use super::normalize::fold_into;
use super::space::{Space, SpaceBuilder};
use super::{Form, Index, translit};
use crate::model::{Concept, Lang, Term};
use crate::script::is_han;
use std::ops::Range;
use std::sync::mpsc::sync_channel;

/// How many concepts the helper folds before handing them over.
const CHUNK: usize = 256;

/// How many folded chunks may wait for the main thread.
const WAITING: usize = 4;

/// The folded spellings of a chunk of concepts, in the order the plain space takes them.
#[derive(Default)]
struct Folded {
    /// Every spelling, end to end.
    text: String,
    /// Whose each spelling is, and where it ends in `text`.
    spellings: Vec<Spelling>,
}

/// One folded spelling of a term.
struct Spelling {
    concept: u32,
    lang: Lang,
    term: u8,
    form: Form,
    end: u32,
}

impl Folded {
    /// Folds every spelling of `concepts[range]`, and adds the Kazakh and Russian terms to
    /// `translit` in Latin letters.
    fn chunk(concepts: &[Concept], range: Range<usize>, translit: &mut SpaceBuilder) -> Folded {
        let mut folded = Folded::default();
        for at in range {
            let concept = at as u32;
            for lang in Lang::ALL {
                let terms = concept_terms(&concepts[at], lang);
                for (term_at, term) in terms {
                    let start = folded.text.len();
                    fold_into(&term.text, &mut folded.text);
                    folded.close(concept, lang, term_at, Form::Text);
                    if matches!(lang, Lang::Kk | Lang::Ru) {
                        let text = &folded.text[start..];
                        translit.add(concept, lang, term_at, Form::Translit, |out| {
                            translit::from_cyrillic_into(text, out)
                        });
                    }
                    if let Some(pinyin) = &term.pinyin {
                        fold_into(pinyin, &mut folded.text);
                        folded.close(concept, lang, term_at, Form::Pinyin);
                    }
                }
            }
        }
        folded
    }

    /// Ends the spelling being written.
    fn close(&mut self, concept: u32, lang: Lang, term: u8, form: Form) {
        self.spellings.push(Spelling {
            concept,
            lang,
            term,
            form,
            end: self.text.len() as u32,
        });
    }

    /// Adds every spelling to the plain space.
    fn add_to(&self, plain: &mut SpaceBuilder) {
        let mut start = 0;
        for spelling in &self.spellings {
            let end = spelling.end as usize;
            let text = &self.text[start..end];
            plain.add(
                spelling.concept,
                spelling.lang,
                spelling.term,
                spelling.form,
                |out| out.push_str(text),
            );
            start = end;
        }
    }
}

/// The first 255 terms of a concept in `lang`, with their positions.
fn concept_terms(concept: &Concept, lang: Lang) -> impl Iterator<Item = (u8, &Term)> {
    (0..u8::MAX).zip(&concept.lang(lang).terms)
}

/// Builds the index over `concepts` (see the module's comment).
pub fn build(concepts: &[Concept]) -> Index {
    let (plain, (translit, translit_typos)) = std::thread::scope(|scope| {
        let (hand_over, folded) = sync_channel::<Folded>(WAITING);
        let helper = scope.spawn(move || {
            let mut translit = SpaceBuilder::default();
            for start in (0..concepts.len()).step_by(CHUNK) {
                let end = (start + CHUNK).min(concepts.len());
                let chunk = Folded::chunk(concepts, start..end, &mut translit);
                if hand_over.send(chunk).is_err() {
                    // The main thread has stopped, and will report why.
                    break;
                }
            }
            // Tells the main thread that every chunk has come.
            drop(hand_over);
            let space = translit.finish();
            let typos = typo_index(&space, 1);
            (space, typos)
        });
        let mut plain = SpaceBuilder::default();
        for chunk in folded {
            chunk.add_to(&mut plain);
        }
        (
            plain.finish(),
            helper
                .join()
                .expect("building the translit space does not panic"),
        )
    });
    let typos = typo_index(&plain, 2);
    Index {
        plain,
        translit,
        typos,
        translit_typos,
        domains: concepts.iter().map(|c| c.domain).collect(),
    }
}

/// The deletion index over a space's words (Chinese excluded: typos there are not letters),
/// each thread gathering the pairs of its own share of the words.
fn typo_index(space: &Space, threads: usize) -> DeletionIndex {
    let count = space.word_count() as u32;
    let share = count.div_ceil(threads.max(1) as u32).max(1);
    let gather = |first: u32| {
        let mut pairs = DeletionPairs::default();
        let mut chars = Vec::new();
        for id in first..(first + share).min(count) {
            chars.clear();
            chars.extend(space.word(id).chars());
            if !chars.iter().copied().any(is_han) {
                pairs.insert_chars(id, &chars);
            }
        }
        pairs
    };
    let gathered: Vec<DeletionPairs> = std::thread::scope(|scope| {
        let others: Vec<_> = (share..count)
            .step_by(share as usize)
            .map(|first| scope.spawn(move || gather(first)))
            .collect();
        std::iter::once(gather(0))
            .chain(
                others
                    .into_iter()
                    .map(|other| other.join().expect("gathering typo pairs does not panic")),
            )
            .collect()
    });
    DeletionIndex::group(&gathered, threads)
}
