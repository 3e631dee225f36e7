//! The evaluation file: the data format (its serde types and its schema), the structural walk,
//! hints, loading TOML into typed data with spans, and the skeleton `kompass new` writes.

pub mod hints;
pub mod load;
pub mod model;
pub mod skeleton;
pub mod structure;
