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
    e2e.env("AKTIONSPLAN_DIST", root().join("dist"));
    run(&mut e2e)?;
    println!("xtask: all checks and tests passed");
    Ok(())
}

/// Runs cargo with the given arguments in the workspace root.
fn cargo(args: &[&str]) -> Result<(), String> {
    run(&mut cmd("cargo", args))
}
