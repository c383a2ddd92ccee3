//! A project's plan as the timeline sees it: the WBS outline of its work items, their
//! scheduling fields, the dependencies between them, and the schedule computed from them.
//! Also the import of a Microsoft Project plan as a new project.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::interchange::mspdi::Plan;
use crate::plan::baselines;
use crate::plan::calendars::{self, STANDARD_CALENDAR};
use crate::plan::schedule::calendar::{from_minute, to_minute};
use crate::plan::schedule::{self, Constraint, Lag, Link, LinkType, Minute, Network, Task};
use crate::work::projects::{self, Methodology, Project, ProjectInput};
use crate::work::statuses::StatusCategory;
use crate::{agile::flow, people, validate, workspace::ids, CoreError, Id, Result, Workspace};

/// A work item without a planned duration counts as one working day.
const DEFAULT_DURATION: Minute = 480;
const DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S";

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
    fn as_str(self) -> &'static str {
        match self {
            DependencyKind::Fs => "fs",
            DependencyKind::Ss => "ss",
            DependencyKind::Ff => "ff",
            DependencyKind::Sf => "sf",
        }
    }

    fn parse(s: &str) -> DependencyKind {
        match s {
            "ss" => DependencyKind::Ss,
            "ff" => DependencyKind::Ff,
            "sf" => DependencyKind::Sf,
            _ => DependencyKind::Fs,
        }
    }

    fn link_type(self) -> LinkType {
        match self {
            DependencyKind::Fs => LinkType::FinishToStart,
            DependencyKind::Ss => LinkType::StartToStart,
            DependencyKind::Ff => LinkType::FinishToFinish,
            DependencyKind::Sf => LinkType::StartToFinish,
        }
    }

    fn of(kind: LinkType) -> DependencyKind {
        match kind {
            LinkType::FinishToStart => DependencyKind::Fs,
            LinkType::StartToStart => DependencyKind::Ss,
            LinkType::FinishToFinish => DependencyKind::Ff,
            LinkType::StartToFinish => DependencyKind::Sf,
        }
    }
}

/// One task of a computed schedule. Dates are local date-times; float is in working hours.
#[derive(Debug, Clone, Serialize, TS)]
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
#[derive(Debug, Clone, Serialize, TS)]
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
}

/// What an import brought in, and what the file held that Bridgeplan could not keep.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub project: Project,
    pub tasks: usize,
    pub dependencies: usize,
    pub calendars: usize,
    pub warnings: Vec<String>,
}

/// A project's items in WBS order with what the network needs to know about each.
struct Outline {
    network: Network,
    links: Vec<ScheduleLink>,
    item_ids: Vec<Id>,
    wbs: Vec<String>,
    percent: Vec<f64>,
    milestone: Vec<bool>,
    resource: Vec<Option<String>>,
    work_hours: Vec<f64>,
    cost_minor: Vec<i64>,
}

fn parse_time(text: Option<String>) -> Option<Minute> {
    text.and_then(|t| NaiveDateTime::parse_from_str(&t, DATE_TIME).ok())
        .map(to_minute)
}

/// A local date-time typed or sent by the UI (`YYYY-MM-DDTHH:MM:SS`, or a date for its midnight).
fn parse_local(field: &str, text: &str) -> Result<Minute> {
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

fn format_time(m: Minute) -> String {
    from_minute(m).format(DATE_TIME).to_string()
}

fn hours(minutes: Minute) -> f64 {
    (minutes as f64 / 60.0 * 100.0).round() / 100.0
}

fn constraint_from(kind: &str, date: Option<Minute>) -> Constraint {
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

fn constraint_columns(c: Constraint) -> (&'static str, Option<String>) {
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

impl Workspace {
    fn outline(&self, project_id: Id) -> Result<Outline> {
        let project = self.project(project_id)?;
        let (calendars, calendar_index) = calendars::load(&self.conn)?;
        let (calendar_id, honor, start_time): (Option<Id>, bool, Option<String>) = self.conn.query_row(
            "SELECT calendar_id, honor_constraints, start_time FROM projects WHERE id = ?1",
            [project_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let calendar = calendar_id
            .or(Some(STANDARD_CALENDAR))
            .and_then(|id| calendar_index.get(&id).copied())
            .unwrap_or(0);

        struct Row {
            id: Id,
            parent: Option<Id>,
            title: String,
            milestone: bool,
            duration: Option<Minute>,
            calendar: Option<Id>,
            constraint: Constraint,
            actual_start: Option<Minute>,
            actual_finish: Option<Minute>,
            percent: f64,
            resource: Option<String>,
            work_hours: f64,
            cost_minor: i64,
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT w.id, w.parent_id, w.title, w.item_type, w.duration_minutes, \
             coalesce(w.calendar_id, p.calendar_id), w.constraint_type, w.constraint_date, w.actual_start, \
             w.actual_finish, w.percent_complete, p.name, coalesce(w.estimate_hours, 0), \
             coalesce(p.cost_rate_minor, 0), w.fixed_cost_minor \
             FROM work_items w LEFT JOIN people p ON p.id = w.assignee_id \
             WHERE w.project_id = ?1 ORDER BY w.outline_position, w.created_at, w.id",
        )?;
        let rows: Vec<Row> = stmt
            .query_map([project_id], |r| {
                Ok(Row {
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
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

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
            .map(|(i, _, parent)| {
                let row = &rows[*i];
                Task {
                    name: row.title.clone(),
                    parent: *parent,
                    duration: row.duration.unwrap_or(if row.milestone { 0 } else { DEFAULT_DURATION }),
                    calendar: row.calendar.and_then(|c| calendar_index.get(&c).copied()),
                    constraint: row.constraint,
                    actual_start: row.actual_start,
                    actual_finish: row.actual_finish,
                }
            })
            .collect();

        let mut links = Vec::new();
        let mut stored = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.predecessor_id, d.successor_id, d.kind, d.lag_minutes, d.lag_percent \
             FROM dependencies d JOIN work_items w ON w.id = d.successor_id WHERE w.project_id = ?1 \
             ORDER BY d.seq, d.id",
        )?;
        let deps = stmt.query_map([project_id], |r| {
            Ok(ScheduleLink {
                id: r.get(0)?,
                predecessor_id: r.get(1)?,
                successor_id: r.get(2)?,
                kind: DependencyKind::parse(&r.get::<_, String>(3)?),
                lag_minutes: r.get(4)?,
                lag_percent: r.get(5)?,
            })
        })?;
        for dep in deps {
            let dep = dep?;
            let (Some(&predecessor), Some(&successor)) =
                (position.get(&dep.predecessor_id), position.get(&dep.successor_id))
            else {
                continue;
            };
            links.push(Link {
                predecessor,
                successor,
                kind: dep.kind.link_type(),
                lag: dep
                    .lag_percent
                    .map_or(Lag::Work(dep.lag_minutes), Lag::PercentOfPredecessor),
            });
            stored.push(dep);
        }

        Ok(Outline {
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
        })
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
            })
            .collect();
        Ok(ProjectSchedule {
            project: project.name,
            project_id,
            start: from_minute(outline.network.start),
            finish: from_minute(result.finish),
            tasks,
            links: outline.links,
            currency: self.currency()?,
        })
    }

    /// Makes `successor` depend on `predecessor`. Refused across projects, twice between the
    /// same tasks, or when it would close a loop (the message names the loop's tasks).
    pub fn add_dependency(
        &mut self,
        predecessor: Id,
        successor: Id,
        kind: DependencyKind,
        lag_minutes: Minute,
    ) -> Result<Id> {
        let pred = self.item(predecessor)?;
        let succ = self.item(successor)?;
        if pred.project_id != succ.project_id {
            return Err(CoreError::InvalidInput(
                "A dependency joins two tasks of the same project.".into(),
            ));
        }
        if predecessor == successor {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" cannot depend on itself.",
                pred.title
            )));
        }
        let exists: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM dependencies WHERE predecessor_id = ?1 AND successor_id = ?2",
                [predecessor, successor],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(CoreError::Duplicate(format!(
                "\"{}\" already depends on \"{}\".",
                succ.title, pred.title
            )));
        }
        // Scheduling with the new link finds a loop before anything is written.
        let mut outline = self.outline(pred.project_id)?;
        let at = |id: Id| outline.item_ids.iter().position(|&x| x == id);
        if let (Some(p), Some(s)) = (at(predecessor), at(successor)) {
            outline.network.links.push(Link {
                predecessor: p,
                successor: s,
                kind: kind.link_type(),
                lag: Lag::Work(lag_minutes),
            });
            schedule::schedule(&outline.network)?;
        }
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "dependencies")?;
            ctx.tx.execute(
                "INSERT INTO dependencies(predecessor_id, successor_id, kind, lag_minutes, seq, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (predecessor, successor, kind.as_str(), lag_minutes, ids::next_seq(ctx.tx, "dependencies")?, id),
            )?;
            ctx.inserted("dependencies", id);
            ctx.set_label(format!("Link \"{}\" → \"{}\"", pred.title, succ.title));
            ctx.set_project(pred.project_id);
            Ok(id)
        })
    }

    /// Sets an item's place in the WBS outline and its scheduling fields, in one undoable edit.
    pub fn set_task_plan(&mut self, item_id: Id, input: &TaskPlanInput) -> Result<()> {
        let item = self.item(item_id)?;
        let time = |field: &str, value: &Option<String>| -> Result<Option<Minute>> {
            match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => parse_local(field, v).map(Some),
            }
        };
        let constraint_date = time("The constraint date", &input.constraint_date)?;
        let actual_start = time("The actual start", &input.actual_start)?;
        let actual_finish = time("The actual finish", &input.actual_finish)?;
        if input.constraint_type != ConstraintKind::Asap && constraint_date.is_none() {
            return Err(CoreError::InvalidInput("This constraint needs a date.".into()));
        }
        if let (Some(s), Some(f)) = (actual_start, actual_finish) {
            if f < s {
                return Err(CoreError::InvalidInput(
                    "The actual finish is before the actual start.".into(),
                ));
            }
        }
        if !(0.0..=100.0).contains(&input.percent_complete) {
            return Err(CoreError::InvalidInput("Percent complete is between 0 and 100.".into()));
        }
        if input
            .duration_minutes
            .is_some_and(|d| !(0..=480 * 365 * 20).contains(&d))
        {
            return Err(CoreError::InvalidInput(
                "A duration is between 0 and 20 years of working days.".into(),
            ));
        }
        self.check_parent(item_id, input.parent_id)?;
        let kind = match input.constraint_type {
            ConstraintKind::Asap => "asap",
            ConstraintKind::Snet => "snet",
            ConstraintKind::Snlt => "snlt",
            ConstraintKind::Fnet => "fnet",
            ConstraintKind::Fnlt => "fnlt",
            ConstraintKind::Mso => "mso",
            ConstraintKind::Mfo => "mfo",
        };
        let constraint_date = if kind == "asap" {
            None
        } else {
            constraint_date.map(format_time)
        };
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET parent_id = ?1, duration_minutes = ?2, constraint_type = ?3, \
                 constraint_date = ?4, actual_start = ?5, actual_finish = ?6, percent_complete = ?7, \
                 updated_at = ?8 WHERE id = ?9",
                rusqlite::params![
                    input.parent_id,
                    input.duration_minutes,
                    kind,
                    constraint_date,
                    actual_start.map(format_time),
                    actual_finish.map(format_time),
                    input.percent_complete,
                    validate::now_utc(),
                    item_id
                ],
            )?;
            ctx.set_label(format!("Plan \"{}\"", item.title));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// Drags a task to start at `start` (a bar moved in the timeline): like Microsoft Project, it
    /// gets a "start no earlier than" constraint there, and a started task's actual start moves
    /// with it. Its successors follow when the schedule is computed.
    pub fn move_task(&mut self, item_id: Id, start: &str) -> Result<()> {
        let item = self.item(item_id)?;
        self.refuse_summary(item_id, &item.title)?;
        let start = parse_local("The new start", start)?;
        let actual_start: Option<String> =
            self.conn
                .query_row("SELECT actual_start FROM work_items WHERE id = ?1", [item_id], |r| {
                    r.get(0)
                })?;
        let day = from_minute(start).format("%Y-%m-%d");
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET constraint_type = 'snet', constraint_date = ?1, \
                 actual_start = CASE WHEN actual_start IS NULL THEN NULL ELSE ?1 END, updated_at = ?2 WHERE id = ?3",
                rusqlite::params![format_time(start), validate::now_utc(), item_id],
            )?;
            ctx.set_label(if actual_start.is_some() {
                format!("Move the actual start of \"{}\" to {day}", item.title)
            } else {
                format!("Move \"{}\" to start on {day}", item.title)
            });
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// Drags a task's end to `finish` (a bar's end in the timeline): its duration becomes the
    /// working time from its scheduled start to there. A date alone means the end of that day.
    pub fn set_task_finish(&mut self, item_id: Id, finish: &str) -> Result<()> {
        let item = self.item(item_id)?;
        self.refuse_summary(item_id, &item.title)?;
        let finish = match NaiveDate::parse_from_str(finish.trim(), "%Y-%m-%d") {
            Ok(day) => to_minute(day.succ_opt().unwrap_or(day).and_hms_opt(0, 0, 0).unwrap_or_default()),
            Err(_) => parse_local("The new finish", finish)?,
        };
        let outline = self.outline(item.project_id)?;
        let result = schedule::schedule(&outline.network)?;
        let at = outline
            .item_ids
            .iter()
            .position(|&id| id == item_id)
            .ok_or_else(|| CoreError::NotFound("That task no longer exists.".into()))?;
        let task = &outline.network.tasks[at];
        let calendar = &outline.network.calendars[task.calendar.unwrap_or(outline.network.calendar)];
        let start = result.tasks[at].early_start;
        let duration = calendar.work_between(start, finish);
        if duration <= 0 {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" starts {}; its finish must come after that.",
                item.title,
                from_minute(start).format("%Y-%m-%d %H:%M")
            )));
        }
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET duration_minutes = ?1, updated_at = ?2 WHERE id = ?3",
                rusqlite::params![duration, validate::now_utc(), item_id],
            )?;
            ctx.set_label(format!(
                "Make \"{}\" {} working days long",
                item.title,
                duration as f64 / 480.0
            ));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// A summary task's dates come from its tasks, so it is not dragged itself.
    fn refuse_summary(&self, item_id: Id, title: &str) -> Result<()> {
        let has_tasks: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM work_items WHERE parent_id = ?1)",
            [item_id],
            |r| r.get(0),
        )?;
        if has_tasks {
            return Err(CoreError::InvalidInput(format!(
                "\"{title}\" is a summary task: its dates come from its tasks, so move those instead."
            )));
        }
        Ok(())
    }

    pub fn remove_dependency(&mut self, id: Id) -> Result<()> {
        let (pred, succ, project): (String, String, Id) = self
            .conn
            .query_row(
                "SELECT p.title, s.title, s.project_id FROM dependencies d \
                 JOIN work_items p ON p.id = d.predecessor_id JOIN work_items s ON s.id = d.successor_id \
                 WHERE d.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That dependency no longer exists.".into()))?;
        self.edit(|ctx| {
            ctx.delete("dependencies", id)?;
            ctx.set_label(format!("Unlink \"{pred}\" → \"{succ}\""));
            ctx.set_project(project);
            Ok(())
        })
    }

    /// Imports a Microsoft Project plan as a new waterfall project, in one undoable edit.
    /// A name already taken gets " (2)", " (3)" … added.
    pub fn import_plan(&mut self, plan: &Plan) -> Result<ImportSummary> {
        let mut warnings = plan.warnings.clone();
        let base = plan.name.trim().chars().take(110).collect::<String>();
        let base = if base.is_empty() {
            "Imported project".to_string()
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 2;
        while self.project_by_name(&name).is_ok() {
            name = format!("{base} ({n})");
            n += 1;
        }
        if name != base {
            warnings.push(format!(
                "A project named \"{base}\" already exists; the import is named \"{name}\"."
            ));
        }
        let start_date = from_minute(plan.start).date();
        let currency = self.currency()?;
        let has_costs =
            plan.resources.iter().any(|r| r.cost_rate_minor > 0) || plan.tasks.iter().any(|t| t.fixed_cost_minor > 0);
        if let Some(theirs) = plan
            .currency
            .as_deref()
            .filter(|c| has_costs && !c.eq_ignore_ascii_case(&currency))
        {
            warnings.push(format!(
                "Costs in the file are in {theirs}; this workspace counts in {currency}. The amounts are kept as they are, not converted."
            ));
        }
        let mut kept_people = Vec::new();
        let mut skipped_baselines = Vec::new();
        let project_id = self.edit(|ctx| {
            let id = projects::insert(
                ctx,
                &ProjectInput {
                    name: name.clone(),
                    methodology: Methodology::Waterfall,
                    start_date: Some(start_date.format("%Y-%m-%d").to_string()),
                    finish_date: None,
                    description: "Imported from Microsoft Project XML.".into(),
                },
            )?;
            let mut calendar_ids = Vec::with_capacity(plan.calendars.len());
            for calendar in &plan.calendars {
                calendar_ids.push(calendars::insert(ctx, calendar)?);
            }
            let start_time = from_minute(plan.start).format("%H:%M").to_string();
            ctx.tx.execute(
                "UPDATE projects SET calendar_id = ?1, honor_constraints = ?2, start_time = ?3 WHERE id = ?4",
                (calendar_ids[plan.calendar], plan.honor_constraints, start_time, id),
            )?;
            // Resources become people; someone already in the workspace keeps their own settings.
            let mut person_ids = Vec::with_capacity(plan.resources.len());
            for resource in &plan.resources {
                let known = ctx.tx.query_row("SELECT EXISTS(SELECT 1 FROM people WHERE name = ?1)", [&resource.name], |r| r.get::<_, bool>(0))?;
                let person = people::person_id_by_name(ctx, &resource.name)?;
                if known {
                    if resource.calendar.is_some() || resource.cost_rate_minor > 0 {
                        kept_people.push(resource.name.clone());
                    }
                } else {
                    ctx.tx.execute(
                        "UPDATE people SET calendar_id = ?1, cost_rate_minor = ?2 WHERE id = ?3",
                        (resource.calendar.map(|c| calendar_ids[c]), resource.cost_rate_minor, person),
                    )?;
                }
                person_ids.push(person);
            }
            let status_of = |category: StatusCategory| -> Result<Id> {
                Ok(ctx.tx.query_row(
                    "SELECT id FROM statuses WHERE project_id = ?1 AND category = ?2 ORDER BY position LIMIT 1",
                    (id, category.as_str()),
                    |r| r.get(0),
                )?)
            };
            let (todo, doing, done) = (status_of(StatusCategory::Todo)?, status_of(StatusCategory::InProgress)?, status_of(StatusCategory::Done)?);
            let now = validate::now_utc();
            let mut item_ids: Vec<Id> = Vec::with_capacity(plan.tasks.len());
            let parents: std::collections::HashSet<usize> = plan.tasks.iter().filter_map(|t| t.task.parent).collect();
            for (i, t) in plan.tasks.iter().enumerate() {
                let status = match t.percent_complete {
                    p if p >= 100.0 => done,
                    p if p > 0.0 => doing,
                    _ => todo,
                };
                let milestone = t.task.duration == 0 && !parents.contains(&i);
                let (constraint, constraint_date) = constraint_columns(t.task.constraint);
                let title: String = t.task.name.trim().chars().take(200).collect();
                // A task without a name is still a task.
                let title = if title.is_empty() { "Unnamed task".to_string() } else { title };
                let item = ids::new_id(ctx.tx, "work_items")?;
                ctx.tx.prepare_cached(
                    "INSERT INTO work_items(project_id, status_id, rank, item_type, title, parent_id, \
                     outline_position, duration_minutes, calendar_id, constraint_type, constraint_date, \
                     actual_start, actual_finish, percent_complete, created_at, updated_at, assignee_id, \
                     estimate_hours, fixed_cost_minor, id) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16, ?17, ?18)",
                )?
                .execute(rusqlite::params![
                        id,
                        status,
                        i as f64 + 1.0,
                        if milestone { "milestone" } else { "task" },
                        title,
                        t.task.parent.map(|p| item_ids[p]),
                        t.task.duration,
                        t.task.calendar.map(|c| calendar_ids[c]),
                        constraint,
                        constraint_date,
                        t.task.actual_start.map(format_time),
                        t.task.actual_finish.map(format_time),
                        t.percent_complete.clamp(0.0, 100.0),
                        now,
                        t.resource.map(|r| person_ids[r]),
                        // A summary's work in the file is its tasks' total, rolled up again here.
                        (t.work > 0 && !parents.contains(&i)).then(|| t.work as f64 / 60.0),
                        t.fixed_cost_minor.max(0),
                        item,
                    ],
                )?;
                ctx.inserted("work_items", item);
                flow::record_status(ctx, item, status, &now)?;
                item_ids.push(item);
            }
            for link in &plan.links {
                let (minutes, percent) = match link.lag {
                    Lag::Work(m) => (m, None),
                    Lag::PercentOfPredecessor(p) => (0, Some(p)),
                };
                let dependency = ids::new_id(ctx.tx, "dependencies")?;
                let seq = ids::next_seq(ctx.tx, "dependencies")?;
                let added = ctx
                    .tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO dependencies(predecessor_id, successor_id, kind, lag_minutes, lag_percent, seq, id) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?
                    .execute((item_ids[link.predecessor], item_ids[link.successor], DependencyKind::of(link.kind).as_str(), minutes, percent, seq, dependency))?;
                if added > 0 {
                    ctx.inserted("dependencies", dependency);
                }
            }
            let mut numbers: Vec<u32> = plan.tasks.iter().flat_map(|t| t.baselines.iter().map(|b| b.number)).collect();
            numbers.sort_unstable();
            numbers.dedup();
            for (kept, number) in numbers.iter().enumerate() {
                let title = if *number == 0 { "Baseline".to_string() } else { format!("Baseline {number}") };
                if kept >= baselines::MAX_BASELINES {
                    skipped_baselines.push(title);
                    continue;
                }
                let saved: Vec<baselines::SavedTask> = plan
                    .tasks
                    .iter()
                    .zip(&item_ids)
                    .filter_map(|(t, &item_id)| {
                        let b = t.baselines.iter().find(|b| b.number == *number)?;
                        Some(baselines::SavedTask {
                            item_id,
                            start: from_minute(b.start),
                            finish: from_minute(b.finish),
                            duration_minutes: b.duration,
                        })
                    })
                    .collect();
                baselines::insert(ctx, id, &title, &saved)?;
            }
            ctx.set_label(format!("Import \"{name}\""));
            Ok(id)
        })?;
        if !kept_people.is_empty() {
            warnings.push(format!(
                "Already people of this workspace, so their own calendar and cost rate are kept: {}.",
                kept_people.join(", ")
            ));
        }
        if !skipped_baselines.is_empty() {
            warnings.push(format!(
                "A project keeps at most {} baselines; not imported: {}.",
                baselines::MAX_BASELINES,
                skipped_baselines.join(", ")
            ));
        }
        Ok(ImportSummary {
            project: self.project(project_id)?,
            tasks: plan.tasks.len(),
            dependencies: plan.links.len(),
            calendars: plan.calendars.len(),
            warnings,
        })
    }
}
