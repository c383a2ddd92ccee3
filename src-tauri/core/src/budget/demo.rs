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

fn seed_erp(ws: &mut Workspace, project: Id, today: NaiveDate) -> Result<()> {
    let p = ws.project(project)?;
    let (Some(start), Some(finish)) = (p.start_date, p.finish_date) else {
        return Ok(());
    };
    let periods = months(period_of(start), period_of(finish));
    // Staff: what the baseline plans to spend in each month, to the hundred.
    let mut cells = Vec::new();
    let mut planned_before = 0;
    for (n, period) in periods.iter().enumerate() {
        let month = parse_period("", period)?;
        let pv = ws.earned_value(project, last_day_of(month))?.figures.pv;
        let staff = ((pv - planned_before) as f64 / 10_000.0).round() as i64 * 100;
        planned_before = pv;
        if staff > 0 {
            cells.push(cell(CostCategory::Staff, period, staff));
        }
        let last = n + 1 == periods.len();
        if (1..periods.len().saturating_sub(1)).contains(&n) {
            cells.push(cell(CostCategory::Contractors, period, 4_500));
        }
        cells.push(cell(CostCategory::Cloud, period, 1_200 + 450 * n as i64));
        if n == 1 {
            cells.push(cell(CostCategory::Software, period, 24_000));
        }
        if n == 0 || last {
            cells.push(cell(CostCategory::Services, period, 6_000));
        }
    }
    ws.set_budget_cells(project, &cells)?;

    // Actual costs to date: cloud, contractors, licences and consultancy as invoiced, and the
    // staff cost booked monthly so that AC = EV / 0.95 today.
    let ev = ws.earned_value(project, today)?;
    let target = (ev.figures.ev as f64 / ERP_CPI).round() as i64;
    let mut entries = Vec::new();
    let mut month = period_of(start);
    let mut n = 0;
    while last_day_of(month) < today || month == period_of(today) {
        let day = last_day_of(month).min(today);
        if day < start {
            break;
        }
        entries.push(cost(
            CostCategory::Cloud,
            day,
            (1_150 + 470 * n) * 100,
            "Cloud subscription (landing zone and ERP tenant)",
        ));
        if n >= 1 {
            entries.push(cost(
                CostCategory::Contractors,
                day,
                4_800 * 100,
                "Database administrator, contracted days",
            ));
        }
        if n == 1 {
            entries.push(cost(
                CostCategory::Software,
                day,
                24_000 * 100,
                "Cloud ERP licences, first year",
            ));
        }
        if n == 0 {
            entries.push(cost(
                CostCategory::Services,
                start + Duration::days(11),
                5_800 * 100,
                "Migration consultancy: assessment workshops",
            ));
        }
        month = next_period(month);
        n += 1;
        if month > period_of(today) {
            break;
        }
    }
    let booked: i64 = entries.iter().map(|e| e.amount_minor).sum();
    let staff_needed = target - ev.figures.ac - booked;
    if staff_needed > 0 {
        // Spread over the months so far in proportion to the work planned in each.
        let mut month = period_of(start);
        let mut shares = Vec::new();
        while month <= period_of(today) {
            let day = last_day_of(month).min(today);
            shares.push((day, ws.earned_value(project, day)?.figures.pv));
            month = next_period(month);
        }
        let total = shares.last().map_or(0, |s| s.1).max(1);
        let (mut given, mut before) = (0, 0);
        for (i, (day, cumulative)) in shares.iter().enumerate() {
            let amount = if i + 1 == shares.len() {
                staff_needed - given
            } else {
                super::mul_div_round(staff_needed, cumulative - before, total).unwrap_or(0)
            };
            before = *cumulative;
            if amount > 0 {
                given += amount;
                let label = format!("Internal staff time, {} {}", month_name(day.month()), day.year());
                entries.push(cost(CostCategory::Staff, *day, amount, &label));
            }
        }
    }
    entries.sort_by(|a, b| a.day.cmp(&b.day));
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
    let invoiced = start + Duration::days(10);
    if invoiced <= today {
        ws.add_cost_entry(
            project,
            &cost(
                CostCategory::Hardware,
                invoiced,
                31_540_00,
                "14 access switches for the Rotterdam depot",
            ),
        )?;
    }
    Ok(())
}
