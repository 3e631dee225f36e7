//! PDFs from outside, read with bounds: the files attached to them ([`attachments`]) and their
//! comments ([`annotations`]).
//!
//! Both read the PDF through one reader of its objects (`objects.rs`), which trusts nothing of
//! the PDF's structure:
//! - It scans the file for its objects (`12 0 obj … endobj`, also inside object streams), as a
//!   PDF reader does to repair a file, and never reads the cross-reference table or stream, so a
//!   broken or hostile index costs nothing. The last definition of an object number wins, as an
//!   incremental update means.
//! - It follows no reference itself. The attachments follow exactly one kind of link: from a
//!   file specification (`/EF /F 12 0 R`) to the stream that holds the file; the comments follow
//!   the page tree (each node once) and each page's `/Annots`. So an object cycle is harmless.
//! - Every compressed stream it reads (an object stream, an attached file, a page's contents) is
//!   inflated with a limit checked while inflating; the whole file has a limit on what all its
//!   streams may inflate to, on its objects and on their nesting and size ([`PdfLimits`]).

use std::fmt;

pub mod annotations;
mod attachments;
mod objects;
#[cfg(test)]
mod sample;
mod syntax;

pub use attachments::{Attachment, attachments};
pub use syntax::text_string;

/// The bounds of one PDF read.
#[derive(Debug, Clone, Copy)]
pub struct PdfLimits {
    /// What one attached file may inflate to.
    pub attachment: usize,
    /// What one object stream may inflate to.
    pub object_stream: usize,
    /// What all streams together may inflate to.
    pub total: usize,
    /// Objects in the file (object streams included).
    pub objects: usize,
    /// Arrays and dictionaries inside each other.
    pub depth: usize,
    /// Values in one object (all its arrays and dictionaries together).
    pub values: usize,
    /// Values read in the whole file, every object and every reading of it together: an
    /// object named a thousand times (by file specifications, pages, annotations or entries of
    /// an object stream) is read a thousand times.
    pub parsed: usize,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            attachment: super::MAX_EVALUATION_BYTES as usize,
            object_stream: 16 << 20,
            total: 64 << 20,
            objects: 500_000,
            depth: 64,
            values: 200_000,
            parsed: 20_000_000,
        }
    }
}

/// Why a PDF could not be read: not a PDF, over one of the bounds of [`PdfLimits`], or (for
/// its attachments) an attached file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// It does not begin like a PDF.
    NotPdf,
    /// An attached file inflates past its limit.
    AttachmentTooLarge { name: String, limit: usize },
    /// All streams together inflate past the limit.
    InflatesTooMuch { limit: usize },
    /// More objects than the limit.
    TooManyObjects { limit: usize },
    /// More values to read than the limit, all objects and readings together.
    TooMuchToRead { limit: usize },
    /// An attached file that cannot be read: damaged, or in a form kompass does not read.
    Attachment { name: String, why: String },
}

impl PdfError {
    /// What went wrong, as data.
    pub fn message(&self) -> crate::base::messages::Message {
        use crate::base::messages::msg;
        let size = |n: usize| super::size(n as u64);
        match self {
            PdfError::NotPdf => msg!("pdf-not-pdf"),
            PdfError::AttachmentTooLarge { name, limit } => {
                msg!("pdf-attachment-too-large", name = name, size = size(*limit))
            }
            PdfError::InflatesTooMuch { limit } => msg!("pdf-inflates", size = size(*limit)),
            PdfError::TooManyObjects { limit } => msg!("pdf-objects", limit = *limit),
            PdfError::TooMuchToRead { limit } => msg!("pdf-values", limit = *limit),
            PdfError::Attachment { name, why } => {
                msg!("pdf-attachment-unreadable", name = name, why = why)
            }
        }
    }
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for PdfError {}
