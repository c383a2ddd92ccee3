//! A project's place in its lifecycle: the overview (phase, framework, checklists, history,
//! typical risks), changing the framework, ticking items by hand and moving between phases.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::checklist::{self, PhaseChecklist};
use super::{Framework, Phase};
use crate::{clock, validate, workspace::ids, CoreError, Id, Result, Workspace};

/// One move between phases, as the Overview lists it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct PhaseMove {
    #[ts(type = "number")]
    pub id: Id,
    pub from_phase: Phase,
    pub to_phase: Phase,
    /// Who moved it (the operating system's user name).
    pub actor: String,
    /// UTC, RFC 3339.
    pub moved_at: String,
    /// The titles of the checklist items of the phase left that were still open.
    pub open_items: Vec<String>,
}

/// A typical risk of the project, listed compactly on the Overview.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RiskSummary {
    #[ts(type = "number")]
    pub id: Id,
    pub title: String,
    pub category: String,
    pub probability: u8,
    pub impact: u8,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProjectTypeRef {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct LifecycleOverview {
    #[ts(type = "number")]
    pub project_id: Id,
    pub phase: Phase,
    pub framework: Framework,
    /// The template the project was made from, if any.
    pub project_type: Option<ProjectTypeRef>,
    /// All five phases, in order; the current one is `phase`.
    pub checklists: Vec<PhaseChecklist>,
    /// Oldest first.
    pub history: Vec<PhaseMove>,
    pub risks: Vec<RiskSummary>,
}

fn actor_name(actor: &str) -> String {
    let actor = actor.trim();
    if actor.is_empty() {
        "You".to_string()
    } else {
        actor.chars().take(80).collect()
    }
}

impl Workspace {
    pub fn lifecycle_overview(&self, project_id: Id) -> Result<LifecycleOverview> {
        let (phase, framework) = checklist::framework_of(&self.conn, project_id)?;
        let type_key: String =
            self.conn
                .query_row("SELECT project_type FROM projects WHERE id = ?1", [project_id], |r| {
                    r.get(0)
                })?;
        let project_type = if type_key.is_empty() {
            None
        } else {
            let name: Option<String> = self
                .conn
                .query_row("SELECT name FROM project_templates WHERE key = ?1", [&type_key], |r| {
                    r.get(0)
                })
                .optional()?;
            Some(ProjectTypeRef {
                name: name.unwrap_or_else(|| type_key.clone()),
                key: type_key,
            })
        };
        Ok(LifecycleOverview {
            project_id,
            phase,
            framework,
            project_type,
            checklists: checklist::checklists(&self.conn, project_id)?,
            history: self.phase_history(project_id)?,
            risks: self.project_risks(project_id)?,
        })
    }

    pub fn phase_history(&self, project_id: Id) -> Result<Vec<PhaseMove>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, from_phase, to_phase, actor, moved_at, open_items FROM phase_history \
             WHERE project_id = ?1 ORDER BY moved_at, seq, id",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, from, to, actor, moved_at, open) = row?;
            out.push(PhaseMove {
                id,
                from_phase: Phase::parse(&from)?,
                to_phase: Phase::parse(&to)?,
                actor,
                moved_at,
                open_items: serde_json::from_str(&open).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    fn project_risks(&self, project_id: Id) -> Result<Vec<RiskSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, category, probability, impact, status FROM risks WHERE project_id = ?1 \
             ORDER BY probability * impact DESC, seq, id",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok(RiskSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                category: r.get(2)?,
                probability: r.get(3)?,
                impact: r.get(4)?,
                status: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes the framework whose checklist the project follows. Ticks are kept by key, so
    /// an item both frameworks share stays ticked.
    pub fn set_project_framework(&mut self, project_id: Id, framework: Framework) -> Result<()> {
        let project = self.project(project_id)?;
        self.edit(|ctx| {
            ctx.touch("projects", project_id)?;
            ctx.tx.execute(
                "UPDATE projects SET framework = ?1, updated_at = ?2 WHERE id = ?3",
                (framework.as_str(), validate::now_utc(), project_id),
            )?;
            ctx.set_label(format!("Follow {} in \"{}\"", framework.label(), project.name));
            ctx.set_project(project_id);
            Ok(())
        })
    }

    /// Ticks (or unticks) a checklist item the data cannot prove, recording who and when.
    pub fn set_checklist_tick(&mut self, project_id: Id, key: &str, ticked: bool, actor: &str) -> Result<()> {
        let title = checklist::manual_item_title(&self.conn, project_id, key)?;
        let actor = actor_name(actor);
        self.edit(|ctx| {
            let existing: Option<Id> = ctx
                .tx
                .query_row(
                    "SELECT id FROM checklist_ticks WHERE project_id = ?1 AND item_key = ?2",
                    (project_id, key),
                    |r| r.get(0),
                )
                .optional()?;
            match (existing, ticked) {
                (None, true) => {
                    let id = ids::new_id(ctx.tx, "checklist_ticks")?;
                    ctx.tx.execute(
                        "INSERT INTO checklist_ticks(project_id, item_key, ticked_by, ticked_at, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                        (project_id, key, &actor, clock::now_rfc3339(), id),
                    )?;
                    ctx.inserted("checklist_ticks", id);
                }
                (Some(id), false) => {
                    ctx.delete("checklist_ticks", id)?;
                }
                _ => {}
            }
            ctx.set_label(if ticked {
                format!("Tick \"{title}\"")
            } else {
                format!("Untick \"{title}\"")
            });
            ctx.set_project(project_id);
            Ok(())
        })
    }

    /// Moves the project to another phase, keeping who moved it, when, and which items of the
    /// phase it left were still open (the UI has the user confirm those first).
    pub fn move_phase(&mut self, project_id: Id, to: Phase, actor: &str) -> Result<PhaseMove> {
        let project = self.project(project_id)?;
        let (from, _) = checklist::framework_of(&self.conn, project_id)?;
        if from == to {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" is already in the {} phase.",
                project.name,
                to.label()
            )));
        }
        let open: Vec<String> = checklist::checklists(&self.conn, project_id)?
            .into_iter()
            .find(|c| c.phase == from)
            .map(|c| c.items.into_iter().filter(|i| !i.done).map(|i| i.title).collect())
            .unwrap_or_default();
        let actor = actor_name(actor);
        let moved_at = clock::now_rfc3339();
        let id = self.edit(|ctx| {
            ctx.touch("projects", project_id)?;
            ctx.tx.execute(
                "UPDATE projects SET phase = ?1, updated_at = ?2 WHERE id = ?3",
                (to.as_str(), validate::now_utc(), project_id),
            )?;
            let id = ids::new_id(ctx.tx, "phase_history")?;
            ctx.tx.execute(
                "INSERT INTO phase_history(project_id, from_phase, to_phase, actor, moved_at, open_items, seq, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                (
                    project_id,
                    from.as_str(),
                    to.as_str(),
                    &actor,
                    &moved_at,
                    serde_json::to_string(&open).unwrap_or_else(|_| "[]".into()),
                    ids::next_seq(ctx.tx, "phase_history")?,
                    id,
                ),
            )?;
            ctx.inserted("phase_history", id);
            ctx.set_label(format!("Move \"{}\" to {}", project.name, to.label()));
            ctx.set_project(project_id);
            Ok(id)
        })?;
        Ok(PhaseMove {
            id,
            from_phase: from,
            to_phase: to,
            actor,
            moved_at,
            open_items: open,
        })
    }
}
