//! The risk report: a project's risk register sorted by score, the 5×5 heat map of its live
//! risks (inherent and residual), the risks due for review and a summary of its issue log.
//! Everything comes from the core's RAID log; this only formats it.

use bridgeplan_core::raid::{IssueStatus, RaidLog, ScoreBand};
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format::{self, date, opt_date};
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    live: usize,
    critical: usize,
    high: usize,
    due_count: usize,
    open_issues: usize,
    /// Rows probability 5 (top) to 1; each row's cells impact 1 to 5.
    heat: Vec<Vec<Cell>>,
    residual_heat: Vec<Vec<Cell>>,
    risks: Vec<RiskRow>,
    due: Vec<DueRow>,
    issues: Vec<IssueRow>,
    issue_counts: Vec<(String, usize)>,
}

#[derive(Serialize)]
struct Cell {
    count: u32,
    band: &'static str,
}

#[derive(Serialize)]
struct RiskRow {
    score: i64,
    band: &'static str,
    title: String,
    statement: String,
    category: String,
    pi: String,
    owner: String,
    response: String,
    residual: String,
    review: String,
    status: String,
    live: bool,
}

#[derive(Serialize)]
struct DueRow {
    title: String,
    score: i64,
    band: &'static str,
    review: String,
    owner: String,
}

#[derive(Serialize)]
struct IssueRow {
    priority: String,
    title: String,
    owner: String,
    due: String,
    status: String,
    overdue: bool,
}

fn heat(cells: &[Vec<u32>]) -> Vec<Vec<Cell>> {
    (1..=5i64)
        .rev()
        .map(|p| {
            (1..=5i64)
                .map(|i| Cell {
                    count: cells[(p - 1) as usize][(i - 1) as usize],
                    band: bridgeplan_core::raid::score_band(p * i).as_str(),
                })
                .collect()
        })
        .collect()
}

fn words(text: &str) -> String {
    let mut s = text.replace('_', " ");
    if let Some(first) = s.get(0..1) {
        let upper = first.to_uppercase();
        s.replace_range(0..1, &upper);
    }
    s
}

fn body(log: &RaidLog) -> Body {
    let live: Vec<_> = log.risks.iter().filter(|r| r.status.is_live()).collect();
    let risks = log
        .risks
        .iter()
        .map(|r| {
            let statement = [r.cause.as_str(), r.event.as_str(), r.effect.as_str()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" → ");
            RiskRow {
                score: r.score,
                band: r.band.as_str(),
                title: r.title.clone(),
                statement,
                category: r.category_label.clone(),
                pi: format!("{} × {}", r.probability, r.impact),
                owner: r.owner_name.clone().unwrap_or_else(|| "–".into()),
                response: r.response.map(|x| words(x.as_str())).unwrap_or_else(|| "–".into()),
                residual: r.residual_score.map(|s| s.to_string()).unwrap_or_else(|| "–".into()),
                review: opt_date(r.review_date),
                status: words(r.status.as_str()),
                live: r.status.is_live(),
            }
        })
        .collect();
    let due = log
        .risks
        .iter()
        .filter(|r| r.due_for_review)
        .map(|r| DueRow {
            title: r.title.clone(),
            score: r.score,
            band: r.band.as_str(),
            review: r.review_date.map(date).unwrap_or_default(),
            owner: r.owner_name.clone().unwrap_or_else(|| "–".into()),
        })
        .collect::<Vec<_>>();
    let issue_counts = [
        IssueStatus::Open,
        IssueStatus::InProgress,
        IssueStatus::Resolved,
        IssueStatus::Closed,
    ]
    .iter()
    .map(|s| (words(s.as_str()), log.issues.iter().filter(|i| i.status == *s).count()))
    .collect();
    Body {
        live: live.len(),
        critical: live.iter().filter(|r| r.band == ScoreBand::Critical).count(),
        high: live.iter().filter(|r| r.band == ScoreBand::High).count(),
        due_count: due.len(),
        open_issues: log.issues.iter().filter(|i| i.status.is_open()).count(),
        heat: heat(&log.heat_map.cells),
        residual_heat: heat(&log.residual_heat_map.cells),
        risks,
        due,
        issues: log
            .issues
            .iter()
            .map(|i| IssueRow {
                priority: words(i.priority.as_str()),
                title: i.title.clone(),
                owner: i.owner_name.clone().unwrap_or_else(|| "–".into()),
                due: opt_date(i.due_date),
                status: words(i.status.as_str()),
                overdue: i.overdue,
            })
            .collect(),
        issue_counts,
    }
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked.project.as_ref().expect("a risk report is about one project");
    let log = ws.raid_log(project.id)?;
    let meta = format::meta(checked, project.name.clone(), project.manager.clone());
    crate::data(meta, body(&log))
}
