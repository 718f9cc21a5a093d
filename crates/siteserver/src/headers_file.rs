//! Reads and writes `_headers`, the header rules file of Netlify and Cloudflare Pages, in the subset that `cargo xtask dist` writes.
//!
//! The subset: `#` comment lines, blank lines, rule lines that start with `/` and name a path or a
//! path prefix ending in `*` (such as `/*`), and below each rule indented `Name: value` lines.
//! When several rules match a path, they apply in file order and a later rule's header replaces an
//! earlier rule's header of the same name (Netlify's behaviour; see README.md on Cloudflare Pages).
//! Anything outside the subset (absolute URLs, `:placeholders`, `!` detach lines) is an error, so
//! that siteserver never silently serves other headers than a host would.

use std::fmt;

/// One rule: a path pattern and the headers for the paths it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRule {
    /// The path pattern: an exact path such as `/index.html`, or a prefix ending in `*` such as `/*`.
    pub pattern: String,
    /// The headers, as (name, value) pairs in file order.
    pub headers: Vec<(String, String)>,
}

/// A parsed `_headers` file: its rules in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeadersFile {
    /// The rules in file order.
    pub rules: Vec<HeaderRule>,
}

/// Why a `_headers` text is outside the supported subset, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The 1-based line number (0 when a rule built in code is at fault, see [`HeadersFile::render`]).
    pub line: usize,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ParseError {}

impl HeadersFile {
    /// Parses the text of a `_headers` file.
    pub fn parse(text: &str) -> Result<HeadersFile, ParseError> {
        let mut rules: Vec<HeaderRule> = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let error = |message: String| ParseError { line, message };
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indented = raw.starts_with([' ', '\t']);
            if !indented {
                check_pattern(trimmed).map_err(error)?;
                rules.push(HeaderRule {
                    pattern: trimmed.to_owned(),
                    headers: Vec::new(),
                });
                continue;
            }
            let Some(rule) = rules.last_mut() else {
                return Err(error(format!(
                    "the header line {trimmed:?} comes before any path line"
                )));
            };
            if trimmed.starts_with('!') {
                return Err(error(format!(
                    "detaching a header ({trimmed:?}) is not supported"
                )));
            }
            let Some((name, value)) = trimmed.split_once(':') else {
                return Err(error(format!(
                    "the header line {trimmed:?} has no `Name: value` form"
                )));
            };
            let (name, value) = (name.trim(), value.trim());
            check_header(name, value).map_err(error)?;
            rule.headers.push((name.to_owned(), value.to_owned()));
        }
        Ok(HeadersFile { rules })
    }

    /// Writes the rules as `_headers` text, after a `# comment` line for each line of `comment`.
    ///
    /// Fails (with line 0) on a pattern, name or value that [`HeadersFile::parse`] would refuse,
    /// so that whatever is written reads back as the same rules.
    pub fn render(&self, comment: &str) -> Result<String, ParseError> {
        let error = |message: String| ParseError { line: 0, message };
        let mut out = String::new();
        for line in comment.lines() {
            out.push_str(format!("# {line}").trim_end());
            out.push('\n');
        }
        for rule in &self.rules {
            check_pattern(&rule.pattern).map_err(error)?;
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&rule.pattern);
            out.push('\n');
            for (name, value) in &rule.headers {
                check_header(name, value).map_err(error)?;
                out.push_str(&format!("  {name}: {value}\n"));
            }
        }
        Ok(out)
    }

    /// Applies every rule matching the URL path `path` (such as `/handlungsfelder`) to `headers`.
    ///
    /// Rules apply in file order; each header of a matching rule first removes the headers of the
    /// same name (compared without case) that `headers` held before this rule, then is added.
    pub fn apply(&self, path: &str, headers: &mut Vec<(String, String)>) {
        for rule in self.rules.iter().filter(|r| matches(&r.pattern, path)) {
            headers.retain(|(name, _)| {
                !rule
                    .headers
                    .iter()
                    .any(|(set, _)| set.eq_ignore_ascii_case(name))
            });
            headers.extend(rule.headers.iter().cloned());
        }
    }
}

/// Whether the URL path `path` matches `pattern`: exactly, or by prefix when the pattern ends in `*`.
pub fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix) || format!("{path}/") == prefix,
        None => pattern == path,
    }
}

/// Checks that a path pattern is in the supported subset.
fn check_pattern(pattern: &str) -> Result<(), String> {
    if !pattern.starts_with('/') {
        return Err(format!(
            "the path pattern {pattern:?} does not start with `/` (absolute URLs are not supported)"
        ));
    }
    if pattern.chars().any(char::is_whitespace) {
        return Err(format!("the path pattern {pattern:?} holds whitespace"));
    }
    if pattern.contains(':') {
        return Err(format!(
            "the path pattern {pattern:?} holds a `:placeholder`, which is not supported"
        ));
    }
    if pattern.trim_end_matches('*').contains('*') || pattern.ends_with("**") {
        return Err(format!(
            "the path pattern {pattern:?} has a `*` that is not its last character"
        ));
    }
    Ok(())
}

/// Checks that a header name is an HTTP token and its value one non-empty line.
fn check_header(name: &str, value: &str) -> Result<(), String> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(format!("{name:?} is not a header name"));
    }
    if value.is_empty() || value != value.trim() {
        return Err(format!(
            "the value of {name} is empty or starts or ends with whitespace"
        ));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(format!(
            "the value of {name} holds a line break or control character"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules `cargo xtask dist` writes, in small.
    fn sample() -> HeadersFile {
        let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
        HeadersFile {
            rules: vec![
                HeaderRule {
                    pattern: "/*".to_owned(),
                    headers: vec![
                        pair(
                            "Content-Security-Policy",
                            "default-src 'self'; script-src 'self' 'sha256-AbC+/x='",
                        ),
                        pair("X-Content-Type-Options", "nosniff"),
                        pair("Cache-Control", "no-cache"),
                    ],
                },
                HeaderRule {
                    pattern: "/app-3f2a9c1b2d4e5f60_bg.wasm".to_owned(),
                    headers: vec![pair("Cache-Control", "public, max-age=31536000, immutable")],
                },
            ],
        }
    }

    /// The headers `file` gives the URL path `path`, starting from a Content-Type.
    fn for_path(file: &HeadersFile, path: &str) -> Vec<(String, String)> {
        let mut headers = vec![("Content-Type".to_owned(), "text/html".to_owned())];
        file.apply(path, &mut headers);
        headers
    }

    #[test]
    fn written_rules_read_back_unchanged() {
        let text = sample().render("Written by a test.\nTwo lines.").unwrap();
        assert!(
            text.starts_with(
                "# Written by a test.\n# Two lines.\n\n/*\n  Content-Security-Policy: default-src"
            ),
            "{text}"
        );
        assert_eq!(HeadersFile::parse(&text).unwrap(), sample());
        let empty = HeadersFile::default();
        assert_eq!(
            HeadersFile::parse(&empty.render("").unwrap()).unwrap(),
            empty
        );
    }

    #[test]
    fn the_netlify_layout_parses() {
        let text = "# Comment\n\n/*\n  X-Frame-Options: DENY\n\tReferrer-Policy:  no-referrer  \n\
                    /static/*\n  # indented comment\n  Cache-Control: max-age=60\n";
        let file = HeadersFile::parse(text).unwrap();
        assert_eq!(file.rules.len(), 2);
        assert_eq!(
            file.rules[0].headers[1],
            ("Referrer-Policy".to_owned(), "no-referrer".to_owned())
        );
        assert_eq!(file.rules[1].pattern, "/static/*");
    }

    #[test]
    fn later_rules_replace_headers_of_the_same_name() {
        let file = sample();
        let asset = for_path(&file, "/app-3f2a9c1b2d4e5f60_bg.wasm");
        let cache: Vec<&str> = asset
            .iter()
            .filter(|(n, _)| n == "Cache-Control")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(cache, ["public, max-age=31536000, immutable"]);
        assert!(
            asset
                .iter()
                .any(|(n, v)| n == "X-Content-Type-Options" && v == "nosniff")
        );
        let page = for_path(&file, "/handlungsfelder/unterbringung");
        assert_eq!(page.len(), 4, "{page:?}");
        assert!(page.contains(&("Cache-Control".to_owned(), "no-cache".to_owned())));
        assert!(page.contains(&("Content-Type".to_owned(), "text/html".to_owned())));
    }

    #[test]
    fn patterns_match_exactly_or_by_prefix() {
        assert!(matches("/*", "/"));
        assert!(matches("/*", "/a/b"));
        assert!(matches("/static/*", "/static/x.css"));
        assert!(matches("/static/*", "/static"));
        assert!(!matches("/static/*", "/staticx"));
        assert!(matches("/index.html", "/index.html"));
        assert!(!matches("/index.html", "/index.html/x"));
        assert!(!matches("/a.js", "/b/a.js"));
    }

    #[test]
    fn lines_outside_the_subset_are_refused_with_their_number() {
        for (text, line, part) in [
            ("  X-A: b\n", 1, "before any path"),
            ("/*\n  ! Cache-Control\n", 2, "detaching"),
            ("/*\n  no colon here\n", 2, "Name: value"),
            ("/*\n  : value\n", 2, "not a header name"),
            ("/*\n  X-A:\n", 2, "empty"),
            ("/*\n  Bad Name: v\n", 2, "not a header name"),
            ("https://example.org/*\n", 1, "absolute URLs"),
            ("/a/:slug\n", 1, ":placeholder"),
            ("/a/*/b\n", 1, "not its last"),
            ("# ok\n\n/a b\n", 3, "whitespace"),
        ] {
            let error = HeadersFile::parse(text).unwrap_err();
            assert_eq!(error.line, line, "{text:?}: {error}");
            assert!(error.message.contains(part), "{text:?}: {error}");
        }
    }

    #[test]
    fn rules_that_would_not_read_back_are_not_written() {
        let mut file = sample();
        file.rules[0].headers[0].1 = "a\n/evil\n  X: y".to_owned();
        assert!(file.render("").is_err());
        let mut file = sample();
        file.rules[1].pattern = "relative".to_owned();
        assert!(file.render("").is_err());
    }
}
