//! The route table's paths: one place that knows every URL of the app.
//!
//! The paths are a public interface (other sites link to and embed them), so they are built only
//! here, by [`Route::path`], and parsed back by [`Route::parse`].

/// The slugs of the eight action areas, in their order. Content must use exactly these.
pub const AREA_SLUGS: [&str; 8] = [
    "unterbringung",
    "rueckfuehrungen",
    "sprachfoerderung-und-schule",
    "ausbildung-und-arbeitsmarkt",
    "wohnen-und-integration-vor-ort",
    "sicherheit-und-werte",
    "unterstuetzung-der-kommunen",
    "unterstuetzung-des-ehrenamts",
];

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// `/`: the start page.
    Home,
    /// `/leitlinien`: the five guiding principles.
    Leitlinien,
    /// `/handlungsfelder`: the overview of the action areas.
    Handlungsfelder,
    /// `/handlungsfelder/{slug}`: one action area.
    Area(&'a str),
    /// `/service`: about the app, installing it, embedding, privacy.
    Service,
    /// `/service/einbetten`: how other sites embed the app, with a code generator.
    Einbetten,
    /// `/barrierefreiheit`: the accessibility statement ("Erklärung zur Barrierefreiheit").
    Barrierefreiheit,
    /// `/leichte-sprache`: the app explained in Leichte Sprache (easy-to-read German).
    LeichteSprache,
}

impl<'a> Route<'a> {
    /// The path of this route, without any base path.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Leitlinien => "/leitlinien".to_owned(),
            Route::Handlungsfelder => "/handlungsfelder".to_owned(),
            Route::Area(slug) => format!("/handlungsfelder/{slug}"),
            Route::Service => "/service".to_owned(),
            Route::Einbetten => "/service/einbetten".to_owned(),
            Route::Barrierefreiheit => "/barrierefreiheit".to_owned(),
            Route::LeichteSprache => "/leichte-sprache".to_owned(),
        }
    }

    /// The route a path names, if any; a trailing slash is accepted, unknown area slugs are not.
    pub fn parse(path: &'a str) -> Option<Route<'a>> {
        let trimmed = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        match trimmed {
            "/" => Some(Route::Home),
            "/leitlinien" => Some(Route::Leitlinien),
            "/handlungsfelder" => Some(Route::Handlungsfelder),
            "/service" => Some(Route::Service),
            "/service/einbetten" => Some(Route::Einbetten),
            "/barrierefreiheit" => Some(Route::Barrierefreiheit),
            "/leichte-sprache" => Some(Route::LeichteSprache),
            _ => trimmed
                .strip_prefix("/handlungsfelder/")
                .filter(|slug| AREA_SLUGS.contains(slug))
                .map(Route::Area),
        }
    }

    /// Every route of the app, for tests, sitemaps and pre-rendering.
    pub fn all() -> Vec<Route<'static>> {
        let mut routes = vec![Route::Home, Route::Leitlinien, Route::Handlungsfelder];
        routes.extend(AREA_SLUGS.iter().map(|slug| Route::Area(slug)));
        routes.extend([
            Route::Service,
            Route::Einbetten,
            Route::Barrierefreiheit,
            Route::LeichteSprache,
        ]);
        routes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, expected: Option<Route<'_>>) {
        assert_eq!(Route::parse(path), expected, "parsing {path:?}");
    }

    #[test]
    fn parse_cases() {
        check("/", Some(Route::Home));
        check("/leitlinien", Some(Route::Leitlinien));
        check("/leitlinien/", Some(Route::Leitlinien));
        check("/handlungsfelder", Some(Route::Handlungsfelder));
        check("/service", Some(Route::Service));
        check("/service/einbetten", Some(Route::Einbetten));
        check("/service/einbetten/", Some(Route::Einbetten));
        check("/service/anderes", None);
        check("/barrierefreiheit", Some(Route::Barrierefreiheit));
        check("/barrierefreiheit/", Some(Route::Barrierefreiheit));
        check("/service/barrierefreiheit", None);
        check("/leichte-sprache", Some(Route::LeichteSprache));
        check("/leichte-sprache/", Some(Route::LeichteSprache));
        check("/leichte_sprache", None);
        check("/Leichte-Sprache", None);
        check(
            "/handlungsfelder/wohnen-und-integration-vor-ort",
            Some(Route::Area("wohnen-und-integration-vor-ort")),
        );
        check("/handlungsfelder/gibt-es-nicht", None);
        check("/handlungsfelder/unterbringung/mehr", None);
        check("", None);
        check("/Leitlinien", None);
        check("/%20", None);
    }

    #[test]
    fn every_route_round_trips_through_its_path() {
        for route in Route::all() {
            let path = route.path();
            assert_eq!(Route::parse(&path), Some(route), "{path}");
        }
    }

    #[test]
    fn every_area_has_exactly_one_route() {
        let routes = Route::all();
        for slug in AREA_SLUGS {
            let count = routes.iter().filter(|r| **r == Route::Area(slug)).count();
            assert_eq!(count, 1, "{slug}");
        }
        assert_eq!(routes.len(), 7 + AREA_SLUGS.len());
    }
}
