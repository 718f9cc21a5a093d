//! Decides, without any I/O beyond looking at the file system, what to answer to one request.

use std::path::{Path, PathBuf};

use crate::headers::{headers_for_message, headers_for_request};
use crate::headers_file::HeadersFile;
use crate::urlpath::segments;

/// The name of the header rules file in the site root; like the hosts that read it, the server
/// never serves it.
pub const HEADERS_FILE: &str = "_headers";

/// What the server answers: a status, headers, and a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers, as decided by [`crate::headers_for_request`].
    pub headers: Vec<(String, String)>,
    /// The response body.
    pub body: Body,
}

/// The body of a [`Reply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// The contents of a file below the site root.
    File(PathBuf),
    /// A short plain-text message.
    Message(&'static str),
}

/// Decides the reply to `method` on the request target `target` for the site in `dist`.
///
/// A target naming a file serves it; a directory with an `index.html` serves that; anything
/// else is a route of the single-page app and gets `dist/404.html` with status 404 when that
/// file exists, else `dist/index.html` with status 200. The headers are the built-in ones.
pub fn reply(dist: &Path, method: &str, target: &str) -> Reply {
    reply_with(dist, None, method, target)
}

/// Like [`reply`], with the headers decided by the rules of a `_headers` file when there is one.
///
/// The rules are matched against the request's URL path, as static hosts do, so a deep link
/// answered with `index.html` gets the headers of its own path. `/_headers` itself is never
/// served: it is a path of the app like any other missing file.
pub fn reply_with(dist: &Path, rules: Option<&HeadersFile>, method: &str, target: &str) -> Reply {
    let raw_path = target.split(['?', '#']).next().unwrap_or_default();
    let message = |status, text| message(rules, raw_path, status, text);
    if method != "GET" && method != "HEAD" {
        let mut reply = message(405, "Method Not Allowed\n");
        reply
            .headers
            .push(("Allow".to_owned(), "GET, HEAD".to_owned()));
        return reply;
    }
    let Ok(segments) = segments(target) else {
        return message(400, "Bad Request\n");
    };
    let url_path = format!("/{}", segments.join("/"));
    let file = |status, path| file(rules, &url_path, status, path);
    let named = segments.iter().fold(dist.to_path_buf(), |p, s| p.join(s));
    let index = named.join("index.html");
    let hidden = segments == [HEADERS_FILE];
    if named.is_file() && !hidden {
        file(200, named)
    } else if named.is_dir() && index.is_file() {
        file(200, index)
    } else if dist.join("404.html").is_file() {
        file(404, dist.join("404.html"))
    } else if dist.join("index.html").is_file() {
        file(200, dist.join("index.html"))
    } else {
        message(404, "Not Found\n")
    }
}

/// A reply serving the file at `path` for the URL path `url_path`.
fn file(rules: Option<&HeadersFile>, url_path: &str, status: u16, path: PathBuf) -> Reply {
    Reply {
        status,
        headers: headers_for_request(rules, url_path, &path),
        body: Body::File(path),
    }
}

/// A reply with a plain-text message for the URL path `url_path`.
fn message(rules: Option<&HeadersFile>, url_path: &str, status: u16, text: &'static str) -> Reply {
    Reply {
        status,
        headers: headers_for_message(rules, url_path),
        body: Body::Message(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A site root with an app shell, an asset, a nested pre-rendered page and a bare directory.
    fn site(with_404: bool) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("index.html"), "shell").unwrap();
        fs::write(root.join("main-1a2b3c4d5e6f7a8b.css"), "css").unwrap();
        fs::create_dir_all(root.join("handlungsfelder/unterbringung")).unwrap();
        fs::write(
            root.join("handlungsfelder/unterbringung/index.html"),
            "page",
        )
        .unwrap();
        fs::create_dir_all(root.join("bilder")).unwrap();
        fs::write(root.join("bilder/Rückführungen.svg"), "svg").unwrap();
        if with_404 {
            fs::write(root.join("404.html"), "missing").unwrap();
        }
        dir
    }

    /// Checks the status and the served file (relative to the root) or message for one request.
    fn check(dist: &Path, method: &str, target: &str, status: u16, body: &str) {
        let got = reply(dist, method, target);
        let got_body = match &got.body {
            Body::File(path) => path.strip_prefix(dist).unwrap().display().to_string(),
            Body::Message(text) => text.trim_end().to_owned(),
        };
        assert_eq!(
            (got.status, got_body.as_str()),
            (status, body),
            "{method} {target}"
        );
    }

    #[test]
    fn files_and_directory_indexes_are_served() {
        let site = site(false);
        let dist = site.path();
        check(dist, "GET", "/", 200, "index.html");
        check(dist, "GET", "/index.html", 200, "index.html");
        check(
            dist,
            "HEAD",
            "/main-1a2b3c4d5e6f7a8b.css",
            200,
            "main-1a2b3c4d5e6f7a8b.css",
        );
        check(
            dist,
            "GET",
            "/handlungsfelder/unterbringung",
            200,
            "handlungsfelder/unterbringung/index.html",
        );
        check(
            dist,
            "GET",
            "/handlungsfelder/unterbringung/?q=1",
            200,
            "handlungsfelder/unterbringung/index.html",
        );
        check(
            dist,
            "GET",
            "/bilder/R%C3%BCckf%C3%BChrungen.svg",
            200,
            "bilder/Rückführungen.svg",
        );
    }

    #[test]
    fn unknown_paths_fall_back_to_the_app_shell() {
        let site = site(false);
        let dist = site.path();
        check(
            dist,
            "GET",
            "/handlungsfelder/wohnen-und-integration-vor-ort",
            200,
            "index.html",
        );
        check(dist, "GET", "/gibt-es-nicht", 200, "index.html");
        check(dist, "GET", "/bilder", 200, "index.html");
    }

    #[test]
    fn unknown_paths_get_404_html_when_it_exists() {
        let site = site(true);
        let dist = site.path();
        check(dist, "GET", "/gibt-es-nicht", 404, "404.html");
        check(
            dist,
            "HEAD",
            "/handlungsfelder/gibt-es-nicht",
            404,
            "404.html",
        );
        check(dist, "GET", "/", 200, "index.html");
        check(
            dist,
            "GET",
            "/handlungsfelder/unterbringung",
            200,
            "handlungsfelder/unterbringung/index.html",
        );
    }

    #[test]
    fn a_site_without_shell_answers_not_found() {
        let dir = tempfile::tempdir().unwrap();
        check(dir.path(), "GET", "/", 404, "Not Found");
    }

    #[test]
    fn bad_requests_are_refused() {
        let site = site(true);
        let dist = site.path();
        check(dist, "GET", "/../Cargo.toml", 400, "Bad Request");
        check(
            dist,
            "GET",
            "/handlungsfelder/%2e%2e/%2e%2e/x",
            400,
            "Bad Request",
        );
        check(dist, "GET", "/%zz", 400, "Bad Request");
        check(dist, "POST", "/", 405, "Method Not Allowed");
        check(dist, "DELETE", "/index.html", 405, "Method Not Allowed");
    }

    #[test]
    fn refusals_say_which_methods_are_allowed() {
        let got = reply(Path::new("/nonexistent"), "PUT", "/");
        assert!(
            got.headers
                .contains(&("Allow".to_owned(), "GET, HEAD".to_owned())),
            "{got:?}"
        );
    }

    #[test]
    fn served_files_carry_their_headers() {
        let site = site(true);
        let dist = site.path();
        for (target, content_type) in [
            ("/", "text/html; charset=utf-8"),
            ("/gibt-es-nicht", "text/html; charset=utf-8"),
            ("/main-1a2b3c4d5e6f7a8b.css", "text/css; charset=utf-8"),
        ] {
            let got = reply(dist, "GET", target);
            assert!(
                got.headers
                    .contains(&("Content-Type".to_owned(), content_type.to_owned())),
                "{target}: {got:?}"
            );
        }
    }

    /// Rules like the ones `cargo xtask dist` writes: a policy for all paths, one immutable asset.
    fn rules() -> HeadersFile {
        HeadersFile::parse(
            "/*\n  Content-Security-Policy: default-src 'self'\n  Cache-Control: no-cache\n\
             /main-1a2b3c4d5e6f7a8b.css\n  Cache-Control: public, max-age=31536000, immutable\n",
        )
        .unwrap()
    }

    #[test]
    fn with_a_headers_file_exactly_its_headers_are_sent() {
        let site = site(false);
        let dist = site.path();
        let rules = rules();
        let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
        let page = vec![
            pair("Content-Type", "text/html; charset=utf-8"),
            pair("Content-Security-Policy", "default-src 'self'"),
            pair("Cache-Control", "no-cache"),
        ];
        for target in ["/", "/handlungsfelder/wohnen-und-integration-vor-ort?x=1"] {
            assert_eq!(reply_with(dist, Some(&rules), "GET", target).headers, page);
        }
        assert_eq!(
            reply_with(dist, Some(&rules), "HEAD", "/main-1a2b3c4d5e6f7a8b.css").headers,
            [
                pair("Content-Type", "text/css; charset=utf-8"),
                pair("Content-Security-Policy", "default-src 'self'"),
                pair("Cache-Control", "public, max-age=31536000, immutable"),
            ]
        );
        let refused = reply_with(dist, Some(&rules), "POST", "/");
        assert!(
            refused
                .headers
                .contains(&pair("Content-Security-Policy", "default-src 'self'"))
        );
        assert!(refused.headers.contains(&pair("Allow", "GET, HEAD")));
    }

    #[test]
    fn the_headers_file_itself_is_never_served() {
        let site = site(false);
        let dist = site.path();
        fs::write(dist.join(HEADERS_FILE), "/*\n  X-A: b\n").unwrap();
        check(dist, "GET", "/_headers", 200, "index.html");
        fs::create_dir_all(dist.join("sub")).unwrap();
        fs::write(dist.join("sub/_headers"), "").unwrap();
        check(dist, "GET", "/sub/_headers", 200, "sub/_headers");
    }
}
