//! Text analysis shared by index building and querying: word splitting, folding and stemming.
//!
//! One definition serves both sides, so the index and the queries cannot drift apart:
//!
//! - [`tokenize`] splits text into words (runs of letters and digits, with the few inner
//!   punctuation marks of the Unicode word rules, UAX #29), lower-cases them and keeps
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

/// Returns whether `c` continues a word without being a letter or digit itself: combining
/// accents (text that is not in Unicode normal form C) and invisible format characters such as
/// the soft hyphen.
fn is_word_extender(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}' | '\u{ad}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Returns whether the character `mid` between `before` and `after` keeps them in one word, as
/// in the word boundary rules of Unicode (UAX #29, rules WB6, WB7, WB11 and WB12): apostrophes,
/// dots and colons between letters ("geht's", "z.B", "Bürger:innen"), and dots, commas and
/// apostrophes between digits ("107.000", "1,3").
fn joins_word(before: char, mid: char, after: char) -> bool {
    let between_letters = before.is_alphabetic()
        && after.is_alphabetic()
        && matches!(
            mid,
            '.' | '\'' | ':' | '·' | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{2027}'
        );
    let between_digits = before.is_numeric()
        && after.is_numeric()
        && matches!(
            mid,
            '.' | ',' | ';' | '\'' | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{2044}'
        );
    between_letters || between_digits
}

/// Splits `text` into words, each with its byte offset: runs of letters and digits, kept
/// together across the punctuation that [`joins_word`] accepts. Everything else separates words,
/// the underscore too ("FC_Barcelona" is two words, which [`tokenize`] joins again).
fn words(text: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    // The position in `chars` where the current word began.
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_alphanumeric() || (start.is_some() && is_word_extender(c)) {
            start = start.or(Some(i));
            i += 1;
            continue;
        }
        if let Some(first) = start {
            let after = chars.get(i + 1).map(|&(_, c)| c);
            if after.is_some_and(|after| joins_word(chars[i - 1].1, c, after)) {
                // The character after `c` is a letter or digit: it continues the word.
                i += 2;
                continue;
            }
            out.push((chars[first].0, &text[chars[first].0..chars[i].0]));
            start = None;
        }
        i += 1;
    }
    if let Some(first) = start {
        out.push((chars[first].0, &text[chars[first].0..]));
    }
    out
}

/// Splits `text` into lower-cased words; hyphenated words come as parts and as one joined word.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    // The parts of the hyphenated word that is being collected.
    let mut group: Vec<(Range<usize>, String)> = Vec::new();
    let mut words = words(text).into_iter();
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
        let lower = cut(&lowercase(word), MAX_WORD_BYTES).to_owned();
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

/// Returns `s` in lower case, character by character (see [`lower_char`]).
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// Returns the lower-case form of a letter of the Latin (up to Latin Extended-A, and `ẞ`), Greek
/// or Cyrillic alphabet, and any other character unchanged (capital `İ` becomes `ı`, which
/// [`fold`] turns into `i`).
///
/// The standard library's case mapping covers all of Unicode with a table of about 11 KB in the
/// WebAssembly build; German text and the scripts that visitors may type into the search need
/// only these ranges, where the lower-case letter is at a fixed distance from its capital.
pub fn lower_char(c: char) -> char {
    let code = c as u32;
    let offset = match code {
        0x41..=0x5a | 0xc0..=0xde if code != 0xd7 => 0x20,
        // Latin Extended-A pairs: capital even (from Ā) or odd (from Ĺ and Ź), small one above.
        0x100..=0x137 | 0x14a..=0x177 if code.is_multiple_of(2) => 1,
        0x139..=0x148 | 0x179..=0x17e if !code.is_multiple_of(2) => 1,
        0x178 => return 'ÿ',
        0x1e9e => return 'ß',
        // Greek and Cyrillic capitals.
        0x391..=0x3ab if code != 0x3a2 => 0x20,
        0x400..=0x40f => 0x50,
        0x410..=0x42f => 0x20,
        _ => 0,
    };
    char::from_u32(code + offset).unwrap_or(c)
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

#[cfg(test)]
mod tests {
    //! Tests of the word splitter and of the small case mapping.

    use super::*;

    #[test]
    fn words_keep_figures_abbreviations_and_apostrophes_together() {
        let cases: &[(&str, &[&str])] = &[
            ("107.000 Menschen", &["107.000", "Menschen"]),
            ("1,3 Mrd.", &["1,3", "Mrd"]),
            ("z.B. geht's", &["z.B", "geht's"]),
            ("Bürger:innen", &["Bürger:innen"]),
            ("am 3.Okt", &["am", "3", "Okt"]),
            ("Ende. Anfang", &["Ende", "Anfang"]),
            ("Jonas' Buch", &["Jonas", "Buch"]),
            ("Flu\u{308}chtlinge", &["Flu\u{308}chtlinge"]),
            ("FC_Barcelona", &["FC", "Barcelona"]),
            ("a - b", &["a", "b"]),
            ("😀 …", &[]),
        ];
        for (text, expected) in cases {
            let found: Vec<&str> = words(text).into_iter().map(|(_, w)| w).collect();
            assert_eq!(&found, expected, "{text}");
            for (start, word) in words(text) {
                assert_eq!(&text[start..start + word.len()], word);
            }
        }
    }

    #[test]
    fn lower_char_agrees_with_the_standard_library() {
        let ranges = [0..0x250, 0x370..0x530, 0x1e9e..0x1e9f];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut expected = c.to_lowercase();
            let single = (expected.len() == 1).then(|| expected.next()).flatten();
            let covered = matches!(c as u32, 0x41..=0x17f | 0x391..=0x3ab | 0x400..=0x42f | 0x1e9e);
            if covered && c != 'İ' {
                assert_eq!(Some(lower_char(c)), single, "{c}");
            } else if lower_char(c) != c {
                assert!(covered, "{c} is mapped outside the covered ranges");
            }
        }
    }
}
