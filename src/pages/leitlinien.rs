//! The page of the five guiding principles.

use crate::components::{breadcrumbs::Breadcrumbs, page_meta::PageMeta, principles::Principles};
use crate::content::PLAN;
use crate::paths::link;
use leptos::prelude::*;
use plan::routes::Route;

/// The guiding principles with the paragraph that introduces them.
#[component]
pub fn LeitlinienPage() -> impl IntoView {
    view! {
        <PageMeta
            title="Leitlinien"
            description="Die fünf Leitlinien des Integrationsplans Hessen, wie sie der Aktionsplan nennt."
        />
        <Breadcrumbs trail=vec![("Startseite", link(Route::Home))] current="Leitlinien" />
        <h1 tabindex="-1">"Leitlinien"</h1>
        <Principles start=&PLAN.start />
        <p>
            <a class="standalone-link" href=link(Route::Handlungsfelder)>
                "Weiter zu den Handlungsfeldern"
            </a>
        </p>
    }
}
