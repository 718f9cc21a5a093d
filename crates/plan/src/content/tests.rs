//! Tests of the loader: the real content loads; each kind of malformed content is reported with
//! file, line and field. Malformed fixtures are the real content with one small change each.

use super::*;
use crate::model::Site;
use std::path::PathBuf;

/// The repository's own content folder, the good fixture.
fn real_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// A copy of the real content in a temporary folder, changed by `change`.
fn changed_copy(change: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(&real_content(), dir.path());
    change(dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces the first occurrence of `from` in the file `name` of `dir`; the text must be there.
fn edit(dir: &Path, name: &str, from: &str, to: &str) {
    let path = dir.join(name);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{name} does not contain {from:?}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Loads content changed by `change` and expects exactly one error, whose text after the temporary
/// folder is `expected` ("file:line: field `f`: message" with the message's start).
fn check(change: impl FnOnce(&Path), expected: &str) {
    check_all(change, &[expected]);
}

/// Like [`check`], for a change that necessarily causes several errors, in the order reported.
fn check_all(change: impl FnOnce(&Path), expected: &[&str]) {
    let dir = changed_copy(change);
    let errors = load(dir.path()).expect_err("malformed content must not load");
    assert_errors(&dir, errors, expected);
}

/// Asserts that `errors` are exactly `expected`, each matched by its start, with the temporary
/// folder `dir` cut from the paths.
fn assert_errors(dir: &tempfile::TempDir, errors: ContentErrors, expected: &[&str]) {
    let prefix = format!("{}/", dir.path().display());
    let shown: Vec<String> = errors
        .0
        .iter()
        .map(|e| e.to_string().replace(&prefix, ""))
        .collect();
    assert_eq!(
        shown.len(),
        expected.len(),
        "expected {expected:#?}, got {shown:#?}"
    );
    for (shown, expected) in shown.iter().zip(expected) {
        assert!(
            shown.starts_with(expected),
            "expected {expected:?}\n     got {shown:?}"
        );
    }
}

const AREA_1: &str = "handlungsfelder/01-unterbringung.toml";
const AREA_2: &str = "handlungsfelder/02-rueckfuehrungen.toml";

#[test]
fn real_content_loads_with_every_area_once_in_order() {
    let plan = load(&real_content()).unwrap_or_else(|e| panic!("{e}"));
    let slugs: Vec<&str> = plan.areas.iter().map(|a| a.slug).collect();
    assert_eq!(slugs, crate::routes::AREA_SLUGS);
    let orders: Vec<u32> = plan.areas.iter().map(|a| a.order).collect();
    assert_eq!(orders, (1..=8).collect::<Vec<_>>());
    assert_eq!(plan.start.principles.len(), 5);
    assert_eq!(plan.start.intro.len(), 3);
    assert_eq!(plan.start.figures.len(), 5);
    assert_eq!(
        plan.site.publisher, None,
        "no publisher is configured in the repository"
    );
    // The operator enters these; the repository leaves them unset rather than invent them.
    assert_eq!(plan.site.accessibility_statement_date, None);
    assert_eq!(plan.site.enforcement_url, None);
    assert_eq!(plan.site.enforcement_email, None);
}

#[test]
fn paragraphs_fold_line_breaks_but_keep_blank_line_breaks() {
    check_paragraphs("a\nb\n\n c \n", &["a b", "c"]);
    check_paragraphs("\n\n", &[]);
    check_paragraphs("eins", &["eins"]);
    check_paragraphs("eins\n  \nzwei\n\n\ndrei", &["eins", "zwei", "drei"]);
}

fn check_paragraphs(text: &str, expected: &[&str]) {
    assert_eq!(file::split_paragraphs(text), expected, "{text:?}");
}

#[test]
fn missing_field_names_file_line_and_field() {
    check(
        |d| edit(d, AREA_1, "title = \"Unterbringung\"\n", ""),
        &format!("{AREA_1}:1: field `title`: missing"),
    );
    check(
        |d| edit(d, "start.toml", "areas_heading = \"Hessen handelt\"\n", ""),
        "start.toml:1: field `areas_heading`: missing",
    );
}

#[test]
fn empty_field_names_its_line() {
    check(
        |d| edit(d, AREA_1, "caption = \"HEAE Gießen\"", "caption = \"  \""),
        &format!("{AREA_1}:12: field `caption`: must not be empty"),
    );
    let empty_text = "slug = \"rueckfuehrungen\"\norder = 2\ntitle = \"R\"\ncaption = \"C\"\ntext = \"\"\"\n\n  \n\"\"\"\n";
    check(
        |d| fs::write(d.join(AREA_2), empty_text).unwrap(),
        &format!("{AREA_2}:5: field `text`: must not be empty"),
    );
    check(
        |d| {
            edit(
                d,
                "start.toml",
                "  \"Kompetent mit Vielfalt umgehen,\",",
                "  \"\",",
            )
        },
        "start.toml:32: field `principles`: must not be empty",
    );
}

#[test]
fn unknown_field_is_reported() {
    check(
        |d| edit(d, AREA_2, "title =", "titel = \"x\"\ntitle ="),
        &format!("{AREA_2}:11: field `titel`: unknown field `titel`"),
    );
}

#[test]
fn duplicate_slug_is_reported() {
    check_all(
        |d| {
            edit(
                d,
                AREA_2,
                "slug = \"rueckfuehrungen\"",
                "slug = \"unterbringung\"",
            )
        },
        &[
            &format!(
                "{AREA_2}:9: field `slug`: duplicate slug `unterbringung`, also used in {AREA_1}"
            ),
            "handlungsfelder:1: field `slug`: no file for the area `rueckfuehrungen`",
        ],
    );
}

#[test]
fn unknown_area_is_reported() {
    check_all(
        |d| {
            edit(
                d,
                AREA_2,
                "slug = \"rueckfuehrungen\"",
                "slug = \"rueckfuehrung\"",
            )
        },
        &[
            &format!(
                "{AREA_2}:9: field `slug`: unknown area `rueckfuehrung`; the areas are: unterbringung, "
            ),
            "handlungsfelder:1: field `slug`: no file for the area `rueckfuehrungen`",
        ],
    );
}

#[test]
fn missing_area_is_reported() {
    let dir = changed_copy(|d| fs::remove_file(d.join(AREA_2)).unwrap());
    let errors = load(dir.path()).unwrap_err().to_string();
    assert!(
        errors.contains("handlungsfelder:1: field `slug`: no file for the area `rueckfuehrungen`"),
        "{errors}"
    );
}

#[test]
fn duplicate_order_is_reported() {
    check(
        |d| edit(d, AREA_2, "order = 2", "order = 1"),
        &format!("{AREA_2}:10: field `order`: duplicate order 1"),
    );
}

#[test]
fn order_out_of_range_is_reported() {
    check(
        |d| edit(d, AREA_2, "order = 2", "order = 9"),
        &format!("{AREA_2}:10: field `order`: must be a whole number from 1 to 8"),
    );
    check(
        |d| edit(d, AREA_2, "order = 2", "order = -2"),
        &format!("{AREA_2}:10: field `order`: must be a whole number"),
    );
}

#[test]
fn stray_file_is_reported() {
    check(
        |d| fs::write(d.join("notizen.txt"), "x").unwrap(),
        "notizen.txt:1: stray file",
    );
    check(
        |d| fs::write(d.join("handlungsfelder/09-neu.md"), "x").unwrap(),
        "handlungsfelder/09-neu.md:1: stray file",
    );
    check(
        |d| fs::create_dir(d.join("bilder")).unwrap(),
        "bilder:1: stray file",
    );
}

#[test]
fn editor_backup_and_hidden_files_are_ignored() {
    let dir = changed_copy(|d| {
        fs::write(d.join(".start.toml.swp"), "x").unwrap();
        fs::write(d.join("start.toml~"), "x").unwrap();
    });
    load(dir.path()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn syntax_error_names_its_line() {
    check(
        |d| edit(d, AREA_1, "order = 1", "order = = 1"),
        &format!("{AREA_1}:10: field `order`: "),
    );
}

#[test]
fn wrong_type_names_its_line_and_field() {
    check(
        |d| edit(d, AREA_1, "order = 1", "order = \"eins\""),
        &format!("{AREA_1}:10: field `order`: invalid type"),
    );
}

#[test]
fn invented_figure_is_reported() {
    check(
        |d| {
            edit(
                d,
                "start.toml",
                "value = \"rund 107.000\"",
                "value = \"rund 108.000\"",
            )
        },
        "start.toml:45: field `figures.value`: `rund 108.000` does not appear",
    );
}

#[test]
fn figure_without_label_is_reported() {
    check(
        |d| {
            edit(
                d,
                "start.toml",
                "label = \"Flüchtlinge sind seit 2015 nach Hessen gekommen.\"\n",
                "",
            )
        },
        "start.toml:44: field `figures.label`: missing",
    );
}

/// A copy of the real content with the commented-out setting `field` set to `value` (TOML).
fn set_setting(dir: &Path, field: &str, value: &str) {
    edit(
        dir,
        "site.toml",
        &format!("# {field} = \"\""),
        &format!("{field} = {value}"),
    );
}

#[test]
fn malformed_settings_are_reported() {
    // Each case: the setting, its value as written in TOML, and the error's start.
    let cases = [
        (
            "feedback_email",
            "\"keine adresse\"",
            "site.toml:16: field `feedback_email`: must be an e-mail address",
        ),
        (
            "feedback_email",
            "\"@hessen.de\"",
            "site.toml:16: field `feedback_email`: must be an e-mail address",
        ),
        (
            "feedback_url",
            "\"http://x.de\"",
            "site.toml:17: field `feedback_url`: must be a web address",
        ),
        (
            "publisher",
            "\"\"",
            "site.toml:13: field `publisher`: must not be empty",
        ),
        (
            "accessibility_statement_date",
            "\"26.11.2026\"",
            "site.toml:23: field `accessibility_statement_date`: must be a date written YYYY-MM-DD, \
             such as \"2026-11-26\" (found `\"26.11.2026\"`)",
        ),
        (
            "accessibility_statement_date",
            "\"2026-02-30\"",
            "site.toml:23: field `accessibility_statement_date`: must be a date written YYYY-MM-DD",
        ),
        (
            "accessibility_statement_date",
            "\"2026-11-26 10:00\"",
            "site.toml:23: field `accessibility_statement_date`: must be a date",
        ),
        (
            "accessibility_statement_date",
            "2026-11-26T10:00:00",
            "site.toml:23: field `accessibility_statement_date`: must be a date written YYYY-MM-DD, \
             such as \"2026-11-26\" (found `2026-11-26T10:00:00`)",
        ),
        (
            "accessibility_statement_date",
            "20261126",
            "site.toml:23: field `accessibility_statement_date`: must be a date written YYYY-MM-DD",
        ),
        (
            "accessibility_statement_date",
            "\"\"",
            "site.toml:23: field `accessibility_statement_date`: must be a date written YYYY-MM-DD",
        ),
        (
            "enforcement_url",
            "\"www.example.org\"",
            "site.toml:30: field `enforcement_url`: must be a web address starting with https:// \
             (found `www.example.org`)",
        ),
        (
            "enforcement_url",
            "\"https://\"",
            "site.toml:30: field `enforcement_url`: must be a web address",
        ),
        (
            "enforcement_url",
            "\" \"",
            "site.toml:30: field `enforcement_url`: must not be empty",
        ),
        (
            "enforcement_email",
            "\"durchsetzungsstelle\"",
            "site.toml:31: field `enforcement_email`: must be an e-mail address \
             (found `durchsetzungsstelle`)",
        ),
        (
            "enforcement_email",
            "\"a b@example.org\"",
            "site.toml:31: field `enforcement_email`: must be an e-mail address",
        ),
        (
            "enforcement_email",
            "42",
            "site.toml:31: field `enforcement_email`: invalid type",
        ),
    ];
    for (field, value, expected) in cases {
        check(|d| set_setting(d, field, value), expected);
    }
}

#[test]
fn optional_settings_load_when_valid() {
    let base = load(&real_content()).unwrap_or_else(|e| panic!("{e}")).site;
    // Each case: the setting, its value as written in TOML, and the settings it must load as.
    let cases = [
        (
            "accessibility_statement_date",
            "\"2026-11-26\"",
            Site {
                accessibility_statement_date: Date::new(2026, 11, 26),
                ..base
            },
        ),
        (
            "accessibility_statement_date",
            "2024-02-29",
            Site {
                accessibility_statement_date: Date::new(2024, 2, 29),
                ..base
            },
        ),
        (
            "enforcement_url",
            "\"https://durchsetzung.example.org/antrag\"",
            Site {
                enforcement_url: Some("https://durchsetzung.example.org/antrag"),
                ..base
            },
        ),
        (
            "enforcement_email",
            "\"stelle@example.org\"",
            Site {
                enforcement_email: Some("stelle@example.org"),
                ..base
            },
        ),
        (
            "feedback_email",
            "\"rueckmeldung@example.org\"",
            Site {
                feedback_email: Some("rueckmeldung@example.org"),
                ..base
            },
        ),
        (
            "publisher",
            "\"Beispielbehörde\"",
            Site {
                publisher: Some("Beispielbehörde"),
                ..base
            },
        ),
    ];
    for (field, value, expected) in cases {
        let dir = changed_copy(|d| set_setting(d, field, value));
        let plan = load(dir.path()).unwrap_or_else(|e| panic!("{field} = {value}: {e}"));
        assert_eq!(plan.site, expected, "{field} = {value}");
    }
    assert!(!base.has_feedback());
    let with_form = Site {
        feedback_url: Some("https://example.org/formular"),
        ..base
    };
    assert!(with_form.has_feedback());
}

#[test]
fn missing_file_is_reported() {
    check(
        |d| fs::remove_file(d.join("site.toml")).unwrap(),
        "site.toml:1: cannot read the file",
    );
}

#[test]
fn several_problems_are_all_reported() {
    let dir = changed_copy(|d| {
        edit(d, AREA_1, "title = \"Unterbringung\"", "title = \"\"");
        fs::write(d.join("extra.toml"), "").unwrap();
    });
    assert_eq!(load(dir.path()).unwrap_err().0.len(), 2);
}

#[test]
fn real_synonyms_load() {
    load_synonyms(&real_content()).unwrap_or_else(|e| panic!("{e}"));
}

/// Loads the synonyms of content changed by `change` and expects one error starting with `expected`.
fn check_synonyms(change: impl FnOnce(&Path), expected: &str) {
    let dir = changed_copy(change);
    let errors = load_synonyms(dir.path()).expect_err("malformed synonyms must not load");
    assert_errors(&dir, errors, &[expected]);
}

#[test]
fn empty_synonym_names_file_line_and_field() {
    check_synonyms(
        |d| edit(d, SYNONYMS_FILE, "wort = \"Heim\"", "wort = \" \""),
        "synonyme.toml:26: field `einweg[2].wort`: must not be empty",
    );
}

#[test]
fn duplicate_synonym_names_file_line_and_field() {
    check_synonyms(
        |d| {
            edit(
                d,
                SYNONYMS_FILE,
                "[\"Ehrenamt\", ",
                "[\"Ehrenamt\", \"EHRENAMT\", ",
            )
        },
        "synonyme.toml:19: field `gruppe[3].woerter[2]`: duplicate: `EHRENAMT` is already listed",
    );
}

#[test]
fn malformed_synonyms_file_is_reported() {
    check_synonyms(
        |d| {
            edit(
                d,
                SYNONYMS_FILE,
                "[[einweg]]\nwort = \"Asyl\"",
                "[[einweg]\nwort = \"Asyl\"",
            )
        },
        "synonyme.toml:21: invalid table header",
    );
    check_synonyms(
        |d| fs::remove_file(d.join(SYNONYMS_FILE)).unwrap(),
        "synonyme.toml:1: cannot read the file",
    );
}
