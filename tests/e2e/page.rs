//! Page-level helpers: load a route, wait for the app, run scripts, read the browser's log.

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use libtest_mimic::Failed;
use serde_json::{Value as Json, json};

use crate::env::{DEFAULT_VIEWPORT, Env};
use crate::routes::Route;

/// How long the app may take to show a page's heading and start.
///
/// A liveness limit, not a speed goal (speed is measured by `cargo xtask lighthouse`): a fresh
/// browser's very first page on a loaded 2-core machine (compilers running beside the tests) has
/// twice taken longer than 10 s to start the app, while it starts in well under a second
/// otherwise. An app that never starts still fails, after 30 s.
pub const APP_LIMIT: Duration = Duration::from_secs(30);

/// How long focus moves and live-region announcements may take after a page appeared.
pub const SETTLE_LIMIT: Duration = Duration::from_secs(3);

/// JavaScript that collapses whitespace like the tests' own [`normalize`].
pub const NORMALIZE_JS: &str =
    "const norm = s => (s || '').replace(/[\\u00ad\\u200b]/g, '').replace(/\\s+/g, ' ').trim();";

/// Collapses runs of whitespace (including no-break spaces) to one space, drops soft hyphens and
/// zero-width spaces, and trims: the page's line breaks and typography are not the text.
pub fn normalize(text: &str) -> String {
    text.replace(['\u{ad}', '\u{200b}'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fails with every problem found, one per line under `context`; succeeds when there is none.
pub fn report(context: &str, problems: Vec<String>) -> Result<(), Failed> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{context}:\n  {}", problems.join("\n  ")).into())
    }
}

/// Prefixes a failure's message with `context`, such as "after reloading".
pub fn within(context: impl std::fmt::Display) -> impl FnOnce(Failed) -> Failed {
    move |e| format!("{context}: {}", e.message().unwrap_or("failed")).into()
}

impl Env {
    /// Runs `script` as the body of a function in the page, with `arguments` bound to `args`.
    ///
    /// Scripts can call `routePath(p)`, which removes the site's base path from a path or link,
    /// so that they compare route paths whatever the build's base path is.
    pub async fn js(&self, script: &str, args: Vec<Json>) -> Result<Json, Failed> {
        let script = format!(
            "const e2eBase = {:?}; \
             const routePath = p => (typeof p === 'string' && e2eBase && p.startsWith(e2eBase)) \
               ? (p.slice(e2eBase.length) || '/') : p; {script}",
            self.base()
        );
        self.browser
            .client
            .execute(&script, args)
            .await
            .map_err(|e| {
                let start: String = script.chars().take(120).collect();
                format!("script failed: {e}\n  script: {start}…").into()
            })
    }

    /// Evaluates `script` every 100 ms until `done` accepts its value or `limit` passes.
    ///
    /// Returns the last value and whether `done` accepted it, so that the caller can say what it saw.
    pub async fn js_until(
        &self,
        script: &str,
        limit: Duration,
        done: impl Fn(&Json) -> bool,
    ) -> Result<(Json, bool), Failed> {
        let deadline = Instant::now() + limit;
        loop {
            let value = self.js(script, vec![]).await?;
            if done(&value) {
                return Ok((value, true));
            }
            if Instant::now() > deadline {
                return Ok((value, false));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Loads `route` by URL in a window of the default size and waits for its heading.
    pub async fn open(&self, route: &Route) -> Result<(), Failed> {
        self.open_at(route, DEFAULT_VIEWPORT).await
    }

    /// Loads `route` by URL at the given viewport size and waits for its heading.
    ///
    /// The browser log is drained first, so [`Env::log`] afterwards holds only this load's entries.
    pub async fn open_at(&self, route: &Route, viewport: (u32, u32)) -> Result<(), Failed> {
        self.load(route, viewport).await?;
        self.wait_for_heading(route).await
    }

    /// Sets the viewport, drains the browser log and loads `route` by URL.
    async fn load(&self, route: &Route, viewport: (u32, u32)) -> Result<(), Failed> {
        self.set_viewport(viewport).await?;
        self.browser.take_log()?;
        let url = self.url(route.path);
        self.browser
            .client
            .goto(&url)
            .await
            .map_err(|e| format!("cannot load {url}: {e}").into())
    }

    /// Loads `route` with JavaScript switched off (the DevTools protocol's
    /// `Emulation.setScriptExecutionDisabled`; WebDriver's own scripts still run) and waits for
    /// its heading. JavaScript stays off, for following links; trials switch it on again with
    /// [`Env::set_scripts`] whatever happened.
    pub async fn open_without_scripts(
        &self,
        route: &Route,
        viewport: (u32, u32),
    ) -> Result<(), Failed> {
        self.set_scripts(false)?;
        self.load(route, viewport).await?;
        self.wait_for_static_heading(route).await
    }

    /// Switches the page's own JavaScript on or off.
    pub fn set_scripts(&self, enabled: bool) -> Result<(), Failed> {
        self.browser.cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": !enabled }),
        )?;
        Ok(())
    }

    /// Waits until a page that was loaded without JavaScript shows `route.h1`, and checks that
    /// the app indeed did not run.
    pub async fn wait_for_static_heading(&self, route: &Route) -> Result<(), Failed> {
        let script = format!(
            "{NORMALIZE_JS} return {{ ready: document.readyState, \
             app: document.documentElement.getAttribute('data-app'), \
             h1: Array.from(document.querySelectorAll('h1'), h => norm(h.textContent)) }};"
        );
        let (seen, done) = self
            .js_until(&script, APP_LIMIT, |v| {
                v["ready"] == "complete"
                    && v["h1"]
                        .as_array()
                        .is_some_and(|h| h.iter().any(|t| *t == route.h1))
            })
            .await?;
        if !done {
            return Err(format!(
                "{} without JavaScript: after {APP_LIMIT:?} the page shows <h1> {} (readyState {}), expected {:?}",
                route.path, seen["h1"], seen["ready"], route.h1
            )
            .into());
        }
        if !seen["app"].is_null() {
            return Err(format!(
                "{}: the app ran (data-app {}) although JavaScript was off",
                route.path, seen["app"]
            )
            .into());
        }
        Ok(())
    }

    /// Waits until the document has loaded, the app runs (`data-app` on `<html>`) and an `<h1>`
    /// reads `route.h1` (other checks count them).
    pub async fn wait_for_heading(&self, route: &Route) -> Result<(), Failed> {
        let script = format!(
            "{NORMALIZE_JS} return {{ ready: document.readyState, path: routePath(location.pathname), \
             app: document.documentElement.getAttribute('data-app'), \
             h1: Array.from(document.querySelectorAll('h1'), h => norm(h.textContent)) }};"
        );
        let (seen, done) = self
            .js_until(&script, APP_LIMIT, |v| {
                v["ready"] == "complete"
                    && v["app"].is_string()
                    && v["h1"]
                        .as_array()
                        .is_some_and(|h| h.iter().any(|t| *t == route.h1))
            })
            .await?;
        if done {
            Ok(())
        } else {
            Err(format!(
                "{}: after {APP_LIMIT:?} the page shows <h1> {} (readyState {}, path {}, app {}), expected {:?}",
                route.path, seen["h1"], seen["ready"], seen["path"], seen["app"], route.h1
            )
            .into())
        }
    }

    /// Waits until every image of the page has finished loading or failed; scrolls to the end
    /// first, so that lazily loaded images load too, and back to the top when done.
    pub async fn wait_for_images(&self) -> Result<(), Failed> {
        self.js(
            "window.scrollTo(0, document.documentElement.scrollHeight);",
            vec![],
        )
        .await?;
        let script = "return Array.from(document.images).filter(i => !i.complete).map(i => i.src);";
        let (pending, done) = self
            .js_until(script, APP_LIMIT, |v| {
                v.as_array().is_some_and(|a| a.is_empty())
            })
            .await?;
        self.js("window.scrollTo(0, 0);", vec![]).await?;
        if done {
            Ok(())
        } else {
            Err(format!("images still loading after {APP_LIMIT:?}: {pending}").into())
        }
    }

    /// Presses and releases the Tab key.
    pub async fn press_tab(&self) -> Result<(), Failed> {
        self.press_keys(&char::from(Key::Tab).to_string(), false)
            .await
    }

    /// Presses and releases each character of `keys` (text or [`Key`] codes) in order on the
    /// focused element; with `shift`, Shift is held down throughout (Shift+Tab).
    pub async fn press_keys(&self, keys: &str, shift: bool) -> Result<(), Failed> {
        let mut actions = KeyActions::new("keyboard".to_owned());
        let shift_key = char::from(Key::Shift);
        if shift {
            actions = actions.then(KeyAction::Down { value: shift_key });
        }
        for key in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        if shift {
            actions = actions.then(KeyAction::Up { value: shift_key });
        }
        self.browser
            .client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("cannot press keys {keys:?}: {e}").into())
    }

    /// A short description of the focused element, such as `<a class="skip-link" href="#inhalt">`.
    pub async fn describe_focus(&self) -> Result<String, Failed> {
        let value = self
            .js(
                "const e = document.activeElement; \
                 return e ? e.outerHTML.slice(0, e.outerHTML.indexOf('>') + 1) : 'nothing';",
                vec![],
            )
            .await?;
        Ok(value.as_str().unwrap_or("nothing").to_owned())
    }

    /// The browser log entries since the last page load or call.
    pub fn log(&self) -> Result<Vec<Json>, Failed> {
        Ok(self.browser.take_log()?)
    }

    /// Resizes the window so that the page's layout viewport is `width` pixels wide.
    ///
    /// Chromium may refuse windows narrower than its minimum window width (500 px on some
    /// platforms); then the viewport is forced with the DevTools protocol's
    /// `Emulation.setDeviceMetricsOverride`, and cleared again when a wider size is asked for.
    pub async fn set_viewport(&self, (width, height): (u32, u32)) -> Result<(), Failed> {
        if self.viewport.get() == (width, height) {
            return Ok(());
        }
        if self.emulated.replace(false) {
            self.browser
                .cdp("Emulation.clearDeviceMetricsOverride", json!({}))?;
        }
        self.browser
            .client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("cannot resize the window to {width}×{height}: {e}"))?;
        let inner = self.js("return window.innerWidth;", vec![]).await?;
        if inner != width {
            self.browser.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
            )?;
            self.emulated.set(true);
        }
        self.viewport.set((width, height));
        Ok(())
    }
}
