//! Undo and redo for every edit.
//!
//! Each edit runs in one SQLite transaction through [`Workspace::edit`]. While it runs, the
//! edit declares the rows it is about to change ([`EditContext::touch`]) or has just inserted
//! ([`EditContext::inserted`]); their images before and after are kept. Undo writes the
//! "before" images back, redo the "after" images — each again in one transaction. Because
//! this works on rows, every present and future edit gets undo without code of its own.
//!
//! A delete goes through [`EditContext::delete`], which also records every row the delete
//! reaches through the schema's ON DELETE CASCADE / SET NULL foreign keys, so undo brings
//! back dependencies, history, sprint membership and the rest. In debug builds an update hook
//! watches each edit and fails it if it changed a row it did not record. Once committed, the
//! rows an edit, undo or redo wrote also go to the kept outline (`plan::outline_cache`).

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::outline_cache::RowWrite;
use crate::{CoreError, Id, Result, Workspace};

/// How many edits can be undone; older ones fall off.
const MAX_UNDO: usize = 500;

type RowImage = Vec<(String, Value)>;

struct RowChange {
    table: String,
    id: Id,
    before: Option<RowImage>,
    after: Option<RowImage>,
}

struct Edit {
    label: String,
    project_id: Option<Id>,
    changes: Vec<RowChange>,
}

#[derive(Default)]
pub(crate) struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// Forgets every edit, e.g. after generating a workspace that the user did not make.
    pub(crate) fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// What the UI needs to label its Undo and Redo commands.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct HistoryState {
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
}

/// The outcome of an undo or redo: what it was, and the project it touched (so the UI can
/// show that project).
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Replayed {
    pub label: String,
    #[ts(type = "number | null")]
    pub project_id: Option<Id>,
}

/// The handle an edit uses inside its transaction.
pub struct EditContext<'a> {
    pub(crate) tx: &'a Transaction<'a>,
    label: String,
    project_id: Option<Id>,
    changes: Vec<RowChange>,
    recorded: HashSet<(String, Id)>,
}

impl<'a> EditContext<'a> {
    /// Records the current image of a row that the edit is about to update. A row to delete
    /// goes through [`EditContext::delete`] instead, which also records what the delete
    /// cascades to.
    pub(crate) fn touch(&mut self, table: &'static str, id: Id) -> Result<()> {
        self.record(table, id)
    }

    /// Records a row the edit has just inserted.
    pub(crate) fn inserted(&mut self, table: &'static str, id: Id) {
        self.recorded.insert((table.to_string(), id));
        self.changes.push(RowChange {
            table: table.to_string(),
            id,
            before: None,
            after: None,
        });
    }

    /// Deletes a row, first recording it and every row its foreign keys will delete
    /// (CASCADE, recursively) or change (SET NULL / SET DEFAULT), so undo restores them all.
    /// Walking the schema's own keys keeps this right for tables added later.
    pub(crate) fn delete(&mut self, table: &'static str, id: Id) -> Result<usize> {
        let keys = foreign_keys(self.tx)?;
        let mut seen = HashSet::new();
        let mut pending = vec![(table.to_string(), id)];
        while let Some((parent, id)) = pending.pop() {
            if !seen.insert((parent.clone(), id)) {
                continue;
            }
            self.record(&parent, id)?;
            for key in keys.iter().filter(|k| k.parent == parent) {
                // Names come from the schema, never from user input.
                let sql = format!(
                    "SELECT c.id FROM {child} c JOIN {parent} p ON c.{from} = p.{to} WHERE p.id = ?1",
                    child = key.child,
                    from = key.from,
                    to = key.to,
                );
                for child in ids_of(self.tx, &sql, id)? {
                    if key.cascade {
                        pending.push((key.child.clone(), child));
                    } else {
                        self.record(&key.child, child)?;
                    }
                }
            }
        }
        Ok(self.tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?)
    }

    fn record(&mut self, table: &str, id: Id) -> Result<()> {
        if !self.recorded.insert((table.to_string(), id)) {
            return Ok(());
        }
        let before = read_row(self.tx, table, id)?;
        self.changes.push(RowChange {
            table: table.to_string(),
            id,
            before,
            after: None,
        });
        Ok(())
    }

    pub(crate) fn set_label(&mut self, label: impl Into<String>) {
        self.label = label.into();
    }

    pub(crate) fn set_project(&mut self, project_id: Id) {
        self.project_id = Some(project_id);
    }
}

impl Workspace {
    /// Runs one edit in one IMMEDIATE transaction and records it for undo.
    /// If `f` fails, nothing is written and nothing is recorded. In debug builds an edit that
    /// wrote a row it did not record fails too, so a forgotten `touch` shows up in tests.
    pub(crate) fn edit<T>(&mut self, f: impl FnOnce(&mut EditContext) -> Result<T>) -> Result<T> {
        self.require_writable()?;
        let written_from = self.conn.total_changes();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        #[cfg(debug_assertions)]
        let written = watch_writes(&tx)?;
        let mut ctx = EditContext {
            tx: &tx,
            label: "Edit".into(),
            project_id: None,
            changes: Vec::new(),
            recorded: HashSet::new(),
        };
        let value = f(&mut ctx);
        // Off again before anything else runs on the connection, whether `f` failed or not.
        #[cfg(debug_assertions)]
        tx.update_hook(None::<fn(rusqlite::hooks::Action, &str, &str, i64)>)?;
        let value = value?;
        #[cfg(debug_assertions)]
        check_recorded(&written, &ctx.recorded)?;
        let EditContext {
            label,
            project_id,
            mut changes,
            ..
        } = ctx;
        for change in &mut changes {
            change.after = read_row(&tx, &change.table, change.id)?;
        }
        changes.retain(|c| c.before != c.after);
        tx.commit()?;
        self.outline_after_write(written_from, &row_writes(&changes, false));
        if !changes.is_empty() {
            self.history.redo.clear();
            self.history.undo.push(Edit {
                label,
                project_id,
                changes,
            });
            if self.history.undo.len() > MAX_UNDO {
                self.history.undo.remove(0);
            }
        }
        Ok(value)
    }

    pub fn history_state(&self) -> HistoryState {
        HistoryState {
            undo_label: self.history.undo.last().map(|e| e.label.clone()),
            redo_label: self.history.redo.last().map(|e| e.label.clone()),
        }
    }

    /// Undoes the latest edit. `Ok(None)` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Replayed>> {
        self.replay(true)
    }

    /// Redoes the latest undone edit. `Ok(None)` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Replayed>> {
        self.replay(false)
    }

    fn replay(&mut self, undo: bool) -> Result<Option<Replayed>> {
        self.require_writable()?;
        let source = if undo {
            &mut self.history.undo
        } else {
            &mut self.history.redo
        };
        let Some(edit) = source.pop() else {
            return Ok(None);
        };
        let written_from = self.conn.total_changes();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Rows come back in any order (an item before its project); check keys at commit.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let applied = (|| -> Result<()> {
            if undo {
                for change in edit.changes.iter().rev() {
                    write_row(&tx, &change.table, change.id, change.before.as_ref())?;
                }
            } else {
                for change in &edit.changes {
                    write_row(&tx, &change.table, change.id, change.after.as_ref())?;
                }
            }
            Ok(())
        })();
        let result = applied.and_then(|_| tx.commit().map_err(CoreError::from));
        let replayed = Replayed {
            label: edit.label.clone(),
            project_id: edit.project_id,
        };
        match result {
            Ok(()) => {
                self.outline_after_write(written_from, &row_writes(&edit.changes, undo));
                if undo {
                    self.history.redo.push(edit);
                } else {
                    self.history.undo.push(edit);
                }
                Ok(Some(replayed))
            }
            Err(err) => {
                // Keep the edit where it was so nothing is lost; the transaction rolled back.
                if undo {
                    self.history.undo.push(edit);
                } else {
                    self.history.redo.push(edit);
                }
                Err(err)
            }
        }
    }
}

/// The rows `changes` write: from their images before to after, or back for an undo.
fn row_writes(changes: &[RowChange], undo: bool) -> Vec<RowWrite<'_>> {
    changes
        .iter()
        .map(|c| {
            let (from, to) = if undo {
                (&c.after, &c.before)
            } else {
                (&c.before, &c.after)
            };
            RowWrite {
                table: &c.table,
                id: c.id,
                from: from.as_deref(),
                to: to.as_deref(),
            }
        })
        .collect()
}

/// The ids `sql` selects for one parameter.
fn ids_of(tx: &Transaction, sql: &str, param: Id) -> Result<Vec<Id>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([param], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn read_row(tx: &Transaction, table: &str, id: Id) -> Result<Option<RowImage>> {
    // `table` is a constant from this crate or a name from the schema, never user input.
    let mut stmt = tx.prepare_cached(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        None => Ok(None),
        Some(row) => {
            let mut image = Vec::with_capacity(names.len());
            for (i, name) in names.into_iter().enumerate() {
                image.push((name, row.get::<_, Value>(i)?));
            }
            Ok(Some(image))
        }
    }
}

/// Puts a row back to `image`, or deletes it when `image` is `None`. An upsert, never
/// REPLACE: REPLACE deletes first, which would cascade to the row's children.
fn write_row(tx: &Transaction, table: &str, id: Id, image: Option<&RowImage>) -> Result<()> {
    match image {
        None => {
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        }
        Some(image) => {
            let columns: Vec<&str> = image.iter().map(|(n, _)| n.as_str()).collect();
            let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
            let updates: Vec<String> = columns
                .iter()
                .filter(|c| **c != "id")
                .map(|c| format!("{c} = excluded.{c}"))
                .collect();
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
                columns.join(", "),
                placeholders.join(", "),
                updates.join(", ")
            );
            let values: Vec<&Value> = image.iter().map(|(_, v)| v).collect();
            tx.execute(&sql, rusqlite::params_from_iter(values))?;
        }
    }
    Ok(())
}

/// A foreign key whose ON DELETE action changes rows of `child` when a `parent` row goes.
struct ForeignKey {
    child: String,
    from: String,
    parent: String,
    to: String,
    /// CASCADE deletes the child rows; SET NULL and SET DEFAULT update them.
    cascade: bool,
}

/// The foreign keys of every table that delete or change child rows, read from the schema.
fn foreign_keys(tx: &Transaction) -> Result<Vec<ForeignKey>> {
    let mut stmt = tx.prepare_cached(
        "SELECT m.name, k.\"from\", k.\"table\", coalesce(k.\"to\", 'id'), k.on_delete \
         FROM sqlite_master m, pragma_foreign_key_list(m.name) k \
         WHERE m.type = 'table' AND k.on_delete IN ('CASCADE', 'SET NULL', 'SET DEFAULT')",
    )?;
    let keys = stmt.query_map([], |r| {
        Ok(ForeignKey {
            child: r.get(0)?,
            from: r.get(1)?,
            parent: r.get(2)?,
            to: r.get(3)?,
            cascade: r.get::<_, String>(4)? == "CASCADE",
        })
    })?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

#[cfg(debug_assertions)]
type Written = std::sync::Arc<std::sync::Mutex<Vec<(String, i64)>>>;

/// Notes every row the edit writes, cascades included (debug builds only: a check, not a
/// source of undo data; the hook sees no old values).
#[cfg(debug_assertions)]
fn watch_writes(tx: &Transaction) -> Result<Written> {
    let written = Written::default();
    let log = written.clone();
    tx.update_hook(Some(move |_, _: &str, table: &str, rowid: i64| {
        // The search index's FTS5 shadow tables are written by SQL triggers from the rows
        // the edit records; they are derived data that undo rebuilds the same way.
        if crate::search::is_index_table(table) {
            return;
        }
        if let Ok(mut log) = log.lock() {
            log.push((table.to_string(), rowid));
        }
    }))?;
    Ok(written)
}

/// Fails an edit that wrote a row it did not record, so undo would miss it. Every table but
/// `workspace_meta` has `id INTEGER PRIMARY KEY`, so the rowid is the id.
#[cfg(debug_assertions)]
fn check_recorded(written: &Written, recorded: &HashSet<(String, Id)>) -> Result<()> {
    let written = written
        .lock()
        .map_err(|_| CoreError::Internal("The edit log was poisoned.".into()))?;
    match written.iter().find(|w| !recorded.contains(w)) {
        None => Ok(()),
        Some((table, rowid)) => Err(CoreError::Internal(format!(
            "An edit changed row {rowid} of {table} without recording it for undo."
        ))),
    }
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use crate::work::items::WorkItemInput;
    use crate::work::projects::{Methodology, ProjectInput};
    use crate::{ErrorCode, Workspace};

    fn workspace_with_item() -> (Workspace, crate::Id, crate::Id) {
        let mut ws = Workspace::in_memory().unwrap();
        let project = ws
            .create_project(&ProjectInput {
                name: "Check".into(),
                methodology: Methodology::Kanban,
                start_date: None,
                finish_date: None,
                description: String::new(),
            })
            .unwrap()
            .id;
        let input = WorkItemInput {
            title: "Task".into(),
            ..Default::default()
        };
        let item = ws.create_item(project, None, &input).unwrap().id;
        (ws, project, item)
    }

    #[test]
    fn an_edit_that_changes_a_row_it_did_not_record_fails_and_rolls_back() {
        let (mut ws, project, _) = workspace_with_item();
        let before = ws.project(project).unwrap();
        let err = ws
            .edit(|ctx| {
                ctx.tx
                    .execute("UPDATE projects SET description = 'x' WHERE id = ?1", [project])?;
                Ok(())
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Internal);
        assert!(err.to_string().contains("projects"), "{err}");
        assert_eq!(ws.project(project).unwrap(), before);
        assert_eq!(ws.history_state().undo_label.as_deref(), Some("Add \"Task\""));
    }

    #[test]
    fn a_raw_delete_that_cascades_past_what_was_recorded_fails() {
        let (mut ws, _, item) = workspace_with_item();
        // The item has a status_changes row, which the delete cascades to.
        let err = ws
            .edit(|ctx| {
                ctx.touch("work_items", item)?;
                ctx.tx.execute("DELETE FROM work_items WHERE id = ?1", [item])?;
                Ok(())
            })
            .unwrap_err();
        assert!(err.to_string().contains("status_changes"), "{err}");
        assert!(ws.item(item).is_ok());
    }
}
