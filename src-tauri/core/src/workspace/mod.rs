//! Workspace files: one SQLite file per workspace, how it is created, recognised, opened,
//! migrated, locked against a second writer, copied and closed.

pub mod allowed;
pub mod check;
pub mod files;
pub mod history;
pub mod holder;
pub(crate) mod ids;
pub(crate) mod inspect;
pub mod recent;

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ErrorCode;
use crate::workspace::history::History;
use crate::{CoreError, Id, Result};

/// `PRAGMA application_id` of every Bridgeplan workspace: "BPLN" in ASCII.
pub const APPLICATION_ID: i32 = 0x4250_4C4E;
/// The file extension of workspaces.
pub const FILE_EXTENSION: &str = "bridgeplan";

/// Numbered schema migrations; the last number is the schema this build writes.
const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("migrations/0001_initial.sql")),
    (2, include_str!("migrations/0002_scheduling.sql")),
    (3, include_str!("migrations/0003_baselines.sql")),
    (4, include_str!("migrations/0004_flow_and_sprints.sql")),
    (5, include_str!("migrations/0005_resources.sql")),
    (6, include_str!("migrations/0006_skills.sql")),
    (7, include_str!("migrations/0007_project_start_time.sql")),
    (8, include_str!("migrations/0008_ids.sql")),
    (9, include_str!("migrations/0009_project_controls.sql")),
    (10, include_str!("migrations/0010_lifecycle.sql")),
    (11, include_str!("migrations/0011_control_room.sql")),
    (12, include_str!("migrations/0012_search.sql")),
];

pub fn current_schema_version() -> u32 {
    MIGRATIONS.last().map(|(n, _)| *n).unwrap_or(0)
}

/// Why a workspace is open read-only, said so the user knows what to do.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ReadOnlyReason {
    pub code: ErrorCode,
    pub message: String,
}

/// What the UI shows about the open workspace.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WorkspaceInfo {
    pub path: String,
    pub name: String,
    pub schema_version: u32,
    pub read_only: Option<ReadOnlyReason>,
    /// The same in every copy of this workspace.
    pub workspace_uuid: String,
    /// This copy's own id: a copy saved by Bridgeplan gets a new one.
    #[ts(type = "number")]
    pub site_id: Id,
}

pub struct Workspace {
    pub(crate) conn: Connection,
    /// The private copy a read-only view reads when the file's log could not be read in place
    /// (see `inspect`); after `conn`, so it is removed once the connection is closed.
    _copy: Option<inspect::PrivateCopy>,
    path: Option<PathBuf>,
    read_only: Option<ReadOnlyReason>,
    schema_version: u32,
    /// Held for as long as the workspace is open for writing: the operating system releases
    /// it when the process ends, so a crash never leaves a stale lock behind.
    _write_lock: Option<File>,
    pub(crate) history: History,
    pub(crate) outline_cache: crate::plan::outline_cache::OutlineCache,
    pub(crate) served_schedule: crate::plan::schedule_changes::ServedSchedule,
}

impl Workspace {
    /// A fresh workspace in memory, for tests.
    pub fn in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn, true)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrate(&mut conn, 0)?;
        Ok(Self::from_parts(conn, None, None, None))
    }

    /// Creates a new, empty workspace at `path`. Refuses to overwrite an existing file.
    ///
    /// The file is built under a temporary name and renamed into place when complete, so an
    /// interrupted creation never leaves a half-made workspace behind.
    pub fn create(path: &Path, name: Option<&str>) -> Result<Self> {
        if path.exists() {
            return Err(CoreError::Duplicate(format!(
                "{} already exists. Choose another name, or open it instead.",
                path.display()
            )));
        }
        let temp = sibling_temp_path(path);
        let _ = std::fs::remove_file(&temp);
        let build = || -> Result<()> {
            let mut conn = Connection::open(&temp)?;
            // Set in rollback-journal mode, so the header bytes on disk carry the id at once.
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            configure(&conn, true)?;
            migrate(&mut conn, 0)?;
            let name = name.map(str::to_string).unwrap_or_else(|| default_name(path));
            conn.execute(
                "INSERT INTO workspace_meta(key, value) VALUES ('name', ?1), ('created_at', ?2)",
                (name, crate::validate::now_utc()),
            )?;
            conn.pragma_update(None, "journal_mode", "DELETE")?;
            conn.close().map_err(|(_, e)| CoreError::Database(e))?;
            let fail = |e| CoreError::io(format!("Could not create {}", path.display()), e);
            inspect::sync_file(&temp).map_err(fail)?;
            std::fs::rename(&temp, path).map_err(fail)?;
            inspect::sync_parent(path);
            Ok(())
        };
        if let Err(err) = build() {
            let _ = std::fs::remove_file(&temp);
            return Err(match err {
                CoreError::Database(e) => CoreError::Io(format!("Could not create {}: {e}", path.display())),
                other => other,
            });
        }
        Self::open(path)
    }

    /// Opens an existing workspace. A file that is not a workspace, or is damaged, is refused
    /// and left byte-for-byte unchanged, with nothing created beside it. A file from a newer
    /// Bridgeplan, a read-only file, or one already open for writing elsewhere opens read-only,
    /// with the reason (for a held file: who holds it, on which computer, since when). A log
    /// left beside a good file by a session that crashed is applied.
    pub fn open(path: &Path) -> Result<Self> {
        inspect_header(path)?;

        let mut read_only = None;
        if !is_writable(path) {
            read_only = Some(ReadOnlyReason {
                code: ErrorCode::ReadOnly,
                message: "The file is read-only on disk, so it is open read-only. \
                          Make it writable, or save a copy, to edit."
                    .into(),
            });
        }

        // Look before touching: a connection that writes nothing checks the schema version
        // and health (with the log of a crashed session applied, if there is one).
        let probe = inspect::open(path, |e| map_open_error(e, path))?;
        let version = read_schema_version(&probe.conn, path)?;
        quick_check(&probe.conn, path)?;

        if version > current_schema_version() {
            read_only = Some(ReadOnlyReason {
                code: ErrorCode::NewerVersion,
                message: format!(
                    "This file was made by a newer Bridgeplan (schema {version}; this one \
                     understands up to {}). It is open read-only; nothing was changed.",
                    current_schema_version()
                ),
            });
        }

        let mut lock = None;
        if read_only.is_none() {
            match acquire_write_lock(path)? {
                Some(file) => lock = Some(file),
                None => {
                    // The holder's record is committed in the log the writer keeps open.
                    let holder = holder::read(&probe.conn).or_else(|| {
                        inspect::open(path, |e| map_open_error(e, path))
                            .ok()
                            .and_then(|i| holder::read(&i.conn))
                    });
                    read_only = Some(ReadOnlyReason {
                        code: ErrorCode::Locked,
                        message: locked_message(holder.as_ref()),
                    })
                }
            }
        }
        drop(probe);

        if let Some(reason) = read_only {
            return Self::open_viewer(path, reason, version);
        }

        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| map_open_error(e, path))?;
        configure(&conn, true)?;
        // Read again on the writing connection, which has applied any log left by a crash.
        let version = read_schema_version(&conn, path)?;
        migrate(&mut conn, version).map_err(|e| write_failed(e, path))?;
        holder::write(&conn).map_err(|e| write_failed(e, path))?;
        Ok(Self::from_parts(conn, Some(path.into()), None, lock))
    }

    /// Opens a workspace for reading only: nothing is written to the file or beside it, and
    /// no lock is taken, so it works on a file another process is editing. Refuses what
    /// [`Workspace::open`] refuses.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        inspect_header(path)?;
        let probe = inspect::open(path, |e| map_open_error(e, path))?;
        let version = read_schema_version(&probe.conn, path)?;
        quick_check(&probe.conn, path)?;
        drop(probe);
        let reason = ReadOnlyReason {
            code: ErrorCode::ReadOnly,
            message: "This workspace is open for reading only; nothing can be changed here.".into(),
        };
        Self::open_viewer(path, reason, version)
    }

    /// The read-only view of a file already checked; writes nothing to it or beside it.
    fn open_viewer(path: &Path, reason: ReadOnlyReason, version: u32) -> Result<Self> {
        if version < current_schema_version() {
            return Err(CoreError::ReadOnly(format!(
                "{} needs an upgrade to schema {} before it can be shown, but it cannot be \
                 written ({}). Nothing was changed.",
                display_name(path),
                current_schema_version(),
                reason.message
            )));
        }
        let inspection = inspect::open(path, |e| map_open_error(e, path))?;
        configure(&inspection.conn, false)?;
        let mut ws = Self::from_parts(inspection.conn, Some(path.into()), Some(reason), None);
        ws._copy = inspection.copy;
        Ok(ws)
    }

    fn from_parts(
        conn: Connection,
        path: Option<PathBuf>,
        read_only: Option<ReadOnlyReason>,
        lock: Option<File>,
    ) -> Self {
        let schema_version = conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))
            .unwrap_or(0);
        Workspace {
            conn,
            _copy: None,
            path,
            read_only,
            schema_version,
            _write_lock: lock,
            history: History::default(),
            outline_cache: Default::default(),
            served_schedule: Default::default(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// The ISO 4217 code every amount of money in this workspace is in.
    pub fn currency(&self) -> Result<String> {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM workspace_meta WHERE key = 'currency'", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(stored.unwrap_or_else(|| "EUR".into()))
    }

    pub fn name(&self) -> String {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM workspace_meta WHERE key = 'name'", [], |r| r.get(0))
            .optional()
            .ok()
            .flatten();
        stored.unwrap_or_else(|| {
            self.path
                .as_deref()
                .map(default_name)
                .unwrap_or_else(|| "Untitled".into())
        })
    }

    fn meta(&self, key: &str) -> Option<String> {
        self.conn
            .query_row("SELECT value FROM workspace_meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .ok()
            .flatten()
    }

    /// The UUID every copy of this workspace shares.
    pub fn workspace_uuid(&self) -> String {
        self.meta("workspace_uuid").unwrap_or_default()
    }

    /// The id of this copy of the workspace.
    pub fn site_id(&self) -> Id {
        self.meta("site_id").and_then(|s| s.parse().ok()).unwrap_or(0)
    }

    pub fn info(&self) -> WorkspaceInfo {
        WorkspaceInfo {
            path: self
                .path
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            name: self.name(),
            schema_version: self.schema_version,
            read_only: self.read_only.clone(),
            workspace_uuid: self.workspace_uuid(),
            site_id: self.site_id(),
        }
    }

    /// Refuses an edit when the workspace is read-only, saying why.
    pub(crate) fn require_writable(&self) -> Result<()> {
        match &self.read_only {
            None => Ok(()),
            Some(reason) => Err(CoreError::ReadOnly(reason.message.clone())),
        }
    }

    /// Writes a consistent copy of the workspace to `dest` (a snapshot of this moment), with a
    /// site id of its own. The copy is written under a temporary name and renamed, so `dest`
    /// is never half-written.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        if let Some(own) = &self.path {
            if same_file(own, dest) {
                return Err(CoreError::InvalidInput(
                    "That is the file already open; choose another name for the copy.".into(),
                ));
            }
        }
        let temp = sibling_temp_path(dest);
        let _ = std::fs::remove_file(&temp);
        let result = self
            .conn
            .execute("VACUUM INTO ?1", [temp.to_string_lossy()])
            .map_err(|e| {
                CoreError::Io(format!(
                    "Could not write {}: the disk refused the write ({e}; is it full?). No copy \
                     was made.",
                    dest.display()
                ))
            })
            .and_then(|_| renew_site_id(&temp))
            .and_then(|_| {
                let fail = |e| CoreError::io(format!("Could not write {}", dest.display()), e);
                inspect::sync_file(&temp).map_err(fail)?;
                std::fs::rename(&temp, dest).map_err(fail)?;
                inspect::sync_parent(dest);
                Ok(())
            });
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    /// Closes the workspace, folding the write-ahead log back into the file so the file on
    /// its own is complete (it can be copied or mailed as is).
    pub fn close(self) -> Result<()> {
        if self.read_only.is_none() && self.path.is_some() {
            holder::clear(&self.conn)?;
            self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        self.conn.close().map_err(|(_, e)| CoreError::Database(e))
    }
}

/// Gives a copy just written at `path` a new site id, so two copies never share one, and
/// no holder record: nobody holds the copy.
fn renew_site_id(path: &Path) -> Result<()> {
    let conn = Connection::open(path)?;
    conn.execute(
        "UPDATE workspace_meta SET value = ?1 WHERE key = 'site_id'",
        [crate::workspace::ids::random_id()?.to_string()],
    )?;
    holder::clear(&conn)?;
    conn.close().map_err(|(_, e)| CoreError::Database(e))
}

/// Applies the connection settings every workspace connection needs, in one place.
fn configure(conn: &Connection, writable: bool) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // One edit of thousands of rows cycles through more than the default 16 statements
    // (ids, inserts, the undo images of each table), which were then prepared again per row.
    conn.set_prepared_statement_cache_capacity(64);
    if writable {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A large edit (an import of 10,000 rows) fits in 32 MiB of page cache instead of
        // spilling to the log midway, and statement journals stay in memory rather than in
        // temporary files: together they cut such an import by about a quarter.
        conn.pragma_update(None, "cache_size", -32768)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
    }
    Ok(())
}

/// Applies every migration above `from` in one IMMEDIATE transaction: all or nothing.
fn migrate(conn: &mut Connection, from: u32) -> Result<()> {
    migrate_range(conn, from, u32::MAX)
}

/// Applies the migrations above `from` up to and including `to`, in one IMMEDIATE transaction
/// (the JSON import builds a file at the schema it was exported from, loads it, then goes on).
pub(crate) fn migrate_range(conn: &mut Connection, from: u32, to: u32) -> Result<()> {
    let pending: Vec<_> = MIGRATIONS.iter().filter(|(n, _)| *n > from && *n <= to).collect();
    if pending.is_empty() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for (number, sql) in &pending {
        tx.execute_batch(sql)?;
        if *number == 6 {
            crate::skills::frameworks::seed_builtin(&tx)?;
        }
        if *number == 8 {
            add_identity(&tx)?;
        }
        if *number == 10 {
            crate::lifecycle::templates::seed_builtin(&tx)?;
        }
        tx.pragma_update(None, "user_version", number)?;
    }
    tx.commit()?;
    Ok(())
}

/// Gives the workspace its UUID (kept by every copy) and this copy its site id, unless it has them.
fn add_identity(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO workspace_meta(key, value) VALUES ('workspace_uuid', ?1), ('site_id', ?2)",
        (
            crate::workspace::ids::new_uuid()?,
            crate::workspace::ids::random_id()?.to_string(),
        ),
    )?;
    Ok(())
}

fn read_schema_version(conn: &Connection, path: &Path) -> Result<u32> {
    conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))
        .map_err(|e| map_open_error(e, path))
}

fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let result: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| map_open_error(e, path))?;
    if result == "ok" {
        Ok(())
    } else {
        Err(damaged(path))
    }
}

/// The message for a file SQLite cannot read. SQLite's own detail (page numbers, b-tree
/// errors) means nothing to a manager; `bridgeplan check` prints it for whoever repairs files.
fn damaged(path: &Path) -> CoreError {
    CoreError::Damaged(format!(
        "{} is damaged and cannot be opened: part of its content is unreadable. \
         Nothing was changed; open a backup or an earlier copy.",
        display_name(path)
    ))
}

fn map_open_error(err: rusqlite::Error, path: &Path) -> CoreError {
    use rusqlite::ErrorCode as E;
    match err.sqlite_error_code() {
        Some(E::DatabaseCorrupt) | Some(E::NotADatabase) => damaged(path),
        Some(E::DatabaseBusy) | Some(E::DatabaseLocked) => CoreError::Locked(format!(
            "{} is busy in another program. Try again in a moment.",
            display_name(path)
        )),
        Some(E::DiskFull) => CoreError::Io(format!(
            "{} cannot be written: the disk is full. Nothing was changed; free some space \
             and try again.",
            display_name(path)
        )),
        Some(E::CannotOpen) | Some(E::PermissionDenied) | Some(E::ReadOnly) => {
            CoreError::Io(format!("{} could not be opened: {err}", display_name(path)))
        }
        _ => CoreError::Database(err),
    }
}

/// Checks the SQLite header and Bridgeplan's application id from the raw bytes, before SQLite
/// touches the file at all: SQLite would happily turn an empty file into a database.
pub(crate) fn inspect_header(path: &Path) -> Result<()> {
    let name = display_name(path);
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CoreError::NotFound(format!("There is no file at {}.", path.display())),
        _ => CoreError::io(format!("Could not read {}", path.display()), e),
    })?;
    if meta.is_dir() {
        return Err(CoreError::NotAWorkspace(format!(
            "{name} is a folder, not a Bridgeplan workspace."
        )));
    }
    if meta.len() == 0 {
        return Err(CoreError::NotAWorkspace(format!(
            "{name} is empty, so it is not a Bridgeplan workspace. Nothing was changed."
        )));
    }
    let mut header = [0u8; 100];
    let mut file = File::open(path).map_err(|e| CoreError::io(format!("Could not read {name}"), e))?;
    let mut filled = 0;
    while filled < header.len() {
        match file.read(&mut header[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) => return Err(CoreError::io(format!("Could not read {name}"), e)),
        }
    }
    if filled < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(CoreError::NotAWorkspace(format!(
            "{name} is not a Bridgeplan workspace (it is not a database file). Nothing was changed."
        )));
    }
    let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if app_id != APPLICATION_ID {
        return Err(CoreError::NotAWorkspace(format!(
            "{name} is a database made by another program, not a Bridgeplan workspace. \
             Nothing was changed."
        )));
    }
    check_size(path, &header, meta.len())
}

/// Refuses a file whose size does not fit its own header: cut off (a copy that stopped half
/// way, a full disk) or with a damaged header. Without a log beside it, the file alone must
/// hold every page its header counts; with one, the log may hold the rest.
fn check_size(path: &Path, header: &[u8; 100], len: u64) -> Result<()> {
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(damaged(path));
    }
    // Fields with one valid value or a few: the journal versions (1 rollback, 2 WAL), the
    // payload fractions SQLite requires, and the schema format (1 to 4).
    let format = u32::from_be_bytes([header[44], header[45], header[46], header[47]]);
    if !(1..=2).contains(&header[18])
        || !(1..=2).contains(&header[19])
        || header[21..24] != [64, 32, 32]
        || !(1..=4).contains(&format)
    {
        return Err(damaged(path));
    }
    if inspect::has_log(path) {
        return Ok(());
    }
    let cut_off = || {
        CoreError::Damaged(format!(
            "{} is incomplete: the file was cut off (for example by a copy that stopped half \
             way or a full disk). Nothing was changed; open a backup or an earlier copy.",
            display_name(path)
        ))
    };
    if !len.is_multiple_of(page_size) {
        return Err(cut_off());
    }
    let word = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let pages = u64::from(word(28));
    // The page count is valid only when it was written with the current change counter.
    if pages > 0 && word(92) == word(24) && len < pages * page_size {
        return Err(cut_off());
    }
    Ok(())
}

/// The reason shown when another process holds the file for editing.
fn locked_message(holder: Option<&holder::Holder>) -> String {
    let who = holder
        .map(|h| h.sentence())
        .unwrap_or_else(|| "This workspace is already open for editing in another program.".into());
    format!("{who} It is open read-only here; close it there to edit it here.")
}

/// A write the open needs (migrations, the holder record) failed: say why in words.
fn write_failed(err: CoreError, path: &Path) -> CoreError {
    match err {
        CoreError::Database(e) => match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => CoreError::Io(format!(
                "{} cannot be opened for editing: the disk is full. Nothing was changed; \
                 free some space and open it again.",
                display_name(path)
            )),
            _ => map_open_error(e, path),
        },
        other => other,
    }
}

/// True when the file may be written: its permissions allow it (respected even for an
/// administrator, who could write anyway) and the operating system agrees.
fn is_writable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    !meta.permissions().readonly() && OpenOptions::new().append(true).open(path).is_ok()
}

/// Takes an exclusive advisory lock on the workspace file itself. `None` means another
/// process (or another open in this one) already holds it.
fn acquire_write_lock(path: &Path) -> Result<Option<File>> {
    let file = OpenOptions::new()
        .read(true)
        .open(path)
        .map_err(|e| CoreError::io(format!("Could not open {}", path.display()), e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(CoreError::io(format!("Could not lock {}", path.display()), e)),
    }
}

fn sibling_temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".{}.partial", std::process::id()));
    path.with_file_name(name)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| format!("\"{}\"", n.to_string_lossy()))
        .unwrap_or_else(|| format!("\"{}\"", path.display()))
}

fn default_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Workspace".into())
}
