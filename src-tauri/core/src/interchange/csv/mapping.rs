//! Bridgeplan's fields an imported column can fill, the guess from a header's name, and the
//! mapping remembered for a file's shape.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::history::EditContext;
use crate::workspace::ids;
use crate::{CoreError, Result, Workspace};

/// What rows of the file become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CsvKind {
    WorkItems,
    Risks,
}

impl CsvKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CsvKind::WorkItems => "work_items",
            CsvKind::Risks => "risks",
        }
    }

    pub fn parse(text: &str) -> Result<CsvKind> {
        match text.trim().replace('-', "_").as_str() {
            "work_items" | "items" => Ok(CsvKind::WorkItems),
            "risks" => Ok(CsvKind::Risks),
            other => Err(CoreError::InvalidInput(format!(
                "\"{other}\" is not something a CSV file can be imported as; choose work-items or risks."
            ))),
        }
    }
}

/// A field a column can be mapped to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CsvField {
    pub key: String,
    pub label: String,
    pub required: bool,
}

/// (key, label, header names that mean it, compared without case, spaces or punctuation).
type FieldDef = (&'static str, &'static str, &'static [&'static str]);

const ITEM_FIELDS: &[FieldDef] = &[
    (
        "title",
        "Title",
        &["title", "name", "summary", "task", "taskname", "item", "workitem"],
    ),
    (
        "description",
        "Description",
        &["description", "details", "notes", "body", "text"],
    ),
    (
        "status",
        "Status (board column)",
        &["status", "column", "state", "list", "stage"],
    ),
    ("type", "Type", &["type", "itemtype", "issuetype", "kind"]),
    ("priority", "Priority", &["priority", "prio"]),
    (
        "assignee",
        "Assignee",
        &["assignee", "assignedto", "owner", "responsible", "person"],
    ),
    (
        "estimate_hours",
        "Estimate (hours)",
        &[
            "estimate",
            "estimateh",
            "estimatehours",
            "hours",
            "effort",
            "work",
            "originalestimate",
        ],
    ),
    (
        "story_points",
        "Story points",
        &["storypoints", "points", "sp", "storypointestimate"],
    ),
    (
        "due_date",
        "Due date",
        &["duedate", "due", "deadline", "enddate", "finish", "finishdate"],
    ),
    ("tags", "Tags", &["tags", "labels", "label", "tag"]),
];

const RISK_FIELDS: &[FieldDef] = &[
    (
        "title",
        "Title",
        &["title", "risk", "name", "riskname", "summary", "risktitle"],
    ),
    ("cause", "Cause", &["cause", "causes", "source"]),
    ("event", "Event", &["event", "riskevent", "description"]),
    ("effect", "Effect", &["effect", "consequence", "consequences"]),
    ("category", "Category", &["category", "riskcategory", "type"]),
    (
        "probability",
        "Probability (1–5)",
        &["probability", "likelihood", "p", "prob"],
    ),
    ("impact", "Impact (1–5)", &["impact", "i", "severity"]),
    ("owner", "Owner", &["owner", "riskowner", "assignee", "responsible"]),
    (
        "response",
        "Response",
        &["response", "strategy", "responsetype", "responsestrategy"],
    ),
    (
        "response_plan",
        "Response plan",
        &[
            "responseplan",
            "mitigation",
            "mitigationplan",
            "plan",
            "actions",
            "action",
        ],
    ),
    (
        "trigger",
        "Trigger",
        &["trigger", "triggers", "triggercondition", "warningsign"],
    ),
    (
        "review_date",
        "Review date",
        &["reviewdate", "review", "nextreview", "nextreviewdate"],
    ),
    ("status", "Status", &["status", "state", "riskstatus"]),
];

fn defs(kind: CsvKind) -> &'static [FieldDef] {
    match kind {
        CsvKind::WorkItems => ITEM_FIELDS,
        CsvKind::Risks => RISK_FIELDS,
    }
}

/// The fields a column can be mapped to, in the order the mapping step lists them.
pub fn fields(kind: CsvKind) -> Vec<CsvField> {
    defs(kind)
        .iter()
        .map(|(key, label, _)| CsvField {
            key: key.to_string(),
            label: label.to_string(),
            required: *key == "title",
        })
        .collect()
}

fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field each header most likely means: an exact alias first; each field taken once, by
/// the first column that names it.
pub fn guess(kind: CsvKind, headers: &[String]) -> Vec<Option<String>> {
    let mut taken: Vec<&str> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let n = normalise(h);
            let found = defs(kind)
                .iter()
                .find(|(key, label, aliases)| {
                    !taken.contains(key) && (aliases.contains(&n.as_str()) || normalise(label) == n)
                })
                .map(|(key, _, _)| *key);
            if let Some(key) = found {
                taken.push(key);
            }
            found.map(str::to_string)
        })
        .collect()
}

/// Checks a mapping against the headers: one entry per column, known fields only, none twice,
/// the title mapped.
pub(crate) fn check(kind: CsvKind, headers: &[String], mapping: &[Option<String>]) -> Result<()> {
    if mapping.len() != headers.len() {
        return Err(CoreError::InvalidInput(format!(
            "The mapping names {} columns but the file has {}; map the file's columns again.",
            mapping.len(),
            headers.len()
        )));
    }
    let defs = defs(kind);
    for (i, key) in mapping.iter().enumerate() {
        let Some(key) = key else { continue };
        let Some((_, label, _)) = defs.iter().find(|(k, _, _)| k == key) else {
            return Err(CoreError::InvalidInput(format!(
                "\"{key}\" is not a field of {}; choose one from the list.",
                if kind == CsvKind::Risks {
                    "a risk"
                } else {
                    "a work item"
                }
            )));
        };
        if let Some(j) = mapping[..i].iter().position(|k| k.as_deref() == Some(key)) {
            return Err(CoreError::InvalidInput(format!(
                "Two columns, \"{}\" and \"{}\", are both mapped to {label}; map one of them to nothing.",
                headers[j], headers[i]
            )));
        }
    }
    if !mapping.iter().any(|k| k.as_deref() == Some("title")) {
        return Err(CoreError::InvalidInput(
            "No column is mapped to Title; every row needs one, so map the column that names them.".into(),
        ));
    }
    Ok(())
}

/// The `settings` key of a file shape: the kind and a hash of the header names (case and
/// spaces ignored), so the same export from the same tool maps the same way next time.
pub(crate) fn signature_key(kind: CsvKind, headers: &[String]) -> String {
    // FNV-1a, 64 bit: stable across builds and platforms, unlike the standard hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for h in headers {
        for b in normalise(h).bytes().chain([0x1f]) {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("csv_mapping.{}.{hash:016x}", kind.as_str())
}

#[derive(Serialize, Deserialize)]
struct Remembered {
    headers: Vec<String>,
    mapping: Vec<Option<String>>,
}

impl Workspace {
    /// The mapping remembered for this file shape (checked again, since fields may change), if any.
    pub fn csv_remembered_mapping(&self, kind: CsvKind, headers: &[String]) -> Result<Option<Vec<Option<String>>>> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [signature_key(kind, headers)],
                |r| r.get(0),
            )
            .optional()?;
        let Some(remembered) = value.and_then(|v| serde_json::from_str::<Remembered>(&v).ok()) else {
            return Ok(None);
        };
        let same = remembered.headers.len() == headers.len()
            && remembered
                .headers
                .iter()
                .zip(headers)
                .all(|(a, b)| normalise(a) == normalise(b));
        Ok((same && check(kind, headers, &remembered.mapping).is_ok()).then_some(remembered.mapping))
    }
}

/// Stores the mapping for this file shape, inside the import's edit (so one undo takes both back).
pub(crate) fn remember(
    ctx: &mut EditContext,
    kind: CsvKind,
    headers: &[String],
    mapping: &[Option<String>],
) -> Result<()> {
    let key = signature_key(kind, headers);
    let value = serde_json::to_string(&Remembered {
        headers: headers.to_vec(),
        mapping: mapping.to_vec(),
    })
    .map_err(|e| CoreError::Internal(e.to_string()))?;
    let existing: Option<(i64, String)> = ctx
        .tx
        .query_row("SELECT id, value FROM settings WHERE key = ?1", [&key], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match existing {
        Some((_, old)) if old == value => {}
        Some((id, _)) => {
            ctx.touch("settings", id)?;
            ctx.tx
                .execute("UPDATE settings SET value = ?1 WHERE id = ?2", (&value, id))?;
        }
        None => {
            let id = ids::new_id(ctx.tx, "settings")?;
            ctx.tx.execute(
                "INSERT INTO settings(id, key, value) VALUES (?1, ?2, ?3)",
                (id, &key, &value),
            )?;
            ctx.inserted("settings", id);
        }
    }
    Ok(())
}
