//! Scrum: sprints with a goal, dates and capacity, the ranked product backlog, planning against
//! capacity, burndown and velocity, and the review and retrospective notes.
//!
//! Points are the items' story points (an item without points counts 0). Burndown days are the
//! working days Monday to Friday of the sprint; an item counts as burnt on the day it entered a
//! done column.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::work::items::{item_from_row, WorkItem, SELECT_ITEM};
use crate::work::statuses::StatusCategory;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SprintState {
    Planned,
    Active,
    Finished,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Sprint {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub name: String,
    pub goal: String,
    pub start_date: NaiveDate,
    pub finish_date: NaiveDate,
    pub capacity_points: Option<f64>,
    pub review_notes: String,
    pub retro_notes: String,
    pub state: SprintState,
    /// Points of the items in the sprint now.
    pub committed_points: f64,
    /// Points of its items that are done.
    pub completed_points: f64,
    pub item_count: u32,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SprintInput {
    pub name: String,
    pub goal: String,
    pub start_date: String,
    pub finish_date: String,
    pub capacity_points: Option<f64>,
}

/// A sprint's plan: its items against its capacity.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SprintPlan {
    pub sprint: Sprint,
    pub items: Vec<WorkItem>,
    /// Committed points above capacity; 0 when the sprint fits.
    pub over_commitment: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Burndown {
    pub days: Vec<NaiveDate>,
    /// From the committed points down to 0 on the last day.
    pub ideal: Vec<f64>,
    /// Points not yet done at each day's end; none for days still to come.
    pub remaining: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VelocityPoint {
    pub sprint: String,
    pub committed: f64,
    /// Points done by the sprint's last day.
    pub completed: f64,
}

struct Checked {
    name: String,
    goal: String,
    start: NaiveDate,
    finish: NaiveDate,
    capacity: Option<f64>,
}

fn check(input: &SprintInput) -> Result<Checked> {
    let name = validate::required_text("The sprint name", &input.name, 80)?;
    let start = validate::optional_date("The start date", Some(&input.start_date))?
        .ok_or_else(|| CoreError::InvalidInput("A sprint needs a start date.".into()))?;
    let finish = validate::optional_date("The finish date", Some(&input.finish_date))?
        .ok_or_else(|| CoreError::InvalidInput("A sprint needs a finish date.".into()))?;
    if finish < start {
        return Err(CoreError::InvalidInput(format!(
            "The finish date {finish} is before the start date {start}."
        )));
    }
    if (finish - start).num_days() > 60 {
        return Err(CoreError::InvalidInput(
            "A sprint lasts at most two months; most last one to four weeks.".into(),
        ));
    }
    let capacity = validate::optional_non_negative("The capacity", input.capacity_points)?;
    Ok(Checked {
        name,
        goal: input.goal.trim().to_string(),
        start,
        finish,
        capacity,
    })
}

fn working_days(start: NaiveDate, finish: NaiveDate) -> Vec<NaiveDate> {
    start
        .iter_days()
        .take_while(|d| *d <= finish)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

const SELECT_SPRINT: &str =
    "SELECT s.id, s.project_id, s.name, s.goal, s.start_date, s.finish_date, s.capacity_points, \
     s.review_notes, s.retro_notes, \
     (SELECT coalesce(sum(w.story_points), 0) FROM work_items w WHERE w.sprint_id = s.id), \
     (SELECT coalesce(sum(w.story_points), 0) FROM work_items w JOIN statuses st ON st.id = w.status_id \
        WHERE w.sprint_id = s.id AND st.category = 'done'), \
     (SELECT count(*) FROM work_items w WHERE w.sprint_id = s.id) \
     FROM sprints s";

impl Workspace {
    fn sprint_from_row(r: &rusqlite::Row, today: NaiveDate) -> rusqlite::Result<Sprint> {
        let start: NaiveDate = r.get::<_, String>(4)?.parse().unwrap_or(today);
        let finish: NaiveDate = r.get::<_, String>(5)?.parse().unwrap_or(today);
        Ok(Sprint {
            id: r.get(0)?,
            project_id: r.get(1)?,
            name: r.get(2)?,
            goal: r.get(3)?,
            start_date: start,
            finish_date: finish,
            capacity_points: r.get(6)?,
            review_notes: r.get(7)?,
            retro_notes: r.get(8)?,
            state: if today < start {
                SprintState::Planned
            } else if today > finish {
                SprintState::Finished
            } else {
                SprintState::Active
            },
            committed_points: r.get(9)?,
            completed_points: r.get(10)?,
            item_count: r.get(11)?,
        })
    }

    fn today() -> NaiveDate {
        crate::clock::today()
    }

    /// A project's sprints in date order.
    pub fn sprints(&self, project_id: Id) -> Result<Vec<Sprint>> {
        let today = Self::today();
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_SPRINT} WHERE s.project_id = ?1 ORDER BY s.start_date, s.id"
        ))?;
        let rows = stmt.query_map([project_id], |r| Self::sprint_from_row(r, today))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sprint(&self, id: Id) -> Result<Sprint> {
        let today = Self::today();
        self.conn
            .query_row(&format!("{SELECT_SPRINT} WHERE s.id = ?1"), [id], |r| {
                Self::sprint_from_row(r, today)
            })
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That sprint no longer exists.".into()))
    }

    pub fn create_sprint(&mut self, project_id: Id, input: &SprintInput) -> Result<Sprint> {
        let s = check(input)?;
        self.project(project_id)?;
        let id = self.edit(|ctx| {
            let taken: bool = ctx.tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM sprints WHERE project_id = ?1 AND name = ?2)",
                (project_id, &s.name),
                |r| r.get(0),
            )?;
            if taken {
                return Err(CoreError::Duplicate(format!(
                    "This project already has a sprint named \"{}\".",
                    s.name
                )));
            }
            let id = ids::new_id(ctx.tx, "sprints")?;
            ctx.tx.execute(
                "INSERT INTO sprints(project_id, name, goal, start_date, finish_date, capacity_points, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                (
                    project_id,
                    &s.name,
                    &s.goal,
                    s.start.to_string(),
                    s.finish.to_string(),
                    s.capacity,
                    id,
                ),
            )?;
            ctx.inserted("sprints", id);
            ctx.set_label(format!("Create sprint \"{}\"", s.name));
            ctx.set_project(project_id);
            Ok(id)
        })?;
        self.sprint(id)
    }

    pub fn update_sprint(&mut self, id: Id, input: &SprintInput) -> Result<Sprint> {
        let s = check(input)?;
        let old = self.sprint(id)?;
        self.edit(|ctx| {
            let taken: bool = ctx.tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM sprints WHERE project_id = ?1 AND name = ?2 AND id <> ?3)",
                (old.project_id, &s.name, id),
                |r| r.get(0),
            )?;
            if taken {
                return Err(CoreError::Duplicate(format!(
                    "This project already has a sprint named \"{}\".",
                    s.name
                )));
            }
            ctx.touch("sprints", id)?;
            ctx.tx.execute(
                "UPDATE sprints SET name = ?1, goal = ?2, start_date = ?3, finish_date = ?4, capacity_points = ?5 \
                 WHERE id = ?6",
                (
                    &s.name,
                    &s.goal,
                    s.start.to_string(),
                    s.finish.to_string(),
                    s.capacity,
                    id,
                ),
            )?;
            ctx.set_label(format!("Edit sprint \"{}\"", s.name));
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.sprint(id)
    }

    /// The sprint review and retrospective notes.
    pub fn set_sprint_notes(&mut self, id: Id, review: &str, retro: &str) -> Result<Sprint> {
        let old = self.sprint(id)?;
        self.edit(|ctx| {
            ctx.touch("sprints", id)?;
            ctx.tx.execute(
                "UPDATE sprints SET review_notes = ?1, retro_notes = ?2 WHERE id = ?3",
                (review.trim(), retro.trim(), id),
            )?;
            ctx.set_label(format!("Edit notes of \"{}\"", old.name));
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.sprint(id)
    }

    /// Deletes a sprint; its items go back to the product backlog.
    pub fn delete_sprint(&mut self, id: Id) -> Result<()> {
        let old = self.sprint(id)?;
        self.edit(|ctx| {
            ctx.delete("sprints", id)?;
            ctx.set_label(format!("Delete sprint \"{}\"", old.name));
            ctx.set_project(old.project_id);
            Ok(())
        })
    }

    /// Puts an item into a sprint, or back into the product backlog with `None`.
    pub fn assign_sprint(&mut self, item_id: Id, sprint_id: Option<Id>) -> Result<()> {
        let item = self.item(item_id)?;
        let label = match sprint_id {
            Some(s) => {
                let sprint = self.sprint(s)?;
                if sprint.project_id != item.project_id {
                    return Err(CoreError::InvalidInput(
                        "An item can only join a sprint of its own project.".into(),
                    ));
                }
                format!("Add \"{}\" to {}", item.title, sprint.name)
            }
            None => format!("Return \"{}\" to the backlog", item.title),
        };
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET sprint_id = ?1 WHERE id = ?2",
                (sprint_id, item_id),
            )?;
            ctx.set_label(label);
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// The product backlog: items in no sprint and not done, in rank order.
    pub fn backlog(&self, project_id: Id) -> Result<Vec<WorkItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ITEM} JOIN statuses st ON st.id = w.status_id \
             WHERE w.project_id = ?1 AND w.sprint_id IS NULL AND st.category <> 'done' \
             ORDER BY w.backlog_rank IS NULL, w.backlog_rank, w.created_at, w.outline_position, w.id"
        ))?;
        let rows = stmt.query_map([project_id], item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves an item to place `index` of the product backlog (0 = top). The whole backlog is
    /// renumbered, so the order is explicit for every item afterwards.
    pub fn rank_in_backlog(&mut self, item_id: Id, index: usize) -> Result<()> {
        let item = self.item(item_id)?;
        let mut order: Vec<Id> = self.backlog(item.project_id)?.into_iter().map(|i| i.id).collect();
        let Some(at) = order.iter().position(|&i| i == item_id) else {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" is not in the product backlog.",
                item.title
            )));
        };
        order.remove(at);
        order.insert(index.min(order.len()), item_id);
        self.edit(|ctx| {
            for (position, id) in order.iter().enumerate() {
                ctx.touch("work_items", *id)?;
                ctx.tx
                    .prepare_cached("UPDATE work_items SET backlog_rank = ?1 WHERE id = ?2")?
                    .execute((position as f64 + 1.0, id))?;
            }
            ctx.set_label(format!("Rank \"{}\" in the backlog", item.title));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    pub fn sprint_plan(&self, sprint_id: Id) -> Result<SprintPlan> {
        let sprint = self.sprint(sprint_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ITEM} JOIN statuses st ON st.id = w.status_id WHERE w.sprint_id = ?1 ORDER BY st.position, w.rank, w.id"
        ))?;
        let items = stmt
            .query_map([sprint_id], item_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let over = sprint
            .capacity_points
            .map_or(0.0, |c| (sprint.committed_points - c).max(0.0));
        Ok(SprintPlan {
            sprint,
            items,
            over_commitment: over,
        })
    }

    /// Ideal and actual remaining points per working day of the sprint.
    pub fn burndown(&self, sprint_id: Id) -> Result<Burndown> {
        let sprint = self.sprint(sprint_id)?;
        let today = Self::today();
        let days = working_days(sprint.start_date, sprint.finish_date);
        // When each item of the sprint last became done (and stayed done).
        let mut done_on: HashMap<Id, Option<NaiveDate>> = HashMap::new();
        let mut points: HashMap<Id, f64> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT w.id, coalesce(w.story_points, 0), c.category, c.at FROM work_items w \
             LEFT JOIN status_changes c ON c.item_id = w.id WHERE w.sprint_id = ?1 ORDER BY c.at, c.seq",
        )?;
        let rows = stmt.query_map([sprint_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, f64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (item, p, category, at) = row?;
            points.insert(item, p);
            let entry = done_on.entry(item).or_insert(None);
            let (Some(category), Some(at)) = (category, at) else {
                continue;
            };
            let day = DateTime::parse_from_rfc3339(&at)
                .ok()
                .map(|t| t.with_timezone(&Utc).date_naive());
            *entry = if StatusCategory::parse(&category) == StatusCategory::Done {
                day
            } else {
                None
            };
        }
        let committed: f64 = points.values().sum();
        let steps = days.len().saturating_sub(1).max(1) as f64;
        let ideal = (0..days.len())
            .map(|i| ((committed * (1.0 - i as f64 / steps)) * 10.0).round() / 10.0)
            .collect();
        // Work done on a non-working day counts on the next working day of the burndown, and
        // work done after its last working day but inside the sprint counts on that last day.
        let last = days.len().saturating_sub(1);
        let remaining = days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let counted_until = if i == last { sprint.finish_date.max(*day) } else { *day };
                (*day <= today).then(|| {
                    points
                        .iter()
                        .filter(|(item, _)| done_on.get(*item).copied().flatten().is_none_or(|d| d > counted_until))
                        .map(|(_, p)| p)
                        .sum()
                })
            })
            .collect();
        Ok(Burndown { days, ideal, remaining })
    }

    /// Committed and completed points of each finished sprint, oldest first.
    pub fn velocity(&self, project_id: Id) -> Result<Vec<VelocityPoint>> {
        let mut out = Vec::new();
        for sprint in self
            .sprints(project_id)?
            .into_iter()
            .filter(|s| s.state == SprintState::Finished)
        {
            let burndown = self.burndown(sprint.id)?;
            let left = burndown
                .remaining
                .last()
                .copied()
                .flatten()
                .unwrap_or(sprint.committed_points);
            out.push(VelocityPoint {
                sprint: sprint.name,
                committed: sprint.committed_points,
                completed: ((sprint.committed_points - left) * 10.0).round() / 10.0,
            });
        }
        Ok(out)
    }
}
