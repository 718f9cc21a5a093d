//! The base path: the URL path prefix under which the site in `dist/` is served, such as `/aktionsplan/`.
//!
//! A site built for the base `/aktionsplan/` has its start page `dist/index.html` at
//! `/aktionsplan/`, its page `dist/leitlinien/index.html` at `/aktionsplan/leitlinien` and its
//! assets at `/aktionsplan/main-<hash>.css`. The default base `/` is the site at the host's root.

use std::fmt;

/// A checked base path: `/`, or `/` followed by segments that each end in `/` (`/a/b/`).
///
/// Each segment is made of ASCII letters, digits and `-._~` (the characters a URL path never
/// needs to escape), and is not `.` or `..`. So the base reads the same before and after
/// percent-decoding, and it can start a `_headers` path pattern as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasePath {
    /// The base as given, such as `/aktionsplan/`.
    path: String,
}

/// Why a text is not a base path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadBasePath {
    /// The rejected text.
    pub base: String,
    /// What is wrong, in one sentence without the text itself.
    pub message: String,
}

impl fmt::Display for BadBasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the base path {:?} {}", self.base, self.message)
    }
}

impl std::error::Error for BadBasePath {}

impl BasePath {
    /// The base `/`: the site at the root of the host.
    pub fn root() -> BasePath {
        BasePath {
            path: "/".to_owned(),
        }
    }

    /// Checks `base`, such as `/` or `/aktionsplan/`.
    pub fn new(base: &str) -> Result<BasePath, BadBasePath> {
        let error = |message: &str| BadBasePath {
            base: base.to_owned(),
            message: message.to_owned(),
        };
        if base == "/" {
            return Ok(BasePath::root());
        }
        let Some(inner) = base.strip_prefix('/').and_then(|b| b.strip_suffix('/')) else {
            return Err(error(
                "must start and end with `/`, such as `/` or `/aktionsplan/`",
            ));
        };
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b);
        for segment in inner.split('/') {
            if segment.is_empty() {
                return Err(error("has an empty segment (`//`)"));
            }
            if segment == "." || segment == ".." {
                return Err(error("has a `.` or `..` segment"));
            }
            if !segment.bytes().all(allowed) {
                return Err(error(
                    "may only hold ASCII letters, digits, `-`, `.`, `_`, `~` and `/`",
                ));
            }
        }
        Ok(BasePath {
            path: base.to_owned(),
        })
    }

    /// The base as text, starting and ending with `/`.
    pub fn as_str(&self) -> &str {
        &self.path
    }

    /// Whether this is the base `/`.
    pub fn is_root(&self) -> bool {
        self.path == "/"
    }

    /// The segments of the base: none for `/`, `["aktionsplan"]` for `/aktionsplan/`.
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.path.split('/').filter(|s| !s.is_empty())
    }

    /// The segments of a request path below the base, or `None` when the path is outside it.
    ///
    /// `segments` are the decoded segments of the whole request path (see `urlpath::segments`);
    /// the request path of the base itself gives an empty slice.
    pub fn strip<'a>(&self, segments: &'a [String]) -> Option<&'a [String]> {
        let mut rest = segments;
        for base in self.segments() {
            let (first, tail) = rest.split_first()?;
            if first != base {
                return None;
            }
            rest = tail;
        }
        Some(rest)
    }
}

impl Default for BasePath {
    fn default() -> BasePath {
        BasePath::root()
    }
}

impl fmt::Display for BasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_bases_are_accepted_as_they_are() {
        for base in ["/", "/aktionsplan/", "/a/b/", "/v1.2_x~y-z/"] {
            assert_eq!(
                BasePath::new(base).map(|b| b.to_string()),
                Ok(base.to_owned())
            );
        }
        assert!(BasePath::new("/").unwrap().is_root());
        assert!(!BasePath::new("/a/").unwrap().is_root());
        assert_eq!(BasePath::default(), BasePath::root());
    }

    #[test]
    fn bad_bases_are_refused_with_a_reason() {
        for (base, part) in [
            ("", "start and end"),
            ("aktionsplan/", "start and end"),
            ("/aktionsplan", "start and end"),
            ("aktionsplan", "start and end"),
            ("//", "empty segment"),
            ("/a//b/", "empty segment"),
            ("/../", "`..` segment"),
            ("/a/./", "`..` segment"),
            ("/a b/", "ASCII letters"),
            ("/a*/", "ASCII letters"),
            ("/a:b/", "ASCII letters"),
            ("/%61/", "ASCII letters"),
            ("/a?x/", "ASCII letters"),
            ("/ä/", "ASCII letters"),
            ("/a\\b/", "ASCII letters"),
        ] {
            let error = BasePath::new(base).unwrap_err();
            let text = error.to_string();
            assert!(text.contains(part), "{base:?}: {text}");
            assert!(text.contains(&format!("{base:?}")), "{base:?}: {text}");
        }
    }

    #[test]
    fn request_segments_are_stripped_of_the_base() {
        let owned = |path: &str| -> Vec<String> {
            path.split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        for (base, path, expect) in [
            ("/", "", Some("")),
            ("/", "a/b", Some("a/b")),
            ("/aktionsplan/", "aktionsplan", Some("")),
            (
                "/aktionsplan/",
                "aktionsplan/leitlinien",
                Some("leitlinien"),
            ),
            ("/a/b/", "a/b/c.css", Some("c.css")),
            ("/aktionsplan/", "", None),
            ("/aktionsplan/", "leitlinien", None),
            ("/aktionsplan/", "aktionsplanx/leitlinien", None),
            ("/aktionsplan/", "Aktionsplan", None),
            ("/a/b/", "a", None),
            ("/a/b/", "a/c/b", None),
        ] {
            let segments = owned(path);
            let got = BasePath::new(base)
                .unwrap()
                .strip(&segments)
                .map(|s| s.join("/"));
            assert_eq!(got.as_deref(), expect, "{base} {path}");
        }
    }
}
