//! Decides, without any I/O beyond looking at the file system, what to answer to one request.

use std::path::{Path, PathBuf};

use crate::basepath::BasePath;
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
    reply_under(dist, rules, &BasePath::root(), method, target)
}

/// Like [`reply_with`], for the site in `dist` served under the base path `base`.
///
/// A request path below the base is answered as [`reply_with`] answers it with the base taken
/// off, so `/aktionsplan/leitlinien` serves `dist/leitlinien/index.html`. The base without its
/// trailing slash (`/aktionsplan`) is redirected to the base (`/aktionsplan/`, keeping the query)
/// with status 301. Any path outside the base gets `dist/404.html` with status 404, or a plain
/// "Not Found" when that file is missing, never the app shell, which only works below its base.
/// The rules are matched against the whole request path, base included, as a host that serves
/// the files under that prefix matches them.
pub fn reply_under(
    dist: &Path,
    rules: Option<&HeadersFile>,
    base: &BasePath,
    method: &str,
    target: &str,
) -> Reply {
    let raw_path = target.split(['?', '#']).next().unwrap_or_default();
    let message = |status, text| message(rules, raw_path, status, text);
    if method != "GET" && method != "HEAD" {
        let mut reply = message(405, "Method Not Allowed\n");
        reply
            .headers
            .push(("Allow".to_owned(), "GET, HEAD".to_owned()));
        return reply;
    }
    let Ok(all_segments) = segments(target) else {
        return message(400, "Bad Request\n");
    };
    let full_path = format!("/{}", all_segments.join("/"));
    let Some(segments) = base.strip(&all_segments) else {
        return outside_base(dist, rules, &full_path);
    };
    if segments.is_empty() && !base.is_root() && !raw_path.ends_with('/') {
        // The base is the site's folder on the host, and GitHub Pages, nginx and Apache answer a
        // folder's path without its slash with a 301 to the path with the slash. Serving the
        // start page there instead would give it two addresses, and relative URLs in it would
        // resolve against the parent folder.
        return redirect_to_base(rules, &full_path, base, target);
    }
    // The start page's own path is the base with its slash (`/` for the base `/`, as before);
    // any other path is the base followed by the normalised segments below it.
    let url_path = format!("{base}{}", segments.join("/"));
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

/// The reply to a path outside the base: the site's not-found page, or a plain message.
fn outside_base(dist: &Path, rules: Option<&HeadersFile>, full_path: &str) -> Reply {
    let not_found = dist.join("404.html");
    if not_found.is_file() {
        file(rules, full_path, 404, not_found)
    } else {
        message(rules, full_path, 404, "Not Found\n")
    }
}

/// The permanent redirect from the base without its trailing slash to `base`, keeping the query
/// of `target` when it is plain visible ASCII (anything else could not be a header value).
fn redirect_to_base(
    rules: Option<&HeadersFile>,
    full_path: &str,
    base: &BasePath,
    target: &str,
) -> Reply {
    let query = target
        .split('#')
        .next()
        .and_then(|t| t.split_once('?'))
        .map(|(_, query)| query)
        .filter(|query| !query.is_empty() && query.bytes().all(|b| b.is_ascii_graphic()));
    let location = match query {
        Some(query) => format!("{base}?{query}"),
        None => base.to_string(),
    };
    let mut reply = message(rules, full_path, 301, "Moved Permanently\n");
    reply.headers.push(("Location".to_owned(), location));
    reply
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

    /// Checks status and served file or message for one request to `dist` served under `base`.
    fn check_under(dist: &Path, base: &str, target: &str, status: u16, body: &str) {
        let base = BasePath::new(base).unwrap();
        let got = reply_under(dist, None, &base, "GET", target);
        let got_body = match &got.body {
            Body::File(path) => path.strip_prefix(dist).unwrap().display().to_string(),
            Body::Message(text) => text.trim_end().to_owned(),
        };
        assert_eq!(
            (got.status, got_body.as_str()),
            (status, body),
            "GET {target} under {base}"
        );
    }

    /// The value of the header `name` in `reply`, if it was sent.
    fn header<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
        reply
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn the_base_root_serves_exactly_as_before() {
        for with_404 in [false, true] {
            let site = site(with_404);
            let dist = site.path();
            fs::write(dist.join(HEADERS_FILE), "/*\n  X-A: b\n").unwrap();
            let rules = rules();
            for target in [
                "/",
                "/index.html",
                "/main-1a2b3c4d5e6f7a8b.css",
                "/handlungsfelder/unterbringung/?q=1",
                "/bilder/R%C3%BCckf%C3%BChrungen.svg",
                "/bilder",
                "/gibt-es-nicht",
                "/_headers",
                "/../x",
                "/%zz",
            ] {
                for method in ["GET", "HEAD", "POST"] {
                    for rules in [None, Some(&rules)] {
                        assert_eq!(
                            reply_under(dist, rules, &BasePath::root(), method, target),
                            reply_with(dist, rules, method, target),
                            "{method} {target}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn paths_below_the_base_are_served_without_it() {
        let site = site(true);
        let dist = site.path();
        for (base, prefix) in [("/aktionsplan/", "/aktionsplan"), ("/a/b/", "/a/b")] {
            let check = |path: &str, status, body| {
                check_under(dist, base, &format!("{prefix}{path}"), status, body);
            };
            check("/", 200, "index.html");
            check("/?q=1", 200, "index.html");
            check("/index.html", 200, "index.html");
            check(
                "/main-1a2b3c4d5e6f7a8b.css",
                200,
                "main-1a2b3c4d5e6f7a8b.css",
            );
            check(
                "/handlungsfelder/unterbringung",
                200,
                "handlungsfelder/unterbringung/index.html",
            );
            check(
                "/handlungsfelder/unterbringung/",
                200,
                "handlungsfelder/unterbringung/index.html",
            );
            check(
                "/bilder/R%C3%BCckf%C3%BChrungen.svg",
                200,
                "bilder/Rückführungen.svg",
            );
            check("/gibt-es-nicht", 404, "404.html");
            check("/bilder", 404, "404.html");
        }
        // The base is compared after percent-decoding, like every other segment.
        check_under(dist, "/aktionsplan/", "/%61ktionsplan/", 200, "index.html");
        check_under(
            dist,
            "/aktionsplan/",
            "//aktionsplan//leitlinien",
            404,
            "404.html",
        );
    }

    #[test]
    fn paths_outside_the_base_are_not_found() {
        for (with_404, body) in [(true, "404.html"), (false, "Not Found")] {
            let site = site(with_404);
            let dist = site.path();
            fs::write(dist.join(HEADERS_FILE), "/*\n  X-A: b\n").unwrap();
            for target in [
                "/",
                "/index.html",
                "/main-1a2b3c4d5e6f7a8b.css",
                "/handlungsfelder/unterbringung",
                "/gibt-es-nicht",
                "/_headers",
                "/aktionsplanx",
                "/aktionsplanx/index.html",
                "/Aktionsplan/",
                "/a/aktionsplan/",
            ] {
                check_under(dist, "/aktionsplan/", target, 404, body);
            }
            check_under(dist, "/a/b/", "/a/", 404, body);
            check_under(dist, "/a/b/", "/a/c/b/", 404, body);
        }
    }

    #[test]
    fn the_headers_file_is_not_served_below_the_base_either() {
        let site = site(true);
        let dist = site.path();
        fs::write(dist.join(HEADERS_FILE), "/*\n  X-A: b\n").unwrap();
        check_under(
            dist,
            "/aktionsplan/",
            "/aktionsplan/_headers",
            404,
            "404.html",
        );
    }

    #[test]
    fn the_base_without_its_slash_is_redirected_to_the_base() {
        let site = site(true);
        let dist = site.path();
        for (base, target, location) in [
            ("/aktionsplan/", "/aktionsplan", "/aktionsplan/"),
            (
                "/aktionsplan/",
                "/aktionsplan?q=wohnen",
                "/aktionsplan/?q=wohnen",
            ),
            ("/aktionsplan/", "/aktionsplan?", "/aktionsplan/"),
            ("/aktionsplan/", "/aktionsplan#oben", "/aktionsplan/"),
            (
                "/aktionsplan/",
                "/aktionsplan?a=1#oben",
                "/aktionsplan/?a=1",
            ),
            (
                "/aktionsplan/",
                "/aktionsplan?a=\"x\"",
                "/aktionsplan/?a=\"x\"",
            ),
            ("/aktionsplan/", "/aktionsplan?a=ä", "/aktionsplan/"),
            ("/aktionsplan/", "//aktionsplan", "/aktionsplan/"),
            ("/aktionsplan/", "/%61ktionsplan", "/aktionsplan/"),
            ("/a/b/", "/a/b", "/a/b/"),
        ] {
            check_under(dist, base, target, 301, "Moved Permanently");
            let got = reply_under(dist, None, &BasePath::new(base).unwrap(), "HEAD", target);
            assert_eq!(
                header(&got, "Location"),
                Some(location),
                "{target}: {got:?}"
            );
        }
        // Only the base is redirected: the app's own paths have no trailing slash.
        check_under(
            dist,
            "/aktionsplan/",
            "/aktionsplan/handlungsfelder/unterbringung",
            200,
            "handlungsfelder/unterbringung/index.html",
        );
    }

    #[test]
    fn refusals_below_and_outside_the_base_stay_refusals() {
        let site = site(true);
        let dist = site.path();
        let base = BasePath::new("/aktionsplan/").unwrap();
        for (method, target, status) in [
            ("POST", "/aktionsplan/", 405),
            ("PUT", "/anderswo", 405),
            ("POST", "/aktionsplan", 405),
            ("GET", "/aktionsplan/../x", 400),
            ("GET", "/aktionsplan/%zz", 400),
            ("GET", "/%zz", 400),
        ] {
            let got = reply_under(dist, None, &base, method, target);
            assert_eq!(got.status, status, "{method} {target}: {got:?}");
        }
    }

    /// Rules like the ones `cargo xtask dist` writes for the base `/aktionsplan/`, and one rule
    /// without the base that must therefore never apply.
    fn rules_under_base() -> HeadersFile {
        HeadersFile::parse(
            "/aktionsplan/*\n  Content-Security-Policy: default-src 'self'\n  Cache-Control: no-cache\n\
             /aktionsplan/main-1a2b3c4d5e6f7a8b.css\n  Cache-Control: public, max-age=31536000, immutable\n\
             /main-1a2b3c4d5e6f7a8b.css\n  X-Without-Base: wrong\n",
        )
        .unwrap()
    }

    #[test]
    fn headers_are_matched_against_the_path_with_the_base() {
        let site = site(true);
        let dist = site.path();
        let rules = rules_under_base();
        let base = BasePath::new("/aktionsplan/").unwrap();
        let get =
            |method: &str, target: &str| reply_under(dist, Some(&rules), &base, method, target);
        let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
        let csp = pair("Content-Security-Policy", "default-src 'self'");
        let html = pair("Content-Type", "text/html; charset=utf-8");
        let page = vec![html.clone(), csp.clone(), pair("Cache-Control", "no-cache")];
        for target in [
            "/aktionsplan/",
            "/aktionsplan/index.html",
            "/aktionsplan/handlungsfelder/unterbringung?x=1",
            "/aktionsplan/gibt-es-nicht",
        ] {
            assert_eq!(get("GET", target).headers, page, "{target}");
        }
        assert_eq!(
            get("HEAD", "/aktionsplan/main-1a2b3c4d5e6f7a8b.css").headers,
            [
                pair("Content-Type", "text/css; charset=utf-8"),
                csp.clone(),
                pair("Cache-Control", "public, max-age=31536000, immutable"),
            ]
        );
        // Outside the base the rules are matched against the same whole path, so the rules for
        // the base do not apply there, and a rule without the base applies only there.
        for target in ["/", "/gibt-es-nicht", "/aktionsplanx"] {
            let got = get("GET", target);
            assert_eq!(
                (got.status, got.headers),
                (404, vec![html.clone()]),
                "{target}"
            );
        }
        let got = get("GET", "/main-1a2b3c4d5e6f7a8b.css");
        assert_eq!(
            (got.status, got.headers),
            (404, vec![html.clone(), pair("X-Without-Base", "wrong")])
        );
        let moved = get("GET", "/aktionsplan?q=1");
        assert_eq!(
            moved.headers,
            [
                pair("Content-Type", "text/plain; charset=utf-8"),
                csp.clone(),
                pair("Cache-Control", "no-cache"),
                pair("Location", "/aktionsplan/?q=1"),
            ]
        );
        let refused = get("POST", "/aktionsplan/suche");
        assert!(refused.headers.contains(&csp), "{refused:?}");
        assert!(refused.headers.contains(&pair("Allow", "GET, HEAD")));
    }
}
