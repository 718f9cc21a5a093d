//! Runs axe-core on a page at a wide and a narrow viewport.

use libtest_mimic::Failed;

use crate::axe;
use crate::env::Env;
use crate::routes::Route;

/// The window sizes every route is checked at: a desktop and the narrowest phone (WCAG reflow).
pub const VIEWPORTS: [(u32, u32); 2] = [(1280, 900), (320, 800)];

/// Loads the route at `viewport` and fails with every axe violation found.
pub async fn axe_clean(env: &Env, route: &Route, viewport: (u32, u32)) -> Result<(), Failed> {
    env.open_at(route, viewport).await?;
    let violations = axe::violations(env).await?;
    fail_on(
        &format!("{} at {}×{}", route.path, viewport.0, viewport.1),
        &violations,
    )
}

/// Fails with every axe violation found, under `context`; succeeds when there is none.
pub fn fail_on(context: &str, violations: &[axe::Violation]) -> Result<(), Failed> {
    if violations.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = violations.iter().map(|v| format!("  - {v}")).collect();
    Err(format!(
        "{context}: {} axe violations\n{}",
        violations.len(),
        list.join("\n")
    )
    .into())
}
