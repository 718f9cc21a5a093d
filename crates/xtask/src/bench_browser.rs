//! The in-browser search benchmark (`cargo xtask bench-search --browser`): per-keystroke search
//! latency in wasm in headless chromium, on the plan and on the GermanQuAD passages.
//!
//! The benchmark itself is `crates/plan/tests/browser_bench.rs`, a wasm-bindgen test. Wasm cannot
//! read the content folder, so this command first builds the plan's index natively, as `build.rs`
//! does, and writes it with the list of its sections to `target/bench/`; the test embeds both at
//! compile time. Without the GermanQuAD data, the test gets empty placeholder files instead and
//! skips that corpus.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run::{cmd, root};

/// The GermanQuAD files the benchmark embeds.
const GERMANQUAD_FILES: [&str; 2] = ["docs.normalized.jsonl", "queries.normalized.jsonl"];

/// Writes the plan's index and sections, then runs the benchmark in headless chromium; the
/// GermanQuAD files are expected in `data_dir`.
pub fn run(data_dir: &Path) -> Result<(), String> {
    let bench = root().join("target/bench");
    fs::create_dir_all(&bench).map_err(|e| format!("cannot create {}: {e}", bench.display()))?;
    let (index, sections) = write_plan(&bench)?;
    let germanquad = germanquad_dir(data_dir, &bench)?;
    let mut test = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "plan",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser_bench",
            "--",
            "--nocapture",
        ],
    );
    test.env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("AKTIONSPLAN_INDEX", index)
        .env("AKTIONSPLAN_SECTIONS", sections)
        .env("GERMANQUAD_DIR", germanquad)
        // The runner's default of 20 s is too short for the GermanQuAD keystrokes.
        .env("WASM_BINDGEN_TEST_TIMEOUT", "600");
    crate::run::run(&mut test)
}

/// Builds the plan's index from `content/` as the build does and writes it to
/// `plan-index.bin`, with its sections (`path#anchor`, one a line, in index order) in
/// `plan-sections.txt`; returns both paths.
fn write_plan(bench: &Path) -> Result<(PathBuf, PathBuf), String> {
    let dir = root().join("content");
    let plan = plan::content::load(&dir).map_err(|e| e.to_string())?;
    let synonyms = plan::content::load_synonyms(&dir).map_err(|e| e.to_string())?;
    let plan: &'static plan::model::Plan = Box::leak(Box::new(plan));
    let index = plan::sections::index(plan, &synonyms).to_bytes();
    let sections: String = plan::sections::sections(plan)
        .iter()
        .map(|s| format!("{}#{}\n", s.route.path(), s.anchor))
        .collect();
    let index_path = bench.join("plan-index.bin");
    let sections_path = bench.join("plan-sections.txt");
    write(&index_path, &index)?;
    write(&sections_path, sections.as_bytes())?;
    Ok((index_path, sections_path))
}

/// Returns the absolute GermanQuAD folder, or, when its files are missing, a folder of empty
/// placeholders in `bench` that the benchmark skips.
fn germanquad_dir(data_dir: &Path, bench: &Path) -> Result<PathBuf, String> {
    if GERMANQUAD_FILES.iter().all(|f| data_dir.join(f).is_file()) {
        return data_dir
            .canonicalize()
            .map_err(|e| format!("cannot resolve {}: {e}", data_dir.display()));
    }
    println!(
        "xtask: GermanQuAD data not found at {}; the browser benchmark skips it",
        data_dir.display()
    );
    let placeholder = bench.join("germanquad-missing");
    fs::create_dir_all(&placeholder)
        .map_err(|e| format!("cannot create {}: {e}", placeholder.display()))?;
    for file in GERMANQUAD_FILES {
        write(&placeholder.join(file), b"")?;
    }
    Ok(placeholder)
}

/// Writes `bytes` to `path`; an error names the file.
fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
