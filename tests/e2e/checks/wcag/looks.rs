//! The colour schemes the accessibility trials emulate: light, dark and forced colours (Windows
//! high contrast), through the DevTools protocol's `Emulation.setEmulatedMedia`.

use libtest_mimic::Failed;
use serde_json::json;

use crate::env::Env;

/// One emulated look of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// The light scheme, no forced colours.
    Light,
    /// `prefers-color-scheme: dark`.
    Dark,
    /// `forced-colors: active`, as with a Windows contrast theme.
    Forced,
}

/// Every look, in the order the trials run.
pub const LOOKS: [Look; 3] = [Look::Light, Look::Dark, Look::Forced];

impl Look {
    /// The look's name in trial names.
    pub fn name(self) -> &'static str {
        match self {
            Look::Light => "light",
            Look::Dark => "dark",
            Look::Forced => "forced_colors",
        }
    }
}

/// Emulates `look` for the following page loads; [`Look::Light`] clears the emulation.
pub fn emulate(env: &Env, look: Look) -> Result<(), Failed> {
    let (scheme, forced) = match look {
        Look::Light => ("light", "none"),
        Look::Dark => ("dark", "none"),
        Look::Forced => ("light", "active"),
    };
    env.browser.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "media": "", "features": [
            { "name": "prefers-color-scheme", "value": scheme },
            { "name": "forced-colors", "value": forced },
        ] }),
    )?;
    Ok(())
}

/// Runs `check` with `look` emulated, and clears the emulation afterwards whatever happened, so
/// that the shared browser is left as it was found.
pub async fn with_look<T>(
    env: &Env,
    look: Look,
    check: impl AsyncFnOnce() -> Result<T, Failed>,
) -> Result<T, Failed> {
    emulate(env, look)?;
    let outcome = check().await;
    let cleared = env.browser.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "media": "", "features": [] }),
    );
    let value = outcome?;
    cleared?;
    Ok(value)
}
