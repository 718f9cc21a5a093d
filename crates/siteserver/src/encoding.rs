//! Content negotiation for precompressed files: which sibling of a file `F` (`F.br`, `F.gz`) a request's `Accept-Encoding` allows.
//!
//! The header is a comma-separated list of content codings, each with an optional weight `;q=`
//! from 0 to 1 with at most three decimals (RFC 9110, sections 12.4.2 and 12.5.3). Codings and
//! parameter names are compared without case, `x-gzip` counts as `gzip`, `*` stands for every
//! coding the header does not name, and the weight 0 means "not acceptable". When a coding is
//! named twice, its first entry counts. An entry that does not parse (a weight outside the
//! grammar, a parameter without `=`, a coding that is not a token) is skipped, so garbage never
//! selects a coding: the uncompressed file is always a valid answer. Without the header, or with
//! an empty one, nothing is compressed, as nginx's `gzip_static` does.
//!
//! Among the acceptable codings a higher weight wins, and brotli wins a tie because it compresses
//! better. A coding is not used when `identity` (named, or through `*`) has a higher weight than
//! it; on a tie the compressed file wins, because it is the same content in fewer bytes.

use std::cmp::Reverse;
use std::path::{Path, PathBuf};

/// A content coding whose precompressed sibling files the server sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Brotli: the sibling `F.br`, sent with `Content-Encoding: br`.
    Brotli,
    /// Gzip: the sibling `F.gz`, sent with `Content-Encoding: gzip`.
    Gzip,
}

impl Encoding {
    /// Every coding, in the order of preference among equal weights.
    pub const ALL: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The coding's name in `Accept-Encoding` and `Content-Encoding`: `br` or `gzip`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The extension of the sibling file, without the dot: `br` or `gz`.
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }

    /// The sibling of `file` in this coding: `file` with `.br` or `.gz` appended, such as `index.html.br`.
    pub fn sibling(self, file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_owned();
        name.push(".");
        name.push(self.extension());
        PathBuf::from(name)
    }
}

/// The codings that a request's `Accept-Encoding` value allows, best first.
///
/// `accept_encoding` is `None` when the request has no such header; then, as with an empty
/// value, the list is empty and the file is sent as it is.
pub fn acceptable_encodings(accept_encoding: Option<&str>) -> Vec<Encoding> {
    let Some(header) = accept_encoding else {
        return Vec::new();
    };
    let entries: Vec<(String, u16)> = header.split(',').filter_map(entry).collect();
    let weight = |coding: &str| {
        let named = entries.iter().find(|(c, _)| c == coding);
        let any = || entries.iter().find(|(c, _)| c == "*");
        named.or_else(any).map(|&(_, weight)| weight)
    };
    // An unnamed identity is acceptable, but never preferred over an acceptable compression.
    let identity = weight("identity").unwrap_or(0);
    let mut acceptable: Vec<(Encoding, u16)> = Encoding::ALL
        .into_iter()
        .filter_map(|encoding| weight(encoding.token()).map(|w| (encoding, w)))
        .filter(|&(_, w)| w > 0 && w >= identity)
        .collect();
    // The sort is stable, so equal weights keep the order of `Encoding::ALL`.
    acceptable.sort_by_key(|&(_, w)| Reverse(w));
    acceptable
        .into_iter()
        .map(|(encoding, _)| encoding)
        .collect()
}

/// One list entry such as ` br;q=0.8` as its coding in lower case and its weight in
/// thousandths, or `None` when it is empty or does not parse.
fn entry(text: &str) -> Option<(String, u16)> {
    let mut parts = text.split(';');
    let coding = parts.next()?.trim().to_ascii_lowercase();
    if coding.is_empty() || !coding.bytes().all(is_token_byte) {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let (name, value) = parameter.split_once('=')?;
        // Accept-Encoding defines no other parameter; any other one is ignored.
        if name.trim().eq_ignore_ascii_case("q") {
            weight = parse_weight(value.trim())?;
        }
    }
    let coding = if coding == "x-gzip" {
        "gzip".to_owned()
    } else {
        coding
    };
    Some((coding, weight))
}

/// Parses a weight (`qvalue`: `0`, `0.5`, `0.125`, `1`, `1.000`) into thousandths, or `None`
/// when it is outside the grammar.
fn parse_weight(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Whether `byte` may appear in an HTTP token, such as a content coding.
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the codings, as tokens separated by spaces, that the header value `header` allows.
    fn check(header: Option<&str>, expect: &str) {
        let got: Vec<&str> = acceptable_encodings(header)
            .into_iter()
            .map(Encoding::token)
            .collect();
        assert_eq!(got.join(" "), expect, "Accept-Encoding: {header:?}");
    }

    #[test]
    fn single_codings_are_recognised() {
        for (header, expect) in [
            ("br", "br"),
            ("gzip", "gzip"),
            ("x-gzip", "gzip"),
            ("deflate", ""),
            ("compress, zstd", ""),
        ] {
            check(Some(header), expect);
        }
    }

    #[test]
    fn browsers_get_brotli_first() {
        for header in [
            "gzip, deflate, br",
            "gzip, deflate, br, zstd",
            "br, gzip",
            "gzip, br",
        ] {
            check(Some(header), "br gzip");
        }
    }

    #[test]
    fn weights_order_the_codings() {
        for (header, expect) in [
            ("br;q=0.5, gzip", "gzip br"),
            ("gzip;q=1.0, br;q=0.999", "gzip br"),
            ("br;q=0.8, gzip;q=0.8", "br gzip"),
            ("gzip;q=0.8, br;q=0.8", "br gzip"),
            ("br;q=1, gzip;q=0.001", "br gzip"),
            ("br;q=0, gzip", "gzip"),
            ("br, gzip;q=0", "br"),
            ("br;q=0.000, gzip;q=0.", ""),
            ("gzip;q=1.000", "gzip"),
        ] {
            check(Some(header), expect);
        }
    }

    #[test]
    fn the_wildcard_stands_for_unnamed_codings() {
        for (header, expect) in [
            ("*", "br gzip"),
            ("*;q=0.5, gzip", "gzip br"),
            ("gzip, *;q=0", "gzip"),
            ("*;q=0", ""),
            ("br;q=0, *", "gzip"),
        ] {
            check(Some(header), expect);
        }
    }

    #[test]
    fn identity_wins_only_with_a_higher_weight() {
        for (header, expect) in [
            ("identity", ""),
            ("identity, br", "br"),
            ("identity;q=0, gzip", "gzip"),
            ("br;q=0.5, identity", ""),
            ("br;q=0.5, identity;q=0.4", "br"),
            ("br;q=0.5, gzip, identity;q=0.7", "gzip"),
            ("gzip;q=0.5, *", "br"),
        ] {
            check(Some(header), expect);
        }
    }

    #[test]
    fn codings_and_parameters_are_compared_without_case() {
        for (header, expect) in [
            ("BR, GZip", "br gzip"),
            ("br ; Q=0.5 , gzip", "gzip br"),
            ("X-GZIP", "gzip"),
            ("\tbr\t;\tq = 0.5", "br"),
        ] {
            check(Some(header), expect);
        }
    }

    #[test]
    fn no_header_and_an_empty_one_allow_nothing() {
        check(None, "");
        check(Some(""), "");
        check(Some(" "), "");
        check(Some(",,,"), "");
    }

    #[test]
    fn entries_that_do_not_parse_are_skipped() {
        for (header, expect) in [
            ("br;q=2", ""),
            ("br;q=abc", ""),
            ("br;q=.5", ""),
            ("br;q=0.5000", ""),
            ("br;q=1.001", ""),
            ("br;q=-0", ""),
            ("br;q=", ""),
            ("br;q", ""),
            ("br q=1", ""),
            (";q=1", ""),
            ("ä, gzip", "gzip"),
            ("gzip,, ,br;q=x", "gzip"),
            ("br;;, gzip", "gzip"),
            ("br;level=5", "br"),
            ("br;q=0, br", ""),
        ] {
            check(Some(header), expect);
        }
    }

    #[test]
    fn weights_follow_the_qvalue_grammar() {
        for (text, expect) in [
            ("0", Some(0)),
            ("0.", Some(0)),
            ("0.5", Some(500)),
            ("0.05", Some(50)),
            ("0.125", Some(125)),
            ("1", Some(1000)),
            ("1.0", Some(1000)),
            ("1.000", Some(1000)),
            ("1.5", None),
            ("0.1234", None),
            ("01", None),
            ("", None),
            ("0.a", None),
            ("+1", None),
        ] {
            assert_eq!(parse_weight(text), expect, "q={text}");
        }
    }

    #[test]
    fn siblings_append_the_extension() {
        let file = Path::new("dist/handlungsfelder/index.html");
        assert_eq!(
            Encoding::Brotli.sibling(file),
            Path::new("dist/handlungsfelder/index.html.br")
        );
        assert_eq!(
            Encoding::Gzip.sibling(file),
            Path::new("dist/handlungsfelder/index.html.gz")
        );
        assert_eq!(
            Encoding::Gzip.sibling(Path::new("LICENSE")),
            Path::new("LICENSE.gz")
        );
    }
}
