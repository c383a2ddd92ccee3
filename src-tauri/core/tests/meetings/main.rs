//! Meetings: create, edit and delete with attendees, decisions and action items (work items of
//! the project), each one undo step with whole tables compared; the refusals (an action with no
//! owner or an unknown one, a bad day or time, a duration out of range) leave nothing behind;
//! blocked items; the stand-up view on fixed data and a fixed day; the lists My day and the
//! dashboard read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::meetings::{self, standup, ActionInput, AttendeeInput, MeetingInput, MeetingKind};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::{ErrorCode, Id, Workspace};
use chrono::{NaiveDate, TimeZone};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

type Dump = BTreeMap<String, Vec<String>>;

fn dump(path: &Path) -> Dump {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap()
        .into_iter()
        // The search index is derived from the rows; its pages and keys may differ after undo.
        .filter(|t: &String| !bridgeplan_core::search::is_index_table(t))
        .collect();
    let mut dump = Dump::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let values: Vec<rusqlite::types::Value> = (0..width).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                Ok(format!("{values:?}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        dump.insert(table, rows);
    }
    dump
}

fn count(path: &Path, sql: &str) -> i64 {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
    ana: Id,
    ben: Id,
}

fn fixture() -> Fixture {
    bridgeplan_core::clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meetings.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: "Portal".into(),
            methodology: Methodology::Scrum,
            start_date: Some("2026-11-02".into()),
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    let ana = ws.add_person("Ana Lima", "").unwrap().id;
    let ben = ws.add_person("Ben Cole", "").unwrap().id;
    Fixture {
        _dir: dir,
        path,
        ws,
        project,
        ana,
        ben,
    }
}

fn input(day: &str) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::Status,
        title: "Weekly status".into(),
        day: day.into(),
        start_time: Some("9:30".into()),
        duration_minutes: 45,
        location: "Room 1".into(),
        agenda: "1. Actions\n2. Risks".into(),
        notes: String::new(),
        attendees: Vec::new(),
        decisions: Vec::new(),
        actions: Vec::new(),
    }
}

fn action(title: &str, owner: Option<Id>, due: Option<&str>) -> ActionInput {
    ActionInput {
        item_id: None,
        title: title.into(),
        owner_id: owner,
        due_date: due.map(str::to_string),
    }
}

fn attendee(person: Id, attended: bool) -> AttendeeInput {
    AttendeeInput {
        person_id: Some(person),
        stakeholder_id: None,
        attended,
    }
}

#[test]
fn a_meeting_with_attendees_decisions_and_actions_is_one_undo_step() {
    let mut f = fixture();
    let before = dump(&f.path);
    let mut m = input("2026-12-01");
    m.attendees = vec![attendee(f.ana, true), attendee(f.ben, false)];
    m.decisions = vec!["Go live on the 14th".into(), "  ".into()];
    m.actions = vec![action("Book the room", Some(f.ana), Some("2026-12-04"))];
    let meeting = f.ws.create_meeting(f.project, &m).unwrap();
    assert_eq!(meeting.start_time.as_deref(), Some("09:30"));
    assert_eq!(meeting.attendees.len(), 2);
    assert!(
        !meeting
            .attendees
            .iter()
            .find(|a| a.person_id == Some(f.ben))
            .unwrap()
            .attended
    );
    assert_eq!(meeting.decisions.len(), 1, "blank decisions are dropped");
    let act = &meeting.actions[0];
    assert_eq!(act.owner.as_deref(), Some("Ana Lima"));
    assert_eq!(act.due_date, NaiveDate::from_ymd_opt(2026, 12, 4));
    assert_eq!(act.category, StatusCategory::Todo);
    // The action is a work item of the project, on its board.
    let item = f.ws.item(act.item_id).unwrap();
    assert_eq!((item.project_id, item.title.as_str()), (f.project, "Book the room"));
    assert_eq!(
        f.ws.history_state().undo_label.as_deref(),
        Some("Add meeting \"Weekly status\"")
    );
    let after = dump(&f.path);
    f.ws.undo().unwrap();
    assert_eq!(
        dump(&f.path),
        before,
        "one undo takes the meeting, its parts and its work item"
    );
    f.ws.redo().unwrap();
    assert_eq!(dump(&f.path), after);
}

#[test]
fn editing_a_meeting_keeps_its_actions_and_updates_their_items_in_one_step() {
    let mut f = fixture();
    let mut m = input("2026-12-01");
    m.actions = vec![action("Book the room", Some(f.ana), None)];
    let meeting = f.ws.create_meeting(f.project, &m).unwrap();
    let item_id = meeting.actions[0].item_id;
    let before = dump(&f.path);
    m.title = "Status".into();
    m.notes = "Short meeting".into();
    m.attendees = vec![attendee(f.ben, true)];
    m.decisions = vec!["One".into(), "Two".into()];
    m.actions = vec![
        ActionInput {
            item_id: Some(item_id),
            title: "Book the big room".into(),
            owner_id: Some(f.ben),
            due_date: Some("2026-12-03".into()),
        },
        action("Send minutes", Some(f.ana), None),
    ];
    let edited = f.ws.update_meeting(meeting.id, &m).unwrap();
    assert_eq!(edited.actions.len(), 2);
    let kept = edited.actions.iter().find(|a| a.item_id == item_id).unwrap();
    assert_eq!(
        (kept.title.as_str(), kept.owner.as_deref()),
        ("Book the big room", Some("Ben Cole"))
    );
    assert_eq!(
        edited.decisions.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(),
        ["One", "Two"]
    );
    f.ws.undo().unwrap();
    assert_eq!(dump(&f.path), before);
    f.ws.redo().unwrap();
    // Dropping an action unlinks it; the work item stays on the board.
    m.actions.clear();
    let edited = f.ws.update_meeting(meeting.id, &m).unwrap();
    assert!(edited.actions.is_empty());
    assert_eq!(f.ws.item(item_id).unwrap().title, "Book the big room");
}

#[test]
fn deleting_a_meeting_keeps_its_work_items_and_undo_brings_it_back() {
    let mut f = fixture();
    let mut m = input("2026-12-01");
    m.attendees = vec![attendee(f.ana, true)];
    m.decisions = vec!["Yes".into()];
    m.actions = vec![action("Book the room", Some(f.ana), None)];
    let meeting = f.ws.create_meeting(f.project, &m).unwrap();
    let before = dump(&f.path);
    f.ws.delete_meeting(meeting.id).unwrap();
    assert_eq!(count(&f.path, "SELECT count(*) FROM meetings"), 0);
    assert_eq!(count(&f.path, "SELECT count(*) FROM meeting_attendees"), 0);
    assert!(f.ws.item(meeting.actions[0].item_id).is_ok());
    f.ws.undo().unwrap();
    assert_eq!(dump(&f.path), before);
    assert_eq!(f.ws.meeting(meeting.id).unwrap(), meeting);
    assert_eq!(f.ws.delete_meeting(9).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn bad_input_is_refused_by_name_and_nothing_is_saved() {
    let mut f = fixture();
    let mut good = input("2026-12-01");
    good.actions = vec![action("Fine", Some(f.ana), None)];
    let existing = f.ws.create_meeting(f.project, &good).unwrap();
    let before = dump(&f.path);
    let cases: Vec<(MeetingInput, ErrorCode, &str)> = vec![
        (
            MeetingInput {
                actions: vec![action("Fine", Some(f.ana), None), action("Call the vendor", None, None)],
                ..input("2026-12-01")
            },
            ErrorCode::InvalidInput,
            "\"Call the vendor\" has no owner",
        ),
        (
            MeetingInput {
                actions: vec![action("Call the vendor", Some(424_242), None)],
                ..input("2026-12-01")
            },
            ErrorCode::InvalidInput,
            "is not a person of this workspace",
        ),
        (
            MeetingInput {
                actions: vec![action("Call", Some(f.ana), Some("2026-13-01"))],
                ..input("2026-12-01")
            },
            ErrorCode::InvalidInput,
            "not a real date",
        ),
        (input("2026-02-30"), ErrorCode::InvalidInput, "not a real date"),
        (input(""), ErrorCode::InvalidInput, "needs a day"),
        (
            MeetingInput {
                start_time: Some("25:00".into()),
                ..input("2026-12-01")
            },
            ErrorCode::InvalidInput,
            "not a time of day",
        ),
        (
            MeetingInput {
                duration_minutes: 0,
                ..input("2026-12-01")
            },
            ErrorCode::InvalidInput,
            "between 1 minute and 24 hours",
        ),
        (
            MeetingInput {
                duration_minutes: 1441,
                ..input("2026-12-01")
            },
            ErrorCode::InvalidInput,
            "between 1 minute and 24 hours",
        ),
        (
            MeetingInput {
                title: "  ".into(),
                ..input("2026-12-01")
            },
            ErrorCode::InvalidInput,
            "title cannot be empty",
        ),
        (
            MeetingInput {
                attendees: vec![attendee(777, true)],
                ..input("2026-12-01")
            },
            ErrorCode::NotFound,
            "no longer in the workspace",
        ),
    ];
    for (bad, code, text) in cases {
        let err = f.ws.create_meeting(f.project, &bad).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.to_string().contains(text), "{err}");
        let err = f.ws.update_meeting(existing.id, &bad).unwrap_err();
        assert!(err.to_string().contains(text) || err.code() == code, "{err}");
        assert_eq!(dump(&f.path), before, "nothing half-saved after: {err}");
    }
    // Another meeting's action cannot be taken over.
    let stolen = MeetingInput {
        actions: vec![ActionInput {
            item_id: Some(existing.actions[0].item_id),
            ..action("Fine", Some(f.ana), None)
        }],
        ..input("2026-12-01")
    };
    let err = f.ws.create_meeting(f.project, &stolen).unwrap_err();
    assert!(err.to_string().contains("no longer an action of this meeting"), "{err}");
    assert_eq!(dump(&f.path), before);
    assert_eq!(
        f.ws.history_state().undo_label.as_deref(),
        Some("Add meeting \"Weekly status\"")
    );
}

#[test]
fn an_item_is_marked_blocked_and_cleared_each_undoable() {
    let mut f = fixture();
    let item =
        f.ws.create_item(
            f.project,
            None,
            &WorkItemInput {
                title: "API".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(item.blocked_reason, None);
    let before = dump(&f.path);
    let blocked = f.ws.set_item_blocked(item.id, "  Waiting for the gateway ").unwrap();
    assert_eq!(blocked.blocked_reason.as_deref(), Some("Waiting for the gateway"));
    assert_eq!(
        f.ws.board(f.project).unwrap().columns[0].items[0].blocked_reason,
        blocked.blocked_reason
    );
    let marked = dump(&f.path);
    f.ws.undo().unwrap();
    assert_eq!(dump(&f.path), before);
    f.ws.redo().unwrap();
    let cleared = f.ws.set_item_blocked(item.id, "").unwrap();
    assert_eq!(cleared.blocked_reason, None);
    assert_eq!(f.ws.history_state().undo_label.as_deref(), Some("Unblock \"API\""));
    f.ws.undo().unwrap();
    assert_eq!(dump(&f.path), marked);
    assert!(f.ws.set_item_blocked(item.id, &"x".repeat(501)).is_err());
    assert_eq!(f.ws.set_item_blocked(1, "x").unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn the_next_meeting_of_a_series_copies_attendees_and_agenda_one_period_later() {
    let mut f = fixture();
    let mut m = input("2026-11-27"); // a Friday
    m.kind = MeetingKind::Standup;
    m.attendees = vec![attendee(f.ana, false), attendee(f.ben, true)];
    m.notes = "old notes".into();
    let standup = f.ws.create_meeting(f.project, &m).unwrap();
    let next = f.ws.next_meeting_from(standup.id).unwrap();
    assert_eq!(
        next.day.to_string(),
        "2026-11-30",
        "a stand-up on Friday is followed on Monday"
    );
    assert!(next.attendees.iter().all(|a| a.attended) && next.attendees.len() == 2);
    assert_eq!((next.agenda.as_str(), next.notes.as_str()), (m.agenda.as_str(), ""));
    m.kind = MeetingKind::Status;
    let status = f.ws.create_meeting(f.project, &m).unwrap();
    assert_eq!(f.ws.next_meeting_from(status.id).unwrap().day.to_string(), "2026-12-04");
    let before = dump(&f.path);
    f.ws.next_meeting_from(status.id).unwrap();
    f.ws.undo().unwrap();
    assert_eq!(dump(&f.path), before);
}

#[test]
fn lists_for_the_tab_my_day_and_the_dashboard() {
    let mut f = fixture();
    let other =
        f.ws.create_project(&ProjectInput {
            name: "ERP".into(),
            methodology: Methodology::Waterfall,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    for (project, day, time) in [
        (f.project, "2026-11-30", Some("10:00")),
        (f.project, "2026-12-02", Some("14:00")),
        (other, "2026-12-02", Some("09:00")),
        (f.project, "2026-12-09", None),
        (f.project, "2026-12-16", None),
    ] {
        let mut m = input(day);
        m.start_time = time.map(str::to_string);
        m.actions = vec![action("Act", Some(f.ana), None)];
        f.ws.create_meeting(project, &m).unwrap();
    }
    let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let ws = Workspace::open(&f.path).unwrap_or_else(|_| panic!("reopen"));
    drop(ws);
    let on = f.ws.meetings_on(day).unwrap();
    assert_eq!(
        on.iter()
            .map(|m| (m.project_name.as_str(), m.start_time.as_deref()))
            .collect::<Vec<_>>(),
        [("ERP", Some("09:00")), ("Portal", Some("14:00"))]
    );
    assert_eq!((on[0].action_count, on[0].open_actions), (1, 1));
    let next = bridgeplan_core::clock::on_day(day, || f.ws.next_meetings(f.project, 2).unwrap());
    assert_eq!(
        next.iter().map(|m| m.day.to_string()).collect::<Vec<_>>(),
        ["2026-12-02", "2026-12-09"]
    );
    let all = f.ws.meetings(f.project).unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[0].day.to_string(), "2026-12-16", "newest first");
}

#[test]
fn the_standup_lists_per_person_what_changed_what_is_due_and_what_is_blocked() {
    let mut f = fixture();
    let wednesday = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let statuses = f.ws.statuses(f.project).unwrap();
    let done = statuses.iter().find(|s| s.category == StatusCategory::Done).unwrap().id;
    let doing = statuses
        .iter()
        .find(|s| s.category == StatusCategory::InProgress)
        .unwrap()
        .id;
    let mut item = |title: &str, who: &str, due: Option<&str>| {
        f.ws.create_item(
            f.project,
            None,
            &WorkItemInput {
                title: title.into(),
                assignee: Some(who.into()),
                due_date: due.map(str::to_string),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let login = item("Login", "Ana Lima", Some("2026-12-02"));
    let search = item("Search", "Ana Lima", Some("2026-11-30"));
    let api = item("API", "Ben Cole", None);
    let docs = item("Docs", "Ben Cole", Some("2026-12-01"));
    let orphan = item("Orphan", "Ana Lima", Some("2026-12-01"));
    f.ws.set_item_blocked(api, "Waiting for the gateway").unwrap();
    let _ = orphan;
    // Monday's stand-up; the moves below happen on Tuesday and Wednesday.
    let mut m = input("2026-11-30");
    m.kind = MeetingKind::Standup;
    m.attendees = vec![attendee(f.ana, true), attendee(f.ben, true)];
    f.ws.create_meeting(f.project, &m).unwrap();
    let tuesday = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let at = |day: NaiveDate| chrono::NaiveDateTime::new(day, chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap());
    let at_tuesday = chrono::Local
        .from_local_datetime(&at(tuesday))
        .unwrap()
        .with_timezone(&chrono::Utc);
    bridgeplan_core::clock::at_instant(at_tuesday, || {
        f.ws.move_item(login, doing, 0).unwrap();
        f.ws.move_item(docs, done, 0).unwrap();
    });
    // Time Ben logged on Tuesday, straight into the file as the timesheet would.
    {
        let conn = Connection::open(&f.path).unwrap();
        conn.execute(
            "INSERT INTO time_entries(id, item_id, person_id, day, minutes, note, created_at, seq) \
             VALUES (4294967999, ?1, ?2, '2026-12-01', 90, '', '2026-12-01T12:00:00Z', 1)",
            (api, f.ben),
        )
        .unwrap();
    }
    let ws = Workspace::open(&f.path);
    drop(ws);
    let view = bridgeplan_core::clock::on_day(wednesday, || f.ws.standup(f.project).unwrap());
    assert_eq!(view.since.to_string(), "2026-11-30", "since the previous stand-up");
    assert!(view.last_standup_id.is_some() && view.today_standup_id.is_none());
    let card = |name: &str| view.people.iter().find(|p| p.name == name).unwrap();
    let ana = card("Ana Lima");
    assert_eq!(
        ana.moved.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(),
        ["Login"]
    );
    assert_eq!(
        ana.due
            .iter()
            .map(|d| (d.title.as_str(), d.overdue))
            .collect::<Vec<_>>(),
        [("Search", true), ("Orphan", true), ("Login", false)]
    );
    let ben = card("Ben Cole");
    assert_eq!(ben.moved.len(), 1);
    assert!(ben.moved[0].done && ben.moved[0].title == "Docs");
    assert_eq!(ben.logged_minutes, 90);
    assert_eq!(ben.time[0].title, "API");
    assert!(ben.due.is_empty(), "a done item is not due");
    assert_eq!(ben.blocked[0].reason, "Waiting for the gateway");
    let _ = search;

    // With no earlier stand-up, "since" is the working day before today (Friday for a Monday).
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let view = bridgeplan_core::clock::on_day(monday, || {
        standup::standup(&conn_of(&f.path), f.project, monday).unwrap()
    });
    assert_eq!(view.since.to_string(), "2026-11-27");
    assert!(view.today_standup_id.is_some());

    // Starting today's stand-up pre-fills the attendees; starting it again answers the same one.
    let started = bridgeplan_core::clock::on_day(wednesday, || f.ws.start_standup(f.project).unwrap());
    assert_eq!(started.kind, MeetingKind::Standup);
    assert_eq!(started.day, wednesday);
    assert_eq!(started.attendees.len(), 2);
    let again = bridgeplan_core::clock::on_day(wednesday, || f.ws.start_standup(f.project).unwrap());
    assert_eq!(again.id, started.id);
}

fn conn_of(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

#[test]
fn the_minutes_default_is_the_latest_meeting_on_or_before_today() {
    let mut f = fixture();
    let a = f.ws.create_meeting(f.project, &input("2026-11-24")).unwrap().id;
    let b = f.ws.create_meeting(f.project, &input("2026-12-01")).unwrap().id;
    let _c = f.ws.create_meeting(f.project, &input("2026-12-08")).unwrap().id;
    let conn = conn_of(&f.path);
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    assert_eq!(
        meetings::latest_meeting(&conn, f.project, day("2026-12-02")).unwrap(),
        Some(b)
    );
    assert_eq!(
        meetings::latest_meeting(&conn, f.project, day("2026-11-01")).unwrap(),
        Some(a)
    );
}

#[test]
fn the_minutes_default_prefers_a_meeting_with_minutes() {
    let mut f = fixture();
    let mut held = input("2026-11-24");
    held.notes = "Went well".into();
    let held = f.ws.create_meeting(f.project, &held).unwrap().id;
    f.ws.create_meeting(f.project, &input("2026-12-01")).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(
        meetings::latest_meeting(&conn_of(&f.path), f.project, day).unwrap(),
        Some(held)
    );
}
