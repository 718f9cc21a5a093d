//! The five guiding principles with their introducing sentence.

use super::highlight::highlighted_html;
use leptos::prelude::*;
use plan::model::Start;
use plan::sections::{PRINCIPLES_INTRO_ANCHOR, principle_anchor};

/// The sentence that introduces the principles, followed by the principles as a list.
#[component]
pub fn Principles(
    /// The start page's content, which holds the principles.
    start: &'static Start,
) -> impl IntoView {
    view! {
        <p id=PRINCIPLES_INTRO_ANCHOR inner_html=highlighted_html(start.principles_intro) />
        <ul class="principles">
            {start
                .principles
                .iter()
                .enumerate()
                .map(|(i, p)| view! { <li id=principle_anchor(i) inner_html=highlighted_html(p) /> })
                .collect_view()}
        </ul>
    }
}
