//! What every stage uses: messages and their catalogues, the library's error, key paths, the
//! fonts, Swedish numbers, dates and sentences, the municipalities, the safe markup, findings
//! and Swedish hyphenation.

pub mod diagnostics;
pub mod error;
pub mod fonts;
pub mod format;
pub mod hyphenation;
pub mod keypath;
pub mod markup;
pub mod messages;
pub mod municipalities;
pub mod phrases;
