//! The utilisation heat map: per resource and ISO week, what is allocated against what is
//! available. People: hours of work (units × the task's working time in that week) against
//! their weekly capacity, prorated by the working days their calendar has that week (a week
//! with a holiday has four fifths). Equipment: the most units in use on any day of the week
//! against the quantity; any use on a day outside the availability window is an
//! over-allocation too. [`utilisation`] is a pure function of plain inputs; the workspace
//! gathers them in [`Workspace::utilisation`].

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::plan::calendars::{self, STANDARD_CALENDAR};
use crate::plan::schedule::calendar::{day_number, to_minute};
use crate::plan::schedule::{self, Calendar, Minute};
use crate::resources::assignments::{project_loads, ResourceKind, ResourceRef};
use crate::{Id, Result, Workspace};

/// One resource as the heat map needs it.
#[derive(Debug, Clone)]
pub struct ResourceSpec {
    pub id: Id,
    pub name: String,
    pub kind: ResourceKind,
    /// People: working minutes a week when every day of their calendar's week works.
    pub capacity_minutes_per_week: f64,
    /// People: index into the calendars; none works on the default calendar.
    pub calendar: Option<usize>,
    /// Equipment: how many exist.
    pub quantity: f64,
    pub available_from: Option<NaiveDate>,
    pub available_to: Option<NaiveDate>,
}

/// A resource on a task from `start` to `finish` (moments of working time), working on
/// `calendar` with `units` (people: 1.0 = full time; equipment: how many).
#[derive(Debug, Clone)]
pub struct LoadSpan {
    pub resource: usize,
    pub item_id: Id,
    pub task: String,
    pub start: Minute,
    pub finish: Minute,
    pub calendar: usize,
    pub units: f64,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct CellTask {
    #[ts(type = "number")]
    pub item_id: Id,
    pub name: String,
    /// People: hours that week; equipment: how many.
    pub amount: f64,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct UtilisationCell {
    /// People: hours; equipment: the most in use on one day.
    pub allocated: f64,
    pub capacity: f64,
    /// allocated ÷ capacity × 100, rounded; 0 when nothing is allocated. Use with no capacity
    /// at all counts as 999.
    pub percent: f64,
    pub over: bool,
    /// Equipment used on a day outside its availability window.
    pub outside_window: bool,
    pub tasks: Vec<CellTask>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UtilisationRow {
    #[ts(type = "number")]
    pub id: Id,
    pub kind: ResourceKind,
    pub name: String,
    pub cells: Vec<UtilisationCell>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UtilisationWeek {
    /// ISO week, e.g. "2026-W12".
    pub label: String,
    /// Its Monday.
    pub start: NaiveDate,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Utilisation {
    pub weeks: Vec<UtilisationWeek>,
    pub rows: Vec<UtilisationRow>,
    /// How many cells are over-allocated.
    #[ts(type = "number")]
    pub over_cells: i64,
}

pub fn iso_week(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn midnight(date: NaiveDate) -> Minute {
    to_minute(date.and_hms_opt(0, 0, 0).unwrap_or_default())
}

/// The heat map of `weeks` ISO weeks from the Monday of `from`.
pub fn utilisation(
    calendars: &[Calendar],
    default_calendar: usize,
    resources: &[ResourceSpec],
    loads: &[LoadSpan],
    from: NaiveDate,
    weeks: usize,
) -> Utilisation {
    let monday = from - Duration::days(i64::from(from.weekday().num_days_from_monday()));
    let first_day = day_number(monday);
    let days = weeks * 7;
    let week_starts: Vec<NaiveDate> = (0..weeks).map(|w| monday + Duration::days(7 * w as i64)).collect();
    let empty = UtilisationCell {
        allocated: 0.0,
        capacity: 0.0,
        percent: 0.0,
        over: false,
        outside_window: false,
        tasks: Vec::new(),
    };
    let mut cells: Vec<Vec<UtilisationCell>> = resources
        .iter()
        .map(|r| {
            week_starts
                .iter()
                .map(|&ws| UtilisationCell {
                    capacity: capacity(calendars, default_calendar, r, ws),
                    ..empty.clone()
                })
                .collect()
        })
        .collect();
    // Equipment counts per day, for the peak of each week.
    let mut per_day: HashMap<usize, Vec<f64>> = HashMap::new();
    let mut outside: HashMap<(usize, usize), bool> = HashMap::new();
    let in_window = |r: &ResourceSpec, d: NaiveDate| {
        r.available_from.is_none_or(|f| d >= f) && r.available_to.is_none_or(|t| d <= t)
    };
    let window_start = midnight(monday);
    let window_end = midnight(monday + Duration::days(days as i64));
    for load in loads {
        if load.finish <= load.start || load.finish <= window_start || load.start >= window_end {
            continue;
        }
        let Some(res) = resources.get(load.resource) else {
            continue;
        };
        let cal = &calendars[load.calendar.min(calendars.len() - 1)];
        let d0 =
            (day_number(crate::plan::schedule::calendar::from_minute(load.start).date()) - first_day).max(0) as usize;
        let d1 = ((day_number(crate::plan::schedule::calendar::from_minute(load.finish).date()) - first_day) as usize)
            .min(days - 1);
        match res.kind {
            ResourceKind::Person => {
                for w in d0 / 7..=d1 / 7 {
                    let a = load.start.max(midnight(week_starts[w]));
                    let b = load.finish.min(midnight(week_starts[w] + Duration::days(7)));
                    let work = cal.work_between(a, b) as f64 * load.units;
                    if work <= 0.0 {
                        continue;
                    }
                    let cell = &mut cells[load.resource][w];
                    cell.allocated += work / 60.0;
                    push_task(cell, load, work / 60.0);
                }
            }
            ResourceKind::Equipment => {
                let counts = per_day.entry(load.resource).or_insert_with(|| vec![0.0; days]);
                let mut weeks_used = Vec::new();
                for (d, count) in counts.iter_mut().enumerate().take(d1 + 1).skip(d0) {
                    let date = monday + Duration::days(d as i64);
                    let a = load.start.max(midnight(date));
                    let b = load.finish.min(midnight(date + Duration::days(1)));
                    if cal.work_between(a, b) <= 0 {
                        continue;
                    }
                    *count += load.units;
                    if !in_window(res, date) {
                        outside.insert((load.resource, d / 7), true);
                    }
                    if weeks_used.last() != Some(&(d / 7)) {
                        weeks_used.push(d / 7);
                    }
                }
                for w in weeks_used {
                    push_task(&mut cells[load.resource][w], load, load.units);
                }
            }
        }
    }
    for (r, counts) in per_day {
        for (w, cell) in cells[r].iter_mut().enumerate() {
            cell.allocated = counts[w * 7..w * 7 + 7].iter().copied().fold(0.0, f64::max);
            cell.outside_window = outside.contains_key(&(r, w));
        }
    }
    let mut over_cells = 0;
    for cell in cells.iter_mut().flatten() {
        cell.allocated = (cell.allocated * 100.0).round() / 100.0;
        cell.percent = if cell.allocated <= 0.0 {
            0.0
        } else if cell.capacity <= 0.0 {
            999.0
        } else {
            (cell.allocated / cell.capacity * 100.0).round()
        };
        // A hundredth of an hour of rounding is not an over-allocation.
        cell.over = cell.outside_window || cell.allocated > cell.capacity + 0.01;
        if cell.over {
            over_cells += 1;
        }
    }
    Utilisation {
        weeks: week_starts
            .iter()
            .map(|&start| UtilisationWeek {
                label: iso_week(start),
                start,
            })
            .collect(),
        rows: resources
            .iter()
            .zip(cells)
            .map(|(r, cells)| UtilisationRow {
                id: r.id,
                kind: r.kind,
                name: r.name.clone(),
                cells,
            })
            .collect(),
        over_cells,
    }
}

fn push_task(cell: &mut UtilisationCell, load: &LoadSpan, amount: f64) {
    match cell.tasks.iter_mut().find(|t| t.item_id == load.item_id) {
        Some(t) => t.amount = ((t.amount + amount) * 100.0).round() / 100.0,
        None => cell.tasks.push(CellTask {
            item_id: load.item_id,
            name: load.task.clone(),
            amount: (amount * 100.0).round() / 100.0,
        }),
    }
}

/// What a resource has in the week starting `monday`.
fn capacity(calendars: &[Calendar], default_calendar: usize, r: &ResourceSpec, monday: NaiveDate) -> f64 {
    match r.kind {
        ResourceKind::Person => {
            let cal = &calendars[r.calendar.unwrap_or(default_calendar).min(calendars.len() - 1)];
            let pattern = cal.week().iter().filter(|d| !d.is_empty()).count();
            if pattern == 0 {
                return 0.0;
            }
            let working = (0..7)
                .filter(|&d| cal.is_working_day(monday + Duration::days(d)))
                .count();
            let hours = r.capacity_minutes_per_week / 60.0 * working as f64 / pattern as f64;
            (hours * 100.0).round() / 100.0
        }
        ResourceKind::Equipment => {
            let sunday = monday + Duration::days(6);
            let open = r.available_from.is_none_or(|f| f <= sunday) && r.available_to.is_none_or(|t| t >= monday);
            if open {
                r.quantity
            } else {
                0.0
            }
        }
    }
}

/// Every resource of the workspace (people by name, then equipment by name) and an index by
/// reference, with calendars mapped to `calendar_index`.
pub(crate) fn resource_specs(
    ws: &Workspace,
    calendar_index: &HashMap<Id, usize>,
) -> Result<(Vec<ResourceSpec>, HashMap<ResourceRef, usize>)> {
    let mut specs = Vec::new();
    let mut stmt = ws.conn.prepare_cached(
        "SELECT id, name, capacity_minutes_per_week, calendar_id FROM people ORDER BY name COLLATE NOCASE, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        specs.push(ResourceSpec {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: ResourceKind::Person,
            capacity_minutes_per_week: r.get::<_, i64>(2)? as f64,
            calendar: r.get::<_, Option<Id>>(3)?.and_then(|c| calendar_index.get(&c).copied()),
            quantity: 0.0,
            available_from: None,
            available_to: None,
        });
    }
    for e in ws.equipment()? {
        specs.push(ResourceSpec {
            id: e.id,
            name: e.name,
            kind: ResourceKind::Equipment,
            capacity_minutes_per_week: 0.0,
            calendar: None,
            quantity: e.quantity as f64,
            available_from: e.available_from,
            available_to: e.available_to,
        });
    }
    let index = specs
        .iter()
        .enumerate()
        .map(|(i, s)| (ResourceRef { kind: s.kind, id: s.id }, i))
        .collect();
    Ok((specs, index))
}

impl Workspace {
    /// [`Workspace::utilisation`] from a `YYYY-MM-DD` typed or sent by the UI.
    pub fn utilisation_from(&self, project_id: Option<Id>, from: &str, weeks: usize) -> Result<Utilisation> {
        let from = crate::validate::optional_date("The first week", Some(from))?
            .ok_or_else(|| crate::CoreError::InvalidInput("Choose the first week to show.".into()))?;
        self.utilisation(project_id, from, weeks)
    }

    /// The heat map of one project's tasks, or of every planned (waterfall and hybrid)
    /// project's when `project_id` is none, for `weeks` weeks from the week of `from`.
    pub fn utilisation(&self, project_id: Option<Id>, from: NaiveDate, weeks: usize) -> Result<Utilisation> {
        let weeks = weeks.clamp(1, 104);
        let (calendars, calendar_index) = calendars::load(&self.conn)?;
        let default_calendar = calendar_index.get(&STANDARD_CALENDAR).copied().unwrap_or(0);
        let (specs, index) = resource_specs(self, &calendar_index)?;
        let projects: Vec<Id> = match project_id {
            Some(id) => vec![self.project(id)?.id],
            None => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT id FROM projects WHERE methodology IN ('waterfall', 'hybrid') ORDER BY name COLLATE NOCASE, id",
                )?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            }
        };
        let mut loads = Vec::new();
        for project in projects {
            let outline = self.outline(project)?;
            let result = schedule::schedule(&outline.network)?;
            let uses = project_loads(&self.conn, project)?;
            let mut summary = vec![false; outline.network.tasks.len()];
            for t in &outline.network.tasks {
                if let Some(p) = t.parent {
                    summary[p] = true;
                }
            }
            for (i, task) in outline.network.tasks.iter().enumerate() {
                if summary[i] || task.duration == 0 {
                    continue;
                }
                let Some(list) = uses.get(&outline.item_ids[i]) else {
                    continue;
                };
                for (resource, units) in list {
                    let Some(&r) = index.get(resource) else { continue };
                    loads.push(LoadSpan {
                        resource: r,
                        item_id: outline.item_ids[i],
                        task: task.name.clone(),
                        start: result.tasks[i].early_start,
                        finish: result.tasks[i].early_finish,
                        calendar: task.calendar.unwrap_or(outline.network.calendar),
                        units: *units,
                    });
                }
            }
        }
        Ok(utilisation(&calendars, default_calendar, &specs, &loads, from, weeks))
    }
}
