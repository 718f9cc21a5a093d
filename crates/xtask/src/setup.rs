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
    locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| "Cargo.lock has no wasm-bindgen package".into())
}

/// The version of package `name` in the text of a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let lines: Vec<&str> = lock.lines().collect();
    lines.windows(2).find_map(|pair| match pair {
        [line, version] if *line == wanted => version
            .strip_prefix("version = \"")
            .map(|v| v.trim_end_matches('"').to_owned()),
        _ => None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locked_version_finds_the_named_package_only() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "trunk"), None);
    }

    /// Guards that the pinned `=0.2.130` in Cargo.toml and the CLI that setup installs agree.
    #[test]
    fn wasm_bindgen_version_matches_the_pin_in_cargo_toml() {
        let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
        let version = wasm_bindgen_version().unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={version}\"")),
            "{version}"
        );
    }
}
