//! Tests of the search engine on a small hand-made corpus: matching, ranking, modes and encoding.

use plan::search::{DecodeError, Document, Index, MatchMode, SearchOptions, parse_synonyms};

/// The corpus: a few page sections about the plan.
const DOCS: &[(&str, &str, &str)] = &[
    (
        "Wohnen",
        "Unterkunft",
        "Die Unterkunft von Geflüchteten in Wohnungen der Kommunen wird gefördert.",
    ),
    (
        "Wohnen",
        "Bau",
        "Neue Flüchtlingsunterkünfte entstehen in vielen Städten; der Bau wird gefördert.",
    ),
    (
        "Integration",
        "Flüchtlingshilfe",
        "Ehrenamtliche leisten Flüchtlingshilfe in Vereinen.",
    ),
    (
        "Sprache",
        "Deutschkurse",
        "Deutsch-Kurse und Sprachförderung für Erwachsene und Kinder.",
    ),
    (
        "Gesundheit",
        "Ärztliche Versorgung",
        "Ärzte in München und Frankfurt bieten Sprechstunden an der Straße.",
    ),
    (
        "Arbeit",
        "Ausbildung",
        "Hilfe bei Ausbildung und Arbeit; Beratung zur Anerkennung von Abschlüssen.",
    ),
    (
        "Schutz",
        "Asyl",
        "Das Asylverfahren regelt den Schutz von Menschen auf der Flucht.",
    ),
];

/// The synonyms of the test corpus.
const SYNONYMS: &str = "[[gruppe]]\nwoerter = [\"Geflüchtete\", \"Flüchtlinge\"]\n\n\
                        [[einweg]]\nwort = \"Kita\"\nfindet = [\"Kinder\"]\n";

/// Builds the index of the test corpus.
fn index() -> Index {
    let docs: Vec<Document<'_>> = DOCS
        .iter()
        .map(|&(title, heading, text)| Document {
            title,
            heading,
            text,
        })
        .collect();
    Index::build(
        &docs,
        &parse_synonyms("synonyme.toml", SYNONYMS).expect("valid synonyms"),
    )
}

/// Returns the headings of the hits for `query`, best first, and the match mode.
fn search(index: &Index, query: &str) -> (Vec<&'static str>, MatchMode) {
    let results = index.search(query, 10);
    (
        results.hits.iter().map(|h| DOCS[h.doc].1).collect(),
        results.mode,
    )
}

/// Checks that each query's best hit has the expected heading (or that nothing is found).
fn check(cases: &[(&str, Option<&str>)]) {
    let index = index();
    for (query, expected) in cases {
        let (hits, _) = search(&index, query);
        assert_eq!(
            hits.first().copied(),
            *expected,
            "query: {query:?}, hits: {hits:?}"
        );
    }
}

#[test]
fn finds_words_in_all_their_forms() {
    check(&[
        ("Unterkunft", Some("Unterkunft")),
        ("unterkünfte", Some("Unterkunft")),
        ("Wohnung", Some("Unterkunft")),
        ("Muenchen", Some("Ärztliche Versorgung")),
        ("munchen", Some("Ärztliche Versorgung")),
        ("Strasse", Some("Ärztliche Versorgung")),
        ("AERZTE", Some("Ärztliche Versorgung")),
        ("Deutschkurs", Some("Deutschkurse")),
        ("Kurse", Some("Deutschkurse")),
        ("Asyl", Some("Asyl")),
        ("", None),
        ("und der die", None),
    ]);
}

#[test]
fn compound_parts_are_found_but_rank_below_whole_words() {
    let index = index();
    let (hits, _) = search(&index, "Unterkunft");
    assert_eq!(
        hits,
        vec!["Unterkunft", "Bau"],
        "the compound Flüchtlingsunterkünfte comes second"
    );
    let (hits, _) = search(&index, "Hilfe");
    assert_eq!(
        hits,
        vec!["Ausbildung", "Flüchtlingshilfe"],
        "the compound Flüchtlingshilfe comes second"
    );
}

#[test]
fn typos_are_tolerated_by_word_length() {
    check(&[
        ("Ausbldung", Some("Ausbildung")),
        ("Anerkenung", Some("Ausbildung")),
        ("Sprechstnudne", Some("Ärztliche Versorgung")),
        ("Asly", None),
        ("Baus", None),
    ]);
}

#[test]
fn the_last_word_is_completed_while_typing() {
    check(&[
        ("Ausbil", Some("Ausbildung")),
        ("Sprechst", Some("Ärztliche Versorgung")),
        ("Flüchtlingsh", Some("Flüchtlingshilfe")),
        ("Ausbi", Some("Ausbildung")),
        // A finished word is not completed ("Ausbil " would still be one typo away).
        ("Ausbi ", None),
        ("Ausbi?", None),
    ]);
}

#[test]
fn synonyms_expand_queries_with_lower_weight() {
    let index = index();
    let (hits, _) = search(&index, "Flüchtlinge");
    assert!(
        hits.contains(&"Unterkunft"),
        "Geflüchtete is a two-way synonym: {hits:?}"
    );
    let (hits, _) = search(&index, "Geflüchtete");
    assert_eq!(
        hits.first(),
        Some(&"Unterkunft"),
        "the literal word ranks above its synonyms"
    );
    let (hits, _) = search(&index, "Kita");
    assert_eq!(hits, vec!["Deutschkurse"], "Kita finds Kinder one way");
    let (hits, _) = search(&index, "Kinder");
    assert_eq!(hits, vec!["Deutschkurse"]);
}

#[test]
fn all_words_first_then_any_word() {
    let index = index();
    assert_eq!(
        search(&index, "Ausbildung Beratung"),
        (vec!["Ausbildung"], MatchMode::All)
    );
    let (hits, mode) = search(&index, "Ausbildung Asyl");
    assert_eq!(mode, MatchMode::Any);
    assert_eq!(hits.len(), 2);
    let results = index.search("Zzzyzzx", 10);
    assert!(results.hits.is_empty());
    assert_eq!(index.search("Ausbildnug", 10).hits.len(), 1);
}

#[test]
fn title_and_heading_matches_rank_first() {
    let index = index();
    // "Asyl" is the heading of one section and part of a word in the same section only.
    let (hits, _) = search(&index, "Schutz");
    assert_eq!(hits.first(), Some(&"Asyl"));
    // "Arbeit" is the title of the section about training.
    let (hits, _) = search(&index, "Arbeit");
    assert_eq!(hits.first(), Some(&"Ausbildung"));
}

#[test]
fn suggestions_when_nothing_matches() {
    let index = index();
    let results = index.search("Sprechstundxyz", 10);
    assert!(results.hits.is_empty());
    assert_eq!(results.suggestions, vec!["Sprechstunden".to_owned()]);
    assert!(index.search("Ausbildung", 10).suggestions.is_empty());
}

#[test]
fn hits_name_the_matched_terms() {
    let index = index();
    let results = index.search("Unterkünfte Wohnung", 10);
    let hit = &results.hits[0];
    assert_eq!(DOCS[hit.doc].1, "Unterkunft");
    assert_eq!(
        hit.terms,
        vec!["unterkunft".to_owned(), "wohnung".to_owned()]
    );
}

#[test]
fn long_queries_are_cut() {
    let index = index();
    let long = "Ausbildung ".repeat(1000);
    let results = index.search(&long, 10);
    assert!(results.query_truncated);
    assert_eq!(results.hits.len(), 1);
    let many: String = (0..20).map(|i| format!("wort{i} ")).collect();
    assert!(index.search(&many, 10).query_truncated);
    assert!(!index.search("Ausbildung Arbeit", 10).query_truncated);
}

#[test]
fn options_rank_any_word_directly() {
    let index = index();
    let options = SearchOptions {
        require_all: false,
        ..SearchOptions::new(10)
    };
    let results = index.search_with("Ausbildung Beratung Asyl", &options);
    assert_eq!(results.hits.len(), 2);
    assert_eq!(DOCS[results.hits[0].doc].1, "Ausbildung");
}

#[test]
fn encoding_round_trips() {
    let index = index();
    let bytes = index.to_bytes();
    let decoded = Index::from_bytes(&bytes).expect("decodes");
    assert_eq!(decoded, index);
    assert_eq!(
        decoded.search("Unterkunft", 10),
        index.search("Unterkunft", 10)
    );
    let empty = Index::build(&[], &Default::default());
    assert_eq!(Index::from_bytes(&empty.to_bytes()), Ok(empty));
}

#[test]
fn corrupt_bytes_give_errors() {
    let bytes = index().to_bytes();
    assert_eq!(Index::from_bytes(b""), Err(DecodeError::BadMagic));
    assert_eq!(Index::from_bytes(b"XXXX"), Err(DecodeError::BadMagic));
    for len in 4..bytes.len() {
        assert!(
            Index::from_bytes(&bytes[..len]).is_err(),
            "a cut at {len} must fail"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Index::from_bytes(&longer).is_err());
}

#[test]
fn bad_input_never_panics() {
    let index = index();
    for query in [
        " ",
        "\t\n",
        "???",
        "🙂🙂🙂",
        "\u{0}\u{1}\u{7f}",
        "مرحبا بالعالم",
        "שלום",
        "<script>alert(1)</script>",
        "&amp; &lt;",
        "a-",
        "-a",
        "ß",
        "ẞ",
        "İstanbul",
        "\u{200b}\u{feff}",
        "x".repeat(10_000).as_str(),
    ] {
        let _ = index.search(query, 10);
        let _ = plan::search::snippet(query, &plan::search::query_terms(query), 50);
    }
}
