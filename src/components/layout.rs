//! The frame around every page: skip link, header, live region, main content and footer.
//!
//! It also moves focus to the new page's `h1` after client-side navigation and announces the page,
//! because a single-page app otherwise leaves screen-reader users on the link they followed.

use super::{footer::SiteFooter, header::SiteHeader};
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
    let pathname = use_location().pathname;
    // Effects run only in the browser, after rendering; the first run is the initial page load,
    // where focus must stay at the top of the document so the skip link comes first.
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            request_animation_frame(move || focus_heading(announcement));
        }
        path
    });
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}")>"Zum Inhalt springen"</a>
        <SiteHeader />
        <div id="ansage" class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcement.get()}
        </div>
        <main id=MAIN_ID tabindex="-1">
            {children()}
        </main>
        <SiteFooter />
    }
}

/// Focuses the page's `h1` and puts its text into the live region.
fn focus_heading(announcement: RwSignal<String>) {
    let Some(heading) = document().query_selector("main h1").ok().flatten() else {
        return;
    };
    if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
        let _ = heading.focus();
        announcement.set(heading.text_content().unwrap_or_default());
    }
}
