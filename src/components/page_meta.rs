//! The document title and meta description of a page.

use crate::content::PLAN;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The document title for a page: "<page> – <app name>", or the app name alone for the start page.
pub fn document_title(page: Option<&str>) -> String {
    match page {
        Some(page) => format!("{page} – {}", PLAN.site.name),
        None => PLAN.site.name.to_owned(),
    }
}

/// Sets the document title and the meta description of the current page.
#[component]
pub fn PageMeta(
    /// The page's own title, usually its `h1`; `None` for the start page.
    #[prop(optional, into)]
    title: Option<String>,
    /// One or two sentences that describe the page for search engines and link previews.
    #[prop(into)]
    description: String,
) -> impl IntoView {
    view! {
        <Title text=document_title(title.as_deref()) />
        <Meta name="description" content=description />
    }
}

#[cfg(test)]
mod tests {
    use super::document_title;

    #[test]
    fn document_titles() {
        assert_eq!(document_title(None), "Aktionsplan Hessen");
        assert_eq!(
            document_title(Some("Leitlinien")),
            "Leitlinien – Aktionsplan Hessen"
        );
    }
}
