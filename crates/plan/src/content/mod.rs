//! Loads and validates the content folder into a [`Plan`]; any problem names file, line and field.
//!
//! The folder holds `start.toml`, `site.toml` and one file per action area in `handlungsfelder/`.
//! Nothing else may be there (editors' hidden and backup files excepted), so a misplaced file is
//! reported rather than silently ignored.

mod error;
mod file;
mod raw;

pub use error::{ContentError, ContentErrors, line_of};

use crate::model::{Area, Date, Figure, Plan, Site, Start};
use crate::routes::AREA_SLUGS;
use crate::search::{SynonymErrorKind, Synonyms, parse_synonyms};
use file::{TomlFile, leak_slice};
use raw::{RawArea, RawSite, RawStart};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The files directly in the content folder.
pub const TOP_LEVEL_FILES: [&str; 3] = ["start.toml", "site.toml", SYNONYMS_FILE];
/// The editors' synonyms for search, in the format of [`crate::search::synonyms`].
pub const SYNONYMS_FILE: &str = "synonyme.toml";
/// The folder of action-area files inside the content folder.
pub const AREAS_DIR: &str = "handlungsfelder";

/// Reads, validates and returns the plan in `dir`, or every problem found.
pub fn load(dir: &Path) -> Result<Plan, ContentErrors> {
    let mut errors = Vec::new();
    let area_files = list_files(dir, &mut errors);
    let start = TomlFile::read(&dir.join("start.toml"), &mut errors)
        .and_then(|f| f.parse::<RawStart>(&mut errors).map(|raw| (f, raw)))
        .and_then(|(f, raw)| start(&f, raw, &mut errors));
    let site = TomlFile::read(&dir.join("site.toml"), &mut errors)
        .and_then(|f| f.parse::<RawSite>(&mut errors).map(|raw| (f, raw)))
        .and_then(|(f, raw)| site(&f, raw, &mut errors));
    let areas = areas(dir, &area_files, &mut errors);
    // Figures are checked against complete, valid text only; other errors come first.
    if let (Some((start, figure_lines)), true) = (&start, errors.is_empty()) {
        check_figures(dir, start, figure_lines, &areas, &mut errors);
    }
    match (start.map(|(start, _)| start), site) {
        (Some(start), Some(site)) if errors.is_empty() => Ok(Plan {
            start,
            areas: leak_slice(areas),
            site,
        }),
        _ => Err(ContentErrors(errors)),
    }
}

/// Reads and validates the search synonyms of the content folder.
pub fn load_synonyms(dir: &Path) -> Result<Synonyms, ContentErrors> {
    let path = dir.join(SYNONYMS_FILE);
    let mut errors = Vec::new();
    let Some(file) = TomlFile::read(&path, &mut errors) else {
        return Err(ContentErrors(errors));
    };
    parse_synonyms(&path.to_string_lossy(), file.source()).map_err(|e| {
        let message = match e.kind {
            SynonymErrorKind::EmptyWord => "must not be empty".to_owned(),
            SynonymErrorKind::Duplicate { word, first_line } => {
                format!("duplicate: `{word}` is already listed on line {first_line}")
            }
            SynonymErrorKind::Malformed(message) => message,
        };
        let field = Some(e.field).filter(|f| f != "-");
        ContentErrors(vec![ContentError {
            file: path.clone(),
            line: e.line,
            field,
            message,
        }])
    })
}

/// Lists the area files and reports every file that does not belong in the folder.
fn list_files(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<PathBuf> {
    let mut area_files = Vec::new();
    for (path, is_dir) in entries(dir, errors) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if is_dir && name == AREAS_DIR {
            for (area_path, area_is_dir) in entries(&path, errors) {
                if !area_is_dir && area_path.extension().is_some_and(|e| e == "toml") {
                    area_files.push(area_path);
                } else {
                    errors.push(stray(
                        &area_path,
                        "only action-area files ending in .toml belong here",
                    ));
                }
            }
        } else if is_dir || !TOP_LEVEL_FILES.contains(&name) {
            errors.push(stray(
                &path,
                "expected only start.toml, site.toml, synonyme.toml and handlungsfelder/*.toml",
            ));
        }
    }
    area_files.sort();
    area_files
}

/// The entries of a folder, sorted, without editors' hidden and backup files.
fn entries(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<(PathBuf, bool)> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) => {
            errors.push(whole_file(
                dir,
                None,
                format!("cannot read the folder: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut found: Vec<(PathBuf, bool)> = read
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && !name.ends_with('~')
        })
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    found.sort();
    found
}

fn stray(path: &Path, hint: &str) -> ContentError {
    whole_file(
        path,
        None,
        format!("stray file: not part of the content ({hint})"),
    )
}

fn whole_file(path: &Path, field: Option<&str>, message: String) -> ContentError {
    ContentError {
        file: path.to_path_buf(),
        line: 1,
        field: field.map(str::to_owned),
        message,
    }
}

/// The start page and the line of each key figure, for later checks.
fn start(
    f: &TomlFile,
    raw: RawStart,
    errors: &mut Vec<ContentError>,
) -> Option<(Start, Vec<usize>)> {
    let mut figures = Vec::new();
    let mut figure_lines = Vec::new();
    for spanned in raw.figures {
        let line = f.line(spanned.span().start);
        let figure = spanned.into_inner();
        let value_line = figure
            .value
            .as_ref()
            .map_or(line, |v| f.line(v.span().start));
        let value = f.text_at(line, "figures.value", figure.value, errors);
        let label = f.text_at(line, "figures.label", figure.label, errors);
        if let (Some(value), Some(label)) = (value, label) {
            figures.push(Figure { value, label });
            figure_lines.push(value_line);
        }
    }
    let start = Start {
        title: f.text("title", raw.title, errors)?,
        intro: f.paragraph_list("intro", raw.intro, errors)?,
        figures: leak_slice(figures),
        principles_intro: f.text("principles_intro", raw.principles_intro, errors)?,
        principles: f.paragraph_list("principles", raw.principles, errors)?,
        areas_heading: f.text("areas_heading", raw.areas_heading, errors)?,
        areas_intro: f.text("areas_intro", raw.areas_intro, errors)?,
    };
    Some((start, figure_lines))
}

/// The operator's settings: every contact checked for its kind, the statement's date for the
/// calendar; an unset optional setting stays `None`.
fn site(f: &TomlFile, raw: RawSite, errors: &mut Vec<ContentError>) -> Option<Site> {
    let contacts = [
        ("feedback_email", raw.feedback_email, Contact::Email),
        ("feedback_url", raw.feedback_url, Contact::Web),
        ("enforcement_email", raw.enforcement_email, Contact::Email),
        ("enforcement_url", raw.enforcement_url, Contact::Web),
    ]
    .map(|(field, value, kind)| {
        let value = f.optional_text(field, value, errors);
        f.check(value, field, kind.check(), kind.message(), errors);
        value.map(|(v, _)| v)
    });
    let [
        feedback_email,
        feedback_url,
        enforcement_email,
        enforcement_url,
    ] = contacts;
    let source_url = f.text("source_url", raw.source_url, errors);
    f.check(
        source_url.map(|v| (v, 1)),
        "source_url",
        Contact::Web.check(),
        Contact::Web.message(),
        errors,
    );
    let accessibility_statement_date = date(
        f,
        "accessibility_statement_date",
        raw.accessibility_statement_date,
        errors,
    );
    Some(Site {
        name: f.text("name", raw.name, errors)?,
        source_url: source_url?,
        publisher: f
            .optional_text("publisher", raw.publisher, errors)
            .map(|(v, _)| v),
        feedback_email,
        feedback_url,
        accessibility_statement_date,
        enforcement_url,
        enforcement_email,
    })
}

/// The kinds of contact a setting can hold, each with its check.
#[derive(Clone, Copy)]
enum Contact {
    /// An e-mail address.
    Email,
    /// A web address; only `https://` ones, so that no reader is sent to an insecure page.
    Web,
}

impl Contact {
    /// Whether a value is this kind of contact.
    fn check(self) -> fn(&str) -> bool {
        match self {
            Contact::Email => |v| {
                v.split_once('@').is_some_and(|(user, host)| {
                    !user.is_empty() && !host.is_empty() && !host.contains('@')
                }) && !v.contains(char::is_whitespace)
            },
            Contact::Web => |v| {
                v.strip_prefix("https://")
                    .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
            },
        }
    }

    /// What a value of this kind must be.
    fn message(self) -> &'static str {
        match self {
            Contact::Email => "must be an e-mail address",
            Contact::Web => "must be a web address starting with https://",
        }
    }
}

/// An optional date: absent stays `None`; present, it must be a real date written `YYYY-MM-DD`,
/// in quotes or as a TOML date without a time.
fn date(
    f: &TomlFile,
    field: &str,
    value: Option<toml::Spanned<toml::Value>>,
    errors: &mut Vec<ContentError>,
) -> Option<Date> {
    let value = value?;
    let line = f.line(value.span().start);
    let (shown, parsed) = match value.into_inner() {
        toml::Value::String(text) => {
            let parsed = Date::parse_iso(text.trim());
            (format!("`\"{text}\"`"), parsed)
        }
        toml::Value::Datetime(datetime) => {
            let parsed = match (datetime.date, datetime.time, datetime.offset) {
                (Some(d), None, None) => Date::new(d.year, d.month, d.day),
                _ => None,
            };
            (format!("`{datetime}`"), parsed)
        }
        other => (format!("a value of type {}", other.type_str()), None),
    };
    if parsed.is_none() {
        errors.push(f.error(
            line,
            field,
            format!("must be a date written YYYY-MM-DD, such as \"2026-11-26\" (found {shown})"),
        ));
    }
    parsed
}

/// Reads every area file, then checks slugs and orders across files.
fn areas(dir: &Path, files: &[PathBuf], errors: &mut Vec<ContentError>) -> Vec<Area> {
    let mut areas = Vec::new();
    let mut slugs: HashMap<&'static str, PathBuf> = HashMap::new();
    let mut orders: HashMap<u32, PathBuf> = HashMap::new();
    let mut unreadable = false;
    for path in files {
        let Some(f) = TomlFile::read(path, errors) else {
            continue;
        };
        let Some(raw) = f.parse::<RawArea>(errors) else {
            unreadable = true;
            continue;
        };
        let slug_line = raw.slug.as_ref().map_or(1, |s| f.line(s.span().start));
        let order_line = raw.order.as_ref().map_or(1, |s| f.line(s.span().start));
        let order = f.order(raw.order, AREA_SLUGS.len(), errors);
        let slug = f.text("slug", raw.slug, errors);
        unreadable |= slug.is_none();
        let title = f.text("title", raw.title, errors);
        let caption = f.text("caption", raw.caption, errors);
        let paragraphs = f.paragraphs("text", raw.text, errors);
        if let Some(slug) = slug {
            if !AREA_SLUGS.contains(&slug) {
                errors.push(f.error(
                    slug_line,
                    "slug",
                    format!(
                        "unknown area `{slug}`; the areas are: {}",
                        AREA_SLUGS.join(", ")
                    ),
                ));
            } else if let Some(other) = slugs.insert(slug, path.clone()) {
                errors.push(f.error(
                    slug_line,
                    "slug",
                    format!("duplicate slug `{slug}`, also used in {}", other.display()),
                ));
            }
        }
        if let Some((order, other)) = order.and_then(|o| Some((o, orders.insert(o, path.clone())?)))
        {
            errors.push(f.error(
                order_line,
                "order",
                format!("duplicate order {order}, also used in {}", other.display()),
            ));
        }
        if let (Some(slug), Some(order), Some(title), Some(caption), Some(paragraphs)) =
            (slug, order, title, caption, paragraphs)
        {
            areas.push(Area {
                slug,
                order,
                title,
                caption,
                paragraphs,
            });
        }
    }
    // An area whose file could not be read is reported there, not again as missing.
    for slug in AREA_SLUGS.iter().filter(|_| !unreadable) {
        if !slugs.contains_key(slug) {
            errors.push(whole_file(
                &dir.join(AREAS_DIR),
                Some("slug"),
                format!("no file for the area `{slug}`"),
            ));
        }
    }
    areas.sort_by_key(|area| area.order);
    areas
}

/// Each figure's value must appear in the plan's own text: figures restate the source, never add to it.
fn check_figures(
    dir: &Path,
    start: &Start,
    lines: &[usize],
    areas: &[Area],
    errors: &mut Vec<ContentError>,
) {
    let mut corpus: Vec<&str> = start.intro.to_vec();
    corpus.extend(areas.iter().flat_map(|a| a.paragraphs.iter().copied()));
    for (figure, &line) in start.figures.iter().zip(lines) {
        if !corpus.iter().any(|text| text.contains(figure.value)) {
            let message = format!(
                "`{}` does not appear in the plan's text; figures must restate the source",
                figure.value
            );
            errors.push(ContentError {
                file: dir.join("start.toml"),
                line,
                field: Some("figures.value".into()),
                message,
            });
        }
    }
}

#[cfg(test)]
mod tests;
