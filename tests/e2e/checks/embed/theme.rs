//! The host's theme: the loader's `data-akzentfarbe`, `data-farbschema` and `data-dichte` reach
//! the app and change its look; invalid values are left out with the loader's warnings, and
//! invalid query parameters in a hand-written URL with the app's warnings.

use std::time::Duration;

use libtest_mimic::Failed;
use serde_json::{Value as Json, json};

use super::frames::{entries_with, in_frame, log_until, outer, wait_started};
use super::sites::{AppSite, StaticSite, embed_element, host_page};
use super::{APP_WARNING, HOST_PAGE, LOADER_WARNING, goto, guarded, report};
use crate::env::Env;
use crate::page::within;
use crate::routes::route;

/// The page embedded in every frame of this trial.
const PAGE: &str = "/leitlinien";

/// The link on [`PAGE`] whose colour is read: the one to the action areas, in `<main>`.
const LINK_TO: &str = "/handlungsfelder";

/// The app's link colours without an accent, light and dark (`--color-link` in `style/main.css`).
const DEFAULT_LINK: (&str, &str) = ("rgb(0, 80, 143)", "rgb(140, 196, 255)");

/// The page backgrounds of the light and the dark scheme.
const BACKGROUND: (&str, &str) = ("rgb(255, 255, 255)", "rgb(18, 20, 23)");

/// How long the loader's and the app's warnings may take to reach the log.
const WARNING_LIMIT: Duration = Duration::from_secs(3);

/// One frame of the trial: the loader's attributes and what must follow from them.
struct Case {
    /// The id of the element the loader fills.
    id: &'static str,
    /// The theme attributes on the element.
    attributes: &'static [(&'static str, &'static str)],
    /// The theme parameters the frame's URL must carry (and no others).
    params: &'static [(&'static str, &'static str)],
    /// `data-farbschema` and `data-dichte` on `<html>` inside.
    marks: (Option<&'static str>, Option<&'static str>),
    /// The custom properties `--akzent-hell` and `--akzent-dunkel` on `<html>`'s style.
    accents: (&'static str, &'static str),
    /// The link colour, or `None` for the app's default in the scheme shown.
    link: Option<&'static str>,
    /// Whether the dark scheme must show, or `None` for the system's scheme.
    dark: Option<bool>,
}

/// The frames: the dark, compact theme whose accent is too dark for the dark scheme (so the
/// default dark link colour stays), the same accent in the light scheme (where it colours the
/// links), a light accent in the dark scheme, and only invalid values.
const CASES: &[Case] = &[
    Case {
        id: "dunkel-kompakt",
        attributes: &[
            ("data-akzentfarbe", "#8a1538"),
            ("data-farbschema", "dunkel"),
            ("data-dichte", "kompakt"),
        ],
        params: &[
            ("akzent", "8a1538"),
            ("farbschema", "dunkel"),
            ("dichte", "kompakt"),
        ],
        marks: (Some("dunkel"), Some("kompakt")),
        accents: ("#8a1538", ""),
        link: Some(DEFAULT_LINK.1),
        dark: Some(true),
    },
    Case {
        id: "hell",
        attributes: &[("data-akzentfarbe", "#8a1538"), ("data-farbschema", "hell")],
        params: &[("akzent", "8a1538"), ("farbschema", "hell")],
        marks: (Some("hell"), None),
        accents: ("#8a1538", ""),
        link: Some("rgb(138, 21, 56)"),
        dark: Some(false),
    },
    Case {
        id: "dunkel-gold",
        attributes: &[
            ("data-akzentfarbe", "#FFD700"),
            ("data-farbschema", "dunkel"),
        ],
        params: &[("akzent", "ffd700"), ("farbschema", "dunkel")],
        marks: (Some("dunkel"), None),
        accents: ("", "#ffd700"),
        link: Some("rgb(255, 215, 0)"),
        dark: Some(true),
    },
    Case {
        id: "ungueltig",
        attributes: &[
            ("data-akzentfarbe", "red; background:url(x)"),
            ("data-farbschema", "neon"),
            ("data-dichte", "eng"),
        ],
        params: &[],
        marks: (None, None),
        accents: ("", ""),
        link: None,
        dark: None,
    },
];

/// The loader's warnings for the invalid frame, one per attribute.
const LOADER_WARNINGS: [&str; 3] = ["data-akzentfarbe=", "data-farbschema=", "data-dichte="];

/// JavaScript describing the theme of the document: the marks on `<html>`, the accent
/// properties, the body's background, the colour of the link to [`LINK_TO`] and the system's
/// colour scheme.
const THEME_JS: &str = "const d = document.documentElement; \
    const link = Array.from(document.querySelectorAll('main a[href]')) \
      .find(a => routePath(new URL(a.href).pathname) === arguments[0]); \
    return { scheme: d.getAttribute('data-farbschema'), density: d.getAttribute('data-dichte'), \
      embedded: d.hasAttribute('data-einbettung'), \
      light: d.style.getPropertyValue('--akzent-hell').trim(), \
      dark: d.style.getPropertyValue('--akzent-dunkel').trim(), \
      background: getComputedStyle(document.body).backgroundColor, \
      link: link ? getComputedStyle(link).color : null, \
      systemDark: matchMedia('(prefers-color-scheme: dark)').matches };";

/// A host page embeds [`PAGE`] four times with the [`CASES`]' attributes: each frame's URL
/// carries exactly the valid ones, the app inside shows them, and the loader warns about each
/// invalid one. Then [`PAGE`] loaded directly with invalid parameters looks as without them, and
/// the app warns about each.
pub async fn attributes_apply_and_invalid_ones_are_ignored(env: &Env) -> Result<(), Failed> {
    let host = StaticSite::start("host")?;
    let app = AppSite::start(&[&host.origin()])?;
    let body: Vec<String> = CASES
        .iter()
        .map(|c| embed_element(c.id, PAGE, c.attributes))
        .collect();
    host.put(
        HOST_PAGE,
        &host_page(&app, &[app.origin()], &body.join("\n")),
    )?;
    guarded(env, async || {
        goto(env, &host.url(HOST_PAGE)).await?;
        let mut problems = Vec::new();
        for case in CASES {
            problems.extend(
                check_case(env, case)
                    .await
                    .map_err(within(format!("the frame #{}", case.id)))?,
            );
        }
        problems.extend(loader_warnings(env).await?);
        report("the theme attributes", problems)?;
        check_direct_url(env, &app).await
    })
    .await
}

/// What is wrong with the frame of `case`: its URL's parameters and the theme inside.
async fn check_case(env: &Env, case: &Case) -> Result<Vec<String>, Failed> {
    let sel = format!("#{} > iframe", case.id);
    let seen = outer(env, &sel).await?;
    let mut problems = Vec::new();
    let mut expected = serde_json::Map::new();
    for (name, value) in case.params {
        expected.insert((*name).to_owned(), json!(value));
    }
    let theme_params: serde_json::Map<String, Json> = seen["params"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(name, _)| ["akzent", "farbschema", "dichte"].contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    if theme_params != expected {
        problems.push(format!(
            "#{}: the frame's URL {} carries the theme {}, expected {}",
            case.id,
            seen["src"],
            Json::Object(theme_params),
            Json::Object(expected)
        ));
    }
    wait_started(env, &sel, &route(PAGE)).await?;
    let theme = in_frame(env, &sel, async || {
        env.js(THEME_JS, vec![json!(LINK_TO)]).await
    })
    .await?;
    problems.extend(
        theme_problems(&theme, case)
            .into_iter()
            .map(|p| format!("#{}: {p}", case.id)),
    );
    Ok(problems)
}

/// What is wrong with `theme` ([`THEME_JS`]'s view of a document) for `case`.
fn theme_problems(theme: &Json, case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let text = |v: Option<&str>| v.map_or(Json::Null, |s| json!(s));
    if theme["scheme"] != text(case.marks.0) || theme["density"] != text(case.marks.1) {
        problems.push(format!(
            "data-farbschema is {} and data-dichte {}, expected {:?} and {:?}",
            theme["scheme"], theme["density"], case.marks.0, case.marks.1
        ));
    }
    if theme["light"] != case.accents.0 || theme["dark"] != case.accents.1 {
        problems.push(format!(
            "--akzent-hell is {} and --akzent-dunkel {}, expected {:?} and {:?}",
            theme["light"], theme["dark"], case.accents.0, case.accents.1
        ));
    }
    let dark = case.dark.unwrap_or(theme["systemDark"] == true);
    let link = case
        .link
        .unwrap_or(if dark { DEFAULT_LINK.1 } else { DEFAULT_LINK.0 });
    if theme["link"] != link {
        problems.push(format!(
            "the link to {LINK_TO} is {}, expected {link}",
            theme["link"]
        ));
    }
    let background = if dark { BACKGROUND.1 } else { BACKGROUND.0 };
    if theme["background"] != background {
        problems.push(format!(
            "the body's background is {}, expected {background}",
            theme["background"]
        ));
    }
    problems
}

/// What is wrong with the loader's warnings: one for each invalid attribute, and none else.
async fn loader_warnings(env: &Env) -> Result<Vec<String>, Failed> {
    let wanted = LOADER_WARNINGS.map(|w| format!("{LOADER_WARNING}{w}"));
    let (entries, _) = log_until(env, WARNING_LIMIT, |entries| {
        wanted.iter().all(|w| !entries_with(entries, w).is_empty())
    })
    .await?;
    let mut problems = Vec::new();
    for warning in &wanted {
        if entries_with(&entries, warning).is_empty() {
            problems.push(format!("the console got no warning {warning:?}…"));
        }
    }
    let all = entries_with(&entries, LOADER_WARNING);
    if all.len() != LOADER_WARNINGS.len() {
        problems.push(format!(
            "the loader warned {} times, expected {} times (once per invalid attribute): {all:#?}",
            all.len(),
            LOADER_WARNINGS.len()
        ));
    }
    Ok(problems)
}

/// Loads [`PAGE`] directly in embed mode with an invalid accent and scheme: the app warns about
/// both and shows its default look.
async fn check_direct_url(env: &Env, app: &AppSite) -> Result<(), Failed> {
    let url = app.url(&format!("{PAGE}?einbettung=1&akzent=zzz&farbschema=x"));
    env.browser.take_log()?;
    goto(env, &url).await?;
    env.wait_for_heading(&route(PAGE))
        .await
        .map_err(within(&url))?;
    let theme = env.js(THEME_JS, vec![json!(LINK_TO)]).await?;
    let case = Case {
        id: "",
        attributes: &[],
        params: &[],
        marks: (None, None),
        accents: ("", ""),
        link: None,
        dark: None,
    };
    let mut problems = theme_problems(&theme, &case);
    if theme["embedded"] != true {
        problems.push("<html> has no data-einbettung".to_owned());
    }
    let wanted = ["akzent=", "farbschema="].map(|w| format!("{APP_WARNING}{w}"));
    let (entries, done) = log_until(env, WARNING_LIMIT, |entries| {
        wanted.iter().all(|w| !entries_with(entries, w).is_empty())
    })
    .await?;
    if !done {
        problems.push(format!(
            "the console got not both warnings {wanted:?}…; it got {:#?}",
            entries_with(&entries, "")
        ));
    }
    report(&url, problems)
}
