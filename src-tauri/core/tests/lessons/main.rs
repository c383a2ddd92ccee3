//! Lessons learned: add, edit, delete and the undo of each (whole tables compared), the
//! refusals (empty title, a phase that is not one, bad tags, an unknown project) with nothing
//! saved, a deleted project leaving its lessons with their name, and the close checklist
//! ticking itself from them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::lessons::{LessonInput, LessonKind};
use bridgeplan_core::lifecycle::Phase;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{ErrorCode, Id, Workspace};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

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
        .filter(|t: &String| !bridgeplan_core::search::is_index_table(t))
        .collect();
    let mut dump = Dump::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let values: Vec<rusqlite::types::Value> = (0..width).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                Ok(format!("{values:?}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        dump.insert(table, rows);
    }
    dump
}

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
}

fn fixture() -> Fixture {
    bridgeplan_core::clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lessons.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: "ERP".into(),
            methodology: Methodology::Waterfall,
            start_date: Some("2026-03-02".into()),
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

fn input(project: Id, title: &str) -> LessonInput {
    LessonInput {
        project_id: Some(project),
        title: title.into(),
        what_happened: "The vendor needed 15 days.".into(),
        impact: "Rehearsal late".into(),
        recommendation: "Ask for lead times at kick-off".into(),
        kind: Some(LessonKind::Improve),
        phase: Some("execute".into()),
        tags: vec![" vendor ".into(), "Licences".into(), "VENDOR".into()],
        recorded_by: "Dana".into(),
        recorded_on: Some("2026-11-30".into()),
    }
}

fn lessons_checklist_item(ws: &Workspace, project: Id) -> (bool, String) {
    let overview = ws.lifecycle_overview(project).unwrap();
    let close = overview.checklists.iter().find(|c| c.phase == Phase::Close).unwrap();
    let item = close.items.iter().find(|i| i.key == "lessons-learned").unwrap();
    assert!(item.auto, "the lessons item is ticked from the data");
    (item.done, item.reason.clone())
}

#[test]
fn add_edit_delete_and_undo_each() {
    let mut f = fixture();
    let before = dump(&f.path);
    let lesson =
        f.ws.add_lesson(&input(f.project, "  Licence transfer lead time "))
            .unwrap();
    assert_eq!(lesson.title, "Licence transfer lead time");
    assert_eq!(lesson.project_name, "ERP");
    assert_eq!(
        lesson.tags,
        vec!["vendor", "Licences"],
        "trimmed, duplicates (any case) dropped"
    );
    assert_eq!(lesson.phase, Some(Phase::Execute));
    assert_eq!(lesson.recorded_on.to_string(), "2026-11-30");
    let added = dump(&f.path);
    assert_eq!(added["lessons"].len(), 1);

    let mut changed = input(f.project, "Vendor lead times");
    changed.kind = Some(LessonKind::WentWell);
    changed.phase = None;
    changed.tags = vec![];
    changed.recorded_on = None;
    let edited = f.ws.update_lesson(lesson.id, &changed).unwrap();
    assert_eq!(edited.kind, LessonKind::WentWell);
    assert_eq!(edited.phase, None);
    assert!(edited.tags.is_empty());
    assert_eq!(
        edited.recorded_on,
        bridgeplan_core::clock::today(),
        "an empty day is today"
    );
    let after_edit = dump(&f.path);

    f.ws.delete_lesson(lesson.id).unwrap();
    assert!(f.ws.lessons().unwrap().is_empty());
    assert_eq!(dump(&f.path), before);

    f.ws.undo().unwrap();
    assert_eq!(
        dump(&f.path),
        after_edit,
        "undo of the delete brings the edited lesson back"
    );
    f.ws.undo().unwrap();
    assert_eq!(dump(&f.path), added, "undo of the edit restores the first text");
    f.ws.undo().unwrap();
    assert_eq!(dump(&f.path), before, "undo of the add leaves no lesson");
    f.ws.redo().unwrap();
    assert_eq!(dump(&f.path), added);
}

#[test]
fn refusals_save_nothing() {
    let mut f = fixture();
    let lesson = f.ws.add_lesson(&input(f.project, "Keep")).unwrap();
    let before = dump(&f.path);
    let refused = |ws: &mut Workspace, input: LessonInput, code: ErrorCode, part: &str| {
        let err = ws.add_lesson(&input).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.to_string().contains(part), "{err} should mention {part}");
        let err = ws.update_lesson(lesson.id, &input).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
    };
    refused(
        &mut f.ws,
        input(f.project, "   "),
        ErrorCode::InvalidInput,
        "cannot be empty",
    );
    let mut bad_phase = input(f.project, "Phase");
    bad_phase.phase = Some("closing".into());
    refused(
        &mut f.ws,
        bad_phase,
        ErrorCode::InvalidInput,
        "\"closing\" is not a phase",
    );
    for (tags, part) in [
        (vec!["ok".to_string(), "  ".to_string()], "cannot be empty"),
        (vec!["a, b".to_string()], "comma"),
        (vec!["x".repeat(41)], "too long"),
        ((0..13).map(|i| format!("t{i}")).collect(), "12 at most"),
    ] {
        let mut bad = input(f.project, "Tags");
        bad.tags = tags;
        refused(&mut f.ws, bad, ErrorCode::InvalidInput, part);
    }
    let mut bad_day = input(f.project, "Day");
    bad_day.recorded_on = Some("2026-02-30".into());
    refused(&mut f.ws, bad_day, ErrorCode::InvalidInput, "not a real date");
    let mut long = input(f.project, "Long");
    long.what_happened = "x".repeat(4001);
    refused(&mut f.ws, long, ErrorCode::InvalidInput, "too long");
    refused(&mut f.ws, input(123_456_789, "Nowhere"), ErrorCode::NotFound, "");
    assert_eq!(dump(&f.path), before, "nothing saved by any refusal");
    assert_eq!(f.ws.delete_lesson(42).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn lessons_outlive_their_project_and_list_newest_first() {
    let mut f = fixture();
    let other =
        f.ws.create_project(&ProjectInput {
            name: "Portal".into(),
            methodology: Methodology::Scrum,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    let mut old = input(other, "Older");
    old.recorded_on = Some("2026-01-05".into());
    f.ws.add_lesson(&old).unwrap();
    f.ws.add_lesson(&input(f.project, "Newer")).unwrap();
    let mut general = input(f.project, "Workspace-wide");
    general.project_id = None;
    let general = f.ws.add_lesson(&general).unwrap();
    assert_eq!(general.project_name, "");
    let titles: Vec<String> = f.ws.lessons().unwrap().into_iter().map(|l| l.title).collect();
    assert_eq!(titles, ["Workspace-wide", "Newer", "Older"]);

    f.ws.delete_project(other).unwrap();
    let older =
        f.ws.lessons()
            .unwrap()
            .into_iter()
            .find(|l| l.title == "Older")
            .unwrap();
    assert_eq!(older.project_id, None);
    assert_eq!(older.project_name, "Portal", "the name stays with the lesson");
    f.ws.undo().unwrap();
    let older =
        f.ws.lessons()
            .unwrap()
            .into_iter()
            .find(|l| l.title == "Older")
            .unwrap();
    assert_eq!(
        older.project_id,
        Some(other),
        "undo of the project's delete links it again"
    );
}

#[test]
fn close_checklist_ticks_itself_from_lessons() {
    let mut f = fixture();
    assert_eq!(
        lessons_checklist_item(&f.ws, f.project),
        (false, "No lessons recorded yet".into())
    );
    f.ws.add_lesson(&input(f.project, "One")).unwrap();
    assert_eq!(
        lessons_checklist_item(&f.ws, f.project),
        (true, "1 lesson recorded".into())
    );
    f.ws.add_lesson(&input(f.project, "Two")).unwrap();
    f.ws.add_lesson(&input(f.project, "Three")).unwrap();
    assert_eq!(
        lessons_checklist_item(&f.ws, f.project),
        (true, "3 lessons recorded".into())
    );
    let err =
        f.ws.set_checklist_tick(f.project, "lessons-learned", true, "Dana")
            .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput, "the data decides, not a hand tick");
}
