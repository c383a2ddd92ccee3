//! Flow of work through a board: the status history of items, the cumulative-flow diagram,
//! and cycle and lead time.
//!
//! Lead time runs from an item's creation to its arrival in a done column; cycle time from the
//! first time it entered an in-progress column to that arrival. Both are in calendar days:
//! that is the wait a customer sees.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::work::statuses::StatusCategory;
use crate::workspace::history::EditContext;
use crate::{workspace::ids, Id, Result, Workspace};

/// Notes that `item` entered `status` at `at` (UTC RFC 3339), inside the edit that moved it.
pub(crate) fn record_status(ctx: &mut EditContext, item: Id, status: Id, at: &str) -> Result<()> {
    let id = insert_status_change(ctx.tx, item, status, at)?;
    ctx.inserted("status_changes", id);
    Ok(())
}

/// Writes one status change, last in `seq` order, and returns its id.
pub(crate) fn insert_status_change(conn: &Connection, item: Id, status: Id, at: &str) -> Result<Id> {
    let id = ids::new_id(conn, "status_changes")?;
    conn.prepare_cached(
        "INSERT INTO status_changes(item_id, status_id, category, at, seq, id) \
         SELECT ?1, id, category, ?3, ?4, ?5 FROM statuses WHERE id = ?2",
    )?
    .execute((item, status, at, ids::next_seq(conn, "status_changes")?, id))?;
    Ok(id)
}

/// One band of the cumulative-flow diagram: how many items sat in a column at each day's end.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FlowBand {
    #[ts(type = "number")]
    pub status_id: Id,
    pub name: String,
    pub category: StatusCategory,
    pub counts: Vec<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CumulativeFlow {
    pub days: Vec<NaiveDate>,
    /// In board order (first column first).
    pub bands: Vec<FlowBand>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ItemFlowTime {
    #[ts(type = "number")]
    pub item_id: Id,
    pub title: String,
    pub done_on: NaiveDate,
    pub lead_days: f64,
    /// None when the item went to done without passing an in-progress column.
    pub cycle_days: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FlowTimes {
    /// Items now in a done column, most recently finished first.
    pub items: Vec<ItemFlowTime>,
    pub average_lead_days: Option<f64>,
    pub average_cycle_days: Option<f64>,
}

/// A `YYYY-MM-DD` date from the UI, or a message naming the field.
pub fn day(field: &str, text: &str) -> Result<NaiveDate> {
    crate::validate::optional_date(field, Some(text))?
        .ok_or_else(|| crate::CoreError::InvalidInput(format!("{field} is missing.")))
}

struct Change {
    item: Id,
    status: Option<Id>,
    category: StatusCategory,
    at: DateTime<Utc>,
}

fn parse_at(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

fn days_between(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    ((b - a).num_minutes() as f64 / (24.0 * 60.0) * 10.0).round() / 10.0
}

impl Workspace {
    /// Every status change of a project's items, oldest first.
    fn changes(&self, project_id: Id) -> Result<Vec<Change>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.item_id, c.status_id, c.category, c.at FROM status_changes c \
             JOIN work_items w ON w.id = c.item_id WHERE w.project_id = ?1 ORDER BY c.at, c.seq",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Option<Id>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (item, status, category, at) = row?;
            if let Some(at) = parse_at(&at) {
                out.push(Change {
                    item,
                    status,
                    category: StatusCategory::parse(&category),
                    at,
                });
            }
        }
        Ok(out)
    }

    /// The cumulative-flow diagram of a project's board from `from` to `to` (UTC days).
    pub fn cumulative_flow(&self, project_id: Id, from: NaiveDate, to: NaiveDate) -> Result<CumulativeFlow> {
        let statuses = self.statuses(project_id)?;
        let changes = self.changes(project_id)?;
        let days: Vec<NaiveDate> = from.iter_days().take_while(|d| *d <= to).take(3660).collect();
        let column: HashMap<Id, usize> = statuses.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let mut counts = vec![vec![0u32; days.len()]; statuses.len()];
        // Sweep the changes in time order, keeping where each item is.
        let mut place: HashMap<Id, usize> = HashMap::new();
        let mut next = 0;
        for (d, day) in days.iter().enumerate() {
            while next < changes.len() && changes[next].at.date_naive() <= *day {
                let c = &changes[next];
                match c.status.and_then(|s| column.get(&s)) {
                    Some(&col) => place.insert(c.item, col),
                    None => place.remove(&c.item),
                };
                next += 1;
            }
            for &col in place.values() {
                counts[col][d] += 1;
            }
        }
        Ok(CumulativeFlow {
            days,
            bands: statuses
                .into_iter()
                .zip(counts)
                .map(|(s, counts)| FlowBand {
                    status_id: s.id,
                    name: s.name,
                    category: s.category,
                    counts,
                })
                .collect(),
        })
    }

    /// Lead and cycle time of every item now done, and their averages.
    pub fn flow_times(&self, project_id: Id) -> Result<FlowTimes> {
        let changes = self.changes(project_id)?;
        struct Track {
            created: DateTime<Utc>,
            started: Option<DateTime<Utc>>,
            done: Option<DateTime<Utc>>,
        }
        let mut tracks: HashMap<Id, Track> = HashMap::new();
        for c in &changes {
            let t = tracks.entry(c.item).or_insert(Track {
                created: c.at,
                started: None,
                done: None,
            });
            match c.category {
                StatusCategory::InProgress => {
                    t.started.get_or_insert(c.at);
                    t.done = None; // reopened
                }
                StatusCategory::Done => t.done = Some(c.at),
                StatusCategory::Todo => t.done = None,
            }
        }
        let titles: HashMap<Id, String> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id, title FROM work_items WHERE project_id = ?1")?;
            let rows = stmt.query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut items: Vec<ItemFlowTime> = tracks
            .into_iter()
            .filter_map(|(item_id, t)| {
                let done = t.done?;
                Some(ItemFlowTime {
                    item_id,
                    title: titles.get(&item_id)?.clone(),
                    done_on: done.date_naive(),
                    lead_days: days_between(t.created, done),
                    cycle_days: t.started.filter(|s| *s <= done).map(|s| days_between(s, done)),
                })
            })
            .collect();
        items.sort_by(|a, b| b.done_on.cmp(&a.done_on).then(a.item_id.cmp(&b.item_id)));
        let average = |values: Vec<f64>| {
            (!values.is_empty()).then(|| (values.iter().sum::<f64>() / values.len() as f64 * 10.0).round() / 10.0)
        };
        Ok(FlowTimes {
            average_lead_days: average(items.iter().map(|i| i.lead_days).collect()),
            average_cycle_days: average(items.iter().filter_map(|i| i.cycle_days).collect()),
            items,
        })
    }
}
