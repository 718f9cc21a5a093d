//! The service worker, `dist/sw.js`: the template `pwa/service-worker.js` with the precache list
//! and the cache name filled in.
//!
//! The list holds every file of the build, pages by their URL; the cache name is a hash of the
//! list's files and the template, so every change of the build gives a new worker file and a new
//! cache, and a worker never serves files of two builds.

use crate::compress::is_precompressed;
use crate::size::list_dir;
use sha2::{Digest, Sha256};
use siteserver::{BasePath, HEADERS_FILE};
use std::path::Path;

/// The worker's file in `dist/`: the app registers `{base}sw.js` with the scope `{base}`.
pub const WORKER_FILE: &str = "sw.js";

/// The worker's source, with the placeholders below.
pub const TEMPLATE: &str = include_str!("../../../../pwa/service-worker.js");
/// The template's file, for errors.
const TEMPLATE_FILE: &str = "pwa/service-worker.js";

/// The placeholder for the JSON array of precached URLs.
pub const PRECACHE_PLACEHOLDER: &str = "self.__PRECACHE__";
/// The placeholder for the JSON string of the cache name.
pub const VERSION_PLACEHOLDER: &str = "self.__VERSION__";

/// The start of every cache name of the app (the worker deletes other builds' caches by it).
pub const CACHE_PREFIX: &str = "aktionsplan-";

/// The worker written for a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worker {
    /// The cache name, `aktionsplan-` and 16 hex digits.
    pub cache: String,
    /// The precached URLs, in the order of the files' paths.
    pub urls: Vec<String>,
    /// The precached files' bytes, together.
    pub bytes: u64,
}

/// Whether the file `name` of the build (its path in `dist/`) is precached: everything but the
/// host's header rules, compressed copies (the browser caches what it decoded) and the worker.
pub fn is_precached(name: &str) -> bool {
    name != HEADERS_FILE && name != WORKER_FILE && !is_precompressed(name)
}

/// The URL of the file `name` of the build served under `base`: a page's URL for a folder's
/// `index.html` (`leitlinien/index.html` is `{base}leitlinien`, `index.html` is `{base}`), the
/// file's own path for everything else.
///
/// The characters that browsers percent-encode in a path are encoded the same way, and so is `%`,
/// so the URL equals the one the browser requests and the cache finds it.
pub fn url(base: &BasePath, name: &str) -> String {
    let path = if name == "index.html" {
        ""
    } else {
        name.strip_suffix("/index.html").unwrap_or(name)
    };
    let mut url = base.to_string();
    for byte in path.bytes() {
        if byte <= b' ' || byte >= 0x7f || b"\"#<>?`{}%".contains(&byte) {
            url.push_str(&format!("%{byte:02X}"));
        } else {
            url.push(char::from(byte));
        }
    }
    url
}

/// The template with the placeholders replaced by the JSON of `urls` and `cache`; each must be
/// there exactly once.
pub fn fill(template: &str, urls: &[String], cache: &str) -> Result<String, String> {
    let mut text = template.to_owned();
    for (placeholder, json) in [
        (PRECACHE_PLACEHOLDER, serde_json::json!(urls)),
        (VERSION_PLACEHOLDER, serde_json::json!(cache)),
    ] {
        let count = text.matches(placeholder).count();
        if count != 1 {
            return Err(format!(
                "{TEMPLATE_FILE} must contain `{placeholder}` once, not {count} times"
            ));
        }
        text = text.replacen(placeholder, &json.to_string(), 1);
    }
    Ok(text)
}

/// Writes `dist/sw.js` for the build in `dist` served under `base`; the files it precaches must
/// all be written already.
pub fn write(dist: &Path, base: &BasePath) -> Result<Worker, String> {
    let mut hash = Sha256::new();
    let mut field = |bytes: &[u8]| {
        // Each field carries its length, so no two different lists give the same stream.
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field(TEMPLATE.as_bytes());
    let mut urls = Vec::new();
    let mut bytes = 0;
    for (name, path) in list_dir(dist)? {
        if !is_precached(&name) {
            continue;
        }
        let content =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        field(name.as_bytes());
        field(&content);
        bytes += content.len() as u64;
        urls.push(url(base, &name));
    }
    let digest = hash.finalize();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let cache = format!("{CACHE_PREFIX}{hex}");
    let path = dist.join(WORKER_FILE);
    std::fs::write(&path, fill(TEMPLATE, &urls, &cache)?)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(Worker { cache, urls, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn files_of_the_build_are_precached_by_their_url() {
        for (base, name, expected) in [
            ("/", "index.html", "/"),
            ("/aktionsplan/", "index.html", "/aktionsplan/"),
            ("/", "leitlinien/index.html", "/leitlinien"),
            (
                "/aktionsplan/",
                "leitlinien/index.html",
                "/aktionsplan/leitlinien",
            ),
            (
                "/",
                "handlungsfelder/unterbringung/index.html",
                "/handlungsfelder/unterbringung",
            ),
            ("/", "404.html", "/404.html"),
            ("/aktionsplan/", "404.html", "/aktionsplan/404.html"),
            ("/", "icons/icon-192.png", "/icons/icon-192.png"),
            (
                "/a/b/",
                "main-1a2b3c4d5e6f7a8b.css",
                "/a/b/main-1a2b3c4d5e6f7a8b.css",
            ),
            ("/", "not-index.html", "/not-index.html"),
            (
                "/",
                "bilder/Rückführung 1.svg",
                "/bilder/R%C3%BCckf%C3%BChrung%201.svg",
            ),
            ("/", "a#b?c%d.txt", "/a%23b%3Fc%25d.txt"),
        ] {
            assert_eq!(
                url(&BasePath::new(base).unwrap(), name),
                expected,
                "{base} {name}"
            );
        }
    }

    #[test]
    fn only_the_files_a_reader_needs_are_precached() {
        for (name, expected) in [
            ("index.html", true),
            ("manifest.webmanifest", true),
            ("icons/icon-512.png", true),
            ("handlungsfelder/sw.js", true),
            ("_headers", false),
            ("sw.js", false),
            ("index.html.br", false),
            ("app-3f2a9c1b2d4e5f60_bg.wasm.gz", false),
        ] {
            assert_eq!(is_precached(name), expected, "{name}");
        }
    }

    #[test]
    fn every_placeholder_is_replaced_with_json() {
        let urls = ["/".to_owned(), "/a\"b".to_owned()];
        let text = fill(TEMPLATE, &urls, "aktionsplan-0123456789abcdef").unwrap();
        assert!(!text.contains("__PRECACHE__") && !text.contains("__VERSION__"));
        assert!(!text.contains("self.__"), "another placeholder is left");
        assert!(
            text.contains(r#"const PRECACHE = ["/","/a\"b"];"#),
            "{text}"
        );
        assert!(text.contains(r#"const CACHE = "aktionsplan-0123456789abcdef";"#));
        assert!(TEMPLATE.contains(&format!("const PREFIX = {CACHE_PREFIX:?};")));
    }

    #[test]
    fn a_template_without_a_placeholder_once_is_refused() {
        for (template, placeholder) in [
            ("const CACHE = self.__VERSION__;", PRECACHE_PLACEHOLDER),
            ("const PRECACHE = self.__PRECACHE__;", VERSION_PLACEHOLDER),
            (
                "self.__PRECACHE__; self.__PRECACHE__; self.__VERSION__;",
                PRECACHE_PLACEHOLDER,
            ),
        ] {
            let error = fill(template, &[], "x").unwrap_err();
            assert!(error.contains(placeholder), "{template}: {error}");
        }
    }

    /// A small build: pages, a 404 page, assets, and what is not precached.
    fn small_site() -> tempfile::TempDir {
        let dist = tempfile::tempdir().unwrap();
        for name in [
            "index.html",
            "leitlinien/index.html",
            "suche/index.html",
            "404.html",
            "icon.svg",
            "app-3f2a9c1b2d4e5f60.js",
            "index.html.br",
            "index.html.gz",
            "_headers",
            "sw.js",
        ] {
            let path = dist.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, format!("content of {name}")).unwrap();
        }
        dist
    }

    #[test]
    fn the_cache_name_changes_with_any_file_of_the_build() {
        let site = small_site();
        let base = BasePath::root();
        let first = write(site.path(), &base).unwrap();
        assert_eq!(
            first.urls,
            [
                "/404.html",
                "/app-3f2a9c1b2d4e5f60.js",
                "/icon.svg",
                "/",
                "/leitlinien",
                "/suche"
            ]
        );
        assert_eq!(
            first.bytes,
            first.urls.len() as u64 * 11 + [8, 23, 8, 10, 21, 16].iter().sum::<u64>()
        );
        let name = first.cache.strip_prefix(CACHE_PREFIX).unwrap();
        assert!(name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit()));
        // The written worker is not precached, so writing again gives the same name.
        assert_eq!(write(site.path(), &base).unwrap(), first);
        // Files that are not precached do not count.
        std::fs::write(site.path().join("_headers"), "changed").unwrap();
        assert_eq!(write(site.path(), &base).unwrap().cache, first.cache);
        // A changed content, a renamed file and a new file each give a new cache.
        let mut names = vec![first.cache.clone()];
        std::fs::write(site.path().join("icon.svg"), "changed").unwrap();
        names.push(write(site.path(), &base).unwrap().cache);
        std::fs::rename(site.path().join("icon.svg"), site.path().join("icon2.svg")).unwrap();
        names.push(write(site.path(), &base).unwrap().cache);
        std::fs::write(site.path().join("extra.txt"), "").unwrap();
        names.push(write(site.path(), &base).unwrap().cache);
        names.dedup();
        assert_eq!(names.len(), 4, "{names:?}");
    }

    /// Runs Node.js with `args`; the project needs Node.js anyway (npm installs its test tools).
    fn node(args: &[&str]) {
        let output = Command::new("node")
            .args(args)
            .output()
            .expect("Node.js runs (`node` on PATH)");
        assert!(
            output.status.success(),
            "node {args:?}:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    #[test]
    fn the_worker_answers_requests_as_intended() {
        let harness = tempfile::tempdir().unwrap();
        let script = harness.path().join("harness.js");
        std::fs::write(&script, include_str!("worker_harness.js")).unwrap();
        for base in ["/", "/aktionsplan/"] {
            let site = small_site();
            let worker = write(site.path(), &BasePath::new(base).unwrap()).unwrap();
            let sw = site.path().join(WORKER_FILE);
            let sw = sw.to_str().unwrap();
            node(&["--check", sw]);
            let scope = format!("https://example.org{base}");
            let expected = serde_json::json!(worker.urls).to_string();
            node(&[
                script.to_str().unwrap(),
                sw,
                &scope,
                &worker.cache,
                &expected,
            ]);
        }
    }
}
