//! The code a host page pastes to embed the app, and the preview URL, for the code generator on
//! `/service/einbetten`: plain functions of the chosen page and theme.

use super::EMBED_PARAM;
use super::theme::{ACCENT_PARAM, DENSITY_PARAM, SCHEME_PARAM, Theme};
use crate::paths::{BASE_PATH, ORIGIN, href};

/// The file name of the loader script in the built site (a public interface).
pub const LOADER_FILE: &str = "embed.js";

/// The URL of the loader script: the site's origin and base path.
pub fn loader_url() -> String {
    format!("{ORIGIN}{BASE_PATH}/{LOADER_FILE}")
}

/// The snippet for the loader: the element with the route and the theme's attributes, and the
/// script. Only a validated theme reaches it, so no attribute value needs escaping beyond the
/// route, which is one of the app's own paths.
pub fn loader_snippet(route: &str, theme: &Theme) -> String {
    let mut attributes = format!("data-aktionsplan-embed=\"{route}\"");
    if let Some(accent) = theme.accent {
        attributes.push_str(&format!(" data-akzentfarbe=\"{}\"", accent.color));
    }
    if let Some(scheme) = theme.scheme.attribute() {
        attributes.push_str(&format!(" data-farbschema=\"{scheme}\""));
    }
    if theme.compact {
        attributes.push_str(" data-dichte=\"kompakt\"");
    }
    format!(
        "<div {attributes}></div>\n<script src=\"{}\" async></script>",
        loader_url()
    )
}

/// The query that shows `route` in embed mode with `theme`, without the host's origin.
fn embed_query(theme: &Theme) -> String {
    let mut query = format!("{EMBED_PARAM}=1");
    if let Some(accent) = theme.accent {
        let hex = accent.color.to_string();
        query.push_str(&format!("&{ACCENT_PARAM}={}", hex.trim_start_matches('#')));
    }
    if let Some(scheme) = theme.scheme.attribute() {
        query.push_str(&format!("&{SCHEME_PARAM}={scheme}"));
    }
    if theme.compact {
        query.push_str(&format!("&{DENSITY_PARAM}=kompakt"));
    }
    query
}

/// The link that shows `route` in embed mode with `theme`, without the origin: the code
/// generator's preview (same site), and with the origin the plain frame of [`frame_snippet`].
pub fn preview_href(route: &str, theme: &Theme) -> String {
    format!("{}?{}", href(route), embed_query(theme))
}

/// The snippet for hosts that allow no external script: a plain frame of fixed height, sandboxed
/// more strictly (without `allow-same-origin`), that scrolls when the page is taller.
pub fn frame_snippet(route: &str, theme: &Theme, title: &str) -> String {
    format!(
        "<iframe src=\"{ORIGIN}{}\" title=\"{title}\" width=\"100%\" height=\"800\" \
         loading=\"lazy\" sandbox=\"allow-scripts allow-forms allow-popups \
         allow-popups-to-escape-sandbox\"></iframe>",
        preview_href(route, theme)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::theme::{Accent, Rgb, Scheme};

    fn theme(accent: Option<&str>, scheme: Scheme, compact: bool) -> Theme {
        Theme {
            accent: accent.map(|hex| Accent {
                color: Rgb::parse_hex(hex).unwrap(),
                light: true,
                dark: false,
            }),
            scheme,
            compact,
        }
    }

    #[test]
    fn snippets_carry_exactly_the_chosen_options() {
        let script = format!("<script src=\"{ORIGIN}{BASE_PATH}/embed.js\" async></script>");
        for (route, theme, div) in [
            (
                "/",
                Theme::default(),
                "<div data-aktionsplan-embed=\"/\"></div>",
            ),
            (
                "/handlungsfelder/unterbringung",
                theme(Some("8A1538"), Scheme::Dunkel, true),
                "<div data-aktionsplan-embed=\"/handlungsfelder/unterbringung\" \
                 data-akzentfarbe=\"#8a1538\" data-farbschema=\"dunkel\" data-dichte=\"kompakt\"></div>",
            ),
            (
                "/leitlinien",
                theme(None, Scheme::Hell, false),
                "<div data-aktionsplan-embed=\"/leitlinien\" data-farbschema=\"hell\"></div>",
            ),
        ] {
            assert_eq!(loader_snippet(route, &theme), format!("{div}\n{script}"));
        }
    }

    #[test]
    fn preview_and_frame_urls_use_the_public_parameters() {
        let themed = theme(Some("8a1538"), Scheme::Dunkel, true);
        assert_eq!(
            preview_href("/leitlinien", &themed),
            format!(
                "{BASE_PATH}/leitlinien?einbettung=1&akzent=8a1538&farbschema=dunkel&dichte=kompakt"
            )
        );
        assert_eq!(
            preview_href("/", &Theme::default()),
            format!("{}?einbettung=1", href("/"))
        );
        let frame = frame_snippet("/leitlinien", &Theme::default(), "Leitlinien");
        assert!(frame.starts_with(&format!(
            "<iframe src=\"{ORIGIN}{BASE_PATH}/leitlinien?einbettung=1\" title=\"Leitlinien\""
        )));
        assert!(!frame.contains("allow-same-origin"), "{frame}");
    }
}
