//! Who holds a workspace open for editing: user, computer and since when.
//!
//! The writer's lock is an advisory lock on the file itself, which says *that* a process holds
//! the file but not *who*. So the writer also writes a small record into the file, the
//! `holder` row of `workspace_meta`, right after taking the lock, and removes it on close.
//! A second process reads it through its read-only connection (the record travels with the
//! file, so a second computer on a shared folder sees it too) and nothing is created beside
//! the file. The lock stays the only judge: a record left behind by a crash is shown only
//! while someone actually holds the lock, and the next writer replaces it.

use chrono::{DateTime, Local, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::Result;

pub(crate) const KEY: &str = "holder";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Holder {
    pub user: String,
    pub machine: String,
    /// UTC, RFC 3339.
    pub since: String,
    pub pid: u32,
}

impl Holder {
    /// This process, now.
    pub fn this_process() -> Self {
        Holder {
            user: user_name(),
            machine: machine_name(),
            since: crate::clock::now_rfc3339(),
            pid: std::process::id(),
        }
    }

    /// "Open in Bridgeplan by alice on laptop-7 since 09:14 (2 Dec)." in this computer's time.
    pub fn sentence(&self) -> String {
        let since = DateTime::parse_from_rfc3339(&self.since)
            .map(|t| {
                t.with_timezone(&Utc)
                    .with_timezone(&Local)
                    .format("%H:%M (%-d %b)")
                    .to_string()
            })
            .unwrap_or_else(|_| self.since.clone());
        format!("Open in Bridgeplan by {} on {} since {since}.", self.user, self.machine)
    }
}

/// Writes this process's record (outside any edit: it is not the user's change, and undo
/// must not see it).
pub(crate) fn write(conn: &Connection) -> Result<()> {
    let json = serde_json::to_string(&Holder::this_process()).unwrap_or_default();
    conn.execute(
        "INSERT INTO workspace_meta(key, value) VALUES (?1, ?2) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (KEY, json),
    )?;
    Ok(())
}

pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM workspace_meta WHERE key = ?1", [KEY])?;
    Ok(())
}

/// The record in the file, if there is a readable one.
pub(crate) fn read(conn: &Connection) -> Option<Holder> {
    let json: Option<String> = conn
        .query_row("SELECT value FROM workspace_meta WHERE key = ?1", [KEY], |r| r.get(0))
        .optional()
        .ok()
        .flatten();
    json.and_then(|j| serde_json::from_str(&j).ok())
}

fn first_set(names: &[&str]) -> Option<String> {
    names
        .iter()
        .filter_map(|n| std::env::var(n).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

fn user_name() -> String {
    first_set(&["USER", "LOGNAME", "USERNAME"])
        .or_else(account_of_this_process)
        .unwrap_or_else(|| "someone".into())
}

/// The login name of this process's user id, from the system's account list (Linux), for
/// when the environment does not say (a desktop launcher, a service).
fn account_of_this_process() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_string();
    let accounts = std::fs::read_to_string("/etc/passwd").ok()?;
    accounts.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let _password = fields.next()?;
        (fields.next()? == uid && !name.is_empty()).then(|| name.to_string())
    })
}

fn machine_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty())
        .or_else(|| first_set(&["HOSTNAME", "COMPUTERNAME"]))
        .unwrap_or_else(|| "another computer".into())
}
