//! Plans in and out of other tools' formats.

pub mod json;
pub mod mspdi;
pub mod preview;
