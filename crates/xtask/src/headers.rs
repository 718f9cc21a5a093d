//! Writes `dist/_headers`: the site's response headers, with a strict Content-Security-Policy, for static hosts and siteserver.
//!
//! The policy allows no inline code except the scripts Trunk put into `index.html`, each by the
//! SHA-256 hash of its exact text, so the hashes are computed from each build's `index.html`.
//! The file uses the `_headers` format of Netlify and Cloudflare Pages; `siteserver` reads the same
//! file, so `cargo xtask serve` and the end-to-end tests send exactly what a deployment sends.
//! For a site built for a base path such as `/aktionsplan/`, every path pattern starts with the
//! base, because hosts match the rules against the whole request path.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};
use siteserver::{
    BasePath, HEADERS_FILE, HeaderRule, HeadersFile, IMMUTABLE, NO_CACHE, is_hashed_asset,
};

/// The build setting naming who may embed the site in a frame: the CSP `frame-ancestors` sources.
pub use plan::deploy::FRAME_ANCESTORS_VAR;

/// The comment at the top of the written file.
const COMMENT: &str = "Response headers for every static host that reads `_headers` (Netlify, Cloudflare Pages)\n\
    and for siteserver. Written by `cargo xtask dist`: do not edit, the script hashes change with\n\
    every build. See README.md, \"Deploying\".";

/// Reads and checks [`FRAME_ANCESTORS_VAR`]; unset or empty means `'self'`.
pub fn frame_ancestors_setting() -> Result<String, String> {
    let value = std::env::var(FRAME_ANCESTORS_VAR).unwrap_or_default();
    plan::deploy::frame_ancestors(&value)
        .map_err(|why| format!("{FRAME_ANCESTORS_VAR}={value:?}: {why}"))
}

/// The CSP source for a script's text: `'sha256-<base64 of the SHA-256 of its UTF-8 bytes>'`.
pub fn sha256_source(script: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(script.as_bytes()))
    )
}

/// The exact text of every inline `<script>` (one without a `src` attribute) in `html`.
///
/// Fails on markup the policy would block without a way to allow it by hash: inline `<style>`
/// elements and `style` attributes.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, String> {
    // ASCII lower-casing keeps every byte offset, so offsets found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    if lower.contains("<style") || lower.contains(" style=") {
        return Err(
            "index.html has inline styles, which the policy's `style-src 'self'` blocks".to_owned(),
        );
    }
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let start = from + found + "<script".len();
        if !lower[start..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>') {
            from = start;
            continue;
        }
        let open_end = lower[start..]
            .find('>')
            .map(|i| start + i)
            .ok_or("index.html has a <script> tag that never closes")?;
        let close = lower[open_end..]
            .find("</script")
            .map(|i| open_end + i)
            .ok_or("index.html has a <script> element without </script>")?;
        let has_src = lower[start..open_end]
            .split_whitespace()
            .any(|attribute| attribute.split('=').next() == Some("src"));
        if !has_src {
            scripts.push(&html[open_end + 1..close]);
        }
        from = close;
    }
    Ok(scripts)
}

/// The Content-Security-Policy for a page whose inline scripts have the given hash sources.
pub fn content_security_policy(script_hashes: &[String], frame_ancestors: &str) -> String {
    let mut script_src = vec!["'self'", "'wasm-unsafe-eval'"];
    script_src.extend(script_hashes.iter().map(String::as_str));
    [
        "default-src 'self'".to_owned(),
        format!("script-src {}", script_src.join(" ")),
        "style-src 'self'".to_owned(),
        "img-src 'self'".to_owned(),
        "connect-src 'self'".to_owned(),
        "font-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        format!("frame-ancestors {frame_ancestors}"),
    ]
    .join("; ")
}

/// The header rules for the site served under `base`: the policy and `no-cache` for every path
/// (`/*`, or `/aktionsplan/*` for the base `/aktionsplan/`), then `immutable` for each of Trunk's
/// hashed assets (file names in the site root, so `/main-<hash>.css` or
/// `/aktionsplan/main-<hash>.css`); a later rule's header replaces an earlier rule's header of the
/// same name.
pub fn rules(csp: &str, hashed_assets: &[String], base: &BasePath) -> HeadersFile {
    let pair = |name: &str, value: &str| (name.to_owned(), value.to_owned());
    let mut rules = vec![HeaderRule {
        pattern: format!("{base}*"),
        headers: vec![
            pair("Content-Security-Policy", csp),
            pair("X-Content-Type-Options", "nosniff"),
            pair("Referrer-Policy", "strict-origin-when-cross-origin"),
            pair("Cache-Control", NO_CACHE),
        ],
    }];
    // The hashed assets may be read from any origin: a page in a frame sandboxed without
    // `allow-same-origin` has an opaque origin, and fetches the app's module script and wasm in
    // CORS mode. They are the same public files for everyone.
    rules.extend(hashed_assets.iter().map(|name| HeaderRule {
        pattern: format!("{base}{name}"),
        headers: vec![
            pair("Cache-Control", IMMUTABLE),
            pair("Access-Control-Allow-Origin", "*"),
        ],
    }));
    HeadersFile { rules }
}

/// Writes `dist/_headers` for the built site in `dist`, served under the base path `base` (such as
/// `/` or `/aktionsplan/`), and returns the Content-Security-Policy.
///
/// The base must start and end with `/` (see [`BasePath::new`]); it changes only the path
/// patterns, not the policy, whose sources are origins and whose script hashes are of the exact
/// text of the inline scripts of every HTML file in `dist` (the asset paths in them already hold
/// the base); pages that share a script share its hash.
/// For the base `/` the file is the same, byte for byte, as before base paths existed.
pub fn write_with_base(dist: &Path, frame_ancestors: &str, base: &str) -> Result<String, String> {
    let base = BasePath::new(base).map_err(|e| e.to_string())?;
    let pages: Vec<_> = crate::size::list_dir(dist)?
        .into_iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .collect();
    if !pages.iter().any(|(name, _)| name == "index.html") {
        return Err(format!("{} has no index.html", dist.display()));
    }
    let mut hashes: Vec<String> = Vec::new();
    for (_, page) in &pages {
        let html = std::fs::read_to_string(page)
            .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
        for script in inline_scripts(&html).map_err(|e| format!("{}: {e}", page.display()))? {
            let hash = sha256_source(script);
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
    }
    let csp = content_security_policy(&hashes, frame_ancestors);
    let mut assets = Vec::new();
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() && is_hashed_asset(&name) {
            assets.push(name);
        }
    }
    assets.sort();
    let comment = if base.is_root() {
        COMMENT.to_owned()
    } else {
        format!("{COMMENT}\nFor the site under the base path {base}.")
    };
    let text = rules(&csp, &assets, &base)
        .render(&comment)
        .map_err(|e| format!("cannot write {HEADERS_FILE}: {e}"))?;
    let path = dist.join(HEADERS_FILE);
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(csp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_hashes_are_base64_sha256_of_the_exact_text() {
        // The SHA-256 test vectors of FIPS 180-2 ("abc") and of the empty string.
        assert_eq!(
            sha256_source("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
        assert_eq!(
            sha256_source(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
        // Whitespace is part of the text: a script with a trailing newline hashes differently.
        assert_ne!(sha256_source("abc\n"), sha256_source("abc"));
    }

    #[test]
    fn only_inline_scripts_are_found_with_their_exact_text() {
        let html = "<head><script type=\"module\">\nimport init from '/a.js';\n</script>\
            <script src=\"/b.js\"></script><SCRIPT defer src='/c.js'></SCRIPT>\
            <scripts>no</scripts><script>ä()</script></head>";
        assert_eq!(
            inline_scripts(html).unwrap(),
            ["\nimport init from '/a.js';\n", "ä()"]
        );
        assert_eq!(
            inline_scripts("<p>no script</p>").unwrap(),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn markup_the_policy_cannot_allow_stops_the_build() {
        assert!(inline_scripts("<style>p{}</style>").is_err());
        assert!(inline_scripts("<p style=\"color: red\">x</p>").is_err());
        assert!(inline_scripts("<script>never closed").is_err());
    }

    #[test]
    fn the_policy_is_strict() {
        let csp = content_security_policy(&[sha256_source("abc")], "'self'");
        assert_eq!(
            csp,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' \
             'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='; style-src 'self'; \
             img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; \
             base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
        );
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn the_written_file_reads_back_and_gives_each_file_its_headers() {
        let dist = tempfile::tempdir().unwrap();
        let script = "\nimport init from '/app-3f2a9c1b2d4e5f60.js';\n";
        std::fs::write(
            dist.path().join("index.html"),
            format!("<html><head><script type=\"module\">{script}</script></head></html>"),
        )
        .unwrap();
        for name in [
            "app-3f2a9c1b2d4e5f60.js",
            "app-3f2a9c1b2d4e5f60_bg.wasm",
            "main-1a2b3c4d5e6f7a8b.css",
            "icon.svg",
        ] {
            std::fs::write(dist.path().join(name), "x").unwrap();
        }
        let csp = write_with_base(dist.path(), "https://example.org", "/").unwrap();
        assert!(csp.contains(&sha256_source(script)), "{csp}");
        assert!(
            csp.ends_with("frame-ancestors https://example.org"),
            "{csp}"
        );
        let text = std::fs::read_to_string(dist.path().join(HEADERS_FILE)).unwrap();
        let file = HeadersFile::parse(&text).unwrap();
        let assets = [
            "app-3f2a9c1b2d4e5f60.js".to_owned(),
            "app-3f2a9c1b2d4e5f60_bg.wasm".to_owned(),
            "main-1a2b3c4d5e6f7a8b.css".to_owned(),
        ];
        assert_eq!(file, rules(&csp, &assets, &BasePath::root()));
        let headers = |path: &str| {
            let mut headers = Vec::new();
            file.apply(path, &mut headers);
            headers
        };
        let cache = |path: &str| {
            headers(path)
                .into_iter()
                .filter(|(name, _)| name == "Cache-Control")
                .map(|(_, value)| value)
                .collect::<Vec<_>>()
        };
        assert_eq!(cache("/app-3f2a9c1b2d4e5f60_bg.wasm"), [IMMUTABLE]);
        assert_eq!(cache("/main-1a2b3c4d5e6f7a8b.css"), [IMMUTABLE]);
        assert_eq!(cache("/icon.svg"), [NO_CACHE]);
        assert_eq!(cache("/"), [NO_CACHE]);
        assert_eq!(cache("/handlungsfelder/unterbringung"), [NO_CACHE]);
        for path in ["/", "/app-3f2a9c1b2d4e5f60.js", "/suche"] {
            let got = headers(path);
            assert!(got.contains(&("Content-Security-Policy".to_owned(), csp.clone())));
            assert!(got.contains(&("X-Content-Type-Options".to_owned(), "nosniff".to_owned())));
            assert!(got.contains(&(
                "Referrer-Policy".to_owned(),
                "strict-origin-when-cross-origin".to_owned()
            )));
        }
    }

    /// A built site in small: an `index.html` whose one inline script is `abc` (the FIPS 180-2
    /// test vector, so the hash below is known), one hashed asset and one file without a hash.
    fn small_site() -> tempfile::TempDir {
        let dist = tempfile::tempdir().unwrap();
        std::fs::write(
            dist.path().join("index.html"),
            "<script type=\"module\">abc</script><script src=\"/x.js\"></script>",
        )
        .unwrap();
        std::fs::write(dist.path().join("app-3f2a9c1b2d4e5f60.js"), "x").unwrap();
        std::fs::write(dist.path().join("icon.svg"), "x").unwrap();
        dist
    }

    /// The file [`small_site`] gets for `base`, written out in full: `base` starts every pattern,
    /// and `extra_comment` is the comment line after the usual ones.
    fn expected_file(base: &str, extra_comment: &str) -> String {
        format!(
            "# Response headers for every static host that reads `_headers` (Netlify, Cloudflare Pages)\n\
             # and for siteserver. Written by `cargo xtask dist`: do not edit, the script hashes change with\n\
             # every build. See README.md, \"Deploying\".\n\
             {extra_comment}\
             \n\
             {base}*\n  \
             Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' \
             'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='; style-src 'self'; img-src 'self'; \
             connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'self'\n  \
             X-Content-Type-Options: nosniff\n  \
             Referrer-Policy: strict-origin-when-cross-origin\n  \
             Cache-Control: no-cache\n\
             \n\
             {base}app-3f2a9c1b2d4e5f60.js\n  \
             Cache-Control: public, max-age=31536000, immutable\n  \
             Access-Control-Allow-Origin: *\n"
        )
    }

    #[test]
    fn the_root_base_writes_the_file_as_before() {
        let site = small_site();
        let path = site.path().join(HEADERS_FILE);
        let expected = expected_file("/", "");
        let csp = write_with_base(site.path(), "'self'", "/").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(write_with_base(site.path(), "'self'", "/").unwrap(), csp);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    }

    #[test]
    fn a_base_path_starts_every_pattern() {
        let site = small_site();
        let root_csp = write_with_base(site.path(), "'self'", "/").unwrap();
        for base in ["/aktionsplan/", "/a/b/"] {
            let csp = write_with_base(site.path(), "'self'", base).unwrap();
            assert_eq!(csp, root_csp, "the policy does not depend on the base");
            let text = std::fs::read_to_string(site.path().join(HEADERS_FILE)).unwrap();
            let comment = format!("# For the site under the base path {base}.\n");
            assert_eq!(text, expected_file(base, &comment));
        }
    }

    #[test]
    fn rules_under_a_base_match_only_paths_with_the_base() {
        let site = small_site();
        let csp = write_with_base(site.path(), "'self'", "/aktionsplan/").unwrap();
        let text = std::fs::read_to_string(site.path().join(HEADERS_FILE)).unwrap();
        let file = HeadersFile::parse(&text).unwrap();
        let assets = ["app-3f2a9c1b2d4e5f60.js".to_owned()];
        let base = BasePath::new("/aktionsplan/").unwrap();
        assert_eq!(file, rules(&csp, &assets, &base));
        let cache = |path: &str| {
            let mut headers = Vec::new();
            file.apply(path, &mut headers);
            headers
                .into_iter()
                .filter(|(name, _)| name == "Cache-Control")
                .map(|(_, value)| value)
                .collect::<Vec<_>>()
        };
        for (path, expect) in [
            ("/aktionsplan/app-3f2a9c1b2d4e5f60.js", vec![IMMUTABLE]),
            ("/aktionsplan/", vec![NO_CACHE]),
            ("/aktionsplan", vec![NO_CACHE]),
            ("/aktionsplan/leitlinien", vec![NO_CACHE]),
            ("/aktionsplan/icon.svg", vec![NO_CACHE]),
            ("/app-3f2a9c1b2d4e5f60.js", vec![]),
            ("/", vec![]),
            ("/aktionsplanx/leitlinien", vec![]),
        ] {
            assert_eq!(cache(path), expect, "{path}");
        }
    }

    #[test]
    fn a_bad_base_path_writes_nothing() {
        let site = small_site();
        for base in [
            "",
            "aktionsplan",
            "/aktionsplan",
            "aktionsplan/",
            "/a b/",
            "/*/",
        ] {
            let error = write_with_base(site.path(), "'self'", base).unwrap_err();
            assert!(error.contains(&format!("base path {base:?}")), "{error}");
            assert!(!site.path().join(HEADERS_FILE).exists(), "{base:?}");
        }
    }
}
