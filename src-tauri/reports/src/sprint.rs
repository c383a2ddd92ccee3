//! The sprint report: a sprint's goal and numbers, its burndown, the team's velocity, and
//! what was and was not completed.

use std::collections::HashMap;

use bridgeplan_core::agile::sprints::SprintState;
use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format::{self, date};
use crate::request::Checked;
use crate::{Meta, Result};

/// Finished sprints the velocity chart shows, latest last.
const VELOCITY_SPRINTS: usize = 8;

#[derive(Serialize)]
struct Body {
    name: String,
    goal: String,
    state: &'static str,
    dates: String,
    committed: String,
    completed: String,
    percent_done: u32,
    capacity: Option<String>,
    over_commitment: Option<String>,
    items_done: usize,
    items: usize,
    burndown: Burndown,
    velocity: Vec<(String, f64, f64)>,
    average_velocity: Option<String>,
    done: Vec<ItemLine>,
    not_done: Vec<ItemLine>,
    review: String,
    retro: String,
}

#[derive(Serialize)]
struct Burndown {
    /// Day labels, one per working day.
    days: Vec<String>,
    ideal: Vec<f64>,
    remaining: Vec<Option<f64>>,
    top: f64,
}

#[derive(Serialize)]
struct ItemLine {
    title: String,
    kind: &'static str,
    assignee: String,
    status: String,
    points: String,
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked
        .project
        .as_ref()
        .expect("checked: a sprint report has a project");
    let sprint = checked.sprint.as_ref().expect("checked: a sprint report has a sprint");
    let plan = ws.sprint_plan(sprint.id)?;
    let statuses: HashMap<_, _> = ws.statuses(project.id)?.into_iter().map(|s| (s.id, s)).collect();
    let burndown = ws.burndown(sprint.id)?;
    let velocity = ws.velocity(project.id)?;

    let (mut done, mut not_done) = (Vec::new(), Vec::new());
    for item in &plan.items {
        let status = statuses.get(&item.status_id);
        let line = ItemLine {
            title: item.title.clone(),
            kind: item.item_type.as_str(),
            assignee: item.assignee.clone().unwrap_or_default(),
            status: status.map(|s| s.name.clone()).unwrap_or_default(),
            points: item.story_points.map(format::number).unwrap_or_else(|| "–".into()),
        };
        if status.is_some_and(|s| s.category == StatusCategory::Done) {
            done.push(line);
        } else {
            not_done.push(line);
        }
    }
    let recent: Vec<_> = velocity.iter().rev().take(VELOCITY_SPRINTS).rev().collect();
    let average = (!recent.is_empty()).then(|| recent.iter().map(|v| v.completed).sum::<f64>() / recent.len() as f64);
    let top = burndown
        .ideal
        .iter()
        .copied()
        .chain(burndown.remaining.iter().flatten().copied())
        .fold(0.0, f64::max);
    let body = Body {
        name: sprint.name.clone(),
        goal: sprint.goal.clone(),
        state: match sprint.state {
            SprintState::Planned => "planned",
            SprintState::Active => "running",
            SprintState::Finished => "finished",
        },
        dates: format!("{} – {}", date(sprint.start_date), date(sprint.finish_date)),
        committed: format::number(sprint.committed_points),
        completed: format::number(sprint.completed_points),
        percent_done: if sprint.committed_points > 0.0 {
            (sprint.completed_points / sprint.committed_points * 100.0).round() as u32
        } else {
            0
        },
        capacity: sprint.capacity_points.map(format::number),
        over_commitment: (plan.over_commitment > 0.0).then(|| format::number(plan.over_commitment)),
        items_done: done.len(),
        items: plan.items.len(),
        burndown: Burndown {
            days: burndown.days.iter().map(|d| d.format("%-d %b").to_string()).collect(),
            ideal: burndown.ideal.clone(),
            remaining: burndown.remaining.clone(),
            top,
        },
        velocity: recent
            .iter()
            .map(|v| (v.sprint.clone(), v.committed, v.completed))
            .collect(),
        average_velocity: average.map(format::number),
        done,
        not_done,
        review: plan.sprint.review_notes.clone(),
        retro: plan.sprint.retro_notes.clone(),
    };
    let meta = format::meta(
        checked,
        format!("{} – {}", project.name, sprint.name),
        project.manager.clone(),
    );
    crate::data(meta, body)
}
