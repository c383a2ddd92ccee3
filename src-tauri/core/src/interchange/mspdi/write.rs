//! Writing a project as an MSPDI document that Microsoft Project and other readers open.
//!
//! Elements are written in the order of Microsoft Project's schema (it rejects other orders).
//! Each task carries the dates Bridgeplan computed, so a reader that does not schedule shows
//! the same plan. What the format cannot hold is returned as warnings.

use chrono::NaiveTime;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use crate::plan::calendars;
use crate::plan::schedule::{Calendar, Minute, Span};
use crate::plan::timeline::DependencyKind;
use crate::{Id, Result, Workspace};

const DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S";

/// The document and what it could not hold.
#[derive(Debug, Clone)]
pub struct Export {
    pub xml: String,
    pub warnings: Vec<String>,
}

/// A tiny writer: elements with escaped text, indented two spaces per level.
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn open(&mut self, tag: &str) {
        let _ = writeln!(self.out, "{:indent$}<{tag}>", "", indent = self.depth * 2);
        self.depth += 1;
    }

    fn close(&mut self, tag: &str) {
        self.depth -= 1;
        let _ = writeln!(self.out, "{:indent$}</{tag}>", "", indent = self.depth * 2);
    }

    fn leaf(&mut self, tag: &str, value: impl std::fmt::Display) {
        let text = value.to_string();
        let mut escaped = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => escaped.push_str("&amp;"),
                '<' => escaped.push_str("&lt;"),
                '>' => escaped.push_str("&gt;"),
                '"' => escaped.push_str("&quot;"),
                // Control characters other than tab and newlines are not allowed in XML 1.0.
                c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
                c => escaped.push(c),
            }
        }
        let _ = writeln!(
            self.out,
            "{:indent$}<{tag}>{escaped}</{tag}>",
            "",
            indent = self.depth * 2
        );
    }
}

/// `PT8H30M0S` from working minutes.
fn duration(minutes: Minute) -> String {
    format!("PT{}H{}M0S", minutes / 60, minutes % 60)
}

fn time_of_day(minutes: u16) -> String {
    format!("{:02}:{:02}:00", minutes / 60 % 24, minutes % 60)
}

/// The working spans of a day or an exception; nothing for a day off.
fn write_spans(xml: &mut Xml, spans: &[Span]) {
    if spans.is_empty() {
        return;
    }
    xml.open("WorkingTimes");
    for span in spans {
        xml.open("WorkingTime");
        xml.leaf("FromTime", time_of_day(span.start));
        xml.leaf("ToTime", time_of_day(span.end));
        xml.close("WorkingTime");
    }
    xml.close("WorkingTimes");
}

fn write_calendar(xml: &mut Xml, uid: usize, calendar: &Calendar) {
    xml.open("Calendar");
    xml.leaf("UID", uid);
    xml.leaf("Name", &calendar.name);
    xml.leaf("IsBaseCalendar", 1);
    xml.leaf("BaseCalendarUID", -1);
    xml.open("WeekDays");
    // DayType 1 is Sunday; the calendar's week starts on Monday.
    for day_type in 1..=7usize {
        let spans = &calendar.week()[(day_type + 5) % 7];
        xml.open("WeekDay");
        xml.leaf("DayType", day_type);
        xml.leaf("DayWorking", u8::from(!spans.is_empty()));
        write_spans(xml, spans);
        xml.close("WeekDay");
    }
    xml.close("WeekDays");
    let exceptions = calendar.exceptions();
    if !exceptions.is_empty() {
        xml.open("Exceptions");
        for (date, spans) in exceptions {
            xml.open("Exception");
            xml.leaf("EnteredByOccurrences", 0);
            xml.open("TimePeriod");
            xml.leaf("FromDate", format!("{date}T00:00:00"));
            xml.leaf("ToDate", format!("{date}T23:59:00"));
            xml.close("TimePeriod");
            xml.leaf("Occurrences", 1);
            xml.leaf(
                "Name",
                if spans.is_empty() {
                    "Holiday"
                } else {
                    "Changed working time"
                },
            );
            xml.leaf("Type", 1);
            xml.leaf("DayWorking", u8::from(!spans.is_empty()));
            write_spans(xml, spans);
            xml.close("Exception");
        }
        xml.close("Exceptions");
    }
    xml.close("Calendar");
}

/// The per-item fields the schedule does not carry.
struct ItemFields {
    constraint_type: String,
    constraint_date: Option<String>,
    actual_start: Option<String>,
    actual_finish: Option<String>,
    calendar_id: Option<Id>,
    description: String,
    assignee: Option<String>,
    tags: String,
    story_points: Option<f64>,
    fixed_cost_minor: i64,
}

pub fn export(ws: &Workspace, project_id: Id) -> Result<Export> {
    let project = ws.project(project_id)?;
    let schedule = ws.project_schedule(project_id)?;
    let conn = &ws.conn;
    let (calendars, calendar_index) = calendars::load(conn)?;
    let (project_calendar, honor, start_time): (Option<Id>, bool, Option<String>) = conn.query_row(
        "SELECT calendar_id, honor_constraints, start_time FROM projects WHERE id = ?1",
        [project_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    // The project's own start as it was imported (12:30 stays 12:30), else where its work begins.
    let start = match (
        project.start_date,
        start_time.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()),
    ) {
        (Some(day), Some(time)) => day.and_time(time),
        _ => schedule.start,
    };
    let project_calendar = project_calendar.unwrap_or(calendars::STANDARD_CALENDAR);
    let mut fields: HashMap<Id, ItemFields> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT w.id, w.constraint_type, w.constraint_date, w.actual_start, w.actual_finish, w.calendar_id, \
             w.description, p.name, w.tags, w.story_points, w.fixed_cost_minor \
             FROM work_items w LEFT JOIN people p ON p.id = w.assignee_id WHERE w.project_id = ?1",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                ItemFields {
                    constraint_type: r.get(1)?,
                    constraint_date: r.get(2)?,
                    actual_start: r.get(3)?,
                    actual_finish: r.get(4)?,
                    calendar_id: r.get(5)?,
                    description: r.get(6)?,
                    assignee: r.get(7)?,
                    tags: r.get(8)?,
                    story_points: r.get(9)?,
                    fixed_cost_minor: r.get(10)?,
                },
            ))
        })?;
        for row in rows {
            let (id, f) = row?;
            fields.insert(id, f);
        }
    }
    let baselines = ws.baselines(project_id)?;
    let mut warnings =
        vec!["Board columns and WIP limits are not part of Microsoft Project XML and were left out.".to_string()];
    if fields.values().any(|f| f.tags != "[]" || f.story_points.is_some()) {
        warnings.push("Tags and story points are not part of Microsoft Project XML and were left out.".into());
    }
    if baselines.len() > 11 {
        warnings.push("Microsoft Project holds 11 baselines; the rest were left out.".into());
    }
    let mut baseline_dates: Vec<HashMap<Id, (String, String, i64)>> = Vec::new();
    for b in baselines.iter().take(11) {
        baseline_dates.push(
            ws.baseline_dates(b.id)?
                .into_iter()
                .map(|t| {
                    (
                        t.item_id,
                        (
                            t.start.format(DATE_TIME).to_string(),
                            t.finish.format(DATE_TIME).to_string(),
                            t.duration_minutes,
                        ),
                    )
                })
                .collect(),
        );
    }

    // Calendars get UIDs 1…n in workspace order; the project's comes from its id.
    let calendar_uid = |id: Id| calendar_index.get(&id).map(|i| i + 1);
    let task_uid: HashMap<Id, usize> = schedule
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.item_id, i + 1))
        .collect();
    let resources: BTreeSet<String> = fields.values().filter_map(|f| f.assignee.clone()).collect();
    let resource_uid: HashMap<&str, usize> = resources.iter().enumerate().map(|(i, r)| (r.as_str(), i + 1)).collect();

    let mut xml = Xml {
        out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"),
        depth: 0,
    };
    xml.out
        .push_str("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
    xml.depth = 1;
    xml.leaf("SaveVersion", 14);
    xml.leaf("Name", format!("{}.xml", project.name));
    xml.leaf("Title", &project.name);
    xml.leaf("ScheduleFromStart", 1);
    xml.leaf("StartDate", start.format(DATE_TIME));
    xml.leaf("FinishDate", schedule.finish.format(DATE_TIME));
    xml.leaf("CurrencyCode", &schedule.currency);
    xml.leaf("CalendarUID", calendar_uid(project_calendar).unwrap_or(1));
    xml.leaf("MinutesPerDay", 480);
    xml.leaf("MinutesPerWeek", 2400);
    xml.leaf("DaysPerMonth", 20);
    xml.leaf("DurationFormat", 7);
    xml.leaf("HonorConstraints", u8::from(honor));
    xml.leaf("NewTasksAreManual", 0);

    xml.open("Calendars");
    for (i, calendar) in calendars.iter().enumerate() {
        write_calendar(&mut xml, i + 1, calendar);
    }
    xml.close("Calendars");

    xml.open("Tasks");
    for (i, t) in schedule.tasks.iter().enumerate() {
        let f = fields.get(&t.item_id);
        let level = t.wbs.split('.').count();
        xml.open("Task");
        xml.leaf("UID", i + 1);
        xml.leaf("ID", i + 1);
        xml.leaf("Name", &t.name);
        xml.leaf("Type", 1);
        xml.leaf("IsNull", 0);
        xml.leaf("WBS", &t.wbs);
        xml.leaf("OutlineNumber", &t.wbs);
        xml.leaf("OutlineLevel", level);
        xml.leaf("Start", t.start.format(DATE_TIME));
        xml.leaf("Finish", t.finish.format(DATE_TIME));
        xml.leaf("Duration", duration(t.duration_minutes));
        xml.leaf("DurationFormat", 7);
        xml.leaf("Work", duration((t.work_hours * 60.0).round() as Minute));
        xml.leaf("Milestone", u8::from(t.milestone));
        xml.leaf("Summary", u8::from(t.summary));
        xml.leaf("Critical", u8::from(t.critical));
        xml.leaf("EarlyStart", t.early_start.format(DATE_TIME));
        xml.leaf("EarlyFinish", t.early_finish.format(DATE_TIME));
        xml.leaf("LateStart", t.late_start.format(DATE_TIME));
        xml.leaf("LateFinish", t.late_finish.format(DATE_TIME));
        xml.leaf("FreeSlack", (t.free_float_hours * 600.0).round() as i64);
        xml.leaf("TotalSlack", (t.total_float_hours * 600.0).round() as i64);
        xml.leaf("FixedCost", f.map_or(0, |f| f.fixed_cost_minor));
        xml.leaf("PercentComplete", t.percent_complete.round() as i64);
        xml.leaf("Cost", t.cost_minor);
        if let Some(f) = f {
            if let Some(a) = &f.actual_start {
                xml.leaf("ActualStart", a);
            }
            if let Some(a) = &f.actual_finish {
                xml.leaf("ActualFinish", a);
            }
            let code = match f.constraint_type.as_str() {
                "mso" => 2,
                "mfo" => 3,
                "snet" => 4,
                "snlt" => 5,
                "fnet" => 6,
                "fnlt" => 7,
                _ => 0,
            };
            xml.leaf("ConstraintType", code);
            xml.leaf(
                "CalendarUID",
                f.calendar_id.and_then(calendar_uid).map_or(-1, |u| u as i64),
            );
            if code != 0 {
                if let Some(d) = &f.constraint_date {
                    xml.leaf("ConstraintDate", d);
                }
            }
            if !f.description.trim().is_empty() {
                xml.leaf("Notes", &f.description);
            }
        }
        for link in schedule.links.iter().filter(|l| l.successor_id == t.item_id) {
            let Some(pred) = task_uid.get(&link.predecessor_id) else {
                continue;
            };
            xml.open("PredecessorLink");
            xml.leaf("PredecessorUID", pred);
            xml.leaf(
                "Type",
                match link.kind {
                    DependencyKind::Ff => 0,
                    DependencyKind::Fs => 1,
                    DependencyKind::Sf => 2,
                    DependencyKind::Ss => 3,
                },
            );
            xml.leaf("CrossProject", 0);
            match link.lag_percent {
                Some(p) => {
                    xml.leaf("LinkLag", (p * 10.0).round() as i64);
                    xml.leaf("LagFormat", 19);
                }
                None => {
                    xml.leaf("LinkLag", link.lag_minutes * 10);
                    xml.leaf("LagFormat", 7);
                }
            }
            xml.close("PredecessorLink");
        }
        for (number, dates) in baseline_dates.iter().enumerate() {
            if let Some((start, finish, minutes)) = dates.get(&t.item_id) {
                xml.open("Baseline");
                xml.leaf("Number", number);
                xml.leaf("Start", start);
                xml.leaf("Finish", finish);
                xml.leaf("Duration", duration(*minutes));
                xml.leaf("DurationFormat", 7);
                xml.close("Baseline");
            }
        }
        xml.close("Task");
    }
    xml.close("Tasks");

    xml.open("Resources");
    for (name, uid) in &resource_uid {
        xml.open("Resource");
        xml.leaf("UID", uid);
        xml.leaf("ID", uid);
        xml.leaf("Name", name);
        xml.leaf("Type", 1);
        xml.leaf("IsNull", 0);
        let (calendar, rate): (Option<Id>, i64) = conn.query_row(
            "SELECT calendar_id, cost_rate_minor FROM people WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        xml.leaf("StandardRate", format!("{}.{:02}", rate / 100, rate % 100));
        if let Some(uid) = calendar.and_then(calendar_uid) {
            xml.leaf("CalendarUID", uid);
        }
        xml.close("Resource");
    }
    xml.close("Resources");

    xml.open("Assignments");
    let mut assignment = 0;
    for t in &schedule.tasks {
        let Some(resource) = fields.get(&t.item_id).and_then(|f| f.assignee.as_deref()) else {
            continue;
        };
        if t.summary {
            continue;
        }
        assignment += 1;
        xml.open("Assignment");
        xml.leaf("UID", assignment);
        xml.leaf("TaskUID", task_uid[&t.item_id]);
        xml.leaf("ResourceUID", resource_uid[resource]);
        xml.leaf("Units", 1);
        xml.leaf("Work", duration((t.work_hours * 60.0).round() as Minute));
        xml.close("Assignment");
    }
    xml.close("Assignments");
    xml.out.push_str("</Project>\n");
    Ok(Export { xml: xml.out, warnings })
}
