//! `bridgeplan check`: a full health check of a workspace file that never modifies it, and
//! never creates anything beside it (see `inspect` for how it reads without writing).

use std::path::Path;

use crate::workspace::{current_schema_version, display_name, inspect, inspect_header};
use crate::{CoreError, Result};

/// What a healthy workspace holds.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub schema_version: u32,
    pub projects: i64,
    pub work_items: i64,
    pub people: i64,
}

/// Checks that `path` is a Bridgeplan workspace in good health: the right header, a schema
/// this build understands, SQLite's integrity check and every foreign key intact.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    inspect_header(path)?;
    let damaged = |detail: String| {
        CoreError::Damaged(format!(
            "{} is damaged: {detail}. Open a backup or an earlier copy.",
            display_name(path)
        ))
    };
    let inspection = inspect::open(path, |e| damaged(e.to_string()))?;
    let conn = &inspection.conn;
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if version > current_schema_version() {
        return Err(CoreError::NewerVersion(format!(
            "{} was made by a newer Bridgeplan (schema {version}; this one understands up to {}). \
             Check it with that version.",
            display_name(path),
            current_schema_version()
        )));
    }
    let mut problems = Vec::new();
    {
        let mut stmt = conn
            .prepare("PRAGMA integrity_check(20)")
            .map_err(|e| damaged(e.to_string()))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| damaged(e.to_string()))?;
        for row in rows {
            let row = row.map_err(|e| damaged(e.to_string()))?;
            if row != "ok" {
                problems.push(row);
            }
        }
    }
    if !problems.is_empty() {
        return Err(damaged(problems.join("; ")));
    }
    let broken_keys: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if broken_keys > 0 {
        return Err(damaged(format!("{broken_keys} broken reference(s) between records")));
    }
    let count = |table: &str| -> Result<i64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|e| damaged(format!("table {table} is missing or unreadable ({e})")))
    };
    Ok(CheckReport {
        schema_version: version,
        projects: count("projects")?,
        work_items: count("work_items")?,
        people: count("people")?,
    })
}
