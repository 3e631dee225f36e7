//! The report on paper: the data inside the PDF, writing files whole, Typst as a library, and
//! the slides.

pub mod embed;
pub mod slides;
pub mod typeset;
pub mod write;
