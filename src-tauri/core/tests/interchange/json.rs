//! Lossless JSON: the demo workspace written as JSON and read back into a new file gives back
//! every row of every table, every value with its SQLite type; damaged, foreign, newer and
//! truncated documents are refused with a clear message and leave nothing behind.

use std::path::{Path, PathBuf};

use bridgeplan_core::interchange::json;
use bridgeplan_core::search::is_index_table;
use bridgeplan_core::workspace::current_schema_version;
use bridgeplan_core::{clock, demo, ErrorCode, Workspace};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

/// A cell as SQLite holds it: the type and the exact bytes (reals by their bits).
#[derive(Debug, PartialEq)]
enum Cell {
    Null,
    Integer(i64),
    Real(u64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

impl From<ValueRef<'_>> for Cell {
    fn from(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(n) => Cell::Integer(n),
            ValueRef::Real(x) => Cell::Real(x.to_bits()),
            ValueRef::Text(t) => Cell::Text(t.to_vec()),
            ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
        }
    }
}

/// A table's name, its columns and its rows.
type Dump = Vec<(String, Vec<String>, Vec<Vec<Cell>>)>;

/// Every table of the file but SQLite's own and the search index, with its columns and its
/// rows (rowid first where the table has one) in rowid or primary-key order.
fn dump(path: &Path) -> Dump {
    let conn = Connection::open(path).expect("open");
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' \
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|t: &String| !is_index_table(t))
        .collect();
    let mut out = Vec::new();
    for table in tables {
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_xinfo(?1) ORDER BY cid")
            .unwrap()
            .query_map([&table], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let has_rowid = conn.prepare(&format!("SELECT rowid FROM \"{table}\" LIMIT 0")).is_ok();
        let pk: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")
            .unwrap()
            .query_map([&table], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let (select, order) = if has_rowid {
            (format!("rowid, {}", quoted(&columns)), "rowid".to_string())
        } else {
            (quoted(&columns), quoted(&pk))
        };
        let mut stmt = conn
            .prepare(&format!("SELECT {select} FROM \"{table}\" ORDER BY {order}"))
            .unwrap();
        let width = stmt.column_count();
        let rows: Vec<Vec<Cell>> = stmt
            .query_map([], |r| {
                Ok((0..width).map(|i| Cell::from(r.get_ref(i).unwrap())).collect())
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.push((table, columns, rows));
    }
    out
}

fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn schema_sql(path: &Path) -> Vec<(String, String)> {
    let conn = Connection::open(path).unwrap();
    let rows = conn
        .prepare("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn demo_file(dir: &Path) -> PathBuf {
    clock::fix_for_tests();
    let path = dir.join("demo.bridgeplan");
    demo::write_demo(&path).expect("demo").close().expect("close");
    path
}

/// Values of every kind the format must keep apart, written into the demo with plain SQL.
fn add_awkward_values(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "UPDATE work_items SET rank = 0.1 WHERE id = (SELECT min(id) FROM work_items);
         UPDATE work_items SET rank = 3.0, estimate_hours = 1.0000000000000002, story_points = 9e999
             WHERE id = (SELECT max(id) FROM work_items);
         UPDATE work_items SET estimate_hours = 2.2250738585072014e-308, story_points = 1e300
             WHERE id = (SELECT min(id) FROM work_items WHERE id > (SELECT min(id) FROM work_items));
         UPDATE people SET role = CAST(x'ff41fe' AS TEXT) WHERE id = (SELECT max(id) FROM people);
         INSERT INTO workspace_meta(key, value) VALUES ('test.blob', x'00ff10'), ('test.empty', ''),
             ('test.quote', 'a \"quoted\" line' || char(10) || 'and ünïcödé ✓');",
    )
    .unwrap();
}

#[test]
fn the_demo_round_trips_row_for_row() {
    let dir = tempfile::tempdir().unwrap();
    let original = demo_file(dir.path());
    add_awkward_values(&original);
    let ws = Workspace::open(&original).unwrap();
    let (bytes, report) = json::export(&ws).unwrap();
    ws.close().unwrap();
    assert_eq!(report.format, "Bridgeplan workspace JSON");
    assert!(report.not_kept.iter().any(|n| n.contains("undo history")));
    assert!(
        report.written.iter().any(|c| c.what == "work items" && c.count > 10),
        "{report:?}"
    );
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(json::is_workspace_json(&bytes));
    assert!(text.contains("\"schema\": 12") || text.contains(&format!("\"schema\": {}", current_schema_version())));
    assert!(text.contains("{\"blob\": \"00ff10\"}"), "blobs are hex");
    assert!(text.contains("{\"real\": \"Infinity\"}"));
    assert!(text.contains("{\"text_hex\": \"ff41fe\"}"));
    assert!(!text.contains("\"search_index"), "the index is left out");

    let source = dir.path().join("backup.json");
    std::fs::write(&source, &bytes).unwrap();
    let copy = dir.path().join("restored.bridgeplan");
    let made = json::import_file(&source, &copy).unwrap();
    assert_eq!(made.schema, current_schema_version());
    assert_eq!(made.from_schema, current_schema_version());
    assert_eq!(made.name, "Northwind Logistics IT");
    assert_eq!(
        files_in(dir.path()),
        ["backup.json", "demo.bridgeplan", "restored.bridgeplan"]
    );

    let before = dump(&original);
    let after = dump(&copy);
    assert!(before.len() > 40, "the demo has its tables: {}", before.len());
    let names = |d: &Dump| d.iter().map(|t| t.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&before), names(&after));
    let mut rows = 0;
    for ((table, columns, a), (_, columns_b, b)) in before.iter().zip(&after) {
        assert_eq!(columns, columns_b, "columns of {table}");
        assert_eq!(a.len(), b.len(), "row count of {table}");
        for (i, (ra, rb)) in a.iter().zip(b).enumerate() {
            assert_eq!(ra, rb, "row {i} of {table}");
        }
        rows += a.len();
    }
    assert!(rows > 500, "the demo has rows: {rows}");
    assert_eq!(
        schema_sql(&original),
        schema_sql(&copy),
        "same tables, indexes and triggers"
    );

    // The new file is a healthy workspace whose search index was rebuilt from the rows.
    let report = bridgeplan_core::workspace::check::check_file(&copy).unwrap();
    assert_eq!(report.schema_version, current_schema_version());
    let a = Workspace::open(&original).unwrap();
    let b = Workspace::open(&copy).unwrap();
    for query in ["cutover", "vpn", "portal", "supplier"] {
        // The same hits of each kind; hits of equal rank may come in another order, since
        // the index's entries were written in another order.
        let hits = |ws: &Workspace| {
            let mut out: Vec<String> = serde_json::to_value(ws.search(query, 50).unwrap()).unwrap()["groups"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|g| g["hits"].as_array().unwrap().iter().map(|h| h.to_string()))
                .collect();
            out.sort();
            out
        };
        let found = hits(&a);
        assert!(!found.is_empty(), "{query} finds something");
        assert_eq!(found, hits(&b), "search for {query}");
    }
    // Exported again, the copy gives the same document but for the moment of export.
    let (again, _) = json::export(&b).unwrap();
    let strip = |t: &str| {
        t.lines()
            .filter(|l| !l.contains("\"exported_at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(text), strip(std::str::from_utf8(&again).unwrap()));
}

fn assert_refused(dir: &Path, bytes: &[u8], code: ErrorCode, words: &str) -> String {
    let before = files_in(dir);
    let dest = dir.join("new.bridgeplan");
    let err = json::import_bytes(bytes, &dest).expect_err("must be refused");
    assert_eq!(err.code(), code, "{err}");
    let message = err.to_string();
    assert!(message.contains(words), "{message}");
    assert!(message.contains("Nothing was created"), "{message}");
    assert!(!dest.exists());
    assert_eq!(files_in(dir), before, "nothing left behind");
    message
}

fn small_export(dir: &Path) -> String {
    clock::fix_for_tests();
    let ws = Workspace::in_memory().unwrap();
    let _ = dir;
    String::from_utf8(json::export(&ws).unwrap().0).unwrap()
}

#[test]
fn bad_documents_are_refused_and_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = small_export(dir.path());
    assert_refused(dir.path(), b"", ErrorCode::NotAWorkspace, "empty");
    assert_refused(
        dir.path(),
        b"PK\x03\x04 not json at all",
        ErrorCode::Damaged,
        "not valid JSON",
    );
    assert_refused(
        dir.path(),
        b"{\"format\": \"bridgeplan-workspace\", \"version\": 1,, }",
        ErrorCode::Damaged,
        "not valid JSON",
    );
    assert_refused(
        dir.path(),
        br#"{"id": "5f1a", "name": "Roadmap", "lists": [], "cards": []}"#,
        ErrorCode::NotAWorkspace,
        "not a Bridgeplan workspace export",
    );
    assert_refused(
        dir.path(),
        br#"{"format": "trello-board", "version": 1}"#,
        ErrorCode::NotAWorkspace,
        "format",
    );
    assert_refused(
        dir.path(),
        b"[1, 2, 3]",
        ErrorCode::NotAWorkspace,
        "not a Bridgeplan workspace export",
    );
    let newer = good.replacen("\"version\": 1,", "\"version\": 2,", 1);
    assert_refused(
        dir.path(),
        newer.as_bytes(),
        ErrorCode::NewerVersion,
        "newer Bridgeplan",
    );
    let schema = format!("\"schema\": {},", current_schema_version());
    let future = good.replacen(&schema, &format!("\"schema\": {},", current_schema_version() + 1), 1);
    assert_refused(
        dir.path(),
        future.as_bytes(),
        ErrorCode::NewerVersion,
        "Update Bridgeplan",
    );
    // Cut off anywhere: refused as incomplete.
    for cut in [1, 10, 40, good.len() / 3, good.len() / 2, good.len() - 3] {
        assert_refused(
            dir.path(),
            &good.as_bytes()[..cut],
            ErrorCode::Damaged,
            "ends too early",
        );
    }
    let unknown_table = good.replacen(
        "\"tables\": {",
        "\"tables\": {\n    \"gadgets\": {\"columns\": [\"id\"], \"rows\": [[1]]},",
        1,
    );
    assert_refused(dir.path(), unknown_table.as_bytes(), ErrorCode::Damaged, "\"gadgets\"");
    let no_tables = r#"{"format": "bridgeplan-workspace", "version": 1, "schema": 12}"#;
    assert_refused(dir.path(), no_tables.as_bytes(), ErrorCode::Damaged, "tables");
}

/// A document at schema 1 (written by hand here, as an old export would be).
fn schema_one(project_id: i64) -> String {
    format!(
        r#"{{"format": "bridgeplan-workspace", "version": 1, "schema": 1, "exported_at": "2024-01-01T00:00:00Z",
  "tables": {{
    "workspace_meta": {{"columns": ["key", "value"], "rows": [["name", "Old plans"], ["created_at", "2024-01-01T00:00:00Z"]]}},
    "people": {{"columns": ["id", "name", "role", "created_at"], "rows": [[1, "Ann", "Lead", "2024-01-01T00:00:00Z"]]}},
    "projects": {{"columns": ["id", "name", "methodology", "start_date", "finish_date", "description", "created_at", "updated_at"],
      "rows": [[1, "Intranet", "kanban", null, null, "", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"]]}},
    "statuses": {{"columns": ["id", "project_id", "name", "category", "position", "wip_limit"],
      "rows": [[1, {project_id}, "To do", "todo", 0, null]]}}
  }}}}"#
    )
}

#[test]
fn an_older_schema_is_migrated_and_dangling_rows_refused() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("old.bridgeplan");
    let made = json::import_bytes(schema_one(1).as_bytes(), &dest).expect("imports");
    assert_eq!(made.from_schema, 1);
    assert_eq!(made.schema, current_schema_version());
    let ws = Workspace::open(&dest).unwrap();
    assert_eq!(ws.name(), "Old plans");
    assert_eq!(ws.info().schema_version, current_schema_version());
    let project = ws.project_by_name("Intranet").unwrap();
    assert_eq!(project.id, 1);
    assert!(!ws.workspace_uuid().is_empty(), "schema 8 gave it an identity");
    ws.close().unwrap();

    // A status of a project that is not in the file.
    let message = assert_refused(
        dir.path(),
        schema_one(77).as_bytes(),
        ErrorCode::Damaged,
        "point to rows",
    );
    assert!(message.contains("statuses"), "{message}");
}

#[test]
fn an_existing_file_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let good = small_export(dir.path());
    let dest = dir.path().join("taken.bridgeplan");
    std::fs::write(&dest, b"someone's file").unwrap();
    let err = json::import_bytes(good.as_bytes(), &dest).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&dest).unwrap(), b"someone's file");
    assert_eq!(files_in(dir.path()), ["taken.bridgeplan"]);
}

#[test]
fn a_preview_counts_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let original = demo_file(dir.path());
    let ws = Workspace::open(&original).unwrap();
    let (bytes, _) = json::export(&ws).unwrap();
    let preview = json::preview(&bytes).unwrap();
    assert_eq!(preview.format, "Bridgeplan workspace JSON");
    assert_eq!(preview.project, "Northwind Logistics IT");
    let projects = preview.creates.iter().find(|c| c.what == "projects").unwrap();
    assert_eq!(projects.count, ws.projects().unwrap().len());
    assert!(preview.creates.last().unwrap().what.starts_with("rows in all"));
    assert!(!files_in(dir.path())
        .iter()
        .any(|f| f.ends_with(".json") || f.contains("importing")));
    // The export of the open file onto itself is refused.
    let err = json::export_to(&ws, &original).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}
