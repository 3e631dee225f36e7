//! The library's error: which kind of failure, so that a caller (a command, a batch, the
//! `kompass serve`) can tell data kompass cannot use from an I/O problem, a Typst failure, a
//! refused output or an option kompass does not take. Each kind carries what its message
//! needs; a command decides how to print it and with which exit code.

use std::fmt;

use crate::messages::Message;

#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Data kompass cannot use as it is (a TOML text it cannot rewrite, a register it cannot
    /// write).
    Invalid(Message),
    /// A file could not be read (the message names it and says why).
    Read(Message),
    /// Reading or writing a file failed: what was being done, and why.
    Io {
        what: Message,
        source: std::io::Error,
    },
    /// Typst could not typeset the report (its diagnostics, as text).
    Typeset(String),
    /// A chart could not be drawn.
    Chart(String),
    /// An output kompass will not write (before any work is done).
    Refused(Message),
    /// An option kompass does not take (a PDF standard).
    Usage(Message),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { what, source } => {
                write!(f, "{what}: {}", crate::messages::io_reason(source))
            }
            Error::Invalid(m) | Error::Read(m) | Error::Refused(m) | Error::Usage(m) => {
                write!(f, "{m}")
            }
            Error::Typeset(m) | Error::Chart(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The library's result.
pub type Result<T> = std::result::Result<T, Error>;
