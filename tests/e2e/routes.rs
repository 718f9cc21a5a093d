//! The app's routes as the tests expect them: the one table of paths, headings, titles and images.

/// What one route must show.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    /// The path, as loaded from the server.
    pub path: &'static str,
    /// The text of the page's only `<h1>`.
    pub h1: &'static str,
    /// The `alt` text of the area's photo, for the eight area pages.
    pub image_alt: Option<&'static str>,
    /// Whether the path names no page, so that the app shows its "not found" page.
    pub not_found: bool,
}

/// The suffix of every page title except the start page's, which is this name alone.
pub const SITE_NAME: &str = "Aktionsplan Hessen";

impl Route {
    /// The expected `document.title`: "<h1> – Aktionsplan Hessen" (U+2013), or the site name on `/`.
    pub fn title(&self) -> String {
        if self.path == "/" {
            SITE_NAME.to_owned()
        } else {
            format!("{} \u{2013} {SITE_NAME}", self.h1)
        }
    }

    /// Whether this is one of the eight area pages below `/handlungsfelder/`.
    pub fn is_area(&self) -> bool {
        self.image_alt.is_some()
    }
}

/// A page that exists.
const fn page(path: &'static str, h1: &'static str) -> Route {
    Route {
        path,
        h1,
        image_alt: None,
        not_found: false,
    }
}

/// An area page with its photo.
const fn area(path: &'static str, h1: &'static str, image_alt: &'static str) -> Route {
    Route {
        path,
        h1,
        image_alt: Some(image_alt),
        not_found: false,
    }
}

/// A path that names no page.
const fn missing(path: &'static str) -> Route {
    Route {
        path,
        h1: "Seite nicht gefunden",
        image_alt: None,
        not_found: true,
    }
}

/// Every route the tests visit; the areas are in the order of their "next area" links.
pub const ROUTES: &[Route] = &[
    page(
        "/",
        "Aktionsplan zur Integration von Flüchtlingen und Bewahrung des gesellschaftlichen Zusammenhalts",
    ),
    page("/leitlinien", "Leitlinien"),
    page("/handlungsfelder", "Hessen handelt"),
    area(
        "/handlungsfelder/unterbringung",
        "Unterbringung",
        "HEAE Gießen",
    ),
    area(
        "/handlungsfelder/rueckfuehrungen",
        "Rückführungen",
        "Rückführungen",
    ),
    area(
        "/handlungsfelder/sprachfoerderung-und-schule",
        "Sprachförderung & Schule",
        "Jugendliche",
    ),
    area(
        "/handlungsfelder/ausbildung-und-arbeitsmarkt",
        "Ausbildung & Arbeitsmarkt",
        "Arbeit",
    ),
    area(
        "/handlungsfelder/wohnen-und-integration-vor-ort",
        "Wohnen & Integration vor Ort",
        "Wohnen",
    ),
    area(
        "/handlungsfelder/sicherheit-und-werte",
        "Sicherheit & Werte",
        "Polizei",
    ),
    area(
        "/handlungsfelder/unterstuetzung-der-kommunen",
        "Unterstützung der Kommunen",
        "Fachwerkhäuser",
    ),
    area(
        "/handlungsfelder/unterstuetzung-des-ehrenamts",
        "Unterstützung des Ehrenamts",
        "Ehrenamt",
    ),
    page("/service", "Service"),
    page("/service/einbetten", "App einbetten"),
    page("/barrierefreiheit", "Erklärung zur Barrierefreiheit"),
    page("/leichte-sprache", "Leichte Sprache"),
    page("/suche", "Hessen-Suche"),
    missing("/gibt-es-nicht"),
    missing("/handlungsfelder/gibt-es-nicht"),
];

/// The route with this path; panics on a path missing from [`ROUTES`], which is a bug in a test.
pub fn route(path: &str) -> Route {
    *ROUTES
        .iter()
        .find(|r| r.path == path)
        .unwrap_or_else(|| panic!("{path} is not in ROUTES"))
}
