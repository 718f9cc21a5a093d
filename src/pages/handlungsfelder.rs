//! The overview of the eight action areas.

use crate::components::{
    area_cards::AreaCards, breadcrumbs::Breadcrumbs, highlight::highlighted_html,
    page_meta::PageMeta,
};
use crate::content::PLAN;
use crate::paths::link;
use leptos::prelude::*;
use plan::routes::Route;
use plan::sections::AREAS_INTRO_ANCHOR;

/// All action areas as cards.
#[component]
pub fn HandlungsfelderPage() -> impl IntoView {
    let start = &PLAN.start;
    view! {
        <PageMeta title=start.areas_heading description=start.areas_intro />
        <Breadcrumbs trail=vec![("Startseite", link(Route::Home))] current=start.areas_heading />
        <h1 tabindex="-1">{start.areas_heading}</h1>
        <p id=AREAS_INTRO_ANCHOR inner_html=highlighted_html(start.areas_intro) />
        <AreaCards areas=PLAN.areas heading_level=2 />
    }
}
