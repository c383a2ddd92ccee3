//! Trello board exports, the real ones in the shared fixtures folder read in place: the preview
//! counts what will be made and what is not kept, the import writes it in one edit that undo
//! takes back whole, and files that are not Trello boards are refused with nothing written.

use bridgeplan_core::interchange::files::{self, ImportFormat};
use bridgeplan_core::interchange::trello;
use bridgeplan_core::work::projects::Methodology;
use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::ErrorCode;

use crate::import_support::{trello_fixture, Fixture};

#[test]
fn the_simple_project_board_previews_its_lists_cards_checklists_and_what_is_not_kept() {
    let Some(json) = trello_fixture("simple-project-board.json") else {
        return;
    };
    let f = Fixture::new();
    let before = f.dump();
    let board = trello::read(&json).unwrap();
    let preview = board.preview(&f.ws).unwrap();
    assert_eq!(f.dump(), before, "a preview writes nothing");
    assert_eq!(preview.format, "Trello board");
    assert_eq!(preview.project, "Simple Project Board");
    let made = |what: &str| preview.creates.iter().find(|c| c.what == what).map_or(0, |c| c.count);
    assert_eq!(made("project"), 1);
    assert_eq!(made("columns"), 4, "the archived list is not a column");
    assert_eq!(made("work items"), 9, "ten cards, one archived");
    assert_eq!(made("checklists (in descriptions)"), 4);
    assert_eq!(made("checklist entries"), 12);
    assert_eq!(made("new people"), 1);
    assert!(
        preview.skipped.contains(&"1 archived card skipped.".to_string()),
        "{:?}",
        preview.skipped
    );
    assert!(
        preview
            .skipped
            .contains(&"1 archived list without open cards skipped.".to_string()),
        "{:?}",
        preview.skipped
    );
    assert!(
        preview
            .not_kept
            .contains(&"5 attachments (files and links on cards).".to_string()),
        "{:?}",
        preview.not_kept
    );
    assert!(
        preview.not_kept.contains(&"4 comments.".to_string()),
        "{:?}",
        preview.not_kept
    );
    assert!(
        preview.not_kept.iter().any(|n| n.contains("of the board's activity")),
        "{:?}",
        preview.not_kept
    );
    let names: Vec<&str> = board.statuses.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["BRAINSTORM 🤔", "TODO 📚", "DOING ⚙️", "DONE! 🙌🏽"]);
    let categories: Vec<StatusCategory> = board.statuses.iter().map(|s| s.category).collect();
    use StatusCategory::*;
    assert_eq!(categories, [Todo, Todo, InProgress, Done]);
}

#[test]
fn importing_the_simple_board_makes_a_kanban_project_and_undo_gives_the_rows_back() {
    let Some(json) = trello_fixture("simple-project-board.json") else {
        return;
    };
    let mut f = Fixture::new();
    let before = f.dump();
    let parsed = files::read(ImportFormat::Trello, &json, "board").unwrap();
    let result = f.ws.import_parsed(&parsed).unwrap();
    assert_eq!(result.project.name, "Simple Project Board");
    assert_eq!(result.project.methodology, Methodology::Kanban);
    assert_eq!(result.project.item_count, 9);
    let board = f.ws.board(result.project.id).unwrap();
    assert_eq!(board.columns.len(), 4);
    assert_eq!(board.columns.iter().map(|c| c.items.len()).sum::<usize>(), 9);
    // Cards keep their list and their order within it.
    let todo = &board.columns[1];
    assert_eq!(todo.items[0].title, "✋🏿 Move anything 'ready' here");
    let labelled = todo.items.iter().find(|i| i.title.starts_with("wow, that's")).unwrap();
    assert_eq!(labelled.tags, ["label without color", "green label"]);
    let checklists = todo
        .items
        .iter()
        .find(|i| i.title.starts_with("a card with two checklists"))
        .unwrap();
    assert!(
        checklists
            .description
            .contains("Checklist: first checklist\n- [ ] first item of the first checklist"),
        "{}",
        checklists.description
    );
    assert!(
        checklists.description.contains("Checklist: second checklist"),
        "{}",
        checklists.description
    );
    assert!(checklists.description.contains("- [x] "), "{}", checklists.description);
    // A label with no name is named by its colour.
    assert!(board
        .columns
        .iter()
        .flat_map(|c| &c.items)
        .any(|i| i.tags.iter().any(|t| t == "red" || t == "blue")));
    assert_eq!(f.texts("SELECT name FROM people"), ["Trello Sample User"]);
    // Creation times come from the activity; every item has its flow history.
    assert_eq!(f.number("SELECT count(DISTINCT item_id) FROM status_changes"), 9);
    assert!(f
        .texts("SELECT created_at FROM work_items")
        .iter()
        .all(|c| c.starts_with("2022-")));
    assert_eq!(
        f.ws.history_state().undo_label.as_deref(),
        Some("Import \"Simple Project Board\"")
    );

    f.ws.undo().unwrap();
    assert_eq!(f.dump(), before, "undo takes the whole import back in one step");
    f.ws.redo().unwrap();
    assert_eq!(f.number("SELECT count(*) FROM work_items"), 9);
}

#[test]
fn the_kanban_template_skips_its_archived_list_and_keeps_due_dates_and_card_moves() {
    let Some(json) = trello_fixture("kanban-template.json") else {
        return;
    };
    let mut f = Fixture::new();
    let parsed = files::read(ImportFormat::Trello, &json, "board").unwrap();
    let preview = parsed.preview(&f.ws).unwrap();
    assert!(
        preview.skipped.contains(&"1 archived card skipped.".to_string()),
        "{:?}",
        preview.skipped
    );
    assert!(
        preview
            .skipped
            .contains(&"1 card in the archived list \"Running\" skipped.".to_string()),
        "{:?}",
        preview.skipped
    );
    let result = f.ws.import_parsed(&parsed).unwrap();
    assert_eq!(result.project.item_count, 14);
    let statuses = f.ws.statuses(result.project.id).unwrap();
    let shown: Vec<(String, StatusCategory)> = statuses.iter().map(|s| (s.name.clone(), s.category)).collect();
    use StatusCategory::*;
    assert_eq!(
        shown,
        [
            ("Backlog".to_string(), Todo),
            ("Design".to_string(), Todo),
            ("To Do".to_string(), Todo),
            ("Doing".to_string(), InProgress),
            ("Code Review".to_string(), InProgress),
            ("Testing".to_string(), InProgress),
            ("Done 🎉".to_string(), Done),
        ]
    );
    let board = f.ws.board(result.project.id).unwrap();
    let completed = board.columns[6]
        .items
        .iter()
        .find(|i| i.title == "[Completed task]")
        .unwrap();
    assert_eq!(completed.due_date.unwrap().to_string(), "2020-01-23");
    // Three cards moved from Doing to Code Review on 16 January 2020: their history says so.
    let moved = f.number(
        "SELECT count(*) FROM (SELECT item_id FROM status_changes c JOIN statuses s ON s.id = c.status_id \
         GROUP BY item_id HAVING group_concat(s.name, '>') = 'Doing>Code Review')",
    );
    assert_eq!(moved, 3);
    assert_eq!(
        f.texts("SELECT at FROM status_changes c JOIN statuses s ON s.id = c.status_id WHERE s.name = 'Code Review' \
                 AND c.item_id IN (SELECT item_id FROM status_changes GROUP BY item_id HAVING count(*) = 2) ORDER BY at LIMIT 1"),
        ["2020-01-16T22:33:59Z"]
    );
    assert!(f.ws.flow_times(result.project.id).is_ok());
}

#[test]
fn members_already_in_the_workspace_are_reused_by_name() {
    let Some(json) = trello_fixture("simple-project-board.json") else {
        return;
    };
    let mut f = Fixture::new();
    f.ws.add_person("Trello Sample User", "Developer").unwrap();
    let parsed = files::read(ImportFormat::Trello, &json, "board").unwrap();
    let preview = parsed.preview(&f.ws).unwrap();
    assert!(!preview.creates.iter().any(|c| c.what == "new people"));
    assert!(
        preview
            .skipped
            .iter()
            .any(|s| s.starts_with("1 person is already in this workspace")),
        "{:?}",
        preview.skipped
    );
    f.ws.import_parsed(&parsed).unwrap();
    assert_eq!(f.number("SELECT count(*) FROM people"), 1);
}

#[test]
fn files_that_are_not_trello_boards_are_refused_with_nothing_written() {
    let f = Fixture::new();
    let before = f.dump();
    for (text, says) in [
        ("Summary,Status\nA,Done\n", "not JSON"),
        ("{\"name\": \"Board\", \"cards\": [", "not JSON"),
        ("[1, 2, 3]", "not a Trello board"),
        ("{\"name\": \"Board\", \"tasks\": []}", "not a Trello board"),
        ("", "not JSON"),
    ] {
        let err = files::read(ImportFormat::Trello, text, "x").unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{text}");
        assert!(err.to_string().contains(says), "{text}: {err}");
        assert!(err.to_string().ends_with("Nothing was imported."), "{err}");
    }
    assert_eq!(f.dump(), before);
}

#[test]
fn a_board_whose_name_is_taken_is_refused_at_the_preview_and_at_the_import() {
    let Some(json) = trello_fixture("simple-project-board.json") else {
        return;
    };
    let mut f = Fixture::new();
    let parsed = files::read(ImportFormat::Trello, &json, "board").unwrap();
    f.ws.import_parsed(&parsed).unwrap();
    let before = f.dump();
    let err = parsed.preview(&f.ws).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert!(
        err.to_string().contains("\"Simple Project Board\" already exists"),
        "{err}"
    );
    let err = f.ws.import_parsed(&parsed).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert_eq!(f.dump(), before);
}

#[test]
fn a_minimal_board_without_done_lists_ends_in_its_last_list() {
    let json = r#"{"name": "Tiny", "lists": [{"id": "a", "name": "Ideas", "pos": 1, "closed": false},
        {"id": "b", "name": "Shipping soon", "pos": 2, "closed": false}],
        "cards": [{"id": "5e20e0dcc014133d08a75c9f", "idList": "b", "name": "One", "pos": 1, "closed": false,
                   "idMembers": ["m1", "m2"], "idMembersVoted": ["m1"], "start": "2020-01-01T00:00:00.000Z"}],
        "members": [{"id": "m1", "fullName": "Ada Lovelace"}, {"id": "m2", "fullName": "", "username": "grace"}]}"#;
    let board = trello::read(json).unwrap();
    assert_eq!(board.statuses[1].category, StatusCategory::Done);
    assert_eq!(board.people, ["Ada Lovelace", "grace"]);
    assert_eq!(board.items[0].assignee, Some(0));
    // Created at the time the card's id carries.
    assert_eq!(board.items[0].created.to_rfc3339(), "2020-01-16T22:17:00+00:00");
    assert!(board.not_kept.contains(&"1 vote.".to_string()), "{:?}", board.not_kept);
    assert!(
        board
            .not_kept
            .iter()
            .any(|n| n.starts_with("1 member beyond the first")),
        "{:?}",
        board.not_kept
    );
    assert!(
        board.not_kept.iter().any(|n| n.starts_with("1 start date")),
        "{:?}",
        board.not_kept
    );
}
