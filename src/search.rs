//! The app's side of search: the index compiled by `build.rs`, decoded once, and results turned
//! into what pages show (link, title, context, marked snippet).

use plan::search::{Index, MatchMode, Snippet, snippet};
use std::sync::LazyLock;

/// The index bytes written by `build.rs` from the same sections as [`SECTIONS`].
static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/search.bin"));

/// The decoded index. `build.rs` decoded the same bytes once, so this is always `Some`; were it
/// not, search would find nothing rather than stop the app (and no error formatting is linked).
static INDEX: LazyLock<Option<Index>> = LazyLock::new(|| Index::from_bytes(INDEX_BYTES).ok());

/// A findable section as the app links to it; `build.rs` writes the table [`SECTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionLink {
    /// The path of the section's page.
    pub path: &'static str,
    /// The section's anchor on that page.
    pub anchor: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// Where the page belongs.
    pub context: &'static str,
    /// The section's text.
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/sections.rs"));

/// The most characters of a result's snippet.
const SNIPPET_CHARS: usize = 160;

/// The query parameter of the search page (`/suche?q=…`): a public interface.
pub const QUERY_PARAM: &str = "q";

/// The query parameter that asks a page to mark words (set by result links).
pub const HIGHLIGHT_PARAM: &str = "hervorheben";

/// One result as shown.
#[derive(Debug, Clone)]
pub struct ResultItem {
    /// Where the result leads: route path (without the base path), highlight parameter and anchor.
    pub path: String,
    /// The page's title.
    pub title: &'static str,
    /// Where the page belongs.
    pub context: &'static str,
    /// The excerpt with the matched words marked.
    pub snippet: Snippet,
}

/// What a search shows.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The results, best first.
    pub items: Vec<ResultItem>,
    /// Whether the results contain all query words or only some.
    pub mode: MatchMode,
    /// Whether the query was cut to the engine's limit.
    pub truncated: bool,
    /// Close known words when there are no results.
    pub suggestions: Vec<String>,
}

/// Searches the plan for `query` and returns at most `limit` results.
pub fn search(query: &str, limit: usize) -> Outcome {
    let Some(results) = INDEX.as_ref().map(|index| index.search(query, limit)) else {
        return Outcome {
            items: Vec::new(),
            mode: MatchMode::All,
            truncated: false,
            suggestions: Vec::new(),
        };
    };
    let items = results
        .hits
        .iter()
        .filter_map(|hit| {
            let section = SECTIONS.get(hit.doc)?;
            Some(ResultItem {
                path: result_path(section, query),
                title: section.title,
                context: section.context,
                snippet: snippet(section.text, &hit.terms, SNIPPET_CHARS),
            })
        })
        .collect();
    Outcome {
        items,
        mode: results.mode,
        truncated: results.query_truncated,
        suggestions: results.suggestions,
    }
}

/// The route path of a section that marks the query's words there.
fn result_path(section: &SectionLink, query: &str) -> String {
    format!(
        "{}?{HIGHLIGHT_PARAM}={}#{}",
        section.path,
        encode(query),
        section.anchor
    )
}

/// The search page's route path for a query (without the base path; links add it).
pub fn search_path(query: &str) -> String {
    if query.is_empty() {
        SEARCH_PATH.to_owned()
    } else {
        format!("{SEARCH_PATH}?{QUERY_PARAM}={}", encode(query))
    }
}

/// The search page's path: a public interface.
pub const SEARCH_PATH: &str = "/suche";

/// Percent-encodes a query parameter's value.
pub fn encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The whole text with the words of `query` marked, for highlighting on the target page.
pub fn highlight(text: &str, query: &str) -> Snippet {
    let terms = plan::search::query_terms(query);
    snippet(text, &terms, text.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PLAN;

    /// Guards that the build's static table is exactly `plan::sections` of the compiled plan.
    #[test]
    fn section_table_matches_the_plan_sections() {
        let expected = plan::sections::sections(&PLAN);
        assert_eq!(SECTIONS.len(), expected.len());
        for (link, section) in SECTIONS.iter().zip(&expected) {
            assert_eq!(link.path, section.route.path());
            let actual = (link.anchor, link.title, link.context, link.text);
            assert_eq!(
                actual,
                (
                    section.anchor.as_str(),
                    section.title,
                    section.context,
                    section.text
                )
            );
        }
    }

    #[test]
    fn unterkunft_finds_the_unterbringung_page_first() {
        let outcome = search("Unterkunft", 10);
        assert_eq!(
            outcome.items[0].path,
            "/handlungsfelder/unterbringung?hervorheben=Unterkunft#absatz-1"
        );
        assert_eq!(outcome.mode, MatchMode::All);
    }

    #[test]
    fn search_path_encodes_the_query() {
        assert_eq!(search_path(""), "/suche");
        assert_eq!(search_path("Ehrenamt"), "/suche?q=Ehrenamt");
        assert_eq!(search_path("a&b=c #ü"), "/suche?q=a%26b%3Dc%20%23%C3%BC");
    }

    #[test]
    fn every_result_links_to_an_existing_route() {
        for query in [
            "Integration",
            "Flüchtlinge",
            "Kommunen",
            "Sprache",
            "Polizei",
        ] {
            for item in search(query, 50).items {
                let path = item.path.split(['?', '#']).next().unwrap();
                assert!(plan::routes::Route::parse(path).is_some(), "{}", item.path);
            }
        }
    }

    #[test]
    fn highlight_marks_the_words_in_the_whole_text() {
        let text = PLAN.areas[0].paragraphs[0];
        let marked = highlight(text, "Flüchtlingsunterkünfte");
        assert_eq!(marked.text, text);
        assert_eq!(marked.marks.len(), 1);
        assert_eq!(
            &marked.text[marked.marks[0].clone()],
            "Flüchtlingsunterkünfte"
        );
    }
}
