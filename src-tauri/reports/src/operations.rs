//! The operations report: every IT service with its health (stability, uptime, satisfaction),
//! SLA targets, availability against the target month by month (measured and from outages),
//! its incidents with their SLA breaches, satisfaction scores and the projects that change it.

use bridgeplan_core::health::Rag;
use bridgeplan_core::operations::rules::SlaState;
use bridgeplan_core::operations::OpsRating;
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format;
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    month: String,
    services: Vec<ServiceBlock>,
    rules: Vec<&'static str>,
}

#[derive(Serialize)]
struct ServiceBlock {
    name: String,
    description: String,
    owner: String,
    availability_target: String,
    satisfaction_target: String,
    overall: &'static str,
    sides: Vec<Side>,
    sla: Vec<SlaLine>,
    months: Vec<MonthLine>,
    incidents: Vec<IncidentLine>,
    breaches: usize,
    scores: Vec<ScoreLine>,
    projects: Vec<String>,
}

#[derive(Serialize)]
struct Side {
    name: &'static str,
    rag: &'static str,
    reason: String,
}

#[derive(Serialize)]
struct SlaLine {
    severity: String,
    response: String,
    resolution: String,
}

#[derive(Serialize)]
struct MonthLine {
    label: String,
    measured: String,
    computed: String,
    /// The figure the month is judged by is below the target.
    below: bool,
    /// 0–1 height of the bar: the figure on a scale from (target − 2 × allowance) to 100.
    height: f64,
}

#[derive(Serialize)]
struct IncidentLine {
    started: String,
    severity: String,
    title: String,
    cause: String,
    outage: bool,
    response: String,
    resolution: String,
    response_breach: bool,
    resolution_breach: bool,
    state: &'static str,
}

#[derive(Serialize)]
struct ScoreLine {
    month: String,
    score: String,
    below: bool,
}

fn rag(r: Rag) -> &'static str {
    match r {
        Rag::Green => "green",
        Rag::Amber => "amber",
        Rag::Red => "red",
    }
}

fn side(name: &'static str, r: &OpsRating) -> Side {
    Side {
        name,
        rag: rag(r.rag),
        reason: r.reason.clone(),
    }
}

/// 15 min, 4 h, 3 d 2 h.
pub(crate) fn duration(minutes: i64) -> String {
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d} d"));
    }
    if h > 0 {
        parts.push(format!("{h} h"));
    }
    if m > 0 || parts.is_empty() {
        parts.push(format!("{m} min"));
    }
    parts.join(" ")
}

fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.2}"))
}

fn month_label(month: &str) -> String {
    chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map(|d| d.format("%b %y").to_string())
        .unwrap_or_else(|_| month.to_string())
}

fn state(s: SlaState, minutes: i64, target: i64) -> String {
    let taken = duration(minutes);
    match s {
        SlaState::Open => format!("{taken} so far"),
        SlaState::BreachingNow => format!("{taken} so far, over {}", duration(target)),
        _ => taken,
    }
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let dashboard = ws.operations_dashboard()?;
    let mut services = Vec::new();
    for tile in &dashboard.services {
        let d = ws.service_detail(tile.id)?;
        let s = &d.service;
        let floor = (s.availability_target - 2.0 * (100.0 - s.availability_target)).max(0.0) - 0.1;
        let months = d
            .months
            .iter()
            .map(|m| {
                let judged = m.measured.or(m.computed);
                MonthLine {
                    label: month_label(&m.month),
                    measured: pct(m.measured),
                    computed: pct(m.computed),
                    below: judged.is_some_and(|v| v < m.target - 1e-9),
                    height: judged.map_or(0.0, |v| ((v - floor) / (100.0 - floor)).clamp(0.02, 1.0)),
                }
            })
            .collect();
        let incidents: Vec<IncidentLine> = d
            .incidents
            .iter()
            .map(|i| IncidentLine {
                started: i.started_at.replace('T', " "),
                severity: format!("P{}", i.severity),
                title: i.title.clone(),
                cause: i.project_name.clone().unwrap_or_default(),
                outage: i.outage,
                response: state(i.response, i.response_minutes, i.response_target),
                resolution: state(i.resolution, i.resolution_minutes, i.resolution_target),
                response_breach: i.response.is_breach(),
                resolution_breach: i.resolution.is_breach(),
                state: if i.resolved_at.is_some() { "resolved" } else { "open" },
            })
            .collect();
        services.push(ServiceBlock {
            name: s.name.clone(),
            description: s.description.clone(),
            owner: s.owner.clone().unwrap_or_else(|| "no owner".into()),
            availability_target: format!("{} %", format::number(s.availability_target)),
            satisfaction_target: format!("{:.1}", s.satisfaction_target),
            overall: rag(d.health.overall),
            sides: vec![
                side("Stability", &d.health.stability),
                side("Uptime", &d.health.uptime),
                side("Satisfaction", &d.health.satisfaction),
            ],
            sla: s
                .sla
                .iter()
                .map(|t| SlaLine {
                    severity: format!("P{}", t.severity),
                    response: duration(t.response_minutes),
                    resolution: duration(t.resolution_minutes),
                })
                .collect(),
            months,
            breaches: incidents
                .iter()
                .filter(|i| i.response_breach || i.resolution_breach)
                .count(),
            incidents,
            scores: d
                .satisfaction
                .iter()
                .take(12)
                .rev()
                .map(|sc| ScoreLine {
                    month: month_label(&sc.month),
                    score: format!("{:.1}", sc.score),
                    below: sc.score < s.satisfaction_target - 1e-9,
                })
                .collect(),
            projects: d
                .projects
                .iter()
                .map(|p| {
                    if p.note.is_empty() {
                        p.project_name.clone()
                    } else {
                        format!("{} — {}", p.project_name, p.note)
                    }
                })
                .collect(),
        });
    }
    let body = Body {
        month: month_label(&dashboard.month),
        services,
        rules: vec![
            "An SLA target is breached when the response or the resolution took longer than the target for the incident's severity; an open incident already past its target is breaching now.",
            "Availability from outages: the minutes of the month, around the clock (24×7), less the minutes an outage incident was under way; the current month counts up to now.",
            "Stability is red with two or more breaches this month or an open P1, amber with one. Uptime is amber below the target while downtime stays within twice what the target allows, red beyond. Satisfaction is amber up to half a point below the target, red further below.",
        ],
    };
    crate::data(format::meta(checked, "IT services".into(), None), body)
}
