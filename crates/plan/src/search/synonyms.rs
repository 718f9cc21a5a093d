//! Editor-maintained synonyms: the file format, its parser and its errors.
//!
//! Synonyms live in a TOML file that editors maintain by hand:
//!
//! ```toml
//! # Two-way group: each word also finds all the others.
//! [[gruppe]]
//! woerter = ["Geflüchtete", "Flüchtlinge", "Schutzsuchende"]
//!
//! # One-way rule: a search for "Asyl" also finds "Schutz", but not the other way round.
//! [[einweg]]
//! wort = "Asyl"
//! findet = ["Schutz", "Zuflucht"]
//! ```
//!
//! An entry may consist of several words ("Deutsch als Zweitsprache"); such an entry is found
//! in a section that contains all its words, but it is only looked up for a single typed word.
//! Synonyms are applied at query time and weigh less than the literal word. Errors name the file,
//! the line and the field, with entries counted from 1 (`gruppe[2].woerter[3]`).

use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use super::text::analyse;

/// Parsed synonym rules: for each looked-up word, the entries it also finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Synonyms {
    /// Pairs of a looked-up word and the entries it also finds, in file order.
    pub(crate) rules: Vec<(String, Vec<String>)>,
}

impl Synonyms {
    /// Returns an empty set of synonyms.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns the rules as pairs of a looked-up word and the entries it also finds.
    pub fn rules(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.rules
            .iter()
            .map(|(from, to)| (from.as_str(), to.as_slice()))
    }
}

/// What is wrong with a synonym entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SynonymErrorKind {
    /// The entry is empty or only white space.
    EmptyWord,
    /// The entry has the same search form as an earlier entry on `first_line`.
    Duplicate {
        /// The entry as written.
        word: String,
        /// The line of the earlier entry.
        first_line: usize,
    },
    /// The file or the entry does not have the expected shape.
    Malformed(String),
}

/// An error in a synonyms file, naming the file, the line and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynonymError {
    /// The file name as given to [`parse_synonyms`].
    pub file: String,
    /// The line, counted from 1.
    pub line: usize,
    /// The field, e.g. `gruppe[2].woerter[1]`, or `-` for errors of the TOML syntax.
    pub field: String,
    /// What is wrong.
    pub kind: SynonymErrorKind,
}

impl fmt::Display for SynonymError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}: ", self.file, self.line, self.field)?;
        match &self.kind {
            SynonymErrorKind::EmptyWord => write!(f, "empty word"),
            SynonymErrorKind::Duplicate { word, first_line } => {
                write!(
                    f,
                    "duplicate: \"{word}\" is already listed on line {first_line}"
                )
            }
            SynonymErrorKind::Malformed(message) => write!(f, "malformed: {message}"),
        }
    }
}

impl std::error::Error for SynonymError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    gruppe: Vec<Spanned<RawGroup>>,
    #[serde(default)]
    einweg: Vec<Spanned<RawOneWay>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    woerter: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOneWay {
    wort: Spanned<String>,
    findet: Vec<Spanned<String>>,
}

/// Parses a synonyms file (format in the module documentation); `file_name` is used in errors.
pub fn parse_synonyms(file_name: &str, text: &str) -> Result<Synonyms, SynonymError> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let error = |offset: usize, field: String, kind| SynonymError {
        file: file_name.to_owned(),
        line: line_of(offset),
        field,
        kind,
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |span| span.start);
        error(
            offset,
            "-".to_owned(),
            SynonymErrorKind::Malformed(e.message().trim().to_owned()),
        )
    })?;
    // The search form of every word seen so far that is looked up, with its line.
    let mut sources: Vec<(String, usize)> = Vec::new();
    let mut rules = Vec::new();
    // Checks one entry and returns its search form.
    let check = |word: &Spanned<String>, field: String| -> Result<String, SynonymError> {
        let offset = word.span().start;
        if word.get_ref().trim().is_empty() {
            return Err(error(offset, field, SynonymErrorKind::EmptyWord));
        }
        let key = search_form(word.get_ref());
        if key.is_empty() {
            let message = format!(
                "\"{}\" contains no searchable word (only stopwords or signs)",
                word.get_ref()
            );
            return Err(error(offset, field, SynonymErrorKind::Malformed(message)));
        }
        Ok(key)
    };
    let claim =
        |key: &str, word: &Spanned<String>, field: &str, seen: &mut Vec<(String, usize)>| {
            let line = line_of(word.span().start);
            if let Some((_, first_line)) = seen.iter().find(|(k, _)| k == key) {
                let kind = SynonymErrorKind::Duplicate {
                    word: word.get_ref().trim().to_owned(),
                    first_line: *first_line,
                };
                return Err(error(word.span().start, field.to_owned(), kind));
            }
            seen.push((key.to_owned(), line));
            Ok(())
        };
    for (g, group) in raw.gruppe.iter().enumerate() {
        let words = &group.get_ref().woerter;
        if words.len() < 2 {
            let kind = SynonymErrorKind::Malformed("a group needs at least two words".to_owned());
            return Err(error(
                group.span().start,
                format!("gruppe[{}].woerter", g + 1),
                kind,
            ));
        }
        let mut keys = Vec::new();
        for (w, word) in words.iter().enumerate() {
            let field = format!("gruppe[{}].woerter[{}]", g + 1, w + 1);
            let key = check(word, field.clone())?;
            claim(&key, word, &field, &mut sources)?;
            keys.push(word.get_ref().trim().to_owned());
        }
        for (i, from) in keys.iter().enumerate() {
            let to = keys
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, w)| w.clone())
                .collect();
            rules.push((from.clone(), to));
        }
    }
    for (r, rule) in raw.einweg.iter().enumerate() {
        let rule = rule.get_ref();
        let field = format!("einweg[{}].wort", r + 1);
        let key = check(&rule.wort, field.clone())?;
        claim(&key, &rule.wort, &field, &mut sources)?;
        if rule.findet.is_empty() {
            let kind = SynonymErrorKind::Malformed("\"findet\" needs at least one word".to_owned());
            return Err(error(
                rule.wort.span().start,
                format!("einweg[{}].findet", r + 1),
                kind,
            ));
        }
        let mut targets = vec![(key, line_of(rule.wort.span().start))];
        let mut to = Vec::new();
        for (w, word) in rule.findet.iter().enumerate() {
            let field = format!("einweg[{}].findet[{}]", r + 1, w + 1);
            let key = check(word, field.clone())?;
            claim(&key, word, &field, &mut targets)?;
            to.push(word.get_ref().trim().to_owned());
        }
        rules.push((rule.wort.get_ref().trim().to_owned(), to));
    }
    Ok(Synonyms { rules })
}

/// Returns the search form of a synonym entry: the stems of its words, separated by spaces.
pub(crate) fn search_form(entry: &str) -> String {
    let stems: Vec<String> = analyse(entry)
        .into_iter()
        .filter(|a| !a.stop && !a.token.joined)
        .map(|a| a.stem)
        .collect();
    stems.join(" ")
}
