//! End-to-end tests: the built app in `dist/`, served by `siteserver`, driven in headless Chromium.
//!
//! Run with `cargo test -p aktionsplan --test e2e` after `cargo xtask dist` (or point
//! `AKTIONSPLAN_DIST` at another build). All browser trials share one browser, so they run on
//! one thread; libtest's filters work as usual, e.g. `-- axe_finds_no_violations` or `-- sentences`.

mod axe;
mod browser;
mod checks;
mod env;
mod page;
mod routes;
mod sentences;
mod site;

use std::process::ExitCode;

use libtest_mimic::Arguments;

fn main() -> ExitCode {
    let mut args = Arguments::from_args();
    // One browser serves all trials, one at a time.
    args.test_threads = Some(1);
    let shared = env::Shared::new();
    let mut trials = sentences::trials();
    trials.extend(checks::trials(&shared));
    let conclusion = libtest_mimic::run(&args, trials);
    // `exit_code` does not end the process, but make the browser's end explicit before returning.
    shared.shut_down();
    conclusion.exit_code()
}
