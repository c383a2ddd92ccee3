//! The workspace area: files and their refusals, ids two copies can share, and undo.

mod bad_files;
mod crash;
mod files;
mod ids;
mod undo_restores;

#[path = "../support/mod.rs"]
mod support;
