//! The health rules as pure functions: the numbers a project's data gives ([`Inputs`]) and the
//! thresholds ([`HealthSettings`]) in, one rating per area with its reasons out. Each reason is a
//! sentence carrying the number and the threshold it crossed ("SPI 0.84 < 0.90 → schedule amber").
//! docs/health.md states every rule.

use super::settings::HealthSettings;
use super::{Area, Rag};

/// What the rules read, gathered from the file by `Workspace::project_health`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    /// EV / PV as of today; None with the budget area's reason when PV = 0.
    pub spi: Option<f64>,
    /// EV / AC as of today; None when no cost has been recorded.
    pub cpi: Option<f64>,
    /// Budget at completion (minor units); 0 = no budget on the plan.
    pub bac: i64,
    /// Earned value (minor units); 0 = no progress recorded on the plan's tasks.
    pub ev: i64,
    /// BAC − EAC (minor units); None while EAC cannot be computed.
    pub vac: Option<i64>,
    /// Calendar days the forecast finish lies after the latest baseline's; None: no baseline.
    pub slip_days: Option<i64>,
    /// Unfinished milestones whose date has passed.
    pub overdue_milestones: Vec<String>,
    /// Open work items past their due date.
    pub overdue_items: i64,
    /// Change requests proposed and not decided.
    pub proposed_changes: i64,
    /// Change requests approved and not implemented yet.
    pub approved_changes: i64,
    /// Deliverables the customer rejected.
    pub rejected_deliverables: Vec<String>,
    /// Pending deliverables past their due date.
    pub overdue_deliverables: Vec<String>,
    /// Open (open or monitoring) risks: (title, score = probability × impact).
    pub open_risks: Vec<(String, i64)>,
    /// Open risks whose review date has passed.
    pub risks_review_overdue: i64,
    /// Open or in-progress issues of priority critical, and of priority high.
    pub critical_issues: Vec<String>,
    pub high_issues: Vec<String>,
    /// Every risk of the project, any status (none recorded = not enough data).
    pub risks_recorded: i64,
}

/// A risk score at or above this is critical.
pub const CRITICAL_SCORE: i64 = 20;
/// A risk score at or above this (and below critical) is high.
pub const HIGH_SCORE: i64 = 10;

/// One area's computed rating.
#[derive(Debug, Clone, PartialEq)]
pub struct Rated {
    pub area: Area,
    pub rag: Rag,
    pub reasons: Vec<String>,
    /// True when the data to judge the area is missing (the rating is then green).
    pub not_enough_data: bool,
}

struct Rater {
    area: Area,
    rag: Rag,
    reasons: Vec<String>,
    missing: usize,
    measured: usize,
}

impl Rater {
    fn new(area: Area) -> Rater {
        Rater {
            area,
            rag: Rag::Green,
            reasons: Vec::new(),
            missing: 0,
            measured: 0,
        }
    }
    fn flag(&mut self, rag: Rag, reason: String) {
        self.rag = self.rag.max(rag);
        self.measured += 1;
        self.reasons.push(reason);
    }
    fn fine(&mut self, reason: String) {
        self.measured += 1;
        self.reasons.push(reason);
    }
    fn missing(&mut self, reason: String) {
        self.missing += 1;
        self.reasons.push(reason);
    }
    fn done(self) -> Rated {
        Rated {
            area: self.area,
            rag: self.rag,
            reasons: self.reasons,
            not_enough_data: self.measured == 0 && self.missing > 0,
        }
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn names(list: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = list
        .iter()
        .take(SHOWN)
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > SHOWN {
        text += &format!(" and {} more", list.len() - SHOWN);
    }
    text
}

/// Two decimals, as shown: the rule compares what the manager reads.
pub fn two_decimals(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Lower is worse (SPI, CPI): below red → red, below amber → amber. Compared at two decimals.
fn rate_index(r: &mut Rater, label: &str, value: f64, amber: f64, red: f64) {
    let area = r.area.as_str();
    let value = two_decimals(value);
    if value < red {
        r.flag(Rag::Red, format!("{label} {value:.2} < {red:.2} → {area} red"));
    } else if value < amber {
        r.flag(Rag::Amber, format!("{label} {value:.2} < {amber:.2} → {area} amber"));
    } else {
        r.fine(format!("{label} {value:.2} ≥ {amber:.2}"));
    }
}

pub fn schedule(i: &Inputs, s: &HealthSettings) -> Rated {
    let mut r = Rater::new(Area::Schedule);
    match i.spi {
        Some(_) if i.ev == 0 => {
            r.missing("Not enough data for SPI: no progress is recorded on the plan yet (EV = 0)".into())
        }
        Some(spi) => rate_index(&mut r, "SPI", spi, s.spi_amber, s.spi_red),
        None => r.missing("Not enough data for SPI: no work was planned by today (PV = 0)".into()),
    }
    match i.slip_days {
        Some(d) if d >= s.slip_red_days => r.flag(
            Rag::Red,
            format!(
                "Finish {} after the baseline ≥ {} → schedule red",
                plural(d, "day", "days"),
                s.slip_red_days
            ),
        ),
        Some(d) if d >= s.slip_amber_days => r.flag(
            Rag::Amber,
            format!(
                "Finish {} after the baseline ≥ {} → schedule amber",
                plural(d, "day", "days"),
                s.slip_amber_days
            ),
        ),
        Some(d) if d > 0 => r.fine(format!("Finish {} after the baseline", plural(d, "day", "days"))),
        Some(_) => r.fine("Finish on or before the baseline".into()),
        None => r.missing("Not enough data for the finish: no baseline is saved".into()),
    }
    let late = i.overdue_milestones.len() as i64;
    if late >= 2 {
        r.flag(
            Rag::Red,
            format!(
                "{} overdue ({}) → schedule red",
                plural(late, "milestone", "milestones"),
                names(&i.overdue_milestones)
            ),
        );
    } else if late == 1 {
        r.flag(
            Rag::Amber,
            format!("Milestone {} overdue → schedule amber", names(&i.overdue_milestones)),
        );
    }
    if i.overdue_items >= s.overdue_items_red {
        r.flag(
            Rag::Red,
            format!(
                "{} overdue ≥ {} → schedule red",
                plural(i.overdue_items, "item", "items"),
                s.overdue_items_red
            ),
        );
    } else if i.overdue_items > 0 {
        r.flag(
            Rag::Amber,
            format!("{} overdue → schedule amber", plural(i.overdue_items, "item", "items")),
        );
    }
    r.done()
}

pub fn budget(i: &Inputs, s: &HealthSettings) -> Rated {
    let mut r = Rater::new(Area::Budget);
    if i.bac == 0 {
        r.missing("Not enough data: the plan has no budget (BAC = 0)".into());
        return r.done();
    }
    match i.cpi {
        Some(_) if i.ev == 0 => {
            r.missing("Not enough data for CPI: no progress is recorded on the plan yet (EV = 0)".into())
        }
        Some(cpi) => rate_index(&mut r, "CPI", cpi, s.cpi_amber, s.cpi_red),
        None => r.missing("Not enough data for CPI: no cost has been recorded yet".into()),
    }
    if let Some(vac) = i.vac.filter(|_| i.ev > 0) {
        let overrun = -(vac as f64) * 100.0 / i.bac as f64;
        if overrun >= s.overrun_red_pct {
            r.flag(
                Rag::Red,
                format!(
                    "Forecast overrun {overrun:.1} % of BAC ≥ {:.1} % → budget red",
                    s.overrun_red_pct
                ),
            );
        } else if overrun >= s.overrun_amber_pct {
            r.flag(
                Rag::Amber,
                format!(
                    "Forecast overrun {overrun:.1} % of BAC ≥ {:.1} % → budget amber",
                    s.overrun_amber_pct
                ),
            );
        } else if overrun > 0.0 {
            r.fine(format!("Forecast overrun {overrun:.1} % of BAC"));
        } else {
            r.fine("Forecast within the budget (EAC ≤ BAC)".into());
        }
    }
    r.done()
}

pub fn scope(i: &Inputs, s: &HealthSettings) -> Rated {
    let mut r = Rater::new(Area::Scope);
    let open = i.proposed_changes + i.approved_changes;
    let detail = format!(
        "{} ({} proposed, {} approved not implemented)",
        plural(open, "open change request", "open change requests"),
        i.proposed_changes,
        i.approved_changes
    );
    if open >= s.open_changes_red {
        r.flag(Rag::Red, format!("{detail} ≥ {} → scope red", s.open_changes_red));
    } else if open >= s.open_changes_amber {
        r.flag(Rag::Amber, format!("{detail} ≥ {} → scope amber", s.open_changes_amber));
    } else {
        r.fine(if open == 0 {
            "No open change requests".into()
        } else {
            detail
        });
    }
    let rejected = i.rejected_deliverables.len() as i64;
    if rejected > 0 {
        r.flag(
            Rag::Red,
            format!(
                "{} rejected ({}) → scope red",
                plural(rejected, "deliverable", "deliverables"),
                names(&i.rejected_deliverables)
            ),
        );
    }
    let late = i.overdue_deliverables.len() as i64;
    if late > 0 {
        r.flag(
            Rag::Amber,
            format!(
                "{} overdue for acceptance ({}) → scope amber",
                plural(late, "deliverable", "deliverables"),
                names(&i.overdue_deliverables)
            ),
        );
    }
    r.done()
}

pub fn risk(i: &Inputs, s: &HealthSettings) -> Rated {
    let mut r = Rater::new(Area::Risk);
    let critical: Vec<&(String, i64)> = i.open_risks.iter().filter(|(_, sc)| *sc >= CRITICAL_SCORE).collect();
    let high: Vec<&(String, i64)> = i
        .open_risks
        .iter()
        .filter(|(_, sc)| (HIGH_SCORE..CRITICAL_SCORE).contains(sc))
        .collect();
    if i.risks_recorded == 0 && i.critical_issues.is_empty() && i.high_issues.is_empty() {
        r.missing("Not enough data: no risks are recorded".into());
        return r.done();
    }
    if let Some((title, score)) = critical.first() {
        r.flag(
            Rag::Red,
            format!(
                "{} (top \"{title}\" score {score} ≥ {CRITICAL_SCORE}) → risk red",
                plural(critical.len() as i64, "critical open risk", "critical open risks")
            ),
        );
    }
    let n_high = high.len() as i64;
    if n_high >= s.high_risks_red {
        r.flag(
            Rag::Red,
            format!(
                "{} (score {HIGH_SCORE}–{}) ≥ {} → risk red",
                plural(n_high, "high open risk", "high open risks"),
                CRITICAL_SCORE - 1,
                s.high_risks_red
            ),
        );
    } else if n_high > 0 {
        r.flag(
            Rag::Amber,
            format!(
                "{} (score {HIGH_SCORE}–{}) → risk amber",
                plural(n_high, "high open risk", "high open risks"),
                CRITICAL_SCORE - 1
            ),
        );
    }
    if critical.is_empty() && high.is_empty() {
        r.fine(format!(
            "{}, none scoring {HIGH_SCORE} or more",
            plural(i.open_risks.len() as i64, "open risk", "open risks")
        ));
    }
    if i.risks_review_overdue > 0 {
        r.flag(
            Rag::Amber,
            format!(
                "{} overdue for review → risk amber",
                plural(i.risks_review_overdue, "risk", "risks")
            ),
        );
    }
    if !i.critical_issues.is_empty() {
        r.flag(
            Rag::Red,
            format!(
                "{} open ({}) → risk red",
                plural(i.critical_issues.len() as i64, "critical issue", "critical issues"),
                names(&i.critical_issues)
            ),
        );
    }
    if !i.high_issues.is_empty() {
        r.flag(
            Rag::Amber,
            format!(
                "{} open ({}) → risk amber",
                plural(
                    i.high_issues.len() as i64,
                    "high-priority issue",
                    "high-priority issues"
                ),
                names(&i.high_issues)
            ),
        );
    }
    r.done()
}

/// The four areas in their order: scope, schedule, budget, risk.
pub fn rate_areas(i: &Inputs, s: &HealthSettings) -> [Rated; 4] {
    [scope(i, s), schedule(i, s), budget(i, s), risk(i, s)]
}

/// Overall = the worst of the four areas' effective ratings (an override counts as given).
/// `effective` is (area, rating, its first reason) for scope, schedule, budget and risk.
pub fn overall(effective: &[(Area, Rag, String, bool)]) -> Rated {
    let worst = effective.iter().map(|(_, r, _, _)| *r).max().unwrap_or(Rag::Green);
    let mut reasons = Vec::new();
    if worst == Rag::Green {
        if effective.iter().all(|(_, _, _, missing)| *missing) {
            reasons.push("Not enough data in any area: every area is green by default".to_string());
        } else {
            let missing: Vec<&str> = effective.iter().filter(|e| e.3).map(|e| e.0.as_str()).collect();
            reasons.push(if missing.is_empty() {
                "Every area is green → overall green".to_string()
            } else {
                format!(
                    "Every area is green → overall green (not enough data for {})",
                    missing.join(", ")
                )
            });
        }
    } else {
        for (area, rag, why, _) in effective.iter().filter(|(_, r, _, _)| *r == worst) {
            reasons.push(format!(
                "{} {} ({why}) → overall {}",
                capital(area.as_str()),
                rag.as_str(),
                worst.as_str()
            ));
        }
    }
    Rated {
        area: Area::Overall,
        rag: worst,
        reasons,
        not_enough_data: effective.iter().all(|(_, _, _, missing)| *missing),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
