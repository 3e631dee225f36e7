//! Every check of a loaded evaluation: glyphs, scores (the only place that adds), the results
//! register, the comparisons, the evaluation prepared with its register and comparisons, and
//! the validation rules.

pub mod compare;
pub mod glyphs;
pub mod prepared;
pub mod register;
pub mod scores;
pub mod validate;
