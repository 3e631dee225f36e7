//! The report on paper: the data inside the PDF, writing files whole, the PDF standards, the
//! report's files for Typst, the Typst world and its compile, the project for plain Typst, and
//! the slides.

pub mod embed;
pub mod project;
pub mod slides;
pub mod standards;
pub mod typeset;
pub mod world;
pub mod write;
