//! A project's health, computed in the core so the app, the command line, the portfolio and the
//! reports agree: a RAG rating for scope, schedule, budget and risk from the file's data, each
//! with its reasons, and overall as the worst of them (`rules`); thresholds are workspace
//! settings (`settings`); a manager may override any area with a comment (`health_overrides`);
//! dated status snapshots keep the ratings of a day for the trend (`status_snapshots`). The
//! project dashboard gathers health and the rest of a project's state in one call
//! (`dashboard`). docs/health.md states every rule.

pub mod dashboard;
pub(crate) mod demo;
pub mod rules;
pub mod settings;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};
use rules::{Inputs, Rated};
pub use settings::{HealthSettings, HealthSettingsView};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
    pub fn parse(text: &str) -> Option<Rag> {
        match text {
            "green" => Some(Rag::Green),
            "amber" => Some(Rag::Amber),
            "red" => Some(Rag::Red),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "HealthArea")]
pub enum Area {
    Scope,
    Schedule,
    Budget,
    Risk,
    Overall,
}

impl Area {
    pub const ALL: [Area; 5] = [Area::Scope, Area::Schedule, Area::Budget, Area::Risk, Area::Overall];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Scope => "scope",
            Area::Schedule => "schedule",
            Area::Budget => "budget",
            Area::Risk => "risk",
            Area::Overall => "overall",
        }
    }
    pub fn parse(text: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// A project's health in a sentence: the portfolio's column and the sidebar's dot.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Health {
    pub rag: Rag,
    /// Why, in a sentence: "Schedule amber (SPI 0.84 < 0.90 → schedule amber) → overall amber".
    pub reason: String,
}

/// A manager's override of one area's computed rating.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct HealthOverride {
    pub rag: Rag,
    pub comment: String,
    pub set_by: String,
    /// RFC 3339, UTC.
    pub set_at: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct AreaHealth {
    pub area: Area,
    /// What the data says.
    pub computed: Rag,
    /// The rating in force: the override's when there is one, else the computed one.
    pub rag: Rag,
    /// The computed rating's reasons, each a sentence with its numbers.
    pub reasons: Vec<String>,
    /// The data to judge this area is missing (the computed rating is then green).
    pub not_enough_data: bool,
    #[serde(rename = "override")]
    #[ts(rename = "override")]
    pub override_: Option<HealthOverride>,
    /// One line for a tile: the reason that decided, or "Computed amber, overridden green by …".
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProjectHealth {
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    pub as_of: NaiveDate,
    /// Scope, schedule, budget, risk and overall, in that order.
    pub areas: Vec<AreaHealth>,
    /// Overall, in force, with its one-line reason.
    pub overall: Health,
    pub spi: Option<f64>,
    pub cpi: Option<f64>,
}

impl ProjectHealth {
    pub fn area(&self, area: Area) -> &AreaHealth {
        &self.areas[Area::ALL.iter().position(|a| *a == area).unwrap_or(4)]
    }
}

/// The sidebar's dot of one project.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct HealthDot {
    #[ts(type = "number")]
    pub project_id: Id,
    pub rag: Rag,
    pub reason: String,
    pub overridden: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct OverrideInput {
    pub area: Area,
    pub rag: Rag,
    pub comment: String,
    /// Who overrides; blank: the project's manager.
    #[serde(default)]
    pub set_by: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StatusSnapshot {
    #[ts(type = "number")]
    pub id: Id,
    pub taken_on: NaiveDate,
    pub scope: Rag,
    pub schedule: Rag,
    pub budget: Rag,
    pub risk: Rag,
    pub overall: Rag,
    /// Per area ("scope", …, "overall") the reasons that day.
    pub reasons: BTreeMap<String, Vec<String>>,
    pub spi: Option<f64>,
    pub cpi: Option<f64>,
    pub note: String,
}

const COMMENT_MAX: usize = 1000;

fn headline(r: &Rated) -> String {
    let marker = format!("→ {} {}", r.area.as_str(), r.rag.as_str());
    r.reasons
        .iter()
        .find(|t| r.rag != Rag::Green && t.contains(&marker))
        .or_else(|| r.reasons.first())
        .cloned()
        .unwrap_or_default()
}

fn overridden_sentence(computed: Rag, o: &HealthOverride) -> String {
    format!(
        "Computed {}, overridden {} by {}: '{}'",
        computed.as_str(),
        o.rag.as_str(),
        if o.set_by.is_empty() { "the manager" } else { &o.set_by },
        o.comment
    )
}

fn area_health(r: Rated, o: Option<HealthOverride>) -> AreaHealth {
    let summary = match &o {
        Some(o) => overridden_sentence(r.rag, o),
        None => headline(&r),
    };
    AreaHealth {
        area: r.area,
        computed: r.rag,
        rag: o.as_ref().map(|o| o.rag).unwrap_or(r.rag),
        not_enough_data: r.not_enough_data,
        reasons: r.reasons,
        override_: o,
        summary,
    }
}

impl Workspace {
    /// The numbers the rules read, from the file, as of `today`.
    pub fn health_inputs(&self, project_id: Id, today: NaiveDate) -> Result<Inputs> {
        let ev = self.earned_value(project_id, today)?;
        let latest_baseline: Option<Id> = self.baselines(project_id)?.last().map(|b| b.id);
        let schedule = self.project_schedule_against(project_id, latest_baseline)?;
        let baseline_finish = schedule.tasks.iter().filter_map(|t| t.baseline_finish).max();
        let slip_days = match (latest_baseline, baseline_finish) {
            (Some(_), Some(b)) if !schedule.tasks.is_empty() => Some((schedule.finish.date() - b.date()).num_days()),
            _ => None,
        };
        let overdue_milestones = schedule
            .tasks
            .iter()
            .filter(|t| t.milestone && t.percent_complete < 100.0 && t.finish.date() < today)
            .map(|t| t.name.clone())
            .collect();
        let day = today.to_string();
        let conn = &self.conn;
        let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, (project_id, &day), |r| r.get(0))?) };
        let titles = |sql: &str| -> Result<Vec<String>> {
            let mut stmt = conn.prepare_cached(sql)?;
            let rows = stmt.query_map((project_id, &day), |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let overdue_items = count(
            "SELECT count(*) FROM work_items w JOIN statuses s ON s.id = w.status_id \
             WHERE w.project_id = ?1 AND s.category <> 'done' AND w.due_date IS NOT NULL AND w.due_date < ?2",
        )?;
        let proposed_changes =
            count("SELECT count(*) FROM change_requests WHERE project_id = ?1 AND status = 'proposed' AND ?2 = ?2")?;
        let approved_changes =
            count("SELECT count(*) FROM change_requests WHERE project_id = ?1 AND status = 'approved' AND ?2 = ?2")?;
        let rejected_deliverables = titles(
            "SELECT title FROM deliverables WHERE project_id = ?1 AND acceptance = 'rejected' AND ?2 = ?2 ORDER BY position",
        )?;
        let overdue_deliverables = titles(
            "SELECT title FROM deliverables WHERE project_id = ?1 AND acceptance = 'pending' \
             AND due_date IS NOT NULL AND due_date < ?2 ORDER BY due_date, position",
        )?;
        let open_risks = {
            let mut stmt = conn.prepare_cached(
                "SELECT title, probability * impact AS score FROM risks \
                 WHERE project_id = ?1 AND status IN ('open', 'monitoring') ORDER BY score DESC, seq, id",
            )?;
            let rows = stmt.query_map([project_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let risks_review_overdue = count(
            "SELECT count(*) FROM risks WHERE project_id = ?1 AND status IN ('open', 'monitoring') \
             AND review_date IS NOT NULL AND review_date < ?2",
        )?;
        let issues = |priority: &str| -> Result<Vec<String>> {
            let mut stmt = conn.prepare_cached(
                "SELECT title FROM raid_issues WHERE project_id = ?1 AND priority = ?2 \
                 AND status IN ('open', 'in_progress') ORDER BY raised_on, seq, id",
            )?;
            let rows = stmt.query_map((project_id, priority), |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let risks_recorded = count("SELECT count(*) FROM risks WHERE project_id = ?1 AND ?2 = ?2")?;
        Ok(Inputs {
            spi: ev.figures.spi,
            cpi: ev.figures.cpi,
            bac: ev.figures.bac,
            ev: ev.figures.ev,
            vac: ev.figures.vac,
            slip_days,
            overdue_milestones,
            overdue_items,
            proposed_changes,
            approved_changes,
            rejected_deliverables,
            overdue_deliverables,
            open_risks,
            risks_review_overdue,
            critical_issues: issues("critical")?,
            high_issues: issues("high")?,
            risks_recorded,
        })
    }

    pub fn health_overrides(&self, project_id: Id) -> Result<BTreeMap<Area, HealthOverride>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT area, rag, comment, set_by, set_at FROM health_overrides WHERE project_id = ?1")?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (area, rag, comment, set_by, set_at) = row?;
            if let (Some(area), Some(rag)) = (Area::parse(&area), Rag::parse(&rag)) {
                out.insert(
                    area,
                    HealthOverride {
                        rag,
                        comment,
                        set_by,
                        set_at,
                    },
                );
            }
        }
        Ok(out)
    }

    /// Health of one project as of `today`, with the thresholds in force.
    pub fn project_health(&self, project_id: Id, today: NaiveDate) -> Result<ProjectHealth> {
        let settings = self.health_settings()?;
        self.project_health_with(project_id, today, &settings)
    }

    pub(crate) fn project_health_with(
        &self,
        project_id: Id,
        today: NaiveDate,
        settings: &HealthSettings,
    ) -> Result<ProjectHealth> {
        let project = self.project(project_id)?;
        let inputs = self.health_inputs(project_id, today)?;
        let mut overrides = self.health_overrides(project_id)?;
        let mut areas: Vec<AreaHealth> = rules::rate_areas(&inputs, settings)
            .into_iter()
            .map(|r| {
                let o = overrides.remove(&r.area);
                area_health(r, o)
            })
            .collect();
        let effective: Vec<_> = areas
            .iter()
            .map(|a| (a.area, a.rag, a.summary.clone(), a.not_enough_data))
            .collect();
        let overall = area_health(rules::overall(&effective), overrides.remove(&Area::Overall));
        let summary = Health {
            rag: overall.rag,
            reason: overall.summary.clone(),
        };
        areas.push(overall);
        Ok(ProjectHealth {
            project_id,
            project: project.name,
            as_of: today,
            areas,
            overall: summary,
            spi: inputs.spi,
            cpi: inputs.cpi,
        })
    }

    /// Health of every project, in the sidebar's order.
    pub fn all_project_health(&self, today: NaiveDate) -> Result<Vec<ProjectHealth>> {
        let settings = self.health_settings()?;
        self.projects()?
            .into_iter()
            .map(|p| self.project_health_with(p.id, today, &settings))
            .collect()
    }

    /// The sidebar's dots: each project's overall rating in force and its reason.
    pub fn health_dots(&self, today: NaiveDate) -> Result<Vec<HealthDot>> {
        Ok(self
            .all_project_health(today)?
            .into_iter()
            .map(|h| HealthDot {
                project_id: h.project_id,
                overridden: h.area(Area::Overall).override_.is_some(),
                rag: h.overall.rag,
                reason: h.overall.reason,
            })
            .collect())
    }

    /// Sets (or replaces) the manager's override of one area; the comment is required.
    pub fn set_health_override(&mut self, project_id: Id, input: &OverrideInput) -> Result<ProjectHealth> {
        let comment = validate::required_text("The override's comment", &input.comment, COMMENT_MAX)?;
        let project = self.project(project_id)?;
        let set_by = match input.set_by.trim() {
            "" => project.manager.clone().unwrap_or_default(),
            who => who.to_string(),
        };
        let now = crate::clock::now_rfc3339();
        let existing: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM health_overrides WHERE project_id = ?1 AND area = ?2",
                (project_id, input.area.as_str()),
                |r| r.get(0),
            )
            .optional()?;
        self.edit(|ctx| {
            match existing {
                Some(id) => {
                    ctx.touch("health_overrides", id)?;
                    ctx.tx.execute(
                        "UPDATE health_overrides SET rag = ?1, comment = ?2, set_by = ?3, set_at = ?4 WHERE id = ?5",
                        (input.rag.as_str(), &comment, &set_by, &now, id),
                    )?;
                }
                None => {
                    let id = ids::new_id(ctx.tx, "health_overrides")?;
                    ctx.tx.execute(
                        "INSERT INTO health_overrides(id, project_id, area, rag, comment, set_by, set_at) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        (
                            id,
                            project_id,
                            input.area.as_str(),
                            input.rag.as_str(),
                            &comment,
                            &set_by,
                            &now,
                        ),
                    )?;
                    ctx.inserted("health_overrides", id);
                }
            }
            ctx.set_label(format!(
                "Override {} health to {}",
                input.area.as_str(),
                input.rag.as_str()
            ));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_health(project_id, crate::clock::today())
    }

    /// Removes an area's override, so the computed rating is in force again.
    pub fn clear_health_override(&mut self, project_id: Id, area: Area) -> Result<ProjectHealth> {
        self.project(project_id)?;
        let id: Id = self
            .conn
            .query_row(
                "SELECT id FROM health_overrides WHERE project_id = ?1 AND area = ?2",
                (project_id, area.as_str()),
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("The {} rating has no override to clear.", area.as_str())))?;
        self.edit(|ctx| {
            ctx.delete("health_overrides", id)?;
            ctx.set_label(format!("Clear the {} health override", area.as_str()));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_health(project_id, crate::clock::today())
    }

    /// Saves today's ratings in force, their reasons, SPI, CPI and a note; a snapshot already
    /// taken today is replaced. Answers with every snapshot of the project, oldest first.
    pub fn take_status_snapshot(&mut self, project_id: Id, note: &str) -> Result<Vec<StatusSnapshot>> {
        let today = crate::clock::today();
        let note = note.trim().to_string();
        if note.chars().count() > COMMENT_MAX {
            return Err(CoreError::InvalidInput(format!(
                "The snapshot's note is too long; keep it under {COMMENT_MAX} characters."
            )));
        }
        let health = self.project_health(project_id, today)?;
        self.write_snapshot(&health, today, &note)?;
        self.status_snapshots(project_id)
    }

    pub(crate) fn write_snapshot(&mut self, health: &ProjectHealth, day: NaiveDate, note: &str) -> Result<()> {
        let mut reasons = BTreeMap::new();
        for a in &health.areas {
            let mut list = Vec::new();
            if let Some(o) = &a.override_ {
                list.push(overridden_sentence(a.computed, o));
            }
            list.extend(a.reasons.iter().cloned());
            reasons.insert(a.area.as_str().to_string(), list);
        }
        let reasons = serde_json::to_string(&reasons).map_err(|e| CoreError::Internal(e.to_string()))?;
        let rag = |a: Area| health.area(a).rag.as_str();
        let project_id = health.project_id;
        let day_text = day.to_string();
        let existing: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM status_snapshots WHERE project_id = ?1 AND taken_on = ?2",
                (project_id, &day_text),
                |r| r.get(0),
            )
            .optional()?;
        let now = crate::clock::now_rfc3339();
        let values = (
            rag(Area::Scope),
            rag(Area::Schedule),
            rag(Area::Budget),
            rag(Area::Risk),
            rag(Area::Overall),
            reasons,
            health.spi,
            health.cpi,
            note.to_string(),
        );
        let write = |tx: &rusqlite::Transaction, id: Id, update: bool| -> Result<()> {
            let (s, sc, b, r, o, reasons, spi, cpi, note) = values.clone();
            if update {
                tx.execute(
                    "UPDATE status_snapshots SET scope = ?1, schedule = ?2, budget = ?3, risk = ?4, overall = ?5, \
                     reasons = ?6, spi = ?7, cpi = ?8, note = ?9 WHERE id = ?10",
                    rusqlite::params![s, sc, b, r, o, reasons, spi, cpi, note, id],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO status_snapshots(id, project_id, taken_on, scope, schedule, budget, risk, overall, \
                     reasons, spi, cpi, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    rusqlite::params![id, project_id, day_text, s, sc, b, r, o, reasons, spi, cpi, note, now],
                )?;
            }
            Ok(())
        };
        self.edit(|ctx| {
            match existing {
                Some(id) => {
                    ctx.touch("status_snapshots", id)?;
                    write(ctx.tx, id, true)?;
                }
                None => {
                    let id = ids::new_id(ctx.tx, "status_snapshots")?;
                    write(ctx.tx, id, false)?;
                    ctx.inserted("status_snapshots", id);
                }
            }
            ctx.set_label(format!("Take a status snapshot of {}", health.project));
            ctx.set_project(project_id);
            Ok(())
        })
    }

    /// A project's snapshots, oldest first.
    pub fn status_snapshots(&self, project_id: Id) -> Result<Vec<StatusSnapshot>> {
        self.project(project_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, taken_on, scope, schedule, budget, risk, overall, reasons, spi, cpi, note \
             FROM status_snapshots WHERE project_id = ?1 ORDER BY taken_on",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                [
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ],
                r.get::<_, String>(7)?,
                r.get::<_, Option<f64>>(8)?,
                r.get::<_, Option<f64>>(9)?,
                r.get::<_, String>(10)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, day, rags, reasons, spi, cpi, note) = row?;
            let damaged = || CoreError::Damaged("A status snapshot in this workspace is damaged.".into());
            let taken_on = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| damaged())?;
            let rag = |i: usize| Rag::parse(&rags[i]).ok_or_else(damaged);
            out.push(StatusSnapshot {
                id,
                taken_on,
                scope: rag(0)?,
                schedule: rag(1)?,
                budget: rag(2)?,
                risk: rag(3)?,
                overall: rag(4)?,
                reasons: serde_json::from_str(&reasons).unwrap_or_default(),
                spi,
                cpi,
                note,
            });
        }
        Ok(out)
    }
}
