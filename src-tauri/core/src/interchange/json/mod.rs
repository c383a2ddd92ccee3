//! Lossless JSON interchange: a whole workspace written as one JSON document, every row of every
//! table with its SQLite type kept, and read back into a new workspace file.
//!
//! The document (format version 1, see docs/file-format.md, "JSON export"):
//!
//! ```text
//! { "format": "bridgeplan-workspace", "version": 1, "schema": 12,
//!   "exported_at": "2026-12-02T09:00:00Z", "app": "Bridgeplan 0.1.0", "name": "…",
//!   "notes": ["…"],
//!   "tables": { "people": { "columns": ["id", "name", …], "rows": [[4294967296, "Ann", …], …] } } }
//! ```
//!
//! A cell is `null` (NULL), a JSON integer without a fraction or exponent (INTEGER), a JSON
//! number with one (REAL: `1.0`, `2.5e-7`), a JSON string (TEXT), or an object of one key:
//! `{"blob": "<hex>"}` (BLOB, lower-case hex), `{"real": "Infinity"}` / `{"real": "-Infinity"}`
//! (the reals JSON numbers cannot write), `{"text_hex": "<hex>"}` (TEXT that is not valid UTF-8).
//! Left out on purpose: the search index (derived; the import rebuilds it) and the undo history,
//! which lives in the app's memory while a workspace is open and never in the file.

mod read;
mod write;

use std::collections::HashMap;

use rusqlite::Connection;

use crate::Result;

pub use read::{import_bytes, import_file, preview, WorkspaceImport};
pub use write::{export, export_to};

/// The `format` field of every workspace JSON document.
pub const FORMAT: &str = "bridgeplan-workspace";
/// The version of the document's layout this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// How the format is named to a user.
pub const FORMAT_LABEL: &str = "Bridgeplan workspace JSON";

/// The notes every export carries, on what it leaves out.
pub(crate) const NOTES: [&str; 2] = [
    "The undo history is not included: Bridgeplan keeps it only while a workspace is open, never in the file.",
    "The search index is not included: it is derived from the rows, and the import rebuilds it.",
];

/// True when `head` (the first bytes of a file) starts a workspace JSON document: the export
/// writes `format` first, so its opening bytes tell it apart from other JSON (a Trello board).
pub fn is_workspace_json(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&head[..head.len().min(512)]);
    let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    compact.starts_with(&format!("{{\"format\":\"{FORMAT}\""))
}

/// One table as the export writes it and the import fills it.
#[derive(Debug, Clone)]
pub(crate) struct TableShape {
    pub name: String,
    /// The exported columns in table order; `rowid` first when the table has a rowid that no
    /// column names (none do today, but a later table might).
    pub columns: Vec<String>,
    /// `ORDER BY` of the export: the rowid, or the primary key of a `WITHOUT ROWID` table.
    pub order: String,
    /// Tables this one's foreign keys point to (itself excluded).
    pub parents: Vec<String>,
}

/// Double-quotes an SQL identifier read from the schema.
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The workspace's own tables: every ordinary table except SQLite's and the search index.
pub(crate) fn data_tables(conn: &Connection) -> Result<Vec<TableShape>> {
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut shapes = Vec::new();
    for name in names.into_iter().filter(|n| !crate::search::is_index_table(n)) {
        let q = quote(&name);
        // (name, declared type, place in the primary key)
        let cols: Vec<(String, String, i64)> = conn
            .prepare("SELECT name, type, pk FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid")?
            .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let has_rowid = conn.prepare(&format!("SELECT rowid FROM {q} LIMIT 0")).is_ok();
        let mut pk: Vec<&(String, String, i64)> = cols.iter().filter(|c| c.2 > 0).collect();
        pk.sort_by_key(|c| c.2);
        let alias = has_rowid && pk.len() == 1 && pk[0].1.eq_ignore_ascii_case("INTEGER");
        let named_rowid = cols
            .iter()
            .any(|c| ["rowid", "oid", "_rowid_"].iter().any(|r| c.0.eq_ignore_ascii_case(r)));
        let mut columns: Vec<String> = Vec::new();
        let order = if alias {
            quote(&pk[0].0)
        } else if has_rowid {
            if !named_rowid {
                columns.push("rowid".into());
            }
            "rowid".into()
        } else {
            pk.iter().map(|c| quote(&c.0)).collect::<Vec<_>>().join(", ")
        };
        columns.extend(cols.iter().map(|c| c.0.clone()));
        let mut parents: Vec<String> = conn
            .prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)")?
            .query_map([&name], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        parents.retain(|p| p != &name);
        shapes.push(TableShape {
            name,
            columns,
            order,
            parents,
        });
    }
    Ok(shapes)
}

/// The tables parents first, so each row meets the rows it points to already loaded (the search
/// index's triggers then see what they would have seen when the rows were made). Tables in a
/// cycle keep their name order at the end.
pub(crate) fn parents_first(shapes: &[TableShape]) -> Vec<&TableShape> {
    let by_name: HashMap<&str, &TableShape> = shapes.iter().map(|s| (s.name.as_str(), s)).collect();
    let mut done: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let mut left: Vec<&TableShape> = shapes.iter().collect();
    while !left.is_empty() {
        let ready: Vec<&TableShape> = left
            .iter()
            .copied()
            .filter(|s| {
                s.parents
                    .iter()
                    .all(|p| done.contains(&p.as_str()) || !by_name.contains_key(p.as_str()))
            })
            .collect();
        if ready.is_empty() {
            out.append(&mut left);
            break;
        }
        for s in ready {
            done.push(&s.name);
            out.push(s);
        }
        left.retain(|s| !done.contains(&s.name.as_str()));
    }
    out
}

pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

pub(crate) fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    text.as_bytes()
        .chunks(2)
        .map(|p| Some(digit(p[0])? << 4 | digit(p[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        let bytes = [0u8, 1, 0x7f, 0x80, 0xff, 0x10];
        assert_eq!(to_hex(&bytes), "00017f80ff10");
        assert_eq!(from_hex(&to_hex(&bytes)).unwrap(), bytes);
        assert_eq!(from_hex("0g"), None);
        assert_eq!(from_hex("abc"), None);
    }

    #[test]
    fn sniffs_the_format_field() {
        assert!(is_workspace_json(
            b"{\n  \"format\": \"bridgeplan-workspace\",\n \"version\": 1"
        ));
        assert!(!is_workspace_json(b"{\"id\": \"5f\", \"name\": \"Board\"}"));
        assert!(!is_workspace_json(b""));
    }
}
