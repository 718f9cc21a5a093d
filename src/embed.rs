//! Embed mode: the app inside another site's frame, switched on by `?einbettung=1`.
//!
//! The page then shows only its content and an attribution link (see `components::layout`),
//! applies the host's theme (`theme`), and reports its height to the host page (`resize`). The
//! query parameters and the message format are a public interface (README "Einbetten"), used by
//! the loader `public/embed.js` and by hosts that write the frame themselves.

pub mod resize;
pub mod snippet;
pub mod theme;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use theme::Theme;

/// The query parameter that switches embed mode on: `einbettung=1`.
pub const EMBED_PARAM: &str = "einbettung";
/// The query parameter with the host page's origin (`herkunft=https://example.org`), which the
/// loader adds: size messages go only to it, and only its messages are answered.
pub const HOST_PARAM: &str = "herkunft";

/// Embed mode as the page was opened: it stays for the app's life, so that following links in
/// the frame keeps the embedded view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embedding {
    /// Whether the app runs embedded.
    pub active: bool,
    /// The host's theme.
    pub theme: Theme,
    /// The host page's origin, when given and well-formed.
    pub host_origin: Option<String>,
    /// Why query values were ignored, for the console.
    pub warnings: Vec<String>,
}

impl Embedding {
    /// Reads embed mode from the query parameters that `param` returns. Outside embed mode the
    /// theme parameters mean nothing and are not read.
    pub fn from_query(param: impl Fn(&str) -> Option<String>) -> Embedding {
        if param(EMBED_PARAM).as_deref() != Some("1") {
            return Embedding::default();
        }
        let (theme, mut warnings) = Theme::from_query(&param);
        let host_origin = param(HOST_PARAM).and_then(|value| {
            let origin = web_origin(&value);
            if origin.is_none() {
                warnings.push(format!(
                    "{}{HOST_PARAM} ist keine Herkunft wie https://www.example.org und wird ignoriert.",
                    theme::WARNING_PREFIX
                ));
            }
            origin
        });
        Embedding {
            active: true,
            theme,
            host_origin,
            warnings,
        }
    }
}

/// The value if it is exactly a web origin: `http` or `https`, a host of letters, digits, dots
/// and hyphens (or a bracketed IPv6 address), an optional port, and nothing after it.
pub fn web_origin(value: &str) -> Option<String> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    // An IPv6 host is bracketed and holds colons; any other host holds none.
    let (host, port) = match rest.strip_prefix('[') {
        Some(bracketed) => {
            let (ip6, after) = bracketed.split_once(']')?;
            let ip6_ok = !ip6.is_empty()
                && ip6
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
            (ip6_ok.then_some("[]")?, port_of(after)?)
        }
        None => match rest.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        },
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && (host == "[]"
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'));
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then(|| value.to_ascii_lowercase())
}

/// The port part after an IPv6 host's `]`: nothing, or `:` and the port.
fn port_of(after: &str) -> Option<Option<&str>> {
    if after.is_empty() {
        Some(None)
    } else {
        after.strip_prefix(':').map(Some)
    }
}

/// Reads embed mode from the URL the app starts with, provides it to every component, and in the
/// browser applies the theme and starts the size reports. Must be called inside the router.
pub fn provide_embedding() -> Embedding {
    let query = use_location().query;
    let embedding = query.with_untracked(|q| Embedding::from_query(|name| q.get(name)));
    provide_context(embedding.clone());
    if embedding.active {
        let started = embedding.clone();
        let pathname = use_location().pathname;
        // Effects run only in the browser. The first run starts the reports; every later one
        // follows a navigation inside the frame.
        Effect::new(move |done: Option<()>| {
            pathname.track();
            if done.is_none() {
                for warning in &started.warnings {
                    leptos::logging::warn!("{warning}");
                }
                resize::apply_theme(&started.theme);
                resize::start(started.host_origin.clone());
            } else {
                resize::report_after_navigation(started.host_origin.clone());
            }
        });
    }
    embedding
}

/// Whether the app runs embedded; false where no layout provided the context (component tests).
pub fn is_embedded() -> bool {
    use_context::<Embedding>().is_some_and(|e| e.active)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(query: &[(&str, &str)]) -> Embedding {
        Embedding::from_query(|name| {
            query
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn embed_mode_needs_exactly_einbettung_1() {
        for (query, active) in [
            (vec![], false),
            (vec![("einbettung", "1")], true),
            (vec![("einbettung", "0")], false),
            (vec![("einbettung", "true")], false),
            (vec![("einbettung", "")], false),
            (vec![("farbschema", "dunkel")], false),
        ] {
            assert_eq!(read(&query).active, active, "{query:?}");
        }
    }

    #[test]
    fn theme_is_read_only_in_embed_mode() {
        let outside = read(&[("farbschema", "dunkel"), ("akzent", "nonsense")]);
        assert_eq!(outside, Embedding::default());
        let inside = read(&[("einbettung", "1"), ("farbschema", "dunkel")]);
        assert_eq!(inside.theme.scheme, theme::Scheme::Dunkel);
    }

    #[test]
    fn host_origin_cases() {
        for (value, expected) in [
            ("https://www.hessen.de", Some("https://www.hessen.de")),
            ("http://127.0.0.1:8081", Some("http://127.0.0.1:8081")),
            ("https://Example.ORG", Some("https://example.org")),
            ("http://[::1]:8080", Some("http://[::1]:8080")),
            ("https://www.hessen.de/", None),
            ("https://www.hessen.de/pfad", None),
            ("https://a.de:99999x", None),
            ("https://a.de:", None),
            ("javascript:alert(1)", None),
            ("null", None),
            ("*", None),
            ("https://", None),
            ("https://user@a.de", None),
            ("ftp://a.de", None),
        ] {
            assert_eq!(web_origin(value).as_deref(), expected, "{value:?}");
        }
    }

    #[test]
    fn a_bad_host_origin_is_ignored_with_a_warning() {
        let embedding = read(&[("einbettung", "1"), ("herkunft", "https://a.de/x")]);
        assert!(embedding.active);
        assert_eq!(embedding.host_origin, None);
        assert_eq!(embedding.warnings.len(), 1);
    }
}
