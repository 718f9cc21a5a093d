//! The site header: the app's name and the main navigation, behind a menu button on small screens.

use super::search_box::SearchBox;
use crate::paths::{asset, link};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use plan::routes::Route;

/// The entries of the main navigation, in order.
const NAVIGATION: [(Route<'static>, &str); 4] = [
    (Route::Home, "Start"),
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
    view! {
        <header class="site-header">
            <div class="wrap site-header__bar">
                <a class="brand" href=link(Route::Home)>
                    <img class="brand__icon" src=asset("icon.svg") alt="" width="32" height="32" />
                    <span>"Aktionsplan Hessen"</span>
                </a>
                <button
                    type="button"
                    class="header-button search-button"
                    aria-expanded=move || search_open.get().to_string()
                    aria-controls="suche"
                    on:click=move |_| {
                        search_open.update(|o| *o = !*o);
                        if search_open.get_untracked() {
                            request_animation_frame(|| focus_by_id(SEARCH_INPUT_ID));
                        }
                    }
                >
                    "Suche"
                </button>
                <button
                    type="button"
                    class="header-button menu-button"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="hauptnavigation"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    "Menü"
                </button>
                <nav
                    id="hauptnavigation"
                    class="main-nav"
                    class:main-nav--open=move || open.get()
                    aria-label="Hauptnavigation"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            open.set(false);
                        }
                    }
                >
                    <ul>{links}</ul>
                </nav>
                <div id="suche" class="site-search" class:site-search--open=move || search_open.get()>
                    <SearchBox input_id=SEARCH_INPUT_ID />
                </div>
            </div>
        </header>
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
