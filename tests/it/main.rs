//! The integration tests, in one crate so that kompass and Typst are linked once: a module
//! per command or front end, and `support/` with what they share (running the real binary,
//! reading PDFs, hostile files, `kompass serve` as a process).

mod support;

mod accessibility;
mod broken;
mod browser;
mod comments;
mod corrections;
mod covers;
mod editor_scripts;
mod files;
mod fuzz;
mod fuzz_files;
mod handbook;
mod messages;
mod outside;
mod pdf_tools;
mod register;
mod render;
mod serve;
mod slides;
mod stages;
mod validation;
