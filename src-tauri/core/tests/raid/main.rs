//! The RAID log: every edit and its undo (whole tables compared), the refusals of bad input
//! (probability and impact outside 1–5, empty titles, unknown owners and projects, malformed
//! dates) with nothing saved, the heat maps, the score bands, response actions as work items,
//! a risk raised as an issue, late dependencies and the cross-project due-for-review query.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::raid::{
    score_band, AssumptionInput, AssumptionStatus, DependencyInput, DependencyStatus, IssueInput, IssuePriority,
    IssueStatus, RaidLog, RiskCategory, RiskInput, RiskResponse, RiskStatus, ScoreBand,
};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, CoreError, ErrorCode, Id, Workspace};
use chrono::{Duration, NaiveDate};
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
    other: Id,
    dana: Id,
    raj: Id,
    today: NaiveDate,
}

fn fixture() -> Fixture {
    let today = clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raid.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let mut project = |name: &str| {
        ws.create_project(&ProjectInput {
            name: name.into(),
            methodology: Methodology::Waterfall,
            start_date: Some("2026-03-02".into()),
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id
    };
    let project_id = project("ERP");
    let other = project("Network");
    let dana = ws.add_person("Dana Whitfield", "IT Manager").unwrap().id;
    let raj = ws.add_person("Raj Patel", "Infrastructure Lead").unwrap().id;
    Fixture {
        _dir: dir,
        path,
        ws,
        project: project_id,
        other,
        dana,
        raj,
        today,
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

    /// Runs an edit that must be refused with `code`, and checks the file did not change.
    fn refused<T: std::fmt::Debug>(
        &mut self,
        code: ErrorCode,
        edit: impl FnOnce(&mut Workspace) -> Result<T, CoreError>,
    ) -> String {
        let before = dump(&self.path);
        let err = edit(&mut self.ws).expect_err("the edit is refused");
        assert_eq!(err.code(), code, "{err}");
        assert_eq!(differing(&before, &dump(&self.path)), Vec::<String>::new(), "{err}");
        err.to_string()
    }

    fn day(&self, offset: i64) -> Option<String> {
        Some((self.today + Duration::days(offset)).format("%Y-%m-%d").to_string())
    }

    fn risk(&mut self, title: &str, p: i64, i: i64) -> Id {
        let log = self
            .ws
            .add_risk(
                self.project,
                &RiskInput {
                    title: title.into(),
                    probability: p,
                    impact: i,
                    ..Default::default()
                },
            )
            .unwrap();
        log.risks.iter().find(|r| r.title == title).unwrap().id
    }
}

fn full_risk(f: &Fixture) -> RiskInput {
    RiskInput {
        title: "Data loss during cutover".into(),
        cause: "Three old export formats".into(),
        event: "records are dropped in the load".into(),
        effect: "wrong balances at month-end".into(),
        category: RiskCategory::DataLoss,
        probability: 4,
        impact: 5,
        owner_id: Some(f.dana),
        response: Some(RiskResponse::Mitigate),
        response_plan: "Reconcile after each rehearsal".into(),
        trigger: "Any difference in a reconciliation".into(),
        residual_probability: Some(2),
        residual_impact: Some(4),
        review_date: f.day(7),
        status: Some(RiskStatus::Open),
    }
}

#[test]
fn a_risk_is_added_edited_and_deleted_with_undo() {
    let mut f = fixture();
    let p = f.project;
    let input = full_risk(&f);
    let log: RaidLog = f.undoable("add", |ws| ws.add_risk(p, &input).unwrap());
    let risk = &log.risks[0];
    assert_eq!(risk.title, "Data loss during cutover");
    assert_eq!((risk.probability, risk.impact, risk.score), (4, 5, 20));
    assert_eq!(risk.band, ScoreBand::Critical);
    assert_eq!(risk.residual_score, Some(8));
    assert_eq!(risk.residual_band, Some(ScoreBand::Medium));
    assert_eq!(risk.owner_name.as_deref(), Some("Dana Whitfield"));
    assert_eq!(risk.category_label, "Data loss");
    assert_eq!(risk.response, Some(RiskResponse::Mitigate));
    assert_eq!(risk.trigger, "Any difference in a reconciliation");
    assert!(!risk.due_for_review);
    let id = risk.id;

    let mut edit = full_risk(&f);
    edit.probability = 2;
    edit.status = Some(RiskStatus::Monitoring);
    edit.owner_id = Some(f.raj);
    edit.review_date = f.day(0);
    let log = f.undoable("edit", |ws| ws.update_risk(id, &edit).unwrap());
    let risk = &log.risks[0];
    assert_eq!((risk.score, risk.band), (10, ScoreBand::High));
    assert_eq!(risk.status, RiskStatus::Monitoring);
    assert_eq!(risk.owner_name.as_deref(), Some("Raj Patel"));
    assert!(risk.due_for_review, "a review date of today is due");

    let log = f.undoable("delete", |ws| ws.delete_risk(id).unwrap());
    assert!(log.risks.is_empty());
    let missing = f.refused(ErrorCode::NotFound, |ws| ws.update_risk(id, &edit));
    assert!(missing.contains("no longer exists"), "{missing}");
}

#[test]
fn bad_risk_input_is_refused_by_name_and_nothing_is_saved() {
    let mut f = fixture();
    let p = f.project;
    let base = full_risk(&f);
    for (p_, i_, word) in [
        (0, 3, "probability"),
        (6, 3, "probability"),
        (3, 0, "impact"),
        (3, 9, "impact"),
    ] {
        let input = RiskInput {
            probability: p_,
            impact: i_,
            ..base.clone()
        };
        let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_risk(p, &input));
        assert!(msg.contains(word) && msg.contains("1 to 5"), "{msg}");
    }
    let input = RiskInput {
        residual_probability: Some(7),
        ..base.clone()
    };
    let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_risk(p, &input));
    assert!(msg.contains("residual probability") && msg.contains("1 to 5"), "{msg}");
    let input = RiskInput {
        residual_impact: None,
        ..base.clone()
    };
    let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_risk(p, &input));
    assert!(msg.contains("or neither"), "{msg}");
    let input = RiskInput {
        title: "   ".into(),
        ..base.clone()
    };
    let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_risk(p, &input));
    assert!(msg.contains("title cannot be empty"), "{msg}");
    for bad in ["2026-13-01", "next week", "2026-02-30"] {
        let input = RiskInput {
            review_date: Some(bad.into()),
            ..base.clone()
        };
        let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_risk(p, &input));
        assert!(msg.contains("review date") && msg.contains("YYYY-MM-DD"), "{msg}");
    }
    let input = RiskInput {
        owner_id: Some(4_000_000_000_123),
        ..base.clone()
    };
    let msg = f.refused(ErrorCode::NotFound, |ws| ws.add_risk(p, &input));
    assert!(msg.contains("person"), "{msg}");
    f.refused(ErrorCode::NotFound, |ws| ws.add_risk(4_000_000_000_321, &base));

    // The same checks guard an edit of an existing risk.
    let id = f.risk("Vendor delay", 3, 3);
    let input = RiskInput {
        impact: 6,
        ..base.clone()
    };
    f.refused(ErrorCode::InvalidInput, |ws| ws.update_risk(id, &input));
    assert_eq!(f.ws.raid_log(p).unwrap().risks[0].impact, 3);
}

#[test]
fn score_bands_have_documented_edges() {
    for (score, band) in [
        (1, ScoreBand::Low),
        (4, ScoreBand::Low),
        (5, ScoreBand::Medium),
        (9, ScoreBand::Medium),
        (10, ScoreBand::High),
        (16, ScoreBand::High),
        (20, ScoreBand::Critical),
        (25, ScoreBand::Critical),
    ] {
        assert_eq!(score_band(score), band, "score {score}");
    }
}

#[test]
fn the_heat_maps_count_live_risks_and_the_register_is_sorted_by_score() {
    let mut f = fixture();
    let a = f.risk("A", 2, 3);
    f.risk("B", 2, 3);
    f.risk("C", 5, 5);
    let d = f.risk("D", 4, 1);
    let mut closed = RiskInput {
        title: "D".into(),
        probability: 4,
        impact: 1,
        status: Some(RiskStatus::Closed),
        ..Default::default()
    };
    f.ws.update_risk(d, &closed).unwrap();
    closed.title = "A".into();
    closed.probability = 2;
    closed.impact = 3;
    closed.status = Some(RiskStatus::Open);
    closed.residual_probability = Some(1);
    closed.residual_impact = Some(2);
    let log = f.ws.update_risk(a, &closed).unwrap();
    let titles: Vec<&str> = log.risks.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        ["C", "A", "B", "D"],
        "highest score first, ties in recorded order"
    );
    assert_eq!(log.heat_map.count(2, 3), 2);
    assert_eq!(log.heat_map.count(5, 5), 1);
    assert_eq!(log.heat_map.count(4, 1), 0, "a closed risk is off the map");
    let total: u32 = log.heat_map.cells.iter().flatten().sum();
    assert_eq!(total, 3);
    assert_eq!(log.residual_heat_map.count(1, 2), 1);
    assert_eq!(log.residual_heat_map.cells.iter().flatten().sum::<u32>(), 1);
}

#[test]
fn an_action_becomes_a_work_item_of_the_owner_tagged_risk() {
    let mut f = fixture();
    let input = full_risk(&f);
    let log = f.ws.add_risk(f.project, &input).unwrap();
    let risk = log.risks[0].id;
    let due = f.day(10);
    let log = f.undoable("add action", |ws| {
        ws.add_risk_action(risk, "Build reconciliation scripts", due.as_deref())
            .unwrap()
    });
    let action = &log.risks[0].actions[0];
    assert_eq!(action.title, "Build reconciliation scripts");
    assert_eq!(action.assignee.as_deref(), Some("Dana Whitfield"));
    assert!(!action.done);
    let item = f.ws.item(action.item_id).unwrap();
    assert_eq!(item.project_id, f.project);
    assert_eq!(item.tags, vec!["risk".to_string()]);
    assert_eq!(item.assignee.as_deref(), Some("Dana Whitfield"));
    assert_eq!(item.due_date, f.today.checked_add_signed(Duration::days(10)));
    let board = f.ws.board(f.project).unwrap();
    assert_eq!(action.status, board.columns[0].status.name, "in the first column");

    // Moving the item on the board shows in the action's status.
    let done = board.columns.last().unwrap().status.id;
    f.ws.move_item(action.item_id, done, 0).unwrap();
    let log = f.ws.raid_log(f.project).unwrap();
    assert!(log.risks[0].actions[0].done);

    let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_risk_action(risk, " ", None));
    assert!(msg.contains("title"), "{msg}");
    let msg = f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_risk_action(risk, "Check", Some("31/12/2026"))
    });
    assert!(msg.contains("YYYY-MM-DD"), "{msg}");

    let link = log.risks[0].actions[0].id;
    let item_id = log.risks[0].actions[0].item_id;
    let log = f.undoable("remove action", |ws| ws.remove_risk_action(link).unwrap());
    assert!(log.risks[0].actions.is_empty());
    assert!(f.ws.item(item_id).is_ok(), "the work item stays on the board");

    // Deleting the risk keeps its action items; undo brings back the link.
    f.ws.add_risk_action(risk, "Second action", None).unwrap();
    let log = f.undoable("delete risk with action", |ws| ws.delete_risk(risk).unwrap());
    assert!(log.risks.is_empty());
}

#[test]
fn a_risk_that_occurred_is_raised_as_an_issue_once() {
    let mut f = fixture();
    let input = full_risk(&f);
    let log = f.ws.add_risk(f.project, &input).unwrap();
    let risk = log.risks[0].id;
    let log = f.undoable("raise issue", |ws| ws.raise_issue_from_risk(risk).unwrap());
    assert_eq!(log.risks[0].status, RiskStatus::Occurred);
    let issue = &log.issues[0];
    assert_eq!(log.risks[0].issue_id, Some(issue.id));
    assert_eq!(issue.risk_id, Some(risk));
    assert_eq!(issue.risk_title.as_deref(), Some("Data loss during cutover"));
    assert_eq!(issue.title, "Data loss during cutover");
    assert_eq!(issue.priority, IssuePriority::Critical, "score 20 is critical");
    assert_eq!(issue.owner_id, Some(f.dana));
    assert_eq!(issue.raised_on, f.today);
    assert!(issue.description.contains("records are dropped"));
    let msg = f.refused(ErrorCode::Duplicate, |ws| ws.raise_issue_from_risk(risk));
    assert!(msg.contains("already"), "{msg}");
    // Deleting the risk keeps the issue, unlinked; undo links it again.
    let log = f.undoable("delete occurred risk", |ws| ws.delete_risk(risk).unwrap());
    assert_eq!(log.issues[0].risk_id, None);
}

#[test]
fn issues_are_added_edited_and_deleted_with_undo_and_checked() {
    let mut f = fixture();
    let p = f.project;
    let input = IssueInput {
        title: "Test data too small".into(),
        priority: Some(IssuePriority::High),
        owner_id: Some(f.raj),
        raised_on: f.day(-5),
        due_date: f.day(-1),
        ..Default::default()
    };
    let log = f.undoable("add issue", |ws| ws.add_raid_issue(p, &input).unwrap());
    let issue = &log.issues[0];
    assert_eq!(issue.status, IssueStatus::Open);
    assert!(issue.overdue);
    let id = issue.id;
    let resolved = IssueInput {
        status: Some(IssueStatus::Resolved),
        resolution: "Loaded a full copy".into(),
        ..input.clone()
    };
    let log = f.undoable("resolve issue", |ws| ws.update_raid_issue(id, &resolved).unwrap());
    assert!(!log.issues[0].overdue, "a resolved issue is not overdue");
    assert_eq!(log.issues[0].resolution, "Loaded a full copy");

    let msg = f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_raid_issue(
            p,
            &IssueInput {
                title: "".into(),
                ..Default::default()
            },
        )
    });
    assert!(msg.contains("cannot be empty"), "{msg}");
    let early = IssueInput {
        due_date: f.day(-9),
        ..input.clone()
    };
    let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_raid_issue(p, &early));
    assert!(msg.contains("before the day the issue was raised"), "{msg}");
    let bad = IssueInput {
        raised_on: Some("yesterday".into()),
        ..input.clone()
    };
    f.refused(ErrorCode::InvalidInput, |ws| ws.add_raid_issue(p, &bad));
    let stranger = IssueInput {
        owner_id: Some(4_000_000_000_999),
        ..input.clone()
    };
    f.refused(ErrorCode::NotFound, |ws| ws.add_raid_issue(p, &stranger));
    // A risk of another project cannot be the issue's.
    let other_risk =
        f.ws.add_risk(
            f.other,
            &RiskInput {
                title: "Elsewhere".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .risks[0]
            .id;
    let linked = IssueInput {
        risk_id: Some(other_risk),
        ..input.clone()
    };
    f.refused(ErrorCode::InvalidInput, |ws| ws.add_raid_issue(p, &linked));

    let log = f.undoable("delete issue", |ws| ws.delete_raid_issue(id).unwrap());
    assert!(log.issues.is_empty());
}

#[test]
fn assumptions_are_added_edited_and_deleted_with_undo() {
    let mut f = fixture();
    let p = f.project;
    let input = AssumptionInput {
        title: "Key users give two days a week".into(),
        owner_id: Some(f.dana),
        validate_by: f.day(-1),
        ..Default::default()
    };
    let log = f.undoable("add assumption", |ws| ws.add_assumption(p, &input).unwrap());
    assert_eq!(log.assumptions[0].status, AssumptionStatus::Unvalidated);
    assert!(log.assumptions[0].overdue);
    let id = log.assumptions[0].id;
    let valid = AssumptionInput {
        status: Some(AssumptionStatus::Valid),
        ..input.clone()
    };
    let log = f.undoable("validate assumption", |ws| ws.update_assumption(id, &valid).unwrap());
    assert!(!log.assumptions[0].overdue);
    let bad = AssumptionInput {
        validate_by: Some("soon".into()),
        ..input.clone()
    };
    f.refused(ErrorCode::InvalidInput, |ws| ws.update_assumption(id, &bad));
    f.refused(ErrorCode::InvalidInput, |ws| {
        ws.add_assumption(p, &AssumptionInput::default())
    });
    let log = f.undoable("delete assumption", |ws| ws.delete_assumption(id).unwrap());
    assert!(log.assumptions.is_empty());
}

#[test]
fn dependencies_are_late_after_their_needed_by_date_while_open() {
    let mut f = fixture();
    let p = f.project;
    let item =
        f.ws.create_item(
            p,
            None,
            &WorkItemInput {
                title: "Rebuild EDI".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let input = DependencyInput {
        title: "EDI connector 4.2".into(),
        provider: "ERP vendor".into(),
        owner_id: Some(f.raj),
        needed_by: f.day(-1),
        item_id: Some(item),
        ..Default::default()
    };
    let log = f.undoable("add dependency", |ws| ws.add_external_dependency(p, &input).unwrap());
    let dep = &log.dependencies[0];
    assert!(dep.late);
    assert_eq!(dep.item_title.as_deref(), Some("Rebuild EDI"));
    assert_eq!(dep.owner_name.as_deref(), Some("Raj Patel"));
    let id = dep.id;
    let on_time = DependencyInput {
        needed_by: f.day(0),
        ..input.clone()
    };
    let log = f.undoable("edit dependency", |ws| {
        ws.update_external_dependency(id, &on_time).unwrap()
    });
    assert!(!log.dependencies[0].late, "needed today is not late yet");
    let delivered = DependencyInput {
        status: Some(DependencyStatus::Delivered),
        ..input.clone()
    };
    let log = f.ws.update_external_dependency(id, &delivered).unwrap();
    assert!(!log.dependencies[0].late, "a delivered dependency is never late");

    let foreign =
        f.ws.create_item(
            f.other,
            None,
            &WorkItemInput {
                title: "Other work".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let wrong = DependencyInput {
        item_id: Some(foreign),
        ..input.clone()
    };
    let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_external_dependency(p, &wrong));
    assert!(msg.contains("this project"), "{msg}");
    let bad = DependencyInput {
        needed_by: Some("2026-04-31".into()),
        ..input.clone()
    };
    let msg = f.refused(ErrorCode::InvalidInput, |ws| ws.add_external_dependency(p, &bad));
    assert!(msg.contains("needed-by"), "{msg}");
    // Deleting the waiting item clears the link; undo brings both back.
    f.undoable("delete the waiting item", |ws| ws.delete_item(item).unwrap());
    let log = f.undoable("delete dependency", |ws| ws.delete_external_dependency(id).unwrap());
    assert!(log.dependencies.is_empty());
}

#[test]
fn risks_due_for_review_are_found_across_projects() {
    let mut f = fixture();
    let (p, other) = (f.project, f.other);
    let due = |f: &Fixture, title: &str, offset: i64, status: RiskStatus, score: i64| RiskInput {
        title: title.into(),
        probability: score,
        impact: 1,
        review_date: f.day(offset),
        status: Some(status),
        owner_id: Some(f.dana),
        ..Default::default()
    };
    let inputs = [
        (p, due(&f, "Yesterday", -1, RiskStatus::Open, 2)),
        (p, due(&f, "Today", 0, RiskStatus::Monitoring, 3)),
        (other, due(&f, "Last week", -7, RiskStatus::Open, 1)),
        (other, due(&f, "Tomorrow", 1, RiskStatus::Open, 5)),
        (p, due(&f, "Closed long ago", -30, RiskStatus::Closed, 5)),
        (p, due(&f, "Occurred", -2, RiskStatus::Occurred, 5)),
    ];
    for (project, input) in &inputs {
        f.ws.add_risk(*project, input).unwrap();
    }
    let list = f.ws.risks_due_for_review_on(f.today).unwrap();
    let titles: Vec<&str> = list.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Last week", "Yesterday", "Today"]);
    assert_eq!(list[0].project_name, "Network");
    assert_eq!(list[0].owner_name.as_deref(), Some("Dana Whitfield"));
    let log = f.ws.raid_log(p).unwrap();
    let flagged: Vec<&str> = log
        .risks
        .iter()
        .filter(|r| r.due_for_review)
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(flagged.len(), 2);
    assert!(flagged.contains(&"Today") && flagged.contains(&"Yesterday"));
    // A day later, tomorrow's is due too.
    let later = f.ws.risks_due_for_review_on(f.today + Duration::days(1)).unwrap();
    assert_eq!(later.len(), 4);
}

#[test]
fn a_project_types_typical_risks_land_in_the_register() {
    let mut f = fixture();
    let template =
        f.ws.project_templates()
            .unwrap()
            .into_iter()
            .find(|t| t.template.key == "data-migration")
            .expect("the built-in data migration type");
    let project =
        f.ws.create_project_from_template(
            template.id,
            &ProjectInput {
                name: "Ledger move".into(),
                methodology: Methodology::Waterfall,
                start_date: Some("2026-03-02".into()),
                finish_date: None,
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    let log = f.ws.raid_log(project).unwrap();
    assert_eq!(log.risks.len(), template.template.risks.len());
    let loss = log.risks.iter().find(|r| r.title == "Data loss or corruption").unwrap();
    assert_eq!(
        loss.category,
        RiskCategory::DataLoss,
        "the template's \"data\" reads as data loss"
    );
    assert_eq!(
        log.heat_map.cells.iter().flatten().sum::<u32>() as usize,
        log.risks.len()
    );
}

#[test]
fn a_read_only_workspace_refuses_raid_edits() {
    let mut f = fixture();
    let p = f.project;
    let id = f.risk("Before", 2, 2);
    // A second window on the same file opens it read-only.
    let mut second = Workspace::open(&f.path).unwrap();
    assert!(second.is_read_only());
    assert_eq!(second.raid_log(p).unwrap().risks.len(), 1);
    let before = dump(&f.path);
    let input = RiskInput {
        title: "After".into(),
        ..Default::default()
    };
    for err in [
        second.add_risk(p, &input).unwrap_err(),
        second.update_risk(id, &input).unwrap_err(),
        second.delete_risk(id).unwrap_err(),
        second.add_risk_action(id, "Act", None).unwrap_err(),
        second.raise_issue_from_risk(id).unwrap_err(),
        second
            .add_raid_issue(
                p,
                &IssueInput {
                    title: "X".into(),
                    ..Default::default()
                },
            )
            .unwrap_err(),
    ] {
        assert_eq!(err.code(), ErrorCode::ReadOnly, "{err}");
    }
    assert_eq!(differing(&before, &dump(&f.path)), Vec::<String>::new());
}
