//! My day on fixed data and fixed days: due and overdue work (with the Friday rule that pulls
//! the weekend in), blocked work, today's meetings, risks due for review, communications due
//! by their period, goals, and the person filter.

use std::path::PathBuf;

use bridgeplan_core::myday::{communication_due, due_until, my_day, MyDay};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, ErrorCode, Id, Workspace};
use chrono::NaiveDate;
use rusqlite::Connection;
use tempfile::TempDir;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    dana: Id,
    raj: Id,
}

fn id_of(conn: &Connection, sql: &str, name: &str) -> Id {
    conn.query_row(sql, [name], |r| r.get(0)).unwrap()
}

/// Two projects; items due around Friday 4 December 2026; rows of the control-room tables
/// written directly (the areas that edit them are built elsewhere).
fn fixture() -> Fixture {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("myday.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let dana = ws.add_person("Dana", "IT Manager").unwrap().id;
    let raj = ws.add_person("Raj", "Infrastructure").unwrap().id;
    let mut project = |name: &str| {
        ws.create_project(&ProjectInput {
            name: name.into(),
            methodology: Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id
    };
    let erp = project("ERP");
    let net = project("Network");
    for (p, title, who, due) in [
        (erp, "Overdue licence", Some("Dana"), Some("2026-11-27")),
        (erp, "Due Thursday", Some("Raj"), Some("2026-12-03")),
        (erp, "Due Friday", Some("Dana"), Some("2026-12-04")),
        (net, "Due Saturday", Some("Raj"), Some("2026-12-05")),
        (net, "Due Sunday", None, Some("2026-12-06")),
        (net, "Due Monday", Some("Dana"), Some("2026-12-07")),
        (net, "Done and overdue", Some("Dana"), Some("2026-11-20")),
        (net, "No date, blocked", Some("Raj"), None),
    ] {
        ws.create_item(
            p,
            None,
            &WorkItemInput {
                title: title.into(),
                assignee: who.map(str::to_string),
                due_date: due.map(str::to_string),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let conn = Connection::open(&path).unwrap();
    let item = |title: &str| id_of(&conn, "SELECT id FROM work_items WHERE title = ?1", title);
    let done_status: Id = conn
        .query_row(
            "SELECT s.id FROM statuses s JOIN work_items w ON w.project_id = s.project_id \
             WHERE w.title = 'Done and overdue' AND s.category = 'done' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "UPDATE work_items SET status_id = ?1 WHERE id = ?2",
        (done_status, item("Done and overdue")),
    )
    .unwrap();
    for title in ["No date, blocked", "Due Thursday"] {
        conn.execute(
            "UPDATE work_items SET blocked_reason = 'Waiting for the vendor' WHERE id = ?1",
            [item(title)],
        )
        .unwrap();
    }
    let now = "2026-11-01T09:00:00Z";
    let mut n = 1_000_000_000_000i64;
    let mut next = || {
        n += 1;
        n
    };
    for (p, title, on, start) in [
        (erp, "Steering committee", "2026-12-04", Some("14:00")),
        (net, "Daily stand-up", "2026-12-04", Some("09:15")),
        (net, "All-day workshop", "2026-12-04", None),
        (erp, "Next week's status", "2026-12-07", Some("10:00")),
    ] {
        let id = next();
        conn.execute(
            "INSERT INTO meetings(id, project_id, title, day, start_time, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![id, p, title, on, start, now],
        )
        .unwrap();
        if title == "Steering committee" {
            conn.execute(
                "INSERT INTO meeting_attendees(id, meeting_id, person_id) VALUES (?1, ?2, ?3)",
                (next(), id, dana),
            )
            .unwrap();
        }
    }
    for (p, title, review, status, owner, pi) in [
        (erp, "Vendor slips", Some("2026-12-01"), "open", Some(dana), (4, 4)),
        (erp, "Data loss", Some("2026-12-04"), "monitoring", Some(raj), (2, 5)),
        (erp, "Review later", Some("2026-12-10"), "open", Some(dana), (3, 3)),
        (net, "Closed risk", Some("2026-11-01"), "closed", Some(dana), (5, 5)),
        (net, "No review date", None, "open", None, (5, 5)),
    ] {
        conn.execute(
            "INSERT INTO risks(id, project_id, title, review_date, status, owner_id, probability, impact, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![next(), p, title, review, status, owner, pi.0, pi.1, now],
        )
        .unwrap();
    }
    for (p, what, freq, first, last, owner) in [
        (
            erp,
            "Weekly status e-mail",
            "weekly",
            "2026-10-05",
            Some("2026-11-27"),
            Some(dana),
        ),
        (
            erp,
            "Monthly steering pack",
            "monthly",
            "2026-10-01",
            Some("2026-11-04"),
            Some(raj),
        ),
        (net, "Kick-off letter", "ad_hoc", "2026-12-02", None, Some(dana)),
        (
            net,
            "Depot newsletter",
            "fortnightly",
            "2026-10-01",
            Some("2026-11-30"),
            Some(dana),
        ),
        (net, "Ad-hoc sent", "ad_hoc", "2026-10-01", Some("2026-10-02"), None),
    ] {
        conn.execute(
            "INSERT INTO communications(id, project_id, what, frequency, first_due, last_sent, owner_id, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![next(), p, what, freq, first, last, owner, now],
        )
        .unwrap();
    }
    Fixture {
        _dir: dir,
        path,
        ws,
        dana,
        raj,
    }
}

/// Due, blocked, meetings, risks and communications, each as its titles.
type Titles = (Vec<String>, Vec<String>, Vec<String>, Vec<String>, Vec<String>);

fn titles(day: &MyDay) -> Titles {
    (
        day.due.iter().map(|i| i.title.clone()).collect(),
        day.blocked.iter().map(|i| i.title.clone()).collect(),
        day.meetings.iter().map(|m| m.title.clone()).collect(),
        day.risks.iter().map(|r| r.title.clone()).collect(),
        day.communications.iter().map(|c| c.what.clone()).collect(),
    )
}

#[test]
fn the_weekend_rule_and_the_today_boundary() {
    assert_eq!(due_until(day("2026-12-03")), day("2026-12-03"), "Thursday: today only");
    assert_eq!(
        due_until(day("2026-12-04")),
        day("2026-12-06"),
        "Friday: through Sunday"
    );
    assert_eq!(
        due_until(day("2026-12-05")),
        day("2026-12-06"),
        "Saturday: through Sunday"
    );
    assert_eq!(due_until(day("2026-12-06")), day("2026-12-06"), "Sunday: today");
    assert_eq!(due_until(day("2026-12-07")), day("2026-12-07"), "Monday: today");
}

#[test]
fn communications_fall_due_one_period_after_they_were_sent() {
    let first = day("2026-10-01");
    assert_eq!(
        communication_due("weekly", first, None),
        Some(first),
        "never sent: first date"
    );
    assert_eq!(
        communication_due("weekly", first, Some(day("2026-11-27"))),
        Some(day("2026-12-04"))
    );
    assert_eq!(
        communication_due("monthly", day("2026-01-01"), Some(day("2026-01-31"))),
        Some(day("2026-02-28")),
        "month ends clamp"
    );
    assert_eq!(
        communication_due("quarterly", first, Some(day("2026-11-15"))),
        Some(day("2027-02-15"))
    );
    assert_eq!(
        communication_due("daily", first, Some(day("2026-12-03"))),
        Some(day("2026-12-04"))
    );
    assert_eq!(communication_due("ad_hoc", first, Some(day("2026-10-02"))), None);
    assert_eq!(communication_due("per_phase", first, Some(day("2026-10-02"))), None);
    assert_eq!(
        communication_due("weekly", day("2026-12-20"), Some(day("2026-12-01"))),
        Some(day("2026-12-20")),
        "a first date after the last sending wins"
    );
}

#[test]
fn my_day_on_a_friday_for_everyone() {
    let f = fixture();
    let conn = Connection::open(&f.path).unwrap();
    let friday = my_day(&conn, day("2026-12-04"), None).unwrap();
    let (due, blocked, meetings, risks, comms) = titles(&friday);
    assert_eq!(
        due,
        [
            "Overdue licence",
            "Due Thursday",
            "Due Friday",
            "Due Saturday",
            "Due Sunday"
        ],
        "overdue first, the weekend pulled into Friday, done work and Monday left out"
    );
    assert_eq!(friday.due[0].days_overdue, 7);
    assert_eq!(friday.due[0].project, "ERP");
    assert_eq!(friday.due[0].assignee.as_deref(), Some("Dana"));
    assert_eq!(friday.due[2].days_overdue, 0);
    assert_eq!(blocked, ["Due Thursday", "No date, blocked"]);
    assert_eq!(friday.blocked[0].blocked_reason, "Waiting for the vendor");
    assert_eq!(meetings, ["Daily stand-up", "Steering committee", "All-day workshop"]);
    assert_eq!(
        risks,
        ["Vendor slips", "Data loss"],
        "review date on or before today, open or monitoring"
    );
    assert_eq!(friday.risks[0].score, 16);
    assert_eq!(
        comms,
        ["Kick-off letter", "Weekly status e-mail", "Monthly steering pack"],
        "by due day: never sent (2 Dec), a week after 27 Nov, a month after 4 Nov"
    );
    assert_eq!(friday.communications[1].due, day("2026-12-04"));
}

#[test]
fn thursday_and_monday_boundaries() {
    let f = fixture();
    let conn = Connection::open(&f.path).unwrap();
    let thursday = my_day(&conn, day("2026-12-03"), None).unwrap();
    let (due, _, meetings, risks, comms) = titles(&thursday);
    assert_eq!(
        due,
        ["Overdue licence", "Due Thursday"],
        "due today counts, tomorrow does not"
    );
    assert!(meetings.is_empty());
    assert_eq!(risks, ["Vendor slips"]);
    assert_eq!(comms, ["Kick-off letter"], "the weekly e-mail falls due tomorrow");
    let monday = my_day(&conn, day("2026-12-07"), None).unwrap();
    let (due, _, meetings, _, comms) = titles(&monday);
    assert_eq!(
        due,
        [
            "Overdue licence",
            "Due Thursday",
            "Due Friday",
            "Due Saturday",
            "Due Sunday",
            "Due Monday"
        ],
        "on Monday the weekend's work is overdue"
    );
    assert_eq!(monday.due[4].days_overdue, 1);
    assert_eq!(meetings, ["Next week's status"]);
    assert_eq!(comms[0], "Kick-off letter");
    assert!(comms.contains(&"Weekly status e-mail".to_string()));
}

#[test]
fn one_person_sees_their_own() {
    let f = fixture();
    let conn = Connection::open(&f.path).unwrap();
    let dana = my_day(&conn, day("2026-12-04"), Some(f.dana)).unwrap();
    let (due, blocked, meetings, risks, comms) = titles(&dana);
    assert_eq!(due, ["Overdue licence", "Due Friday"], "assigned to Dana");
    assert!(blocked.is_empty());
    assert_eq!(meetings, ["Steering committee"], "the meetings Dana attends");
    assert_eq!(risks, ["Vendor slips"], "the risks Dana owns");
    assert_eq!(comms, ["Kick-off letter", "Weekly status e-mail"]);
    let raj = my_day(&conn, day("2026-12-04"), Some(f.raj)).unwrap();
    let (due, blocked, meetings, risks, comms) = titles(&raj);
    assert_eq!(due, ["Due Thursday", "Due Saturday"]);
    assert_eq!(blocked, ["Due Thursday", "No date, blocked"]);
    assert!(meetings.is_empty());
    assert_eq!(risks, ["Data loss"]);
    assert_eq!(comms, ["Monthly steering pack"]);
}

#[test]
fn the_workspace_call_uses_the_one_clock_and_checks_the_person() {
    let f = fixture();
    let friday = clock::on_day(day("2026-12-04"), || f.ws.my_day(None)).unwrap();
    assert_eq!(friday.today, day("2026-12-04"));
    assert_eq!(friday.due.len(), 5);
    assert!(friday.goals.is_empty(), "no goals in this workspace");
    let err = f.ws.my_day(Some(42)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}
