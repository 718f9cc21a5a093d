//! Guards the search quality on the real content: realistic queries, as people type them on a
//! phone, must rank the right page section first or among the first three.
//!
//! Each case in [`CASES`] was checked against the content in `content/` and
//! `content/synonyme.toml`. Queries that a reader would reasonably expect to work but that the
//! engine gets wrong are not in the table; they are reported separately so that this test stays a
//! regression guard.

use std::path::Path;
use std::sync::OnceLock;

use plan::search::{Index, MAX_QUERY_CHARS, MatchMode, SearchResults};
use plan::sections::{Section, index, sections};

/// The number of hits requested per query, as a results page would show.
const LIMIT: usize = 10;

/// The most suggestions the engine offers when nothing matched.
const MAX_SUGGESTIONS: usize = 3;

/// The start page.
const HOME: &str = "/";
/// The page of the guiding principles.
const LEITLINIEN: &str = "/leitlinien";
/// The overview of the action areas.
const HANDLUNGSFELDER: &str = "/handlungsfelder";
/// Action area 1.
const UNTERBRINGUNG: &str = "/handlungsfelder/unterbringung";
/// Action area 2.
const RUECKFUEHRUNGEN: &str = "/handlungsfelder/rueckfuehrungen";
/// Action area 3.
const SPRACHE: &str = "/handlungsfelder/sprachfoerderung-und-schule";
/// Action area 4.
const ARBEIT: &str = "/handlungsfelder/ausbildung-und-arbeitsmarkt";
/// Action area 5.
const WOHNEN: &str = "/handlungsfelder/wohnen-und-integration-vor-ort";
/// Action area 6.
const SICHERHEIT: &str = "/handlungsfelder/sicherheit-und-werte";
/// Action area 7.
const KOMMUNEN: &str = "/handlungsfelder/unterstuetzung-der-kommunen";
/// Action area 8.
const EHRENAMT: &str = "/handlungsfelder/unterstuetzung-des-ehrenamts";

/// How high the expected section must rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rank {
    /// The expected section must be the first hit.
    Top1,
    /// The expected section must be among the first three hits.
    Top3,
}

/// One query with the section it must find.
#[derive(Clone, Copy, Debug)]
struct Case {
    /// The query exactly as typed; without a trailing space the last word counts as unfinished.
    query: &'static str,
    /// The route path of the expected section.
    route: &'static str,
    /// The anchor of the expected section, when the case names one.
    anchor: Option<&'static str>,
    /// How high the expected section must rank.
    rank: Rank,
}

impl Case {
    /// Requires the section to be a specific anchor of the page.
    const fn at(self, anchor: &'static str) -> Case {
        Case {
            anchor: Some(anchor),
            ..self
        }
    }
}

/// A case whose expected page must be the first hit.
const fn top1(query: &'static str, route: &'static str) -> Case {
    Case {
        query,
        route,
        anchor: None,
        rank: Rank::Top1,
    }
}

/// A case whose expected page must be among the first three hits.
const fn top3(query: &'static str, route: &'static str) -> Case {
    Case {
        query,
        route,
        anchor: None,
        rank: Rank::Top3,
    }
}

/// The queries and their expected results, grouped by the engine feature they exercise.
const CASES: &[Case] = &[
    // Exact words from titles, texts and the start page.
    top1("Unterbringung", UNTERBRINGUNG),
    top1("Rückführungen", RUECKFUEHRUNGEN),
    top1("Extremismus", SICHERHEIT),
    top1("Zusammenleben", WOHNEN),
    top1("Obdachlosigkeit", UNTERBRINGUNG),
    top1("Existenzsicherung", ARBEIT),
    top1("Hessen handelt", HANDLUNGSFELDER).at("einleitung"),
    top1("Beispiele", HANDLUNGSFELDER),
    top1("Leitlinien", LEITLINIEN),
    top1("Respekt", LEITLINIEN).at("leitlinie-4"),
    top1("Teilhabe", LEITLINIEN).at("leitlinie-3"),
    top1("Flüchtlingslage", HOME).at("einleitung-2"),
    // Inflected forms: plural, singular, genitive and adjective endings.
    top1("Kommune", KOMMUNEN),
    top1("Schulen", SPRACHE),
    top1("Ehrenamtlicher", EHRENAMT),
    top1("Leitlinie", LEITLINIEN),
    top1("Fachkraft", LEITLINIEN).at("leitlinie-5"),
    top1("Arbeitsmärkte", ARBEIT),
    top1("Arbeitsgruppe", HOME).at("einleitung-3"),
    top1("Geflüchteter", UNTERBRINGUNG),
    top1("rückführung", RUECKFUEHRUNGEN),
    // Compound words found by their parts, and compounds typed with a hyphen.
    top1("Unterkunft", UNTERBRINGUNG),
    top1("Unterkünfte für Flüchtlinge", UNTERBRINGUNG),
    top1("Hilfe", KOMMUNEN),
    top3("Zugang", SICHERHEIT),
    top1("Zugang", ARBEIT),
    top1("Behörden", SICHERHEIT),
    top1("Kriegsflüchtlinge", RUECKFUEHRUNGEN),
    top1("Bürgerkrieg", RUECKFUEHRUNGEN),
    top1("Aufenthalt", RUECKFUEHRUNGEN),
    top1("Anspruch", RUECKFUEHRUNGEN),
    top1("Kräfte", LEITLINIEN).at("leitlinie-5"),
    top1("Partizipation", LEITLINIEN).at("leitlinie-3"),
    top1("Flüchtlings-Unterkunft", UNTERBRINGUNG),
    top1("Sprach-Förderung", SPRACHE),
    // Umlauts typed as ae, oe, ue or without dots, and ß typed as ss.
    top1("Rueckfuehrungen", RUECKFUEHRUNGEN),
    top1("Ruckfuhrungen", RUECKFUEHRUNGEN),
    top1("Massnahmen", HOME).at("einleitung-2"),
    top1("Sprachforderung", SPRACHE),
    top1("Unterstuetzung Ehrenamt", EHRENAMT),
    top1("Wertschatzung", LEITLINIEN).at("leitlinie-4"),
    top1("Fachkraefte", LEITLINIEN).at("leitlinie-5"),
    top1("Giessen", UNTERBRINGUNG),
    top1("partizipationsmoeglichkeiten", LEITLINIEN).at("leitlinie-3"),
    top1("Sicherheitsbehorden", SICHERHEIT),
    // Lower and upper case.
    top1("sprache", SPRACHE),
    top1("wohnen", WOHNEN),
    top1("EHRENAMT", EHRENAMT),
    top1("aufenthaltsrecht", RUECKFUEHRUNGEN),
    // Typos: one edit from five letters, two edits from nine letters.
    top1("Unterbringng", UNTERBRINGUNG),
    top1("Extremismuss", SICHERHEIT),
    top1("Sprachfoerdrung", SPRACHE),
    top1("Sicherhiet", SICHERHEIT),
    top1("Ausbildng", ARBEIT),
    top1("Arbeitsmakt", ARBEIT),
    top1("Rükführungen", RUECKFUEHRUNGEN),
    top1("Engagment", EHRENAMT),
    top1("Unterbrngng", UNTERBRINGUNG),
    top1("Kommunnen", KOMMUNEN),
    top1("Pollizeii", SICHERHEIT),
    // Prefixes of the last word, while it is still being typed.
    top1("Ehrena", EHRENAMT),
    top1("Arbeitsm", ARBEIT),
    top1("Unterbr", UNTERBRINGUNG),
    top1("Rückf", RUECKFUEHRUNGEN),
    top1("Sicherh", SICHERHEIT),
    top1("Leitl", LEITLINIEN),
    top1("Zusammenl", WOHNEN),
    top1("Unterstützung Kom", KOMMUNEN),
    top1("Sprachförderung Schu", SPRACHE),
    // Queries of several words.
    top1("Zugang zum Arbeitsmarkt", ARBEIT),
    top1("Obdachlosigkeit verhindern", UNTERBRINGUNG),
    top1("Schutz Bürger", SICHERHEIT),
    top1("Chancengerechtigkeit Bildung", LEITLINIEN).at("leitlinie-1"),
    top1("Sprache Schlüssel", LEITLINIEN).at("leitlinie-1"),
    top1("Fachkräfte gewinnen", LEITLINIEN).at("leitlinie-5"),
    top1("Respekt und Wertschätzung", LEITLINIEN).at("leitlinie-4"),
    top1("Integration vor Ort", WOHNEN),
    top1("politisch verfolgte", RUECKFUEHRUNGEN),
    top1("Bürgerschaftliches Engagement", EHRENAMT),
    top1("Extremismus bekämpfen", SICHERHEIT),
    top1("Hessen 110.000 Flüchtlinge", UNTERBRINGUNG),
    // Synonyms from content/synonyme.toml.
    top1("Abschiebung", RUECKFUEHRUNGEN),
    top1("Abschiebungen", RUECKFUEHRUNGEN),
    top1("Deutschkurs", SPRACHE),
    top1("Wohnung", WOHNEN),
    top1("Wohnungen", WOHNEN),
    top1("Miete", WOHNEN),
    top1("Job", ARBEIT),
    top1("Lehre", ARBEIT),
    top1("Azubi", ARBEIT),
    top1("Heim", UNTERBRINGUNG),
    top1("Erstaufnahme", UNTERBRINGUNG),
    top1("Asyl", RUECKFUEHRUNGEN),
    top1("Bleiberecht", RUECKFUEHRUNGEN),
    top1("Freiwillige", EHRENAMT),
    top1("Helfer", EHRENAMT),
    top1("Gemeinden", KOMMUNEN),
    top1("Städte", KOMMUNEN),
    top1("Terror", SICHERHEIT),
    top1("Kriminalität", SICHERHEIT),
    top1("Nachbarschaft", WOHNEN),
    top1("Mitbestimmung", LEITLINIEN).at("leitlinie-3"),
    top1("Chancengleichheit", LEITLINIEN).at("leitlinie-1"),
    top1("Toleranz", LEITLINIEN).at("leitlinie-4"),
    top1("Grundsätze", LEITLINIEN),
    top1("Kosten", HOME).at("einleitung-2"),
    // The image captions, indexed as keywords of an area.
    top1("Polizei", SICHERHEIT),
    top1("Fachwerkhäuser", KOMMUNEN),
    top1("Jugendliche", SPRACHE),
    top1("HEAE", UNTERBRINGUNG),
    // Questions in natural language.
    top1("Wie viel Geld gab es im ersten Jahr?", HOME).at("einleitung-2"),
    top1("Wer muss das Land verlassen?", RUECKFUEHRUNGEN),
    top1("Was tut Hessen für die Kommunen?", KOMMUNEN),
    top1("Wann wurde der Aktionsplan vorgestellt?", HOME).at("einleitung-2"),
    top1(
        "Wie viele Flüchtlinge wurden 2015 untergebracht?",
        UNTERBRINGUNG,
    ),
    top1("Wie viele Flüchtlinge haben Hessen wieder verlassen?", HOME).at("einleitung-1"),
    top1("Wie viele Arbeitsgruppen gab es?", HOME).at("einleitung-3"),
    top1("Wo kann ich Deutsch lernen?", SPRACHE),
    top1("Was macht Hessen gegen Extremismus?", SICHERHEIT),
    top1("Wer darf bleiben?", RUECKFUEHRUNGEN),
    top1("Wie werden Ehrenamtliche unterstützt?", EHRENAMT),
    top1("Welche Leitlinien gibt es?", LEITLINIEN),
    top3("Wie viele Flüchtlinge kamen nach Hessen?", HOME).at("einleitung-1"),
    top3("Wie viel Geld hat Hessen ausgegeben?", HOME).at("einleitung-2"),
    // Figures, with and without thousands separators.
    top1("107.000", HOME).at("einleitung-1"),
    top1("107000", HOME).at("einleitung-1"),
    top1("20.000", HOME).at("einleitung-1"),
    top1("110.000", UNTERBRINGUNG),
    top1("1,3 Milliarden", HOME).at("einleitung-2"),
    top1("1,3 Milliarden Euro", HOME).at("einleitung-2"),
    top1("November 2015", HOME).at("einleitung-2"),
    top1("18. Legislaturperiode", HOME).at("einleitung-3"),
    // Names of people and bodies.
    top1("Bouffier", HOME).at("einleitung-2"),
    top1("Volker Bouffier", HOME).at("einleitung-2"),
    top1("Ministerpräsident", HOME).at("einleitung-2"),
    top1("Enquetekommission", HOME).at("einleitung-3"),
    top1("Enquete", HOME).at("einleitung-3"),
    top1("Enquetekommission Migration", HOME).at("einleitung-3"),
    // Findings of the quality test, fixed.
    // A synonym target found only inside a compound ("Unterkunft" in "Flüchtlingsunterkünfte"),
    // and a synonym that outranks a typo candidate ("Lager" is not a typo of "lange").
    top1("Lager", UNTERBRINGUNG),
    top1("Lager ", UNTERBRINGUNG),
    // A synonym entry of its own: "Terrorismus" is not "Terror".
    top1("Terrorismus", SICHERHEIT),
    // Compound queries with one part that is not in the content.
    top1("Fachkräftemangel", LEITLINIEN).at("leitlinie-5"),
    top1("Fachkräftemangel ", LEITLINIEN).at("leitlinie-5"),
    top1("Ausbildungsplatz", ARBEIT),
    top1("Ausbildungsplätze ", ARBEIT),
    // An unfinished word that completes to a compound part: results do not disappear while
    // typing "Unterkunft".
    top1("Unterkunf", UNTERBRINGUNG),
    top1("Unterk", UNTERBRINGUNG),
];

/// The sections of the real content and their index, built once for all tests.
struct Fixture {
    /// The sections, in index order.
    sections: Vec<Section>,
    /// The search index, as the build embeds it.
    index: Index,
}

/// Loads the real content and builds its index.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let plan = plan::content::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        let synonyms = plan::content::load_synonyms(&dir).unwrap_or_else(|e| panic!("{e}"));
        let plan = Box::leak(Box::new(plan));
        Fixture {
            sections: sections(plan),
            index: index(plan, &synonyms),
        }
    })
}

/// Returns a hit's section as `route#anchor`.
fn label(fixture: &Fixture, doc: usize) -> String {
    let section = &fixture.sections[doc];
    format!("{}#{}", section.route.path(), section.anchor)
}

/// Returns the first three hits as `route#anchor (score)`, for failure messages.
fn top_three(fixture: &Fixture, results: &SearchResults) -> String {
    if results.hits.is_empty() {
        return format!("no hits, suggestions {:?}", results.suggestions);
    }
    results
        .hits
        .iter()
        .take(3)
        .map(|h| format!("{} ({:.2})", label(fixture, h.doc), h.score))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs one case and returns a description of the failure, if it fails.
fn check(fixture: &Fixture, case: &Case) -> Result<(), String> {
    let results = fixture.index.search(case.query, LIMIT);
    let depth = match case.rank {
        Rank::Top1 => 1,
        Rank::Top3 => 3,
    };
    let found = results.hits.iter().take(depth).any(|h| {
        let section = &fixture.sections[h.doc];
        section.route.path() == case.route && case.anchor.is_none_or(|a| section.anchor == a)
    });
    if found {
        return Ok(());
    }
    let expected = match case.anchor {
        Some(anchor) => format!("{}#{anchor}", case.route),
        None => case.route.to_owned(),
    };
    Err(format!(
        "{:?}: expected {expected} in the top {depth}, got {}",
        case.query,
        top_three(fixture, &results)
    ))
}

#[test]
fn realistic_queries_find_the_right_section() {
    let fixture = fixture();
    assert!(
        CASES.len() >= 60,
        "the table must hold at least 60 cases, it holds {}",
        CASES.len()
    );
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|case| check(fixture, case).err())
        .collect();
    let passed = CASES.len() - failures.len();
    println!(
        "search quality: {passed} of {} queries pass ({:.1} %)",
        CASES.len(),
        100.0 * passed as f64 / CASES.len() as f64
    );
    assert!(
        failures.is_empty(),
        "{} of {} queries fail:\n  {}",
        failures.len(),
        CASES.len(),
        failures.join("\n  ")
    );
}

#[test]
fn no_result_queries_offer_suggestions() {
    let fixture = fixture();
    // Each query has too many typos to match, but a close indexed word is offered instead.
    let cases = [
        ("Untrbrngng", "Unterbringung"),
        ("Sichrhet", "Sicherheit"),
        ("Extrmsms", "Extremismus"),
        ("Ausbldng", "Ausbildung"),
        ("Leitlnen", "Leitlinien"),
        ("Wohnrm", "Wohnraum"),
    ];
    let mut failures = Vec::new();
    for (query, suggestion) in cases {
        let results = fixture.index.search(query, LIMIT);
        if !results.hits.is_empty() || !results.suggestions.iter().any(|s| s == suggestion) {
            failures.push(format!(
                "{query:?}: expected no hits and the suggestion {suggestion:?}, got {} and \
                 suggestions {:?}",
                top_three(fixture, &results),
                results.suggestions
            ));
        }
        assert!(results.suggestions.len() <= MAX_SUGGESTIONS, "{query:?}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Searches and checks the outcome's bounds: a limited number of valid, finite, ordered hits.
fn bounded_search(fixture: &Fixture, query: &str) -> SearchResults {
    let results = fixture.index.search(query, LIMIT);
    assert!(results.hits.len() <= LIMIT, "{query:?}: too many hits");
    assert!(
        results.suggestions.len() <= MAX_SUGGESTIONS,
        "{query:?}: too many suggestions"
    );
    for hit in &results.hits {
        assert!(hit.doc < fixture.sections.len(), "{query:?}: unknown doc");
        assert!(
            hit.score.is_finite() && hit.score > 0.0,
            "{query:?}: score {}",
            hit.score
        );
    }
    assert!(
        results.hits.windows(2).all(|w| w[0].score >= w[1].score),
        "{query:?}: hits not ordered by score"
    );
    assert!(
        results.hits.is_empty() || results.suggestions.is_empty(),
        "{query:?}: suggestions despite hits"
    );
    results
}

/// Returns whether the first hit is on the given page.
fn first_is(fixture: &Fixture, results: &SearchResults, route: &str) -> bool {
    results
        .hits
        .first()
        .is_some_and(|h| fixture.sections[h.doc].route.path() == route)
}

#[test]
fn bad_input_never_panics_and_is_bounded() {
    let fixture = fixture();
    // Queries without any searchable word find nothing and suggest nothing.
    for query in [
        "",
        " ",
        "   \t  \n ",
        "😀🎉👍",
        "?!.,;:-–…\"'()[]{}",
        "\u{0}\u{7}\u{1b}\u{7f}",
        "\u{200b}\u{200e}\u{202e}",
    ] {
        let results = bounded_search(fixture, query);
        assert!(results.hits.is_empty(), "{query:?} found something");
        assert!(
            results.suggestions.is_empty(),
            "{query:?} suggests something"
        );
        assert!(!results.query_truncated, "{query:?} counts as truncated");
    }
    // Right-to-left scripts find nothing in a German text, and do not break German words beside
    // them.
    for query in ["لاجئين", "פליטים", "اللجوء في ألمانيا", "מקלט בגרמניה"]
    {
        let results = bounded_search(fixture, query);
        assert!(results.hits.is_empty(), "{query:?} found something");
    }
    let mixed = bounded_search(fixture, "اللاجئين Unterbringung פליטים");
    assert!(first_is(fixture, &mixed, UNTERBRINGUNG), "mixed scripts");
    assert_eq!(mixed.mode, MatchMode::Any, "mixed scripts");
    // Markup is searched as plain words, none of which is in the content.
    let script = bounded_search(fixture, "<script>alert(1)</script>");
    assert!(script.hits.is_empty(), "markup found something");
    let markup = bounded_search(fixture, "<b>Unterbringung</b>");
    assert!(
        first_is(fixture, &markup, UNTERBRINGUNG),
        "markup around a word"
    );
    // Control characters around a word separate it like spaces.
    for query in [
        "\tUnterbringung\r\n",
        "\u{0}Unterbringung\u{7}",
        "Unterbringung\u{0}",
    ] {
        let results = bounded_search(fixture, query);
        assert!(first_is(fixture, &results, UNTERBRINGUNG), "{query:?}");
    }
    bounded_search(fixture, "\u{1b}[31mUnterbringung\u{1b}[0m");
    // Overlong queries are cut and still answered.
    let long_word = "a".repeat(10_000);
    let results = bounded_search(fixture, &long_word);
    assert!(results.query_truncated, "a 10,000-letter word is not cut");
    let words = "Unterbringung ".repeat(10_000 / "Unterbringung ".len() + 1);
    let words = &words[..10_000];
    assert!(words.chars().count() > MAX_QUERY_CHARS);
    let results = bounded_search(fixture, words);
    assert!(
        results.query_truncated,
        "a 10,000-character query is not cut"
    );
    assert!(
        first_is(fixture, &results, UNTERBRINGUNG),
        "long repeated query"
    );
    let umlauts = "Rückführungen ü ß 😀 ".repeat(500);
    let results = bounded_search(fixture, &umlauts);
    assert!(
        results.query_truncated,
        "a long query of multi-byte characters is not cut"
    );
    assert!(
        first_is(fixture, &results, RUECKFUEHRUNGEN),
        "long umlaut query"
    );
    let many = (0..2_000)
        .map(|i| format!("wort{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let results = bounded_search(fixture, &many);
    assert!(results.query_truncated, "2,000 words are not cut");
    assert!(results.hits.is_empty(), "invented words found something");
}

#[test]
fn unfinished_word_ranks_its_exact_matches_above_its_completions() {
    let fixture = fixture();
    // While "Flüchtlinge" is being typed, the sections it finds as a finished word come before
    // the sections that only its completions find, such as "Flüchtlingsaufnahme" (the finding:
    // `/handlungsfelder#einleitung` ranked first).
    let all = fixture.sections.len();
    for query in ["Flüchtlinge", "Flüchtling", "Arbeit", "Sprache"] {
        let finished = fixture.index.search(&format!("{query} "), all);
        let typing = fixture.index.search(query, all);
        let found: Vec<bool> = typing
            .hits
            .iter()
            .map(|h| finished.hits.iter().any(|f| f.doc == h.doc))
            .collect();
        let first_completion = found.iter().position(|f| !f).unwrap_or(found.len());
        assert!(
            found.first() == Some(&true) && found[first_completion..].iter().all(|f| !f),
            "{query:?}: a completion ranks above the word itself: {}",
            top_three(fixture, &typing)
        );
    }
    let results = bounded_search(fixture, "Flüchtlinge");
    assert!(
        label(fixture, results.hits[0].doc) != "/handlungsfelder#einleitung",
        "{}",
        top_three(fixture, &results)
    );
}
