//! Working-time calendars and the arithmetic the scheduler does on them.
//!
//! Moments are whole minutes since 1970-01-01 00:00 in local time ([`Minute`]). A calendar says,
//! for every day, which spans of the day are working time: a weekly pattern, overridden on
//! single dates by exceptions (a holiday is an exception with no spans).
//!
//! Two conventions, as Microsoft Project keeps them: a finish sits at the end of the last working
//! span it uses (a one-day task from Monday 08:00 finishes Monday 17:00), and a start sits at the
//! beginning of the next working span (its successor starts Tuesday 08:00).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::{CoreError, Result};

/// Minutes since 1970-01-01 00:00, local time.
pub type Minute = i64;

pub const MINUTES_PER_DAY: Minute = 24 * 60;

/// One span of working time within a day, in minutes after midnight: `start` < `end` ≤ 1440.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u16,
    pub end: u16,
}

impl Span {
    pub fn hours(from: u16, to: u16) -> Span {
        Span {
            start: from * 60,
            end: to * 60,
        }
    }

    fn minutes(self) -> Minute {
        Minute::from(self.end - self.start)
    }
}

#[derive(Debug, Clone)]
pub struct Calendar {
    pub name: String,
    /// Monday first.
    week: [Vec<Span>; 7],
    /// Days (since 1970-01-01) whose working time differs from the week's; empty = not working.
    exceptions: HashMap<i64, Vec<Span>>,
}

/// Days since 1970-01-01 of a date.
pub fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 719_163
}

fn date_of_day(day: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt((day + 719_163) as i32).unwrap_or_default()
}

pub fn to_minute(t: NaiveDateTime) -> Minute {
    day_number(t.date()) * MINUTES_PER_DAY + i64::from(t.hour() * 60 + t.minute())
}

pub fn from_minute(m: Minute) -> NaiveDateTime {
    let date = date_of_day(m.div_euclid(MINUTES_PER_DAY));
    let in_day = m.rem_euclid(MINUTES_PER_DAY) as u32;
    date.and_hms_opt(in_day / 60, in_day % 60, 0).unwrap_or_default()
}

/// 0 = Monday. 1970-01-01 was a Thursday.
fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

impl Calendar {
    /// A calendar from its weekly pattern (Monday first). At least one weekday must have
    /// working time, or no task could ever be scheduled on it.
    pub fn new(name: &str, week: [Vec<Span>; 7]) -> Result<Calendar> {
        for spans in &week {
            check_spans(name, spans)?;
        }
        if week.iter().all(Vec::is_empty) {
            return Err(CoreError::InvalidInput(format!(
                "The calendar \"{name}\" has no working time on any weekday."
            )));
        }
        Ok(Calendar {
            name: name.to_string(),
            week,
            exceptions: HashMap::new(),
        })
    }

    /// Monday to Friday, 08:00–12:00 and 13:00–17:00: 8 hours a day, 40 a week.
    pub fn standard() -> Calendar {
        let day = vec![Span::hours(8, 12), Span::hours(13, 17)];
        let week = [day.clone(), day.clone(), day.clone(), day.clone(), day, vec![], vec![]];
        Calendar::new("Standard", week).expect("the standard week has working time")
    }

    /// Sets the working time of one date: no spans makes it a holiday.
    pub fn set_exception(&mut self, date: NaiveDate, spans: Vec<Span>) -> Result<()> {
        check_spans(&self.name, &spans)?;
        self.exceptions.insert(day_number(date), spans);
        Ok(())
    }

    /// The weekly pattern, Monday first.
    pub fn week(&self) -> &[Vec<Span>; 7] {
        &self.week
    }

    /// The dated exceptions, in date order.
    pub fn exceptions(&self) -> Vec<(NaiveDate, &[Span])> {
        let mut out: Vec<(NaiveDate, &[Span])> = self
            .exceptions
            .iter()
            .map(|(&day, spans)| (date_of_day(day), spans.as_slice()))
            .collect();
        out.sort_by_key(|(d, _)| *d);
        out
    }

    fn spans(&self, day: i64) -> &[Span] {
        self.exceptions.get(&day).unwrap_or(&self.week[weekday(day)])
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !self.spans(day_number(date)).is_empty()
    }

    /// The first moment at or after `t` from which work can go on: `t` itself inside a span
    /// (but not at its end), else the start of the next span.
    pub fn next_start(&self, t: Minute) -> Minute {
        let mut day = t.div_euclid(MINUTES_PER_DAY);
        let mut in_day = t.rem_euclid(MINUTES_PER_DAY);
        loop {
            for span in self.spans(day) {
                if in_day < Minute::from(span.end) {
                    return day * MINUTES_PER_DAY + in_day.max(Minute::from(span.start));
                }
            }
            day += 1;
            in_day = 0;
        }
    }

    /// The last moment at or before `t` up to which work can have gone on: `t` itself inside a
    /// span (but not at its start), else the end of the previous span.
    pub fn prev_end(&self, t: Minute) -> Minute {
        let mut day = t.div_euclid(MINUTES_PER_DAY);
        let mut in_day = t.rem_euclid(MINUTES_PER_DAY);
        loop {
            for span in self.spans(day).iter().rev() {
                if in_day > Minute::from(span.start) {
                    return day * MINUTES_PER_DAY + in_day.min(Minute::from(span.end));
                }
            }
            day -= 1;
            in_day = MINUTES_PER_DAY;
        }
    }

    /// The moment `work` working minutes after `t` (before it when negative). Moving forward
    /// it ends at the end of a span when the work runs out there; backward, at a span's start.
    /// Zero work returns `t` unchanged.
    pub fn add(&self, t: Minute, work: Minute) -> Minute {
        match work.cmp(&0) {
            std::cmp::Ordering::Equal => t,
            std::cmp::Ordering::Greater => self.forward(t, work),
            std::cmp::Ordering::Less => self.backward(t, -work),
        }
    }

    fn forward(&self, t: Minute, mut work: Minute) -> Minute {
        let mut day = t.div_euclid(MINUTES_PER_DAY);
        let mut in_day = t.rem_euclid(MINUTES_PER_DAY);
        // Whole weeks at once when no exception lies ahead: long lags stay cheap.
        let week_work = self.week.iter().flatten().map(|s| s.minutes()).sum::<Minute>();
        loop {
            for span in self.spans(day) {
                let (start, end) = (Minute::from(span.start), Minute::from(span.end));
                if in_day >= end {
                    continue;
                }
                let from = in_day.max(start);
                if work <= end - from {
                    return day * MINUTES_PER_DAY + from + work;
                }
                work -= end - from;
                in_day = end;
            }
            day += 1;
            in_day = 0;
            while work > week_work && self.no_exception_within(day, 7) {
                work -= week_work;
                day += 7;
            }
        }
    }

    fn backward(&self, t: Minute, mut work: Minute) -> Minute {
        let mut day = t.div_euclid(MINUTES_PER_DAY);
        let mut in_day = t.rem_euclid(MINUTES_PER_DAY);
        let week_work = self.week.iter().flatten().map(|s| s.minutes()).sum::<Minute>();
        loop {
            for span in self.spans(day).iter().rev() {
                let (start, end) = (Minute::from(span.start), Minute::from(span.end));
                if in_day <= start {
                    continue;
                }
                let to = in_day.min(end);
                if work <= to - start {
                    return day * MINUTES_PER_DAY + to - work;
                }
                work -= to - start;
                in_day = start;
            }
            day -= 1;
            in_day = MINUTES_PER_DAY;
            while work > week_work && self.no_exception_within(day - 6, 7) {
                work -= week_work;
                day -= 7;
            }
        }
    }

    fn no_exception_within(&self, first_day: i64, days: i64) -> bool {
        self.exceptions.is_empty() || (first_day..first_day + days).all(|d| !self.exceptions.contains_key(&d))
    }

    /// Working minutes from `a` to `b`; negative when `b` is before `a`.
    pub fn work_between(&self, a: Minute, b: Minute) -> Minute {
        if b < a {
            return -self.work_between(b, a);
        }
        let mut total = 0;
        let (first, last) = (a.div_euclid(MINUTES_PER_DAY), b.div_euclid(MINUTES_PER_DAY));
        for day in first..=last {
            let base = day * MINUTES_PER_DAY;
            for span in self.spans(day) {
                let from = (base + Minute::from(span.start)).max(a);
                let to = (base + Minute::from(span.end)).min(b);
                total += (to - from).max(0);
            }
        }
        total
    }
}

fn check_spans(calendar: &str, spans: &[Span]) -> Result<()> {
    let mut previous_end = 0;
    for span in spans {
        if span.start >= span.end || span.end > 1440 || span.start < previous_end {
            return Err(CoreError::InvalidInput(format!(
                "The calendar \"{calendar}\" has working hours that are empty, overlap or are out of order."
            )));
        }
        previous_end = span.end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Minute {
        to_minute(NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
    }

    fn show(m: Minute) -> String {
        from_minute(m).format("%Y-%m-%d %H:%M").to_string()
    }

    #[test]
    fn minutes_and_date_times_convert_both_ways() {
        for s in [
            "1970-01-01 00:00",
            "2026-03-02 08:00",
            "1969-12-31 23:59",
            "2099-12-31 17:00",
        ] {
            assert_eq!(show(at(s)), s);
        }
        assert_eq!(
            weekday(at("2026-03-02 08:00").div_euclid(MINUTES_PER_DAY)),
            0,
            "a Monday"
        );
    }

    #[test]
    fn a_day_of_work_ends_at_five_and_the_next_starts_at_eight_the_next_morning() {
        let cal = Calendar::standard();
        let monday = at("2026-03-02 08:00");
        assert_eq!(show(cal.add(monday, 480)), "2026-03-02 17:00");
        assert_eq!(show(cal.next_start(cal.add(monday, 480))), "2026-03-03 08:00");
        assert_eq!(show(cal.add(monday, 240)), "2026-03-02 12:00", "ends before lunch");
        assert_eq!(show(cal.next_start(at("2026-03-02 12:00"))), "2026-03-02 13:00");
    }

    #[test]
    fn weekends_are_skipped_both_ways() {
        let cal = Calendar::standard();
        let friday_noon = at("2026-03-06 13:00");
        assert_eq!(show(cal.add(friday_noon, 480)), "2026-03-09 12:00");
        assert_eq!(show(cal.add(at("2026-03-09 12:00"), -480)), "2026-03-06 13:00");
        assert_eq!(show(cal.next_start(at("2026-03-07 10:00"))), "2026-03-09 08:00");
        assert_eq!(show(cal.prev_end(at("2026-03-09 08:00"))), "2026-03-06 17:00");
        assert_eq!(
            cal.work_between(at("2026-03-06 08:00"), at("2026-03-10 08:00")),
            2 * 480
        );
        assert_eq!(
            cal.work_between(at("2026-03-10 08:00"), at("2026-03-06 08:00")),
            -2 * 480
        );
    }

    #[test]
    fn long_durations_match_day_by_day_counting() {
        let mut cal = Calendar::standard();
        let start = at("2026-01-05 08:00");
        // 52 weeks of 5 days: 2026-01-05 + 52 weeks, minus the last weekend.
        assert_eq!(show(cal.add(start, 260 * 480)), "2027-01-01 17:00");
        cal.set_exception(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap(), vec![])
            .unwrap();
        assert_eq!(
            show(cal.add(start, 260 * 480)),
            "2027-01-04 17:00",
            "Christmas is a holiday"
        );
        let end = cal.add(start, 260 * 480);
        assert_eq!(cal.work_between(start, end), 260 * 480);
        assert_eq!(cal.add(end, -260 * 480), start);
    }

    #[test]
    fn holidays_and_changed_hours_on_single_dates() {
        let mut cal = Calendar::standard();
        let easter_monday = NaiveDate::from_ymd_opt(2026, 4, 6).unwrap();
        cal.set_exception(easter_monday, vec![]).unwrap();
        assert!(!cal.is_working_day(easter_monday));
        assert_eq!(show(cal.add(at("2026-04-03 08:00"), 960)), "2026-04-07 17:00");
        // A Saturday worked in the morning only.
        cal.set_exception(NaiveDate::from_ymd_opt(2026, 4, 11).unwrap(), vec![Span::hours(9, 13)])
            .unwrap();
        assert_eq!(show(cal.add(at("2026-04-10 13:00"), 480)), "2026-04-11 13:00");
    }

    #[test]
    fn a_calendar_without_working_time_or_with_crossed_hours_is_refused() {
        let none: [Vec<Span>; 7] = Default::default();
        assert!(Calendar::new("Closed", none).is_err());
        let crossed = Span { start: 600, end: 540 };
        let mut week: [Vec<Span>; 7] = Default::default();
        week[0] = vec![crossed];
        let err = Calendar::new("Odd", week).unwrap_err();
        assert!(err.to_string().contains("Odd"));
    }

    #[test]
    fn a_round_the_clock_calendar_works_every_minute() {
        let all_day = vec![Span { start: 0, end: 1440 }];
        let cal = Calendar::new("24 Hours", std::array::from_fn(|_| all_day.clone())).unwrap();
        assert_eq!(show(cal.add(at("2026-03-07 22:00"), 180)), "2026-03-08 01:00");
        assert_eq!(cal.next_start(at("2026-03-07 23:59") + 1), at("2026-03-08 00:00"));
    }
}
