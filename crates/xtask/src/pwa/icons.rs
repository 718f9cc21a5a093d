//! Renders the app icon `public/icon.svg` into the PNG icons that install prompts, home screens and
//! iOS need, so there is one drawing and no hand-made PNG.

use super::colors::Rgb;
use resvg::{tiny_skia, usvg};
use std::path::Path;

/// How the drawing is placed on an icon's square.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The drawing fills the square and keeps its transparency (manifest purpose `any`).
    Plain,
    /// The drawing fills the middle 80 % of a square of the theme colour (purpose `maskable`):
    /// launchers cut maskable icons to circles or rounded squares that keep at least this safe zone.
    Maskable,
    /// The drawing fills a square of the theme colour: iOS shows transparency as black.
    Opaque,
}

impl Style {
    /// The icon's `purpose` in the manifest, or `None` for an icon the manifest does not list.
    pub fn purpose(self) -> Option<&'static str> {
        match self {
            Style::Plain => Some("any"),
            Style::Maskable => Some("maskable"),
            Style::Opaque => None,
        }
    }
}

/// One PNG icon of the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Icon {
    /// The file's path in `dist/`.
    pub path: &'static str,
    /// Width and height in pixels.
    pub size: u32,
    /// How the drawing is placed.
    pub style: Style,
}

/// The icons the build writes: the two sizes that install prompts require, a maskable one, and
/// Apple's touch icon (180 px, which iOS scales for every device).
pub const ICONS: [Icon; 4] = [
    Icon {
        path: "icons/icon-192.png",
        size: 192,
        style: Style::Plain,
    },
    Icon {
        path: "icons/icon-512.png",
        size: 512,
        style: Style::Plain,
    },
    Icon {
        path: "icons/icon-maskable-512.png",
        size: 512,
        style: Style::Maskable,
    },
    Icon {
        path: "icons/apple-touch-icon.png",
        size: 180,
        style: Style::Opaque,
    },
];

/// The share of a maskable icon's side that the drawing takes: the safe zone's diameter.
const SAFE_ZONE: f32 = 0.8;

/// Renders the SVG `svg` as a PNG of `size` × `size` pixels in the given style, centred and
/// scaled to fit; `theme` is the background of the styles that have one.
pub fn render(svg: &[u8], size: u32, style: Style, theme: Rgb) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_data(svg, &usvg::Options::default())
        .map_err(|e| format!("cannot read the SVG: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size)
        .ok_or_else(|| format!("cannot make an image of {size} px"))?;
    let share = if style == Style::Maskable {
        SAFE_ZONE
    } else {
        1.0
    };
    if style != Style::Plain {
        pixmap.fill(tiny_skia::Color::from_rgba8(theme.r, theme.g, theme.b, 255));
    }
    let side = size as f32;
    let drawing = tree.size();
    let scale = side * share / drawing.width().max(drawing.height());
    let transform = tiny_skia::Transform::from_scale(scale, scale).post_translate(
        (side - drawing.width() * scale) / 2.0,
        (side - drawing.height() * scale) / 2.0,
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode a PNG: {e}"))
}

/// Renders [`ICONS`] from the SVG `svg` into `dist` and returns their paths.
pub fn write(dist: &Path, svg: &[u8], theme: Rgb) -> Result<Vec<&'static str>, String> {
    let mut written = Vec::new();
    for icon in ICONS {
        let png =
            render(svg, icon.size, icon.style, theme).map_err(|e| format!("{}: {e}", icon.path))?;
        let path = dist.join(icon.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(&path, png).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(icon.path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    const THEME: Rgb = Rgb {
        r: 0,
        g: 0x3a,
        b: 0x70,
    };

    /// Width and height from a PNG's header, which must be an 8-bit RGBA image.
    fn png_size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&png[12..16], b"IHDR", "the first chunk is the header");
        let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        assert_eq!((png[24], png[25]), (8, 6), "bit depth 8, colour type RGBA");
        (number(16), number(20))
    }

    /// The colour at (`x`, `y`) as `[r, g, b, a]`.
    fn pixel(png: &[u8], x: u32, y: u32) -> [u8; 4] {
        let image = tiny_skia::Pixmap::decode_png(png).unwrap();
        let c = image.pixel(x, y).unwrap().demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }

    /// A point of an icon, `(x, y)`, and its expected colour.
    type Point = ((u32, u32), [u8; 4]);

    const RED: [u8; 4] = [255, 0, 0, 255];
    const CLEAR: [u8; 4] = [0, 0, 0, 0];
    const BACK: [u8; 4] = [0, 0x3a, 0x70, 255];

    #[test]
    fn drawings_are_centred_and_scaled_into_their_zone() {
        // A red square, and a red band twice as wide as high, each filling its whole drawing.
        let square = br##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#f00"/></svg>"##;
        let band = br##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#f00"/></svg>"##;
        // Each case: the drawing, the style, and the expected colour at points of a 100 px icon.
        let cases: [(&[u8], Style, &[Point]); 5] = [
            (
                square,
                Style::Plain,
                &[((0, 0), RED), ((99, 99), RED), ((50, 50), RED)],
            ),
            (
                square,
                Style::Maskable,
                &[
                    ((0, 0), BACK),
                    ((5, 50), BACK),
                    ((50, 5), BACK),
                    ((11, 50), RED),
                    ((50, 50), RED),
                    ((88, 50), RED),
                    ((94, 50), BACK),
                    ((50, 99), BACK),
                ],
            ),
            (square, Style::Opaque, &[((0, 0), RED), ((99, 99), RED)]),
            (
                band,
                Style::Plain,
                &[
                    ((0, 20), CLEAR),
                    ((50, 24), CLEAR),
                    ((0, 26), RED),
                    ((99, 74), RED),
                    ((50, 76), CLEAR),
                ],
            ),
            (
                band,
                Style::Opaque,
                &[
                    ((0, 20), BACK),
                    ((50, 24), BACK),
                    ((0, 26), RED),
                    ((99, 74), RED),
                    ((50, 76), BACK),
                ],
            ),
        ];
        for (svg, style, points) in cases {
            let png = render(svg, 100, style, THEME).unwrap();
            assert_eq!(png_size(&png), (100, 100));
            for &((x, y), expected) in points {
                assert_eq!(pixel(&png, x, y), expected, "{style:?} at ({x}, {y})");
            }
        }
    }

    #[test]
    fn the_app_icon_renders_at_every_size_with_the_right_background() {
        let svg = std::fs::read(crate::run::root().join("public/icon.svg")).unwrap();
        let dist = tempfile::tempdir().unwrap();
        let written = write(dist.path(), &svg, THEME).unwrap();
        assert_eq!(written, ICONS.map(|icon| icon.path));
        for (path, size, corner) in [
            ("icons/icon-192.png", 192, CLEAR),
            ("icons/icon-512.png", 512, CLEAR),
            ("icons/icon-maskable-512.png", 512, BACK),
            ("icons/apple-touch-icon.png", 180, BACK),
        ] {
            let png = std::fs::read(dist.path().join(path)).unwrap();
            assert_eq!(png_size(&png), (size, size), "{path}");
            assert_eq!(pixel(&png, 0, 0), corner, "{path}: the corner");
            // The middle of the icon is the drawing's white house in every style.
            assert_eq!(
                pixel(&png, size / 2, size * 2 / 5),
                [255; 4],
                "{path}: the house"
            );
        }
    }

    #[test]
    fn opaque_icons_have_no_transparent_pixel() {
        let svg = std::fs::read(crate::run::root().join("public/icon.svg")).unwrap();
        for icon in ICONS.iter().filter(|icon| icon.style != Style::Plain) {
            let png = render(&svg, icon.size, icon.style, THEME).unwrap();
            let image = tiny_skia::Pixmap::decode_png(&png).unwrap();
            assert!(
                image.pixels().iter().all(|p| p.alpha() == 255),
                "{}",
                icon.path
            );
        }
    }

    #[test]
    fn a_broken_drawing_is_an_error() {
        for svg in [&b""[..], b"<svg", b"not svg at all"] {
            assert!(render(svg, 16, Style::Plain, THEME).is_err(), "{svg:?}");
        }
    }
}
