//! IT operations: services, SLA targets, availability, satisfaction, incidents and project links,
//! each edit undone and redone with every table compared; the refusals (an incident ending before
//! it starts among them) leave the file as it was; the SLA, availability and health rules at
//! their boundaries.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::health::{Area, Rag};
use bridgeplan_core::operations::rules::{
    computed_availability, months_ending, service_health, sla_state, HealthInput, SlaState,
};
use bridgeplan_core::operations::{IncidentInput, ServiceDetail, ServiceInput};
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, ErrorCode, Id, Workspace};
use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
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

fn differing(a: &Dump, b: &Dump) -> Vec<String> {
    a.keys()
        .chain(b.keys())
        .filter(|t| a.get(*t) != b.get(*t))
        .cloned()
        .collect()
}

fn t(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// Runs `f` with "now" fixed at the local wall-clock time `at`.
fn at<T>(text: &str, f: impl FnOnce() -> T) -> T {
    let instant = Local
        .from_local_datetime(&t(text))
        .earliest()
        .unwrap()
        .with_timezone(&Utc);
    clock::at_instant(instant, f)
}

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
    service: Id,
}

/// A workspace on 2026-12-15 with one project and one service "ERP" (default targets).
/// Tests that hold one run inside `at("2026-12-15 12:00", …)`, whatever day the suite runs on.
fn fixture() -> Fixture {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ops.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: "ERP Cloud Migration".into(),
            methodology: Methodology::Waterfall,
            start_date: Some("2026-09-01".into()),
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    let service = at("2026-12-15 12:00", || {
        ws.add_service(&ServiceInput {
            name: "ERP".into(),
            ..Default::default()
        })
        .unwrap()
        .service
        .id
    });
    Fixture {
        _dir: dir,
        path,
        ws,
        project,
        service,
    }
}

impl Fixture {
    fn undoable<T>(&mut self, what: &str, edit: impl FnOnce(&mut Workspace) -> T) -> T {
        at("2026-12-15 12:00", || {
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
        })
    }

    /// Runs an edit that must be refused with `code`, the file unchanged; returns the message.
    fn refused<T: std::fmt::Debug>(
        &mut self,
        code: ErrorCode,
        edit: impl FnOnce(&mut Workspace) -> bridgeplan_core::Result<T>,
    ) -> String {
        at("2026-12-15 12:00", || {
            let before = dump(&self.path);
            let err = edit(&mut self.ws).expect_err("refused");
            assert_eq!(err.code(), code, "{err}");
            assert_eq!(
                differing(&before, &dump(&self.path)),
                Vec::<String>::new(),
                "nothing saved: {err}"
            );
            err.to_string()
        })
    }

    fn detail(&self) -> ServiceDetail {
        at("2026-12-15 12:00", || self.ws.service_detail(self.service).unwrap())
    }
}

fn incident(started: &str, responded: Option<&str>, resolved: Option<&str>) -> IncidentInput {
    IncidentInput {
        title: "Ledger down".into(),
        severity: Some(1),
        started_at: started.into(),
        responded_at: responded.map(str::to_string),
        resolved_at: resolved.map(str::to_string),
        outage: true,
        ..Default::default()
    }
}

#[test]
fn a_new_service_gets_the_default_sla_targets() {
    at("2026-12-15 12:00", || {
        let f = fixture();
        let d = f.detail();
        let sla: Vec<(u8, i64, i64)> = d
            .service
            .sla
            .iter()
            .map(|s| (s.severity, s.response_minutes, s.resolution_minutes))
            .collect();
        assert_eq!(sla, [(1, 15, 240), (2, 30, 480), (3, 240, 4320), (4, 1440, 7200)]);
        assert_eq!(d.service.availability_target, 99.5);
        assert_eq!(d.service.satisfaction_target, 4.0);
        assert_eq!(d.months.len(), 12);
        assert_eq!(d.months.last().unwrap().month, "2026-12");
        assert_eq!(d.months[0].month, "2026-01");
    })
}

#[test]
fn every_edit_is_undone_and_redone_whole() {
    at("2026-12-15 12:00", || {
        let mut f = fixture();
        let service = f.service;
        let project = f.project;
        let owner = f.ws.add_person("Raj Patel", "Infrastructure Lead").unwrap().id;
        f.undoable("adding a service", |ws| {
            ws.add_service(&ServiceInput {
                name: "VPN".into(),
                ..Default::default()
            })
            .unwrap()
        });
        f.undoable("editing a service", |ws| {
            ws.update_service(
                service,
                &ServiceInput {
                    name: "ERP finance".into(),
                    description: "The finance system".into(),
                    owner_id: Some(owner),
                    availability_target: Some(99.9),
                    satisfaction_target: Some(4.2),
                },
            )
            .unwrap()
        });
        let d = f.undoable("setting P2 targets", |ws| {
            ws.set_sla_target(service, 2, 20, 360).unwrap()
        });
        assert_eq!(d.service.sla[1].response_minutes, 20);
        f.undoable("recording availability", |ws| {
            ws.set_availability(service, "2026-11", Some(99.7)).unwrap()
        });
        f.undoable("changing availability", |ws| {
            ws.set_availability(service, "2026-11", Some(99.2)).unwrap()
        });
        f.undoable("removing availability", |ws| {
            ws.set_availability(service, "2026-11", None).unwrap()
        });
        f.undoable("recording satisfaction", |ws| {
            ws.set_satisfaction(service, "2026-11", Some(3.8), 52).unwrap()
        });
        f.undoable("removing satisfaction", |ws| {
            ws.set_satisfaction(service, "2026-11", None, 0).unwrap()
        });
        let d = f.undoable("logging an incident", |ws| {
            ws.add_incident(service, &incident("2026-12-10 08:00", Some("2026-12-10 08:10"), None))
                .unwrap()
        });
        let id = d.incidents[0].id;
        f.undoable("resolving an incident", |ws| {
            let mut input = incident("2026-12-10 08:00", Some("2026-12-10 08:10"), Some("2026-12-10 11:00"));
            input.project_id = Some(project);
            ws.update_incident(id, &input).unwrap()
        });
        let d = f.undoable("linking a project", |ws| {
            ws.link_service_project(service, project, "replaces it").unwrap()
        });
        let link = d.projects[0].id;
        f.undoable("unlinking a project", |ws| ws.unlink_service_project(link).unwrap());
        f.undoable("deleting an incident", |ws| ws.delete_incident(id).unwrap());
        // Deleting the service takes its targets, figures, incidents and links; undo brings all back.
        f.ws.set_availability(service, "2026-10", Some(99.9)).unwrap();
        f.ws.set_satisfaction(service, "2026-10", Some(4.1), 30).unwrap();
        f.ws.add_incident(service, &incident("2026-12-01 08:00", None, None))
            .unwrap();
        f.ws.link_service_project(service, project, "").unwrap();
        f.undoable("deleting a service", |ws| ws.delete_service(service).unwrap());
    })
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_saved() {
    at("2026-12-15 12:00", || {
        let mut f = fixture();
        let s = f.service;
        let m = f.refused(ErrorCode::InvalidInput, |ws| {
            ws.add_incident(s, &incident("2026-12-10 08:00", None, Some("2026-12-10 07:59")))
        });
        assert!(
            m.contains("cannot end before it starts") && m.contains("2026-12-10 07:59"),
            "{m}"
        );
        let m = f.refused(ErrorCode::InvalidInput, |ws| {
            ws.add_incident(s, &incident("2026-12-10 08:00", Some("2026-12-09 23:00"), None))
        });
        assert!(m.contains("before it starts"), "{m}");
        let m = f.refused(ErrorCode::InvalidInput, |ws| {
            ws.add_incident(
                s,
                &incident("2026-12-10 08:00", Some("2026-12-10 12:00"), Some("2026-12-10 09:00")),
            )
        });
        assert!(m.contains("after the resolution"), "{m}");
        let m = f.refused(ErrorCode::InvalidInput, |ws| {
            ws.add_incident(s, &incident("2026-02-30 08:00", None, None))
        });
        assert!(m.contains("not a real date"), "{m}");
        let mut bad = incident("2026-12-10 08:00", None, None);
        bad.severity = Some(5);
        f.refused(ErrorCode::InvalidInput, |ws| ws.add_incident(s, &bad));
        let mut bad = incident("2026-12-10 08:00", None, None);
        bad.title = "  ".into();
        f.refused(ErrorCode::InvalidInput, |ws| ws.add_incident(s, &bad));
        let mut bad = incident("2026-12-10 08:00", None, None);
        bad.project_id = Some(12345);
        f.refused(ErrorCode::NotFound, |ws| ws.add_incident(s, &bad));
        // Editing an incident into the same mistake is refused too.
        let id =
            f.ws.add_incident(s, &incident("2026-12-10 08:00", None, None))
                .unwrap()
                .incidents[0]
                .id;
        f.refused(ErrorCode::InvalidInput, |ws| {
            ws.update_incident(id, &incident("2026-12-10 08:00", None, Some("2026-12-01 08:00")))
        });

        for a in [-0.1, 100.01, f64::NAN] {
            let m = f.refused(ErrorCode::InvalidInput, |ws| ws.set_availability(s, "2026-11", Some(a)));
            assert!(m.contains("0 to 100"), "{m}");
        }
        f.refused(ErrorCode::InvalidInput, |ws| {
            ws.set_availability(s, "2027-01", Some(99.0))
        });
        f.refused(ErrorCode::InvalidInput, |ws| {
            ws.set_availability(s, "2026-13", Some(99.0))
        });
        for score in [0.9, 5.1] {
            let m = f.refused(ErrorCode::InvalidInput, |ws| {
                ws.set_satisfaction(s, "2026-11", Some(score), 10)
            });
            assert!(m.contains("1 to 5"), "{m}");
        }
        f.refused(ErrorCode::InvalidInput, |ws| {
            ws.set_satisfaction(s, "2026-11", Some(4.0), -1)
        });
        for (severity, response, resolution) in [(1, 0, 240), (1, 15, 0), (1, -5, 240), (0, 15, 240), (5, 15, 240)] {
            f.refused(ErrorCode::InvalidInput, |ws| {
                ws.set_sla_target(s, severity, response, resolution)
            });
        }
        let named = |name: &str| ServiceInput {
            name: name.into(),
            ..Default::default()
        };
        let m = f.refused(ErrorCode::Duplicate, |ws| ws.add_service(&named("erp")));
        assert!(m.contains("already a service"), "{m}");
        f.refused(ErrorCode::InvalidInput, |ws| ws.add_service(&named(" ")));
        for target in [0.0, 100.5, -1.0] {
            let mut input = named("Mail");
            input.availability_target = Some(target);
            f.refused(ErrorCode::InvalidInput, |ws| ws.add_service(&input));
        }
        let mut input = named("Mail");
        input.satisfaction_target = Some(6.0);
        f.refused(ErrorCode::InvalidInput, |ws| ws.add_service(&input));
        let mut input = named("Mail");
        input.owner_id = Some(999);
        f.refused(ErrorCode::NotFound, |ws| ws.add_service(&input));
        let project = f.project;
        f.ws.link_service_project(s, project, "").unwrap();
        f.refused(ErrorCode::Duplicate, |ws| ws.link_service_project(s, project, ""));
        f.refused(ErrorCode::NotFound, |ws| ws.delete_incident(777));
        f.refused(ErrorCode::NotFound, |ws| ws.delete_service(777));
    })
}

#[test]
fn an_sla_is_met_on_its_target_and_breached_a_minute_after() {
    let start = t("2026-12-10 08:00");
    let now = t("2026-12-10 20:00");
    assert_eq!(sla_state(start, Some(t("2026-12-10 08:15")), 15, now), SlaState::Met);
    assert_eq!(
        sla_state(start, Some(t("2026-12-10 08:16")), 15, now),
        SlaState::Breached
    );
    assert_eq!(sla_state(start, None, 15, t("2026-12-10 08:15")), SlaState::Open);
    assert_eq!(
        sla_state(start, None, 15, t("2026-12-10 08:16")),
        SlaState::BreachingNow
    );
    assert!(SlaState::BreachingNow.is_breach() && !SlaState::Open.is_breach());
}

#[test]
fn incidents_carry_their_breaches_as_of_now() {
    at("2026-12-15 12:00", || {
        let mut f = fixture();
        let s = f.service;
        // P1: 15 min to respond, 4 h to resolve.
        f.ws.add_incident(
            s,
            &incident("2026-12-10 08:00", Some("2026-12-10 08:15"), Some("2026-12-10 12:00")),
        )
        .unwrap();
        let mut late = incident("2026-12-11 08:00", Some("2026-12-11 08:16"), Some("2026-12-11 12:01"));
        late.title = "Late".into();
        f.ws.add_incident(s, &late).unwrap();
        let mut open = incident("2026-12-15 09:00", Some("2026-12-15 09:05"), None);
        open.title = "Open".into();
        f.ws.add_incident(s, &open).unwrap();
        let mut quiet = incident("2026-12-14 09:00", None, Some("2026-12-14 09:10"));
        quiet.title = "Resolved at once".into();
        f.ws.add_incident(s, &quiet).unwrap();
        let by = |d: &ServiceDetail, title: &str| d.incidents.iter().find(|i| i.title == title).cloned().unwrap();

        let d = at("2026-12-15 13:00", || f.ws.service_detail(s).unwrap());
        let met = by(&d, "Ledger down");
        assert_eq!(
            (met.response, met.resolution, met.breached),
            (SlaState::Met, SlaState::Met, false)
        );
        assert_eq!((met.response_minutes, met.resolution_minutes), (15, 240));
        let late = by(&d, "Late");
        assert_eq!(
            (late.response, late.resolution),
            (SlaState::Breached, SlaState::Breached)
        );
        let open = by(&d, "Open");
        assert_eq!((open.resolution, open.breached), (SlaState::Open, false));
        // Resolved without a response on record: resolving was the response.
        assert_eq!(by(&d, "Resolved at once").response, SlaState::Met);
        // A minute past four hours the open one is breaching now.
        let d = at("2026-12-15 13:01", || f.ws.service_detail(s).unwrap());
        let open = by(&d, "Open");
        assert_eq!((open.resolution, open.breached), (SlaState::BreachingNow, true));
        assert_eq!(open.resolution_minutes, 241);
        // Newest first.
        assert_eq!(d.incidents[0].title, "Open");
    })
}

#[test]
fn availability_is_computed_from_outages_around_the_clock() {
    // November 2026: 30 days = 43,200 minutes.
    let now = t("2026-12-15 12:00");
    assert_eq!(computed_availability("2026-11", &[], now), Some((100.0, 0)));
    let outages = [
        (t("2026-11-10 08:00"), Some(t("2026-11-10 12:00"))),
        // Overlaps the first by an hour: counted once.
        (t("2026-11-10 11:00"), Some(t("2026-11-10 13:00"))),
        // Runs over the month's end: only November's part counts here.
        (t("2026-11-30 23:00"), Some(t("2026-12-01 01:00"))),
    ];
    let (pct, down) = computed_availability("2026-11", &outages, now).unwrap();
    assert_eq!(down, 5 * 60 + 60);
    assert!((pct - 100.0 * (43_200.0 - 360.0) / 43_200.0).abs() < 1e-9, "{pct}");
    assert_eq!(computed_availability("2026-12", &outages, now).unwrap().1, 60);
    // The current month counts up to now; an open outage lasts until now.
    let open = [(t("2026-12-15 11:00"), None)];
    let (pct, down) = computed_availability("2026-12", &open, now).unwrap();
    assert_eq!(down, 60);
    let elapsed = 14.0 * 1440.0 + 720.0;
    assert!((pct - 100.0 * (elapsed - 60.0) / elapsed).abs() < 1e-9);
    assert_eq!(computed_availability("2027-01", &open, now), None);
    assert_eq!(
        months_ending(NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(), 3),
        ["2026-12", "2027-01", "2027-02"]
    );
}

#[test]
fn the_detail_shows_measured_beside_computed_availability() {
    at("2026-12-15 12:00", || {
        let mut f = fixture();
        let s = f.service;
        f.ws.add_incident(
            s,
            &incident("2026-11-10 08:00", Some("2026-11-10 08:05"), Some("2026-11-10 11:36")),
        )
        .unwrap();
        f.ws.set_availability(s, "2026-11", Some(99.4)).unwrap();
        let d = f.detail();
        let nov = d.months.iter().find(|m| m.month == "2026-11").unwrap();
        assert_eq!(nov.measured, Some(99.4));
        assert_eq!(nov.downtime_minutes, 216);
        assert!((nov.computed.unwrap() - 99.5).abs() < 1e-9);
        let oct = d.months.iter().find(|m| m.month == "2026-10").unwrap();
        assert_eq!((oct.measured, oct.computed), (None, Some(100.0)));
    })
}

fn input() -> HealthInput {
    HealthInput {
        availability_target: 99.5,
        satisfaction_target: 4.0,
        availability: Some(99.5),
        availability_measured: true,
        breaches_this_month: 0,
        open_critical: 0,
        satisfaction: Some((4.0, "2026-11".into())),
    }
}

#[test]
fn service_health_rates_stability_uptime_and_satisfaction() {
    let h = service_health(&input());
    assert_eq!(
        (h.overall, h.stability.rag, h.uptime.rag, h.satisfaction.rag),
        (Rag::Green, Rag::Green, Rag::Green, Rag::Green)
    );
    assert_eq!(h.uptime.reason, "Availability 99.5 % (measured) ≥ target 99.5 %");
    // Uptime: amber while downtime is within twice the allowance (99.0 for 99.5), red below.
    let rate = |a: f64| {
        service_health(&HealthInput {
            availability: Some(a),
            ..input()
        })
        .uptime
        .rag
    };
    assert_eq!(
        (rate(99.49), rate(99.0), rate(98.99)),
        (Rag::Amber, Rag::Amber, Rag::Red)
    );
    // Stability: one breach amber, two red, an open P1 red.
    let stab = |b: usize, p1: usize| {
        service_health(&HealthInput {
            breaches_this_month: b,
            open_critical: p1,
            ..input()
        })
        .stability
    };
    assert_eq!(
        (stab(1, 0).rag, stab(2, 0).rag, stab(0, 1).rag),
        (Rag::Amber, Rag::Red, Rag::Red)
    );
    assert_eq!(stab(2, 0).reason, "2 SLA breaches this month");
    // Satisfaction: amber within half a point under the target, red below.
    let sat = |s: f64| {
        service_health(&HealthInput {
            satisfaction: Some((s, "2026-11".into())),
            ..input()
        })
        .satisfaction
        .rag
    };
    assert_eq!((sat(3.99), sat(3.5), sat(3.49)), (Rag::Amber, Rag::Amber, Rag::Red));
    // The worst side rules; missing figures are said, not guessed.
    let h = service_health(&HealthInput {
        satisfaction: None,
        availability: None,
        breaches_this_month: 1,
        ..input()
    });
    assert_eq!(h.overall, Rag::Amber);
    assert!(h.satisfaction.reason.contains("No satisfaction score"));
}

#[test]
fn a_service_health_reads_this_months_figures() {
    at("2026-12-15 12:00", || {
        let mut f = fixture();
        let s = f.service;
        // A P1 outage this month that took 5 hours: a resolution breach and 300 minutes down.
        f.ws.add_incident(
            s,
            &incident("2026-12-02 08:00", Some("2026-12-02 08:10"), Some("2026-12-02 13:00")),
        )
        .unwrap();
        f.ws.set_satisfaction(s, "2026-11", Some(3.4), 20).unwrap();
        let d = f.detail();
        assert_eq!(d.health.stability.rag, Rag::Amber);
        assert!(
            d.health.uptime.reason.contains("from outages"),
            "{}",
            d.health.uptime.reason
        );
        assert_eq!(d.health.satisfaction.rag, Rag::Red);
        assert_eq!(d.health.overall, Rag::Red);
        // A measured figure for the month wins over the computed one.
        f.ws.set_availability(s, "2026-12", Some(99.95)).unwrap();
        assert_eq!(f.detail().health.uptime.rag, Rag::Green);
    })
}

#[test]
fn the_dashboard_sets_services_beside_projects_and_a_project_sees_its_services() {
    at("2026-12-15 12:00", || {
        let mut f = fixture();
        let s = f.service;
        let p = f.project;
        let mut caused = incident("2026-12-02 08:00", Some("2026-12-02 08:10"), Some("2026-12-02 09:00"));
        caused.project_id = Some(p);
        f.ws.add_incident(s, &caused).unwrap();
        f.ws.link_service_project(s, p, "replaces it").unwrap();
        let board = at("2026-12-15 12:00", || f.ws.operations_dashboard().unwrap());
        assert_eq!(board.month, "2026-12");
        assert_eq!(board.services.len(), 1);
        assert_eq!(board.services[0].months.len(), 12);
        assert_eq!(board.services[0].projects, ["ERP Cloud Migration"]);
        assert_eq!(board.projects.len(), 1);
        let side = &board.projects[0];
        assert_eq!(side.services, ["ERP"]);
        assert_eq!(side.in_scope.rag, Rag::Green);
        assert!(side.on_budget.reason.contains("no budget"), "{}", side.on_budget.reason);
        let mine = at("2026-12-15 12:00", || f.ws.operations_for_project(p).unwrap());
        assert_eq!(mine.services.len(), 1);
        assert_eq!(mine.caused_incidents.len(), 1);
        assert_eq!(
            mine.caused_incidents[0].project_name.as_deref(),
            Some("ERP Cloud Migration")
        );
        // Deleting the project unlinks it and clears the incidents' cause; undo restores both.
        f.undoable("deleting the project", |ws| ws.delete_project(p).unwrap());
    })
}

#[test]
fn the_project_side_is_the_health_areas_rating() {
    clock::on_day(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(), || {
        let mut ws = Workspace::in_memory().unwrap();
        bridgeplan_core::demo::fill_demo(&mut ws, clock::today()).unwrap();
        let sides = bridgeplan_core::operations::dashboard::project_side(&ws).unwrap();
        assert_eq!(sides.len(), ws.projects().unwrap().len());
        for side in sides {
            let health = ws.project_health(side.project_id, clock::today()).unwrap();
            assert_eq!(side.overall, health.overall.rag, "{}", side.name);
            assert_eq!(side.on_time.rag, health.area(Area::Schedule).rag, "{}", side.name);
            assert_eq!(side.in_scope.rag, health.area(Area::Scope).rag, "{}", side.name);
            assert_eq!(side.on_budget.rag, health.area(Area::Budget).rag, "{}", side.name);
        }
    })
}
