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

use crate::base::messages::{Lang, Message};

/// Index of a file in a [`Sources`] set.
pub type FileId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    /// How something was read (a register in Swedish Excel's CSV): neither wrong nor a risk.
    Note,
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: FileId,
    /// Byte range in the file, when the finding has a place.
    pub span: Option<Range<usize>>,
    /// Key path in the TOML, e.g. `area[4].scores."4.2"`.
    pub path: String,
    /// What was found: the kind of finding and its arguments; text only when printed.
    pub message: Message,
    pub help: Option<Box<Message>>,
    /// The place in words, for a place that is not a key path (a register's cell: "row 3,
    /// column B (code)"); `path` then holds the same in English.
    pub place: Option<Box<Message>>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        file: FileId,
        span: Option<Range<usize>>,
        path: impl Into<String>,
        message: Message,
    ) -> Self {
        Self {
            severity,
            file,
            span,
            path: path.into(),
            message,
            help: None,
            place: None,
        }
    }

    pub fn error(
        file: FileId,
        span: Option<Range<usize>>,
        path: impl Into<String>,
        message: Message,
    ) -> Self {
        Self::new(Severity::Error, file, span, path, message)
    }

    pub fn warning(
        file: FileId,
        span: Option<Range<usize>>,
        path: impl Into<String>,
        message: Message,
    ) -> Self {
        Self::new(Severity::Warning, file, span, path, message)
    }

    pub fn note(
        file: FileId,
        span: Option<Range<usize>>,
        path: impl Into<String>,
        message: Message,
    ) -> Self {
        Self::new(Severity::Note, file, span, path, message)
    }

    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(Box::new(help));
        self
    }

    pub fn with_place(mut self, place: Message) -> Self {
        self.place = Some(Box::new(place));
        self
    }

    /// The key path, or the place in words, in `lang`.
    pub fn where_in(&self, lang: Lang) -> String {
        match &self.place {
            Some(place) => place.text_in(lang),
            None => self.path.clone(),
        }
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
        if d.path.is_empty() {
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
            let label = if d.path.is_empty() {
                String::new()
            } else {
                crate::base::messages::msg!("diagnostic-at", path = d.where_in(lang)).text_in(lang)
            };
            labels.push(Label::primary(d.file, span).with_message(label));
        }
        let mut notes = Vec::new();
        if d.span.is_none() {
            let file = self.name(d.file);
            notes.push(if d.path.is_empty() {
                crate::base::messages::msg!("diagnostic-in", file = file).text_in(lang)
            } else {
                crate::base::messages::msg!(
                    "diagnostic-in-at",
                    file = file,
                    path = d.where_in(lang)
                )
                .text_in(lang)
            });
        }
        if let Some(help) = &d.help {
            let help = crate::base::messages::msg!("diagnostic-help", help = (**help).clone());
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
