//! The budget report: a project's budget by category against actual cost, its earned value
//! with the S-curve and forecast, and its change requests. Figures come from the core's budget
//! module; this only formats them.

use bridgeplan_core::budget::{CostSummary, EarnedValue, SCurve};
use bridgeplan_core::scope::changes::ChangeRequest;
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format::{self, date, money};
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    as_of: String,
    currency: String,
    budget: String,
    actual: String,
    remaining: String,
    over_budget: bool,
    categories: Vec<Category>,
    /// The largest of budget and actual over the categories, in thousands, for the bars' scale.
    bar_top: f64,
    evm: Vec<Figure>,
    headline: Headline,
    basis: String,
    eac_rule: String,
    accrual_rule: String,
    unavailable: Vec<String>,
    curve: Curve,
    change_requests: Vec<ChangeRow>,
}

#[derive(Serialize)]
struct Category {
    label: String,
    budget: String,
    actual: String,
    remaining: String,
    /// Actual as a share of budget, "–" without a budget.
    used: String,
    over: bool,
    /// In thousands of the currency, for the bars.
    budget_k: f64,
    actual_k: f64,
}

/// One earned-value figure with what it is.
#[derive(Serialize)]
struct Figure {
    name: &'static str,
    value: String,
    meaning: &'static str,
    /// "good", "bad" or "" (neutral), for its colour.
    tone: &'static str,
}

#[derive(Serialize)]
struct Headline {
    bac: String,
    eac: String,
    cpi: String,
    spi: String,
    vac: String,
    cpi_tone: &'static str,
    spi_tone: &'static str,
    vac_tone: &'static str,
    forecast_finish: String,
    planned_finish: String,
}

/// The S-curve in thousands of the currency; `none` where a line has no value.
#[derive(Serialize)]
struct Curve {
    points: Vec<CurvePoint>,
    top: f64,
    /// The index of the status date's point, for its marker.
    status_index: Option<usize>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct CurvePoint {
    label: String,
    pv: f64,
    ev: Option<f64>,
    ac: Option<f64>,
    forecast: Option<f64>,
}

#[derive(Serialize)]
struct ChangeRow {
    reference: String,
    title: String,
    status: String,
    schedule: String,
    cost: String,
    decision: String,
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked.project.as_ref().expect("a budget report is about one project");
    let summary = ws.cost_summary(project.id, None, None)?;
    let curve = ws.s_curve(project.id, checked.today)?;
    let changes = ws.change_requests(project.id)?;
    let meta = format::meta(checked, project.name.clone(), project.manager.clone());
    crate::data(meta, body(&summary, &curve, &changes))
}

fn thousands(minor: i64) -> f64 {
    minor as f64 / 100_000.0
}

fn ratio(r: Option<f64>) -> String {
    r.map(|r| format!("{r:.2}")).unwrap_or_else(|| "–".into())
}

/// Above 1 is good (ahead, under budget), below 1 bad: the same tones as the Budget screen.
fn index_tone(r: Option<f64>) -> &'static str {
    match r {
        Some(r) if r > 1.0 => "good",
        Some(r) if r < 1.0 => "bad",
        _ => "",
    }
}

fn sign_tone(v: Option<i64>) -> &'static str {
    match v {
        Some(v) if v < 0 => "bad",
        Some(v) if v > 0 => "good",
        _ => "",
    }
}

fn body(summary: &CostSummary, curve: &SCurve, changes: &[ChangeRequest]) -> Body {
    let cur = summary.currency.as_str();
    let m = |v: i64| money(v, cur);
    let om = |v: Option<i64>| v.map(|v| money(v, cur)).unwrap_or_else(|| "–".into());
    let categories: Vec<Category> = summary
        .categories
        .iter()
        .filter(|c| c.budget_minor != 0 || c.actual_minor != 0)
        .map(|c| Category {
            label: c.label.clone(),
            budget: m(c.budget_minor),
            actual: m(c.actual_minor),
            remaining: m(c.remaining_minor),
            used: if c.budget_minor > 0 {
                format!("{:.0} %", c.actual_minor as f64 / c.budget_minor as f64 * 100.0)
            } else {
                "–".into()
            },
            over: c.remaining_minor < 0,
            budget_k: thousands(c.budget_minor),
            actual_k: thousands(c.actual_minor),
        })
        .collect();
    let bar_top = categories
        .iter()
        .map(|c| c.budget_k.max(c.actual_k))
        .fold(0.0, f64::max);

    let ev: &EarnedValue = &curve.earned_value;
    let f = &ev.figures;
    let evm = vec![
        Figure {
            name: "BAC",
            value: m(f.bac),
            meaning: "Budget at completion",
            tone: "",
        },
        Figure {
            name: "PV",
            value: m(f.pv),
            meaning: "Planned value: the work planned by the status date",
            tone: "",
        },
        Figure {
            name: "EV",
            value: m(f.ev),
            meaning: "Earned value: the budget of the work done",
            tone: "",
        },
        Figure {
            name: "AC",
            value: m(f.ac),
            meaning: "Actual cost to date",
            tone: "",
        },
        Figure {
            name: "SV",
            value: m(f.sv),
            meaning: "Schedule variance = EV − PV (negative: behind)",
            tone: sign_tone(Some(f.sv)),
        },
        Figure {
            name: "CV",
            value: m(f.cv),
            meaning: "Cost variance = EV − AC (negative: over budget)",
            tone: sign_tone(Some(f.cv)),
        },
        Figure {
            name: "SPI",
            value: ratio(f.spi),
            meaning: "Schedule performance index = EV / PV",
            tone: index_tone(f.spi),
        },
        Figure {
            name: "CPI",
            value: ratio(f.cpi),
            meaning: "Cost performance index = EV / AC",
            tone: index_tone(f.cpi),
        },
        Figure {
            name: "EAC",
            value: om(f.eac),
            meaning: "Estimate at completion: EAC = BAC / CPI",
            tone: match f.eac {
                Some(e) if e > f.bac => "bad",
                Some(_) => "good",
                None => "",
            },
        },
        Figure {
            name: "ETC",
            value: om(f.etc),
            meaning: "Estimate to complete = EAC − AC",
            tone: "",
        },
        Figure {
            name: "VAC",
            value: om(f.vac),
            meaning: "Variance at completion = BAC − EAC (negative: overrun)",
            tone: sign_tone(f.vac),
        },
        Figure {
            name: "TCPI",
            value: ratio(f.tcpi),
            meaning: "To-complete index = (BAC − EV) / (BAC − AC): above 1, the rest must be done cheaper",
            tone: match f.tcpi {
                Some(t) if t > 1.0 => "bad",
                Some(_) => "good",
                None => "",
            },
        },
    ];
    let headline = Headline {
        bac: m(f.bac),
        eac: om(f.eac),
        cpi: ratio(f.cpi),
        spi: ratio(f.spi),
        vac: om(f.vac),
        cpi_tone: index_tone(f.cpi),
        spi_tone: index_tone(f.spi),
        vac_tone: sign_tone(f.vac),
        forecast_finish: format::opt_date(ev.forecast_finish),
        planned_finish: format::opt_date(ev.planned_finish.map(|d| d.date())),
    };

    let points: Vec<CurvePoint> = curve
        .points
        .iter()
        .map(|p| CurvePoint {
            label: p.date.format("%-d %b").to_string(),
            pv: thousands(p.pv),
            ev: p.ev.map(thousands),
            ac: p.ac.map(thousands),
            forecast: p.forecast.map(thousands),
        })
        .collect();
    let top = points
        .iter()
        .flat_map(|p| [Some(p.pv), p.ev, p.ac, p.forecast])
        .flatten()
        .fold(0.0, f64::max);
    let status_index = curve.points.iter().position(|p| p.date == ev.as_of);

    Body {
        as_of: date(ev.as_of),
        currency: summary.currency.clone(),
        budget: m(summary.budget_minor),
        actual: m(summary.actual_minor),
        remaining: m(summary.budget_minor - summary.actual_minor),
        over_budget: summary.actual_minor > summary.budget_minor,
        categories,
        bar_top,
        evm,
        headline,
        basis: ev.basis.clone(),
        eac_rule: ev.eac_rule.clone(),
        accrual_rule: ev.accrual_rule.clone(),
        unavailable: f.unavailable.clone(),
        curve: Curve {
            points,
            top,
            status_index,
            notes: curve.notes.clone(),
        },
        change_requests: changes.iter().map(|c| change_row(c, cur)).collect(),
    }
}

fn change_row(c: &ChangeRequest, currency: &str) -> ChangeRow {
    let days = c.schedule_impact_days;
    let schedule = match days {
        0 => "none".to_string(),
        d => format!(
            "{}{d} day{}",
            if d > 0 { "+" } else { "" },
            if d.abs() == 1 { "" } else { "s" }
        ),
    };
    let cost = match c.cost_impact_minor {
        0 => "none".to_string(),
        v if v > 0 => format!("+{}", money(v, currency)),
        v => money(v, currency),
    };
    let mut decision = c.decision.clone();
    if !c.decided_by.is_empty() || c.decided_on.is_some() {
        let on = c.decided_on.map(date);
        let who = [c.decided_by.clone(), on.unwrap_or_default()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        decision = if decision.is_empty() {
            who
        } else {
            format!("{decision} ({who})")
        };
    }
    let status = c.status.label().to_string();
    ChangeRow {
        reference: c.code.clone(),
        title: c.title.clone(),
        status,
        schedule,
        cost,
        decision,
    }
}
