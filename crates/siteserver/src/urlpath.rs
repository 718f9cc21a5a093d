//! Turns the request target of an HTTP request into safe path segments below the site root.

/// Why a request target cannot name anything below the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadPath {
    /// The target does not start with `/` (for example the absolute form `http://host/x`).
    NotAbsolutePath,
    /// A `%` is not followed by two hexadecimal digits.
    MalformedPercentEncoding,
    /// The decoded bytes are not UTF-8.
    NotUtf8,
    /// A segment is `..`, or the path holds a NUL byte or a backslash.
    Traversal,
}

/// Splits a request target such as `/handlungsfelder/unterbringung?x=1` into decoded segments.
///
/// The query and fragment are dropped, percent escapes are decoded (each segment on its own,
/// so `%2F` cannot smuggle in a separator), empty and `.` segments are skipped, and `..`
/// is refused rather than resolved.
pub fn segments(target: &str) -> Result<Vec<String>, BadPath> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let rest = path.strip_prefix('/').ok_or(BadPath::NotAbsolutePath)?;
    let mut out = Vec::new();
    for raw in rest.split('/') {
        let segment = percent_decode(raw)?;
        match segment.as_str() {
            "" | "." => {}
            ".." => return Err(BadPath::Traversal),
            s if s.contains(['/', '\\', '\0']) => return Err(BadPath::Traversal),
            _ => out.push(segment),
        }
    }
    Ok(out)
}

/// Decodes `%XX` escapes strictly: a stray `%` is an error, and so is a result that is not UTF-8.
fn percent_decode(raw: &str) -> Result<String, BadPath> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = bytes.get(i + 1).and_then(|b| hex_value(*b));
            let lo = bytes.get(i + 2).and_then(|b| hex_value(*b));
            match (hi, lo) {
                (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
                _ => return Err(BadPath::MalformedPercentEncoding),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| BadPath::NotUtf8)
}

/// The value of one hexadecimal digit, if it is one.
fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `target` splits into `expect` (segments joined by `|`) or fails with `expect`'s error.
    fn check(target: &str, expect: Result<&str, BadPath>) {
        let got = segments(target).map(|s| s.join("|"));
        assert_eq!(
            got.as_deref().map_err(Clone::clone),
            expect,
            "target {target:?}"
        );
    }

    #[test]
    fn plain_paths_split_into_segments() {
        check("/", Ok(""));
        check("/index.html", Ok("index.html"));
        check(
            "/handlungsfelder/wohnen-und-integration-vor-ort",
            Ok("handlungsfelder|wohnen-und-integration-vor-ort"),
        );
        check("//a///b/./c/", Ok("a|b|c"));
    }

    #[test]
    fn query_and_fragment_are_dropped() {
        check("/service?x=1&y=/..", Ok("service"));
        check("/leitlinien#oben", Ok("leitlinien"));
    }

    #[test]
    fn percent_escapes_are_decoded() {
        check("/R%C3%BCckf%C3%BChrungen", Ok("Rückführungen"));
        check("/a%20b", Ok("a b"));
        check("/%7e", Ok("~"));
    }

    #[test]
    fn traversal_is_refused() {
        check("/../etc/passwd", Err(BadPath::Traversal));
        check("/a/../../b", Err(BadPath::Traversal));
        check("/%2e%2e/secret", Err(BadPath::Traversal));
        check("/a%2F..%2Fb", Err(BadPath::Traversal));
        check("/a%5C..", Err(BadPath::Traversal));
        check("/a%00b", Err(BadPath::Traversal));
    }

    #[test]
    fn malformed_targets_are_refused() {
        check("/a%", Err(BadPath::MalformedPercentEncoding));
        check("/a%4", Err(BadPath::MalformedPercentEncoding));
        check("/a%zz", Err(BadPath::MalformedPercentEncoding));
        check("/%C3", Err(BadPath::NotUtf8));
        check("http://example.org/", Err(BadPath::NotAbsolutePath));
        check("*", Err(BadPath::NotAbsolutePath));
    }
}
