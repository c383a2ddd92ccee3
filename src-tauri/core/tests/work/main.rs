//! Projects, work items and the Kanban board, and undo/redo of every edit of this slice.

use bridgeplan_core::work::items::{ItemType, Priority, WorkItemInput};
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::work::statuses::{StatusCategory, StatusInput};
use bridgeplan_core::{ErrorCode, Id, Workspace};

fn project(ws: &mut Workspace, name: &str) -> Id {
    ws.create_project(&ProjectInput {
        name: name.into(),
        methodology: Methodology::Kanban,
        start_date: Some("2026-01-05".into()),
        finish_date: Some("2026-06-30".into()),
        description: "Test".into(),
    })
    .unwrap()
    .id
}

fn item(title: &str) -> WorkItemInput {
    WorkItemInput {
        title: title.into(),
        ..Default::default()
    }
}

fn titles(ws: &Workspace, project: Id) -> Vec<Vec<String>> {
    ws.board(project)
        .unwrap()
        .columns
        .into_iter()
        .map(|c| c.items.into_iter().map(|i| i.title).collect())
        .collect()
}

#[test]
fn a_new_kanban_project_gets_its_default_columns_with_wip_limits() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Ops");
    let board = ws.board(p).unwrap();
    let names: Vec<_> = board.columns.iter().map(|c| c.status.name.as_str()).collect();
    assert_eq!(names, ["Backlog", "Ready", "In progress", "Review", "Done"]);
    assert_eq!(board.columns[2].status.wip_limit, Some(3));
    assert_eq!(board.columns[4].status.category, StatusCategory::Done);
}

#[test]
fn project_names_are_unique_ignoring_case() {
    let mut ws = Workspace::in_memory().unwrap();
    project(&mut ws, "ERP");
    let err = ws
        .create_project(&ProjectInput {
            name: " erp ".into(),
            methodology: Methodology::Scrum,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert!(err.to_string().contains("already exists"));
}

#[test]
fn impossible_dates_and_reversed_ranges_are_refused_by_name() {
    let mut ws = Workspace::in_memory().unwrap();
    let bad = |start: &str, finish: &str| ProjectInput {
        name: "P".into(),
        methodology: Methodology::Waterfall,
        start_date: Some(start.into()),
        finish_date: Some(finish.into()),
        description: String::new(),
    };
    let err = ws.create_project(&bad("2026-02-30", "2026-03-01")).err().unwrap();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("2026-02-30"), "{err}");
    let err = ws.create_project(&bad("2026-05-01", "2026-04-01")).err().unwrap();
    assert!(err.to_string().contains("before the start date"), "{err}");
    let p = project(&mut ws, "Real");
    let mut input = item("Due soon");
    input.due_date = Some("2026-13-01".into());
    let err = ws.create_item(p, None, &input).err().unwrap();
    assert!(err.to_string().contains("due date"), "{err}");
    assert!(ws.projects().unwrap().iter().all(|p| p.name != "P"));
}

#[test]
fn items_are_created_with_every_field_and_a_new_assignee_becomes_a_person() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Portal");
    let created = ws
        .create_item(
            p,
            None,
            &WorkItemInput {
                item_type: Some(ItemType::Bug),
                title: "  Login fails  ".into(),
                description: "Steps…".into(),
                assignee: Some("Zoë Ångström".into()),
                estimate_hours: Some(3.5),
                story_points: Some(2.0),
                priority: Some(Priority::Highest),
                tags: vec!["auth".into(), " ".into(), "AUTH".into(), "sso".into()],
                due_date: Some("2026-03-31".into()),
            },
        )
        .unwrap();
    assert_eq!(created.title, "Login fails");
    assert_eq!(created.item_type, ItemType::Bug);
    assert_eq!(created.assignee.as_deref(), Some("Zoë Ångström"));
    assert_eq!(created.tags, vec!["auth", "sso"]);
    assert_eq!(created.due_date.unwrap().to_string(), "2026-03-31");
    assert_eq!(ws.people().unwrap().len(), 1);
    assert!(ws.create_item(p, None, &item("   ")).is_err(), "empty title refused");
    let mut negative = item("Negative");
    negative.estimate_hours = Some(-1.0);
    assert_eq!(
        ws.create_item(p, None, &negative).err().unwrap().code(),
        ErrorCode::InvalidInput
    );
}

#[test]
fn moving_between_and_within_columns_keeps_the_chosen_order() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Flow");
    let cols: Vec<Id> = ws.statuses(p).unwrap().iter().map(|s| s.id).collect();
    let a = ws.create_item(p, None, &item("A")).unwrap().id;
    let b = ws.create_item(p, None, &item("B")).unwrap().id;
    let c = ws.create_item(p, None, &item("C")).unwrap().id;
    ws.move_item(c, cols[0], 0).unwrap();
    assert_eq!(titles(&ws, p)[0], ["C", "A", "B"]);
    ws.move_item(a, cols[2], 0).unwrap();
    ws.move_item(b, cols[2], 0).unwrap();
    assert_eq!(titles(&ws, p)[2], ["B", "A"]);
    ws.move_item(c, cols[2], 1).unwrap();
    assert_eq!(titles(&ws, p)[2], ["B", "C", "A"]);
    ws.move_item(b, cols[2], 99).unwrap();
    assert_eq!(titles(&ws, p)[2], ["C", "A", "B"]);
    assert!(titles(&ws, p)[0].is_empty());
}

#[test]
fn many_moves_into_the_same_gap_stay_ordered() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Thin gaps");
    let col = ws.statuses(p).unwrap()[0].id;
    let first = ws.create_item(p, None, &item("first")).unwrap().id;
    ws.create_item(p, None, &item("last")).unwrap();
    let _ = first;
    // Insert 60 items, each directly after "first": ranks halve every time.
    for i in 0..60 {
        let id = ws.create_item(p, None, &item(&format!("n{i}"))).unwrap().id;
        ws.move_item(id, col, 1).unwrap();
    }
    let order = titles(&ws, p)[0].clone();
    assert_eq!(order.first().unwrap(), "first");
    assert_eq!(order[1], "n59");
    assert_eq!(order[60], "n0");
    assert_eq!(order.last().unwrap(), "last");
}

#[test]
fn a_column_over_its_wip_limit_is_marked() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "WIP");
    let review = ws.statuses(p).unwrap()[3].clone();
    assert_eq!(review.wip_limit, Some(2));
    for t in ["x", "y", "z"] {
        ws.create_item(p, Some(review.id), &item(t)).unwrap();
        let board = ws.board(p).unwrap();
        let over = board.columns[3].over_limit;
        assert_eq!(over, board.columns[3].items.len() > 2);
    }
    ws.update_status(
        review.id,
        &StatusInput {
            name: "Review".into(),
            category: StatusCategory::InProgress,
            wip_limit: Some(3),
        },
    )
    .unwrap();
    assert!(!ws.board(p).unwrap().columns[3].over_limit);
    let zero = StatusInput {
        name: "Review".into(),
        category: StatusCategory::InProgress,
        wip_limit: Some(0),
    };
    assert_eq!(
        ws.update_status(review.id, &zero).err().unwrap().code(),
        ErrorCode::InvalidInput
    );
}

#[test]
fn a_column_with_items_cannot_be_deleted_and_names_stay_unique() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Cols");
    let first = ws.statuses(p).unwrap()[0].id;
    ws.create_item(p, None, &item("keep me")).unwrap();
    assert_eq!(ws.delete_status(first).err().unwrap().code(), ErrorCode::InvalidInput);
    let input = StatusInput {
        name: "done".into(),
        category: StatusCategory::Done,
        wip_limit: None,
    };
    assert_eq!(ws.add_status(p, &input).err().unwrap().code(), ErrorCode::Duplicate);
    let blocked = ws
        .add_status(
            p,
            &StatusInput {
                name: "Blocked".into(),
                category: StatusCategory::InProgress,
                wip_limit: None,
            },
        )
        .unwrap();
    assert_eq!(blocked.position, 5);
    ws.delete_status(blocked.id).unwrap();
    assert_eq!(ws.statuses(p).unwrap().len(), 5);
}

#[test]
fn undo_and_redo_reverse_every_kind_of_edit() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Undo");
    let cols: Vec<Id> = ws.statuses(p).unwrap().iter().map(|s| s.id).collect();
    let id = ws.create_item(p, None, &item("Draft")).unwrap().id;

    // Edit a field.
    let mut edit = item("Final");
    edit.priority = Some(Priority::High);
    ws.update_item(id, &edit).unwrap();
    assert_eq!(ws.history_state().undo_label.as_deref(), Some("Edit \"Final\""));
    // Move.
    ws.move_item(id, cols[2], 0).unwrap();
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Move \"Final\" to In progress")
    );

    let undone = ws.undo().unwrap().unwrap();
    assert_eq!(undone.label, "Move \"Final\" to In progress");
    assert_eq!(undone.project_id, Some(p));
    assert_eq!(ws.item(id).unwrap().status_id, cols[0]);
    ws.undo().unwrap();
    assert_eq!(ws.item(id).unwrap().title, "Draft");
    assert_eq!(ws.item(id).unwrap().priority, Priority::Medium);
    ws.undo().unwrap();
    assert_eq!(ws.item(id).err().unwrap().code(), ErrorCode::NotFound);

    ws.redo().unwrap();
    ws.redo().unwrap();
    ws.redo().unwrap();
    let item_now = ws.item(id).unwrap();
    assert_eq!((item_now.title.as_str(), item_now.status_id), ("Final", cols[2]));
    assert!(ws.redo().unwrap().is_none());

    // Delete, then undo brings the item back with its id.
    ws.delete_item(id).unwrap();
    assert!(ws.item(id).is_err());
    ws.undo().unwrap();
    assert_eq!(ws.item(id).unwrap().title, "Final");

    // A new edit clears what could be redone.
    ws.undo().unwrap();
    ws.update_item(id, &item("Other")).unwrap();
    assert!(ws.history_state().redo_label.is_none());
}

#[test]
fn undoing_a_project_delete_restores_its_columns_and_items() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Whole");
    let review = ws.statuses(p).unwrap()[3].id;
    ws.create_item(p, None, &item("one")).unwrap();
    ws.create_item(p, Some(review), &item("two")).unwrap();
    let before = titles(&ws, p);
    ws.delete_project(p).unwrap();
    assert!(ws.projects().unwrap().is_empty());
    assert_eq!(ws.undo().unwrap().unwrap().label, "Delete project \"Whole\"");
    assert_eq!(titles(&ws, p), before);
    ws.redo().unwrap();
    assert!(ws.projects().unwrap().is_empty());
}

#[test]
fn undo_of_column_settings_and_project_edits() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Settings");
    let s = ws.statuses(p).unwrap()[2].clone();
    ws.update_status(
        s.id,
        &StatusInput {
            name: s.name.clone(),
            category: s.category,
            wip_limit: Some(7),
        },
    )
    .unwrap();
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Set WIP limit of \"In progress\" to 7")
    );
    ws.undo().unwrap();
    assert_eq!(ws.status(s.id).unwrap().wip_limit, Some(3));

    let input = ProjectInput {
        name: "Renamed".into(),
        methodology: Methodology::Hybrid,
        start_date: None,
        finish_date: None,
        description: String::new(),
    };
    ws.update_project(p, &input).unwrap();
    ws.undo().unwrap();
    assert_eq!(ws.project(p).unwrap().name, "Settings");
    assert_eq!(ws.project(p).unwrap().methodology, Methodology::Kanban);
}

#[test]
fn a_failed_edit_writes_nothing_and_records_nothing() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = project(&mut ws, "Atomic");
    let before = ws.history_state();
    let other = project(&mut ws, "Other");
    let foreign_status = ws.statuses(other).unwrap()[0].id;
    let err = ws
        .create_item(p, Some(foreign_status), &item("wrong column"))
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(ws.board(p).unwrap().columns.iter().all(|c| c.items.is_empty()));
    assert_ne!(before, ws.history_state());
    assert_eq!(
        ws.history_state().undo_label.as_deref(),
        Some("Create project \"Other\"")
    );
}

#[test]
fn the_demo_tells_a_believable_story() {
    let mut ws = Workspace::in_memory().unwrap();
    // Sprint states and the charts depend on the core's date, as the demo does.
    let today = bridgeplan_core::clock::fix_for_tests();
    bridgeplan_core::demo::fill_demo(&mut ws, today).unwrap();
    let projects = ws.projects().unwrap();
    assert_eq!(projects.len(), 4);
    let total: i64 = projects.iter().map(|p| p.item_count).sum();
    assert!(total >= 50, "{total} items");
    assert!(ws.people().unwrap().len() >= 6);
    let security = ws.project_by_name("Security Hardening").unwrap();
    let board = ws.board(security.id).unwrap();
    assert!(board.columns.iter().any(|c| c.over_limit), "demo shows a WIP breach");
    let used: std::collections::HashSet<_> = projects
        .iter()
        .flat_map(|p| ws.board(p.id).unwrap().columns)
        .filter(|c| !c.items.is_empty())
        .map(|c| c.status.category)
        .collect();
    assert_eq!(used.len(), 3, "items in to-do, in-progress and done columns");
    assert!(
        ws.history_state().undo_label.is_none(),
        "the demo is not the user's edit"
    );

    // The waterfall project has a real network: phases, every kind of link, a critical path
    // through a milestone, and a company holiday that the schedule works around.
    let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
    let plan = ws.project_schedule(erp.id).unwrap();
    assert!(plan.tasks.iter().filter(|t| t.summary).count() >= 5);
    let kinds: std::collections::HashSet<_> = plan.links.iter().map(|l| l.kind).collect();
    assert!(kinds.len() >= 3, "{kinds:?}");
    assert!(plan
        .tasks
        .iter()
        .any(|t| t.milestone && t.critical && t.name == "Go-live"));
    assert!(plan.tasks.iter().any(|t| !t.critical && t.total_float_hours > 0.0));
    let holiday = bridgeplan_core::demo::company_holiday(today);
    assert!(
        plan.tasks
            .iter()
            .all(|t| t.summary || t.milestone || t.start.date() != holiday),
        "nothing starts on the holiday"
    );
}

#[test]
fn a_generated_large_project_has_the_requested_size() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = bridgeplan_core::demo::add_load_test_project(&mut ws, 2_000).unwrap();
    assert_eq!(ws.project(p).unwrap().item_count, 2_000);
}
