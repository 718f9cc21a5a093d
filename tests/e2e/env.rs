//! The one browser and site server that all browser trials share, started when the first one needs it.

use std::cell::Cell;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use libtest_mimic::Failed;
use siteserver::SiteServer;
use tokio::runtime::Runtime;

use crate::browser::Browser;
use crate::site;

/// The window size trials get unless they ask for another.
pub const DEFAULT_VIEWPORT: (u32, u32) = (1280, 900);

/// How long one trial may take before it counts as hung.
const TRIAL_LIMIT: Duration = Duration::from_secs(180);

/// A browser session pointed at the served build.
pub struct Env {
    /// The browser session.
    pub browser: Browser,
    /// The server of the built app; kept alive as long as the browser uses it.
    site: SiteServer,
    /// The window size last set.
    pub(crate) viewport: Cell<(u32, u32)>,
    /// Whether the viewport is currently forced through the DevTools protocol.
    pub(crate) emulated: Cell<bool>,
    /// The runtime that drives the WebDriver client; dropped last.
    pub rt: Runtime,
}

impl Env {
    /// Serves the build and opens the browser; the build is checked first, for the clearest message.
    fn start() -> Result<Env, String> {
        let site = site::serve()?;
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the async runtime: {e}"))?;
        let (width, height) = DEFAULT_VIEWPORT;
        let browser = rt.block_on(Browser::start(width, height))?;
        Ok(Env {
            browser,
            site,
            viewport: Cell::new(DEFAULT_VIEWPORT),
            emulated: Cell::new(false),
            rt,
        })
    }

    /// The absolute URL of the route path `path` on the test server, under the base path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{path}", self.origin(), self.base())
    }

    /// The base path the build was made for, without its trailing slash: `""` at the root.
    pub fn base(&self) -> &str {
        self.site.base().as_str().trim_end_matches('/')
    }

    /// The test server's origin, such as `http://127.0.0.1:39211`.
    pub fn origin(&self) -> String {
        self.site.url()
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        // Ending the session politely first; the driver's process group is killed afterwards anyway.
        let client = self.browser.client.clone();
        let _ = self
            .rt
            .block_on(async { tokio::time::timeout(Duration::from_secs(5), client.close()).await });
    }
}

/// The lazily started [`Env`], or why it could not start.
pub struct Shared {
    state: Mutex<State>,
}

/// Whether the shared environment was started yet, and how that went.
enum State {
    NotStarted,
    Ready(Box<Env>),
    Broken(String),
}

impl Shared {
    /// A handle for the trials; nothing starts until the first browser trial runs.
    pub fn new() -> Arc<Shared> {
        Arc::new(Shared {
            state: Mutex::new(State::NotStarted),
        })
    }

    /// Runs one browser trial, starting the environment first if needed.
    ///
    /// A failed start fails this and every later browser trial with the same message.
    pub fn run(&self, check: impl AsyncFnOnce(&Env) -> Result<(), Failed>) -> Result<(), Failed> {
        // A trial that panicked poisons the lock; the browser is still usable for the next one.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let State::NotStarted = *state {
            *state = match Env::start() {
                Ok(env) => State::Ready(Box::new(env)),
                Err(why) => State::Broken(why),
            };
        }
        match &*state {
            State::Ready(env) => env.rt.block_on(async {
                tokio::time::timeout(TRIAL_LIMIT, check(env))
                    .await
                    .unwrap_or_else(|_| Err(format!("gave up after {TRIAL_LIMIT:?}").into()))
            }),
            State::Broken(why) => Err(why.as_str().into()),
            State::NotStarted => unreachable!("the environment was just started"),
        }
    }

    /// Closes the browser, kills chromedriver's process group and stops the server.
    pub fn shut_down(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        *state = State::NotStarted;
    }
}
