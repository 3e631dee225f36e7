//! The answer to the municipality (bemötande).
