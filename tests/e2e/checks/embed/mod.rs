//! Checks of embed mode (`?einbettung=1`, `src/embed.rs`) and its loader (`public/embed.js`) as
//! another site uses them: host pages on origins of their own embed a copy of the build, which
//! lets exactly those origins frame it.
//!
//! Every trial serves a copy of the build whose `frame-ancestors` names the trial's host
//! origins ([`sites::AppSite`]), and host pages from small static sites on further ports
//! ([`sites::StaticSite`]); the host pages' own policy allows scripts and frames only from the
//! app's origin and no style at all, so the loader must do without inline script or style.
//! Trials measure inside frames through WebDriver's frame switching, and [`guarded`] returns
//! the shared browser to the top page, the default window size and a blank page whatever
//! happened.

mod accessibility;
mod frames;
mod isolation;
mod messages;
mod sites;
mod sizing;
mod theme;

use std::sync::Arc;

use libtest_mimic::{Failed, Trial};

use super::trial;
use crate::env::{DEFAULT_VIEWPORT, Env, Shared};
use crate::page::report;
use frames::{Recorder, to_top};

/// The `sandbox` attribute that the loader gives its frames (README "Einbetten").
const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox";

/// The start of every warning of the loader.
const LOADER_WARNING: &str = "Aktionsplan Hessen (embed.js): ";

/// The start of every warning of the app about its embed parameters.
const APP_WARNING: &str = "Aktionsplan Hessen, Einbettung: ";

/// The file name of the host page on the host sites.
const HOST_PAGE: &str = "host.html";

/// Every trial of this module, in the order they run; each name starts with `embed::`.
pub fn trials(shared: &Arc<Shared>) -> Vec<Trial> {
    vec![
        trial(
            shared,
            "embed::loader_sizes_two_frames_to_their_content".to_owned(),
            async |env| sizing::loader_sizes_two_frames(env).await,
        ),
        trial(
            shared,
            "embed::theme_attributes_apply_and_invalid_ones_are_ignored".to_owned(),
            async |env| theme::attributes_apply_and_invalid_ones_are_ignored(env).await,
        ),
        trial(
            shared,
            "embed::messages_from_a_foreign_origin_change_nothing".to_owned(),
            async |env| messages::foreign_messages_change_nothing(env).await,
        ),
        trial(
            shared,
            "embed::sandbox_without_same_origin_runs_without_storage_or_worker".to_owned(),
            async |env| isolation::sandbox_and_storage(env).await,
        ),
        trial(
            shared,
            "embed::frame_ancestors_blocks_a_host_that_is_not_allowed".to_owned(),
            async |env| isolation::frame_ancestors_blocks_other_hosts(env).await,
        ),
        trial(
            shared,
            "embed::axe_finds_no_violations_inside_the_frame".to_owned(),
            async |env| accessibility::axe_clean_inside_the_frame(env).await,
        ),
    ]
}

/// Runs `check` at the default window size with the message recorder installed; afterwards
/// returns to the top page, leaves it for a blank one, restores the window and removes the
/// recorder, whatever happened, so that the next trial finds the browser as usual.
async fn guarded(env: &Env, check: impl AsyncFnOnce() -> Result<(), Failed>) -> Result<(), Failed> {
    to_top(env)?;
    env.set_viewport(DEFAULT_VIEWPORT).await?;
    let recorder = Recorder::install(env)?;
    env.browser.take_log()?;
    let outcome = check().await;
    let top = to_top(env);
    let left = env
        .browser
        .client
        .goto("about:blank")
        .await
        .map_err(|e| Failed::from(format!("cannot leave the host page: {e}")));
    let viewport = env.set_viewport(DEFAULT_VIEWPORT).await;
    let removed = recorder.remove(env);
    outcome.and(top).and(left).and(viewport).and(removed)
}

/// Loads `url` in the top page.
async fn goto(env: &Env, url: &str) -> Result<(), Failed> {
    env.browser
        .client
        .goto(url)
        .await
        .map_err(|e| format!("cannot load {url}: {e}").into())
}
