//! A project's plan as the timeline sees it: the WBS outline of its work items, their
//! scheduling fields, the dependencies between them, and the schedule computed from them.
//! Edits of tasks and dependencies are in `tasks`; the MS Project import in
//! `interchange::mspdi::import`.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::calendars::{self, STANDARD_CALENDAR};
use crate::plan::editing::{schedule_calendars, ScheduleCalendar, TaskPlanState};
use crate::plan::schedule::calendar::{from_minute, to_minute};
use crate::plan::schedule::{self, Constraint, Lag, Link, LinkType, Minute, Network, Task};
use crate::resources::assignments::Staffing;
use crate::{CoreError, Id, Result, Workspace};

/// A work item without a planned duration counts as one working day.
const DEFAULT_DURATION: Minute = 480;
use crate::stamp::{parse_stamp, DATE_TIME};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DependencyKind {
    Fs,
    Ss,
    Ff,
    Sf,
}

impl DependencyKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DependencyKind::Fs => "fs",
            DependencyKind::Ss => "ss",
            DependencyKind::Ff => "ff",
            DependencyKind::Sf => "sf",
        }
    }

    pub(crate) fn parse(s: &str) -> DependencyKind {
        match s {
            "ss" => DependencyKind::Ss,
            "ff" => DependencyKind::Ff,
            "sf" => DependencyKind::Sf,
            _ => DependencyKind::Fs,
        }
    }

    pub(crate) fn link_type(self) -> LinkType {
        match self {
            DependencyKind::Fs => LinkType::FinishToStart,
            DependencyKind::Ss => LinkType::StartToStart,
            DependencyKind::Ff => LinkType::FinishToFinish,
            DependencyKind::Sf => LinkType::StartToFinish,
        }
    }

    pub(crate) fn of(kind: LinkType) -> DependencyKind {
        match kind {
            LinkType::FinishToStart => DependencyKind::Fs,
            LinkType::StartToStart => DependencyKind::Ss,
            LinkType::FinishToFinish => DependencyKind::Ff,
            LinkType::StartToFinish => DependencyKind::Sf,
        }
    }
}

/// One task of a computed schedule. Dates are local date-times; float is in working hours.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScheduledTask {
    #[ts(type = "number")]
    pub item_id: Id,
    pub name: String,
    pub wbs: String,
    pub summary: bool,
    pub milestone: bool,
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    pub early_start: NaiveDateTime,
    pub early_finish: NaiveDateTime,
    pub late_start: NaiveDateTime,
    pub late_finish: NaiveDateTime,
    /// Working minutes: the task's own, or for a summary the working time its tasks span.
    #[ts(type = "number")]
    pub duration_minutes: Minute,
    pub total_float_hours: f64,
    pub free_float_hours: f64,
    pub critical: bool,
    pub percent_complete: f64,
    /// The dates of the baseline asked for, when it holds this task.
    pub baseline_start: Option<NaiveDateTime>,
    pub baseline_finish: Option<NaiveDateTime>,
    /// Who does the task (its assignee); their calendar, if they have one, is the task's.
    pub resource: Option<String>,
    /// Work in hours (the item's estimate); a summary's is the sum of its tasks'.
    pub work_hours: f64,
    /// Work at the resource's rate plus the task's fixed cost, in minor units of the workspace
    /// currency; a summary's adds up its tasks'.
    #[ts(type = "number")]
    pub cost_minor: i64,
    /// Its stored constraint, actual dates and calendar, for editing them.
    pub plan: TaskPlanState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConstraintKind {
    Asap,
    Snet,
    Snlt,
    Fnet,
    Fnlt,
    Mso,
    Mfo,
}

/// The scheduling fields of one work item, all set at once.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TaskPlanInput {
    /// The summary task this item sits under; none for a top-level task.
    #[ts(type = "number | null")]
    pub parent_id: Option<Id>,
    /// Working minutes; none counts as one day, 0 makes a milestone.
    #[ts(type = "number | null")]
    pub duration_minutes: Option<Minute>,
    pub constraint_type: ConstraintKind,
    /// Local `YYYY-MM-DDTHH:MM:SS`; required by every constraint but "as soon as possible".
    pub constraint_date: Option<String>,
    pub actual_start: Option<String>,
    pub actual_finish: Option<String>,
    pub percent_complete: f64,
}

/// A dependency as the timeline draws it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScheduleLink {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub predecessor_id: Id,
    #[ts(type = "number")]
    pub successor_id: Id,
    pub kind: DependencyKind,
    /// Working minutes (negative: a lead); ignored when `lag_percent` is set.
    #[ts(type = "number")]
    pub lag_minutes: Minute,
    pub lag_percent: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProjectSchedule {
    pub project: String,
    #[ts(type = "number")]
    pub project_id: Id,
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    /// In WBS order.
    pub tasks: Vec<ScheduledTask>,
    pub links: Vec<ScheduleLink>,
    /// ISO 4217 code of the costs.
    pub currency: String,
    /// The working calendars tasks work on (`plan.calendar` points here): dragged bars snap to them.
    pub calendars: Vec<ScheduleCalendar>,
}

/// A project's items in WBS order with what the network needs to know about each.
#[derive(Clone)]
pub(crate) struct Outline {
    pub(crate) network: Network,
    pub(crate) links: Vec<ScheduleLink>,
    pub(crate) item_ids: Vec<Id>,
    pub(crate) wbs: Vec<String>,
    pub(crate) percent: Vec<f64>,
    pub(crate) milestone: Vec<bool>,
    pub(crate) resource: Vec<Option<String>>,
    pub(crate) work_hours: Vec<f64>,
    pub(crate) cost_minor: Vec<i64>,
}

pub(crate) fn parse_time(text: Option<String>) -> Option<Minute> {
    text.and_then(|t| parse_stamp(&t)).map(to_minute)
}

/// A local date-time typed or sent by the UI (`YYYY-MM-DDTHH:MM:SS`, or a date for its midnight).
pub(crate) fn parse_local(field: &str, text: &str) -> Result<Minute> {
    let text = text.trim();
    NaiveDateTime::parse_from_str(text, DATE_TIME)
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d").map(|d| d.and_hms_opt(0, 0, 0).unwrap_or_default()))
        .map(to_minute)
        .map_err(|_| {
            CoreError::InvalidInput(format!(
                "{field} \"{text}\" is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)."
            ))
        })
}

pub(crate) fn format_time(m: Minute) -> String {
    from_minute(m).format(DATE_TIME).to_string()
}

pub(crate) fn hours(minutes: Minute) -> f64 {
    (minutes as f64 / 60.0 * 100.0).round() / 100.0
}

pub(crate) fn constraint_from(kind: &str, date: Option<Minute>) -> Constraint {
    match (kind, date) {
        ("snet", Some(d)) => Constraint::StartNoEarlierThan(d),
        ("snlt", Some(d)) => Constraint::StartNoLaterThan(d),
        ("fnet", Some(d)) => Constraint::FinishNoEarlierThan(d),
        ("fnlt", Some(d)) => Constraint::FinishNoLaterThan(d),
        ("mso", Some(d)) => Constraint::MustStartOn(d),
        ("mfo", Some(d)) => Constraint::MustFinishOn(d),
        _ => Constraint::AsSoonAsPossible,
    }
}

pub(crate) fn constraint_columns(c: Constraint) -> (&'static str, Option<String>) {
    match c {
        Constraint::AsSoonAsPossible => ("asap", None),
        Constraint::StartNoEarlierThan(d) => ("snet", Some(format_time(d))),
        Constraint::StartNoLaterThan(d) => ("snlt", Some(format_time(d))),
        Constraint::FinishNoEarlierThan(d) => ("fnet", Some(format_time(d))),
        Constraint::FinishNoLaterThan(d) => ("fnlt", Some(format_time(d))),
        Constraint::MustStartOn(d) => ("mso", Some(format_time(d))),
        Constraint::MustFinishOn(d) => ("mfo", Some(format_time(d))),
    }
}

/// What the kept outline needs to be patched after an edit (see `outline_cache`): each item's
/// place in WBS order, each calendar's place in the network, and each link's in link order.
#[derive(Clone)]
pub(crate) struct OutlineIndex {
    pub(crate) position: HashMap<Id, usize>,
    pub(crate) calendar_index: HashMap<Id, usize>,
    /// (seq, id) of each link, in the order the network holds them.
    pub(crate) link_order: Vec<(i64, Id)>,
    /// The plan has no start date, so it starts at its earliest actual start.
    pub(crate) start_from_actuals: bool,
}

/// One work item as the schedule reads it.
pub(crate) struct ItemRow {
    pub(crate) id: Id,
    parent: Option<Id>,
    title: String,
    pub(crate) milestone: bool,
    duration: Option<Minute>,
    calendar: Option<Id>,
    constraint: Constraint,
    actual_start: Option<Minute>,
    actual_finish: Option<Minute>,
    pub(crate) percent: f64,
    pub(crate) resource: Option<String>,
    pub(crate) work_hours: f64,
    pub(crate) cost_minor: i64,
    delay: Minute,
}

/// The work items `filter` (SQL over `w`, with one parameter) selects, in outline order.
pub(crate) fn item_query(filter: &str) -> String {
    format!(
        "SELECT w.id, w.parent_id, w.title, w.item_type, w.duration_minutes, \
         coalesce(w.calendar_id, p.calendar_id), w.constraint_type, w.constraint_date, w.actual_start, \
         w.actual_finish, w.percent_complete, p.name, coalesce(w.estimate_hours, 0), \
         coalesce(p.cost_rate_minor, 0), w.fixed_cost_minor, w.leveling_delay_minutes \
         FROM work_items w LEFT JOIN people p ON p.id = w.assignee_id \
         WHERE {filter} ORDER BY w.outline_position, w.created_at, w.id"
    )
}

impl ItemRow {
    pub(crate) fn read(r: &rusqlite::Row) -> rusqlite::Result<ItemRow> {
        Ok(ItemRow {
            id: r.get(0)?,
            parent: r.get(1)?,
            title: r.get(2)?,
            milestone: r.get::<_, String>(3)? == "milestone",
            duration: r.get(4)?,
            calendar: r.get(5)?,
            constraint: constraint_from(&r.get::<_, String>(6)?, parse_time(r.get(7)?)),
            actual_start: parse_time(r.get(8)?),
            actual_finish: parse_time(r.get(9)?),
            percent: r.get(10)?,
            resource: r.get(11)?,
            work_hours: r.get(12)?,
            cost_minor: (r.get::<_, f64>(12)? * r.get::<_, f64>(13)?).round() as i64 + r.get::<_, i64>(14)?,
            delay: r.get(15)?,
        })
    }

    /// A task with assignments takes its resources, work and cost from them (and the calendar
    /// of its main person when it has none of its own); one without keeps its assignee.
    pub(crate) fn staff(&mut self, staff: &Staffing) {
        let minutes = self
            .duration
            .unwrap_or(if self.milestone { 0 } else { DEFAULT_DURATION });
        self.resource = Some(staff.names.clone()).filter(|n| !n.is_empty());
        self.work_hours = minutes as f64 / 60.0 * staff.person_units;
        self.cost_minor =
            (minutes as f64 / 60.0 * staff.rate_units).round() as i64 + staff.equipment_cost + staff.fixed_cost;
        if let Some(cal) = staff.calendar.filter(|_| staff.own_calendar.is_none()) {
            self.calendar = Some(cal);
        }
    }

    /// The calendar the task works on, when it has one of its own or its person's.
    pub(crate) fn calendar(&self) -> Option<Id> {
        self.calendar
    }

    pub(crate) fn task(&self, parent: Option<usize>, calendar_index: &HashMap<Id, usize>) -> Task {
        Task {
            name: self.title.clone(),
            parent,
            duration: self
                .duration
                .unwrap_or(if self.milestone { 0 } else { DEFAULT_DURATION }),
            calendar: self.calendar.and_then(|c| calendar_index.get(&c).copied()),
            constraint: self.constraint,
            actual_start: self.actual_start,
            actual_finish: self.actual_finish,
            delay: self.delay,
        }
    }
}

/// The dependencies `filter` (SQL over `d`, with one parameter) selects, in link order.
pub(crate) fn link_query(filter: &str) -> String {
    format!(
        "SELECT d.id, d.predecessor_id, d.successor_id, d.kind, d.lag_minutes, d.lag_percent, d.seq \
         FROM dependencies d WHERE {filter} ORDER BY d.seq, d.id"
    )
}

/// A row of `link_query`, with its seq.
pub(crate) fn read_link(r: &rusqlite::Row) -> rusqlite::Result<(i64, ScheduleLink)> {
    Ok((
        r.get(6)?,
        ScheduleLink {
            id: r.get(0)?,
            predecessor_id: r.get(1)?,
            successor_id: r.get(2)?,
            kind: DependencyKind::parse(&r.get::<_, String>(3)?),
            lag_minutes: r.get(4)?,
            lag_percent: r.get(5)?,
        },
    ))
}

/// The network's link for a dependency, when both its tasks are in the outline.
pub(crate) fn network_link(dep: &ScheduleLink, position: &HashMap<Id, usize>) -> Option<Link> {
    Some(Link {
        predecessor: *position.get(&dep.predecessor_id)?,
        successor: *position.get(&dep.successor_id)?,
        kind: dep.kind.link_type(),
        lag: dep
            .lag_percent
            .map_or(Lag::Work(dep.lag_minutes), Lag::PercentOfPredecessor),
    })
}

impl Workspace {
    pub(crate) fn read_outline(&self, project_id: Id) -> Result<(Outline, OutlineIndex)> {
        let project = self.project(project_id)?;
        let (calendar_id, honor, start_time): (Option<Id>, bool, Option<String>) = self.conn.query_row(
            "SELECT calendar_id, honor_constraints, start_time FROM projects WHERE id = ?1",
            [project_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;

        let mut stmt = self.conn.prepare_cached(&item_query("w.project_id = ?1"))?;
        let mut rows: Vec<ItemRow> = stmt
            .query_map([project_id], ItemRow::read)?
            .collect::<rusqlite::Result<_>>()?;
        let staffed = crate::resources::assignments::project_staffing(&self.conn, project_id)?;
        for row in rows.iter_mut() {
            if let Some(staff) = staffed.get(&row.id) {
                row.staff(staff);
            }
        }

        // Only the calendars this plan uses: the project's, the tasks' and their people's.
        let project_calendar = calendar_id.unwrap_or(STANDARD_CALENDAR);
        let used: BTreeSet<Id> = rows
            .iter()
            .filter_map(|r| r.calendar)
            .chain([STANDARD_CALENDAR, project_calendar])
            .collect();
        let (calendars, calendar_index) = calendars::load_some(&self.conn, &used)?;
        let calendar = calendar_index.get(&project_calendar).copied().unwrap_or(0);

        // Depth-first over the outline gives WBS order and codes.
        let mut children: HashMap<Option<Id>, Vec<usize>> = HashMap::new();
        let known: std::collections::HashSet<Id> = rows.iter().map(|r| r.id).collect();
        for (i, row) in rows.iter().enumerate() {
            let parent = row.parent.filter(|p| known.contains(p));
            children.entry(parent).or_default().push(i);
        }
        let mut order: Vec<(usize, String, Option<usize>)> = Vec::with_capacity(rows.len());
        let mut stack: Vec<(usize, String, Option<usize>)> = children
            .get(&None)
            .map(|roots| {
                roots
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(n, &i)| (i, (n + 1).to_string(), None))
                    .collect()
            })
            .unwrap_or_default();
        while let Some((i, code, parent)) = stack.pop() {
            let at = order.len();
            order.push((i, code.clone(), parent));
            if let Some(kids) = children.get(&Some(rows[i].id)) {
                for (n, &k) in kids.iter().enumerate().rev() {
                    stack.push((k, format!("{code}.{}", n + 1), Some(at)));
                }
            }
        }
        let position: HashMap<Id, usize> = order
            .iter()
            .enumerate()
            .map(|(at, (i, _, _))| (rows[*i].id, at))
            .collect();

        let start = match &project.start_date {
            Some(d) => {
                // An imported plan keeps the time of day its file starts at (09:00, say).
                let time = start_time.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok());
                to_minute(d.and_time(time.unwrap_or_default()))
            }
            None => {
                let earliest = rows.iter().filter_map(|r| r.actual_start).min();
                earliest.unwrap_or_else(|| to_minute(crate::clock::today().and_hms_opt(0, 0, 0).unwrap_or_default()))
            }
        };
        let start = calendars[calendar].next_start(start);

        let tasks: Vec<Task> = order
            .iter()
            .map(|(i, _, parent)| rows[*i].task(*parent, &calendar_index))
            .collect();

        let mut links = Vec::new();
        let mut stored = Vec::new();
        let mut link_order = Vec::new();
        let mut stmt = self.conn.prepare_cached(&link_query(
            "d.successor_id IN (SELECT id FROM work_items WHERE project_id = ?1)",
        ))?;
        let deps = stmt.query_map([project_id], read_link)?;
        for dep in deps {
            let (seq, dep) = dep?;
            let Some(link) = network_link(&dep, &position) else {
                continue;
            };
            links.push(link);
            link_order.push((seq, dep.id));
            stored.push(dep);
        }

        let index = OutlineIndex {
            position,
            calendar_index,
            link_order,
            start_from_actuals: project.start_date.is_none(),
        };
        let outline = Outline {
            item_ids: order.iter().map(|(i, _, _)| rows[*i].id).collect(),
            wbs: order.iter().map(|(_, code, _)| code.clone()).collect(),
            percent: order.iter().map(|(i, _, _)| rows[*i].percent).collect(),
            milestone: order.iter().map(|(i, _, _)| rows[*i].milestone).collect(),
            resource: order.iter().map(|(i, _, _)| rows[*i].resource.clone()).collect(),
            work_hours: order.iter().map(|(i, _, _)| rows[*i].work_hours).collect(),
            cost_minor: order.iter().map(|(i, _, _)| rows[*i].cost_minor).collect(),
            network: Network {
                start,
                calendars,
                calendar,
                tasks,
                links,
                honor_constraints: honor,
            },
            links: stored,
        };
        Ok((outline, index))
    }

    /// Refuses outline changes (item → new parent) that the schedule could not take: a task put
    /// under a summary it is linked with would wait for itself. Row order is unchanged by them.
    pub(crate) fn check_outline_change(&self, project_id: Id, changes: &[(Id, Option<Id>)]) -> Result<()> {
        let mut outline = self.outline(project_id)?;
        let at = |id: Id| outline.item_ids.iter().position(|&x| x == id);
        let moves: Vec<(Option<usize>, Option<usize>)> = changes
            .iter()
            .map(|&(item, parent)| (at(item), parent.and_then(at)))
            .collect();
        for (item, parent) in moves {
            if let Some(i) = item {
                outline.network.tasks[i].parent = parent;
            }
        }
        schedule::schedule(&outline.network).map(|_| ())
    }

    /// The calendar a project's schedule runs on.
    pub fn project_calendar(&self, project_id: Id) -> Result<schedule::Calendar> {
        let outline = self.outline(project_id)?;
        Ok(outline.network.calendars[outline.network.calendar].clone())
    }

    /// The computed schedule of a project, in WBS order.
    pub fn project_schedule(&self, project_id: Id) -> Result<ProjectSchedule> {
        self.project_schedule_against(project_id, None)
    }

    /// The schedule with the dates of baseline `baseline_id` beside each task's own.
    pub fn project_schedule_against(&self, project_id: Id, baseline_id: Option<Id>) -> Result<ProjectSchedule> {
        let project = self.project(project_id)?;
        let baseline: HashMap<Id, (NaiveDateTime, NaiveDateTime)> = match baseline_id {
            Some(id) => self
                .baseline_dates(id)?
                .into_iter()
                .map(|t| (t.item_id, (t.start, t.finish)))
                .collect(),
            None => HashMap::new(),
        };
        let outline = self.outline(project_id)?;
        let result = schedule::schedule(&outline.network)?;
        // Children follow their summary in WBS order, so a backward sweep rolls totals up.
        let (mut work, mut cost) = (outline.work_hours.clone(), outline.cost_minor.clone());
        for i in (0..outline.network.tasks.len()).rev() {
            if let Some(p) = outline.network.tasks[i].parent {
                work[p] += work[i];
                cost[p] += cost[i];
            }
        }
        let summary: Vec<bool> = {
            let mut s = vec![false; outline.network.tasks.len()];
            for t in &outline.network.tasks {
                if let Some(p) = t.parent {
                    s[p] = true;
                }
            }
            s
        };
        let tasks = result
            .tasks
            .iter()
            .enumerate()
            .map(|(i, r)| ScheduledTask {
                item_id: outline.item_ids[i],
                name: outline.network.tasks[i].name.clone(),
                wbs: outline.wbs[i].clone(),
                summary: summary[i],
                milestone: !summary[i] && (outline.milestone[i] || outline.network.tasks[i].duration == 0),
                start: from_minute(r.early_start),
                finish: from_minute(r.early_finish),
                early_start: from_minute(r.early_start),
                early_finish: from_minute(r.early_finish),
                late_start: from_minute(r.late_start),
                late_finish: from_minute(r.late_finish),
                duration_minutes: if summary[i] {
                    outline.network.calendars[outline.network.calendar].work_between(r.early_start, r.early_finish)
                } else {
                    outline.network.tasks[i].duration
                },
                total_float_hours: hours(r.total_float),
                free_float_hours: hours(r.free_float),
                critical: r.critical,
                percent_complete: outline.percent[i],
                baseline_start: baseline.get(&outline.item_ids[i]).map(|b| b.0),
                baseline_finish: baseline.get(&outline.item_ids[i]).map(|b| b.1),
                resource: outline.resource[i].clone(),
                work_hours: (work[i] * 100.0).round() / 100.0,
                cost_minor: cost[i],
                plan: TaskPlanState::of(&outline.network, i),
            })
            .collect();
        Ok(ProjectSchedule {
            project: project.name,
            project_id,
            start: from_minute(outline.network.start),
            finish: from_minute(result.finish),
            tasks,
            calendars: schedule_calendars(&outline.network),
            links: outline.links,
            currency: self.currency()?,
        })
    }
}
