//! The date forms of Jira's CSV exports. They follow the exporting user's settings; the usual
//! one is `28/Nov/25 5:03 PM` (day/month name/two-digit year, 12-hour clock). Also read:
//! `28/Nov/2025 17:03`, `2025-11-28 17:03[:05]`, `2025-11-28T17:03:05.000+0100` and dates
//! without a time (`28/Nov/25`, `2025-11-28`). The export carries no time zone; times are
//! taken as UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

const WITH_TIME: &[&str] = &[
    "%d/%b/%y %I:%M %p",
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%d/%b/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
];

const DATE_ONLY: &[&str] = &["%d/%b/%y", "%d/%b/%Y", "%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y"];

/// An instant from a Jira date cell; `None` when it has none of the known forms.
pub fn instant(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    for zoned in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%:z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(text, zoned) {
            return Some(t.with_timezone(&Utc));
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.with_timezone(&Utc));
    }
    // Month names in any case (NOV, nov), as chrono reads them.
    for form in WITH_TIME {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, form) {
            return Some(t.and_utc());
        }
    }
    day_only(text).map(|d| d.and_hms_opt(0, 0, 0).unwrap().and_utc())
}

fn day_only(text: &str) -> Option<NaiveDate> {
    DATE_ONLY
        .iter()
        .find_map(|form| NaiveDate::parse_from_str(text, form).ok())
}

/// A day from a Jira date cell (a due date), with or without a time.
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    day_only(text).or_else(|| instant(text).map(|t| t.date_naive()))
}
