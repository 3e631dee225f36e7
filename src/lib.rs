//! kompass: Kommunkompassen evaluation reports as PDF, from one TOML file.
//!
//! The code is a pipeline of stages that only look down: a module uses only the modules listed
//! before it in this table (`tests/it/stages.rs` reads the table and every `crate::` path of
//! `src/` and fails on any that looks up). One evaluation on its way through `kompass render`
//! walks down the stages once: its file is read within bounds, loaded into typed data with
//! spans, checked with its register and comparisons resolved once, turned into the span-free
//! report model, and then drawn, typeset and written.
//!
//! | stage | modules, lowest first | what it does |
//! |---|---|---|
//! | `base/` | `base::messages`, `base::error`, `base::keypath`, `base::fonts`, `base::format`, `base::phrases`, `base::municipalities`, `base::markup`, `base::diagnostics`, `base::hyphenation` | what every stage uses: messages as data with their catalogues, the typed error, key paths, fonts, Swedish numbers, dates and sentences, the municipalities, the safe markup, findings, hyphenation |
//! | `files/` | `files::read`, `files::disk` | files from outside read within bounds; files put on disk whole |
//! | `input/` | `input::model`, `input::hints`, `input::structure`, `input::load`, `input::skeleton` | the data format (serde types and schema), the structural walk, hints, TOML into typed data with spans, the skeleton |
//! | `checks/` | `checks::glyphs`, `checks::scores`, `checks::register`, `checks::compare`, `checks::prepared`, `checks::validate` | every check, all findings at once; the register read and the comparisons resolved once; scores added only in `scores` |
//! | `report/` | `report`, `report::charts`, `report::diff` | the validated, span-free report model; its charts with alt text; what changed between two models |
//! | `pdf/` | `pdf::embed`, `pdf::write`, `pdf::standards`, `pdf::typeset`, `pdf::world`, `pdf::project`, `pdf::slides` | the data inside the PDF, where and how files are written, the PDF standards, the report's files for Typst, the Typst world and compile, the project for plain Typst, the deck |
//! | pipeline and front ends | `pipeline`, `synthetic`, `review`, `serve` | the one pipeline every front end calls; synthetic evaluations; the fact-check's comments; the editor |
//!
//! The commands (`src/cmd/`) sit on top and go through the [`pipeline`].

pub mod base;
pub mod checks;
pub mod files;
pub mod input;
pub mod pdf;
pub mod pipeline;
pub mod report;
pub mod review;
pub mod serve;
pub mod synthetic;

pub use base::error::{Error, Result};
pub use pipeline::{Document, Request, Stage};
pub use typst_pdf::PdfStandard;
