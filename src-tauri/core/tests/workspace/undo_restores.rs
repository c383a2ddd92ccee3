//! Undo of a delete gives back every row the delete took, including the rows the schema's
//! foreign keys removed or changed on their own; redo takes them again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::work::statuses::StatusInput;
use bridgeplan_core::{Id, Workspace};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

/// Every table of the workspace file, each as its rows (in text form) sorted.
type Dump = BTreeMap<String, Vec<String>>;

fn dump(path: &Path) -> Dump {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap()
        .into_iter()
        // The search index is derived from the rows; its pages and keys may differ after undo.
        .filter(|t| !bridgeplan_core::search::is_index_table(t))
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

/// Names the tables that differ, so a failure says where undo fell short.
fn assert_same(expected: &Dump, actual: &Dump, when: &str) {
    let differing: std::collections::BTreeSet<&String> = expected
        .keys()
        .chain(actual.keys())
        .filter(|t| expected.get(*t) != actual.get(*t))
        .collect();
    assert!(differing.is_empty(), "{when}: tables differ: {differing:?}");
}

fn rows(dump: &Dump, table: &str) -> usize {
    dump[table].len()
}

struct Demo {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    bridgeplan_core::demo::fill_demo(&mut ws, bridgeplan_core::clock::fix_for_tests()).unwrap();
    Demo { _dir: dir, path, ws }
}

impl Demo {
    fn dump(&self) -> Dump {
        dump(&self.path)
    }

    /// The first id the query returns, read from the file.
    fn pick(&self, sql: &str) -> Id {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn ids(&self, sql: &str) -> Vec<Id> {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let ids = stmt.query_map([], |r| r.get(0)).unwrap();
        ids.collect::<Result<_, _>>().unwrap()
    }

    /// Runs `delete`, then checks undo restores every table, redo takes the same rows again,
    /// and undo once more restores them. Returns the workspace as the delete left it.
    fn delete_undo_redo(&mut self, delete: impl FnOnce(&mut Workspace)) -> (Dump, Dump) {
        let before = self.dump();
        delete(&mut self.ws);
        let deleted = self.dump();
        assert!(self.ws.undo().unwrap().is_some());
        assert_same(&before, &self.dump(), "after undo");
        assert!(self.ws.redo().unwrap().is_some());
        assert_same(&deleted, &self.dump(), "after redo");
        assert!(self.ws.undo().unwrap().is_some());
        assert_same(&before, &self.dump(), "after a second undo");
        (before, deleted)
    }
}

#[test]
fn undoing_the_delete_of_a_summary_task_restores_its_subtree_links_history_and_baselines() {
    let mut demo = demo();
    // A summary task whose children have dependencies, status history and baseline rows.
    let summary = demo.pick(
        "SELECT p.id FROM work_items p JOIN work_items c ON c.parent_id = p.id \
         WHERE EXISTS (SELECT 1 FROM dependencies d WHERE c.id IN (d.predecessor_id, d.successor_id)) \
         AND EXISTS (SELECT 1 FROM baseline_tasks b WHERE b.item_id = c.id) \
         ORDER BY p.id LIMIT 1",
    );
    let (before, deleted) = demo.delete_undo_redo(|ws| ws.delete_item(summary).unwrap());
    for table in ["work_items", "dependencies", "status_changes", "baseline_tasks"] {
        assert!(
            rows(&deleted, table) < rows(&before, table),
            "the delete took no {table}"
        );
    }
}

#[test]
fn undoing_the_delete_of_a_sprint_item_restores_its_history_and_links() {
    let mut demo = demo();
    let item = demo.pick(
        "SELECT w.id FROM work_items w WHERE w.sprint_id IS NOT NULL AND w.assignee_id IS NOT NULL \
         AND (SELECT count(*) FROM status_changes s WHERE s.item_id = w.id) > 1 \
         ORDER BY w.id LIMIT 1",
    );
    let (before, deleted) = demo.delete_undo_redo(|ws| ws.delete_item(item).unwrap());
    assert!(rows(&deleted, "status_changes") < rows(&before, "status_changes"));
}

#[test]
fn undoing_the_delete_of_a_project_restores_its_sprints_baselines_items_and_their_rows() {
    let mut demo = demo();
    // Each demo project has its own mix: baselines (waterfall), sprints (scrum), links, WIP.
    let mut taken = std::collections::BTreeSet::new();
    for project in demo.ids("SELECT id FROM projects ORDER BY id") {
        let (before, deleted) = demo.delete_undo_redo(|ws| ws.delete_project(project).unwrap());
        taken.extend(before.keys().filter(|t| rows(&deleted, t) < rows(&before, t)).cloned());
    }
    for table in [
        "sprints",
        "baselines",
        "baseline_tasks",
        "statuses",
        "status_changes",
        "dependencies",
    ] {
        assert!(taken.contains(table), "no project delete took any {table}");
    }
}

#[test]
fn undoing_the_delete_of_a_sprint_puts_its_items_back_in_it() {
    let mut demo = demo();
    let sprint = demo.pick(
        "SELECT s.id FROM sprints s WHERE EXISTS (SELECT 1 FROM work_items w WHERE w.sprint_id = s.id) \
         ORDER BY s.id LIMIT 1",
    );
    demo.delete_undo_redo(|ws| ws.delete_sprint(sprint).unwrap());
}

#[test]
fn undoing_the_delete_of_an_emptied_column_restores_the_history_that_named_it() {
    let mut demo = demo();
    // A column that history names; empty it by moving its items to another column first.
    let status = demo.pick(
        "SELECT s.id FROM statuses s WHERE EXISTS (SELECT 1 FROM status_changes c WHERE c.status_id = s.id) \
         AND EXISTS (SELECT 1 FROM work_items w WHERE w.status_id = s.id) ORDER BY s.id LIMIT 1",
    );
    let other = demo.pick(&format!(
        "SELECT o.id FROM statuses o JOIN statuses s ON s.project_id = o.project_id \
         WHERE s.id = {status} AND o.id <> s.id ORDER BY o.id LIMIT 1"
    ));
    let items = demo.ids(&format!("SELECT id FROM work_items WHERE status_id = {status}"));
    for item in items {
        demo.ws.move_item(item, other, 0).unwrap();
    }
    demo.delete_undo_redo(|ws| ws.delete_status(status).unwrap());
}

#[test]
fn an_edit_before_a_delete_can_still_be_undone_after_undo_and_redo_of_the_delete() {
    let mut demo = demo();
    let start = demo.dump();
    let status = demo.pick("SELECT id FROM statuses ORDER BY id LIMIT 1");
    let old = demo.ws.status(status).unwrap();
    demo.ws
        .update_status(
            status,
            &StatusInput {
                name: "Renamed".into(),
                category: old.category,
                wip_limit: Some(7),
            },
        )
        .unwrap();
    let project = demo.ws.status(status).unwrap().project_id;
    demo.delete_undo_redo(|ws| ws.delete_project(project).unwrap());
    // The second undo in delete_undo_redo restored the project; the rename is next.
    let undone = demo.ws.undo().unwrap().unwrap();
    assert!(undone.label.contains("Renamed"), "{}", undone.label);
    assert_same(&start, &demo.dump(), "after undoing the edit before the delete");
    assert_eq!(demo.ws.status(status).unwrap(), old);
}
