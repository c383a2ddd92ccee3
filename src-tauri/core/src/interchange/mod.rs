//! Plans in and out of other tools' formats.

pub mod mspdi;
pub mod preview;
pub mod csv;
pub mod ical;
