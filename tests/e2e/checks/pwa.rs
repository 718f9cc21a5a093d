//! Checks of the installable, offline-capable app (`src/pwa.rs`, `pwa/service-worker.js`): the
//! manifest and its icons satisfy the browser's rules for installing, the service worker controls
//! the first visit with the whole build precached, every page and the search work with the server
//! stopped, a new build is announced and takes over only when the reader asks, and inside a frame
//! nothing is registered and no installation is offered.
//!
//! Service workers and caches belong to an origin. The trials that stop or replace a server, or
//! need an origin where nothing was registered yet, serve the build on a port of their own
//! ([`OwnSite`]), which is another origin, so the shared server's origin, which every other trial
//! uses, keeps working. Every trial removes the workers and caches it leaves on an origin before
//! it ends.

use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use libtest_mimic::{Failed, Trial};
use serde_json::{Value as Json, json};
use siteserver::SiteServer;

use super::trial;
use crate::env::{DEFAULT_VIEWPORT, Env, Shared};
use crate::page::{NORMALIZE_JS, SETTLE_LIMIT, normalize, report, within};
use crate::routes::{ROUTES, Route, route};
use crate::site::{self, Relay, TempDir, copy_dir};

/// How long a first visit may take until the worker controls the page: it precaches the whole
/// build first.
const CONTROL_LIMIT: Duration = Duration::from_secs(15);

/// How long the browser may take to find a new worker after a navigation, install it and let the
/// app announce it.
const UPDATE_LIMIT: Duration = Duration::from_secs(20);

/// The worker's file in the build, under the base path.
const WORKER_FILE: &str = "sw.js";

/// The start of every cache name of the app.
const CACHE_PREFIX: &str = "aktionsplan-";

/// The offline notice's text.
const OFFLINE_NOTICE: &str = "Sie sind offline. Alle Seiten und die Suche bleiben lesbar.";

/// The update notice's text, its button included.
const UPDATE_NOTICE: &str = "Eine neue Version ist verfügbar. Jetzt aktualisieren";

/// The query searched for offline, and the page its first result must lead to (as in the
/// search trials' deep links).
const OFFLINE_QUERY: (&str, &str) = ("Unterkunft", "/handlungsfelder/unterbringung");

/// The page changed in the "second build", the id of its changed paragraph, and what is added.
const CHANGED_PAGE: (&str, &str, &str) = ("/leitlinien", "leitlinien-einleitung", " (neu)");

/// Every trial of this module, in the order they run; each name starts with `pwa::`.
pub fn trials(shared: &Arc<Shared>) -> Vec<Trial> {
    vec![
        trial(
            shared,
            "pwa::manifest_is_installable".to_owned(),
            async |env| manifest_is_installable(env).await,
        ),
        trial(
            shared,
            "pwa::worker_controls_the_page_after_the_first_visit".to_owned(),
            async |env| worker_controls_the_first_visit(env).await,
        ),
        trial(
            shared,
            "pwa::offline_every_route_and_search_work_with_the_server_stopped".to_owned(),
            async |env| offline_with_the_server_stopped(env).await,
        ),
        trial(
            shared,
            "pwa::new_version_shows_a_notice_and_takes_over_on_request".to_owned(),
            async |env| new_version_takes_over_on_request(env).await,
        ),
        trial(
            shared,
            "pwa::no_worker_and_no_install_section_inside_a_frame".to_owned(),
            async |env| nothing_inside_a_frame(env).await,
        ),
    ]
}

/// JavaScript describing the page's service worker state: the controller, the origin's
/// registrations with their workers' states, and the app's caches.
const WORKERS_JS: &str = "const sw = navigator.serviceWorker; \
    if (!sw) return { supported: false, origin: location.origin }; \
    const state = w => w ? w.state : null; \
    const registrations = await sw.getRegistrations(); \
    return { supported: true, origin: location.origin, \
      controller: sw.controller ? sw.controller.scriptURL : null, \
      registrations: registrations.map(r => ({ scope: r.scope, installing: state(r.installing), \
        waiting: state(r.waiting), active: state(r.active), \
        script: r.active ? r.active.scriptURL : null })), \
      caches: (await caches.keys()).filter(n => n.startsWith('aktionsplan-')) };";

/// JavaScript that unregisters every service worker of the page's origin and deletes the app's
/// caches, and says what it removed and what is left.
const CLEAN_UP_JS: &str = "const sw = navigator.serviceWorker; \
    const registrations = sw ? await sw.getRegistrations() : []; \
    await Promise.all(registrations.map(r => r.unregister())); \
    const names = (await caches.keys()).filter(n => n.startsWith('aktionsplan-')); \
    await Promise.all(names.map(n => caches.delete(n))); \
    return { origin: location.origin, removed: registrations.map(r => r.scope), deleted: names, \
      left: { registrations: (sw ? await sw.getRegistrations() : []).map(r => r.scope), \
        caches: (await caches.keys()).filter(n => n.startsWith('aktionsplan-')) } };";

/// JavaScript that lists the app's caches with the URLs (path and query) each holds.
const CACHES_JS: &str = "const names = (await caches.keys()).filter(n => n.startsWith('aktionsplan-')); \
    const out = {}; \
    for (const name of names) { \
      const keys = await (await caches.open(name)).keys(); \
      out[name] = keys.map(r => { const u = new URL(r.url); return u.pathname + u.search; }); \
    } \
    return out;";

/// JavaScript that fetches the manifest that the page links to and every icon and shortcut it
/// names; PNG icons are decoded for their size.
const MANIFEST_JS: &str = "const link = document.querySelector('link[rel=manifest]'); \
    if (!link) return { link: null }; \
    const reply = await fetch(link.href); \
    const type = reply.headers.get('content-type'); \
    let manifest = null, error = null; \
    try { manifest = JSON.parse(await reply.text()); } catch (e) { error = String(e); } \
    const icons = [], shortcuts = []; \
    const named = manifest ? [...(manifest.icons || []), \
      ...(manifest.shortcuts || []).flatMap(s => s.icons || [])] : []; \
    for (const icon of named) { \
      const r = await fetch(new URL(icon.src, link.href)); \
      const blob = await r.blob(); \
      let size = null; \
      if (icon.type === 'image/png') { \
        try { const b = await createImageBitmap(blob); size = b.width + 'x' + b.height; } \
        catch (e) { size = 'not decodable: ' + e; } \
      } \
      icons.push({ src: icon.src, sizes: icon.sizes, declared: icon.type, status: r.status, \
        type: r.headers.get('content-type'), bytes: blob.size, size }); \
    } \
    for (const s of (manifest && manifest.shortcuts) || []) { \
      const r = await fetch(new URL(s.url, link.href)); \
      shortcuts.push({ url: s.url, status: r.status, type: r.headers.get('content-type') }); \
    } \
    return { link: link.getAttribute('href'), status: reply.status, type, manifest, error, \
      icons, shortcuts };";

/// Loads `/`: the browser finds no installability error, the manifest it links to is JSON whose
/// start URL, scope and id are the base path, and every icon it names loads with its declared
/// type (and size, for PNG icons); the shortcuts' pages load.
pub async fn manifest_is_installable(env: &Env) -> Result<(), Failed> {
    let outcome = check_manifest(env).await;
    outcome.and(clean_up(env).await)
}

/// The checks of [`manifest_is_installable`], before the clean-up.
async fn check_manifest(env: &Env) -> Result<(), Failed> {
    env.open(&route("/")).await?;
    let mut problems = Vec::new();
    let installability = env.browser.cdp("Page.getInstallabilityErrors", json!({}))?;
    for error in installability["installabilityErrors"]
        .as_array()
        .into_iter()
        .flatten()
    {
        problems.push(format!(
            "Page.getInstallabilityErrors reports {} {}",
            error["errorId"], error["errorArguments"]
        ));
    }
    let parsed = env.browser.cdp("Page.getAppManifest", json!({}))?;
    for error in parsed["errors"].as_array().into_iter().flatten() {
        problems.push(format!(
            "Page.getAppManifest reports at line {} column {}: {}",
            error["line"], error["column"], error["message"]
        ));
    }
    let seen = env.js(MANIFEST_JS, vec![]).await?;
    let base = format!("{}/", env.base());
    let link = format!("{base}manifest.webmanifest");
    if seen["link"] != link.as_str() {
        problems.push(format!(
            "<link rel=manifest> points to {}, expected {link:?}",
            seen["link"]
        ));
        return report("/", problems);
    }
    if seen["status"] != 200 || seen["type"] != "application/manifest+json" {
        problems.push(format!(
            "{link} answers status {} with Content-Type {}, expected 200 and application/manifest+json",
            seen["status"], seen["type"]
        ));
    }
    let manifest = &seen["manifest"];
    if manifest.is_null() {
        problems.push(format!("{link} is no JSON: {}", seen["error"]));
        return report("/", problems);
    }
    for field in ["start_url", "scope", "id"] {
        if manifest[field] != base.as_str() {
            problems.push(format!(
                "{link}: {field} is {}, expected the base path {base:?}",
                manifest[field]
            ));
        }
    }
    for field in ["name", "short_name"] {
        if manifest[field].as_str().is_none_or(str::is_empty) {
            problems.push(format!("{link}: {field} is {}", manifest[field]));
        }
    }
    if seen["icons"].as_array().is_none_or(Vec::is_empty) {
        problems.push(format!("{link} names no icons"));
    }
    for icon in seen["icons"].as_array().into_iter().flatten() {
        if icon["status"] != 200 || icon["type"] != icon["declared"] {
            problems.push(format!(
                "icon {} answers status {} with Content-Type {}, expected 200 and {}",
                icon["src"], icon["status"], icon["type"], icon["declared"]
            ));
        }
        if icon["declared"] == "image/png" && icon["size"] != icon["sizes"] {
            problems.push(format!(
                "icon {} is {} pixels, the manifest says {}",
                icon["src"], icon["size"], icon["sizes"]
            ));
        }
    }
    for shortcut in seen["shortcuts"].as_array().into_iter().flatten() {
        let html = shortcut["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("text/html"));
        if shortcut["status"] != 200 || !html {
            problems.push(format!(
                "shortcut {} answers status {} with Content-Type {}, expected 200 and text/html",
                shortcut["url"], shortcut["status"], shortcut["type"]
            ));
        }
    }
    report("/", problems)
}

/// Loads `/` in an origin without a worker (the trial removes any first): the app registers
/// `sw.js`, which precaches the build and claims the page within [`CONTROL_LIMIT`]; then the
/// origin has exactly the build's cache, holding exactly the worker's precache list.
pub async fn worker_controls_the_first_visit(env: &Env) -> Result<(), Failed> {
    let outcome = check_first_visit(env).await;
    outcome.and(clean_up(env).await)
}

/// The checks of [`worker_controls_the_first_visit`], before the clean-up.
async fn check_first_visit(env: &Env) -> Result<(), Failed> {
    let precache = Precache::read(&site::dist_dir())?;
    let start = route("/");
    // Earlier trials' pages registered the worker already; a first visit starts without one.
    env.open(&start).await?;
    clean_up(env).await?;
    env.open(&start)
        .await
        .map_err(within("loading / again after removing the worker"))?;
    let workers = wait_until_controlled(env, "the first visit of /").await?;
    let mut problems = Vec::new();
    let script = env.url(&format!("/{WORKER_FILE}"));
    if workers["controller"] != script.as_str() {
        problems.push(format!(
            "the page is controlled by {}, expected {script}",
            workers["controller"]
        ));
    }
    let scope = env.url("/");
    let scopes: Vec<&str> = workers["registrations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["scope"].as_str())
        .collect();
    if scopes != [scope.as_str()] {
        problems.push(format!(
            "the origin has the registrations {}, expected one with the scope {scope}",
            workers["registrations"]
        ));
    }
    problems.extend(precache.compare(&env.js(CACHES_JS, vec![]).await?));
    report("/", problems)
}

/// Makes the worker control a page of a server of its own, stops that server (its port then
/// refuses connections), and loads every route and a search by URL: the worker answers each
/// from its cache, the unknown paths with the not-found page. Then the browser's network is
/// switched off through the DevTools protocol (`Network.emulateNetworkConditions`, which sets
/// `navigator.onLine` and fires the `offline` event as a real loss of the network does), and the
/// offline notice must show, on the open page and on the next one loaded.
pub async fn offline_with_the_server_stopped(env: &Env) -> Result<(), Failed> {
    env.set_viewport(DEFAULT_VIEWPORT).await?;
    let site = OwnSite::start(&site::dist_dir(), "127.0.0.1:0")?;
    let origin = site.origin();
    let outcome = check_offline(env, site, &origin).await;
    // The page is still on the stopped server's origin, where the worker answers it, so the
    // worker and caches are removed there. Had the trial failed elsewhere, the dead origin's data
    // would reach no other trial: the shared server is another origin, and a later server that
    // gets the same port is the same origin, but the trials with servers of their own remove
    // leftovers first (`fresh_origin`).
    let restored = set_network(env, true);
    outcome.and(restored).and(clean_up(env).await)
}

/// The checks of [`offline_with_the_server_stopped`] with `site`, serving `origin`.
async fn check_offline(env: &Env, site: OwnSite, origin: &str) -> Result<(), Failed> {
    let url = |path: &str| format!("{origin}{}{path}", env.base());
    fresh_origin(env, origin).await?;
    let start = route("/");
    load(env, &url("/"), &start).await?;
    wait_until_controlled(env, &format!("the first visit of {}", url("/"))).await?;
    let addr = site.addr();
    drop(site);
    refuses_connections(addr).await?;
    for route in ROUTES {
        let context = format!("with the server stopped, {}", route.path);
        load(env, &url(route.path), route)
            .await
            .map_err(within(&context))?;
        let seen = env
            .js(
                "const n = performance.getEntriesByType('navigation')[0]; \
                 return { status: n ? n.responseStatus : null, \
                   controlled: !!navigator.serviceWorker.controller };",
                vec![],
            )
            .await?;
        let status = if route.not_found { 404 } else { 200 };
        if seen["status"] != status || seen["controlled"] != true {
            return Err(format!(
                "{context}: the page came with status {} (expected {status}), {}",
                seen["status"],
                if seen["controlled"] == true {
                    "controlled by the worker"
                } else {
                    "not controlled by the worker"
                }
            )
            .into());
        }
    }
    let (query, first) = OFFLINE_QUERY;
    let search = url(&format!("/suche?q={query}"));
    let context = format!("with the server stopped, /suche?q={query}");
    load(env, &search, &route("/suche"))
        .await
        .map_err(within(&context))?;
    let script = format!(
        "{NORMALIZE_JS} const status = document.querySelector('main [role=status].search-status'); \
         return {{ status: status ? norm(status.textContent) : null, \
           results: Array.from(document.querySelectorAll('main ol.results > li.result a.result__link'), \
             a => routePath(a.getAttribute('href')).split(/[?#]/)[0]) }};"
    );
    let (page, done) = env
        .js_until(&script, SETTLE_LIMIT, |p| {
            p["results"].as_array().is_some_and(|r| !r.is_empty())
        })
        .await?;
    if !done || page["results"][0] != first {
        return Err(format!(
            "{context}: the results link to {} (status {}), expected {first} first",
            page["results"], page["status"]
        )
        .into());
    }
    let offline = async || -> Result<(), Failed> {
        set_network(env, false)?;
        expect_offline_notice(env, true, "after the network went off on /suche").await?;
        let next = route("/leitlinien");
        load(env, &url(next.path), &next)
            .await
            .map_err(within("loading /leitlinien with the network off"))?;
        expect_offline_notice(env, true, "on /leitlinien, loaded with the network off").await?;
        set_network(env, true)?;
        expect_offline_notice(env, false, "after the network came back on /leitlinien").await
    };
    let outcome = offline().await;
    outcome.and(set_network(env, true))
}

/// Switches the browser's network on or off for the page (the DevTools protocol's emulation).
fn set_network(env: &Env, online: bool) -> Result<(), Failed> {
    env.browser.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": !online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )?;
    Ok(())
}

/// Waits until the offline notice shows (`shown`) or is gone, within [`SETTLE_LIMIT`].
async fn expect_offline_notice(env: &Env, shown: bool, context: &str) -> Result<(), Failed> {
    let script = format!(
        "{NORMALIZE_JS} return {{ online: navigator.onLine, \
           notices: Array.from(document.querySelectorAll('.app-notices .notice'), \
             n => n.className + ': ' + norm(n.textContent)) }};"
    );
    let expected = format!("notice notice--offline: {OFFLINE_NOTICE}");
    let (seen, done) = env
        .js_until(&script, SETTLE_LIMIT, |s| {
            let notices = s["notices"].as_array();
            let has = notices.is_some_and(|n| n.iter().any(|t| *t == expected.as_str()));
            has == shown
        })
        .await?;
    if done {
        Ok(())
    } else {
        Err(format!(
            "{context}: expected the offline notice {}; navigator.onLine is {}, the notices are {}",
            if shown { "to show" } else { "to be gone" },
            seen["online"],
            seen["notices"]
        )
        .into())
    }
}

/// Serves a copy of the build with a server of its own, lets its worker control
/// [`CHANGED_PAGE`], then "deploys a second build" (the page's paragraph changed, a new cache
/// name in `sw.js`) by a new server on the same port. Reloading shows the update notice, without
/// the page reloading by itself; its button reloads the page once, which then shows the new text,
/// and only the new build's cache is left.
pub async fn new_version_takes_over_on_request(env: &Env) -> Result<(), Failed> {
    env.set_viewport(DEFAULT_VIEWPORT).await?;
    let copy = TempDir::new("pwa-update")?;
    copy_dir(&site::dist_dir(), copy.path())?;
    let mut site = Some(OwnSite::start(copy.path(), "127.0.0.1:0")?);
    let outcome = check_update(env, copy.path(), &mut site).await;
    let cleaned = clean_up(env).await;
    drop(site);
    outcome.and(cleaned)
}

/// The checks of [`new_version_takes_over_on_request`] with the copy `dir` of the build, served
/// by `site`; the second build's site takes its place, for the clean-up.
async fn check_update(env: &Env, dir: &Path, site: &mut Option<OwnSite>) -> Result<(), Failed> {
    let (path, id, added) = CHANGED_PAGE;
    let page = route(path);
    let origin = site.as_ref().map(OwnSite::origin).unwrap_or_default();
    let url = format!("{origin}{}{path}", env.base());
    fresh_origin(env, &origin).await?;
    load(env, &url, &page).await?;
    wait_until_controlled(env, &format!("the first visit of {url}")).await?;
    let old = Precache::read(dir)?;
    let caches = env.js(CACHES_JS, vec![]).await?;
    if caches.as_object().map(|o| o.keys().collect::<Vec<_>>()) != Some(vec![&old.cache]) {
        return Err(format!(
            "before the update: the caches are {}, expected only {}",
            keys(&caches),
            old.cache
        )
        .into());
    }
    let (sentence, new_cache) = second_build(dir, &old, id, added)?;
    let first = site.take().ok_or("the first build's site is gone")?;
    let addr = first.addr();
    // Stopping closes the port and every connection to it, as when a server process ends.
    drop(first);
    refuses_connections(addr).await?;
    *site = Some(OwnSite::start_again(dir, addr).await?);
    check_takeover(env, &page, &sentence, added, &old, &new_cache).await
}

/// After the second build is served: the reload, the notice, the button, the new page and cache.
async fn check_takeover(
    env: &Env,
    page: &Route,
    sentence: &str,
    added: &str,
    old: &Precache,
    new_cache: &str,
) -> Result<(), Failed> {
    let (path, id, _) = CHANGED_PAGE;
    env.browser
        .client
        .refresh()
        .await
        .map_err(|e| format!("cannot reload {path}: {e}"))?;
    env.wait_for_heading(page)
        .await
        .map_err(within("reloading after the second build"))?;
    env.js("window.__e2e_marker = 1;", vec![]).await?;
    let script = format!(
        "{NORMALIZE_JS} const notice = document.querySelector('.app-notices .notice--update'); \
         const changed = document.getElementById({id:?}); \
         return {{ marker: window.__e2e_marker === 1, notice: notice ? norm(notice.textContent) : null, \
           text: changed ? norm(changed.textContent) : null, \
           app: document.documentElement.getAttribute('data-app'), \
           h1: Array.from(document.querySelectorAll('h1'), h => norm(h.textContent)) }};"
    );
    let (seen, shown) = env
        .js_until(&script, UPDATE_LIMIT, |s| {
            s["notice"].is_string() || s["marker"] != true
        })
        .await?;
    if seen["marker"] != true {
        return Err(format!(
            "after reloading with a second build served, the page reloaded by itself before \
             the reader asked (now showing {})",
            seen["text"]
        )
        .into());
    }
    if !shown {
        let workers = env.js(WORKERS_JS, vec![]).await?;
        return Err(format!(
            "after reloading with a second build served, no update notice within {UPDATE_LIMIT:?}; \
             workers: {workers}"
        )
        .into());
    }
    let mut problems = Vec::new();
    if seen["notice"] != UPDATE_NOTICE {
        problems.push(format!(
            "the update notice reads {}, expected {UPDATE_NOTICE:?}",
            seen["notice"]
        ));
    }
    if seen["text"] != normalize(sentence).as_str() {
        problems.push(format!(
            "before the update, #{id} reads {}, expected the first build's {:?}",
            seen["text"],
            normalize(sentence)
        ));
    }
    report("the waiting new version", problems)?;
    let button = env
        .browser
        .client
        .find(Locator::Css(".app-notices .notice--update button"))
        .await
        .map_err(|e| format!("the update notice has no button: {e}"))?;
    button
        .click()
        .await
        .map_err(|e| format!("cannot click \"Jetzt aktualisieren\": {e}"))?;
    let expected = normalize(&format!("{sentence}{added}"));
    let (after, done) = across_reloads(env, &script, UPDATE_LIMIT, |s| {
        s["marker"] != true && s["app"].is_string() && s["text"].is_string()
    })
    .await;
    if !done {
        return Err(format!(
            "after \"Jetzt aktualisieren\", the page did not reload within {UPDATE_LIMIT:?}: {after}"
        )
        .into());
    }
    // A second reload would drop this marker too.
    env.js("window.__e2e_marker = 2;", vec![]).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let settled = env
        .js(
            &format!(
                "{NORMALIZE_JS} const n = performance.getEntriesByType('navigation')[0]; \
                 return {{ marker: window.__e2e_marker, type: n ? n.type : null, \
                   notices: document.querySelectorAll('.app-notices .notice--update').length, \
                   text: (e => e ? norm(e.textContent) : null)(document.getElementById({id:?})) }};"
            ),
            vec![],
        )
        .await?;
    let mut problems = Vec::new();
    if settled["marker"] != 2 {
        problems.push("the page reloaded more than once".to_owned());
    }
    if settled["type"] != "reload" {
        problems.push(format!(
            "the page's navigation was a {}, expected a reload",
            settled["type"]
        ));
    }
    if settled["text"] != expected.as_str() {
        problems.push(format!(
            "#{id} reads {}, expected the second build's {expected:?}",
            settled["text"]
        ));
    }
    if settled["notices"] != 0 {
        problems.push("the update notice still shows".to_owned());
    }
    let caches = env.js(CACHES_JS, vec![]).await?;
    let names = caches.as_object().map(|o| o.keys().collect::<Vec<_>>());
    if names != Some(vec![&new_cache.to_owned()]) {
        problems.push(format!(
            "the caches are {}, expected only the second build's {new_cache} (the first was {})",
            keys(&caches),
            old.cache
        ));
    }
    report("after \"Jetzt aktualisieren\"", problems)
}

/// Turns the build copied to `dir` into a "second build": the paragraph `id` of
/// [`CHANGED_PAGE`] gets `added` after its sentence, and `sw.js` a new cache name; the changed
/// files' compressed copies go, as the server would prefer them. Returns the sentence before the
/// change and the new cache name.
fn second_build(
    dir: &Path,
    old: &Precache,
    id: &str,
    added: &str,
) -> Result<(String, String), Failed> {
    let (path, _, _) = CHANGED_PAGE;
    let page = dir.join(path.trim_start_matches('/')).join("index.html");
    let html = read(&page)?;
    let start = format!("<p id=\"{id}\">");
    let at = html
        .find(&start)
        .map(|i| i + start.len())
        .ok_or_else(|| format!("{} has no {start}", page.display()))?;
    let end = at + html[at..].find('<').unwrap_or(0);
    let sentence = html[at..end].trim_end().to_owned();
    if sentence.is_empty() {
        return Err(format!("{start} in {} starts with no text", page.display()).into());
    }
    let changed = format!(
        "{}{sentence}{added}{}",
        &html[..at],
        &html[at + sentence.len()..]
    );
    write(&page, &changed)?;
    let worker = dir.join(WORKER_FILE);
    let script = read(&worker)?;
    let hex = old.cache.trim_start_matches(CACHE_PREFIX);
    let number = u64::from_str_radix(hex, 16)
        .map_err(|e| format!("the cache name {} ends in no hex number: {e}", old.cache))?;
    let new_cache = format!("{CACHE_PREFIX}{:016x}", !number);
    let from = format!("const CACHE = {:?};", old.cache);
    if !script.contains(&from) {
        return Err(format!("{} has no line {from:?}", worker.display()).into());
    }
    write(
        &worker,
        &script.replace(&from, &format!("const CACHE = {new_cache:?};")),
    )?;
    for file in [page, worker] {
        for ext in ["br", "gz"] {
            let mut sibling = file.clone().into_os_string();
            sibling.push(format!(".{ext}"));
            let sibling = PathBuf::from(sibling);
            if sibling.exists() {
                std::fs::remove_file(&sibling)
                    .map_err(|e| format!("cannot remove {}: {e}", sibling.display()))?;
            }
        }
    }
    Ok((sentence, new_cache))
}

/// Opens a page of a server of its own that does not run the app (an icon), puts an `<iframe>`
/// with the service page into it, and checks inside the frame, once the app ran there, that the
/// section `#installieren` is gone and that no worker was registered. Then, as a counter-check,
/// the service page loaded on its own offers the section and registers the worker.
pub async fn nothing_inside_a_frame(env: &Env) -> Result<(), Failed> {
    env.set_viewport(DEFAULT_VIEWPORT).await?;
    let site = OwnSite::start(&site::dist_dir(), "127.0.0.1:0")?;
    let outcome = check_frame(env, &site.origin()).await;
    let cleaned = clean_up(env).await;
    drop(site);
    outcome.and(cleaned)
}

/// The checks of [`nothing_inside_a_frame`] on the server at `origin`.
async fn check_frame(env: &Env, origin: &str) -> Result<(), Failed> {
    let service = route("/service");
    fresh_origin(env, origin).await?;
    let frame_url = format!("{}{}", env.base(), service.path);
    let script = format!(
        "{NORMALIZE_JS} let frame = document.getElementById('e2e-frame'); \
         if (!frame) {{ frame = document.createElement('iframe'); frame.id = 'e2e-frame'; \
           frame.width = 1000; frame.height = 800; frame.src = {frame_url:?}; \
           document.body.append(frame); }} \
         const doc = frame.contentDocument; \
         if (!doc || !doc.documentElement) return {{ loaded: false }}; \
         return {{ loaded: true, ready: doc.readyState, \
           app: doc.documentElement.getAttribute('data-app'), \
           h1: Array.from(doc.querySelectorAll('h1'), h => norm(h.textContent)), \
           install: !!doc.getElementById('installieren') }};"
    );
    let (seen, done) = env
        .js_until(&script, crate::page::APP_LIMIT, |s| {
            s["app"].is_string()
                && s["ready"] == "complete"
                && s["h1"]
                    .as_array()
                    .is_some_and(|h| h.iter().any(|t| *t == service.h1))
        })
        .await?;
    if !done {
        return Err(format!(
            "the frame with {frame_url} did not show the started app with <h1> {:?}: {seen}",
            service.h1
        )
        .into());
    }
    // The app removes the pre-rendered section once it knows that it runs in a frame.
    let (seen, gone) = env
        .js_until(&script, SETTLE_LIMIT, |s| s["install"] == false)
        .await?;
    let mut problems = Vec::new();
    if !gone {
        problems.push(format!(
            "#installieren is still there after the app started (as {}) in the frame",
            seen["app"]
        ));
    }
    // Registering happens right after the app started; this leaves it time to show.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let workers = env
        .js(
            "const frame = document.getElementById('e2e-frame'); \
             const sw = frame.contentWindow.navigator.serviceWorker; \
             return { inFrame: (await sw.getRegistrations()).map(r => r.scope), \
               top: (await navigator.serviceWorker.getRegistrations()).map(r => r.scope), \
               controlled: !!sw.controller };",
            vec![],
        )
        .await?;
    let none = |v: &Json| v.as_array().is_some_and(Vec::is_empty);
    if !none(&workers["inFrame"]) || !none(&workers["top"]) || workers["controlled"] != false {
        problems.push(format!(
            "the app in the frame registered a worker: registrations seen from the frame {}, \
             from the page {}, frame controlled: {}",
            workers["inFrame"], workers["top"], workers["controlled"]
        ));
    }
    report("the service page in a frame", problems)?;
    // The counter-check: the same page on its own registers the worker and offers installing.
    let url = format!("{origin}{frame_url}");
    load(env, &url, &service).await?;
    let shown = env
        .js("return !!document.getElementById('installieren');", vec![])
        .await?;
    if shown != true {
        return Err(format!("{url} on its own has no #installieren").into());
    }
    wait_until_controlled(env, &format!("{url} on its own")).await?;
    Ok(())
}

/// What the build's worker precaches, read from the `sw.js` that `cargo xtask dist` wrote.
struct Precache {
    /// The cache name, `aktionsplan-` and 16 hex digits.
    cache: String,
    /// The precached URLs: paths under the base path.
    urls: Vec<String>,
}

impl Precache {
    /// Reads the cache name and the precache list from `sw.js` in the build `dist`.
    fn read(dist: &Path) -> Result<Precache, Failed> {
        let path = dist.join(WORKER_FILE);
        let text = read(&path)?;
        let value = |name: &str| -> Result<Json, Failed> {
            let prefix = format!("const {name} = ");
            let line = text
                .lines()
                .find_map(|l| l.strip_prefix(&prefix))
                .ok_or_else(|| format!("{} has no line {prefix:?}…", path.display()))?;
            serde_json::from_str(line.trim_end().trim_end_matches(';'))
                .map_err(|e| format!("{}: {prefix}…: {e}", path.display()).into())
        };
        let cache = value("CACHE")?;
        let urls = value("PRECACHE")?;
        let cache = cache
            .as_str()
            .filter(|c| c.starts_with(CACHE_PREFIX))
            .ok_or_else(|| format!("{}: the cache name is {cache}", path.display()))?
            .to_owned();
        let urls: Vec<String> = serde_json::from_value(urls)
            .map_err(|e| format!("{}: the precache list: {e}", path.display()))?;
        Ok(Precache { cache, urls })
    }

    /// What differs between this build's cache and `caches`, as [`CACHES_JS`] lists them.
    fn compare(&self, caches: &Json) -> Vec<String> {
        let Some(names) = caches.as_object() else {
            return vec![format!("the caches are {caches}")];
        };
        if names.len() != 1 || !names.contains_key(&self.cache) {
            return vec![format!(
                "the origin has the caches {}, expected only {}",
                keys(caches),
                self.cache
            )];
        }
        let mut held: Vec<&str> = names[&self.cache]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .collect();
        held.sort_unstable();
        let mut listed: Vec<&str> = self.urls.iter().map(String::as_str).collect();
        listed.sort_unstable();
        if held == listed {
            return Vec::new();
        }
        let missing: Vec<&&str> = listed.iter().filter(|u| !held.contains(u)).collect();
        let extra: Vec<&&str> = held.iter().filter(|u| !listed.contains(u)).collect();
        vec![format!(
            "{} holds {} entries, the precache list {}; missing {missing:?}, not listed {extra:?}",
            self.cache,
            held.len(),
            listed.len()
        )]
    }
}

/// Waits until a worker controls the page; returns [`WORKERS_JS`]'s view of it, or fails with
/// `context` and the registrations' states.
async fn wait_until_controlled(env: &Env, context: &str) -> Result<Json, Failed> {
    let (workers, done) = env
        .js_until(WORKERS_JS, CONTROL_LIMIT, |w| w["controller"].is_string())
        .await?;
    if done {
        Ok(workers)
    } else {
        Err(format!(
            "{context}: no worker controls the page after {CONTROL_LIMIT:?}; \
             service workers supported: {}, registrations: {}, caches: {}",
            workers["supported"], workers["registrations"], workers["caches"]
        )
        .into())
    }
}

/// Evaluates `script` every 100 ms until `done` accepts its value or `limit` passes, like
/// [`Env::js_until`], while the page may be reloading: a script that fails because the document
/// went away counts as not done yet. Returns the last value (or error) and whether it was done.
async fn across_reloads(
    env: &Env,
    script: &str,
    limit: Duration,
    done: impl Fn(&Json) -> bool,
) -> (Json, bool) {
    let deadline = Instant::now() + limit;
    loop {
        let value = match env.js(script, vec![]).await {
            Ok(value) if done(&value) => return (value, true),
            Ok(value) => value,
            Err(e) => Json::String(e.message().unwrap_or("script failed").to_owned()),
        };
        if Instant::now() > deadline {
            return (value, false);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Unregisters the workers of the open page's origin and deletes the app's caches there, then
/// leaves the page (`about:blank`), so that no page is left for an old worker to serve.
async fn clean_up(env: &Env) -> Result<(), Failed> {
    let outcome = env.js(CLEAN_UP_JS, vec![]).await;
    let left = env.browser.client.goto("about:blank").await;
    let cleaned = outcome.map_err(within("removing the workers and caches"))?;
    left.map_err(|e| format!("cannot leave the page after the clean-up: {e}"))?;
    let none = |v: &Json| v.as_array().is_some_and(Vec::is_empty);
    if none(&cleaned["left"]["registrations"]) && none(&cleaned["left"]["caches"]) {
        Ok(())
    } else {
        Err(format!(
            "the clean-up of {} left {}",
            cleaned["origin"], cleaned["left"]
        )
        .into())
    }
}

/// Opens a file of `origin` that does not run the app and removes any worker and cache there,
/// which an earlier server on the same port may have left.
async fn fresh_origin(env: &Env, origin: &str) -> Result<(), Failed> {
    let url = format!("{origin}{}/icons/icon-192.png", env.base());
    env.browser
        .client
        .goto(&url)
        .await
        .map_err(|e| format!("cannot load {url}: {e}"))?;
    env.js(CLEAN_UP_JS, vec![])
        .await
        .map_err(within(format!("removing leftovers on {origin}")))?;
    Ok(())
}

/// Loads `url`, a page of `route`, and waits for its heading; the browser log is drained first.
async fn load(env: &Env, url: &str, route: &Route) -> Result<(), Failed> {
    env.browser.take_log()?;
    env.browser
        .client
        .goto(url)
        .await
        .map_err(|e| format!("cannot load {url}: {e}"))?;
    env.wait_for_heading(route)
        .await
        .map_err(within(format!("loading {url}")))
}

/// The build served on an origin of its own: a [`SiteServer`] behind a [`Relay`], so that
/// dropping it stops the server the way an ended process does (see [`Relay`]).
struct OwnSite {
    /// The relay on the origin's port; dropped first.
    relay: Relay,
    /// The server the relay forwards to.
    _server: SiteServer,
}

impl OwnSite {
    /// Serves the build in `dist` under the suite's base path, on `addr` (such as `127.0.0.1:0`).
    fn start(dist: &Path, addr: &str) -> Result<OwnSite, Failed> {
        let base = site::base_path()?;
        let server = SiteServer::start_with_base(dist, "127.0.0.1:0", &base)
            .map_err(|e| format!("cannot serve {} under {base}: {e}", dist.display()))?;
        let relay = Relay::start(addr, socket_addr(&server.url())?)
            .map_err(|e| format!("cannot relay {addr} to {}: {e}", server.url()))?;
        Ok(OwnSite {
            relay,
            _server: server,
        })
    }

    /// Serves the build in `dist` on `addr`, where another site was stopped a moment ago.
    async fn start_again(dist: &Path, addr: SocketAddr) -> Result<OwnSite, Failed> {
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            match OwnSite::start(dist, &addr.to_string()) {
                Ok(site) => return Ok(site),
                Err(e) if Instant::now() > deadline => return Err(e),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// The origin, such as `http://127.0.0.1:39211`.
    fn origin(&self) -> String {
        self.relay.url()
    }

    /// The origin's socket address.
    fn addr(&self) -> SocketAddr {
        self.relay.addr()
    }
}

/// Checks that nothing listens on `addr` any more, waiting a moment for a listener that closes
/// in another thread.
async fn refuses_connections(addr: SocketAddr) -> Result<(), Failed> {
    let deadline = Instant::now() + Duration::from_secs(2);
    while TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_ok() {
        if Instant::now() > deadline {
            return Err(format!("the stopped server at {addr} still accepts connections").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// The socket address of an origin such as `http://127.0.0.1:39211`.
fn socket_addr(origin: &str) -> Result<SocketAddr, Failed> {
    origin
        .trim_start_matches("http://")
        .parse()
        .map_err(|e| format!("{origin} names no socket address: {e}").into())
}

/// The names of the caches that [`CACHES_JS`] listed.
fn keys(caches: &Json) -> String {
    caches
        .as_object()
        .map(|o| format!("{:?}", o.keys().collect::<Vec<_>>()))
        .unwrap_or_else(|| caches.to_string())
}

/// The text of the file at `path`.
fn read(path: &Path) -> Result<String, Failed> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()).into())
}

/// Writes `text` to the file at `path`.
fn write(path: &Path, text: &str) -> Result<(), Failed> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()).into())
}
