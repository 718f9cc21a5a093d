//! Renders every page of the app to static HTML at build time, natively, with the same components
//! the browser hydrates (feature `ssr`, used by the `prerender` binary that `cargo xtask dist` runs).
//!
//! Each page is rendered the way a Leptos server renders a request: a root owner with the server's
//! hydration context, the page's URL as `RequestUrl`, a `ServerMetaContext` that collects the
//! `<title>` and `<meta>` tags. The result goes into Trunk's HTML shell: the tags after a
//! `<!--HEAD-->` marker (where `leptos_meta` looks for them when it hydrates), the page in the body,
//! and the body marked with the path it was rendered for, so that the browser entry hydrates only
//! a page that matches its URL.

use crate::App;
use crate::paths::{BASE_PATH, href};
use crate::search::SEARCH_PATH;
use futures::StreamExt;
use futures::executor::block_on;
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use plan::routes::Route;
use std::sync::{Arc, Once};

/// The attribute on `<body>` that names the path a page was rendered for (with the base path).
pub const PATH_ATTRIBUTE: &str = "data-aktionsplan-pfad";

/// The file the not-found page is written to; static hosts answer unknown paths with it.
pub const NOT_FOUND_FILE: &str = "404.html";

/// A path no route matches, to render the not-found page.
const NOT_FOUND_PATH: &str = "/404";

/// One page to write: the route path it shows and the file (relative to the site's folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// The route path, without the base path; `None` for the not-found page.
    pub path: Option<String>,
    /// Where the page goes, such as `leitlinien/index.html`.
    pub file: String,
}

/// Every page of the app with its file: each route of the route table, the search page and the
/// not-found page. Routes are folders with an `index.html`, the form every static host serves.
pub fn page_files() -> Vec<PageFile> {
    let mut paths: Vec<String> = Route::all().iter().map(|r| r.path()).collect();
    paths.push(SEARCH_PATH.to_owned());
    let mut pages: Vec<PageFile> = paths
        .into_iter()
        .map(|path| {
            let folder = path.trim_matches('/');
            let file = if folder.is_empty() {
                "index.html".to_owned()
            } else {
                format!("{folder}/index.html")
            };
            PageFile {
                path: Some(path),
                file,
            }
        })
        .collect();
    pages.push(PageFile {
        path: None,
        file: NOT_FOUND_FILE.to_owned(),
    });
    pages
}

/// A page rendered to HTML, in pieces for the shell.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The `<meta>`, `<link>` and `<title>` tags of the page.
    pub head: String,
    /// The app's markup: everything inside `<body>`.
    pub body: String,
    /// The hydration context's data (a script's text) that the browser reads while hydrating.
    pub data: String,
}

/// Renders the app at a route path (`None`: the not-found page).
pub fn render(path: Option<&str>) -> Rendered {
    static EXECUTOR: Once = Once::new();
    EXECUTOR.call_once(|| {
        // Only fails when an executor is set already, which `Once` rules out.
        let _ = any_spawner::Executor::init_futures_executor();
    });
    let url = href(path.unwrap_or(NOT_FOUND_PATH));
    let shared = Arc::new(SsrSharedContext::new());
    let owner = Owner::new_root(Some(
        Arc::clone(&shared) as Arc<dyn SharedContext + Send + Sync>
    ));
    let (body, meta) = owner.with(|| {
        provide_context(RequestUrl::new(&url));
        let (meta_context, meta_output) = ServerMetaContext::new();
        provide_context(meta_context);
        let stream = App().into_view().to_html_stream_in_order();
        (block_on(stream.collect::<String>()), meta_output)
    });
    // The meta output injects its tags after a `<!--HEAD-->` marker of the first chunk it is given.
    let marker = "<!--HEAD-->";
    let injected = block_on(async {
        meta.inject_meta_context(futures::stream::iter([format!("{marker}</head>")]))
            .await
            .collect::<String>()
            .await
    });
    let head = injected
        .trim_start_matches(marker)
        .trim_end_matches("</head>")
        .to_owned();
    let data = match shared.pending_data() {
        Some(stream) => block_on(stream.collect::<String>()),
        None => String::new(),
    };
    drop(owner);
    Rendered { head, body, data }
}

/// Puts a rendered page into Trunk's HTML shell: the shell's `<title>` gives way to the page's
/// tags behind a `<!--HEAD-->` marker, the hydration data goes at the end of `<head>`, and
/// `<body>` gets the page and the path it was rendered for (`None`: no path, so the browser
/// renders afresh, as for 404.html).
pub fn into_shell(shell: &str, path: Option<&str>, page: &Rendered) -> Result<String, String> {
    if shell.contains("<!--HEAD-->") || shell.contains(PATH_ATTRIBUTE) {
        return Err(
            "the HTML shell is a pre-rendered page already; build it afresh with Trunk".to_owned(),
        );
    }
    let title_start = shell
        .find("<title>")
        .ok_or("the HTML shell has no <title>")?;
    let title_end = shell[title_start..]
        .find("</title>")
        .map(|i| title_start + i + "</title>".len())
        .ok_or("the HTML shell's <title> is not closed")?;
    let head_end = shell
        .find("</head>")
        .ok_or("the HTML shell has no </head>")?;
    let body_start = shell.find("<body").ok_or("the HTML shell has no <body>")?;
    let body_end = shell
        .rfind("</body>")
        .ok_or("the HTML shell has no </body>")?;
    if !(title_end <= head_end && head_end < body_start && body_start < body_end) {
        return Err("the HTML shell's <title> must be in <head>, before <body>".to_owned());
    }
    let path_attribute = path
        .map(|p| format!(" {PATH_ATTRIBUTE}=\"{}\"", href(p)))
        .unwrap_or_default();
    let mut html = String::with_capacity(shell.len() + page.head.len() + page.body.len() + 200);
    html.push_str(&shell[..title_start]);
    html.push_str("<!--HEAD-->");
    html.push_str(&page.head);
    html.push_str(&shell[title_end..head_end]);
    // The data is read only once the app hydrates (a module script, which runs after parsing), so
    // it can stay out of the body, which then holds the app's markup alone.
    if !page.data.is_empty() {
        html.push_str("<script>");
        html.push_str(&page.data);
        html.push_str("</script>");
    }
    html.push_str(&shell[head_end..body_start]);
    html.push_str(&format!("<body{path_attribute}>"));
    html.push_str(&page.body);
    html.push_str(&shell[body_end..]);
    Ok(html)
}

/// Renders every page into the shell; returns the files' relative paths and contents.
///
/// Fails when pages carry different hydration data, because the Content-Security-Policy allows
/// one inline data script by its hash (see `cargo xtask dist`).
pub fn render_all(shell: &str) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    let mut first_data: Option<String> = None;
    for page in page_files() {
        let rendered = render(page.path.as_deref());
        match &first_data {
            Some(data) if *data != rendered.data => {
                return Err(format!(
                    "{}: its hydration data differs from the other pages' ({:?} vs {data:?}); the \
                     Content-Security-Policy allows only one inline data script",
                    page.file, rendered.data
                ));
            }
            Some(_) => {}
            None => first_data = Some(rendered.data.clone()),
        }
        let html = into_shell(shell, page.path.as_deref(), &rendered)
            .map_err(|e| format!("{}: {e}", page.file))?;
        files.push((page.file, html));
    }
    Ok(files)
}

/// The base path the pages are rendered for, for the binary's report.
pub fn base_path() -> &'static str {
    if BASE_PATH.is_empty() { "/" } else { BASE_PATH }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PLAN;
    use crate::pages::barrierefreiheit::{AXE_CORE_VERSION, ENFORCEMENT_BODY};
    use crate::pages::leichte_sprache::{self, Kind};
    use crate::paths::{ORIGIN, href, link};

    /// Text as Leptos writes it into HTML.
    fn escaped(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    /// The shell as Trunk writes it, in short.
    const SHELL: &str = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Aktionsplan Hessen</title>\
        <script type=\"module\">import init from '/app.js';</script></head><body></body></html>";

    /// Renders the page at `path` into the shell and checks that it shows `h1` and every text in
    /// `texts`, and carries its own title, description and canonical URL.
    fn check_page(path: &str, h1: &str, texts: &[&str]) {
        let page = render(Some(path));
        let html = into_shell(SHELL, Some(path), &page).unwrap();
        assert!(
            html.contains(&format!("{PATH_ATTRIBUTE}=\"{}\"", href(path))),
            "{path}: body not marked"
        );
        let h1_start = html.find("<h1").unwrap_or_else(|| panic!("{path}: no h1"));
        let h1_html = &html[h1_start..html[h1_start..].find("</h1>").unwrap() + h1_start];
        assert!(h1_html.contains(&escaped(h1)), "{path}: h1 is {h1_html}");
        assert_eq!(html.matches("<h1").count(), 1, "{path}: not exactly one h1");
        for text in texts {
            assert!(html.contains(&escaped(text)), "{path}: missing {text:?}");
        }
        let head = &html[..html.find("</head>").unwrap()];
        assert_eq!(
            head.matches("<title>").count(),
            1,
            "{path}: titles in {head}"
        );
        assert!(head.contains("<meta name=\"description\""), "{path}");
        let canonical = format!("{ORIGIN}{}", href(path));
        assert!(
            head.contains(&format!("<link href=\"{canonical}\" rel=\"canonical\">")),
            "{path}: canonical {canonical} not in {head}"
        );
        assert!(
            head.contains(&format!(
                "<meta property=\"og:url\" content=\"{canonical}\""
            )),
            "{path}: og:url"
        );
        assert!(head.contains("<meta property=\"og:title\""), "{path}");
        assert!(head.contains("<meta property=\"og:description\""), "{path}");
    }

    #[test]
    fn every_route_renders_its_heading_and_text() {
        let start = &PLAN.start;
        check_page("/", start.title, start.intro);
        check_page("/leitlinien", "Leitlinien", start.principles);
        check_page(
            "/handlungsfelder",
            start.areas_heading,
            &PLAN.areas.iter().map(|a| a.title).collect::<Vec<_>>(),
        );
        for area in PLAN.areas {
            check_page(
                &Route::Area(area.slug).path(),
                area.title,
                &[area.paragraphs, &[area.caption]].concat(),
            );
        }
        check_page(
            "/service",
            "Service",
            &[
                "Datenschutz",
                "Barrierefreiheit",
                &format!("href=\"{}\"", href("/barrierefreiheit")),
            ],
        );
        check_page(
            "/barrierefreiheit",
            "Erklärung zur Barrierefreiheit",
            &[
                "Stand der Vereinbarkeit mit den Anforderungen",
                "teilweise vereinbar",
                "Nicht barrierefreie Inhalte",
                "Deutscher Gebärdensprache (DGS)",
                "Erstellung dieser Erklärung",
                "Methode: Selbstbewertung",
                &format!("mit axe-core {AXE_CORE_VERSION} in einer schmalen (320 Pixel)"),
                "Feedback und Kontaktangaben",
                "Durchsetzungsverfahren",
                ENFORCEMENT_BODY,
                "innerhalb angemessener Frist",
                "Hessischen Behinderten-Gleichstellungsgesetz (HessBGG)",
                "Hessischen Verordnung über barrierefreie Informationstechnik (HVBIT)",
                "EN 301 549",
                &format!(
                    "Diese Erklärung gilt für die App „{}“ unter der Adresse {ORIGIN}{}.",
                    PLAN.site.name,
                    href("/")
                ),
                // The repository configures none of these; the page says so.
                "Für diese App ist noch kein Herausgeber eingetragen.",
                "Der Betreiber hat das Datum dieser Erklärung noch nicht eingetragen.",
                "Für Rückmeldungen ist noch keine Kontaktadresse eingerichtet.",
                "Die Kontaktangaben der Durchsetzungsstelle hat der Betreiber dieser App noch nicht eingetragen.",
                &format!("href=\"{}\"", href("/leichte-sprache")),
            ],
        );
        let easy: Vec<&str> = leichte_sprache::pieces(&PLAN.site, PLAN.areas)
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        check_page("/leichte-sprache", "Leichte Sprache", &easy);
        check_page(
            "/service/einbetten",
            "App einbetten",
            &["data-aktionsplan-embed", "frame-ancestors", "Vorschau"],
        );
        check_page("/suche", "Hessen-Suche", &["Suchbegriff"]);
    }

    #[test]
    fn embed_mode_renders_only_the_content_and_the_attribution() {
        let embedded = render(Some("/service?einbettung=1&farbschema=dunkel")).body;
        for absent in ["site-header", "site-footer", "skip-link", "Hauptnavigation"] {
            assert!(!embedded.contains(absent), "embedded page has {absent}");
        }
        assert!(embedded.contains("<main"));
        assert!(embedded.contains("class=\"embed-footer\""));
        let attribution = format!("href=\"{}\" target=\"_blank\"", href("/service"));
        assert!(embedded.contains(&attribution), "no {attribution}");
        // The link that leaves the app opens a new tab and says so.
        assert!(embedded.contains("rel=\"external noopener\" target=\"_blank\""));
        assert!(embedded.contains("(öffnet ein neues Fenster)"));
        // The same page outside embed mode has the full frame and ordinary external links.
        let full = render(Some("/service")).body;
        for present in ["site-header", "site-footer", "skip-link"] {
            assert!(full.contains(present), "full page lacks {present}");
        }
        assert!(!full.contains("target=\"_blank\""));
    }

    #[test]
    fn every_page_has_a_file_and_the_not_found_page_is_404_html() {
        let files = page_files();
        assert_eq!(files.len(), 17);
        assert_eq!(files[0].file, "index.html");
        assert!(files.contains(&PageFile {
            path: Some("/handlungsfelder/unterbringung".to_owned()),
            file: "handlungsfelder/unterbringung/index.html".to_owned(),
        }));
        assert!(files.contains(&PageFile {
            path: Some("/suche".to_owned()),
            file: "suche/index.html".to_owned(),
        }));
        assert_eq!(files.last().unwrap().path, None);
        assert_eq!(files.last().unwrap().file, "404.html");
    }

    #[test]
    fn not_found_page_is_not_indexed_and_not_marked_for_hydration() {
        let page = render(None);
        let html = into_shell(SHELL, None, &page).unwrap();
        assert!(html.contains("<body>"), "the body carries no path");
        assert!(html.contains("Seite nicht gefunden"));
        assert!(html.contains("Unter dieser Adresse"));
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\""));
        assert!(!html.contains("rel=\"canonical\""));
    }

    #[test]
    fn shell_gets_marker_tags_data_and_body_in_place() {
        let page = Rendered {
            head: "<title>T</title>".to_owned(),
            body: "<main>M</main>".to_owned(),
            data: "x=1;".to_owned(),
        };
        let html = into_shell(SHELL, Some("/leitlinien"), &page).unwrap();
        let expected = format!(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><!--HEAD--><title>T</title>\
             <script type=\"module\">import init from '/app.js';</script><script>x=1;</script></head>\
             <body {PATH_ATTRIBUTE}=\"{}\"><main>M</main></body></html>",
            href("/leitlinien")
        );
        assert_eq!(html, expected);
    }

    #[test]
    fn shells_without_title_or_body_or_rendered_already_are_refused() {
        let page = render(Some("/"));
        for (shell, why) in [
            ("<html><head></head><body></body></html>", "no <title>"),
            (
                "<html><head><title>x</head><body></body></html>",
                "not closed",
            ),
            ("<html><head><title>x</title></head></html>", "no <body>"),
            ("<html><head><title>x</title></head><body>", "no </body>"),
            (
                "<html><head></head><body><title>x</title></body></html>",
                "must be in <head>",
            ),
            (
                "<html><head><!--HEAD--><title>x</title></head><body></body></html>",
                "pre-rendered page already",
            ),
        ] {
            let error = into_shell(shell, Some("/"), &page).unwrap_err();
            assert!(error.contains(why), "{shell}: {error}");
        }
    }

    #[test]
    fn all_pages_render_with_the_same_hydration_data() {
        let files = render_all(SHELL).unwrap();
        assert_eq!(files.len(), page_files().len());
        let data: Vec<&str> = files
            .iter()
            .map(|(_, html)| {
                let start = html.find("<script>").unwrap() + "<script>".len();
                &html[start..start + html[start..].find("</script>").unwrap()]
            })
            .collect();
        assert!(data.iter().all(|d| *d == data[0]), "{data:?}");
    }

    #[test]
    fn every_page_links_to_the_statement_and_to_leichte_sprache_in_its_footer() {
        for page in page_files() {
            let body = render(page.path.as_deref()).body;
            let footer = &body[body
                .find("site-footer")
                .unwrap_or_else(|| panic!("{}", page.file))..];
            for target in [Route::Barrierefreiheit, Route::LeichteSprache] {
                let href = format!("href=\"{}\"", link(target));
                assert!(
                    footer.contains(&href),
                    "{}: no {href} in the footer",
                    page.file
                );
            }
            assert!(!footer.contains("#barrierefreiheit"), "{}", page.file);
        }
        // The start page links to Leichte Sprache before its introduction, as a full-size target.
        let home = render(Some("/")).body;
        let main = &home[home.find("<main").unwrap()..];
        let text = main
            .find(">Informationen in Leichter Sprache</a>")
            .expect("no link to Leichte Sprache in the start page's content");
        let tag = &main[main[..text].rfind("<a ").unwrap()..text];
        assert!(
            tag.contains(&format!("href=\"{}\"", link(Route::LeichteSprache))),
            "{tag}"
        );
        assert!(tag.contains("class=\"standalone-link\""), "{tag}");
        assert!(
            Some(text) < main.find("class=\"intro\""),
            "the link to Leichte Sprache comes after the introduction"
        );
    }

    #[test]
    fn links_of_the_leichte_sprache_page_reach_their_targets() {
        for (kind, text) in leichte_sprache::pieces(&PLAN.site, PLAN.areas) {
            let Kind::Link(route, fragment) = kind else {
                continue;
            };
            let body = render(Some(&route.path())).body;
            assert!(!body.contains("Seite nicht gefunden"), "{text}: {route:?}");
            if !fragment.is_empty() {
                assert!(
                    body.contains(&format!("id=\"{fragment}\"")),
                    "{text}: no #{fragment} on {}",
                    route.path()
                );
            }
        }
    }
}
