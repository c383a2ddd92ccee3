//! What logged time feeds to the rest of the app: actual work, remaining work and actual cost
//! per item, and a project's logged cost and work up to a day (for the budget and earned value).

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::item_brief;
use crate::{validate, CoreError, Id, Result, Workspace};

/// An item's actuals from its time entries.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ItemActuals {
    #[ts(type = "number")]
    pub item_id: Id,
    /// Σ minutes logged on the item.
    #[ts(type = "number")]
    pub actual_minutes: i64,
    pub estimate_hours: Option<f64>,
    /// The remaining estimate as last entered (`work_items.remaining_hours`), if any.
    pub remaining_hours_set: Option<f64>,
    /// `remaining_hours_set`, else max(estimate − actual, 0); `None` with neither an estimate
    /// nor a remaining estimate.
    pub remaining_hours: Option<f64>,
    /// Σ over entries of minutes / 60 × the person's hourly rate, each rounded half away from
    /// zero, in minor units of `currency`.
    #[ts(type = "number")]
    pub actual_cost_minor: i64,
    pub currency: String,
}

/// One entry's cost in minor units: minutes / 60 × rate, rounded half away from zero. The one
/// rounding rule of logged time: the item panel, the budget and earned value all add these.
pub fn entry_cost(minutes: i64, rate_minor: i64) -> i64 {
    let product = i128::from(minutes) * i128::from(rate_minor);
    let half = if product >= 0 { 30 } else { -30 };
    ((product + half) / 60) as i64
}

fn remaining(estimate: Option<f64>, set: Option<f64>, actual_minutes: i64) -> Option<f64> {
    set.or_else(|| estimate.map(|e| (e - actual_minutes as f64 / 60.0).max(0.0)))
}

/// The actual staff cost of a project's logged time on or before `up_to`, in minor units.
pub fn logged_cost(ws: &Workspace, project_id: Id, up_to: NaiveDate) -> Result<i64> {
    logged_cost_between(ws, project_id, None, Some(up_to))
}

/// The staff cost of a project's time logged from `from` to `to` (both days included, `None`
/// for no bound), in minor units.
pub fn logged_cost_between(
    ws: &Workspace,
    project_id: Id,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<i64> {
    let mut stmt = ws.conn.prepare_cached(
        "SELECT e.minutes, p.cost_rate_minor FROM time_entries e JOIN work_items w ON w.id = e.item_id \
         JOIN people p ON p.id = e.person_id \
         WHERE w.project_id = ?1 AND (?2 IS NULL OR e.day >= ?2) AND (?3 IS NULL OR e.day <= ?3)",
    )?;
    let rows = stmt.query_map(
        (project_id, from.map(|d| d.to_string()), to.map(|d| d.to_string())),
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
    )?;
    let mut total = 0;
    for row in rows {
        let (minutes, rate) = row?;
        total += entry_cost(minutes, rate);
    }
    Ok(total)
}

/// The minutes logged on a project's items on or before `up_to`.
pub fn logged_minutes(ws: &Workspace, project_id: Id, up_to: NaiveDate) -> Result<i64> {
    Ok(ws.conn.query_row(
        "SELECT coalesce(sum(e.minutes), 0) FROM time_entries e JOIN work_items w ON w.id = e.item_id \
         WHERE w.project_id = ?1 AND e.day <= ?2",
        (project_id, up_to.to_string()),
        |r| r.get(0),
    )?)
}

/// The actuals of every item of a project that has an estimate or logged time.
pub fn project_actuals(ws: &Workspace, project_id: Id) -> Result<Vec<ItemActuals>> {
    ws.project(project_id)?;
    actuals_where(ws, "w.project_id = ?1", project_id)
}

fn actuals_where(ws: &Workspace, filter: &str, id: Id) -> Result<Vec<ItemActuals>> {
    let currency = ws.currency()?;
    let mut stmt = ws.conn.prepare_cached(&format!(
        "SELECT w.id, w.estimate_hours, w.remaining_hours, \
           (SELECT coalesce(sum(e.minutes), 0) FROM time_entries e WHERE e.item_id = w.id), \
           (SELECT coalesce(sum((e.minutes * p.cost_rate_minor + 30) / 60), 0) FROM time_entries e \
              JOIN people p ON p.id = e.person_id WHERE e.item_id = w.id) \
         FROM work_items w WHERE {filter} ORDER BY w.outline_position, w.id"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, Id>(0)?,
            r.get::<_, Option<f64>>(1)?,
            r.get::<_, Option<f64>>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        // Integer division rounds half up for the non-negative products SQLite adds here,
        // the same as `entry_cost`.
        let (item_id, estimate_hours, set, actual_minutes, actual_cost_minor) = row?;
        out.push(ItemActuals {
            item_id,
            actual_minutes,
            estimate_hours,
            remaining_hours_set: set,
            remaining_hours: remaining(estimate_hours, set, actual_minutes),
            actual_cost_minor,
            currency: currency.clone(),
        });
    }
    Ok(out)
}

impl Workspace {
    pub fn item_actuals(&self, item_id: Id) -> Result<ItemActuals> {
        item_brief(&self.conn, item_id)?;
        actuals_where(self, "w.id = ?1", item_id)?
            .into_iter()
            .find(|a| a.item_id == item_id)
            .ok_or_else(|| CoreError::Internal("An item is missing from its project's actuals.".into()))
    }

    /// Sets the remaining estimate of an item in hours (`None`: estimate − logged again).
    pub fn set_remaining_hours(&mut self, item_id: Id, hours: Option<f64>) -> Result<ItemActuals> {
        self.require_writable()?;
        let item = item_brief(&self.conn, item_id)?;
        let hours = validate::optional_non_negative("The remaining estimate", hours)?;
        if hours.is_some_and(|h| h > 100_000.0) {
            return Err(CoreError::InvalidInput("The remaining estimate is too large.".into()));
        }
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET remaining_hours = ?1, updated_at = ?2 WHERE id = ?3",
                rusqlite::params![hours, validate::now_utc(), item_id],
            )?;
            ctx.set_label(match hours {
                Some(h) => format!("Set the remaining work of \"{}\" to {h} h", item.title),
                None => format!("Clear the remaining work of \"{}\"", item.title),
            });
            ctx.set_project(item.project_id);
            Ok(())
        })?;
        self.item_actuals(item_id)
    }
}
