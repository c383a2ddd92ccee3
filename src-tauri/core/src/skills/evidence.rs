//! Evidence of a skill from real work. One rule table says what in the workspace shows which
//! skill; suggestions are worked out from the data each time and the person accepts or rejects
//! them (a decision is stored, so a rejected suggestion does not come back). Evidence can also
//! be added by hand: a course, a document, a link. Later areas (risk registers, meetings,
//! earned value, change requests) add rows to `RULES`.

use chrono::{Duration, NaiveDate};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agile::sprints::SprintState;
use crate::work::projects::Methodology;
use crate::work::statuses::StatusCategory;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

/// What in the workspace an evidence points at, for the UI to open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SourceKind {
    Project,
    Item,
    Sprint,
    Baseline,
}

impl SourceKind {
    fn as_str(self) -> &'static str {
        match self {
            SourceKind::Project => "project",
            SourceKind::Item => "item",
            SourceKind::Sprint => "sprint",
            SourceKind::Baseline => "baseline",
        }
    }

    fn parse(text: &str) -> Option<SourceKind> {
        match text {
            "project" => Some(SourceKind::Project),
            "item" => Some(SourceKind::Item),
            "sprint" => Some(SourceKind::Sprint),
            "baseline" => Some(SourceKind::Baseline),
            _ => None,
        }
    }
}

/// A piece of evidence: suggested by a rule (not yet decided), accepted, or added by hand.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Evidence {
    /// None for a suggestion not decided yet.
    #[ts(type = "number | null")]
    pub id: Option<Id>,
    #[ts(type = "number")]
    pub skill_id: Id,
    pub skill: String,
    /// The rule that suggested it; none when added by hand.
    pub rule: Option<String>,
    pub source_kind: Option<SourceKind>,
    #[ts(type = "number | null")]
    pub source_id: Option<Id>,
    /// The project the source belongs to, to open it.
    #[ts(type = "number | null")]
    pub project_id: Option<Id>,
    pub title: String,
    pub detail: String,
    pub url: String,
    pub occurred_on: NaiveDate,
    /// Why the rule suggests it; empty for evidence added by hand.
    pub why: String,
}

/// Evidence typed in by the person: a course, a document, a link.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ManualEvidence {
    pub title: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub url: String,
    /// YYYY-MM-DD
    pub occurred_on: String,
}

/// One rule: which skill (by key) it shows, and how to find it for a person.
pub struct Rule {
    pub key: &'static str,
    pub skill: &'static str,
    pub explains: &'static str,
    find: fn(&Workspace, Id) -> Result<Vec<Found>>,
}

struct Found {
    source_kind: SourceKind,
    source_id: Id,
    project_id: Id,
    title: String,
    detail: String,
    occurred_on: NaiveDate,
}

pub const RULES: &[Rule] = &[
    Rule {
        key: "baseline-tracked",
        skill: "planning-scheduling",
        explains: "A baseline saved in a project you manage, with progress tracked against it.",
        find: baselines_tracked,
    },
    Rule {
        key: "critical-path-kept",
        skill: "schedule-control",
        explains: "A project you manage whose schedule has a critical path and no negative float.",
        find: critical_paths_kept,
    },
    Rule {
        key: "sprint-with-ceremonies",
        skill: "agile-delivery",
        explains: "A finished sprint of a project you manage, with review and retrospective notes.",
        find: sprints_with_ceremonies,
    },
    Rule {
        key: "wip-limits-kept",
        skill: "flow-management",
        explains: "A Kanban board you manage that stayed within its WIP limits for the last 30 days.",
        find: wip_limits_kept,
    },
    Rule {
        key: "items-delivered",
        skill: "delivery",
        explains: "Work items you delivered as their assignee.",
        find: items_delivered,
    },
];

/// How many delivered items are suggested at most (the latest ones).
const DELIVERED_LIMIT: usize = 20;

fn managed(ws: &Workspace, person: Id) -> Result<Vec<(Id, String, Methodology)>> {
    let mut stmt = ws
        .conn
        .prepare_cached("SELECT id FROM projects WHERE manager_id = ?1 ORDER BY name")?;
    let ids: Vec<Id> = stmt
        .query_map([person], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| ws.project(id).map(|p| (p.id, p.name, p.methodology)))
        .collect()
}

fn day_of(rfc3339: &str) -> NaiveDate {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.with_timezone(&chrono::Local).date_naive())
        .unwrap_or_else(|_| crate::clock::today())
}

fn baselines_tracked(ws: &Workspace, person: Id) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    for (project, name, _) in managed(ws, person)? {
        let tracked: bool = ws.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM work_items WHERE project_id = ?1 \
             AND (percent_complete > 0 OR actual_start IS NOT NULL))",
            [project],
            |r| r.get(0),
        )?;
        if !tracked {
            continue;
        }
        for b in ws.baselines(project)? {
            out.push(Found {
                source_kind: SourceKind::Baseline,
                source_id: b.id,
                project_id: project,
                title: format!("Baseline \"{}\" of {name}", b.name),
                detail: "Saved and tracked: progress is recorded against it.".into(),
                occurred_on: day_of(&b.saved_at),
            });
        }
    }
    Ok(out)
}

fn critical_paths_kept(ws: &Workspace, person: Id) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    for (project, name, methodology) in managed(ws, person)? {
        if !matches!(methodology, Methodology::Waterfall | Methodology::Hybrid) {
            continue;
        }
        let Ok(schedule) = ws.project_schedule(project) else {
            continue;
        };
        let critical = schedule.tasks.iter().filter(|t| t.critical && !t.summary).count();
        let broken = schedule.tasks.iter().any(|t| t.total_float_hours < 0.0);
        if critical > 0 && !broken {
            out.push(Found {
                source_kind: SourceKind::Project,
                source_id: project,
                project_id: project,
                title: format!("Critical path of {name} kept"),
                detail: format!("{critical} critical tasks, none with negative float."),
                occurred_on: crate::clock::today(),
            });
        }
    }
    Ok(out)
}

fn sprints_with_ceremonies(ws: &Workspace, person: Id) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    for (project, name, _) in managed(ws, person)? {
        for sprint in ws.sprints(project)? {
            if sprint.state == SprintState::Finished
                && !sprint.review_notes.trim().is_empty()
                && !sprint.retro_notes.trim().is_empty()
            {
                out.push(Found {
                    source_kind: SourceKind::Sprint,
                    source_id: sprint.id,
                    project_id: project,
                    title: format!("{} of {name}", sprint.name),
                    detail: format!(
                        "Goal: {}. {} of {} points done; review and retrospective held.",
                        sprint.goal, sprint.completed_points, sprint.committed_points
                    ),
                    occurred_on: sprint.finish_date,
                });
            }
        }
    }
    Ok(out)
}

fn wip_limits_kept(ws: &Workspace, person: Id) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    let today = crate::clock::today();
    for (project, name, methodology) in managed(ws, person)? {
        if !matches!(methodology, Methodology::Kanban | Methodology::Hybrid) {
            continue;
        }
        let statuses = ws.statuses(project)?;
        if statuses.iter().all(|s| s.wip_limit.is_none()) {
            continue;
        }
        let flow = ws.cumulative_flow(project, today - Duration::days(29), today)?;
        let kept = flow.bands.iter().zip(&statuses).all(|(band, status)| {
            status.category == StatusCategory::Done
                || status
                    .wip_limit
                    .is_none_or(|limit| band.counts.iter().all(|&n| n <= limit))
        });
        if kept {
            out.push(Found {
                source_kind: SourceKind::Project,
                source_id: project,
                project_id: project,
                title: format!("WIP limits of {name} kept"),
                detail: "No column went over its limit in the last 30 days.".into(),
                occurred_on: today,
            });
        }
    }
    Ok(out)
}

fn items_delivered(ws: &Workspace, person: Id) -> Result<Vec<Found>> {
    let mut stmt = ws.conn.prepare_cached(
        "SELECT w.id, w.project_id, w.title, p.name, w.updated_at FROM work_items w \
         JOIN statuses s ON s.id = w.status_id JOIN projects p ON p.id = w.project_id \
         WHERE w.assignee_id = ?1 AND s.category = 'done' AND w.item_type <> 'epic' \
         AND NOT EXISTS (SELECT 1 FROM work_items c WHERE c.parent_id = w.id) \
         ORDER BY w.updated_at DESC, w.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map((person, DELIVERED_LIMIT as i64), |r| {
        Ok(Found {
            source_kind: SourceKind::Item,
            source_id: r.get(0)?,
            project_id: r.get(1)?,
            title: format!("Delivered \"{}\"", r.get::<_, String>(2)?),
            detail: format!("Done in {}.", r.get::<_, String>(3)?),
            occurred_on: day_of(&r.get::<_, String>(4)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Workspace {
    fn skill_by_key(&self, key: &str) -> Result<Option<(Id, String)>> {
        Ok(self
            .conn
            .query_row("SELECT id, name FROM skills WHERE key = ?1", [key], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    /// What the rules find for a person that they have not accepted or rejected yet.
    pub fn evidence_suggestions(&self, person_id: Id) -> Result<Vec<Evidence>> {
        self.person_name(person_id)?;
        let mut out = Vec::new();
        for rule in RULES {
            // A workspace whose frameworks lack the rule's skill gets no suggestion from it.
            let Some((skill_id, skill)) = self.skill_by_key(rule.skill)? else {
                continue;
            };
            for found in (rule.find)(self, person_id)? {
                let decided: bool = self.conn.query_row(
                    "SELECT EXISTS(SELECT 1 FROM skill_evidence WHERE person_id = ?1 AND skill_id = ?2 \
                     AND rule = ?3 AND source_kind = ?4 AND source_id = ?5)",
                    rusqlite::params![
                        person_id,
                        skill_id,
                        rule.key,
                        found.source_kind.as_str(),
                        found.source_id
                    ],
                    |r| r.get(0),
                )?;
                if !decided {
                    out.push(Evidence {
                        id: None,
                        skill_id,
                        skill: skill.clone(),
                        rule: Some(rule.key.to_string()),
                        source_kind: Some(found.source_kind),
                        source_id: Some(found.source_id),
                        project_id: Some(found.project_id),
                        title: found.title,
                        detail: found.detail,
                        url: String::new(),
                        occurred_on: found.occurred_on,
                        why: rule.explains.to_string(),
                    });
                }
            }
        }
        out.sort_by_key(|e| std::cmp::Reverse(e.occurred_on));
        Ok(out)
    }

    /// Accepts or rejects a suggestion (as returned by [`Workspace::evidence_suggestions`]).
    pub fn decide_evidence(&mut self, person_id: Id, suggestion: &EvidenceDecision) -> Result<()> {
        let name = self.person_name(person_id)?;
        let found = self
            .evidence_suggestions(person_id)?
            .into_iter()
            .find(|e| {
                e.rule.as_deref() == Some(suggestion.rule.as_str())
                    && e.source_kind == Some(suggestion.source_kind)
                    && e.source_id == Some(suggestion.source_id)
            })
            .ok_or_else(|| {
                CoreError::NotFound("That suggestion no longer applies (it may have been decided already).".into())
            })?;
        let state = if suggestion.accept { "accepted" } else { "rejected" };
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "skill_evidence")?;
            ctx.tx.execute(
                "INSERT INTO skill_evidence(person_id, skill_id, rule, source_kind, source_id, title, detail, state, \
                 occurred_on, decided_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    person_id,
                    found.skill_id,
                    suggestion.rule,
                    suggestion.source_kind.as_str(),
                    suggestion.source_id,
                    found.title,
                    found.detail,
                    state,
                    found.occurred_on.to_string(),
                    validate::now_utc(),
                    id
                ],
            )?;
            ctx.inserted("skill_evidence", id);
            let verb = if suggestion.accept { "Accept" } else { "Reject" };
            ctx.set_label(format!("{verb} evidence for {name}: {}", found.title));
            Ok(())
        })
    }

    /// Adds evidence by hand (a course, a document, a link) to a skill.
    pub fn add_evidence(&mut self, person_id: Id, skill_id: Id, input: &ManualEvidence) -> Result<Evidence> {
        let name = self.person_name(person_id)?;
        let skill = self.skill_name(skill_id)?;
        let title = validate::required_text("The evidence title", &input.title, 200)?;
        let day = validate::optional_date("The date", Some(&input.occurred_on))?
            .ok_or_else(|| CoreError::InvalidInput("Evidence needs a date.".into()))?;
        let url = input.url.trim().to_string();
        let is_link = ["https://", "http://", "file:"].iter().any(|p| url.starts_with(p));
        if !url.is_empty() && !is_link {
            return Err(CoreError::InvalidInput(format!(
                "\"{url}\" is not a link; start it with https:// (or leave it empty)."
            )));
        }
        let detail = input.detail.trim().to_string();
        let id =
            self.edit(|ctx| {
                let id = ids::new_id(ctx.tx, "skill_evidence")?;
                ctx.tx.execute(
                "INSERT INTO skill_evidence(person_id, skill_id, title, detail, url, state, occurred_on, decided_at, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, 'accepted', ?6, ?7, ?8)",
                rusqlite::params![person_id, skill_id, title, detail, url, day.to_string(), validate::now_utc(), id],
            )?;
                ctx.inserted("skill_evidence", id);
                ctx.set_label(format!("Add evidence for {name} in {skill}"));
                Ok(id)
            })?;
        Ok(Evidence {
            id: Some(id),
            skill_id,
            skill,
            rule: None,
            source_kind: None,
            source_id: None,
            project_id: None,
            title,
            detail,
            url,
            occurred_on: day,
            why: String::new(),
        })
    }

    /// Removes accepted or hand-added evidence (a rejected suggestion stays rejected).
    pub fn remove_evidence(&mut self, evidence_id: Id) -> Result<()> {
        let title: String = self
            .conn
            .query_row("SELECT title FROM skill_evidence WHERE id = ?1", [evidence_id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That evidence no longer exists.".into()))?;
        self.edit(|ctx| {
            ctx.delete("skill_evidence", evidence_id)?;
            ctx.set_label(format!("Remove evidence: {title}"));
            Ok(())
        })
    }

    /// A person's accepted and hand-added evidence, newest first.
    pub fn evidence(&self, person_id: Id) -> Result<Vec<Evidence>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.skill_id, s.name, e.rule, e.source_kind, e.source_id, e.title, e.detail, e.url, e.occurred_on, \
             CASE e.source_kind WHEN 'project' THEN e.source_id \
               WHEN 'item' THEN (SELECT project_id FROM work_items WHERE id = e.source_id) \
               WHEN 'sprint' THEN (SELECT project_id FROM sprints WHERE id = e.source_id) \
               WHEN 'baseline' THEN (SELECT project_id FROM baselines WHERE id = e.source_id) END \
             FROM skill_evidence e JOIN skills s ON s.id = e.skill_id \
             WHERE e.person_id = ?1 AND e.state = 'accepted' ORDER BY e.occurred_on DESC, e.id DESC",
        )?;
        let why = |rule: &Option<String>| {
            RULES
                .iter()
                .find(|k| Some(k.key) == rule.as_deref())
                .map_or(String::new(), |k| k.explains.to_string())
        };
        let rows = stmt.query_map([person_id], |r| {
            let rule: Option<String> = r.get(3)?;
            Ok(Evidence {
                why: why(&rule),
                id: Some(r.get(0)?),
                skill_id: r.get(1)?,
                skill: r.get(2)?,
                rule,
                source_kind: r.get::<_, Option<String>>(4)?.as_deref().and_then(SourceKind::parse),
                source_id: r.get(5)?,
                title: r.get(6)?,
                detail: r.get(7)?,
                url: r.get(8)?,
                occurred_on: validate::date_from_sql(r.get(9)?).unwrap_or_default(),
                project_id: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The person's answer to a suggestion, naming it by rule and source.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct EvidenceDecision {
    pub rule: String,
    pub source_kind: SourceKind,
    #[ts(type = "number")]
    pub source_id: Id,
    pub accept: bool,
}
