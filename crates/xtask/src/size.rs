//! The size report: raw, gzip and brotli bytes of every file in `dist/`, and what a first visit
//! to `/` transfers (the HTML and every file it references, compressed with brotli); with
//! `--check` also the size budgets of `size-budgets.toml`, and with `--write-budgets` their update
//! (see `budget`).

use crate::run::root;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One file's sizes.
pub struct FileSize {
    /// Path relative to `dist/`.
    pub name: String,
    /// Bytes on disk.
    pub raw: usize,
    /// Bytes after gzip at level 9.
    pub gzip: usize,
    /// Bytes after brotli at quality 11 (what static hosts precompress with).
    pub brotli: usize,
}

/// Prints the report for `dist/`; `--check` then checks the size budgets (an error when one is not
/// met), `--write-budgets` rewrites the budget file from the current build instead.
pub fn size(args: &[String]) -> Result<(), String> {
    let dist = root().join("dist");
    let budget_file = root().join(crate::budget::FILE);
    match args {
        [] => report(&dist).map(drop),
        [flag] if flag == "--check" => {
            let files = report(&dist)?;
            println!();
            print!("{}", crate::budget::check_report(&files, &budget_file)?);
            Ok(())
        }
        [flag] if flag == "--write-budgets" => {
            let files = report(&dist)?;
            println!("\nxtask: {}", crate::budget::write(&files, &budget_file)?);
            Ok(())
        }
        _ => Err(format!(
            "unexpected arguments {args:?}; usage: cargo xtask size [--check | --write-budgets]"
        )),
    }
}

/// Prints the report for the build in `dist` and returns its measurements.
fn report(dist: &Path) -> Result<Vec<FileSize>, String> {
    if !dist.join("index.html").is_file() {
        return Err("dist/ has no build; run `cargo xtask dist` first".into());
    }
    let files = measure_dir(dist)?;
    println!(
        "{:<56} {:>10} {:>10} {:>10}",
        "file (dist/)", "raw", "gzip", "brotli"
    );
    for f in &files {
        println!(
            "{:<56} {:>10} {:>10} {:>10}",
            f.name, f.raw, f.gzip, f.brotli
        );
    }
    let total = |pick: fn(&FileSize) -> usize| files.iter().map(pick).sum::<usize>();
    println!(
        "{:<56} {:>10} {:>10} {:>10}",
        "all files",
        total(|f| f.raw),
        total(|f| f.gzip),
        total(|f| f.brotli)
    );
    let html = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    let mut first_visit: Vec<&FileSize> = vec![];
    for name in std::iter::once("index.html".to_owned()).chain(referenced(&html)) {
        let file = files.iter().find(|f| f.name == name);
        if let Some(f) = file.filter(|f| !first_visit.iter().any(|v| v.name == f.name)) {
            first_visit.push(f);
        }
    }
    let brotli: usize = first_visit.iter().map(|f| f.brotli).sum();
    let names: Vec<&str> = first_visit.iter().map(|f| f.name.as_str()).collect();
    println!(
        "\nfirst visit to / (brotli): {brotli} bytes = {:.1} KB ({})",
        brotli as f64 / 1000.0,
        names.join(", ")
    );
    if let Some(wasm) = files.iter().find(|f| f.name.ends_with(".wasm")) {
        println!(
            "wasm: {} raw, {} gzip, {} brotli bytes",
            wasm.raw, wasm.gzip, wasm.brotli
        );
    }
    Ok(files)
}

/// Measures every file below `dir`, sorted by name.
pub fn measure_dir(dir: &Path) -> Result<Vec<FileSize>, String> {
    list_dir(dir)?
        .into_iter()
        .map(|(name, path)| {
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok(FileSize {
                name,
                raw: bytes.len(),
                gzip: gzip_len(&bytes),
                brotli: brotli_len(&bytes),
            })
        })
        .collect()
}

/// Every file below `dir`, sorted: its path relative to `dir` with `/` between folders, and its
/// full path.
///
/// Precompressed copies (`X.br`, `X.gz`) are left out: they are `X` in another encoding.
pub fn list_dir(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let mut paths = Vec::new();
    collect(dir, &mut paths).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    paths.sort();
    Ok(paths
        .into_iter()
        .filter(|path| !crate::compress::is_precompressed(&path.to_string_lossy()))
        .map(|path| {
            let name = path.strip_prefix(dir).unwrap_or(&path);
            let name = name
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (name, path)
        })
        .collect())
}

fn collect(dir: &Path, paths: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, paths)?
        } else {
            paths.push(path)
        }
    }
    Ok(())
}

/// Bytes after gzip at level 9.
pub fn gzip_len(bytes: &[u8]) -> usize {
    gzip_bytes(bytes).len()
}

/// The bytes compressed with gzip at level 9.
pub fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Bytes after brotli at quality 11.
pub fn brotli_len(bytes: &[u8]) -> usize {
    brotli_bytes(bytes).len()
}

/// The bytes compressed with brotli at quality 11.
pub fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

/// The local files an HTML page references through `href` and `src` attributes, and through
/// single-quoted paths in its inline scripts (Trunk's loader names the wasm so), relative to
/// `dist/`.
pub fn referenced(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (opening, closing) in [("href=\"", '"'), ("src=\"", '"'), ("'/", '\'')] {
        for (i, _) in html.match_indices(opening) {
            // The single-quoted form keeps its leading slash in the value.
            let start = i + opening.len() - usize::from(opening == "'/");
            let rest = &html[start..];
            let value = &rest[..rest.find(closing).unwrap_or(0)];
            if value.len() > 1 && value.starts_with('/') && !value.starts_with("//") {
                found.push(value.trim_start_matches('/').to_owned());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referenced_files_are_local_paths_only() {
        let html = r#"<link href="/main-1.css"><script src="/app.js"></script><a href="https://x.de/y"></a><img src="//cdn/x.png"><a href="/"><script>init({ module_or_path: '/app_bg.wasm' })</script>"#;
        assert_eq!(referenced(html), ["main-1.css", "app.js", "app_bg.wasm"]);
    }

    #[test]
    fn compression_shrinks_repetitive_text() {
        let text = "Aktionsplan Hessen ".repeat(100);
        assert!(brotli_len(text.as_bytes()) < 100);
        assert!(gzip_len(text.as_bytes()) < 120);
    }
}
