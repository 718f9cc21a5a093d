//! Compound splitting against the vocabulary of the indexed corpus.
//!
//! German writes compounds as one word ("Flüchtlingsunterkünfte"), so a search for "Unterkunft"
//! would miss it. At index time every long word is split into parts that occur in the corpus on
//! their own, and the stems of the parts are indexed as *part* matches (which rank below whole-word
//! matches). The splitter works on folded words (see [`super::text::fold`]):
//!
//! - A modifier (any part but the last) must be at least [`MIN_PART`] letters long and be a folded
//!   corpus word or the stem of one ("wohn" from "wohnen", "fluchtling" from "Flüchtlinge"). It may
//!   be followed by a linking element (Fugenelement) `s`, `es`, `n`, `en` or `e`.
//! - The head (the last part) must be at least [`MIN_PART`] letters long and its stem must be the
//!   stem of a corpus word, so plural and umlaut forms match ("unterkunfte" → "unterkunft").
//! - Stopwords never count as parts ("unter" + "kunft" is not a split).
//! - Among all splits, the one with the fewest parts wins; ties go to the higher geometric mean of
//!   the parts' corpus frequencies (Koehn and Knight, 2003).

use std::collections::{HashMap, HashSet};

use super::text::{is_stopword, stem};

/// The minimum length of a compound part, in characters.
pub const MIN_PART: usize = 4;
/// Words shorter than this many characters are never split.
pub const MIN_WORD: usize = 2 * MIN_PART;
/// Words longer than this many characters are never split (they are not words).
pub const MAX_WORD: usize = 40;
/// The linking elements (Fugenelemente) that may follow a modifier, longest first.
pub(crate) const LINKS: &[&str] = &["es", "en", "s", "n", "e", ""];

/// The words a splitter may use as compound parts.
pub trait Lexicon {
    /// Returns how often the folded stem occurs, or `None` when it is unknown.
    fn stem_freq(&self, stem: &str) -> Option<u32>;
    /// Returns whether the folded word occurs as a whole word.
    fn has_word(&self, folded: &str) -> bool;

    /// Returns the frequency of `part` as a modifier, or `None` when it is not a corpus word.
    fn modifier(&self, part: &str) -> Option<u32> {
        if part.chars().count() < MIN_PART || is_stopword(part) {
            return None;
        }
        match self.stem_freq(part) {
            Some(n) => Some(n),
            None if self.has_word(part) => Some(self.stem_freq(&stem(part)).unwrap_or(1)),
            None => None,
        }
    }

    /// Returns the frequency of `part` as a head, or `None` when it is not a corpus word.
    fn head(&self, part: &str) -> Option<u32> {
        if part.chars().count() < MIN_PART || is_stopword(part) {
            return None;
        }
        self.stem_freq(&stem(part))
    }

    /// Splits a folded word into its parts (folded, unstemmed), or returns `None` when the word is
    /// not a compound of known words.
    fn split(&self, folded: &str) -> Option<Vec<String>>
    where
        Self: Sized,
    {
        let chars: Vec<char> = folded.chars().collect();
        if chars.len() < MIN_WORD
            || chars.len() > MAX_WORD
            || !chars.iter().all(|c| c.is_alphabetic())
        {
            return None;
        }
        let mut memo = vec![None; chars.len()];
        let best = best_from(self, &chars, 0, &mut memo)?;
        (best.parts.len() > 1).then_some(best.parts)
    }
}

/// The words of a corpus being indexed, with their frequencies.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Folded corpus words.
    words: HashSet<String>,
    /// Folded stems of corpus words, with how often they occur.
    stems: HashMap<String, u32>,
}

impl Vocabulary {
    /// Creates an empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one occurrence of a word, given as its folded form and its stem.
    pub fn add(&mut self, folded: &str, stem: &str, count: u32) {
        if !self.words.contains(folded) {
            self.words.insert(folded.to_owned());
        }
        *self.stems.entry(stem.to_owned()).or_default() += count;
    }
}

impl Lexicon for Vocabulary {
    fn stem_freq(&self, stem: &str) -> Option<u32> {
        self.stems.get(stem).copied()
    }

    fn has_word(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }
}

/// Finds the best split of `chars[start..]` into at least one part; `memo` holds the answers
/// found so far, by start position.
fn best_from<L: Lexicon>(
    lex: &L,
    chars: &[char],
    start: usize,
    memo: &mut [Option<Option<Split>>],
) -> Option<Split> {
    if let Some(known) = &memo[start] {
        return known.clone();
    }
    let rest: String = chars[start..].iter().collect();
    let mut best = lex
        .head(&rest)
        .filter(|_| start > 0)
        .map(|n| Split::single(rest, n));
    for end in start + MIN_PART..chars.len().saturating_sub(MIN_PART - 1) {
        let modifier: String = chars[start..end].iter().collect();
        let Some(freq) = lex.modifier(&modifier) else {
            continue;
        };
        let tail: String = chars[end..].iter().collect();
        for link in LINKS {
            if !tail.starts_with(link) || chars.len() - end - link.len() < MIN_PART {
                continue;
            }
            let next = end + link.chars().count();
            if let Some(split) = best_from(lex, chars, next, memo) {
                let candidate = split.prepend(modifier.clone(), freq);
                if best.as_ref().is_none_or(|b| candidate.better_than(b)) {
                    best = Some(candidate);
                }
            }
        }
    }
    memo[start] = Some(best.clone());
    best
}

/// A candidate split: its parts and the sum of the logarithms of their frequencies.
#[derive(Clone, Debug)]
struct Split {
    parts: Vec<String>,
    log_freq: f64,
}

impl Split {
    fn single(part: String, freq: u32) -> Self {
        Split {
            parts: vec![part],
            log_freq: f64::from(freq).ln(),
        }
    }

    fn prepend(&self, part: String, freq: u32) -> Self {
        let mut parts = Vec::with_capacity(self.parts.len() + 1);
        parts.push(part);
        parts.extend(self.parts.iter().cloned());
        Split {
            parts,
            log_freq: self.log_freq + f64::from(freq).ln(),
        }
    }

    fn mean(&self) -> f64 {
        self.log_freq / self.parts.len() as f64
    }

    fn better_than(&self, other: &Split) -> bool {
        self.parts.len() < other.parts.len()
            || (self.parts.len() == other.parts.len() && self.mean() > other.mean())
    }
}
