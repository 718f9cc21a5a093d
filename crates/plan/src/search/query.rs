//! Turning a query string into clauses of weighted alternatives.

use super::compound::{Lexicon, MIN_PART};
use super::fuzzy::{max_typos, near};
use super::index::Index;
use super::text::{analyse, cut, fold};
use super::{MAX_QUERY_CHARS, MAX_QUERY_WORDS, RankParams};

/// The most indexed words that one unfinished query word may expand to.
const MAX_PREFIX_TERMS: usize = 30;
/// The most typo corrections that one query word may expand to.
const MAX_FUZZY_TERMS: usize = 8;
/// The most compounds ending with a query word that it may expand to.
const MAX_HEAD_TERMS: usize = 30;

/// One way to satisfy a clause: documents that contain all `terms`, counted with `weight`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Alternative {
    /// Term ids that must all occur.
    pub terms: Vec<u32>,
    /// The factor applied to the BM25 score of the terms.
    pub weight: f32,
}

/// One query word with its alternatives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Clause {
    /// The query word, folded (for suggestions).
    pub folded: String,
    /// The ways to satisfy the clause; empty when the word is unknown.
    pub alternatives: Vec<Alternative>,
}

/// A parsed query.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Query {
    /// One clause per distinct searchable query word.
    pub clauses: Vec<Clause>,
    /// Whether the query was cut.
    pub truncated: bool,
}

/// Parses `query` against `index`; `prefix` allows completing the last word.
pub(crate) fn parse(index: &Index, query: &str, prefix: bool, params: &RankParams) -> Query {
    let cut_query = cut_chars(query, MAX_QUERY_CHARS);
    let mut truncated = cut_query.len() < query.len();
    let ends_open = prefix
        && cut_query
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        && !truncated;
    let words: Vec<_> = analyse(cut_query)
        .into_iter()
        .filter(|w| !w.token.joined)
        .collect();
    let last_end = words.last().map(|w| w.token.range.end);
    let mut clauses: Vec<Clause> = Vec::new();
    let mut stems: Vec<String> = Vec::new();
    for word in &words {
        let is_last = Some(word.token.range.end) == last_end && ends_open;
        // A stopword is skipped, unless it is being typed and may become a longer word.
        if (word.stop && !is_last) || stems.contains(&word.stem) {
            continue;
        }
        if clauses.len() == MAX_QUERY_WORDS {
            truncated = true;
            break;
        }
        stems.push(word.stem.clone());
        let folded = fold(&word.token.lower);
        let mut alternatives = Vec::new();
        let exact = index.term_id(&word.stem).filter(|_| !word.stop);
        if let Some(id) = exact {
            alternatives.push(Alternative {
                terms: vec![id],
                weight: 1.0,
            });
        }
        if is_last && folded.chars().count() >= 2 {
            for id in prefixed(index, &folded, &word.stem, exact) {
                alternatives.push(Alternative {
                    terms: vec![id],
                    weight: params.prefix,
                });
            }
        }
        if word.stop && alternatives.is_empty() {
            continue;
        }
        let completed = !alternatives.is_empty();
        synonyms(index, &word.stem, params.synonym, &mut alternatives);
        if word.stem.chars().count() >= MIN_PART {
            for id in heads(index, &word.stem) {
                alternatives.push(Alternative {
                    terms: vec![id],
                    weight: params.head,
                });
            }
        }
        if exact.is_none() {
            // Typos are only considered when the word is neither known nor being completed.
            let typos = if completed {
                0
            } else {
                max_typos(folded.chars().count())
            };
            for (id, d) in near(index, &word.stem, &folded, typos, MAX_FUZZY_TERMS) {
                alternatives.push(Alternative {
                    terms: vec![id],
                    weight: params.fuzzy / d as f32,
                });
            }
            if let Some(parts) = index.split(&folded) {
                let ids: Option<Vec<u32>> = parts
                    .iter()
                    .map(|p| index.term_id(&super::text::stem(p)))
                    .collect();
                if let Some(ids) = ids {
                    alternatives.push(Alternative {
                        terms: ids,
                        weight: params.split,
                    });
                }
            }
        }
        clauses.push(Clause {
            folded,
            alternatives,
        });
    }
    Query { clauses, truncated }
}

/// Cuts `s` to at most `max` characters.
fn cut_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((end, _)) => cut(s, end),
        None => s,
    }
}

/// Returns the ids of indexed stems that begin with the folded word or its stem, most frequent first.
fn prefixed(index: &Index, folded: &str, stem: &str, exact: Option<u32>) -> Vec<u32> {
    let mut ids: Vec<u32> = Vec::new();
    for start in [folded, stem] {
        let first = index.terms.partition_point(|t| t.stem.as_str() < start);
        for (offset, term) in index.terms[first..].iter().enumerate() {
            if !term.stem.starts_with(start) {
                break;
            }
            let id = (first + offset) as u32;
            if Some(id) != exact && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids.sort_by_key(|&id| std::cmp::Reverse(index.terms[id as usize].postings.len()));
    ids.truncate(MAX_PREFIX_TERMS);
    ids
}

/// Returns the ids of indexed compounds that end with `stem` ("fluchtlingshilf" for "hilf").
fn heads(index: &Index, stem: &str) -> Vec<u32> {
    let ending = |id: &u32| index.terms[*id as usize].stem.as_bytes();
    let first = index
        .by_ending
        .partition_point(|id| ending(id).iter().rev().lt(stem.as_bytes().iter().rev()));
    let mut ids: Vec<u32> = index.by_ending[first..]
        .iter()
        .take_while(|id| ending(id).ends_with(stem.as_bytes()))
        .filter(|id| ending(id).len() >= stem.len() + MIN_PART)
        .copied()
        .collect();
    ids.sort_by_key(|&id| std::cmp::Reverse(index.terms[id as usize].postings.len()));
    ids.truncate(MAX_HEAD_TERMS);
    ids
}

/// Adds the editors' synonyms of `stem` that occur in the index.
fn synonyms(index: &Index, stem: &str, weight: f32, alternatives: &mut Vec<Alternative>) {
    let Ok(pos) = index
        .synonyms
        .binary_search_by(|(k, _)| k.as_str().cmp(stem))
    else {
        return;
    };
    for target in &index.synonyms[pos].1 {
        let ids: Option<Vec<u32>> = target.iter().map(|s| index.term_id(s)).collect();
        if let Some(terms) = ids {
            alternatives.push(Alternative { terms, weight });
        }
    }
}
