//! The fonts of the report, embedded into the binary. Typst typesets with these bytes and
//! plotters measures chart text with the same bytes, so layout never depends on the machine.

/// Family name used by templates and charts.
pub const FAMILY: &str = "Inter";

pub const REGULAR: &[u8] = include_bytes!("../../fonts/Inter-Regular.otf");
pub const ITALIC: &[u8] = include_bytes!("../../fonts/Inter-Italic.otf");
pub const SEMIBOLD: &[u8] = include_bytes!("../../fonts/Inter-SemiBold.otf");
pub const SEMIBOLD_ITALIC: &[u8] = include_bytes!("../../fonts/Inter-SemiBoldItalic.otf");
pub const BOLD: &[u8] = include_bytes!("../../fonts/Inter-Bold.otf");
pub const BOLD_ITALIC: &[u8] = include_bytes!("../../fonts/Inter-BoldItalic.otf");

/// Every embedded font file.
pub const ALL: &[&[u8]] = &[
    REGULAR,
    ITALIC,
    SEMIBOLD,
    SEMIBOLD_ITALIC,
    BOLD,
    BOLD_ITALIC,
];

/// The embedded fonts parsed for Typst, once per process: typesetting and `check`'s glyph
/// coverage share them. The bytes are borrowed from the binary, not copied.
pub fn faces() -> &'static [typst::text::Font] {
    static FACES: std::sync::OnceLock<Vec<typst::text::Font>> = std::sync::OnceLock::new();
    FACES.get_or_init(|| {
        ALL.iter()
            .flat_map(|data| typst::text::Font::iter(typst::foundations::Bytes::new(*data)))
            .collect()
    })
}
