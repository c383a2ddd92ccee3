//! One way in for every import format, as the app and the command line use it: read the file's
//! text into a parsed import (nothing written), preview it, then apply it in one undoable edit.
//! And Microsoft Project XML out, with its report.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::interchange::board::{BoardImport, ImportResult};
use crate::interchange::mspdi::{self, Plan};
use crate::interchange::preview::{CreateCount, ExportReport, ImportPreview};
use crate::interchange::{jira, trello};
use crate::{Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportFormat {
    /// A Trello board's "Export as JSON".
    Trello,
    /// Jira's "Export CSV (all fields)".
    Jira,
    /// Microsoft Project XML (MSPDI).
    Mspdi,
}

pub const MSPDI_FORMAT: &str = "Microsoft Project XML";

/// A file read and understood, not yet written.
#[derive(Debug, Clone)]
pub enum ParsedImport {
    Board(BoardImport),
    Plan(Plan),
}

/// Reads `text` as `format`; `file_stem` names a project the file does not name. Refused files
/// get a message saying what was expected; nothing is written either way.
pub fn read(format: ImportFormat, text: &str, file_stem: &str) -> Result<ParsedImport> {
    Ok(match format {
        ImportFormat::Trello => ParsedImport::Board(trello::read(text)?),
        ImportFormat::Jira => ParsedImport::Board(jira::read(text, file_stem)?),
        ImportFormat::Mspdi => ParsedImport::Plan(
            mspdi::read(text).map_err(|e| crate::CoreError::InvalidInput(format!("{e} Nothing was imported.")))?,
        ),
    })
}

/// The name a Microsoft Project import gets: its own, or with " (2)" … when that is taken.
fn plan_name(ws: &Workspace, plan: &Plan) -> (String, String) {
    let base: String = plan.name.trim().chars().take(110).collect();
    let base = if base.is_empty() {
        "Imported project".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while ws.project_by_name(&name).is_ok() {
        name = format!("{base} ({n})");
        n += 1;
    }
    (base, name)
}

impl ParsedImport {
    /// What the import will create and what it cannot keep, without writing.
    pub fn preview(&self, ws: &Workspace) -> Result<ImportPreview> {
        match self {
            ParsedImport::Board(board) => board.preview(ws),
            ParsedImport::Plan(plan) => {
                let (base, name) = plan_name(ws, plan);
                let mut preview = ImportPreview::new(MSPDI_FORMAT, &name);
                preview.creates("project", 1);
                preview.creates("tasks", plan.tasks.len());
                preview.creates("dependencies", plan.links.len());
                preview.creates("calendars", plan.calendars.len());
                let people = ws.people()?;
                let new_people = plan
                    .resources
                    .iter()
                    .filter(|r| !people.iter().any(|p| p.name == r.name.trim()))
                    .count();
                preview.creates("new people", new_people);
                let mut baselines: Vec<u32> = plan
                    .tasks
                    .iter()
                    .flat_map(|t| t.baselines.iter().map(|b| b.number))
                    .collect();
                baselines.sort_unstable();
                baselines.dedup();
                preview.creates("baselines", baselines.len());
                preview.not_kept = plan.warnings.clone();
                if name != base {
                    preview.skipped.push(format!(
                        "A project named \"{base}\" already exists; the import is named \"{name}\"."
                    ));
                }
                Ok(preview)
            }
        }
    }
}

impl Workspace {
    /// Writes a parsed import as a new project, in one undoable edit.
    pub fn import_parsed(&mut self, parsed: &ParsedImport) -> Result<ImportResult> {
        match parsed {
            ParsedImport::Board(board) => self.import_board(board),
            ParsedImport::Plan(plan) => {
                let mut preview = parsed.preview(self)?;
                let summary = self.import_plan(plan)?;
                preview.project = summary.project.name.clone();
                preview.not_kept = summary.warnings;
                Ok(ImportResult {
                    project: summary.project,
                    preview,
                })
            }
        }
    }
}

/// A project as Microsoft Project XML, and the report of what it holds and could not keep.
pub fn export_mspdi(ws: &Workspace, project_id: Id) -> Result<(String, ExportReport)> {
    let project = ws.project(project_id)?;
    let export = mspdi::export(ws, project_id)?;
    let links = export.xml.matches("<PredecessorLink>").count();
    let report = ExportReport {
        format: MSPDI_FORMAT.into(),
        written: vec![
            CreateCount {
                what: "tasks".into(),
                count: project.item_count as usize,
            },
            CreateCount {
                what: "dependencies".into(),
                count: links,
            },
        ]
        .into_iter()
        .filter(|c| c.count > 0)
        .collect(),
        not_kept: export.warnings,
    };
    Ok((export.xml, report))
}
