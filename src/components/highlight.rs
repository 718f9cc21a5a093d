//! Highlighting of search words on the page a search result leads to.
//!
//! A result link carries the query in `?hervorheben=…`; the layout provides it as [`Highlight`],
//! and [`highlighted_html`] marks the words in a text. A note above the page lets the reader remove it.

use super::marked_text::{escape_into, marked_html};
use crate::search::{HIGHLIGHT_PARAM, highlight};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The words to highlight on the current page, if any.
#[derive(Clone, Copy)]
pub struct Highlight(pub Memo<Option<String>>);

/// Reads the highlight parameter of the current URL and provides it to the page.
pub fn provide_highlight() -> Highlight {
    let query = use_query_map();
    let words = Memo::new(move |_| {
        query
            .read()
            .get(HIGHLIGHT_PARAM)
            .filter(|q| !q.trim().is_empty())
    });
    let highlight = Highlight(words);
    provide_context(highlight);
    highlight
}

/// The HTML of a text of the plan with the highlighted words marked, for an element's
/// `inner_html`; it follows the highlight as the URL changes.
pub fn highlighted_html(text: &'static str) -> impl Fn() -> String + Send + Sync + 'static {
    let words = use_context::<Highlight>().map(|h| h.0);
    move || {
        let query = words.and_then(|w| w.get()).unwrap_or_default();
        marked_html(&highlight(text, &query))
    }
}

/// The note that says which words are highlighted, with a link that removes the highlight;
/// written as escaped HTML (empty without a highlight) to keep the wasm small.
#[component]
pub fn HighlightNote(
    /// The highlighted words.
    highlight: Highlight,
) -> impl IntoView {
    let html = move || {
        let Some(query) = highlight.0.get() else {
            return String::new();
        };
        let mut html = String::from("<p class=\"highlight-note\">Hervorgehoben: Ihre Suchwörter „");
        escape_into(&mut html, &query);
        // "?" is the same page without query parameters, so without the highlight.
        html.push_str("“. <a href=\"?\">Hervorhebung entfernen</a></p>");
        html
    };
    view! { <div inner_html=html></div> }
}
