//! The stakeholders report: the register, the power/interest grid drawn with each stakeholder
//! as a dot, the RACI matrix with its flagged rows, and the communication plan. Everything
//! comes from the core's stakeholders module; this only formats it.

use bridgeplan_core::stakeholders::communications::Communication;
use bridgeplan_core::stakeholders::raci::{RaciMatrix, RaciMode};
use bridgeplan_core::stakeholders::{Attitude, ProjectStakeholders, Stakeholder};
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format::{self, date, opt_date};
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    count: usize,
    manage_closely: usize,
    gaps: usize,
    due: usize,
    flagged: usize,
    register: Vec<Row>,
    dots: Vec<Dot>,
    matrices: Vec<Matrix>,
    communications: Vec<Line>,
}

#[derive(Serialize)]
struct Row {
    name: String,
    organisation: String,
    power: i64,
    interest: i64,
    quadrant: &'static str,
    attitude: String,
    gap: String,
}

#[derive(Serialize)]
struct Dot {
    /// Its number in the register, printed beside the dot.
    number: usize,
    power: i64,
    interest: i64,
    /// Dots before it on the same spot, so it is drawn beside them.
    nth: usize,
}

#[derive(Serialize)]
struct Matrix {
    title: &'static str,
    columns: Vec<String>,
    rows: Vec<MatrixRow>,
}

#[derive(Serialize)]
struct MatrixRow {
    label: String,
    cells: Vec<String>,
    problem: Option<String>,
}

#[derive(Serialize)]
struct Line {
    what: String,
    audience: String,
    frequency: &'static str,
    channel: String,
    owner: String,
    next_due: String,
    last_sent: String,
    due: bool,
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked
        .project
        .as_ref()
        .expect("a stakeholders report is about one project");
    let all = ws.project_stakeholders(project.id)?;
    let meta = format::meta(checked, project.name.clone(), project.manager.clone());
    crate::data(meta, body(&all))
}

fn attitude(a: Attitude) -> &'static str {
    a.label()
}

fn row(s: &Stakeholder) -> Row {
    Row {
        name: s.name.clone(),
        organisation: [s.organisation.as_str(), s.role.as_str()]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · "),
        power: s.power,
        interest: s.interest,
        quadrant: s.quadrant.label(),
        attitude: format!("{} → {}", attitude(s.current_attitude), attitude(s.desired_attitude)),
        gap: match s.attitude_gap {
            0 => "on target".into(),
            g if g > 0 => format!("+{g}"),
            g => g.to_string(),
        },
    }
}

fn matrix(m: &RaciMatrix) -> Matrix {
    Matrix {
        title: match m.mode {
            RaciMode::Deliverables => "By deliverable",
            RaciMode::Phases => "By phase",
        },
        columns: m.columns.iter().map(|c| c.name.clone()).collect(),
        rows: m
            .rows
            .iter()
            .map(|r| MatrixRow {
                label: r.label.clone(),
                cells: r
                    .cells
                    .iter()
                    .map(|c| c.map(|c| c.as_str().to_string()).unwrap_or_default())
                    .collect(),
                problem: r.problem.clone(),
            })
            .collect(),
    }
}

fn line(c: &Communication) -> Line {
    Line {
        what: c.what.clone(),
        audience: [c.audience.as_str(), c.stakeholder_name.as_deref().unwrap_or("")]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · "),
        frequency: c.frequency.label(),
        channel: c.channel.clone(),
        owner: c.owner_name.clone().unwrap_or_else(|| "–".into()),
        next_due: opt_date(c.next_due),
        last_sent: c.last_sent.map(date).unwrap_or_else(|| "never".into()),
        due: c.is_due,
    }
}

fn body(all: &ProjectStakeholders) -> Body {
    let dots = all
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| Dot {
            number: i + 1,
            power: s.power,
            interest: s.interest,
            nth: all.stakeholders[..i]
                .iter()
                .filter(|o| o.power == s.power && o.interest == s.interest)
                .count(),
        })
        .collect();
    // A matrix nobody has started is left out, unless it is the only one (then it says so).
    let mut matrices: Vec<Matrix> = [&all.raci_deliverables, &all.raci_phases]
        .into_iter()
        .filter(|m| m.started)
        .map(matrix)
        .collect();
    if matrices.is_empty() && !all.raci_deliverables.rows.is_empty() {
        matrices.push(matrix(&all.raci_deliverables));
    }
    let flagged = [&all.raci_deliverables, &all.raci_phases]
        .iter()
        .flat_map(|m| m.rows.iter())
        .filter(|r| r.problem.is_some())
        .count();
    Body {
        count: all.stakeholders.len(),
        manage_closely: all
            .stakeholders
            .iter()
            .filter(|s| s.quadrant == bridgeplan_core::stakeholders::Quadrant::ManageClosely)
            .count(),
        gaps: all.stakeholders.iter().filter(|s| s.attitude_gap != 0).count(),
        due: all.communications.iter().filter(|c| c.is_due).count(),
        flagged,
        register: all.stakeholders.iter().map(row).collect(),
        dots,
        matrices,
        communications: all.communications.iter().map(line).collect(),
    }
}
