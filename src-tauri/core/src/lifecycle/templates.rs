//! Project types as templates: methodology, framework, starting phase, typical tasks (with
//! durations and finish-to-start links), typical risks and extra checklist items. The built-in
//! ones (data/templates.json) are seeded into every workspace; all can be edited, duplicated,
//! deleted, exported and imported as one JSON format (docs/lifecycle.md).

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Framework, Phase};
use crate::work::items::{insert_many, WorkItemInput};
use crate::work::projects::{self, Methodology, Project, ProjectInput};
use crate::{clock, workspace::ids, CoreError, Id, Result, Workspace};

pub const FORMAT: &str = "bridgeplan-project-templates";
pub const VERSION: u32 = 1;
const BUILTIN: &str = include_str!("data/templates.json");
/// Ten years of eight-hour working days: anything longer is a typing error.
const MAX_DURATION_MINUTES: i64 = 10 * 260 * 480;
const MAX_ENTRIES: usize = 200;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TemplateFile {
    pub format: String,
    pub version: u32,
    pub templates: Vec<TemplateBody>,
}

/// One project type, as stored and as it appears in a templates file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TemplateBody {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub methodology: Methodology,
    pub framework: Framework,
    /// The phase a new project starts in.
    pub phase: Phase,
    pub tasks: Vec<TemplateTask>,
    pub risks: Vec<TemplateRisk>,
    /// Items added to the framework's checklist.
    pub checklist: Vec<TemplateChecklistItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TemplateTask {
    pub title: String,
    /// Working minutes (480 = one eight-hour day).
    #[ts(type = "number")]
    pub duration_minutes: i64,
    /// Titles of earlier tasks this one starts after (finish-to-start).
    #[serde(default)]
    pub after: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TemplateRisk {
    pub title: String,
    pub category: String,
    /// 1 … 5.
    pub probability: u8,
    /// 1 … 5.
    pub impact: u8,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TemplateChecklistItem {
    pub phase: Phase,
    pub title: String,
}

/// A template of the workspace.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProjectTemplate {
    #[ts(type = "number")]
    pub id: Id,
    pub template: TemplateBody,
}

fn invalid(at: &str, what: impl std::fmt::Display) -> CoreError {
    CoreError::InvalidInput(format!(
        "The project type is not valid: {at}: {what}. Nothing was changed."
    ))
}

fn text(at: &str, field: &str, value: &str, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        return Err(invalid(at, format!("\"{field}\" is empty")));
    }
    if value.chars().count() > max {
        return Err(invalid(at, format!("\"{field}\" is longer than {max} characters")));
    }
    Ok(())
}

/// Checks one template: texts present, durations sane, links only to earlier tasks (so a
/// template can never hold a loop), risk scores 1 … 5.
pub fn check(t: &TemplateBody) -> Result<()> {
    let at = format!("\"{}\"", t.name.trim());
    text(&at, "name", &t.name, 80)?;
    let key_ok = !t.key.is_empty()
        && t.key.len() <= 60
        && t.key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !key_ok {
        return Err(invalid(
            &at,
            format!("the key \"{}\" must be lowercase letters, digits and hyphens", t.key),
        ));
    }
    if t.tasks.len() > MAX_ENTRIES || t.risks.len() > MAX_ENTRIES || t.checklist.len() > MAX_ENTRIES {
        return Err(invalid(
            &at,
            format!("keep tasks, risks and checklist items under {MAX_ENTRIES} each"),
        ));
    }
    let mut seen: HashSet<String> = HashSet::new();
    for (i, task) in t.tasks.iter().enumerate() {
        let at = format!("{at}, task {}", i + 1);
        text(&at, "title", &task.title, 300)?;
        if !(0..=MAX_DURATION_MINUTES).contains(&task.duration_minutes) {
            return Err(invalid(
                &at,
                "the duration must be between 0 and ten years of working minutes",
            ));
        }
        for before in &task.after {
            if !seen.contains(&before.trim().to_lowercase()) {
                return Err(invalid(
                    &at,
                    format!("\"after\" names \"{before}\", which is not an earlier task of this template"),
                ));
            }
        }
        if !seen.insert(task.title.trim().to_lowercase()) {
            return Err(invalid(
                &at,
                format!("the task \"{}\" appears twice", task.title.trim()),
            ));
        }
    }
    for (i, risk) in t.risks.iter().enumerate() {
        let at = format!("{at}, risk {}", i + 1);
        text(&at, "title", &risk.title, 300)?;
        text(&at, "category", &risk.category, 40)?;
        if !(1..=5).contains(&risk.probability) || !(1..=5).contains(&risk.impact) {
            return Err(invalid(&at, "probability and impact are 1 to 5"));
        }
    }
    for (i, item) in t.checklist.iter().enumerate() {
        text(&format!("{at}, checklist item {}", i + 1), "title", &item.title, 200)?;
    }
    Ok(())
}

/// Parses and checks a templates file. `taken` holds the names already in the workspace
/// (lowercase): importing one of them again is refused rather than silently doubled.
pub fn parse(json: &str, taken: &HashSet<String>) -> Result<TemplateFile> {
    let file: TemplateFile = serde_json::from_str(json).map_err(|e| {
        CoreError::InvalidInput(format!(
            "The project types file is not valid: line {}, column {}: {}. Nothing was imported.",
            e.line(),
            e.column(),
            e.to_string().split(" at line").next().unwrap_or_default()
        ))
    })?;
    if file.format != FORMAT {
        return Err(invalid(
            "format",
            format!("expected \"{FORMAT}\", found \"{}\"", file.format),
        ));
    }
    if file.version != VERSION {
        return Err(invalid(
            "version",
            format!(
                "this Bridgeplan reads version {VERSION}, the file is version {}",
                file.version
            ),
        ));
    }
    let mut names = taken.clone();
    for t in &file.templates {
        check(t)?;
        if !names.insert(t.name.trim().to_lowercase()) {
            return Err(invalid(
                &format!("\"{}\"", t.name.trim()),
                "a project type with this name already exists",
            ));
        }
    }
    Ok(file)
}

/// A key not yet used: `base`, else `base-2`, `base-3` …
fn free_key(conn: &Connection, base: &str) -> Result<String> {
    let mut stmt = conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM project_templates WHERE key = ?1)")?;
    let mut key = base.to_string();
    let mut n = 2;
    while stmt.query_row([&key], |r| r.get::<_, bool>(0))? {
        key = format!("{base}-{n}");
        n += 1;
    }
    Ok(key)
}

fn insert_row(conn: &Connection, body: &TemplateBody) -> Result<Id> {
    let id = ids::new_id(conn, "project_templates")?;
    let position: i64 = conn.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM project_templates",
        [],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO project_templates(key, name, body, position, id) VALUES (?1, ?2, ?3, ?4, ?5)",
        (&body.key, body.name.trim(), to_json(body), position, id),
    )?;
    Ok(id)
}

fn to_json(body: &TemplateBody) -> String {
    serde_json::to_string(body).unwrap_or_else(|_| "{}".into())
}

/// Puts the templates shipped with the app into a workspace (run by the schema-10 migration).
pub(crate) fn seed_builtin(conn: &Connection) -> Result<()> {
    for t in parse(BUILTIN, &HashSet::new())?.templates {
        insert_row(conn, &t)?;
    }
    Ok(())
}

fn taken_names(conn: &Connection, except: Option<Id>) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT id, name FROM project_templates")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = HashSet::new();
    for row in rows {
        let (id, name) = row?;
        if Some(id) != except {
            out.insert(name.to_lowercase());
        }
    }
    Ok(out)
}

impl Workspace {
    pub fn project_templates(&self) -> Result<Vec<ProjectTemplate>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, body, key, name FROM project_templates ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, body, key, name) = row?;
            let mut template: TemplateBody = serde_json::from_str(&body).map_err(|_| {
                CoreError::Damaged(format!("The project type \"{name}\" in this workspace is damaged."))
            })?;
            // The columns are what uniqueness is enforced on; they win over the body.
            template.key = key;
            template.name = name;
            out.push(ProjectTemplate { id, template });
        }
        Ok(out)
    }

    pub fn project_template(&self, id: Id) -> Result<ProjectTemplate> {
        self.project_templates()?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or_else(|| CoreError::NotFound("That project type no longer exists.".into()))
    }

    /// Replaces a template's name, description and contents (its key stays).
    pub fn update_project_template(&mut self, id: Id, body: &TemplateBody) -> Result<ProjectTemplate> {
        let old = self.project_template(id)?;
        let mut body = body.clone();
        body.key = old.template.key.clone();
        body.name = body.name.trim().to_string();
        check(&body)?;
        if taken_names(&self.conn, Some(id))?.contains(&body.name.to_lowercase()) {
            return Err(CoreError::InvalidInput(format!(
                "A project type named \"{}\" already exists; choose another name.",
                body.name
            )));
        }
        self.edit(|ctx| {
            ctx.touch("project_templates", id)?;
            ctx.tx.execute(
                "UPDATE project_templates SET name = ?1, body = ?2 WHERE id = ?3",
                (&body.name, to_json(&body), id),
            )?;
            ctx.set_label(if old.template.name == body.name {
                format!("Edit the project type \"{}\"", body.name)
            } else {
                format!("Rename the project type \"{}\" to \"{}\"", old.template.name, body.name)
            });
            Ok(())
        })?;
        self.project_template(id)
    }

    pub fn duplicate_project_template(&mut self, id: Id) -> Result<ProjectTemplate> {
        let old = self.project_template(id)?;
        let taken = taken_names(&self.conn, None)?;
        let mut name = format!("{} (copy)", old.template.name);
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            name = format!("{} (copy {n})", old.template.name);
            n += 1;
        }
        let mut body = old.template.clone();
        body.name = name;
        let new_id = self.edit(|ctx| {
            body.key = free_key(ctx.tx, &old.template.key)?;
            let new_id = insert_row(ctx.tx, &body)?;
            ctx.inserted("project_templates", new_id);
            ctx.set_label(format!("Duplicate the project type \"{}\"", old.template.name));
            Ok(new_id)
        })?;
        self.project_template(new_id)
    }

    /// Deletes a template; projects made from it keep their tasks, risks and checklist.
    pub fn delete_project_template(&mut self, id: Id) -> Result<()> {
        let old = self.project_template(id)?;
        self.edit(|ctx| {
            ctx.delete("project_templates", id)?;
            ctx.set_label(format!("Delete the project type \"{}\"", old.template.name));
            Ok(())
        })
    }

    /// Adds the templates of a file, all or none. Returns how many were added.
    pub fn import_project_templates(&mut self, json: &str) -> Result<usize> {
        let file = parse(json, &taken_names(&self.conn, None)?)?;
        self.edit(|ctx| {
            for t in &file.templates {
                let mut t = t.clone();
                t.name = t.name.trim().to_string();
                t.key = free_key(ctx.tx, &t.key)?;
                let id = insert_row(ctx.tx, &t)?;
                ctx.inserted("project_templates", id);
            }
            ctx.set_label(format!(
                "Import {} project type{}",
                file.templates.len(),
                if file.templates.len() == 1 { "" } else { "s" }
            ));
            Ok(file.templates.len())
        })
    }

    /// Every template of the workspace as a templates file.
    pub fn export_project_templates(&self) -> Result<String> {
        let file = TemplateFile {
            format: FORMAT.into(),
            version: VERSION,
            templates: self.project_templates()?.into_iter().map(|t| t.template).collect(),
        };
        serde_json::to_string_pretty(&file).map_err(|e| CoreError::Internal(e.to_string()))
    }

    /// Creates a project from a template in one undoable edit: the template's framework and
    /// starting phase, its tasks with durations and finish-to-start links, its risks and its
    /// extra checklist items. Name, methodology and dates come from the form.
    pub fn create_project_from_template(&mut self, template_id: Id, input: &ProjectInput) -> Result<Project> {
        let t = self.project_template(template_id)?.template;
        check(&t)?;
        let missing = || invalid(&format!("\"{}\"", t.name), "a task it links to is missing");
        let now = clock::now_rfc3339();
        let id = self.edit(|ctx| {
            let id = projects::insert(ctx, input)?;
            ctx.tx.execute(
                "UPDATE projects SET framework = ?1, phase = ?2, project_type = ?3 WHERE id = ?4",
                (t.framework.as_str(), t.phase.as_str(), &t.key, id),
            )?;
            let batch: Vec<(Option<Id>, WorkItemInput)> = t
                .tasks
                .iter()
                .map(|task| {
                    (
                        None,
                        WorkItemInput {
                            title: task.title.clone(),
                            ..Default::default()
                        },
                    )
                })
                .collect();
            insert_many(ctx, id, &batch)?;
            let mut by_title = std::collections::HashMap::new();
            {
                let mut stmt = ctx
                    .tx
                    .prepare_cached("SELECT id, title FROM work_items WHERE project_id = ?1")?;
                for row in stmt.query_map([id], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))? {
                    let (item, title) = row?;
                    by_title.insert(title.to_lowercase(), item);
                }
            }
            for task in &t.tasks {
                let item = *by_title.get(&task.title.trim().to_lowercase()).ok_or_else(missing)?;
                // Rows inserted in this edit: their final image is recorded at the end.
                ctx.tx.execute(
                    "UPDATE work_items SET duration_minutes = ?1 WHERE id = ?2",
                    (task.duration_minutes, item),
                )?;
                for before in &task.after {
                    let pred = *by_title.get(&before.trim().to_lowercase()).ok_or_else(missing)?;
                    let link = ids::new_id(ctx.tx, "dependencies")?;
                    ctx.tx.execute(
                        "INSERT INTO dependencies(predecessor_id, successor_id, kind, lag_minutes, seq, id) \
                         VALUES (?1, ?2, 'fs', 0, ?3, ?4)",
                        (pred, item, ids::next_seq(ctx.tx, "dependencies")?, link),
                    )?;
                    ctx.inserted("dependencies", link);
                }
            }
            for risk in &t.risks {
                let risk_id = ids::new_id(ctx.tx, "risks")?;
                ctx.tx.execute(
                    "INSERT INTO risks(project_id, title, category, probability, impact, created_at, seq, id) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    (
                        id,
                        risk.title.trim(),
                        risk.category.trim(),
                        risk.probability,
                        risk.impact,
                        &now,
                        ids::next_seq(ctx.tx, "risks")?,
                        risk_id,
                    ),
                )?;
                ctx.inserted("risks", risk_id);
            }
            for (position, item) in t.checklist.iter().enumerate() {
                let extra = ids::new_id(ctx.tx, "checklist_extras")?;
                ctx.tx.execute(
                    "INSERT INTO checklist_extras(project_id, phase, title, position, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    (id, item.phase.as_str(), item.title.trim(), position as i64, extra),
                )?;
                ctx.inserted("checklist_extras", extra);
            }
            ctx.set_label(format!("Create project \"{}\" as {}", input.name.trim(), t.name));
            Ok(id)
        })?;
        self.project(id)
    }
}

/// The template with this key, if the workspace still has it (the demo uses it).
pub(crate) fn by_key(conn: &Connection, key: &str) -> Result<Option<Id>> {
    Ok(conn
        .query_row("SELECT id FROM project_templates WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}
