//! The in-browser search benchmark: per-keystroke search latency in wasm in headless chromium, on
//! the plan and on the GermanQuAD passages (`cargo xtask bench-search --browser` runs it).
//!
//! It is a benchmark, not a timed test: it prints figures and asserts only that every search ran
//! and that the index is the right one, never a latency. Every query is typed as a user types it:
//! each prefix at a character boundary is one keystroke and one search, with the header's limit of
//! five suggestions. `performance.now()` is coarse (5 µs steps in headless chromium here, up to
//! 100 µs in other browsers), so every keystroke's search runs [`REPEATS`] times and the elapsed
//! time is divided by that count; the benchmark prints the step it sees.
//!
//! The content loader reads files, which wasm cannot, so xtask builds the plan's index natively
//! and passes its path in `AKTIONSPLAN_INDEX` and the section list (`path#anchor` per line) in
//! `AKTIONSPLAN_SECTIONS`. `GERMANQUAD_DIR` names the folder with the GermanQuAD JSON Lines files;
//! when the data is missing, xtask points it at empty placeholder files and that benchmark is
//! skipped. The three variables are read at compile time.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;

use plan::search::{Document, Index, Synonyms};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// How often each keystroke's search runs; the latency is the elapsed time divided by this.
const REPEATS: u32 = 20;
/// The number of hits asked for, as in the header's suggestion list.
const LIMIT: usize = 5;
/// The number of query lines in the GermanQuAD dev half; the benchmark types the test half.
const DEV_QUERIES: usize = 1102;

/// The plan's index as the build embeds it in the app, written by xtask.
const PLAN_INDEX: &[u8] = include_bytes!(env!("AKTIONSPLAN_INDEX"));
/// The plan's sections in index order, one `path#anchor` per line, written by xtask.
const PLAN_SECTIONS: &str = include_str!(env!("AKTIONSPLAN_SECTIONS"));
/// The GermanQuAD passages (empty when xtask did not find the data).
const GERMANQUAD_DOCS: &str =
    include_str!(concat!(env!("GERMANQUAD_DIR"), "/docs.normalized.jsonl"));
/// The GermanQuAD questions (empty when xtask did not find the data).
const GERMANQUAD_QUERIES: &str =
    include_str!(concat!(env!("GERMANQUAD_DIR"), "/queries.normalized.jsonl"));

/// Queries about the plan as people type them, typos and umlaut spellings included.
const PLAN_QUERIES: &[&str] = &[
    "Unterkunft",
    "Abschiebung",
    "Deutschkurs",
    "Ehrenamt Freiwillige",
    "Wohnung",
    "Flüchtlinge in Hessen",
    "Fluechtlinge",
    "Flüchtlnge",
    "Geflüchtete",
    "Sprachförderung",
    "Sprachfoerderung",
    "Sprachkurs für Frauen",
    "Schule",
    "Kita Betreuung",
    "Ausbildung",
    "Arbeitsmarkt Zugang",
    "Arbeitserlaubnis",
    "Arbeit finden",
    "Integrationskurs",
    "Polizei",
    "Sicherheit",
    "Werte Grundgesetz",
    "Kommunen Kosten",
    "Gemeinden Unterstützung",
    "Unterstützung der Kommunen",
    "Rückführung",
    "Rueckfuehrung",
    "Abschiebungen Straftäter",
    "Asyl",
    "Asylverfahren",
    "Erstaufnahme",
    "Erstaufnahmeeinrichtung Gießen",
    "Heim",
    "Obdachlosigkeit",
    "Unterbrinung",
    "Wohnraum bezahlbar",
    "sozialer Wohnungsbau",
    "unbegleitete minderjährige Flüchtlinge",
    "Lehrer Stellen",
    "Ehrenamtliche Helfer",
    "Zusammenhalt",
    "Leitlinien",
    "Integration vor Ort",
    "Gesundheit Impfung",
    "Was tut Hessen für Flüchtlinge?",
];

/// The current time in milliseconds, from `performance.now()`.
fn now() -> f64 {
    web_sys::window()
        .expect("a window")
        .performance()
        .expect("window.performance")
        .now()
}

/// Every prefix of `query` at a character boundary, shortest first: what a typing user searches.
fn keystrokes(query: &str) -> impl Iterator<Item = &str> {
    query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
}

/// Latencies of searches, one per keystroke, in microseconds.
struct Latencies {
    /// The microseconds of each keystroke's search.
    micros: Vec<f64>,
    /// The number of searches that returned (keystrokes times [`REPEATS`]).
    searches: usize,
}

/// Types every query into `index`, keystroke by keystroke, and measures each search.
fn type_queries<'a>(index: &Index, queries: impl IntoIterator<Item = &'a str>) -> Latencies {
    let mut latencies = Latencies {
        micros: Vec::new(),
        searches: 0,
    };
    for query in queries {
        for prefix in keystrokes(query) {
            let started = now();
            for _ in 0..REPEATS {
                let results = black_box(index.search(black_box(prefix), LIMIT));
                assert!(results.hits.len() <= LIMIT, "{prefix:?}: too many hits");
                latencies.searches += 1;
            }
            latencies
                .micros
                .push((now() - started) * 1000.0 / f64::from(REPEATS));
        }
    }
    latencies
}

/// Returns the smallest step of `performance.now()` seen in a few tries, in microseconds.
fn timer_step() -> f64 {
    (0..10)
        .map(|_| {
            let start = now();
            let mut next = now();
            while next == start {
                next = now();
            }
            (next - start) * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

/// Returns the `q`-quantile of sorted values (nearest rank, as the native benchmark).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// Prints count and quantiles of the latencies under `name`.
fn report(name: &str, latencies: &Latencies) {
    let mut sorted = latencies.micros.clone();
    sorted.sort_by(f64::total_cmp);
    console_log!(
        "{name}: {} keystrokes ({} searches): per-keystroke search p50 {:.1} µs, p90 {:.1} µs, \
         p99 {:.1} µs, max {:.1} µs",
        sorted.len(),
        latencies.searches,
        quantile(&sorted, 0.5),
        quantile(&sorted, 0.9),
        quantile(&sorted, 0.99),
        quantile(&sorted, 1.0)
    );
}

/// The plan's index, as the app decodes it; goal: p99 below 2 ms per keystroke.
#[wasm_bindgen_test]
fn plan_keystrokes() {
    let started = now();
    let index = Index::from_bytes(PLAN_INDEX).expect("the plan's index decodes");
    let decode_ms = now() - started;
    let sections: Vec<&str> = PLAN_SECTIONS.lines().collect();
    assert_eq!(index.len(), sections.len(), "index and section list match");
    // The sanity check that the right index was loaded, as the app's own test of this query.
    let first = index.search("Unterkunft", LIMIT).hits[0].doc;
    assert!(
        sections[first].starts_with("/handlungsfelder/unterbringung#"),
        "\"Unterkunft\" finds {} first",
        sections[first]
    );
    // One untimed pass, so that the figures measure the steady state.
    type_queries(&index, PLAN_QUERIES.iter().copied());
    let latencies = type_queries(&index, PLAN_QUERIES.iter().copied());
    let keystrokes: usize = PLAN_QUERIES.iter().map(|q| q.chars().count()).sum();
    assert_eq!(latencies.searches, keystrokes * REPEATS as usize);
    console_log!(
        "plan: {} sections, {} terms, index {} bytes, decoded in {decode_ms:.1} ms; {} queries",
        index.len(),
        index.term_count(),
        PLAN_INDEX.len(),
        PLAN_QUERIES.len()
    );
    let step = timer_step();
    console_log!(
        "timer: performance.now() steps by {step:.1} µs, so one search is resolved to {:.1} µs",
        step / f64::from(REPEATS)
    );
    report("plan", &latencies);
}

/// Returns the string field `key` of one JSON Lines object.
fn field(line: &str, key: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("a line lacks the field {key:?}"))
        .to_owned()
}

/// The GermanQuAD passages indexed in the browser, and the test-half questions typed into them.
#[wasm_bindgen_test]
fn germanquad_keystrokes() {
    if GERMANQUAD_DOCS.trim().is_empty() {
        console_log!(
            "GermanQuAD data not found (GERMANQUAD_DIR={} holds empty placeholders); skipped",
            env!("GERMANQUAD_DIR")
        );
        return;
    }
    let started = now();
    let passages: Vec<(String, String, String)> = GERMANQUAD_DOCS
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| plan::bench::split_passage(&field(line, "text")))
        .collect();
    let questions: Vec<String> = GERMANQUAD_QUERIES
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| field(line, "query_text"))
        .collect();
    let parse_ms = now() - started;
    let docs: Vec<Document<'_>> = passages
        .iter()
        .map(|(title, heading, text)| Document {
            title,
            heading,
            text,
        })
        .collect();
    let started = now();
    let index = Index::build(&docs, &Synonyms::new());
    let build_ms = now() - started;
    assert_eq!(index.len(), passages.len());
    let bytes = index.to_bytes().len();
    // The test half, trimmed of the stray spaces and line breaks a few questions end with.
    let test_half: Vec<&str> = questions[DEV_QUERIES.min(questions.len())..]
        .iter()
        .map(|q| q.trim_end())
        .collect();
    assert!(
        !index.search(test_half[0], LIMIT).hits.is_empty(),
        "the first question finds passages"
    );
    let started = now();
    let latencies = type_queries(&index, test_half.iter().copied());
    let run_s = (now() - started) / 1000.0;
    let keystrokes: usize = test_half.iter().map(|q| q.chars().count()).sum();
    assert_eq!(latencies.searches, keystrokes * REPEATS as usize);
    console_log!(
        "GermanQuAD: {} passages parsed in {parse_ms:.0} ms, index built in the browser in \
         {build_ms:.0} ms: {} terms, index {bytes} bytes; all {} test-half questions typed in \
         {run_s:.1} s",
        passages.len(),
        index.term_count(),
        test_half.len()
    );
    report("GermanQuAD", &latencies);
}
