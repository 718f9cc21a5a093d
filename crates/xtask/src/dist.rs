//! Builds the deployable release site into `dist/` with Trunk, offline, with the pinned tools, and
//! writes its response headers to `dist/_headers`.

use crate::headers;
use crate::run::{cmd, root, run};
use crate::setup::{Needs, setup};

/// Sets up and builds the release site.
pub fn dist() -> Result<(), String> {
    setup(Needs::Build)?;
    build()
}

/// Builds the release site and writes `dist/_headers`; the tools must already be installed.
///
/// The `frame-ancestors` setting is checked before Trunk runs, so a bad value stops the build at once.
pub fn build() -> Result<(), String> {
    let frame_ancestors = headers::frame_ancestors_setting()?;
    run(&mut cmd("trunk", &["build", "--release", "--offline"]))?;
    let dist = root().join("dist");
    let csp = headers::write(&dist, &frame_ancestors)?;
    println!("xtask: wrote dist/_headers with Content-Security-Policy: {csp}");
    println!("xtask: the release site is in {}", dist.display());
    Ok(())
}
