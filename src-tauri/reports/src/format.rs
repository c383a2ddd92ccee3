//! How reports write dates, numbers and money, and the header every report shares.

use bridgeplan_core::plan::schedule::calendar::to_minute;
use bridgeplan_core::plan::schedule::Calendar;
use chrono::{NaiveDate, NaiveDateTime};

use crate::request::Checked;
use crate::Meta;

/// "23 Nov 2026".
pub(crate) fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub(crate) fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_else(|| "–".into())
}

/// A number with at most one decimal: "12", "12.5".
pub(crate) fn number(n: f64) -> String {
    let rounded = (n * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Money from minor units: "€12,500" for whole amounts, "€12,500.50" otherwise.
pub(crate) fn money(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    let whole = group_thousands(minor / 100);
    let cents = minor % 100;
    let amount = if cents == 0 {
        whole
    } else {
        format!("{whole}.{cents:02}")
    };
    match currency {
        "EUR" => format!("{sign}€{amount}"),
        "USD" => format!("{sign}${amount}"),
        "GBP" => format!("{sign}£{amount}"),
        other => format!("{sign}{amount} {other}"),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Working hours in a working day, to state durations and variances in days.
const HOURS_PER_DAY: f64 = 8.0;

/// Working minutes as working days.
pub(crate) fn working_days(minutes: i64) -> f64 {
    minutes as f64 / 60.0 / HOURS_PER_DAY
}

/// Working days from a baseline date to the current one on `calendar` (positive: later).
pub(crate) fn slip_days(calendar: &Calendar, baseline: NaiveDateTime, current: NaiveDateTime) -> f64 {
    working_days(calendar.work_between(to_minute(baseline), to_minute(current)))
}

/// "3 days late", "on plan", "2 days early" from a variance in working days.
pub(crate) fn variance_days(days: f64) -> String {
    let whole = days.abs().round();
    if whole == 0.0 {
        "on plan".into()
    } else {
        let unit = if whole == 1.0 { "day" } else { "days" };
        let side = if days > 0.0 { "late" } else { "early" };
        format!("{whole:.0} {unit} {side}")
    }
}

/// The header of a report about `subject`.
pub(crate) fn meta(checked: &Checked, subject: String, author: Option<String>) -> Meta {
    let period = match (checked.from, checked.to) {
        (Some(f), Some(t)) => Some(format!("{} – {}", date(f), date(t))),
        (Some(f), None) => Some(format!("from {}", date(f))),
        (None, Some(t)) => Some(format!("until {}", date(t))),
        (None, None) => None,
    };
    Meta {
        title: checked.info.title.to_string(),
        subject,
        author: author.unwrap_or_else(|| checked.workspace.clone()),
        workspace: checked.workspace.clone(),
        generated: date(checked.today),
        paper: checked.paper.typst_name(),
        landscape: checked.info.landscape,
        period,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands_and_keeps_cents() {
        assert_eq!(money(1_250_000, "EUR"), "€12,500");
        assert_eq!(money(80_050, "USD"), "$800.50");
        assert_eq!(money(-100, "CHF"), "-1 CHF");
    }

    #[test]
    fn variance_reads_as_late_or_early() {
        assert_eq!(variance_days(2.0), "2 days late");
        assert_eq!(variance_days(-1.0), "1 day early");
        assert_eq!(variance_days(0.2), "on plan");
    }
}
