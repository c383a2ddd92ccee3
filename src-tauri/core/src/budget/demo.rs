//! The demo's budgets and costs: the ERP cloud migration has a monthly budget in five
//! categories and the costs booked so far, so its earned value shows a cost overrun of about
//! five percent (CPI ≈ 0.95); the network refresh has its hardware budget and first invoice.
//!
//! Runs after the plans (and after any logged time): the staff cost booked tops up what logged
//! time already cost, so the story holds whichever other demo data exists.

use chrono::{Datelike, Duration, NaiveDate};

use super::{lines::months, next_period, parse_period, period_of, BudgetCell, CostCategory, CostEntryInput};
use crate::{Id, Result, Workspace};

/// The cost efficiency the ERP story shows: a little over budget.
const ERP_CPI: f64 = 0.95;

fn last_day_of((year, month): (i32, u32)) -> NaiveDate {
    let (y, m) = next_period((year, month));
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or_default()
}

fn cell(category: CostCategory, period: &str, major: i64) -> BudgetCell {
    BudgetCell {
        category,
        period: period.to_string(),
        amount_minor: Some(major * 100),
    }
}

fn cost(category: CostCategory, day: NaiveDate, minor: i64, description: &str) -> CostEntryInput {
    CostEntryInput {
        category,
        day: day.to_string(),
        amount_minor: minor,
        description: description.into(),
        item_id: None,
    }
}

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    if let Ok(erp) = ws.project_by_name("ERP Cloud Migration") {
        seed_erp(ws, erp.id, today)?;
    }
    if let Ok(network) = ws.project_by_name("Network Refresh") {
        seed_network(ws, network.id, today)?;
    }
    Ok(())
}

/// How the ERP budget splits over categories, in percent: the plan's work is costed at the
/// staff rates, and the demo shows part of it bought in instead.
const ERP_SHARES: [(CostCategory, i64); 5] = [
    (CostCategory::Staff, 62),
    (CostCategory::Contractors, 15),
    (CostCategory::Cloud, 10),
    (CostCategory::Software, 8),
    (CostCategory::Services, 5),
];

const ERP_TEXT: [(CostCategory, &str); 5] = [
    (CostCategory::Staff, "Internal staff time"),
    (CostCategory::Contractors, "Database administrator, contracted days"),
    (CostCategory::Cloud, "Cloud subscription (landing zone and ERP tenant)"),
    (CostCategory::Software, "Cloud ERP licences"),
    (CostCategory::Services, "Migration consultancy"),
];

/// `amount` in the category's share, to the whole currency unit (minor units).
fn share(amount: i64, percent: i64) -> i64 {
    super::div_round(i128::from(amount) * i128::from(percent), 10_000) as i64 * 100
}

fn seed_erp(ws: &mut Workspace, project: Id, today: NaiveDate) -> Result<()> {
    let p = ws.project(project)?;
    let (Some(start), Some(finish)) = (p.start_date, p.finish_date) else {
        return Ok(());
    };
    // The budget of each month is what the baseline plans to spend in it, split by category.
    let periods = months(period_of(start), period_of(finish));
    let mut cells = Vec::new();
    let mut planned_before = 0;
    for period in &periods {
        let month = parse_period("", period)?;
        let pv = ws.earned_value(project, last_day_of(month))?.figures.pv;
        for (category, percent) in ERP_SHARES {
            let amount = share(pv - planned_before, percent);
            if amount > 0 {
                cells.push(BudgetCell {
                    category,
                    period: period.clone(),
                    amount_minor: Some(amount),
                });
            }
        }
        planned_before = pv;
    }
    ws.set_budget_cells(project, &cells)?;

    // Actual costs, booked at each month's end (this month: today) in proportion to the work
    // planned in it, so that AC = EV / 0.95 today; logged time already counts towards it.
    let ev = ws.earned_value(project, today)?;
    let needed = (ev.figures.ev as f64 / ERP_CPI).round() as i64 - ev.figures.ac;
    if needed <= 0 {
        return Ok(());
    }
    let mut months_so_far = Vec::new();
    let mut month = period_of(start);
    while month <= period_of(today) {
        let day = last_day_of(month).min(today);
        months_so_far.push((day, ws.earned_value(project, day)?.figures.pv));
        month = next_period(month);
    }
    let planned_total = months_so_far.last().map_or(0, |m| m.1).max(1);
    let mut entries = Vec::new();
    let mut before = 0;
    for (day, cumulative) in &months_so_far {
        let in_month = super::mul_div_round(needed, cumulative - before, planned_total).unwrap_or(0);
        before = *cumulative;
        for ((category, percent), (_, text)) in ERP_SHARES.iter().zip(ERP_TEXT) {
            let amount = share(in_month, *percent);
            if amount > 0 {
                let description = format!("{text}, {} {}", month_name(day.month()), day.year());
                entries.push(cost(*category, *day, amount, &description));
            }
        }
    }
    // Rounding to whole units leaves a few units over: the last staff entry takes them.
    let booked: i64 = entries.iter().map(|e| e.amount_minor).sum();
    if let Some(last) = entries.iter_mut().rev().find(|e| e.category == CostCategory::Staff) {
        last.amount_minor += needed - booked;
    }
    for entry in &entries {
        ws.add_cost_entry(project, entry)?;
    }
    Ok(())
}

fn month_name(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m as usize).clamp(1, 12) - 1]
}

fn seed_network(ws: &mut Workspace, project: Id, today: NaiveDate) -> Result<()> {
    let p = ws.project(project)?;
    let Some(start) = p.start_date else { return Ok(()) };
    let first = period_of(start);
    let second = next_period(first);
    let third = next_period(second);
    let text = super::period_text;
    ws.set_budget_cells(
        project,
        &[
            cell(CostCategory::Hardware, &text(first), 48_000),
            cell(CostCategory::Hardware, &text(second), 22_000),
            cell(CostCategory::Hardware, &text(third), 6_500),
            cell(CostCategory::Services, &text(second), 6_000),
            cell(CostCategory::Staff, &text(first), 9_000),
            cell(CostCategory::Staff, &text(second), 9_000),
        ],
    )?;
    // The depot survey was bought from the cabling contractor; the switches are invoiced on
    // delivery, five weeks after the order, so the project spends in step with what it earns.
    let surveyed = start + Duration::days(3);
    if surveyed <= today {
        ws.add_cost_entry(
            project,
            &cost(
                CostCategory::Services,
                surveyed,
                210_000,
                "Depot survey by the cabling contractor",
            ),
        )?;
    }
    let delivered = start + Duration::days(38);
    if delivered <= today {
        ws.add_cost_entry(
            project,
            &cost(
                CostCategory::Hardware,
                delivered,
                3_154_000,
                "14 access switches for the Rotterdam depot",
            ),
        )?;
    }
    Ok(())
}
