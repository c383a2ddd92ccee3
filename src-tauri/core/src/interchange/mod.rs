//! Plans in and out of other tools' formats.

pub mod csv;
pub mod ical;
pub mod json;
pub mod mspdi;
pub mod preview;
