//! The stored text forms of days and instants (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, local time),
//! read by hand: a schedule, its baseline and its earned value read several per task, and
//! chrono's format-string parser was most of the time of a 10,000-task project.

use chrono::{NaiveDate, NaiveDateTime};

/// How instants are stored, for writing them with chrono.
pub const DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S";

/// The digits `b[from..to]` as a number, if they are all digits.
fn digits(b: &[u8], from: usize, to: usize) -> Option<u32> {
    b[from..to]
        .iter()
        .try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

/// A stored day, `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(b, 0, 4)? as i32, digits(b, 5, 7)?, digits(b, 8, 10)?)
}

/// A stored instant, `YYYY-MM-DDTHH:MM:SS`.
pub fn parse_stamp(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() != 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    parse_day(&text[..10])?.and_hms_opt(digits(b, 11, 13)?, digits(b, 14, 16)?, digits(b, 17, 19)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_chrono_reads_and_refuses_the_rest() {
        for text in ["2026-03-02T08:00:00", "2024-02-29T23:59:59", "1999-12-31T00:00:00"] {
            assert_eq!(
                parse_stamp(text),
                NaiveDateTime::parse_from_str(text, DATE_TIME).ok(),
                "{text}"
            );
        }
        for bad in [
            "2026-02-30T08:00:00",
            "2026-03-02 08:00:00",
            "2026-03-02T8:00:00",
            "2026-03-02T24:00:00",
            "",
            "2026-03-02",
        ] {
            assert_eq!(parse_stamp(bad), None, "{bad}");
        }
        assert_eq!(parse_day("2026-03-02"), NaiveDate::from_ymd_opt(2026, 3, 2));
        for bad in ["2026-3-2", "2026-13-01", "2026/03/02", "２０２６-03-02"] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
