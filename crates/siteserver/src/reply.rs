//! Decides, without any I/O beyond looking at the file system, what to answer to one request.

use std::path::{Path, PathBuf};

use crate::basepath::BasePath;
use crate::encoding::{Encoding, acceptable_encodings};
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
    /// The response headers, as decided by [`crate::headers_for_request`], plus `Vary` and
    /// `Content-Encoding` for a file with precompressed siblings (see [`reply_negotiated`]).
    pub headers: Vec<(String, String)>,
    /// The response body.
    pub body: Body,
}

/// The body of a [`Reply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// The contents of a file below the site root: the file that was asked for, or its
    /// precompressed sibling (such as `index.html.br`) that [`reply_negotiated`] chose.
    File(PathBuf),
    /// A short plain-text message.
    Message(&'static str),
}

/// Decides the reply to `method` on the request target `target` for the site in `dist`.
///
/// A target naming a file serves it; a directory with an `index.html` serves that; anything
/// else is a route of the single-page app and gets `dist/404.html` with status 404 when that
/// file exists, else `dist/index.html` with status 200. The headers are the built-in ones.
/// Files are sent uncompressed, as to a request without `Accept-Encoding` (see [`reply_negotiated`]).
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
    reply_negotiated(dist, rules, base, method, target, None)
}

/// Like [`reply_under`], sending a precompressed sibling of the file when the request's
/// `Accept-Encoding` value `accept_encoding` (`None` when the request has none) allows it.
///
/// Whichever file the request resolves to (a page, an asset, the app shell or the not-found page
/// with its status 404), when it has a sibling `F.br` or `F.gz` and the request accepts that
/// coding (see [`crate::acceptable_encodings`]: the best weight wins, brotli on a tie), the
/// body is that sibling and `Content-Encoding: br` or `gzip` is added. The other headers stay
/// those of `F`, Content-Type included, and the `_headers` rules are matched against the request
/// path as before. A file with at least one sibling also gets `Vary: Accept-Encoding` (appended
/// to a `Vary` from the rules), whatever the request accepted, because another request for the
/// same URL may get the other body; a file without siblings does not, because its response does
/// not vary. A sibling requested by its own path (`/index.html.br`) is a plain file like any other.
/// Plain-text messages are never compressed.
pub fn reply_negotiated(
    dist: &Path,
    rules: Option<&HeadersFile>,
    base: &BasePath,
    method: &str,
    target: &str,
    accept_encoding: Option<&str>,
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
    let accepted = acceptable_encodings(accept_encoding);
    let Some(segments) = base.strip(&all_segments) else {
        return outside_base(dist, rules, &full_path, &accepted);
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
    let file = |status, path| file(rules, &url_path, status, path, &accepted);
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
fn outside_base(
    dist: &Path,
    rules: Option<&HeadersFile>,
    full_path: &str,
    accepted: &[Encoding],
) -> Reply {
    let not_found = dist.join("404.html");
    if not_found.is_file() {
        file(rules, full_path, 404, not_found, accepted)
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

/// A reply serving the file at `path` for the URL path `url_path`, or the first of its
/// precompressed siblings whose coding is in `accepted` (best first).
fn file(
    rules: Option<&HeadersFile>,
    url_path: &str,
    status: u16,
    path: PathBuf,
    accepted: &[Encoding],
) -> Reply {
    let mut headers = headers_for_request(rules, url_path, &path);
    let siblings: Vec<(Encoding, PathBuf)> = Encoding::ALL
        .into_iter()
        .map(|encoding| (encoding, encoding.sibling(&path)))
        .filter(|(_, sibling)| sibling.is_file())
        .collect();
    if siblings.is_empty() {
        return Reply {
            status,
            headers,
            body: Body::File(path),
        };
    }
    add_vary_accept_encoding(&mut headers);
    let chosen = accepted
        .iter()
        .find_map(|wanted| siblings.iter().find(|(encoding, _)| encoding == wanted));
    let body = match chosen {
        Some((encoding, sibling)) => {
            headers.retain(|(name, _)| !name.eq_ignore_ascii_case("Content-Encoding"));
            headers.push(("Content-Encoding".to_owned(), encoding.token().to_owned()));
            sibling.clone()
        }
        None => path,
    };
    Reply {
        status,
        headers,
        body: Body::File(body),
    }
}

/// Adds `Accept-Encoding` to the `Vary` header, creating it when there is none; a `Vary: *`
/// or one that already names `Accept-Encoding` stays as it is.
fn add_vary_accept_encoding(headers: &mut Vec<(String, String)>) {
    const FIELD: &str = "Accept-Encoding";
    match headers
        .iter_mut()
        .find(|(name, _)| name.eq_ignore_ascii_case("Vary"))
    {
        Some((_, value)) => {
            let named = value
                .split(',')
                .map(str::trim)
                .any(|v| v == "*" || v.eq_ignore_ascii_case(FIELD));
            if !named {
                value.push_str(", ");
                value.push_str(FIELD);
            }
        }
        None => headers.push(("Vary".to_owned(), FIELD.to_owned())),
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

    /// A site whose files have precompressed siblings: the shell and the not-found page both,
    /// the hashed stylesheet and a small one only gzip, a page only brotli, and an image none.
    fn compressed_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("index.html", "shell"),
            ("index.html.br", "shell br"),
            ("index.html.gz", "shell gz"),
            ("main-1a2b3c4d5e6f7a8b.css", "css"),
            ("main-1a2b3c4d5e6f7a8b.css.gz", "css gz"),
            ("app-1a2b3c4d.css", "css"),
            ("app-1a2b3c4d.css.gz", "css gz"),
            ("leitlinien/index.html", "page"),
            ("leitlinien/index.html.br", "page br"),
            ("404.html", "missing"),
            ("404.html.br", "missing br"),
            ("404.html.gz", "missing gz"),
            ("logo.png", "png"),
        ] {
            let path = dir.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        dir
    }

    /// The served file of `reply` relative to `dist`, or its message.
    fn body_of(dist: &Path, reply: &Reply) -> String {
        match &reply.body {
            Body::File(path) => path.strip_prefix(dist).unwrap().display().to_string(),
            Body::Message(text) => text.trim_end().to_owned(),
        }
    }

    /// Sums up a reply as its status, its served file (relative to `dist`) or message, its
    /// Content-Encoding if any, and `vary` if it carries `Vary: Accept-Encoding`.
    fn summary(dist: &Path, reply: &Reply) -> String {
        let mut out = format!("{} {}", reply.status, body_of(dist, reply));
        if let Some(encoding) = header(reply, "Content-Encoding") {
            out.push_str(&format!(" {encoding}"));
        }
        if header(reply, "Vary") == Some("Accept-Encoding") {
            out.push_str(" vary");
        }
        out
    }

    #[test]
    fn precompressed_siblings_are_sent_when_accepted() {
        let site = compressed_site();
        let dist = site.path();
        for (target, accept, expect) in [
            ("/", None, "200 index.html vary"),
            ("/", Some(""), "200 index.html vary"),
            ("/", Some("identity"), "200 index.html vary"),
            ("/", Some("deflate"), "200 index.html vary"),
            ("/", Some("gzip, deflate, br"), "200 index.html.br br vary"),
            ("/", Some("gzip"), "200 index.html.gz gzip vary"),
            ("/", Some("br;q=0.5, gzip"), "200 index.html.gz gzip vary"),
            ("/", Some("br;q=0, gzip;q=0"), "200 index.html vary"),
            ("/", Some("*"), "200 index.html.br br vary"),
            ("/", Some("garbage;;, q=br"), "200 index.html vary"),
            ("/index.html?x=1", Some("br"), "200 index.html.br br vary"),
            ("/suche/x", Some("BR"), "404 404.html.br br vary"),
            (
                "/gibt-es-nicht",
                Some("x-gzip"),
                "404 404.html.gz gzip vary",
            ),
            (
                "/app-1a2b3c4d.css",
                Some("br, gzip"),
                "200 app-1a2b3c4d.css.gz gzip vary",
            ),
            ("/app-1a2b3c4d.css", Some("br"), "200 app-1a2b3c4d.css vary"),
            (
                "/leitlinien",
                Some("gzip, br;q=0.5"),
                "200 leitlinien/index.html.br br vary",
            ),
            (
                "/leitlinien/",
                Some("gzip"),
                "200 leitlinien/index.html vary",
            ),
            ("/logo.png", Some("br, gzip"), "200 logo.png"),
            ("/index.html.br", Some("br"), "200 index.html.br"),
            ("/index.html.gz", None, "200 index.html.gz"),
        ] {
            let get = reply_negotiated(dist, None, &BasePath::root(), "GET", target, accept);
            assert_eq!(summary(dist, &get), expect, "GET {target} with {accept:?}");
            let head = reply_negotiated(dist, None, &BasePath::root(), "HEAD", target, accept);
            assert_eq!(head, get, "HEAD {target} with {accept:?}");
        }
    }

    #[test]
    fn compressed_replies_keep_the_headers_of_the_original() {
        let site = compressed_site();
        let dist = site.path();
        let rules = rules();
        let root = BasePath::root();
        for rules in [None, Some(&rules)] {
            for (target, content_type, encoding) in [
                ("/", "text/html; charset=utf-8", "br"),
                ("/gibt-es-nicht", "text/html; charset=utf-8", "br"),
                (
                    "/main-1a2b3c4d5e6f7a8b.css",
                    "text/css; charset=utf-8",
                    "gzip",
                ),
            ] {
                let plain = reply_negotiated(dist, rules, &root, "GET", target, None);
                let got = reply_negotiated(dist, rules, &root, "GET", target, Some("gzip, br"));
                let mut expect = plain.headers.clone();
                expect.push(("Content-Encoding".to_owned(), encoding.to_owned()));
                assert_eq!(got.headers, expect, "{target}");
                assert_eq!(header(&got, "Content-Type"), Some(content_type), "{target}");
                assert_eq!(got.status, plain.status, "{target}");
            }
        }
    }

    #[test]
    fn the_headers_file_still_decides_the_headers_of_compressed_replies() {
        let site = compressed_site();
        let dist = site.path();
        let rules = rules();
        let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
        let csp = pair("Content-Security-Policy", "default-src 'self'");
        let vary = pair("Vary", "Accept-Encoding");
        let get = |target: &str, accept: &str| {
            reply_negotiated(
                dist,
                Some(&rules),
                &BasePath::root(),
                "GET",
                target,
                Some(accept),
            )
        };
        assert_eq!(
            get("/main-1a2b3c4d5e6f7a8b.css", "gzip").headers,
            [
                pair("Content-Type", "text/css; charset=utf-8"),
                csp.clone(),
                pair("Cache-Control", "public, max-age=31536000, immutable"),
                vary.clone(),
                pair("Content-Encoding", "gzip"),
            ]
        );
        let missing = get("/handlungsfelder/gibt-es-nicht", "br");
        assert_eq!(
            (missing.status, missing.headers),
            (
                404,
                vec![
                    pair("Content-Type", "text/html; charset=utf-8"),
                    csp.clone(),
                    pair("Cache-Control", "no-cache"),
                    vary.clone(),
                    pair("Content-Encoding", "br"),
                ]
            )
        );
        // Messages are never compressed and do not vary.
        let refused = get("/%zz", "br");
        assert_eq!(refused.status, 400);
        assert_eq!(header(&refused, "Content-Encoding"), None);
        assert_eq!(header(&refused, "Vary"), None);
    }

    #[test]
    fn accept_encoding_is_added_to_a_vary_from_the_rules() {
        let site = compressed_site();
        let dist = site.path();
        let rules = HeadersFile::parse(
            "/*\n  Vary: Origin\n/index.html\n  Vary: *\n\
             /main-1a2b3c4d5e6f7a8b.css\n  Vary: accept-encoding, Origin\n\
             /leitlinien\n  Content-Encoding: identity\n",
        )
        .unwrap();
        for (target, vary, encoding) in [
            ("/", "Origin, Accept-Encoding", Some("br")),
            ("/gibt-es-nicht", "Origin, Accept-Encoding", Some("br")),
            ("/index.html", "*", Some("br")),
            (
                "/main-1a2b3c4d5e6f7a8b.css",
                "accept-encoding, Origin",
                Some("gzip"),
            ),
            ("/logo.png", "Origin", None),
            ("/leitlinien", "Origin, Accept-Encoding", Some("br")),
        ] {
            let got = reply_negotiated(
                dist,
                Some(&rules),
                &BasePath::root(),
                "GET",
                target,
                Some("br, gzip"),
            );
            let varies: Vec<&str> = got
                .headers
                .iter()
                .filter(|(n, _)| n == "Vary")
                .map(|(_, v)| v.as_str())
                .collect();
            assert_eq!(varies, [vary], "{target}: {got:?}");
            let encodings = got
                .headers
                .iter()
                .filter(|(n, _)| n == "Content-Encoding")
                .count();
            assert_eq!(
                header(&got, "Content-Encoding"),
                encoding,
                "{target}: {got:?}"
            );
            assert_eq!(
                encodings,
                usize::from(encoding.is_some()),
                "{target}: {got:?}"
            );
        }
    }

    #[test]
    fn precompressed_siblings_are_sent_under_the_base_too() {
        let site = compressed_site();
        let dist = site.path();
        let rules = rules_under_base();
        let base = BasePath::new("/aktionsplan/").unwrap();
        for (target, expect) in [
            ("/aktionsplan/", "200 index.html.br br vary"),
            (
                "/aktionsplan/leitlinien",
                "200 leitlinien/index.html.br br vary",
            ),
            ("/aktionsplan/suche", "404 404.html.br br vary"),
            ("/anderswo", "404 404.html.br br vary"),
            ("/aktionsplan", "301 Moved Permanently"),
        ] {
            let got = reply_negotiated(dist, Some(&rules), &base, "GET", target, Some("gzip, br"));
            assert_eq!(summary(dist, &got), expect, "{target}: {got:?}");
        }
        let page = reply_negotiated(
            dist,
            Some(&rules),
            &base,
            "GET",
            "/aktionsplan/",
            Some("br"),
        );
        assert_eq!(
            header(&page, "Content-Security-Policy"),
            Some("default-src 'self'")
        );
    }

    #[test]
    fn the_older_functions_send_files_uncompressed() {
        let site = compressed_site();
        let dist = site.path();
        let rules = rules();
        let root = BasePath::root();
        for target in ["/", "/main-1a2b3c4d5e6f7a8b.css", "/gibt-es-nicht", "/%zz"] {
            for method in ["GET", "HEAD"] {
                let plain = reply_negotiated(dist, Some(&rules), &root, method, target, None);
                assert_eq!(header(&plain, "Content-Encoding"), None, "{target}");
                assert_eq!(
                    reply_under(dist, Some(&rules), &root, method, target),
                    plain
                );
                assert_eq!(reply_with(dist, Some(&rules), method, target), plain);
                assert_eq!(
                    reply(dist, method, target),
                    reply_negotiated(dist, None, &root, method, target, None)
                );
            }
        }
    }
}
