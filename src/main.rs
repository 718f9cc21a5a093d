//! The browser entry point: hydrates the pre-rendered page, or renders afresh where the page in
//! the document was not rendered for the current URL.

fn main() {
    #[cfg(feature = "hydrate")]
    let hydrate = prerendered_for_this_url();
    #[cfg(not(feature = "hydrate"))]
    let hydrate = false;
    if hydrate {
        #[cfg(feature = "hydrate")]
        leptos::mount::hydrate_body(aktionsplan::App);
    } else {
        #[cfg(feature = "hydrate")]
        clear_prerendered_page();
        leptos::mount::mount_to_body(aktionsplan::App);
    }
    mark_running(if hydrate { "hydriert" } else { "gerendert" });
}

/// Says on `<html>` that the app runs and how it started (`data-app="hydriert"` or
/// `"gerendert"`), for styles that apply only with a running app and for the end-to-end tests.
fn mark_running(how: &str) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-app", how);
    }
}

/// Whether `<body>` was rendered for exactly this URL: this path and no query. It was not for
/// `404.html` (served for any unknown path), nor when a host answers a URL with another page's
/// file (a trailing slash, or a fallback to `index.html`), nor for a query such as `/suche?q=…` or
/// `?hervorheben=…`, which changes what the page shows. Hydrating those would keep markup that
/// belongs to another URL.
#[cfg(feature = "hydrate")]
fn prerendered_for_this_url() -> bool {
    let document = leptos::prelude::document();
    let rendered_for = document
        .body()
        .and_then(|body| body.get_attribute("data-aktionsplan-pfad"));
    let location = leptos::prelude::window().location();
    let path = location.pathname().ok();
    let no_query = location.search().is_ok_and(|s| s.is_empty());
    no_query && rendered_for.is_some() && rendered_for == path
}

/// The tags in `<head>` that the app writes (`App` and `components::page_meta::PageMeta`).
#[cfg(feature = "hydrate")]
const PAGE_TAGS: &str = "title, meta[name=description], meta[name=robots], meta[property^='og:'], \
     link[rel=canonical], link[rel=manifest], link[rel=apple-touch-icon]";

/// Removes the pre-rendered page before the app renders its own: the body's content and the
/// page's own tags in the head, which the app writes anew.
#[cfg(feature = "hydrate")]
fn clear_prerendered_page() {
    let document = leptos::prelude::document();
    if let Some(body) = document.body() {
        body.set_inner_html("");
    }
    if let Ok(tags) = document.query_selector_all(PAGE_TAGS) {
        for i in 0..tags.length() {
            if let Some(tag) = tags.item(i)
                && let Some(parent) = tag.parent_node()
            {
                let _ = parent.remove_child(&tag);
            }
        }
    }
}
