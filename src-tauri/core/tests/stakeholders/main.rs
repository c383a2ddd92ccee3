//! Stakeholders: the register and grid moves, the communication plan and its due rule (in one
//! project and across all), and the RACI matrix with its one-Accountable rule. Every edit is
//! undone and the whole file compared; every refusal leaves the file as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::lifecycle::Phase;
use bridgeplan_core::scope::DeliverableInput;
use bridgeplan_core::stakeholders::communications::{communications_due, next_due, CommunicationInput, Frequency};
use bridgeplan_core::stakeholders::raci::{RaciMode, RaciParty, RaciRole, RaciTarget};
use bridgeplan_core::stakeholders::{Attitude, ProjectStakeholders, Quadrant, StakeholderInput};
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, CoreError, ErrorCode, Id, Workspace};
use chrono::NaiveDate;
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

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-12-02";

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
    other: Id,
    deliverable: Id,
    ana: Id,
    ben: Id,
}

fn new_project(ws: &mut Workspace, name: &str) -> Id {
    ws.create_project(&ProjectInput {
        name: name.into(),
        methodology: Methodology::Waterfall,
        start_date: Some("2026-11-02".into()),
        finish_date: None,
        description: String::new(),
    })
    .unwrap()
    .id
}

fn fixture() -> Fixture {
    clock::set_today(Some(day(TODAY)));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stakeholders.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = new_project(&mut ws, "ERP");
    let other = new_project(&mut ws, "Portal");
    let deliverable = ws
        .add_deliverable(
            project,
            &DeliverableInput {
                title: "Cutover runbook".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .deliverables[0]
        .id;
    let ana = ws.add_person("Ana Silva", "Architect").unwrap().id;
    let ben = ws.add_person("Ben Okoro", "DBA").unwrap().id;
    Fixture {
        _dir: dir,
        path,
        ws,
        project,
        other,
        deliverable,
        ana,
        ben,
    }
}

impl Fixture {
    /// Runs `edit`, checks it changed the file, that undo restores every table and redo brings it back.
    fn undoable<T>(&mut self, what: &str, edit: impl FnOnce(&mut Workspace) -> T) -> T {
        let before = dump(&self.path);
        let value = edit(&mut self.ws);
        let after = dump(&self.path);
        assert_ne!(before, after, "{what} changed nothing");
        self.ws.undo().unwrap().expect("an undo step");
        assert_eq!(dump(&self.path), before, "undo of {what} restores the file");
        self.ws.redo().unwrap().expect("a redo step");
        assert_eq!(dump(&self.path), after, "redo of {what}");
        value
    }

    /// Runs `edit`, which must fail with `code`, and checks nothing changed. Returns the message.
    fn refused<T: std::fmt::Debug>(
        &mut self,
        code: ErrorCode,
        edit: impl FnOnce(&mut Workspace) -> Result<T, CoreError>,
    ) -> String {
        let before = dump(&self.path);
        let undo_before = self.ws.history_state().undo_label;
        let err = edit(&mut self.ws).expect_err("refused");
        assert_eq!(err.code(), code, "{err}");
        assert_eq!(dump(&self.path), before, "a refusal saves nothing: {err}");
        assert_eq!(self.ws.history_state().undo_label, undo_before);
        err.to_string()
    }

    fn add(&mut self, name: &str, power: i64, interest: i64) -> Id {
        let all = self
            .ws
            .add_stakeholder(
                self.project,
                &StakeholderInput {
                    power,
                    interest,
                    ..StakeholderInput::named(name)
                },
            )
            .unwrap();
        all.stakeholders.iter().find(|s| s.name == name).unwrap().id
    }
}

fn named<'a>(all: &'a ProjectStakeholders, name: &str) -> &'a bridgeplan_core::stakeholders::Stakeholder {
    all.stakeholders.iter().find(|s| s.name == name).unwrap()
}

#[test]
fn a_stakeholder_is_added_edited_moved_and_deleted_each_undoably() {
    let mut f = fixture();
    let project = f.project;
    let ana = f.ana;
    let all = f.undoable("add", |ws| {
        ws.add_stakeholder(
            project,
            &StakeholderInput {
                organisation: "Finance".into(),
                role: "CFO".into(),
                contact: "claire@example.com".into(),
                power: 9,
                interest: 8,
                current_attitude: Attitude::Neutral,
                desired_attitude: Attitude::Leading,
                person_id: Some(ana),
                notes: "Sponsor".into(),
                ..StakeholderInput::named("  Claire Dubois ")
            },
        )
        .unwrap()
    });
    let claire = named(&all, "Claire Dubois");
    assert_eq!((claire.power, claire.interest), (9, 8));
    assert_eq!(claire.quadrant, Quadrant::ManageClosely);
    assert_eq!(claire.attitude_gap, 2, "neutral → leading is two steps");
    assert_eq!(claire.person_name.as_deref(), Some("Ana Silva"));
    let id = claire.id;
    let all = f.undoable("edit", |ws| {
        ws.update_stakeholder(
            id,
            &StakeholderInput {
                power: 3,
                interest: 2,
                current_attitude: Attitude::Leading,
                desired_attitude: Attitude::Supportive,
                ..StakeholderInput::named("Claire D.")
            },
        )
        .unwrap()
    });
    let claire = named(&all, "Claire D.");
    assert_eq!(claire.quadrant, Quadrant::Monitor);
    assert_eq!(claire.attitude_gap, -1);
    assert_eq!(claire.person_id, None);
    let all = f.undoable("move", |ws| ws.move_stakeholder(id, 8, 4).unwrap());
    assert_eq!(named(&all, "Claire D.").quadrant, Quadrant::KeepSatisfied);
    assert_eq!(
        f.ws.history_state().undo_label.as_deref(),
        Some("Move \"Claire D.\" to keep satisfied (power 8, interest 4)")
    );
    let all = f.undoable("move", |ws| ws.move_stakeholder(id, 2, 10).unwrap());
    assert_eq!(named(&all, "Claire D.").quadrant, Quadrant::KeepInformed);
    let all = f.undoable("delete", |ws| ws.delete_stakeholder(id).unwrap());
    assert!(all.stakeholders.is_empty());
}

#[test]
fn the_quadrants_split_at_six() {
    assert_eq!(Quadrant::of(6, 6), Quadrant::ManageClosely);
    assert_eq!(Quadrant::of(5, 6), Quadrant::KeepInformed);
    assert_eq!(Quadrant::of(6, 5), Quadrant::KeepSatisfied);
    assert_eq!(Quadrant::of(5, 5), Quadrant::Monitor);
    assert_eq!(Quadrant::of(1, 1), Quadrant::Monitor);
    assert_eq!(Quadrant::of(10, 10), Quadrant::ManageClosely);
}

#[test]
fn bad_stakeholders_are_refused_with_nothing_saved() {
    let mut f = fixture();
    let project = f.project;
    let id = f.add("Works council", 7, 4);
    for (power, interest, field) in [
        (0, 5, "Power"),
        (11, 5, "Power"),
        (5, 0, "Interest"),
        (5, 42, "Interest"),
    ] {
        let message = f.refused(ErrorCode::InvalidInput, |ws| {
            ws.add_stakeholder(
                project,
                &StakeholderInput {
                    power,
                    interest,
                    ..StakeholderInput::named("Auditor")
                },
            )
        });
        assert!(
            message.contains(field) && message.contains("1 (lowest) to 10"),
            "{message}"
        );
        f.refused(ErrorCode::InvalidInput, |ws| ws.move_stakeholder(id, power, interest));
    }
    let message = f.refused(ErrorCode::Duplicate, |ws| {
        ws.add_stakeholder(project, &StakeholderInput::named("works COUNCIL"))
    });
    assert!(message.contains("already a stakeholder"), "{message}");
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_stakeholder(project, &StakeholderInput::named("  "))
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.add_stakeholder(
            project,
            &StakeholderInput {
                person_id: Some(999_999),
                ..StakeholderInput::named("Ghost")
            },
        )
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.add_stakeholder(999_999, &StakeholderInput::named("X"))
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.update_stakeholder(999_999, &StakeholderInput::named("X"))
    });
    f.refused(ErrorCode::NotFound, |ws| ws.move_stakeholder(999_999, 5, 5));
    f.refused(ErrorCode::NotFound, |ws| ws.delete_stakeholder(999_999));
    // The same name in another project is fine; renaming onto a taken name is not.
    let other = f.other;
    f.ws.add_stakeholder(other, &StakeholderInput::named("Works council"))
        .unwrap();
    let second = f.add("Auditors", 8, 3);
    f.refused(ErrorCode::Duplicate, |ws| {
        ws.update_stakeholder(second, &StakeholderInput::named("Works Council"))
    });
    // Keeping one's own name is not a duplicate.
    f.ws.update_stakeholder(id, &StakeholderInput::named("Works council"))
        .unwrap();
}

fn line(what: &str, frequency: Frequency, first: &str, last: Option<&str>) -> CommunicationInput {
    CommunicationInput {
        what: what.into(),
        audience: "Finance key users".into(),
        stakeholder_id: None,
        frequency,
        channel: "E-mail".into(),
        owner_id: None,
        first_due: first.into(),
        last_sent: last.map(str::to_string),
    }
}

#[test]
fn the_due_rule() {
    let d = day;
    assert_eq!(
        next_due(Frequency::Weekly, d("2026-11-01"), None),
        Some(d("2026-11-01"))
    );
    assert_eq!(
        next_due(Frequency::Weekly, d("2026-11-01"), Some(d("2026-11-20"))),
        Some(d("2026-11-27"))
    );
    assert_eq!(
        next_due(Frequency::Daily, d("2026-11-01"), Some(d("2026-11-20"))),
        Some(d("2026-11-21"))
    );
    assert_eq!(
        next_due(Frequency::Fortnightly, d("2026-11-01"), Some(d("2026-11-20"))),
        Some(d("2026-12-04"))
    );
    assert_eq!(
        next_due(Frequency::Monthly, d("2026-01-01"), Some(d("2026-01-31"))),
        Some(d("2026-02-28"))
    );
    assert_eq!(
        next_due(Frequency::Quarterly, d("2026-01-01"), Some(d("2026-11-30"))),
        Some(d("2027-02-28"))
    );
    assert_eq!(
        next_due(Frequency::PerPhase, d("2026-11-01"), Some(d("2026-11-20"))),
        None
    );
    assert_eq!(next_due(Frequency::AdHoc, d("2026-11-01"), None), Some(d("2026-11-01")));
    // A first date set after the last sending is the next one, whatever the frequency.
    assert_eq!(
        next_due(Frequency::PerPhase, d("2026-12-10"), Some(d("2026-11-20"))),
        Some(d("2026-12-10"))
    );
}

#[test]
fn communications_are_planned_sent_and_due_across_projects() {
    let mut f = fixture();
    let (project, other, ana) = (f.project, f.other, f.ana);
    let cfo = f.add("Claire Dubois", 9, 9);
    let all = f.undoable("plan", |ws| {
        ws.add_communication(
            project,
            &CommunicationInput {
                stakeholder_id: Some(cfo),
                owner_id: Some(ana),
                audience: String::new(),
                ..line("Steering report", Frequency::Monthly, "2026-10-15", Some("2026-11-02"))
            },
        )
        .unwrap()
    });
    let report = &all.communications[0];
    assert_eq!(report.next_due, Some(day("2026-12-02")));
    assert!(report.is_due, "due today");
    assert_eq!(report.owner_name.as_deref(), Some("Ana Silva"));
    assert_eq!(report.stakeholder_name.as_deref(), Some("Claire Dubois"));
    let id = report.id;
    f.ws.add_communication(
        project,
        &line("Key-user update", Frequency::Weekly, "2026-11-01", Some("2026-11-30")),
    )
    .unwrap();
    f.ws.add_communication(other, &line("Portal newsletter", Frequency::AdHoc, "2026-11-20", None))
        .unwrap();
    f.ws.add_communication(other, &line("Launch note", Frequency::AdHoc, "2026-12-20", None))
        .unwrap();

    let due = f.ws.communications_due().unwrap();
    let names: Vec<(&str, &str, i64)> = due
        .iter()
        .map(|d| (d.what.as_str(), d.project_name.as_str(), d.days_overdue))
        .collect();
    assert_eq!(
        names,
        [("Portal newsletter", "Portal", 12), ("Steering report", "ERP", 0)]
    );
    assert_eq!(
        due[1].audience, "Claire Dubois",
        "a stakeholder stands for an empty audience"
    );
    // The free function My day calls, on another day.
    let conn = Connection::open(&f.path).unwrap();
    let later = communications_due(&conn, day("2026-12-07")).unwrap();
    assert_eq!(later.len(), 3, "the weekly update falls due on 7 December: {later:?}");
    drop(conn);

    let all = f.undoable("mark sent", |ws| ws.mark_communication_sent(id).unwrap());
    let report = all.communications.iter().find(|c| c.id == id).unwrap();
    assert_eq!(report.last_sent, Some(day(TODAY)));
    assert_eq!(report.next_due, Some(day("2027-01-02")));
    assert!(!report.is_due);
    assert_eq!(
        f.ws.history_state().undo_label.as_deref(),
        Some("Mark \"Steering report\" sent today")
    );
    let all = f.undoable("edit", |ws| {
        ws.update_communication(
            id,
            &line("Steering pack", Frequency::Quarterly, "2026-10-15", Some("2026-11-02")),
        )
        .unwrap()
    });
    let pack = all.communications.iter().find(|c| c.id == id).unwrap();
    assert_eq!(
        (pack.what.as_str(), pack.next_due),
        ("Steering pack", Some(day("2027-02-02")))
    );
    assert_eq!(pack.stakeholder_id, None);
    // Deleting the stakeholder keeps the line, without its audience link.
    f.ws.update_communication(
        id,
        &CommunicationInput {
            stakeholder_id: Some(cfo),
            ..line("Steering pack", Frequency::Quarterly, "2026-10-15", None)
        },
    )
    .unwrap();
    let all = f.undoable("delete stakeholder", |ws| ws.delete_stakeholder(cfo).unwrap());
    assert_eq!(
        all.communications.iter().find(|c| c.id == id).unwrap().stakeholder_id,
        None
    );
    let all = f.undoable("delete", |ws| ws.delete_communication(id).unwrap());
    assert!(all.communications.iter().all(|c| c.id != id));
}

#[test]
fn bad_communications_are_refused_with_nothing_saved() {
    let mut f = fixture();
    let (project, other) = (f.project, f.other);
    let foreign =
        f.ws.add_stakeholder(other, &StakeholderInput::named("Elsewhere"))
            .unwrap()
            .stakeholders[0]
            .id;
    let m = f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_communication(project, &line("  ", Frequency::Weekly, "2026-12-01", None))
    });
    assert!(m.contains("cannot be empty"), "{m}");
    let m = f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_communication(project, &line("Update", Frequency::Weekly, "2026-02-30", None))
    });
    assert!(m.contains("2026-02-30"), "{m}");
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_communication(project, &line("Update", Frequency::Weekly, "", None))
    });
    let m = f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_communication(
            project,
            &line("Update", Frequency::Weekly, "2026-12-01", Some("2026-12-03")),
        )
    });
    assert!(m.contains("future"), "{m}");
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_communication(
            project,
            &CommunicationInput {
                stakeholder_id: Some(foreign),
                ..line("Update", Frequency::Weekly, "2026-12-01", None)
            },
        )
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.add_communication(
            project,
            &CommunicationInput {
                owner_id: Some(123_456),
                ..line("Update", Frequency::Weekly, "2026-12-01", None)
            },
        )
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.add_communication(999_999, &line("Update", Frequency::Weekly, "2026-12-01", None))
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.update_communication(999_999, &line("Update", Frequency::Weekly, "2026-12-01", None))
    });
    f.refused(ErrorCode::NotFound, |ws| ws.mark_communication_sent(999_999));
    f.refused(ErrorCode::NotFound, |ws| ws.delete_communication(999_999));
}

fn row(deliverable: Id) -> RaciTarget {
    RaciTarget {
        deliverable_id: Some(deliverable),
        phase: None,
    }
}

fn person(id: Id) -> RaciParty {
    RaciParty {
        person_id: Some(id),
        stakeholder_id: None,
    }
}

fn stakeholder(id: Id) -> RaciParty {
    RaciParty {
        person_id: None,
        stakeholder_id: Some(id),
    }
}

#[test]
fn raci_cells_are_set_changed_and_cleared_and_a_row_without_an_a_is_flagged() {
    let mut f = fixture();
    let (project, d, ana, ben) = (f.project, f.deliverable, f.ana, f.ben);
    let cfo = f.add("Claire Dubois", 9, 9);
    let before = f.ws.project_stakeholders(project).unwrap();
    assert!(!before.raci_deliverables.started);
    assert_eq!(
        before.raci_deliverables.rows[0].problem, None,
        "an empty matrix is not flagged row by row"
    );
    assert_eq!(before.raci_phases.rows.len(), 5);
    // Stakeholders are columns from the start; people once they have a role (or items).
    assert_eq!(before.raci_deliverables.columns.len(), 1);

    let all = f.undoable("set R", |ws| {
        ws.set_raci(project, &row(d), &person(ben), Some(RaciRole::R)).unwrap()
    });
    let m = &all.raci_deliverables;
    assert!(m.started);
    let names: Vec<&str> = m.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ben Okoro", "Claire Dubois"]);
    assert_eq!(m.rows[0].cells, [Some(RaciRole::R), None]);
    let problem = m.rows[0].problem.as_deref().unwrap();
    assert!(problem.contains("no Accountable"), "{problem}");
    let problems = f.ws.raci_problems(project).unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].mode, problems[0].label.as_str()),
        (RaciMode::Deliverables, "Cutover runbook")
    );

    let all = f.undoable("set A", |ws| {
        ws.set_raci(project, &row(d), &stakeholder(cfo), Some(RaciRole::A))
            .unwrap()
    });
    assert_eq!(all.raci_deliverables.rows[0].problem, None);
    assert!(f.ws.raci_problems(project).unwrap().is_empty());
    let all = f.undoable("change to C", |ws| {
        ws.set_raci(project, &row(d), &person(ben), Some(RaciRole::C)).unwrap()
    });
    assert_eq!(
        all.raci_deliverables.rows[0].cells,
        [Some(RaciRole::C), Some(RaciRole::A)]
    );
    let all = f.undoable("clear", |ws| ws.set_raci(project, &row(d), &person(ben), None).unwrap());
    assert_eq!(
        all.raci_deliverables.rows[0].cells,
        [Some(RaciRole::A)],
        "Ben has no role left, so no column"
    );
    // Setting what is already there changes nothing and records no step.
    let label = f.ws.history_state().undo_label;
    f.ws.set_raci(project, &row(d), &stakeholder(cfo), Some(RaciRole::A))
        .unwrap();
    f.ws.set_raci(project, &row(d), &person(ana), None).unwrap();
    assert_eq!(f.ws.history_state().undo_label, label);

    // Phases are their own matrix.
    let plan = RaciTarget {
        deliverable_id: None,
        phase: Some(Phase::Plan),
    };
    let all = f.undoable("phase", |ws| {
        ws.set_raci(project, &plan, &person(ana), Some(RaciRole::A)).unwrap()
    });
    assert!(all.raci_phases.started);
    let flagged: Vec<&str> = all
        .raci_phases
        .rows
        .iter()
        .filter(|r| r.problem.is_some())
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(flagged, ["Initiate", "Execute", "Monitor", "Close"]);
    assert_eq!(f.ws.raci_problems(project).unwrap().len(), 4);
}

#[test]
fn a_second_accountable_is_refused_and_the_a_moves_in_one_step() {
    let mut f = fixture();
    let (project, d, ana, ben) = (f.project, f.deliverable, f.ana, f.ben);
    f.ws.set_raci(project, &row(d), &person(ana), Some(RaciRole::A))
        .unwrap();
    f.ws.set_raci(project, &row(d), &person(ben), Some(RaciRole::R))
        .unwrap();
    let m = f.refused(ErrorCode::InvalidInput, |ws| {
        ws.set_raci(project, &row(d), &person(ben), Some(RaciRole::A))
    });
    assert!(
        m.contains("Ana Silva is already Accountable for \"Cutover runbook\"")
            && m.contains("Make Ben Okoro accountable instead"),
        "{m}"
    );
    let all = f.undoable("move the A", |ws| {
        ws.raci_make_accountable(project, &row(d), &person(ben)).unwrap()
    });
    let names: Vec<&str> = all.raci_deliverables.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ben Okoro"], "Ana's cell was cleared");
    assert_eq!(all.raci_deliverables.rows[0].cells, [Some(RaciRole::A)]);
    assert_eq!(
        f.ws.history_state().undo_label.as_deref(),
        Some("Make Ben Okoro accountable for \"Cutover runbook\" instead of Ana Silva")
    );
    // Moving it to someone with no cell yet inserts one.
    let all = f.undoable("move to Ana", |ws| {
        ws.raci_make_accountable(project, &row(d), &person(ana)).unwrap()
    });
    assert_eq!(all.raci_deliverables.rows[0].cells, [Some(RaciRole::A)]);
    assert_eq!(all.raci_deliverables.columns[0].name, "Ana Silva");
    // The schema refuses a second A too, whatever path writes it.
    let conn = Connection::open(&f.path).unwrap();
    let err = conn.execute(
        "INSERT INTO raci_assignments(id, project_id, deliverable_id, person_id, role) VALUES (77, ?1, ?2, ?3, 'A')",
        (project, d, ben),
    );
    assert!(err.is_err());
}

#[test]
fn bad_raci_cells_are_refused_with_nothing_saved() {
    let mut f = fixture();
    let (project, other, d, ana) = (f.project, f.other, f.deliverable, f.ana);
    let foreign =
        f.ws.add_stakeholder(other, &StakeholderInput::named("Elsewhere"))
            .unwrap()
            .stakeholders[0]
            .id;
    let foreign_deliverable =
        f.ws.add_deliverable(
            other,
            &DeliverableInput {
                title: "Portal".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .deliverables[0]
            .id;
    let r = Some(RaciRole::R);
    let both = RaciTarget {
        deliverable_id: Some(d),
        phase: Some(Phase::Plan),
    };
    let neither = RaciTarget {
        deliverable_id: None,
        phase: None,
    };
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.set_raci(project, &both, &person(ana), r)
    });
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.set_raci(project, &neither, &person(ana), r)
    });
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.set_raci(project, &row(foreign_deliverable), &person(ana), r)
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.set_raci(project, &row(999_999), &person(ana), r)
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.set_raci(project, &row(d), &person(999_999), r)
    });
    f.refused(ErrorCode::NotFound, |ws| {
        ws.set_raci(project, &row(d), &stakeholder(999_999), r)
    });
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.set_raci(project, &row(d), &stakeholder(foreign), r)
    });
    let m = f.refused(ErrorCode::InvalidInput, |ws| {
        ws.set_raci(
            project,
            &row(d),
            &RaciParty {
                person_id: Some(ana),
                stakeholder_id: Some(foreign),
            },
            r,
        )
    });
    assert!(m.contains("either one person or one stakeholder"), "{m}");
    f.refused(ErrorCode::NotFound, |ws| ws.set_raci(999_999, &row(d), &person(ana), r));
    f.refused(ErrorCode::NotFound, |ws| {
        ws.raci_make_accountable(project, &row(999_999), &person(ana))
    });
    f.refused(ErrorCode::NotFound, |ws| ws.raci_problems(999_999));
}

#[test]
fn deleting_a_deliverable_or_stakeholder_takes_their_cells_and_undo_brings_them_back() {
    let mut f = fixture();
    let (project, d) = (f.project, f.deliverable);
    let cfo = f.add("Claire Dubois", 9, 9);
    f.ws.set_raci(project, &row(d), &stakeholder(cfo), Some(RaciRole::A))
        .unwrap();
    let all = f.undoable("delete stakeholder", |ws| ws.delete_stakeholder(cfo).unwrap());
    assert!(!all.raci_deliverables.started);
    f.undoable("delete deliverable", |ws| ws.delete_deliverable(d).unwrap());
}
