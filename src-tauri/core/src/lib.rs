//! Bridgeplan's domain: workspace files, projects, boards and undo/redo.
//!
//! Nothing here knows about Tauri or the UI. The command layer calls into [`Workspace`]
//! and maps [`CoreError`] to the `{code, message}` the UI branches on.

pub mod baselines;
pub mod board;
pub mod calendars;
pub mod check;
pub mod clock;
pub mod demo;
pub mod error;
pub mod files;
pub mod flow;
pub mod history;
mod ids;
pub mod items;
pub mod mspdi;
pub mod people;
pub mod projects;
pub mod recent;
pub mod schedule;
pub mod skills;
pub mod sprints;
pub mod statuses;
pub mod timeline;
mod validate;
pub mod wbs;
pub mod workspace;

pub use error::{CoreError, ErrorCode, Result};
pub use workspace::{Workspace, WorkspaceInfo};

/// Row ids as stored in SQLite: random, below 2^53 so the UI gets them as exact numbers (see `ids`).
pub type Id = i64;
