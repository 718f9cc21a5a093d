//! The in-memory index and how it is built from documents.

use std::collections::HashMap;

use super::compound::{Lexicon, Vocabulary};
use super::fuzzy::letters;
use super::order::sorted;
use super::synonyms::search_form;
use super::text::{analyse, fold, lowercase, stem};
use super::{Document, SearchOptions, SearchResults, Synonyms};

/// The field of a posting's counts: title.
pub(crate) const TITLE: usize = 0;
/// The field of a posting's counts: heading.
pub(crate) const HEADING: usize = 1;
/// The field of a posting's counts: text.
pub(crate) const TEXT: usize = 2;
/// The field of a posting's counts: part of a compound word in any field.
pub(crate) const PART: usize = 3;
/// The number of fields.
pub(crate) const FIELDS: usize = 4;

/// How often a term occurs in one document, per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    /// The document's position.
    pub doc: u32,
    /// The counts per field ([`TITLE`], [`HEADING`], [`TEXT`], [`PART`]).
    pub tf: [u16; FIELDS],
}

/// One indexed stem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    /// The folded stem.
    pub stem: String,
    /// The most frequent spelling of the stem in the documents, for suggestions.
    pub display: String,
    /// The documents that contain the stem, by ascending position.
    pub postings: Vec<Posting>,
}

/// A search index over page sections. It holds no document text, only stems and counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    /// The number of indexed words per document.
    pub(crate) doc_lens: Vec<u32>,
    /// The terms, sorted by stem.
    pub(crate) terms: Vec<Term>,
    /// The synonyms as pairs of a looked-up stem and the stem lists it also finds, sorted.
    pub(crate) synonyms: Vec<(String, Vec<Vec<String>>)>,
    /// The average of `doc_lens`.
    pub(crate) avg_len: f32,
    /// Term ids sorted by their reversed stems, to find compounds ending with a word.
    pub(crate) by_ending: Vec<u32>,
    /// The folded display spelling of each term, for typo matching on whole words.
    pub(crate) folded: Vec<String>,
    /// The letter signatures ([`super::fuzzy::letters`]) of each term's stem and folded spelling.
    pub(crate) signatures: Vec<(u32, u32)>,
}

impl Index {
    /// Builds the index of `docs` with the editors' `synonyms`.
    pub fn build(docs: &[Document<'_>], synonyms: &Synonyms) -> Index {
        let mut doc_tf: Vec<HashMap<String, [u16; FIELDS]>> = Vec::with_capacity(docs.len());
        let mut doc_words: Vec<HashMap<String, u16>> = Vec::with_capacity(docs.len());
        let mut doc_lens = Vec::with_capacity(docs.len());
        let mut spellings: HashMap<String, HashMap<String, u32>> = HashMap::new();
        let mut vocabulary = Vocabulary::new();
        for doc in docs {
            let mut tf: HashMap<String, [u16; FIELDS]> = HashMap::new();
            let mut words: HashMap<String, u16> = HashMap::new();
            let mut len = 0u32;
            for (field, text) in [(TITLE, doc.title), (HEADING, doc.heading), (TEXT, doc.text)] {
                for word in analyse(text) {
                    if word.stop {
                        continue;
                    }
                    let counts = tf.entry(word.stem.clone()).or_default();
                    counts[field] = counts[field].saturating_add(1);
                    let spelling = &text[word.token.range.clone()];
                    *spellings
                        .entry(word.stem.clone())
                        .or_default()
                        .entry(spelling.to_owned())
                        .or_default() += 1;
                    if !word.token.joined {
                        len += 1;
                        let folded = fold(&word.token.lower);
                        vocabulary.add(&folded, &word.stem, 1);
                        let count = words.entry(folded).or_default();
                        *count = count.saturating_add(1);
                    }
                }
            }
            doc_tf.push(tf);
            doc_words.push(words);
            doc_lens.push(len);
        }
        // Index the parts of compound words, now that the whole vocabulary is known.
        let mut splits: HashMap<String, Vec<String>> = HashMap::new();
        for (tf, words) in doc_tf.iter_mut().zip(&doc_words) {
            for (folded, &count) in words {
                let parts = splits
                    .entry(folded.clone())
                    .or_insert_with(|| part_stems(&vocabulary, folded));
                for part in parts.iter() {
                    let counts = tf.entry(part.clone()).or_default();
                    counts[PART] = counts[PART].saturating_add(count);
                }
            }
        }
        let mut by_stem: HashMap<String, Vec<Posting>> = HashMap::new();
        for (doc, tf) in doc_tf.into_iter().enumerate() {
            for (stem, tf) in tf {
                by_stem.entry(stem).or_default().push(Posting {
                    doc: doc as u32,
                    tf,
                });
            }
        }
        let mut terms: Vec<Term> = by_stem
            .into_iter()
            .map(|(stem, mut postings)| {
                postings.sort_by_key(|p| p.doc);
                let display = spellings
                    .get(&stem)
                    .and_then(|s| s.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
                    .map_or_else(|| stem.clone(), |(s, _)| s.clone());
                Term {
                    stem,
                    display,
                    postings,
                }
            })
            .collect();
        terms.sort_by(|a, b| a.stem.cmp(&b.stem));
        Index::from_parts(doc_lens, terms, synonym_table(synonyms))
    }

    /// Assembles an index from its stored parts and computes the derived values.
    pub(crate) fn from_parts(
        doc_lens: Vec<u32>,
        terms: Vec<Term>,
        synonyms: Vec<(String, Vec<Vec<String>>)>,
    ) -> Index {
        let total: u64 = doc_lens.iter().map(|&l| u64::from(l)).sum();
        let avg_len = if doc_lens.is_empty() {
            1.0
        } else {
            (total as f32 / doc_lens.len() as f32).max(1.0)
        };
        let ending = |id: usize| terms[id].stem.bytes().rev();
        let by_ending: Vec<u32> = sorted(terms.len(), &|a, b| ending(a).cmp(ending(b)))
            .into_iter()
            .map(|id| id as u32)
            .collect();
        let folded: Vec<String> = terms.iter().map(|t| fold(&lowercase(&t.display))).collect();
        let signatures = terms
            .iter()
            .zip(&folded)
            .map(|(t, f)| (letters(&t.stem), letters(f)))
            .collect();
        Index {
            doc_lens,
            terms,
            synonyms,
            avg_len,
            by_ending,
            folded,
            signatures,
        }
    }

    /// Returns the number of indexed documents.
    pub fn len(&self) -> usize {
        self.doc_lens.len()
    }

    /// Returns whether the index holds no documents.
    pub fn is_empty(&self) -> bool {
        self.doc_lens.is_empty()
    }

    /// Returns the number of distinct indexed stems.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Searches with the default options: at most `limit` hits, all words required if possible,
    /// the last word completed as a prefix.
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        self.search_with(query, &SearchOptions::new(limit))
    }

    /// Returns the position of the term with the given stem.
    pub(crate) fn term_id(&self, stem: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.stem.as_str().cmp(stem))
            .ok()
            .map(|i| i as u32)
    }
}

impl Lexicon for Index {
    fn stem_freq(&self, stem: &str) -> Option<u32> {
        self.term_id(stem)
            .map(|id| self.terms[id as usize].postings.len() as u32)
    }

    fn has_word(&self, _folded: &str) -> bool {
        false
    }
}

/// Returns the stems of the compound parts of a folded word, without the word's own stem.
fn part_stems(vocabulary: &Vocabulary, folded: &str) -> Vec<String> {
    let Some(parts) = vocabulary.split(folded) else {
        return Vec::new();
    };
    let whole = stem(folded);
    let mut stems: Vec<String> = parts
        .iter()
        .map(|p| stem(p))
        .filter(|s| *s != whole)
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// Turns the editors' synonyms into looked-up stems and the stem lists they find.
fn synonym_table(synonyms: &Synonyms) -> Vec<(String, Vec<Vec<String>>)> {
    let mut table: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for (from, to) in synonyms.rules() {
        let key = search_form(from);
        if key.is_empty() || key.contains(' ') {
            continue;
        }
        let targets: Vec<Vec<String>> = to
            .iter()
            .map(|t| {
                search_form(t)
                    .split(' ')
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .filter(|t: &Vec<String>| {
                t.iter().all(|s| !s.is_empty()) && t.as_slice() != std::slice::from_ref(&key)
            })
            .collect();
        match table.iter_mut().find(|(k, _)| *k == key) {
            Some((_, existing)) => existing.extend(targets),
            None => table.push((key, targets)),
        }
    }
    table.sort();
    table
}
