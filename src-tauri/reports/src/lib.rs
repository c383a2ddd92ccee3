//! Bridgeplan's PDF reports. Each report kind is a module that reads what it needs from the
//! workspace into plain data, and a typst template under `templates/` that lays that data out;
//! [`engine`] typesets it with fonts built into the binary, with no browser, network or
//! system font involved.
//!
//! Adding a kind: a variant in [`ReportKind`], its row in [`kinds`], a data module, and its
//! template (listed in `engine::TEMPLATES`).

mod board;
mod budget;
mod career;
mod closure;
mod engine;
mod format;
mod minutes;
mod operations;
mod request;
mod risk;
mod schedule;
mod sprint;
mod stakeholders;
mod status;

use std::path::Path;

use bridgeplan_core::{CoreError, ErrorCode, Workspace};
use serde::Serialize;
use typst_layout::PagedDocument;

pub use request::{kinds, KindInfo, Paper, ProjectChoice, ReportKind, ReportRequest};

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Core(#[from] CoreError),
    /// A template failed on the data: a defect, not something the user can fix.
    #[error("The report could not be typeset: {0}")]
    Typeset(String),
}

impl ReportError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ReportError::Core(err) => err.code(),
            ReportError::Typeset(_) => ErrorCode::Internal,
        }
    }
}

pub type Result<T> = std::result::Result<T, ReportError>;

/// A report's data read from the workspace, ready to typeset without it. Reading needs the
/// workspace; typesetting (the long part) does not, so callers can let go of it in between.
#[derive(Debug, Clone)]
pub struct Prepared {
    kind: ReportKind,
    /// Title, also the PDF's title metadata.
    pub title: String,
    /// A file name to offer when saving.
    pub file_name: String,
    data: serde_json::Value,
}

/// A typeset report.
pub struct Typeset {
    document: PagedDocument,
    title: String,
}

impl Typeset {
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    pub fn pdf(&self) -> Result<Vec<u8>> {
        engine::pdf(&self.document, &self.title)
    }

    /// The first page as an SVG image.
    pub fn first_page_svg(&self) -> String {
        engine::first_page_svg(&self.document)
    }
}

/// The common header of every report's data.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Meta {
    pub title: String,
    /// The project, sprint or person the report is about ("All projects" for a portfolio).
    pub subject: String,
    pub workspace: String,
    pub author: String,
    /// When it was made, as people read it.
    pub generated: String,
    /// typst's paper name.
    pub paper: &'static str,
    pub landscape: bool,
    /// The period the report covers, when it has one.
    pub period: Option<String>,
}

/// A report's header and body as the data its template reads.
pub(crate) fn data(meta: Meta, body: impl Serialize) -> Result<(Meta, serde_json::Value)> {
    let body = serde_json::to_value(body).map_err(|e| ReportError::Typeset(e.to_string()))?;
    Ok((meta, body))
}

/// Reads the data of the report asked for.
pub fn prepare(ws: &Workspace, request: &ReportRequest) -> Result<Prepared> {
    let today = engine::today();
    let checked = request.check(ws, today)?;
    let (meta, body) = match request.kind {
        ReportKind::Status => status::data(ws, &checked)?,
        ReportKind::Schedule => schedule::data(ws, &checked)?,
        ReportKind::Sprint => sprint::data(ws, &checked)?,
        ReportKind::Board => board::data(ws, &checked)?,
        ReportKind::Career => career::data(ws, &checked)?,
        ReportKind::Budget => budget::data(ws, &checked)?,
        ReportKind::Closure => closure::data(ws, &checked)?,
        ReportKind::Risk => risk::data(ws, &checked)?,
        ReportKind::Stakeholders => stakeholders::data(ws, &checked)?,
        ReportKind::Minutes => minutes::data(ws, &checked)?,
        ReportKind::Operations => operations::data(ws, &checked)?,
    };
    let file_name =
        format!("{} - {} - {}.pdf", meta.subject, meta.title, today.format("%Y-%m-%d")).replace(['/', '\\', ':'], "-");
    Ok(Prepared {
        kind: request.kind,
        title: format!("{} – {}", meta.title, meta.subject),
        file_name,
        data: serde_json::json!({ "meta": meta, "body": body }),
    })
}

/// Typesets prepared data. This is the long part; it needs no workspace.
pub fn typeset(prepared: &Prepared) -> Result<Typeset> {
    let template = request::info(prepared.kind).template;
    let document = engine::typeset(template, &prepared.data, engine::today())?;
    Ok(Typeset {
        document,
        title: prepared.title.clone(),
    })
}

/// Reads, typesets and returns the PDF of one report.
pub fn render_pdf(ws: &Workspace, request: &ReportRequest) -> Result<Vec<u8>> {
    typeset(&prepare(ws, request)?)?.pdf()
}

/// Writes a PDF whole or not at all: an interrupted write leaves no half file.
pub fn write_pdf(path: &Path, pdf: &[u8]) -> Result<()> {
    if path.is_dir() {
        return Err(CoreError::InvalidInput(format!("{} is a folder; choose a file name.", path.display())).into());
    }
    Ok(bridgeplan_core::workspace::files::write_whole(path, pdf)?)
}
