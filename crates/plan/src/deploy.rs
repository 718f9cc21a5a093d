//! Deployment settings that shape the built site: the base path it is served under, the origin
//! its canonical URLs name and who may embed it, each read from one environment variable and
//! checked here.
//!
//! `build.rs` compiles them into the app (links, router, canonical URLs, the embed page) and
//! `cargo xtask dist` passes the base path to Trunk and the embedding sources to `_headers`, so
//! one setting moves routes, links, assets and headers together.

/// The environment variable that sets the base path, such as `/aktionsplan/`; unset means `/`.
pub const BASE_PATH_VAR: &str = "AKTIONSPLAN_BASE_PATH";

/// The environment variable that sets the site's origin for canonical and Open Graph URLs.
pub const ORIGIN_VAR: &str = "AKTIONSPLAN_ORIGIN";

/// The origin when [`ORIGIN_VAR`] is unset: where `cargo xtask serve` serves the site.
pub const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";

/// The environment variable that sets who may embed the site in a frame: the sources of the
/// `frame-ancestors` directive of the Content-Security-Policy.
pub const FRAME_ANCESTORS_VAR: &str = "AKTIONSPLAN_FRAME_ANCESTORS";

/// The `frame-ancestors` sources when [`FRAME_ANCESTORS_VAR`] is unset: only the site itself.
pub const DEFAULT_FRAME_ANCESTORS: &str = "'self'";

/// The most characters a base path may have.
const MAX_BASE_CHARS: usize = 200;

/// Checks a base path setting and returns the router's form of it: `""` for the root, else the
/// path without its trailing slash (`/aktionsplan/` gives `/aktionsplan`).
///
/// A base path starts and ends with `/` and its segments use lower-case letters, digits, `-`,
/// `_` and `.` (no `..`), so it is safe in every URL, HTML attribute and header pattern.
pub fn base_path(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() || value == "/" {
        return Ok(String::new());
    }
    if !value.starts_with('/') || !value.ends_with('/') {
        return Err(format!(
            "{value:?} must start and end with `/`, for example `/aktionsplan/`"
        ));
    }
    if value.chars().count() > MAX_BASE_CHARS {
        return Err(format!("is longer than {MAX_BASE_CHARS} characters"));
    }
    let inner = &value[1..value.len() - 1];
    for segment in inner.split('/') {
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c);
        if segment.is_empty() || segment == "." || segment == ".." || !segment.chars().all(allowed)
        {
            return Err(format!(
                "{value:?} has the segment {segment:?}; segments use only a-z, 0-9, `-`, `_` and `.`, \
                 and are neither empty nor `.` or `..`"
            ));
        }
    }
    Ok(value.trim_end_matches('/').to_owned())
}

/// Checks an origin setting (`https://host` or `http://host`, with an optional port, no path)
/// and returns it without a trailing slash; empty means [`DEFAULT_ORIGIN`].
pub fn origin(value: &str) -> Result<String, String> {
    let value = value.trim().trim_end_matches('/');
    if value.is_empty() {
        return Ok(DEFAULT_ORIGIN.to_owned());
    }
    let Some(rest) = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
    else {
        return Err(format!(
            "{value:?} must start with https:// (or http:// for local tests)"
        ));
    };
    let (host, port) = rest.split_once(':').unwrap_or((rest, ""));
    let host_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    let port_ok = port.is_empty() || port.parse::<u16>().is_ok_and(|p| p > 0);
    if host_ok && port_ok && rest.chars().count() <= MAX_BASE_CHARS {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "{value:?} is not an origin such as https://www.example.org (lower-case host, optional \
             port, no path, query or user)"
        ))
    }
}

/// Checks a `frame-ancestors` setting and returns it with single spaces.
///
/// Allowed are `'none'` alone, or `'self'` and https origins (`https://host` with an optional
/// port, no path and no wildcard), separated by spaces; empty means [`DEFAULT_FRAME_ANCESTORS`].
pub fn frame_ancestors(value: &str) -> Result<String, String> {
    let sources: Vec<&str> = value.split_whitespace().collect();
    if sources.is_empty() {
        return Ok(DEFAULT_FRAME_ANCESTORS.to_owned());
    }
    if sources.contains(&"'none'") {
        return if sources.len() == 1 {
            Ok("'none'".to_owned())
        } else {
            Err("'none' cannot be combined with other sources".to_owned())
        };
    }
    for source in &sources {
        if *source != "'self'" && !is_https_origin(source) {
            return Err(format!(
                "{source:?} is neither 'self', 'none' nor an https origin such as https://www.example.org \
                 (with an optional port, without path or wildcard)"
            ));
        }
    }
    Ok(sources.join(" "))
}

/// Whether `source` is `https://host` or `https://host:port`, the host being DNS labels.
fn is_https_origin(source: &str) -> bool {
    let Some(authority) = source.strip_prefix("https://") else {
        return false;
    };
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    port_ok && host.split('.').all(label_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_base(value: &str, expected: Result<&str, &str>) {
        match (base_path(value), expected) {
            (Ok(got), Ok(want)) => assert_eq!(got, want, "{value:?}"),
            (Err(got), Err(want)) => assert!(got.contains(want), "{value:?}: {got}"),
            (got, want) => panic!("{value:?}: got {got:?}, expected {want:?}"),
        }
    }

    #[test]
    fn base_paths() {
        check_base("", Ok(""));
        check_base("/", Ok(""));
        check_base(" /aktionsplan/ ", Ok("/aktionsplan"));
        check_base("/land/aktionsplan-2016/", Ok("/land/aktionsplan-2016"));
        check_base("/v1.2_x/", Ok("/v1.2_x"));
        check_base("/aktionsplan", Err("must start and end with `/`"));
        check_base("aktionsplan/", Err("must start and end with `/`"));
        check_base("//", Err("segment \"\""));
        check_base("/a//b/", Err("segment \"\""));
        check_base("/../", Err("segment \"..\""));
        check_base("/Aktionsplan/", Err("only a-z"));
        check_base("/a b/", Err("only a-z"));
        check_base("/a\"b/", Err("only a-z"));
        check_base("/ä/", Err("only a-z"));
        check_base(&format!("/{}/", "a".repeat(300)), Err("longer than"));
    }

    fn check_origin(value: &str, expected: Result<&str, &str>) {
        match (origin(value), expected) {
            (Ok(got), Ok(want)) => assert_eq!(got, want, "{value:?}"),
            (Err(got), Err(want)) => assert!(got.contains(want), "{value:?}: {got}"),
            (got, want) => panic!("{value:?}: got {got:?}, expected {want:?}"),
        }
    }

    #[test]
    fn origins() {
        check_origin("", Ok(DEFAULT_ORIGIN));
        check_origin("https://www.example.org", Ok("https://www.example.org"));
        check_origin("https://www.example.org/", Ok("https://www.example.org"));
        check_origin("http://127.0.0.1:8080", Ok("http://127.0.0.1:8080"));
        check_origin("ftp://example.org", Err("must start with https://"));
        check_origin("example.org", Err("must start with https://"));
        check_origin("https://example.org/pfad", Err("not an origin"));
        check_origin("https://example.org:99999", Err("not an origin"));
        check_origin("https://user@example.org", Err("not an origin"));
        check_origin("https://Example.org", Err("not an origin"));
        check_origin("https://", Err("must start with https://"));
        check_origin("https://-x.org", Err("not an origin"));
        check_origin("https://a\"b.org", Err("not an origin"));
    }

    #[test]
    fn good_frame_ancestors_are_accepted() {
        for (value, expect) in [
            ("'self'", "'self'"),
            ("", "'self'"),
            ("  ", "'self'"),
            ("  'none' ", "'none'"),
            ("https://www.example.org", "https://www.example.org"),
            (
                "'self'  https://a.example.org:8443 https://b-c.example",
                "'self' https://a.example.org:8443 https://b-c.example",
            ),
        ] {
            assert_eq!(frame_ancestors(value).as_deref(), Ok(expect), "{value:?}");
        }
    }

    #[test]
    fn bad_frame_ancestors_are_refused() {
        for value in [
            "*",
            "self",
            "'unsafe-inline'",
            "'none' 'self'",
            "http://example.org",
            "https://example.org/",
            "https://example.org/path",
            "https://*.example.org",
            "https://",
            "https://example..org",
            "https://-example.org",
            "https://example.org:",
            "https://example.org:123456",
            "https://example.org; script-src *",
            "https://example.org;",
            "'self' data:",
        ] {
            assert!(frame_ancestors(value).is_err(), "{value:?} was accepted");
        }
    }
}
