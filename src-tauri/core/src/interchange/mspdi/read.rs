//! Reading an MSPDI document into a [`Plan`].

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use roxmltree::{Document, Node};

use crate::plan::schedule::calendar::to_minute;
use crate::plan::schedule::{Calendar, Constraint, Lag, Link, LinkType, Minute, Network, Span, Task};
use crate::{CoreError, Result};

/// The dates Microsoft Project saved for a task, to compare with ours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SavedDates {
    pub early_start: Minute,
    pub early_finish: Minute,
    pub late_start: Minute,
    pub late_finish: Minute,
    /// Working minutes.
    pub total_slack: Minute,
    pub free_slack: Minute,
    pub critical: bool,
}

/// A baseline Microsoft Project saved for a task: number 0 is "Baseline", 1–10 "Baseline n".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SavedBaseline {
    pub number: u32,
    pub start: Minute,
    pub finish: Minute,
    /// Working minutes.
    pub duration: Minute,
}

#[derive(Debug, Clone)]
pub struct PlanTask {
    pub uid: i64,
    pub wbs: String,
    pub outline_level: u32,
    pub percent_complete: f64,
    pub task: Task,
    pub saved: Option<SavedDates>,
    pub baselines: Vec<SavedBaseline>,
    /// Index into [`Plan::resources`] of the one resource kept for the task.
    pub resource: Option<usize>,
    /// Working minutes of work.
    pub work: Minute,
    pub fixed_cost_minor: i64,
}

/// A work resource (a person) of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanResource {
    pub name: String,
    /// Cost per hour in minor units.
    pub cost_rate_minor: i64,
    /// Index into [`Plan::calendars`].
    pub calendar: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub name: String,
    pub start: Minute,
    pub minutes_per_day: Minute,
    pub honor_constraints: bool,
    pub calendars: Vec<Calendar>,
    /// Index of the project calendar in `calendars`.
    pub calendar: usize,
    pub tasks: Vec<PlanTask>,
    pub links: Vec<Link>,
    pub resources: Vec<PlanResource>,
    /// ISO 4217, when the file says.
    pub currency: Option<String>,
    pub warnings: Vec<String>,
}

impl Plan {
    /// A plan holding `network` as it is (no saved dates, no warnings), e.g. a generated one.
    pub fn from_network(name: &str, network: Network) -> Plan {
        let mut codes: Vec<String> = Vec::with_capacity(network.tasks.len());
        let mut counts: HashMap<Option<usize>, usize> = HashMap::new();
        for t in &network.tasks {
            let n = counts.entry(t.parent).or_default();
            *n += 1;
            codes.push(match t.parent {
                Some(p) => format!("{}.{n}", codes[p]),
                None => n.to_string(),
            });
        }
        Plan {
            name: name.to_string(),
            start: network.start,
            minutes_per_day: 480,
            honor_constraints: network.honor_constraints,
            calendar: network.calendar,
            tasks: network
                .tasks
                .into_iter()
                .zip(codes)
                .map(|(task, wbs)| PlanTask {
                    uid: 0,
                    outline_level: wbs.split('.').count() as u32,
                    wbs,
                    percent_complete: 0.0,
                    task,
                    saved: None,
                    baselines: Vec::new(),
                    resource: None,
                    work: 0,
                    fixed_cost_minor: 0,
                })
                .collect(),
            calendars: network.calendars,
            links: network.links,
            resources: Vec::new(),
            currency: None,
            warnings: Vec::new(),
        }
    }

    pub fn network(&self) -> Network {
        Network {
            start: self.start,
            calendars: self.calendars.clone(),
            calendar: self.calendar,
            // A task without a calendar of its own works on its resource's, as in Microsoft Project.
            tasks: self
                .tasks
                .iter()
                .map(|t| {
                    let mut task = t.task.clone();
                    task.calendar = task.calendar.or(t.resource.and_then(|r| self.resources[r].calendar));
                    task
                })
                .collect(),
            links: self.links.clone(),
            honor_constraints: self.honor_constraints,
        }
    }
}

fn bad(what: impl std::fmt::Display) -> CoreError {
    CoreError::InvalidInput(format!(
        "This is not a Microsoft Project XML file Bridgeplan can read: {what}."
    ))
}

fn child<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn children<'a>(node: Node<'a, 'a>, name: &'a str) -> impl Iterator<Item = Node<'a, 'a>> + 'a {
    node.children().filter(move |c| c.has_tag_name(name))
}

fn text<'a>(node: Node<'a, 'a>, name: &str) -> Option<&'a str> {
    child(node, name)
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn number(node: Node, name: &str) -> Option<f64> {
    text(node, name).and_then(|t| t.parse().ok())
}

fn flag(node: Node, name: &str) -> bool {
    matches!(text(node, name), Some("1") | Some("true"))
}

fn date_time(node: Node, name: &str) -> Option<Minute> {
    let t = text(node, name)?;
    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S")
        .ok()
        .map(to_minute)
}

/// `PT8H30M0S`, `P2DT4H` (a day being `minutes_per_day`), as whole minutes.
fn parse_duration(text: &str, minutes_per_day: Minute) -> Option<Minute> {
    let rest = text.strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut minutes = 0.0;
    if let Some(d) = days.strip_suffix('D') {
        minutes += d.parse::<f64>().ok()? * minutes_per_day as f64;
    }
    let mut number = String::new();
    for c in time.chars() {
        match c {
            'H' | 'M' | 'S' => {
                let n: f64 = number.parse().ok()?;
                minutes += n * match c {
                    'H' => 60.0,
                    'M' => 1.0,
                    _ => 1.0 / 60.0,
                };
                number.clear();
            }
            _ => number.push(c),
        }
    }
    Some(minutes.round() as Minute)
}

/// "08:30:00" as minutes after midnight; `None` for a time no day has (25:00, 08:75), which
/// the calendar then leaves out like a missing one.
fn time_of_day(t: &str) -> Option<u16> {
    let mut parts = t.split(':');
    let h: u16 = parts.next()?.parse().ok()?;
    let m: u16 = parts.next()?.parse().ok()?;
    (h < 24 && m < 60 || h == 24 && m == 0).then(|| h * 60 + m)
}

fn working_times(node: Node) -> Vec<Span> {
    let Some(times) = child(node, "WorkingTimes") else {
        return Vec::new();
    };
    children(times, "WorkingTime")
        .filter_map(|wt| {
            let start = time_of_day(text(wt, "FromTime")?)?;
            let end = time_of_day(text(wt, "ToTime")?)?;
            // 00:00 as an end is midnight at the end of the day.
            Some(Span {
                start,
                end: if end == 0 { 1440 } else { end },
            })
        })
        .collect()
}

/// A calendar as written: only what it sets itself; the rest comes from its base calendar.
struct RawCalendar {
    uid: i64,
    name: String,
    base: Option<i64>,
    week: [Option<Vec<Span>>; 7],
    exceptions: Vec<(NaiveDate, NaiveDate, Vec<Span>)>,
}

fn read_calendar(node: Node, warnings: &mut Vec<String>) -> Option<RawCalendar> {
    let uid = number(node, "UID")? as i64;
    let name = text(node, "Name").unwrap_or("Calendar").to_string();
    let mut raw = RawCalendar {
        uid,
        base: number(node, "BaseCalendarUID")
            .map(|b| b as i64)
            .filter(|&b| b >= 0 && b != uid),
        name,
        week: Default::default(),
        exceptions: Vec::new(),
    };
    let range = |period: Node| -> Option<(NaiveDate, NaiveDate)> {
        let from = NaiveDateTime::parse_from_str(text(period, "FromDate")?, "%Y-%m-%dT%H:%M:%S").ok()?;
        let to = NaiveDateTime::parse_from_str(text(period, "ToDate")?, "%Y-%m-%dT%H:%M:%S").ok()?;
        let (first, last) = project_dates();
        let (from, to) = (from.date().max(first), to.date().min(last));
        (from <= to).then_some((from, to))
    };
    if let Some(days) = child(node, "WeekDays") {
        for day in children(days, "WeekDay") {
            let spans = if flag(day, "DayWorking") {
                working_times(day)
            } else {
                Vec::new()
            };
            match number(day, "DayType").map(|d| d as usize) {
                // Sunday is 1; our week starts on Monday.
                Some(d @ 1..=7) => raw.week[(d + 5) % 7] = Some(spans),
                Some(0) => {
                    if let Some((from, to)) = child(day, "TimePeriod").and_then(range) {
                        raw.exceptions.push((from, to, spans));
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(list) = child(node, "Exceptions") {
        for exception in children(list, "Exception") {
            let Some((from, to)) = child(exception, "TimePeriod").and_then(range) else {
                continue;
            };
            let Some(dates) = recurrence(exception, from, to) else {
                warnings.push(format!(
                    "Calendar \"{}\": the recurring exception \"{}\" (by weekday position in a month or year) was not imported; add its dates by hand.",
                    raw.name,
                    text(exception, "Name").unwrap_or("unnamed")
                ));
                continue;
            };
            let spans = if flag(exception, "DayWorking") {
                working_times(exception)
            } else {
                Vec::new()
            };
            match dates {
                Recurrence::Range => raw.exceptions.push((from, to, spans)),
                Recurrence::Dates(dates) => raw.exceptions.extend(dates.into_iter().map(|d| (d, d, spans.clone()))),
            }
        }
    }
    Some(raw)
}

enum Recurrence {
    /// Every day from the first to the last.
    Range,
    Dates(Vec<NaiveDate>),
}

/// The dates of a calendar exception. `Type` 1 is every day of its period; 7 every `Period`
/// days; 6 the `DaysOfWeek` (bit 1 Sunday … 64 Saturday) every `Period` weeks; 4 day
/// `MonthDay` every `Period` months; 2 `MonthDay` of `Month` every year — each up to
/// `Occurrences` times within the period. The relative kinds (3 and 5: "the second Tuesday")
/// give None.
fn recurrence(exception: Node, from: NaiveDate, to: NaiveDate) -> Option<Recurrence> {
    let kind = number(exception, "Type").map_or(1, |t| t as i64);
    let count = number(exception, "Occurrences").map_or(usize::MAX, |n| n.max(1.0) as usize);
    let period = number(exception, "Period").map_or(1, |p| (p as i64).max(1));
    let within = |d: &NaiveDate| *d >= from && *d <= to;
    let dates: Vec<NaiveDate> = match kind {
        1 => return Some(Recurrence::Range),
        7 => (0..)
            .map(|i| from + chrono::Duration::days(i * period))
            .take_while(within)
            .take(count)
            .collect(),
        6 => {
            let mask = number(exception, "DaysOfWeek").map_or(0, |m| m as u32);
            let week_start = from - chrono::Duration::days(from.weekday().num_days_from_sunday() as i64);
            from.iter_days()
                .take_while(within)
                .filter(|d| mask & (1 << d.weekday().num_days_from_sunday()) != 0)
                .filter(|d| ((*d - week_start).num_days() / 7) % period == 0)
                .take(count)
                .collect()
        }
        4 | 2 => {
            let day = number(exception, "MonthDay")? as u32;
            let (step, month) = if kind == 4 {
                (period as u32, None)
            } else {
                (12, number(exception, "Month").map(|m| m as u32))
            };
            let mut out = Vec::new();
            let (mut year, mut m) = (from.year(), month.unwrap_or(from.month()));
            while out.len() < count {
                if let Some(d) = NaiveDate::from_ymd_opt(year, m, day) {
                    if d > to {
                        break;
                    }
                    if d >= from {
                        out.push(d);
                    }
                }
                m += step;
                while m > 12 {
                    m -= 12;
                    year += 1;
                }
                if year > to.year() {
                    break;
                }
            }
            out
        }
        _ => return None,
    };
    Some(Recurrence::Dates(dates))
}

/// Fills each calendar's unset weekdays and exceptions from its base calendars.
fn resolve_calendars(raws: &[RawCalendar], warnings: &mut Vec<String>) -> (Vec<Calendar>, HashMap<i64, usize>) {
    let by_uid: HashMap<i64, &RawCalendar> = raws.iter().map(|r| (r.uid, r)).collect();
    let mut calendars = Vec::new();
    let mut index = HashMap::new();
    for raw in raws {
        let mut week: [Option<Vec<Span>>; 7] = raw.week.clone();
        let mut exceptions = Vec::new();
        let mut chain = vec![raw];
        let mut base = raw.base;
        while let Some(b) = base.and_then(|b| by_uid.get(&b)) {
            if chain.iter().any(|c| c.uid == b.uid) {
                break;
            }
            chain.push(b);
            base = b.base;
        }
        // The base's exceptions first, so the calendar's own win on the same date.
        for c in chain.iter().rev() {
            exceptions.extend(c.exceptions.iter().cloned());
        }
        for c in &chain[1..] {
            for (d, spans) in c.week.iter().enumerate() {
                if week[d].is_none() {
                    week[d] = spans.clone();
                }
            }
        }
        let standard = Calendar::standard();
        let week: [Vec<Span>; 7] =
            std::array::from_fn(|d| week[d].clone().unwrap_or_else(|| standard_day(&standard, d)));
        let mut calendar = match Calendar::new(&raw.name, week) {
            Ok(c) => c,
            Err(err) => {
                warnings.push(format!("{err} The standard calendar was used instead."));
                let mut c = Calendar::standard();
                c.name = raw.name.clone();
                c
            }
        };
        let mut days = 0;
        'exceptions: for (from, to, spans) in exceptions {
            for day in from.iter_days().take_while(|d| *d <= to) {
                days += 1;
                if days > MAX_EXCEPTION_DAYS {
                    warnings.push(format!(
                        "Calendar \"{}\": its exceptions cover more than {MAX_EXCEPTION_DAYS} days; those past that were not imported.",
                        raw.name
                    ));
                    break 'exceptions;
                }
                if let Err(err) = calendar.set_exception(day, spans.clone()) {
                    warnings.push(err.to_string());
                    break;
                }
            }
        }
        index.insert(raw.uid, calendars.len());
        calendars.push(calendar);
    }
    (calendars, index)
}

/// The dates Microsoft Project can hold (1 January 1984 to 31 December 2149). Exception periods
/// are cut to them: one from year 1 to 9999, as a damaged file may have, would otherwise be
/// spelt out as millions of days.
fn project_dates() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(1984, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2149, 12, 31).unwrap(),
    )
}

/// More exception days than any real calendar has (270 years, every day); past it the rest of a
/// calendar's exceptions are left out with a warning, so a crafted file cannot fill the memory.
const MAX_EXCEPTION_DAYS: usize = 100_000;

fn standard_day(standard: &Calendar, weekday: usize) -> Vec<Span> {
    // 2024-01-01 was a Monday.
    let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(weekday as i64);
    if standard.is_working_day(date) {
        vec![Span::hours(8, 12), Span::hours(13, 17)]
    } else {
        Vec::new()
    }
}

fn constraint(node: Node, warnings: &mut Vec<String>, name: &str) -> Constraint {
    let date = date_time(node, "ConstraintDate");
    let kind = number(node, "ConstraintType").unwrap_or(0.0) as i64;
    match (kind, date) {
        (2, Some(d)) => Constraint::MustStartOn(d),
        (3, Some(d)) => Constraint::MustFinishOn(d),
        (4, Some(d)) => Constraint::StartNoEarlierThan(d),
        (5, Some(d)) => Constraint::StartNoLaterThan(d),
        (6, Some(d)) => Constraint::FinishNoEarlierThan(d),
        (7, Some(d)) => Constraint::FinishNoLaterThan(d),
        (1, _) => {
            warnings.push(format!(
                "Task \"{name}\": \"as late as possible\" is scheduled as soon as possible."
            ));
            Constraint::AsSoonAsPossible
        }
        _ => Constraint::AsSoonAsPossible,
    }
}

/// Reads an MSPDI document. Nothing is written anywhere: the caller decides what to keep.
pub fn read(xml: &str) -> Result<Plan> {
    let doc = Document::parse(xml).map_err(|e| bad(format!("the XML is malformed ({e})")))?;
    let root = doc.root_element();
    if !root.has_tag_name("Project") {
        return Err(bad(format!(
            "its root element is <{}>, not <Project>",
            root.tag_name().name()
        )));
    }
    let mut warnings = Vec::new();
    let minutes_per_day = number(root, "MinutesPerDay")
        .map(|m| m as Minute)
        .filter(|&m| m > 0)
        .unwrap_or(480);
    let raws: Vec<RawCalendar> = child(root, "Calendars")
        .map(|c| {
            children(c, "Calendar")
                .filter_map(|n| read_calendar(n, &mut warnings))
                .collect()
        })
        .unwrap_or_default();
    let (mut calendars, calendar_index) = resolve_calendars(&raws, &mut warnings);
    let project_calendar = number(root, "CalendarUID")
        .and_then(|uid| calendar_index.get(&(uid as i64)).copied())
        .unwrap_or_else(|| {
            calendars.push(Calendar::standard());
            calendars.len() - 1
        });

    let mut tasks: Vec<PlanTask> = Vec::new();
    let mut by_uid = HashMap::new();
    // The outline above the current row: (level, task index), innermost last.
    let mut open: Vec<(u32, usize)> = Vec::new();
    let mut task_links = Vec::new();
    for node in child(root, "Tasks").into_iter().flat_map(|t| children(t, "Task")) {
        let Some(uid) = number(node, "UID").map(|u| u as i64) else {
            continue;
        };
        let level = number(node, "OutlineLevel").map_or(1, |l| l as u32);
        if level == 0 || flag(node, "IsNull") {
            continue; // the project's own summary row, or an empty row
        }
        let name = text(node, "Name").unwrap_or("Unnamed task").to_string();
        while open.last().is_some_and(|&(l, _)| l >= level) {
            open.pop();
        }
        let parent = open.last().map(|&(_, t)| t);
        let duration = text(node, "Duration")
            .and_then(|d| parse_duration(d, minutes_per_day))
            .unwrap_or(0);
        let calendar = number(node, "CalendarUID").and_then(|uid| calendar_index.get(&(uid as i64)).copied());
        let saved = (|| {
            Some(SavedDates {
                early_start: date_time(node, "EarlyStart")?,
                early_finish: date_time(node, "EarlyFinish")?,
                late_start: date_time(node, "LateStart")?,
                late_finish: date_time(node, "LateFinish")?,
                total_slack: (number(node, "TotalSlack")? / 10.0).round() as Minute,
                free_slack: (number(node, "FreeSlack")? / 10.0).round() as Minute,
                critical: flag(node, "Critical"),
            })
        })();
        let mut constraint = constraint(node, &mut warnings, &name);
        if flag(node, "Manual") {
            // Bridgeplan schedules every task from its links; keep the date the manager set.
            if let (Constraint::AsSoonAsPossible, Some(start)) = (constraint, date_time(node, "ManualStart")) {
                constraint = Constraint::StartNoEarlierThan(start);
            }
            warnings.push(format!(
                "Task \"{name}\" is manually scheduled in Microsoft Project; it is scheduled automatically here, starting no earlier than its date."
            ));
        }
        let task = Task {
            parent,
            duration,
            calendar,
            constraint,
            actual_start: date_time(node, "ActualStart"),
            actual_finish: date_time(node, "ActualFinish"),
            name,
            delay: 0,
        };
        by_uid.insert(uid, tasks.len());
        task_links.push(node);
        open.push((level, tasks.len()));
        tasks.push(PlanTask {
            uid,
            wbs: text(node, "WBS")
                .or(text(node, "OutlineNumber"))
                .unwrap_or("")
                .to_string(),
            outline_level: level,
            percent_complete: number(node, "PercentComplete").unwrap_or(0.0),
            task,
            saved,
            baselines: children(node, "Baseline")
                .filter_map(|b| {
                    Some(SavedBaseline {
                        number: number(b, "Number")? as u32,
                        start: date_time(b, "Start")?,
                        finish: date_time(b, "Finish")?,
                        duration: text(b, "Duration")
                            .and_then(|d| parse_duration(d, minutes_per_day))
                            .unwrap_or(0),
                    })
                })
                .collect(),
            resource: None,
            work: text(node, "Work")
                .and_then(|w| parse_duration(w, minutes_per_day))
                .unwrap_or(0),
            fixed_cost_minor: number(node, "FixedCost").map_or(0, |c| c.round() as i64),
        });
    }
    let resources = read_resources(root, &calendar_index, &by_uid, &mut tasks, &mut warnings);
    let mut links = Vec::new();
    for (successor, node) in task_links.iter().enumerate() {
        for link in children(*node, "PredecessorLink") {
            let Some(pred_uid) = number(link, "PredecessorUID").map(|u| u as i64) else {
                continue;
            };
            let name = &tasks[successor].task.name;
            if flag(link, "CrossProject") {
                warnings.push(format!("Task \"{name}\": a link to another project was not imported."));
                continue;
            }
            let Some(&predecessor) = by_uid.get(&pred_uid) else {
                warnings.push(format!(
                    "Task \"{name}\": a link from a task that is not in the file was not imported."
                ));
                continue;
            };
            let kind = match number(link, "Type").unwrap_or(1.0) as i64 {
                0 => LinkType::FinishToFinish,
                2 => LinkType::StartToFinish,
                3 => LinkType::StartToStart,
                _ => LinkType::FinishToStart,
            };
            let raw_lag = number(link, "LinkLag").unwrap_or(0.0);
            let format = number(link, "LagFormat").unwrap_or(7.0) as i64;
            let lag = match format {
                19 | 20 | 51 | 52 => Lag::PercentOfPredecessor(raw_lag / 10.0),
                _ => {
                    if matches!(format, 4 | 6 | 8 | 10 | 12 | 36 | 38 | 40 | 42 | 44) && raw_lag != 0.0 {
                        warnings.push(format!("Task \"{name}\": an elapsed lag is counted in working time."));
                    }
                    Lag::Work((raw_lag / 10.0).round() as Minute)
                }
            };
            links.push(Link {
                predecessor,
                successor,
                kind,
                lag,
            });
        }
    }

    let start = date_time(root, "StartDate")
        .or_else(|| tasks.iter().filter_map(|t| t.saved.map(|s| s.early_start)).min())
        .unwrap_or(0);
    Ok(Plan {
        name: text(root, "Title")
            .or(text(root, "Name"))
            .unwrap_or("Imported project")
            .to_string(),
        start,
        minutes_per_day,
        honor_constraints: text(root, "HonorConstraints").is_none_or(|h| h == "1" || h == "true"),
        calendars,
        calendar: project_calendar,
        tasks,
        links,
        resources,
        currency: text(root, "CurrencyCode").map(str::to_string),
        warnings,
    })
}

/// The work resources and, for each task, the one resource Bridgeplan keeps (the one doing
/// most of its work); the others are reported.
fn read_resources(
    root: Node,
    calendar_index: &HashMap<i64, usize>,
    task_by_uid: &HashMap<i64, usize>,
    tasks: &mut [PlanTask],
    warnings: &mut Vec<String>,
) -> Vec<PlanResource> {
    let mut resources = Vec::new();
    let mut by_uid = HashMap::new();
    for node in child(root, "Resources")
        .into_iter()
        .flat_map(|r| children(r, "Resource"))
    {
        let (Some(uid), Some(name)) = (number(node, "UID"), text(node, "Name").map(str::trim)) else {
            continue; // the unnamed resource 0 Microsoft Project always writes
        };
        if name.is_empty() || flag(node, "IsNull") {
            continue;
        }
        // Type 1 is work (people); 0 material and 2 cost resources have no place here.
        if number(node, "Type").is_some_and(|t| t as i64 != 1) {
            warnings.push(format!(
                "Resource \"{name}\" is a material or cost resource; it was not imported."
            ));
            continue;
        }
        by_uid.insert(uid as i64, resources.len());
        resources.push(PlanResource {
            name: name.to_string(),
            cost_rate_minor: number(node, "StandardRate").map_or(0, |r| (r * 100.0).round() as i64),
            calendar: number(node, "CalendarUID").and_then(|c| calendar_index.get(&(c as i64)).copied()),
        });
    }
    let mut assigned: HashMap<usize, Vec<(usize, Minute)>> = HashMap::new();
    for node in child(root, "Assignments")
        .into_iter()
        .flat_map(|a| children(a, "Assignment"))
    {
        let task = number(node, "TaskUID").and_then(|u| task_by_uid.get(&(u as i64)).copied());
        let resource = number(node, "ResourceUID").and_then(|u| by_uid.get(&(u as i64)).copied());
        if let (Some(task), Some(resource)) = (task, resource) {
            let work = text(node, "Work").and_then(|w| parse_duration(w, 480)).unwrap_or(0);
            assigned.entry(task).or_default().push((resource, work));
        }
    }
    let mut ordered: Vec<_> = assigned.into_iter().collect();
    ordered.sort_by_key(|(task, _)| *task);
    for (task, mut list) in ordered {
        // Most work first; the file's order among equals.
        list.sort_by_key(|&(_, work)| std::cmp::Reverse(work));
        tasks[task].resource = Some(list[0].0);
        if list.len() > 1 {
            let others: Vec<&str> = list[1..].iter().map(|&(r, _)| resources[r].name.as_str()).collect();
            warnings.push(format!(
                "Task \"{}\" has {} resources; Bridgeplan keeps one assignee per task, {}, with all of the task's work. Not kept: {}.",
                tasks[task].task.name,
                list.len(),
                resources[list[0].0].name,
                others.join(", ")
            ));
        }
    }
    resources
}
