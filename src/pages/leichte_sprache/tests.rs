//! Tests of the Leichte-Sprache page: every sentence keeps the rules of Leichte Sprache, the same
//! thing always has the same word, the settings change only their own lines, and the HTML is well
//! formed and escaped.

use super::*;

/// The most words a sentence may have.
const MAX_WORDS: usize = 15;

/// The most letters a word may have between hyphens; longer compounds are split with a hyphen.
const MAX_LETTERS: usize = 20;

/// Abbreviations that Leichte Sprache writes out ("zum Beispiel").
const ABBREVIATIONS: [&str; 18] = [
    "z.B.", "z. B.", "zB", "bzw.", "usw.", "ca.", "d.h.", "d. h.", "u.a.", "u. a.", "etc.", "ggf.",
    "evtl.", "vgl.", "Nr.", "inkl.", "bspw.", "o.ä.",
];

/// Words the page never uses outside a quoted label („…“), each with the word it uses instead.
const GLOSSARY: [(&str, &str); 22] = [
    ("webseite", "Internet-Seite"),
    ("website", "Internet-Seite"),
    ("internetseite", "Internet-Seite"),
    ("homepage", "Internet-Seite"),
    ("startseite", "Start-Seite"),
    ("suchfeld", "Such-Feld"),
    ("suchleiste", "Such-Feld"),
    ("handlungsfeld", "Handlungs-Feld"),
    ("leitlinie", "Leit-Linie"),
    ("smartphone", "Handy"),
    ("mobiltelefon", "Handy"),
    ("button", "Knopf"),
    ("schaltfläche", "Knopf"),
    ("taste", "Knopf"),
    ("barrierefrei", "barriere-frei, Barriere-Freiheit"),
    ("bildschirm", "Bild-Schirm"),
    ("landesregierung", "Landes-Regierung"),
    ("kontaktdaten", "Kontakt-Daten"),
    ("gebärdensprache", "Gebärden-Sprache"),
    ("alltagssprache", "Alltags-Sprache"),
    ("fachleute", "Fach-Leute"),
    ("webbrowser", "Browser"),
];

/// Whole words the page avoids, with the reason: negations, the informal "du", and the passive.
const AVOIDED: [(&str, &str); 16] = [
    ("nicht", "a negation"),
    ("nichts", "a negation"),
    ("kein", "a negation"),
    ("keine", "a negation"),
    ("keinen", "a negation"),
    ("keinem", "a negation"),
    ("keiner", "a negation"),
    ("nie", "a negation"),
    ("niemand", "a negation"),
    ("du", "the informal address; the page says \"Sie\""),
    ("dich", "the informal address; the page says \"Sie\""),
    ("dir", "the informal address; the page says \"Sie\""),
    ("dein", "the informal address; the page says \"Sie\""),
    ("deine", "the informal address; the page says \"Sie\""),
    ("wird", "passive or future; write active and present"),
    ("werden", "passive or future; write active and present"),
];

/// The text without the quoted labels („…“), which name what the screen shows.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '„' => quoted = true,
            '“' => quoted = false,
            c if !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every way the sentence breaks a rule, in plain words; empty when it keeps them all.
fn problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.len() > MAX_WORDS {
        found.push(format!("{} words, more than {MAX_WORDS}", words.len()));
    }
    // Words between spaces, with the punctuation that may follow a word turned into spaces.
    let spaced = format!(" {} ", text.replace([',', ':', ';', '?', '!'], " "));
    for abbreviation in ABBREVIATIONS {
        if spaced.contains(&format!(" {abbreviation} ")) {
            found.push(format!("the abbreviation {abbreviation:?}"));
        }
    }
    let body = text.trim_end_matches(['.', '?', '!', ':']);
    if body.contains('.') {
        found.push(
            "a full stop inside the sentence: one statement per sentence, no abbreviations"
                .to_owned(),
        );
    }
    for mark in [';', '(', ')', '/'] {
        if text.contains(mark) {
            found.push(format!(
                "the character {mark:?}: split the sentence instead"
            ));
        }
    }
    for word in &words {
        for part in word.split('-') {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            if letters > MAX_LETTERS {
                found.push(format!(
                    "the word {part:?} has {letters} letters: split it with a hyphen"
                ));
            }
        }
    }
    let plain = unquoted(text).to_lowercase();
    for (avoid, instead) in GLOSSARY {
        if plain.contains(avoid) {
            found.push(format!("{avoid:?}: the page says {instead:?}"));
        }
    }
    for word in plain.split(|c: char| !c.is_alphabetic()) {
        if let Some((_, why)) = AVOIDED.iter().find(|(avoid, _)| *avoid == word) {
            found.push(format!("{word:?}: {why}"));
        }
    }
    found
}

/// The repository's settings with the feedback e-mail address and the publisher replaced.
fn site(feedback_email: Option<&'static str>, publisher: Option<&'static str>) -> &'static Site {
    Box::leak(Box::new(Site {
        feedback_email,
        feedback_url: None,
        publisher,
        ..PLAN.site
    }))
}

/// Every combination of the settings the page depends on.
fn sites() -> [&'static Site; 4] {
    let publisher = Some("Beispielbehörde, Musterstraße 1, 12345 Musterstadt");
    let email = Some("rueckmeldung@example.org");
    [
        site(None, None),
        site(email, None),
        site(None, publisher),
        site(email, publisher),
    ]
}

/// Whether a piece is text of this page (not an area's title or a setting, which others write).
fn is_own_text(kind: Kind) -> bool {
    !matches!(kind, Kind::Setting | Kind::Link(Route::Area(_), _))
}

#[test]
fn every_sentence_keeps_the_rules_of_leichte_sprache() {
    let mut failures = Vec::new();
    for site in sites() {
        for (kind, text) in pieces(site, PLAN.areas) {
            if !is_own_text(kind) {
                continue;
            }
            for problem in problems(text) {
                let line = format!("{text:?}: {problem}");
                if !failures.contains(&line) {
                    failures.push(line);
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_rules_catch_what_they_describe() {
    // Each case: a sentence and the start of the problem it must be reported for ("" for none).
    let too_long = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn.";
    for (text, expected) in [
        ("Klicken Sie auf den Knopf „Menü“.", ""),
        ("Auf vielen Seiten steht der Link „Startseite“.", ""),
        ("Barriere-Freiheits-Anforderungen sind wichtig.", ""),
        ("Das sind 8 Themen.", ""),
        (too_long, "16 words"),
        ("Das ist z.B. gut.", "the abbreviation \"z.B.\""),
        ("Das ist z. B. gut.", "the abbreviation \"z. B.\""),
        ("Lesen bzw. schreiben Sie.", "the abbreviation \"bzw.\""),
        ("Es gibt Texte, Bilder usw.", "the abbreviation \"usw.\""),
        ("Das kostet ca. 5 Euro.", "the abbreviation \"ca.\""),
        ("Das ist etc. richtig.", "the abbreviation \"etc.\""),
        ("Lesen Sie. Dann schreiben Sie.", "a full stop inside"),
        ("Lesen Sie (bitte) alles.", "the character '('"),
        (
            "Das sind Barrierefreiheitsanforderungen.",
            "the word \"Barrierefreiheitsanforderungen\"",
        ),
        (
            "Besuchen Sie unsere Webseite.",
            "\"webseite\": the page says \"Internet-Seite\"",
        ),
        (
            "Gehen Sie zur Startseite.",
            "\"startseite\": the page says \"Start-Seite\"",
        ),
        ("Die Seite ist barrierefrei.", "\"barrierefrei\""),
        ("Das geht nicht.", "\"nicht\": a negation"),
        ("Es gibt keine Suche.", "\"keine\": a negation"),
        ("Du kannst lesen.", "\"du\": the informal address"),
        ("Die App wird geprüft.", "\"wird\": passive"),
    ] {
        let found = problems(text);
        if expected.is_empty() {
            assert!(found.is_empty(), "{text:?}: {found:?}");
        } else {
            assert!(
                found.iter().any(|p| p.starts_with(expected)),
                "{text:?}: expected {expected:?}, found {found:?}"
            );
        }
    }
}

#[test]
fn settings_change_only_their_own_lines() {
    let without = pieces(site(None, None), PLAN.areas);
    let with = pieces(
        site(Some("a@example.org"), Some("Beispielbehörde")),
        PLAN.areas,
    );
    for (pieces, feedback, absent) in [
        (&without, FEEDBACK_UNSET, FEEDBACK_SET),
        (&with, FEEDBACK_SET, FEEDBACK_UNSET),
    ] {
        for piece in feedback {
            assert!(pieces.contains(piece), "{piece:?} missing");
        }
        for piece in absent {
            assert!(!pieces.contains(piece), "{piece:?} shown");
        }
    }
    assert!(without.contains(&PUBLISHER_UNSET));
    assert!(!without.iter().any(|(kind, _)| *kind == Kind::Setting));
    assert!(with.contains(&(Kind::Setting, "Beispielbehörde")));
    assert!(!with.contains(&PUBLISHER_UNSET));
    // A feedback form counts like an e-mail address.
    let form = Box::leak(Box::new(Site {
        feedback_url: Some("https://example.org/rueckmeldung"),
        ..*site(None, None)
    }));
    assert!(pieces(form, PLAN.areas).contains(&FEEDBACK_SET[0]));
}

#[test]
fn counts_and_links_match_the_content() {
    let all = pieces(&PLAN.site, PLAN.areas);
    let texts: Vec<&str> = all.iter().map(|(_, text)| *text).collect();
    let principles = format!("{} Leit-Linien.", PLAN.start.principles.len());
    let areas = format!("{} Handlungs-Felder.", PLAN.areas.len());
    let areas_list = format!("Das sind die {} Handlungs-Felder:", PLAN.areas.len());
    for expected in [&principles, &areas, &areas_list] {
        assert!(
            texts.contains(&expected.as_str()),
            "{expected} not in {texts:?}"
        );
    }
    for area in PLAN.areas {
        let piece = (Kind::Link(Route::Area(area.slug), ""), area.title);
        assert_eq!(
            all.iter().filter(|p| **p == piece).count(),
            1,
            "{}",
            area.slug
        );
    }
}

#[test]
fn html_has_a_section_per_heading_lists_and_escaped_text() {
    let html = pieces_html(&[
        (Kind::Note, "N"),
        (Kind::Heading("a"), "A <b>"),
        (Kind::Sentence, "S & T"),
        (Kind::Item, "I1"),
        (Kind::Item, "I2"),
        (Kind::Link(Route::Leitlinien, ""), "L1"),
        (Kind::SearchLink, "L2"),
        (Kind::Heading("b"), "B"),
        (Kind::Link(Route::Service, "installieren"), "L3"),
        (Kind::Setting, "\"x\""),
    ]);
    let expected = format!(
        "<p class=\"notice\">N</p>\
         <section aria-labelledby=\"a\"><h2 id=\"a\">A &lt;b&gt;</h2><p>S &amp; T</p>\
         <ul><li>I1</li><li>I2</li></ul>\
         <ul class=\"link-list\"><li><a href=\"{}\">L1</a></li><li><a href=\"{}\">L2</a></li></ul></section>\
         <section aria-labelledby=\"b\"><h2 id=\"b\">B</h2>\
         <ul class=\"link-list\"><li><a href=\"{}#installieren\">L3</a></li></ul>\
         <p>&quot;x&quot;</p></section>",
        link(Route::Leitlinien),
        href(SEARCH_PATH),
        link(Route::Service),
    );
    assert_eq!(html, expected);
}

#[test]
fn the_page_html_is_balanced() {
    for site in sites() {
        let html = pieces_html(&pieces(site, PLAN.areas));
        for tag in ["section", "ul", "p", "li", "a", "h2"] {
            let opened = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            let closed = html.matches(&format!("</{tag}>")).count();
            assert_eq!(opened, closed, "<{tag}> in {html}");
        }
        let headings = pieces(site, PLAN.areas)
            .iter()
            .filter(|(kind, _)| matches!(kind, Kind::Heading(_)))
            .count();
        assert_eq!(html.matches("<section ").count(), headings);
    }
}
