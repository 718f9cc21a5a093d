//! The servers of the embed trials: a copy of the build as the app's origin, with the
//! `frame-ancestors` the trial allows, and small static sites as host pages and foreign origins.

use libtest_mimic::Failed;
use siteserver::SiteServer;

use crate::site::{self, TempDir, copy_dir};

/// The file name of the page that posts forged messages (see [`PROBE_JS`]), on every site.
pub const PROBE_PAGE: &str = "e2e-fremd.html";

/// The probe page: it runs [`PROBE_JS`] from a file of its own, which the app's policy
/// (`script-src 'self'`) allows where an inline script would be blocked.
const PROBE_HTML: &str = "<!doctype html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\
    <title>Fremde Seite</title>\n<script src=\"e2e-fremd.js\"></script>\n</head>\n\
    <body><p>Eine Seite, die nicht der Rahmen des Loaders ist.</p></body>\n</html>\n";

/// The probe's script: a size report of 5000 pixels to the parent page, and a size request to
/// every other frame of the parent, as any page in a frame could send them; then it marks its
/// `<html>` with `data-gesendet`.
const PROBE_JS: &str = "parent.postMessage({ type: 'aktionsplan:hoehe', version: 1, height: 5000, \
    path: '/fremd', title: 'Fremd' }, '*');\n\
    for (let i = 0; i < parent.frames.length; i++) {\n\
      if (parent.frames[i] !== window) {\n\
        parent.frames[i].postMessage({ type: 'aktionsplan:hoehe-anfragen', version: 1 }, '*');\n\
      }\n\
    }\n\
    document.documentElement.setAttribute('data-gesendet', '');\n";

/// The height of a forged size report, which no frame of the trials ever reaches.
pub const FORGED_HEIGHT: u64 = 5000;

/// A copy of the build, served under the suite's base path on a port of its own.
pub struct AppSite {
    /// The server; dropped before the copy it serves.
    server: SiteServer,
    /// The copy of the build.
    _dir: TempDir,
}

impl AppSite {
    /// Copies the build, lets only `ancestors` (origins such as `http://127.0.0.1:4711`) frame
    /// it, adds the probe page, and serves the copy.
    pub fn start(ancestors: &[&str]) -> Result<AppSite, Failed> {
        let dir = TempDir::new("embed-app")?;
        copy_dir(&site::dist_dir(), dir.path())?;
        let headers = dir.path().join(siteserver::HEADERS_FILE);
        let text = std::fs::read_to_string(&headers)
            .map_err(|e| format!("cannot read {}: {e}", headers.display()))?;
        let rewritten = with_frame_ancestors(&text, &ancestors.join(" "))
            .ok_or_else(|| format!("{} sends no frame-ancestors directive", headers.display()))?;
        write(dir.path(), siteserver::HEADERS_FILE, &rewritten)?;
        write(dir.path(), PROBE_PAGE, PROBE_HTML)?;
        write(dir.path(), "e2e-fremd.js", PROBE_JS)?;
        let base = site::base_path()?;
        let server = SiteServer::start_with_base(dir.path(), "127.0.0.1:0", &base)
            .map_err(|e| format!("cannot serve the copy of the build under {base}: {e}"))?;
        Ok(AppSite { server, _dir: dir })
    }

    /// The origin, such as `http://127.0.0.1:39211`.
    pub fn origin(&self) -> String {
        self.server.url()
    }

    /// The absolute URL of `path` (a route path with an optional query), under the base path.
    pub fn url(&self, path: &str) -> String {
        let base = self.server.base().as_str().trim_end_matches('/');
        format!("{}{base}{path}", self.origin())
    }
}

/// `headers` with every `frame-ancestors` directive's sources (up to the next `;` or the end of
/// the line) replaced by `sources`; `None` when there is no such directive.
pub fn with_frame_ancestors(headers: &str, sources: &str) -> Option<String> {
    const DIRECTIVE: &str = "frame-ancestors";
    let mut out = String::with_capacity(headers.len());
    let mut rest = headers;
    let mut found = false;
    while let Some(at) = rest.find(DIRECTIVE) {
        found = true;
        out.push_str(&rest[..at]);
        out.push_str(DIRECTIVE);
        out.push(' ');
        out.push_str(sources);
        let after = &rest[at + DIRECTIVE.len()..];
        let end = after.find([';', '\n', '\r']).unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    found.then_some(out)
}

/// A static site of generated files on a port of its own: host pages, or a foreign origin.
pub struct StaticSite {
    /// The server; dropped before its directory.
    server: SiteServer,
    /// The directory it serves.
    dir: TempDir,
}

impl StaticSite {
    /// Serves a new, empty directory at the root of a free port, with the probe page in it.
    pub fn start(purpose: &str) -> Result<StaticSite, Failed> {
        let dir = TempDir::new(&format!("embed-{purpose}"))?;
        write(dir.path(), PROBE_PAGE, PROBE_HTML)?;
        write(dir.path(), "e2e-fremd.js", PROBE_JS)?;
        let server = SiteServer::start(dir.path(), "127.0.0.1:0")
            .map_err(|e| format!("cannot serve the {purpose} site: {e}"))?;
        Ok(StaticSite { server, dir })
    }

    /// The origin, such as `http://127.0.0.1:39212`.
    pub fn origin(&self) -> String {
        self.server.url()
    }

    /// Writes the file `name` with `text`; the server serves it from the next request on.
    pub fn put(&self, name: &str, text: &str) -> Result<(), Failed> {
        write(self.dir.path(), name, text)
    }

    /// The absolute URL of the file `name`.
    pub fn url(&self, name: &str) -> String {
        format!("{}/{name}", self.origin())
    }
}

/// A host page: a policy that allows scripts only from the app's origin, frames only from
/// `frame_src`, and no style at all (so the loader cannot need inline script or style), then
/// `body`, many paragraphs (so the page can scroll a frame above the viewport whatever its
/// height), and the loader from `app`.
pub fn host_page(app: &AppSite, frame_src: &[String], body: &str) -> String {
    let policy = format!(
        "default-src 'none'; script-src {}; frame-src {}; style-src 'none'",
        app.origin(),
        frame_src.join(" ")
    );
    let filler: String = (1..=80)
        .map(|i| format!("<p>Absatz {i} der Gastseite, damit sie weit scrollen kann.</p>\n"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <title>Gastseite</title>\n</head>\n<body>\n<h1>Gastseite</h1>\n{body}\n{filler}\
         <script src=\"{}\" async></script>\n</body>\n</html>\n",
        app.url("/embed.js")
    )
}

/// An element for the loader: `<div id=… data-aktionsplan-embed=…>` with the further attributes.
pub fn embed_element(id: &str, path: &str, attributes: &[(&str, &str)]) -> String {
    let extra: String = attributes
        .iter()
        .map(|(name, value)| format!(" {name}=\"{}\"", escape(value)))
        .collect();
    format!(
        "<div id=\"{id}\" data-aktionsplan-embed=\"{}\"{extra}><p>Der Aktionsplan lädt …</p></div>",
        escape(path)
    )
}

/// `text` escaped for an HTML attribute value in double quotes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes `text` to the file `name` in `dir`.
fn write(dir: &std::path::Path, name: &str, text: &str) -> Result<(), Failed> {
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()).into())
}
