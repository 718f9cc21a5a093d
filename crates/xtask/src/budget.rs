//! Size budgets: the largest brotli size that each HTML page, the style sheet and the wasm in
//! `dist/` may reach, kept in `size-budgets.toml` at the repository root and checked
//! deterministically (`cargo xtask size --check`, and `cargo xtask test` after its release build).
//!
//! The file has two tables. `[assets]` holds `css` (the one `main-<hash>.css`) and `wasm` (the one
//! `<name>-<hash>_bg.wasm`); their names change with every build, so they are matched by pattern.
//! `[html]` holds every HTML file by its path relative to `dist/`, such as
//! `"handlungsfelder/unterbringung/index.html" = 1300`. Values are bytes after brotli at
//! quality 11, the figure that `cargo xtask size` prints. The check fails when a file is over its
//! budget, when an HTML file has no budget, or when a budget matches no file; a new page therefore
//! needs a deliberate entry, and a removed one takes its entry with it.

use crate::size::{FileSize, brotli_len, list_dir};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

/// The budget file's name, at the repository root.
pub const FILE: &str = "size-budgets.toml";

/// Headroom that `--write-budgets` adds to HTML files, in percent.
const HTML_HEADROOM: usize = 15;

/// Headroom that `--write-budgets` adds to the style sheet and the wasm, in percent.
const ASSET_HEADROOM: usize = 10;

/// The comment that opens every budget file that `--write-budgets` writes.
const HEADER: &str = "\
# Size budgets for the release build in dist/: the most bytes each file may take after brotli
# (quality 11, what static hosts precompress with; `cargo xtask size` prints these figures).
#
# `cargo xtask size --check` and `cargo xtask test` fail when a file is over its budget, when an
# HTML file in dist/ has no budget here, or when a budget names a file that no longer exists.
#
# Growth must be a deliberate decision. When a change really needs more bytes, raise the number in
# the same change and say why; never raise it only to make the check pass. Budgets may always go
# down. `cargo xtask size --write-budgets` rewrites this file from the current dist/ with headroom
# (HTML 15 %, CSS and wasm 10 %, rounded up to the next 100 bytes): review the diff it makes.
";

/// An asset matched by pattern, because its name changes with every build.
struct Asset {
    /// Its key in `[assets]`.
    key: &'static str,
    /// The pattern, for messages.
    pattern: &'static str,
    /// Whether a path relative to `dist/` is this asset.
    matches: fn(&str) -> bool,
}

/// The assets with budgets: the style sheet and the wasm, both at the top of `dist/`.
const ASSETS: [Asset; 2] = [
    Asset {
        key: "css",
        pattern: "main-*.css",
        matches: |name| name.starts_with("main-") && name.ends_with(".css") && !name.contains('/'),
    },
    Asset {
        key: "wasm",
        pattern: "*_bg.wasm",
        matches: |name| name.ends_with("_bg.wasm") && !name.contains('/'),
    },
];

/// Checks the build in `dist` against `budget_file`; returns a report of every budgeted file, or
/// an error that lists every offender (over budget, without budget, stale budget) with measured
/// and budgeted bytes.
pub fn check(dist: &Path, budget_file: &Path) -> Result<String, String> {
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no build; run `cargo xtask dist` first",
            dist.display()
        ));
    }
    let budgets = Budgets::read(budget_file)?;
    // Only the budgeted files are compressed: brotli at quality 11 takes a while in a debug build.
    let mut sizes = Vec::new();
    for (name, path) in list_dir(dist)? {
        if is_html(&name) || ASSETS.iter().any(|asset| (asset.matches)(&name)) {
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            sizes.push((name, brotli_len(&bytes)));
        }
    }
    let measured = Measured::from_sizes(sizes)?;
    compare(&budgets, &measured, &budget_file.display().to_string())
}

/// [`check`] for a build the size report has measured already, so nothing is compressed twice.
pub fn check_report(files: &[FileSize], budget_file: &Path) -> Result<String, String> {
    let budgets = Budgets::read(budget_file)?;
    let measured = Measured::from_report(files)?;
    compare(&budgets, &measured, &budget_file.display().to_string())
}

/// Writes `budget_file` from the sizes of a build: every HTML file, the style sheet and the wasm,
/// each with headroom, below the explanatory header; returns a summary for the terminal.
pub fn write(files: &[FileSize], budget_file: &Path) -> Result<String, String> {
    let measured = Measured::from_report(files)?;
    let text = render(&measured);
    std::fs::write(budget_file, &text)
        .map_err(|e| format!("cannot write {}: {e}", budget_file.display()))?;
    Ok(format!(
        "wrote {} with {} budgets (HTML +{HTML_HEADROOM} %, CSS and wasm +{ASSET_HEADROOM} %, \
         rounded up to 100 bytes); review the diff before committing",
        budget_file.display(),
        measured.html.len() + measured.assets.len()
    ))
}

/// Whether a path relative to `dist/` is an HTML file, which needs a budget.
fn is_html(name: &str) -> bool {
    name.ends_with(".html")
}

/// One budget: the allowed bytes and the line of the budget file that sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Limit {
    bytes: usize,
    line: usize,
}

/// The parsed budget file.
#[derive(Debug, Default, PartialEq, Eq)]
struct Budgets {
    /// `[html]`: path relative to `dist/` to its limit.
    html: BTreeMap<String, Limit>,
    /// `[assets]`: `css` or `wasm` to its limit.
    assets: BTreeMap<String, Limit>,
}

impl Budgets {
    /// Reads and parses a budget file.
    fn read(path: &Path) -> Result<Budgets, String> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "cannot read {}: {e} (create it with `cargo xtask size --write-budgets`)",
                path.display()
            )
        })?;
        Budgets::parse(&text, &path.display().to_string())
    }

    /// Parses the text of a budget file; errors name `file`, the line and the key.
    ///
    /// The file is read with `toml_edit`, which keeps the position of every key and value, so
    /// that each error can point at its line.
    fn parse(text: &str, file: &str) -> Result<Budgets, String> {
        let line = |span: Option<Range<usize>>| span.map_or(1, |s| line_of(text, s.start));
        // The written form of an item, for messages.
        let written = |span: Option<Range<usize>>, kind: &str| match span {
            Some(span) if !text[span.clone()].contains('\n') => text[span].trim().to_owned(),
            _ if kind.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {kind}"),
            _ => format!("a {kind}"),
        };
        let document = toml_edit::ImDocument::parse(text).map_err(|e| {
            let message: Vec<&str> = e.message().lines().map(str::trim).collect();
            format!("{file}:{}: {}", line(e.span()), message.join("; "))
        })?;
        let mut budgets = Budgets::default();
        for (table_key, item) in document.as_table().iter() {
            let (key, _) = document
                .as_table()
                .get_key_value(table_key)
                .expect("iterated key");
            let at = format!("{file}:{}", line(key.span().or_else(|| item.span())));
            if table_key != "html" && table_key != "assets" {
                return Err(format!(
                    "{at}: key `{}`: unknown; the file has only the tables [html] and [assets]",
                    quoted_key(table_key)
                ));
            }
            let Some(entries) = item.as_table_like() else {
                return Err(format!(
                    "{at}: key `{table_key}`: must be the table [{table_key}], found {}",
                    written(item.span(), item.type_name())
                ));
            };
            for (entry_key, value) in entries.iter() {
                let (key, _) = entries.get_key_value(entry_key).expect("iterated key");
                let line = line(key.span().or_else(|| value.span()));
                let name = format!("{table_key}.{}", quoted_key(entry_key));
                let bytes = match value.as_integer() {
                    Some(n) if n > 0 => usize::try_from(n).map_err(|_| {
                        format!("{file}:{line}: key `{name}`: {n} bytes is too large")
                    })?,
                    _ => {
                        return Err(format!(
                            "{file}:{line}: key `{name}`: a budget is a positive whole number of \
                             bytes, found {}",
                            written(value.span(), value.type_name())
                        ));
                    }
                };
                if table_key == "assets" && !ASSETS.iter().any(|asset| asset.key == entry_key) {
                    return Err(format!(
                        "{file}:{line}: key `{name}`: unknown asset; [assets] knows only `css` \
                         (main-*.css) and `wasm` (*_bg.wasm), HTML files belong under [html]"
                    ));
                }
                if table_key == "html" && !is_html(entry_key) {
                    return Err(format!(
                        "{file}:{line}: key `{name}`: not an HTML file; [html] takes paths \
                         relative to dist/ such as \"leitlinien/index.html\""
                    ));
                }
                let limit = Limit { bytes, line };
                if table_key == "html" {
                    budgets.html.insert(entry_key.to_owned(), limit);
                } else {
                    budgets.assets.insert(entry_key.to_owned(), limit);
                }
            }
        }
        Ok(budgets)
    }
}

/// What the budgets are checked against: brotli bytes of the build's files.
#[derive(Debug, Default)]
struct Measured {
    /// Every HTML file: path relative to `dist/` to its brotli bytes.
    html: BTreeMap<String, usize>,
    /// `css` and `wasm`: the matching file's name and its brotli bytes.
    assets: BTreeMap<String, (String, usize)>,
}

impl Measured {
    /// Picks the budgeted files out of a size report.
    fn from_report(files: &[FileSize]) -> Result<Measured, String> {
        Measured::from_sizes(files.iter().map(|f| (f.name.clone(), f.brotli)))
    }

    /// Picks the budgeted files out of names (relative to `dist/`) with their brotli bytes; more
    /// than one file for an asset's pattern is an error.
    fn from_sizes(sizes: impl IntoIterator<Item = (String, usize)>) -> Result<Measured, String> {
        let mut measured = Measured::default();
        for (name, brotli) in sizes {
            if is_html(&name) {
                measured.html.insert(name.clone(), brotli);
            }
            for Asset {
                key,
                pattern,
                matches,
            } in ASSETS
            {
                if !matches(&name) {
                    continue;
                }
                if let Some((other, _)) = measured.assets.get(key) {
                    return Err(format!(
                        "both {other} and {name} match {pattern}; budgets expect one such file \
                         (is dist/ left over from an older build? `cargo xtask dist` rebuilds it)"
                    ));
                }
                measured
                    .assets
                    .insert(key.to_owned(), (name.clone(), brotli));
            }
        }
        Ok(measured)
    }
}

/// Compares measurements with budgets; `file` names the budget file in messages.
fn compare(budgets: &Budgets, measured: &Measured, file: &str) -> Result<String, String> {
    // Each budgeted file: its label, its brotli bytes and its budget.
    let mut rows: Vec<(String, usize, Limit)> = Vec::new();
    let mut missing = Vec::new();
    for Asset { key, pattern, .. } in ASSETS {
        match (measured.assets.get(key), budgets.assets.get(key)) {
            (Some((name, bytes)), Some(limit)) => {
                rows.push((format!("{key} ({name})"), *bytes, *limit))
            }
            (Some((name, bytes)), None) => missing.push(format!(
                "no budget: {name} ({bytes} bytes): add `{key} = {}` under [assets] in {file}",
                with_headroom(*bytes, ASSET_HEADROOM)
            )),
            (None, Some(limit)) => missing.push(format!(
                "stale budget: {file}:{}: assets.{key} matches no file {pattern} in dist/; \
                 remove the line",
                limit.line
            )),
            (None, None) => {}
        }
    }
    for (name, bytes) in &measured.html {
        match budgets.html.get(name) {
            Some(limit) => rows.push((name.clone(), *bytes, *limit)),
            None => missing.push(format!(
                "no budget: {name} ({bytes} bytes): every HTML page needs one; add `\"{name}\" = \
                 {}` under [html] in {file} (or run `cargo xtask size --write-budgets` and review \
                 the diff)",
                with_headroom(*bytes, HTML_HEADROOM)
            )),
        }
    }
    for (name, limit) in &budgets.html {
        if !measured.html.contains_key(name) {
            missing.push(format!(
                "stale budget: {file}:{}: html.\"{name}\" matches no file in dist/; remove the line",
                limit.line
            ));
        }
    }
    let mut offenders: Vec<String> = rows
        .iter()
        .filter(|(_, bytes, limit)| *bytes > limit.bytes)
        .map(|(label, bytes, limit)| {
            format!(
                "over budget: {label}: {bytes} bytes, budget {} ({file}:{}), {} bytes over",
                limit.bytes,
                limit.line,
                bytes - limit.bytes
            )
        })
        .collect();
    offenders.extend(missing);
    if !offenders.is_empty() {
        return Err(format!(
            "size budgets ({file}, brotli bytes) not met; raising a budget must be a deliberate \
             decision:\n  {}",
            offenders.join("\n  ")
        ));
    }
    let mut report = format!(
        "size budgets ({file}, brotli bytes): all {} files within budget\n",
        rows.len()
    );
    for (label, bytes, limit) in &rows {
        let _ = writeln!(
            report,
            "  {label:<64} {bytes:>8} of {:>8} ({:>3} %)",
            limit.bytes,
            bytes * 100 / limit.bytes
        );
    }
    Ok(report)
}

/// The text of a budget file for `measured`.
fn render(measured: &Measured) -> String {
    let mut text = format!(
        "{HEADER}\n# The style sheet (main-<hash>.css) and the app's WebAssembly (<name>-<hash>_bg.wasm),\n\
         # matched by pattern because their names change with every build.\n[assets]\n"
    );
    for (key, (_, bytes)) in &measured.assets {
        let _ = writeln!(text, "{key} = {}", with_headroom(*bytes, ASSET_HEADROOM));
    }
    text.push_str("\n# Every HTML file in dist/, by its path relative to dist/.\n[html]\n");
    for (name, bytes) in &measured.html {
        let _ = writeln!(
            text,
            "{} = {}",
            quoted_key(name),
            with_headroom(*bytes, HTML_HEADROOM)
        );
    }
    text
}

/// `bytes` plus `percent` headroom, rounded up to the next multiple of 100.
fn with_headroom(bytes: usize, percent: usize) -> usize {
    (bytes * (100 + percent)).div_ceil(100).div_ceil(100) * 100
}

/// A key as TOML writes it: bare when it can be, else in double quotes.
fn quoted_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        key.to_owned()
    } else {
        format!("{key:?}")
    }
}

/// The 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files of a small build: two pages, the not-found page, the style sheet, the wasm and
    /// one file without a budget (the JavaScript glue).
    const BUILD: [&str; 6] = [
        "index.html",
        "leitlinien/index.html",
        "404.html",
        "main-0123456789abcdef.css",
        "app-0123456789abcdef_bg.wasm",
        "app-0123456789abcdef.js",
    ];

    /// Writes `files` (path and contents) into a fresh `dist/` and `budgets` into the budget
    /// file, runs the check, and compares its outcome with `expect`: `Ok` with the report's
    /// first line, or `Err` with fragments that must all appear in the message.
    fn check_case(files: &[(&str, String)], budgets: &str, expect: Result<&str, &[&str]>) {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        for (name, contents) in files {
            let path = dist.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
        let budget_file = dir.path().join(FILE);
        std::fs::write(&budget_file, budgets).unwrap();
        let file = budget_file.display().to_string();
        match (check(&dist, &budget_file), expect) {
            (Ok(report), Ok(first)) => {
                assert_eq!(
                    report.lines().next().unwrap(),
                    first.replace("{file}", &file)
                )
            }
            (Err(message), Err(fragments)) => {
                for fragment in fragments {
                    let fragment = fragment.replace("{file}", &file);
                    assert!(
                        message.contains(&fragment),
                        "{fragment:?} not in:\n{message}"
                    );
                }
            }
            (outcome, _) => panic!("unexpected outcome: {outcome:?}"),
        }
    }

    /// The standard build: every file of [`BUILD`] with 200 bytes of text, so brotli sizes are
    /// far below 1000.
    fn build() -> Vec<(&'static str, String)> {
        BUILD
            .iter()
            .map(|name| (*name, format!("{name} {}", "x".repeat(200))))
            .collect()
    }

    /// A budget file allowing `bytes` for every file of [`BUILD`], plus `extra` lines at the end.
    fn budgets(bytes: usize, extra: &str) -> String {
        format!(
            "[assets]\ncss = {bytes}\nwasm = {bytes}\n\n[html]\n\"404.html\" = {bytes}\n\
             \"index.html\" = {bytes}\n\"leitlinien/index.html\" = {bytes}\n{extra}"
        )
    }

    #[test]
    fn within_budget() {
        check_case(
            &build(),
            &budgets(1000, ""),
            Ok("size budgets ({file}, brotli bytes): all 5 files within budget"),
        );
    }

    #[test]
    fn over_budget_lists_every_offender_with_measured_and_budget_bytes() {
        let mut files = build();
        files[0].1 = "Aktionsplan Hessen, Seite eins. ".repeat(400)
            + &(0..2000).map(|n| format!("{n} ")).collect::<String>();
        let budgets = budgets(1000, "").replace("wasm = 1000", "wasm = 10");
        check_case(
            &files,
            &budgets,
            Err(&[
                "not met",
                "over budget: index.html: ",
                "bytes, budget 1000 ({file}:7)",
                "over budget: wasm (app-0123456789abcdef_bg.wasm): ",
                "bytes, budget 10 ({file}:3)",
            ]),
        );
    }

    #[test]
    fn unbudgeted_html_file_fails_and_says_how_to_add_it() {
        let mut files = build();
        files.push(("service/index.html", "neu".into()));
        check_case(
            &files,
            &budgets(1000, ""),
            Err(&[
                "no budget: service/index.html (",
                "bytes): every HTML page needs one; add `\"service/index.html\" = 100` under \
                 [html] in {file}",
                "--write-budgets",
            ]),
        );
    }

    #[test]
    fn unbudgeted_asset_fails() {
        let budgets = budgets(1000, "").replace("css = 1000\n", "");
        check_case(
            &build(),
            &budgets,
            Err(&["no budget: main-0123456789abcdef.css (", "add `css = "]),
        );
    }

    #[test]
    fn stale_entries_fail_with_their_line() {
        let files: Vec<_> = build()
            .into_iter()
            .filter(|(name, _)| !name.ends_with(".css"))
            .collect();
        check_case(
            &files,
            &budgets(1000, "\"alt/index.html\" = 500\n"),
            Err(&[
                "stale budget: {file}:9: html.\"alt/index.html\" matches no file in dist/; remove the line",
                "stale budget: {file}:2: assets.css matches no file main-*.css in dist/",
            ]),
        );
    }

    #[test]
    fn malformed_budget_files_name_file_line_and_key() {
        let cases: [(&str, &str); 12] = [
            (
                "[html]\n\"index.html\" = 1000\n\"index.html\" = 900\n",
                "{file}:3: duplicate key `index.html`",
            ),
            (
                "[assets]\ncss = 1000\n[html\n",
                "{file}:3: invalid table header; expected",
            ),
            (
                "[assets]\ncss = 0\n",
                "{file}:2: key `assets.css`: a budget is a positive whole number of bytes, found 0",
            ),
            (
                "[html]\n\"index.html\" = 1000\n[html.sub]\n\"a.html\" = 5\n",
                "{file}:3: key `html.sub`: a budget is a positive whole number of bytes, found a table",
            ),
            (
                "[[html]]\n\"index.html\" = 1000\n",
                "{file}:1: key `html`: must be the table [html], found an array of tables",
            ),
            (
                "[html]\n\"index.html\" = \"1000\"\n",
                "{file}:2: key `html.\"index.html\"`: a budget is a positive whole number of bytes, found \"1000\"",
            ),
            (
                "[assets]\ncss = 1000\n\nwasm = -5\n",
                "{file}:4: key `assets.wasm`: a budget is a positive whole number of bytes, found -5",
            ),
            (
                "[assets]\ncss = 1.5\n",
                "{file}:2: key `assets.css`: a budget is a positive whole number",
            ),
            (
                "[assets]\njs = 1000\n",
                "{file}:2: key `assets.js`: unknown asset; [assets] knows only `css`",
            ),
            (
                "[html]\n\"index.htm\" = 1000\n",
                "{file}:2: key `html.\"index.htm\"`: not an HTML file",
            ),
            (
                "wasm = 1000\n",
                "{file}:1: key `wasm`: unknown; the file has only the tables [html] and [assets]",
            ),
            (
                "html = 3\n",
                "{file}:1: key `html`: must be the table [html], found 3",
            ),
        ];
        for (text, fragment) in cases {
            check_case(&build(), text, Err(&[fragment]));
        }
        // A missing file names itself and how to create it.
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join(FILE);
        let message = Budgets::read(&missing).unwrap_err();
        assert!(message.contains("cannot read") && message.contains("--write-budgets"));
    }

    #[test]
    fn a_written_budget_file_passes_the_check_and_keeps_its_header() {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        for (name, contents) in build() {
            let path = dist.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
        let budget_file = dir.path().join(FILE);
        write(&crate::size::measure_dir(&dist).unwrap(), &budget_file).unwrap();
        let text = std::fs::read_to_string(&budget_file).unwrap();
        assert!(text.starts_with(HEADER), "{text}");
        assert!(
            text.contains("\n\"leitlinien/index.html\" = 100\n"),
            "{text}"
        );
        assert!(text.contains("\ncss = 100\nwasm = 100\n"), "{text}");
        check(&dist, &budget_file).unwrap();
    }

    #[test]
    fn two_files_for_one_pattern_are_an_error() {
        let mut files = build();
        files.push(("app-fedcba9876543210_bg.wasm", "alt".into()));
        check_case(
            &files,
            &budgets(1000, ""),
            Err(&[
                "both app-0123456789abcdef_bg.wasm and app-fedcba9876543210_bg.wasm match *_bg.wasm",
            ]),
        );
    }

    #[test]
    fn headroom_rounds_up_to_the_next_hundred() {
        for (bytes, percent, expect) in [
            (1, 15, 100),
            (100, 10, 200),
            (1000, 10, 1100),
            (1001, 10, 1200),
            (869, 15, 1000),
            (870, 15, 1100),
            (145_521, 10, 160_100),
        ] {
            assert_eq!(
                with_headroom(bytes, percent),
                expect,
                "{bytes} +{percent} %"
            );
        }
    }

    #[test]
    fn a_dist_without_build_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let message = check(dir.path(), &dir.path().join(FILE)).unwrap_err();
        assert!(message.contains("has no build"), "{message}");
    }
}
