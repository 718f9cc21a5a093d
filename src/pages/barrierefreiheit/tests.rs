//! Tests of the accessibility statement: each setting becomes its sentence, unset ones say so, the
//! HTML is well formed and escaped, and the checker's version is the locked one.

use super::*;
use plan::model::Date;

/// The repository's settings with the given ones replaced.
fn site(change: impl FnOnce(&mut Site)) -> Site {
    let mut site = PLAN.site;
    change(&mut site);
    site
}

#[test]
fn settings_become_sentences_and_unset_ones_say_so() {
    // Each case: the settings, whether the page is embedded, and texts the HTML must contain.
    let cases: [(Site, bool, &[&str]); 5] = [
        (
            site(|_| {}),
            false,
            &[
                "<p>Für diese App ist noch kein Herausgeber eingetragen.</p>",
                "<p>Der Betreiber hat das Datum dieser Erklärung noch nicht eingetragen.</p>",
                "<p>Für Rückmeldungen ist noch keine Kontaktadresse eingerichtet.</p>",
                "<p>Die Kontaktangaben der Durchsetzungsstelle hat der Betreiber dieser App noch \
                 nicht eingetragen.</p>",
            ],
        ),
        (
            site(|s| {
                s.publisher = Some("Beispielbehörde <Referat 1> & Co, 12345 Musterstadt");
                s.accessibility_statement_date = Date::new(2026, 11, 26);
            }),
            false,
            &[
                "<p>Herausgeber dieser App: Beispielbehörde &lt;Referat 1&gt; &amp; Co, 12345 \
                 Musterstadt</p>",
                "<p>Diese Erklärung wurde am 26. November 2026 erstellt.</p>",
            ],
        ),
        (
            site(|s| {
                s.feedback_email = Some("rueckmeldung@example.org");
                s.enforcement_url = Some("https://durchsetzung.example.org/antrag");
            }),
            false,
            &[
                "schreiben Sie uns: <a href=\"mailto:rueckmeldung@example.org\" \
                 rel=\"external\">rueckmeldung@example.org</a>.</p>",
                "So erreichen Sie die Durchsetzungsstelle: <a \
                 href=\"https://durchsetzung.example.org/antrag\" rel=\"external\">Internetseite \
                 der Durchsetzungsstelle</a>.</p>",
            ],
        ),
        (
            site(|s| {
                s.feedback_url = Some("https://example.org/formular");
                s.enforcement_email = Some("stelle@example.org");
                s.enforcement_url = Some("https://example.org/stelle");
            }),
            true,
            &[
                "schreiben Sie uns: <a href=\"https://example.org/formular\" rel=\"external \
                 noopener\" target=\"_blank\">Rückmeldeformular<span \
                 class=\"visually-hidden\"> (öffnet ein neues Fenster)</span></a>.</p>",
                ">stelle@example.org<span class=\"visually-hidden\"> (öffnet ein neues \
                 Fenster)</span></a> oder über die <a href=\"https://example.org/stelle\"",
            ],
        ),
        (
            site(|s| s.accessibility_statement_date = Date::new(2028, 2, 29)),
            false,
            &["<p>Diese Erklärung wurde am 29. Februar 2028 erstellt.</p>"],
        ),
    ];
    for (site, embedded, expected) in cases {
        let html = statement_html(&site, embedded);
        for text in expected {
            assert!(html.contains(text), "{site:?}: no {text:?} in {html}");
        }
    }
}

#[test]
fn the_statement_has_its_sections_in_order_and_balanced_markup() {
    let html = statement_html(&PLAN.site, false);
    let mut from = 0;
    for id in [
        "stand",
        "nicht-barrierefrei",
        "erstellung",
        "feedback",
        "durchsetzung",
    ] {
        let toc = format!("<a href=\"#{id}\">");
        assert!(html.contains(&toc), "no {toc}");
        let section = format!("<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">");
        let at = html[from..]
            .find(&section)
            .unwrap_or_else(|| panic!("no {section} after byte {from}"));
        from += at + section.len();
    }
    for tag in ["section", "p", "ul", "li", "a", "h2", "nav"] {
        let opened =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(
            opened,
            html.matches(&format!("</{tag}>")).count(),
            "<{tag}>"
        );
    }
    assert!(html.contains(&format!(
        "<a href=\"{}\">Leichte Sprache</a>",
        link(Route::LeichteSprache)
    )));
    assert!(html.contains(&format!(
        "mit axe-core {AXE_CORE_VERSION} in einer schmalen"
    )));
}

#[test]
fn the_checker_version_is_the_locked_one() {
    let lock = include_str!("../../../package-lock.json");
    let entry = lock
        .find("\"node_modules/axe-core\"")
        .expect("axe-core in the lock file");
    let entry = &lock[entry..];
    let expected = format!("\"version\": \"{AXE_CORE_VERSION}\"");
    let in_entry = entry
        .find(&expected)
        .is_some_and(|at| entry.find('}').is_some_and(|end| at < end));
    assert!(
        in_entry,
        "{expected} is not in axe-core's entry of package-lock.json"
    );
}
