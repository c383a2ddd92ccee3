//! A Microsoft Project plan brought in as a new project of the workspace, in one undoable edit.

use serde::Serialize;
use ts_rs::TS;

use crate::agile::flow;
use crate::interchange::mspdi::Plan;
use crate::plan::baselines;
use crate::plan::calendars;
use crate::plan::schedule::calendar::from_minute;
use crate::plan::schedule::Lag;
use crate::plan::timeline::*;
use crate::work::projects::{self, Methodology, Project, ProjectInput};
use crate::work::statuses::StatusCategory;
use crate::workspace::ids;
use crate::{people, validate, Id, Result, Workspace};

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

impl Workspace {
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
            // Thousands of tasks: indexed for search in one go at the end (same transaction).
            crate::search::pause_items(ctx.tx)?;
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
                            // The reader keeps no baseline cost or work; earned value then
                            // measures against the schedule (see budget/evm.rs).
                            cost_minor: 0,
                            work_minutes: 0,
                        })
                    })
                    .collect();
                baselines::insert(ctx, id, &title, &saved)?;
            }
            ctx.set_label(format!("Import \"{name}\""));
            crate::search::index_new_items(ctx.tx)?;
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
