//! Reading a workspace JSON document into a new workspace file: built under a temporary name at
//! the document's schema, loaded, checked, migrated to this build's schema, then renamed into
//! place. Any refusal leaves nothing behind.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::types::Value as SqlValue;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::write::counts;
use super::{data_tables, from_hex, parents_first, quote, FORMAT, FORMAT_LABEL, NOTES, VERSION};
use crate::interchange::preview::ImportPreview;
use crate::workspace::{current_schema_version, migrate_range, APPLICATION_ID};
use crate::{CoreError, Result};

/// What an import made.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WorkspaceImport {
    /// The new workspace file.
    pub path: String,
    /// The workspace's name, as the document has it.
    pub name: String,
    /// The schema the document was exported at; older ones are migrated.
    pub from_schema: u32,
    /// The schema of the new file.
    pub schema: u32,
    pub preview: ImportPreview,
}

#[derive(Deserialize)]
struct Head {
    format: Option<Value>,
    version: Option<Value>,
    schema: Option<Value>,
}

#[derive(Deserialize)]
struct Document {
    schema: u32,
    #[serde(default)]
    name: Option<String>,
    tables: BTreeMap<String, Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

const NOTHING: &str = "Nothing was created.";

fn damaged(what: impl std::fmt::Display) -> CoreError {
    CoreError::Damaged(format!(
        "This workspace JSON cannot be imported: {what}. The file may be damaged or edited by hand. {NOTHING}"
    ))
}

fn syntax(err: serde_json::Error, size: usize) -> CoreError {
    use serde_json::error::Category;
    match err.classify() {
        Category::Eof if size == 0 => CoreError::NotAWorkspace(format!("The file is empty. {NOTHING}")),
        Category::Eof => CoreError::Damaged(format!(
            "The file ends too early (line {}): it is incomplete, perhaps cut off while it was copied. \
             Export it again. {NOTHING}",
            err.line()
        )),
        Category::Syntax => CoreError::Damaged(format!(
            "The file is not valid JSON (line {}, column {}): it is damaged. {NOTHING}",
            err.line(),
            err.column()
        )),
        Category::Io | Category::Data => CoreError::NotAWorkspace(format!(
            "The file is JSON but not a Bridgeplan workspace export. {NOTHING}"
        )),
    }
}

/// Parses and checks the document: its format, its version and its schema.
fn parse(bytes: &[u8]) -> Result<Document> {
    let head: Head = serde_json::from_slice(bytes).map_err(|e| syntax(e, bytes.len()))?;
    if head.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(CoreError::NotAWorkspace(format!(
            "The file is JSON but not a Bridgeplan workspace export (its \"format\" is not \
             \"{FORMAT}\"). To bring in another tool's plan, use that tool's import. {NOTHING}"
        )));
    }
    let version = head
        .version
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or_else(|| damaged("it has no format version"))?;
    if version > u64::from(VERSION) {
        return Err(CoreError::NewerVersion(format!(
            "The file was written by a newer Bridgeplan (JSON format version {version}; this one reads \
             version {VERSION}). Update Bridgeplan to import it. {NOTHING}"
        )));
    }
    let schema = head
        .schema
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or_else(|| damaged("it has no schema number"))?;
    if schema > u64::from(current_schema_version()) {
        return Err(CoreError::NewerVersion(format!(
            "The file holds a workspace of a newer Bridgeplan (schema {schema}; this one understands up \
             to {}). Update Bridgeplan to import it. {NOTHING}",
            current_schema_version()
        )));
    }
    if schema == 0 {
        return Err(damaged("its schema number is 0"));
    }
    serde_json::from_slice::<Document>(bytes).map_err(|e| damaged(format_args!("{e}")))
}

fn row_count(doc: &Document) -> Vec<(String, usize)> {
    doc.tables.iter().map(|(t, v)| (t.clone(), v.rows.len())).collect()
}

fn workspace_name(doc: &Document) -> String {
    let from_meta = doc.tables.get("workspace_meta").and_then(|t| {
        let key = t.columns.iter().position(|c| c == "key")?;
        let value = t.columns.iter().position(|c| c == "value")?;
        t.rows
            .iter()
            .find(|r| r.get(key).and_then(Value::as_str) == Some("name"))
            .and_then(|r| r.get(value)?.as_str().map(str::to_string))
    });
    from_meta
        .or_else(|| doc.name.clone())
        .unwrap_or_else(|| "Workspace".into())
}

fn preview_of(doc: &Document) -> ImportPreview {
    let name = workspace_name(doc);
    let mut preview = ImportPreview::new(FORMAT_LABEL, &name);
    preview.creates = counts(&row_count(doc));
    preview.not_kept = NOTES.iter().map(|n| n.to_string()).collect();
    preview
}

/// What importing `bytes` would create, without writing anything.
pub fn preview(bytes: &[u8]) -> Result<ImportPreview> {
    Ok(preview_of(&parse(bytes)?))
}

/// Imports the workspace JSON file `source` into a new workspace file `dest`.
pub fn import_file(source: &Path, dest: &Path) -> Result<WorkspaceImport> {
    let bytes = std::fs::read(source).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CoreError::NotFound(format!("There is no file at {}.", source.display())),
        _ => CoreError::io(format!("Could not read {}", source.display()), e),
    })?;
    import_bytes(&bytes, dest)
}

fn refuse_existing(dest: &Path) -> Result<()> {
    if dest.exists() || dest.symlink_metadata().is_ok() {
        return Err(CoreError::Duplicate(format!(
            "{} already exists. An import makes a new workspace: choose a name no file has yet. {NOTHING}",
            dest.display()
        )));
    }
    Ok(())
}

/// Imports a workspace JSON document into a new workspace file `dest`, which must not exist.
pub fn import_bytes(bytes: &[u8], dest: &Path) -> Result<WorkspaceImport> {
    refuse_existing(dest)?;
    let doc = parse(bytes)?;
    let temp = temp_path(dest);
    remove_with_companions(&temp);
    let built = build(&doc, &temp).and_then(|_| place(&temp, dest));
    if let Err(err) = built {
        remove_with_companions(&temp);
        return Err(match err {
            CoreError::Database(e) => CoreError::Io(format!("Could not create {}: {e}. {NOTHING}", dest.display())),
            other => other,
        });
    }
    Ok(WorkspaceImport {
        path: dest.display().to_string(),
        name: workspace_name(&doc),
        from_schema: doc.schema,
        schema: current_schema_version(),
        preview: preview_of(&doc),
    })
}

fn temp_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".{}.importing", std::process::id()));
    dest.with_file_name(name)
}

fn remove_with_companions(path: &Path) {
    let _ = std::fs::remove_file(path);
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Moves the finished file into place without ever replacing a file that appeared meanwhile.
fn place(temp: &Path, dest: &Path) -> Result<()> {
    File::open(temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| CoreError::io(format!("Could not write {}", dest.display()), e))?;
    match std::fs::hard_link(temp, dest) {
        Ok(()) => {
            let _ = std::fs::remove_file(temp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => refuse_existing(dest),
        Err(_) => {
            // A file system without hard links: check, then rename.
            refuse_existing(dest)?;
            std::fs::rename(temp, dest).map_err(|e| CoreError::io(format!("Could not create {}", dest.display()), e))
        }
    }
}

/// A JSON cell as the SQLite value it stands for.
fn sql_value(v: &Value) -> std::result::Result<SqlValue, String> {
    Ok(match v {
        Value::Null => SqlValue::Null,
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                SqlValue::Integer(i)
            } else if n.is_u64() {
                return Err(format!("the number {n} is too large for a whole number"));
            } else {
                SqlValue::Real(n.as_f64().ok_or_else(|| format!("the number {n} cannot be read"))?)
            }
        }
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(map) if map.len() == 1 => {
            let (key, inner) = map.iter().next().expect("one entry");
            let text = inner.as_str().ok_or_else(|| format!("\"{key}\" must be a string"))?;
            match key.as_str() {
                "blob" => SqlValue::Blob(from_hex(text).ok_or("a blob's hex digits are damaged")?),
                "real" => match text {
                    "Infinity" => SqlValue::Real(f64::INFINITY),
                    "-Infinity" => SqlValue::Real(f64::NEG_INFINITY),
                    _ => return Err(format!("\"{text}\" is not a real number")),
                },
                // Text that is not UTF-8 is bound as its bytes; the loader retypes it as TEXT.
                "text_hex" => SqlValue::Blob(from_hex(text).ok_or("a text's hex digits are damaged")?),
                other => return Err(format!("a value tagged \"{other}\" is not known")),
            }
        }
        Value::Bool(_) => return Err("true or false is not a value of a workspace".into()),
        Value::Array(_) | Value::Object(_) => return Err("a list or object is not a value of a workspace".into()),
    })
}

fn is_text_hex(v: &Value) -> bool {
    matches!(v, Value::Object(map) if map.len() == 1 && map.contains_key("text_hex"))
}

fn foreign_key_problems(conn: &Connection) -> Result<()> {
    let problems: Vec<(String, String)> = conn
        .prepare("SELECT \"table\", parent FROM pragma_foreign_key_check")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some((table, parent)) = problems.first() {
        return Err(damaged(format_args!(
            "{} row(s) point to rows that are not in the file (the first: a row of \"{table}\" points to \
             a missing row of \"{parent}\")",
            problems.len()
        )));
    }
    Ok(())
}

/// Builds the workspace at `temp`: the document's schema, its rows, then this build's schema.
fn build(doc: &Document, temp: &Path) -> Result<()> {
    let mut conn = Connection::open(temp)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    // The file is thrown away on any failure, so it needs no journal of its own while it is built.
    conn.pragma_update(None, "journal_mode", "MEMORY")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "foreign_keys", false)?;
    migrate_range(&mut conn, 0, doc.schema)?;

    let shapes = data_tables(&conn)?;
    let known: HashMap<&str, &super::TableShape> = shapes.iter().map(|s| (s.name.as_str(), s)).collect();
    for (name, table) in &doc.tables {
        let Some(shape) = known.get(name.as_str()) else {
            return Err(damaged(format_args!(
                "it has a table \"{name}\" that schema {} does not have",
                doc.schema
            )));
        };
        for c in &table.columns {
            if !shape.columns.contains(c) {
                return Err(damaged(format_args!(
                    "table \"{name}\" has a column \"{c}\" it does not have"
                )));
            }
        }
        if let Some((i, row)) = table
            .rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.len() != table.columns.len())
        {
            return Err(damaged(format_args!(
                "row {} of table \"{name}\" has {} values for {} columns",
                i + 1,
                row.len(),
                table.columns.len()
            )));
        }
    }

    let tx = conn.transaction()?;
    let indexed = tx.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE name = 'search_index_keys'",
        [],
        |r| r.get::<_, i64>(0),
    )? > 0;
    if indexed {
        crate::search::pause_items(&tx)?;
    }
    // A table in the document holds exactly its rows; one it leaves out keeps what a new
    // workspace has (the built-in calendar, frameworks and templates).
    for shape in &shapes {
        if doc.tables.contains_key(&shape.name) {
            tx.execute(&format!("DELETE FROM {}", quote(&shape.name)), [])?;
        }
    }
    for shape in parents_first(&shapes) {
        let Some(table) = doc.tables.get(&shape.name) else {
            continue;
        };
        if table.rows.is_empty() {
            continue;
        }
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| if c == "rowid" { "rowid".into() } else { quote(c) })
            .collect();
        let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {}({}) VALUES ({})",
            quote(&shape.name),
            columns.join(", "),
            marks.join(", ")
        );
        let mut stmt = tx.prepare(&sql)?;
        for (i, row) in table.rows.iter().enumerate() {
            let values = row
                .iter()
                .map(sql_value)
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| damaged(format_args!("in row {} of table \"{}\", {e}", i + 1, shape.name)))?;
            stmt.execute(rusqlite::params_from_iter(values)).map_err(|e| {
                damaged(format_args!(
                    "row {} of table \"{}\" does not fit the workspace ({})",
                    i + 1,
                    shape.name,
                    e
                ))
            })?;
            for (c, _) in row.iter().enumerate().filter(|(_, v)| is_text_hex(v)) {
                let column = quote(&table.columns[c]);
                tx.execute(
                    &format!(
                        "UPDATE {} SET {column} = CAST({column} AS TEXT) WHERE rowid = last_insert_rowid()",
                        quote(&shape.name)
                    ),
                    [],
                )
                .map_err(|e| damaged(format_args!("row {} of table \"{}\": {e}", i + 1, shape.name)))?;
            }
        }
    }
    if indexed {
        crate::search::index_new_items(&tx)?;
    }
    foreign_key_problems(&tx)?;
    tx.commit()?;

    conn.pragma_update(None, "foreign_keys", true)?;
    if doc.schema < current_schema_version() {
        migrate_range(&mut conn, doc.schema, u32::MAX)?;
        foreign_key_problems(&conn)?;
    }
    let check: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(damaged(format_args!(
            "the workspace built from it fails SQLite's check ({check})"
        )));
    }
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.close().map_err(|(_, e)| CoreError::Database(e))
}
