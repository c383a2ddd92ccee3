//! Scrum: sprints, the ranked product backlog, planning against capacity, burndown, velocity.

use bridgeplan_core::agile::sprints::{SprintInput, SprintState};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{ErrorCode, Id, Workspace};
use chrono::{Duration, NaiveDate};

fn today() -> NaiveDate {
    bridgeplan_core::clock::fix_for_tests()
}

fn scrum(ws: &mut Workspace) -> Id {
    ws.create_project(&ProjectInput {
        name: "Portal".into(),
        methodology: Methodology::Scrum,
        start_date: None,
        finish_date: None,
        description: String::new(),
    })
    .unwrap()
    .id
}

fn story(ws: &mut Workspace, project: Id, title: &str, points: f64) -> Id {
    ws.create_item(
        project,
        None,
        &WorkItemInput {
            title: title.into(),
            story_points: Some(points),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn sprint_input(name: &str, from: i64, to: i64, capacity: Option<f64>) -> SprintInput {
    SprintInput {
        name: name.into(),
        goal: "Customers track parcels".into(),
        start_date: (today() + Duration::days(from)).to_string(),
        finish_date: (today() + Duration::days(to)).to_string(),
        capacity_points: capacity,
    }
}

#[test]
fn planning_against_capacity_and_the_ranked_backlog() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = scrum(&mut ws);
    let a = story(&mut ws, project, "Track parcel", 8.0);
    let b = story(&mut ws, project, "Email on delay", 5.0);
    let c = story(&mut ws, project, "Proof of delivery", 3.0);
    let sprint = ws
        .create_sprint(project, &sprint_input("Sprint 1", 0, 13, Some(10.0)))
        .unwrap();
    assert_eq!(sprint.state, SprintState::Active);

    ws.rank_in_backlog(c, 0).unwrap();
    let order: Vec<Id> = ws.backlog(project).unwrap().iter().map(|i| i.id).collect();
    assert_eq!(order, [c, a, b]);

    ws.assign_sprint(a, Some(sprint.id)).unwrap();
    ws.assign_sprint(b, Some(sprint.id)).unwrap();
    let plan = ws.sprint_plan(sprint.id).unwrap();
    assert_eq!(plan.sprint.committed_points, 13.0);
    assert_eq!(plan.over_commitment, 3.0, "13 points against a capacity of 10");
    assert_eq!(ws.backlog(project).unwrap().len(), 1);

    // Deleting the sprint returns its items to the backlog; undo brings it all back.
    ws.delete_sprint(sprint.id).unwrap();
    assert_eq!(ws.backlog(project).unwrap().len(), 3);
    ws.undo().unwrap();
    assert_eq!(ws.sprint_plan(sprint.id).unwrap().items.len(), 2);
}

#[test]
fn bad_sprints_are_refused_with_a_reason() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = scrum(&mut ws);
    ws.create_sprint(project, &sprint_input("Sprint 1", 0, 13, None))
        .unwrap();
    let dup = ws
        .create_sprint(project, &sprint_input("sprint 1", 14, 27, None))
        .unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Duplicate);
    let reversed = ws
        .create_sprint(project, &sprint_input("Sprint 2", 10, 2, None))
        .unwrap_err();
    assert!(reversed.to_string().contains("before the start date"), "{reversed}");
    let mut bad = sprint_input("Sprint 3", 0, 5, None);
    bad.start_date = "2026-02-30".into();
    assert_eq!(
        ws.create_sprint(project, &bad).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
    let negative = ws
        .create_sprint(project, &sprint_input("Sprint 4", 0, 5, Some(-1.0)))
        .unwrap_err();
    assert_eq!(negative.code(), ErrorCode::InvalidInput);
}

#[test]
fn burndown_and_velocity_follow_the_days_items_were_done() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scrum.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = scrum(&mut ws);
    let done_column = ws.statuses(project).unwrap().last().unwrap().id;
    // A finished sprint of two working weeks that ended three days ago.
    let sprint = ws
        .create_sprint(project, &sprint_input("Sprint 1", -16, -3, Some(20.0)))
        .unwrap();
    let a = story(&mut ws, project, "A", 5.0);
    let b = story(&mut ws, project, "B", 3.0);
    let c = story(&mut ws, project, "C", 8.0);
    for item in [a, b, c] {
        ws.assign_sprint(item, Some(sprint.id)).unwrap();
    }
    ws.move_item(a, done_column, 0).unwrap();
    ws.move_item(b, done_column, 0).unwrap();
    ws.set_sprint_notes(sprint.id, "Demoed tracking to the customer.", "Split stories smaller.")
        .unwrap();
    ws.close().unwrap();

    // A was done on the sprint's first day, B on its last; C is still open.
    let first = today() - Duration::days(16);
    let last = today() - Duration::days(3);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let planned = first - Duration::days(3);
    conn.execute(
        "UPDATE status_changes SET at = ?1 WHERE category <> 'done'",
        [format!("{planned}T09:00:00Z")],
    )
    .unwrap();
    for (item, day) in [(a, first), (b, last)] {
        conn.execute(
            "UPDATE status_changes SET at = ?1 WHERE item_id = ?2 AND category = 'done'",
            (format!("{day}T15:00:00Z"), item),
        )
        .unwrap();
    }
    drop(conn);

    let ws = Workspace::open(&path).unwrap();
    let burndown = ws.burndown(sprint.id).unwrap();
    assert!(
        burndown
            .days
            .iter()
            .all(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5),
        "working days only"
    );
    assert_eq!(burndown.days.len(), 10);
    assert_eq!(burndown.ideal.first(), Some(&16.0));
    assert_eq!(burndown.ideal.last(), Some(&0.0));
    assert!(
        burndown.remaining.iter().all(Option::is_some),
        "the sprint is over: every day has a value"
    );
    assert_eq!(burndown.remaining.last().copied().flatten(), Some(8.0));
    let velocity = ws.velocity(project).unwrap();
    assert_eq!(velocity.len(), 1);
    assert_eq!((velocity[0].committed, velocity[0].completed), (16.0, 8.0));
    let notes = ws.sprint(sprint.id).unwrap();
    assert_eq!(notes.retro_notes, "Split stories smaller.");
    assert_eq!(notes.state, SprintState::Finished);
}

/// Sets when each item became done, straight in the file, as if it had happened then; every
/// other status change happened on `planned`, before the sprint.
fn done_at(path: &std::path::Path, planned: NaiveDate, when: &[(Id, NaiveDate)]) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute(
        "UPDATE status_changes SET at = ?1 WHERE category <> 'done'",
        [format!("{planned}T09:00:00Z")],
    )
    .unwrap();
    for (item, day) in when {
        conn.execute(
            "UPDATE status_changes SET at = ?1 WHERE item_id = ?2 AND category = 'done'",
            (format!("{day}T11:00:00Z"), item),
        )
        .unwrap();
    }
}

#[test]
fn work_done_on_a_weekend_counts_on_the_next_working_day_and_is_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("weekend.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = scrum(&mut ws);
    let done_column = ws.statuses(project).unwrap().last().unwrap().id;
    // Two weeks from a Monday to a Sunday, over well before today.
    let today = today();
    let monday = today - Duration::days(i64::from(chrono::Datelike::weekday(&today).num_days_from_monday()) + 28);
    let sunday = monday + Duration::days(13);
    let sprint = ws
        .create_sprint(
            project,
            &SprintInput {
                name: "Weekend sprint".into(),
                goal: String::new(),
                start_date: monday.to_string(),
                finish_date: sunday.to_string(),
                capacity_points: None,
            },
        )
        .unwrap();
    let first_saturday = story(&mut ws, project, "Done on the first Saturday", 5.0);
    let last_saturday = story(&mut ws, project, "Done on the last Saturday", 3.0);
    let open = story(&mut ws, project, "Still open", 2.0);
    for item in [first_saturday, last_saturday, open] {
        ws.assign_sprint(item, Some(sprint.id)).unwrap();
    }
    ws.move_item(first_saturday, done_column, 0).unwrap();
    ws.move_item(last_saturday, done_column, 0).unwrap();
    ws.close().unwrap();
    done_at(
        &path,
        monday - Duration::days(3),
        &[
            (first_saturday, monday + Duration::days(5)),
            (last_saturday, monday + Duration::days(12)),
        ],
    );

    let ws = Workspace::open(&path).unwrap();
    let burndown = ws.burndown(sprint.id).unwrap();
    assert_eq!(burndown.days.len(), 10, "Monday to Friday, twice");
    let remaining: Vec<f64> = burndown.remaining.iter().map(|r| r.unwrap()).collect();
    assert_eq!(remaining[4], 10.0, "the first Friday: nothing done yet");
    assert_eq!(remaining[5], 5.0, "Saturday's work shows on Monday");
    assert_eq!(remaining[8], 5.0);
    assert_eq!(
        remaining[9], 2.0,
        "the last Saturday's work shows on the last working day"
    );
    let velocity = ws.velocity(project).unwrap();
    assert_eq!((velocity[0].committed, velocity[0].completed), (10.0, 8.0));
}
