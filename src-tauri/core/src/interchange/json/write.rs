//! Writing a workspace as one JSON document, every table's rows in rowid (or primary key) order.

use std::io::Write;
use std::path::Path;

use rusqlite::types::ValueRef;

use super::{data_tables, quote, to_hex, FORMAT, FORMAT_LABEL, NOTES, VERSION};
use crate::interchange::preview::{CreateCount, ExportReport};
use crate::workspace::files;
use crate::{CoreError, Result, Workspace};

/// The tables a person recognises, named as a person would, for the reports and previews.
pub(crate) const NAMED_TABLES: &[(&str, &str)] = &[
    ("projects", "projects"),
    ("work_items", "work items"),
    ("dependencies", "dependencies"),
    ("people", "people"),
    ("sprints", "sprints"),
    ("baselines", "baselines"),
    ("risks", "risks"),
    ("raid_issues", "issues"),
    ("stakeholders", "stakeholders"),
    ("meetings", "meetings"),
    ("time_entries", "time entries"),
    ("cost_entries", "cost entries"),
    ("lessons", "lessons"),
    ("services", "services"),
    ("incidents", "incidents"),
];

/// Counts for a report: the named tables with rows, then all rows of all tables.
pub(crate) fn counts(tables: &[(String, usize)]) -> Vec<CreateCount> {
    let mut out: Vec<CreateCount> = NAMED_TABLES
        .iter()
        .filter_map(|(table, what)| {
            let n = tables.iter().find(|(t, _)| t == table).map(|t| t.1).unwrap_or(0);
            (n > 0).then(|| CreateCount {
                what: (*what).into(),
                count: n,
            })
        })
        .collect();
    out.push(CreateCount {
        what: format!("rows in all, in {} tables", tables.len()),
        count: tables.iter().map(|t| t.1).sum(),
    });
    out
}

fn json_string(out: &mut Vec<u8>, text: &str) {
    serde_json::to_writer(&mut *out, text).expect("a string always serialises");
}

fn cell(out: &mut Vec<u8>, value: ValueRef<'_>) {
    match value {
        ValueRef::Null => out.extend_from_slice(b"null"),
        ValueRef::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        ValueRef::Real(x) if x.is_finite() => {
            // serde_json writes the shortest text that reads back to the same bits, always
            // with a fraction or an exponent ("1.0"), so a reader tells it from an integer.
            serde_json::to_writer(&mut *out, &x).expect("a finite real always serialises");
        }
        ValueRef::Real(x) => {
            let name = if x > 0.0 { "Infinity" } else { "-Infinity" };
            let _ = write!(out, "{{\"real\": \"{name}\"}}");
        }
        ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => json_string(out, text),
            Err(_) => {
                let _ = write!(out, "{{\"text_hex\": \"{}\"}}", to_hex(bytes));
            }
        },
        ValueRef::Blob(bytes) => {
            let _ = write!(out, "{{\"blob\": \"{}\"}}", to_hex(bytes));
        }
    }
}

/// The whole workspace as a JSON document, read in one transaction (one consistent moment),
/// and what it holds.
pub fn export(ws: &Workspace) -> Result<(Vec<u8>, ExportReport)> {
    let tx = ws.conn.unchecked_transaction()?;
    let schema: u32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let shapes = data_tables(&tx)?;
    let mut out: Vec<u8> = Vec::with_capacity(1 << 20);
    out.extend_from_slice(b"{\n  \"format\": ");
    json_string(&mut out, FORMAT);
    let _ = write!(
        out,
        ",\n  \"version\": {VERSION},\n  \"schema\": {schema},\n  \"exported_at\": "
    );
    json_string(&mut out, &crate::clock::now_rfc3339());
    out.extend_from_slice(b",\n  \"app\": ");
    json_string(&mut out, &format!("Bridgeplan {}", env!("CARGO_PKG_VERSION")));
    out.extend_from_slice(b",\n  \"name\": ");
    json_string(&mut out, &ws.name());
    out.extend_from_slice(b",\n  \"notes\": [");
    for (i, note) in NOTES.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        json_string(&mut out, note);
    }
    out.extend_from_slice(b"\n  ],\n  \"tables\": {");
    let mut tables: Vec<(String, usize)> = Vec::new();
    for (t, shape) in shapes.iter().enumerate() {
        out.extend_from_slice(if t == 0 { b"\n    " } else { b",\n    " });
        json_string(&mut out, &shape.name);
        out.extend_from_slice(b": {\n      \"columns\": [");
        for (i, c) in shape.columns.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            json_string(&mut out, c);
        }
        out.extend_from_slice(b"],\n      \"rows\": [");
        let select: Vec<String> = shape
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 && c == "rowid" {
                    "rowid".into()
                } else {
                    quote(c)
                }
            })
            .collect();
        // Who holds the file open is the session's, not the workspace's: it is not exported.
        let filter = if shape.name == "workspace_meta" {
            format!("WHERE key <> '{}'", crate::workspace::holder::KEY)
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT {} FROM {} {filter} ORDER BY {}",
            select.join(", "),
            quote(&shape.name),
            shape.order
        );
        let mut stmt = tx.prepare(&sql)?;
        let width = shape.columns.len();
        let mut rows = stmt.query([])?;
        let mut n = 0usize;
        while let Some(row) = rows.next()? {
            out.extend_from_slice(if n == 0 { b"\n        [" } else { b",\n        [" });
            for i in 0..width {
                if i > 0 {
                    out.extend_from_slice(b", ");
                }
                cell(&mut out, row.get_ref(i)?);
            }
            out.push(b']');
            n += 1;
        }
        out.extend_from_slice(if n == 0 { b"]\n    }" } else { b"\n      ]\n    }" });
        tables.push((shape.name.clone(), n));
    }
    out.extend_from_slice(b"\n  }\n}\n");
    drop(tx);
    let report = ExportReport {
        format: FORMAT_LABEL.into(),
        written: counts(&tables),
        not_kept: NOTES.iter().map(|n| n.to_string()).collect(),
    };
    Ok((out, report))
}

/// Writes the workspace as JSON to `path`, whole or not at all (an existing file is replaced
/// only once the new one is complete).
pub fn export_to(ws: &Workspace, path: &Path) -> Result<ExportReport> {
    if let Some(own) = ws.path() {
        if std::fs::canonicalize(own)
            .ok()
            .is_some_and(|o| Some(o) == std::fs::canonicalize(path).ok())
        {
            return Err(CoreError::InvalidInput(
                "That is the workspace file itself; choose another name for the JSON export.".into(),
            ));
        }
    }
    let (bytes, report) = export(ws)?;
    files::write_whole(path, &bytes)?;
    Ok(report)
}
