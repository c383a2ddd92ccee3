//! Automatic rotating backups of a workspace file, their listing, and restoring one as a copy.
//!
//! A backup is a complete, self-contained workspace file made with SQLite's online backup API
//! from a connection of its own, so it can run on any thread while the app keeps editing: the
//! copy reads one consistent moment (a read transaction held for the whole copy, which in the
//! write-ahead-log mode never blocks a writer) and copies it a few pages at a time. It is written
//! under a temporary name in the backups folder, flushed to disk and renamed, so a backup file is
//! never half-written. See docs/backups.md.

pub mod rotation;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::{display_name, ids, inspect_header};
use crate::{clock, CoreError, Result, Workspace};

/// The extension of backup files. Not `.bridgeplan`, so a double click never opens (and edits)
/// a backup itself: a backup is restored as a copy.
pub const BACKUP_EXTENSION: &str = "bridgeplan-backup";
/// Appended to the workspace's file name to name its backups folder.
pub const FOLDER_SUFFIX: &str = ".backups";
/// The interval between automatic backups while editing, when none is set.
pub const DEFAULT_INTERVAL_MINUTES: u32 = 10;
const INTERVAL_KEY: &str = "backups.interval_minutes";
/// Pages copied per step (4 KiB each, so 1 MiB), with a short pause between steps.
const PAGES_PER_STEP: i32 = 256;
const INSTANT_FORMAT: &str = "%Y-%m-%dT%H%M%SZ";

/// What a backup holds, read from the backup file itself.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BackupSummary {
    pub workspace_name: String,
    #[ts(type = "number")]
    pub projects: i64,
    #[ts(type = "number")]
    pub work_items: i64,
    /// The latest change to a project or work item in it (UTC, RFC 3339).
    pub last_edit: Option<String>,
}

/// One backup file in a backups folder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    /// When it was made (UTC, RFC 3339), from its file name.
    pub taken_at: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// `None` when the file cannot be read as a workspace.
    pub summary: Option<BackupSummary>,
    /// Why the file cannot be restored, when it cannot.
    pub damaged: Option<String>,
}

/// The backup settings of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupSettings {
    /// While editing, at most one automatic backup per this many minutes (1–1440).
    pub interval_minutes: u32,
    /// Where this workspace's backups go.
    pub folder: String,
}

/// The folder the backups of the workspace at `workspace` go to: beside it, named after it
/// (`Plans/Acme.bridgeplan` → `Plans/Acme.bridgeplan.backups/`).
pub fn folder_for(workspace: &Path) -> PathBuf {
    let mut name = workspace.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(FOLDER_SUFFIX);
    workspace.with_file_name(name)
}

/// The file name of a backup of `workspace` made at `at`: `Acme-2026-12-02T101530Z.bridgeplan-backup`.
pub fn file_name_for(workspace: &Path, at: DateTime<Utc>) -> String {
    let stem = workspace
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "workspace".into());
    format!("{stem}-{}.{BACKUP_EXTENSION}", at.format(INSTANT_FORMAT))
}

/// The instant a backup file's name carries, if it is one of ours.
pub fn instant_of(file_name: &str) -> Option<DateTime<Utc>> {
    let base = file_name.strip_suffix(&format!(".{BACKUP_EXTENSION}"))?;
    let start = base.len().checked_sub(18)?;
    let text = base.get(start..)?;
    NaiveDateTime::parse_from_str(text, INSTANT_FORMAT)
        .ok()
        .map(|t| t.and_utc())
}

/// Makes a backup of the workspace file at `source` in `backups_dir` (created if missing), then
/// deletes the backups the rotation rule no longer keeps. Usable from any thread: it opens its
/// own connection and never takes the writer's lock, so edits go on while it copies.
pub fn backup_now(source: &Path, backups_dir: &Path) -> Result<BackupInfo> {
    inspect_header(source)?;
    std::fs::create_dir_all(backups_dir).map_err(|e| {
        CoreError::io(
            format!("Could not create the backups folder {}", backups_dir.display()),
            e,
        )
    })?;
    let at = clock::now();
    let dest = backups_dir.join(file_name_for(source, at));
    let (src, _shared_lock) = open_source(source)?;
    // One read transaction for the whole copy: it sees one moment of the file, and since the
    // workspace is in WAL mode a writer elsewhere carries on meanwhile.
    src.execute_batch("BEGIN DEFERRED")?;
    src.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))
        .map_err(|e| CoreError::Io(format!("Could not read {}: {e}", display_name(source))))?;
    // Two backups in the same second: the later one replaces the earlier.
    let result = copy_whole(&src, &dest, true, |_| Ok(()));
    let _ = src.execute_batch("COMMIT");
    drop(src);
    result?;
    rotate(backups_dir, at)?;
    Ok(describe(&dest))
}

/// Deletes the backups in `backups_dir` the rotation rule does not keep at `now`; returns how
/// many. Only files named like our backups are considered.
pub fn rotate(backups_dir: &Path, now: DateTime<Utc>) -> Result<usize> {
    let mut files = Vec::new();
    for (path, name) in backup_files(backups_dir)? {
        if let Some(t) = instant_of(&name) {
            files.push((path, t));
        }
    }
    let times: Vec<_> = files.iter().map(|(_, t)| *t).collect();
    let mut removed = 0;
    for i in rotation::prune(&times, now) {
        if std::fs::remove_file(&files[i].0).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Every backup in `backups_dir`, newest first, each with its size and what it holds. A damaged
/// file is listed with the reason, not an error; a missing folder lists nothing.
pub fn list(backups_dir: &Path) -> Result<Vec<BackupInfo>> {
    let mut list: Vec<BackupInfo> = backup_files(backups_dir)?
        .into_iter()
        .map(|(path, _)| describe(&path))
        .collect();
    list.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.file_name.cmp(&a.file_name)));
    Ok(list)
}

/// Restores the backup at `backup` as a new workspace at `dest`, never replacing a file: an
/// existing `dest` is refused. The copy gets a site id of its own, like "Save a copy as".
pub fn restore(backup: &Path, dest: &Path) -> Result<()> {
    if dest.exists() {
        return Err(CoreError::Duplicate(format!(
            "{} already exists. A restore never replaces a file: choose a new name.",
            dest.display()
        )));
    }
    inspect_header(backup).map_err(|e| match e {
        CoreError::NotAWorkspace(m) => CoreError::NotAWorkspace(format!("{m} It cannot be restored.")),
        other => other,
    })?;
    let src = open_backup(backup)?;
    let ok: String = src
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .unwrap_or_else(|e| e.to_string());
    if ok != "ok" {
        return Err(damaged_backup(backup));
    }
    copy_whole(&src, dest, false, |conn| {
        conn.execute(
            "UPDATE workspace_meta SET value = ?1 WHERE key = 'site_id'",
            [ids::random_id()?.to_string()],
        )?;
        Ok(())
    })
    .map_err(|e| match e {
        CoreError::Database(e) => CoreError::Io(format!("Could not write {}: {e}", dest.display())),
        other => other,
    })
}

impl Workspace {
    /// Where this workspace's backups go (`None` for one in memory).
    pub fn backups_folder(&self) -> Option<PathBuf> {
        self.path().map(folder_for)
    }

    /// The minutes between automatic backups while editing (default 10).
    pub fn backup_interval_minutes(&self) -> Result<u32> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [INTERVAL_KEY], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(text
            .and_then(|t| t.trim().parse::<u32>().ok())
            .filter(|m| (1..=1440).contains(m))
            .unwrap_or(DEFAULT_INTERVAL_MINUTES))
    }

    pub fn backup_settings(&self) -> Result<BackupSettings> {
        Ok(BackupSettings {
            interval_minutes: self.backup_interval_minutes()?,
            folder: self
                .backups_folder()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        })
    }

    /// Sets the minutes between automatic backups, as one undoable edit.
    pub fn set_backup_interval_minutes(&mut self, minutes: u32) -> Result<BackupSettings> {
        if !(1..=1440).contains(&minutes) {
            return Err(CoreError::InvalidInput(format!(
                "Back up every 1 to 1440 minutes (a day), not {minutes}."
            )));
        }
        self.require_writable()?;
        let value = minutes.to_string();
        self.edit(|ctx| {
            let existing: Option<(i64, String)> = ctx
                .tx
                .query_row("SELECT id, value FROM settings WHERE key = ?1", [INTERVAL_KEY], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match existing {
                Some((_, old)) if old == value => {}
                Some((id, _)) => {
                    ctx.touch("settings", id)?;
                    ctx.tx
                        .execute("UPDATE settings SET value = ?1 WHERE id = ?2", (&value, id))?;
                }
                None => {
                    let id = ids::new_id(ctx.tx, "settings")?;
                    ctx.tx.execute(
                        "INSERT INTO settings(id, key, value) VALUES (?1, ?2, ?3)",
                        (id, INTERVAL_KEY, &value),
                    )?;
                    ctx.inserted("settings", id);
                }
            }
            ctx.set_label(format!("Back up every {minutes} minutes"));
            Ok(())
        })?;
        self.backup_settings()
    }

    /// A number that grows with every row written through this workspace (edits, undo, redo):
    /// the app compares it to decide whether anything changed since the last backup.
    pub fn change_count(&self) -> u64 {
        self.conn.total_changes()
    }
}

/// Copies the whole database of `src` to `dest` through a temporary file beside it: backup API
/// in steps, `finish` on the copy, rollback-journal mode (one self-contained file), fsync,
/// rename, fsync of the folder. Nothing is left behind on failure.
fn copy_whole(
    src: &Connection,
    dest: &Path,
    replace: bool,
    finish: impl FnOnce(&Connection) -> Result<()>,
) -> Result<()> {
    let temp = temp_beside(dest);
    let _ = std::fs::remove_file(&temp);
    let run = || -> Result<()> {
        let mut out = Connection::open(&temp)?;
        {
            let backup = Backup::new(src, &mut out)?;
            loop {
                match backup.step(PAGES_PER_STEP)? {
                    StepResult::Done => break,
                    StepResult::More => std::thread::sleep(Duration::from_millis(1)),
                    StepResult::Busy | StepResult::Locked => std::thread::sleep(Duration::from_millis(20)),
                    _ => std::thread::sleep(Duration::from_millis(1)),
                }
            }
        }
        out.pragma_update(None, "journal_mode", "DELETE")?;
        finish(&out)?;
        out.close().map_err(|(_, e)| CoreError::Database(e))?;
        let fail = |e: std::io::Error| CoreError::io(format!("Could not write {}", dest.display()), e);
        File::open(&temp).and_then(|f| f.sync_all()).map_err(fail)?;
        if !replace && dest.exists() {
            return Err(CoreError::Duplicate(format!(
                "{} already exists. A restore never replaces a file: choose a new name.",
                dest.display()
            )));
        }
        std::fs::rename(&temp, dest).map_err(fail)?;
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = File::open(dir).and_then(|f| f.sync_all());
        }
        Ok(())
    };
    let result = run();
    if result.is_err() {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut name = temp.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
    result
}

fn temp_beside(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.partial", std::process::id()));
    path.with_file_name(name)
}

/// The backup files of a folder (by extension), with their names.
fn backup_files(dir: &Path) -> Result<Vec<(PathBuf, String)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CoreError::io(format!("Could not read {}", dir.display()), e)),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if !name.starts_with('.') && name.ends_with(&format!(".{BACKUP_EXTENSION}")) && path.is_file() {
            files.push((path, name));
        }
    }
    Ok(files)
}

/// A backup's listing entry: size, instant (its name, else the file's time) and contents.
fn describe(path: &Path) -> BackupInfo {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = std::fs::metadata(path).ok();
    let taken_at = instant_of(&file_name)
        .or_else(|| meta.as_ref().and_then(|m| m.modified().ok()).map(DateTime::<Utc>::from))
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default();
    let (summary, damaged) = match summarise(path) {
        Ok(s) => (Some(s), None),
        Err(e) => (None, Some(e.to_string())),
    };
    BackupInfo {
        path: path.display().to_string(),
        file_name,
        taken_at,
        size_bytes: meta.map_or(0, |m| m.len()),
        summary,
        damaged,
    }
}

/// What a backup holds, read from it without writing anything.
fn summarise(path: &Path) -> Result<BackupSummary> {
    inspect_header(path).map_err(|_| damaged_backup(path))?;
    let conn = open_backup(path)?;
    let read = || -> rusqlite::Result<BackupSummary> {
        let ok: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                None,
            ));
        }
        let count = |table: &str| conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0));
        let name: Option<String> = conn
            .query_row("SELECT value FROM workspace_meta WHERE key = 'name'", [], |r| r.get(0))
            .optional()?;
        let last_edit: Option<String> = conn.query_row(
            "SELECT max(t) FROM (SELECT max(updated_at) AS t FROM work_items \
             UNION ALL SELECT max(updated_at) FROM projects)",
            [],
            |r| r.get(0),
        )?;
        Ok(BackupSummary {
            workspace_name: name.unwrap_or_default(),
            projects: count("projects")?,
            work_items: count("work_items")?,
            last_edit,
        })
    };
    read().map_err(|_| damaged_backup(path))
}

fn damaged_backup(path: &Path) -> CoreError {
    CoreError::Damaged(format!(
        "The backup {} is damaged and cannot be restored; choose another one.",
        display_name(path)
    ))
}

/// Opens a backup for reading only. Backups are never written after they are made, so SQLite
/// is told the file cannot change (`immutable`): nothing at all is created beside it.
fn open_backup(path: &Path) -> Result<Connection> {
    let uri = format!("file:{}?immutable=1", uri_escape(&path.to_string_lossy()));
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )
    .map_err(|_| damaged_backup(path))
}

/// Opens the live workspace for reading, beside the app's own connection, with the shared lock
/// that keeps a Bridgeplan writer from opening it meanwhile (when it can be had).
///
/// When no Bridgeplan holds the file for writing and no write-ahead log is beside it, the file
/// cannot change during the copy, so SQLite is told so (`immutable`) and creates nothing beside
/// it. Otherwise a plain read-only connection shares the writer's log and index files.
fn open_source(path: &Path) -> Result<(Connection, Option<File>)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let fail = |e: rusqlite::Error| CoreError::Io(format!("Could not read {} to back it up: {e}", display_name(path)));
    let immutable = || {
        let uri = format!("file:{}?immutable=1", uri_escape(&path.to_string_lossy()));
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI).map_err(fail)
    };
    let lock = File::open(path).ok().filter(|f| f.try_lock_shared().is_ok());
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let log_beside = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    if lock.is_some() && !log_beside {
        return Ok((immutable()?, lock));
    }
    let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok((conn, lock)),
        // A read-only folder: SQLite cannot make the shared-memory file; nobody can be writing.
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) => {
            drop(conn);
            Ok((immutable()?, lock))
        }
        Err(e) => Err(fail(e)),
    }
}

fn uri_escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}
