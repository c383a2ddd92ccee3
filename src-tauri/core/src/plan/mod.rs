//! The plan: the WBS outline, the scheduling engine, working calendars, baselines and the
//! timeline that puts them together.

pub mod baselines;
pub mod calendars;
pub mod editing;
pub mod outline;
pub(crate) mod outline_cache;
pub mod schedule;
pub mod schedule_changes;
pub mod tasks;
pub mod timeline;
