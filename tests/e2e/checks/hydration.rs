//! Checks that the browser app takes over each pre-rendered page by hydrating it: no warning or
//! error in the console and no layout shift; the not-found page (served for any unknown path) is
//! rendered afresh instead.

use libtest_mimic::Failed;

use crate::env::Env;
use crate::routes::Route;

/// JavaScript that sums the page's layout shifts so far (Cumulative Layout Shift, without shifts
/// right after input), from the buffered `layout-shift` entries.
const LAYOUT_SHIFT_JS: &str = "return await new Promise(resolve => { \
      let sum = 0; \
      new PerformanceObserver(list => { \
        for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; \
      }).observe({ type: 'layout-shift', buffered: true }); \
      setTimeout(() => resolve(sum), 300); \
    });";

/// Loads the route at its own URL; the app must report that it hydrated (`data-app`), log no
/// warning or error, and shift no layout.
pub async fn hydrates_cleanly(env: &Env, route: &Route) -> Result<(), Failed> {
    env.open(route).await?;
    let mut problems = Vec::new();
    let how = env
        .js(
            "return document.documentElement.getAttribute('data-app');",
            vec![],
        )
        .await?;
    let expected = if route.not_found {
        "gerendert"
    } else {
        "hydriert"
    };
    if how != expected {
        problems.push(format!("the app started as {how}, expected {expected:?}"));
    }
    let shift = env.js(LAYOUT_SHIFT_JS, vec![]).await?;
    if !route.not_found && shift.as_f64() != Some(0.0) {
        problems.push(format!("layout shifted by {shift} (CLS), expected 0"));
    }
    let page_url = env.url(route.path);
    problems.extend(
        env.log()?
            .iter()
            .filter(|entry| entry["level"] == "WARNING" || entry["level"] == "SEVERE")
            .filter(|entry| !super::requests::expected_404(route, &page_url, entry))
            .map(|entry| format!("browser log ({}): {}", entry["level"], entry["message"])),
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n  {}", route.path, problems.join("\n  ")).into())
    }
}
