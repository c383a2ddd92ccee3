//! The lifecycle area: phase checklists (from the data and by hand), framework changes, phase
//! moves, project types as templates, and the portfolio.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::health::Rag;
use bridgeplan_core::lifecycle::templates::TemplateBody;
use bridgeplan_core::lifecycle::{Framework, Phase};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, ErrorCode, Id, Workspace};
use rusqlite::{Connection, OpenFlags};

type Dump = BTreeMap<String, Vec<String>>;

fn dump(path: &Path) -> Dump {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap()
        .into_iter()
        // The search index is derived from the rows; its pages and keys may differ after undo.
        .filter(|t| !bridgeplan_core::search::is_index_table(t))
        .collect();
    let mut out = Dump::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1")).unwrap();
        let width = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..width).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                Ok(cells.join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        out.insert(table, rows);
    }
    out
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    ws: Workspace,
}

impl Fixture {
    fn new() -> Self {
        clock::fix_for_tests();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lifecycle.bridgeplan");
        let ws = Workspace::create(&path, Some("Lifecycle")).unwrap();
        Fixture { _dir: dir, path, ws }
    }

    fn dump(&self) -> Dump {
        dump(&self.path)
    }

    /// Writes rows of other areas' tables directly, as their own edits would.
    fn sql(&self, sql: &str) {
        Connection::open(&self.path).unwrap().execute_batch(sql).unwrap();
    }
}

fn input(name: &str, methodology: Methodology) -> ProjectInput {
    ProjectInput {
        name: name.into(),
        methodology,
        start_date: Some("2026-11-02".into()),
        finish_date: None,
        description: String::new(),
    }
}

fn project(f: &mut Fixture, name: &str) -> Id {
    f.ws.create_project(&input(name, Methodology::Waterfall)).unwrap().id
}

fn item<'a>(
    overview: &'a bridgeplan_core::lifecycle::phases::LifecycleOverview,
    key: &str,
) -> &'a bridgeplan_core::lifecycle::checklist::ChecklistItem {
    overview
        .checklists
        .iter()
        .flat_map(|c| c.items.iter())
        .find(|i| i.key == key)
        .unwrap_or_else(|| panic!("no checklist item {key}"))
}

#[test]
fn a_new_project_starts_in_initiate_under_pmbok_with_every_phase_listed() {
    let mut f = Fixture::new();
    let id = project(&mut f, "ERP");
    let o = f.ws.lifecycle_overview(id).unwrap();
    assert_eq!((o.phase, o.framework), (Phase::Initiate, Framework::Pmbok));
    assert_eq!(o.checklists.len(), 5);
    assert!(o.checklists.iter().all(|c| !c.items.is_empty()));
    assert!(o.history.is_empty() && o.risks.is_empty() && o.project_type.is_none());
    // Every framework has items in every phase.
    for fw in Framework::ALL {
        f.ws.set_project_framework(id, fw).unwrap();
        let o = f.ws.lifecycle_overview(id).unwrap();
        assert_eq!(o.framework, fw);
        assert!(o.checklists.iter().all(|c| !c.items.is_empty()), "{fw:?}");
    }
}

#[test]
fn items_the_data_proves_are_ticked_with_the_reason() {
    let mut f = Fixture::new();
    let id = project(&mut f, "ERP");
    let o = f.ws.lifecycle_overview(id).unwrap();
    assert!(!item(&o, "baseline-saved").done);
    assert_eq!(item(&o, "baseline-saved").reason, "No baseline saved yet");
    assert_eq!(item(&o, "objectives-defined").reason, "No objectives defined yet");

    for title in ["Design", "Build", "Test"] {
        f.ws.create_item(
            id,
            None,
            &WorkItemInput {
                title: title.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    f.ws.save_baseline(id, "Approved plan").unwrap();
    f.sql(&format!(
        "INSERT INTO objectives(project_id, text, position, id) VALUES ({id}, 'Go live', 1, 4294967401), \
         ({id}, 'No data lost', 2, 4294967402), ({id}, 'One weekend down', 3, 4294967403);
         INSERT INTO budget_lines(project_id, category, period, amount_minor, id) VALUES \
         ({id}, 'staff', '2026-11', 20000000, 4294967411), ({id}, 'cloud', '2026-11', 11200000, 4294967412), \
         ({id}, 'software', '2026-12', 5000000, 4294967413), ({id}, 'services', '2026-12', 5000000, 4294967414);
         INSERT INTO risks(project_id, title, created_at, id) VALUES ({id}, 'Vendor late', '2026-11-02T09:00:00Z', 4294967421);
         INSERT INTO deliverables(project_id, title, acceptance, position, id) VALUES \
         ({id}, 'Runbook', 'accepted', 1, 4294967431), ({id}, 'Cut-over', 'pending', 2, 4294967432);"
    ));
    let o = f.ws.lifecycle_overview(id).unwrap();
    let baseline = item(&o, "baseline-saved");
    assert!(baseline.done && baseline.auto);
    assert_eq!(
        baseline.reason,
        "Baseline 'Approved plan' saved on 1 Dec 2026"
            .replace("1 Dec 2026", &clock::today().format("%-d %b %Y").to_string())
    );
    assert_eq!(item(&o, "objectives-defined").reason, "3 objectives defined");
    assert_eq!(item(&o, "budget-approved").reason, "Budget of €412,000 in 4 categories");
    assert_eq!(item(&o, "risk-register-started").reason, "1 risk in the register");
    assert_eq!(item(&o, "wbs-created").reason, "3 tasks in the plan");
    assert_eq!(item(&o, "work-done").reason, "0 of 3 tasks done");
    assert!(!item(&o, "work-done").done);
    let d = item(&o, "deliverables-accepted");
    assert!(!d.done);
    assert_eq!(d.reason, "1 of 2 deliverables accepted");
    f.sql("UPDATE deliverables SET acceptance = 'accepted'");
    let o = f.ws.lifecycle_overview(id).unwrap();
    assert!(item(&o, "deliverables-accepted").done);
    assert_eq!(item(&o, "deliverables-accepted").reason, "All 2 deliverables accepted");
    // An automatic item cannot be ticked by hand.
    let err = f.ws.set_checklist_tick(id, "baseline-saved", true, "Dana").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}

#[test]
fn changing_the_framework_changes_the_checklist_and_undo_restores_it() {
    let mut f = Fixture::new();
    let id = project(&mut f, "Change");
    let before = f.dump();
    f.ws.set_project_framework(id, Framework::Prince2).unwrap();
    let o = f.ws.lifecycle_overview(id).unwrap();
    let keys: Vec<&str> = o.checklists[0].items.iter().map(|i| i.key.as_str()).collect();
    assert!(keys.contains(&"business-case-approved") && keys.contains(&"project-board-appointed"));
    f.ws.set_project_framework(id, Framework::Itil).unwrap();
    let o = f.ws.lifecycle_overview(id).unwrap();
    assert!(o.checklists[0].items.iter().any(|i| i.key == "rfc-logged"));
    assert!(o.checklists[1].items.iter().any(|i| i.key == "cab-approval"));
    f.ws.set_project_framework(id, Framework::Agile).unwrap();
    let o = f.ws.lifecycle_overview(id).unwrap();
    assert!(o.checklists[1]
        .items
        .iter()
        .any(|i| i.key == "definition-of-done-agreed"));
    for _ in 0..3 {
        f.ws.undo().unwrap();
    }
    assert_eq!(f.dump(), before);
}

#[test]
fn a_manual_tick_records_who_and_when_and_undo_removes_it() {
    let mut f = Fixture::new();
    let id = project(&mut f, "Ticks");
    let before = f.dump();
    f.ws.set_checklist_tick(id, "charter-approved", true, "Dana Whitfield")
        .unwrap();
    let o = f.ws.lifecycle_overview(id).unwrap();
    let charter = item(&o, "charter-approved");
    assert!(charter.done && !charter.auto);
    assert_eq!(charter.ticked_by.as_deref(), Some("Dana Whitfield"));
    assert!(charter
        .ticked_at
        .as_deref()
        .unwrap()
        .starts_with(&clock::today().to_string()));
    assert!(
        charter.reason.starts_with("Ticked by Dana Whitfield on "),
        "{}",
        charter.reason
    );
    let after = f.dump();
    f.ws.undo().unwrap();
    assert_eq!(f.dump(), before);
    f.ws.redo().unwrap();
    assert_eq!(f.dump(), after);
    // Unticking is an edit of its own; an empty actor is "You".
    f.ws.set_checklist_tick(id, "charter-approved", false, "").unwrap();
    assert!(!item(&f.ws.lifecycle_overview(id).unwrap(), "charter-approved").done);
    f.ws.set_checklist_tick(id, "stakeholders-identified", true, "  ")
        .unwrap();
    let o = f.ws.lifecycle_overview(id).unwrap();
    assert_eq!(item(&o, "stakeholders-identified").ticked_by.as_deref(), Some("You"));
    let err = f.ws.set_checklist_tick(id, "no-such-item", true, "Dana").unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn a_phase_move_with_open_items_is_recorded_with_actor_and_time() {
    let mut f = Fixture::new();
    let id = project(&mut f, "Moves");
    f.ws.set_checklist_tick(id, "charter-approved", true, "Dana").unwrap();
    let before = f.dump();
    let moved = f.ws.move_phase(id, Phase::Plan, "Dana Whitfield").unwrap();
    assert_eq!((moved.from_phase, moved.to_phase), (Phase::Initiate, Phase::Plan));
    assert_eq!(moved.actor, "Dana Whitfield");
    assert!(moved.moved_at.starts_with(&clock::today().to_string()));
    assert_eq!(moved.open_items, vec!["Stakeholders identified", "Objectives defined"]);
    let o = f.ws.lifecycle_overview(id).unwrap();
    assert_eq!(o.phase, Phase::Plan);
    assert_eq!(o.history, vec![moved]);
    // And back again.
    f.ws.move_phase(id, Phase::Initiate, "Raj").unwrap();
    assert_eq!(f.ws.lifecycle_overview(id).unwrap().history.len(), 2);
    let err = f.ws.move_phase(id, Phase::Initiate, "Raj").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    f.ws.undo().unwrap();
    f.ws.undo().unwrap();
    assert_eq!(f.dump(), before);
}

#[test]
fn a_phase_move_on_a_read_only_file_fails_and_saves_nothing() {
    let mut f = Fixture::new();
    let id = project(&mut f, "Locked");
    let before = std::fs::read(&f.path).unwrap();
    // A second window on the same file opens it read-only.
    let mut second = Workspace::open(&f.path).unwrap();
    assert!(second.is_read_only());
    let err = second.move_phase(id, Phase::Plan, "Dana").unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly);
    let err = second
        .set_checklist_tick(id, "charter-approved", true, "Dana")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly);
    let t = second.project_templates().unwrap()[0].id;
    let err = second
        .create_project_from_template(t, &input("New", Methodology::Scrum))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::ReadOnly);
    drop(second);
    assert_eq!(std::fs::read(&f.path).unwrap(), before);
    assert_eq!(f.ws.lifecycle_overview(id).unwrap().phase, Phase::Initiate);
}

#[test]
fn every_built_in_template_creates_tasks_links_risks_and_checklist_in_one_undoable_edit() {
    let mut f = Fixture::new();
    let templates = f.ws.project_templates().unwrap();
    let names: Vec<&str> = templates.iter().map(|t| t.template.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Software development",
            "Infrastructure upgrade",
            "Data migration",
            "Cloud migration",
            "Cybersecurity",
            "Digital transformation"
        ]
    );
    for t in &templates {
        let before = f.dump();
        let name = format!("New {}", t.template.name);
        let p =
            f.ws.create_project_from_template(t.id, &input(&name, t.template.methodology))
                .unwrap();
        let o = f.ws.lifecycle_overview(p.id).unwrap();
        assert_eq!((o.phase, o.framework), (t.template.phase, t.template.framework));
        assert_eq!(o.project_type.as_ref().unwrap().name, t.template.name);
        assert_eq!(o.risks.len(), t.template.risks.len());
        for extra in &t.template.checklist {
            let phase = o.checklists.iter().find(|c| c.phase == extra.phase).unwrap();
            let found = phase.items.iter().find(|i| i.title == extra.title).unwrap();
            assert!(found.key.starts_with("extra-") && !found.auto);
        }
        let schedule = f.ws.project_schedule(p.id).unwrap();
        assert_eq!(schedule.tasks.len(), t.template.tasks.len());
        let links: usize = t.template.tasks.iter().map(|t| t.after.len()).sum();
        assert!(links > 0);
        assert_eq!(schedule.links.len(), links);
        for (task, planned) in schedule.tasks.iter().zip(&t.template.tasks) {
            assert_eq!(task.name, planned.title);
            assert_eq!(task.duration_minutes, planned.duration_minutes);
        }
        // A chain: each task starts when the one before it finishes.
        for pair in schedule.tasks.windows(2) {
            assert!(
                pair[1].start >= pair[0].finish,
                "{} before {}",
                pair[1].name,
                pair[0].name
            );
        }
        assert!(schedule.finish > schedule.start);
        // An extra item ticks like any other.
        let extra = o
            .checklists
            .iter()
            .flat_map(|c| &c.items)
            .find(|i| i.key.starts_with("extra-"))
            .unwrap();
        f.ws.set_checklist_tick(p.id, &extra.key, true, "Dana").unwrap();
        f.ws.undo().unwrap();
        // One undo takes the whole project away.
        f.ws.undo().unwrap();
        assert_eq!(f.dump(), before, "{}", t.template.name);
    }
}

#[test]
fn templates_round_trip_as_json_and_bad_files_change_nothing() {
    let mut f = Fixture::new();
    let json = f.ws.export_project_templates().unwrap();
    let exported = f.ws.project_templates().unwrap();
    // The same names are refused as duplicates …
    let before = f.dump();
    let err = f.ws.import_project_templates(&json).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(f.dump(), before);
    // … and come back whole into a workspace without them.
    for t in &exported {
        f.ws.delete_project_template(t.id).unwrap();
    }
    assert!(f.ws.project_templates().unwrap().is_empty());
    assert_eq!(f.ws.import_project_templates(&json).unwrap(), 6);
    let again: Vec<TemplateBody> =
        f.ws.project_templates()
            .unwrap()
            .into_iter()
            .map(|t| t.template)
            .collect();
    let exported: Vec<TemplateBody> = exported.into_iter().map(|t| t.template).collect();
    assert_eq!(again, exported);

    let before = f.dump();
    let bad = [
        (json.replace("\"version\": 1", "\"version\": 7"), "version 7"),
        (json.replace("\"format\": \"bridgeplan-project-templates\"", "\"format\": \"other\""), "format"),
        (json.replacen("\"methodology\": \"scrum\",", "", 1), "methodology"),
        ("{ not json".to_string(), "line 1"),
        (
            r#"{"format":"bridgeplan-project-templates","version":1,"templates":[
               {"key":"a","name":"Same","methodology":"scrum","framework":"agile","phase":"plan","tasks":[],"risks":[],"checklist":[]},
               {"key":"b","name":"same","methodology":"scrum","framework":"agile","phase":"plan","tasks":[],"risks":[],"checklist":[]}]}"#
                .to_string(),
            "already exists",
        ),
        (
            r#"{"format":"bridgeplan-project-templates","version":1,"templates":[
               {"key":"a","name":"Loop","methodology":"scrum","framework":"agile","phase":"plan",
                "tasks":[{"title":"One","duration_minutes":480,"after":["Two"]},{"title":"Two","duration_minutes":480}],
                "risks":[],"checklist":[]}]}"#
                .to_string(),
            "not an earlier task",
        ),
        (
            r#"{"format":"bridgeplan-project-templates","version":1,"templates":[
               {"key":"a","name":"Risky","methodology":"scrum","framework":"agile","phase":"plan","tasks":[],
                "risks":[{"title":"Big","category":"x","probability":9,"impact":1}],"checklist":[]}]}"#
                .to_string(),
            "1 to 5",
        ),
    ];
    for (text, says) in bad {
        let err = f.ws.import_project_templates(&text).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{says}");
        assert!(err.to_string().contains(says), "{err} should say {says}");
    }
    assert_eq!(f.dump(), before);
}

#[test]
fn templates_are_renamed_edited_duplicated_and_deleted_with_undo() {
    let mut f = Fixture::new();
    let t = f.ws.project_templates().unwrap().remove(0);
    let before = f.dump();
    let mut body = t.template.clone();
    body.name = "Product build".into();
    body.tasks.push(bridgeplan_core::lifecycle::templates::TemplateTask {
        title: "Hypercare".into(),
        duration_minutes: 960,
        after: vec!["Release to production".into()],
    });
    let edited = f.ws.update_project_template(t.id, &body).unwrap();
    assert_eq!(edited.template.name, "Product build");
    assert_eq!(edited.template.key, t.template.key);
    assert_eq!(edited.template.tasks.len(), t.template.tasks.len() + 1);
    let copy = f.ws.duplicate_project_template(t.id).unwrap();
    assert_eq!(copy.template.name, "Product build (copy)");
    assert_ne!(copy.template.key, t.template.key);
    // A name another template has is refused.
    let mut clash = copy.template.clone();
    clash.name = "cloud migration".into();
    let err = f.ws.update_project_template(copy.id, &clash).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    f.ws.delete_project_template(copy.id).unwrap();
    for _ in 0..3 {
        f.ws.undo().unwrap();
    }
    assert_eq!(f.dump(), before);
}

#[test]
fn the_portfolio_lists_dates_money_owner_and_health() {
    let mut f = Fixture::new();
    let today = clock::today();
    let t = f.ws.project_templates().unwrap();
    let infra = t.iter().find(|t| t.template.key == "infrastructure-upgrade").unwrap();
    let p =
        f.ws.create_project_from_template(
            infra.id,
            &ProjectInput {
                start_date: Some(today.to_string()),
                ..input("Network", Methodology::Waterfall)
            },
        )
        .unwrap();
    f.ws.set_project_manager(p.id, Some("Raj Patel")).unwrap();
    let empty = project(&mut f, "Empty");
    let raj: Id = Connection::open(&f.path)
        .unwrap()
        .query_row("SELECT id FROM people WHERE name = 'Raj Patel'", [], |r| r.get(0))
        .unwrap();
    let task: Id = Connection::open(&f.path)
        .unwrap()
        .query_row("SELECT id FROM work_items WHERE project_id = ?1 LIMIT 1", [p.id], |r| {
            r.get(0)
        })
        .unwrap();
    f.sql(&format!(
        "UPDATE people SET cost_rate_minor = 9000 WHERE id = {raj};
         INSERT INTO budget_lines(project_id, category, period, amount_minor, id) VALUES ({pid}, 'hardware', '2026-12', 5000000, 4294967501);
         INSERT INTO cost_entries(project_id, category, day, amount_minor, created_at, id) VALUES ({pid}, 'hardware', '{today}', 120000, '{today}T09:00:00Z', 4294967502);
         INSERT INTO time_entries(item_id, person_id, day, minutes, created_at, id) VALUES ({task}, {raj}, '{today}', 90, '{today}T09:00:00Z', 4294967503);",
        pid = p.id
    ));
    let portfolio = f.ws.portfolio().unwrap();
    assert_eq!(portfolio.currency, "EUR");
    let row = portfolio.rows.iter().find(|r| r.project_id == p.id).unwrap();
    assert_eq!(row.owner.as_deref(), Some("Raj Patel"));
    assert_eq!(row.budget_minor, 5_000_000);
    // €1,200 spent + 1.5 h × €90.
    assert_eq!(row.actual_minor, 120_000 + 13_500);
    assert_eq!(row.forecast_minor, None);
    assert!(row.start.unwrap() >= today);
    assert!(row.finish.unwrap() > row.start.unwrap());
    // The core's health rule: the template's two high risks make it amber, with the reason.
    assert_eq!(row.health.rag, Rag::Amber, "{}", row.health.reason);
    assert!(row.health.reason.contains("→ risk amber"), "{}", row.health.reason);
    let empty = portfolio.rows.iter().find(|r| r.project_id == empty).unwrap();
    assert_eq!(empty.health.rag, Rag::Green, "{}", empty.health.reason);
    assert!(
        empty.health.reason.contains("not enough data for schedule"),
        "{}",
        empty.health.reason
    );
    assert_eq!(empty.start.map(|d| d.to_string()).as_deref(), Some("2026-11-02"));
    assert_eq!((empty.budget_minor, empty.actual_minor), (0, 0));
}
