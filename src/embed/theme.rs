//! The host page's theme for an embedded app: accent colour, colour scheme and density, read
//! strictly from the URL's query and checked for contrast, so that no host value reaches the
//! style sheet unless it is one of the few values the app knows.

use std::fmt;

/// The query parameter with the accent colour: six hex digits, with or without a leading `#`
/// (`akzent=005ca9` or `akzent=%23005ca9`).
pub const ACCENT_PARAM: &str = "akzent";
/// The query parameter with the colour scheme: `hell`, `dunkel` or `system`.
pub const SCHEME_PARAM: &str = "farbschema";
/// The query parameter with the density: `normal` or `kompakt`.
pub const DENSITY_PARAM: &str = "dichte";

/// How every warning about the host's values begins, in the console and on the code generator page.
pub const WARNING_PREFIX: &str = "Aktionsplan Hessen, Einbettung: ";

/// The least contrast ratio of text against its background (WCAG 1.4.3, level AA).
pub const MIN_CONTRAST: f64 = 4.5;

/// [`MIN_CONTRAST`] as the warnings write it; a literal, because formatting a float would add
/// float-printing code to the app.
const MIN_CONTRAST_TEXT: &str = "4,5:1";

/// A colour in sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses exactly six hex digits, with or without one leading `#`; nothing else.
    pub fn parse_hex(value: &str) -> Option<Rgb> {
        let digits = value.strip_prefix('#').unwrap_or(value);
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// The relative luminance of WCAG 2 (0 for black, 1 for white).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The WCAG 2 contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colours an accent colour must stand out against in one scheme: the background and the
/// surface (links appear on both), and the text drawn on accent-coloured areas.
struct Palette {
    /// The scheme's name in warnings.
    name: &'static str,
    /// `--color-bg`, `--color-surface` and `--color-on-accent` of `style/main.css`.
    against: [Rgb; 3],
}

/// The light scheme's colours (`:root` in `style/main.css`).
const LIGHT: Palette = Palette {
    name: "hellen",
    against: [
        Rgb(0xff, 0xff, 0xff),
        Rgb(0xf1, 0xf4, 0xf8),
        Rgb(0xff, 0xff, 0xff),
    ],
};

/// The dark scheme's colours (`prefers-color-scheme: dark` in `style/main.css`).
const DARK: Palette = Palette {
    name: "dunklen",
    against: [
        Rgb(0x12, 0x14, 0x17),
        Rgb(0x1e, 0x22, 0x28),
        Rgb(0x0b, 0x1a, 0x2b),
    ],
};

impl Palette {
    /// Whether `accent` reaches [`MIN_CONTRAST`] against every colour of this scheme.
    fn accepts(&self, accent: Rgb) -> bool {
        self.against
            .iter()
            .all(|c| accent.contrast(*c) >= MIN_CONTRAST)
    }
}

/// The host's accent colour and the schemes it is readable in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accent {
    /// The colour.
    pub color: Rgb,
    /// Whether it is used in the light scheme.
    pub light: bool,
    /// Whether it is used in the dark scheme.
    pub dark: bool,
}

/// The colour scheme the host asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// Follow the reader's system setting (the default).
    #[default]
    System,
    /// Always light.
    Hell,
    /// Always dark.
    Dunkel,
}

impl Scheme {
    /// The value of `data-farbschema` on `<html>` for this scheme; none for the system's.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Scheme::System => None,
            Scheme::Hell => Some("hell"),
            Scheme::Dunkel => Some("dunkel"),
        }
    }
}

/// The theme of an embedded app. The default is the app's own look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// The accent colour, where it is readable.
    pub accent: Option<Accent>,
    /// The colour scheme.
    pub scheme: Scheme,
    /// Smaller spacing for narrow host columns.
    pub compact: bool,
}

impl Theme {
    /// Reads the theme from the query parameters that `param` returns. Each value that is not
    /// exactly one the app knows is left out, with a warning that says why.
    pub fn from_query(param: impl Fn(&str) -> Option<String>) -> (Theme, Vec<String>) {
        let mut theme = Theme::default();
        let mut warnings = Vec::new();
        let ignored = |name: &str, value: &str, why: &str| {
            format!(
                "{WARNING_PREFIX}{name}={} wird ignoriert: {why}",
                shown(value)
            )
        };
        if let Some(value) = param(ACCENT_PARAM) {
            match Rgb::parse_hex(&value) {
                None => warnings.push(ignored(
                    ACCENT_PARAM,
                    &value,
                    "erwartet sind sechs Hexadezimalziffern wie 005ca9 oder #005ca9.",
                )),
                Some(color) => {
                    let (light, dark) = (LIGHT.accepts(color), DARK.accepts(color));
                    if !light && !dark {
                        warnings.push(ignored(
                            ACCENT_PARAM,
                            &value,
                            &format!(
                                "die Farbe erreicht in keinem Farbschema den Kontrast {MIN_CONTRAST_TEXT} zu Hintergrund und Text."
                            ),
                        ));
                    } else {
                        for palette in [&LIGHT, &DARK].into_iter().filter(|p| !p.accepts(color)) {
                            warnings.push(format!(
                                "{WARNING_PREFIX}{ACCENT_PARAM}={color} gilt nicht im {} Farbschema, dort ist der Kontrast kleiner als {MIN_CONTRAST_TEXT}.",
                                palette.name
                            ));
                        }
                        theme.accent = Some(Accent { color, light, dark });
                    }
                }
            }
        }
        if let Some(value) = param(SCHEME_PARAM) {
            match value.as_str() {
                "system" => theme.scheme = Scheme::System,
                "hell" => theme.scheme = Scheme::Hell,
                "dunkel" => theme.scheme = Scheme::Dunkel,
                _ => warnings.push(ignored(
                    SCHEME_PARAM,
                    &value,
                    "erlaubt sind hell, dunkel und system.",
                )),
            }
        }
        if let Some(value) = param(DENSITY_PARAM) {
            match value.as_str() {
                "normal" => theme.compact = false,
                "kompakt" => theme.compact = true,
                _ => warnings.push(ignored(
                    DENSITY_PARAM,
                    &value,
                    "erlaubt sind normal und kompakt.",
                )),
            }
        }
        (theme, warnings)
    }
}

/// A value as quoted in a warning: at most 40 characters, with control characters escaped, so
/// that an absurd value cannot flood or garble the console.
fn shown(value: &str) -> String {
    let mut text: String = value.chars().take(40).collect::<String>();
    if value.chars().count() > 40 {
        text.push('…');
    }
    format!("{text:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a theme from `query`, given as `name=value` pairs.
    fn read(query: &[(&str, &str)]) -> (Theme, Vec<String>) {
        Theme::from_query(|name| {
            query
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn hex_colours_are_parsed_strictly() {
        for (value, expected) in [
            ("005ca9", Some(Rgb(0x00, 0x5c, 0xa9))),
            ("#005CA9", Some(Rgb(0x00, 0x5c, 0xa9))),
            ("#000000", Some(Rgb(0, 0, 0))),
            ("fff", None),
            ("##005ca9", None),
            ("005ca9 ", None),
            ("#005ca9;background:red", None),
            ("red", None),
            ("rgb(0,0,0)", None),
            ("var(--x)", None),
            ("#00５ca9", None),
            ("", None),
        ] {
            assert_eq!(Rgb::parse_hex(value), expected, "{value:?}");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        for (a, b, expected) in [
            (Rgb(0, 0, 0), Rgb(255, 255, 255), 21.0),
            (Rgb(255, 255, 255), Rgb(255, 255, 255), 1.0),
            // #767676 on white is the well-known lightest grey that passes AA: 4.54:1.
            (Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255), 4.54),
            (Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255), 4.48),
        ] {
            let ratio = a.contrast(b);
            assert!((ratio - expected).abs() < 0.01, "{a} on {b}: {ratio}");
        }
    }

    #[test]
    fn the_apps_own_accents_pass_in_their_schemes() {
        assert!(LIGHT.accepts(Rgb(0x00, 0x50, 0x8f)), "light link colour");
        assert!(DARK.accepts(Rgb(0x8c, 0xc4, 0xff)), "dark link colour");
    }

    #[test]
    fn theme_cases() {
        let accent = |hex: &str, light, dark| {
            Some(Accent {
                color: Rgb::parse_hex(hex).unwrap(),
                light,
                dark,
            })
        };
        for (query, theme, warning_count) in [
            (vec![], Theme::default(), 0),
            (
                vec![("akzent", "#005ca9")],
                Theme {
                    accent: accent("005ca9", true, false),
                    ..Theme::default()
                },
                1,
            ),
            (
                vec![("akzent", "ffd700")],
                Theme {
                    accent: accent("ffd700", false, true),
                    ..Theme::default()
                },
                1,
            ),
            (vec![("akzent", "7a7a7a")], Theme::default(), 1),
            (vec![("akzent", "red")], Theme::default(), 1),
            (
                vec![("farbschema", "dunkel"), ("dichte", "kompakt")],
                Theme {
                    scheme: Scheme::Dunkel,
                    compact: true,
                    ..Theme::default()
                },
                0,
            ),
            (
                vec![("farbschema", "hell"), ("dichte", "normal")],
                Theme {
                    scheme: Scheme::Hell,
                    ..Theme::default()
                },
                0,
            ),
            (vec![("farbschema", "system")], Theme::default(), 0),
            (vec![("farbschema", "Dunkel")], Theme::default(), 1),
            (vec![("farbschema", "dark")], Theme::default(), 1),
            (vec![("dichte", "eng")], Theme::default(), 1),
            (
                vec![("akzent", "x"), ("farbschema", "y"), ("dichte", "z")],
                Theme::default(),
                3,
            ),
        ] {
            let (read_theme, warnings) = read(&query);
            assert_eq!(read_theme, theme, "{query:?}");
            assert_eq!(warnings.len(), warning_count, "{query:?}: {warnings:?}");
        }
    }

    #[test]
    fn warnings_name_the_parameter_and_cut_absurd_values() {
        let long = "ä".repeat(5000);
        let (_, warnings) = read(&[("dichte", &long), ("farbschema", "a\nb")]);
        assert!(
            warnings[0].contains("farbschema=\"a\\nb\""),
            "{}",
            warnings[0]
        );
        assert!(warnings[1].starts_with("Aktionsplan Hessen, Einbettung: dichte="));
        assert!(warnings[1].chars().count() < 150, "{}", warnings[1]);
    }
}
