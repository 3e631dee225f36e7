//! The review file beside the evaluation: each comment's state.
