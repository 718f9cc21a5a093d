//! Frames in the shared browser: entering one and always returning to the top page, measuring a
//! frame from the host page and from inside, and recording the messages that reach the host page.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use libtest_mimic::Failed;
use serde_json::{Value as Json, json};

use crate::env::Env;
use crate::page::{APP_LIMIT, NORMALIZE_JS};
use crate::routes::Route;

/// How long a frame may take to fit its content again after a change.
pub const FIT_LIMIT: Duration = Duration::from_secs(5);

/// How far (in CSS pixels) a frame's height may differ from its content's.
const TOLERANCE: f64 = 2.0;

/// JavaScript on the host page describing the frame that the selector `arguments[0]` finds.
const OUTER_JS: &str = "const f = document.querySelector(arguments[0]); \
    if (!f) return null; \
    const r = f.getBoundingClientRect(); \
    const src = f.getAttribute('src') ? new URL(f.getAttribute('src'), location.href) : null; \
    return { top: r.top, height: r.height, width: r.width, style: f.style.height, \
      title: f.getAttribute('title'), loading: f.getAttribute('loading'), \
      sandbox: f.getAttribute('sandbox'), src: src && src.href, \
      srcOrigin: src && src.origin, srcPath: src && routePath(src.pathname), \
      params: src ? Object.fromEntries(src.searchParams) : null };";

/// JavaScript inside a frame describing its document: whether the app runs, the page, the size
/// of the root element's box and its scrolling area, and the document's origin.
const INNER_JS: &str = "const d = document.documentElement; \
    return { ready: document.readyState, app: d.getAttribute('data-app'), \
      path: routePath(location.pathname), title: document.title, origin: self.origin, \
      h1: Array.from(document.querySelectorAll('h1'), h => norm(h.textContent)), \
      box: d.getBoundingClientRect().height, scrollHeight: d.scrollHeight, \
      clientHeight: d.clientHeight };";

/// JavaScript run before every document of the tab: on the top page only, it records every
/// message event (its origin, the `id` of the element around the frame that sent it, or `top`
/// for the page itself, and the data) in `window.__e2eMessages`.
const RECORDER_JS: &str = "if (window === window.top && !window.__e2eMessages) { \
    window.__e2eMessages = []; \
    window.addEventListener('message', e => { \
      let from = e.source === window ? 'top' : null; \
      for (const f of document.querySelectorAll('iframe')) { \
        if (f.contentWindow === e.source) { const el = f.closest('[id]'); from = el ? el.id : '?'; } \
      } \
      let data; \
      try { data = JSON.parse(JSON.stringify(e.data)); } catch (_) { data = String(e.data); } \
      window.__e2eMessages.push({ origin: e.origin, from, data }); \
    }); \
  }";

/// The recorder of messages, installed through the DevTools protocol so that it runs before any
/// script of a page, and removed again at the end of a trial.
pub struct Recorder(String);

impl Recorder {
    /// Installs the recorder for every page loaded from now on.
    pub fn install(env: &Env) -> Result<Recorder, Failed> {
        let added = env.browser.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": RECORDER_JS }),
        )?;
        let id = added["identifier"].as_str().ok_or_else(|| {
            format!("the DevTools protocol gave the script no identifier: {added}")
        })?;
        Ok(Recorder(id.to_owned()))
    }

    /// Removes the recorder, so that later pages run without it.
    pub fn remove(self, env: &Env) -> Result<(), Failed> {
        env.browser.cdp(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({ "identifier": self.0 }),
        )?;
        Ok(())
    }
}

/// The messages the top page received so far, as [`RECORDER_JS`] records them.
pub async fn messages(env: &Env) -> Result<Vec<Json>, Failed> {
    let recorded = env
        .js("return window.__e2eMessages || null;", vec![])
        .await?;
    match recorded {
        Json::Array(list) => Ok(list),
        other => Err(format!("the host page has no message recorder: {other}").into()),
    }
}

/// The size reports (`aktionsplan:hoehe`) among `messages` that came from the frame in the
/// element with the id `from`.
pub fn reports<'a>(messages: &'a [Json], from: &str) -> Vec<&'a Json> {
    messages
        .iter()
        .filter(|m| m["from"] == from && m["data"]["type"] == "aktionsplan:hoehe")
        .collect()
}

/// Returns the session to the top page (WebDriver's "Switch To Frame" with `null`, for which
/// fantoccini has no method).
pub fn to_top(env: &Env) -> Result<(), Failed> {
    env.browser
        .driver_command("frame", &json!({ "id": null }))
        .map_err(|e| format!("cannot return to the top page: {e}"))?;
    Ok(())
}

/// Runs `check` inside the frame that the CSS selector `frame` finds on the top page, and
/// returns to the top page afterwards, whatever happened.
pub async fn in_frame<T>(
    env: &Env,
    frame: &str,
    check: impl AsyncFnOnce() -> Result<T, Failed>,
) -> Result<T, Failed> {
    let element = env
        .browser
        .client
        .find(Locator::Css(frame))
        .await
        .map_err(|e| format!("the host page has no frame {frame}: {e}"))?;
    element
        .enter_frame()
        .await
        .map_err(|e| format!("cannot enter the frame {frame}: {e}"))?;
    let outcome = check().await;
    let back = to_top(env);
    let value = outcome?;
    back.map(|()| value)
}

/// What the host page sees of the frame `frame` ([`OUTER_JS`]); fails when there is none.
pub async fn outer(env: &Env, frame: &str) -> Result<Json, Failed> {
    let seen = env.js(OUTER_JS, vec![json!(frame)]).await?;
    if seen.is_null() {
        return Err(format!("the host page has no frame {frame}").into());
    }
    Ok(seen)
}

/// What the document inside the frame `frame` says of itself ([`INNER_JS`]); a document that
/// is just being replaced gives its error as a string, so that pollers try again.
pub async fn inner(env: &Env, frame: &str) -> Json {
    let script = format!("{NORMALIZE_JS} {INNER_JS}");
    let seen = in_frame(env, frame, async || env.js(&script, vec![]).await).await;
    seen.unwrap_or_else(|e| Json::String(e.message().unwrap_or("failed").to_owned()))
}

/// Scrolls the host page so that the frame `frame` is in view (a lazy frame loads only then),
/// and waits until the app runs inside and shows `route`'s heading.
pub async fn wait_started(env: &Env, frame: &str, route: &Route) -> Result<(), Failed> {
    env.js(
        "const f = document.querySelector(arguments[0]); \
         if (f) f.scrollIntoView({ block: 'start', behavior: 'instant' });",
        vec![json!(frame)],
    )
    .await?;
    let deadline = Instant::now() + APP_LIMIT;
    loop {
        let seen = inner(env, frame).await;
        if shows(&seen, route) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "{frame}: after {APP_LIMIT:?} the app in the frame does not show {}: {seen}",
                route.path
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether [`INNER_JS`]'s description says that the app runs and shows `route`'s heading.
fn shows(inner: &Json, route: &Route) -> bool {
    inner["ready"] == "complete"
        && inner["app"].is_string()
        && inner["path"] == route.path
        && inner["h1"]
            .as_array()
            .is_some_and(|h| h.iter().any(|t| *t == route.h1))
}

/// Whether the frame is as high as its content: its height on the host page is the height of
/// the root element's box and of its scrolling area, within [`TOLERANCE`], and nothing inside
/// scrolls.
pub fn fits(outer: &Json, inner: &Json) -> bool {
    let number = |v: &Json| v.as_f64().unwrap_or(f64::NAN);
    let height = number(&outer["height"]);
    let (scroll, client) = (
        number(&inner["scrollHeight"]),
        number(&inner["clientHeight"]),
    );
    (height - number(&inner["box"])).abs() <= TOLERANCE
        && (height - scroll).abs() <= TOLERANCE
        && scroll <= client
}

/// Waits until the frame `frame` shows `route` and [`fits`] its content, and `also` accepts what
/// the host page sees of it; returns what the host page and the frame's document said last.
pub async fn wait_fit(
    env: &Env,
    frame: &str,
    route: &Route,
    also: impl Fn(&Json) -> bool,
) -> Result<(Json, Json), Failed> {
    let deadline = Instant::now() + FIT_LIMIT;
    loop {
        let (seen_outside, seen_inside) = (outer(env, frame).await?, inner(env, frame).await);
        if shows(&seen_inside, route) && fits(&seen_outside, &seen_inside) && also(&seen_outside) {
            return Ok((seen_outside, seen_inside));
        }
        if Instant::now() > deadline {
            return Err(format!(
                "{frame} with {}: after {FIT_LIMIT:?} the frame is {} px high (style {}, top {}, \
                 title {}); its document's root box is {} px, scrollHeight {}, clientHeight {} \
                 (path {}, h1 {})",
                route.path,
                seen_outside["height"],
                seen_outside["style"],
                seen_outside["top"],
                seen_outside["title"],
                seen_inside["box"],
                seen_inside["scrollHeight"],
                seen_inside["clientHeight"],
                seen_inside["path"],
                seen_inside["h1"]
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Reads the browser log every 100 ms, keeping every entry, until `done` accepts the entries
/// read so far or `limit` passes; returns them and whether `done` accepted them.
pub async fn log_until(
    env: &Env,
    limit: Duration,
    done: impl Fn(&[Json]) -> bool,
) -> Result<(Vec<Json>, bool), Failed> {
    let deadline = Instant::now() + limit;
    let mut entries = Vec::new();
    loop {
        entries.extend(env.log()?);
        if done(&entries) {
            return Ok((entries, true));
        }
        if Instant::now() > deadline {
            return Ok((entries, false));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The messages of the log entries whose message contains `text`.
pub fn entries_with<'a>(entries: &'a [Json], text: &str) -> Vec<&'a str> {
    entries
        .iter()
        .filter_map(|e| e["message"].as_str())
        .filter(|m| m.contains(text))
        .collect()
}
