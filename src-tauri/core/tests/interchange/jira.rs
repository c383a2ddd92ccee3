//! Jira "Export CSV (all fields)" files, written here from the format's facts (repeated
//! columns, custom fields by name, day/Mon/yy dates, quoted fields over several lines): the
//! mapping of each field, sprints making a Scrum project, the flow history from Created and
//! Resolved, what is not kept, the refusals, and undo of the import.

use bridgeplan_core::interchange::files::{self, ImportFormat};
use bridgeplan_core::interchange::jira::{self, dates};
use bridgeplan_core::work::items::{ItemType, Priority};
use bridgeplan_core::work::projects::Methodology;
use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::ErrorCode;

use crate::import_support::Fixture;

/// A Scrum site's export: an epic, stories in two sprints (one carried over), a bug, a sub-task,
/// labels and watchers in repeated columns, a description over several lines.
const SCRUM: &str = "\
Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Priority,Resolution,Assignee,Reporter,Created,Updated,Resolved,Due date,Labels,Labels,Watchers,Watchers,Sprint,Sprint,Description,Attachment,Comment,Custom field (Story Points),Custom field (Epic Link),Custom field (Team),Parent,Status Category,Original Estimate
Checkout revamp,SHOP-1,10001,Epic,In Progress,SHOP,Webshop,High,,Maria Chen,Ola Berg,03/Nov/25 9:15 AM,20/Nov/25 4:00 PM,,,,,Ola Berg,,,,The new checkout.,,,,,Payments,,In Progress,
Pay by invoice,SHOP-2,10002,Story,Done,SHOP,Webshop,Medium,Done,Maria Chen,Ola Berg,04/Nov/25 10:00 AM,14/Nov/25 5:03 PM,14/Nov/25 5:03 PM,,payments,backend,Ola Berg,Maria Chen,Sprint 1,Sprint 2,\"Customers pay later.
Two lines, with a \"\"quote\"\".\",invoice.pdf,\"12/Nov/25 1:00 PM;557058:abc;Looks good\",5,SHOP-1,Payments,,Done,28800
Card form errors,SHOP-3,10003,Bug,Code Review,SHOP,Webshop,Highest,,Jonas Weber,Ola Berg,05/Nov/25 11:30 AM,21/Nov/25 9:00 AM,,28/Nov/25,frontend,,,,Sprint 2,,,,,3,SHOP-1,,,In Progress,
Write the invoice e-mail,SHOP-4,10004,Sub-task,To Do,SHOP,Webshop,Low,,,Ola Berg,06/Nov/25 8:00 AM,06/Nov/25 8:00 AM,,,,,,,Sprint 2,,,,,,,,10002,To Do,
Spike: wallets,SHOP-5,10005,Improvement,READINESS REVIEW,SHOP,Webshop,Minor,,maria chen,Ola Berg,07/Nov/25 2:45 PM,08/Nov/25 2:45 PM,,,,,,,,,,,,x,,,,To Do,
";

/// A newer site without sprints: `Parent` instead of Epic Link, story point estimate, ISO dates,
/// no Status Category column.
const KANBAN: &str = "\
Issue key,Summary,Issue Type,Status,Priority,Assignee,Created,Resolved,Parent,Parent summary,Custom field (Story point estimate),Labels
OPS-7,Rotate certificates,Epic,Backlog,Medium,,2025-10-01 09:00,,,,,
OPS-8,Renew the wildcard,Task,In Progress,High,Sam Okafor,2025-10-02 10:30,,OPS-7,Rotate certificates,2,security
OPS-9,Update the load balancer,Task,Done,Medium,Sam Okafor,2025-10-03T08:00:00.000+0200,2025-10-09T17:00:00.000+0200,OPS-7,Rotate certificates,1.5,
";

fn item<'a>(
    items: &'a [bridgeplan_core::work::items::WorkItem],
    title: &str,
) -> &'a bridgeplan_core::work::items::WorkItem {
    items
        .iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("no item {title}"))
}

#[test]
fn jira_date_forms_are_read() {
    let t = |s: &str| dates::instant(s).map(|t| t.format("%Y-%m-%d %H:%M").to_string());
    assert_eq!(t("28/Nov/25 5:03 PM").as_deref(), Some("2025-11-28 17:03"));
    assert_eq!(t("01/Dec/25 12:00 AM").as_deref(), Some("2025-12-01 00:00"));
    assert_eq!(t("28/Nov/2025 17:03").as_deref(), Some("2025-11-28 17:03"));
    assert_eq!(t("2025-11-28 17:03").as_deref(), Some("2025-11-28 17:03"));
    assert_eq!(t("2025-11-28T17:03:05.000+0100").as_deref(), Some("2025-11-28 16:03"));
    assert_eq!(t("28/Nov/25").as_deref(), Some("2025-11-28 00:00"));
    assert_eq!(t("yesterday"), None);
    assert_eq!(t("31/Feb/25 5:03 PM"), None);
    assert_eq!(dates::date("28/Nov/25 5:03 PM").unwrap().to_string(), "2025-11-28");
}

#[test]
fn a_scrum_export_previews_its_issues_sprints_and_the_columns_it_does_not_keep() {
    let f = Fixture::new();
    let before = f.dump();
    let board = jira::read(SCRUM, "export").unwrap();
    assert_eq!(board.project, "Webshop");
    assert_eq!(board.methodology, Methodology::Scrum);
    let statuses: Vec<(&str, StatusCategory)> = board.statuses.iter().map(|s| (s.name.as_str(), s.category)).collect();
    use StatusCategory::*;
    assert_eq!(
        statuses,
        [
            ("To Do", Todo),
            ("READINESS REVIEW", Todo),
            ("In Progress", InProgress),
            ("Code Review", InProgress),
            ("Done", Done)
        ]
    );
    assert_eq!(
        board.people,
        ["Maria Chen", "Jonas Weber"],
        "names are people, matched without case"
    );
    let preview = board.preview(&f.ws).unwrap();
    assert_eq!(f.dump(), before);
    let made = |what: &str| preview.creates.iter().find(|c| c.what == what).map_or(0, |c| c.count);
    assert_eq!(made("work items"), 5);
    assert_eq!(made("sprints"), 2);
    assert_eq!(made("columns"), 5);
    assert_eq!(made("new people"), 2);
    assert_eq!(made("items under an epic or parent"), 3);
    let n = &preview.not_kept;
    for expected in [
        "1 attachment (files are not brought in).",
        "1 comment.",
        "3 watcher entries.",
        "1 custom field: Team (2).",
        "Other columns: Resolution (1), Reporter (5).",
        "Issue types Bridgeplan does not have, kept as tasks: Improvement (1).",
        "1 story-point value that are not numbers.",
        "Earlier sprints of 1 issue (an item is in its latest sprint only).",
    ] {
        assert!(n.contains(&expected.to_string()), "{expected} missing from {n:#?}");
    }
    assert!(n.iter().any(|s| s.starts_with("Sprint dates")), "{n:?}");
}

#[test]
fn importing_a_scrum_export_maps_every_field_and_undo_gives_the_rows_back() {
    let mut f = Fixture::new();
    let before = f.dump();
    let parsed = files::read(ImportFormat::Jira, SCRUM, "export").unwrap();
    let result = f.ws.import_parsed(&parsed).unwrap();
    let project = result.project;
    assert_eq!(
        (project.name.as_str(), project.methodology),
        ("Webshop", Methodology::Scrum)
    );
    let items: Vec<_> =
        f.ws.board(project.id)
            .unwrap()
            .columns
            .into_iter()
            .flat_map(|c| c.items)
            .collect();
    assert_eq!(items.len(), 5);
    let epic = item(&items, "Checkout revamp");
    let story = item(&items, "Pay by invoice");
    let bug = item(&items, "Card form errors");
    let sub = item(&items, "Write the invoice e-mail");
    let spike = item(&items, "Spike: wallets");
    assert_eq!(epic.item_type, ItemType::Epic);
    assert_eq!(
        (story.item_type, story.priority, story.story_points),
        (ItemType::Story, Priority::Medium, Some(5.0))
    );
    assert_eq!(story.estimate_hours, Some(8.0), "28,800 seconds");
    assert_eq!(story.tags, ["payments", "backend"]);
    assert_eq!(
        story.description,
        "Customers pay later.\nTwo lines, with a \"quote\".\n\nJira: SHOP-2"
    );
    assert_eq!(story.parent_id, Some(epic.id));
    assert_eq!((bug.item_type, bug.priority), (ItemType::Bug, Priority::Highest));
    assert_eq!(bug.due_date.unwrap().to_string(), "2025-11-28");
    assert_eq!(bug.parent_id, Some(epic.id));
    assert_eq!(sub.parent_id, Some(story.id), "a sub-task's Parent is its parent's id");
    assert_eq!(sub.priority, Priority::Low);
    assert_eq!((spike.item_type, spike.priority), (ItemType::Task, Priority::Low));
    assert_eq!(spike.assignee.as_deref(), Some("Maria Chen"));
    assert_eq!(story.created_at, "2025-11-04T10:00:00Z");
    // Sprints of the project, and each item in its latest one.
    let sprints = f.ws.sprints(project.id).unwrap();
    let names: Vec<&str> = sprints.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"Sprint 1") && names.contains(&"Sprint 2"), "{names:?}");
    let two = sprints.iter().find(|s| s.name == "Sprint 2").unwrap();
    assert_eq!(two.item_count, 3);
    assert_eq!(two.finish_date.to_string(), "2025-11-14", "ends on its last resolution");
    assert_eq!(f.number("SELECT count(*) FROM work_items WHERE sprint_id IS NULL"), 2);
    // Flow history: created in To Do, done when resolved.
    assert_eq!(
        f.texts(&format!(
            "SELECT c.category || ' ' || c.at FROM status_changes c WHERE c.item_id = {} ORDER BY c.at",
            story.id
        )),
        ["todo 2025-11-04T10:00:00Z", "done 2025-11-14T17:03:00Z"]
    );
    let times = f.ws.flow_times(project.id).unwrap();
    assert_eq!(times.items.len(), 1);
    assert_eq!(times.items[0].lead_days, 10.3);
    assert_eq!(
        f.texts("SELECT name FROM people ORDER BY name"),
        ["Jonas Weber", "Maria Chen"]
    );

    f.ws.undo().unwrap();
    assert_eq!(f.dump(), before, "one undo takes the whole import back");
}

#[test]
fn a_kanban_export_with_parent_links_and_iso_dates() {
    let mut f = Fixture::new();
    f.ws.add_person("Sam Okafor", "Ops").unwrap();
    let parsed = files::read(ImportFormat::Jira, KANBAN, "ops-export").unwrap();
    let result = f.ws.import_parsed(&parsed).unwrap();
    assert_eq!(
        result.project.name, "ops-export",
        "named after the file when the export does not say"
    );
    assert_eq!(result.project.methodology, Methodology::Kanban);
    let items: Vec<_> =
        f.ws.board(result.project.id)
            .unwrap()
            .columns
            .into_iter()
            .flat_map(|c| c.items)
            .collect();
    let epic = item(&items, "Rotate certificates");
    let done = item(&items, "Update the load balancer");
    assert_eq!(done.parent_id, Some(epic.id));
    assert_eq!(done.story_points, Some(1.5));
    assert_eq!(done.created_at, "2025-10-03T06:00:00Z");
    assert_eq!(f.number("SELECT count(*) FROM people"), 1, "Sam is reused");
    let statuses = f.ws.statuses(result.project.id).unwrap();
    let shown: Vec<(&str, StatusCategory)> = statuses.iter().map(|s| (s.name.as_str(), s.category)).collect();
    assert_eq!(
        shown,
        [
            ("Backlog", StatusCategory::Todo),
            ("In Progress", StatusCategory::InProgress),
            ("Done", StatusCategory::Done)
        ]
    );
    assert!(f.ws.sprints(result.project.id).unwrap().is_empty());
}

#[test]
fn files_that_are_not_jira_issue_exports_are_refused_with_nothing_written() {
    let mut f = Fixture::new();
    f.ws.import_parsed(&files::read(ImportFormat::Jira, KANBAN, "Taken").unwrap())
        .unwrap();
    let before = f.dump();
    for (text, says) in [
        ("", "The file is empty"),
        ("Key,Title,State\nA-1,One,Open\n", "no \"Summary\" column"),
        ("Summary,Priority\nOne,High\n", "no \"Status\" column"),
        (
            "Issue Key,Hours,Work date,Username\nA-1,2,2025-11-28,ada\n",
            "Tempo worklog",
        ),
        ("Summary,Status\n", "no issues"),
        ("Summary,Status,Description\nOne,Open,\"never closed\n", "never closed"),
        (
            "Summary,Status,Created\nOne,Open,the day before\n",
            "\"the day before\" is not in a form",
        ),
        ("Summary,Status,Due date\nOne,Open,soon\n", "the due date \"soon\""),
    ] {
        let err = files::read(ImportFormat::Jira, text, "x").unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{text}");
        assert!(err.to_string().contains(says), "{text}: {err}");
        assert!(err.to_string().ends_with("Nothing was imported."), "{err}");
    }
    let taken = files::read(ImportFormat::Jira, KANBAN, "Taken").unwrap();
    assert_eq!(taken.preview(&f.ws).unwrap_err().code(), ErrorCode::Duplicate);
    assert_eq!(f.ws.import_parsed(&taken).unwrap_err().code(), ErrorCode::Duplicate);
    assert_eq!(f.dump(), before);
}
