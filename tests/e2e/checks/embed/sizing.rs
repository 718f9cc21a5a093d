//! The loader's frames: their attributes, the embedded view inside, and a height that follows
//! the content on start, after a link followed inside the frame, and after the host page got
//! narrower.

use libtest_mimic::Failed;
use serde_json::{Value as Json, json};

use super::frames::{in_frame, outer, wait_fit, wait_started};
use super::sites::{AppSite, StaticSite, embed_element, host_page};
use super::{HOST_PAGE, SANDBOX, goto, guarded, report};
use crate::env::Env;
use crate::page::{NORMALIZE_JS, within};
use crate::routes::route;

/// One frame of the host page: the element's id, the page embedded, and the page that a link
/// inside it leads to.
struct Embedded {
    /// The id of the element the loader fills.
    id: &'static str,
    /// The route path embedded.
    from: &'static str,
    /// The route path of the link followed inside the frame.
    to: &'static str,
}

/// The two frames: an area page, whose "next area" link is followed, and the guiding
/// principles, whose link to the action areas is followed.
const FRAMES: [Embedded; 2] = [
    Embedded {
        id: "einbettung-handlungsfeld",
        from: "/handlungsfelder/unterbringung",
        to: "/handlungsfelder/rueckfuehrungen",
    },
    Embedded {
        id: "einbettung-leitlinien",
        from: "/leitlinien",
        to: "/handlungsfelder",
    },
];

/// The narrow host page width the frames must follow.
const NARROW: (u32, u32) = (400, 900);

/// How far above the viewport the host page is scrolled before a link in a frame is followed:
/// a little, so that the new page's `<h1>`, which the app focuses, is still in view. Focusing an
/// element out of view would scroll the host page by itself, and the loader's own scrolling
/// would go unchecked.
const ABOVE: f64 = 40.0;

/// JavaScript inside a frame describing the embedded view: the `data-einbettung` mark, the
/// site's header, footer and skip link (which must be gone), and the attribution link.
const VIEW_JS: &str = "const d = document.documentElement; \
    const link = document.querySelector('.embed-footer a[target=_blank]'); \
    const url = link ? new URL(link.href) : null; \
    return { embedded: d.hasAttribute('data-einbettung'), \
      chrome: Array.from(document.querySelectorAll('.site-header, .site-footer, .skip-link'), \
        e => e.className), \
      mains: document.querySelectorAll('main').length, \
      footer: url && { path: routePath(url.pathname), search: url.search, text: norm(link.textContent) } };";

/// JavaScript inside a frame that clicks the first link in `<main>` leading to the route path
/// `arguments[0]`; returns whether there was one.
const CLICK_JS: &str = "const link = Array.from(document.querySelectorAll('main a[href]')) \
      .find(a => routePath(new URL(a.href).pathname) === arguments[0]); \
    if (!link) return false; \
    link.click(); \
    return true;";

/// A host page embeds an area page and the guiding principles through the loader. Each frame
/// has the documented attributes and, eventually, its page's title; inside it shows only the
/// content and the attribution link, and the frame is as high as the content. After a link in a
/// frame was followed while the frame's top was above the viewport, the frame fits the new page
/// and its top is in view; after the host page got narrower, both frames fit again.
pub async fn loader_sizes_two_frames(env: &Env) -> Result<(), Failed> {
    let host = StaticSite::start("host")?;
    let app = AppSite::start(&[&host.origin()])?;
    let body: Vec<String> = FRAMES
        .iter()
        .map(|f| embed_element(f.id, f.from, &[]))
        .collect();
    let body = body.join("\n<p>Text der Gastseite zwischen den Rahmen.</p>\n");
    host.put(HOST_PAGE, &host_page(&app, &[app.origin()], &body))?;
    guarded(env, async || {
        goto(env, &host.url(HOST_PAGE)).await?;
        for frame in &FRAMES {
            let context = format!("the frame with {}", frame.from);
            check_start(env, &app, &host.origin(), frame)
                .await
                .map_err(within(&context))?;
        }
        for frame in &FRAMES {
            let context = format!("following the link to {} in {}", frame.to, frame.from);
            check_navigation(env, frame)
                .await
                .map_err(within(&context))?;
        }
        check_narrower(env).await
    })
    .await
}

/// The CSS selector of the loader's frame in the element `id`.
fn selector(id: &str) -> String {
    format!("#{id} > iframe")
}

/// The frame's attributes, the view inside, its title and its height after the start.
async fn check_start(
    env: &Env,
    app: &AppSite,
    host_origin: &str,
    frame: &Embedded,
) -> Result<(), Failed> {
    let (sel, page) = (selector(frame.id), route(frame.from));
    let first = outer(env, &sel).await?;
    let mut problems = attribute_problems(&first, app, host_origin, frame.from);
    wait_started(env, &sel, &page).await?;
    let script = format!("{NORMALIZE_JS} {VIEW_JS}");
    let view = in_frame(env, &sel, async || env.js(&script, vec![]).await).await?;
    if view["embedded"] != true {
        problems.push("<html> inside has no data-einbettung".to_owned());
    }
    if view["chrome"].as_array().is_none_or(|c| !c.is_empty()) || view["mains"] != 1 {
        problems.push(format!(
            "inside, the site's header, footer or skip link show ({}) or there is not one <main> ({})",
            view["chrome"], view["mains"]
        ));
    }
    let footer = &view["footer"];
    if footer["path"] != frame.from || footer["search"] != "" {
        problems.push(format!(
            "the attribution link (.embed-footer a[target=_blank]) is {footer}, expected one to {} \
             without a query",
            frame.from
        ));
    }
    let (fit, _) = wait_fit(env, &sel, &page, |o| o["title"] == page.title().as_str())
        .await
        .map_err(within(format!("expecting the title {:?}", page.title())))?;
    if !fit["style"].as_str().is_some_and(|s| s.ends_with("px")) {
        problems.push(format!(
            "the frame's height is not set in pixels: style.height {}",
            fit["style"]
        ));
    }
    report("after the start", problems)
}

/// What is wrong with the attributes of the loader's frame, as [`outer`] saw it first.
fn attribute_problems(seen: &Json, app: &AppSite, host_origin: &str, path: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if seen["title"].as_str().is_none_or(|t| t.trim().is_empty()) {
        problems.push(format!("the frame's title is {}", seen["title"]));
    }
    if seen["loading"] != "lazy" {
        problems.push(format!("loading is {}, expected \"lazy\"", seen["loading"]));
    }
    if seen["sandbox"] != SANDBOX {
        problems.push(format!(
            "sandbox is {}, expected {SANDBOX:?}",
            seen["sandbox"]
        ));
    }
    let params = json!({ "einbettung": "1", "herkunft": host_origin });
    if seen["srcOrigin"] != app.origin().as_str()
        || seen["srcPath"] != path
        || seen["params"] != params
    {
        problems.push(format!(
            "src is {}, expected {} with the parameters {params}",
            seen["src"],
            app.url(path)
        ));
    }
    problems
}

/// Scrolls the host page so that the frame's top is [`ABOVE`] pixels above the viewport,
/// follows the link to `frame.to` inside it, and waits until the frame fits the new page, has
/// its title, and its top is in view again.
async fn check_navigation(env: &Env, frame: &Embedded) -> Result<(), Failed> {
    let (sel, next) = (selector(frame.id), route(frame.to));
    let top = env
        .js(
            "const f = document.querySelector(arguments[0]); \
             window.scrollTo({ top: window.scrollY + f.getBoundingClientRect().top + arguments[1], \
               behavior: 'instant' }); \
             return f.getBoundingClientRect().top;",
            vec![json!(sel), json!(ABOVE)],
        )
        .await?;
    if top.as_f64().is_none_or(|t| t > -ABOVE + 1.0) {
        return Err(format!(
            "the host page cannot scroll the frame's top {ABOVE} px above the viewport (top {top})"
        )
        .into());
    }
    in_frame(env, &sel, async || {
        if env.js(CLICK_JS, vec![json!(frame.to)]).await? != true {
            return Err(format!("{} has no link to {} in <main>", frame.from, frame.to).into());
        }
        env.wait_for_heading(&next).await
    })
    .await?;
    let title = next.title();
    let outcome = wait_fit(env, &sel, &next, |o| {
        o["title"] == title.as_str() && o["top"].as_f64().is_some_and(|t| t >= -2.0)
    })
    .await;
    outcome.map(drop).map_err(within(format!(
        "expecting the frame's top in view (≥ -2) and the title {title:?}"
    )))
}

/// Makes the host page [`NARROW`]: both frames, each scrolled into view, get taller and fit
/// their content again.
async fn check_narrower(env: &Env) -> Result<(), Failed> {
    let mut before = Vec::new();
    for frame in &FRAMES {
        before.push(outer(env, &selector(frame.id)).await?["height"].clone());
    }
    env.set_viewport(NARROW).await?;
    let mut problems = Vec::new();
    for (frame, before) in FRAMES.iter().zip(before) {
        let (sel, shown) = (selector(frame.id), route(frame.to));
        let context = format!("{} wide, the frame with {}", NARROW.0, frame.to);
        // Chromium does not lay out a frame of another origin while it is out of view, so its
        // size changes, and the app's reports, wait until the reader scrolls to it.
        env.js(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'start', behavior: 'instant' });",
            vec![json!(sel)],
        )
        .await?;
        let (fit, _) = wait_fit(env, &sel, &shown, |_| true)
            .await
            .map_err(within(&context))?;
        let grew = matches!((fit["height"].as_f64(), before.as_f64()), (Some(a), Some(b)) if a > b);
        if !grew {
            problems.push(format!(
                "{context}: is {} px high, {before} px before, expected taller",
                fit["height"]
            ));
        }
    }
    report("after the host page got narrower", problems)
}
