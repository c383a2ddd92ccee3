//! Microsoft Project XML (MSPDI): reading a project's tasks, outline, links, constraints,
//! calendars and baselines into a schedulable [`Plan`], and writing a project back out.
//!
//! Facts of the format used here: the root is `<Project xmlns="http://schemas.microsoft.com/project">`;
//! durations are ISO 8601 (`PT8H0M0S`); a link's `Type` is 0 FF, 1 FS, 2 SF, 3 SS and its
//! `LinkLag` is in tenths of a minute (tenths of a percent for the percentage formats 19/20);
//! `ConstraintType` is 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT; `DayType`
//! is 1 Sunday … 7 Saturday, 0 an exception; `TotalSlack` and `FreeSlack` are in tenths of a
//! minute. Task UID 0 is the project's own summary row.
//!
//! What the engine cannot hold (as late as possible, manual scheduling, elapsed lags, recurring
//! calendar exceptions, links to other projects) is listed in [`Plan::warnings`], never dropped
//! quietly.

mod import;
mod read;
mod write;

pub use import::ImportSummary;
pub use read::*;
pub use write::*;
