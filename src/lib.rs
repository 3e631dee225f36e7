//! kompass: Kommunkompassen evaluation reports as PDF, from one TOML file.
//!
//! The code is a pipeline of stages that only look down: a module uses only the modules listed
//! before it in this table (`tests/it/stages.rs` reads the table and every `crate::` path of
//! `src/` and fails on any that looks up). One evaluation on its way through `kompass render`
//! walks down the stages once: its file is read within bounds, loaded into typed data with
//! spans, checked with its register and comparisons resolved once, turned into the span-free
//! report model, and then drawn, typeset and written.
//!
//! | stage | modules, lowest first |
//! |---|---|
//! | reference data | `messages`, `error`, `keypath`, `fonts`, `format`, `phrases`, `municipalities`, `model`, `markup`, `diagnostics`, `hints`, `hyphenation` |
//! | read and write: bounded files from outside, files put on disk whole | `read`, `disk` |
//! | load: typed data with spans | `structure`, `load`, `skeleton` |
//! | check: every check, the register and comparisons resolved once | `glyphs`, `scores`, `register`, `compare`, `check`, `validate` |
//! | model: the validated, span-free report | `report` |
//! | outputs | `charts`, `diff`, `embed`, `write`, `typeset`, `slides` |
//! | the pipeline every front end calls | `pipeline`, `synthetic`, `review`, `serve` |
//!
//! The commands (`src/cmd/`) sit on top and go through the [`pipeline`].

pub mod charts;
pub mod check;
pub mod compare;
pub mod diagnostics;
pub mod diff;
pub mod disk;
pub mod embed;
pub mod error;
pub mod fonts;
pub mod format;
pub mod glyphs;
pub mod hints;
pub mod hyphenation;
pub mod keypath;
pub mod load;
pub mod markup;
pub mod messages;
pub mod model;
pub mod municipalities;
pub mod phrases;
pub mod pipeline;
pub mod read;
pub mod register;
pub mod report;
pub mod review;
pub mod scores;
pub mod serve;
pub mod skeleton;
pub mod slides;
pub mod structure;
pub mod synthetic;
pub mod typeset;
pub mod validate;
pub mod write;

pub use error::{Error, Result};
pub use pipeline::{Document, Request, Stage};
pub use typst_pdf::PdfStandard;
