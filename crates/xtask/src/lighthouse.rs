//! The Lighthouse benchmark (`cargo xtask lighthouse`): builds the release site, serves it
//! in-process and measures `/` and one action area with Lighthouse's default mobile settings
//! (simulated slow 4G, 4x CPU slowdown) in Debian's chromium, several runs per page.
//!
//! Every figure is the median of that figure over the runs of a page, taken on its own (per
//! metric, not the figures of one median run), so one slow run cannot move any of them. Failed
//! audits are collected over all runs, with the number of runs they failed in. It is a benchmark,
//! not a test: missed goals are reported, and only a Lighthouse that cannot run is an error.
//!
//! Lighthouse comes from npm at a pinned version, installed into `tools/lighthouse/` with its own
//! package-lock.json, so the root package.json that every test run installs stays small.

use crate::run::{cmd, root, run};
use serde_json::Value;
use siteserver::SiteServer;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Lighthouse's version: 13 needs a newer Node than Debian 12's; `tools/lighthouse/package.json`
/// pins the same.
const VERSION: &str = "12.2.3";

/// The folder with Lighthouse's package.json and package-lock.json, relative to the root.
const TOOL_DIR: &str = "tools/lighthouse";

/// The browser Lighthouse drives.
const CHROME: &str = "/usr/bin/chromium";

/// Chromium's flags: headless, as root (no sandbox), and quiet on a closed network.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
     --disable-background-networking --disable-component-update --disable-sync --no-first-run";

/// The measured pages: the start page and one action area.
const PAGES: [&str; 2] = ["/", "/handlungsfelder/unterbringung"];

/// Runs per page unless `--runs` says otherwise.
const DEFAULT_RUNS: usize = 3;

/// The categories whose failed audits are listed (performance has its own figures).
const LISTED_CATEGORIES: [&str; 3] = ["accessibility", "best-practices", "seo"];

/// Builds the release site, installs Lighthouse if needed and prints the benchmark.
///
/// `--dist DIR` measures the build in DIR as it is instead of building (`--dist dist` right
/// after `cargo xtask test`); `--runs N` takes N runs per page instead of 3.
pub fn lighthouse(args: &[String]) -> Result<(), String> {
    let usage = "usage: cargo xtask lighthouse [--dist DIR] [--runs N]";
    let mut dist = None;
    let mut runs = DEFAULT_RUNS;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--dist" => {
                let dir = rest
                    .next()
                    .ok_or(format!("--dist needs a folder; {usage}"))?;
                dist = Some(PathBuf::from(dir));
            }
            "--runs" => {
                runs = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or(format!(
                        "--runs needs a number of runs, at least 1; {usage}"
                    ))?
            }
            _ => return Err(format!("unexpected argument `{arg}`; {usage}")),
        }
    }
    let dist = match dist {
        Some(dir) if Path::new(CHROME).exists() => dir,
        Some(_) => {
            return Err(format!(
                "{CHROME} is missing; `cargo xtask test` installs it (or apt-get install chromium)"
            ));
        }
        None => {
            crate::setup::setup(crate::setup::Needs::Test)?;
            crate::dist::build()?;
            root().join("dist")
        }
    };
    install()?;
    measure(&dist, runs)
}

/// Installs Lighthouse with `npm ci` into `tools/lighthouse/` unless its installed packages are
/// newer than the package-lock.json (the check that `setup` makes for the root packages).
fn install() -> Result<(), String> {
    let dir = root().join(TOOL_DIR);
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&lock), modified(&installed)) {
        (None, _) => Err(format!("{} is missing", lock.display())),
        (Some(lock), Some(installed)) if installed >= lock => {
            println!("xtask: Lighthouse {VERSION} is installed");
            Ok(())
        }
        _ => run(&mut cmd(
            "npm",
            &["ci", "--prefix", TOOL_DIR, "--no-audit", "--no-fund"],
        )),
    }
}

/// Serves `dist` on a free port, runs Lighthouse `runs` times on every page and prints the
/// medians, the goals and the failed audits.
fn measure(dist: &Path, runs: usize) -> Result<(), String> {
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no build; run `cargo xtask dist` first",
            dist.display()
        ));
    }
    let server = SiteServer::start(dist, "127.0.0.1:0")
        .map_err(|e| format!("cannot serve {}: {e}", dist.display()))?;
    let output = std::env::temp_dir().join(format!("xtask-lighthouse-{}.json", std::process::id()));
    let mut results: Vec<Vec<Run>> = vec![Vec::new(); PAGES.len()];
    // Runs alternate between the pages, so a slow phase of the machine hits both alike.
    let mut all_runs = || {
        for n in 1..=runs {
            for (page, runs_of_page) in PAGES.iter().zip(&mut results) {
                let url = format!("{}{page}", server.url());
                println!("xtask: Lighthouse run {n} of {runs} on {page}");
                runs_of_page.push(run_once(&url, &output)?);
            }
        }
        Ok::<(), String>(())
    };
    let outcome = all_runs();
    let _ = std::fs::remove_file(&output);
    drop(server);
    outcome?;
    let summaries: Vec<Summary> = results.iter().map(|r| summarize(r)).collect();
    print!("{}", render(&summaries, runs));
    Ok(())
}

/// Runs Lighthouse once on `url`, writing its JSON report to `output`, and reads the report.
fn run_once(url: &str, output: &Path) -> Result<Run, String> {
    let program = root().join(TOOL_DIR).join("node_modules/.bin/lighthouse");
    let mut command = cmd(&program.to_string_lossy(), &[url]);
    command
        .arg("--output=json")
        .arg(arg("--output-path=", output))
        .arg("--only-categories=performance,accessibility,best-practices,seo")
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .arg("--quiet")
        .arg("--no-enable-error-reporting")
        .env("CHROME_PATH", CHROME);
    run(&mut command)?;
    let json = std::fs::read_to_string(output)
        .map_err(|e| format!("cannot read Lighthouse's report {}: {e}", output.display()))?;
    parse(&json).map_err(|e| format!("Lighthouse on {url}: {e}"))
}

/// `flag` followed by a path, as one argument.
fn arg(flag: &str, path: &Path) -> OsString {
    let mut text = OsString::from(flag);
    text.push(path);
    text
}

/// The figures of one run, or of the median of several.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Figures {
    /// Performance score, 0 to 100.
    performance: f64,
    /// First Contentful Paint in milliseconds (no goal; shows how much of LCP is the first paint).
    fcp_ms: f64,
    /// Largest Contentful Paint in milliseconds.
    lcp_ms: f64,
    /// Cumulative Layout Shift.
    cls: f64,
    /// Total Blocking Time in milliseconds.
    tbt_ms: f64,
    /// Bytes transferred (audit `total-byte-weight`).
    bytes: f64,
    /// Accessibility score, 0 to 100.
    accessibility: f64,
    /// Best Practices score, 0 to 100.
    best_practices: f64,
    /// SEO score, 0 to 100.
    seo: f64,
}

/// An audit with a score below 1 in one of [`LISTED_CATEGORIES`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Failed {
    category: String,
    id: String,
    title: String,
    /// Whether it counts towards the category's score (weight above 0); Lighthouse lists some
    /// audits, such as `valid-source-maps`, with weight 0.
    counts: bool,
}

/// What one Lighthouse run found.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    figures: Figures,
    failed: Vec<Failed>,
}

/// Reads the figures and failed audits out of a Lighthouse JSON report; a report without scores
/// (Lighthouse could not load the page) is an error.
fn parse(json: &str) -> Result<Run, String> {
    let report: Value =
        serde_json::from_str(json).map_err(|e| format!("the report is not JSON: {e}"))?;
    if let Some(error) = report.get("runtimeError") {
        return Err(format!(
            "Lighthouse could not measure the page: {} ({})",
            error["message"].as_str().unwrap_or("no message"),
            error["code"].as_str().unwrap_or("no code")
        ));
    }
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .map(|s| s * 100.0)
            .ok_or_else(|| format!("the report has no {category} score"))
    };
    let numeric = |audit: &str| {
        report["audits"][audit]["numericValue"]
            .as_f64()
            .ok_or_else(|| format!("the report has no value for the audit {audit}"))
    };
    let figures = Figures {
        performance: score("performance")?,
        fcp_ms: numeric("first-contentful-paint")?,
        lcp_ms: numeric("largest-contentful-paint")?,
        cls: numeric("cumulative-layout-shift")?,
        tbt_ms: numeric("total-blocking-time")?,
        bytes: numeric("total-byte-weight")?,
        accessibility: score("accessibility")?,
        best_practices: score("best-practices")?,
        seo: score("seo")?,
    };
    let mut failed = Vec::new();
    for category in LISTED_CATEGORIES {
        let refs = report["categories"][category]["auditRefs"].as_array();
        for audit_ref in refs.into_iter().flatten() {
            let Some(id) = audit_ref["id"].as_str() else {
                continue;
            };
            let audit = &report["audits"][id];
            // Audits that do not apply, are informative or manual have no score.
            if audit["score"].as_f64().is_some_and(|s| s < 1.0) {
                failed.push(Failed {
                    category: category.to_owned(),
                    id: id.to_owned(),
                    title: audit["title"].as_str().unwrap_or("").to_owned(),
                    counts: audit_ref["weight"].as_f64().is_some_and(|w| w > 0.0),
                });
            }
        }
    }
    Ok(Run { figures, failed })
}

/// The result for one page: the per-figure medians and every failed audit with the number of
/// runs it failed in.
#[derive(Debug, PartialEq)]
struct Summary {
    figures: Figures,
    failed: Vec<(Failed, usize)>,
}

/// Summarises the runs of one page; there is at least one.
fn summarize(runs: &[Run]) -> Summary {
    let median_of = |pick: fn(&Figures) -> f64| median(runs.iter().map(|r| pick(&r.figures)));
    let figures = Figures {
        performance: median_of(|f| f.performance),
        fcp_ms: median_of(|f| f.fcp_ms),
        lcp_ms: median_of(|f| f.lcp_ms),
        cls: median_of(|f| f.cls),
        tbt_ms: median_of(|f| f.tbt_ms),
        bytes: median_of(|f| f.bytes),
        accessibility: median_of(|f| f.accessibility),
        best_practices: median_of(|f| f.best_practices),
        seo: median_of(|f| f.seo),
    };
    let mut failed: Vec<(Failed, usize)> = Vec::new();
    for audit in runs.iter().flat_map(|r| &r.failed) {
        match failed.iter_mut().find(|(f, _)| f == audit) {
            Some((_, count)) => *count += 1,
            None => failed.push((audit.clone(), 1)),
        }
    }
    failed.sort();
    Summary { figures, failed }
}

/// The median: the middle value, or the mean of the two middle values of an even count.
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// One line of the table: a figure, its goal if it has one, how to print it and whether it meets
/// the goal.
struct Row {
    label: &'static str,
    goal: &'static str,
    show: fn(&Figures) -> String,
    met: Option<fn(&Figures) -> bool>,
}

/// The table's lines. Scores are compared as Lighthouse shows them, rounded to whole points.
const ROWS: [Row; 9] = [
    Row {
        label: "Performance",
        goal: ">= 98",
        show: |f| format!("{:.0}", f.performance),
        met: Some(|f| f.performance.round() >= 98.0),
    },
    Row {
        label: "FCP (ms)",
        goal: "-",
        show: |f| format!("{:.0}", f.fcp_ms),
        met: None,
    },
    Row {
        label: "LCP (ms)",
        goal: "<= 1200",
        show: |f| format!("{:.0}", f.lcp_ms),
        met: Some(|f| f.lcp_ms <= 1200.0),
    },
    Row {
        label: "CLS",
        goal: "0",
        show: |f| format!("{:.3}", f.cls),
        met: Some(|f| f.cls == 0.0),
    },
    Row {
        label: "TBT (ms)",
        goal: "-",
        show: |f| format!("{:.0}", f.tbt_ms),
        met: None,
    },
    Row {
        label: "transferred (bytes)",
        goal: "-",
        show: |f| format!("{:.0}", f.bytes),
        met: None,
    },
    Row {
        label: "Accessibility",
        goal: "100",
        show: |f| format!("{:.0}", f.accessibility),
        met: Some(|f| f.accessibility.round() >= 100.0),
    },
    Row {
        label: "Best Practices",
        goal: "100",
        show: |f| format!("{:.0}", f.best_practices),
        met: Some(|f| f.best_practices.round() >= 100.0),
    },
    Row {
        label: "SEO",
        goal: "100",
        show: |f| format!("{:.0}", f.seo),
        met: Some(|f| f.seo.round() >= 100.0),
    },
];

/// The printed result: the table of medians with goal marks, the goals met per page, and the
/// failed audits outside performance.
fn render(summaries: &[Summary], runs: usize) -> String {
    let mut text = format!(
        "\nLighthouse {VERSION}, default mobile settings (simulated slow 4G: 150 ms RTT, \
         1.6 Mbit/s; 4x CPU slowdown), median of {runs} run(s) per figure\n\n{:<22}{:<10}",
        "figure", "goal"
    );
    for page in PAGES {
        text.push_str(&format!("{page:<34}"));
    }
    text = text.trim_end().to_owned();
    text.push('\n');
    for row in &ROWS {
        text.push_str(&format!("{:<22}{:<10}", row.label, row.goal));
        for summary in summaries {
            let mark = match row.met {
                Some(met) if met(&summary.figures) => "  met",
                Some(_) => "  MISSED",
                None => "",
            };
            let cell = format!("{}{mark}", (row.show)(&summary.figures));
            text.push_str(&format!("{cell:<34}"));
        }
        text = text.trim_end().to_owned();
        text.push('\n');
    }
    let goals = ROWS.iter().filter(|r| r.met.is_some()).count();
    text.push_str("\ngoals met:");
    for (page, summary) in PAGES.iter().zip(summaries) {
        let met = ROWS
            .iter()
            .filter_map(|r| r.met)
            .filter(|met| met(&summary.figures))
            .count();
        text.push_str(&format!(" {page} {met} of {goals};"));
    }
    text.pop();
    text.push_str("\n\nfailed audits outside performance (score < 1; in how many runs):\n");
    let mut any = false;
    for (page, summary) in PAGES.iter().zip(summaries) {
        for (audit, count) in &summary.failed {
            any = true;
            let weight = if audit.counts {
                ""
            } else {
                " [weight 0: does not lower the score]"
            };
            text.push_str(&format!(
                "  {page}: {} {} ({count} of {runs}){weight}: {}\n",
                audit.category, audit.id, audit.title
            ));
        }
    }
    if !any {
        text.push_str("  none\n");
    }
    text.push_str(
        "\nThe in-process server sends the build's precompressed brotli copies, as a host with \
         brotli_static would.\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A Lighthouse report cut down to what `parse` reads: one failed accessibility audit, one
    /// failed SEO audit, a failed best-practices audit of weight 0, audits that pass or do not
    /// apply, and a performance audit below 1 that is not listed.
    const REPORT: &str = r#"{
      "lighthouseVersion": "12.2.3",
      "categories": {
        "performance": { "score": 0.97, "auditRefs": [{ "id": "largest-contentful-paint", "weight": 25 }] },
        "accessibility": { "score": 0.93, "auditRefs": [
          { "id": "color-contrast", "weight": 7 },
          { "id": "image-alt", "weight": 10 },
          { "id": "accesskeys", "weight": 0 }
        ] },
        "best-practices": { "score": 1, "auditRefs": [
          { "id": "errors-in-console", "weight": 1 },
          { "id": "valid-source-maps", "weight": 0 }
        ] },
        "seo": { "score": 0.92, "auditRefs": [
          { "id": "meta-description", "weight": 1 },
          { "id": "hreflang", "weight": 1 }
        ] }
      },
      "audits": {
        "first-contentful-paint": { "score": 1, "numericValue": 910.5, "title": "First Contentful Paint" },
        "largest-contentful-paint": { "score": 0.83, "numericValue": 1830.25, "title": "Largest Contentful Paint" },
        "cumulative-layout-shift": { "score": 1, "numericValue": 0, "title": "Cumulative Layout Shift" },
        "total-blocking-time": { "score": 1, "numericValue": 40, "title": "Total Blocking Time" },
        "total-byte-weight": { "score": 1, "numericValue": 160123, "title": "Avoids enormous network payloads" },
        "color-contrast": { "score": 0, "title": "Colors lack contrast" },
        "image-alt": { "score": 1, "title": "Images have alt text" },
        "accesskeys": { "score": null, "scoreDisplayMode": "notApplicable", "title": "Access keys" },
        "errors-in-console": { "score": 1, "title": "No errors in the console" },
        "valid-source-maps": { "score": 0, "title": "Missing source maps" },
        "meta-description": { "score": 0, "title": "No meta description" },
        "hreflang": { "score": null, "scoreDisplayMode": "notApplicable", "title": "hreflang" }
      }
    }"#;

    /// The figures of [`REPORT`].
    const FIGURES: Figures = Figures {
        performance: 97.0,
        fcp_ms: 910.5,
        lcp_ms: 1830.25,
        cls: 0.0,
        tbt_ms: 40.0,
        bytes: 160123.0,
        accessibility: 93.0,
        best_practices: 100.0,
        seo: 92.0,
    };

    /// [`REPORT`] with each JSON pointer set to its value (a pointer to a missing member of an
    /// object adds it; `null` as the value removes the member instead).
    fn report(changes: &[(&str, Value)]) -> String {
        let mut report: Value = serde_json::from_str(REPORT).unwrap();
        for (pointer, value) in changes {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let object = report.pointer_mut(parent).unwrap().as_object_mut().unwrap();
            if value.is_null() {
                object.remove(key);
            } else {
                object.insert(key.to_owned(), value.clone());
            }
        }
        report.to_string()
    }

    /// Parses [`REPORT`] changed by `changes` and compares with `expect`: the figures and the
    /// failed audits as `category/id`, with ` (weight 0)` for those that do not count, or a
    /// fragment of the error.
    fn check(changes: &[(&str, Value)], expect: Result<(Figures, &[&str]), &str>) {
        let parsed = parse(&report(changes));
        match (parsed, expect) {
            (Ok(run), Ok((figures, failed))) => {
                assert_eq!(run.figures, figures);
                let ids: Vec<String> = run
                    .failed
                    .iter()
                    .map(|f| {
                        let weight = if f.counts { "" } else { " (weight 0)" };
                        format!("{}/{}{weight}", f.category, f.id)
                    })
                    .collect();
                assert_eq!(ids, failed);
            }
            (Err(message), Err(fragment)) => {
                assert!(
                    message.contains(fragment),
                    "{fragment:?} not in {message:?}"
                )
            }
            (outcome, _) => panic!("unexpected outcome: {outcome:?}"),
        }
    }

    /// Guards that the constant in the report, package.json and its lock name one version.
    #[test]
    fn the_installed_version_is_the_pinned_one() {
        let read = |name: &str| -> Value {
            let path = root().join(TOOL_DIR).join(name);
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        assert_eq!(
            read("package.json")["devDependencies"]["lighthouse"],
            VERSION
        );
        let lock = read("package-lock.json");
        assert_eq!(
            lock["packages"]["node_modules/lighthouse"]["version"],
            VERSION
        );
    }

    #[test]
    fn reads_figures_and_failed_audits_outside_performance() {
        check(
            &[],
            Ok((
                FIGURES,
                &[
                    "accessibility/color-contrast",
                    "best-practices/valid-source-maps (weight 0)",
                    "seo/meta-description",
                ],
            )),
        );
    }

    #[test]
    fn audits_that_pass_or_do_not_apply_are_not_listed() {
        check(
            &[
                ("/audits/color-contrast/score", json!(1)),
                ("/audits/meta-description/score", json!(1)),
                ("/audits/valid-source-maps/score", json!(1)),
                ("/categories/accessibility/score", json!(1)),
                ("/categories/seo/score", json!(1)),
                ("/audits/cumulative-layout-shift/numericValue", json!(0.002)),
            ],
            Ok((
                Figures {
                    accessibility: 100.0,
                    seo: 100.0,
                    cls: 0.002,
                    ..FIGURES
                },
                &[],
            )),
        );
    }

    #[test]
    fn a_report_without_figures_is_an_error() {
        check(
            &[(
                "/runtimeError",
                json!({ "code": "NO_FCP", "message": "The page did not paint any content." }),
            )],
            Err("could not measure the page: The page did not paint any content. (NO_FCP)"),
        );
        check(
            &[("/categories/seo/score", Value::Null)],
            Err("no seo score"),
        );
        check(
            &[("/audits/total-byte-weight", Value::Null)],
            Err("no value for the audit total-byte-weight"),
        );
        assert!(parse("{").unwrap_err().contains("not JSON"));
    }

    /// A run with the figures of [`REPORT`] changed by `change`, and the failed audits `failed`.
    fn run(change: impl Fn(&mut Figures), failed: &[&str]) -> Run {
        let mut figures = FIGURES;
        change(&mut figures);
        let failed = failed
            .iter()
            .map(|id| Failed {
                category: "accessibility".into(),
                id: (*id).into(),
                title: format!("title of {id}"),
                counts: true,
            })
            .collect();
        Run { figures, failed }
    }

    #[test]
    fn each_figure_is_the_median_of_its_own_values() {
        let runs = [
            run(|f| (f.performance, f.lcp_ms) = (90.0, 1000.0), &["a"]),
            run(|f| (f.performance, f.lcp_ms) = (99.0, 3000.0), &["a", "b"]),
            run(|f| (f.performance, f.lcp_ms) = (95.0, 1100.0), &[]),
        ];
        let summary = summarize(&runs);
        assert_eq!(summary.figures.performance, 95.0);
        assert_eq!(summary.figures.lcp_ms, 1100.0);
        assert_eq!(summary.figures.bytes, FIGURES.bytes);
        let counts: Vec<(&str, usize)> = summary
            .failed
            .iter()
            .map(|(f, n)| (f.id.as_str(), *n))
            .collect();
        assert_eq!(counts, [("a", 2), ("b", 1)]);
    }

    #[test]
    fn median_of_odd_even_and_single_counts() {
        for (values, expect) in [
            (&[3.0][..], 3.0),
            (&[5.0, 1.0, 3.0][..], 3.0),
            (&[4.0, 1.0, 3.0, 2.0][..], 2.5),
            (&[0.0, 0.1][..], 0.05),
        ] {
            assert_eq!(median(values.iter().copied()), expect, "{values:?}");
        }
    }

    #[test]
    fn goals_are_marked_per_page() {
        let good = Figures {
            performance: 97.5,
            lcp_ms: 1200.0,
            accessibility: 100.0,
            seo: 100.0,
            ..FIGURES
        };
        let bad = Figures {
            lcp_ms: 1200.4,
            cls: 0.001,
            ..good
        };
        let summary = |figures| Summary {
            figures,
            failed: vec![],
        };
        let text = render(&[summary(good), summary(bad)], 3);
        assert!(text.contains("median of 3 run(s)"), "{text}");
        assert!(
            text.contains("goals met: / 6 of 6; /handlungsfelder/unterbringung 4 of 6"),
            "{text}"
        );
        let lcp = text.lines().find(|l| l.starts_with("LCP")).unwrap();
        assert!(
            lcp.contains("1200  met") && lcp.contains("1200  MISSED"),
            "{lcp}"
        );
        assert!(
            text.contains("(score < 1; in how many runs):\n  none\n"),
            "{text}"
        );
        let failed = Failed {
            category: "best-practices".into(),
            id: "valid-source-maps".into(),
            title: "Missing source maps".into(),
            counts: false,
        };
        let with_failure = Summary {
            figures: good,
            failed: vec![(failed, 2)],
        };
        let text = render(&[with_failure, summary(good)], 3);
        assert!(
            text.contains(
                "runs):\n  /: best-practices valid-source-maps (2 of 3) [weight 0: does not lower \
                 the score]: Missing source maps\n\n"
            ),
            "{text}"
        );
    }
}
