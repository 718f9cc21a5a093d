//! A plain list of links to the eight action areas, offered where a reader has lost their way.

use crate::content::PLAN;
use crate::paths::link;
use leptos::prelude::*;
use plan::routes::Route;

/// The heading "Die Handlungsfelder" and a link to each area.
#[component]
pub fn AreaLinks() -> impl IntoView {
    view! {
        <h2>"Die Handlungsfelder"</h2>
        <ul class="link-list">
            {PLAN
                .areas
                .iter()
                .map(|area| view! { <li><a href=link(Route::Area(area.slug))>{area.title}</a></li> })
                .collect_view()}
        </ul>
    }
}
