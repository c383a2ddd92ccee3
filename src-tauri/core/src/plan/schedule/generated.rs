//! A large, realistic network for load tests and benchmarks: phases of tasks with mixed link
//! types, lags and leads, a project calendar with holidays and a few resource calendars.
//! The same arguments always give the same network.

use chrono::NaiveDate;

use super::calendar::{to_minute, Calendar, Span};
use super::{Constraint, Lag, Link, LinkType, Network, Task};

const DAY: i64 = 480;

/// `tasks` tasks (one in a hundred a summary over the following ones) and `links` dependencies.
pub fn generated_network(tasks: usize, links: usize) -> Network {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let mut standard = Calendar::standard();
    for year in 2026..2031 {
        for (m, d) in [(1, 1), (5, 1), (12, 24), (12, 25), (12, 26), (12, 31)] {
            let holiday = NaiveDate::from_ymd_opt(year, m, d).unwrap();
            standard.set_exception(holiday, vec![]).expect("valid");
        }
    }
    let four_days = vec![Span::hours(7, 17)];
    let contractor = Calendar::new(
        "Contractor (Mon–Thu)",
        [
            four_days.clone(),
            four_days.clone(),
            four_days.clone(),
            four_days,
            vec![],
            vec![],
            vec![],
        ],
    )
    .expect("valid");
    let late = vec![Span::hours(12, 16), Span::hours(17, 21)];
    let late_shift = Calendar::new(
        "Late shift",
        std::array::from_fn(|d| if d < 5 { late.clone() } else { vec![] }),
    )
    .expect("valid");

    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut list = Vec::with_capacity(tasks);
    let mut leaves = Vec::with_capacity(tasks);
    let mut phases = Vec::new();
    let mut phase = None;
    for i in 0..tasks {
        if i % 100 == 0 {
            phase = Some(i);
            phases.push(i);
            list.push(Task::new(&format!("Phase {}", i / 100 + 1), 0));
            continue;
        }
        let mut task = Task::new(&format!("Task {i}"), DAY / 2 * (1 + next(10) as i64));
        task.parent = phase;
        task.calendar = match next(10) {
            0 => Some(1),
            1 => Some(2),
            _ => None,
        };
        if next(100) == 0 {
            let date = start + chrono::Duration::days(next(400) as i64);
            task.constraint = Constraint::StartNoEarlierThan(to_minute(date.and_hms_opt(8, 0, 0).unwrap()));
        }
        leaves.push(i);
        list.push(task);
    }
    let mut out = Vec::with_capacity(links);
    // Each phase follows the one before.
    for pair in phases.windows(2) {
        if out.len() < links {
            out.push(Link {
                predecessor: pair[0],
                successor: pair[1],
                kind: LinkType::FinishToStart,
                lag: Lag::Work(0),
            });
        }
    }
    'fill: loop {
        for (k, &succ) in leaves.iter().enumerate().skip(1) {
            if out.len() >= links {
                break 'fill;
            }
            let back = 1 + next(k.min(40) as u64) as usize;
            let kind = match next(10) {
                0 => LinkType::StartToStart,
                1 => LinkType::FinishToFinish,
                2 => LinkType::StartToFinish,
                _ => LinkType::FinishToStart,
            };
            let lag = match next(8) {
                0 => Lag::Work(DAY),
                1 => Lag::Work(-DAY / 2),
                2 => Lag::PercentOfPredecessor(25.0),
                _ => Lag::Work(0),
            };
            out.push(Link {
                predecessor: leaves[k - back],
                successor: succ,
                kind,
                lag,
            });
        }
        if leaves.len() < 2 {
            break;
        }
    }
    Network {
        start: to_minute(start.and_hms_opt(8, 0, 0).unwrap()),
        calendars: vec![standard, contractor, late_shift],
        calendar: 0,
        tasks: list,
        links: out,
        honor_constraints: true,
    }
}
