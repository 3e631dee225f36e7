//! Every check of a loaded evaluation: glyphs, scores (the only place that adds), the results
//! register, the comparisons, the evaluation checked as a whole, and the validation rules.

pub mod check;
pub mod compare;
pub mod glyphs;
pub mod register;
pub mod scores;
pub mod validate;
