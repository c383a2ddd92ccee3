//! Which backups to keep: a pure rule over the backups' instants and "now".
//!
//! - the newest backup is always kept, whatever its age (a plan untouched for months still has one);
//! - every backup younger than one hour is kept (a mistake made ten minutes ago can be undone from
//!   the backup made before it);
//! - younger than 24 hours: the newest backup of each clock hour;
//! - younger than 7 days: the newest backup of each day;
//! - younger than 8 weeks: the newest backup of each ISO week (Monday to Sunday);
//! - anything older, and every other backup, is deleted.
//!
//! Hours, days and weeks are those of UTC, so the rule gives the same answer wherever and
//! whenever it runs (a change of the computer's time zone or summer time deletes nothing extra).
//! A backup dated after "now" (the computer's clock was set back) is kept.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

/// The indexes (into `times`) of the backups the rule keeps, in ascending order.
pub fn keep(times: &[DateTime<Utc>], now: DateTime<Utc>) -> BTreeSet<usize> {
    let mut kept = BTreeSet::new();
    if let Some(newest) = (0..times.len()).max_by_key(|&i| times[i]) {
        kept.insert(newest);
    }
    for (i, t) in times.iter().enumerate() {
        if *t > now || now - *t < Duration::hours(1) {
            kept.insert(i);
        }
    }
    type Bucket = fn(&DateTime<Utc>) -> (i32, u32, u32);
    let tiers: [(Duration, Bucket); 3] = [
        (Duration::hours(24), |t| (t.year(), t.ordinal(), t.hour())),
        (Duration::days(7), |t| (t.year(), t.ordinal(), 0)),
        (Duration::weeks(8), |t| {
            let week = t.iso_week();
            (week.year(), week.week(), 0)
        }),
    ];
    for (window, bucket) in tiers {
        let mut newest_of: std::collections::BTreeMap<(i32, u32, u32), usize> = Default::default();
        for (i, t) in times.iter().enumerate() {
            let age = now - *t;
            if age < Duration::zero() || age >= window {
                continue;
            }
            let entry = newest_of.entry(bucket(t)).or_insert(i);
            if times[*entry] < *t {
                *entry = i;
            }
        }
        kept.extend(newest_of.into_values());
    }
    kept
}

/// The indexes of the backups the rule deletes, in ascending order.
pub fn prune(times: &[DateTime<Utc>], now: DateTime<Utc>) -> Vec<usize> {
    let kept = keep(times, now);
    (0..times.len()).filter(|i| !kept.contains(i)).collect()
}
