//! The web app manifest, `dist/manifest.webmanifest`: name, colours, icons and shortcuts of the
//! installed app, every URL under the base path.

use super::colors::Colors;
use super::icons::ICONS;
use serde_json::{Value, json};
use siteserver::BasePath;

/// The manifest's file in `dist/`.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// The name under the icon on a home screen, where the full name would be cut.
pub const SHORT_NAME: &str = "Aktionsplan";

/// The search page's path below the base (the route `/suche` of `src/lib.rs`).
const SEARCH_PAGE: &str = "suche";
/// The search page's name in the shortcut menu, as the app names its search.
const SEARCH_NAME: &str = "Hessen-Suche";

/// What the manifest says about the app, taken from the content and the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct App {
    /// The app's name, `name` of `content/site.toml`.
    pub name: String,
    /// A sentence saying what the app is, the root package's description.
    pub description: String,
    /// The heading of the action areas ("Hessen handelt"), the overview's shortcut name.
    pub areas_heading: String,
}

/// The shortcuts of the installed app (the menu of its icon): name and path below the base.
pub fn shortcuts(app: &App) -> Vec<(&str, String)> {
    let areas = plan::routes::Route::Handlungsfelder.path();
    vec![
        (SEARCH_NAME, SEARCH_PAGE.to_owned()),
        (
            app.areas_heading.as_str(),
            areas.trim_start_matches('/').to_owned(),
        ),
    ]
}

/// The manifest of `app` served under `base`, with the given colours.
pub fn manifest(app: &App, colors: &Colors, base: &BasePath) -> Value {
    let url = |path: &str| format!("{base}{path}");
    let png = |path: &str, size: u32| json!({"src": url(path), "sizes": format!("{size}x{size}"), "type": "image/png"});
    let mut icons: Vec<Value> = ICONS
        .iter()
        .filter_map(|icon| {
            let mut entry = png(icon.path, icon.size);
            entry["purpose"] = icon.style.purpose()?.into();
            Some(entry)
        })
        .collect();
    icons.push(
        json!({"src": url("icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"}),
    );
    // Shortcut menus show small icons; the smallest icon of purpose `any` is the right one.
    let small = ICONS
        .iter()
        .filter(|icon| icon.style.purpose() == Some("any"))
        .min_by_key(|icon| icon.size)
        .expect("an icon of purpose any");
    let shortcuts: Vec<Value> = shortcuts(app)
        .into_iter()
        .map(|(name, path)| json!({"name": name, "url": url(&path), "icons": [png(small.path, small.size)]}))
        .collect();
    json!({
        "id": url(""),
        "lang": "de",
        "dir": "ltr",
        "name": app.name,
        "short_name": SHORT_NAME,
        "description": app.description,
        "start_url": url(""),
        "scope": url(""),
        "display": "standalone",
        "theme_color": colors.theme.to_string(),
        "background_color": colors.background.to_string(),
        "icons": icons,
        "shortcuts": shortcuts,
    })
}

/// Every URL in `manifest`: the start page, the icons, the shortcuts and their icons.
pub fn urls(manifest: &Value) -> Vec<String> {
    let list = |value: &Value| value.as_array().cloned().unwrap_or_default();
    let mut urls = vec![manifest["start_url"].clone()];
    urls.extend(
        list(&manifest["icons"])
            .iter()
            .map(|icon| icon["src"].clone()),
    );
    for shortcut in list(&manifest["shortcuts"]) {
        urls.push(shortcut["url"].clone());
        urls.extend(
            list(&shortcut["icons"])
                .iter()
                .map(|icon| icon["src"].clone()),
        );
    }
    urls.iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// The `description` of the `[package]` in the text of a `Cargo.toml`.
pub fn description(cargo_toml: &str) -> Result<String, String> {
    let document = toml_edit::ImDocument::parse(cargo_toml).map_err(|e| e.to_string())?;
    document
        .get("package")
        .and_then(|package| package.get("description"))
        .and_then(|description| description.as_str())
        .filter(|description| !description.trim().is_empty())
        .map(str::to_owned)
        .ok_or_else(|| "the [package] has no description".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pwa::colors::Rgb;

    fn app() -> App {
        App {
            name: "Aktionsplan Hessen".to_owned(),
            description: "Der Aktionsplan als Web-App.".to_owned(),
            areas_heading: "Hessen handelt".to_owned(),
        }
    }

    /// The expected manifest for a base, written out in full.
    fn expected(base: &str) -> Value {
        let icon = |file: &str, size: &str, kind: &str, purpose: &str| json!({"src": format!("{base}{file}"), "sizes": size, "type": kind, "purpose": purpose});
        let small = json!([{"src": format!("{base}icons/icon-192.png"), "sizes": "192x192", "type": "image/png"}]);
        json!({
            "id": base,
            "lang": "de",
            "dir": "ltr",
            "name": "Aktionsplan Hessen",
            "short_name": "Aktionsplan",
            "description": "Der Aktionsplan als Web-App.",
            "start_url": base,
            "scope": base,
            "display": "standalone",
            "theme_color": "#003a70",
            "background_color": "#ffffff",
            "icons": [
                icon("icons/icon-192.png", "192x192", "image/png", "any"),
                icon("icons/icon-512.png", "512x512", "image/png", "any"),
                icon("icons/icon-maskable-512.png", "512x512", "image/png", "maskable"),
                icon("icon.svg", "any", "image/svg+xml", "any"),
            ],
            "shortcuts": [
                {"name": "Hessen-Suche", "url": format!("{base}suche"), "icons": small},
                {"name": "Hessen handelt", "url": format!("{base}handlungsfelder"), "icons": small},
            ],
        })
    }

    #[test]
    fn the_manifest_puts_every_url_under_the_base() {
        let colors = Colors {
            theme: Rgb::parse("#003a70").unwrap(),
            background: Rgb::parse("#fff").unwrap(),
        };
        for base in ["/", "/aktionsplan/", "/a/b/"] {
            let got = manifest(&app(), &colors, &BasePath::new(base).unwrap());
            assert_eq!(got, expected(base), "{base}");
            assert!(got["shortcuts"].as_array().unwrap().len() <= 4, "{base}");
            // Every URL in the manifest starts with the base.
            let text = got.to_string();
            for (at, _) in text.match_indices("\"/") {
                assert!(text[at + 1..].starts_with(base), "{base}: {}", &text[at..]);
            }
        }
    }

    #[test]
    fn every_url_of_the_manifest_is_found() {
        let colors = Colors {
            theme: Rgb::parse("#000").unwrap(),
            background: Rgb::parse("#fff").unwrap(),
        };
        let urls = urls(&manifest(&app(), &colors, &BasePath::new("/x/").unwrap()));
        assert_eq!(
            urls,
            [
                "/x/",
                "/x/icons/icon-192.png",
                "/x/icons/icon-512.png",
                "/x/icons/icon-maskable-512.png",
                "/x/icon.svg",
                "/x/suche",
                "/x/icons/icon-192.png",
                "/x/handlungsfelder",
                "/x/icons/icon-192.png",
            ]
        );
    }

    #[test]
    fn the_description_is_the_packages() {
        for (toml, expected) in [
            (
                "[package]\nname = \"a\"\ndescription = \"Eine Web-App.\"\n",
                Ok("Eine Web-App."),
            ),
            (
                "[workspace]\n[package]\nname = \"a\"\n",
                Err("the [package] has no description"),
            ),
            (
                "[package]\ndescription = \" \"\n",
                Err("the [package] has no description"),
            ),
            (
                "[package]\ndescription = 1\n",
                Err("the [package] has no description"),
            ),
        ] {
            assert_eq!(
                description(toml).as_deref(),
                expected.map_err(str::to_owned).as_deref(),
                "{toml}"
            );
        }
        assert!(description("[package").is_err());
    }
}
