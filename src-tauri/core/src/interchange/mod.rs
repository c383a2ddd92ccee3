//! Plans in and out of other tools' formats.

pub mod board;
pub mod files;
pub mod jira;
pub mod mspdi;
pub mod preview;
pub mod trello;
