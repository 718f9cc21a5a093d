//! The attribution under an embedded page: where the text comes from, and a link that opens the
//! same page in the full app in a new tab.

use crate::search::QUERY_PARAM;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// The footer of an embedded page, in place of the site footer.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let pathname = use_location().pathname;
    let query = use_query_map();
    // The same page without the embed parameters; a search keeps its words.
    let href = move || {
        let path = pathname.get();
        match query.read().get(QUERY_PARAM) {
            Some(q) => format!("{path}?{QUERY_PARAM}={}", crate::search::encode(&q)),
            None => path,
        }
    };
    view! {
        <footer class="embed-footer">
            <p>
                <a href=href target="_blank" rel="noopener">
                    "Diese Seite in der App „Aktionsplan Hessen“ öffnen"
                    <span class="visually-hidden">" (öffnet ein neues Fenster)"</span>
                </a>
            </p>
        </footer>
    }
}
