//! The installable, offline-capable app: PNG icons, the web app manifest and the service worker,
//! written into the built site by `cargo xtask dist`.
//!
//! Everything comes from sources that exist anyway: the icons from `public/icon.svg`, the colours
//! from `style/main.css`, the name and the areas' heading from `content/`, the description from
//! the root package. The service worker precaches every file of the build, so it is written last,
//! after the pages, icons and manifest, and before the header rules and compressed copies.

mod colors;
mod icons;
mod manifest;
mod worker;

use crate::run::root;
use colors::Colors;
use manifest::{App, MANIFEST_FILE};
use siteserver::BasePath;
use std::fmt;
use std::path::Path;
use worker::{WORKER_FILE, Worker};

/// What [`write`] wrote.
#[derive(Debug)]
pub struct Written {
    /// The icons' paths in `dist/`.
    pub icons: Vec<&'static str>,
    /// The service worker's cache and precache list.
    pub worker: Worker,
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {MANIFEST_FILE} and {WORKER_FILE} (cache {}: {} files, {} bytes precached)",
            self.icons.join(", "),
            self.worker.cache,
            self.worker.urls.len(),
            self.worker.bytes
        )
    }
}

/// Writes the icons, `manifest.webmanifest` and `sw.js` into the built site `dist`, served under
/// the base path `base` (such as `/` or `/aktionsplan/`).
pub fn write(dist: &Path, base: &str) -> Result<Written, String> {
    let base = BasePath::new(base).map_err(|e| e.to_string())?;
    let root = root();
    let text = |path: &str| {
        std::fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let colors = Colors::from_css(&text("style/main.css")?, "style/main.css")?;
    let svg = text("public/icon.svg")?;
    write_app(dist, &base, &read_app(&root)?, colors, svg.as_bytes())
}

/// The app's name and areas' heading from `content/`, its description from the root package,
/// in the workspace at `root`.
fn read_app(root: &Path) -> Result<App, String> {
    let plan = plan::content::load(&root.join("content")).map_err(|e| e.to_string())?;
    let cargo = std::fs::read_to_string(root.join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    Ok(App {
        name: plan.site.name.to_owned(),
        description: manifest::description(&cargo).map_err(|e| format!("Cargo.toml: {e}"))?,
        areas_heading: plan.start.areas_heading.to_owned(),
    })
}

/// Writes the icons drawn from `svg`, the manifest of `app` and the service worker into `dist`.
fn write_app(
    dist: &Path,
    base: &BasePath,
    app: &App,
    colors: Colors,
    svg: &[u8],
) -> Result<Written, String> {
    let icons = icons::write(dist, svg, colors.theme)?;
    let manifest = manifest::manifest(app, &colors, base);
    let path = dist.join(MANIFEST_FILE);
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let worker = worker::write(dist, base)?;
    // A URL of the manifest that the build lacks (a renamed route, a missing icon) would fail
    // only on a phone; here it stops the build.
    for url in manifest::urls(&manifest) {
        if !worker.urls.contains(&url) {
            return Err(format!(
                "{MANIFEST_FILE} names {url}, which is no file or page of the build in {}",
                dist.display()
            ));
        }
    }
    Ok(Written { icons, worker })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App {
            name: "Aktionsplan Hessen".to_owned(),
            description: "Eine Web-App.".to_owned(),
            areas_heading: "Hessen handelt".to_owned(),
        }
    }

    const COLORS: Colors = Colors {
        theme: colors::Rgb {
            r: 0,
            g: 0x3a,
            b: 0x70,
        },
        background: colors::Rgb {
            r: 255,
            g: 255,
            b: 255,
        },
    };

    /// A built site in small with the pages the manifest links to, and the icon.
    fn small_site(pages: &[&str]) -> tempfile::TempDir {
        let dist = tempfile::tempdir().unwrap();
        for name in pages.iter().chain(&["icon.svg", "_headers"]) {
            let path = dist.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        dist
    }

    const PAGES: [&str; 4] = [
        "index.html",
        "404.html",
        "suche/index.html",
        "handlungsfelder/index.html",
    ];

    #[test]
    fn the_pwa_files_are_written_and_the_worker_precaches_them() {
        let svg = std::fs::read(root().join("public/icon.svg")).unwrap();
        for base in ["/", "/aktionsplan/"] {
            let site = small_site(&PAGES);
            let base = BasePath::new(base).unwrap();
            let written = write_app(site.path(), &base, &app(), COLORS, &svg).unwrap();
            let text = std::fs::read_to_string(site.path().join(MANIFEST_FILE)).unwrap();
            let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(manifest["start_url"], base.as_str());
            let expected: Vec<String> = [
                "404.html",
                "handlungsfelder",
                "icon.svg",
                "icons/apple-touch-icon.png",
                "icons/icon-192.png",
                "icons/icon-512.png",
                "icons/icon-maskable-512.png",
                "",
                "manifest.webmanifest",
                "suche",
            ]
            .iter()
            .map(|path| format!("{base}{path}"))
            .collect();
            assert_eq!(written.worker.urls, expected, "{base}");
            let sw = std::fs::read_to_string(site.path().join(WORKER_FILE)).unwrap();
            assert!(sw.contains(&serde_json::json!(written.worker.urls).to_string()));
            assert!(written.to_string().starts_with(
                "icons/icon-192.png, icons/icon-512.png, icons/icon-maskable-512.png, \
                 icons/apple-touch-icon.png, manifest.webmanifest and sw.js (cache aktionsplan-"
            ));
        }
    }

    #[test]
    fn a_manifest_url_the_build_lacks_stops_it() {
        let svg = std::fs::read(root().join("public/icon.svg")).unwrap();
        for (missing, url) in [
            ("suche/index.html", "/suche"),
            ("handlungsfelder/index.html", "/handlungsfelder"),
            ("index.html", "/"),
        ] {
            let pages: Vec<&str> = PAGES.into_iter().filter(|p| *p != missing).collect();
            let site = small_site(&pages);
            let error =
                write_app(site.path(), &BasePath::root(), &app(), COLORS, &svg).unwrap_err();
            assert!(
                error.starts_with(&format!(
                    "manifest.webmanifest names {url}, which is no file"
                )),
                "{error}"
            );
        }
    }

    #[test]
    fn the_app_is_named_by_the_content_and_described_by_the_package() {
        let app = read_app(&root()).unwrap();
        let plan = plan::content::load(&root().join("content")).unwrap();
        assert_eq!(app.name, plan.site.name);
        assert_eq!(app.areas_heading, plan.start.areas_heading);
        assert!(!app.description.is_empty());
    }
}
