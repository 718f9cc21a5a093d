//! Installs what the build and the tests need, at pinned versions, and only what is missing.
//!
//! Nothing is downloaded except from the package registries: tools come from crates.io
//! (`cargo install`), npm (`npm ci`) and Debian (`apt-get`); Trunk itself never fetches anything.

use crate::run::{cmd, output, root, run};

/// Trunk's version: 0.22 needs a newer rustc than the pinned toolchain.
const TRUNK_VERSION: &str = "0.21.14";

/// What a step needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building the release site.
    Build,
    /// Building and testing in Debian's chromium.
    Test,
}

/// Installs everything missing for `needs`.
pub fn setup(needs: Needs) -> Result<(), String> {
    println!("xtask: checking tools (installing whatever is missing)");
    run(&mut cmd(
        "rustup",
        &["target", "add", "wasm32-unknown-unknown"],
    ))?;
    npm_packages()?;
    cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    let bindgen = wasm_bindgen_version()?;
    // Not `--locked`: the registry mirror lacks one of its locked dependencies.
    cargo_tool(
        "wasm-bindgen",
        &bindgen,
        &["install", "wasm-bindgen-cli", "--version", &bindgen],
    )?;
    if needs == Needs::Test {
        chromium()?;
    }
    run(&mut cmd("cargo", &["fetch", "--locked"]))
}

/// The wasm-bindgen version in Cargo.lock; the CLI must be exactly this version.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        let version = lines.next().and_then(|l| l.strip_prefix("version = \""));
        if let (true, Some(version)) = (line == "name = \"wasm-bindgen\"", version) {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// Installs a cargo tool unless `<binary> --version` already reports `version`.
fn cargo_tool(binary: &str, version: &str, install: &[&str]) -> Result<(), String> {
    let installed = output(&mut cmd(binary, &["--version"])).unwrap_or_default();
    if installed.split_whitespace().any(|word| word == version) {
        println!("xtask: {binary} {version} is installed");
        return Ok(());
    }
    println!("xtask: installing {binary} {version} (takes a few minutes, once)");
    run(&mut cmd("cargo", install))
}

/// Installs the npm packages of package-lock.json (wasm-opt, axe-core) unless they are current.
fn npm_packages() -> Result<(), String> {
    let lock = root().join("package-lock.json");
    let installed = root().join("node_modules/.package-lock.json");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&lock), modified(&installed)) {
        (Some(lock), Some(installed)) if installed >= lock => {
            println!("xtask: npm packages are installed");
            Ok(())
        }
        _ => run(&mut cmd("npm", &["ci", "--no-audit", "--no-fund"])),
    }
}

/// Installs Debian's chromium and chromedriver unless both are there.
fn chromium() -> Result<(), String> {
    let present = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        .iter()
        .all(|p| std::path::Path::new(p).exists());
    if present {
        println!("xtask: chromium and chromedriver are installed");
        return Ok(());
    }
    let sudo = output(&mut cmd("id", &["-u"])).is_some_and(|uid| uid.trim() != "0");
    let apt = |args: &[&str]| {
        let mut all = if sudo { vec!["apt-get"] } else { vec![] };
        all.extend_from_slice(args);
        let mut command = if sudo {
            cmd("sudo", &all)
        } else {
            cmd("apt-get", &all)
        };
        command.env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ])
}
