//! The message channel between the loader and the app accepts only its two ends: forged size
//! reports from a foreign origin, from another frame of the app's origin or from the host page
//! itself change no frame, and the app answers a size request only from its host page.

use std::time::{Duration, Instant};

use libtest_mimic::Failed;
use serde_json::{Value as Json, json};

use super::frames::{in_frame, messages, outer, reports, wait_fit, wait_started};
use super::sites::{AppSite, FORGED_HEIGHT, PROBE_PAGE, StaticSite, embed_element, host_page};
use super::{HOST_PAGE, goto, guarded, report};
use crate::env::Env;
use crate::page::{SETTLE_LIMIT, within};
use crate::routes::route;

/// The id of the loader's element on the host page.
const EMBED_ID: &str = "einbettung";

/// The page embedded.
const PAGE: &str = "/handlungsfelder/unterbringung";

/// How long the app's reports must pause before the frame counts as settled.
const QUIET: Duration = Duration::from_millis(1500);

/// How long a message that must change nothing is given to change something anyway.
const GRACE: Duration = Duration::from_millis(1000);

/// A host page embeds [`PAGE`] through the loader. Once the frame fits, a foreign origin's
/// frame and a frame of the app's origin that is not the loader's each post a size report of
/// [`FORGED_HEIGHT`] pixels to the host page and a size request to the other frames, and the
/// host page posts such a report to itself: the loader's frame keeps its height, and the app
/// answers none of the requests. A request from the host page, as the loader sends it, is
/// answered. Last, the loader's frame itself shows the foreign page, whose report changes
/// nothing either.
pub async fn foreign_messages_change_nothing(env: &Env) -> Result<(), Failed> {
    let host = StaticSite::start("host")?;
    let foreign = StaticSite::start("fremd")?;
    let app = AppSite::start(&[&host.origin()])?;
    let body = embed_element(EMBED_ID, PAGE, &[]);
    let frame_src = [app.origin(), foreign.origin()];
    host.put(HOST_PAGE, &host_page(&app, &frame_src, &body))?;
    guarded(env, async || {
        goto(env, &host.url(HOST_PAGE)).await?;
        let sel = format!("#{EMBED_ID} > iframe");
        wait_started(env, &sel, &route(PAGE)).await?;
        let (fit, _) = wait_fit(env, &sel, &route(PAGE), |_| true).await?;
        let count = settled(env).await?;
        let forgers = [
            ("fremde-herkunft", foreign.url(PROBE_PAGE)),
            ("gleiche-herkunft", app.url(&format!("/{PROBE_PAGE}"))),
        ];
        let mut problems = Vec::new();
        for (id, url) in &forgers {
            add_frame(env, id, url).await?;
            problems.extend(forged_changed_nothing(env, &sel, &fit, id, Some(count)).await?);
        }
        env.js(
            "window.postMessage({ type: 'aktionsplan:hoehe', version: 1, height: arguments[0], \
               path: '/fremd', title: 'Fremd' }, '*');",
            vec![json!(FORGED_HEIGHT)],
        )
        .await?;
        problems.extend(forged_changed_nothing(env, &sel, &fit, "top", Some(count)).await?);
        report("after the forged messages", problems)?;
        answers_its_host(env, &sel, &app.origin(), count)
            .await
            .map_err(within("a size request from the host page"))?;
        // Last, the loader's own frame leaves the app for the foreign page, as after a link that
        // led away: its forged report comes from the loader's frame, but not from the app's origin.
        in_frame(env, &sel, async || {
            env.js(
                "location.href = arguments[0];",
                vec![json!(foreign.url(PROBE_PAGE))],
            )
            .await
        })
        .await?;
        let problems = forged_changed_nothing(env, &sel, &fit, EMBED_ID, None).await?;
        report("after the loader's frame showed a foreign page", problems)
    })
    .await
}

/// Waits until the loader's frame sent no report for [`QUIET`]; returns how many it sent.
async fn settled(env: &Env) -> Result<usize, Failed> {
    let deadline = Instant::now() + SETTLE_LIMIT + QUIET;
    let (mut count, mut since) = (
        reports(&messages(env).await?, EMBED_ID).len(),
        Instant::now(),
    );
    while since.elapsed() < QUIET {
        if Instant::now() > deadline {
            return Err(format!(
                "the app in the frame keeps reporting sizes: {count} reports, none quiet for {QUIET:?}"
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = reports(&messages(env).await?, EMBED_ID).len();
        if now != count {
            (count, since) = (now, Instant::now());
        }
    }
    if count == 0 {
        return Err("the host page received no size report from the loader's frame".into());
    }
    Ok(count)
}

/// Appends a frame with the id `id` and the page `url` to the host page.
async fn add_frame(env: &Env, id: &str, url: &str) -> Result<(), Failed> {
    env.js(
        "const f = document.createElement('iframe'); \
         f.id = arguments[0]; f.title = 'Fremde Seite'; f.src = arguments[1]; \
         document.body.append(f);",
        vec![json!(id), json!(url)],
    )
    .await?;
    Ok(())
}

/// Waits until the host page received the forged report from `from` (a frame's id, or `top`),
/// then what is wrong: the loader's frame changed its height from `fit`'s, or its app sent
/// reports beyond the `count` before, if given (answering a forged request).
async fn forged_changed_nothing(
    env: &Env,
    frame: &str,
    fit: &Json,
    from: &str,
    count: Option<usize>,
) -> Result<Vec<String>, Failed> {
    let forged = |list: &[Json]| {
        list.iter()
            .any(|m| m["from"] == from && m["data"]["height"] == FORGED_HEIGHT)
    };
    let deadline = Instant::now() + SETTLE_LIMIT;
    while !forged(&messages(env).await?) {
        if Instant::now() > deadline {
            return Err(format!(
                "the forged report from {from} did not reach the host page within {SETTLE_LIMIT:?}: {}",
                Json::Array(messages(env).await?)
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(GRACE).await;
    let (now, list) = (outer(env, frame).await?, messages(env).await?);
    let mut problems = Vec::new();
    if now["height"] != fit["height"] || now["style"] != fit["style"] {
        problems.push(format!(
            "after a forged report from {from}, the frame is {} px high (style {}), before {} px (style {})",
            now["height"], now["style"], fit["height"], fit["style"]
        ));
    }
    let sent = reports(&list, EMBED_ID);
    if let Some(count) = count
        && sent.len() != count
    {
        problems.push(format!(
            "after a forged size request from {from}, the app in the frame sent {} more reports: {:?}",
            sent.len() as i64 - count as i64,
            &sent[count.min(sent.len())..]
        ));
    }
    Ok(problems)
}

/// Posts a size request to the loader's frame from the host page, as the loader does: the app
/// answers with one more report, of the frame's height.
async fn answers_its_host(
    env: &Env,
    frame: &str,
    app_origin: &str,
    count: usize,
) -> Result<(), Failed> {
    let before = reports(&messages(env).await?, EMBED_ID).len();
    if before != count {
        return Err(format!("{} reports arrived meanwhile", before - count).into());
    }
    env.js(
        "document.querySelector(arguments[0]).contentWindow.postMessage( \
           { type: 'aktionsplan:hoehe-anfragen', version: 1 }, arguments[1]);",
        vec![json!(frame), json!(app_origin)],
    )
    .await?;
    let deadline = Instant::now() + SETTLE_LIMIT;
    loop {
        let list = messages(env).await?;
        let sent = reports(&list, EMBED_ID);
        if let Some(answer) = sent.get(count) {
            let height = outer(env, frame).await?["height"].clone();
            let close = matches!((answer["data"]["height"].as_f64(), height.as_f64()),
                (Some(a), Some(h)) if (a - h).abs() <= 2.0);
            return if close && answer["origin"] == app_origin {
                Ok(())
            } else {
                Err(
                    format!("the answer {answer} does not match the frame's height {height}")
                        .into(),
                )
            };
        }
        if Instant::now() > deadline {
            return Err(format!("the app did not answer within {SETTLE_LIMIT:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
