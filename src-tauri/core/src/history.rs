//! Undo and redo for every edit.
//!
//! Each edit runs in one SQLite transaction through [`Workspace::edit`]. While it runs, the
//! edit declares the rows it is about to change ([`EditContext::touch`]) or has just inserted
//! ([`EditContext::inserted`]); their images before and after are kept. Undo writes the
//! "before" images back, redo the "after" images — each again in one transaction. Because
//! this works on rows, every present and future edit gets undo without code of its own.

use rusqlite::types::Value;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::{CoreError, Id, Result, Workspace};

/// How many edits can be undone; older ones fall off.
const MAX_UNDO: usize = 500;

type RowImage = Vec<(String, Value)>;

struct RowChange {
    table: &'static str,
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
}

impl<'a> EditContext<'a> {
    /// Records the current image of a row that the edit is about to update or delete.
    pub(crate) fn touch(&mut self, table: &'static str, id: Id) -> Result<()> {
        if self.changes.iter().any(|c| c.table == table && c.id == id) {
            return Ok(());
        }
        let before = read_row(self.tx, table, id)?;
        self.changes.push(RowChange {
            table,
            id,
            before,
            after: None,
        });
        Ok(())
    }

    /// Records a row the edit has just inserted.
    pub(crate) fn inserted(&mut self, table: &'static str, id: Id) {
        self.changes.push(RowChange {
            table,
            id,
            before: None,
            after: None,
        });
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
    /// If `f` fails, nothing is written and nothing is recorded.
    pub(crate) fn edit<T>(&mut self, f: impl FnOnce(&mut EditContext) -> Result<T>) -> Result<T> {
        self.require_writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut ctx = EditContext {
            tx: &tx,
            label: "Edit".into(),
            project_id: None,
            changes: Vec::new(),
        };
        let value = f(&mut ctx)?;
        let EditContext {
            label,
            project_id,
            mut changes,
            ..
        } = ctx;
        for change in &mut changes {
            change.after = read_row(&tx, change.table, change.id)?;
        }
        changes.retain(|c| c.before != c.after);
        tx.commit()?;
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
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Rows come back in any order (an item before its project); check keys at commit.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let applied = (|| -> Result<()> {
            if undo {
                for change in edit.changes.iter().rev() {
                    write_row(&tx, change.table, change.id, change.before.as_ref())?;
                }
            } else {
                for change in &edit.changes {
                    write_row(&tx, change.table, change.id, change.after.as_ref())?;
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

fn read_row(tx: &Transaction, table: &'static str, id: Id) -> Result<Option<RowImage>> {
    // `table` is always a constant from this crate, never user input.
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
fn write_row(tx: &Transaction, table: &'static str, id: Id, image: Option<&RowImage>) -> Result<()> {
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
