//! Health: each rule at its thresholds (pure), missing data, overall as the worst area, the
//! thresholds as settings (validation, refusal with nothing saved, undo), overrides, dated
//! snapshots (one per day, replaced undoably) and the dashboard on the demo.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::demo::fill_demo;
use bridgeplan_core::health::rules::{self, Inputs};
use bridgeplan_core::health::{Area, HealthSettings, OverrideInput, Rag};
use bridgeplan_core::{clock, ErrorCode, Id, Workspace};
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

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

struct Demo {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("health.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    fill_demo(&mut ws, today()).unwrap();
    Demo { _dir: dir, path, ws }
}

fn id(ws: &Workspace, name: &str) -> Id {
    ws.project_by_name(name).unwrap().id
}

fn s() -> HealthSettings {
    HealthSettings::default()
}

fn base() -> Inputs {
    Inputs {
        spi: Some(1.0),
        cpi: Some(1.0),
        bac: 100_000,
        ev: 50_000,
        vac: Some(0),
        slip_days: Some(0),
        risks_recorded: 1,
        open_risks: vec![("Low".into(), 4)],
        ..Default::default()
    }
}

#[test]
fn spi_rates_the_schedule_at_its_thresholds() {
    let rate = |spi: f64| {
        rules::schedule(
            &Inputs {
                spi: Some(spi),
                ..base()
            },
            &s(),
        )
    };
    assert_eq!(rate(0.90).rag, Rag::Green);
    let amber = rate(0.84);
    assert_eq!(amber.rag, Rag::Amber);
    assert_eq!(amber.reasons[0], "SPI 0.84 < 0.90 → schedule amber");
    assert_eq!(rate(0.80).rag, Rag::Amber);
    assert_eq!(rate(0.79).rag, Rag::Red);
    // Compared as shown: 0.8996 reads 0.90.
    assert_eq!(rate(0.8996).rag, Rag::Green);
}

#[test]
fn the_finish_slip_overdue_milestones_and_items_rate_the_schedule() {
    let rate = |i: Inputs| rules::schedule(&i, &s()).rag;
    assert_eq!(
        rate(Inputs {
            slip_days: Some(1),
            ..base()
        }),
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            slip_days: Some(9),
            ..base()
        }),
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            slip_days: Some(10),
            ..base()
        }),
        Rag::Red
    );
    assert_eq!(
        rate(Inputs {
            slip_days: Some(-3),
            ..base()
        }),
        Rag::Green
    );
    let one = vec!["Go-live".to_string()];
    assert_eq!(
        rate(Inputs {
            overdue_milestones: one.clone(),
            ..base()
        }),
        Rag::Amber
    );
    let two = vec!["Go-live".to_string(), "UAT".to_string()];
    assert_eq!(
        rate(Inputs {
            overdue_milestones: two,
            ..base()
        }),
        Rag::Red
    );
    assert_eq!(
        rate(Inputs {
            overdue_items: 1,
            ..base()
        }),
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            overdue_items: 5,
            ..base()
        }),
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            overdue_items: 6,
            ..base()
        }),
        Rag::Red
    );
}

#[test]
fn cpi_and_the_forecast_overrun_rate_the_budget() {
    let rate = |i: Inputs| rules::budget(&i, &s());
    assert_eq!(
        rate(Inputs {
            cpi: Some(0.95),
            ..base()
        })
        .rag,
        Rag::Green
    );
    let amber = rate(Inputs {
        cpi: Some(0.94),
        ..base()
    });
    assert_eq!(
        (amber.rag, amber.reasons[0].as_str()),
        (Rag::Amber, "CPI 0.94 < 0.95 → budget amber")
    );
    assert_eq!(
        rate(Inputs {
            cpi: Some(0.85),
            ..base()
        })
        .rag,
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            cpi: Some(0.84),
            ..base()
        })
        .rag,
        Rag::Red
    );
    // VAC −5 % of BAC is amber, −10 % red, −4.9 % green.
    assert_eq!(
        rate(Inputs {
            vac: Some(-4_900),
            ..base()
        })
        .rag,
        Rag::Green
    );
    assert_eq!(
        rate(Inputs {
            vac: Some(-5_000),
            ..base()
        })
        .rag,
        Rag::Amber
    );
    let red = rate(Inputs {
        vac: Some(-10_000),
        ..base()
    });
    assert_eq!(red.rag, Rag::Red);
    assert!(red.reasons[1].contains("10.0 % of BAC ≥ 10.0 %"), "{:?}", red.reasons);
}

#[test]
fn change_requests_and_deliverables_rate_the_scope() {
    let rate = |i: Inputs| rules::scope(&i, &s()).rag;
    assert_eq!(
        rate(Inputs {
            proposed_changes: 1,
            ..base()
        }),
        Rag::Green
    );
    assert_eq!(
        rate(Inputs {
            proposed_changes: 1,
            approved_changes: 1,
            ..base()
        }),
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            proposed_changes: 4,
            ..base()
        }),
        Rag::Red
    );
    assert_eq!(
        rate(Inputs {
            overdue_deliverables: vec!["UAT report".into()],
            ..base()
        }),
        Rag::Amber
    );
    let rejected = rules::scope(
        &Inputs {
            rejected_deliverables: vec!["Runbook".into()],
            ..base()
        },
        &s(),
    );
    assert_eq!(rejected.rag, Rag::Red);
    assert!(
        rejected.reasons.iter().any(|r| r.contains("\"Runbook\"")),
        "{:?}",
        rejected.reasons
    );
}

#[test]
fn risk_scores_reviews_and_issues_rate_the_risk() {
    let risks = |scores: &[i64]| Inputs {
        open_risks: scores.iter().map(|s| (format!("R{s}"), *s)).collect(),
        ..base()
    };
    let rate = |i: Inputs| rules::risk(&i, &s()).rag;
    assert_eq!(rate(risks(&[9, 8])), Rag::Green);
    assert_eq!(rate(risks(&[10])), Rag::Amber);
    assert_eq!(rate(risks(&[16, 12, 10])), Rag::Amber);
    assert_eq!(rate(risks(&[16, 12, 10, 15])), Rag::Red);
    let critical = rules::risk(&risks(&[20]), &s());
    assert_eq!(critical.rag, Rag::Red);
    assert!(critical.reasons[0].contains("score 20 ≥ 20"), "{:?}", critical.reasons);
    assert_eq!(
        rate(Inputs {
            risks_review_overdue: 1,
            ..base()
        }),
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            high_issues: vec!["VPN".into()],
            ..base()
        }),
        Rag::Amber
    );
    assert_eq!(
        rate(Inputs {
            critical_issues: vec!["Outage".into()],
            ..base()
        }),
        Rag::Red
    );
}

#[test]
fn missing_data_is_stated_and_never_turns_a_project_red() {
    let nothing = Inputs::default();
    for rated in rules::rate_areas(&nothing, &s()) {
        assert_eq!(rated.rag, Rag::Green, "{:?}", rated);
    }
    let budget = rules::budget(&nothing, &s());
    assert!(budget.not_enough_data && budget.reasons[0].starts_with("Not enough data"));
    let schedule = rules::schedule(&nothing, &s());
    assert!(schedule.not_enough_data);
    assert!(
        schedule.reasons.iter().any(|r| r.contains("no baseline")),
        "{:?}",
        schedule.reasons
    );
    assert!(rules::risk(&nothing, &s()).not_enough_data);
    // Nothing earned yet: SPI and CPI are not judged.
    let unstarted = Inputs {
        spi: Some(0.0),
        cpi: Some(0.0),
        ev: 0,
        ..base()
    };
    assert_eq!(rules::schedule(&unstarted, &s()).rag, Rag::Green);
    assert_eq!(rules::budget(&unstarted, &s()).rag, Rag::Green);
}

#[test]
fn overall_is_the_worst_area() {
    let e = |rags: [Rag; 4]| {
        let areas = [Area::Scope, Area::Schedule, Area::Budget, Area::Risk];
        let list: Vec<_> = areas
            .iter()
            .zip(rags)
            .map(|(a, r)| (*a, r, "why".to_string(), false))
            .collect();
        rules::overall(&list)
    };
    assert_eq!(e([Rag::Green; 4]).rag, Rag::Green);
    let o = e([Rag::Green, Rag::Amber, Rag::Red, Rag::Amber]);
    assert_eq!(o.rag, Rag::Red);
    assert_eq!(o.reasons, vec!["Budget red (why) → overall red".to_string()]);
}

#[test]
fn settings_are_validated_saved_in_one_undoable_edit_and_change_the_rating() {
    clock::on_day(today(), || {
        let mut d = demo();
        assert_eq!(d.ws.health_settings().unwrap(), HealthSettings::default());
        let before = dump(&d.path);
        for bad in [
            HealthSettings {
                spi_amber: 0.80,
                spi_red: 0.80,
                ..s()
            },
            HealthSettings { cpi_amber: 3.0, ..s() },
            HealthSettings {
                slip_amber_days: 10,
                slip_red_days: 5,
                ..s()
            },
            HealthSettings {
                overrun_amber_pct: 0.0,
                ..s()
            },
            HealthSettings {
                open_changes_amber: 0,
                ..s()
            },
            HealthSettings {
                high_risks_red: 1,
                ..s()
            },
            HealthSettings {
                spi_red: f64::NAN,
                ..s()
            },
        ] {
            let err = d.ws.set_health_settings(&bad).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidInput, "{err}");
            assert_eq!(dump(&d.path), before, "nothing saved for {bad:?}");
        }
        let erp = id(&d.ws, "ERP Cloud Migration");
        assert_eq!(
            d.ws.project_health(erp, today()).unwrap().area(Area::Schedule).computed,
            Rag::Amber
        );
        let loose = HealthSettings {
            spi_amber: 0.70,
            spi_red: 0.60,
            slip_amber_days: 5,
            overdue_items_red: 10,
            ..s()
        };
        let view = d.ws.set_health_settings(&loose).unwrap();
        assert_eq!(view.values, loose);
        assert_eq!(view.defaults, s());
        let schedule = d.ws.project_health(erp, today()).unwrap().area(Area::Schedule).clone();
        assert!(
            schedule.reasons[0].starts_with("SPI 0.80 ≥ 0.70"),
            "{:?}",
            schedule.reasons
        );
        d.ws.undo().unwrap().unwrap();
        assert_eq!(dump(&d.path), before);
        assert_eq!(d.ws.health_settings().unwrap(), s());
    });
}

#[test]
fn an_override_shows_beside_the_computed_rating_and_undoes() {
    clock::on_day(today(), || {
        let mut d = demo();
        let erp = id(&d.ws, "ERP Cloud Migration");
        let before = dump(&d.path);
        let input = |comment: &str| OverrideInput {
            area: Area::Budget,
            rag: Rag::Green,
            comment: comment.into(),
            set_by: "Dana".into(),
        };
        let err = d.ws.set_health_override(erp, &input("   ")).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert_eq!(dump(&d.path), before);
        let err = d.ws.set_health_override(987_654_321, &input("x")).unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);

        let h = d.ws.set_health_override(erp, &input("vendor confirmed date")).unwrap();
        let budget = h.area(Area::Budget);
        assert_eq!((budget.computed, budget.rag), (Rag::Amber, Rag::Green));
        assert_eq!(
            budget.summary,
            "Computed amber, overridden green by Dana: 'vendor confirmed date'"
        );
        assert_eq!(budget.override_.as_ref().unwrap().set_by, "Dana");
        // Replacing the override is one more undoable edit.
        let after_first = dump(&d.path);
        let h =
            d.ws.set_health_override(
                erp,
                &OverrideInput {
                    rag: Rag::Red,
                    ..input("invoice dispute")
                },
            )
            .unwrap();
        assert_eq!(h.area(Area::Budget).rag, Rag::Red);
        d.ws.undo().unwrap().unwrap();
        assert_eq!(dump(&d.path), after_first);

        let h = d.ws.clear_health_override(erp, Area::Budget).unwrap();
        assert!(h.area(Area::Budget).override_.is_none());
        assert_eq!(dump(&d.path), before);
        let err = d.ws.clear_health_override(erp, Area::Budget).unwrap_err();
        assert_eq!(err.code(), ErrorCode::NotFound);
        d.ws.undo().unwrap().unwrap();
        assert_eq!(dump(&d.path), after_first);
        d.ws.undo().unwrap().unwrap();
        assert_eq!(dump(&d.path), before);

        // Overriding overall itself wins over the worst area; blank "who" is the manager.
        let h =
            d.ws.set_health_override(
                erp,
                &OverrideInput {
                    area: Area::Overall,
                    rag: Rag::Red,
                    comment: "Board escalation".into(),
                    set_by: String::new(),
                },
            )
            .unwrap();
        assert_eq!(h.overall.rag, Rag::Red);
        let manager = d.ws.project(erp).unwrap().manager.unwrap_or_default();
        assert_eq!(h.area(Area::Overall).override_.as_ref().unwrap().set_by, manager);
        let dot =
            d.ws.health_dots(today())
                .unwrap()
                .into_iter()
                .find(|d| d.project_id == erp)
                .unwrap();
        assert!(dot.overridden && dot.rag == Rag::Red && dot.reason.contains("Board escalation"));
    });
}

#[test]
fn one_snapshot_per_day_replaced_undoably() {
    let mut d = clock::on_day(today(), demo);
    let erp = id(&d.ws, "ERP Cloud Migration");
    let net = id(&d.ws, "Network Refresh");
    let next_day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    clock::on_day(next_day, || {
        let before = dump(&d.path);
        let list = d.ws.take_status_snapshot(net, "First look").unwrap();
        assert_eq!(list.len(), 1);
        let snap = &list[0];
        assert_eq!(snap.taken_on, next_day);
        // The override is in force: schedule green, and the reasons say so.
        assert_eq!(snap.schedule, Rag::Green);
        assert!(
            snap.reasons["schedule"][0].starts_with("Computed amber, overridden green"),
            "{:?}",
            snap.reasons
        );
        let first = dump(&d.path);
        let list = d.ws.take_status_snapshot(net, "Second look").unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].note, "Second look");
        d.ws.undo().unwrap().unwrap();
        assert_eq!(dump(&d.path), first);
        d.ws.undo().unwrap().unwrap();
        assert_eq!(dump(&d.path), before);
        let long = "x".repeat(1001);
        assert_eq!(
            d.ws.take_status_snapshot(net, &long).unwrap_err().code(),
            ErrorCode::InvalidInput
        );
        assert_eq!(dump(&d.path), before);
        // The ERP's trend from the demo: nine weekly snapshots, a dip to amber.
        let erp_list = d.ws.status_snapshots(erp).unwrap();
        assert_eq!(erp_list.len(), 9);
        assert_eq!(erp_list.last().unwrap().taken_on, today());
        assert!(erp_list.windows(2).all(|w| w[0].taken_on < w[1].taken_on));
        assert!(erp_list.iter().any(|s| s.overall == Rag::Amber));
        assert!(erp_list.iter().all(|s| s.spi.is_some() && s.cpi.is_some()));
    });
}

#[test]
fn the_dashboard_gathers_a_project_in_one_call() {
    clock::on_day(today(), || {
        let d = demo();
        let erp =
            d.ws.project_dashboard(id(&d.ws, "ERP Cloud Migration"), today())
                .unwrap();
        assert_eq!(erp.health.areas.len(), 5);
        assert!(erp.s_curve.is_some() && erp.burndown.is_none());
        assert_eq!(erp.snapshots.len(), 9);
        assert!(!erp.milestones.is_empty());
        assert!(erp.milestones.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(erp.top_risks.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(erp.budget.budget_minor > 0 && erp.budget.actual_minor > 0);
        assert!(erp.next_meetings.iter().all(|m| m.day >= today()));
        let portal = d.ws.project_dashboard(id(&d.ws, "Customer Portal"), today()).unwrap();
        assert!(portal.burndown.is_some() && portal.s_curve.is_none());
        assert_eq!(
            d.ws.project_dashboard(987_654_321, today()).unwrap_err().code(),
            ErrorCode::NotFound
        );
        // The portfolio's health column is the same rule.
        let portfolio = d.ws.portfolio().unwrap();
        for h in d.ws.all_project_health(today()).unwrap() {
            let row = portfolio.rows.iter().find(|r| r.project_id == h.project_id).unwrap();
            assert_eq!(row.health, h.overall);
        }
    });
}
