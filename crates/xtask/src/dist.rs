//! Builds the deployable release site into `dist/` with Trunk, offline, with the pinned tools.

use crate::run::{cmd, root, run};
use crate::setup::{Needs, setup};

/// Sets up and builds the release site.
pub fn dist() -> Result<(), String> {
    setup(Needs::Build)?;
    build()
}

/// Builds the release site; the tools must already be installed.
pub fn build() -> Result<(), String> {
    run(&mut cmd("trunk", &["build", "--release", "--offline"]))?;
    println!(
        "xtask: the release site is in {}",
        root().join("dist").display()
    );
    Ok(())
}
