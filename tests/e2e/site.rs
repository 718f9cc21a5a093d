//! Finds the built app and serves it on a free local port.

use std::path::PathBuf;

use siteserver::SiteServer;

/// The environment variable that points the tests at another build than `<crate>/dist`.
pub const DIST_VAR: &str = "AKTIONSPLAN_DIST";

/// The directory holding the built app: `$AKTIONSPLAN_DIST`, else `dist/` beside Cargo.toml.
pub fn dist_dir() -> PathBuf {
    std::env::var_os(DIST_VAR)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"))
}

/// The base path the build in [`dist_dir`] was made for: the same setting as the build's,
/// `AKTIONSPLAN_BASE_PATH`, as `/` or `/aktionsplan/`.
pub fn base_path() -> Result<String, String> {
    let var = plan::deploy::BASE_PATH_VAR;
    let value = std::env::var(var).unwrap_or_default();
    plan::deploy::base_path(&value)
        .map(|base| format!("{base}/"))
        .map_err(|why| format!("{var}={value:?}: {why}"))
}

/// Serves the built app; fails with instructions when there is no build.
pub fn serve() -> Result<SiteServer, String> {
    let dist = dist_dir();
    let index = dist.join("index.html");
    if !index.is_file() {
        return Err(format!(
            "{} is missing: run `cargo xtask dist` first (or point {DIST_VAR} at a built site)",
            index.display()
        ));
    }
    let base = base_path()?;
    SiteServer::start_with_base(&dist, "127.0.0.1:0", &base)
        .map_err(|e| format!("cannot serve {} under {base}: {e}", dist.display()))
}
