//! Writes precompressed copies of the built site's text and wasm files (`X.br`, `X.gz`), which
//! nginx (`brotli_static`, `gzip_static`), many static hosts and `siteserver` send to browsers that
//! accept them: the smallest transfer at no cost per request.

use crate::size::{brotli_bytes, gzip_bytes, list_dir};
use std::path::Path;

/// The endings of the files worth compressing; images other than SVG are compressed already.
const COMPRESSIBLE: &[&str] = &[
    ".html",
    ".css",
    ".js",
    ".wasm",
    ".svg",
    ".json",
    ".webmanifest",
    ".txt",
];

/// Whether a file of the site gets precompressed copies.
pub fn is_compressible(name: &str) -> bool {
    COMPRESSIBLE.iter().any(|ending| name.ends_with(ending))
}

/// Whether a file is a precompressed copy of another.
pub fn is_precompressed(name: &str) -> bool {
    name.ends_with(".br") || name.ends_with(".gz")
}

/// Writes `X.br` and `X.gz` beside every compressible file below `dist` and returns how many
/// files it compressed; copies from an earlier run are replaced.
pub fn precompress(dist: &Path) -> Result<usize, String> {
    let mut count = 0;
    for (name, path) in list_dir(dist)? {
        if !is_compressible(&name) {
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for (ending, compressed) in [(".br", brotli_bytes(&bytes)), (".gz", gzip_bytes(&bytes))] {
            let target = path.with_file_name(format!(
                "{}{ending}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
            std::fs::write(&target, compressed)
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn compressible_files_are_text_and_wasm() {
        for (name, expected) in [
            ("index.html", true),
            ("leitlinien/index.html", true),
            ("main-0123456789abcdef.css", true),
            ("app-0123456789abcdef_bg.wasm", true),
            ("icon.svg", true),
            ("_headers", false),
            ("photo.png", false),
            ("index.html.br", false),
            ("index.html.gz", false),
        ] {
            assert_eq!(is_compressible(name), expected, "{name}");
        }
    }

    #[test]
    fn precompressed_copies_decompress_to_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Aktionsplan Hessen ".repeat(200);
        std::fs::create_dir(dir.path().join("leitlinien")).unwrap();
        std::fs::write(dir.path().join("leitlinien/index.html"), &text).unwrap();
        std::fs::write(dir.path().join("_headers"), "/*\n").unwrap();
        assert_eq!(precompress(dir.path()).unwrap(), 1);
        // A second run replaces the copies and does not compress them again.
        assert_eq!(precompress(dir.path()).unwrap(), 1);
        let br = std::fs::read(dir.path().join("leitlinien/index.html.br")).unwrap();
        let mut unpacked = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, text);
        let gz = std::fs::read(dir.path().join("leitlinien/index.html.gz")).unwrap();
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, text);
        assert!(!dir.path().join("_headers.br").exists());
    }
}
