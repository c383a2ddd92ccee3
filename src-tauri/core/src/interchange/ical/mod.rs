//! iCalendar (RFC 5545) export of a project's (or the whole workspace's) milestones, meetings
//! and work-item due dates, for calendar apps to subscribe to or import.
//!
//! - Milestones and due dates are all-day events (`DTSTART;VALUE=DATE`, `DTEND` the next day,
//!   as the RFC's non-inclusive end asks). A milestone without a due date takes its scheduled
//!   date from the project's schedule.
//! - Meetings with a start time are timed events in floating local time (no `Z`, no `TZID`):
//!   Bridgeplan stores a meeting's wall-clock time without a zone, and a floating time shows at
//!   that wall-clock time in the calendar app, which is what the manager typed. A meeting
//!   without a start time is an all-day event.
//! - UIDs are `<kind>-<row id>@<workspace uuid>`: the same row exported again has the same UID,
//!   so a calendar app that imports the file again updates the event instead of adding another.
//! - `DTSTAMP` is `clock::now()` in UTC. Lines end with CRLF and are folded at 75 octets (never
//!   inside a UTF-8 character); text values escape `\`, `;`, `,` and line breaks.

use chrono::{Duration, NaiveDate};

use crate::interchange::preview::{CreateCount, ExportReport};
use crate::work::items::ItemType;
use crate::work::statuses::StatusCategory;
use crate::{clock, Id, Result, Workspace};

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets with CRLF and a space (§3.1).
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

struct Event {
    uid: String,
    summary: String,
    description: String,
    location: String,
    categories: &'static str,
    /// All-day on this date, or timed: (date, "HH:MM", minutes).
    when: When,
}

enum When {
    AllDay(NaiveDate),
    Timed(NaiveDate, String, u32),
}

impl Workspace {
    /// The calendar file for one project, or for every project when `project_id` is `None`.
    pub fn ical_export(&self, project_id: Option<Id>) -> Result<(String, ExportReport)> {
        let projects = match project_id {
            Some(id) => vec![self.project(id)?],
            None => self.projects()?,
        };
        let uuid = self.workspace_uuid();
        let host = if uuid.is_empty() {
            "bridgeplan".to_string()
        } else {
            uuid
        };
        let mut events = Vec::new();
        let mut not_kept = Vec::new();
        let (mut milestones, mut dues, mut meetings) = (0, 0, 0);
        for project in &projects {
            let board = self.board(project.id)?;
            let mut scheduled = None;
            for column in &board.columns {
                let done = column.status.category == StatusCategory::Done;
                for item in &column.items {
                    let milestone = item.item_type == ItemType::Milestone;
                    if !milestone && (done || item.due_date.is_none()) {
                        continue;
                    }
                    let day = match item.due_date {
                        Some(d) => Some(d),
                        None => {
                            // Computed once per project, and only when a milestone needs it.
                            let schedule = scheduled.get_or_insert_with(|| self.project_schedule(project.id).ok());
                            schedule
                                .as_ref()
                                .and_then(|s| s.tasks.iter().find(|t| t.item_id == item.id))
                                .map(|t| t.start.date())
                        }
                    };
                    let Some(day) = day else {
                        not_kept.push(format!(
                            "The milestone \"{}\" has no date yet, so it is not in the calendar.",
                            item.title
                        ));
                        continue;
                    };
                    let mut description = format!("{} · {}", project.name, column.status.name);
                    if let Some(a) = &item.assignee {
                        description.push_str(&format!(" · {a}"));
                    }
                    if !item.description.is_empty() {
                        description.push_str("\n\n");
                        description.push_str(&item.description);
                    }
                    if milestone {
                        milestones += 1;
                    } else {
                        dues += 1;
                    }
                    events.push(Event {
                        uid: format!("{}-{}@{host}", if milestone { "milestone" } else { "due" }, item.id),
                        summary: if milestone {
                            format!("◆ {}", item.title)
                        } else {
                            format!("Due: {}", item.title)
                        },
                        description,
                        location: String::new(),
                        categories: if milestone { "Milestone" } else { "Due date" },
                        when: When::AllDay(day),
                    });
                }
            }
            for m in self.meetings(project.id)? {
                meetings += 1;
                events.push(Event {
                    uid: format!("meeting-{}@{host}", m.id),
                    summary: m.title.clone(),
                    description: m.project_name.clone(),
                    location: m.location.clone(),
                    categories: "Meeting",
                    when: match &m.start_time {
                        Some(t) => When::Timed(m.day, t.clone(), m.duration_minutes),
                        None => When::AllDay(m.day),
                    },
                });
            }
        }
        if meetings > 0 {
            not_kept.push("Meeting attendees, decisions and actions are not written: a calendar file would send them as invitations.".into());
        }
        let name = match &projects[..] {
            [p] if project_id.is_some() => p.name.clone(),
            _ => "Bridgeplan".to_string(),
        };
        let stamp = clock::now().format("%Y%m%dT%H%M%SZ").to_string();
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(
            &mut out,
            &format!("PRODID:-//Bridgeplan//Bridgeplan {}//EN", env!("CARGO_PKG_VERSION")),
        );
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, "METHOD:PUBLISH");
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(&name)));
        for e in &events {
            line(&mut out, "BEGIN:VEVENT");
            line(&mut out, &format!("UID:{}", e.uid));
            line(&mut out, &format!("DTSTAMP:{stamp}"));
            match &e.when {
                When::AllDay(d) => {
                    line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(*d)));
                    line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(*d + Duration::days(1))));
                    line(&mut out, "TRANSP:TRANSPARENT");
                }
                When::Timed(d, time, minutes) => {
                    let hhmm: String = time.chars().filter(|c| c.is_ascii_digit()).take(4).collect();
                    line(&mut out, &format!("DTSTART:{}T{hhmm:0<4}00", date(*d)));
                    line(&mut out, &format!("DURATION:PT{}M", (*minutes).max(1)));
                }
            }
            line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
            if !e.description.is_empty() {
                line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
            }
            if !e.location.is_empty() {
                line(&mut out, &format!("LOCATION:{}", escape(&e.location)));
            }
            line(&mut out, &format!("CATEGORIES:{}", e.categories));
            line(&mut out, "END:VEVENT");
        }
        line(&mut out, "END:VCALENDAR");
        let mut written = Vec::new();
        for (what, count) in [("milestones", milestones), ("meetings", meetings), ("due dates", dues)] {
            if count > 0 {
                written.push(CreateCount {
                    what: what.into(),
                    count,
                });
            }
        }
        Ok((
            out,
            ExportReport {
                format: "iCalendar".into(),
                written,
                not_kept,
            },
        ))
    }
}
