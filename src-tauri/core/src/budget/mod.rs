//! Budget and cost of a project: the budget per cost category and month (`lines`), the actual
//! costs entered and derived from logged time (`costs`), and earned value (`evm`).
//!
//! Money is integer minor units (cents) of the workspace currency; nothing here uses floats
//! for money except where a ratio is applied, and those results are rounded once, half away
//! from zero, to the minor unit (see docs/budget.md).

pub(crate) mod costs;
pub(crate) mod demo;
pub mod evm;
pub(crate) mod lines;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Result};

pub use costs::{CategoryActual, CostEntry, CostEntryInput, CostSummary};
pub use evm::{EarnedValue, SCurve, SCurvePoint};
pub use lines::{BudgetCell, BudgetGrid};

/// Amounts above this (10^13 minor units: 100 billion in a currency with cents) are refused
/// as typing mistakes; sums of many such amounts still fit an i64 easily.
pub const MAX_AMOUNT_MINOR: i64 = 10_000_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CostCategory {
    Staff,
    Contractors,
    Hardware,
    /// Software licences and subscriptions.
    Software,
    Cloud,
    Services,
    Other,
}

impl CostCategory {
    pub const ALL: [CostCategory; 7] = [
        CostCategory::Staff,
        CostCategory::Contractors,
        CostCategory::Hardware,
        CostCategory::Software,
        CostCategory::Cloud,
        CostCategory::Services,
        CostCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CostCategory::Staff => "staff",
            CostCategory::Contractors => "contractors",
            CostCategory::Hardware => "hardware",
            CostCategory::Software => "software",
            CostCategory::Cloud => "cloud",
            CostCategory::Services => "services",
            CostCategory::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CostCategory::Staff => "Staff",
            CostCategory::Contractors => "Contractors",
            CostCategory::Hardware => "Hardware",
            CostCategory::Software => "Software licences",
            CostCategory::Cloud => "Cloud",
            CostCategory::Services => "Services",
            CostCategory::Other => "Other",
        }
    }

    /// A category as stored; the schema's CHECK keeps other values out of the file.
    pub(crate) fn parse(s: &str) -> Result<CostCategory> {
        CostCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| CoreError::Damaged(format!("A cost in this workspace has an unknown category \"{s}\".")))
    }
}

/// Refuses a negative or absurdly large amount.
pub(crate) fn check_amount(field: &str, amount_minor: i64) -> Result<i64> {
    if amount_minor < 0 {
        return Err(CoreError::InvalidInput(format!("{field} cannot be negative.")));
    }
    if amount_minor > MAX_AMOUNT_MINOR {
        return Err(CoreError::InvalidInput(format!(
            "{field} is larger than Bridgeplan accepts (at most 100,000,000,000.00); check the number of digits."
        )));
    }
    Ok(amount_minor)
}

/// A calendar month `YYYY-MM` (01–12, years 1900–9999), as typed or sent.
pub(crate) fn parse_period(field: &str, text: &str) -> Result<(i32, u32)> {
    let text = text.trim();
    let bad = || {
        CoreError::InvalidInput(format!(
            "{field} \"{text}\" is not a month; use the form YYYY-MM, e.g. 2026-03."
        ))
    };
    let (year, month) = text.split_once('-').ok_or_else(bad)?;
    if year.len() != 4 || month.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return Err(bad());
    }
    let year: i32 = year.parse().map_err(|_| bad())?;
    let month: u32 = month.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
        return Err(bad());
    }
    Ok((year, month))
}

pub(crate) fn period_text((year, month): (i32, u32)) -> String {
    format!("{year:04}-{month:02}")
}

pub(crate) fn next_period((year, month): (i32, u32)) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

pub(crate) fn period_of(day: NaiveDate) -> (i32, u32) {
    use chrono::Datelike;
    (day.year(), day.month())
}

/// A required calendar date `YYYY-MM-DD`.
pub(crate) fn parse_day(field: &str, text: &str) -> Result<NaiveDate> {
    crate::validate::optional_date(field, Some(text))?
        .ok_or_else(|| CoreError::InvalidInput(format!("{field} is required (YYYY-MM-DD).")))
}

/// A status date as typed (`YYYY-MM-DD`), for earned value "as of" a day.
pub fn status_date(text: &str) -> Result<NaiveDate> {
    parse_day("The status date", text)
}

/// `a × b / c` rounded half away from zero, exactly (i128), for money scaled by a ratio of
/// money. `None` when `c` is zero.
pub(crate) fn mul_div_round(a: i64, b: i64, c: i64) -> Option<i64> {
    if c == 0 {
        return None;
    }
    Some(div_round(i128::from(a) * i128::from(b), i128::from(c)) as i64)
}

/// `n / d` rounded half away from zero; `d` ≠ 0.
pub(crate) fn div_round(n: i128, d: i128) -> i128 {
    let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
    if n >= 0 {
        (2 * n + d) / (2 * d)
    } else {
        -((-2 * n + d) / (2 * d))
    }
}

/// A money value from a float (PV and EV accruals), rounded half away from zero.
pub(crate) fn round_minor(x: f64) -> i64 {
    x.round() as i64
}
