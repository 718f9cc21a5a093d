//! The results page at `/suche?q=…`: deep-linkable, updated as the reader types.

use crate::components::area_links::AreaLinks;
use crate::components::marked_text::{escape_into, marked_html};
use crate::components::page_meta::PageMeta;
use crate::paths::href;
use crate::search::{Outcome, QUERY_PARAM, ResultItem, SEARCH_PATH, search, search_path};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use plan::search::{MAX_QUERY_CHARS, MAX_QUERY_WORDS, MatchMode};

/// The most results the page lists.
const RESULTS: usize = 50;

/// What the search page says where JavaScript does not run: the search works in the browser.
const NO_SCRIPT_NOTICE: &str = "<p class=\"notice\">Die Suche läuft in Ihrem Browser und braucht \
    JavaScript. Ohne JavaScript erreichen Sie alle Inhalte über das Menü und die Handlungsfelder unten.</p>";

/// The search page: a field, the number of results (announced politely) and the results.
#[component]
pub fn SearchPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.read().get(QUERY_PARAM).unwrap_or_default());
    // A new query always gives a new outcome: no comparison (and no comparison code) is needed.
    let outcome = Memo::new_with_compare(move |_| search(&query.get(), RESULTS), |_, _| true);
    let nothing_found = move || !query.read().trim().is_empty() && outcome.read().items.is_empty();
    let navigate = use_navigate();
    // Typing replaces the history entry, so "back" leaves the search instead of undoing letters.
    let on_input = move |ev| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&search_path(&event_target_value(&ev)), options);
    };
    view! {
        <PageMeta
            title="Hessen-Suche"
            description="Suche im Aktionsplan Hessen: Einleitung, Leitlinien und Handlungsfelder."
        />
        <h1 tabindex="-1">"Hessen-Suche"</h1>
        <form role="search" aria-label="Suchbegriff ändern" class="search-page__form" action=href(SEARCH_PATH) method="get" on:submit=|ev| ev.prevent_default()>
            <label for="suchbegriff">"Suchbegriff"</label>
            <input id="suchbegriff" name="q" type="search" autocomplete="off" prop:value=move || query.get() on:input=on_input />
        </form>
        // Browsers parse `<noscript>` as plain text while scripts run, so its content is HTML
        // that hydration does not walk.
        <noscript inner_html=NO_SCRIPT_NOTICE></noscript>
        <p class="search-status" role="status">{move || status(&query.get(), &outcome.read())}</p>
        <div class="search-results" inner_html=move || body_html(&outcome.read(), nothing_found())></div>
        {move || (query.read().trim().is_empty() || nothing_found()).then(|| view! { <AreaLinks /> })}
    }
}

/// The sentence that the live region announces.
fn status(query: &str, outcome: &Outcome) -> String {
    let query = query.trim();
    match outcome.items.len() {
        _ if query.is_empty() => {
            "Geben Sie ein Suchwort ein, zum Beispiel „Unterkunft“ oder „Ehrenamt“.".to_owned()
        }
        0 => format!("Keine Ergebnisse für „{query}“."),
        1 => format!("1 Ergebnis für „{query}“."),
        n => format!("{n} Ergebnisse für „{query}“."),
    }
}

/// Everything below the status as escaped HTML: notes on how the query was treated (cut to the
/// limit, not all words found), the results as an ordered list, or close words when nothing was
/// found. Written in one go rather than as views to keep the wasm small; every text is escaped.
fn body_html(outcome: &Outcome, nothing_found: bool) -> String {
    let mut html = String::new();
    if outcome.truncated {
        html.push_str(&format!(
            "<p class=\"notice\">Ihre Eingabe ist sehr lang. Gesucht wurde mit ihrem Anfang: höchstens {MAX_QUERY_CHARS} Zeichen und {MAX_QUERY_WORDS} Wörter.</p>"
        ));
    }
    if outcome.mode == MatchMode::Any && !outcome.items.is_empty() {
        html.push_str("<p class=\"notice\">Kein Abschnitt enthält alle Suchwörter. Gezeigt werden Abschnitte, die einige davon enthalten.</p>");
    }
    if !outcome.items.is_empty() {
        html.push_str("<ol class=\"results\">");
        html.push_str(&results_html(&outcome.items));
        html.push_str("</ol>");
    }
    if nothing_found && !outcome.suggestions.is_empty() {
        html.push_str("<p>Meinten Sie: ");
        for (i, word) in outcome.suggestions.iter().enumerate() {
            if i > 0 {
                html.push_str(", ");
            }
            html.push_str("<a href=\"");
            escape_into(&mut html, &href(&search_path(word)));
            html.push_str("\">");
            escape_into(&mut html, word);
            html.push_str("</a>");
        }
        html.push_str("?</p>");
    }
    html
}

/// The results as `li` elements: a link to the section first, then the context and the marked
/// snippet; every text is escaped. The router follows these links like any other in the app.
fn results_html(items: &[ResultItem]) -> String {
    let mut html = String::new();
    for item in items {
        html.push_str("<li class=\"result\"><a class=\"result__link\" href=\"");
        escape_into(&mut html, &href(&item.path));
        html.push_str("\">");
        escape_into(&mut html, item.title);
        html.push_str("</a><p class=\"result__context\">");
        escape_into(&mut html, item.context);
        html.push_str("</p><p class=\"result__snippet\">");
        html.push_str(&marked_html(&item.snippet));
        html.push_str("</p></li>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan::search::Snippet;

    #[test]
    fn body_html_says_how_the_query_was_treated_and_offers_close_words() {
        let outcome = |truncated, mode, suggestions: &[&str]| Outcome {
            items: Vec::new(),
            mode,
            truncated,
            suggestions: suggestions.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(body_html(&outcome(false, MatchMode::All, &[]), true), "");
        let cut = body_html(&outcome(true, MatchMode::All, &[]), true);
        assert!(
            cut.starts_with("<p class=\"notice\">Ihre Eingabe ist sehr lang."),
            "{cut}"
        );
        let close = body_html(&outcome(false, MatchMode::All, &["Ehrenamt", "<b>"]), true);
        assert_eq!(
            close,
            "<p>Meinten Sie: <a href=\"/suche?q=Ehrenamt\">Ehrenamt</a>, <a href=\"/suche?q=%3Cb%3E\">&lt;b&gt;</a>?</p>"
        );
    }

    #[test]
    fn results_html_escapes_links_and_texts_and_keeps_marks() {
        let item = ResultItem {
            path: "/x?hervorheben=%3C#absatz-1".to_owned(),
            title: "Sprachförderung & Schule",
            context: "Handlungsfeld",
            snippet: Snippet {
                text: "die <deutsche> Sprache".to_owned(),
                marks: std::iter::once(15..22).collect(),
            },
        };
        assert_eq!(
            results_html(&[item]),
            "<li class=\"result\"><a class=\"result__link\" href=\"/x?hervorheben=%3C#absatz-1\">Sprachförderung &amp; Schule</a>\
             <p class=\"result__context\">Handlungsfeld</p><p class=\"result__snippet\">die &lt;deutsche&gt; <mark>Sprache</mark></p></li>"
        );
    }
}
