//! A link that leaves the app: in embed mode it opens in a new tab instead of the host's frame.
//!
//! [`ExternalLink`] is the component; [`external_link_html`] writes the same markup into an HTML
//! string, for pages whose long static text goes through `inner_html`.

use super::marked_text::escape_into;
use crate::embed::is_embedded;
use leptos::prelude::*;

/// What a screen reader hears after a link that opens a new tab.
const NEW_TAB_NOTE: &str = " (öffnet ein neues Fenster)";

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
            {embedded.then(|| view! { <span class="visually-hidden">{NEW_TAB_NOTE}</span> })}
        </a>
    }
}

/// Appends the markup of [`ExternalLink`] to `html`: a link to `href` with the text `text`, both
/// escaped; `embedded` as [`is_embedded`] tells.
pub fn external_link_html(html: &mut String, href: &str, text: &str, embedded: bool) {
    html.push_str("<a href=\"");
    escape_into(html, href);
    html.push_str(if embedded {
        "\" rel=\"external noopener\" target=\"_blank\">"
    } else {
        "\" rel=\"external\">"
    });
    escape_into(html, text);
    if embedded {
        html.push_str("<span class=\"visually-hidden\">");
        html.push_str(NEW_TAB_NOTE);
        html.push_str("</span>");
    }
    html.push_str("</a>");
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::embed::Embedding;

    #[test]
    fn the_html_form_is_the_components_markup() {
        for embedded in [false, true] {
            for (href, text) in [
                (
                    "https://example.org/a?b=1&c=2",
                    "Ein \"Link\" <mit> & Zeichen",
                ),
                ("mailto:stelle@example.org", "stelle@example.org"),
            ] {
                let owner = Owner::new();
                let rendered = owner.with(|| {
                    provide_context(Embedding {
                        active: embedded,
                        ..Embedding::default()
                    });
                    let text = text.to_owned();
                    view! { <ExternalLink href=href>{text}</ExternalLink> }.to_html()
                });
                let mut html = String::new();
                external_link_html(&mut html, href, text, embedded);
                // Leptos marks where optional parts go with comments, which the string needs not,
                // and leaves `"` in text unescaped, which means the same.
                let rendered = rendered.replace("<!>", "").replace("<!---->", "");
                assert_eq!(
                    html.replace("&quot;", "\""),
                    rendered.trim(),
                    "embedded: {embedded}"
                );
            }
        }
    }
}
