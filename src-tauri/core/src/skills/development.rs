//! Development plans: goals (a skill to a level by a date) and the learning that gets there
//! (a course, a book, mentoring, a stretch assignment — possibly a work item of the workspace),
//! and the "upcoming" list of due goals, exams and renewals shown when a workspace opens.

use chrono::{Duration, NaiveDate};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::certifications::{self, CertificationStatus};
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActivityKind {
    Course,
    Book,
    Mentoring,
    /// A stretch assignment: real work beyond the person's current level.
    Stretch,
    Other,
}

impl ActivityKind {
    fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Course => "course",
            ActivityKind::Book => "book",
            ActivityKind::Mentoring => "mentoring",
            ActivityKind::Stretch => "stretch",
            ActivityKind::Other => "other",
        }
    }

    fn parse(text: &str) -> ActivityKind {
        match text {
            "course" => ActivityKind::Course,
            "book" => ActivityKind::Book,
            "mentoring" => ActivityKind::Mentoring,
            "stretch" => ActivityKind::Stretch,
            _ => ActivityKind::Other,
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct GoalInput {
    #[ts(type = "number")]
    pub skill_id: Id,
    pub target_level: u8,
    /// YYYY-MM-DD
    pub due_date: String,
    /// YYYY-MM-DD, when it was reached.
    pub done_on: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ActivityInput {
    pub kind: ActivityKind,
    pub title: String,
    /// A work item of the workspace that is the activity (a stretch assignment).
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    pub hours: Option<f64>,
    /// YYYY-MM-DD
    pub done_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LearningActivity {
    #[ts(type = "number")]
    pub id: Id,
    pub kind: ActivityKind,
    pub title: String,
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    pub item_title: Option<String>,
    pub hours: Option<f64>,
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DevelopmentGoal {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub person_id: Id,
    #[ts(type = "number")]
    pub skill_id: Id,
    pub skill: String,
    pub target_level: u8,
    /// The person's level now (the manager's view when there is one).
    pub current_level: Option<u8>,
    pub due_date: NaiveDate,
    pub created_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub overdue: bool,
    pub activities: Vec<LearningActivity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum UpcomingKind {
    Goal,
    Exam,
    Renewal,
}

/// Something due soon (or overdue) for a person of the workspace.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Upcoming {
    pub kind: UpcomingKind,
    #[ts(type = "number")]
    pub person_id: Id,
    pub person: String,
    pub title: String,
    pub detail: String,
    pub date: NaiveDate,
    pub overdue: bool,
}

fn check_level(level: u8) -> Result<()> {
    if (1..=5).contains(&level) {
        Ok(())
    } else {
        Err(CoreError::InvalidInput(format!(
            "Level {level} is not between 1 (aware) and 5 (expert)."
        )))
    }
}

struct CheckedActivity {
    title: String,
    hours: Option<f64>,
    done_on: Option<String>,
}

impl Workspace {
    fn goal_owner(&self, goal_id: Id) -> Result<(Id, String)> {
        self.conn
            .query_row(
                "SELECT g.person_id, s.name FROM development_goals g JOIN skills s ON s.id = g.skill_id WHERE g.id = ?1",
                [goal_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That goal no longer exists.".into()))
    }

    /// A person's goals, open ones first by due date, then reached ones.
    pub fn development_goals(&self, person_id: Id) -> Result<Vec<DevelopmentGoal>> {
        let today = crate::clock::today();
        let levels = self.skill_profile(person_id)?.skills;
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.id, g.skill_id, s.name, g.target_level, g.due_date, g.created_on, g.done_on \
             FROM development_goals g JOIN skills s ON s.id = g.skill_id WHERE g.person_id = ?1 \
             ORDER BY g.done_on IS NOT NULL, g.due_date, g.id",
        )?;
        let goals: Vec<DevelopmentGoal> = stmt
            .query_map([person_id], |r| {
                let skill_id: Id = r.get(1)?;
                let due = validate::date_from_sql(r.get(4)?).unwrap_or(today);
                let done_on = validate::date_from_sql(r.get(6)?);
                Ok(DevelopmentGoal {
                    id: r.get(0)?,
                    person_id,
                    skill_id,
                    skill: r.get(2)?,
                    target_level: r.get(3)?,
                    current_level: levels.iter().find(|s| s.skill_id == skill_id).and_then(|s| s.current),
                    due_date: due,
                    created_on: validate::date_from_sql(r.get(5)?).unwrap_or(today),
                    done_on,
                    overdue: done_on.is_none() && due < today,
                    activities: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.kind, a.title, a.item_id, w.title, a.hours, a.done_on FROM learning_activities a \
             LEFT JOIN work_items w ON w.id = a.item_id WHERE a.goal_id = ?1 ORDER BY a.seq",
        )?;
        goals
            .into_iter()
            .map(|mut goal| {
                goal.activities = stmt
                    .query_map([goal.id], |r| {
                        Ok(LearningActivity {
                            id: r.get(0)?,
                            kind: ActivityKind::parse(&r.get::<_, String>(1)?),
                            title: r.get(2)?,
                            item_id: r.get(3)?,
                            item_title: r.get(4)?,
                            hours: r.get(5)?,
                            done_on: validate::date_from_sql(r.get(6)?),
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(goal)
            })
            .collect()
    }

    pub fn add_goal(&mut self, person_id: Id, input: &GoalInput) -> Result<Id> {
        let name = self.person_name(person_id)?;
        let skill = self.skill_name(input.skill_id)?;
        check_level(input.target_level)?;
        let due = validate::optional_date("The due date", Some(&input.due_date))?
            .ok_or_else(|| CoreError::InvalidInput("A goal needs a due date.".into()))?;
        let done = validate::optional_date("The date reached", input.done_on.as_deref())?;
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "development_goals")?;
            ctx.tx.execute(
                "INSERT INTO development_goals(person_id, skill_id, target_level, due_date, created_on, done_on, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    person_id,
                    input.skill_id,
                    input.target_level,
                    due.to_string(),
                    crate::clock::today().to_string(),
                    validate::date_to_sql(done),
                    id
                ],
            )?;
            ctx.inserted("development_goals", id);
            ctx.set_label(format!("Add goal for {name}: {skill} to level {}", input.target_level));
            Ok(id)
        })
    }

    pub fn update_goal(&mut self, goal_id: Id, input: &GoalInput) -> Result<()> {
        let (person, _) = self.goal_owner(goal_id)?;
        let name = self.person_name(person)?;
        let skill = self.skill_name(input.skill_id)?;
        check_level(input.target_level)?;
        let due = validate::optional_date("The due date", Some(&input.due_date))?
            .ok_or_else(|| CoreError::InvalidInput("A goal needs a due date.".into()))?;
        let done = validate::optional_date("The date reached", input.done_on.as_deref())?;
        self.edit(|ctx| {
            ctx.touch("development_goals", goal_id)?;
            ctx.tx.execute(
                "UPDATE development_goals SET skill_id = ?1, target_level = ?2, due_date = ?3, done_on = ?4 WHERE id = ?5",
                rusqlite::params![input.skill_id, input.target_level, due.to_string(), validate::date_to_sql(done), goal_id],
            )?;
            ctx.set_label(format!("Edit {name}'s goal in {skill}"));
            Ok(())
        })
    }

    pub fn remove_goal(&mut self, goal_id: Id) -> Result<()> {
        let (person, skill) = self.goal_owner(goal_id)?;
        let name = self.person_name(person)?;
        self.edit(|ctx| {
            ctx.delete("development_goals", goal_id)?;
            ctx.set_label(format!("Remove {name}'s goal in {skill}"));
            Ok(())
        })
    }

    fn check_activity(&self, input: &ActivityInput) -> Result<CheckedActivity> {
        let title = validate::required_text("The activity", &input.title, 200)?;
        let hours = validate::optional_non_negative("Hours", input.hours)?;
        let done = validate::optional_date("The date done", input.done_on.as_deref())?;
        if let Some(item) = input.item_id {
            self.item(item)?;
        }
        Ok(CheckedActivity {
            title,
            hours,
            done_on: validate::date_to_sql(done),
        })
    }

    pub fn add_activity(&mut self, goal_id: Id, input: &ActivityInput) -> Result<Id> {
        let (_, skill) = self.goal_owner(goal_id)?;
        let a = self.check_activity(input)?;
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "learning_activities")?;
            let seq = ids::next_seq(ctx.tx, "learning_activities")?;
            ctx.tx.execute(
                "INSERT INTO learning_activities(goal_id, kind, title, item_id, hours, done_on, seq, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
                    goal_id,
                    input.kind.as_str(),
                    a.title,
                    input.item_id,
                    a.hours,
                    a.done_on,
                    seq,
                    id
                ],
            )?;
            ctx.inserted("learning_activities", id);
            ctx.set_label(format!("Add \"{}\" to the {skill} goal", a.title));
            Ok(id)
        })
    }

    pub fn update_activity(&mut self, activity_id: Id, input: &ActivityInput) -> Result<()> {
        let a = self.check_activity(input)?;
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM learning_activities WHERE id = ?1)",
            [activity_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(CoreError::NotFound("That activity no longer exists.".into()));
        }
        self.edit(|ctx| {
            ctx.touch("learning_activities", activity_id)?;
            ctx.tx.execute(
                "UPDATE learning_activities SET kind = ?1, title = ?2, item_id = ?3, hours = ?4, done_on = ?5 WHERE id = ?6",
                rusqlite::params![input.kind.as_str(), a.title, input.item_id, a.hours, a.done_on, activity_id],
            )?;
            ctx.set_label(format!("Edit \"{}\"", a.title));
            Ok(())
        })
    }

    pub fn remove_activity(&mut self, activity_id: Id) -> Result<()> {
        let title: String = self
            .conn
            .query_row(
                "SELECT title FROM learning_activities WHERE id = ?1",
                [activity_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That activity no longer exists.".into()))?;
        self.edit(|ctx| {
            ctx.delete("learning_activities", activity_id)?;
            ctx.set_label(format!("Remove \"{title}\""));
            Ok(())
        })
    }

    /// Open goals, booked exams and renewals due within `days` (or overdue), soonest first.
    pub fn upcoming(&self, days: i64) -> Result<Vec<Upcoming>> {
        let today = crate::clock::today();
        let horizon = today + Duration::days(days);
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.person_id, p.name, s.name, g.target_level, g.due_date FROM development_goals g \
             JOIN people p ON p.id = g.person_id JOIN skills s ON s.id = g.skill_id \
             WHERE g.done_on IS NULL AND g.due_date <= ?1",
        )?;
        let rows = stmt.query_map([horizon.to_string()], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u8>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (person_id, person, skill, level, due) = row?;
            let Some(date) = validate::date_from_sql(Some(due)) else {
                continue;
            };
            out.push(Upcoming {
                kind: UpcomingKind::Goal,
                person_id,
                person,
                title: format!("{skill} to level {level}"),
                detail: "Development goal".into(),
                date,
                overdue: date < today,
            });
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT person_id FROM person_certifications")?;
        let people: Vec<Id> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        for person_id in people {
            let person = self.person_name(person_id)?;
            for c in self.person_certifications(person_id)? {
                if c.status == CertificationStatus::ExamBooked {
                    if let Some(exam) = c.exam_date.filter(|d| *d <= horizon) {
                        out.push(Upcoming {
                            kind: UpcomingKind::Exam,
                            person_id,
                            person: person.clone(),
                            title: format!("{} exam", c.name),
                            detail: if c.eligible {
                                "Eligible".into()
                            } else {
                                "Eligibility not complete".into()
                            },
                            date: exam,
                            overdue: exam < today,
                        });
                    }
                }
                if let Some(expires) = c.expires_on.filter(|d| *d <= horizon) {
                    let unit = certifications::rule(&c.key)
                        .ok()
                        .and_then(|r| r.renewal.as_ref())
                        .map_or("units".to_string(), |r| r.unit_name.clone());
                    out.push(Upcoming {
                        kind: UpcomingKind::Renewal,
                        person_id,
                        person: person.clone(),
                        title: format!("{} renewal", c.name),
                        detail: if c.units_due > 0.0 {
                            format!("{} {unit}s still due", c.units_due)
                        } else {
                            "All units earned".into()
                        },
                        date: expires,
                        overdue: expires < today,
                    });
                }
            }
        }
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.person.cmp(&b.person)));
        Ok(out)
    }
}
