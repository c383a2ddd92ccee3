//! What the Trello and Jira import tests share: a workspace in a temp folder, every table of it
//! dumped for before/after comparisons, and the Trello fixtures read in place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::Workspace;
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

pub type Dump = BTreeMap<String, Vec<String>>;

pub fn dump(path: &Path) -> Dump {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap()
        .into_iter()
        .filter(|t: &String| !bridgeplan_core::search::is_index_table(t))
        .collect();
    let mut dump = Dump::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let values: Vec<rusqlite::types::Value> = (0..width).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                Ok(format!("{values:?}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        dump.insert(table, rows);
    }
    dump
}

pub struct Fixture {
    _dir: TempDir,
    pub path: PathBuf,
    pub ws: Workspace,
}

impl Fixture {
    pub fn new() -> Fixture {
        bridgeplan_core::clock::fix_for_tests();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("imports.bridgeplan");
        let ws = Workspace::create(&path, Some("Imports")).unwrap();
        Fixture { _dir: dir, path, ws }
    }

    pub fn dump(&self) -> Dump {
        dump(&self.path)
    }

    /// One column of a query, as text.
    pub fn texts(&self, sql: &str) -> Vec<String> {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    }

    pub fn number(&self, sql: &str) -> i64 {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// A Trello export from the shared fixtures folder, read in place (missing fails, unless
/// BRIDGEPLAN_SKIP_FIXTURES=1).
pub fn trello_fixture(name: &str) -> Option<String> {
    super::support::fixture("trello", name)
}
