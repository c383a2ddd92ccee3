//! A project's health as red, amber or green, from two things the file knows: how far the
//! schedule's finish has slipped past its latest baseline, and how many open items are past
//! their due date. One function, so the rule (and its reason) is in one place; a later issue
//! replaces it with earned value and risk exposure.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Health {
    pub rag: Rag,
    /// Why, in a sentence: "Finishes 6 days after the baseline; 2 items overdue".
    pub reason: String,
}

/// Slip beyond this many calendar days, or this many overdue items, makes a project red.
pub const RED_SLIP_DAYS: i64 = 10;
pub const RED_OVERDUE: i64 = 5;

/// Red when the finish slipped more than ten days past the baseline or more than five items
/// are overdue; amber when it slipped at all or any item is overdue; green otherwise.
/// `slip_days` is None when the project has no baseline.
pub fn health(slip_days: Option<i64>, overdue_items: i64) -> Health {
    let slip = slip_days.unwrap_or(0).max(0);
    let rag = if slip > RED_SLIP_DAYS || overdue_items > RED_OVERDUE {
        Rag::Red
    } else if slip > 0 || overdue_items > 0 {
        Rag::Amber
    } else {
        Rag::Green
    };
    let mut parts = Vec::new();
    match slip_days {
        None => parts.push("No baseline to compare with".to_string()),
        Some(d) if d > 0 => parts.push(format!(
            "Finishes {d} day{} after the baseline",
            if d == 1 { "" } else { "s" }
        )),
        Some(_) => parts.push("On or ahead of the baseline".to_string()),
    }
    parts.push(match overdue_items {
        0 => "no items overdue".to_string(),
        1 => "1 item overdue".to_string(),
        n => format!("{n} items overdue"),
    });
    Health {
        rag,
        reason: parts.join("; "),
    }
}
