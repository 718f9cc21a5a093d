//! Turning a query string into clauses of weighted alternatives.

use super::compound::{LINKS, Lexicon, MIN_PART, MIN_WORD};
use super::fuzzy::{max_typos, near};
use super::index::Index;
use super::order::sorted;
use super::text::{analyse, cut, fold, is_stopword, stem};
use super::{MAX_QUERY_CHARS, MAX_QUERY_WORDS, RankParams};

/// The most indexed words that one unfinished query word may expand to.
const MAX_PREFIX_TERMS: usize = 30;
/// The most typo corrections that one query word may expand to.
const MAX_FUZZY_TERMS: usize = 8;
/// The most compounds ending with a query word that it may expand to.
const MAX_HEAD_TERMS: usize = 30;
/// The weight of a known part of a compound query word whose other part is not indexed, relative
/// to [`RankParams::split`].
const PARTIAL_SPLIT: f32 = 0.5;

/// One way to satisfy a clause: documents that contain all `terms`, counted with `weight`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Alternative {
    /// Term ids that must all occur.
    pub terms: Vec<u32>,
    /// The factor applied to the BM25 score of the terms.
    pub weight: f32,
    /// Whether the alternative completes the unfinished last query word.
    pub completion: bool,
}

/// One query word with its alternatives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Clause {
    /// The query word, folded (for suggestions).
    pub folded: String,
    /// The ways to satisfy the clause; empty when the word is unknown.
    pub alternatives: Vec<Alternative>,
    /// The term of the unfinished last query word when it is indexed itself: sections that
    /// contain it rank above sections that only contain its completions or other alternatives.
    pub exact: Option<u32>,
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
            push(&mut alternatives, [id], 1.0);
        }
        if is_last && folded.chars().count() >= 2 {
            let first_completion = alternatives.len();
            let ids = prefixed(index, &folded, &word.stem, exact);
            let completes = !ids.is_empty();
            push(&mut alternatives, ids, params.prefix);
            // Only a word that neither is indexed nor begins one is looked for inside compounds:
            // that scan reads every term, too slow to run on every keystroke of a large corpus.
            if exact.is_none() && !completes {
                // "Unterkunf" completes to the compound part in "Flüchtlingsunterkünfte".
                let ids = infixed(index, &folded, &word.stem);
                push(&mut alternatives, ids, params.prefix * params.head);
            }
            for alternative in &mut alternatives[first_completion..] {
                alternative.completion = true;
            }
        }
        if word.stop && alternatives.is_empty() {
            continue;
        }
        let completed = !alternatives.is_empty();
        let before_synonyms = alternatives.len();
        synonyms(index, &word.stem, params, &mut alternatives);
        let has_synonyms = alternatives.len() > before_synonyms;
        if word.stem.chars().count() >= MIN_PART {
            push(&mut alternatives, heads(index, &word.stem), params.head);
        }
        if exact.is_none() {
            // Typos are only considered when the word is neither known, nor being completed, nor
            // a synonym that the editors listed: "Lager" is not a typo of "lange".
            let typos = if completed || has_synonyms {
                0
            } else {
                max_typos(folded.chars().count())
            };
            for (id, d) in near(index, &word.stem, &folded, typos, MAX_FUZZY_TERMS) {
                push(&mut alternatives, [id], params.fuzzy / d as f32);
            }
            if let Some(ids) = split(index, &folded) {
                alternatives.push(Alternative {
                    terms: ids,
                    weight: params.split,
                    completion: false,
                });
            } else if alternatives.is_empty()
                && let Some(id) = known_part(index, &folded)
            {
                // The last resort: "Fachkräftemangel" finds "Fachkräfte" when "Mangel" is unknown.
                push(&mut alternatives, [id], params.split * PARTIAL_SPLIT);
            }
        }
        clauses.push(Clause {
            folded,
            alternatives,
            exact: exact.filter(|_| is_last),
        });
    }
    Query { clauses, truncated }
}

/// Adds one single-term alternative with `weight` for each of `ids`.
fn push(alternatives: &mut Vec<Alternative>, ids: impl IntoIterator<Item = u32>, weight: f32) {
    for id in ids {
        alternatives.push(Alternative {
            terms: vec![id],
            weight,
            completion: false,
        });
    }
}

/// Returns the terms of the parts of a folded compound word whose parts are all indexed.
fn split(index: &Index, folded: &str) -> Option<Vec<u32>> {
    let parts = index.split(folded)?;
    parts.iter().map(|p| index.term_id(&stem(p))).collect()
}

/// Returns the term of the longest indexed part of a folded compound word whose other part is
/// not indexed, when that other part looks like a German word part ([`plausible_part`]):
/// an indexed modifier with its linking element before the rest ("fachkraft" + "e" + "mangel"),
/// or an indexed head after the rest.
fn known_part(index: &Index, folded: &str) -> Option<u32> {
    let chars: Vec<char> = folded.chars().collect();
    if chars.len() < MIN_WORD || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    // The indexed part as its length in characters and its term.
    let mut best: Option<(usize, u32)> = None;
    let mut consider = |len: usize, id: Option<u32>| {
        if let Some(id) = id
            && best.is_none_or(|(l, _)| len > l)
        {
            best = Some((len, id));
        }
    };
    for end in MIN_PART..=chars.len() - MIN_PART {
        let front: String = chars[..end].iter().collect();
        let back: String = chars[end..].iter().collect();
        if !is_stopword(&front) {
            let id = index.term_id(&stem(&front));
            let linked = LINKS
                .iter()
                .any(|link| back.strip_prefix(link).is_some_and(plausible_part));
            consider(end, id.filter(|_| linked));
        }
        if plausible_part(&front) && !is_stopword(&back) {
            consider(chars.len() - end, index.term_id(&stem(&back)));
        }
    }
    best.map(|(_, id)| id)
}

/// Returns whether a folded string may be a German word part: at least [`MIN_PART`] letters,
/// a vowel among them, and not a stopword.
fn plausible_part(part: &str) -> bool {
    part.chars().count() >= MIN_PART
        && part.chars().all(char::is_alphabetic)
        && part
            .chars()
            .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        && !is_stopword(part)
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
    most_frequent(index, &ids, MAX_PREFIX_TERMS)
}

/// Returns the ids of indexed compounds that end with `stem` ("fluchtlingshilf" for "hilf").
fn heads(index: &Index, stem: &str) -> Vec<u32> {
    let ending = |id: &u32| index.terms[*id as usize].stem.as_bytes();
    let first = index
        .by_ending
        .partition_point(|id| ending(id).iter().rev().lt(stem.as_bytes().iter().rev()));
    let ids: Vec<u32> = index.by_ending[first..]
        .iter()
        .take_while(|id| ending(id).ends_with(stem.as_bytes()))
        .filter(|id| ending(id).len() >= stem.len() + MIN_PART)
        .copied()
        .collect();
    most_frequent(index, &ids, MAX_HEAD_TERMS)
}

/// Returns the first `limit` of `ids`, the most frequent terms first (ties keep their order).
fn most_frequent(index: &Index, ids: &[u32], limit: usize) -> Vec<u32> {
    let df = |i: usize| index.terms[ids[i] as usize].postings.len();
    sorted(ids.len(), &|a, b| df(b).cmp(&df(a)))
        .into_iter()
        .take(limit)
        .map(|i| ids[i])
        .collect()
}

/// Adds the editors' synonyms of `stem` that occur in the index. A one-word synonym also finds
/// the compounds that end with it, as a typed word does ("Lager" → "Unterkunft" →
/// "Flüchtlingsunterkünfte").
fn synonyms(index: &Index, stem: &str, params: &RankParams, alternatives: &mut Vec<Alternative>) {
    let Ok(pos) = index
        .synonyms
        .binary_search_by(|(k, _)| k.as_str().cmp(stem))
    else {
        return;
    };
    for target in &index.synonyms[pos].1 {
        let ids: Option<Vec<u32>> = target.iter().map(|s| index.term_id(s)).collect();
        if let Some(terms) = ids {
            alternatives.push(Alternative {
                terms,
                weight: params.synonym,
                completion: false,
            });
        }
        if let [word] = &target[..]
            && word.chars().count() >= MIN_PART
        {
            let ids = heads(index, word);
            push(alternatives, ids, params.synonym * params.head);
        }
    }
}

/// Returns the ids of indexed compounds that contain the folded word or its stem after a first
/// part, most frequent first: the completions of an unfinished compound part.
fn infixed(index: &Index, folded: &str, stem: &str) -> Vec<u32> {
    let ids: Vec<u32> = (0..index.terms.len() as u32)
        .filter(|&id| {
            let term = index.terms[id as usize].stem.as_str();
            [folded, stem]
                .iter()
                .filter(|p| p.chars().count() >= MIN_PART)
                .any(|part| {
                    term.char_indices()
                        .skip(MIN_PART)
                        .any(|(at, _)| term[at..].starts_with(part))
                })
        })
        .collect();
    most_frequent(index, &ids, MAX_PREFIX_TERMS)
}
