//! The status report: for one project or every project of the workspace, where things stand
//! and what comes next.

use std::collections::{HashMap, HashSet};

use bridgeplan_core::health::Rag;
use bridgeplan_core::plan::schedule::Calendar;
use bridgeplan_core::plan::timeline::ProjectSchedule;
use bridgeplan_core::work::board::Board;
use bridgeplan_core::work::items::WorkItem;
use bridgeplan_core::work::projects::{Methodology, Project};
use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::Workspace;
use chrono::NaiveDate;
use serde::Serialize;

use crate::format::{self, date, opt_date};
use crate::request::Checked;
use crate::{Meta, Result};

/// Days before the period's end that the report looks back over when no start is given.
const DEFAULT_PERIOD_DAYS: i64 = 14;
const NEXT_STEPS: usize = 6;
const CRITICAL_LISTED: usize = 8;

#[derive(Serialize)]
struct Body {
    /// One row per project, for the portfolio overview; empty for a single project.
    overview: Vec<OverviewRow>,
    projects: Vec<ProjectStatus>,
}

#[derive(Serialize)]
struct OverviewRow {
    name: String,
    methodology: &'static str,
    manager: String,
    percent_done: u32,
    finish: String,
    variance: String,
    overdue: usize,
    blocked: usize,
    health: Health,
}

/// The core's rating in force (green, amber, red): the same rule as the app and the CLI.
type Health = Rag;

/// One area's rating for the report: in force, computed, the reasons and any override.
#[derive(Serialize)]
struct AreaLine {
    area: &'static str,
    rating: Rag,
    computed: Rag,
    summary: String,
    reasons: Vec<String>,
    overridden: bool,
}

#[derive(Serialize)]
struct ProjectStatus {
    name: String,
    methodology: &'static str,
    manager: String,
    description: String,
    start: String,
    finish: String,
    health: Health,
    /// Why the health is what it is, in a sentence.
    health_reason: String,
    /// Scope, schedule, budget, risk and overall, each with its reasons (core `health`).
    areas: Vec<AreaLine>,
    progress: Progress,
    milestones: Vec<Milestone>,
    critical: Option<Critical>,
    wip: Vec<WipColumn>,
    /// Budget, actual to date, EAC and CPI; none when the project has no budget or cost.
    budget: Option<BudgetLine>,
    overdue: Vec<Line>,
    blocked: Vec<Line>,
    done_in_period: Vec<Line>,
    next_steps: Vec<Line>,
}

#[derive(Serialize)]
struct Progress {
    total: usize,
    done: usize,
    in_progress: usize,
    todo: usize,
    percent_done: u32,
    /// Items per column, in board order.
    columns: Vec<ColumnCount>,
}

#[derive(Serialize)]
struct ColumnCount {
    name: String,
    category: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct Milestone {
    name: String,
    date: String,
    baseline: String,
    variance: String,
    late: bool,
    done: bool,
}

#[derive(Serialize)]
struct Critical {
    finish: String,
    baseline_name: Option<String>,
    baseline_finish: Option<String>,
    finish_variance: Option<String>,
    /// Working days the finish moved since the baseline (positive: later).
    slip_days: Option<f64>,
    late: bool,
    tasks: usize,
    critical_tasks: usize,
    /// The critical tasks not finished yet, in order.
    open: Vec<CriticalTask>,
}

#[derive(Serialize)]
struct CriticalTask {
    wbs: String,
    name: String,
    start: String,
    finish: String,
    resource: String,
}

#[derive(Serialize)]
struct WipColumn {
    name: String,
    count: usize,
    limit: u32,
    over: bool,
}

#[derive(Serialize)]
struct BudgetLine {
    budget: String,
    actual: String,
    eac: String,
    cpi: String,
    /// CPI below 1: spending more than the work done is worth.
    over: bool,
}

/// An item as the report lists it.
#[derive(Serialize)]
struct Line {
    title: String,
    assignee: String,
    status: String,
    /// The date that matters for the list: due, finished, or scheduled finish.
    date: String,
    note: String,
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let to = checked.to.unwrap_or(checked.today);
    let from = checked.from.unwrap_or(to - chrono::Duration::days(DEFAULT_PERIOD_DAYS));
    let projects = match &checked.project {
        Some(p) => vec![p.clone()],
        None => ws.projects()?,
    };
    let statuses = projects
        .iter()
        .map(|p| project_status(ws, p, checked.today, from, to))
        .collect::<Result<Vec<_>>>()?;
    let overview = if checked.project.is_none() {
        statuses.iter().map(overview_row).collect()
    } else {
        Vec::new()
    };
    let (subject, author) = match &checked.project {
        Some(p) => (p.name.clone(), p.manager.clone()),
        None => ("All projects".to_string(), None),
    };
    let mut meta = format::meta(checked, subject, author);
    meta.period = Some(format!("{} – {}", date(from), date(to)));
    let body = Body {
        overview,
        projects: statuses,
    };
    crate::data(meta, body)
}

fn overview_row(p: &ProjectStatus) -> OverviewRow {
    OverviewRow {
        name: p.name.clone(),
        methodology: p.methodology,
        manager: p.manager.clone(),
        percent_done: p.progress.percent_done,
        finish: p.finish.clone(),
        variance: p
            .critical
            .as_ref()
            .and_then(|c| c.finish_variance.clone())
            .unwrap_or_else(|| "–".into()),
        overdue: p.overdue.len(),
        blocked: p.blocked.len(),
        health: p.health,
    }
}

fn methodology_label(m: Methodology) -> &'static str {
    match m {
        Methodology::Kanban => "Kanban",
        Methodology::Scrum => "Scrum",
        Methodology::Waterfall => "Waterfall",
        Methodology::Hybrid => "Hybrid",
    }
}

/// An item counts as blocked in a column named for it, or when tagged so.
fn is_blocked(item: &WorkItem, column: &str) -> bool {
    column.to_lowercase().contains("blocked") || item.tags.iter().any(|t| t.eq_ignore_ascii_case("blocked"))
}

fn project_status(
    ws: &Workspace,
    project: &Project,
    today: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ProjectStatus> {
    let board = ws.board(project.id)?;
    let scheduled = matches!(project.methodology, Methodology::Waterfall | Methodology::Hybrid);
    let baseline = ws.baselines(project.id)?.pop();
    let schedule = if scheduled && project.item_count > 0 {
        Some(ws.project_schedule_against(project.id, baseline.as_ref().map(|b| b.id))?)
    } else {
        None
    };
    let tasks = schedule.iter().flat_map(|s| s.tasks.iter());
    let finish_by_item: HashMap<_, _> = tasks
        .clone()
        .filter(|t| !t.summary)
        .map(|t| (t.item_id, t.finish.date()))
        .collect();
    // Summary tasks roll up their tasks; the lists below name the tasks themselves.
    let summaries: HashSet<_> = tasks.filter(|t| t.summary).map(|t| t.item_id).collect();
    // The date an item is due: its own due date, else its scheduled finish.
    let due = |item: &WorkItem| item.due_date.or_else(|| finish_by_item.get(&item.id).copied());

    let progress = progress(&board);
    let mut overdue = Vec::new();
    let mut blocked = Vec::new();
    let mut upcoming = Vec::new();
    let mut wip = Vec::new();
    for column in &board.columns {
        if let Some(limit) = column.status.wip_limit {
            wip.push(WipColumn {
                name: column.status.name.clone(),
                count: column.items.len(),
                limit,
                over: column.over_limit,
            });
        }
        if column.status.category == StatusCategory::Done {
            continue;
        }
        for item in column.items.iter().filter(|i| !summaries.contains(&i.id)) {
            let line = |date: String, note: String| Line {
                title: item.title.clone(),
                assignee: item.assignee.clone().unwrap_or_default(),
                status: column.status.name.clone(),
                date,
                note,
            };
            if is_blocked(item, &column.status.name) {
                blocked.push(line(opt_date(due(item)), String::new()));
            }
            match due(item) {
                Some(d) if d < today => {
                    let days = (today - d).num_days();
                    overdue.push((
                        d,
                        line(
                            date(d),
                            format!("{days} day{} overdue", if days == 1 { "" } else { "s" }),
                        ),
                    ));
                }
                Some(d) => upcoming.push((d, line(date(d), String::new()))),
                None => {}
            }
        }
    }
    overdue.sort_by_key(|(d, _)| *d);
    upcoming.sort_by_key(|(d, _)| *d);

    let done_on: HashMap<_, _> = ws
        .flow_times(project.id)?
        .items
        .into_iter()
        .map(|f| (f.item_id, f.done_on))
        .collect();
    let mut done_in_period: Vec<(NaiveDate, Line)> = board
        .columns
        .iter()
        .filter(|c| c.status.category == StatusCategory::Done)
        .flat_map(|c| c.items.iter().map(move |i| (c, i)))
        .filter_map(|(c, i)| {
            let d = *done_on.get(&i.id)?;
            (d >= from && d <= to).then(|| {
                (
                    d,
                    Line {
                        title: i.title.clone(),
                        assignee: i.assignee.clone().unwrap_or_default(),
                        status: c.status.name.clone(),
                        date: date(d),
                        note: String::new(),
                    },
                )
            })
        })
        .collect();
    done_in_period.sort_by_key(|(d, _)| std::cmp::Reverse(*d));

    let (milestones, critical) = match &schedule {
        Some(s) => {
            let calendar = ws.project_calendar(project.id)?;
            (
                milestones(s, &calendar),
                Some(critical(s, &calendar, baseline.as_ref().map(|b| b.name.clone()))),
            )
        }
        None => (Vec::new(), None),
    };
    let project_health = ws.project_health(project.id, today)?;
    let health = project_health.overall.rag;
    let health_reason = project_health.overall.reason.clone();
    let areas = project_health
        .areas
        .iter()
        .map(|a| AreaLine {
            area: a.area.as_str(),
            rating: a.rag,
            computed: a.computed,
            summary: a.summary.clone(),
            reasons: a.reasons.clone(),
            overridden: a.override_.is_some(),
        })
        .collect();
    let (start, finish) = match &schedule {
        Some(s) => (date(s.start.date()), date(s.finish.date())),
        None => (opt_date(project.start_date), opt_date(project.finish_date)),
    };
    Ok(ProjectStatus {
        name: project.name.clone(),
        methodology: methodology_label(project.methodology),
        manager: project.manager.clone().unwrap_or_default(),
        description: project.description.clone(),
        start,
        finish,
        health,
        health_reason,
        areas,
        progress,
        milestones,
        critical,
        wip,
        budget: budget_line(ws, project, today)?,
        overdue: overdue.into_iter().map(|(_, l)| l).collect(),
        blocked,
        done_in_period: done_in_period.into_iter().map(|(_, l)| l).collect(),
        next_steps: upcoming.into_iter().take(NEXT_STEPS).map(|(_, l)| l).collect(),
    })
}

/// The budget line from the budget module: total budget, actual to date, EAC (BAC / CPI)
/// and CPI as of today.
fn budget_line(ws: &Workspace, project: &Project, today: NaiveDate) -> Result<Option<BudgetLine>> {
    let summary = ws.cost_summary(project.id, None, None)?;
    if summary.budget_minor == 0 && summary.actual_minor == 0 {
        return Ok(None);
    }
    let figures = ws.earned_value(project.id, today)?.figures;
    let cur = summary.currency.as_str();
    Ok(Some(BudgetLine {
        budget: format::money(summary.budget_minor, cur),
        actual: format::money(summary.actual_minor, cur),
        eac: figures.eac.map(|v| format::money(v, cur)).unwrap_or_else(|| "–".into()),
        cpi: figures.cpi.map(|c| format!("{c:.2}")).unwrap_or_else(|| "–".into()),
        over: figures.cpi.is_some_and(|c| c < 1.0),
    }))
}

fn progress(board: &Board) -> Progress {
    let count = |cat| {
        board
            .columns
            .iter()
            .filter(|c| c.status.category == cat)
            .map(|c| c.items.len())
            .sum::<usize>()
    };
    let (todo, in_progress, done) = (
        count(StatusCategory::Todo),
        count(StatusCategory::InProgress),
        count(StatusCategory::Done),
    );
    let total = todo + in_progress + done;
    Progress {
        total,
        done,
        in_progress,
        todo,
        percent_done: if total == 0 {
            0
        } else {
            ((done as f64 / total as f64) * 100.0).round() as u32
        },
        columns: board
            .columns
            .iter()
            .map(|c| ColumnCount {
                name: c.status.name.clone(),
                category: c.status.category.as_str(),
                count: c.items.len(),
            })
            .collect(),
    }
}

fn milestones(s: &ProjectSchedule, calendar: &Calendar) -> Vec<Milestone> {
    s.tasks
        .iter()
        .filter(|t| t.milestone)
        .map(|t| {
            let slip = t.baseline_finish.map(|b| format::slip_days(calendar, b, t.finish));
            Milestone {
                name: t.name.clone(),
                date: date(t.finish.date()),
                baseline: t.baseline_finish.map(|b| date(b.date())).unwrap_or_else(|| "–".into()),
                variance: slip.map(format::variance_days).unwrap_or_else(|| "no baseline".into()),
                late: slip.is_some_and(|d| d >= 1.0),
                done: t.percent_complete >= 100.0,
            }
        })
        .collect()
}

fn critical(s: &ProjectSchedule, calendar: &Calendar, baseline_name: Option<String>) -> Critical {
    let leaves: Vec<_> = s.tasks.iter().filter(|t| !t.summary).collect();
    let baseline_finish = s.tasks.iter().filter_map(|t| t.baseline_finish).max();
    let slip = baseline_finish.map(|b| format::slip_days(calendar, b, s.finish));
    Critical {
        finish: date(s.finish.date()),
        baseline_finish: baseline_finish.map(|b| date(b.date())),
        finish_variance: slip.map(format::variance_days),
        slip_days: slip,
        late: slip.is_some_and(|d| d >= 1.0),
        baseline_name,
        tasks: leaves.len(),
        critical_tasks: leaves.iter().filter(|t| t.critical).count(),
        open: leaves
            .iter()
            .filter(|t| t.critical && t.percent_complete < 100.0)
            .take(CRITICAL_LISTED)
            .map(|t| CriticalTask {
                wbs: t.wbs.clone(),
                name: t.name.clone(),
                start: date(t.start.date()),
                finish: date(t.finish.date()),
                resource: t.resource.clone().unwrap_or_default(),
            })
            .collect(),
    }
}
