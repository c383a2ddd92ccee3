//! The timeline stored in a workspace: importing a Microsoft Project plan as a project,
//! scheduling it from the file, dependencies with loop refusal, undo, and the schema upgrade.

use bridgeplan_core::interchange::mspdi;
use bridgeplan_core::plan::schedule::calendar::from_minute;
use bridgeplan_core::plan::schedule::schedule;
use bridgeplan_core::plan::timeline::DependencyKind;
use bridgeplan_core::{ErrorCode, Workspace};

const MOVE_PLAN: &str = r#"<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>Data centre move</Title>
  <StartDate>2026-03-02T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar><UID>1</UID><Name>Standard</Name>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
      </WeekDays>
      <Exceptions><Exception><TimePeriod><FromDate>2026-03-04T00:00:00</FromDate><ToDate>2026-03-04T23:59:00</ToDate></TimePeriod>
        <Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>1</UID><Name>Prepare</Name><OutlineLevel>1</OutlineLevel></Task>
    <Task><UID>2</UID><Name>Inventory</Name><OutlineLevel>2</OutlineLevel><Duration>PT16H0M0S</Duration></Task>
    <Task><UID>3</UID><Name>Book trucks</Name><OutlineLevel>2</OutlineLevel><Duration>PT4H0M0S</Duration>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>4</UID><Name>Move</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>5</UID><Name>Moved</Name><OutlineLevel>1</OutlineLevel><Duration>PT0H0M0S</Duration>
      <PredecessorLink><PredecessorUID>4</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
</Project>"#;

mod editing;

#[path = "../support/mod.rs"]
mod support;

fn fixture(name: &str) -> Option<String> {
    support::mspdi_fixture(name)
}

#[test]
fn an_imported_plan_is_stored_and_scheduled_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("move.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let summary = ws.import_plan(&mspdi::read(MOVE_PLAN).unwrap()).unwrap();
    assert_eq!(summary.project.name, "Data centre move");
    assert_eq!((summary.tasks, summary.dependencies), (5, 3));
    let project = summary.project.id;
    ws.close().unwrap();

    let ws = Workspace::open(&path).unwrap();
    let s = ws.project_schedule(project).unwrap();
    let rows: Vec<(&str, &str, String, String, bool)> = s
        .tasks
        .iter()
        .map(|t| {
            (
                t.wbs.as_str(),
                t.name.as_str(),
                t.start.to_string(),
                t.finish.to_string(),
                t.critical,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "1",
                "Prepare",
                "2026-03-02 08:00:00".into(),
                "2026-03-05 12:00:00".into(),
                true
            ),
            (
                "1.1",
                "Inventory",
                "2026-03-02 08:00:00".into(),
                "2026-03-03 17:00:00".into(),
                true
            ),
            // Wednesday the 4th is a holiday of the imported calendar.
            (
                "1.2",
                "Book trucks",
                "2026-03-05 08:00:00".into(),
                "2026-03-05 12:00:00".into(),
                true
            ),
            (
                "2",
                "Move",
                "2026-03-05 13:00:00".into(),
                "2026-03-06 12:00:00".into(),
                true
            ),
            (
                "3",
                "Moved",
                "2026-03-06 12:00:00".into(),
                "2026-03-06 12:00:00".into(),
                true
            ),
        ]
    );
    assert!(s.tasks[4].milestone && s.tasks[0].summary);
    assert_eq!(s.finish.to_string(), "2026-03-06 12:00:00");
}

#[test]
fn a_fixture_from_microsoft_project_schedules_the_same_after_import() {
    let Some(xml) = fixture("task-links-project2010-mspdi.xml") else {
        return;
    };
    let plan = mspdi::read(&xml).unwrap();
    let direct = schedule(&plan.network()).unwrap();
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&plan).unwrap().project.id;
    let stored = ws.project_schedule(project).unwrap();
    assert_eq!(stored.tasks.len(), plan.tasks.len());
    for (ours, theirs) in stored.tasks.iter().zip(&direct.tasks) {
        assert_eq!(ours.early_start, from_minute(theirs.early_start), "{}", ours.name);
        assert_eq!(ours.late_finish, from_minute(theirs.late_finish), "{}", ours.name);
        assert_eq!(ours.critical, theirs.critical, "{}", ours.name);
    }
}

#[test]
fn importing_twice_names_the_second_copy_and_undo_takes_an_import_back_whole() {
    let mut ws = Workspace::in_memory().unwrap();
    let plan = mspdi::read(MOVE_PLAN).unwrap();
    ws.import_plan(&plan).unwrap();
    let second = ws.import_plan(&plan).unwrap();
    assert_eq!(second.project.name, "Data centre move (2)");
    assert!(second.warnings.iter().any(|w| w.contains("already exists")));
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Import \"Data centre move (2)\"")
    );
    ws.undo().unwrap();
    assert_eq!(ws.projects().unwrap().len(), 1);
    ws.redo().unwrap();
    assert_eq!(ws.project_schedule(second.project.id).unwrap().tasks.len(), 5);
}

#[test]
fn dependencies_refuse_loops_by_name_and_are_undoable() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&mspdi::read(MOVE_PLAN).unwrap()).unwrap().project.id;
    let ids: Vec<(String, i64)> = ws
        .project_schedule(project)
        .unwrap()
        .tasks
        .iter()
        .map(|t| (t.name.clone(), t.item_id))
        .collect();
    let id = |name: &str| ids.iter().find(|(n, _)| n == name).unwrap().1;

    let err = ws
        .add_dependency(id("Moved"), id("Inventory"), DependencyKind::Fs, 0)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let text = err.to_string();
    assert!(
        text.contains("loop") && text.contains("Moved") && text.contains("Inventory"),
        "{text}"
    );
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Import \"Data centre move\""),
        "nothing recorded"
    );

    let dup = ws
        .add_dependency(id("Inventory"), id("Book trucks"), DependencyKind::Fs, 0)
        .unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Duplicate);

    // Book trucks may start half a day after the inventory starts: the summary finishes sooner.
    let link = ws
        .add_dependency(id("Inventory"), id("Move"), DependencyKind::Ss, 240)
        .unwrap();
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Link \"Inventory\" → \"Move\"")
    );
    let s = ws.project_schedule(project).unwrap();
    assert!(s
        .links
        .iter()
        .any(|l| l.id == link && l.kind == DependencyKind::Ss && l.lag_minutes == 240));
    ws.remove_dependency(link).unwrap();
    assert!(ws.project_schedule(project).unwrap().links.iter().all(|l| l.id != link));
    ws.undo().unwrap();
    assert!(ws.project_schedule(project).unwrap().links.iter().any(|l| l.id == link));
    ws.undo().unwrap();
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Import \"Data centre move\"")
    );
}

#[test]
fn a_schema_1_workspace_is_upgraded_on_open_and_keeps_its_items() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.bridgeplan");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../../src/workspace/migrations/0001_initial.sql"))
            .unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1112558670; PRAGMA user_version = 1;
             INSERT INTO projects(id, name, methodology, created_at, updated_at) VALUES (1, 'Old', 'waterfall', 'x', 'x');
             INSERT INTO statuses(id, project_id, name, category, position) VALUES (1, 1, 'To do', 'todo', 0);
             INSERT INTO work_items(project_id, status_id, rank, item_type, title, created_at, updated_at)
               VALUES (1, 1, 1, 'task', 'Kept', 'x', 'x');",
        )
        .unwrap();
    }
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(
        ws.info().schema_version,
        bridgeplan_core::workspace::current_schema_version()
    );
    let s = ws.project_schedule(1).unwrap();
    assert_eq!(s.tasks[0].name, "Kept");
    assert_eq!(s.tasks[0].wbs, "1");
}

#[test]
fn baselines_are_saved_compared_limited_to_ten_and_undoable() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&mspdi::read(MOVE_PLAN).unwrap()).unwrap().project.id;
    let baseline = ws.save_baseline(project, "Approved plan").unwrap();
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Save baseline \"Approved plan\"")
    );
    let dup = ws.save_baseline(project, "approved PLAN").unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Duplicate);

    // The inventory takes a day longer than planned: it and everything after it slip.
    let tasks = ws.project_schedule(project).unwrap().tasks;
    let inventory = tasks.iter().find(|t| t.name == "Inventory").unwrap().item_id;
    ws.set_task_plan(
        inventory,
        &bridgeplan_core::plan::timeline::TaskPlanInput {
            parent_id: Some(tasks[0].item_id),
            duration_minutes: Some(3 * 480),
            constraint_type: bridgeplan_core::plan::timeline::ConstraintKind::Asap,
            constraint_date: None,
            actual_start: None,
            actual_finish: None,
            percent_complete: 0.0,
        },
    )
    .unwrap();
    let variance = ws.baseline_variance(baseline.id).unwrap();
    let of = |name: &str| variance.iter().find(|v| v.name == name).unwrap();
    assert_eq!(of("Inventory").duration_variance_hours, 8.0);
    assert_eq!(of("Inventory").start_variance_hours, 0.0);
    assert_eq!(of("Moved").finish_variance_hours, 8.0);
    let against = ws.project_schedule_against(project, Some(baseline.id)).unwrap();
    let moved = against.tasks.iter().find(|t| t.name == "Moved").unwrap();
    assert_eq!(moved.baseline_finish.unwrap().to_string(), "2026-03-06 12:00:00");

    for n in 2..=10 {
        ws.save_baseline(project, &format!("Re-plan {n}")).unwrap();
    }
    let eleventh = ws.save_baseline(project, "One too many").unwrap_err();
    assert!(eleventh.to_string().contains("at most 10"), "{eleventh}");
    ws.delete_baseline(baseline.id).unwrap();
    assert_eq!(ws.baselines(project).unwrap().len(), 9);
    ws.undo().unwrap();
    assert_eq!(ws.baselines(project).unwrap().len(), 10);
    assert_eq!(
        ws.baseline_variance(baseline.id).unwrap().len(),
        5,
        "its tasks came back too"
    );
}

#[test]
fn baselines_in_a_microsoft_project_file_are_imported() {
    let Some(xml) = fixture("baselines.xml") else { return };
    let plan = mspdi::read(&xml).unwrap();
    let mut ws = Workspace::in_memory().unwrap();
    let summary = ws.import_plan(&plan).unwrap();
    let names: Vec<String> = ws
        .baselines(summary.project.id)
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names.len(), 10);
    assert_eq!(names[0], "Baseline 1");
    assert!(
        summary.warnings.iter().all(|w| !w.contains("baselines")),
        "exactly ten: none dropped"
    );
    let first = ws.baselines(summary.project.id).unwrap()[0].id;
    let v = ws.baseline_variance(first).unwrap();
    assert_eq!(v[0].baseline_start.to_string(), "2001-01-01 09:00:00");
}

/// Exports a project, reads the file back and checks the plan survived: same outline, links,
/// computed dates (as written, and as scheduled again from the file) and baselines.
fn assert_round_trip(ws: &Workspace, project: i64) -> mspdi::Plan {
    let original = ws.project_schedule(project).unwrap();
    let export = mspdi::export(ws, project).unwrap();
    let plan = mspdi::read(&export.xml).unwrap_or_else(|e| panic!("{e}\n{}", export.xml));
    assert_eq!(plan.tasks.len(), original.tasks.len());
    assert_eq!(plan.links.len(), original.links.len());
    let again = schedule(&plan.network()).unwrap();
    let cal = ws.project_calendar(project).unwrap();
    let same = |a: chrono::NaiveDateTime, b: i64| {
        cal.work_between(bridgeplan_core::plan::schedule::calendar::to_minute(a), b) == 0
    };
    for ((ours, read), rescheduled) in original.tasks.iter().zip(&plan.tasks).zip(&again.tasks) {
        assert_eq!(
            (ours.name.as_str(), ours.wbs.as_str()),
            (read.task.name.as_str(), read.wbs.as_str())
        );
        let saved = read.saved.unwrap();
        assert!(
            same(ours.early_start, saved.early_start) && same(ours.late_finish, saved.late_finish),
            "{}",
            ours.name
        );
        assert!(
            same(ours.early_start, rescheduled.early_start),
            "{} rescheduled",
            ours.name
        );
        assert!(
            same(ours.early_finish, rescheduled.early_finish),
            "{} rescheduled",
            ours.name
        );
        assert_eq!(ours.critical, rescheduled.critical, "{}", ours.name);
    }
    plan
}

#[test]
fn a_project_exported_as_mspdi_reads_back_the_same() {
    let mut ws = Workspace::in_memory().unwrap();
    bridgeplan_core::demo::fill_demo(&mut ws, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    // The demo's plan carries its "Approved plan" baseline, on every task but those added after
    // it was saved: the task an approved change added, and the actions of risks and meetings.
    let erp = ws.project_by_name("ERP Cloud Migration").unwrap().id;
    let plan = assert_round_trip(&ws, erp);
    let unbaselined: Vec<&str> = plan
        .tasks
        .iter()
        .filter(|t| t.baselines.len() != 1)
        .map(|t| t.task.name.as_str())
        .collect();
    assert_eq!(unbaselined.first(), Some(&"Data archive extract"), "{unbaselined:?}");
    let baselined = plan.tasks.iter().filter(|t| t.baselines.len() == 1).count();
    assert!(baselined >= 20 && unbaselined.len() < baselined, "{unbaselined:?}");
    // The company holiday travels with the calendar.
    let holiday = bridgeplan_core::demo::company_holiday(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert!(!plan.calendars[plan.calendar].is_working_day(holiday));
    assert!(mspdi::export(&ws, erp)
        .unwrap()
        .warnings
        .iter()
        .any(|w| w.contains("WIP limits")));
}

#[test]
fn names_with_markup_characters_survive_the_round_trip() {
    let mut ws = Workspace::in_memory().unwrap();
    let xml = MOVE_PLAN.replace("<Name>Move</Name>", "<Name>R&amp;D &lt;move&gt; \"now\"</Name>");
    let project = ws.import_plan(&mspdi::read(&xml).unwrap()).unwrap().project.id;
    let plan = assert_round_trip(&ws, project);
    assert!(plan.tasks.iter().any(|t| t.task.name == "R&D <move> \"now\""));
}

#[test]
fn a_microsoft_project_file_survives_import_and_export() {
    let Some(xml) = fixture("task-links-project2010-mspdi.xml") else {
        return;
    };
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&mspdi::read(&xml).unwrap()).unwrap().project.id;
    assert_round_trip(&ws, project);
}

/// The WBS rows of a project as (code, name), in outline order.
fn outline(ws: &Workspace, project: i64) -> Vec<(String, String)> {
    ws.project_schedule(project)
        .unwrap()
        .tasks
        .into_iter()
        .map(|t| (t.wbs, t.name))
        .collect()
}

fn rows(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(w, n)| (w.to_string(), n.to_string())).collect()
}

fn task_id(ws: &Workspace, project: i64, name: &str) -> i64 {
    ws.project_schedule(project)
        .unwrap()
        .tasks
        .iter()
        .find(|t| t.name == name)
        .unwrap()
        .item_id
}

#[test]
fn indent_and_outdent_change_levels_but_keep_the_rows_in_order() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&mspdi::read(MOVE_PLAN).unwrap()).unwrap().project.id;
    let before = outline(&ws, project);
    assert_eq!(
        before,
        rows(&[
            ("1", "Prepare"),
            ("1.1", "Inventory"),
            ("1.2", "Book trucks"),
            ("2", "Move"),
            ("3", "Moved")
        ])
    );

    // "Move" follows "Prepare", so it cannot sit under it: refused, naming the loop.
    let looped = ws.indent_task(task_id(&ws, project, "Move")).unwrap_err();
    assert!(looped.to_string().contains("Move → Prepare → Move"), "{looped}");
    assert_eq!(outline(&ws, project), before);
    let into_move = task_id(&ws, project, "Move");
    let link = ws
        .project_schedule(project)
        .unwrap()
        .links
        .into_iter()
        .find(|l| l.successor_id == into_move)
        .unwrap();
    ws.remove_dependency(link.id).unwrap();

    // "Move" goes under "Prepare", after its tasks: no row moves.
    ws.indent_task(task_id(&ws, project, "Move")).unwrap();
    assert_eq!(
        outline(&ws, project),
        rows(&[
            ("1", "Prepare"),
            ("1.1", "Inventory"),
            ("1.2", "Book trucks"),
            ("1.3", "Move"),
            ("2", "Moved")
        ])
    );
    // Outdenting makes the tasks after it its own, as Microsoft Project does.
    ws.outdent_task(task_id(&ws, project, "Book trucks")).unwrap();
    assert_eq!(
        outline(&ws, project),
        rows(&[
            ("1", "Prepare"),
            ("1.1", "Inventory"),
            ("2", "Book trucks"),
            ("2.1", "Move"),
            ("3", "Moved")
        ])
    );

    let first = ws.indent_task(task_id(&ws, project, "Prepare")).unwrap_err();
    assert_eq!(first.code(), ErrorCode::InvalidInput);
    assert!(
        first.to_string().contains("\"Prepare\" is the first task at its level"),
        "{first}"
    );
    let top = ws.outdent_task(task_id(&ws, project, "Moved")).unwrap_err();
    assert!(top.to_string().contains("already at the top level"), "{top}");

    for _ in 0..3 {
        ws.undo().unwrap();
    }
    assert_eq!(outline(&ws, project), before);
}

#[test]
fn dragging_a_bar_constrains_its_start_and_its_successors_follow() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&mspdi::read(MOVE_PLAN).unwrap()).unwrap().project.id;
    let finish_of = |ws: &Workspace, name: &str| {
        ws.project_schedule(project)
            .unwrap()
            .tasks
            .iter()
            .find(|t| t.name == name)
            .unwrap()
            .finish
            .to_string()
    };
    assert_eq!(finish_of(&ws, "Moved"), "2026-03-06 12:00:00");

    // "Move" (one day from Thursday the 5th at 13:00) dragged to Monday the 9th.
    ws.move_task(task_id(&ws, project, "Move"), "2026-03-09T08:00:00")
        .unwrap();
    let s = ws.project_schedule(project).unwrap();
    let moved = s.tasks.iter().find(|t| t.name == "Move").unwrap();
    assert_eq!(moved.start.to_string(), "2026-03-09 08:00:00");
    assert_eq!(finish_of(&ws, "Moved"), "2026-03-09 17:00:00");

    // Its end dragged to Wednesday the 11th: three working days from its start.
    ws.set_task_finish(task_id(&ws, project, "Move"), "2026-03-11").unwrap();
    assert_eq!(finish_of(&ws, "Move"), "2026-03-11 17:00:00");
    assert_eq!(finish_of(&ws, "Moved"), "2026-03-11 17:00:00");

    let early = ws
        .set_task_finish(task_id(&ws, project, "Move"), "2026-03-06")
        .unwrap_err();
    assert_eq!(early.code(), ErrorCode::InvalidInput);
    assert!(early.to_string().contains("its finish must come after that"), "{early}");
    let summary = ws
        .move_task(task_id(&ws, project, "Prepare"), "2026-03-09")
        .unwrap_err();
    assert!(summary.to_string().contains("is a summary task"), "{summary}");
    let bad = ws.move_task(task_id(&ws, project, "Move"), "2026-02-30").unwrap_err();
    assert!(bad.to_string().contains("\"2026-02-30\" is not a date"), "{bad}");

    ws.undo().unwrap();
    ws.undo().unwrap();
    assert_eq!(finish_of(&ws, "Moved"), "2026-03-06 12:00:00");
}

#[test]
fn an_item_goes_into_an_epic_of_its_own_project_only() {
    use bridgeplan_core::work::items::{ItemType, WorkItemInput};
    use bridgeplan_core::work::projects::{Methodology, ProjectInput};
    let mut ws = Workspace::in_memory().unwrap();
    let mut project = |name: &str| {
        let input = ProjectInput {
            name: name.into(),
            methodology: Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: String::new(),
        };
        ws.create_project(&input).unwrap().id
    };
    let (a, b) = (project("A"), project("B"));
    let item = |ws: &mut Workspace, project, title: &str, kind| {
        let input = WorkItemInput {
            title: title.into(),
            item_type: Some(kind),
            ..Default::default()
        };
        ws.create_item(project, None, &input).unwrap().id
    };
    let epic = item(&mut ws, a, "Identity", ItemType::Epic);
    let story = item(&mut ws, a, "MFA for admins", ItemType::Story);
    let other = item(&mut ws, a, "Patch VPN", ItemType::Task);
    let foreign = item(&mut ws, b, "Elsewhere", ItemType::Epic);

    assert_eq!(ws.set_item_epic(story, Some(epic)).unwrap().parent_id, Some(epic));
    let not_epic = ws.set_item_epic(story, Some(other)).unwrap_err();
    assert!(
        not_epic.to_string().contains("\"Patch VPN\" is not an epic"),
        "{not_epic}"
    );
    let across = ws.set_item_epic(story, Some(foreign)).unwrap_err();
    assert!(across.to_string().contains("same project"), "{across}");
    let itself = ws.set_item_epic(epic, Some(epic)).unwrap_err();
    assert!(itself.to_string().contains("cannot sit under itself"), "{itself}");

    assert_eq!(ws.set_item_epic(story, None).unwrap().parent_id, None);
    ws.undo().unwrap();
    assert_eq!(ws.item(story).unwrap().parent_id, Some(epic));
}

#[test]
fn the_calendar_editor_changes_the_schedule_and_refuses_a_week_without_work() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&mspdi::read(MOVE_PLAN).unwrap()).unwrap().project.id;
    let calendar = ws.project_working_calendar(project).unwrap();
    assert_eq!(calendar.used_by, ["Data centre move"]);
    assert_eq!(calendar.week[0], [[480, 720], [780, 1020]]);
    assert_eq!(calendar.exceptions.len(), 1);
    assert_eq!(
        (calendar.exceptions[0].day.as_str(), calendar.exceptions[0].spans.len()),
        ("2026-03-04", 0)
    );
    let finish = |ws: &Workspace| ws.project_schedule(project).unwrap().finish.to_string();
    assert_eq!(finish(&ws), "2026-03-06 12:00:00");

    // The holiday on Wednesday the 4th given back: everything finishes a day earlier.
    ws.remove_calendar_exception(calendar.id, "2026-03-04").unwrap();
    assert_eq!(finish(&ws), "2026-03-05 12:00:00");
    // Wednesday becomes a half day and Thursday a holiday: "Move" waits for Friday.
    let exception = |day: &str, spans: Vec<[u16; 2]>| bridgeplan_core::plan::calendars::CalendarException {
        day: day.into(),
        name: "Move week".into(),
        spans,
    };
    ws.set_calendar_exception(calendar.id, &exception("2026-03-04", vec![[480, 720]]))
        .unwrap();
    ws.set_calendar_exception(calendar.id, &exception("2026-03-05", vec![]))
        .unwrap();
    assert_eq!(finish(&ws), "2026-03-06 17:00:00");
    let names: Vec<String> = ws
        .project_working_calendar(project)
        .unwrap()
        .exceptions
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["Move week", "Move week"]);

    let mut week = calendar.week.clone();
    week[0] = vec![];
    ws.set_calendar_week(calendar.id, &week).unwrap();
    assert_eq!(
        ws.project_working_calendar(project).unwrap().week[0],
        Vec::<[u16; 2]>::new()
    );
    // No Mondays: the plan starts on Tuesday and "Move" skips Monday the 9th.
    assert_eq!(finish(&ws), "2026-03-10 17:00:00");

    let none = ws.set_calendar_week(calendar.id, &vec![vec![]; 7]).unwrap_err();
    assert!(none.to_string().contains("no working time on any weekday"), "{none}");
    let six = ws
        .set_calendar_week(calendar.id, &vec![vec![[480, 1020]]; 6])
        .unwrap_err();
    assert!(six.to_string().contains("seven days"), "{six}");
    let backwards = ws
        .set_calendar_exception(calendar.id, &exception("2026-03-12", vec![[720, 480]]))
        .unwrap_err();
    assert_eq!(backwards.code(), ErrorCode::InvalidInput);
    let bad_day = ws
        .set_calendar_exception(calendar.id, &exception("2026-13-01", vec![]))
        .unwrap_err();
    assert!(bad_day.to_string().contains("not a real date"), "{bad_day}");
    let missing = ws.remove_calendar_exception(calendar.id, "2026-04-01").unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound);

    for _ in 0..4 {
        ws.undo().unwrap();
    }
    assert_eq!(finish(&ws), "2026-03-06 12:00:00");
}

/// The move plan starting at `time` on Monday 2026-03-02.
fn move_plan_at(time: &str) -> String {
    MOVE_PLAN.replace("2026-03-02T08:00:00", &format!("2026-03-02T{time}:00"))
}

/// (name, start, finish) of every task, on the clock.
fn starts_and_finishes(ws: &Workspace, project: i64) -> Vec<(String, String, String)> {
    let s = ws.project_schedule(project).unwrap();
    s.tasks
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                t.start.format("%a %d %H:%M").to_string(),
                t.finish.format("%a %d %H:%M").to_string(),
            )
        })
        .collect()
}

fn row(name: &str, start: &str, finish: &str) -> (String, String, String) {
    (name.into(), start.into(), finish.into())
}

#[test]
fn a_project_starting_at_nine_keeps_its_time_through_the_workspace_and_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nine.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = ws
        .import_plan(&mspdi::read(&move_plan_at("09:00")).unwrap())
        .unwrap()
        .project;
    // The project's date as the UI shows it is unchanged.
    assert_eq!(project.start_date.unwrap().to_string(), "2026-03-02");
    ws.close().unwrap();
    let mut ws = Workspace::open(&path).unwrap();
    // From 09:00: 3 + 4 hours on Monday, 8 on Tuesday, Wednesday is a holiday, the last hour on Thursday.
    let expected = [
        row("Prepare", "Mon 02 09:00", "Thu 05 14:00"),
        row("Inventory", "Mon 02 09:00", "Thu 05 09:00"),
        row("Book trucks", "Thu 05 09:00", "Thu 05 14:00"),
        row("Move", "Thu 05 14:00", "Fri 06 14:00"),
        row("Moved", "Fri 06 14:00", "Fri 06 14:00"),
    ];
    assert_eq!(starts_and_finishes(&ws, project.id), expected);

    let export = mspdi::export(&ws, project.id).unwrap();
    assert!(
        export.xml.contains("<StartDate>2026-03-02T09:00:00</StartDate>"),
        "{}",
        export.xml
    );
    let plan = assert_round_trip(&ws, project.id);
    let again = ws.import_plan(&plan).unwrap().project.id;
    assert_eq!(starts_and_finishes(&ws, again), expected);
}

#[test]
fn a_project_starting_in_the_lunch_break_starts_its_work_at_one() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws
        .import_plan(&mspdi::read(&move_plan_at("12:30")).unwrap())
        .unwrap()
        .project
        .id;
    assert_eq!(
        starts_and_finishes(&ws, project),
        [
            row("Prepare", "Mon 02 13:00", "Thu 05 17:00"),
            row("Inventory", "Mon 02 13:00", "Thu 05 12:00"),
            row("Book trucks", "Thu 05 13:00", "Thu 05 17:00"),
            row("Move", "Fri 06 08:00", "Fri 06 17:00"),
            row("Moved", "Fri 06 17:00", "Fri 06 17:00"),
        ]
    );
    // The file gets the project's own start back, not the start of its first work.
    let export = mspdi::export(&ws, project).unwrap();
    assert!(export.xml.contains("<StartDate>2026-03-02T12:30:00</StartDate>"));
    // A project made in the app has no time of day: it starts at the beginning of the day.
    let made = ws
        .create_project(&bridgeplan_core::work::projects::ProjectInput {
            name: "Made here".into(),
            methodology: bridgeplan_core::work::projects::Methodology::Waterfall,
            start_date: Some("2026-03-02".into()),
            finish_date: None,
            description: String::new(),
        })
        .unwrap();
    assert_eq!(
        ws.project_schedule(made.id).unwrap().start.to_string(),
        "2026-03-02 08:00:00"
    );
}

/// Microsoft Project's own dates for a plan starting at 09:00 hold through the workspace.
#[test]
fn a_microsoft_project_plan_starting_at_nine_is_scheduled_the_same_from_the_workspace() {
    let Some(xml) = fixture("baselines.xml") else { return };
    let plan = mspdi::read(&xml).unwrap();
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws.import_plan(&plan).unwrap().project.id;
    let s = ws.project_schedule(project).unwrap();
    let mut compared = 0;
    for (t, ours) in plan.tasks.iter().zip(&s.tasks) {
        let Some(saved) = t.saved else { continue };
        let theirs = [
            saved.early_start,
            saved.early_finish,
            saved.late_start,
            saved.late_finish,
        ]
        .map(from_minute);
        assert_eq!(
            [ours.early_start, ours.early_finish, ours.late_start, ours.late_finish],
            theirs,
            "{}",
            ours.name
        );
        compared += 1;
    }
    assert_eq!(compared, 1);
    assert_eq!(s.tasks[0].early_start.to_string(), "2008-01-30 09:00:00");
}
