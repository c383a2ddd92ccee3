//! The minutes of one meeting: its header (kind, day, time, place), who attended and who sent
//! apologies, the agenda, notes, decisions, and the action items with owner, due date and the
//! live status of their work items. The meeting is the one asked for, else the project's
//! latest meeting with minutes (see `meetings::latest_meeting`).

use bridgeplan_core::meetings::{self, Meeting};
use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::{CoreError, Workspace};
use serde::Serialize;

use crate::format::{self, date, opt_date};
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    kind: &'static str,
    title: String,
    when: String,
    location: String,
    attended: Vec<String>,
    apologies: Vec<String>,
    agenda: Vec<String>,
    notes: Vec<String>,
    decisions: Vec<String>,
    actions: Vec<ActionRow>,
}

#[derive(Serialize)]
struct ActionRow {
    title: String,
    owner: String,
    due: String,
    status: String,
    /// "done", "overdue", "blocked" or "", for its colour.
    tone: &'static str,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn when(m: &Meeting) -> String {
    let mut s = format!("{} {}", m.day.format("%A"), date(m.day));
    if let Some(t) = &m.start_time {
        s.push_str(&format!(", {t}"));
    }
    s.push_str(&format!(" · {} min", m.duration_minutes));
    s
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked
        .project
        .as_ref()
        .expect("minutes are about one project's meeting");
    let id = match checked.meeting_id {
        Some(id) => id,
        None => ws
            .meeting_latest(project.id, checked.today)?
            .ok_or_else(|| CoreError::NotFound(format!("{} has no meetings to write minutes of.", project.name)))?,
    };
    let m = ws.meeting(id)?;
    if m.project_id != project.id {
        return Err(CoreError::InvalidInput(format!("That meeting is not one of {}'s.", project.name)).into());
    }
    let name = |a: &meetings::Attendee| {
        if a.detail.is_empty() {
            a.name.clone()
        } else {
            format!("{} ({})", a.name, a.detail)
        }
    };
    let actions = m
        .actions
        .iter()
        .map(|a| {
            let done = a.category == StatusCategory::Done;
            ActionRow {
                title: a.title.clone(),
                owner: a.owner.clone().unwrap_or_else(|| "–".into()),
                due: opt_date(a.due_date),
                status: match &a.blocked_reason {
                    Some(r) if !done => format!("{} · blocked: {r}", a.status),
                    _ => a.status.clone(),
                },
                tone: if done {
                    "done"
                } else if a.blocked_reason.is_some() {
                    "blocked"
                } else if a.due_date.is_some_and(|d| d < checked.today) {
                    "overdue"
                } else {
                    ""
                },
            }
        })
        .collect();
    let body = Body {
        kind: m.kind.label(),
        title: m.title.clone(),
        when: when(&m),
        location: m.location.clone(),
        attended: m.attendees.iter().filter(|a| a.attended).map(name).collect(),
        apologies: m.attendees.iter().filter(|a| !a.attended).map(name).collect(),
        agenda: lines(&m.agenda),
        notes: lines(&m.notes),
        decisions: m.decisions.iter().map(|d| d.text.clone()).collect(),
        actions,
    };
    let meta = format::meta(checked, project.name.clone(), project.manager.clone());
    crate::data(meta, body)
}
