//! Resources: people as resources, equipment, assignments (and the timeline's work and cost
//! from them), the utilisation heat map and levelling, with refused input and undo.

use bridgeplan_core::plan::calendars::STANDARD_CALENDAR;
use bridgeplan_core::plan::timeline::{ConstraintKind, DependencyKind, TaskPlanInput};
use bridgeplan_core::resources::assignments::AssignmentInput;
use bridgeplan_core::resources::equipment::{EquipmentInput, EquipmentKind};
use bridgeplan_core::resources::people::ResourcePersonInput;
use bridgeplan_core::work::items::{Priority, WorkItemInput};
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{ErrorCode, Id, Workspace};
use chrono::NaiveDate;

const DAY: i64 = 480;

fn plan(ws: &mut Workspace, name: &str) -> Id {
    ws.create_project(&ProjectInput {
        name: name.into(),
        methodology: Methodology::Waterfall,
        // A Monday.
        start_date: Some("2026-03-02".into()),
        finish_date: None,
        description: String::new(),
    })
    .unwrap()
    .id
}

fn task(ws: &mut Workspace, project: Id, title: &str, days: f64, who: Option<&str>, priority: Priority) -> Id {
    let status = ws.statuses(project).unwrap().first().map(|s| s.id);
    let input = WorkItemInput {
        title: title.into(),
        assignee: who.map(str::to_string),
        priority: Some(priority),
        ..Default::default()
    };
    let id = ws.create_item(project, status, &input).unwrap().id;
    ws.set_task_plan(
        id,
        &TaskPlanInput {
            parent_id: None,
            duration_minutes: Some((days * DAY as f64) as i64),
            constraint_type: ConstraintKind::Asap,
            constraint_date: None,
            actual_start: None,
            actual_finish: None,
            percent_complete: 0.0,
        },
    )
    .unwrap();
    id
}

fn fs(ws: &mut Workspace, a: Id, b: Id) {
    ws.add_dependency(a, b, DependencyKind::Fs, 0).unwrap();
}

fn person(ws: &Workspace, name: &str) -> Id {
    ws.people().unwrap().into_iter().find(|p| p.name == name).unwrap().id
}

fn units(person: Id, units: f64) -> AssignmentInput {
    AssignmentInput {
        person_id: Some(person),
        equipment_id: None,
        units,
    }
}

fn count(equipment: Id, n: f64) -> AssignmentInput {
    AssignmentInput {
        person_id: None,
        equipment_id: Some(equipment),
        units: n,
    }
}

fn kit(name: &str, quantity: i64, from: Option<&str>, to: Option<&str>) -> EquipmentInput {
    EquipmentInput {
        name: name.into(),
        kind: EquipmentKind::Hardware,
        quantity,
        unit_cost_minor: 10_000,
        available_from: from.map(str::to_string),
        available_to: to.map(str::to_string),
        notes: String::new(),
    }
}

fn delay_of(ws: &Workspace, item: Id) -> i64 {
    ws.levelling_delay(item).unwrap()
}

fn start_of(ws: &Workspace, project: Id, item: Id) -> String {
    let s = ws.project_schedule(project).unwrap();
    s.tasks.iter().find(|t| t.item_id == item).unwrap().start.to_string()
}

#[test]
fn people_are_resources_with_rate_capacity_and_calendar_and_bad_input_is_refused() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    ws.add_person("Dana", "IT Manager").unwrap();
    let dana = person(&ws, "Dana");
    let before = ws.resource_people().unwrap();
    assert_eq!(before[0].capacity_hours_per_week, 40.0);
    let input = ResourcePersonInput {
        role: "Programme manager".into(),
        cost_rate_minor: 9_500,
        capacity_hours_per_week: 32.0,
        calendar_id: None,
    };
    let after = ws.update_resource_person(dana, &input).unwrap();
    assert_eq!(
        (
            after.role.as_str(),
            after.cost_rate_minor,
            after.capacity_hours_per_week
        ),
        ("Programme manager", 9_500, 32.0)
    );
    for (rate, hours, words) in [
        (-1, 40.0, "cannot be negative"),
        (50_000_000, 40.0, "typing error"),
        (100, -4.0, "between 0 and 80"),
        (100, 200.0, "between 0 and 80"),
        (100, f64::NAN, "between 0 and 80"),
    ] {
        let bad = ResourcePersonInput {
            cost_rate_minor: rate,
            capacity_hours_per_week: hours,
            ..input.clone()
        };
        let err = ws.update_resource_person(dana, &bad).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert!(err.to_string().contains(words), "{err}");
    }
    assert_eq!(
        ws.update_resource_person(12345, &input).unwrap_err().code(),
        ErrorCode::NotFound
    );
    ws.undo().unwrap();
    assert_eq!(ws.resource_people().unwrap(), before);
}

#[test]
fn equipment_is_added_changed_and_deleted_with_undo_and_bad_input_changes_nothing() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let switch = ws.add_equipment(&kit("48-port switch", 12, None, None)).unwrap();
    let rig = ws
        .add_equipment(&kit("Test rig", 1, Some("2026-03-02"), Some("2026-03-20")))
        .unwrap();
    assert_eq!(rig.available_to, NaiveDate::from_ymd_opt(2026, 3, 20));
    let dup = ws.add_equipment(&kit("48-PORT SWITCH", 2, None, None)).unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Duplicate);
    for (input, words) in [
        (kit("Router", 0, None, None), "at least 1"),
        (kit("Router", -3, None, None), "at least 1"),
        (kit("Router", 5000, None, None), "typing error"),
        (
            kit("Router", 1, Some("2026-03-10"), Some("2026-03-01")),
            "cannot be available until",
        ),
        (kit("Router", 1, Some("2026-02-30"), None), "not a real date"),
        (kit("  ", 1, None, None), "cannot be empty"),
        (
            EquipmentInput {
                unit_cost_minor: -5,
                ..kit("Router", 1, None, None)
            },
            "cannot be negative",
        ),
    ] {
        let err = ws.add_equipment(&input).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{err}");
        assert!(err.to_string().contains(words), "{err}");
    }
    assert_eq!(ws.equipment().unwrap().len(), 2);
    let renamed = ws
        .update_equipment(switch.id, &kit("Test rig", 12, None, None))
        .unwrap_err();
    assert_eq!(renamed.code(), ErrorCode::Duplicate);
    let changed = ws
        .update_equipment(switch.id, &kit("24-port switch", 20, None, None))
        .unwrap();
    assert_eq!((changed.name.as_str(), changed.quantity), ("24-port switch", 20));
    ws.undo().unwrap();
    assert_eq!(ws.equipment().unwrap()[0], switch);

    // Deleting takes its assignments along; undo brings both back.
    let project = plan(&mut ws, "Refresh");
    let t = task(&mut ws, project, "Install", 1.0, None, Priority::Medium);
    ws.assign(t, &count(switch.id, 4.0)).unwrap();
    ws.delete_equipment(switch.id).unwrap();
    assert!(ws.assignments(t).unwrap().is_empty());
    ws.undo().unwrap();
    assert_eq!(ws.assignments(t).unwrap().len(), 1);
}

#[test]
fn assignments_give_the_timeline_its_work_and_cost_and_a_task_without_keeps_its_assignee() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let project = plan(&mut ws, "Refresh");
    let solo = task(&mut ws, project, "Survey", 2.0, Some("Tomás"), Priority::Medium);
    let team = task(&mut ws, project, "Install", 4.0, None, Priority::Medium);
    ws.add_person("Raj", "").unwrap();
    let (raj, tomas) = (person(&ws, "Raj"), person(&ws, "Tomás"));
    ws.set_person_resource(raj, None, 8_000).unwrap();
    ws.set_person_resource(tomas, None, 6_000).unwrap();
    let switch = ws.add_equipment(&kit("Switch", 12, None, None)).unwrap();
    let before = ws.project_schedule(project).unwrap();

    let a = ws.assign(team, &units(raj, 1.0)).unwrap();
    assert_eq!((a.work_hours, a.cost_minor), (32.0, 256_000));
    ws.assign(team, &units(tomas, 0.5)).unwrap();
    ws.assign(team, &count(switch.id, 3.0)).unwrap();
    let s = ws.project_schedule(project).unwrap();
    let row = s.tasks.iter().find(|t| t.item_id == team).unwrap();
    // 32 h × 1.0 + 32 h × 0.5; 32 × 80.00 + 16 × 60.00 + 3 × 100.00.
    assert_eq!(row.work_hours, 48.0);
    assert_eq!(row.cost_minor, 256_000 + 96_000 + 30_000);
    assert_eq!(row.resource.as_deref(), Some("Raj, Tomás [50%]"));
    // The task without assignments is as before: its assignee, its estimate.
    let old = before.tasks.iter().find(|t| t.item_id == solo).unwrap();
    let new = s.tasks.iter().find(|t| t.item_id == solo).unwrap();
    assert_eq!(
        (&old.resource, old.work_hours, old.cost_minor),
        (&new.resource, new.work_hours, new.cost_minor)
    );

    // Assigning again changes the units; missing resources and bad units are refused.
    ws.assign(team, &units(tomas, 0.25)).unwrap();
    assert_eq!(ws.assignments(team).unwrap().len(), 3);
    let err = ws.assign(team, &units(99, 1.0)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(err.to_string().contains("person"), "{err}");
    assert_eq!(
        ws.assign(team, &count(99, 1.0)).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(ws.assign(99, &units(raj, 1.0)).unwrap_err().code(), ErrorCode::NotFound);
    for bad in [
        units(raj, 0.0),
        units(raj, -1.0),
        units(raj, 20.0),
        count(switch.id, 1.5),
        count(switch.id, 13.0),
    ] {
        assert_eq!(ws.assign(team, &bad).unwrap_err().code(), ErrorCode::InvalidInput);
    }
    let both = AssignmentInput {
        person_id: Some(raj),
        equipment_id: Some(switch.id),
        units: 1.0,
    };
    assert_eq!(ws.assign(team, &both).unwrap_err().code(), ErrorCode::InvalidInput);
    let first = ws.assignments(team).unwrap()[0].id;
    ws.unassign(first).unwrap();
    assert_eq!(ws.assignments(team).unwrap().len(), 2);
    ws.undo().unwrap();
    assert_eq!(ws.assignments(team).unwrap().len(), 3);
}

#[test]
fn the_heat_map_flags_over_allocated_weeks_with_the_tasks_and_prorates_holidays() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let project = plan(&mut ws, "Refresh");
    let a = task(&mut ws, project, "Switches", 5.0, Some("Dana"), Priority::Medium);
    let b = task(&mut ws, project, "Access points", 3.0, Some("Dana"), Priority::Medium);
    let rig = ws
        .add_equipment(&kit("Rig", 1, Some("2026-03-09"), Some("2026-03-31")))
        .unwrap();
    // With assignments, the task's people are those assigned (not its assignee).
    ws.assign(b, &count(rig.id, 1.0)).unwrap();
    assert_eq!(
        ws.utilisation(Some(project), NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 1)
            .unwrap()
            .over_cells,
        1
    );
    ws.assign(b, &units(person(&ws, "Dana"), 1.0)).unwrap();
    ws.add_holiday(
        STANDARD_CALENDAR,
        NaiveDate::from_ymd_opt(2026, 3, 13).unwrap(),
        "Day off",
    )
    .unwrap();
    let monday = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let u = ws.utilisation(Some(project), monday, 3).unwrap();
    assert_eq!(u.weeks[0].label, "2026-W10");
    let dana = u.rows.iter().find(|r| r.name == "Dana").unwrap();
    let week = &dana.cells[0];
    assert_eq!((week.allocated, week.capacity, week.percent), (64.0, 40.0, 160.0));
    assert!(week.over);
    let mut names: Vec<_> = week.tasks.iter().map(|t| t.item_id).collect();
    names.sort();
    let mut expected = vec![a, b];
    expected.sort();
    assert_eq!(names, expected);
    // The week with the holiday has four days of capacity.
    assert_eq!(dana.cells[1].capacity, 32.0);
    assert!(!dana.cells[1].over);
    // The rig is used before its window opens.
    let rig_row = u.rows.iter().find(|r| r.name == "Rig").unwrap();
    assert!(rig_row.cells[0].over && rig_row.cells[0].outside_window);
    assert_eq!(rig_row.cells[0].capacity, 0.0);
    assert!(!rig_row.cells[1].over);
    assert_eq!(u.over_cells, 2);
}

/// Two parallel tasks of one person with a longer path beside them.
fn clash(ws: &mut Workspace, second: Priority) -> (Id, Id, Id, Id) {
    let project = plan(ws, "Refresh");
    let long = task(ws, project, "Wi-Fi rollout", 6.0, Some("Tomás"), Priority::Medium);
    let a = task(ws, project, "Core switch", 2.0, Some("Raj"), Priority::Medium);
    let b = task(ws, project, "Diagrams", 2.0, Some("Raj"), second);
    let done = task(ws, project, "Handover", 0.0, None, Priority::Medium);
    fs(ws, long, done);
    fs(ws, a, done);
    fs(ws, b, done);
    (project, a, b, long)
}

#[test]
fn levelling_delays_one_of_two_parallel_tasks_within_its_float_and_undo_restores() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let (project, a, b, _) = clash(&mut ws, Priority::Medium);
    let finish = ws.project_schedule(project).unwrap().finish;
    let p = ws.levelling_preview(project, false).unwrap();
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(p.changes.len(), 1);
    let change = &p.changes[0];
    // Equal priority and float: the lower id keeps its dates.
    let moved = if a < b { b } else { a };
    assert_eq!(change.item_id, moved);
    assert_eq!((change.delay_minutes, change.delay_days), (2 * DAY, 2.0));
    assert_eq!(change.old_start.to_string(), "2026-03-02 08:00:00");
    assert_eq!(change.new_start.to_string(), "2026-03-04 08:00:00");
    assert!(change.reason.contains("Raj is busy with"), "{}", change.reason);
    assert_eq!((p.new_finish, p.finish_moved_days), (finish, 0.0));
    // The preview saved nothing.
    assert_eq!(delay_of(&ws, moved), 0);

    let applied = ws.levelling_apply(project, false).unwrap();
    assert!(applied.applied);
    assert_eq!(delay_of(&ws, moved), 2 * DAY);
    assert_eq!(start_of(&ws, project, moved), "2026-03-04 08:00:00");
    assert_eq!(ws.project_schedule(project).unwrap().finish, finish);
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Level resources in Refresh")
    );
    // Nothing left to level: a second preview changes nothing.
    assert!(ws.levelling_preview(project, false).unwrap().changes.is_empty());
    ws.undo().unwrap();
    assert_eq!(delay_of(&ws, moved), 0);
    ws.redo().unwrap();
    assert_eq!(ws.levelling_clear(project).unwrap(), 1);
    assert_eq!(delay_of(&ws, moved), 0);
    ws.undo().unwrap();
    assert_eq!(delay_of(&ws, moved), 2 * DAY);
}

#[test]
fn levelling_keeps_the_dates_of_the_higher_priority_task() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let (project, a, b, _) = clash(&mut ws, Priority::High);
    let p = ws.levelling_preview(project, false).unwrap();
    assert_eq!(p.changes.iter().map(|c| c.item_id).collect::<Vec<_>>(), vec![a]);
    let _ = b;
}

#[test]
fn a_critical_task_is_never_delayed_while_a_non_critical_one_can_be() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let project = plan(&mut ws, "Refresh");
    // Same priority; the critical task has the higher id on purpose.
    let other = task(&mut ws, project, "Diagrams", 2.0, Some("Raj"), Priority::Medium);
    let critical = task(&mut ws, project, "Core switch", 3.0, Some("Raj"), Priority::Medium);
    let test = task(&mut ws, project, "Test", 3.0, Some("Tomás"), Priority::Medium);
    let done = task(&mut ws, project, "Handover", 0.0, None, Priority::Medium);
    fs(&mut ws, critical, test);
    fs(&mut ws, test, done);
    fs(&mut ws, other, done);
    let p = ws.levelling_preview(project, false).unwrap();
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(p.changes.iter().map(|c| c.item_id).collect::<Vec<_>>(), vec![other]);
    assert_eq!(p.changes[0].delay_minutes, 3 * DAY);
    assert_eq!(p.finish_moved_days, 0.0);
}

#[test]
fn an_over_allocation_beyond_float_is_reported_and_levelled_only_when_the_finish_may_move() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let project = plan(&mut ws, "Refresh");
    let a = task(&mut ws, project, "Core switch", 3.0, Some("Dana"), Priority::Medium);
    let b = task(&mut ws, project, "Access points", 3.0, Some("Dana"), Priority::Low);
    ws.assign(b, &units(person(&ws, "Dana"), 0.5)).unwrap();
    let p = ws.levelling_preview(project, false).unwrap();
    assert!(p.changes.is_empty());
    assert_eq!(p.conflicts.len(), 1);
    let c = &p.conflicts[0];
    assert_eq!(
        (c.resource.as_str(), c.week.as_str(), c.percent),
        ("Dana", "2026-W10", 150.0)
    );
    assert_eq!(
        c.message,
        "Could not resolve: Dana is at 150 % in week 2026-W10 on \"Core switch\" and \"Access points\"; \
         delaying \"Access points\" would move the finish by 3 working days."
    );
    assert_eq!(c.item_ids, vec![a, b]);
    // Applying levels nothing; allowing the finish to move resolves it.
    ws.levelling_apply(project, false).unwrap();
    assert_eq!(delay_of(&ws, b), 0);
    let p = ws.levelling_preview(project, true).unwrap();
    assert!(p.conflicts.is_empty());
    assert_eq!(p.finish_moved_days, 3.0);
    ws.levelling_apply(project, true).unwrap();
    assert_eq!(delay_of(&ws, b), 3 * DAY);
    // A task that needs more than the person has can never fit.
    ws.assign(a, &units(person(&ws, "Dana"), 2.0)).unwrap();
    let p = ws.levelling_preview(project, true).unwrap();
    assert!(
        p.conflicts
            .iter()
            .any(|c| c.message.contains("needs more than Dana can give")),
        "{:?}",
        p.conflicts
    );
}

#[test]
fn equipment_is_levelled_by_count_and_into_its_window() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let project = plan(&mut ws, "Refresh");
    let long = task(&mut ws, project, "Cabling", 10.0, None, Priority::Medium);
    let a = task(&mut ws, project, "Hamburg", 2.0, None, Priority::High);
    let b = task(&mut ws, project, "Łódź", 2.0, None, Priority::Medium);
    let done = task(&mut ws, project, "Handover", 0.0, None, Priority::Medium);
    for t in [long, a, b] {
        fs(&mut ws, t, done);
    }
    let aps = ws.add_equipment(&kit("Access points", 40, None, None)).unwrap();
    let rig = ws.add_equipment(&kit("Rig", 1, Some("2026-03-04"), None)).unwrap();
    ws.assign(a, &count(aps.id, 30.0)).unwrap();
    ws.assign(b, &count(aps.id, 20.0)).unwrap();
    ws.assign(long, &count(aps.id, 5.0)).unwrap();
    let p = ws.levelling_preview(project, false).unwrap();
    assert_eq!(
        p.changes.iter().map(|c| (c.item_id, c.delay_days)).collect::<Vec<_>>(),
        vec![(b, 2.0)]
    );
    // The rig arrives on Wednesday: the task waits for it.
    ws.assign(a, &count(rig.id, 1.0)).unwrap();
    let p = ws.levelling_preview(project, false).unwrap();
    let moved: Vec<_> = p.changes.iter().map(|c| (c.item_id, c.delay_days)).collect();
    assert!(moved.contains(&(a, 2.0)), "{moved:?}");
    assert!(
        p.changes.iter().any(|c| c.reason.contains("Rig is not available")),
        "{:?}",
        p.changes
    );
}

#[test]
fn levelling_ten_thousand_tasks_with_two_hundred_people_runs_and_is_deterministic() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    let project = bridgeplan_core::demo::add_load_test_plan(&mut ws, 10_000).unwrap();
    bridgeplan_core::resources::add_load_test_resources(&mut ws, project, 200).unwrap();
    let first = ws.levelling_preview(project, false).unwrap();
    let second = ws.levelling_preview(project, false).unwrap();
    assert!(!first.changes.is_empty());
    let key = |p: &bridgeplan_core::resources::levelling::LevellingPreview| {
        p.changes
            .iter()
            .map(|c| (c.item_id, c.delay_minutes, c.new_start))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&first), key(&second));
    assert_eq!(first.conflicts.len(), second.conflicts.len());
    // Within float: the finish does not move.
    assert_eq!(first.finish_moved_days, 0.0);
    let u = ws
        .utilisation(Some(project), NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), 52)
        .unwrap();
    assert_eq!(u.rows.iter().filter(|r| r.name.starts_with("Resource")).count(), 200);
}
