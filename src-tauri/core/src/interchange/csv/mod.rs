//! CSV in and out. A spreadsheet of work items or risks is imported into an existing project
//! through a column mapping (the file's columns against Bridgeplan's fields), guessed from the
//! header names, edited by the user and remembered per header signature in `settings`; every
//! grid the app shows can be written out as CSV. See docs/csv-and-calendar.md.

mod export;
mod import;
mod mapping;
pub mod table;

pub use export::CsvGrid;
pub use import::{CsvImportPreview, CsvSheet};
pub use mapping::{fields, CsvField, CsvKind};
pub use table::{read, read_file, write, Record, Table};
