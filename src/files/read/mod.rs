//! Reading files kompass did not write itself, with bounds.
//!
//! Every file from outside is hostile: a PDF someone sends back, a workbook a colleague mails,
//! an evaluation from another machine. What is read here is bounded before it is trusted:
//! - what is read at all: only regular files ([`open_regular`]: never a FIFO, a device or a
//!   socket, where a read could wait forever);
//! - the bytes read from disk ([`bytes`]: never more than the limit plus one byte, so neither a
//!   huge file nor one that keeps growing is read to the end);
//! - what a compressed stream inflates to, counted while inflating ([`inflate`]);
//! - nesting, object and cell counts ([`pdf`], [`workbook`]);
//! - names taken from inside a file, before they become a file name ([`safe_file_name`]).
//!
//! Nothing here follows a link, opens a second file or touches the network.

pub mod pdf;
pub mod workbook;

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::base::messages::{Message, msg};

/// The largest evaluation (TOML) read: a real one is around 60 kB.
pub const MAX_EVALUATION_BYTES: u64 = 8 * 1024 * 1024;
/// The largest PDF read by `extract`, `verify` and `export`: a kompass report is about 1 MB.
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;
/// The largest results register read (CSV or workbook file).
pub const MAX_REGISTER_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file from outside was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(std::io::Error),
    /// A folder where a file was expected.
    Folder,
    /// The file (or the source) goes on past the limit; its size when it was known before
    /// reading (not when it grew while being read).
    TooLarge { limit: u64, size: Option<u64> },
    /// Not a regular file: a FIFO, a device, a socket (`/dev/stdin`, `/dev/zero`). Reading one
    /// could wait forever or never end, so it is not read at all.
    NotRegular,
}

impl ReadError {
    /// What went wrong, as data.
    pub fn message(&self) -> Message {
        match self {
            ReadError::Io(e) => crate::base::messages::io_reason(e),
            ReadError::Folder => msg!("reason-folder"),
            ReadError::TooLarge { limit, .. } => msg!("reason-too-large", size = size(*limit)),
            ReadError::NotRegular => msg!("reason-not-regular"),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for ReadError {}

/// A size in the units people use: "8 MiB", "512 kiB", "300 bytes".
pub fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} kiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// Open a file to read it, only if it is a regular file: a folder, a FIFO, a device or a
/// socket is refused ([`ReadError::Folder`], [`ReadError::NotRegular`]). On Unix the file is
/// opened with `O_NONBLOCK` (so that opening a FIFO never waits for a writer, and a device is
/// not set up for reading) and its type checked on the opened handle (`fstat`), so a file
/// swapped for another between the check and the read is not read either. Symlinks are
/// followed to the file they name, which must be regular too.
pub fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), ReadError> {
    // A socket cannot be opened at all (ENXIO): say what it is instead.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(if meta.is_dir() {
            ReadError::Folder
        } else {
            ReadError::NotRegular
        });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok((file, meta))
}

/// The bytes of a regular file ([`open_regular`]), at most `limit` of them: a larger file, or
/// one that grows past the limit while it is read, is refused after reading one byte more than
/// the limit.
pub fn bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            limit,
            size: Some(meta.len()),
        });
    }
    let mut out = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut out)
        .map_err(ReadError::Io)?;
    if out.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, size: None });
    }
    Ok(out)
}

/// What a file is, by its first bytes rather than its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// A zip archive: an Excel workbook (.xlsx), an OpenDocument file (.ods), a zip.
    Zip,
    /// A PDF.
    Pdf,
    /// UTF-16 text (with its byte order mark), as Windows' Notepad once saved "Unicode".
    Utf16,
    /// Not text at all (it holds NUL bytes).
    Binary,
    /// Text, as far as the first bytes tell.
    Text,
}

/// What a file is, by its content.
pub fn content(bytes: &[u8]) -> Content {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Content::Zip
    } else if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        Content::Pdf
    } else if utf16(bytes) {
        Content::Utf16
    } else if bytes[..bytes.len().min(8192)].contains(&0) {
        Content::Binary
    } else {
        Content::Text
    }
}

/// UTF-16 with its byte order mark: most characters of such a text are ASCII, so most of their
/// high bytes are zero.
fn utf16(bytes: &[u8]) -> bool {
    let high = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => 1,
        Some([0xFE, 0xFF]) => 0,
        _ => return false,
    };
    let units: Vec<&[u8]> = bytes[2..].chunks_exact(2).take(200).collect();
    let zero = units.iter().filter(|u| u[high] == 0).count();
    !units.is_empty() && zero * 2 >= units.len()
}

/// Inflate a zlib stream (PDF's FlateDecode), stopping as soon as the output would pass
/// `limit`: `None` when it does, so a stream that inflates to gigabytes costs `limit` bytes.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, Inflate> {
    let mut out = Vec::new();
    let decoder = flate2::read::ZlibDecoder::new(data);
    match decoder.take(limit as u64 + 1).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(Inflate::TooLarge),
        Ok(_) => Ok(out),
        Err(_) => Err(Inflate::Damaged),
    }
}

/// Why [`inflate`] gave nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inflate {
    /// It inflates past the limit.
    TooLarge,
    /// It is not a complete zlib stream.
    Damaged,
}

/// Whether a name taken from inside a file (an attachment's name in a PDF) may be used as a
/// file name as it is: a plain name in the current folder, the same on Linux, macOS and
/// Windows. Refused: an empty or overlong name; a path (`/`, `\`), `..`, a drive (`C:`) or any
/// other character Windows does not allow in a name (`<>:"|?*`); a leading dot (hidden files,
/// `.bashrc`); control characters (also Unicode's, e.g. right-to-left overrides); a trailing
/// dot or space; and Windows' reserved device names (`CON`, `nul.toml`, `COM1`, …).
pub fn safe_file_name(name: &str) -> bool {
    const RESERVED: &[&str] = &["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];
    if name.is_empty() || name.len() > 200 || name.starts_with('.') || name.contains("..") {
        return false;
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return false;
    }
    let forbidden = |c: char| {
        c.is_control()
            || matches!(c, '/' | '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    if name.chars().any(forbidden) {
        return false;
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    let device = |prefix: &str| {
        stem.strip_prefix(prefix).is_some_and(|n| {
            matches!(
                n,
                "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
            )
        })
    };
    !(RESERVED.contains(&stem.as_str()) || device("COM") || device("LPT"))
}

/// An ASCII form of a file name, for the places that take only bytes (a PDF's `/F`):
/// `strängnäs-2026-11-20.toml` → `strangnas-2026-11-20.toml`. Letters with diacritics lose
/// them; anything else outside ASCII letters, digits, `-`, `_` and `.` becomes `-`.
pub fn ascii_file_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' => c,
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' | 'ā' => 'a',
            'Å' | 'Ä' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ā' => 'A',
            'ö' | 'ø' | 'ò' | 'ó' | 'ô' | 'õ' | 'ō' => 'o',
            'Ö' | 'Ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ō' => 'O',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ē' => 'E',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'Ü' | 'Ú' | 'Ù' | 'Û' => 'U',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
            'ç' => 'c',
            'Ç' => 'C',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ß' => 's',
            'æ' => 'a',
            'Æ' => 'A',
            _ => '-',
        })
        .collect()
}

/// The evaluation files of a folder: every regular `.toml` file in it (not below), in name
/// order. A symlink is never listed, so a link to a file outside the folder is not opened.
pub fn evaluations_in(folder: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(folder)? {
        let e = e?;
        let path = e.path();
        if e.file_type()?.is_file() && path.extension().is_some_and(|x| x == "toml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Where `needle` (not empty) first occurs in `hay`: the one byte search of kompass (PDFs,
/// HTTP heads), fast on the first byte.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let rel = hay[i..hay.len() - needle.len() + 1]
            .iter()
            .position(|b| *b == first)?;
        i += rel;
        if &hay[i..i + needle.len()] == needle {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_safe_and_paths_are_not() {
        for ok in [
            "leksand-2023-11-23.toml",
            "strängnäs-2026-11-20.toml",
            "tidigare-öckerö-2024-01-01.toml",
            "console.toml",
            "com10.toml",
        ] {
            assert!(safe_file_name(ok), "{ok}");
        }
        for bad in [
            "",
            "../x.toml",
            "..",
            "a/b.toml",
            "a\\b.toml",
            "/etc/cron.d/x",
            "C:x.toml",
            "C:\\x.toml",
            ".bashrc",
            ".x.toml",
            "x.toml.",
            "x.toml ",
            "a\nb.toml",
            "a\u{202E}lmot.exe",
            "CON",
            "con.toml",
            "Nul.toml",
            "COM1.toml",
            "lpt9",
            "COM¹.toml",
            "a|b.toml",
            "a*.toml",
            &"x".repeat(300),
        ] {
            assert!(!safe_file_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn ascii_names_keep_the_letters() {
        assert_eq!(
            ascii_file_name("strängnäs-2026-11-20.toml"),
            "strangnas-2026-11-20.toml"
        );
        assert_eq!(ascii_file_name("Öckerö Håbo"), "Ockero-Habo");
        assert!(ascii_file_name("東京.toml").is_ascii());
    }

    #[test]
    fn inflation_stops_at_the_limit() {
        use std::io::Write;
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&vec![0u8; 10 << 20]).unwrap();
        let bomb = e.finish().unwrap();
        assert!(bomb.len() < 20_000);
        assert_eq!(inflate(&bomb, 1 << 20), Err(Inflate::TooLarge));
        assert_eq!(inflate(&bomb, 10 << 20).map(|v| v.len()), Ok(10 << 20));
        assert_eq!(inflate(b"not zlib", 100), Err(Inflate::Damaged));
    }

    #[test]
    fn files_are_known_by_their_content() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("framework = 1\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(content(&utf16), Content::Utf16);
        assert_eq!(content(b"\xff\xfe\x00framework = 1\n"), Content::Binary);
        assert_eq!(content(b"PK\x03\x04rest"), Content::Zip);
        assert_eq!(content(b"%PDF-1.7\n"), Content::Pdf);
        assert_eq!(content("framework = \"å\"\n".as_bytes()), Content::Text);
        assert_eq!(
            content(b"caf\xe9"),
            Content::Text,
            "Latin-1 is text, in the wrong encoding"
        );
    }

    #[test]
    fn reads_stop_one_byte_past_the_limit() {
        let dir = std::env::temp_dir().join(format!("kompass-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let big = dir.join("big");
        std::fs::write(&big, vec![b'x'; 1001]).unwrap();
        let e = bytes(&big, 1000).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 1000, .. }), "{e}");
        assert_eq!(bytes(&big, 1001).unwrap().len(), 1001);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(matches!(bytes(Path::new("/"), 10), Err(ReadError::Folder)));
        assert_eq!(size(8 << 20), "8 MiB");
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        // An endless device is refused before a byte is read.
        let e = bytes(Path::new("/dev/zero"), 1000).unwrap_err();
        assert!(matches!(e, ReadError::NotRegular), "{e}");
        assert!(matches!(
            bytes(Path::new("/dev/null"), 10),
            Err(ReadError::NotRegular)
        ));
    }
}
