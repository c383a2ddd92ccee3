//! Role frameworks as data: skill areas, skills with five levels of observable criteria, and
//! roles expecting a level in each of their skills. They come in and go out as one JSON format
//! (docs/skills.md); the ones shipped with the app are seeded into every workspace.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{workspace::ids, CoreError, Id, Result, Workspace};

pub const FORMAT: &str = "bridgeplan-frameworks";
pub const VERSION: u32 = 1;
const BUILTIN: &str = include_str!("../../data/frameworks.json");

/// The names of levels 1 … 5.
pub const LEVEL_NAMES: [&str; 5] = ["Aware", "Working", "Practitioner", "Advanced", "Expert"];

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    pub format: String,
    pub version: u32,
    pub areas: Vec<AreaEntry>,
    pub skills: Vec<SkillEntry>,
    pub frameworks: Vec<RoleEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AreaEntry {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub group: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SkillEntry {
    pub key: String,
    pub name: String,
    pub area: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub focus: bool,
    pub levels: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub skills: Vec<RoleSkillEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoleSkillEntry {
    pub skill: String,
    pub level: u8,
}

/// The frameworks of a workspace as the UI shows them.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SkillCatalog {
    pub areas: Vec<SkillArea>,
    pub skills: Vec<Skill>,
    pub roles: Vec<RoleFramework>,
    /// The names of levels 1 … 5.
    pub level_names: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SkillArea {
    #[ts(type = "number")]
    pub id: Id,
    pub key: String,
    pub name: String,
    pub group: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Skill {
    #[ts(type = "number")]
    pub id: Id,
    pub key: String,
    pub name: String,
    #[ts(type = "number")]
    pub area_id: Id,
    pub description: String,
    /// Observable criteria of levels 1 … 5.
    pub levels: Vec<String>,
    /// One of the skills an IT manager moving into project management most needs.
    pub focus: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RoleFramework {
    #[ts(type = "number")]
    pub id: Id,
    pub key: String,
    pub name: String,
    pub description: String,
    pub skills: Vec<RoleSkill>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RoleSkill {
    #[ts(type = "number")]
    pub skill_id: Id,
    pub level: u8,
}

/// What a person edits on a skill.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SkillInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Criteria of levels 1 … 5.
    pub levels: Vec<String>,
}

/// What an import added and changed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FrameworkImport {
    pub areas: usize,
    pub skills: usize,
    pub roles: usize,
}

fn invalid(at: &str, what: impl std::fmt::Display) -> CoreError {
    CoreError::InvalidInput(format!(
        "The frameworks file is not valid: {at}: {what}. Nothing was imported."
    ))
}

fn check_key(at: &str, key: &str) -> Result<()> {
    let ok = !key.is_empty()
        && key.len() <= 60
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(invalid(
            at,
            format!("the key \"{key}\" must be lowercase letters, digits and hyphens"),
        ))
    }
}

fn check_text(at: &str, field: &str, text: &str, max: usize) -> Result<()> {
    if text.trim().is_empty() {
        return Err(invalid(at, format!("\"{field}\" is empty")));
    }
    if text.chars().count() > max {
        return Err(invalid(at, format!("\"{field}\" is longer than {max} characters")));
    }
    Ok(())
}

/// Parses and checks a frameworks file. `known_areas` and `known_skills` are keys already in
/// the workspace, which the file may refer to without repeating them.
pub fn parse(json: &str, known_areas: &HashSet<String>, known_skills: &HashSet<String>) -> Result<FrameworkFile> {
    let file: FrameworkFile = serde_json::from_str(json).map_err(|e| {
        CoreError::InvalidInput(format!(
            "The frameworks file is not valid: line {}, column {}: {}. Nothing was imported.",
            e.line(),
            e.column(),
            // serde's own wording names the field or type it expected.
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
    let mut areas: HashSet<&str> = known_areas.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    for (i, area) in file.areas.iter().enumerate() {
        let at = format!("areas[{i}]");
        check_key(&at, &area.key)?;
        check_text(&at, "name", &area.name, 80)?;
        if !seen.insert(area.key.as_str()) {
            return Err(invalid(&at, format!("the key \"{}\" appears twice", area.key)));
        }
        areas.insert(&area.key);
    }
    let mut skills: HashSet<&str> = known_skills.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    for (i, skill) in file.skills.iter().enumerate() {
        let at = format!("skills[{i}] (\"{}\")", skill.key);
        check_key(&at, &skill.key)?;
        check_text(&at, "name", &skill.name, 120)?;
        if !seen.insert(skill.key.as_str()) {
            return Err(invalid(&at, "the key appears twice"));
        }
        if !areas.contains(skill.area.as_str()) {
            return Err(invalid(&at, format!("the area \"{}\" is not defined", skill.area)));
        }
        if skill.levels.len() != 5 {
            return Err(invalid(
                &at,
                format!("\"levels\" has {} entries; a skill has 5", skill.levels.len()),
            ));
        }
        for (n, level) in skill.levels.iter().enumerate() {
            check_text(&at, &format!("levels[{n}]"), level, 600)?;
        }
        skills.insert(&skill.key);
    }
    let mut seen = HashSet::new();
    for (i, role) in file.frameworks.iter().enumerate() {
        let at = format!("frameworks[{i}] (\"{}\")", role.key);
        check_key(&at, &role.key)?;
        check_text(&at, "name", &role.name, 120)?;
        if !seen.insert(role.key.as_str()) {
            return Err(invalid(&at, "the key appears twice"));
        }
        let mut listed = HashSet::new();
        for (j, entry) in role.skills.iter().enumerate() {
            let at = format!("{at}, skills[{j}]");
            if !skills.contains(entry.skill.as_str()) {
                return Err(invalid(&at, format!("the skill \"{}\" is not defined", entry.skill)));
            }
            if !(1..=5).contains(&entry.level) {
                return Err(invalid(&at, format!("level {} is not between 1 and 5", entry.level)));
            }
            if !listed.insert(entry.skill.as_str()) {
                return Err(invalid(&at, format!("the skill \"{}\" is listed twice", entry.skill)));
            }
        }
    }
    Ok(file)
}

fn keys(conn: &Connection, table: &str) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare(&format!("SELECT key FROM {table}"))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A row about to change, or just added: what undo needs to know.
enum Change {
    Updating(&'static str, Id),
    Inserted(&'static str, Id),
}

/// Adds the file's areas, skills and roles, replacing those with the same key, telling `record`
/// of every row it changes.
fn write(
    conn: &Connection,
    file: &FrameworkFile,
    record: &mut dyn FnMut(Change) -> Result<()>,
) -> Result<FrameworkImport> {
    let upsert_id = |table: &str, key: &str| -> Result<Option<Id>> {
        Ok(conn
            .query_row(&format!("SELECT id FROM {table} WHERE key = ?1"), [key], |r| r.get(0))
            .optional()?)
    };
    for (position, area) in file.areas.iter().enumerate() {
        match upsert_id("skill_areas", &area.key)? {
            Some(id) => {
                record(Change::Updating("skill_areas", id))?;
                conn.execute(
                    "UPDATE skill_areas SET name = ?1, grp = ?2 WHERE id = ?3",
                    (area.name.trim(), area.group.trim(), id),
                )?;
            }
            None => {
                let id = ids::new_id(conn, "skill_areas")?;
                conn.execute(
                    "INSERT INTO skill_areas(key, name, grp, position, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    (&area.key, area.name.trim(), area.group.trim(), position as i64, id),
                )?;
                record(Change::Inserted("skill_areas", id))?;
            }
        }
    }
    for (position, skill) in file.skills.iter().enumerate() {
        let area: Id = conn.query_row("SELECT id FROM skill_areas WHERE key = ?1", [&skill.area], |r| r.get(0))?;
        let levels = serde_json::to_string(&skill.levels).map_err(|e| CoreError::InvalidInput(e.to_string()))?;
        match upsert_id("skills", &skill.key)? {
            Some(id) => {
                record(Change::Updating("skills", id))?;
                conn.execute(
                    "UPDATE skills SET name = ?1, area_id = ?2, description = ?3, levels = ?4, focus = ?5 WHERE id = ?6",
                    rusqlite::params![skill.name.trim(), area, skill.description.trim(), levels, skill.focus, id],
                )?;
            }
            None => {
                let id = ids::new_id(conn, "skills")?;
                conn.execute(
                    "INSERT INTO skills(key, name, area_id, description, levels, focus, position, id) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    rusqlite::params![
                        skill.key,
                        skill.name.trim(),
                        area,
                        skill.description.trim(),
                        levels,
                        skill.focus,
                        position as i64,
                        id
                    ],
                )?;
                record(Change::Inserted("skills", id))?;
            }
        }
    }
    for (position, role) in file.frameworks.iter().enumerate() {
        let taken: Option<String> = conn
            .query_row(
                "SELECT key FROM role_frameworks WHERE name = ?1 AND key <> ?2",
                (role.name.trim(), &role.key),
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = taken {
            return Err(CoreError::Duplicate(format!(
                "A role named \"{}\" already exists (key \"{other}\"). Nothing was imported.",
                role.name.trim()
            )));
        }
        let id = match upsert_id("role_frameworks", &role.key)? {
            Some(id) => {
                record(Change::Updating("role_frameworks", id))?;
                conn.execute(
                    "UPDATE role_frameworks SET name = ?1, description = ?2 WHERE id = ?3",
                    (role.name.trim(), role.description.trim(), id),
                )?;
                let old: Vec<Id> = conn
                    .prepare("SELECT id FROM role_skills WHERE role_id = ?1")?
                    .query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for row in old {
                    record(Change::Updating("role_skills", row))?;
                }
                conn.execute("DELETE FROM role_skills WHERE role_id = ?1", [id])?;
                id
            }
            None => {
                let id = ids::new_id(conn, "role_frameworks")?;
                conn.execute(
                    "INSERT INTO role_frameworks(key, name, description, position, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    (
                        &role.key,
                        role.name.trim(),
                        role.description.trim(),
                        position as i64,
                        id,
                    ),
                )?;
                record(Change::Inserted("role_frameworks", id))?;
                id
            }
        };
        for entry in &role.skills {
            let row = ids::new_id(conn, "role_skills")?;
            let added = conn.execute(
                "INSERT INTO role_skills(role_id, skill_id, level, id) SELECT ?1, id, ?3, ?4 FROM skills WHERE key = ?2",
                (id, &entry.skill, entry.level, row),
            )?;
            if added > 0 {
                record(Change::Inserted("role_skills", row))?;
            }
        }
    }
    Ok(FrameworkImport {
        areas: file.areas.len(),
        skills: file.skills.len(),
        roles: file.frameworks.len(),
    })
}

/// Puts the frameworks shipped with the app into a workspace (run by the schema-6 migration).
pub(crate) fn seed_builtin(conn: &Connection) -> Result<()> {
    let file = parse(BUILTIN, &HashSet::new(), &HashSet::new())?;
    write(conn, &file, &mut |_| Ok(()))?;
    Ok(())
}

impl Workspace {
    /// Every area, skill and role of the workspace, in their order.
    pub fn skill_catalog(&self) -> Result<SkillCatalog> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, key, name, grp FROM skill_areas ORDER BY position, id")?;
        let areas = stmt
            .query_map([], |r| {
                Ok(SkillArea {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    group: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.key, s.name, s.area_id, s.description, s.levels, s.focus FROM skills s \
             JOIN skill_areas a ON a.id = s.area_id ORDER BY a.position, s.position, s.id",
        )?;
        let skills = stmt
            .query_map([], |r| {
                Ok(Skill {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    area_id: r.get(3)?,
                    description: r.get(4)?,
                    levels: serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default(),
                    focus: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut levels: HashMap<Id, Vec<RoleSkill>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT rs.role_id, rs.skill_id, rs.level FROM role_skills rs JOIN skills s ON s.id = rs.skill_id \
             JOIN skill_areas a ON a.id = s.area_id ORDER BY a.position, s.position",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get(1)?, r.get(2)?)))? {
            let (role, skill_id, level) = row?;
            levels.entry(role).or_default().push(RoleSkill { skill_id, level });
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, key, name, description FROM role_frameworks ORDER BY position, id")?;
        let roles = stmt
            .query_map([], |r| {
                let id: Id = r.get(0)?;
                Ok(RoleFramework {
                    id,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    description: r.get(3)?,
                    skills: levels.remove(&id).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SkillCatalog {
            areas,
            skills,
            roles,
            level_names: LEVEL_NAMES.iter().map(|s| s.to_string()).collect(),
        })
    }

    /// Imports a frameworks file in one undoable edit; a file with any error imports nothing.
    pub fn import_frameworks(&mut self, json: &str) -> Result<FrameworkImport> {
        let file = parse(json, &keys(&self.conn, "skill_areas")?, &keys(&self.conn, "skills")?)?;
        self.edit(|ctx| {
            let tx = ctx.tx;
            let result = write(tx, &file, &mut |change| {
                match change {
                    Change::Updating(table, id) => ctx.touch(table, id)?,
                    Change::Inserted(table, id) => ctx.inserted(table, id),
                }
                Ok(())
            })?;
            ctx.set_label(format!(
                "Import {} role framework{}",
                result.roles,
                if result.roles == 1 { "" } else { "s" }
            ));
            Ok(result)
        })
    }

    /// Changes a skill's name, description and level criteria.
    pub fn update_skill(&mut self, skill_id: Id, input: &SkillInput) -> Result<()> {
        let old = self.skill_name(skill_id)?;
        let at = format!("the skill \"{old}\"");
        check_text(&at, "name", &input.name, 120)?;
        if input.levels.len() != 5 {
            return Err(CoreError::InvalidInput(
                "A skill has criteria for each of its 5 levels.".into(),
            ));
        }
        for (n, level) in input.levels.iter().enumerate() {
            check_text(&at, &format!("level {}", n + 1), level, 600).map_err(|_| {
                CoreError::InvalidInput(format!(
                    "Level {} ({}) needs criteria of at most 600 characters.",
                    n + 1,
                    LEVEL_NAMES[n]
                ))
            })?;
        }
        let levels = serde_json::to_string(&input.levels).map_err(|e| CoreError::InvalidInput(e.to_string()))?;
        self.edit(|ctx| {
            ctx.touch("skills", skill_id)?;
            ctx.tx.execute(
                "UPDATE skills SET name = ?1, description = ?2, levels = ?3 WHERE id = ?4",
                (input.name.trim(), input.description.trim(), &levels, skill_id),
            )?;
            ctx.set_label(format!("Edit the skill \"{}\"", input.name.trim()));
            Ok(())
        })
    }

    /// Sets the level a role expects in a skill; none takes the skill out of the role.
    pub fn set_role_skill(&mut self, role_id: Id, skill_id: Id, level: Option<u8>) -> Result<()> {
        let role: String = self
            .conn
            .query_row("SELECT name FROM role_frameworks WHERE id = ?1", [role_id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That role is no longer in this workspace.".into()))?;
        let skill = self.skill_name(skill_id)?;
        if let Some(l) = level.filter(|l| !(1..=5).contains(l)) {
            return Err(CoreError::InvalidInput(format!(
                "Level {l} is not between 1 (aware) and 5 (expert)."
            )));
        }
        self.edit(|ctx| {
            let existing: Option<Id> = ctx
                .tx
                .query_row(
                    "SELECT id FROM role_skills WHERE role_id = ?1 AND skill_id = ?2",
                    [role_id, skill_id],
                    |r| r.get(0),
                )
                .optional()?;
            match (existing, level) {
                (Some(id), Some(l)) => {
                    ctx.touch("role_skills", id)?;
                    ctx.tx
                        .execute("UPDATE role_skills SET level = ?1 WHERE id = ?2", (l, id))?;
                }
                (Some(id), None) => {
                    ctx.delete("role_skills", id)?;
                }
                (None, Some(l)) => {
                    let id = ids::new_id(ctx.tx, "role_skills")?;
                    ctx.tx.execute(
                        "INSERT INTO role_skills(role_id, skill_id, level, id) VALUES (?1, ?2, ?3, ?4)",
                        (role_id, skill_id, l, id),
                    )?;
                    ctx.inserted("role_skills", id);
                }
                (None, None) => {}
            }
            ctx.set_label(match level {
                Some(l) => format!("{role} expects level {l} in {skill}"),
                None => format!("Take {skill} out of {role}"),
            });
            Ok(())
        })
    }

    /// The workspace's frameworks in the JSON format (pretty-printed).
    pub fn export_frameworks(&self) -> Result<String> {
        let catalog = self.skill_catalog()?;
        let area_key: HashMap<Id, &str> = catalog.areas.iter().map(|a| (a.id, a.key.as_str())).collect();
        let skill_key: HashMap<Id, &str> = catalog.skills.iter().map(|s| (s.id, s.key.as_str())).collect();
        let file = FrameworkFile {
            format: FORMAT.into(),
            version: VERSION,
            areas: catalog
                .areas
                .iter()
                .map(|a| AreaEntry {
                    key: a.key.clone(),
                    name: a.name.clone(),
                    group: a.group.clone(),
                })
                .collect(),
            skills: catalog
                .skills
                .iter()
                .map(|s| SkillEntry {
                    key: s.key.clone(),
                    name: s.name.clone(),
                    area: area_key.get(&s.area_id).copied().unwrap_or_default().to_string(),
                    description: s.description.clone(),
                    focus: s.focus,
                    levels: s.levels.clone(),
                })
                .collect(),
            frameworks: catalog
                .roles
                .iter()
                .map(|r| RoleEntry {
                    key: r.key.clone(),
                    name: r.name.clone(),
                    description: r.description.clone(),
                    skills: r
                        .skills
                        .iter()
                        .map(|s| RoleSkillEntry {
                            skill: skill_key.get(&s.skill_id).copied().unwrap_or_default().to_string(),
                            level: s.level,
                        })
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&file).map_err(|e| CoreError::Io(e.to_string()))
    }
}
