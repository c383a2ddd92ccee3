//! The operations rules, as pure functions of their inputs so each boundary is tested alone:
//! an incident's SLA state, a month's availability computed from outages, and a service's
//! health (stability, uptime, satisfaction). docs/operations.md states each rule.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use crate::health::Rag;

/// Default response and resolution targets in minutes, by severity 1 (critical) … 4 (low).
pub const DEFAULT_SLA: [(u8, i64, i64); 4] = [
    (1, 15, 4 * 60),
    (2, 30, 8 * 60),
    (3, 4 * 60, 3 * 24 * 60),
    (4, 24 * 60, 5 * 24 * 60),
];

/// Where an incident stands against one of its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SlaState {
    /// Done within the target (exactly on the target counts as met).
    Met,
    /// Done, but later than the target.
    Breached,
    /// Not done yet and still within the target.
    Open,
    /// Not done yet and already past the target.
    BreachingNow,
}

impl SlaState {
    pub fn is_breach(self) -> bool {
        matches!(self, SlaState::Breached | SlaState::BreachingNow)
    }
}

/// Minutes from `from` to `to` (whole minutes, rounded down).
pub fn minutes_between(from: NaiveDateTime, to: NaiveDateTime) -> i64 {
    (to - from).num_minutes()
}

/// The state of one target: done at `done` (or not yet), `target` minutes allowed from `started`.
/// Met when the time taken is at most the target; breached when more.
pub fn sla_state(started: NaiveDateTime, done: Option<NaiveDateTime>, target: i64, now: NaiveDateTime) -> SlaState {
    match done {
        Some(done) if minutes_between(started, done) > target => SlaState::Breached,
        Some(_) => SlaState::Met,
        None if minutes_between(started, now) > target => SlaState::BreachingNow,
        None => SlaState::Open,
    }
}

/// The first and the first-after-last day of a calendar month `YYYY-MM`.
pub fn month_bounds(month: &str) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()?;
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
    };
    Some((first, next))
}

pub fn month_of(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// The `count` calendar months ending with the month of `last`, oldest first.
pub fn months_ending(last: NaiveDate, count: usize) -> Vec<String> {
    let mut months = Vec::with_capacity(count);
    let mut day = NaiveDate::from_ymd_opt(last.year(), last.month(), 1).unwrap_or(last);
    for _ in 0..count {
        months.push(month_of(day));
        day = (day - Duration::days(1)).with_day(1).unwrap_or(day);
    }
    months.reverse();
    months
}

/// A month's availability from its outages, 24×7: the minutes of the month (up to `now` for
/// the current month) less the minutes any outage was under way (overlapping outages counted
/// once; an unresolved outage lasts until `now`), as a percentage. Returns the percentage and
/// the downtime minutes; None for a month that has not begun.
pub fn computed_availability(
    month: &str,
    outages: &[(NaiveDateTime, Option<NaiveDateTime>)],
    now: NaiveDateTime,
) -> Option<(f64, i64)> {
    let (first, next) = month_bounds(month)?;
    let start = first.and_hms_opt(0, 0, 0)?;
    let end = next.and_hms_opt(0, 0, 0)?.min(now);
    if end <= start {
        return None;
    }
    let mut spans: Vec<(NaiveDateTime, NaiveDateTime)> = outages
        .iter()
        .map(|(from, to)| ((*from).max(start), to.unwrap_or(now).min(end)))
        .filter(|(from, to)| to > from)
        .collect();
    spans.sort();
    let mut down = 0;
    let mut reach: Option<NaiveDateTime> = None;
    for (from, to) in spans {
        let from = reach.map_or(from, |r| from.max(r));
        if to > from {
            down += minutes_between(from, to);
        }
        reach = Some(reach.map_or(to, |r| r.max(to)));
    }
    let total = minutes_between(start, end);
    if total <= 0 {
        return None;
    }
    let pct = 100.0 * (total - down) as f64 / total as f64;
    Some((pct, down))
}

/// One of the three sides of a service's health, with its reason in a sentence.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct OpsRating {
    pub rag: Rag,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ServiceHealth {
    /// The worst of the three.
    pub overall: Rag,
    /// SLA breaches among this month's incidents, open critical incidents.
    pub stability: OpsRating,
    /// This month's availability against the target.
    pub uptime: OpsRating,
    /// The latest satisfaction score against the target.
    pub satisfaction: OpsRating,
}

/// What the health rules read for a service.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthInput {
    pub availability_target: f64,
    pub satisfaction_target: f64,
    /// This month's availability (measured when recorded, else computed so far).
    pub availability: Option<f64>,
    pub availability_measured: bool,
    /// Incidents started this month that breached a target (or are breaching now).
    pub breaches_this_month: usize,
    pub open_critical: usize,
    /// The latest score of this or last month, and its month.
    pub satisfaction: Option<(f64, String)>,
}

fn pct(v: f64) -> String {
    let text = format!("{v:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} %")
}

/// Stability: red with 2 or more SLA breaches this month or any open severity-1 incident,
/// amber with one breach, green otherwise. Uptime: green at or above the target, amber below it
/// while downtime stays within twice what the target allows, red below that. Satisfaction:
/// green at or above the target, amber within 0.5 below it, red further below; green with no
/// score of this or last month ("no score" is said).
pub fn service_health(input: &HealthInput) -> ServiceHealth {
    let stability = {
        let b = input.breaches_this_month;
        let breaches = match b {
            0 => "No SLA breach this month".to_string(),
            1 => "1 SLA breach this month".to_string(),
            n => format!("{n} SLA breaches this month"),
        };
        let (rag, reason) = if input.open_critical > 0 {
            (
                Rag::Red,
                format!(
                    "{breaches}; {} critical incident{} open",
                    input.open_critical,
                    if input.open_critical == 1 { "" } else { "s" }
                ),
            )
        } else if b >= 2 {
            (Rag::Red, breaches)
        } else if b == 1 {
            (Rag::Amber, breaches)
        } else {
            (Rag::Green, breaches)
        };
        OpsRating { rag, reason }
    };
    let uptime = match input.availability {
        None => OpsRating {
            rag: Rag::Green,
            reason: "No availability figure this month yet".into(),
        },
        Some(a) => {
            let target = input.availability_target;
            let allowed = 100.0 - target;
            let how = if input.availability_measured {
                "measured"
            } else {
                "from outages"
            };
            let rag = if a >= target - 1e-9 {
                Rag::Green
            } else if 100.0 - a <= 2.0 * allowed + 1e-9 {
                Rag::Amber
            } else {
                Rag::Red
            };
            let cmp = if rag == Rag::Green { "≥" } else { "<" };
            OpsRating {
                rag,
                reason: format!("Availability {} ({how}) {cmp} target {}", pct(a), pct(target)),
            }
        }
    };
    let satisfaction = match &input.satisfaction {
        None => OpsRating {
            rag: Rag::Green,
            reason: "No satisfaction score this or last month".into(),
        },
        Some((score, month)) => {
            let target = input.satisfaction_target;
            let rag = if *score >= target - 1e-9 {
                Rag::Green
            } else if *score >= target - 0.5 - 1e-9 {
                Rag::Amber
            } else {
                Rag::Red
            };
            let cmp = if rag == Rag::Green { "≥" } else { "<" };
            OpsRating {
                rag,
                reason: format!("Satisfaction {score:.1} ({month}) {cmp} target {target:.1}"),
            }
        }
    };
    let overall = stability.rag.max(uptime.rag).max(satisfaction.rag);
    ServiceHealth {
        overall,
        stability,
        uptime,
        satisfaction,
    }
}
