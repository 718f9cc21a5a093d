//! Turns route paths into the URLs the built site uses: with the base path it is deployed under
//! (`AKTIONSPLAN_BASE_PATH`, compiled in by `build.rs`).
//!
//! Route paths (`plan::routes::Route::path`, `/suche?q=…`) never carry the base; everything that
//! ends up in an `href` or `src` goes through [`href`] or [`asset`], and the router gets
//! [`BASE_PATH`], so moving the site to a sub-path is one setting.

use plan::routes::Route;

include!(concat!(env!("OUT_DIR"), "/settings.rs"));

/// The link to a route path (which may carry a query and a fragment) under the base path.
///
/// The start page keeps its slash (`/aktionsplan/`), the directory a static host serves it from.
pub fn href(path: &str) -> String {
    with_base(BASE_PATH, path)
}

/// The link to a route of the app.
pub fn link(route: Route<'_>) -> String {
    href(&route.path())
}

/// The URL of a file that Trunk copies into the site's root folder, such as `icon.svg`.
pub fn asset(name: &str) -> String {
    format!("{BASE_PATH}/{name}")
}

/// [`href`] for a given base, so that tests cover sub-paths whatever the build's setting is.
fn with_base(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_base_path() {
        for (base, path, expected) in [
            ("", "/", "/"),
            ("", "/leitlinien", "/leitlinien"),
            ("/aktionsplan", "/", "/aktionsplan/"),
            ("/aktionsplan", "/suche?q=a#b", "/aktionsplan/suche?q=a#b"),
            ("/a/b", "/handlungsfelder/x", "/a/b/handlungsfelder/x"),
        ] {
            assert_eq!(with_base(base, path), expected, "{base} {path}");
        }
    }
}
