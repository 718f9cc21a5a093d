//! The action areas as a list of cards, each linking to its page.

use super::illustration::Illustration;
use crate::paths::link;
use leptos::prelude::*;
use plan::model::Area;
use plan::routes::Route;

/// One card per area with illustration, title (a link) and first sentence.
#[component]
pub fn AreaCards(
    /// The areas, in order.
    areas: &'static [Area],
    /// The heading level of each card's title: 2 on the overview page, 3 below a section heading.
    heading_level: u8,
) -> impl IntoView {
    view! {
        <ul class="cards">
            {areas
                .iter()
                .map(|area| {
                    let title_link = view! { <a href=link(Route::Area(area.slug))>{area.title}</a> };
                    let title = if heading_level == 2 {
                        view! { <h2 class="card__title">{title_link}</h2> }.into_any()
                    } else {
                        view! { <h3 class="card__title">{title_link}</h3> }.into_any()
                    };
                    view! {
                        <li class="card">
                            <Illustration area=area decorative=true />
                            {title}
                            <p class="card__summary">{area.summary()}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
