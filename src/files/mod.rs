//! Files from outside, read within bounds, and files put on disk whole (never through a
//! planted link, keeping a file's mode).

pub mod disk;
pub mod read;
