//! Errors and warnings about the input, pointing into the TOML file they concern.
//!
//! Every stage collects its findings as [`Diagnostic`]s instead of stopping at the first, so an
//! evaluator sees all of them in one run. They are printed with `codespan-reporting`, which shows
//! `file:line:column`, the source line and a marker under the spot.

use std::io::IsTerminal;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use termcolor::{Buffer, ColorChoice, StandardStream, WriteColor};

use crate::base::keypath::KeyPath;
use crate::base::messages::{Lang, Message, msg};

/// Index of a file in a [`Sources`] set.
pub type FileId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    /// How something was read (a register in Swedish Excel's CSV): neither wrong nor a risk.
    Note,
}

/// Where a finding points: a key of the TOML file, or a row or cell of a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// A key path; the root for the file as a whole.
    Key(KeyPath),
    /// A row of a register table, or one cell of it.
    Cell(Box<Cell>),
}

/// A register's row or cell, as a spreadsheet names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The workbook's sheet; `None` for a CSV file.
    pub sheet: Option<String>,
    /// 1-based, the header is row 1.
    pub row: usize,
    /// The column's letters (`G`) and its name (`population`), when one cell is meant.
    pub column: Option<(String, String)>,
}

impl At {
    /// The whole file.
    pub fn file() -> Self {
        At::Key(KeyPath::root())
    }

    /// Whether the finding is about the file as a whole.
    pub fn is_file(&self) -> bool {
        matches!(self, At::Key(k) if k.is_empty())
    }

    /// The key path, when the finding points at a key.
    pub fn key(&self) -> Option<&KeyPath> {
        match self {
            At::Key(k) => Some(k),
            At::Cell(_) => None,
        }
    }

    /// The place in words: the key path as written, or the cell as `lang` names it.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            At::Key(k) => k.to_string(),
            At::Cell(c) => c.message().text_in(lang),
        }
    }
}

impl Cell {
    fn message(&self) -> Message {
        match (&self.sheet, &self.column) {
            (Some(s), Some((letters, name))) => msg!(
                "place-sheet-cell",
                sheet = s,
                cell = format!("{letters}{}", self.row),
                name = name
            ),
            (Some(s), None) => msg!("place-sheet-row", sheet = s, row = self.row),
            (None, Some((letters, name))) => {
                msg!("place-cell", row = self.row, column = letters, name = name)
            }
            (None, None) => msg!("place-row", row = self.row),
        }
    }
}

impl From<KeyPath> for At {
    fn from(path: KeyPath) -> Self {
        At::Key(path)
    }
}

impl From<&KeyPath> for At {
    fn from(path: &KeyPath) -> Self {
        At::Key(path.clone())
    }
}

impl From<Cell> for At {
    fn from(cell: Cell) -> Self {
        At::Cell(Box::new(cell))
    }
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: FileId,
    /// Byte range in the file, when the finding has a place.
    pub span: Option<Range<usize>>,
    /// What it points at: a key path such as `area[4].scores."4.2"`, or a register's cell.
    pub at: At,
    /// What was found: the kind of finding and its arguments; text only when printed.
    pub message: Message,
    pub help: Option<Box<Message>>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        file: FileId,
        span: Option<Range<usize>>,
        at: impl Into<At>,
        message: Message,
    ) -> Self {
        Self {
            severity,
            file,
            span,
            at: at.into(),
            message,
            help: None,
        }
    }

    pub fn error(
        file: FileId,
        span: Option<Range<usize>>,
        at: impl Into<At>,
        message: Message,
    ) -> Self {
        Self::new(Severity::Error, file, span, at, message)
    }

    pub fn warning(
        file: FileId,
        span: Option<Range<usize>>,
        at: impl Into<At>,
        message: Message,
    ) -> Self {
        Self::new(Severity::Warning, file, span, at, message)
    }

    pub fn note(
        file: FileId,
        span: Option<Range<usize>>,
        at: impl Into<At>,
        message: Message,
    ) -> Self {
        Self::new(Severity::Note, file, span, at, message)
    }

    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(Box::new(help));
        self
    }

    /// The key path, or the place in words, in `lang`.
    pub fn where_in(&self, lang: Lang) -> String {
        self.at.text_in(lang)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text files a run has read, so that diagnostics can quote them.
#[derive(Default)]
pub struct Sources {
    files: SimpleFiles<String, String>,
    texts: Vec<String>,
}

impl Sources {
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let text = text.into();
        self.texts.push(text.clone());
        self.files.add(name.into(), text)
    }

    pub fn text(&self, id: FileId) -> &str {
        &self.texts[id]
    }

    pub fn name(&self, id: FileId) -> String {
        self.files
            .get(id)
            .map(|f| f.name().clone())
            .unwrap_or_default()
    }

    /// 1-based line and column of a byte offset (column counted in characters).
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        let text = self.text(id);
        let offset = offset.min(text.len());
        let offset = (0..=offset)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// One diagnostic as plain text (no colour), in the language of this run:
    /// `file:line:col: error: message`, the key path, the quoted source line with a marker, and
    /// the help.
    pub fn to_plain(&self, d: &Diagnostic) -> String {
        self.to_plain_in(d, crate::base::messages::lang())
    }

    /// [`Sources::to_plain`] in a given language.
    pub fn to_plain_in(&self, d: &Diagnostic, lang: Lang) -> String {
        let mut buffer = Buffer::no_color();
        self.write(&mut buffer, d, lang);
        String::from_utf8_lossy(buffer.as_slice()).into_owned()
    }

    /// One line per diagnostic: `file:line:col: error: message [path]`.
    pub fn to_short(&self, d: &Diagnostic) -> String {
        let lang = crate::base::messages::lang();
        let place = match &d.span {
            Some(span) => {
                let (l, c) = self.line_col(d.file, span.start);
                format!("{}:{l}:{c}", self.name(d.file))
            }
            None => self.name(d.file),
        };
        let kind = severity_word(d.severity, lang);
        let message = d.message.text_in(lang);
        if d.at.is_file() {
            format!("{place}: {kind}: {message}")
        } else {
            format!("{place}: {kind}: {message} [{}]", d.where_in(lang))
        }
    }

    /// Print every diagnostic to standard error, in colour only on a terminal without `NO_COLOR`.
    pub fn emit(&self, diagnostics: &[Diagnostic]) {
        let colour = std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let stream = StandardStream::stderr(if colour {
            ColorChoice::Auto
        } else {
            ColorChoice::Never
        });
        let lang = crate::base::messages::lang();
        let mut out = stream.lock();
        for d in diagnostics {
            let mut buffer = if colour && out.supports_color() {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            };
            self.write(&mut buffer, d, lang);
            let _ = std::io::Write::write_all(&mut out, buffer.as_slice());
        }
    }

    /// Lay out one diagnostic with codespan-reporting, then name its severity in `lang`: the
    /// severity is the first word codespan writes (colour codes hold no letters of it).
    fn write(&self, buffer: &mut Buffer, d: &Diagnostic, lang: Lang) {
        let mut raw = if buffer.supports_color() {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        let _ = term::emit_to_write_style(&mut raw, &config(), &self.files, &self.convert(d, lang));
        let text = String::from_utf8_lossy(raw.as_slice());
        let english = severity_word(d.severity, Lang::En);
        let text = text.replacen(english, severity_word(d.severity, lang), 1);
        let _ = std::io::Write::write_all(buffer, text.as_bytes());
    }

    fn convert(&self, d: &Diagnostic, lang: Lang) -> CsDiagnostic<FileId> {
        let base = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Note => CsDiagnostic::note(),
        };
        let mut labels = Vec::new();
        if let Some(span) = &d.span {
            let len = self.text(d.file).len();
            let span = span.start.min(len)..span.end.min(len).max(span.start.min(len));
            let label = if d.at.is_file() {
                String::new()
            } else {
                msg!("diagnostic-at", path = d.where_in(lang)).text_in(lang)
            };
            labels.push(Label::primary(d.file, span).with_message(label));
        }
        let mut notes = Vec::new();
        if d.span.is_none() {
            let file = self.name(d.file);
            notes.push(if d.at.is_file() {
                msg!("diagnostic-in", file = file).text_in(lang)
            } else {
                msg!("diagnostic-in-at", file = file, path = d.where_in(lang)).text_in(lang)
            });
        }
        if let Some(help) = &d.help {
            let help = msg!("diagnostic-help", help = (**help).clone());
            notes.push(help.text_in(lang));
        }
        base.with_message(d.message.text_in(lang))
            .with_labels(labels)
            .with_notes(notes)
    }
}

/// "error", "warning", "note" in `lang`.
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Note, Lang::En) => "note",
        (Severity::Error, Lang::Sv) => "fel",
        (Severity::Warning, Lang::Sv) => "varning",
        (Severity::Note, Lang::Sv) => "anmärkning",
    }
}

fn config() -> Config {
    Config::default()
}

/// Count errors and warnings.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    (count(Severity::Error), count(Severity::Warning))
}
