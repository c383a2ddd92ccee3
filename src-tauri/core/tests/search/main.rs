//! Full-text search: the index filled by the migration, kept in step by the triggers after
//! every insert, update and delete and after undo and redo of each, queries that user
//! punctuation cannot break, ranking, grouping and the empty query.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::search::{fts_query, SearchKind, SearchResults};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, Id, Workspace};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
}

fn fixture() -> Fixture {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: "ERP Cloud Migration".into(),
            methodology: Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    Fixture {
        _dir: dir,
        path,
        ws,
        project,
    }
}

fn item(title: &str, description: &str, tags: &[&str]) -> WorkItemInput {
    WorkItemInput {
        title: title.into(),
        description: description.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..Default::default()
    }
}

/// The index's entries as (kind, ref_id, project_id, title, body), sorted.
fn index(path: &Path) -> Vec<(String, Id, Option<Id>, String, String)> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut rows: Vec<_> = conn
        .prepare("SELECT kind, ref_id, project_id, title, body FROM search_index")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.sort();
    rows
}

/// FTS5's own check that the index agrees with the text it holds.
fn assert_index_sound(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')", [])
        .unwrap();
    // Every entry has its key and every key its entry, the entry's rowid telling its kind.
    let orphans: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM search_index s \
                     WHERE NOT EXISTS (SELECT 1 FROM search_index_keys k \
                                       WHERE k.seq * 16 + k.key % 16 = s.rowid AND k.key = s.ref_id * 16 + s.rowid % 16)) \
                  + (SELECT count(*) FROM search_index_keys k \
                     WHERE NOT EXISTS (SELECT 1 FROM search_index s WHERE s.rowid = k.seq * 16 + k.key % 16))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
}

/// The ids found for `query`, by kind.
fn found(results: &SearchResults) -> BTreeMap<SearchKind, Vec<Id>> {
    results
        .groups
        .iter()
        .map(|g| (g.kind, g.hits.iter().map(|h| h.id).collect()))
        .collect()
}

fn item_ids(ws: &Workspace, query: &str) -> Vec<Id> {
    found(&ws.search(query, 20).unwrap())
        .remove(&SearchKind::Item)
        .unwrap_or_default()
}

#[test]
fn the_bundled_sqlite_has_fts5() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(a); INSERT INTO t VALUES ('hello world');")
        .unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM t WHERE t MATCH 'hello'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn an_item_is_found_after_insert_update_and_delete_and_after_undo_and_redo_of_each() {
    let mut f = fixture();
    let empty = index(&f.path);

    let a =
        f.ws.create_item(
            f.project,
            None,
            &item("Migrate invoices", "Move the ledger", &["finance"]),
        )
        .unwrap();
    let after_insert = index(&f.path);
    assert_eq!(after_insert.len(), empty.len() + 1);
    assert_eq!(item_ids(&f.ws, "invoices"), [a.id]);
    assert_eq!(item_ids(&f.ws, "ledger"), [a.id]);
    assert_eq!(item_ids(&f.ws, "finance"), [a.id], "tags are indexed");

    f.ws.undo().unwrap();
    assert_eq!(index(&f.path), empty);
    assert!(item_ids(&f.ws, "invoices").is_empty());
    f.ws.redo().unwrap();
    assert_eq!(index(&f.path), after_insert);
    assert_eq!(item_ids(&f.ws, "invoices"), [a.id]);

    f.ws.update_item(a.id, &item("Migrate payroll", "Move the ledger", &["hr"]))
        .unwrap();
    let after_update = index(&f.path);
    assert!(item_ids(&f.ws, "invoices").is_empty());
    assert!(item_ids(&f.ws, "finance").is_empty());
    assert_eq!(item_ids(&f.ws, "payroll"), [a.id]);
    f.ws.undo().unwrap();
    assert_eq!(index(&f.path), after_insert);
    assert_eq!(item_ids(&f.ws, "invoices"), [a.id]);
    assert!(item_ids(&f.ws, "payroll").is_empty());
    f.ws.redo().unwrap();
    assert_eq!(index(&f.path), after_update);

    f.ws.delete_item(a.id).unwrap();
    assert_eq!(index(&f.path), empty);
    assert!(item_ids(&f.ws, "payroll").is_empty());
    f.ws.undo().unwrap();
    assert_eq!(index(&f.path), after_update);
    assert_eq!(item_ids(&f.ws, "payroll"), [a.id]);
    f.ws.redo().unwrap();
    assert_eq!(index(&f.path), empty);
    assert_index_sound(&f.path);
}

#[test]
fn moving_an_item_on_the_board_does_not_touch_the_index_and_deleting_a_project_clears_its_entries() {
    let mut f = fixture();
    let a = f.ws.create_item(f.project, None, &item("Cut over", "", &[])).unwrap();
    let b = f.ws.create_item(f.project, None, &item("Cut back", "", &[])).unwrap();
    let before = index(&f.path);
    let statuses = f.ws.board(f.project).unwrap().columns;
    f.ws.move_item(a.id, statuses[1].status.id, 0).unwrap();
    assert_eq!(index(&f.path), before);

    f.ws.delete_project(f.project).unwrap();
    assert!(index(&f.path).is_empty());
    f.ws.undo().unwrap();
    assert_eq!(index(&f.path), before);
    let mut ids = item_ids(&f.ws, "cut");
    ids.sort();
    let mut expected = vec![a.id, b.id];
    expected.sort();
    assert_eq!(ids, expected);
    assert_index_sound(&f.path);
}

/// Rows of the other areas, written with SQL as their modules would: the triggers index them.
fn add_control_room_rows(path: &Path, project: Id) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO risks(id, project_id, title, cause, event, effect, response_plan, created_at) \
           VALUES (101, {project}, 'Vendor lock-in', 'Single cloud vendor', 'Price rise', 'Budget overrun', \
                   'Negotiate an exit clause', '2026-12-01');
         INSERT INTO raid_issues(id, project_id, title, description, raised_on, created_at) \
           VALUES (102, {project}, 'Test server down', 'The staging box crashed', '2026-12-01', '2026-12-01');
         INSERT INTO assumptions(id, project_id, title, description, created_at) \
           VALUES (103, {project}, 'Licences stay', 'Current licences carry over', '2026-12-01');
         INSERT INTO external_dependencies(id, project_id, title, provider, created_at) \
           VALUES (104, {project}, 'Firewall rules', 'Hosting partner', '2026-12-01');
         INSERT INTO meetings(id, project_id, title, day, agenda, notes, created_at) \
           VALUES (105, {project}, 'Steering committee', '2026-12-03', 'Go-live date', '', '2026-12-01');
         INSERT INTO meeting_decisions(id, meeting_id, text) VALUES (106, 105, 'Freeze the chart of accounts');
         INSERT INTO stakeholders(id, project_id, name, organisation, role, created_at) \
           VALUES (107, {project}, 'Ingrid Olsen', 'Finance', 'Controller', '2026-12-01');
         INSERT INTO lessons(id, project_id, project_name, title, what_happened, tags, recorded_on, created_at) \
           VALUES (108, {project}, 'ERP Cloud Migration', 'Rehearse the cutover', 'Data load ran late', \
                   '[\"migration\"]', '2026-12-01', '2026-12-01');
         INSERT INTO services(id, name, description, created_at) \
           VALUES (109, 'Virtual private network', 'Remote access for depots', '2026-12-01');
         INSERT INTO incidents(id, service_id, title, description, started_at, project_id, created_at) \
           VALUES (110, 109, 'Tunnel drops', 'Depot Hamburg offline', '2026-12-01T08:00:00Z', {project}, '2026-12-01');"
    ))
    .unwrap();
}

#[test]
fn every_indexed_kind_is_found_and_kept_in_step_by_its_triggers() {
    let f = fixture();
    let project = f.project;
    let path = f.path.clone();
    f.ws.close().unwrap();
    add_control_room_rows(&path, project);
    let ws = Workspace::open(&path).unwrap();
    let expect = [
        ("exit clause", SearchKind::Risk, 101),
        ("staging", SearchKind::Issue, 102),
        ("licences", SearchKind::Assumption, 103),
        ("hosting partner", SearchKind::Dependency, 104),
        ("go-live", SearchKind::Meeting, 105),
        ("chart accounts", SearchKind::Meeting, 105),
        ("ingrid", SearchKind::Stakeholder, 107),
        ("controller", SearchKind::Stakeholder, 107),
        ("rehearse", SearchKind::Lesson, 108),
        ("migration", SearchKind::Lesson, 108),
        ("depots", SearchKind::Service, 109),
        ("hamburg", SearchKind::Incident, 110),
    ];
    for (query, kind, id) in expect {
        let results = ws.search(query, 10).unwrap();
        assert_eq!(found(&results).get(&kind), Some(&vec![id]), "{query}: {results:?}");
    }
    let incident = ws.search("tunnel", 10).unwrap();
    let hit = &incident.groups[0].hits[0];
    assert_eq!(hit.project_name.as_deref(), Some("ERP Cloud Migration"));
    assert_eq!(hit.detail, "Virtual private network · severity 3");
    let service = ws.search("virtual", 10).unwrap();
    assert_eq!(service.groups[0].hits[0].project_id, None);
    ws.close().unwrap();

    // Updates and deletes, of the row and of a meeting's decisions.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "UPDATE risks SET response_plan = 'Keep data portable' WHERE id = 101;
         UPDATE meeting_decisions SET text = 'Approve the budget' WHERE id = 106;
         UPDATE stakeholders SET name = 'Ingrid Berg' WHERE id = 107;
         DELETE FROM incidents WHERE id = 110;
         UPDATE projects SET name = 'ERP Move' WHERE id = (SELECT project_id FROM risks WHERE id = 101);",
    )
    .unwrap();
    drop(conn);
    let ws = Workspace::open(&path).unwrap();
    let ids = |q: &str| found(&ws.search(q, 10).unwrap());
    assert!(ids("exit clause").is_empty());
    assert_eq!(ids("portable").get(&SearchKind::Risk), Some(&vec![101]));
    assert!(ids("chart accounts").is_empty());
    assert_eq!(ids("approve budget").get(&SearchKind::Meeting), Some(&vec![105]));
    assert_eq!(ids("berg").get(&SearchKind::Stakeholder), Some(&vec![107]));
    assert!(ids("olsen").is_empty());
    assert!(ids("hamburg").is_empty());
    // The project's name is read at search time, so a rename shows at once.
    let risk = ws.search("portable", 10).unwrap();
    assert_eq!(risk.groups[0].hits[0].project_name.as_deref(), Some("ERP Move"));
    ws.close().unwrap();

    // A meeting deleted with its decisions leaves no entry; a decision deleted alone updates it.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO meeting_decisions(id, meeting_id, text) VALUES (111, 105, 'Hire a tester');
         DELETE FROM meeting_decisions WHERE id = 106;",
    )
    .unwrap();
    drop(conn);
    let ws = Workspace::open(&path).unwrap();
    assert!(found(&ws.search("approve", 10).unwrap()).is_empty());
    assert_eq!(
        found(&ws.search("tester", 10).unwrap()).get(&SearchKind::Meeting),
        Some(&vec![105])
    );
    ws.close().unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.execute("PRAGMA foreign_keys = ON", []).unwrap();
    conn.execute("DELETE FROM meetings WHERE id = 105", []).unwrap();
    drop(conn);
    assert!(index(&path).iter().all(|e| e.0 != "meeting"));
    assert_index_sound(&path);
}

#[test]
fn the_migration_indexes_the_rows_a_file_already_has() {
    let mut f = fixture();
    let a =
        f.ws.create_item(f.project, None, &item("Archive old tickets", "", &[]))
            .unwrap();
    let path = f.path.clone();
    let full = index(&path);
    f.ws.close().unwrap();
    add_control_room_rows(&path, f.project);
    let full_with_rows = {
        let ws = Workspace::open(&path).unwrap();
        ws.close().unwrap();
        index(&path)
    };
    assert!(full_with_rows.len() > full.len());
    // Make it a schema 11 file again: no index, no triggers.
    let conn = Connection::open(&path).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(triggers.len(), 33);
    for t in triggers {
        conn.execute(&format!("DROP TRIGGER {t}"), []).unwrap();
    }
    conn.execute_batch("DROP TABLE search_index; DROP TABLE search_index_keys; PRAGMA user_version = 11;")
        .unwrap();
    drop(conn);

    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.info().schema_version, 12);
    assert_eq!(item_ids(&ws, "archive"), [a.id]);
    ws.close().unwrap();
    assert_eq!(index(&path), full_with_rows);
    assert_index_sound(&path);
}

#[test]
fn punctuation_and_fts_syntax_in_the_query_are_only_text() {
    let mut f = fixture();
    let a =
        f.ws.create_item(f.project, None, &item("E-mail relay: switch \"SMTP\" host", "", &[]))
            .unwrap();
    for query in [
        "\"",
        "*",
        "-",
        ":",
        "e-mail",
        "\"smtp",
        "smtp\"",
        "relay:",
        "title:relay",
        "NEAR(relay host)",
        "relay AND",
        "relay OR NOT host",
        "(relay",
        "host)",
        "^relay",
        "relay*",
        "' OR 1=1 --",
        "{relay}",
        "ré́lay",
    ] {
        let results = f.ws.search(query, 10);
        assert!(results.is_ok(), "{query}: {results:?}");
    }
    for query in ["e-mail", "\"smtp\"", "relay:", "e mail", "RELAY", "sw", "host)"] {
        assert_eq!(item_ids(&f.ws, query), [a.id], "{query}");
    }
    // Diacritics are folded both ways.
    let b =
        f.ws.create_item(f.project, None, &item("Łódź depot Wi-Fi", "Café network", &[]))
            .unwrap();
    assert_eq!(item_ids(&f.ws, "cafe"), [b.id]);
    assert_eq!(item_ids(&f.ws, "łodz"), [b.id]);
    // Ł is a letter of its own in Unicode, not an L with a mark, so it is not folded.
    assert!(item_ids(&f.ws, "lodz").is_empty());
    assert_eq!(item_ids(&f.ws, "Łódź"), [b.id]);
    assert_eq!(fts_query("a \"b"), Some("\"a\" \"\"\"b\"*".into()));
}

#[test]
fn an_empty_query_finds_nothing() {
    let mut f = fixture();
    f.ws.create_item(f.project, None, &item("Anything", "", &[])).unwrap();
    for query in ["", "   ", "\t\n", "--- ***"] {
        let results = f.ws.search(query, 10).unwrap();
        assert_eq!(results.total, 0, "{query}");
        assert!(results.groups.is_empty());
    }
}

#[test]
fn the_last_word_is_a_prefix_and_every_word_must_match() {
    let mut f = fixture();
    let a =
        f.ws.create_item(f.project, None, &item("Configure backup schedule", "", &[]))
            .unwrap();
    let b =
        f.ws.create_item(f.project, None, &item("Backup restore test", "", &[]))
            .unwrap();
    assert_eq!(item_ids(&f.ws, "configure back"), [a.id]);
    let mut both = item_ids(&f.ws, "backu");
    both.sort();
    let mut expected = vec![a.id, b.id];
    expected.sort();
    assert_eq!(both, expected);
    assert!(
        item_ids(&f.ws, "back configure").is_empty(),
        "only the last word is a prefix"
    );
    assert_eq!(item_ids(&f.ws, "schedule configure"), [a.id], "any order");
}

#[test]
fn a_title_match_ranks_above_a_match_in_the_text_and_hits_are_marked() {
    let mut f = fixture();
    let body =
        f.ws.create_item(
            f.project,
            None,
            &item(
                "Review contracts",
                "Before signing, check the firewall clauses with the vendor's lawyers.",
                &[],
            ),
        )
        .unwrap();
    let title =
        f.ws.create_item(f.project, None, &item("Firewall upgrade", "", &[]))
            .unwrap();
    assert_eq!(item_ids(&f.ws, "firewall"), [title.id, body.id]);

    let results = f.ws.search("firewall", 10).unwrap();
    let hits = &results.groups[0].hits;
    assert!(hits[0].title.iter().any(|p| p.hit && p.text == "Firewall"), "{hits:?}");
    assert!(hits[1].title.iter().all(|p| !p.hit));
    assert!(
        hits[1].snippet.iter().any(|p| p.hit && p.text == "firewall"),
        "{hits:?}"
    );
    assert_eq!(hits[0].detail, "Backlog", "{hits:?}");
    assert_eq!(hits[0].project_name.as_deref(), Some("ERP Cloud Migration"));
}

#[test]
fn hits_are_grouped_by_kind_with_counts_and_limited_per_kind() {
    let mut f = fixture();
    for n in 0..7 {
        f.ws.create_item(f.project, None, &item(&format!("Rollout wave {n}"), "", &[]))
            .unwrap();
    }
    let project = f.project;
    let path = f.path.clone();
    f.ws.close().unwrap();
    add_control_room_rows(&path, project);
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE risks SET effect = 'Rollout delayed' WHERE id = 101", [])
        .unwrap();
    conn.execute(
        "UPDATE services SET description = 'Rollout to depots' WHERE id = 109",
        [],
    )
    .unwrap();
    drop(conn);
    let ws = Workspace::open(&path).unwrap();
    let results = ws.search("rollout", 3).unwrap();
    let groups: Vec<(SearchKind, usize, usize)> =
        results.groups.iter().map(|g| (g.kind, g.count, g.hits.len())).collect();
    assert_eq!(
        groups,
        [
            (SearchKind::Item, 7, 3),
            (SearchKind::Risk, 1, 1),
            (SearchKind::Service, 1, 1)
        ]
    );
    assert_eq!(results.total, 9);
    assert_eq!(results.groups[0].label, "Work items");
    assert_eq!(ws.search("rollout", 0).unwrap().groups[0].hits.len(), 1);
}

#[test]
fn a_read_only_workspace_can_be_searched() {
    let mut f = fixture();
    let a =
        f.ws.create_item(f.project, None, &item("Patch Tuesday", "", &[]))
            .unwrap();
    // A second open of a file open for writing is read-only.
    let ws = Workspace::open(&f.path).unwrap();
    assert!(ws.is_read_only());
    assert_eq!(item_ids(&ws, "patch"), [a.id]);
}

#[test]
fn a_saved_copy_keeps_the_index_and_the_check_passes() {
    let mut f = fixture();
    let a =
        f.ws.create_item(f.project, None, &item("Renew certificates", "", &[]))
            .unwrap();
    let copy = f.path.with_file_name("copy.bridgeplan");
    f.ws.save_copy(&copy).unwrap();
    let report = bridgeplan_core::workspace::check::check_file(&copy).unwrap();
    assert_eq!(report.schema_version, 12);
    let ws = Workspace::open(&copy).unwrap();
    assert_eq!(item_ids(&ws, "certificates"), [a.id]);
}

#[test]
fn items_inserted_in_bulk_are_indexed_before_the_edit_commits() {
    let mut f = fixture();
    let before = index(&f.path);
    let board = bridgeplan_core::demo::add_load_test_project(&mut f.ws, 40).unwrap();
    let plan = bridgeplan_core::demo::add_load_test_plan(&mut f.ws, 30).unwrap();
    assert_index_sound(&f.path);
    let results = f.ws.search("generated", 50).unwrap();
    let items = &results.groups[0];
    assert_eq!((items.kind, items.count), (SearchKind::Item, 40), "{results:?}");
    assert!(items.hits.iter().all(|h| h.project_id == Some(board)));
    let tasks =
        f.ws.board(plan)
            .unwrap()
            .columns
            .iter()
            .map(|c| c.items.len())
            .sum::<usize>();
    assert_eq!(index(&f.path).len(), before.len() + 40 + tasks);
    // An ordinary edit after a bulk one is indexed one by one again.
    let a = f.ws.create_item(f.project, None, &item("Afterwards", "", &[])).unwrap();
    assert_eq!(item_ids(&f.ws, "afterwards"), [a.id]);
    f.ws.undo().unwrap();
    assert!(item_ids(&f.ws, "afterwards").is_empty());
    assert_eq!(index(&f.path).iter().filter(|e| e.2 == Some(plan)).count(), tasks);
    assert_index_sound(&f.path);
}

#[test]
fn a_kind_with_very_many_matches_ranks_its_newest_and_its_title_matches() {
    use bridgeplan_core::search::RANKED_IN_FULL;
    let f = fixture();
    let status = f.ws.statuses(f.project).unwrap()[0].id;
    let project = f.project;
    let path = f.path.clone();
    f.ws.close().unwrap();
    let mut conn = Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    bridgeplan_core::search::pause_items(&tx).unwrap();
    let extra = RANKED_IN_FULL as i64 + 200;
    let insert = |id: i64, title: &str, description: &str| {
        tx.execute(
            "INSERT INTO work_items(id, project_id, status_id, rank, item_type, title, description, tags, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?1, 'task', ?4, ?5, '[]', '2026-12-01', '2026-12-01')",
            rusqlite::params![id, project, status, title, description],
        )
        .unwrap();
    };
    // The oldest rows: one with the word in its title, one with it only in its text.
    insert(1_000_000, "Firewall change freeze", "Agreed with the board.");
    insert(1_000_001, "Quarterly review", "Mind the firewall change window.");
    for n in 0..extra {
        insert(
            1_000_002 + n,
            &format!("Routine task {n}"),
            "Firewall logs read during the weekly check of the estate.",
        );
    }
    bridgeplan_core::search::index_new_items(&tx).unwrap();
    tx.commit().unwrap();
    drop(conn);
    let ws = Workspace::open(&path).unwrap();
    let results = ws.search("firewall", 5).unwrap();
    let items = &results.groups[0];
    // The count is exact; the old title match still comes first though it is not among the
    // newest matches; the old match in the text only is not ranked.
    assert_eq!(items.count, extra as usize + 2);
    assert_eq!(items.hits.len(), 5);
    assert_eq!(items.hits[0].id, 1_000_000);
    assert!(items.hits.iter().all(|h| h.id != 1_000_001));
    // Below the threshold every match is ranked: the text-only match is found.
    let few = ws.search("firewall change", 5).unwrap();
    assert_eq!(found(&few)[&SearchKind::Item], [1_000_000, 1_000_001]);
}
