//! A person's skills: current and target role, dated self- and manager-assessments, own
//! targets, the gap report against the target role, progress over time, and the team's
//! skills matrix.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AssessmentKind {
    /// The person's own view.
    #[serde(rename = "self")]
    SelfAssessed,
    Manager,
}

impl AssessmentKind {
    fn as_str(self) -> &'static str {
        match self {
            AssessmentKind::SelfAssessed => "self",
            AssessmentKind::Manager => "manager",
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Assessment {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub skill_id: Id,
    pub kind: AssessmentKind,
    pub level: u8,
    pub assessed_on: NaiveDate,
    pub note: String,
}

/// One skill of a person: latest levels, target, and the gap between them.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonSkill {
    #[ts(type = "number")]
    pub skill_id: Id,
    pub self_level: Option<u8>,
    pub manager_level: Option<u8>,
    /// The manager's view when there is one, else the person's own.
    pub current: Option<u8>,
    /// The person's own target, else what the target role expects.
    pub target: Option<u8>,
    pub own_target: bool,
    /// What the current role expects.
    pub expected_now: Option<u8>,
    /// target − current (an unassessed skill counts as 0); 0 when there is no target.
    pub gap: i8,
    /// Accepted evidence.
    pub evidence: u32,
    pub last_assessed: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SkillProfile {
    #[ts(type = "number")]
    pub person_id: Id,
    pub name: String,
    /// The person's job title.
    pub title: String,
    #[ts(type = "number | null")]
    pub current_role_id: Option<Id>,
    #[ts(type = "number | null")]
    pub target_role_id: Option<Id>,
    pub notes: String,
    /// Skills of the current or target role, or assessed, or with an own target; catalog order.
    pub skills: Vec<PersonSkill>,
}

/// Average level over the skills with a target, on each date an assessment was made.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgressPoint {
    pub date: NaiveDate,
    pub average_level: f64,
    pub average_target: f64,
    /// Skills at or above their target on that date.
    pub skills_met: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SkillsMatrix {
    pub people: Vec<MatrixPerson>,
    #[ts(type = "number[]")]
    pub skill_ids: Vec<Id>,
    /// levels[p][s]: person p's current level in skill s.
    pub levels: Vec<Vec<Option<u8>>>,
    /// Skills where at most one person is at level 3 or above: a single point of failure.
    #[ts(type = "number[]")]
    pub thin: Vec<Id>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MatrixPerson {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub title: String,
    pub role: Option<String>,
}

/// Level at or above which someone can carry a skill for the team.
const CAPABLE: u8 = 3;

fn check_level(level: u8) -> Result<()> {
    if (1..=5).contains(&level) {
        Ok(())
    } else {
        Err(CoreError::InvalidInput(format!(
            "Level {level} is not between 1 (aware) and 5 (expert)."
        )))
    }
}

impl Workspace {
    pub(crate) fn person_name(&self, person_id: Id) -> Result<String> {
        self.conn
            .query_row("SELECT name FROM people WHERE id = ?1", [person_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That person is no longer in this workspace.".into()))
    }

    pub(crate) fn skill_name(&self, skill_id: Id) -> Result<String> {
        self.conn
            .query_row("SELECT name FROM skills WHERE id = ?1", [skill_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That skill is no longer in this workspace.".into()))
    }

    fn role_name(&self, role_id: Id) -> Result<String> {
        self.conn
            .query_row("SELECT name FROM role_frameworks WHERE id = ?1", [role_id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That role is no longer in this workspace.".into()))
    }

    /// Sets the role a person has now and the one they are growing into.
    pub fn set_person_roles(&mut self, person_id: Id, current: Option<Id>, target: Option<Id>) -> Result<()> {
        let name = self.person_name(person_id)?;
        let label = match target {
            Some(t) => format!("Set {name}'s target role to {}", self.role_name(t)?),
            None => format!("Change {name}'s roles"),
        };
        if let Some(c) = current {
            self.role_name(c)?;
        }
        self.edit(|ctx| {
            ctx.touch("people", person_id)?;
            ctx.tx.execute(
                "UPDATE people SET current_role_id = ?1, target_role_id = ?2 WHERE id = ?3",
                (current, target, person_id),
            )?;
            ctx.set_label(label);
            Ok(())
        })
    }

    pub fn set_skill_notes(&mut self, person_id: Id, notes: &str) -> Result<()> {
        let name = self.person_name(person_id)?;
        let notes = notes.trim_end().to_string();
        if notes.chars().count() > 20_000 {
            return Err(CoreError::InvalidInput(
                "Notes are limited to 20,000 characters.".into(),
            ));
        }
        self.edit(|ctx| {
            ctx.touch("people", person_id)?;
            ctx.tx
                .execute("UPDATE people SET skill_notes = ?1 WHERE id = ?2", (&notes, person_id))?;
            ctx.set_label(format!("Edit {name}'s notes"));
            Ok(())
        })
    }

    /// Records an assessment of a person's level in a skill on a date (history is kept).
    pub fn assess(
        &mut self,
        person_id: Id,
        skill_id: Id,
        kind: AssessmentKind,
        level: u8,
        on: &str,
        note: &str,
    ) -> Result<Assessment> {
        check_level(level)?;
        let name = self.person_name(person_id)?;
        let skill = self.skill_name(skill_id)?;
        let date = validate::optional_date("The assessment date", Some(on))?
            .ok_or_else(|| CoreError::InvalidInput("An assessment needs a date.".into()))?;
        let note = note.trim().to_string();
        let id = self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "assessments")?;
            let seq = ids::next_seq(ctx.tx, "assessments")?;
            ctx.tx.execute(
                "INSERT INTO assessments(person_id, skill_id, kind, level, assessed_on, note, seq, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
                    person_id,
                    skill_id,
                    kind.as_str(),
                    level,
                    date.to_string(),
                    note,
                    seq,
                    id
                ],
            )?;
            ctx.inserted("assessments", id);
            let who = if kind == AssessmentKind::Manager {
                " (manager)"
            } else {
                ""
            };
            ctx.set_label(format!("Assess {name} at level {level} in {skill}{who}"));
            Ok(id)
        })?;
        Ok(Assessment {
            id,
            skill_id,
            kind,
            level,
            assessed_on: date,
            note,
        })
    }

    /// Every assessment of a person in a skill, oldest first.
    pub fn assessment_history(&self, person_id: Id, skill_id: Id) -> Result<Vec<Assessment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, skill_id, kind, level, assessed_on, note FROM assessments \
             WHERE person_id = ?1 AND skill_id = ?2 ORDER BY assessed_on, seq",
        )?;
        let rows = stmt.query_map([person_id, skill_id], assessment_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets the person's own target for a skill (none: the target role's level applies).
    pub fn set_skill_target(&mut self, person_id: Id, skill_id: Id, level: Option<u8>) -> Result<()> {
        if let Some(level) = level {
            check_level(level)?;
        }
        let name = self.person_name(person_id)?;
        let skill = self.skill_name(skill_id)?;
        self.edit(|ctx| {
            let existing: Option<Id> = ctx
                .tx
                .query_row(
                    "SELECT id FROM skill_targets WHERE person_id = ?1 AND skill_id = ?2",
                    [person_id, skill_id],
                    |r| r.get(0),
                )
                .optional()?;
            match (existing, level) {
                (Some(id), Some(level)) => {
                    ctx.touch("skill_targets", id)?;
                    ctx.tx
                        .execute("UPDATE skill_targets SET level = ?1 WHERE id = ?2", (level, id))?;
                }
                (Some(id), None) => {
                    ctx.delete("skill_targets", id)?;
                }
                (None, Some(level)) => {
                    let id = ids::new_id(ctx.tx, "skill_targets")?;
                    ctx.tx.execute(
                        "INSERT INTO skill_targets(person_id, skill_id, level, id) VALUES (?1, ?2, ?3, ?4)",
                        (person_id, skill_id, level, id),
                    )?;
                    ctx.inserted("skill_targets", id);
                }
                (None, None) => {}
            }
            ctx.set_label(match level {
                Some(l) => format!("Set {name}'s target in {skill} to {l}"),
                None => format!("Clear {name}'s own target in {skill}"),
            });
            Ok(())
        })
    }

    /// A person's skills as of `as_of` (none: all assessments).
    fn person_skills(&self, person_id: Id, as_of: Option<NaiveDate>) -> Result<(SkillProfile, Vec<Id>)> {
        let (name, title, current_role, target_role, notes): (String, String, Option<Id>, Option<Id>, String) = self
            .conn
            .query_row(
                "SELECT name, role, current_role_id, target_role_id, skill_notes FROM people WHERE id = ?1",
                [person_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That person is no longer in this workspace.".into()))?;
        let expected = |role: Option<Id>| -> Result<HashMap<Id, u8>> {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT skill_id, level FROM role_skills WHERE role_id = ?1")?;
            let rows = stmt.query_map([role.unwrap_or(-1)], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let now_expected = expected(current_role)?;
        let target_expected = expected(target_role)?;
        let mut own_targets: HashMap<Id, u8> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT skill_id, level FROM skill_targets WHERE person_id = ?1")?;
        for row in stmt.query_map([person_id], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (skill, level) = row?;
            own_targets.insert(skill, level);
        }
        // Latest of each kind: rows come oldest first, so later ones overwrite.
        let mut latest: HashMap<(Id, AssessmentKind), (u8, NaiveDate)> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, skill_id, kind, level, assessed_on, note FROM assessments WHERE person_id = ?1 \
             ORDER BY assessed_on, seq",
        )?;
        for row in stmt.query_map([person_id], assessment_from_row)? {
            let a = row?;
            if as_of.is_some_and(|d| a.assessed_on > d) {
                continue;
            }
            latest.insert((a.skill_id, a.kind), (a.level, a.assessed_on));
        }
        let mut evidence: HashMap<Id, u32> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT skill_id, count(*) FROM skill_evidence WHERE person_id = ?1 AND state = 'accepted' GROUP BY skill_id",
        )?;
        for row in stmt.query_map([person_id], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (skill, n) = row?;
            evidence.insert(skill, n);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id FROM skills s JOIN skill_areas a ON a.id = s.area_id ORDER BY a.position, s.position, s.id",
        )?;
        let all: Vec<Id> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let skills = all
            .iter()
            .filter_map(|&skill_id| {
                let self_level = latest.get(&(skill_id, AssessmentKind::SelfAssessed)).copied();
                let manager_level = latest.get(&(skill_id, AssessmentKind::Manager)).copied();
                let own = own_targets.get(&skill_id).copied();
                let target = own.or(target_expected.get(&skill_id).copied());
                let expected_now = now_expected.get(&skill_id).copied();
                if self_level.is_none() && manager_level.is_none() && target.is_none() && expected_now.is_none() {
                    return None;
                }
                let current = manager_level.or(self_level).map(|(l, _)| l);
                let last = [self_level, manager_level].into_iter().flatten().map(|(_, d)| d).max();
                Some(PersonSkill {
                    skill_id,
                    self_level: self_level.map(|(l, _)| l),
                    manager_level: manager_level.map(|(l, _)| l),
                    current,
                    target,
                    own_target: own.is_some(),
                    expected_now,
                    gap: target.map_or(0, |t| t as i8 - current.unwrap_or(0) as i8),
                    evidence: evidence.get(&skill_id).copied().unwrap_or(0),
                    last_assessed: last,
                })
            })
            .collect();
        Ok((
            SkillProfile {
                person_id,
                name,
                title,
                current_role_id: current_role,
                target_role_id: target_role,
                notes,
                skills,
            },
            all,
        ))
    }

    /// A person's skills in catalog order.
    pub fn skill_profile(&self, person_id: Id) -> Result<SkillProfile> {
        Ok(self.person_skills(person_id, None)?.0)
    }

    /// The skills with a target, largest gap first; among equal gaps the focus skills of the
    /// move into project management come first.
    pub fn gap_report(&self, person_id: Id) -> Result<Vec<PersonSkill>> {
        let profile = self.skill_profile(person_id)?;
        let focus: std::collections::HashSet<Id> = {
            let mut stmt = self.conn.prepare_cached("SELECT id FROM skills WHERE focus")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut rows: Vec<(usize, PersonSkill)> = profile
            .skills
            .into_iter()
            .filter(|s| s.target.is_some())
            .enumerate()
            .collect();
        rows.sort_by_key(|(i, s)| (std::cmp::Reverse(s.gap), !focus.contains(&s.skill_id), *i));
        Ok(rows.into_iter().map(|(_, s)| s).collect())
    }

    /// Average level and target over the person's target skills on each assessment date.
    pub fn skill_progress(&self, person_id: Id) -> Result<Vec<ProgressPoint>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT assessed_on FROM assessments WHERE person_id = ?1 ORDER BY assessed_on")?;
        let dates: Vec<String> = stmt
            .query_map([person_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut points = Vec::new();
        for date in dates {
            let Some(day) = validate::optional_date("date", Some(&date)).ok().flatten() else {
                continue;
            };
            let (profile, _) = self.person_skills(person_id, Some(day))?;
            let targeted: Vec<&PersonSkill> = profile.skills.iter().filter(|s| s.target.is_some()).collect();
            if targeted.is_empty() {
                continue;
            }
            let n = targeted.len() as f64;
            let round = |x: f64| (x * 100.0).round() / 100.0;
            points.push(ProgressPoint {
                date: day,
                average_level: round(targeted.iter().map(|s| s.current.unwrap_or(0) as f64).sum::<f64>() / n),
                average_target: round(targeted.iter().map(|s| s.target.unwrap_or(0) as f64).sum::<f64>() / n),
                skills_met: targeted.iter().filter(|s| s.gap <= 0).count() as u32,
            });
        }
        Ok(points)
    }

    /// Everyone's current level in every skill of `role` (or all skills) within `area`.
    pub fn skills_matrix(&self, role: Option<Id>, area: Option<Id>) -> Result<SkillsMatrix> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id FROM skills s JOIN skill_areas a ON a.id = s.area_id \
             WHERE (?1 IS NULL OR s.id IN (SELECT skill_id FROM role_skills WHERE role_id = ?1)) \
             AND (?2 IS NULL OR s.area_id = ?2) ORDER BY a.position, s.position, s.id",
        )?;
        let skill_ids: Vec<Id> = stmt
            .query_map((role, area), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.role, r.name FROM people p LEFT JOIN role_frameworks r ON r.id = p.current_role_id \
             ORDER BY p.name COLLATE NOCASE",
        )?;
        let people: Vec<MatrixPerson> = stmt
            .query_map([], |r| {
                Ok(MatrixPerson {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    title: r.get(2)?,
                    role: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // Latest level per person and skill, the manager's view winning over the person's own.
        let mut current: HashMap<(Id, Id), (u8, u8)> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT person_id, skill_id, kind, level FROM assessments ORDER BY assessed_on, seq")?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u8>(3)?,
            ))
        })? {
            let (person, skill, kind, level) = row?;
            let entry = current.entry((person, skill)).or_insert((0, 0));
            if kind == "manager" {
                entry.0 = level;
            } else {
                entry.1 = level;
            }
        }
        let level = |p: Id, s: Id| {
            current
                .get(&(p, s))
                .and_then(|&(m, own)| if m > 0 { Some(m) } else { (own > 0).then_some(own) })
        };
        let levels: Vec<Vec<Option<u8>>> = people
            .iter()
            .map(|p| skill_ids.iter().map(|&s| level(p.id, s)).collect())
            .collect();
        let thin = skill_ids
            .iter()
            .enumerate()
            .filter(|(k, _)| {
                levels
                    .iter()
                    .filter(|row| row[*k].is_some_and(|l| l >= CAPABLE))
                    .count()
                    <= 1
            })
            .map(|(_, &s)| s)
            .collect();
        Ok(SkillsMatrix {
            people,
            skill_ids,
            levels,
            thin,
        })
    }
}

fn assessment_from_row(r: &rusqlite::Row) -> rusqlite::Result<Assessment> {
    Ok(Assessment {
        id: r.get(0)?,
        skill_id: r.get(1)?,
        kind: if r.get::<_, String>(2)? == "manager" {
            AssessmentKind::Manager
        } else {
            AssessmentKind::SelfAssessed
        },
        level: r.get(3)?,
        assessed_on: validate::date_from_sql(r.get(4)?).unwrap_or_default(),
        note: r.get(5)?,
    })
}
