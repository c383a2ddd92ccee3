//! Budget and cost, and earned value: worked examples to the cent, planned value over a
//! weekend, actual cost from entries and logged time, costs kept in baselines, undo of every
//! edit, refused input and read-only files.

// Amounts are written as euros_cents (100_000_00 is €100,000.00), the way the worked examples read.
#![allow(clippy::inconsistent_digit_grouping)]

use bridgeplan_core::budget::evm::{accrue, figures, planned_fraction, TaskBudget};
use bridgeplan_core::budget::{BudgetCell, CostCategory, CostEntryInput, MAX_AMOUNT_MINOR};
use bridgeplan_core::plan::schedule::calendar::to_minute;
use bridgeplan_core::plan::schedule::Calendar;
use bridgeplan_core::plan::timeline::{ConstraintKind, DependencyKind, TaskPlanInput};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, ErrorCode, Id, Workspace};
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> i64 {
    to_minute(chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap())
}

/// A classic textbook set (used in PMP preparation courses, e.g. the example in the brief of
/// this feature): BAC 100,000, PV 50,000, EV 40,000, AC 45,000. Checked by hand:
/// SV = −10,000, CV = −5,000, SPI = 0.80, CPI = 0.8889, EAC = 100,000 / 0.8889 = 112,500.00,
/// ETC = 67,500.00, VAC = −12,500.00, TCPI = 60,000 / 55,000 = 1.0909.
#[test]
fn textbook_example_to_the_cent() {
    let f = figures(100_000_00, 50_000_00, 40_000_00, 45_000_00);
    assert_eq!((f.sv, f.cv), (-10_000_00, -5_000_00));
    assert_eq!(format!("{:.2}", f.spi.unwrap()), "0.80");
    assert_eq!(format!("{:.4}", f.cpi.unwrap()), "0.8889");
    assert_eq!(f.eac, Some(112_500_00));
    assert_eq!(f.etc, Some(67_500_00));
    assert_eq!(f.vac, Some(-12_500_00));
    assert_eq!(format!("{:.4}", f.tcpi.unwrap()), "1.0909");
    // AC + (BAC − EV) = 45,000 + 60,000; AC + (BAC − EV) / (CPI × SPI) = 45,000 + 60,000 / 0.7111.
    assert_eq!(f.eac_atypical, 105_000_00);
    assert_eq!(f.eac_combined, Some(129_375_00));
    assert!(f.unavailable.is_empty());
}

/// The four-sided fence of Rita Mulcahy's "PMP Exam Prep" (earned value exercise, p. 210 of
/// the edition it is quoted from): each side a one-day task budgeted at $1,000, built one after
/// the other; at the end of day 3 sides 1–2 are done (spent $1,000 and $1,200) and side 3 is
/// half done (spent $600). Book: PV 3,000, EV 2,500, AC 2,800, BAC 4,000, CV −300, CPI .893,
/// SV −500, SPI .833, EAC 4,479, ETC 1,679, VAC −479. The book divides by CPI rounded to .893;
/// unrounded, BAC / CPI = 4,000 × 2,800 / 2,500 = 4,480.00 exactly, hence ETC 1,680.00 and
/// VAC −480.00 here.
#[test]
fn fence_example_from_figures() {
    let f = figures(4_000_00, 3_000_00, 2_500_00, 2_800_00);
    assert_eq!((f.cv, f.sv), (-300_00, -500_00));
    assert_eq!(format!("{:.3}", f.cpi.unwrap()), "0.893");
    assert_eq!(format!("{:.3}", f.spi.unwrap()), "0.833");
    assert_eq!(f.eac, Some(4_480_00));
    assert_eq!(f.etc, Some(1_680_00));
    assert_eq!(f.vac, Some(-480_00));
    // The book's rounded CPI gives its 4,479: 4,000 / 0.893 = 4,479.28.
    assert_eq!((4_000.0_f64 / 0.893).floor(), 4_479.0);
}

#[test]
fn division_by_zero_gives_no_figure_and_a_reason() {
    let f = figures(10_000, 0, 0, 0);
    assert_eq!(
        (f.spi, f.cpi, f.eac, f.etc, f.vac, f.eac_combined),
        (None, None, None, None, None, None)
    );
    assert!(f.unavailable.iter().any(|r| r.starts_with("SPI")));
    assert!(f.unavailable.iter().any(|r| r.starts_with("CPI")));
    let spent = figures(10_000, 10_000, 5_000, 10_000);
    assert_eq!(spent.tcpi, None);
    assert!(spent.unavailable.iter().any(|r| r.starts_with("TCPI")));
    let nothing_earned = figures(10_000, 5_000, 0, 1_000);
    assert_eq!(nothing_earned.eac, None);
    assert!(nothing_earned.unavailable.iter().any(|r| r.starts_with("EAC")));
}

#[test]
fn planned_value_accrues_in_working_time_only() {
    let cal = Calendar::standard();
    // Friday 08:00 to Monday 17:00: two working days across a weekend.
    let (s, f) = (at("2026-03-06T08:00"), at("2026-03-09T17:00"));
    assert_eq!(planned_fraction(&cal, s, f, at("2026-03-07T00:00")), 0.5);
    assert_eq!(planned_fraction(&cal, s, f, at("2026-03-08T00:00")), 0.5);
    assert_eq!(planned_fraction(&cal, s, f, at("2026-03-09T00:00")), 0.5);
    assert_eq!(planned_fraction(&cal, s, f, at("2026-03-10T00:00")), 1.0);
    assert_eq!(planned_fraction(&cal, s, f, at("2026-03-06T08:00")), 0.0);
    // A milestone counts once its moment has passed.
    let m = at("2026-03-06T17:00");
    assert_eq!(planned_fraction(&cal, m, m, at("2026-03-06T16:00")), 0.0);
    assert_eq!(planned_fraction(&cal, m, m, at("2026-03-07T00:00")), 1.0);
    let tasks = [
        TaskBudget {
            bac_minor: 1_000,
            start: s,
            finish: f,
            percent_complete: 30.0,
        },
        TaskBudget {
            bac_minor: 333,
            start: m,
            finish: m,
            percent_complete: 100.0,
        },
    ];
    assert_eq!(accrue(&cal, &tasks, at("2026-03-08T00:00")), (1_333, 833, 633));
}

struct Plan {
    ws: Workspace,
    project: Id,
    tasks: Vec<Id>,
}

/// Four one-day tasks in a row from `start`, each 8 hours of a $125/h person: $1,000 each.
fn fence(ws: Workspace, start: &str) -> Plan {
    let mut ws = ws;
    let project = ws
        .create_project(&ProjectInput {
            name: "Fence".into(),
            methodology: Methodology::Waterfall,
            start_date: Some(start.into()),
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    let mut tasks = Vec::new();
    for n in 1..=4 {
        let item = ws
            .create_item(
                project,
                None,
                &WorkItemInput {
                    title: format!("Side {n}"),
                    assignee: Some("Builder".into()),
                    estimate_hours: Some(8.0),
                    ..Default::default()
                },
            )
            .unwrap();
        ws.set_task_plan(
            item.id,
            &TaskPlanInput {
                parent_id: None,
                duration_minutes: Some(480),
                constraint_type: ConstraintKind::Asap,
                constraint_date: None,
                actual_start: None,
                actual_finish: None,
                percent_complete: 0.0,
            },
        )
        .unwrap();
        if let Some(&previous) = tasks.last() {
            ws.add_dependency(previous, item.id, DependencyKind::Fs, 0).unwrap();
        }
        tasks.push(item.id);
    }
    let builder = ws.people().unwrap()[0].id;
    ws.set_person_resource(builder, None, 125_00).unwrap();
    Plan { ws, project, tasks }
}

fn set_percent(ws: &mut Workspace, item: Id, percent: f64) {
    ws.set_task_plan(
        item,
        &TaskPlanInput {
            parent_id: None,
            duration_minutes: Some(480),
            constraint_type: ConstraintKind::Asap,
            constraint_date: None,
            actual_start: None,
            actual_finish: None,
            percent_complete: percent,
        },
    )
    .unwrap();
}

fn entry(category: CostCategory, day: &str, amount_minor: i64) -> CostEntryInput {
    CostEntryInput {
        category,
        day: day.into(),
        amount_minor,
        description: "invoice".into(),
        item_id: None,
    }
}

#[test]
fn the_fence_in_a_workspace_gives_the_book_figures() {
    clock::fix_for_tests();
    // Monday 2 March 2026: the sides are Monday to Thursday; status at the end of Wednesday.
    let Plan { mut ws, project, tasks } = fence(Workspace::in_memory().unwrap(), "2026-03-02");
    ws.save_baseline(project, "Approved").unwrap();
    set_percent(&mut ws, tasks[0], 100.0);
    set_percent(&mut ws, tasks[1], 100.0);
    set_percent(&mut ws, tasks[2], 50.0);
    for (day, amount) in [
        ("2026-03-02", 1_000_00),
        ("2026-03-03", 1_200_00),
        ("2026-03-04", 600_00),
        ("2026-03-05", 999_00),
    ] {
        ws.add_cost_entry(project, &entry(CostCategory::Contractors, day, amount))
            .unwrap();
    }
    let ev = ws.earned_value(project, date("2026-03-04")).unwrap();
    assert_eq!(ev.baseline.as_deref(), Some("Approved"));
    let f = &ev.figures;
    assert_eq!((f.bac, f.pv, f.ev, f.ac), (4_000_00, 3_000_00, 2_500_00, 2_800_00));
    assert_eq!((f.eac, f.etc, f.vac), (Some(4_480_00), Some(1_680_00), Some(-480_00)));
    assert!(ev.eac_rule.starts_with("EAC = BAC / CPI"));

    // The S-curve: PV ends at BAC; EV and AC stop at the status date, the forecast starts there.
    let curve = ws.s_curve(project, date("2026-03-04")).unwrap();
    let last = curve.points.last().unwrap();
    assert_eq!(last.pv, 4_000_00);
    assert_eq!(last.forecast, Some(4_480_00));
    let status = curve.points.iter().find(|p| p.date == date("2026-03-04")).unwrap();
    assert_eq!(
        (status.ev, status.ac, status.forecast),
        (Some(2_500_00), Some(2_800_00), Some(2_800_00))
    );
    assert!(curve
        .points
        .iter()
        .filter(|p| p.date > date("2026-03-04"))
        .all(|p| p.ev.is_none() && p.ac.is_none()));
    // SPI 0.833 stretches the four days (Monday to Thursday: 3 calendar days) to 4.
    assert_eq!(ev.forecast_finish, Some(date("2026-03-06")));
}

#[test]
fn planned_value_does_not_grow_over_a_weekend() {
    clock::fix_for_tests();
    // Thursday 5 March 2026: sides on Thursday, Friday, Monday, Tuesday.
    let Plan { mut ws, project, .. } = fence(Workspace::in_memory().unwrap(), "2026-03-05");
    ws.save_baseline(project, "Approved").unwrap();
    let pv = |ws: &Workspace, d: &str| ws.earned_value(project, date(d)).unwrap().figures.pv;
    assert_eq!(pv(&ws, "2026-03-04"), 0);
    assert_eq!(pv(&ws, "2026-03-05"), 1_000_00);
    assert_eq!(pv(&ws, "2026-03-06"), 2_000_00);
    assert_eq!(pv(&ws, "2026-03-07"), 2_000_00);
    assert_eq!(pv(&ws, "2026-03-08"), 2_000_00);
    assert_eq!(pv(&ws, "2026-03-09"), 3_000_00);
    assert_eq!(pv(&ws, "2026-03-31"), 4_000_00);
}

#[test]
fn without_a_baseline_the_schedule_is_the_budget_and_the_answer_says_so() {
    clock::fix_for_tests();
    let Plan { ws, project, .. } = fence(Workspace::in_memory().unwrap(), "2026-03-02");
    let ev = ws.earned_value(project, date("2026-03-03")).unwrap();
    assert_eq!(ev.baseline, None);
    assert!(ev.basis.contains("No baseline"), "{}", ev.basis);
    assert_eq!((ev.figures.bac, ev.figures.pv), (4_000_00, 2_000_00));
}

fn file_plan(dir: &tempfile::TempDir) -> (std::path::PathBuf, Plan) {
    let path = dir.path().join("fence.bridgeplan");
    let plan = fence(Workspace::create(&path, None).unwrap(), "2026-03-02");
    (path, plan)
}

#[test]
fn a_baseline_keeps_each_task_cost_and_work() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let (path, Plan { mut ws, project, tasks }) = file_plan(&dir);
    let baseline = ws.save_baseline(project, "Approved").unwrap();
    ws.close().unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: Vec<(Id, i64, i64)> = conn
        .prepare("SELECT item_id, cost_minor, work_minutes FROM baseline_tasks WHERE baseline_id = ?1")
        .unwrap()
        .query_map([baseline.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 4);
    for t in &tasks {
        assert!(rows.contains(&(*t, 1_000_00, 480)), "{rows:?}");
    }
}

#[test]
fn actual_cost_adds_entries_and_logged_time_rounded_per_entry() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let (path, Plan { mut ws, project, tasks }) = file_plan(&dir);
    ws.add_cost_entry(project, &entry(CostCategory::Cloud, "2026-03-02", 100_00))
        .unwrap();
    ws.add_cost_entry(project, &entry(CostCategory::Cloud, "2026-03-09", 55_00))
        .unwrap();
    ws.close().unwrap();
    {
        // Logged time as the time area writes it: 7 min at 125.00/h = 14.5833 → 14.58 each;
        // 1 min of a 0.90/h person = 0.015 → 0.02 (half away from zero).
        let conn = rusqlite::Connection::open(&path).unwrap();
        let builder: Id = conn.query_row("SELECT id FROM people", [], |r| r.get(0)).unwrap();
        conn.execute(
            "INSERT INTO people(name, role, created_at, cost_rate_minor, id) VALUES ('Cheap', '', '2026-01-01T00:00:00Z', 90, 77777777777)",
            [],
        )
        .unwrap();
        let mut n = 88888888888_i64;
        for (person, day, minutes) in [
            (builder, "2026-03-02", 7),
            (builder, "2026-03-03", 7),
            (77777777777, "2026-03-03", 1),
            (builder, "2026-03-10", 60),
        ] {
            n += 1;
            conn.execute(
                "INSERT INTO time_entries(item_id, person_id, day, minutes, created_at, id) VALUES (?1, ?2, ?3, ?4, '2026-03-01T00:00:00Z', ?5)",
                (tasks[0], person, day, minutes, n),
            )
            .unwrap();
        }
    }
    let ws = Workspace::open(&path).unwrap();
    let ev = ws.earned_value(project, date("2026-03-04")).unwrap();
    assert_eq!((ev.ac_entered, ev.ac_logged_time), (100_00, 14_58 + 14_58 + 2));
    assert_eq!(ev.figures.ac, 100_00 + 29_18);
    let summary = ws.cost_summary(project, Some("2026-03"), Some("2026-03")).unwrap();
    let staff = summary
        .categories
        .iter()
        .find(|c| c.category == CostCategory::Staff)
        .unwrap();
    assert_eq!(staff.logged_time_minor, 29_18 + 125_00);
    let cloud = summary
        .categories
        .iter()
        .find(|c| c.category == CostCategory::Cloud)
        .unwrap();
    assert_eq!(cloud.actual_minor, 155_00);
    assert_eq!(summary.actual_minor, 155_00 + 154_18);
    assert_eq!(
        ws.s_curve(project, date("2026-03-04")).unwrap().earned_value.figures.ac,
        129_18
    );
}

fn dump(ws: &Workspace, path: &std::path::Path) -> Vec<String> {
    let _ = ws;
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT id, project_id, category, period, amount_minor FROM budget_lines ORDER BY id",
        "SELECT id, project_id, category, day, amount_minor, description, coalesce(item_id, 0), seq FROM cost_entries ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
        out.push("--".into());
    }
    out
}

fn cells(list: &[(CostCategory, &str, Option<i64>)]) -> Vec<BudgetCell> {
    list.iter()
        .map(|(category, period, amount_minor)| BudgetCell {
            category: *category,
            period: period.to_string(),
            amount_minor: *amount_minor,
        })
        .collect()
}

#[test]
fn every_edit_undoes_and_redoes() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let (path, Plan { mut ws, project, tasks }) = file_plan(&dir);
    let step = |ws: &mut Workspace, f: &dyn Fn(&mut Workspace)| {
        let before = dump(ws, &path);
        f(ws);
        let after = dump(ws, &path);
        assert_ne!(before, after);
        ws.undo().unwrap().unwrap();
        assert_eq!(dump(ws, &path), before);
        ws.redo().unwrap().unwrap();
        assert_eq!(dump(ws, &path), after);
    };
    use CostCategory::*;
    step(&mut ws, &|ws| {
        let grid = ws
            .set_budget_cells(
                project,
                &cells(&[(Staff, "2026-03", Some(5_000_00)), (Cloud, "2026-04", Some(300_00))]),
            )
            .unwrap();
        assert_eq!(grid.total_minor, 5_300_00);
        assert_eq!(grid.periods, vec!["2026-03", "2026-04"]);
    });
    step(&mut ws, &|ws| {
        ws.set_budget_cells(
            project,
            &cells(&[
                (Staff, "2026-03", Some(4_000_00)),
                (Cloud, "2026-04", None),
                (Other, "2026-05", Some(1)),
            ]),
        )
        .unwrap();
    });
    assert_eq!(ws.history_state().undo_label.as_deref(), Some("Change 3 budget cells"));
    step(&mut ws, &|ws| {
        ws.set_budget_cells(project, &cells(&[(Staff, "2026-03", None)]))
            .unwrap();
    });
    step(&mut ws, &|ws| {
        let mut e = entry(Hardware, "2026-03-03", 12_34);
        e.item_id = Some(tasks[1]);
        let added = ws.add_cost_entry(project, &e).unwrap();
        assert_eq!(added.item_title.as_deref(), Some("Side 2"));
    });
    let id = ws.cost_entries(project).unwrap()[0].id;
    step(&mut ws, &|ws| {
        ws.update_cost_entry(id, &entry(Software, "2026-03-04", 99_00)).unwrap();
    });
    step(&mut ws, &|ws| {
        ws.delete_cost_entry(id).unwrap();
    });
}

#[test]
fn refused_input_saves_nothing() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let (path, Plan { mut ws, project, .. }) = file_plan(&dir);
    ws.set_budget_cells(project, &cells(&[(CostCategory::Staff, "2026-03", Some(1_00))]))
        .unwrap();
    ws.add_cost_entry(project, &entry(CostCategory::Other, "2026-03-02", 1_00))
        .unwrap();
    let id = ws.cost_entries(project).unwrap()[0].id;
    let before = dump(&ws, &path);
    fn invalid<T>(r: bridgeplan_core::Result<T>) {
        let e = r.map(|_| ()).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    }
    use CostCategory::*;
    // A good cell with a bad one: neither is saved.
    for bad in [Some(-1), Some(MAX_AMOUNT_MINOR + 1)] {
        invalid(ws.set_budget_cells(project, &cells(&[(Cloud, "2026-03", Some(5)), (Staff, "2026-04", bad)])));
    }
    for period in [
        "2026-13",
        "2026-00",
        "2026-1",
        "26-01",
        "abcd-ef",
        "",
        "2026-03-01",
        "2026/03",
        "+202-03",
    ] {
        invalid(ws.set_budget_cells(
            project,
            &cells(&[(Cloud, "2026-03", Some(5)), (Staff, period, Some(1))]),
        ));
    }
    invalid(ws.set_budget_cells(project, &[]));
    for bad in [
        entry(Staff, "2026-03-02", -5),
        entry(Staff, "2026-03-02", MAX_AMOUNT_MINOR + 1),
        entry(Staff, "2026-02-30", 5),
        entry(Staff, "yesterday", 5),
        entry(Staff, "", 5),
    ] {
        invalid(ws.add_cost_entry(project, &bad));
        invalid(ws.update_cost_entry(id, &bad));
    }
    // The largest accepted amount is accepted.
    assert!(ws
        .add_cost_entry(project, &entry(Staff, "2026-03-02", MAX_AMOUNT_MINOR))
        .is_ok());
    ws.undo().unwrap();
    invalid(ws.cost_summary(project, Some("2026-05"), Some("2026-04")));
    invalid(ws.cost_summary(project, Some("2026-5"), None));
    assert!(ws.cost_summary(project, None, None).is_ok());
    assert_eq!(dump(&ws, &path), before);
}

#[test]
fn a_read_only_workspace_refuses_every_budget_edit() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let (path, Plan { mut ws, project, .. }) = file_plan(&dir);
    ws.add_cost_entry(project, &entry(CostCategory::Other, "2026-03-02", 1_00))
        .unwrap();
    let id = ws.cost_entries(project).unwrap()[0].id;
    // The first window holds the lock, so the second opens the file read-only.
    let mut second = Workspace::open(&path).unwrap();
    assert!(second.is_read_only());
    let before = dump(&second, &path);
    let refused = |r: bridgeplan_core::Result<()>| assert_eq!(r.unwrap_err().code(), ErrorCode::ReadOnly);
    refused(
        second
            .set_budget_cells(project, &cells(&[(CostCategory::Staff, "2026-03", Some(1))]))
            .map(|_| ()),
    );
    refused(
        second
            .add_cost_entry(project, &entry(CostCategory::Other, "2026-03-02", 1))
            .map(|_| ()),
    );
    refused(
        second
            .update_cost_entry(id, &entry(CostCategory::Other, "2026-03-02", 1))
            .map(|_| ()),
    );
    refused(second.delete_cost_entry(id));
    // Reading still works.
    assert_eq!(
        second.earned_value(project, date("2026-03-04")).unwrap().figures.ac,
        1_00
    );
    assert_eq!(dump(&second, &path), before);
}
