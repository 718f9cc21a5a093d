//! `cargo xtask test`: every check and test, in order from fastest to slowest; stops at the first
//! failure and exits non-zero.

use crate::run::{cmd, root, run};
use crate::setup::{Needs, setup};

/// The wasm target, for clippy and the browser tests.
const WASM: &str = "wasm32-unknown-unknown";

/// Sets up (chromium included) and runs formatting and lint checks, native tests, the release
/// build, the browser tests (wasm-bindgen-test) and the end-to-end tests.
pub fn test() -> Result<(), String> {
    setup(Needs::Test)?;
    cargo(&["fmt", "--all", "--check"])?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "aktionsplan/ssr",
        "--locked",
        "--",
        "-D",
        "warnings",
    ])?;
    // For wasm, the app's library, binary and browser tests as Trunk builds them (hydrating); the
    // e2e suite and the pre-renderer are host-only.
    let wasm_targets = ["--lib", "--bins", "--test", "browser"];
    let mut wasm_clippy = vec![
        "clippy",
        "-p",
        "aktionsplan",
        "--target",
        WASM,
        "--features",
        "hydrate",
        "--locked",
    ];
    wasm_clippy.extend(wasm_targets);
    wasm_clippy.extend(["--", "-D", "warnings"]);
    cargo(&wasm_clippy)?;
    // Native tests of every crate; the app's end-to-end suite needs the release build and runs below.
    cargo(&[
        "test",
        "--workspace",
        "--exclude",
        "aktionsplan",
        "--locked",
    ])?;
    // Natively the app is always built as the pre-renderer (`ssr`), so the unit tests, the
    // pre-rendering in `dist` and the e2e suite share one build.
    cargo(&[
        "test",
        "-p",
        "aktionsplan",
        "--features",
        "ssr",
        "--lib",
        "--locked",
    ])?;
    crate::dist::build()?;
    print!(
        "{}",
        crate::budget::check(&root().join("dist"), &root().join(crate::budget::FILE))?
    );
    let mut browser = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "aktionsplan",
            "--target",
            WASM,
            "--features",
            "csr",
            "--test",
            "browser",
            "--locked",
        ],
    );
    browser.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    run(&mut browser)?;
    let root_settings = crate::dist::settings()?;
    e2e(&root().join("dist"), &root_settings.public_url)?;
    // The same suite against a build for a sub-path, as government sites host it; in its own
    // folder, so that `dist/` stays the build for the root.
    let sub_path = crate::dist::Settings {
        public_url: SUB_PATH.to_owned(),
        ..root_settings
    };
    let sub_dist = root().join("target/dist-unterpfad");
    crate::dist::build_into(&sub_path, &sub_dist)?;
    e2e(&sub_dist, SUB_PATH)?;
    println!("xtask: all checks and tests passed");
    Ok(())
}

/// The sub-path the second end-to-end run builds for.
const SUB_PATH: &str = "/aktionsplan/";

/// Runs the end-to-end suite against the build in `dist`, made for the base path `base`.
fn e2e(dist: &std::path::Path, base: &str) -> Result<(), String> {
    println!(
        "xtask: end-to-end tests of {} (base path {base})",
        dist.display()
    );
    let mut e2e = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "aktionsplan",
            "--features",
            "ssr",
            "--test",
            "e2e",
            "--locked",
        ],
    );
    e2e.env("AKTIONSPLAN_DIST", dist)
        .env(plan::deploy::BASE_PATH_VAR, base);
    run(&mut e2e)
}

/// Runs cargo with the given arguments in the workspace root.
fn cargo(args: &[&str]) -> Result<(), String> {
    run(&mut cmd("cargo", args))
}
