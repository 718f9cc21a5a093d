//! The five guiding principles with their introducing sentence.

use super::highlight::Highlighted;
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
        <p id=PRINCIPLES_INTRO_ANCHOR><Highlighted text=start.principles_intro /></p>
        <ul class="principles">
            {start
                .principles
                .iter()
                .enumerate()
                .map(|(i, p)| view! { <li id=principle_anchor(i)><Highlighted text=p /></li> })
                .collect_view()}
        </ul>
    }
}
