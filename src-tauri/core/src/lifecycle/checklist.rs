//! A project's phase checklists: the framework's items from `data/checklists.json`, the extra
//! items its template added, which of them the data proves (with the reason shown) and which
//! were ticked by hand (who and when).

use std::collections::HashMap;
use std::sync::OnceLock;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Framework, Phase};
use crate::{CoreError, Id, Result};

const CHECKLISTS: &str = include_str!("data/checklists.json");

#[derive(Debug, Deserialize)]
struct Definitions {
    frameworks: HashMap<String, HashMap<String, Vec<Definition>>>,
}

#[derive(Debug, Deserialize, Clone)]
struct Definition {
    key: String,
    title: String,
    #[serde(default)]
    rule: Option<Rule>,
}

/// What in the data proves an item done.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Rule {
    Objectives,
    Wbs,
    Backlog,
    Sprints,
    Baseline,
    Budget,
    Risks,
    TasksDone,
    Deliverables,
    Lessons,
}

fn definitions() -> &'static Definitions {
    static DEFS: OnceLock<Definitions> = OnceLock::new();
    // The file ships inside the binary and a test parses it, so a failure here is a build bug.
    DEFS.get_or_init(|| serde_json::from_str(CHECKLISTS).expect("lifecycle/data/checklists.json is valid"))
}

fn defined(framework: Framework, phase: Phase) -> &'static [Definition] {
    definitions()
        .frameworks
        .get(framework.as_str())
        .and_then(|phases| phases.get(phase.as_str()))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// One line of a phase checklist.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ChecklistItem {
    /// The key in checklists.json, or `extra-<id>` for an item the project's template added.
    pub key: String,
    pub title: String,
    /// Ticked from the data: the user cannot tick it by hand, the data decides.
    pub auto: bool,
    pub done: bool,
    /// For an automatic item what the data shows ("5 risks in the register"); for a manual
    /// one who ticked it and when, or empty.
    pub reason: String,
    pub ticked_by: Option<String>,
    /// UTC, RFC 3339.
    pub ticked_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct PhaseChecklist {
    pub phase: Phase,
    pub label: String,
    pub items: Vec<ChecklistItem>,
    /// How many items are not done.
    #[ts(type = "number")]
    pub open: usize,
}

/// What the data says about a project, read once per checklist.
struct Facts {
    objectives: i64,
    items: i64,
    items_done: i64,
    sprints: i64,
    baseline: Option<(String, String)>,
    budget_minor: i64,
    budget_categories: i64,
    risks: i64,
    deliverables: i64,
    accepted: i64,
    currency: String,
    lessons: i64,
}

fn count(conn: &Connection, sql: &str, project_id: Id) -> Result<i64> {
    Ok(conn.query_row(sql, [project_id], |r| r.get(0))?)
}

fn facts(conn: &Connection, project_id: Id) -> Result<Facts> {
    let baseline = conn
        .query_row(
            "SELECT name, saved_at FROM baselines WHERE project_id = ?1 ORDER BY seq DESC, id DESC LIMIT 1",
            [project_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (budget_minor, budget_categories) = conn.query_row(
        "SELECT coalesce(sum(amount_minor), 0), count(DISTINCT category) FROM budget_lines \
         WHERE project_id = ?1 AND amount_minor > 0",
        [project_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (deliverables, accepted) = conn.query_row(
        "SELECT count(*), coalesce(sum(acceptance = 'accepted'), 0) FROM deliverables WHERE project_id = ?1",
        [project_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // Epics are summaries of other items: counting them would make "done" depend on them twice.
    let (items, items_done) = conn.query_row(
        "SELECT count(*), coalesce(sum(s.category = 'done'), 0) FROM work_items w \
         JOIN statuses s ON s.id = w.status_id WHERE w.project_id = ?1 AND w.item_type <> 'epic'",
        [project_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let currency = conn
        .query_row("SELECT value FROM workspace_meta WHERE key = 'currency'", [], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or_else(|| "EUR".to_string());
    Ok(Facts {
        objectives: count(
            conn,
            "SELECT count(*) FROM objectives WHERE project_id = ?1",
            project_id,
        )?,
        items,
        items_done,
        sprints: count(conn, "SELECT count(*) FROM sprints WHERE project_id = ?1", project_id)?,
        baseline,
        budget_minor,
        budget_categories,
        risks: count(conn, "SELECT count(*) FROM risks WHERE project_id = ?1", project_id)?,
        deliverables,
        accepted,
        currency,
        lessons: crate::lessons::lesson_count(conn, project_id)?,
    })
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 Nov 2026" from an RFC 3339 instant (the text itself if it is not one).
pub(crate) fn day_of(instant: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(instant)
        .map(|t| t.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| instant.to_string())
}

/// "€412,000" or "€1,250.50": whole units unless there are cents.
pub(crate) fn money(minor: i64, currency: &str) -> String {
    let symbol = match currency {
        "EUR" => "€".to_string(),
        "USD" => "$".to_string(),
        "GBP" => "£".to_string(),
        other => format!("{other} "),
    };
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    let digits = (minor / 100).to_string();
    let mut whole = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            whole.push(',');
        }
        whole.push(c);
    }
    match minor % 100 {
        0 => format!("{sign}{symbol}{whole}"),
        cents => format!("{sign}{symbol}{whole}.{cents:02}"),
    }
}

/// Whether the data proves a rule, and what it shows either way.
fn judge(rule: Rule, f: &Facts) -> (bool, String) {
    match rule {
        Rule::Objectives => (
            f.objectives > 0,
            match f.objectives {
                0 => "No objectives defined yet".into(),
                n => format!("{} defined", plural(n, "objective", "objectives")),
            },
        ),
        Rule::Wbs => (
            f.items > 0,
            match f.items {
                0 => "The plan has no tasks yet".into(),
                n => format!("{} in the plan", plural(n, "task", "tasks")),
            },
        ),
        Rule::Backlog => (
            f.items > 0,
            match f.items {
                0 => "The backlog is empty".into(),
                n => format!("{} in the backlog", plural(n, "item", "items")),
            },
        ),
        Rule::Sprints => (
            f.sprints > 0,
            match f.sprints {
                0 => "No sprint planned yet".into(),
                n => format!("{} planned", plural(n, "sprint", "sprints")),
            },
        ),
        Rule::Baseline => match &f.baseline {
            Some((name, at)) => (true, format!("Baseline '{name}' saved on {}", day_of(at))),
            None => (false, "No baseline saved yet".into()),
        },
        Rule::Budget => (
            f.budget_minor > 0,
            if f.budget_minor > 0 {
                format!(
                    "Budget of {} in {}",
                    money(f.budget_minor, &f.currency),
                    plural(f.budget_categories, "category", "categories")
                )
            } else {
                "No budget entered yet".into()
            },
        ),
        Rule::Risks => (
            f.risks > 0,
            match f.risks {
                0 => "The risk register is empty".into(),
                n => format!("{} in the register", plural(n, "risk", "risks")),
            },
        ),
        Rule::TasksDone => (
            f.items > 0 && f.items_done == f.items,
            format!("{} of {} done", f.items_done, plural(f.items, "task", "tasks")),
        ),
        Rule::Deliverables => (
            f.deliverables > 0 && f.accepted == f.deliverables,
            match (f.deliverables, f.accepted) {
                (0, _) => "No deliverables defined yet".into(),
                (n, a) if a == n => format!("All {} accepted", plural(n, "deliverable", "deliverables")),
                (n, a) => format!("{a} of {} accepted", plural(n, "deliverable", "deliverables")),
            },
        ),
        Rule::Lessons => (
            f.lessons > 0,
            match f.lessons {
                0 => "No lessons recorded yet".into(),
                n => format!("{} recorded", plural(n, "lesson", "lessons")),
            },
        ),
    }
}

/// The project's framework, from the file.
pub(crate) fn framework_of(conn: &Connection, project_id: Id) -> Result<(Phase, Framework)> {
    let (phase, framework): (String, String) = conn
        .query_row(
            "SELECT phase, framework FROM projects WHERE id = ?1",
            [project_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound("That project no longer exists.".into()))?;
    Ok((Phase::parse(&phase)?, Framework::parse(&framework)?))
}

/// Every phase's checklist of a project, in phase order.
pub(crate) fn checklists(conn: &Connection, project_id: Id) -> Result<Vec<PhaseChecklist>> {
    let (_, framework) = framework_of(conn, project_id)?;
    let facts = facts(conn, project_id)?;
    let mut ticks: HashMap<String, (String, String)> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT item_key, ticked_by, ticked_at FROM checklist_ticks WHERE project_id = ?1")?;
    for row in stmt.query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
        let (key, by, at): (String, String, String) = row?;
        ticks.insert(key, (by, at));
    }
    let mut extras: Vec<(String, Id, String)> = Vec::new();
    let mut stmt = conn
        .prepare_cached("SELECT phase, id, title FROM checklist_extras WHERE project_id = ?1 ORDER BY position, id")?;
    for row in stmt.query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
        extras.push(row?);
    }
    let manual = |key: String, title: String| {
        let tick = ticks.get(&key);
        ChecklistItem {
            reason: tick
                .map(|(by, at)| format!("Ticked by {by} on {}", day_of(at)))
                .unwrap_or_default(),
            done: tick.is_some(),
            ticked_by: tick.map(|t| t.0.clone()),
            ticked_at: tick.map(|t| t.1.clone()),
            key,
            title,
            auto: false,
        }
    };
    Ok(Phase::ALL
        .into_iter()
        .map(|phase| {
            let mut items: Vec<ChecklistItem> = defined(framework, phase)
                .iter()
                .map(|d| match d.rule {
                    Some(rule) => {
                        let (done, reason) = judge(rule, &facts);
                        ChecklistItem {
                            key: d.key.clone(),
                            title: d.title.clone(),
                            auto: true,
                            done,
                            reason,
                            ticked_by: None,
                            ticked_at: None,
                        }
                    }
                    None => manual(d.key.clone(), d.title.clone()),
                })
                .collect();
            for (p, id, title) in &extras {
                if p == phase.as_str() {
                    items.push(manual(format!("extra-{id}"), title.clone()));
                }
            }
            PhaseChecklist {
                phase,
                label: phase.label().to_string(),
                open: items.iter().filter(|i| !i.done).count(),
                items,
            }
        })
        .collect())
}

/// Whether `key` is an item of the project's checklist that is ticked by hand (any phase).
pub(crate) fn manual_item_title(conn: &Connection, project_id: Id, key: &str) -> Result<String> {
    for phase in checklists(conn, project_id)? {
        if let Some(item) = phase.items.into_iter().find(|i| i.key == key) {
            if item.auto {
                return Err(CoreError::InvalidInput(format!(
                    "\"{}\" is ticked from the project's data and cannot be ticked by hand.",
                    item.title
                )));
            }
            return Ok(item.title);
        }
    }
    Err(CoreError::NotFound(
        "That checklist item is not part of this project's checklist.".into(),
    ))
}
