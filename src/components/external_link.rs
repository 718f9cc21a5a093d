//! A link that leaves the app: in embed mode it opens in a new tab instead of the host's frame.

use crate::embed::is_embedded;
use leptos::prelude::*;

/// A link to a page outside the app (or a `mailto:` address). The router leaves it to the browser
/// (`rel="external"`); embedded in another site's frame it opens a new tab and says so.
#[component]
pub fn ExternalLink(
    /// Where the link leads.
    #[prop(into)]
    href: String,
    /// The link text.
    children: Children,
) -> impl IntoView {
    let embedded = is_embedded();
    view! {
        <a
            href=href
            rel=if embedded { "external noopener" } else { "external" }
            target=embedded.then_some("_blank")
        >
            {children()}
            {embedded.then(|| view! { <span class="visually-hidden">" (öffnet ein neues Fenster)"</span> })}
        </a>
    }
}
