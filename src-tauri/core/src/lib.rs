//! Bridgeplan's domain: workspace files, projects, boards and undo/redo.
//!
//! Nothing here knows about Tauri or the UI. The command layer calls into [`Workspace`]
//! and maps [`CoreError`] to the `{code, message}` the UI branches on.

pub mod agile;
pub mod backups;
pub mod budget;
pub mod clock;
pub mod demo;
pub mod error;
pub mod health;
pub mod interchange;
pub mod lessons;
pub mod lifecycle;
pub mod meetings;
pub mod myday;
pub mod operations;
pub mod people;
pub mod plan;
pub mod raid;
pub mod resources;
pub mod scope;
pub mod search;
pub mod skills;
pub mod stakeholders;
pub mod stamp;
pub mod time;
mod validate;
pub mod work;
pub mod workspace;

pub use error::{CoreError, ErrorCode, Result};
pub use workspace::{Workspace, WorkspaceInfo};

/// Row ids as stored in SQLite: random, below 2^53 so the UI gets them as exact numbers (see `ids`).
pub type Id = i64;
