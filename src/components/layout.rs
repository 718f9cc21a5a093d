//! The frame around every page: skip link, header, live region, main content and footer; in embed
//! mode (`?einbettung=1`) only the live region, the content and an attribution link.
//!
//! It also moves focus after client-side navigation, because a single-page app otherwise leaves
//! screen-reader and keyboard users on the link they followed: to the element the URL's fragment
//! names (a search result's paragraph), else to the new page's `h1`, and announces the page.

use super::app_notices::AppNotices;
use super::embed_footer::EmbedFooter;
use super::highlight::{HighlightNote, provide_highlight};
use super::{footer::SiteFooter, header::SiteHeader};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The id of the main content, the target of the skip link.
pub const MAIN_ID: &str = "inhalt";

/// Wraps the routed page in the site's frame.
#[component]
pub fn Layout(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let location = use_location();
    let highlight = provide_highlight();
    let embedded = crate::embed::provide_embedding().active;
    crate::pwa::provide_pwa(embedded);
    // Effects run only in the browser, after rendering; the first run is the initial page load,
    // where focus stays at the top of the document so that the skip link comes first.
    Effect::new(move |previous: Option<(String, String)>| {
        let current = (location.pathname.get(), location.hash.get());
        if let Some(previous) = previous.as_ref().filter(|p| **p != current) {
            let fragment = current.1.trim_start_matches('#').to_owned();
            let new_page = previous.0 != current.0;
            request_animation_frame(move || {
                move_focus(&fragment, new_page.then_some(announcement))
            });
        }
        current
    });
    // Embedded, the host page is the site: no skip link to a menu that is not there, no header
    // and no footer of our own, but an attribution under the content. (Pre-rendered pages are
    // never embedded, so hydration always finds the full frame.)
    view! {
        {(!embedded)
            .then(|| {
                view! {
                    <a class="skip-link" href=format!("#{MAIN_ID}")>"Zum Inhalt springen"</a>
                    <SiteHeader />
                }
            })}
        <div id="ansage" class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcement.get()}
        </div>
        <main id=MAIN_ID tabindex="-1">
            <AppNotices />
            <HighlightNote highlight=highlight />
            {children()}
        </main>
        {if embedded {
            Either::Left(view! { <EmbedFooter /> })
        } else {
            Either::Right(view! { <SiteFooter /> })
        }}
    }
}

/// Focuses the element named by the fragment, or else the page's `h1`, and announces a new page.
fn move_focus(fragment: &str, announcement: Option<RwSignal<String>>) {
    let doc = document();
    let heading = doc.query_selector("main h1").ok().flatten();
    let target = Some(fragment)
        .filter(|f| !f.is_empty())
        .and_then(|f| doc.get_element_by_id(f))
        .or_else(|| heading.clone());
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        if target.get_attribute("tabindex").is_none() {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
    }
    if let (Some(heading), Some(announcement)) = (heading, announcement) {
        announcement.set(heading.text_content().unwrap_or_default());
    }
}
