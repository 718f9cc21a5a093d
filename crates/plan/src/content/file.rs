//! One content file being read: its text, parsing, and field checks that report the right line.

use super::error::{ContentError, line_of};
use serde::de::DeserializeOwned;
use std::fs;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Makes a string `'static`. Content is loaded once per build (or test), so the leak is bounded.
pub fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// Makes a vector `'static`, like [`leak`].
pub fn leak_slice<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// A content file's path and text.
pub struct TomlFile {
    path: PathBuf,
    text: String,
}

impl TomlFile {
    /// Reads a file, or records why it cannot be read.
    pub fn read(path: &Path, errors: &mut Vec<ContentError>) -> Option<TomlFile> {
        match fs::read_to_string(path) {
            Ok(text) => Some(TomlFile {
                path: path.to_path_buf(),
                text,
            }),
            Err(e) => {
                let message = format!("cannot read the file: {e}");
                errors.push(ContentError {
                    file: path.to_path_buf(),
                    line: 1,
                    field: None,
                    message,
                });
                None
            }
        }
    }

    /// Parses the file as TOML into `T`, or records the syntax error with its line.
    pub fn parse<T: DeserializeOwned>(&self, errors: &mut Vec<ContentError>) -> Option<T> {
        match toml::from_str(&self.text) {
            Ok(value) => Some(value),
            Err(e) => {
                let line = e.span().map_or(1, |span| self.line(span.start));
                let message = e.message().to_owned();
                // Serde names the offending key between backticks in these two messages; otherwise
                // the key is the one assigned on the error's line, if that line assigns one.
                let field = message
                    .split('`')
                    .nth(1)
                    .filter(|_| {
                        message.starts_with("unknown field") || message.starts_with("missing field")
                    })
                    .map(str::to_owned)
                    .or_else(|| self.key_on_line(line));
                errors.push(ContentError {
                    file: self.path.clone(),
                    line,
                    field,
                    message,
                });
                None
            }
        }
    }

    /// The file's whole text.
    pub fn source(&self) -> &str {
        &self.text
    }

    /// The key that a `key = value` line assigns, if the line is one.
    fn key_on_line(&self, line: usize) -> Option<String> {
        let (key, _) = self.text.lines().nth(line - 1)?.split_once('=')?;
        let key = key.trim();
        let is_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        is_key.then(|| key.to_owned())
    }

    /// The line of a byte offset in this file.
    pub fn line(&self, offset: usize) -> usize {
        line_of(&self.text, offset)
    }

    /// An error in this file.
    pub fn error(&self, line: usize, field: &str, message: String) -> ContentError {
        ContentError {
            file: self.path.clone(),
            line,
            field: Some(field.to_owned()),
            message,
        }
    }

    /// A required, non-empty text field.
    pub fn text(
        &self,
        field: &str,
        value: Option<Spanned<String>>,
        errors: &mut Vec<ContentError>,
    ) -> Option<&'static str> {
        self.text_at(1, field, value, errors)
    }

    /// A required, non-empty text field of a table that starts on `table_line`.
    pub fn text_at(
        &self,
        table_line: usize,
        field: &str,
        value: Option<Spanned<String>>,
        errors: &mut Vec<ContentError>,
    ) -> Option<&'static str> {
        let Some(value) = value else {
            errors.push(self.error(table_line, field, "missing; this field is required".into()));
            return None;
        };
        let line = self.line(value.span().start);
        let text = collapse(value.get_ref());
        if text.is_empty() {
            errors.push(self.error(line, field, "must not be empty".into()));
            return None;
        }
        Some(leak(text))
    }

    /// An optional text field: absent stays `None`; present but empty is an error. Returns the line too.
    pub fn optional_text(
        &self,
        field: &str,
        value: Option<Spanned<String>>,
        errors: &mut Vec<ContentError>,
    ) -> Option<(&'static str, usize)> {
        let line = value.as_ref().map(|v| self.line(v.span().start))?;
        self.text_at(line, field, value, errors)
            .map(|text| (text, line))
    }

    /// Records an error when a present value fails a check.
    pub fn check(
        &self,
        value: Option<(&'static str, usize)>,
        field: &str,
        ok: impl Fn(&str) -> bool,
        message: &str,
        errors: &mut Vec<ContentError>,
    ) {
        if let Some((value, line)) = value.filter(|(v, _)| !ok(v)) {
            errors.push(self.error(line, field, format!("{message} (found `{value}`)")));
        }
    }

    /// A required list of non-empty texts, each one paragraph.
    pub fn paragraph_list(
        &self,
        field: &str,
        value: Option<Spanned<Vec<Spanned<String>>>>,
        errors: &mut Vec<ContentError>,
    ) -> Option<&'static [&'static str]> {
        let Some(value) = value else {
            errors.push(self.error(1, field, "missing; this field is required".into()));
            return None;
        };
        let list_line = self.line(value.span().start);
        let items = value.into_inner();
        if items.is_empty() {
            errors.push(self.error(list_line, field, "must not be empty".into()));
            return None;
        }
        let texts: Option<Vec<&'static str>> = items
            .into_iter()
            .map(|item| self.text(field, Some(item), errors))
            .collect();
        texts.map(leak_slice)
    }

    /// A required text field holding paragraphs separated by blank lines.
    pub fn paragraphs(
        &self,
        field: &str,
        value: Option<Spanned<String>>,
        errors: &mut Vec<ContentError>,
    ) -> Option<&'static [&'static str]> {
        let Some(value) = value else {
            errors.push(self.error(1, field, "missing; this field is required".into()));
            return None;
        };
        let line = self.line(value.span().start);
        let paragraphs: Vec<&'static str> = split_paragraphs(value.get_ref())
            .into_iter()
            .map(leak)
            .collect();
        if paragraphs.is_empty() {
            errors.push(self.error(line, field, "must not be empty".into()));
            return None;
        }
        Some(leak_slice(paragraphs))
    }

    /// A required position between 1 and `max`.
    pub fn order(
        &self,
        value: Option<Spanned<i64>>,
        max: usize,
        errors: &mut Vec<ContentError>,
    ) -> Option<u32> {
        let Some(value) = value else {
            errors.push(self.error(1, "order", "missing; this field is required".into()));
            return None;
        };
        let line = self.line(value.span().start);
        match u32::try_from(*value.get_ref()) {
            Ok(order) if (1..=max as u32).contains(&order) => Some(order),
            _ => {
                errors.push(self.error(
                    line,
                    "order",
                    format!("must be a whole number from 1 to {max}"),
                ));
                None
            }
        }
    }
}

/// Trims a text and folds every run of white space (line breaks included) into one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a text at blank lines into paragraphs, each with its white space folded.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                paragraphs.push(collapse(&current));
            }
            current.clear();
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.trim().is_empty() {
        paragraphs.push(collapse(&current));
    }
    paragraphs
}
