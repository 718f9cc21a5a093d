//! Text analysis shared by index building and querying: word splitting, folding and stemming.
//!
//! One definition serves both sides, so the index and the queries cannot drift apart:
//!
//! - [`tokenize`] splits text into words by Unicode rules (UAX #29), lower-cases them and keeps
//!   hyphenated (and underscore-joined) words twice: as their parts and as one joined word, so that
//!   "Deutsch-Kurs" finds both "Kurs" and "Deutschkurs".
//! - [`fold`] maps a lower-case word onto the spelling-independent form that the Snowball German
//!   stemmer (version 3.0.0) uses: `ß` becomes `ss`, `ä`/`ö`/`ü` become `a`/`o`/`u`, and the typed
//!   digraphs `ae`/`oe`/`ue` become `a`/`o`/`u` as well. The digraphs are folded only where the
//!   Snowball rules fold them: never after `q` ("Quelle") and never when the `u` stands between two
//!   vowels ("Steuer", "neue", "Bauer"), which keeps ordinary words intact. Because the same rule
//!   runs on the index and the query side, "Muenchen", "Munchen" and "München" are one word; words
//!   such as "aktuell" become "aktull" on both sides, which is harmless.
//! - [`stem`] is the Snowball German stem of a lower-case word followed by the same folding.

use std::ops::Range;

use pagefind_stem::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

pub use super::stopwords::is_stopword;

/// Words longer than this many bytes are cut before stemming, which bounds the work per word.
pub const MAX_WORD_BYTES: usize = 64;

/// One word found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The byte range of the word in the analysed text (for a joined word: from its first to its
    /// last part, hyphens included).
    pub range: Range<usize>,
    /// The word in lower case, joined without hyphens for a joined word.
    pub lower: String,
    /// Whether this token is the joined form of a hyphenated word (its parts come as own tokens).
    pub joined: bool,
}

/// Returns whether `c` joins two word parts into one hyphenated word.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '_')
}

/// Splits `text` into lower-cased words; hyphenated words come as parts and as one joined word.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    // The parts of the hyphenated word that is being collected.
    let mut group: Vec<(Range<usize>, String)> = Vec::new();
    let mut words = text.unicode_word_indices().flat_map(|(start, word)| {
        // UAX #29 keeps "FC_Barcelona" together; split it so that its parts are found.
        word.split('_').scan(start, |offset, part| {
            let begin = *offset;
            *offset += part.len() + 1;
            Some((begin, part))
        })
    });
    let flush = |group: &mut Vec<(Range<usize>, String)>, out: &mut Vec<Token>| {
        if group.len() > 1 {
            let range = group[0].0.start..group[group.len() - 1].0.end;
            let lower: String = group.iter().map(|(_, w)| w.as_str()).collect();
            out.push(Token {
                range,
                lower,
                joined: true,
            });
        }
        group.clear();
    };
    for (start, word) in words.by_ref() {
        if word.is_empty() || !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let end = start + word.len();
        let joins_previous = group.last().is_some_and(|(prev, _)| {
            let gap = &text[prev.end..start];
            let mut chars = gap.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if is_joiner(c))
        });
        if !joins_previous {
            flush(&mut group, &mut out);
        }
        let lower = cut(&word.to_lowercase(), MAX_WORD_BYTES).to_owned();
        out.push(Token {
            range: start..end,
            lower: lower.clone(),
            joined: false,
        });
        group.push((start..end, lower));
    }
    flush(&mut group, &mut out);
    out
}

/// Cuts `s` to at most `max` bytes on a character boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Returns whether `c` is a vowel in the sense of the Snowball German stemmer.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü')
}

/// Maps accented Latin letters onto their base letter; `ß` and the umlauts are handled by [`fold`].
fn plain_letter(c: char) -> Option<char> {
    Some(match c {
        'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ü' | 'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    })
}

/// Folds a lower-case word into its spelling-independent form (see the module documentation).
pub fn fold(lower: &str) -> String {
    let chars: Vec<char> = lower.chars().collect();
    // Mark a `u` between two vowels: it is a consonant there and never part of a digraph.
    let protected: Vec<bool> = (0..chars.len())
        .map(|i| {
            chars[i] == 'u'
                && i > 0
                && i + 1 < chars.len()
                && is_vowel(chars[i - 1])
                && is_vowel(chars[i + 1])
        })
        .collect();
    let mut out = String::with_capacity(lower.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('q', Some('u')) => {
                out.push_str("qu");
                i += 2;
                continue;
            }
            ('a' | 'o', Some('e')) => {
                out.push(c);
                i += 2;
                continue;
            }
            ('u', Some('e')) if !protected[i] => {
                out.push('u');
                i += 2;
                continue;
            }
            ('ß', _) => out.push_str("ss"),
            _ => out.push(plain_letter(c).unwrap_or(c)),
        }
        i += 1;
    }
    out
}

/// Returns the folded Snowball German stem of a lower-case word.
pub fn stem(lower: &str) -> String {
    let stemmer = Stemmer::create(Algorithm::German);
    let stemmed = stemmer.stem(cut(lower, MAX_WORD_BYTES));
    // The stemmer already folds umlauts and digraphs; fold the remaining accents the same way.
    if stemmed.is_ascii() {
        stemmed.into_owned()
    } else {
        stemmed
            .chars()
            .map(|c| plain_letter(c).unwrap_or(c))
            .collect()
    }
}

/// A word prepared for the index or a query: its stem, and whether it is a stopword.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysed {
    /// The token as found in the text.
    pub token: Token,
    /// The folded stem of the token.
    pub stem: String,
    /// Whether the token is a stopword (such tokens are not indexed).
    pub stop: bool,
}

/// Tokenizes `text` and stems every token; the one analysis used for documents and queries.
pub fn analyse(text: &str) -> Vec<Analysed> {
    tokenize(text)
        .into_iter()
        .map(|token| {
            let stop = !token.joined && is_stopword(&fold(&token.lower));
            let stem = stem(&token.lower);
            Analysed { token, stem, stop }
        })
        .collect()
}
