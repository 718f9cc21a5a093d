//! The one place that decides the response headers for a served file.
//!
//! Without a `_headers` file the server sends its built-in policy ([`headers_for`]); with one
//! (written by `cargo xtask dist`) it sends the Content-Type plus exactly the headers of the
//! file's matching rules ([`headers_for_request`]), so that serving and deploying cannot disagree.

use std::path::Path;

use crate::headers_file::HeadersFile;

/// The Cache-Control value for Trunk's content-hashed assets, whose content never changes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The Cache-Control value for HTML and every other file: the browser revalidates before each use.
pub const NO_CACHE: &str = "no-cache";

/// The built-in headers for a response whose body is the file at `path` (only its name is looked at).
///
/// This is the policy when `dist/_headers` is missing; with that file,
/// [`headers_for_request`] decides instead.
pub fn headers_for(path: &Path) -> Vec<(String, String)> {
    let name = file_name(path);
    let cache = if is_hashed_asset(name) {
        IMMUTABLE
    } else {
        NO_CACHE
    };
    vec![
        ("Content-Type".to_owned(), content_type(name).to_owned()),
        ("X-Content-Type-Options".to_owned(), "nosniff".to_owned()),
        ("Cache-Control".to_owned(), cache.to_owned()),
    ]
}

/// The headers for the file at `file`, served for the URL path `url_path` (such as `/suche`).
///
/// Without rules this is [`headers_for`]; with rules it is the file's Content-Type followed by
/// the headers of every rule matching `url_path` (see [`HeadersFile::apply`]).
pub fn headers_for_request(
    rules: Option<&HeadersFile>,
    url_path: &str,
    file: &Path,
) -> Vec<(String, String)> {
    match rules {
        None => headers_for(file),
        Some(rules) => {
            let content_type = content_type(file_name(file));
            let mut headers = vec![("Content-Type".to_owned(), content_type.to_owned())];
            rules.apply(url_path, &mut headers);
            headers
        }
    }
}

/// The headers for a short plain-text answer that is not a file (errors such as 400 and 405).
pub fn headers_for_message(rules: Option<&HeadersFile>, url_path: &str) -> Vec<(String, String)> {
    headers_for_request(rules, url_path, Path::new("message.txt"))
}

/// Whether a file name is one of Trunk's content-hashed assets, which may be cached forever.
///
/// HTML never is, even with a hash in its name, because it names the other files.
pub fn is_hashed_asset(name: &str) -> bool {
    !content_type(name).starts_with("text/html") && has_trunk_hash(name)
}

/// The file name of `path` as text, or "" when it has none or it is not UTF-8.
fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

/// The media type for a file name, by its extension; unknown extensions are `application/octet-stream`.
fn content_type(name: &str) -> &'static str {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

/// Whether a file name carries a Trunk content hash: a dash and 16 hex digits right before
/// the extension, or before Trunk's `_bg` suffix (`aktionsplan-3f2a9c1b2d4e5f60_bg.wasm`).
fn has_trunk_hash(name: &str) -> bool {
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((base, hash)) => {
            !base.is_empty() && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the Content-Type and Cache-Control chosen for `name`, and that nosniff is always sent.
    fn check(name: &str, content_type: &str, cache: &str) {
        let headers = headers_for(Path::new("dist").join(name).as_path());
        let get = |field: &str| {
            headers
                .iter()
                .find(|(k, _)| k == field)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(
            get("Content-Type"),
            Some(content_type),
            "Content-Type of {name}"
        );
        assert_eq!(get("Cache-Control"), Some(cache), "Cache-Control of {name}");
        assert_eq!(
            get("X-Content-Type-Options"),
            Some("nosniff"),
            "nosniff for {name}"
        );
    }

    #[test]
    fn content_types_follow_the_extension() {
        check("index.html", "text/html; charset=utf-8", "no-cache");
        check("app.js", "text/javascript; charset=utf-8", "no-cache");
        check("style.css", "text/css; charset=utf-8", "no-cache");
        check("app.wasm", "application/wasm", "no-cache");
        check("logo.svg", "image/svg+xml", "no-cache");
        check("icon-192.png", "image/png", "no-cache");
        check("data.json", "application/json", "no-cache");
        check(
            "manifest.webmanifest",
            "application/manifest+json",
            "no-cache",
        );
        check("robots.txt", "text/plain; charset=utf-8", "no-cache");
        check("favicon.ico", "image/x-icon", "no-cache");
        check("font.woff2", "font/woff2", "no-cache");
        check("INDEX.HTML", "text/html; charset=utf-8", "no-cache");
        check("LICENSE", "application/octet-stream", "no-cache");
    }

    #[test]
    fn trunk_hashed_names_are_immutable() {
        check(
            "aktionsplan-3f2a9c1b2d4e5f60_bg.wasm",
            "application/wasm",
            IMMUTABLE,
        );
        check(
            "aktionsplan-3f2a9c1b2d4e5f60.js",
            "text/javascript; charset=utf-8",
            IMMUTABLE,
        );
        check(
            "main-1a2b3c4d5e6f7a8b.css",
            "text/css; charset=utf-8",
            IMMUTABLE,
        );
    }

    #[test]
    fn names_that_only_look_hashed_are_revalidated() {
        // Fifteen and seventeen digits, a non-hex digit, no dash, and a hash not before the extension.
        check(
            "main-1a2b3c4d5e6f7a8.css",
            "text/css; charset=utf-8",
            "no-cache",
        );
        check(
            "main-1a2b3c4d5e6f7a8b9.css",
            "text/css; charset=utf-8",
            "no-cache",
        );
        check(
            "main-1a2b3c4d5e6f7a8g.css",
            "text/css; charset=utf-8",
            "no-cache",
        );
        check(
            "main1a2b3c4d5e6f7a8b.css",
            "text/css; charset=utf-8",
            "no-cache",
        );
        check(
            "-1a2b3c4d5e6f7a8b.css",
            "text/css; charset=utf-8",
            "no-cache",
        );
        check(
            "main-1a2b3c4d5e6f7a8b-x.css",
            "text/css; charset=utf-8",
            "no-cache",
        );
        check(
            "main-1a2b3c4d5e6f7a8b",
            "application/octet-stream",
            "no-cache",
        );
    }

    #[test]
    fn html_is_never_cached_even_with_a_hash() {
        check(
            "page-1a2b3c4d5e6f7a8b.html",
            "text/html; charset=utf-8",
            "no-cache",
        );
    }

    #[test]
    fn without_rules_the_built_in_headers_are_sent() {
        let file = Path::new("dist/index.html");
        assert_eq!(headers_for_request(None, "/suche", file), headers_for(file));
    }

    #[test]
    fn with_rules_the_content_type_and_the_rules_headers_are_sent() {
        let rules = HeadersFile::parse("/*\n  X-A: b\n/icon.svg\n  X-A: c\n").unwrap();
        let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
        assert_eq!(
            headers_for_request(Some(&rules), "/icon.svg", Path::new("dist/icon.svg")),
            [pair("Content-Type", "image/svg+xml"), pair("X-A", "c")]
        );
        assert_eq!(
            headers_for_message(Some(&rules), "/%zz"),
            [
                pair("Content-Type", "text/plain; charset=utf-8"),
                pair("X-A", "b")
            ]
        );
    }
}
