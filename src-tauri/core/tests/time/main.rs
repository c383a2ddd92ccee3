//! Time tracking: entries, the timer on a fixed clock (switching, midnight, forgotten timers),
//! refused input, what logged time feeds (actual work, remaining work, cost to the cent), the
//! actual start, the timesheet, undo of every edit (whole tables compared) and read-only files.

use std::path::{Path, PathBuf};

use bridgeplan_core::clock;
use bridgeplan_core::time::entries::TimeEntryInput;
use bridgeplan_core::time::feeds::{self, entry_cost};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{ErrorCode, Id, Workspace};
use chrono::{DateTime, Duration, Local, NaiveDate, TimeZone, Utc};

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
    task: Id,
    other: Id,
    mei: Id,
    jonas: Id,
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The local instant `hh:mm` on `day`.
fn at(day_text: &str, hh: u32, mm: u32) -> DateTime<Utc> {
    Local
        .from_local_datetime(&day(day_text).and_hms_opt(hh, mm, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn fixture() -> Fixture {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("time.bridgeplan");
    let mut ws = Workspace::create(&path, Some("Time")).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: "ERP".into(),
            methodology: Methodology::Waterfall,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    let item = |ws: &mut Workspace, title: &str, hours: f64| {
        ws.create_item(
            project,
            None,
            &WorkItemInput {
                title: title.into(),
                estimate_hours: Some(hours),
                assignee: Some("Mei Chen".into()),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let task = item(&mut ws, "Data migration", 10.0);
    let other = item(&mut ws, "Cut-over plan", 4.0);
    let people = ws.people().unwrap();
    let mei = people.iter().find(|p| p.name == "Mei Chen").unwrap().id;
    let jonas = ws.add_person("Jonas Berg", "DBA").unwrap().id;
    ws.set_person_resource(mei, None, 7_550).unwrap();
    ws.set_person_resource(jonas, None, 9_001).unwrap();
    Fixture {
        _dir: dir,
        path,
        ws,
        project,
        task,
        other,
        mei,
        jonas,
    }
}

fn entry(item: Id, person: Id, day: &str, duration: &str, note: &str) -> TimeEntryInput {
    TimeEntryInput {
        item_id: item,
        person_id: person,
        day: day.into(),
        duration: duration.into(),
        note: note.into(),
    }
}

/// Every row of the tables time tracking writes, as text, to compare before and after.
fn tables(path: &Path) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for table in ["time_entries", "timers", "work_items", "people"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY id")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut row = vec![table.to_string()];
                for i in 0..n {
                    row.push(format!("{:?}", r.get_ref(i)?));
                }
                Ok(row)
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// Runs `edit`, then checks that undo gives back exactly the tables before and redo those after.
fn undoable(f: &mut Fixture, edit: impl FnOnce(&mut Workspace)) {
    let before = tables(&f.path);
    edit(&mut f.ws);
    let after = tables(&f.path);
    assert_ne!(before, after, "the edit changed nothing");
    f.ws.undo().unwrap();
    assert_eq!(tables(&f.path), before, "undo gives the tables back");
    f.ws.redo().unwrap();
    assert_eq!(tables(&f.path), after, "redo does it again");
}

#[test]
fn entries_are_logged_edited_and_deleted_with_undo() {
    let mut f = fixture();
    let (task, mei) = (f.task, f.mei);
    undoable(&mut f, |ws| {
        let e = ws.log_time(&entry(task, mei, "2026-11-30", "1.5", "Mapping")).unwrap();
        assert_eq!(e.minutes, 90);
        assert_eq!(e.note, "Mapping");
        assert_eq!(e.person_name, "Mei Chen");
        assert_eq!(
            ws.history_state().undo_label.as_deref(),
            Some("Log 1:30 on \"Data migration\"")
        );
    });
    let id = f.ws.item_time_entries(task).unwrap()[0].id;
    undoable(&mut f, |ws| {
        let e = ws
            .update_time_entry(id, &entry(task, mei, "2026-11-27", "2:15", "Mapping, part 1"))
            .unwrap();
        assert_eq!((e.minutes, e.day), (135, day("2026-11-27")));
    });
    undoable(&mut f, |ws| ws.delete_time_entry(id).unwrap());
    assert!(f.ws.item_time_entries(task).unwrap().is_empty());
    assert_eq!(f.ws.delete_time_entry(id).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn the_first_time_logged_gives_a_task_its_actual_start_and_undo_takes_both_back() {
    let mut f = fixture();
    let (task, mei) = (f.task, f.mei);
    let actual_start = |f: &Fixture| -> Option<String> {
        let conn = rusqlite::Connection::open(&f.path).unwrap();
        conn.query_row("SELECT actual_start FROM work_items WHERE id = ?1", [f.task], |r| {
            r.get(0)
        })
        .unwrap()
    };
    assert_eq!(actual_start(&f), None);
    undoable(&mut f, |ws| {
        ws.log_time(&entry(task, mei, "2026-11-25", "2h", "")).unwrap();
    });
    assert_eq!(actual_start(&f).as_deref(), Some("2026-11-25T08:00:00"));
    // Later time leaves the actual start where it is.
    f.ws.log_time(&entry(task, mei, "2026-11-20", "1", "")).unwrap();
    assert_eq!(actual_start(&f).as_deref(), Some("2026-11-25T08:00:00"));
    f.ws.undo().unwrap();
    f.ws.undo().unwrap();
    assert_eq!(actual_start(&f), None);
    assert!(f.ws.item_time_entries(task).unwrap().is_empty());
}

#[test]
fn refused_input_saves_nothing_and_says_why() {
    // Its future days are after 1 December 2026 whatever day the suite runs under.
    clock::on_day(
        day("2026-12-01"),
        refused_input_saves_nothing_and_says_why_on_1_december,
    );
}

fn refused_input_saves_nothing_and_says_why_on_1_december() {
    let mut f = fixture();
    let (task, mei) = (f.task, f.mei);
    f.ws.log_time(&entry(task, mei, "2026-11-30", "20", "")).unwrap();
    let before = tables(&f.path);
    let refused = |ws: &mut Workspace, input: TimeEntryInput, code: ErrorCode, words: &str| {
        let err = ws.log_time(&input).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.to_string().contains(words), "{err}");
    };
    refused(
        &mut f.ws,
        entry(task, mei, "2026-11-29", "0", ""),
        ErrorCode::InvalidInput,
        "more than zero",
    );
    refused(
        &mut f.ws,
        entry(task, mei, "2026-11-29", "-1", ""),
        ErrorCode::InvalidInput,
        "more than zero",
    );
    refused(
        &mut f.ws,
        entry(task, mei, "2026-11-29", "24:01", ""),
        ErrorCode::InvalidInput,
        "at most 24 hours",
    );
    refused(
        &mut f.ws,
        entry(task, mei, "2026-11-29", "soon", ""),
        ErrorCode::InvalidInput,
        "not a duration",
    );
    refused(
        &mut f.ws,
        entry(task, mei, "2026-11-30", "4:01", ""),
        ErrorCode::InvalidInput,
        "at most 24 hours",
    );
    refused(
        &mut f.ws,
        entry(task, mei, "2026-12-02", "1", ""),
        ErrorCode::InvalidInput,
        "in the future",
    );
    refused(
        &mut f.ws,
        entry(task, mei, "2026-02-30", "1", ""),
        ErrorCode::InvalidInput,
        "not a real date",
    );
    refused(
        &mut f.ws,
        entry(task, 4_000_000_123, "2026-11-29", "1", ""),
        ErrorCode::NotFound,
        "person",
    );
    refused(
        &mut f.ws,
        entry(4_000_000_123, mei, "2026-11-29", "1", ""),
        ErrorCode::NotFound,
        "item",
    );
    assert_eq!(tables(&f.path), before);
    // Exactly 24 hours in a day is allowed; today is allowed.
    f.ws.log_time(&entry(f.other, mei, "2026-11-30", "4", "")).unwrap();
    f.ws.log_time(&entry(task, mei, "2026-12-01", "24:00", "")).unwrap();
    // An edit may not push the day over 24 hours either.
    let id = f.ws.item_time_entries(f.other).unwrap()[0].id;
    let err =
        f.ws.update_time_entry(id, &entry(f.other, mei, "2026-11-30", "4:30", ""))
            .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}

#[test]
fn the_timer_logs_elapsed_minutes_and_switching_stops_the_first() {
    let mut f = fixture();
    let (task, other, mei) = (f.task, f.other, f.mei);
    clock::at_instant(at("2026-11-30", 9, 0), || {
        let start = f.ws.start_timer(mei, task).unwrap();
        assert!(start.stopped.is_none());
        assert_eq!(start.timer.item_title, "Data migration");
    });
    clock::at_instant(at("2026-11-30", 10, 14) + Duration::seconds(31), || {
        assert_eq!(f.ws.running_timers().unwrap()[0].elapsed_minutes, 75);
        let before = tables(&f.path);
        let start = f.ws.start_timer(mei, other).unwrap();
        let stopped = start.stopped.unwrap();
        assert_eq!(stopped.logged.len(), 1);
        assert_eq!(stopped.logged[0].minutes, 75, "rounded to the nearest minute");
        assert_eq!(stopped.logged[0].item_id, task);
        assert_eq!(f.ws.running_timers().unwrap()[0].item_id, other);
        // Undo of the switch: the first timer runs again and nothing is logged.
        let after = tables(&f.path);
        f.ws.undo().unwrap();
        assert_eq!(tables(&f.path), before);
        f.ws.redo().unwrap();
        assert_eq!(tables(&f.path), after);
        assert_eq!(
            f.ws.start_timer(mei, other).unwrap_err().code(),
            ErrorCode::InvalidInput,
            "already running there"
        );
    });
    clock::at_instant(at("2026-11-30", 11, 0), || {
        let before = tables(&f.path);
        let stop = f.ws.stop_timer(mei, None).unwrap();
        assert!(!stop.needs_confirmation);
        assert_eq!(stop.logged[0].minutes, 45, "10:14:31 to 11:00");
        assert!(f.ws.running_timers().unwrap().is_empty());
        let after = tables(&f.path);
        f.ws.undo().unwrap();
        assert_eq!(tables(&f.path), before, "undo of stop brings the timer back");
        f.ws.redo().unwrap();
        assert_eq!(tables(&f.path), after);
        assert_eq!(f.ws.stop_timer(mei, None).unwrap_err().code(), ErrorCode::NotFound);
    });
    // Under a minute logs nothing but still stops.
    clock::at_instant(at("2026-11-30", 12, 0), || f.ws.start_timer(mei, task).unwrap());
    clock::at_instant(at("2026-11-30", 12, 0) + Duration::seconds(20), || {
        let stop = f.ws.stop_timer(mei, None).unwrap();
        assert!(stop.logged.is_empty());
        assert!(f.ws.running_timers().unwrap().is_empty());
    });
}

#[test]
fn a_timer_across_midnight_logs_one_entry_per_day() {
    let mut f = fixture();
    let (task, jonas) = (f.task, f.jonas);
    clock::at_instant(at("2026-11-29", 22, 30), || f.ws.start_timer(jonas, task).unwrap());
    clock::at_instant(at("2026-11-30", 1, 15), || {
        let stop = f.ws.stop_timer(jonas, None).unwrap();
        let pieces: Vec<(NaiveDate, i64)> = stop.logged.iter().map(|e| (e.day, e.minutes)).collect();
        assert_eq!(pieces, vec![(day("2026-11-29"), 90), (day("2026-11-30"), 75)]);
        assert!(stop.message.contains("over 2 days"), "{}", stop.message);
    });
}

#[test]
fn a_timer_left_running_over_16_hours_asks_before_logging() {
    let mut f = fixture();
    let (task, other, mei) = (f.task, f.other, f.mei);
    clock::at_instant(at("2026-11-30", 9, 0), || f.ws.start_timer(mei, task).unwrap());
    clock::at_instant(at("2026-12-01", 9, 30), || {
        let before = tables(&f.path);
        let ask = f.ws.stop_timer(mei, None).unwrap();
        assert!(ask.needs_confirmation);
        assert_eq!(ask.elapsed_minutes, 24 * 60 + 30);
        assert!(ask.logged.is_empty());
        assert!(ask.message.contains("24:30"), "{}", ask.message);
        assert_eq!(tables(&f.path), before, "nothing saved until confirmed");
        // Starting another timer is refused too while this one is unconfirmed.
        assert_eq!(
            f.ws.start_timer(mei, other).unwrap_err().code(),
            ErrorCode::InvalidInput
        );
        // The user corrects it to 8 hours: logged on the day it started.
        let stop = f.ws.stop_timer(mei, Some(480)).unwrap();
        assert_eq!(stop.logged.len(), 1);
        assert_eq!((stop.logged[0].day, stop.logged[0].minutes), (day("2026-11-30"), 480));
        // Or discards a forgotten one with 0.
        f.ws.start_timer(mei, other).unwrap();
        let discard = f.ws.stop_timer(mei, Some(0)).unwrap();
        assert!(discard.logged.is_empty());
        assert!(f.ws.running_timers().unwrap().is_empty());
    });
}

#[test]
fn logged_time_feeds_actual_work_remaining_and_cost_to_the_cent() {
    let mut f = fixture();
    let (task, mei, jonas) = (f.task, f.mei, f.jonas);
    f.ws.log_time(&entry(task, mei, "2026-11-02", "1:07", "")).unwrap(); // 67 × 7550 / 60 = 8430.83 → 8431
    f.ws.log_time(&entry(task, jonas, "2026-11-30", "0:20", "")).unwrap(); // 20 × 9001 / 60 = 3000.33 → 3000
    f.ws.log_time(&entry(task, mei, "2026-12-01", "0:12", "")).unwrap(); // 12 × 7550 / 60 = 1510
    assert_eq!(entry_cost(67, 7_550), 8_431);
    assert_eq!(entry_cost(1, 30), 1, "half a cent rounds away from zero");
    assert_eq!(entry_cost(1, 29), 0);
    let a = f.ws.item_actuals(task).unwrap();
    assert_eq!(a.actual_minutes, 99);
    assert_eq!(a.actual_cost_minor, 8_431 + 3_000 + 1_510);
    assert_eq!(a.currency, "EUR");
    assert_eq!(a.remaining_hours, Some(10.0 - 99.0 / 60.0));
    assert_eq!(
        feeds::logged_cost(&f.ws, f.project, day("2026-11-30")).unwrap(),
        8_431 + 3_000
    );
    assert_eq!(feeds::logged_cost(&f.ws, f.project, day("2026-12-01")).unwrap(), 12_941);
    assert_eq!(feeds::logged_minutes(&f.ws, f.project, day("2026-11-30")).unwrap(), 87);
    let all = feeds::project_actuals(&f.ws, f.project).unwrap();
    assert_eq!(all.iter().map(|a| a.actual_cost_minor).sum::<i64>(), 12_941);
    // A remaining estimate entered by hand wins; more logged than estimated leaves 0.
    let (task, other) = (f.task, f.other);
    undoable(&mut f, |ws| {
        assert_eq!(
            ws.set_remaining_hours(task, Some(3.5)).unwrap().remaining_hours,
            Some(3.5)
        );
    });
    f.ws.log_time(&entry(other, mei, "2026-11-30", "5", "")).unwrap();
    assert_eq!(f.ws.item_actuals(other).unwrap().remaining_hours, Some(0.0));
    assert_eq!(
        f.ws.set_remaining_hours(task, Some(-1.0)).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
}

#[test]
fn the_timesheet_shows_the_week_and_a_typed_cell_sets_the_day_total() {
    // Its future days are after 1 December 2026 whatever day the suite runs under.
    clock::on_day(
        day("2026-12-01"),
        the_timesheet_shows_the_week_and_a_typed_cell_sets_the_day_total_on_1_december,
    );
}

fn the_timesheet_shows_the_week_and_a_typed_cell_sets_the_day_total_on_1_december() {
    let mut f = fixture();
    let (task, other, mei) = (f.task, f.other, f.mei);
    f.ws.log_time(&entry(task, mei, "2026-11-30", "1", "a")).unwrap();
    f.ws.log_time(&entry(task, mei, "2026-11-30", "0:30", "b")).unwrap();
    f.ws.log_time(&entry(task, mei, "2026-11-27", "2", "last week"))
        .unwrap();
    let sheet = f.ws.timesheet(mei, day("2026-12-01")).unwrap();
    assert_eq!(sheet.week_start, day("2026-11-30"));
    assert_eq!(sheet.days.len(), 7);
    assert_eq!(sheet.capacity_minutes, 2400);
    let row = sheet.rows.iter().find(|r| r.item_id == task).unwrap();
    assert_eq!(row.minutes, vec![90, 0, 0, 0, 0, 0, 0]);
    assert!(row.assigned);
    assert!(
        sheet.rows.iter().any(|r| r.item_id == other),
        "assigned items have a row"
    );
    assert_eq!(sheet.total_minutes, 90);
    assert_eq!(sheet.day_totals[0], 90);
    // Two entries in a cell become one with the typed total, notes kept.
    undoable(&mut f, |ws| {
        let sheet = ws.set_timesheet_cell(mei, task, day("2026-11-30"), "1:45").unwrap();
        assert_eq!(sheet.rows.iter().find(|r| r.item_id == task).unwrap().minutes[0], 105);
    });
    let cell: Vec<_> =
        f.ws.item_time_entries(task)
            .unwrap()
            .into_iter()
            .filter(|e| e.day == day("2026-11-30"))
            .collect();
    assert_eq!(cell.len(), 1);
    assert_eq!(cell[0].note, "a; b");
    // One entry is changed in place; an empty cell deletes; a new cell adds.
    undoable(&mut f, |ws| {
        ws.set_timesheet_cell(mei, task, day("2026-11-30"), "2.5").unwrap();
    });
    undoable(&mut f, |ws| {
        ws.set_timesheet_cell(mei, task, day("2026-11-30"), "").unwrap();
    });
    undoable(&mut f, |ws| {
        ws.set_timesheet_cell(mei, other, day("2026-12-01"), "0.25").unwrap();
    });
    let err = f.ws.set_timesheet_cell(mei, other, day("2026-12-03"), "1").unwrap_err();
    assert!(err.to_string().contains("future"), "{err}");
    let err =
        f.ws.set_timesheet_cell(mei, other, day("2026-12-01"), "25")
            .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    // The last week still has its entry; a week of nobody's time is empty but for assignments.
    let last = f.ws.timesheet(mei, day("2026-11-23")).unwrap();
    assert_eq!(last.total_minutes, 120);
    let jonas = f.ws.timesheet(f.jonas, day("2026-12-01")).unwrap();
    assert!(jonas.rows.is_empty());
}

#[test]
fn a_read_only_workspace_refuses_every_time_edit() {
    let mut f = fixture();
    let (task, mei) = (f.task, f.mei);
    f.ws.log_time(&entry(task, mei, "2026-11-30", "1", "")).unwrap();
    let id = f.ws.item_time_entries(task).unwrap()[0].id;
    let Fixture { _dir, path, ws, .. } = f;
    ws.close().unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut ws = Workspace::open(&path).unwrap();
    assert!(ws.is_read_only());
    let codes = [
        ws.log_time(&entry(task, mei, "2026-11-30", "1", ""))
            .unwrap_err()
            .code(),
        ws.update_time_entry(id, &entry(task, mei, "2026-11-30", "2", ""))
            .unwrap_err()
            .code(),
        ws.delete_time_entry(id).unwrap_err().code(),
        ws.start_timer(mei, task).unwrap_err().code(),
        ws.stop_timer(mei, None).unwrap_err().code(),
        ws.set_timesheet_cell(mei, task, day("2026-11-30"), "3")
            .unwrap_err()
            .code(),
        ws.set_remaining_hours(task, Some(1.0)).unwrap_err().code(),
    ];
    assert!(codes.iter().all(|c| *c == ErrorCode::ReadOnly), "{codes:?}");
    // Reading still works.
    assert_eq!(ws.item_actuals(task).unwrap().actual_minutes, 60);
    assert_eq!(ws.timesheet(mei, day("2026-11-30")).unwrap().total_minutes, 60);
    drop(ws);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
