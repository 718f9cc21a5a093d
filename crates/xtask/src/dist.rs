//! Builds the deployable release site into `dist/`: Trunk builds the browser app (offline, with
//! the pinned tools), the native pre-renderer writes every page's HTML into Trunk's shell, and
//! the response headers go to `dist/_headers`.
//!
//! Two settings shape the build, both checked before anything runs: `AKTIONSPLAN_BASE_PATH` (the
//! sub-path the site is served under; Trunk's `--public-url`, and compiled into the app by
//! `build.rs`) and `AKTIONSPLAN_ORIGIN` (for canonical URLs); `AKTIONSPLAN_FRAME_ANCESTORS` goes
//! into the Content-Security-Policy.

use crate::headers;
use crate::run::{cmd, root, run};
use crate::setup::{Needs, setup};
use std::path::Path;
use std::process::Command;

/// Sets up and builds the release site into `dist/`, or with `--dist DIR` into another folder
/// (for comparing builds, or testing one while another stays in place).
pub fn dist(args: &[String]) -> Result<(), String> {
    let usage = "usage: cargo xtask dist [--dist DIR]";
    let out = match args {
        [] => root().join("dist"),
        [flag, dir] if flag == "--dist" => std::path::PathBuf::from(dir),
        _ => return Err(format!("unexpected arguments {args:?}; {usage}")),
    };
    setup(Needs::Build)?;
    build_into(&settings()?, &out)
}

/// The settings of a build, read from the environment and checked.
pub struct Settings {
    /// The base path as Trunk's public URL: `/` or `/aktionsplan/`.
    pub public_url: String,
    /// The origin of canonical URLs.
    pub origin: String,
    /// The `frame-ancestors` sources.
    pub frame_ancestors: String,
}

/// Reads and checks every build setting, so a bad value stops the build before Trunk runs.
pub fn settings() -> Result<Settings, String> {
    let read = |var: &str, check: fn(&str) -> Result<String, String>| {
        let value = std::env::var(var).unwrap_or_default();
        check(&value).map_err(|why| format!("{var}={value:?}: {why}"))
    };
    let base = read(plan::deploy::BASE_PATH_VAR, plan::deploy::base_path)?;
    Ok(Settings {
        public_url: format!("{base}/"),
        origin: read(plan::deploy::ORIGIN_VAR, plan::deploy::origin)?,
        frame_ancestors: headers::frame_ancestors_setting()?,
    })
}

/// Builds the release site into `dist/` with the settings of the environment; the tools must
/// already be installed.
pub fn build() -> Result<(), String> {
    build_into(&settings()?, &root().join("dist"))
}

/// Builds the release site with `settings` into the folder `dist` and writes its `_headers`.
///
/// The settings go to Trunk and to the pre-renderer's build explicitly, so a build for a sub-path
/// (as the tests make) does not depend on the caller's environment.
pub fn build_into(settings: &Settings, dist: &Path) -> Result<(), String> {
    println!(
        "xtask: building {} for the base path {} and the origin {}",
        dist.display(),
        settings.public_url,
        settings.origin
    );
    let with_settings = |mut command: Command| {
        command
            .env(plan::deploy::BASE_PATH_VAR, &settings.public_url)
            .env(plan::deploy::ORIGIN_VAR, &settings.origin)
            .env(plan::deploy::FRAME_ANCESTORS_VAR, &settings.frame_ancestors);
        command
    };
    run(&mut with_settings(cmd(
        "trunk",
        &[
            "build",
            "--release",
            "--offline",
            "--public-url",
            &settings.public_url,
            "--dist",
            &dist.to_string_lossy(),
        ],
    )))?;
    let shell = dist.join("index.html");
    // The pre-renderer is the app built natively; a debug build renders all pages in well under a
    // second, so the release profile's long optimisation would buy nothing.
    run(&mut with_settings(cmd(
        "cargo",
        &[
            "run",
            "--quiet",
            "--locked",
            "-p",
            "aktionsplan",
            "--features",
            "ssr",
            "--bin",
            "prerender",
            "--",
            &shell.to_string_lossy(),
            &dist.to_string_lossy(),
        ],
    )))?;
    let pwa = crate::pwa::write(dist, &settings.public_url)?;
    println!("xtask: wrote {pwa}");
    let csp = headers::write_with_base(dist, &settings.frame_ancestors, &settings.public_url)?;
    println!("xtask: wrote _headers with Content-Security-Policy: {csp}");
    let compressed = crate::compress::precompress(dist)?;
    println!("xtask: wrote .br and .gz copies of {compressed} files");
    println!("xtask: the release site is in {}", dist.display());
    Ok(())
}
