//! Lessons learned, kept across projects: what happened, its impact, what to do next time,
//! whether it went well or is to improve, the phase it belongs to and free tags. A lesson keeps
//! its project's name, so it still says where it came from after the project is deleted.

pub mod closure;
pub(crate) mod demo;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lifecycle::Phase;
use crate::workspace::ids;
use crate::{clock, validate, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LessonKind {
    WentWell,
    Improve,
}

impl LessonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LessonKind::WentWell => "went_well",
            LessonKind::Improve => "improve",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LessonKind::WentWell => "Went well",
            LessonKind::Improve => "To improve",
        }
    }

    fn parse(text: &str) -> LessonKind {
        if text == "went_well" {
            LessonKind::WentWell
        } else {
            LessonKind::Improve
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Lesson {
    #[ts(type = "number")]
    pub id: Id,
    /// The project it was learned on; `None` once that project is deleted (the name stays).
    #[ts(type = "number | null")]
    pub project_id: Option<Id>,
    pub project_name: String,
    pub title: String,
    pub what_happened: String,
    pub impact: String,
    pub recommendation: String,
    pub kind: LessonKind,
    pub phase: Option<Phase>,
    pub tags: Vec<String>,
    pub recorded_by: String,
    pub recorded_on: NaiveDate,
}

/// What the manager enters. The phase and the day are text so a wrong one is named.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct LessonInput {
    #[ts(type = "number | null")]
    pub project_id: Option<Id>,
    pub title: String,
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub impact: String,
    #[serde(default)]
    pub recommendation: String,
    pub kind: Option<LessonKind>,
    pub phase: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub recorded_by: String,
    /// `YYYY-MM-DD`; today when empty.
    pub recorded_on: Option<String>,
}

const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 4000;
const TAG_MAX: usize = 40;
const TAGS_MAX: usize = 12;

struct Checked {
    title: String,
    what_happened: String,
    impact: String,
    recommendation: String,
    kind: LessonKind,
    phase: Option<Phase>,
    tags: String,
    recorded_by: String,
    recorded_on: NaiveDate,
}

fn optional_text(field: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.chars().count() > TEXT_MAX {
        return Err(CoreError::InvalidInput(format!(
            "{field} is too long ({} characters); keep it under {TEXT_MAX}.",
            text.chars().count()
        )));
    }
    Ok(text.to_string())
}

/// Trimmed, distinct (ignoring case) tags, each 1–40 characters without commas, at most 12.
pub fn check_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            return Err(CoreError::InvalidInput("A tag cannot be empty.".into()));
        }
        if tag.contains(',') {
            return Err(CoreError::InvalidInput(format!(
                "The tag \"{tag}\" contains a comma; enter each tag on its own."
            )));
        }
        if tag.chars().count() > TAG_MAX {
            return Err(CoreError::InvalidInput(format!(
                "The tag \"{tag}\" is too long; keep tags under {TAG_MAX} characters."
            )));
        }
        if !out.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            out.push(tag.to_string());
        }
    }
    if out.len() > TAGS_MAX {
        return Err(CoreError::InvalidInput(format!(
            "A lesson has {} tags; keep it to {TAGS_MAX} at most.",
            out.len()
        )));
    }
    Ok(out)
}

fn check(input: &LessonInput) -> Result<Checked> {
    let phase = match input.phase.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(Phase::parse(text)?),
    };
    let recorded_on = validate::optional_date("The day recorded", input.recorded_on.as_deref())?;
    Ok(Checked {
        title: validate::required_text("A lesson's title", &input.title, TITLE_MAX)?,
        what_happened: optional_text("What happened", &input.what_happened)?,
        impact: optional_text("The impact", &input.impact)?,
        recommendation: optional_text("The recommendation", &input.recommendation)?,
        kind: input.kind.unwrap_or(LessonKind::Improve),
        phase,
        tags: serde_json::to_string(&check_tags(&input.tags)?).unwrap_or_else(|_| "[]".into()),
        recorded_by: input.recorded_by.trim().chars().take(80).collect(),
        recorded_on: recorded_on.unwrap_or_else(clock::today),
    })
}

const SELECT: &str = "SELECT id, project_id, project_name, title, what_happened, impact, recommendation, kind, \
     phase, tags, recorded_by, recorded_on FROM lessons";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Lesson> {
    let phase: Option<String> = r.get(8)?;
    let tags: String = r.get(9)?;
    let recorded_on: String = r.get(11)?;
    Ok(Lesson {
        id: r.get(0)?,
        project_id: r.get(1)?,
        project_name: r.get(2)?,
        title: r.get(3)?,
        what_happened: r.get(4)?,
        impact: r.get(5)?,
        recommendation: r.get(6)?,
        kind: LessonKind::parse(&r.get::<_, String>(7)?),
        phase: phase.and_then(|p| Phase::parse(&p).ok()),
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        recorded_by: r.get(10)?,
        recorded_on: validate::date_from_sql(Some(recorded_on)).unwrap_or_default(),
    })
}

/// Every lesson, newest first (by the day recorded, then the order entered); or one project's.
pub fn lessons(conn: &Connection, project_id: Option<Id>) -> Result<Vec<Lesson>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE ?1 IS NULL OR project_id = ?1 ORDER BY recorded_on DESC, seq DESC, id DESC"
    ))?;
    let rows = stmt.query_map([project_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many lessons a project has (the close checklist's rule).
pub fn lesson_count(conn: &Connection, project_id: Id) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM lessons WHERE project_id = ?1",
        [project_id],
        |r| r.get(0),
    )?)
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

impl Workspace {
    /// Every lesson across projects, newest first.
    pub fn lessons(&self) -> Result<Vec<Lesson>> {
        lessons(&self.conn, None)
    }

    fn lesson(&self, id: Id) -> Result<Lesson> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| {
                CoreError::NotFound("That lesson no longer exists (it may have been deleted or undone).".into())
            })
    }

    /// The project's name for a lesson, checking the project exists.
    fn lesson_project(&self, project_id: Option<Id>) -> Result<String> {
        match project_id {
            None => Ok(String::new()),
            Some(id) => Ok(self.project(id)?.name),
        }
    }

    pub fn add_lesson(&mut self, input: &LessonInput) -> Result<Lesson> {
        let c = check(input)?;
        let project_name = self.lesson_project(input.project_id)?;
        let id = self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "lessons")?;
            ctx.tx.execute(
                "INSERT INTO lessons(id, project_id, project_name, title, what_happened, impact, recommendation, \
                 kind, phase, tags, recorded_by, recorded_on, created_at, seq) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                rusqlite::params![
                    id,
                    input.project_id,
                    project_name,
                    c.title,
                    c.what_happened,
                    c.impact,
                    c.recommendation,
                    c.kind.as_str(),
                    c.phase.map(Phase::as_str),
                    c.tags,
                    c.recorded_by,
                    c.recorded_on.to_string(),
                    validate::now_utc(),
                    ids::next_seq(ctx.tx, "lessons")?,
                ],
            )?;
            ctx.inserted("lessons", id);
            ctx.set_label(format!("Add lesson \"{}\"", short(&c.title)));
            if let Some(p) = input.project_id {
                ctx.set_project(p);
            }
            Ok(id)
        })?;
        self.lesson(id)
    }

    /// Replaces a lesson's fields; a changed project takes that project's name.
    pub fn update_lesson(&mut self, id: Id, input: &LessonInput) -> Result<Lesson> {
        let c = check(input)?;
        let old = self.lesson(id)?;
        let project_name = match input.project_id {
            Some(p) => self.lesson_project(Some(p))?,
            None if old.project_id.is_none() => old.project_name.clone(),
            None => String::new(),
        };
        self.edit(|ctx| {
            ctx.touch("lessons", id)?;
            ctx.tx.execute(
                "UPDATE lessons SET project_id = ?1, project_name = ?2, title = ?3, what_happened = ?4, impact = ?5, \
                 recommendation = ?6, kind = ?7, phase = ?8, tags = ?9, recorded_by = ?10, recorded_on = ?11 \
                 WHERE id = ?12",
                rusqlite::params![
                    input.project_id,
                    project_name,
                    c.title,
                    c.what_happened,
                    c.impact,
                    c.recommendation,
                    c.kind.as_str(),
                    c.phase.map(Phase::as_str),
                    c.tags,
                    c.recorded_by,
                    c.recorded_on.to_string(),
                    id,
                ],
            )?;
            ctx.set_label(format!("Edit lesson \"{}\"", short(&c.title)));
            if let Some(p) = input.project_id {
                ctx.set_project(p);
            }
            Ok(())
        })?;
        self.lesson(id)
    }

    pub fn delete_lesson(&mut self, id: Id) -> Result<()> {
        let old = self.lesson(id)?;
        self.edit(|ctx| {
            ctx.delete("lessons", id)?;
            ctx.set_label(format!("Delete lesson \"{}\"", short(&old.title)));
            if let Some(p) = old.project_id {
                ctx.set_project(p);
            }
            Ok(())
        })
    }
}
