//! The start page: the way to Leichte Sprache, introduction, key figures, guiding principles and
//! the action areas.

use crate::components::{
    area_cards::AreaCards, figures::KeyFigures, highlight::highlighted_html, page_meta::PageMeta,
    principles::Principles,
};
use crate::content::PLAN;
use crate::paths::link;
use leptos::prelude::*;
use plan::model::first_sentence;
use plan::routes::Route;
use plan::sections::intro_anchor;

/// The start page.
#[component]
pub fn HomePage() -> impl IntoView {
    let start = &PLAN.start;
    view! {
        <PageMeta description=first_sentence(start.intro[0]) />
        <h1 tabindex="-1">{start.title}</h1>
        <p>
            <a class="standalone-link" href=link(Route::LeichteSprache)>
                "Informationen in Leichter Sprache"
            </a>
        </p>
        <div class="intro">
            {start
                .intro
                .iter()
                .enumerate()
                .map(|(i, p)| view! { <p id=intro_anchor(i) inner_html=highlighted_html(p) /> })
                .collect_view()}
        </div>
        <KeyFigures figures=start.figures />
        <section aria-labelledby="leitlinien">
            <h2 id="leitlinien">"Leitlinien"</h2>
            <Principles start=start />
            <p>
                <a class="standalone-link" href=link(Route::Leitlinien)>
                    "Die Leitlinien auf einer eigenen Seite"
                </a>
            </p>
        </section>
        <section aria-labelledby="hessen-handelt">
            <h2 id="hessen-handelt">{start.areas_heading}</h2>
            <p>{start.areas_intro}</p>
            <AreaCards areas=PLAN.areas heading_level=3 />
        </section>
    }
}
