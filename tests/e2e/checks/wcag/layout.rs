//! WCAG 2.2 checks computed in the page: reflow at 320 CSS px (1.4.10), text spacing (1.4.12),
//! target size (2.5.8, ours 44 px), named landmarks, link texts that stand on their own, and
//! controls and focus rings that stay visible in forced colours.

use std::time::Duration;

use libtest_mimic::Failed;
use serde_json::Value as Json;

use crate::env::Env;
use crate::routes::Route;

/// The smallest target the app allows: 44 × 44 CSS px (WCAG asks 24 at AA, 44 at AAA).
const TARGET: f64 = 44.0;

/// Fails with every problem in the page's list `problems` (strings), under `what`.
fn report(what: &str, problems: &Json) -> Result<(), Failed> {
    let list = problems
        .as_array()
        .ok_or_else(|| format!("{what}: the page's check returned {problems}"))?;
    crate::page::report(
        what,
        list.iter()
            .map(|p| p.as_str().unwrap_or_default().to_owned())
            .collect(),
    )
}

/// JavaScript that describes an element briefly, as `tag#id.class "text"`.
const DESCRIBE_JS: &str = "const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
    (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + \
    ' \"' + (e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '\"'; \
    const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); \
      return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && !e.closest('.visually-hidden'); };";

/// At 320 CSS px nothing scrolls sideways, then with the text spacing of WCAG 1.4.12 applied to
/// every element no content is clipped and still nothing scrolls sideways.
pub async fn reflow_and_text_spacing(env: &Env, route: &Route) -> Result<(), Failed> {
    env.open_at(route, (320, 800)).await?;
    let script = format!(
        "{DESCRIBE_JS} const problems = []; \
         const overflow = () => document.documentElement.scrollWidth - window.innerWidth; \
         if (overflow() > 0) problems.push('scrolls sideways by ' + overflow() + ' px at 320 px'); \
         for (const e of document.querySelectorAll('body *')) {{ \
           e.style.setProperty('line-height', '1.5', 'important'); \
           e.style.setProperty('letter-spacing', '0.12em', 'important'); \
           e.style.setProperty('word-spacing', '0.16em', 'important'); \
           if (e.matches('p')) e.style.setProperty('margin-bottom', '2em', 'important'); }} \
         document.body.offsetHeight; \
         if (overflow() > 0) problems.push('with text spacing it scrolls sideways by ' + overflow() + ' px'); \
         for (const e of document.querySelectorAll('body *')) {{ \
           if (!shown(e)) continue; \
           const s = getComputedStyle(e); \
           const clips = [s.overflowX, s.overflowY].some(o => o !== 'visible'); \
           if (!clips || e.matches('textarea, select, input, iframe')) continue; \
           if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) \
             problems.push('clips its content with text spacing: ' + describe(e) + ' (' + \
               e.scrollWidth + '×' + e.scrollHeight + ' in ' + e.clientWidth + '×' + e.clientHeight + ')'); }} \
         return problems;"
    );
    let problems = env.js(&script, vec![]).await?;
    report(&format!("{} at 320 px", route.path), &problems)
}

/// Every control that is not a link inside running text is at least 44 × 44 CSS px (radio buttons
/// and checkboxes count with their label), at 320 px and at 1280 px.
pub async fn target_sizes(env: &Env, route: &Route) -> Result<(), Failed> {
    for viewport in [(320, 800), (1280, 900)] {
        env.open_at(route, viewport).await?;
        let script = format!(
            "{DESCRIBE_JS} const problems = []; const min = {TARGET}; \
             const inText = e => e.tagName === 'A' && getComputedStyle(e).display === 'inline' && \
               e.parentElement && e.parentElement.closest('p, li, td, dd, figcaption') && \
               (e.parentElement.closest('p, li, td, dd, figcaption').textContent.trim().length > \
                e.textContent.trim().length + 2); \
             for (const e of document.querySelectorAll('a[href], button, summary, select, textarea, input')) {{ \
               if (!shown(e) || inText(e) || e.type === 'hidden') continue; \
               const box = (e.type === 'radio' || e.type === 'checkbox') && e.closest('label') ? e.closest('label') : e; \
               const r = box.getBoundingClientRect(); \
               if (r.width + 0.5 < min || r.height + 0.5 < min) \
                 problems.push(describe(e) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px'); }} \
             return problems;"
        );
        let problems = env.js(&script, vec![]).await?;
        report(
            &format!("{} at {} px: targets under 44 px", route.path, viewport.0),
            &problems,
        )?;
    }
    Ok(())
}

/// Every landmark that occurs more than once is named, names differ, the headings go down one
/// level at a time, and no link text needs its surroundings: no "hier" or "mehr", and one text
/// never leads to two different places.
pub async fn landmarks_headings_and_links(env: &Env, route: &Route) -> Result<(), Failed> {
    env.open(route).await?;
    let script = format!(
        "{DESCRIBE_JS} const problems = []; \
         const name = e => (e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '') \
           .split(/\\s+/).map(id => (document.getElementById(id) || {{}}).textContent || '').join(' ')).trim(); \
         for (const tag of ['nav', 'aside', 'form', 'section']) {{ \
           const all = Array.from(document.querySelectorAll(tag)); \
           const named = all.filter(e => name(e)); \
           if (tag === 'nav' || tag === 'aside') all.filter(e => !name(e)).forEach(e => problems.push(tag + ' without a name: ' + describe(e))); \
           const names = named.map(name); \
           names.filter((n, i) => names.indexOf(n) !== i).forEach(n => problems.push('two ' + tag + ' landmarks named ' + JSON.stringify(n))); }} \
         let level = 0; \
         for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {{ \
           if (!shown(h) && !h.closest('.visually-hidden')) continue; \
           const l = Number(h.tagName[1]); \
           if (l > level + 1) problems.push('heading ' + describe(h) + ' (h' + l + ') follows h' + level); \
           level = l; }} \
         const vague = /^(hier|mehr|weiter|link|klicken|hier klicken|mehr erfahren|weiterlesen|details)$/i; \
         const targets = new Map(); \
         for (const a of document.querySelectorAll('a[href]')) {{ \
           const text = (a.getAttribute('aria-label') || a.textContent).trim().replace(/\\s+/g, ' '); \
           if (vague.test(text)) problems.push('vague link text: ' + describe(a)); \
           const href = new URL(a.getAttribute('href'), location.href); href.hash = a.hash; \
           const key = text.toLowerCase(); \
           if (targets.has(key) && targets.get(key) !== href.href) \
             problems.push('the link text ' + JSON.stringify(text) + ' leads to ' + targets.get(key) + ' and ' + href.href); \
           targets.set(key, href.href); }} \
         return problems;"
    );
    let problems = env.js(&script, vec![]).await?;
    report(route.path, &problems)
}

/// With forced colours emulated, every button, field and toggle keeps a visible border, and every
/// element that takes focus by Tab shows a focus ring of at least 2 px that nothing covers.
pub async fn forced_colours_keep_controls_and_focus_visible(
    env: &Env,
    route: &Route,
) -> Result<(), Failed> {
    env.open(route).await?;
    let controls = format!(
        "{DESCRIBE_JS} const problems = []; \
         if (!matchMedia('(forced-colors: active)').matches) return ['forced colours are not emulated']; \
         for (const e of document.querySelectorAll('button, summary, select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=hidden])')) {{ \
           if (!shown(e)) continue; \
           const s = getComputedStyle(e); \
           if (!(parseFloat(s.borderTopWidth) >= 1 && s.borderTopStyle !== 'none')) \
             problems.push('no visible border: ' + describe(e)); }} \
         return problems;"
    );
    let problems = env.js(&controls, vec![]).await?;
    report(&format!("{} in forced colours", route.path), &problems)?;
    focus_walk(env, route).await
}

/// Presses Tab through the page (at most 120 stops) and checks at each stop that the focused
/// element (or, for a card whose whole area is its link, the card around it) shows an outline of
/// at least 2 px and is the element at its own centre (not hidden
/// under a header or another element, WCAG 2.4.11).
pub async fn focus_walk(env: &Env, route: &Route) -> Result<(), Failed> {
    let check = format!(
        "{DESCRIBE_JS} const e = document.activeElement; \
         if (!e || e === document.body) return {{ done: true }}; \
         if (e.tagName === 'IFRAME') return {{ done: false, id: describe(e), problems: [], frame: true }}; \
         const s = getComputedStyle(e); const r = e.getBoundingClientRect(); \
         const problems = []; \
         let ring = false; \
         for (let x = e, i = 0; x && i < 4 && !ring; x = x.parentElement, i++) {{ \
           const o = getComputedStyle(x); \
           ring = o.outlineStyle !== 'none' && parseFloat(o.outlineWidth) >= 2 && x.matches(':focus-within'); }} \
         if (!ring) problems.push('no focus ring (outline ' + s.outlineStyle + ' ' + s.outlineWidth + '): ' + describe(e)); \
         const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1); \
         const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 20), 0), innerHeight - 1); \
         const top = document.elementFromPoint(x, y); \
         if (r.bottom < 0 || r.top > innerHeight) problems.push('focused but out of view: ' + describe(e)); \
         else if (top && top !== e && !e.contains(top) && !top.contains(e) && !(e.labels && Array.from(e.labels).some(l => l.contains(top)))) \
           problems.push('focused but covered by ' + describe(top) + ': ' + describe(e)); \
         return {{ done: false, id: describe(e) + '@' + Math.round(r.top + scrollY), problems }};"
    );
    let mut seen = Vec::new();
    let mut problems = Vec::new();
    for _ in 0..120 {
        env.press_tab().await?;
        // The page scrolls smoothly to the focused element (unless reduced motion is asked for),
        // so an element may need a moment to come into view.
        let (stop, _) = env
            .js_until(&check, Duration::from_millis(1500), |v| {
                !v["problems"].as_array().is_some_and(|p| {
                    p.iter()
                        .any(|t| t.as_str().is_some_and(|t| t.contains("out of view")))
                })
            })
            .await?;
        if stop["done"] == true || stop["frame"] == true {
            // Past the last element, or into a frame, whose page has its own focus rings.
            break;
        }
        let id = stop["id"].as_str().unwrap_or_default().to_owned();
        if seen.contains(&id) {
            // Focus came round to an element it visited: the walk is complete.
            break;
        }
        seen.push(id);
        if let Some(list) = stop["problems"].as_array() {
            problems.extend(list.iter().cloned());
        }
    }
    if seen.is_empty() {
        return Err(format!("{}: Tab never focused anything", route.path).into());
    }
    report(
        &format!("{}: focus walk over {} stops", route.path, seen.len()),
        &Json::Array(problems),
    )
}
