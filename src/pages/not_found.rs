//! The page for any path that is not a route of the app.

use crate::components::{area_links::AreaLinks, page_meta::PageMeta};
use crate::paths::link;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use plan::routes::Route;

/// Says plainly that the page does not exist and offers the start page and the areas.
///
/// The address is shown only in the browser: the pre-rendered `404.html` answers every unknown
/// path, so at build time there is none to show.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let pathname = use_location().pathname;
    let shown = RwSignal::new(None::<String>);
    // Effects run only in the browser.
    Effect::new(move |_| shown.set(Some(pathname.get())));
    let address = move || match shown.get() {
        Some(path) => {
            view! { "Unter der Adresse „" <code class="path">{path}</code> "“" }.into_any()
        }
        None => "Unter dieser Adresse".into_any(),
    };
    view! {
        <PageMeta
            title="Seite nicht gefunden"
            description="Diese Seite gibt es im Aktionsplan Hessen nicht."
            indexable=false
        />
        <h1 tabindex="-1">"Seite nicht gefunden"</h1>
        <p>
            {address} " gibt es in dieser App keine Seite. Vielleicht ist der Link \
             veraltet oder unvollständig."
        </p>
        <p>
            <a class="standalone-link" href=link(Route::Home)>"Zur Startseite"</a>
        </p>
        <AreaLinks />
    }
}
