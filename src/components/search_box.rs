//! The search field in the header: results as you type, as an ARIA 1.2 combobox with a listbox.
//!
//! Arrow keys move through the suggestions, Enter opens the chosen one (or the results page),
//! Escape closes the list (and a second Escape clears the field).

use super::marked_text::escape_into;
use crate::paths::href;
use crate::search::{ResultItem, SEARCH_PATH, search, search_path};
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

/// How many suggestions the header shows.
const SUGGESTIONS: usize = 5;

/// The id of the suggestion list.
const LISTBOX_ID: &str = "suchvorschlaege";

/// The id of the `i`-th suggestion.
fn option_id(i: usize) -> String {
    format!("suchvorschlag-{i}")
}

/// The suggestions as `li role=option` elements, the active one `aria-selected="true"`; every
/// text is escaped, and each option carries its route path in `data-path`.
fn options_html(items: &[ResultItem], active: Option<usize>) -> String {
    let mut html = String::new();
    for (i, item) in items.iter().enumerate() {
        let selected = active == Some(i);
        html.push_str(&format!(
            "<li id=\"{}\" role=\"option\" class=\"suggestion\" aria-selected=\"{selected}\" data-path=\"",
            option_id(i)
        ));
        escape_into(&mut html, &item.path);
        html.push_str("\"><span class=\"suggestion__title\">");
        escape_into(&mut html, item.title);
        html.push_str("</span><span class=\"suggestion__context\">");
        escape_into(&mut html, item.context);
        html.push_str("</span></li>");
    }
    html
}

/// The header's search form: a combobox with suggestions and a link to all results.
#[component]
pub fn SearchBox(
    /// The id of the input, so the header's search button can focus it.
    input_id: &'static str,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // A new query always gives new results: no comparison (and no comparison code) is needed.
    let results = Memo::new_with_compare(
        move |_| {
            let q = query.get();
            if q.trim().is_empty() {
                Vec::new()
            } else {
                search(&q, SUGGESTIONS).items
            }
        },
        |_, _| true,
    );
    // Whether the list shows: a plain derived value, cheaper in wasm than a memo.
    let expanded = move || open.get() && !query.read().trim().is_empty();
    let expanded_now = move || untrack(expanded);
    let navigate = use_navigate();
    // Leaving the page (a followed suggestion or any link) closes the list and empties the field.
    let pathname = use_location().pathname;
    Effect::new(move |_| {
        pathname.track();
        open.set(false);
        query.set(String::new());
    });
    let go = {
        let navigate = navigate.clone();
        move |path: String| {
            open.set(false);
            navigate(&path, Default::default());
        }
    };
    let on_keydown = {
        let go = go.clone();
        move |ev: KeyboardEvent| {
            let count = results.with_untracked(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if count > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
                }
                "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
                }
                "Enter" => {
                    let chosen = active.get_untracked().filter(|_| expanded_now());
                    if let Some(item) =
                        chosen.and_then(|i| results.with_untracked(|r| r.get(i).cloned()))
                    {
                        ev.prevent_default();
                        go(item.path);
                    }
                }
                "Escape" => {
                    if expanded_now() {
                        // A search field's own Escape would also clear it: only close the list.
                        ev.prevent_default();
                        open.set(false);
                    } else {
                        query.set(String::new());
                    }
                    active.set(None);
                }
                _ => {}
            }
        }
    };
    let on_submit = {
        let go = go.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            go(search_path(query.get_untracked().trim()));
        }
    };
    // The options are written as escaped HTML (see `options_html`) and clicks are handled once on
    // the list: the same markup as one view per option, with much less code in the wasm.
    let options = move || results.with(|items| options_html(items, active.get()));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let option = target.and_then(|t| t.closest("[data-path]").ok().flatten());
        if let Some(path) = option.and_then(|o| o.get_attribute("data-path")) {
            go(path);
        }
    };
    let status = move || match (expanded(), results.with(Vec::len)) {
        (false, _) => String::new(),
        (true, 0) => "Keine Vorschläge.".to_owned(),
        (true, 1) => "1 Vorschlag. Pfeiltasten wählen, Eingabetaste öffnet.".to_owned(),
        (true, n) => format!("{n} Vorschläge. Pfeiltasten wählen, Eingabetaste öffnet."),
    };
    view! {
        <form
            role="search"
            aria-label="Suche im Aktionsplan"
            class="search-box"
            action=href(SEARCH_PATH)
            method="get"
            on:submit=on_submit
            on:focusout=move |ev| {
                // Focus moving to another element of the form keeps the list open.
                let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let form = node(ev.current_target());
                let to = node(ev.related_target());
                if !form.is_some_and(|f| f.contains(to.as_ref())) {
                    open.set(false);
                }
            }
        >
            <label for=input_id>"Hessen-Suche"</label>
            <div class="search-box__row">
                <input
                    id=input_id
                    name="q"
                    type="search"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-controls=LISTBOX_ID
                    aria-expanded=move || expanded().to_string()
                    aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        open.set(true);
                        active.set(None);
                    }
                    on:keydown=on_keydown
                />
                <button type="submit">"Suchen"</button>
            </div>
            <div class="search-box__popup" hidden=move || !expanded()>
                <ul
                    id=LISTBOX_ID
                    role="listbox"
                    aria-label="Vorschläge"
                    inner_html=options
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=on_click
                />
                <a class="search-box__all" href=move || href(&search_path(query.get().trim()))>
                    "Alle Ergebnisse anzeigen"
                </a>
            </div>
            <p class="visually-hidden" role="status">{status}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan::search::Snippet;

    #[test]
    fn options_html_escapes_and_marks_the_active_option() {
        let item = |path: &str, title: &'static str| ResultItem {
            path: path.to_owned(),
            title,
            context: "Handlungsfeld",
            snippet: Snippet::default(),
        };
        let items = [item("/a?x=\"<b>", "A & B"), item("/b", "<i>")];
        let html = options_html(&items, Some(1));
        assert_eq!(
            html,
            "<li id=\"suchvorschlag-0\" role=\"option\" class=\"suggestion\" aria-selected=\"false\" data-path=\"/a?x=&quot;&lt;b&gt;\"><span class=\"suggestion__title\">A &amp; B</span><span class=\"suggestion__context\">Handlungsfeld</span></li>\
             <li id=\"suchvorschlag-1\" role=\"option\" class=\"suggestion\" aria-selected=\"true\" data-path=\"/b\"><span class=\"suggestion__title\">&lt;i&gt;</span><span class=\"suggestion__context\">Handlungsfeld</span></li>"
        );
        assert_eq!(options_html(&[], None), "");
    }
}
