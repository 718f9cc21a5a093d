//! `cargo xtask test`: every check and test, in order from fastest to slowest; stops at the first
//! failure and exits non-zero.

use crate::run::{cmd, root, run};
use crate::setup::{Needs, setup};

/// Sets up (chromium included) and runs formatting and lint checks, native tests, the release
/// build, the browser tests (wasm-bindgen-test) and the end-to-end tests.
pub fn test() -> Result<(), String> {
    setup(Needs::Test)?;
    run(&mut cmd("cargo", &["fmt", "--all", "--check"]))?;
    run(&mut cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    run(&mut cmd(
        "cargo",
        &[
            "clippy",
            "-p",
            "aktionsplan",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    // Native tests of every crate; the app's end-to-end suite needs the release build and runs below.
    run(&mut cmd(
        "cargo",
        &[
            "test",
            "--workspace",
            "--exclude",
            "aktionsplan",
            "--locked",
        ],
    ))?;
    run(&mut cmd(
        "cargo",
        &["test", "-p", "aktionsplan", "--lib", "--locked"],
    ))?;
    crate::dist::build()?;
    let mut browser = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "aktionsplan",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
        ],
    );
    browser.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    run(&mut browser)?;
    let mut e2e = cmd(
        "cargo",
        &["test", "-p", "aktionsplan", "--test", "e2e", "--locked"],
    );
    e2e.env("AKTIONSPLAN_DIST", root().join("dist"));
    run(&mut e2e)?;
    println!("xtask: all checks and tests passed");
    Ok(())
}
