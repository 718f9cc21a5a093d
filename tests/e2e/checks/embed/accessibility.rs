//! axe-core inside a loader's frame, at a wide host page and at the narrowest phone width.

use libtest_mimic::Failed;

use super::frames::{in_frame, wait_fit, wait_started};
use super::sites::{AppSite, StaticSite, embed_element, host_page};
use super::{HOST_PAGE, goto, guarded};
use crate::axe;
use crate::env::{DEFAULT_VIEWPORT, Env};
use crate::page::within;
use crate::routes::route;

/// The id of the loader's element.
const EMBED_ID: &str = "einbettung";

/// The page embedded: an area page, with its photo, text and pager.
const PAGE: &str = "/handlungsfelder/wohnen-und-integration-vor-ort";

/// The host page's widths: a desktop, and the narrowest phone (WCAG reflow).
const WIDTHS: [u32; 2] = [DEFAULT_VIEWPORT.0, 320];

/// A host page embeds [`PAGE`] through the loader; once the frame fits its content, axe-core
/// run inside the frame's document finds no violation, at each of the [`WIDTHS`].
pub async fn axe_clean_inside_the_frame(env: &Env) -> Result<(), Failed> {
    let host = StaticSite::start("host")?;
    let app = AppSite::start(&[&host.origin()])?;
    let body = embed_element(EMBED_ID, PAGE, &[]);
    host.put(HOST_PAGE, &host_page(&app, &[app.origin()], &body))?;
    guarded(env, async || {
        goto(env, &host.url(HOST_PAGE)).await?;
        let (sel, page) = (format!("#{EMBED_ID} > iframe"), route(PAGE));
        wait_started(env, &sel, &page).await?;
        let mut found = Vec::new();
        for width in WIDTHS {
            env.set_viewport((width, DEFAULT_VIEWPORT.1)).await?;
            wait_fit(env, &sel, &page, |_| true)
                .await
                .map_err(within(format!("{width} px wide")))?;
            let violations = in_frame(env, &sel, async || axe::violations(env).await).await?;
            found.extend(violations.iter().map(|v| format!("  - at {width} px: {v}")));
        }
        if found.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{PAGE} in the loader's frame: {} axe violations\n{}",
                found.len(),
                found.join("\n")
            )
            .into())
        }
    })
    .await
}
