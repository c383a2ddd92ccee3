//! Input checks shared by the domain modules, each with a message that names the field.
use chrono::NaiveDate;

use crate::{CoreError, Result};

/// Parses an optional `YYYY-MM-DD` date; an impossible date (2026-02-30) is refused by name.
pub fn optional_date(field: &str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map(Some).map_err(|_| {
            CoreError::InvalidInput(format!(
                "{field} \"{text}\" is not a real date; use the form YYYY-MM-DD, e.g. 2026-03-31."
            ))
        }),
    }
}

/// A required, trimmed, non-empty text of bounded length.
pub fn required_text(field: &str, value: &str, max_chars: usize) -> Result<String> {
    let text = value.trim();
    if text.is_empty() {
        return Err(CoreError::InvalidInput(format!("{field} cannot be empty.")));
    }
    if text.chars().count() > max_chars {
        return Err(CoreError::InvalidInput(format!(
            "{field} is too long ({} characters); keep it under {max_chars}.",
            text.chars().count()
        )));
    }
    Ok(text.to_string())
}

/// An optional non-negative number such as an estimate.
pub fn optional_non_negative(field: &str, value: Option<f64>) -> Result<Option<f64>> {
    match value {
        Some(v) if !v.is_finite() || v < 0.0 => Err(CoreError::InvalidInput(format!("{field} must be zero or more."))),
        other => Ok(other),
    }
}

pub fn date_to_sql(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

pub fn date_from_sql(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

pub fn now_utc() -> String {
    crate::clock::now_rfc3339()
}
