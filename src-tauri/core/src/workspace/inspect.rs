//! Reading a workspace file without writing anything: not to the file, and not beside it.
//!
//! A plain read-only SQLite connection to a file in write-ahead-log mode creates `-wal` and
//! `-shm` files next to it, even when the file turns out to be damaged. Inspection (the probe
//! before an open, the read-only open, `bridgeplan check`) therefore picks its way in by what
//! already lies beside the file:
//!
//! - no `-wal` beside it: `immutable=1`, which reads the file alone, takes no locks and creates
//!   nothing; there is no log to apply, so the file alone is the whole workspace;
//! - a `-wal` and a `-shm` beside it while another process holds the file's write lock (a
//!   session open now): an ordinary read-only connection, which shares the writer's log and
//!   index and creates nothing;
//! - a `-wal` that nobody holds (a session that crashed, or a log copied along with the file):
//!   the file and its log are copied to a private folder in the system's temporary folder and
//!   read there, so the log is applied and nothing beside the original is made or touched
//!   (SQLite would otherwise rebuild the `-shm` index in place).

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::{CoreError, Result};

/// A private copy of a workspace and its log, removed when dropped.
pub(crate) struct PrivateCopy {
    dir: PathBuf,
}

impl Drop for PrivateCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A connection that reads a workspace and never writes beside it. Keep `copy` alive for as
/// long as `conn` is used (fields drop in order: the connection first).
pub(crate) struct Inspection {
    pub conn: Connection,
    pub copy: Option<PrivateCopy>,
}

/// The path SQLite gives a sidecar file (`-wal`, `-shm`, `-journal`) of `path`.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// True when a write-ahead log lies beside `path`: a session is open now, or one crashed.
pub(crate) fn has_log(path: &Path) -> bool {
    sidecar(path, "-wal").exists()
}

pub(crate) fn open(path: &Path, map_err: impl Fn(rusqlite::Error) -> CoreError) -> Result<Inspection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let wal = sidecar(path, "-wal");
    let shm = sidecar(path, "-shm");
    if !wal.exists() {
        let uri = format!("file:{}?immutable=1", uri_escape(&absolute(path).to_string_lossy()));
        let conn = Connection::open_with_flags(uri, flags).map_err(&map_err)?;
        return Ok(Inspection { conn, copy: None });
    }
    if shm.exists() && held_elsewhere(path) {
        let uri = format!("file:{}?mode=ro", uri_escape(&absolute(path).to_string_lossy()));
        let conn = Connection::open_with_flags(uri, flags).map_err(&map_err)?;
        return Ok(Inspection { conn, copy: None });
    }
    let copy = private_copy(path, &wal)?;
    let target = copy.dir.join("workspace");
    let conn = Connection::open_with_flags(
        &target,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(&map_err)?;
    Ok(Inspection { conn, copy: Some(copy) })
}

/// True when another open of the file holds its write lock (see `acquire_write_lock`).
fn held_elsewhere(path: &Path) -> bool {
    match File::open(path) {
        Ok(file) => matches!(file.try_lock_shared(), Err(std::fs::TryLockError::WouldBlock)),
        Err(_) => false,
    }
}

fn private_copy(path: &Path, wal: &Path) -> Result<PrivateCopy> {
    let fail = |e: std::io::Error| CoreError::io("Could not make a private copy to read the file's log", e);
    let random = crate::workspace::ids::random_id()?;
    let dir = std::env::temp_dir().join(format!("bridgeplan-inspect-{}-{random:x}", std::process::id()));
    std::fs::create_dir(&dir).map_err(fail)?;
    let copy = PrivateCopy { dir };
    let target = copy.dir.join("workspace");
    std::fs::copy(path, &target).map_err(fail)?;
    std::fs::copy(wal, sidecar(&target, "-wal")).map_err(fail)?;
    Ok(copy)
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

/// Escapes what a SQLite URI gives a meaning to.
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

/// Makes a just-written file and its new name durable: the data first, then, after the
/// rename, the folder entry. Without the first, a power cut after the rename can leave an
/// empty or partial file under the final name.
pub(crate) fn sync_file(path: &Path) -> std::io::Result<()> {
    File::open(path)?.sync_all()
}

pub(crate) fn sync_parent(path: &Path) {
    // Best effort: not every system lets a folder be opened and synced.
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(handle) = File::open(dir) {
            let _ = handle.sync_all();
        }
    }
}
