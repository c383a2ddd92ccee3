//! Durations as people type them: "1.5" (decimal hours), "1:30" (hours and minutes),
//! "1h 30m", "90m", "2h". Stored as whole minutes.

use crate::{CoreError, Result};

/// Minutes for a typed duration; `Ok(0)` for an empty text or a zero.
pub fn parse(text: &str) -> Result<i64> {
    let text = text.trim().to_lowercase().replace(',', ".");
    if text.is_empty() {
        return Ok(0);
    }
    let bad = || {
        CoreError::InvalidInput(format!(
            "\"{}\" is not a duration; type hours like 1.5, hours and minutes like 1:30, or 90m.",
            text
        ))
    };
    let minutes = if let Some((h, m)) = text.split_once(':') {
        let h: i64 = h.trim().parse().map_err(|_| bad())?;
        let m: i64 = m.trim().parse().map_err(|_| bad())?;
        if h < 0 || !(0..60).contains(&m) {
            return Err(bad());
        }
        h.checked_mul(60).and_then(|x| x.checked_add(m)).ok_or_else(bad)?
    } else if text.contains('h') || text.ends_with('m') || text.ends_with("min") {
        let mut total = 0.0;
        let mut rest = text.as_str();
        if let Some((h, after)) = rest.split_once('h') {
            total += h.trim().parse::<f64>().map_err(|_| bad())? * 60.0;
            rest = after;
        }
        let rest = rest.trim().trim_end_matches("in").trim_end_matches('m').trim();
        if !rest.is_empty() {
            total += rest.parse::<f64>().map_err(|_| bad())?;
        }
        from_f64(total).ok_or_else(bad)?
    } else {
        let hours: f64 = text.parse().map_err(|_| bad())?;
        from_f64(hours * 60.0).ok_or_else(bad)?
    };
    Ok(minutes)
}

fn from_f64(minutes: f64) -> Option<i64> {
    (minutes.is_finite() && minutes.abs() < 1e9).then(|| minutes.round() as i64)
}

/// "1:30" for 90 minutes, as the UI shows durations too.
pub fn format(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.abs();
    format!("{sign}{}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_minutes_in_the_usual_spellings() {
        for (text, minutes) in [
            ("1.5", 90),
            ("1,5", 90),
            ("1:30", 90),
            ("0:05", 5),
            ("1h 30m", 90),
            ("2h", 120),
            ("90m", 90),
            ("45 min", 45),
            ("", 0),
            ("0", 0),
            ("-1", -60),
        ] {
            assert_eq!(parse(text).unwrap(), minutes, "{text}");
        }
        for text in ["abc", "1:75", "1.5.2", "h", "999999999999999999:00"] {
            assert!(parse(text).is_err(), "{text}");
        }
        assert_eq!(format(90), "1:30");
        assert_eq!(format(5), "0:05");
    }
}
