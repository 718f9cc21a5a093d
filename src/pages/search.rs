//! The results page at `/suche?q=…`: deep-linkable, updated as the reader types.

use crate::components::{area_links::AreaLinks, marked_text::MarkedText, page_meta::PageMeta};
use crate::search::{Outcome, QUERY_PARAM, search, search_href};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use plan::search::{MAX_QUERY_CHARS, MAX_QUERY_WORDS, MatchMode};

/// The most results the page lists.
const RESULTS: usize = 50;

/// The search page: a field, the number of results (announced politely) and the results.
#[component]
pub fn SearchPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.read().get(QUERY_PARAM).unwrap_or_default());
    let outcome = Memo::new(move |_| search(&query.get(), RESULTS));
    let navigate = use_navigate();
    // Typing replaces the history entry, so "back" leaves the search instead of undoing letters.
    let on_input = move |ev| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&search_href(&event_target_value(&ev)), options);
    };
    view! {
        <PageMeta
            title="Hessen-Suche"
            description="Suche im Aktionsplan Hessen: Einleitung, Leitlinien und Handlungsfelder."
        />
        <h1 tabindex="-1">"Hessen-Suche"</h1>
        <form role="search" class="search-page__form" action="/suche" method="get" on:submit=|ev| ev.prevent_default()>
            <label for="suchbegriff">"Suchbegriff"</label>
            <input id="suchbegriff" name="q" type="search" autocomplete="off" prop:value=move || query.get() on:input=on_input />
        </form>
        <p class="search-status" role="status">{move || status(&query.get(), &outcome.read())}</p>
        {move || {
            let outcome = outcome.get();
            let nothing = no_results(&query.get(), &outcome);
            (notices(&outcome), results(outcome), nothing)
        }}
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

/// Notes on how the query was treated: cut to the limit, or not all words found.
fn notices(outcome: &Outcome) -> impl IntoView + use<> {
    let truncated = outcome.truncated.then(|| {
        view! {
            <p class="notice">
                {format!(
                    "Ihre Eingabe ist sehr lang. Gesucht wurde mit ihrem Anfang: höchstens {MAX_QUERY_CHARS} Zeichen und {MAX_QUERY_WORDS} Wörter."
                )}
            </p>
        }
    });
    let partial = (outcome.mode == MatchMode::Any && !outcome.items.is_empty()).then(|| {
        view! {
            <p class="notice">
                "Kein Abschnitt enthält alle Suchwörter. Gezeigt werden Abschnitte, die einige davon enthalten."
            </p>
        }
    });
    (truncated, partial)
}

/// The ordered list of results.
fn results(outcome: Outcome) -> impl IntoView {
    (!outcome.items.is_empty()).then(|| {
        view! {
            <ol class="results">
                {outcome
                    .items
                    .into_iter()
                    .map(|item| {
                        view! {
                            <li class="result">
                                <a class="result__link" href=item.href>{item.title}</a>
                                <p class="result__context">{item.context}</p>
                                <p class="result__snippet"><MarkedText snippet=item.snippet /></p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
    })
}

/// What the page offers when nothing was found: close words and the areas.
fn no_results(query: &str, outcome: &Outcome) -> impl IntoView + use<> {
    let show = !query.trim().is_empty() && outcome.items.is_empty();
    let suggestions = outcome.suggestions.clone();
    show.then(|| {
        view! {
            {(!suggestions.is_empty()).then(|| view! {
                <p>
                    "Meinten Sie: "
                    {suggestions
                        .into_iter()
                        .enumerate()
                        .map(|(i, word)| view! {
                            {(i > 0).then_some(", ")}
                            <a href=search_href(&word)>{word.clone()}</a>
                        })
                        .collect_view()}
                    "?"
                </p>
            })}
            <AreaLinks />
        }
    })
}
