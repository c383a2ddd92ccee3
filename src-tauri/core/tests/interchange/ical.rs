//! iCalendar export, checked by a small reader written from RFC 5545 alone (not the writer's
//! code): CRLF everywhere, no line over 75 octets, folding undone, escapes undone, the calendar's
//! and every event's required properties, all-day and timed events, stable UIDs.

use std::collections::HashMap;

use bridgeplan_core::interchange::ical;
use bridgeplan_core::work::items::{ItemType, WorkItemInput};
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, Workspace};
use chrono::{TimeZone, Utc};

/// One content line after unfolding: name, parameters, value.
#[derive(Debug, Clone)]
struct Prop {
    name: String,
    params: Vec<String>,
    value: String,
}

/// Reads the file's components; panics naming the first rule broken.
fn parse(text: &str) -> (Vec<Prop>, Vec<HashMap<String, Prop>>) {
    assert!(text.ends_with("\r\n"), "the file ends with CRLF");
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    for l in &physical {
        assert!(!l.contains('\n') && !l.contains('\r'), "a bare line break in {l:?}");
        assert!(l.len() <= 75, "a line of {} octets: {l:?}", l.len());
    }
    let mut logical: Vec<String> = Vec::new();
    for l in physical {
        if let Some(rest) = l.strip_prefix(' ').or_else(|| l.strip_prefix('\t')) {
            logical
                .last_mut()
                .expect("a continuation line follows a line")
                .push_str(rest);
        } else {
            logical.push(l.to_string());
        }
    }
    let props: Vec<Prop> = logical
        .iter()
        .map(|l| {
            let colon = l.find(':').unwrap_or_else(|| panic!("no colon in {l:?}"));
            let mut head = l[..colon].split(';');
            Prop {
                name: head.next().unwrap().to_string(),
                params: head.map(str::to_string).collect(),
                value: l[colon + 1..].to_string(),
            }
        })
        .collect();
    assert_eq!(
        (props[0].name.as_str(), props[0].value.as_str()),
        ("BEGIN", "VCALENDAR")
    );
    assert_eq!(
        (
            props.last().unwrap().name.as_str(),
            props.last().unwrap().value.as_str()
        ),
        ("END", "VCALENDAR")
    );
    let mut calendar = Vec::new();
    let mut events = Vec::new();
    let mut current: Option<HashMap<String, Prop>> = None;
    for p in &props[1..props.len() - 1] {
        match (p.name.as_str(), p.value.as_str()) {
            ("BEGIN", "VEVENT") => {
                assert!(current.is_none(), "nested VEVENT");
                current = Some(HashMap::new());
            }
            ("END", "VEVENT") => {
                let e = current.take().expect("END without BEGIN");
                for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
                    assert!(e.contains_key(required), "an event without {required}: {e:?}");
                }
                assert!(
                    !(e.contains_key("DTEND") && e.contains_key("DURATION")),
                    "both DTEND and DURATION"
                );
                events.push(e);
            }
            _ => match current.as_mut() {
                Some(e) => {
                    assert!(
                        e.insert(p.name.clone(), p.clone()).is_none(),
                        "{} twice in one event",
                        p.name
                    );
                }
                None => calendar.push(p.clone()),
            },
        }
    }
    assert!(current.is_none(), "an event is never closed");
    for required in ["VERSION", "PRODID"] {
        assert!(
            calendar.iter().any(|p| p.name == required),
            "the calendar has no {required}"
        );
    }
    (calendar, events)
}

/// Undoes TEXT escaping; panics on an escape the RFC does not define or a bare `,` or `;`.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(c @ ('\\' | ';' | ',')) => out.push(c),
                other => panic!("undefined escape \\{other:?} in {value:?}"),
            },
            ',' | ';' => panic!("unescaped {c:?} in {value:?}"),
            c => out.push(c),
        }
    }
    out
}

#[test]
fn escaping_and_folding_follow_the_rfc() {
    assert_eq!(ical::escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    assert_eq!(unescape(&ical::escape("x,y;z\\\r\nw")), "x,y;z\\\nw");
}

#[test]
fn a_project_calendar_has_milestones_meetings_and_due_dates_that_calendar_apps_read() {
    let instant = Utc.with_ymd_and_hms(2026, 12, 2, 9, 30, 0).unwrap();
    clock::at_instant(instant, || {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&dir.path().join("cal.bridgeplan"), None).unwrap();
        let project = ws
            .create_project(&ProjectInput {
                name: "Data centre move; phase 2, east".into(),
                methodology: Methodology::Kanban,
                start_date: Some("2026-11-02".into()),
                finish_date: None,
                description: String::new(),
            })
            .unwrap();
        let long_title = "Cut over the core switches, then the storage arrays; check every rack's ☃ label".to_string();
        ws.create_item(
            project.id,
            None,
            &WorkItemInput {
                item_type: Some(ItemType::Milestone),
                title: "Go live".into(),
                due_date: Some("2026-12-18".into()),
                ..Default::default()
            },
        )
        .unwrap();
        let due = ws
            .create_item(
                project.id,
                None,
                &WorkItemInput {
                    title: long_title.clone(),
                    description: "Line one\nLine two".into(),
                    due_date: Some("2026-12-09".into()),
                    ..Default::default()
                },
            )
            .unwrap();
        ws.create_item(
            project.id,
            None,
            &WorkItemInput {
                title: "No date".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let (text, report) = ws.ical_export(Some(project.id)).unwrap();
        let (calendar, events) = parse(&text);
        let cal = |name: &str| {
            calendar
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.value.clone())
                .unwrap()
        };
        assert_eq!(cal("VERSION"), "2.0");
        assert_eq!(cal("CALSCALE"), "GREGORIAN");
        assert_eq!(unescape(&cal("X-WR-CALNAME")), "Data centre move; phase 2, east");
        assert_eq!(events.len(), 2, "{text}");
        let by_summary = |s: &str| {
            events
                .iter()
                .find(|e| unescape(&e["SUMMARY"].value) == s)
                .unwrap_or_else(|| panic!("no {s}: {text}"))
        };
        let milestone = by_summary("◆ Go live");
        assert_eq!(milestone["DTSTART"].params, ["VALUE=DATE"]);
        assert_eq!(milestone["DTSTART"].value, "20261218");
        assert_eq!(milestone["DTEND"].value, "20261219");
        assert_eq!(milestone["DTSTAMP"].value, "20261202T093000Z");
        let due_event = by_summary(&format!("Due: {long_title}"));
        assert_eq!(due_event["DTSTART"].value, "20261209");
        assert!(unescape(&due_event["DESCRIPTION"].value).ends_with("Line one\nLine two"));
        assert!(due_event["UID"].value.starts_with(&format!("due-{}@", due.id)));
        assert_eq!(
            report
                .written
                .iter()
                .map(|c| (c.what.as_str(), c.count))
                .collect::<Vec<_>>(),
            [("milestones", 1), ("due dates", 1)]
        );
        // Exported again, the same rows have the same UIDs: calendar apps update, not duplicate.
        let (again, _) = ws.ical_export(Some(project.id)).unwrap();
        let uids = |events: &[HashMap<String, Prop>]| {
            let mut v: Vec<String> = events.iter().map(|e| e["UID"].value.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(uids(&events), uids(&parse(&again).1));
    });
}

#[test]
fn the_whole_demo_workspace_exports_timed_meetings_in_floating_local_time() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let ws = bridgeplan_core::demo::write_demo(&dir.path().join("demo.bridgeplan")).unwrap();
    let (text, report) = ws.ical_export(None).unwrap();
    let (_, events) = parse(&text);
    let meetings: Vec<_> = events.iter().filter(|e| e["CATEGORIES"].value == "Meeting").collect();
    assert!(!meetings.is_empty());
    for m in &meetings {
        let start = &m["DTSTART"];
        if start.params.is_empty() {
            // Floating: a date and a time, no Z and no TZID.
            assert_eq!(start.value.len(), 15, "{start:?}");
            assert!(!start.value.ends_with('Z'));
            assert!(m["DURATION"].value.starts_with("PT") && m["DURATION"].value.ends_with('M'));
        } else {
            assert_eq!(start.params, ["VALUE=DATE"]);
        }
        unescape(&m["SUMMARY"].value);
    }
    assert!(events.iter().any(|e| e["CATEGORIES"].value == "Milestone"));
    assert!(events.iter().any(|e| e["CATEGORIES"].value == "Due date"));
    let mut uids: Vec<&str> = events.iter().map(|e| e["UID"].value.as_str()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    assert!(report.not_kept.iter().any(|n| n.contains("attendees")));
}
