//! The document title, meta description, canonical URL and Open Graph tags of a page.

use crate::content::PLAN;
use crate::paths::ORIGIN;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

/// The document title for a page: "<page> – <app name>", or the app name alone for the start page.
pub fn document_title(page: Option<&str>) -> String {
    match page {
        Some(page) => format!("{page} – {}", PLAN.site.name),
        None => PLAN.site.name.to_owned(),
    }
}

/// The canonical URL of a browser path: the configured origin, the path without a trailing slash
/// (but `/` for the start page at the root) and no query.
pub fn canonical_url(pathname: &str) -> String {
    let trimmed = pathname.trim_end_matches('/');
    let path = if trimmed.is_empty() { "/" } else { trimmed };
    let path = if path == crate::paths::BASE_PATH && !path.is_empty() {
        format!("{path}/")
    } else {
        path.to_owned()
    };
    format!("{ORIGIN}{path}")
}

/// Sets the document title, the meta description, and for pages that exist the canonical URL and
/// the Open Graph tags that link previews show; the not-found page asks not to be indexed.
#[component]
pub fn PageMeta(
    /// The page's own title, usually its `h1`; `None` for the start page.
    #[prop(optional, into)]
    title: Option<String>,
    /// One or two sentences that describe the page for search engines and link previews.
    #[prop(into)]
    description: String,
    /// Whether the page is a real page of the app; `false` for the not-found page.
    #[prop(default = true)]
    indexable: bool,
) -> impl IntoView {
    let full_title = document_title(title.as_deref());
    let pathname = use_location().pathname;
    let social = indexable.then(|| {
        // Each page renders its own `PageMeta`, so the path at creation is the page's path.
        let url = canonical_url(&pathname.get_untracked());
        view! {
            <Link rel="canonical" href=url.clone() />
            <Meta property="og:type" content="website" />
            <Meta property="og:site_name" content=PLAN.site.name />
            <Meta property="og:locale" content="de_DE" />
            <Meta property="og:title" content=full_title.clone() />
            <Meta property="og:description" content=description.clone() />
            <Meta property="og:url" content=url.clone() />
        }
    });
    view! {
        <Title text=full_title.clone() />
        <Meta name="description" content=description.clone() />
        {(!indexable).then(|| view! { <Meta name="robots" content="noindex" /> })}
        {social}
    }
}

#[cfg(test)]
mod tests {
    use super::{canonical_url, document_title};
    use crate::paths::{BASE_PATH, ORIGIN, href};

    #[test]
    fn document_titles() {
        assert_eq!(document_title(None), "Aktionsplan Hessen");
        assert_eq!(
            document_title(Some("Leitlinien")),
            "Leitlinien – Aktionsplan Hessen"
        );
    }

    #[test]
    fn canonical_urls_drop_trailing_slashes_and_keep_the_start_page_slash() {
        for (path, expected) in [
            ("/", "/"),
            ("/leitlinien", "/leitlinien"),
            ("/leitlinien/", "/leitlinien"),
            (
                "/handlungsfelder/unterbringung",
                "/handlungsfelder/unterbringung",
            ),
        ] {
            let got = canonical_url(&href(path));
            let want = format!("{ORIGIN}{}", href(expected));
            assert_eq!(got, want, "{path} under {BASE_PATH:?}");
        }
    }
}
