//! Earned value: planned value (PV), earned value (EV) and actual cost (AC) of a project as of a
//! status date, and the variances, indices and forecasts from them (PMI, Practice Standard for
//! Earned Value Management; PMBOK Guide 7th ed.). The arithmetic is pure functions on plain
//! numbers ([`figures`], [`planned_fraction`], [`accrue`]) so it is tested without a workspace;
//! [`Workspace::earned_value`] and [`Workspace::s_curve`] feed them from the file.
//!
//! Rules (docs/budget.md): money is integer minor units. PV and EV are summed per task in f64 and
//! rounded once, half away from zero. EAC and its variants are computed exactly from the integer
//! amounts (BAC / CPI = BAC × AC / EV), then rounded half away from zero. Ratios are f64 and
//! rounded only for display. A figure that would divide by zero is `None`, with the reason in
//! `unavailable`.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use super::{div_round, mul_div_round, round_minor};
use crate::plan::calendars::{self, STANDARD_CALENDAR};
use crate::plan::schedule::calendar::{from_minute, to_minute};
use crate::plan::schedule::{Calendar, Minute};
use crate::stamp::parse_stamp;
use crate::{CoreError, Id, Result, Workspace};

/// The earned-value figures from BAC, PV, EV and AC (all minor units).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EvmFigures {
    /// Budget at completion.
    #[ts(type = "number")]
    pub bac: i64,
    #[ts(type = "number")]
    pub pv: i64,
    #[ts(type = "number")]
    pub ev: i64,
    #[ts(type = "number")]
    pub ac: i64,
    /// EV − PV: negative is behind schedule.
    #[ts(type = "number")]
    pub sv: i64,
    /// EV − AC: negative is over budget.
    #[ts(type = "number")]
    pub cv: i64,
    /// EV / PV.
    pub spi: Option<f64>,
    /// EV / AC.
    pub cpi: Option<f64>,
    /// The headline estimate at completion: BAC / CPI (the variance so far is typical).
    #[ts(type = "number | null")]
    pub eac: Option<i64>,
    /// AC + (BAC − EV): the variance so far was a one-off.
    #[ts(type = "number")]
    pub eac_atypical: i64,
    /// AC + (BAC − EV) / (CPI × SPI): cost and schedule pressure both carry on.
    #[ts(type = "number | null")]
    pub eac_combined: Option<i64>,
    /// EAC − AC.
    #[ts(type = "number | null")]
    pub etc: Option<i64>,
    /// BAC − EAC: negative is an expected overrun.
    #[ts(type = "number | null")]
    pub vac: Option<i64>,
    /// (BAC − EV) / (BAC − AC): the cost efficiency the rest of the work needs to end on budget.
    pub tcpi: Option<f64>,
    /// Why a figure is missing, e.g. "CPI: no cost has been recorded yet (AC = 0)".
    pub unavailable: Vec<String>,
}

/// BAC, PV, EV, AC → every other figure. Pure; see the module comment for rounding.
pub fn figures(bac: i64, pv: i64, ev: i64, ac: i64) -> EvmFigures {
    let mut unavailable = Vec::new();
    let spi = if pv == 0 {
        unavailable.push("SPI: no work was planned by this date (PV = 0).".to_string());
        None
    } else {
        Some(ev as f64 / pv as f64)
    };
    let cpi = if ac == 0 {
        unavailable.push("CPI: no cost has been recorded yet (AC = 0).".to_string());
        None
    } else {
        Some(ev as f64 / ac as f64)
    };
    // BAC / CPI = BAC × AC / EV, exactly; undefined while CPI is undefined or zero.
    let eac = if ac == 0 {
        None
    } else if ev == 0 {
        unavailable.push("EAC: nothing has been earned yet (EV = 0), so CPI is 0.".to_string());
        None
    } else {
        mul_div_round(bac, ac, ev)
    };
    if eac.is_none() && ac == 0 {
        unavailable.push("EAC, ETC and VAC: they need CPI.".to_string());
    }
    let eac_atypical = ac + (bac - ev);
    // (BAC − EV) / (CPI × SPI) = (BAC − EV) × AC × PV / EV².
    let eac_combined = if ac == 0 || pv == 0 || ev == 0 {
        None
    } else {
        let n = i128::from(bac - ev)
            .checked_mul(i128::from(ac))
            .and_then(|x| x.checked_mul(i128::from(pv)));
        let d = i128::from(ev) * i128::from(ev);
        Some(match n {
            Some(n) => ac + div_round(n, d) as i64,
            // Beyond i128 (amounts near the limit): the float is then accurate to far below a cent
            // of such a sum.
            None => ac + round_minor((bac - ev) as f64 * ac as f64 * pv as f64 / (ev as f64 * ev as f64)),
        })
    };
    let tcpi = if bac == ac {
        unavailable.push("TCPI: the whole budget has been spent (BAC = AC).".to_string());
        None
    } else {
        Some((bac - ev) as f64 / (bac - ac) as f64)
    };
    EvmFigures {
        bac,
        pv,
        ev,
        ac,
        sv: ev - pv,
        cv: ev - ac,
        spi,
        cpi,
        eac,
        eac_atypical,
        eac_combined,
        etc: eac.map(|e| e - ac),
        vac: eac.map(|e| bac - e),
        tcpi,
        unavailable,
    }
}

/// One task for the accrual: its budget, planned start and finish, and percent complete (0–100).
#[derive(Debug, Clone, Copy)]
pub struct TaskBudget {
    pub bac_minor: i64,
    pub start: Minute,
    pub finish: Minute,
    pub percent_complete: f64,
}

/// The share of a task's planned working time that lies before `status`: 0 before its start, 1
/// after its finish, linear in working time between (so a weekend inside a task earns nothing).
/// A milestone (no working time) counts in full once its date has passed.
pub fn planned_fraction(calendar: &Calendar, start: Minute, finish: Minute, status: Minute) -> f64 {
    if status >= finish {
        return 1.0;
    }
    if status <= start {
        return 0.0;
    }
    let total = calendar.work_between(start, finish);
    if total <= 0 {
        return 0.0;
    }
    (calendar.work_between(start, status) as f64 / total as f64).clamp(0.0, 1.0)
}

/// (BAC, PV, EV) of tasks at `status`.
pub fn accrue(calendar: &Calendar, tasks: &[TaskBudget], status: Minute) -> (i64, i64, i64) {
    let (mut pv, mut ev) = (0.0, 0.0);
    let mut bac = 0;
    for t in tasks {
        bac += t.bac_minor;
        pv += t.bac_minor as f64 * planned_fraction(calendar, t.start, t.finish, status);
        ev += t.bac_minor as f64 * (t.percent_complete.clamp(0.0, 100.0) / 100.0);
    }
    (bac, round_minor(pv), round_minor(ev))
}

/// The status instant of a date: the end of that day.
fn end_of(day: NaiveDate) -> Minute {
    to_minute((day + Duration::days(1)).and_hms_opt(0, 0, 0).unwrap_or_default())
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EarnedValue {
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    /// The status date: figures count everything up to the end of this day.
    pub as_of: NaiveDate,
    pub currency: String,
    /// The baseline the budget and planned dates come from; none: the current schedule.
    pub baseline: Option<String>,
    /// Where BAC and PV come from, in a sentence for the screen.
    pub basis: String,
    pub figures: EvmFigures,
    /// AC split: costs entered, and the staff cost of logged time.
    #[ts(type = "number")]
    pub ac_entered: i64,
    #[ts(type = "number")]
    pub ac_logged_time: i64,
    /// Which EAC is the headline, and how PV accrues.
    pub eac_rule: String,
    pub accrual_rule: String,
    pub planned_start: Option<NaiveDateTime>,
    pub planned_finish: Option<NaiveDateTime>,
    /// Planned finish stretched by 1 / SPI (calendar days from the planned start).
    pub forecast_finish: Option<NaiveDate>,
    pub tasks: usize,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SCurvePoint {
    pub date: NaiveDate,
    #[ts(type = "number")]
    pub pv: i64,
    /// Up to the status date only.
    #[ts(type = "number | null")]
    pub ev: Option<i64>,
    #[ts(type = "number | null")]
    pub ac: Option<i64>,
    /// From the status date on: AC growing to EAC at the forecast finish.
    #[ts(type = "number | null")]
    pub forecast: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SCurve {
    pub earned_value: EarnedValue,
    /// Weekly from the Monday of the planned start, plus the status date, to the later of the
    /// planned and the forecast finish.
    pub points: Vec<SCurvePoint>,
    pub notes: Vec<String>,
}

/// What the earned value is computed from.
struct Basis {
    baseline: Option<String>,
    sentence: String,
    tasks: Vec<TaskBudget>,
}

pub const EAC_RULE: &str = "EAC = BAC / CPI (the cost performance so far is expected to continue). \
Also shown: AC + (BAC − EV) and AC + (BAC − EV) / (CPI × SPI).";
pub const ACCRUAL_RULE: &str = "PV accrues each task's budget linearly over its planned working time \
(weekends and holidays of the project calendar earn nothing); EV = budget × percent complete.";

impl Workspace {
    /// The project calendar, read without building the whole outline.
    fn calendar_of(&self, project_id: Id) -> Result<Calendar> {
        let id: Option<Id> =
            self.conn
                .query_row("SELECT calendar_id FROM projects WHERE id = ?1", [project_id], |r| {
                    r.get(0)
                })?;
        let wanted = [STANDARD_CALENDAR, id.unwrap_or(STANDARD_CALENDAR)].into();
        let (calendars, index) = calendars::load_some(&self.conn, &wanted)?;
        let at = index
            .get(&id.unwrap_or(STANDARD_CALENDAR))
            .or_else(|| index.get(&STANDARD_CALENDAR))
            .copied()
            .unwrap_or(0);
        calendars
            .into_iter()
            .nth(at)
            .map_or_else(|| Ok(Calendar::standard()), Ok)
    }

    /// The tasks (no summaries: their budget is their tasks') with the budget to measure against:
    /// the latest baseline's, or the current schedule's when there is none or it holds no costs.
    fn evm_basis(&self, project_id: Id) -> Result<Basis> {
        let latest: Option<(Id, String)> = self
            .conn
            .query_row(
                "SELECT id, name FROM baselines WHERE project_id = ?1 ORDER BY seq DESC, id DESC LIMIT 1",
                [project_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok();
        let mut reason =
            "No baseline is saved, so the budget and planned dates are the current schedule's.".to_string();
        if let Some((baseline_id, name)) = latest {
            let parents: HashSet<Id> = {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT DISTINCT parent_id FROM work_items WHERE project_id = ?1 AND parent_id IS NOT NULL",
                )?;
                let rows = stmt.query_map([project_id], |r| r.get::<_, Id>(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let mut stmt = self.conn.prepare_cached(
                "SELECT b.item_id, b.start, b.finish, b.cost_minor, w.percent_complete \
                 FROM baseline_tasks b JOIN work_items w ON w.id = b.item_id WHERE b.baseline_id = ?1",
            )?;
            let rows = stmt.query_map([baseline_id], |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, f64>(4)?,
                ))
            })?;
            let parse = |t: &str| {
                parse_stamp(t)
                    .map(to_minute)
                    .ok_or_else(|| CoreError::Damaged("A baseline in this workspace has a damaged date.".into()))
            };
            let mut tasks = Vec::new();
            for row in rows {
                let (item, start, finish, cost, percent) = row?;
                if parents.contains(&item) {
                    continue;
                }
                tasks.push(TaskBudget {
                    bac_minor: cost,
                    start: parse(&start)?,
                    finish: parse(&finish)?,
                    percent_complete: percent,
                });
            }
            if tasks.iter().any(|t| t.bac_minor != 0) {
                return Ok(Basis {
                    sentence: format!("Budget and planned dates from the baseline \"{name}\"."),
                    baseline: Some(name),
                    tasks,
                });
            }
            reason = format!(
                "The baseline \"{name}\" holds no costs (saved before baselines kept them, or the plan had none), \
                 so the budget and planned dates are the current schedule's."
            );
        }
        let schedule = self.project_schedule(project_id)?;
        let tasks = schedule
            .tasks
            .iter()
            .filter(|t| !t.summary)
            .map(|t| TaskBudget {
                bac_minor: t.cost_minor,
                start: to_minute(t.start),
                finish: to_minute(t.finish),
                percent_complete: t.percent_complete,
            })
            .collect();
        Ok(Basis {
            baseline: None,
            sentence: reason,
            tasks,
        })
    }

    /// Earned value of a project as of the end of `as_of`.
    pub fn earned_value(&self, project_id: Id, as_of: NaiveDate) -> Result<EarnedValue> {
        let project = self.project(project_id)?;
        let calendar = self.calendar_of(project_id)?;
        let basis = self.evm_basis(project_id)?;
        self.earned_value_from(project_id, project.name, as_of, &calendar, &basis)
    }

    fn earned_value_from(
        &self,
        project_id: Id,
        project: String,
        as_of: NaiveDate,
        calendar: &Calendar,
        basis: &Basis,
    ) -> Result<EarnedValue> {
        let (bac, pv, ev) = accrue(calendar, &basis.tasks, end_of(as_of));
        let ac_entered: i64 = self
            .entered_costs(project_id, None, Some(as_of))?
            .iter()
            .map(|(_, a)| a)
            .sum();
        let ac_logged_time = self.logged_time_cost(project_id, None, Some(as_of))?;
        let figures = figures(bac, pv, ev, ac_entered + ac_logged_time);
        let planned_start = basis.tasks.iter().map(|t| t.start).min();
        let planned_finish = basis.tasks.iter().map(|t| t.finish).max();
        let forecast_finish = match (planned_start, planned_finish, figures.spi) {
            (Some(s), Some(f), Some(spi)) if spi > 0.0 => {
                let (s, f) = (from_minute(s).date(), from_minute(f).date());
                let days = ((f - s).num_days() as f64 / spi).round() as i64;
                Some(s + Duration::days(days.min(36_500)))
            }
            (_, Some(f), _) => Some(from_minute(f).date()),
            _ => None,
        };
        Ok(EarnedValue {
            project_id,
            project,
            as_of,
            currency: self.currency()?,
            baseline: basis.baseline.clone(),
            basis: basis.sentence.clone(),
            figures,
            ac_entered,
            ac_logged_time,
            eac_rule: EAC_RULE.into(),
            accrual_rule: ACCRUAL_RULE.into(),
            planned_start: planned_start.map(from_minute),
            planned_finish: planned_finish.map(from_minute),
            forecast_finish,
            tasks: basis.tasks.len(),
        })
    }

    /// Cumulative actual cost at the end of each day that has one, up to `to`.
    fn actual_by_day(&self, project_id: Id, to: NaiveDate) -> Result<Vec<(NaiveDate, i64)>> {
        let mut by_day: HashMap<String, i64> = HashMap::new();
        let to_text = to.to_string();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, amount_minor FROM cost_entries WHERE project_id = ?1 AND day <= ?2")?;
        for row in stmt.query_map((project_id, &to_text), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })? {
            let (day, amount) = row?;
            *by_day.entry(day).or_default() += amount;
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.day, t.minutes, p.cost_rate_minor FROM time_entries t \
             JOIN work_items w ON w.id = t.item_id JOIN people p ON p.id = t.person_id \
             WHERE w.project_id = ?1 AND t.day <= ?2",
        )?;
        for row in stmt.query_map((project_id, &to_text), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })? {
            let (day, minutes, rate) = row?;
            *by_day.entry(day).or_default() += crate::time::feeds::entry_cost(minutes, rate);
        }
        let mut days: Vec<(NaiveDate, i64)> = by_day
            .into_iter()
            .filter_map(|(d, a)| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok().map(|d| (d, a)))
            .collect();
        days.sort();
        let mut total = 0;
        for d in &mut days {
            total += d.1;
            d.1 = total;
        }
        Ok(days)
    }

    /// The S-curve: cumulative PV per week over the plan; EV and AC to the status date; and the
    /// forecast from AC at the status date to EAC at the forecast finish.
    pub fn s_curve(&self, project_id: Id, as_of: NaiveDate) -> Result<SCurve> {
        let project = self.project(project_id)?;
        let calendar = self.calendar_of(project_id)?;
        let basis = self.evm_basis(project_id)?;
        let ev = self.earned_value_from(project_id, project.name, as_of, &calendar, &basis)?;
        let mut notes = vec![
            "EV is known at the status date only (no history of percent complete is kept); before it, \
             the line follows the shape of PV, scaled to EV at the status date."
                .to_string(),
            "Forecast finish = planned start + planned duration / SPI, in calendar days.".to_string(),
        ];
        let (Some(start), Some(finish)) = (ev.planned_start, ev.planned_finish) else {
            return Ok(SCurve {
                earned_value: ev,
                points: Vec::new(),
                notes,
            });
        };
        let first = crate::demo::week_start(start.date());
        let mut last = finish.date().max(ev.forecast_finish.unwrap_or(finish.date()));
        if as_of > last {
            last = as_of;
        }
        let mut dates: Vec<NaiveDate> = Vec::new();
        let mut d = first;
        while d < last && dates.len() < 520 {
            dates.push(d);
            d += Duration::days(7);
        }
        dates.push(last);
        if dates.len() >= 520 {
            notes.push("The curve is cut at ten years.".into());
        }
        if as_of >= first && !dates.contains(&as_of) {
            dates.push(as_of);
        }
        dates.sort();
        let actual = self.actual_by_day(project_id, as_of)?;
        let pv_status = ev.figures.pv;
        let ac_status = ev.figures.ac;
        let forecast_end = ev.forecast_finish.unwrap_or(finish.date()).max(as_of);
        let points = dates
            .into_iter()
            .map(|date| {
                let (_, pv, _) = accrue(&calendar, &basis.tasks, end_of(date));
                let past = date <= as_of;
                let ev_at = past.then(|| {
                    if pv_status > 0 {
                        mul_div_round(ev.figures.ev, pv, pv_status).unwrap_or(0)
                    } else {
                        0
                    }
                    .min(ev.figures.ev)
                });
                let ev_at = if date == as_of { Some(ev.figures.ev) } else { ev_at };
                let ac_at = past.then(|| {
                    actual
                        .iter()
                        .take_while(|(d, _)| *d <= date)
                        .last()
                        .map_or(0, |(_, a)| *a)
                });
                let forecast = (date >= as_of).then_some(()).and(ev.figures.eac).map(|eac| {
                    let span = (forecast_end - as_of).num_days();
                    let gone = (date - as_of).num_days();
                    if span <= 0 || gone >= span {
                        eac
                    } else {
                        ac_status + mul_div_round(eac - ac_status, gone, span).unwrap_or(0)
                    }
                });
                SCurvePoint {
                    date,
                    pv,
                    ev: ev_at,
                    ac: ac_at,
                    forecast,
                }
            })
            .collect();
        Ok(SCurve {
            earned_value: ev,
            points,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_instants_are_read_exactly_and_damaged_ones_refused() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 2)
            .unwrap()
            .and_hms_opt(8, 30, 0)
            .unwrap();
        assert_eq!(parse_stamp("2026-12-02T08:30:00"), Some(at));
        for bad in [
            "2026-12-02 08:30:00",
            "2026-02-30T08:00:00",
            "2026-12-02T24:00:00",
            "2026-12-0x",
            "",
        ] {
            assert_eq!(parse_stamp(bad), None, "{bad}");
        }
    }
}
