//! The site header: the app's name and the main navigation, behind a menu button on small screens.

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
    let pathname = use_location().pathname;
    // A followed link closes the menu, so the new page is not hidden behind it.
    Effect::new(move |_| {
        pathname.track();
        open.set(false);
    });
    let links = NAVIGATION.map(|(route, label)| {
        let path = route.path();
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
                <a class="brand" href=Route::Home.path()>
                    <img class="brand__icon" src="/icon.svg" alt="" width="32" height="32" />
                    <span>"Aktionsplan Hessen"</span>
                </a>
                <button
                    type="button"
                    class="menu-button"
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
            </div>
        </header>
    }
}

/// Whether a navigation entry is the current page or, for sections, contains it.
fn is_current(entry: &str, current: &str) -> bool {
    entry == current || (entry != "/" && current.starts_with(&format!("{entry}/")))
}
