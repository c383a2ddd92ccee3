//! Scope and change control: every edit and its undo (whole tables compared), CR numbering,
//! refused transitions, dates and amounts, and an approved change applied to the plan in one
//! undoable step.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::plan::timeline::{ConstraintKind, DependencyKind, TaskPlanInput};
use bridgeplan_core::scope::apply::PlanAction;
use bridgeplan_core::scope::changes::{ChangeInput, ChangeStatus, DecisionInput, LinkAction};
use bridgeplan_core::scope::{Acceptance, DeliverableInput, ProjectScope};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{ErrorCode, Id, Workspace};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

type Dump = BTreeMap<String, Vec<String>>;

/// Every table of the file, each as its rows in text form, sorted.
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

fn differing(a: &Dump, b: &Dump) -> Vec<String> {
    a.keys()
        .chain(b.keys())
        .filter(|t| a.get(*t) != b.get(*t))
        .cloned()
        .collect()
}

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
    design: Id,
    build: Id,
}

/// A waterfall project from Monday 2 March 2026: Design (5 days) → Build (3 days).
fn fixture() -> Fixture {
    bridgeplan_core::clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scope.bridgeplan");
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
    let mut task = |title: &str, days: i64| {
        let id = ws
            .create_item(
                project,
                None,
                &WorkItemInput {
                    title: title.into(),
                    ..Default::default()
                },
            )
            .unwrap()
            .id;
        ws.set_task_plan(
            id,
            &TaskPlanInput {
                parent_id: None,
                duration_minutes: Some(days * 480),
                constraint_type: ConstraintKind::Asap,
                constraint_date: None,
                actual_start: None,
                actual_finish: None,
                percent_complete: 0.0,
            },
        )
        .unwrap();
        id
    };
    let design = task("Design", 5);
    let build = task("Build", 3);
    ws.add_dependency(design, build, DependencyKind::Fs, 0).unwrap();
    Fixture {
        _dir: dir,
        path,
        ws,
        project,
        design,
        build,
    }
}

impl Fixture {
    /// Runs `edit`, checks it changed the file, then that undo restores every table and redo
    /// gives the edit back. Returns what the edit answered.
    fn undoable<T>(&mut self, what: &str, edit: impl FnOnce(&mut Workspace) -> T) -> T {
        let before = dump(&self.path);
        let value = edit(&mut self.ws);
        let after = dump(&self.path);
        assert!(!differing(&before, &after).is_empty(), "{what} changed nothing");
        self.ws.undo().unwrap().expect("an undo step");
        assert_eq!(
            differing(&before, &dump(&self.path)),
            Vec::<String>::new(),
            "undo of {what}"
        );
        self.ws.redo().unwrap().expect("a redo step");
        assert_eq!(
            differing(&after, &dump(&self.path)),
            Vec::<String>::new(),
            "redo of {what}"
        );
        value
    }

    fn scope(&self) -> ProjectScope {
        self.ws.project_scope(self.project).unwrap()
    }

    fn change(&mut self, title: &str) -> Id {
        let scope = self
            .ws
            .add_change_request(
                self.project,
                &ChangeInput {
                    title: title.into(),
                    raised_on: Some("2026-03-02".into()),
                    ..Default::default()
                },
            )
            .unwrap();
        scope.changes[0].id
    }

    fn decide(&mut self, id: Id, status: ChangeStatus, on: &str) -> Result<ProjectScope, bridgeplan_core::CoreError> {
        self.ws.decide_change_request(
            id,
            &DecisionInput {
                status: Some(status),
                decision: "Steering committee".into(),
                decided_by: "Dana".into(),
                decided_on: Some(on.into()),
            },
        )
    }
}

fn message(err: bridgeplan_core::CoreError) -> String {
    assert_eq!(err.code(), ErrorCode::InvalidInput, "{err}");
    err.to_string()
}

#[test]
fn objectives_are_added_edited_reordered_and_deleted_with_undo() {
    let mut f = fixture();
    let p = f.project;
    f.undoable("add", |ws| {
        ws.add_objective(p, "Go live before the lease ends").unwrap()
    });
    f.ws.add_objective(p, "No loss of data").unwrap();
    let scope = f.undoable("add a third", |ws| {
        ws.add_objective(p, "One weekend of downtime").unwrap()
    });
    let ids: Vec<Id> = scope.objectives.iter().map(|o| o.id).collect();
    let scope = f.undoable("edit", |ws| ws.update_objective(ids[1], "No loss of any data").unwrap());
    assert_eq!(scope.objectives[1].text, "No loss of any data");
    let scope = f.undoable("reorder", |ws| ws.move_objective(ids[2], 0).unwrap());
    let order: Vec<Id> = scope.objectives.iter().map(|o| o.id).collect();
    assert_eq!(order, vec![ids[2], ids[0], ids[1]]);
    let scope = f.undoable("delete", |ws| ws.delete_objective(ids[0]).unwrap());
    assert_eq!(scope.objectives.len(), 2);
    assert!(message(f.ws.add_objective(p, "   ").unwrap_err()).contains("cannot be empty"));
}

#[test]
fn deliverables_keep_criteria_acceptance_item_and_due_date_with_undo() {
    let mut f = fixture();
    let (p, design) = (f.project, f.design);
    let input = DeliverableInput {
        title: "Design document".into(),
        acceptance_criteria: "Signed by the architect".into(),
        acceptance: None,
        item_id: Some(design),
        due_date: Some("2026-03-06".into()),
    };
    let scope = f.undoable("add", |ws| ws.add_deliverable(p, &input).unwrap());
    let d = &scope.deliverables[0];
    assert_eq!(d.acceptance, Acceptance::Pending);
    assert_eq!(d.item_title.as_deref(), Some("Design"));
    assert_eq!(d.due_date.unwrap().to_string(), "2026-03-06");
    let id = d.id;
    let accepted = DeliverableInput {
        acceptance: Some(Acceptance::Accepted),
        ..input.clone()
    };
    let scope = f.undoable("accept", |ws| ws.update_deliverable(id, &accepted).unwrap());
    assert_eq!(scope.deliverables[0].acceptance, Acceptance::Accepted);
    let bad_date = DeliverableInput {
        due_date: Some("2026-02-30".into()),
        ..input.clone()
    };
    assert!(message(f.ws.update_deliverable(id, &bad_date).unwrap_err()).contains("2026-02-30"));
    f.undoable("delete", |ws| ws.delete_deliverable(id).unwrap());
    // The linked task's delete leaves the deliverable without a link, and undo brings it back.
    f.ws.add_deliverable(p, &input).unwrap();
    f.undoable("delete the linked task", |ws| ws.delete_item(design).unwrap());
    assert_eq!(f.scope().deliverables[0].item_id, None);
}

#[test]
fn statements_move_between_in_and_out_of_scope_with_undo() {
    let mut f = fixture();
    let p = f.project;
    f.undoable("add in", |ws| {
        ws.add_scope_statement(p, true, "Finance module").unwrap()
    });
    let scope = f.undoable("add out", |ws| {
        ws.add_scope_statement(p, false, "HR and payroll").unwrap()
    });
    let out = scope.out_of_scope[0].id;
    let scope = f.undoable("move in", |ws| ws.move_scope_statement(out, true).unwrap());
    assert_eq!(
        scope.in_scope.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        ["Finance module", "HR and payroll"]
    );
    assert!(scope.out_of_scope.is_empty());
    let scope = f.undoable("edit", |ws| ws.update_scope_statement(out, "HR").unwrap());
    assert_eq!(scope.in_scope[1].text, "HR");
    f.undoable("delete", |ws| ws.delete_scope_statement(out).unwrap());
}

#[test]
fn change_requests_are_numbered_per_project_and_edits_undo() {
    let mut f = fixture();
    let p = f.project;
    let input = ChangeInput {
        title: "Add the Gdańsk warehouse".into(),
        requester: "Operations".into(),
        schedule_impact_days: 6,
        cost_impact_minor: 1_850_000,
        raised_on: Some("2026-03-02".into()),
        ..Default::default()
    };
    let scope = f.undoable("raise", |ws| ws.add_change_request(p, &input).unwrap());
    assert_eq!(scope.changes[0].code, "CR-1");
    assert_eq!(scope.changes[0].status, ChangeStatus::Proposed);
    let scope = f.ws.add_change_request(p, &input).unwrap();
    assert_eq!(scope.changes[0].code, "CR-2", "newest first");
    // Another project counts from 1.
    let other =
        f.ws.create_project(&ProjectInput {
            name: "Other".into(),
            methodology: Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    assert_eq!(f.ws.add_change_request(other, &input).unwrap().changes[0].code, "CR-1");
    // After a delete the next number is still one more than the highest kept.
    let cr2 = f.scope().changes[0].id;
    f.undoable("delete", |ws| ws.delete_change_request(cr2).unwrap());
    assert_eq!(f.ws.add_change_request(p, &input).unwrap().changes[0].code, "CR-2");
    let cr1 = f.scope().changes[1].id;
    let saving = ChangeInput {
        cost_impact_minor: -500_000,
        schedule_impact_days: -2,
        ..input.clone()
    };
    let scope = f.undoable("edit", |ws| ws.update_change_request(cr1, &saving).unwrap());
    assert_eq!(scope.changes[1].cost_impact_minor, -500_000, "a saving is negative");
    let scope = f.undoable("approve", |ws| {
        ws.decide_change_request(
            cr1,
            &DecisionInput {
                status: Some(ChangeStatus::Approved),
                decision: "Go".into(),
                decided_by: "Dana".into(),
                decided_on: Some("2026-03-04".into()),
            },
        )
        .unwrap()
    });
    let cr = &scope.changes[1];
    assert_eq!((cr.status, cr.decided_by.as_str()), (ChangeStatus::Approved, "Dana"));
    assert_eq!(cr.decided_on.unwrap().to_string(), "2026-03-04");
}

#[test]
fn absurd_amounts_and_days_are_refused_and_nothing_is_saved() {
    let mut f = fixture();
    let p = f.project;
    let before = dump(&f.path);
    for cost in [10_000_000_000_001_i64, -10_000_000_000_001] {
        let input = ChangeInput {
            title: "Typo".into(),
            cost_impact_minor: cost,
            ..Default::default()
        };
        assert!(message(f.ws.add_change_request(p, &input).unwrap_err()).contains("cost impact"));
    }
    let input = ChangeInput {
        title: "Typo".into(),
        schedule_impact_days: 20_000,
        ..Default::default()
    };
    assert!(message(f.ws.add_change_request(p, &input).unwrap_err()).contains("schedule impact"));
    let input = ChangeInput {
        title: "Edge".into(),
        cost_impact_minor: -10_000_000_000_000,
        ..Default::default()
    };
    assert!(f.ws.add_change_request(p, &input).is_ok(), "exactly the limit is kept");
    let cr = f.scope().changes[0].id;
    f.ws.undo().unwrap();
    assert_eq!(differing(&before, &dump(&f.path)), Vec::<String>::new());
    assert!(f.ws.change_request(cr).is_err());
}

#[test]
fn impossible_transitions_and_dates_are_refused() {
    let mut f = fixture();
    let cr = f.change("Extra report");
    // Decided before it was raised.
    let err = message(f.decide(cr, ChangeStatus::Approved, "2026-02-27").unwrap_err());
    assert!(err.contains("before CR-1 was raised"), "{err}");
    // Implementing is only through applying, and only once approved.
    assert!(message(f.decide(cr, ChangeStatus::Implemented, "2026-03-03").unwrap_err()).contains("not approved"));
    assert!(message(f.ws.apply_change_to_plan(cr, &[]).unwrap_err()).contains("not approved"));
    f.decide(cr, ChangeStatus::Rejected, "2026-03-03").unwrap();
    let err = message(f.ws.apply_change_to_plan(cr, &[]).unwrap_err());
    assert!(err.contains("CR-1 was rejected, so it cannot be implemented"), "{err}");
    assert!(message(f.decide(cr, ChangeStatus::Implemented, "2026-03-03").unwrap_err()).contains("rejected"));
    assert!(message(f.decide(cr, ChangeStatus::Approved, "2026-03-03").unwrap_err()).contains("reopen"));
    // Reopened, approved, then implemented: final.
    let scope = f.decide(cr, ChangeStatus::Proposed, "2026-03-03").unwrap();
    assert_eq!(scope.changes[0].decided_on, None, "a reopened change is undecided");
    f.decide(cr, ChangeStatus::Approved, "2026-03-04").unwrap();
    f.ws.apply_change_to_plan(cr, &[]).unwrap();
    assert_eq!(f.ws.change_request(cr).unwrap().status, ChangeStatus::Implemented);
    assert!(message(f.decide(cr, ChangeStatus::Proposed, "2026-03-05").unwrap_err()).contains("already implemented"));
    assert!(message(f.ws.apply_change_to_plan(cr, &[]).unwrap_err()).contains("already implemented"));
    // A raised date after the decision is refused too.
    let late = ChangeInput {
        title: "Extra report".into(),
        raised_on: Some("2026-03-09".into()),
        ..Default::default()
    };
    assert!(message(f.ws.update_change_request(cr, &late).unwrap_err()).contains("decided on 2026-03-04"));
}

#[test]
fn an_approved_change_changes_the_plan_in_one_undoable_step() {
    let mut f = fixture();
    let (design, build) = (f.design, f.build);
    let cr = f.change("Archive extract and a later build");
    f.decide(cr, ChangeStatus::Approved, "2026-03-03").unwrap();
    let actions = vec![
        PlanAction::AddTask {
            title: "Data archive extract".into(),
            duration_days: 2.0,
            predecessor_id: Some(design),
        },
        PlanAction::ShiftStart {
            item_id: build,
            days: 5,
        },
        PlanAction::SetDuration {
            item_id: design,
            duration_days: 6.0,
        },
    ];
    let preview = f.ws.preview_change_plan(cr, &actions).unwrap();
    assert_eq!(
        preview.iter().map(|p| p.detail.as_str()).collect::<Vec<_>>(),
        [
            "Added: 2 working days, after \"Design\"",
            "Start moved from 9 Mar to 16 Mar",
            "Duration changed from 5 working days to 6 working days",
        ]
    );
    let before = dump(&f.path);
    let scope = f.ws.apply_change_to_plan(cr, &actions).unwrap();
    let after = dump(&f.path);
    let change = &scope.changes[0];
    assert_eq!(change.status, ChangeStatus::Implemented);
    let links: Vec<(LinkAction, &str, &str)> = change
        .links
        .iter()
        .map(|l| (l.action, l.item_title.as_str(), l.detail.as_str()))
        .collect();
    assert_eq!(links.len(), 3);
    assert!(links.contains(&(LinkAction::Added, "Data archive extract", preview[0].detail.as_str())));
    assert!(links.contains(&(LinkAction::Moved, "Build", "Start moved from 9 Mar to 16 Mar")));
    assert!(links.contains(&(LinkAction::Changed, "Design", preview[2].detail.as_str())));
    assert_eq!(
        f.ws.history_state().undo_label.as_deref(),
        Some("Implement CR-1 \"Archive extract and a later build\"")
    );

    // The schedule shows it: the build starts on the 16th, the extract after the longer design.
    let schedule = f.ws.project_schedule(f.project).unwrap();
    let task = |name: &str| schedule.tasks.iter().find(|t| t.name == name).unwrap();
    assert_eq!(task("Build").start.to_string(), "2026-03-16 08:00:00");
    assert_eq!(task("Design").duration_minutes, 6 * 480);
    assert_eq!(task("Data archive extract").start.to_string(), "2026-03-10 08:00:00");
    assert_eq!(task("Data archive extract").duration_minutes, 2 * 480);
    assert!(!task("Data archive extract").critical);

    // One undo takes back all of it, links included; redo gives it back.
    f.ws.undo().unwrap().unwrap();
    let undone = dump(&f.path);
    assert_eq!(differing(&before, &undone), Vec::<String>::new());
    assert!(undone["change_links"].is_empty());
    assert_eq!(f.ws.change_request(cr).unwrap().status, ChangeStatus::Approved);
    f.ws.redo().unwrap().unwrap();
    assert_eq!(differing(&after, &dump(&f.path)), Vec::<String>::new());
}

#[test]
fn a_bad_action_applies_nothing() {
    let mut f = fixture();
    let (design, build) = (f.design, f.build);
    let cr = f.change("Bad");
    f.decide(cr, ChangeStatus::Approved, "2026-03-03").unwrap();
    let before = dump(&f.path);
    let cases: Vec<(Vec<PlanAction>, &str)> = vec![
        (
            vec![
                PlanAction::ShiftStart {
                    item_id: build,
                    days: 2,
                },
                PlanAction::AddTask {
                    title: " ".into(),
                    duration_days: 1.0,
                    predecessor_id: None,
                },
            ],
            "cannot be empty",
        ),
        (
            vec![PlanAction::SetDuration {
                item_id: design,
                duration_days: -1.0,
            }],
            "between 0 and",
        ),
        (
            vec![PlanAction::ShiftStart {
                item_id: build,
                days: 0,
            }],
            "1 to 1000",
        ),
        (
            vec![
                PlanAction::ShiftStart {
                    item_id: build,
                    days: 1,
                },
                PlanAction::SetDuration {
                    item_id: build,
                    duration_days: 2.0,
                },
            ],
            "appears twice",
        ),
        (
            vec![PlanAction::ShiftStart {
                item_id: 12345,
                days: 1,
            }],
            "not in the plan",
        ),
    ];
    for (actions, expected) in cases {
        let err = message(f.ws.apply_change_to_plan(cr, &actions).unwrap_err());
        assert!(err.contains(expected), "{err}");
    }
    assert_eq!(differing(&before, &dump(&f.path)), Vec::<String>::new());
}

#[test]
fn a_read_only_workspace_refuses_scope_edits() {
    let f = fixture();
    let (path, project) = (f.path.clone(), f.project);
    let objective = {
        let mut ws = f.ws;
        let id = ws.add_objective(project, "Keep").unwrap().objectives[0].id;
        ws.close().unwrap();
        id
    };
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut ws = Workspace::open(&path).unwrap();
    assert!(ws.is_read_only());
    assert_eq!(
        ws.add_objective(project, "New").unwrap_err().code(),
        ErrorCode::ReadOnly
    );
    assert_eq!(ws.delete_objective(objective).unwrap_err().code(), ErrorCode::ReadOnly);
    let input = ChangeInput {
        title: "X".into(),
        ..Default::default()
    };
    assert_eq!(
        ws.add_change_request(project, &input).unwrap_err().code(),
        ErrorCode::ReadOnly
    );
    assert_eq!(
        ws.project_scope(project).unwrap().objectives.len(),
        1,
        "reading still works"
    );
    drop(ws);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    drop(f._dir);
}
