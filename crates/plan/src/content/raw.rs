//! The content files as written by editors, before validation: every field optional and spanned.

use serde::Deserialize;
use toml::Spanned;

/// A string or number field as written, with its position in the file.
pub type Field<T> = Option<Spanned<T>>;

/// `content/start.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStart {
    pub title: Field<String>,
    pub intro: Field<Vec<Spanned<String>>>,
    pub principles_intro: Field<String>,
    pub principles: Field<Vec<Spanned<String>>>,
    pub areas_heading: Field<String>,
    pub areas_intro: Field<String>,
    #[serde(default)]
    pub figures: Vec<Spanned<RawFigure>>,
}

/// One `[[figures]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub value: Field<String>,
    pub label: Field<String>,
}

/// One `content/handlungsfelder/*.toml` file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArea {
    pub slug: Field<String>,
    pub order: Field<i64>,
    pub title: Field<String>,
    pub caption: Field<String>,
    pub text: Field<String>,
}

/// `content/site.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub name: Field<String>,
    pub source_url: Field<String>,
    pub publisher: Field<String>,
    pub feedback_email: Field<String>,
    pub feedback_url: Field<String>,
    /// A date, written as a string (`"2026-11-26"`) or as a TOML date (`2026-11-26`).
    pub accessibility_statement_date: Field<toml::Value>,
    pub enforcement_url: Field<String>,
    pub enforcement_email: Field<String>,
}
