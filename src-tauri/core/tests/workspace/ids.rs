//! Ids that two copies of one workspace can share: random ids below 2^53, a workspace UUID
//! every copy keeps, a site id each saved copy gets anew, old files migrated with their ids,
//! and the orders that ids used to give kept by explicit columns.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use bridgeplan_core::agile::sprints::SprintInput;
use bridgeplan_core::plan::calendars::CalendarException;
use bridgeplan_core::plan::schedule::Calendar;
use bridgeplan_core::plan::timeline::DependencyKind;
use bridgeplan_core::skills::certifications::UnitEntryInput;
use bridgeplan_core::skills::development::{ActivityInput, ActivityKind, GoalInput};
use bridgeplan_core::skills::evidence::ManualEvidence;
use bridgeplan_core::skills::profiles::AssessmentKind;
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::work::statuses::{StatusCategory, StatusInput};
use bridgeplan_core::workspace::current_schema_version;
use bridgeplan_core::{clock, interchange::mspdi, Id, Workspace};
use rusqlite::Connection;

use crate::support;

const JS_SAFE: Id = 1 << 53;
const FLOOR: Id = 1 << 32;

fn project(name: &str, methodology: Methodology) -> ProjectInput {
    ProjectInput {
        name: name.into(),
        methodology,
        start_date: Some(clock::fix_for_tests().to_string()),
        finish_date: None,
        description: String::new(),
    }
}

fn item(title: &str) -> WorkItemInput {
    WorkItemInput {
        title: title.into(),
        ..Default::default()
    }
}

/// Every id of every table that has one, by table.
fn all_ids(path: &Path) -> BTreeMap<String, BTreeSet<Id>> {
    let conn = Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema s WHERE type = 'table' \
             AND EXISTS (SELECT 1 FROM pragma_table_info(s.name) WHERE name = 'id')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        // The search index's own tables number their pages and entries, not rows.
        .filter(|t| !bridgeplan_core::search::is_index_table(t))
        .map(|t| {
            let ids: BTreeSet<Id> = conn
                .prepare(&format!("SELECT id FROM {t}"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (t, ids)
        })
        .collect()
}

/// Adds rows of every kind, as a user of one copy would.
fn add_everything(path: &Path, tag: &str) {
    let mut ws = Workspace::open(path).unwrap();
    let today = clock::fix_for_tests();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).to_string();

    let p = ws
        .create_project(&project(&format!("Scrum {tag}"), Methodology::Scrum))
        .unwrap();
    let status = ws
        .add_status(
            p.id,
            &StatusInput {
                name: "Review".into(),
                category: StatusCategory::InProgress,
                wip_limit: Some(3),
            },
        )
        .unwrap();
    let a = ws
        .create_item(
            p.id,
            None,
            &WorkItemInput {
                assignee: Some(format!("Dana {tag}")),
                ..item("Design")
            },
        )
        .unwrap();
    let b = ws.create_item(p.id, None, &item("Build")).unwrap();
    ws.move_item(b.id, status.id, 0).unwrap();
    ws.add_dependency(a.id, b.id, DependencyKind::Fs, 0).unwrap();
    let sprint = ws
        .create_sprint(
            p.id,
            &SprintInput {
                name: "Sprint 1".into(),
                goal: String::new(),
                start_date: day(0),
                finish_date: day(13),
                capacity_points: Some(20.0),
            },
        )
        .unwrap();
    ws.assign_sprint(a.id, Some(sprint.id)).unwrap();
    ws.save_baseline(p.id, "Plan").unwrap();

    let calendar = ws.add_calendar(&Calendar::standard()).unwrap();
    ws.add_holiday(calendar, today, "Founders' day").unwrap();
    ws.set_calendar_exception(
        calendar,
        &CalendarException {
            day: day(1),
            name: "Short day".into(),
            spans: vec![[480, 720]],
        },
    )
    .unwrap();

    let person = ws.add_person(&format!("Kim {tag}"), "IT Manager").unwrap().id;
    let catalog = ws.skill_catalog().unwrap();
    let (skill, role) = (catalog.skills[0].id, catalog.roles[0].id);
    ws.assess(person, skill, AssessmentKind::SelfAssessed, 3, &day(0), "")
        .unwrap();
    ws.set_skill_target(person, skill, Some(5)).unwrap();
    ws.set_role_skill(role, catalog.skills[1].id, Some(2)).unwrap();
    ws.set_role_skill(role, catalog.skills[2].id, None).unwrap();
    ws.set_role_skill(role, catalog.skills[2].id, Some(3)).unwrap();
    ws.add_evidence(
        person,
        skill,
        &ManualEvidence {
            title: "Course".into(),
            detail: String::new(),
            url: String::new(),
            occurred_on: day(-1),
        },
    )
    .unwrap();
    let cert = ws.add_certification(person, "pmp").unwrap();
    ws.log_units(
        cert,
        &UnitEntryInput {
            earned_on: day(-2),
            category: "education".into(),
            units: 2.0,
            activity: "Webinar".into(),
        },
    )
    .unwrap();
    let goal = ws
        .add_goal(
            person,
            &GoalInput {
                skill_id: skill,
                target_level: 4,
                due_date: day(30),
                done_on: None,
            },
        )
        .unwrap();
    ws.add_activity(
        goal,
        &ActivityInput {
            kind: ActivityKind::Book,
            title: "A book".into(),
            item_id: Some(a.id),
            hours: None,
            done_on: None,
        },
    )
    .unwrap();

    if let Some(xml) = support::mspdi_fixture("baselines.xml") {
        ws.import_plan(&mspdi::read(&xml).unwrap()).unwrap();
    }
    if let Some(xml) = support::mspdi_fixture("mspdiresource.xml") {
        ws.import_plan(&mspdi::read(&xml).unwrap()).unwrap();
    }
    ws.close().unwrap();
}

#[test]
fn two_copies_of_one_workspace_never_hand_out_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("team.bridgeplan");
    let saved = dir.path().join("saved copy.bridgeplan");
    let copied = dir.path().join("plain copy.bridgeplan");
    {
        let mut ws = Workspace::create(&original, None).unwrap();
        let p = ws.create_project(&project("Shared", Methodology::Kanban)).unwrap();
        ws.create_item(p.id, None, &item("Shared item")).unwrap();
        ws.save_copy(&saved).unwrap();
        ws.close().unwrap();
    }
    std::fs::copy(&original, &copied).unwrap();
    let before = all_ids(&original);

    let mut added: Vec<BTreeMap<String, BTreeSet<Id>>> = Vec::new();
    for (tag, path) in [("a", &original), ("b", &saved), ("c", &copied)] {
        add_everything(path, tag);
        let new: BTreeMap<String, BTreeSet<Id>> = all_ids(path)
            .into_iter()
            .map(|(t, ids)| {
                let old = before.get(&t).cloned().unwrap_or_default();
                (t, ids.difference(&old).copied().collect())
            })
            .collect();
        added.push(new);
    }

    let expected = [
        "projects",
        "statuses",
        "work_items",
        "status_changes",
        "people",
        "sprints",
        "dependencies",
        "baselines",
        "baseline_tasks",
        "calendars",
        "calendar_exceptions",
        "assessments",
        "skill_targets",
        "skill_evidence",
        "person_certifications",
        "education_units",
        "development_goals",
        "learning_activities",
        "role_skills",
    ];
    for new in &added {
        for table in expected {
            assert!(!new[table].is_empty(), "no new row in {table}");
        }
        for (table, ids) in new {
            for id in ids {
                assert!((FLOOR..JS_SAFE).contains(id), "{table} got id {id}");
            }
        }
    }
    let every: Vec<BTreeSet<Id>> = added.iter().map(|m| m.values().flatten().copied().collect()).collect();
    assert!(every[0].is_disjoint(&every[1]), "original and saved copy share an id");
    assert!(every[0].is_disjoint(&every[2]), "original and plain copy share an id");
    assert!(every[1].is_disjoint(&every[2]), "the two copies share an id");
}

#[test]
fn every_row_of_a_new_workspace_has_an_id_a_javascript_number_holds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.bridgeplan");
    Workspace::create(&path, None).unwrap().close().unwrap();
    for (table, ids) in all_ids(&path) {
        for id in ids {
            // The built-in Standard calendar is 1 in every file, made so by schema 2.
            let fixed = table == "calendars" && id == 1;
            assert!(fixed || (FLOOR..JS_SAFE).contains(&id), "{table} has id {id}");
        }
    }
}

#[test]
fn a_saved_copy_keeps_the_workspace_uuid_and_gets_its_own_site_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.bridgeplan");
    let copy = dir.path().join("plan copy.bridgeplan");
    let ws = Workspace::create(&path, None).unwrap();
    let info = ws.info();
    assert_eq!(info.workspace_uuid.len(), 36);
    assert_eq!(&info.workspace_uuid[14..15], "4", "{}", info.workspace_uuid);
    assert!((FLOOR..JS_SAFE).contains(&info.site_id));
    ws.save_copy(&copy).unwrap();
    ws.close().unwrap();

    let again = Workspace::open(&path).unwrap().info();
    assert_eq!(
        (again.workspace_uuid.as_str(), again.site_id),
        (info.workspace_uuid.as_str(), info.site_id)
    );
    let copied = Workspace::open(&copy).unwrap().info();
    assert_eq!(copied.workspace_uuid, info.workspace_uuid);
    assert_ne!(copied.site_id, info.site_id);

    let other = Workspace::in_memory().unwrap().info();
    assert_ne!(
        other.workspace_uuid, info.workspace_uuid,
        "another workspace, another UUID"
    );
}

#[test]
fn undo_and_redo_bring_back_the_same_random_ids() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = ws.create_project(&project("Undo", Methodology::Waterfall)).unwrap();
    let a = ws.create_item(p.id, None, &item("First")).unwrap();
    let b = ws.create_item(p.id, None, &item("Second")).unwrap();
    let link = ws.add_dependency(a.id, b.id, DependencyKind::Fs, 0).unwrap();
    ws.undo().unwrap();
    assert!(ws.project_schedule(p.id).unwrap().links.is_empty());
    ws.redo().unwrap();
    assert_eq!(ws.project_schedule(p.id).unwrap().links[0].id, link);

    ws.delete_project(p.id).unwrap();
    assert!(ws.item(a.id).is_err());
    ws.undo().unwrap();
    assert_eq!(ws.item(a.id).unwrap().title, "First");
    assert_eq!(ws.item(b.id).unwrap().title, "Second");
    assert_eq!(ws.project(p.id).unwrap().name, "Undo");

    ws.undo().unwrap(); // the link
    ws.undo().unwrap(); // the second item
    assert!(ws.item(b.id).is_err());
    ws.redo().unwrap();
    assert_eq!(ws.item(b.id).unwrap().id, b.id);
}

#[test]
fn rows_made_in_the_same_second_keep_the_order_they_were_made_in() {
    let mut ws = Workspace::in_memory().unwrap();
    let p = ws.create_project(&project("Order", Methodology::Scrum)).unwrap();
    let titles: Vec<String> = (0..30).map(|i| format!("Item {i:02}")).collect();
    let items: Vec<Id> = titles
        .iter()
        .map(|t| ws.create_item(p.id, None, &item(t)).unwrap().id)
        .collect();
    let backlog: Vec<String> = ws.backlog(p.id).unwrap().into_iter().map(|i| i.title).collect();
    assert_eq!(backlog, titles);
    let wbs: Vec<String> = ws
        .project_schedule(p.id)
        .unwrap()
        .tasks
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(wbs, titles);

    // Moved twice within a second: the later move is where the item is.
    let statuses = ws.statuses(p.id).unwrap();
    for status in [&statuses[1], &statuses[2], &statuses[1]] {
        ws.move_item(items[0], status.id, 0).unwrap();
    }
    let today = clock::fix_for_tests();
    let flow = ws.cumulative_flow(p.id, today, today).unwrap();
    assert_eq!(flow.bands[1].counts, [1], "{flow:?}");
    assert_eq!(flow.bands[2].counts, [0], "{flow:?}");

    let names: Vec<String> = (0..5).map(|i| format!("Baseline {i}")).collect();
    for name in &names {
        ws.save_baseline(p.id, name).unwrap();
    }
    let saved: Vec<String> = ws.baselines(p.id).unwrap().into_iter().map(|b| b.name).collect();
    assert_eq!(saved, names);

    let person = ws.add_person("Sam", "").unwrap().id;
    let skill = ws.skill_catalog().unwrap().skills[0].id;
    for level in [2, 5, 1, 4] {
        ws.assess(
            person,
            skill,
            AssessmentKind::SelfAssessed,
            level,
            &today.to_string(),
            "",
        )
        .unwrap();
    }
    let history: Vec<u8> = ws
        .assessment_history(person, skill)
        .unwrap()
        .iter()
        .map(|a| a.level)
        .collect();
    assert_eq!(history, [2, 5, 1, 4]);
    let current = ws
        .skill_profile(person)
        .unwrap()
        .skills
        .into_iter()
        .find(|s| s.skill_id == skill)
        .unwrap();
    assert_eq!(current.self_level, Some(4));
}

/// A workspace as Bridgeplan wrote it at schema 6, with small sequential ids.
fn schema_6_file(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", bridgeplan_core::workspace::APPLICATION_ID)
        .unwrap();
    for sql in [
        include_str!("../../src/workspace/migrations/0001_initial.sql"),
        include_str!("../../src/workspace/migrations/0002_scheduling.sql"),
        include_str!("../../src/workspace/migrations/0003_baselines.sql"),
        include_str!("../../src/workspace/migrations/0004_flow_and_sprints.sql"),
        include_str!("../../src/workspace/migrations/0005_resources.sql"),
        include_str!("../../src/workspace/migrations/0006_skills.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    let at = "2026-11-30T09:00:00Z";
    conn.execute_batch(&format!(
        "INSERT INTO workspace_meta(key, value) VALUES ('name', 'Old'), ('created_at', '{at}');
         INSERT INTO projects(id, name, methodology, created_at, updated_at) VALUES (1, 'Old', 'kanban', '{at}', '{at}');
         INSERT INTO statuses(id, project_id, name, category, position) VALUES
             (1, 1, 'To do', 'todo', 0), (2, 1, 'Doing', 'in_progress', 1), (3, 1, 'Done', 'done', 2);
         INSERT INTO work_items(id, project_id, status_id, rank, item_type, title, created_at, updated_at) VALUES
             (1, 1, 2, 1, 'task', 'Old one', '{at}', '{at}'), (2, 1, 1, 1, 'task', 'Old two', '{at}', '{at}');
         INSERT INTO status_changes(id, item_id, status_id, category, at) VALUES
             (1, 1, 1, 'todo', '{at}'), (2, 1, 3, 'done', '{at}'), (3, 1, 2, 'in_progress', '{at}'),
             (4, 2, 1, 'todo', '{at}');
         INSERT INTO people(id, name, created_at) VALUES (1, 'Ada', '{at}');
         INSERT INTO skill_areas(id, key, name) VALUES (1, 'area', 'Area');
         INSERT INTO skills(id, key, name, area_id, levels) VALUES (1, 'skill', 'Skill', 1, '[\"a\",\"b\",\"c\",\"d\",\"e\"]');
         INSERT INTO assessments(id, person_id, skill_id, kind, level, assessed_on) VALUES
             (1, 1, 1, 'self', 2, '2026-11-30'), (2, 1, 1, 'self', 4, '2026-11-30');"
    ))
    .unwrap();
    conn.pragma_update(None, "user_version", 6).unwrap();
}

#[test]
fn a_schema_6_file_keeps_its_ids_and_gets_a_uuid_and_site_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.bridgeplan");
    schema_6_file(&path);
    let before = all_ids(&path);

    let mut ws = Workspace::open(&path).unwrap();
    let info = ws.info();
    assert_eq!(info.schema_version, current_schema_version());
    assert_eq!(info.workspace_uuid.len(), 36);
    assert_ne!(info.site_id, 0);
    assert_eq!(ws.item(1).unwrap().title, "Old one");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    // The old rows keep their order: the item's last change (id 3) put it in Doing.
    let flow = ws.cumulative_flow(1, today, today).unwrap();
    assert_eq!(flow.bands.iter().map(|b| b.counts[0]).collect::<Vec<_>>(), [1, 1, 0]);
    assert_eq!(
        ws.assessment_history(1, 1)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        [1, 2]
    );

    // New rows get random ids and come after the old ones.
    let new = ws.create_item(1, None, &item("New one")).unwrap();
    assert!((FLOOR..JS_SAFE).contains(&new.id));
    ws.assess(1, 1, AssessmentKind::SelfAssessed, 3, "2026-11-30", "")
        .unwrap();
    let levels: Vec<u8> = ws.assessment_history(1, 1).unwrap().iter().map(|a| a.level).collect();
    assert_eq!(levels, [2, 4, 3]);
    let wbs: Vec<String> = ws
        .project_schedule(1)
        .unwrap()
        .tasks
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(wbs, ["Old one", "Old two", "New one"]);
    ws.close().unwrap();

    let after = all_ids(&path);
    for (table, ids) in &before {
        assert!(ids.is_subset(&after[table]), "{table} lost an id");
    }
    let again = Workspace::open(&path).unwrap().info();
    assert_eq!(
        (again.workspace_uuid, again.site_id),
        (info.workspace_uuid, info.site_id)
    );
}
