//! Runs axe-core (installed by `npm ci` into node_modules) on the current page.

use std::fmt;
use std::path::PathBuf;

use libtest_mimic::Failed;
use serde_json::{Value as Json, json};

use crate::env::Env;

/// The rules checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (such as
/// unique landmarks, heading order and every content inside a landmark).
pub const TAGS: &[&str] = &[
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// One rule that failed, with the elements that fail it.
#[derive(Debug)]
pub struct Violation {
    /// The rule id, such as `color-contrast`.
    pub id: String,
    /// How bad axe considers it: minor, moderate, serious or critical.
    pub impact: String,
    /// What the rule asks for, in one line.
    pub help: String,
    /// The CSS selectors of the failing elements, each with axe's summary of what to fix.
    pub targets: Vec<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.id, self.impact, self.help)?;
        for target in &self.targets {
            write!(f, "\n      {target}")?;
        }
        Ok(())
    }
}

/// The path of axe-core's browser bundle.
fn axe_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js")
}

/// Injects axe-core into the current page (unless it is there) and returns its violations.
pub async fn violations(env: &Env) -> Result<Vec<Violation>, Failed> {
    let present = env
        .js("return typeof window.axe === 'object';", vec![])
        .await?;
    if present != true {
        let path = axe_path();
        let source = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read {}: {e} (run `npm ci` in the repository root)",
                path.display()
            )
        })?;
        env.js(&source, vec![]).await?;
    }
    let run = "const [tags, done] = arguments; \
        axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }) \
          .then(r => done({ violations: r.violations.map(v => ({ id: v.id, impact: v.impact || '', \
              help: v.help, targets: v.nodes.map(n => n.target.flat().join(' >> ') + \
                (n.failureSummary ? ': ' + n.failureSummary.split('\\n').slice(1) \
                  .map(l => l.trim()).filter(l => l).join('; ') : '')) })) }), \
                e => done({ error: String(e) }));";
    let result = env
        .browser
        .client
        .execute_async(run, vec![json!(TAGS)])
        .await
        .map_err(|e| format!("axe.run failed: {e}"))?;
    if let Some(error) = result.get("error") {
        return Err(format!("axe.run failed: {error}").into());
    }
    let list = result["violations"]
        .as_array()
        .ok_or_else(|| format!("axe.run returned no violation list: {result}"))?;
    Ok(list.iter().map(violation).collect())
}

/// Reads one violation from axe's (already trimmed) result.
fn violation(v: &Json) -> Violation {
    let text = |key: &str| v[key].as_str().unwrap_or_default().to_owned();
    Violation {
        id: text("id"),
        impact: text("impact"),
        help: text("help"),
        targets: v["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| t.as_str().unwrap_or_default().to_owned())
            .collect(),
    }
}
