//! The five guiding principles with their introducing sentence.

use leptos::prelude::*;
use plan::model::Start;

/// The sentence that introduces the principles, followed by the principles as a list.
#[component]
pub fn Principles(
    /// The start page's content, which holds the principles.
    start: &'static Start,
) -> impl IntoView {
    view! {
        <p>{start.principles_intro}</p>
        <ul class="principles">
            {start.principles.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
        </ul>
    }
}
