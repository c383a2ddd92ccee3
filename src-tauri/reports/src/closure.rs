//! The closure report: a project's outcomes against its baseline (start, finish, duration, work
//! and cost), its budget against actual cost and the estimate at completion, the deliverables
//! accepted, how many changes were requested, and the lessons learned. Figures come from the
//! core (lessons::closure, budget, scope); this only formats them.

use bridgeplan_core::lessons::closure::{ClosureOutcome, PlanFigures};
use bridgeplan_core::lessons::{Lesson, LessonKind};
use bridgeplan_core::scope::changes::ChangeStatus;
use bridgeplan_core::scope::Acceptance;
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format::{self, date, money, number};
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    baseline: Option<String>,
    outcomes: Vec<Outcome>,
    budget: String,
    actual: String,
    eac: String,
    vac: String,
    over_budget: bool,
    eac_over: bool,
    cpi: String,
    spi: String,
    eac_rule: String,
    deliverables: Vec<DeliverableRow>,
    accepted: usize,
    changes_total: usize,
    changes_approved: usize,
    changes_rejected: usize,
    changes_open: usize,
    went_well: Vec<LessonRow>,
    improve: Vec<LessonRow>,
}

/// One row of the outcomes table: planned, actual or forecast, and the difference.
#[derive(Serialize)]
struct Outcome {
    measure: &'static str,
    planned: String,
    current: String,
    variance: String,
    /// "good", "bad" or "".
    tone: &'static str,
}

#[derive(Serialize)]
struct DeliverableRow {
    title: String,
    acceptance: &'static str,
    accepted: bool,
}

#[derive(Serialize)]
struct LessonRow {
    title: String,
    phase: String,
    what_happened: String,
    impact: String,
    recommendation: String,
    tags: String,
    recorded: String,
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked.project.as_ref().expect("a closure report is about one project");
    let outcome = ws.closure_outcome(project.id)?;
    let summary = ws.cost_summary(project.id, None, None)?;
    let ev = ws.earned_value(project.id, checked.today)?;
    let scope = ws.project_scope(project.id)?;
    let lessons = ws
        .lessons()?
        .into_iter()
        .filter(|l| l.project_id == Some(project.id))
        .collect::<Vec<_>>();
    let meta = format::meta(checked, project.name.clone(), project.manager.clone());

    let cur = summary.currency.as_str();
    let f = &ev.figures;
    let deliverables: Vec<DeliverableRow> = scope
        .deliverables
        .iter()
        .map(|d| DeliverableRow {
            title: d.title.clone(),
            acceptance: match d.acceptance {
                Acceptance::Accepted => "Accepted",
                Acceptance::Rejected => "Rejected",
                Acceptance::Pending => "Pending",
            },
            accepted: d.acceptance == Acceptance::Accepted,
        })
        .collect();
    let count = |statuses: &[ChangeStatus]| scope.changes.iter().filter(|c| statuses.contains(&c.status)).count();
    let rows = |kind: LessonKind| lessons.iter().filter(|l| l.kind == kind).map(lesson_row).collect();
    let body = Body {
        baseline: outcome.baseline.clone(),
        outcomes: outcomes(&outcome),
        budget: money(summary.budget_minor, cur),
        actual: money(summary.actual_minor, cur),
        eac: f.eac.map(|v| money(v, cur)).unwrap_or_else(|| "–".into()),
        vac: f.vac.map(|v| money(v, cur)).unwrap_or_else(|| "–".into()),
        over_budget: summary.actual_minor > summary.budget_minor,
        eac_over: f.eac.is_some_and(|e| e > f.bac),
        cpi: f.cpi.map(|r| format!("{r:.2}")).unwrap_or_else(|| "–".into()),
        spi: f.spi.map(|r| format!("{r:.2}")).unwrap_or_else(|| "–".into()),
        eac_rule: ev.eac_rule.clone(),
        accepted: deliverables.iter().filter(|d| d.accepted).count(),
        deliverables,
        changes_total: scope.changes.len(),
        changes_approved: count(&[ChangeStatus::Approved, ChangeStatus::Implemented]),
        changes_rejected: count(&[ChangeStatus::Rejected]),
        changes_open: count(&[ChangeStatus::Proposed]),
        went_well: rows(LessonKind::WentWell),
        improve: rows(LessonKind::Improve),
    };
    crate::data(meta, body)
}

fn lesson_row(l: &Lesson) -> LessonRow {
    LessonRow {
        title: l.title.clone(),
        phase: l.phase.map(|p| p.label().to_string()).unwrap_or_default(),
        what_happened: l.what_happened.clone(),
        impact: l.impact.clone(),
        recommendation: l.recommendation.clone(),
        tags: l.tags.join(", "),
        recorded: if l.recorded_by.is_empty() {
            date(l.recorded_on)
        } else {
            format!("{}, {}", l.recorded_by, date(l.recorded_on))
        },
    }
}

fn signed_days(d: i64) -> (String, &'static str) {
    match d {
        0 => ("on plan".into(), "good"),
        d if d > 0 => (format!("{d} day{} later", if d == 1 { "" } else { "s" }), "bad"),
        d => (format!("{} day{} earlier", -d, if d == -1 { "" } else { "s" }), "good"),
    }
}

fn outcomes(o: &ClosureOutcome) -> Vec<Outcome> {
    let cur = o.currency.as_str();
    let empty = PlanFigures {
        start: None,
        finish: None,
        duration_days: None,
        work_hours: 0.0,
        cost_minor: 0,
    };
    let p = o.planned.as_ref().unwrap_or(&empty);
    let c = &o.current;
    let day = |d: Option<chrono::NaiveDateTime>| format::opt_date(d.map(|d| d.date()));
    let no_baseline = o.planned.is_none();
    let dated = |a: Option<chrono::NaiveDateTime>, b: Option<chrono::NaiveDateTime>| match (a, b) {
        (Some(a), Some(b)) if !no_baseline => signed_days((b.date() - a.date()).num_days()),
        _ => ("–".into(), ""),
    };
    let (start_var, start_tone) = dated(p.start, c.start);
    let (finish_var, finish_tone) = dated(p.finish, c.finish);
    let (duration_var, duration_tone) = match (p.duration_days, c.duration_days) {
        (Some(a), Some(b)) if !no_baseline => {
            let (text, tone) = signed_days(b - a);
            (text.replace("later", "longer").replace("earlier", "shorter"), tone)
        }
        _ => ("–".into(), ""),
    };
    let pct = |plan: f64, now: f64| -> (String, &'static str) {
        if no_baseline || plan <= 0.0 {
            return ("–".into(), "");
        }
        let change = (now - plan) / plan * 100.0;
        let tone = if change > 0.5 { "bad" } else { "good" };
        (
            format!("{}{} %", if change > 0.0 { "+" } else { "" }, number(change)),
            tone,
        )
    };
    let (work_var, work_tone) = pct(p.work_hours, c.work_hours);
    let (cost_var, cost_tone) = pct(p.cost_minor as f64, c.cost_minor as f64);
    let plan_or_dash = |text: String| if no_baseline { "–".to_string() } else { text };
    vec![
        Outcome {
            measure: "Start",
            planned: plan_or_dash(day(p.start)),
            current: day(c.start),
            variance: start_var,
            tone: start_tone,
        },
        Outcome {
            measure: "Finish",
            planned: plan_or_dash(day(p.finish)),
            current: day(c.finish),
            variance: finish_var,
            tone: finish_tone,
        },
        Outcome {
            measure: "Duration (calendar days)",
            planned: plan_or_dash(p.duration_days.map(|d| d.to_string()).unwrap_or_else(|| "–".into())),
            current: c.duration_days.map(|d| d.to_string()).unwrap_or_else(|| "–".into()),
            variance: duration_var,
            tone: duration_tone,
        },
        Outcome {
            measure: "Work (hours)",
            planned: plan_or_dash(number(p.work_hours)),
            current: number(c.work_hours),
            variance: work_var,
            tone: work_tone,
        },
        Outcome {
            measure: "Cost of the plan",
            planned: plan_or_dash(money(p.cost_minor, cur)),
            current: money(c.cost_minor, cur),
            variance: cost_var,
            tone: cost_tone,
        },
    ]
}
