//! Tests of the text analysis: folding, tokenizing, stemming, stopwords and compound splitting.

use plan::search::compound::{Lexicon, Vocabulary};
use plan::search::text::{analyse, fold, is_stopword, stem, tokenize};

/// Checks a function of one string against expected outputs, naming the failing input.
fn check<T: PartialEq + std::fmt::Debug>(f: impl Fn(&str) -> T, cases: &[(&str, T)]) {
    for (input, expected) in cases {
        assert_eq!(&f(input), expected, "input: {input:?}");
    }
}

#[test]
fn fold_maps_umlauts_sharp_s_and_digraphs() {
    check(
        |s| fold(&s.to_lowercase()),
        &[
            ("Straße", "strasse".to_owned()),
            ("München", "munchen".to_owned()),
            ("Muenchen", "munchen".to_owned()),
            ("Munchen", "munchen".to_owned()),
            ("Ärzte", "arzte".to_owned()),
            ("Aerzte", "arzte".to_owned()),
            ("Öffnung", "offnung".to_owned()),
            ("Oeffnung", "offnung".to_owned()),
            ("Café", "cafe".to_owned()),
        ],
    );
}

#[test]
fn fold_keeps_ordinary_words_with_ue() {
    check(
        |s| fold(&s.to_lowercase()),
        &[
            ("Steuer", "steuer".to_owned()),
            ("Quelle", "quelle".to_owned()),
            ("neue", "neue".to_owned()),
            ("Bauer", "bauer".to_owned()),
            ("Feuer", "feuer".to_owned()),
            ("Abenteuer", "abenteuer".to_owned()),
        ],
    );
}

#[test]
fn stems_unify_inflections_and_spellings() {
    check(
        stem,
        &[
            ("flüchtlinge", "fluchtling".to_owned()),
            ("flüchtling", "fluchtling".to_owned()),
            ("fluechtlinge", "fluchtling".to_owned()),
            ("unterkünfte", "unterkunft".to_owned()),
            ("unterkunft", "unterkunft".to_owned()),
            ("straße", "strass".to_owned()),
            ("strasse", "strass".to_owned()),
            ("wohnungen", "wohnung".to_owned()),
            ("neue", "neu".to_owned()),
            ("neu", "neu".to_owned()),
        ],
    );
}

#[test]
fn stopwords() {
    check(
        is_stopword,
        &[
            ("und", true),
            ("der", true),
            ("wann", true),
            ("welche", true),
            ("wohnung", false),
            ("asyl", false),
        ],
    );
}

#[test]
fn tokenize_splits_words_and_keeps_hyphenated_words_whole() {
    let words = |s: &str| {
        tokenize(s)
            .into_iter()
            .map(|t| (t.lower, t.joined))
            .collect::<Vec<_>>()
    };
    let w = |s: &str, joined: bool| (s.to_owned(), joined);
    check(
        words,
        &[
            ("Hallo, Welt!", vec![w("hallo", false), w("welt", false)]),
            (
                "Deutsch-Kurs",
                vec![
                    w("deutsch", false),
                    w("kurs", false),
                    w("deutschkurs", true),
                ],
            ),
            (
                "Ein- und Ausreise",
                vec![w("ein", false), w("und", false), w("ausreise", false)],
            ),
            (
                "FC_Barcelona",
                vec![
                    w("fc", false),
                    w("barcelona", false),
                    w("fcbarcelona", true),
                ],
            ),
            ("ÄRZTE 2015", vec![w("ärzte", false), w("2015", false)]),
            ("🙂 !!! ...", vec![]),
            ("", vec![]),
            (
                "<b>fett</b>",
                vec![w("b", false), w("fett", false), w("b", false)],
            ),
        ],
    );
}

#[test]
fn tokens_point_into_the_text() {
    let text = "Die Straße führt zur Flüchtlings-Unterkunft.";
    for token in tokenize(text) {
        let slice = &text[token.range.clone()];
        assert_eq!(
            slice.to_lowercase().replace('-', ""),
            token.lower,
            "{slice}"
        );
    }
}

#[test]
fn analyse_marks_stopwords_but_not_joined_words() {
    let stops: Vec<(String, bool)> = analyse("Die Hilfe für alle")
        .into_iter()
        .map(|a| (a.stem, a.stop))
        .collect();
    assert_eq!(
        stops,
        vec![
            ("die".into(), true),
            ("hilf".into(), false),
            ("fur".into(), true),
            ("all".into(), true)
        ]
    );
}

/// Builds a vocabulary from the words of a text, as the index does.
fn vocabulary(text: &str) -> Vocabulary {
    let mut vocabulary = Vocabulary::new();
    for word in analyse(text)
        .into_iter()
        .filter(|w| !w.stop && !w.token.joined)
    {
        vocabulary.add(&fold(&word.token.lower), &word.stem, 1);
    }
    vocabulary
}

#[test]
fn compounds_split_against_the_vocabulary() {
    let vocabulary = vocabulary(
        "Flüchtlinge brauchen eine Unterkunft und Hilfe. Die Arbeit im Amt, die Schule, \
         das Wohnen, der Bau, die Kinder und der Garten; Sprache, Kurse, Beratung",
    );
    let split = |s: &str| vocabulary.split(&fold(&s.to_lowercase()));
    let parts = |p: &[&str]| Some(p.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    check(
        split,
        &[
            (
                "Flüchtlingsunterkünfte",
                parts(&["fluchtlings", "unterkunfte"]).map(|mut v| {
                    v[0] = "fluchtling".into();
                    v
                }),
            ),
            ("Flüchtlingshilfe", parts(&["fluchtling", "hilfe"])),
            // Parts shorter than four letters are not split off.
            ("Arbeitsamt", None),
            ("Sprachkurse", parts(&["sprach", "kurse"])),
            ("Kindergarten", parts(&["kinder", "garten"])),
            ("Beratung", None),
            ("Unterkunft", None),
            (
                "Sprachberatungsflüchtlinge",
                parts(&["sprach", "beratung", "fluchtlinge"]),
            ),
        ],
    );
}
