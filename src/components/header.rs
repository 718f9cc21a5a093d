//! The site header: the app's name, the search and the main navigation, the latter two behind
//! buttons on small screens that work with and without JavaScript.

use super::search_box::SearchBox;
use crate::paths::{asset, link};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use plan::routes::Route;

/// The entries of the main navigation, in order.
const NAVIGATION: [(Route<'static>, &str); 4] = [
    (Route::Home, "Startseite"),
    (Route::Leitlinien, "Leitlinien"),
    (Route::Handlungsfelder, "Handlungsfelder"),
    (Route::Service, "Service"),
];

/// The header with the app's name and main navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let open = RwSignal::new(false);
    let search_open = RwSignal::new(false);
    let pathname = use_location().pathname;
    // A followed link closes the menu and the search, so the new page is not hidden behind them.
    Effect::new(move |_| {
        pathname.track();
        open.set(false);
        search_open.set(false);
    });
    let links = NAVIGATION.map(|(route, label)| {
        let path = link(route);
        let current = {
            let path = path.clone();
            move || is_current(&path, &pathname.get()).then_some("page")
        };
        view! {
            <li>
                <a href=path aria-current=current>{label}</a>
            </li>
        }
    });
    // The two buttons are `<details>` with only a `<summary>`, so they open without JavaScript
    // too; the style shows the panel after an open one (`:has`). The app keeps their state in
    // signals to close them after navigation and on Escape.
    let on_toggle = |state: RwSignal<bool>, focus: Option<&'static str>| {
        move |ev: leptos::ev::Event| {
            let is_open = event_target::<web_sys::Element>(&ev).has_attribute("open");
            state.set(is_open);
            if let Some(id) = focus.filter(|_| is_open) {
                request_animation_frame(move || focus_by_id(id));
            }
        }
    };
    view! {
        <header class="site-header">
            <div
                class="wrap site-header__bar"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && open.get_untracked() {
                        open.set(false);
                        focus_menu_button();
                    }
                }
            >
                <a class="brand" href=link(Route::Home)>
                    <img class="brand__icon" src=asset("icon.svg") alt="" width="32" height="32" />
                    <span>"Aktionsplan Hessen"</span>
                </a>
                <details
                    class="toggle toggle--search"
                    name=TOGGLE_GROUP
                    prop:open=move || search_open.get()
                    on:toggle=on_toggle(search_open, Some(SEARCH_INPUT_ID))
                >
                    <summary class="header-button" aria-controls="suche">"Suche"</summary>
                </details>
                <details
                    class="toggle toggle--menu"
                    name=TOGGLE_GROUP
                    prop:open=move || open.get()
                    on:toggle=on_toggle(open, None)
                >
                    <summary class="header-button" aria-controls="hauptnavigation">"Menü"</summary>
                </details>
                <nav id="hauptnavigation" class="main-nav" aria-label="Hauptnavigation">
                    <ul>{links}</ul>
                </nav>
                <div id="suche" class="site-search">
                    <SearchBox input_id=SEARCH_INPUT_ID />
                </div>
            </div>
        </header>
    }
}

/// The `name` the header's toggles share, so that opening one closes the other.
const TOGGLE_GROUP: &str = "kopfleiste";

/// Returns focus to the menu button after Escape closed the menu.
fn focus_menu_button() {
    use wasm_bindgen::JsCast;
    let summary = document()
        .query_selector(".toggle--menu > summary")
        .ok()
        .flatten();
    if let Some(summary) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = summary.focus();
    }
}

/// The id of the header's search input.
const SEARCH_INPUT_ID: &str = "suchfeld";

/// Focuses the element with the given id, if it exists and can take focus.
fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let element = document().get_element_by_id(id);
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Whether a navigation entry is the current page or, for sections, contains it.
fn is_current(entry: &str, current: &str) -> bool {
    entry == current || (entry != "/" && current.starts_with(&format!("{entry}/")))
}
