//! Plans in and out of other tools' formats.

pub mod board;
pub mod csv;
pub mod files;
pub mod ical;
pub mod jira;
pub mod json;
pub mod mspdi;
pub mod preview;
pub mod trello;
