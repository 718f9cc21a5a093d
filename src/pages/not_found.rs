//! The page for any path that is not a route of the app.

use crate::components::{area_links::AreaLinks, page_meta::PageMeta};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use plan::routes::Route;

/// Says plainly that the page does not exist and offers the start page and the areas.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let pathname = use_location().pathname;
    view! {
        <PageMeta
            title="Seite nicht gefunden"
            description="Diese Seite gibt es im Aktionsplan Hessen nicht."
        />
        <h1 tabindex="-1">"Seite nicht gefunden"</h1>
        <p>
            "Unter der Adresse „" <code class="path">{move || pathname.get()}</code>
            "“ gibt es in dieser App keine Seite. Vielleicht ist der Link veraltet oder unvollständig."
        </p>
        <p>
            <a href=Route::Home.path()>"Zur Startseite"</a>
        </p>
        <AreaLinks />
    }
}
