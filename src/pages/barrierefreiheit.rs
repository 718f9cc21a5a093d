//! The accessibility statement (`/barrierefreiheit`), built like the sample statement for public
//! bodies in Hessen: scope, status of compliance, content that is not accessible, how the statement
//! was made, feedback and contact, and the enforcement procedure.
//!
//! Everything about the operator and the authorities comes from `content/site.toml`; where a
//! setting is unset, the page says so. The date is the one the operator entered, never today's.
//! The long text goes into the page as one escaped HTML string ([`statement_html`]): as a view it
//! cost several KB of WebAssembly, as a string it costs its bytes.

use crate::components::contact::{Contact, publisher};
use crate::components::marked_text::escape_into;
use crate::components::{breadcrumbs::Breadcrumbs, page_meta::PageMeta};
use crate::content::PLAN;
use crate::embed::is_embedded;
use crate::paths::{ORIGIN, link};
use leptos::prelude::*;
use plan::model::Site;
use plan::routes::Route;

include!(concat!(env!("OUT_DIR"), "/tools.rs"));

/// The page's heading and title.
pub const TITLE: &str = "Erklärung zur Barrierefreiheit";

/// The body that handles complaints when feedback gets no satisfactory answer.
pub const ENFORCEMENT_BODY: &str =
    "Durchsetzungsstelle bei der bzw. dem Landesbeauftragten für barrierefreie IT in Hessen";

/// The accessibility statement.
#[component]
pub fn BarrierefreiheitPage() -> impl IntoView {
    view! {
        <PageMeta
            title=TITLE
            description="Wie barrierefrei diese App ist, was noch fehlt, wie Sie Barrieren melden und an wen Sie sich wenden können, wenn Ihre Meldung keine zufriedenstellende Antwort findet."
        />
        <Breadcrumbs trail=vec![("Startseite", link(Route::Home))] current=TITLE />
        <h1 tabindex="-1">{TITLE}</h1>
        <div inner_html=statement_html(&PLAN.site, is_embedded()) />
    }
}

/// The legal basis, after the scope and the publisher.
const BASIS: &str = "<p>Der Herausgeber ist bemüht, die App im Einklang mit dem Hessischen \
    Behinderten-Gleichstellungsgesetz (HessBGG) und der Hessischen Verordnung über barrierefreie \
    Informationstechnik (HVBIT) barrierefrei zugänglich zu machen. Für Internetseiten und Apps \
    bedeutet das die Richtlinien für barrierefreie Webinhalte (WCAG) 2.1 in Stufe AA, wie sie die \
    europäische Norm EN 301 549 und die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) \
    zugrunde legen. Darüber hinaus ist WCAG 2.2 in Stufe AA das Ziel.</p>\
    <nav class=\"toc\" aria-label=\"Inhalt dieser Seite\"><ul>\
    <li><a href=\"#stand\">Stand der Vereinbarkeit mit den Anforderungen</a></li>\
    <li><a href=\"#nicht-barrierefrei\">Nicht barrierefreie Inhalte</a></li>\
    <li><a href=\"#erstellung\">Erstellung dieser Erklärung</a></li>\
    <li><a href=\"#feedback\">Feedback und Kontaktangaben</a></li>\
    <li><a href=\"#durchsetzung\">Durchsetzungsverfahren</a></li>\
    </ul></nav>";

/// The status of compliance and the content that is not accessible, up to the link to the page in
/// Leichte Sprache.
const STATUS: &str = "<section aria-labelledby=\"stand\">\
    <h2 id=\"stand\">Stand der Vereinbarkeit mit den Anforderungen</h2>\
    <p>Diese App ist mit den genannten Anforderungen teilweise vereinbar.</p>\
    <p>Jede Seite wird bei jeder Änderung automatisch geprüft: mit dem Prüfwerkzeug axe-core in \
    einer schmalen (320 Pixel) und einer breiten Ansicht, mit der Tastatur und auf vollständigen \
    Text. Eine automatische Prüfung findet nicht alle Barrieren; eine Prüfung durch Fachleute hat \
    noch nicht stattgefunden. Die App ist deshalb als teilweise barrierefrei einzustufen.</p>\
    </section>\
    <section aria-labelledby=\"nicht-barrierefrei\">\
    <h2 id=\"nicht-barrierefrei\">Nicht barrierefreie Inhalte</h2>\
    <p>Die folgenden Inhalte sind noch nicht barrierefrei:</p>\
    <ul><li>Erklärungen in Deutscher Gebärdensprache (DGS): Es gibt noch kein Video in \
    Gebärdensprache, das den Inhalt und die Bedienung der App erklärt. Grund: Ein solches Video \
    ist für diese App noch nicht produziert worden.</li></ul>\
    <p>Erklärungen in Leichter Sprache stehen auf der Seite ";

/// After the link to the page in Leichte Sprache, up to the method's paragraph.
const BEFORE_METHOD: &str = ". Sie erklären, was die App enthält und wie Sie sie bedienen; der \
    Text des Aktionsplans selbst steht in der Sprache seiner Quelle.</p></section>\
    <section aria-labelledby=\"erstellung\"><h2 id=\"erstellung\">Erstellung dieser Erklärung</h2>";

/// The heading of the feedback section.
const FEEDBACK: &str = "<section aria-labelledby=\"feedback\">\
    <h2 id=\"feedback\">Feedback und Kontaktangaben</h2><p>";

/// The enforcement procedure, up to the body's contact details.
const ENFORCEMENT: &str = "</p></section><section aria-labelledby=\"durchsetzung\">\
    <h2 id=\"durchsetzung\">Durchsetzungsverfahren</h2>\
    <p>Wenn Sie auf Ihre Rückmeldung innerhalb angemessener Frist keine zufriedenstellende Antwort \
    erhalten, können Sie sich an die ";

/// The statement below its heading as HTML, with the operator's settings; `embedded` as
/// [`is_embedded`] tells, for the links that leave the app.
pub fn statement_html(site: &Site, embedded: bool) -> String {
    let mut html = String::with_capacity(6000);
    paragraph(&mut html, &scope(site));
    paragraph(&mut html, &publisher_line(site));
    html.push_str(BASIS);
    html.push_str(STATUS);
    html.push_str("<a href=\"");
    escape_into(&mut html, &link(Route::LeichteSprache));
    html.push_str("\">Leichte Sprache</a>");
    html.push_str(BEFORE_METHOD);
    paragraph(&mut html, &method());
    paragraph(&mut html, &statement_date(site));
    html.push_str("</section>");
    html.push_str(FEEDBACK);
    Contact {
        intro: "Wenn Sie auf eine Barriere stoßen oder etwas nicht verstehen, schreiben Sie uns: ",
        email: site.feedback_email,
        url: site.feedback_url,
        url_text: "Rückmeldeformular",
        joiner: " oder über das ",
        unset: "Für Rückmeldungen ist noch keine Kontaktadresse eingerichtet.",
    }
    .write_html(&mut html, embedded);
    html.push_str(ENFORCEMENT);
    escape_into(&mut html, ENFORCEMENT_BODY);
    html.push_str(" wenden und dort ein Durchsetzungsverfahren nach der HVBIT beantragen.</p><p>");
    Contact {
        intro: "So erreichen Sie die Durchsetzungsstelle: ",
        email: site.enforcement_email,
        url: site.enforcement_url,
        url_text: "Internetseite der Durchsetzungsstelle",
        joiner: " oder über die ",
        unset: "Die Kontaktangaben der Durchsetzungsstelle hat der Betreiber dieser App noch nicht eingetragen.",
    }
    .write_html(&mut html, embedded);
    html.push_str("</p></section>");
    html
}

/// Appends a paragraph with the text escaped.
fn paragraph(html: &mut String, text: &str) {
    html.push_str("<p>");
    escape_into(html, text);
    html.push_str("</p>");
}

/// What the statement applies to: the app by its name and address.
fn scope(site: &Site) -> String {
    format!(
        "Diese Erklärung gilt für die App „{}“ unter der Adresse {ORIGIN}{}.",
        site.name,
        link(Route::Home)
    )
}

/// Who publishes the app, as configured, or a plain statement that nobody is entered yet.
fn publisher_line(site: &Site) -> String {
    match site.publisher {
        Some(name) => format!("Herausgeber dieser App: {name}"),
        None => publisher(site).to_owned(),
    }
}

/// How the statement was made: the checks, with the version of the checker that ran.
fn method() -> String {
    format!(
        "Methode: Selbstbewertung. Bei jeder Änderung prüfen automatische Tests jede Seite der App: \
         mit axe-core {AXE_CORE_VERSION} in einer schmalen (320 Pixel) und einer breiten Ansicht, \
         die Bedienung mit der Tastatur, die Seiten ohne JavaScript und ob jeder Satz der Quelle in \
         der App steht. Eine Prüfung durch Fachleute hat noch nicht stattgefunden."
    )
}

/// When the statement was made, as the operator entered it, or a plain statement that the date is
/// missing.
fn statement_date(site: &Site) -> String {
    match site.accessibility_statement_date {
        Some(date) => format!("Diese Erklärung wurde am {} erstellt.", date.german()),
        None => "Der Betreiber hat das Datum dieser Erklärung noch nicht eingetragen.".to_owned(),
    }
}

#[cfg(test)]
mod tests;
