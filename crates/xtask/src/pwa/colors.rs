//! The app's colours for the manifest and the icons, read from the style sheet's light `:root` block.
//!
//! The style sheet is the one place that defines the colours, so the manifest cannot drift from the
//! pages: the theme colour is the strong accent (the `theme-color` of `index.html`), the
//! background the pages' background, both from the first `:root` block outside any `@media` rule
//! (the light scheme; a manifest has only one colour of each).

use std::fmt;

/// The custom property that gives the theme colour.
pub const THEME_VAR: &str = "--color-accent-strong";
/// The custom property that gives the background colour.
pub const BACKGROUND_VAR: &str = "--color-bg";

/// An opaque colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb {
    /// Red, 0 to 255.
    pub r: u8,
    /// Green, 0 to 255.
    pub g: u8,
    /// Blue, 0 to 255.
    pub b: u8,
}

impl Rgb {
    /// Parses a CSS hex colour, `#rgb` or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb {
                r: digit(0)? * 17,
                g: digit(1)? * 17,
                b: digit(2)? * 17,
            }),
            6 => Some(Rgb {
                r: pair(0)?,
                g: pair(2)?,
                b: pair(4)?,
            }),
            _ => None,
        }
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The two colours of the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    /// The theme colour: the title bar of the installed app, and the maskable icon's background.
    pub theme: Rgb,
    /// The background of the splash screen while the app starts.
    pub background: Rgb,
}

impl Colors {
    /// Reads the colours from the style sheet `css`; `file` names it in errors.
    pub fn from_css(css: &str, file: &str) -> Result<Colors, String> {
        let block = root_block(css).ok_or_else(|| {
            format!("{file}: no `:root {{ … }}` block outside `@media` (the light colours)")
        })?;
        let color = |var: &str, role: &str| {
            let value = declaration(&block, var).ok_or_else(|| {
                format!(
                    "{file}: the first `:root` block sets no `{var}` (the {role} of the web app manifest)"
                )
            })?;
            Rgb::parse(default_of(&value)).ok_or_else(|| {
                format!(
                    "{file}: `{var}: {value}` in the first `:root` block is not a hex colour such as #003a70"
                )
            })
        };
        Ok(Colors {
            theme: color(THEME_VAR, "theme colour")?,
            background: color(BACKGROUND_VAR, "background colour")?,
        })
    }
}

/// The colour a value gives when no embedding page overrides it: the fallback of
/// `var(--akzent-hell, #003a70)`, or the value itself.
fn default_of(value: &str) -> &str {
    value
        .strip_prefix("var(")
        .and_then(|inner| inner.strip_suffix(')'))
        .and_then(|inner| inner.split_once(','))
        .map_or(value, |(_, fallback)| fallback.trim())
}

/// The inside of the first rule whose selector is `:root` at the top level, comments removed.
fn root_block(css: &str) -> Option<String> {
    let css = without_comments(css);
    let mut depth = 0usize;
    let mut prelude_start = 0;
    let mut block_start = None;
    for (i, c) in css.char_indices() {
        match c {
            '{' => {
                if depth == 0 && css[prelude_start..i].trim() == ":root" {
                    block_start = Some(i + 1);
                }
                depth += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(start) = block_start {
                        return Some(css[start..i].to_owned());
                    }
                    prelude_start = i + 1;
                }
            }
            ';' if depth == 0 => prelude_start = i + 1,
            _ => {}
        }
    }
    None
}

/// The style sheet with every `/* … */` comment replaced by a space.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        out.push(' ');
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The value of the declaration of `name` in a block of declarations; the last one wins, as in CSS.
fn declaration(block: &str, name: &str) -> Option<String> {
    block
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .filter(|(n, _)| n.trim() == name)
        .map(|(_, value)| value.trim().to_owned())
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn rgb(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    #[test]
    fn hex_colours_parse_and_print_in_long_form() {
        for (text, expected) in [
            ("#003a70", Some("#003a70")),
            ("#003A70", Some("#003a70")),
            ("#fff", Some("#ffffff")),
            ("#1b1f24", Some("#1b1f24")),
            ("003a70", None),
            ("#03a70", None),
            ("#0g3a70", None),
            ("#003a70ff", None),
            ("#ä3a", None),
            ("rgb(0, 58, 112)", None),
            ("var(--color-accent)", None),
        ] {
            let got = Rgb::parse(text).map(|c| c.to_string());
            assert_eq!(got.as_deref(), expected, "{text:?}");
        }
    }

    #[test]
    fn the_light_root_block_gives_the_colours() {
        for (css, theme, background) in [
            (
                ":root { --color-bg: #ffffff; --color-accent-strong: #003a70; }",
                rgb(0, 0x3a, 0x70),
                rgb(255, 255, 255),
            ),
            // The dark scheme's block inside `@media` does not count, before or after.
            (
                "@media (prefers-color-scheme: dark) { :root { --color-bg: #000; --color-accent-strong: #111; } }\n\
                 /* :root { --color-bg: #222; } */\n\
                 html { color: red; }\n\
                 :root {\n  color-scheme: light dark;\n  --color-bg:#fff;\n  --color-accent-strong : #123456\n}\n\
                 @media print { :root { --color-bg: #333; } }",
                rgb(0x12, 0x34, 0x56),
                rgb(255, 255, 255),
            ),
            // The fallback of a `var()` is the colour when no embedding page sets the variable.
            (
                ":root { --color-bg: #fff; --color-accent-strong: var(--akzent-hell, #003a70); }",
                rgb(0, 0x3a, 0x70),
                rgb(255, 255, 255),
            ),
            // A later declaration wins, as in CSS.
            (
                ":root{--color-bg:#eee;--color-accent-strong:#000;--color-bg:#ddd}",
                rgb(0, 0, 0),
                rgb(0xdd, 0xdd, 0xdd),
            ),
        ] {
            let colors = Colors::from_css(css, "main.css").unwrap();
            assert_eq!(colors, Colors { theme, background }, "{css}");
        }
    }

    #[test]
    fn missing_or_unusable_colours_name_the_file_and_the_variable() {
        for (css, expected) in [
            ("body { color: red; }", "main.css: no `:root { … }` block"),
            (
                "@media screen { :root { --color-bg: #fff; --color-accent-strong: #000; } }",
                "main.css: no `:root { … }` block",
            ),
            (
                ":root { --color-bg: #fff; }",
                "main.css: the first `:root` block sets no `--color-accent-strong`",
            ),
            (
                ":root { --color-accent-strong: #000; --color-bg-soft: #fff; }",
                "main.css: the first `:root` block sets no `--color-bg`",
            ),
            (
                ":root { --color-bg: #fff; --color-accent-strong: var(--color-accent); }",
                "main.css: `--color-accent-strong: var(--color-accent)` in the first `:root` block is not a hex colour",
            ),
        ] {
            let error = Colors::from_css(css, "main.css").unwrap_err();
            assert!(error.starts_with(expected), "{css}: {error}");
        }
    }

    #[test]
    fn the_forced_dark_scheme_equals_the_systems_dark_scheme() {
        // `style/main.css` states the dark colours twice: for the system's dark mode and for an
        // embedding page's `data-farbschema="dunkel"`. They must not drift apart.
        let css = without_comments(
            &std::fs::read_to_string(crate::run::root().join("style/main.css")).unwrap(),
        );
        let block = |selector: &str| {
            let start = css
                .find(selector)
                .unwrap_or_else(|| panic!("no {selector}"))
                + selector.len();
            let open = css[start..].find('{').unwrap() + start + 1;
            let close = css[open..].find('}').unwrap() + open;
            let mut declarations: Vec<String> = css[open..close]
                .split(';')
                .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|d| !d.is_empty() && !d.starts_with("color-scheme"))
                .collect();
            declarations.sort();
            declarations
        };
        let system = block(":root:not([data-farbschema=\"hell\"])");
        let forced = block(":root[data-farbschema=\"dunkel\"]");
        assert!(system.len() > 10, "{system:?}");
        assert_eq!(system, forced);
    }

    #[test]
    fn the_style_sheet_has_the_colours_of_index_html() {
        let css = std::fs::read_to_string(crate::run::root().join("style/main.css")).unwrap();
        let colors = Colors::from_css(&css, "style/main.css").unwrap();
        // The shell's `theme-color` tag shows the same colour before the manifest is read.
        let html = std::fs::read_to_string(crate::run::root().join("index.html")).unwrap();
        let theme = colors.theme.to_string();
        assert!(
            html.to_ascii_lowercase().contains(&theme),
            "index.html lacks the theme colour {theme}"
        );
    }
}
