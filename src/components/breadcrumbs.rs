//! The breadcrumb trail above a page's heading.

use leptos::prelude::*;

/// A trail of links from the start page to the current page (the last entry, not linked).
#[component]
pub fn Breadcrumbs(
    /// The ancestors of the current page: label and path, from the start page down.
    trail: Vec<(&'static str, String)>,
    /// The current page's label.
    current: &'static str,
) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Sie sind hier">
            <ol>
                {trail
                    .into_iter()
                    .map(|(label, path)| view! { <li><a href=path>{label}</a></li> })
                    .collect_view()}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
