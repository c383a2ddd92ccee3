//! Workspace files: creation, recognition, refusal of foreign or damaged files (never
//! modifying them), read-only modes, the single-writer lock, copies and the health check.

use std::path::{Path, PathBuf};

use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::workspace::check::check_file;
use bridgeplan_core::workspace::{current_schema_version, APPLICATION_ID};
use bridgeplan_core::{ErrorCode, Workspace};
use rusqlite::Connection;

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn kanban(name: &str) -> ProjectInput {
    ProjectInput {
        name: name.into(),
        methodology: Methodology::Kanban,
        start_date: None,
        finish_date: None,
        description: String::new(),
    }
}

/// Asserts that opening `path` fails with `code` and leaves the file's bytes unchanged.
fn assert_refused_unchanged(path: &Path, code: ErrorCode) -> String {
    let before = std::fs::read(path).expect("read before");
    let err = Workspace::open(path).err().expect("open must fail");
    assert_eq!(err.code(), code, "unexpected error: {err}");
    assert_eq!(std::fs::read(path).expect("read after"), before, "file bytes changed");
    err.to_string()
}

fn new_workspace(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    Workspace::create(&path, None).expect("create").close().expect("close");
    path
}

#[test]
fn a_new_workspace_carries_bridgeplans_id_schema_version_and_wal() {
    let dir = temp_dir();
    let path = dir.path().join("plan.bridgeplan");
    let ws = Workspace::create(&path, Some("Plan")).unwrap();
    assert_eq!(ws.info().name, "Plan");
    assert_eq!(ws.info().schema_version, current_schema_version());
    assert!(ws.info().read_only.is_none());
    ws.close().unwrap();

    let conn = Connection::open(&path).unwrap();
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(app_id, APPLICATION_ID);
    assert_eq!(version, current_schema_version());
    drop(conn);

    let ws = Workspace::open(&path).unwrap();
    let mode: String = {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap()
    };
    assert_eq!(mode, "wal");
    drop(ws);
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = temp_dir();
    let path = dir.path().join("taken.bridgeplan");
    std::fs::write(&path, b"precious").unwrap();
    let err = Workspace::create(&path, None).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
}

#[test]
fn an_empty_file_is_refused_and_stays_empty() {
    let dir = temp_dir();
    let path = dir.path().join("empty.bridgeplan");
    std::fs::write(&path, b"").unwrap();
    let message = assert_refused_unchanged(&path, ErrorCode::NotAWorkspace);
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn random_bytes_are_refused_unchanged() {
    let dir = temp_dir();
    let path = dir.path().join("noise.bridgeplan");
    let noise: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&path, &noise).unwrap();
    let message = assert_refused_unchanged(&path, ErrorCode::NotAWorkspace);
    assert!(message.contains("not a Bridgeplan workspace"), "{message}");
}

#[test]
fn a_short_text_file_is_refused_unchanged() {
    let dir = temp_dir();
    let path = dir.path().join("notes.bridgeplan");
    std::fs::write(&path, b"just some notes").unwrap();
    assert_refused_unchanged(&path, ErrorCode::NotAWorkspace);
}

#[test]
fn another_programs_sqlite_database_is_refused_unchanged() {
    let dir = temp_dir();
    let path = dir.path().join("other.sqlite");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let message = assert_refused_unchanged(&path, ErrorCode::NotAWorkspace);
    assert!(message.contains("another program"), "{message}");
}

#[test]
fn a_folder_is_refused() {
    let dir = temp_dir();
    let err = Workspace::open(dir.path()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotAWorkspace);
}

#[test]
fn a_missing_file_is_reported_as_not_found() {
    let dir = temp_dir();
    let err = Workspace::open(&dir.path().join("gone.bridgeplan")).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn a_damaged_workspace_is_refused_unchanged() {
    let dir = temp_dir();
    let path = new_workspace(dir.path(), "damaged.bridgeplan");
    {
        let mut ws = Workspace::open(&path).unwrap();
        let p = ws.create_project(&kanban("Big")).unwrap();
        for i in 0..400 {
            ws.create_item(
                p.id,
                None,
                &bridgeplan_core::work::items::WorkItemInput {
                    title: format!("Item {i} with a longer title to fill pages"),
                    ..Default::default()
                },
            )
            .unwrap();
        }
        ws.close().unwrap();
    }
    // Keep the header (page 1) intact but overwrite later pages with garbage.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 16384, "need several pages");
    for b in bytes[4096..].iter_mut() {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let message = assert_refused_unchanged(&path, ErrorCode::Damaged);
    assert!(message.contains("damaged"), "{message}");
    let check = check_file(&path).err().unwrap();
    assert_eq!(check.code(), ErrorCode::Damaged);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_truncated_workspace_is_refused_unchanged() {
    let dir = temp_dir();
    let path = new_workspace(dir.path(), "cut.bridgeplan");
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Damaged, "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_from_a_newer_schema_opens_read_only_and_refuses_edits() {
    let dir = temp_dir();
    let path = new_workspace(dir.path(), "future.bridgeplan");
    let newer = current_schema_version() + 5;
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let mut ws = Workspace::open(&path).unwrap();
    let reason = ws.info().read_only.expect("read-only");
    assert_eq!(reason.code, ErrorCode::NewerVersion);
    assert!(
        reason.message.contains(&format!("schema {newer}")),
        "{}",
        reason.message
    );
    let err = ws.create_project(&kanban("Nope")).err().unwrap();
    assert_eq!(err.code(), ErrorCode::ReadOnly);
    drop(ws);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(check_file(&path).err().unwrap().code(), ErrorCode::NewerVersion);
}

#[test]
fn a_read_only_file_opens_read_only() {
    let dir = temp_dir();
    let path = new_workspace(dir.path(), "locked-down.bridgeplan");
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.info().read_only.unwrap().code, ErrorCode::ReadOnly);
    assert_eq!(
        ws.create_project(&kanban("X")).err().unwrap().code(),
        ErrorCode::ReadOnly
    );
    assert_eq!(ws.undo().err().unwrap().code(), ErrorCode::ReadOnly);
    assert!(ws.projects().unwrap().is_empty());
    drop(ws);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_second_open_for_writing_gets_read_only_with_the_reason() {
    let dir = temp_dir();
    let path = new_workspace(dir.path(), "shared.bridgeplan");
    let mut first = Workspace::open(&path).unwrap();
    assert!(!first.is_read_only());
    let mut second = Workspace::open(&path).unwrap();
    let reason = second.info().read_only.expect("second must be read-only");
    assert_eq!(reason.code, ErrorCode::Locked);
    assert!(
        reason.message.starts_with("Open in Bridgeplan by "),
        "{}",
        reason.message
    );
    assert_eq!(
        second.create_project(&kanban("B")).err().unwrap().code(),
        ErrorCode::ReadOnly
    );
    // The first still writes, and the second sees the new data.
    first.create_project(&kanban("A")).unwrap();
    assert_eq!(second.projects().unwrap().len(), 1);
    drop(second);
    drop(first);
    // Once the first closes, the lock is free again.
    let again = Workspace::open(&path).unwrap();
    assert!(!again.is_read_only());
}

#[test]
fn a_copy_is_a_complete_workspace_and_the_original_stays_open() {
    let dir = temp_dir();
    let path = new_workspace(dir.path(), "source.bridgeplan");
    let mut ws = Workspace::open(&path).unwrap();
    ws.create_project(&kanban("Copied project")).unwrap();
    let copy = dir.path().join("copy.bridgeplan");
    ws.save_copy(&copy).unwrap();
    assert!(ws.save_copy(&path).is_err(), "copying onto itself must be refused");
    ws.create_project(&kanban("After the copy")).unwrap();
    let copied = Workspace::open(&copy).unwrap();
    let names: Vec<_> = copied.projects().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, vec!["Copied project"]);
    let report = check_file(&copy).unwrap();
    assert_eq!(report.projects, 1);
}

#[test]
fn an_interrupted_creation_leaves_no_file_behind() {
    let dir = temp_dir();
    // The folder does not exist, so creation fails part way; nothing may be left behind.
    let path = dir.path().join("missing-folder").join("x.bridgeplan");
    assert!(Workspace::create(&path, None).is_err());
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn check_reports_a_healthy_workspace_with_its_counts() {
    let dir = temp_dir();
    let path = dir.path().join("demo.bridgeplan");
    bridgeplan_core::demo::write_demo(&path).unwrap().close().unwrap();
    let before = std::fs::read(&path).unwrap();
    let report = check_file(&path).unwrap();
    assert_eq!(report.projects, 4);
    assert!(report.work_items >= 50, "demo has {} items", report.work_items);
    assert_eq!(std::fs::read(&path).unwrap(), before, "check must not modify the file");
}

#[test]
fn check_refuses_foreign_files() {
    let dir = temp_dir();
    let path = dir.path().join("empty.bridgeplan");
    std::fs::write(&path, b"").unwrap();
    assert_eq!(check_file(&path).err().unwrap().code(), ErrorCode::NotAWorkspace);
}

#[test]
fn data_survives_close_and_reopen() {
    let dir = temp_dir();
    let path = new_workspace(dir.path(), "persist.bridgeplan");
    let mut ws = Workspace::open(&path).unwrap();
    let p = ws.create_project(&kanban("Persisted")).unwrap();
    ws.close().unwrap();
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.project(p.id).unwrap().name, "Persisted");
}
