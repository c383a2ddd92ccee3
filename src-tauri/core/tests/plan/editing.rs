//! Editing a task's constraint, progress and actual dates and a link's type and lag: what the
//! schedule makes of them, what is refused, and undo giving back the same rows and dates.

use std::path::Path;

use bridgeplan_core::interchange::mspdi;
use bridgeplan_core::plan::editing::{LinkInput, TaskScheduleInput};
use bridgeplan_core::plan::timeline::{ConstraintKind, DependencyKind, ProjectSchedule};
use bridgeplan_core::{ErrorCode, Id, Workspace};
use rusqlite::{Connection, OpenFlags};

// March 2026: Monday 2 … Friday 6, Monday 9 … Friday 13.
const PLAN: &str = r#"<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>Cutover plan</Title>
  <StartDate>2026-03-02T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar><UID>1</UID><Name>Standard</Name>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
      </WeekDays>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>1</UID><Name>Phase</Name><OutlineLevel>1</OutlineLevel></Task>
    <Task><UID>2</UID><Name>Design</Name><OutlineLevel>2</OutlineLevel><Duration>PT24H0M0S</Duration></Task>
    <Task><UID>3</UID><Name>Build</Name><OutlineLevel>2</OutlineLevel><Duration>PT24H0M0S</Duration>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>4</UID><Name>Cutover</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
      <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
</Project>"#;

struct Plan {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    ws: Workspace,
    project: Id,
}

fn plan() -> Plan {
    bridgeplan_core::clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cutover.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = ws.import_plan(&mspdi::read(PLAN).unwrap()).unwrap().project.id;
    Plan {
        _dir: dir,
        path,
        ws,
        project,
    }
}

impl Plan {
    fn schedule(&self) -> ProjectSchedule {
        self.ws.project_schedule(self.project).unwrap()
    }
    fn id(&self, name: &str) -> Id {
        self.schedule().tasks.iter().find(|t| t.name == name).unwrap().item_id
    }
    fn task(&self, name: &str) -> bridgeplan_core::plan::timeline::ScheduledTask {
        self.schedule().tasks.into_iter().find(|t| t.name == name).unwrap()
    }
    fn link(&self) -> Id {
        self.schedule().links[0].id
    }
    /// The plan's two tables and the schedule computed from them, as text.
    fn state(&self) -> (Vec<String>, Vec<String>, String) {
        (
            rows(&self.path, "work_items"),
            rows(&self.path, "dependencies"),
            serde_json::to_string(&self.schedule()).unwrap(),
        )
    }
}

fn rows(path: &Path, table: &str) -> Vec<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY id")).unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |r| {
        let values: Vec<rusqlite::types::Value> = (0..width).map(|i| r.get(i)).collect::<Result<_, _>>()?;
        Ok(format!("{values:?}"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn input(kind: ConstraintKind, date: Option<&str>, percent: f64) -> TaskScheduleInput {
    TaskScheduleInput {
        constraint_type: kind,
        constraint_date: date.map(String::from),
        percent_complete: percent,
        actual_start: None,
        actual_finish: None,
    }
}

fn refused(result: bridgeplan_core::Result<()>) -> String {
    let e = result.unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    e.to_string()
}

#[test]
fn a_start_to_start_lag_moves_the_successor_and_undo_gives_back_rows_and_dates() {
    let mut p = plan();
    assert_eq!(p.task("Build").start.to_string(), "2026-03-05 08:00:00");
    let before = p.state();
    let link = p.link();
    let ss = LinkInput {
        kind: DependencyKind::Ss,
        lag_minutes: 2 * 480,
        lag_percent: None,
    };
    p.ws.set_dependency(link, &ss).unwrap();
    assert_eq!(
        p.ws.history_state().undo_label.as_deref(),
        Some("Make \"Design\" → \"Build\" start-to-start, lag 2 d")
    );
    // Two working days after Design starts on Monday.
    assert_eq!(p.task("Build").start.to_string(), "2026-03-04 08:00:00");
    let edited = p.state();
    p.ws.undo().unwrap();
    assert_eq!(p.state(), before);
    p.ws.redo().unwrap();
    assert_eq!(p.state(), edited);

    // A lead: finish-to-start one day early; a percentage: half of Design's three days.
    let lead = LinkInput {
        kind: DependencyKind::Fs,
        lag_minutes: -480,
        lag_percent: None,
    };
    p.ws.set_dependency(link, &lead).unwrap();
    assert_eq!(p.task("Build").start.to_string(), "2026-03-04 08:00:00");
    let half = LinkInput {
        kind: DependencyKind::Ss,
        lag_minutes: 480,
        lag_percent: Some(50.0),
    };
    p.ws.set_dependency(link, &half).unwrap();
    let stored = &p.schedule().links[0];
    assert_eq!((stored.lag_minutes, stored.lag_percent), (0, Some(50.0)));
    assert_eq!(p.task("Build").start.to_string(), "2026-03-03 13:00:00");
}

#[test]
fn a_lag_beyond_a_year_is_refused_and_nothing_changes() {
    let mut p = plan();
    let before = p.state();
    let link = p.link();
    let far = |lag_minutes, lag_percent| LinkInput {
        kind: DependencyKind::Fs,
        lag_minutes,
        lag_percent,
    };
    assert!(refused(p.ws.set_dependency(link, &far(366 * 480, None))).contains("a year"));
    assert!(refused(p.ws.set_dependency(link, &far(-366 * 480, None))).contains("a year"));
    refused(p.ws.set_dependency(link, &far(0, Some(f64::NAN))));
    refused(p.ws.set_dependency(link, &far(0, Some(5000.0))));
    let (design, build) = (p.id("Design"), p.id("Cutover"));
    let e =
        p.ws.add_dependency(design, build, DependencyKind::Fs, 400 * 480)
            .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert_eq!(p.state(), before);
    let gone = p.ws.set_dependency(9999, &far(0, None)).unwrap_err();
    assert_eq!(gone.code(), ErrorCode::NotFound);
}

#[test]
fn a_finish_no_later_than_in_the_past_gives_negative_float_and_is_labelled() {
    let mut p = plan();
    let cutover = p.id("Cutover");
    let before = p.state();
    // Cutover finishes Tuesday 10 March; it must finish by Friday 6 March.
    p.ws.set_task_schedule(cutover, &input(ConstraintKind::Fnlt, Some("2026-03-06"), 0.0))
        .unwrap();
    assert_eq!(
        p.ws.history_state().undo_label.as_deref(),
        Some("Set \"Cutover\" constraint to Finish no later than 6 Mar 2026")
    );
    let task = p.task("Cutover");
    assert_eq!(task.plan.constraint_type, ConstraintKind::Fnlt);
    // A day alone is the end of its working time on the task's calendar.
    assert_eq!(task.plan.constraint_date.unwrap().to_string(), "2026-03-06 17:00:00");
    // The constraint wins over the link (the project honours constraints): Cutover is drawn
    // finishing on Friday, and the work before it, which cannot make that, has negative float.
    assert_eq!(task.finish.to_string(), "2026-03-06 17:00:00");
    let build = p.task("Build");
    assert_eq!(build.total_float_hours, -16.0);
    assert!(build.critical && task.critical);
    p.ws.undo().unwrap();
    assert_eq!(p.state(), before);

    // As soon as possible drops a date sent with it; the same values again are no edit.
    p.ws.set_task_schedule(cutover, &input(ConstraintKind::Snet, Some("2026-03-16"), 0.0))
        .unwrap();
    assert_eq!(p.task("Cutover").start.to_string(), "2026-03-16 08:00:00");
    p.ws.set_task_schedule(cutover, &input(ConstraintKind::Asap, Some("2026-03-16"), 0.0))
        .unwrap();
    let task = p.task("Cutover");
    assert_eq!(
        (task.plan.constraint_type, task.plan.constraint_date),
        (ConstraintKind::Asap, None)
    );
    let label = p.ws.history_state().undo_label;
    p.ws.set_task_schedule(cutover, &input(ConstraintKind::Asap, None, 0.0))
        .unwrap();
    assert_eq!(p.ws.history_state().undo_label, label);
}

#[test]
fn complete_with_an_actual_finish_makes_the_task_done() {
    let mut p = plan();
    let design = p.id("Design");
    let mut done = input(ConstraintKind::Asap, None, 40.0);
    done.actual_start = Some("2026-03-02".into());
    done.actual_finish = Some("2026-03-03".into());
    p.ws.set_task_schedule(design, &done).unwrap();
    assert_eq!(
        p.ws.history_state().undo_label.as_deref(),
        Some("Update the schedule of \"Design\"")
    );
    let task = p.task("Design");
    // An actual finish means done: 100 %, not critical any more, finished when it said.
    assert_eq!(task.percent_complete, 100.0);
    assert!(!task.critical);
    assert_eq!(task.finish.to_string(), "2026-03-03 17:00:00");
    assert_eq!(task.plan.actual_start.unwrap().to_string(), "2026-03-02 08:00:00");
    // Its successor follows the actual finish.
    assert_eq!(p.task("Build").start.to_string(), "2026-03-04 08:00:00");

    let mut half = input(ConstraintKind::Asap, None, 50.0);
    half.actual_start = Some("2026-03-02".into());
    let build = p.id("Build");
    p.ws.set_task_schedule(build, &input(ConstraintKind::Asap, None, 50.0))
        .unwrap();
    assert_eq!(
        p.ws.history_state().undo_label.as_deref(),
        Some("Set \"Build\" to 50 % complete")
    );
    assert_eq!(p.task("Build").percent_complete, 50.0);
}

#[test]
fn impossible_plans_are_refused_with_what_to_do_and_nothing_is_saved() {
    let mut p = plan();
    let before = p.state();
    let (design, phase) = (p.id("Design"), p.id("Phase"));
    let e = refused(p.ws.set_task_schedule(design, &input(ConstraintKind::Mfo, None, 0.0)));
    assert!(e.contains("needs a date"), "{e}");
    assert!(refused(p.ws.set_task_schedule(design, &input(ConstraintKind::Asap, None, 101.0))).contains("0 to 100"));
    refused(p.ws.set_task_schedule(design, &input(ConstraintKind::Asap, None, -1.0)));
    refused(p.ws.set_task_schedule(design, &input(ConstraintKind::Asap, None, f64::NAN)));
    let e = refused(p.ws.set_task_schedule(design, &input(ConstraintKind::Snet, Some("2026-02-30"), 0.0)));
    assert!(e.contains("not a date"), "{e}");
    refused(p.ws.set_task_schedule(design, &input(ConstraintKind::Snet, Some("12/03/2026"), 0.0)));
    refused(p.ws.set_task_schedule(design, &input(ConstraintKind::Snet, Some("0026-03-02"), 0.0)));

    let mut backwards = input(ConstraintKind::Asap, None, 0.0);
    backwards.actual_start = Some("2026-03-04".into());
    backwards.actual_finish = Some("2026-03-03".into());
    assert!(refused(p.ws.set_task_schedule(design, &backwards)).contains("before its actual start"));
    let mut no_start = input(ConstraintKind::Asap, None, 0.0);
    no_start.actual_finish = Some("2026-03-03".into());
    assert!(refused(p.ws.set_task_schedule(design, &no_start)).contains("no actual start"));

    let e = refused(p.ws.set_task_schedule(phase, &input(ConstraintKind::Snet, Some("2026-03-09"), 0.0)));
    assert!(e.contains("summary task"), "{e}");
    let mut started = input(ConstraintKind::Asap, None, 0.0);
    started.actual_start = Some("2026-03-02".into());
    refused(p.ws.set_task_schedule(phase, &started));
    assert_eq!(p.state(), before);
}

#[test]
fn the_schedule_carries_each_tasks_calendar_and_a_moved_bar_skips_a_holiday() {
    let mut p = plan();
    let calendar = p.ws.project_working_calendar(p.project).unwrap().id;
    p.ws.add_holiday(
        calendar,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 11).unwrap(),
        "Company day",
    )
    .unwrap();
    let s = p.schedule();
    let cal = &s.calendars[s.tasks[0].plan.calendar];
    assert_eq!(cal.week[0], vec![[480, 720], [780, 1020]]);
    assert!(cal.week[5].is_empty());
    assert!(cal
        .exceptions
        .iter()
        .any(|e| e.day == "2026-03-11" && e.spans.is_empty()));

    // Dropped on the holiday, Cutover starts the day after, and its constraint says so.
    let cutover = p.id("Cutover");
    p.ws.move_task(cutover, "2026-03-11T08:00:00").unwrap();
    let task = p.task("Cutover");
    assert_eq!(task.start.to_string(), "2026-03-12 08:00:00");
    assert_eq!(task.plan.constraint_date.unwrap().to_string(), "2026-03-12 08:00:00");
    assert_eq!(
        p.ws.history_state().undo_label.as_deref(),
        Some("Move \"Cutover\" to start on 2026-03-12")
    );
}

#[test]
fn in_the_demo_the_contractors_tasks_carry_his_four_day_week_and_a_bar_dropped_on_friday_starts_monday() {
    bridgeplan_core::clock::fix_for_tests();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(); // a Wednesday
    let mut ws = Workspace::in_memory().unwrap();
    bridgeplan_core::demo::fill_demo(&mut ws, today).unwrap();
    let erp = ws
        .projects()
        .unwrap()
        .into_iter()
        .find(|p| p.name.starts_with("ERP"))
        .unwrap()
        .id;
    let s = ws.project_schedule(erp).unwrap();
    let rehearsal = s
        .tasks
        .iter()
        .find(|t| t.name.starts_with("Migration rehearsal 1"))
        .unwrap();
    let own = &s.calendars[rehearsal.plan.calendar];
    assert_eq!(own.name, "Four-day week");
    assert!(own.week[4].is_empty(), "no Fridays");
    // The others work on the standard calendar, which has the company holiday.
    let standard = s
        .tasks
        .iter()
        .find(|t| !t.summary && t.plan.calendar != rehearsal.plan.calendar)
        .unwrap();
    let holiday = bridgeplan_core::demo::company_holiday(today).to_string();
    assert!(s.calendars[standard.plan.calendar]
        .exceptions
        .iter()
        .any(|e| e.day == holiday));

    // Friday 13 March 2026 → Monday 16 March, at the start of the contractor's day.
    ws.move_task(rehearsal.item_id, "2026-03-13T08:00:00").unwrap();
    let moved = ws.project_schedule(erp).unwrap();
    let moved = moved.tasks.iter().find(|t| t.item_id == rehearsal.item_id).unwrap();
    assert_eq!(moved.start.to_string(), "2026-03-16 08:00:00");
}

#[test]
fn a_schedule_carries_only_the_calendars_its_own_plan_uses() {
    let mut p = plan();
    // A second import brings its own "Standard" calendar, stored under another name.
    let other = p.ws.import_plan(&mspdi::read(PLAN).unwrap()).unwrap().project.id;
    let names = |project: Id| -> Vec<String> {
        let s = p.ws.project_schedule(project).unwrap();
        s.calendars.iter().map(|c| c.name.clone()).collect()
    };
    let (mine, theirs) = (names(p.project), names(other));
    assert_eq!(
        mine.len(),
        2,
        "the workspace's standard calendar and the plan's own: {mine:?}"
    );
    assert_eq!(theirs.len(), 2, "{theirs:?}");
    assert_ne!(mine, theirs, "each plan reads its own imported calendar");
    // Each task still points at its plan's calendar.
    let s = p.schedule();
    let cal = &s.calendars[s.tasks[1].plan.calendar];
    assert!(
        cal.week[5].is_empty() && cal.week[6].is_empty() && !cal.week[0].is_empty(),
        "{cal:?}"
    );
}
