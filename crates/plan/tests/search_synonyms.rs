//! Tests of the synonyms file parser and its error messages.

use plan::search::{SynonymErrorKind, parse_synonyms};

/// Parses `text` and returns either the rules or the error as displayed.
fn parse(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    parse_synonyms("synonyme.toml", text)
        .map(|s| {
            s.rules()
                .map(|(from, to)| (from.to_owned(), to.to_vec()))
                .collect()
        })
        .map_err(|e| e.to_string())
}

/// An expected outcome: the rules as (word, finds) pairs, or the start of the error message.
type Expected<'a> = Result<Vec<(&'a str, Vec<&'a str>)>, &'a str>;

/// Checks parse results: `Ok` with the rules or `Err` with the start of the message.
fn check(cases: &[(&str, Expected<'_>)]) {
    for (input, expected) in cases {
        let actual = parse(input);
        match (expected, &actual) {
            (Ok(rules), Ok(got)) => {
                let rules: Vec<(String, Vec<String>)> = rules
                    .iter()
                    .map(|(f, t)| (f.to_string(), t.iter().map(|s| s.to_string()).collect()))
                    .collect();
                assert_eq!(&rules, got, "input: {input}");
            }
            (Err(start), Err(got)) => assert!(
                got.starts_with(start),
                "input: {input}\n got: {got}\nwant: {start}"
            ),
            _ => panic!("input: {input}\n got: {actual:?}\nwant: {expected:?}"),
        }
    }
}

#[test]
fn valid_files() {
    check(&[
        ("", Ok(vec![])),
        ("# nur ein Kommentar\n", Ok(vec![])),
        (
            "[[gruppe]]\nwoerter = [\"Geflüchtete\", \"Flüchtlinge\"]\n",
            Ok(vec![
                ("Geflüchtete", vec!["Flüchtlinge"]),
                ("Flüchtlinge", vec!["Geflüchtete"]),
            ]),
        ),
        (
            "[[einweg]]\nwort = \"Asyl\"\nfindet = [\"Schutz\", \"Zuflucht\"]\n",
            Ok(vec![("Asyl", vec!["Schutz", "Zuflucht"])]),
        ),
        (
            "[[einweg]]\nwort = \"DaZ\"\nfindet = [\"Deutsch als Zweitsprache\"]\n",
            Ok(vec![("DaZ", vec!["Deutsch als Zweitsprache"])]),
        ),
    ]);
}

#[test]
fn errors_name_file_line_and_field() {
    check(&[
        (
            "[[gruppe]]\nwoerter = [\"Kita\", \"\"]\n",
            Err("synonyme.toml:2: gruppe[1].woerter[2]: empty word"),
        ),
        (
            "[[gruppe]]\nwoerter = [\"Kita\",\n  \"   \"]\n",
            Err("synonyme.toml:3: gruppe[1].woerter[2]: empty word"),
        ),
        (
            "[[gruppe]]\nwoerter = [\"Flüchtlinge\", \"Geflüchtete\"]\n[[gruppe]]\nwoerter = [\"Asylsuchende\",\n \"Flüchtling\"]\n",
            Err(
                "synonyme.toml:5: gruppe[2].woerter[2]: duplicate: \"Flüchtling\" is already listed on line 2",
            ),
        ),
        (
            "[[einweg]]\nwort = \"Asyl\"\nfindet = [\"Schutz\", \"schutz\"]\n",
            Err("synonyme.toml:3: einweg[1].findet[2]: duplicate"),
        ),
        (
            "[[einweg]]\nwort = \"Asyl\"\nfindet = [\"Asyl\"]\n",
            Err("synonyme.toml:3: einweg[1].findet[1]: duplicate"),
        ),
        (
            "[[gruppe]]\nwoerter = [\"Kita\"]\n",
            Err("synonyme.toml:1: gruppe[1].woerter: malformed: a group needs"),
        ),
        (
            "[[gruppe]]\nwoerter = [\"und\", \"oder\"]\n",
            Err("synonyme.toml:2: gruppe[1].woerter[1]: malformed"),
        ),
        (
            "[[gruppe]]\nwoerter = \"Kita\"\n",
            Err("synonyme.toml:2: -: malformed"),
        ),
        (
            "[[gruppe]]\nwoerter = [\"Kita\", \"Hort\"]\nfarbe = 1\n",
            Err("synonyme.toml:3: -: malformed"),
        ),
        ("[gruppe\n", Err("synonyme.toml:1: -: malformed")),
        (
            "[[einweg]]\nwort = \"Asyl\"\nfindet = []\n",
            Err("synonyme.toml:2: einweg[1].findet: malformed"),
        ),
    ]);
}

#[test]
fn error_kinds_are_structured() {
    let error = parse_synonyms("s.toml", "[[gruppe]]\nwoerter = [\"Hort\", \"\"]\n").unwrap_err();
    assert_eq!(
        (error.file.as_str(), error.line, error.field.as_str()),
        ("s.toml", 2, "gruppe[1].woerter[2]")
    );
    assert_eq!(error.kind, SynonymErrorKind::EmptyWord);
}
