//! The app explained in Leichte Sprache (`/leichte-sprache`): what the app holds, how to find your
//! way, search and keep the app on a phone, how accessible it is and who publishes it.
//!
//! The text follows the rules of Leichte Sprache (BITV 2.0, Anlage 2, Teil 2; Netzwerk Leichte
//! Sprache): one statement per short sentence, no abbreviations, the reader addressed as "Sie",
//! the same word for the same thing, long compounds split with a hyphen. It is kept as data, the
//! [`Piece`]s below, so that tests check every sentence against these rules; the page writes them as
//! one escaped HTML string, which costs far less WebAssembly than a view per line. What depends on
//! the operator's settings (feedback contact, publisher) comes from `content/site.toml`, like
//! everywhere else.

use crate::components::marked_text::escape_into;
use crate::components::{breadcrumbs::Breadcrumbs, page_meta::PageMeta};
use crate::content::PLAN;
use crate::paths::{href, link};
use crate::search::SEARCH_PATH;
use leptos::prelude::*;
use plan::model::{Area, Site};
use plan::routes::Route;

/// What one piece of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A section heading (`h2`) with its anchor; it starts a new section.
    Heading(&'static str),
    /// The note at the top that says what the page is.
    Note,
    /// A paragraph of one sentence.
    Sentence,
    /// An entry of a list; neighbouring entries form one list.
    Item,
    /// A link on a line of its own to a route of the app, with a fragment (`""` for none);
    /// neighbouring links form one list.
    Link(Route<'static>, &'static str),
    /// A link to the search page, like [`Kind::Link`].
    SearchLink,
    /// A text from the operator's settings, shown as written.
    Setting,
}

/// One piece of the page: what it is and its text.
pub type Piece = (Kind, &'static str);

/// The note at the top and what the app holds, up to the list of the action areas.
const WHAT: &[Piece] = &[
    (
        Kind::Note,
        "Diese Seite erklärt die App in Leichter Sprache.",
    ),
    (
        Kind::Heading("was-ist-hier"),
        "Was ist auf dieser Internet-Seite?",
    ),
    (Kind::Sentence, "Diese Internet-Seite ist eine App."),
    (
        Kind::Sentence,
        "Eine App ist ein Programm für das Handy oder den Computer.",
    ),
    (Kind::Sentence, "Hessen ist ein Bundes-Land in Deutschland."),
    (
        Kind::Sentence,
        "Die Landes-Regierung von Hessen hat einen Plan gemacht.",
    ),
    (
        Kind::Sentence,
        "In dem Plan geht es um Flüchtlinge in Hessen.",
    ),
    (
        Kind::Sentence,
        "Und es geht um das gute Zusammen-Leben in Hessen.",
    ),
    (Kind::Sentence, "In der App können Sie den Plan lesen."),
    (Kind::Sentence, "Der Text vom Plan ist in Alltags-Sprache."),
    (Kind::Sentence, "Die App hat diese Teile:"),
    (Kind::Item, "Eine Start-Seite."),
    (Kind::Item, "5 Leit-Linien."),
    (Kind::Item, "8 Handlungs-Felder."),
    (
        Kind::Sentence,
        "Die Leit-Linien sagen: Das ist beim Plan besonders wichtig.",
    ),
    (Kind::Link(Route::Leitlinien, ""), "Zu den Leit-Linien"),
    (
        Kind::Sentence,
        "Jedes Handlungs-Feld ist ein Thema vom Plan.",
    ),
    (Kind::Sentence, "Klicken Sie auf ein Handlungs-Feld."),
    (Kind::Sentence, "Dann lesen Sie mehr über dieses Thema."),
    (Kind::Sentence, "Das sind die 8 Handlungs-Felder:"),
];

/// Finding your way, searching, keeping the app, and accessibility up to the feedback.
const GUIDE: &[Piece] = &[
    (Kind::Heading("zurechtfinden"), "So finden Sie sich zurecht"),
    (Kind::Sentence, "Oben auf jeder Seite ist ein Menü."),
    (
        Kind::Sentence,
        "Im Menü sind Links zu den wichtigen Seiten.",
    ),
    (
        Kind::Sentence,
        "Ein Link bringt Sie zu einer anderen Seite.",
    ),
    (
        Kind::Sentence,
        "Auf einem kleinen Bild-Schirm ist das Menü hinter einem Knopf.",
    ),
    (Kind::Sentence, "Zum Beispiel auf einem Handy."),
    (Kind::Sentence, "Klicken Sie auf den Knopf „Menü“."),
    (Kind::Sentence, "Dann sehen Sie die Links vom Menü."),
    (
        Kind::Sentence,
        "Oben auf jeder Seite steht auch „Aktionsplan Hessen“.",
    ),
    (Kind::Sentence, "Klicken Sie darauf."),
    (Kind::Sentence, "Dann kommen Sie zur Start-Seite."),
    (
        Kind::Sentence,
        "Auf vielen Seiten steht über der Überschrift der Link „Startseite“.",
    ),
    (
        Kind::Sentence,
        "Auch dieser Link bringt Sie zur Start-Seite.",
    ),
    (Kind::Sentence, "Sie möchten zurück zur letzten Seite?"),
    (
        Kind::Sentence,
        "Dann klicken Sie auf den Zurück-Knopf von Ihrem Browser.",
    ),
    (
        Kind::Sentence,
        "Ein Browser ist ein Programm für Internet-Seiten.",
    ),
    (
        Kind::Sentence,
        "Ganz unten auf jeder Seite sind noch mehr Links.",
    ),
    (
        Kind::Sentence,
        "Zum Beispiel ein Link zu dieser Seite in Leichter Sprache.",
    ),
    (Kind::Heading("suchen"), "So suchen Sie"),
    (
        Kind::Sentence,
        "Sie können im ganzen Plan nach einem Wort suchen.",
    ),
    (
        Kind::Sentence,
        "Auf einem großen Bild-Schirm ist das Such-Feld oben auf jeder Seite.",
    ),
    (
        Kind::Sentence,
        "Auf einem kleinen Bild-Schirm klicken Sie zuerst auf den Knopf „Suche“.",
    ),
    (Kind::Sentence, "Dann sehen Sie das Such-Feld."),
    (Kind::Sentence, "Schreiben Sie ein Wort in das Such-Feld."),
    (Kind::Sentence, "Zum Beispiel: Schule."),
    (Kind::Sentence, "Schon beim Schreiben sehen Sie Vorschläge."),
    (Kind::Sentence, "Klicken Sie auf einen Vorschlag."),
    (
        Kind::Sentence,
        "Dann kommen Sie zu der passenden Stelle im Plan.",
    ),
    (Kind::Sentence, "Sie möchten alle Ergebnisse sehen?"),
    (Kind::Sentence, "Dann klicken Sie auf den Knopf „Suchen“."),
    (
        Kind::Sentence,
        "Die Seite „Hessen-Suche“ zeigt alle Ergebnisse.",
    ),
    (
        Kind::Sentence,
        "Ein Ergebnis ist eine Stelle im Plan mit Ihrem Wort.",
    ),
    (Kind::Sentence, "Klicken Sie auf ein Ergebnis."),
    (Kind::Sentence, "Dann sehen Sie die Stelle im Plan."),
    (Kind::Sentence, "Ihr Wort ist dort markiert."),
    (Kind::SearchLink, "Zur Seite „Hessen-Suche“"),
    (
        Kind::Heading("speichern"),
        "So speichern Sie die App auf Ihrem Handy",
    ),
    (
        Kind::Sentence,
        "Sie können die App auf Ihrem Handy speichern.",
    ),
    (Kind::Sentence, "Das geht auch auf einem Computer."),
    (
        Kind::Sentence,
        "Dann finden Sie die App bei Ihren anderen Apps.",
    ),
    (
        Kind::Sentence,
        "Nach dem ersten Besuch funktioniert die App auch ohne Internet.",
    ),
    (
        Kind::Sentence,
        "Das gilt für alle Seiten und für die Suche.",
    ),
    (
        Kind::Sentence,
        "Auf der Seite „Service“ steht, wie das Speichern geht.",
    ),
    (Kind::Sentence, "Diese Anleitung ist in Alltags-Sprache."),
    (
        Kind::Link(Route::Service, "installieren"),
        "Zur Anleitung: So speichern Sie die App",
    ),
    (Kind::Heading("barriere-freiheit"), "Barriere-Freiheit"),
    (
        Kind::Sentence,
        "Barriere-Freiheit heißt: Alle Menschen können die App gut benutzen.",
    ),
    (
        Kind::Sentence,
        "Zum Beispiel auch Menschen mit Behinderung.",
    ),
    (
        Kind::Sentence,
        "Ein Computer-Programm prüft die App bei jeder Änderung.",
    ),
    (Kind::Sentence, "Eine Prüfung durch Fach-Leute fehlt noch."),
    (
        Kind::Sentence,
        "Darum ist die App nur zum Teil barriere-frei.",
    ),
    (Kind::Sentence, "Das fehlt noch:"),
    (Kind::Item, "Ein Video in Gebärden-Sprache."),
    (
        Kind::Sentence,
        "Auf der Seite „Erklärung zur Barrierefreiheit“ steht mehr dazu.",
    ),
    (Kind::Sentence, "Diese Erklärung ist in Alltags-Sprache."),
    (
        Kind::Link(Route::Barrierefreiheit, ""),
        "Zur Seite „Erklärung zur Barrierefreiheit“",
    ),
    (Kind::Sentence, "Sie haben ein Problem mit der App?"),
];

/// How to give feedback when the operator has entered a contact.
const FEEDBACK_SET: &[Piece] = &[
    (Kind::Sentence, "Dann können Sie eine Nachricht schreiben."),
    (
        Kind::Sentence,
        "Die Kontakt-Daten stehen auf der Seite „Erklärung zur Barrierefreiheit“.",
    ),
    (
        Kind::Link(Route::Barrierefreiheit, "feedback"),
        "Zu den Kontakt-Daten",
    ),
];

/// What to expect while the operator has entered no contact for feedback.
const FEEDBACK_UNSET: &[Piece] = &[
    (Kind::Sentence, "Dafür gibt es später Kontakt-Daten."),
    (
        Kind::Sentence,
        "Sie stehen dann auf der Seite „Erklärung zur Barrierefreiheit“.",
    ),
];

/// The heading above the publisher.
const WHO: &[Piece] = &[(Kind::Heading("wer"), "Wer hat diese Seite gemacht?")];

/// The line before the configured publisher.
const PUBLISHER_SET: Piece = (Kind::Sentence, "Diese App ist von:");

/// What the page says while no publisher is configured.
const PUBLISHER_UNSET: Piece = (Kind::Sentence, "Der Name steht hier später.");

/// Where the plan's text comes from, at the end of the page.
const SOURCE: &[Piece] = &[
    (
        Kind::Sentence,
        "Der Text vom Plan kommt von einer Internet-Seite vom Land Hessen.",
    ),
    (
        Kind::Link(Route::Service, "ueber"),
        "Mehr über diese App in Alltags-Sprache",
    ),
];

/// Every piece of the page, in order, for these settings and action areas.
pub fn pieces(site: &'static Site, areas: &'static [Area]) -> Vec<Piece> {
    let mut all = Vec::with_capacity(WHAT.len() + areas.len() + GUIDE.len() + 10);
    all.extend_from_slice(WHAT);
    all.extend(
        areas
            .iter()
            .map(|area| (Kind::Link(Route::Area(area.slug), ""), area.title)),
    );
    all.extend_from_slice(GUIDE);
    all.extend_from_slice(if site.has_feedback() {
        FEEDBACK_SET
    } else {
        FEEDBACK_UNSET
    });
    all.extend_from_slice(WHO);
    match site.publisher {
        Some(publisher) => all.extend([PUBLISHER_SET, (Kind::Setting, publisher)]),
        None => all.push(PUBLISHER_UNSET),
    }
    all.extend_from_slice(SOURCE);
    all
}

/// The pieces as HTML: a section per heading, neighbouring list entries and links in one list
/// each, every text escaped.
pub fn pieces_html(pieces: &[Piece]) -> String {
    let mut html = String::with_capacity(8192);
    let mut list: Option<&str> = None;
    let mut in_section = false;
    for &(kind, text) in pieces {
        let wanted = match kind {
            Kind::Item => Some("<ul>"),
            Kind::Link(..) | Kind::SearchLink => Some("<ul class=\"link-list\">"),
            _ => None,
        };
        if list != wanted {
            if list.is_some() {
                html.push_str("</ul>");
            }
            if let Some(open) = wanted {
                html.push_str(open);
            }
            list = wanted;
        }
        match kind {
            Kind::Heading(id) => {
                if in_section {
                    html.push_str("</section>");
                }
                in_section = true;
                html.push_str(&format!(
                    "<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">"
                ));
                escape_into(&mut html, text);
                html.push_str("</h2>");
            }
            Kind::Note => element(&mut html, "p class=\"notice\"", "p", text),
            Kind::Sentence | Kind::Setting => element(&mut html, "p", "p", text),
            Kind::Item => element(&mut html, "li", "li", text),
            Kind::Link(route, fragment) => {
                let target = if fragment.is_empty() {
                    link(route)
                } else {
                    format!("{}#{fragment}", link(route))
                };
                link_item(&mut html, &target, text);
            }
            Kind::SearchLink => link_item(&mut html, &href(SEARCH_PATH), text),
        }
    }
    if list.is_some() {
        html.push_str("</ul>");
    }
    if in_section {
        html.push_str("</section>");
    }
    html
}

/// Appends `<open>text</close>` with the text escaped.
fn element(html: &mut String, open: &str, close: &str, text: &str) {
    html.push('<');
    html.push_str(open);
    html.push('>');
    escape_into(html, text);
    html.push_str("</");
    html.push_str(close);
    html.push('>');
}

/// Appends a list entry with a link to `target` (a path made by `crate::paths`).
fn link_item(html: &mut String, target: &str, text: &str) {
    html.push_str("<li><a href=\"");
    escape_into(html, target);
    html.push_str("\">");
    escape_into(html, text);
    html.push_str("</a></li>");
}

/// The app explained in Leichte Sprache.
#[component]
pub fn LeichteSprachePage() -> impl IntoView {
    view! {
        <PageMeta
            title="Leichte Sprache"
            description="Diese Seite erklärt die App in Leichter Sprache: was in der App steht, wie Sie sich zurechtfinden, suchen und die App speichern."
        />
        <Breadcrumbs trail=vec![("Startseite", link(Route::Home))] current="Leichte Sprache" />
        <h1 tabindex="-1">"Leichte Sprache"</h1>
        <div class="leichte-sprache" inner_html=pieces_html(&pieces(&PLAN.site, PLAN.areas)) />
    }
}

#[cfg(test)]
mod tests;
