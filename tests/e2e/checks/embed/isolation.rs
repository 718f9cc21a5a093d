//! What the frame may not do and who may frame it: the app runs in a stricter sandbox than the
//! loader's, stores nothing and registers no worker, and a host that `frame-ancestors` does not
//! name gets no app.

use std::time::{Duration, Instant};

use libtest_mimic::Failed;
use serde_json::Value as Json;

use super::frames::{
    entries_with, in_frame, inner, log_until, messages, outer, reports, wait_fit, wait_started,
};
use super::sites::{AppSite, StaticSite, embed_element, escape, host_page};
use super::{HOST_PAGE, goto, guarded, report};
use crate::env::Env;
use crate::page::{SETTLE_LIMIT, within};
use crate::routes::route;

/// The id of the hand-written, strictly sandboxed frame.
const SANDBOXED_ID: &str = "sandbox";

/// The sandbox of the hand-written frame: scripts, forms and popups, but no own origin.
const STRICT_SANDBOX: &str = "allow-scripts allow-forms allow-popups";

/// The id of the loader's element.
const EMBED_ID: &str = "einbettung";

/// How long the app runs in the loader's frame before its storage is looked at.
const RUNNING: Duration = Duration::from_secs(2);

/// How long a blocked frame is watched for a size report that must not come.
const BLOCKED_WATCH: Duration = Duration::from_secs(2);

/// How long the browser may take to log a refused frame.
const REFUSAL_LIMIT: Duration = Duration::from_secs(5);

/// JavaScript that describes what the document's origin stores: local and session storage,
/// cookies, caches, IndexedDB databases, service worker registrations and the controller.
const STORAGE_JS: &str = "const sw = navigator.serviceWorker; \
    return { origin: location.origin, local: localStorage.length, session: sessionStorage.length, \
      cookie: document.cookie, caches: await caches.keys(), \
      databases: (await indexedDB.databases()).map(d => d.name), \
      workers: sw ? (await sw.getRegistrations()).map(r => r.scope) : [], \
      controlled: !!(sw && sw.controller) };";

/// JavaScript that removes what the document's origin stores (as [`STORAGE_JS`] lists it).
const CLEAR_JS: &str = "const sw = navigator.serviceWorker; \
    for (const r of sw ? await sw.getRegistrations() : []) await r.unregister(); \
    for (const name of await caches.keys()) await caches.delete(name); \
    localStorage.clear(); sessionStorage.clear(); \
    return true;";

/// A host page holds a hand-written frame of `/leitlinien?einbettung=1` whose sandbox lacks
/// `allow-same-origin`, and a loader's frame of an area page. In the first, the app runs with
/// the origin `"null"` and reports its size to the host page, without errors in the log; in the
/// second, after running for [`RUNNING`], its origin stores nothing and has no worker.
pub async fn sandbox_and_storage(env: &Env) -> Result<(), Failed> {
    let host = StaticSite::start("host")?;
    let app = AppSite::start(&[&host.origin()])?;
    let sandboxed = route("/leitlinien");
    let area = route("/handlungsfelder/sprachfoerderung-und-schule");
    let body = format!(
        "<iframe id=\"{SANDBOXED_ID}\" src=\"{}\" sandbox=\"{STRICT_SANDBOX}\" \
         title=\"Leitlinien des Aktionsplans Hessen\" width=\"600\" height=\"400\"></iframe>\n{}",
        escape(&app.url(&format!("{}?einbettung=1", sandboxed.path))),
        embed_element(EMBED_ID, area.path, &[])
    );
    host.put(HOST_PAGE, &host_page(&app, &[app.origin()], &body))?;
    guarded(env, async || {
        clear_origin(env, &app).await?;
        env.browser.take_log()?;
        goto(env, &host.url(HOST_PAGE)).await?;
        let strict = format!("#{SANDBOXED_ID}");
        wait_started(env, &strict, &sandboxed)
            .await
            .map_err(within("the frame without allow-same-origin"))?;
        let mut problems = Vec::new();
        let seen = inner(env, &strict).await;
        if seen["origin"] != "null" {
            problems.push(format!(
                "the frame without allow-same-origin runs with the origin {}, expected \"null\"",
                seen["origin"]
            ));
        }
        problems.extend(sandboxed_report(env, sandboxed.path).await?);
        let loader = format!("#{EMBED_ID} > iframe");
        wait_started(env, &loader, &area)
            .await
            .map_err(within("the loader's frame"))?;
        tokio::time::sleep(RUNNING).await;
        let stored = in_frame(env, &loader, async || env.js(STORAGE_JS, vec![]).await).await?;
        problems.extend(storage_problems(&stored, &app.origin()));
        let errors: Vec<String> = env
            .log()?
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .filter_map(|e| e["message"].as_str().map(str::to_owned))
            .filter(|m| m.contains(&app.origin()))
            .collect();
        if !errors.is_empty() {
            problems.push(format!("the log has errors from the app: {errors:#?}"));
        }
        let outcome = report("the sandboxed frames", problems);
        outcome.and(clear_origin(env, &app).await)
    })
    .await
}

/// Waits for the strictly sandboxed frame's size report on the host page: it comes from the
/// origin `"null"`, names `path` and a positive height. Returns what is wrong.
async fn sandboxed_report(env: &Env, path: &str) -> Result<Vec<String>, Failed> {
    let deadline = Instant::now() + SETTLE_LIMIT;
    loop {
        let list = messages(env).await?;
        if let Some(first) = reports(&list, SANDBOXED_ID).first() {
            let height = first["data"]["height"].as_f64().unwrap_or(0.0);
            let right = first["origin"] == "null"
                && first["data"]["version"] == 1
                && first["data"]["path"] == path
                && height > 0.0;
            return Ok(if right {
                Vec::new()
            } else {
                vec![format!(
                    "the frame without allow-same-origin reported {first}, expected the origin \
                     \"null\", version 1, the path {path} and a height"
                )]
            });
        }
        if Instant::now() > deadline {
            return Ok(vec![format!(
                "the host page got no size report from the frame without allow-same-origin: {}",
                Json::Array(list)
            )]);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What the app stored, as [`STORAGE_JS`] describes its origin `origin`.
fn storage_problems(stored: &Json, origin: &str) -> Vec<String> {
    let empty = |key: &str| stored[key].as_array().is_some_and(Vec::is_empty);
    let nothing = stored["origin"] == origin
        && stored["local"] == 0
        && stored["session"] == 0
        && stored["cookie"] == ""
        && empty("caches")
        && empty("databases")
        && empty("workers")
        && stored["controlled"] == false;
    if nothing {
        Vec::new()
    } else {
        vec![format!(
            "after running for {RUNNING:?} in the loader's frame, the app left {stored}"
        )]
    }
}

/// Removes what an earlier server on the app's port may have left, and what the trial's app
/// may have stored, from a file of the app's origin that does not run the app.
async fn clear_origin(env: &Env, app: &AppSite) -> Result<(), Failed> {
    goto(env, &app.url("/icons/icon-192.png")).await?;
    env.js(CLEAR_JS, vec![])
        .await
        .map_err(within(format!("clearing {}", app.origin())))?;
    Ok(())
}

/// The build is served with `frame-ancestors` naming only host A. The same host page on host B
/// gets no size report, its frame keeps the loader's first height, and the browser logs the
/// refusal; on host A the frame is sized.
pub async fn frame_ancestors_blocks_other_hosts(env: &Env) -> Result<(), Failed> {
    let allowed = StaticSite::start("host-a")?;
    let other = StaticSite::start("host-b")?;
    let app = AppSite::start(&[&allowed.origin()])?;
    let page = route("/leitlinien");
    let html = host_page(
        &app,
        &[app.origin()],
        &embed_element(EMBED_ID, page.path, &[]),
    );
    allowed.put(HOST_PAGE, &html)?;
    other.put(HOST_PAGE, &html)?;
    guarded(env, async || {
        let sel = format!("#{EMBED_ID} > iframe");
        env.browser.take_log()?;
        goto(env, &other.url(HOST_PAGE)).await?;
        let first = outer(env, &sel).await?;
        // Chromium logs "Framing '<app>' violates … "frame-ancestors <host A>". The request has
        // been blocked." (older versions: "Refused to frame …").
        let directive = format!("frame-ancestors {}", allowed.origin());
        let (entries, refused) = log_until(env, REFUSAL_LIMIT, |entries| {
            !entries_with(entries, &directive).is_empty()
        })
        .await?;
        tokio::time::sleep(BLOCKED_WATCH).await;
        let mut problems = Vec::new();
        if !refused {
            problems.push(format!(
                "the log does not tell that {directive:?} refused the frame: {:#?}",
                entries_with(&entries, "")
            ));
        }
        let list = messages(env).await?;
        let from_app: Vec<&Json> = list
            .iter()
            .filter(|m| m["origin"] == app.origin())
            .collect();
        if !from_app.is_empty() {
            problems.push(format!(
                "the host page got messages from the app: {from_app:?}"
            ));
        }
        let now = outer(env, &sel).await?;
        if now["style"] != first["style"] || now["height"] != first["height"] {
            problems.push(format!(
                "the frame changed its height from {} (style {}) to {} (style {})",
                first["height"], first["style"], now["height"], now["style"]
            ));
        }
        report(&format!("on host B {}", other.origin()), problems)?;
        goto(env, &allowed.url(HOST_PAGE)).await?;
        wait_started(env, &sel, &page).await?;
        wait_fit(env, &sel, &page, |o| o["style"] != first["style"])
            .await
            .map_err(within(format!("on host A {}", allowed.origin())))?;
        let sized = reports(&messages(env).await?, EMBED_ID).len();
        if sized == 0 {
            return Err(format!(
                "on host A {}: the frame fits, but no size report was recorded",
                allowed.origin()
            )
            .into());
        }
        Ok(())
    })
    .await
}
