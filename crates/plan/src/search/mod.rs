//! Full-text search for German page sections: index building, queries, ranking and snippets.
//!
//! The index is built at build time from the same content the app shows and embedded in the app as
//! bytes; the app decodes it once ([`Index::from_bytes`]) and runs [`Index::search`] in the browser.
//! Documents are page sections, referenced by their position: the index never stores their texts.
//!
//! What a search does, in order:
//!
//! 1. The query is cut to [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] words and analysed
//!    by the same [`text::analyse`] that built the index (lower case, umlaut and ß folding,
//!    Snowball German stemming, stopwords, hyphenated words as parts).
//! 2. Each remaining word becomes a clause with weighted alternatives: the word itself; for the last
//!    word, while it is still being typed, every indexed word it begins (and, when the word is not
//!    indexed, every compound it continues after a first part: "Unterkunf" →
//!    "Flüchtlingsunterkünfte"); the editors' synonyms, with the compounds that end with them;
//!    indexed compounds that end with the word ("Hilfe" → "Flüchtlingshilfe"); and, when the word
//!    is not in the index, words within a small edit distance (typos, unless the word is a
//!    synonym) and its own compound parts, or as a last resort its one indexed part
//!    ("Fachkräftemangel" → "Fachkräfte").
//!    Compound parts of indexed words are part of the index itself (see [`compound`]).
//! 3. Sections are ranked by BM25 over the fields title, heading and text (plus the weaker compound
//!    parts), each alternative counting with its weight. While the last word is being typed and is
//!    indexed itself, sections with it rank above sections with only its completions. Sections
//!    that contain every clause come first; only when there are none, sections with any clause are
//!    returned ([`MatchMode::Any`]).

pub mod codec;
pub mod compound;
mod fuzzy;
mod index;
mod order;
mod query;
mod rank;
pub mod snippet;
mod stopwords;
pub mod synonyms;
pub mod text;

pub use codec::DecodeError;
pub use index::Index;
pub use snippet::{Snippet, query_terms, snippet};
pub use synonyms::{SynonymError, SynonymErrorKind, Synonyms, parse_synonyms};

/// Queries are cut to this many characters before analysis.
pub const MAX_QUERY_CHARS: usize = 200;
/// Queries are cut to this many searchable words (stopwords do not count).
pub const MAX_QUERY_WORDS: usize = 12;

/// A document to index: one page section. The caller keeps its route and anchor by position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Document<'a> {
    /// The page title.
    pub title: &'a str,
    /// The section heading.
    pub heading: &'a str,
    /// The section text.
    pub text: &'a str,
}

/// Whether the hits contain every query word or only some of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchMode {
    /// Every hit contains every query word (or one of its alternatives).
    All,
    /// No section contains every query word; the hits contain at least one of them.
    Any,
}

/// One matching document.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The document's position in the slice given to [`Index::build`].
    pub doc: usize,
    /// The relevance score; higher is better, comparable only within one search.
    pub score: f32,
    /// The indexed stems that matched in this document, for [`snippet`].
    pub terms: Vec<String>,
}

/// The outcome of a search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchResults {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// Whether the hits contain all query words or only some.
    pub mode: MatchMode,
    /// Whether the query was cut to [`MAX_QUERY_CHARS`] characters or [`MAX_QUERY_WORDS`] words.
    pub query_truncated: bool,
    /// When there are no hits: indexed words close to the query words ("Meinten Sie …?").
    pub suggestions: Vec<String>,
}

/// The ranking parameters. [`Default`] holds the values tuned on the GermanQuAD dev half.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankParams {
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalisation (0 = none, 1 = full).
    pub b: f32,
    /// The weight of one occurrence in the title.
    pub title: f32,
    /// The weight of one occurrence in the heading.
    pub heading: f32,
    /// The weight of one occurrence in the text.
    pub text: f32,
    /// The weight of one occurrence as a part of a compound word.
    pub part: f32,
    /// The weight of words that the last, unfinished query word begins.
    pub prefix: f32,
    /// The weight of words within the typo distance of a query word.
    pub fuzzy: f32,
    /// The weight of synonyms.
    pub synonym: f32,
    /// The weight of the parts of a query word that is itself a compound.
    pub split: f32,
    /// The weight of indexed compounds that end with the query word.
    pub head: f32,
}

impl Default for RankParams {
    fn default() -> Self {
        RankParams {
            k1: 0.65,
            b: 0.25,
            title: 14.0,
            heading: 3.3,
            text: 1.0,
            part: 0.25,
            prefix: 0.7,
            fuzzy: 0.9,
            synonym: 0.7,
            split: 0.35,
            head: 0.35,
        }
    }
}

/// How to search.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchOptions {
    /// The maximum number of hits.
    pub limit: usize,
    /// Whether to return only sections that contain every query word when there are such
    /// sections (the behaviour of [`Index::search`]); when `false`, all sections that contain any
    /// query word are ranked together, as classic BM25 benchmarks do.
    pub require_all: bool,
    /// Whether the last query word counts as unfinished (search as you type) when the query does
    /// not end with a space or a punctuation mark.
    pub prefix: bool,
    /// The ranking parameters.
    pub params: RankParams,
}

impl SearchOptions {
    /// Returns the options of [`Index::search`] with the given limit.
    pub fn new(limit: usize) -> Self {
        SearchOptions {
            limit,
            require_all: true,
            prefix: true,
            params: RankParams::default(),
        }
    }
}
