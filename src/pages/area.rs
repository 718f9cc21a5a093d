//! The page of one action area, chosen by the `:slug` route parameter.

use super::not_found::NotFoundPage;
use crate::components::{
    breadcrumbs::Breadcrumbs, highlight::highlighted_html, illustration::Illustration,
    page_meta::PageMeta,
};
use crate::content::PLAN;
use crate::paths::link;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use plan::model::Area;
use plan::routes::Route;
use plan::sections::paragraph_anchor;

/// Reads the slug from the URL and shows that area, or the not-found page for an unknown slug.
#[component]
pub fn AreaPage() -> impl IntoView {
    let params = use_params_map();
    // The same page instance serves every area: following "next" only changes the parameter.
    move || match params.read().get("slug").and_then(|slug| PLAN.area(&slug)) {
        Some(area) => view! { <AreaView area=area /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

/// One action area: breadcrumbs, title, illustration, text and links to its neighbours.
#[component]
pub fn AreaView(
    /// The area shown.
    area: &'static Area,
) -> impl IntoView {
    let (previous, next) = PLAN.neighbours(area.slug);
    let start = &PLAN.start;
    view! {
        <PageMeta title=area.title description=area.summary() />
        <Breadcrumbs
            trail=vec![("Startseite", link(Route::Home)), (start.areas_heading, link(Route::Handlungsfelder))]
            current=area.title
        />
        <article class="area">
            <p class="eyebrow">{format!("Handlungsfeld {} von {}", area.order, PLAN.areas.len())}</p>
            <h1 tabindex="-1">{area.title}</h1>
            <Illustration area=area />
            {area
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| view! { <p id=paragraph_anchor(i) inner_html=highlighted_html(p) /> })
                .collect_view()}
        </article>
        <nav class="pager" aria-label="Weitere Handlungsfelder">
            <ul>
                {previous.map(|a| pager_link(a, "prev", "Vorheriges Handlungsfeld"))}
                {next.map(|a| pager_link(a, "next", "Nächstes Handlungsfeld"))}
            </ul>
        </nav>
    }
}

/// A link to a neighbouring area, labelled with its direction and title.
fn pager_link(area: &'static Area, rel: &'static str, direction: &'static str) -> impl IntoView {
    view! {
        <li class=format!("pager__{rel}")>
            <a href=link(Route::Area(area.slug)) rel=rel>
                <span class="pager__direction">{direction}</span>
                <span class="pager__title">{area.title}</span>
            </a>
        </li>
    }
}
