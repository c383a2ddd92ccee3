//! The demo tells the same story on every date: built for every day of a whole year
//! (29 February and 31 December among them), it keeps each thing the user guide shows.

use std::collections::HashSet;

use bridgeplan_core::agile::sprints::SprintState;
use bridgeplan_core::demo::{company_holiday, fill_demo, week_start};
use bridgeplan_core::plan::schedule::Constraint;
use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::{interchange::mspdi, Workspace};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// What must hold for the demo built on `today`; each broken rule is described.
fn broken_rules(today: NaiveDate) -> Vec<String> {
    let mut ws = Workspace::in_memory().unwrap();
    fill_demo(&mut ws, today).unwrap();
    let mut broken = Vec::new();
    let mut expect = |ok: bool, rule: &str| {
        if !ok {
            broken.push(format!("{today} ({}): {rule}", today.weekday()));
        }
    };

    // The ERP plan: the critical path through the tasks the user guide and the tests name.
    let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
    let approved = ws.baselines(erp.id).unwrap().first().map(|b| b.id);
    let plan = ws.project_schedule_against(erp.id, approved).unwrap();
    let task = |name: &str| plan.tasks.iter().find(|t| t.name.starts_with(name)).unwrap();
    for name in [
        "Landing zone build",
        "Migration rehearsal 1",
        "User acceptance testing",
        "Go-live",
    ] {
        expect(task(name).critical, &format!("\"{name}\" is on the critical path"));
    }
    for name in ["Map custom ERP reports", "Vendor licence transfer approval"] {
        expect(!task(name).critical, &format!("\"{name}\" has float"));
    }
    // One "finish no later than" constraint, and it is met.
    let exported = mspdi::read(&mspdi::export(&ws, erp.id).unwrap().xml).unwrap();
    let fnlt: Vec<_> = exported
        .tasks
        .iter()
        .filter(|t| matches!(t.task.constraint, Constraint::FinishNoLaterThan(_)))
        .collect();
    expect(fnlt.len() == 1, "exactly one task must finish no later than a date");
    expect(
        task("Vendor licence").total_float_hours > 0.0,
        "the licence approval meets its deadline",
    );
    // A company holiday on a weekday inside the plan, which no task works on.
    let calendar = ws.project_working_calendar(erp.id).unwrap();
    let holidays: Vec<NaiveDate> = calendar
        .exceptions
        .iter()
        .filter_map(|e| NaiveDate::parse_from_str(&e.day, "%Y-%m-%d").ok())
        .collect();
    let start = plan.tasks.iter().map(|t| t.start.date()).min().unwrap();
    let finish = plan.tasks.iter().map(|t| t.finish.date()).max().unwrap();
    expect(
        holidays
            .iter()
            .any(|d| (start..=finish).contains(d) && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && *d > today),
        "a company holiday on a coming weekday inside the plan",
    );
    expect(
        plan.tasks
            .iter()
            .all(|t| t.summary || t.milestone || !holidays.contains(&t.start.date())),
        "nothing starts on the holiday",
    );
    expect(
        plan.tasks
            .iter()
            .any(|t| t.baseline_finish.is_some_and(|b| t.finish > b)),
        "the holiday shows as slip against the approved baseline",
    );
    let variance = ws.baseline_variance(approved.unwrap()).unwrap();
    let finish_slip = variance
        .iter()
        .map(|v| v.finish_variance_hours)
        .fold(f64::MIN, f64::max);
    expect(
        finish_slip == 8.0,
        "the plan finishes one working day late against the approved baseline",
    );
    expect(
        holidays.contains(&company_holiday(today)),
        "the holiday is the one the tests name",
    );

    // Overdue and blocked items on the boards.
    let mut overdue = 0;
    let mut blocked = 0;
    for project in ws.projects().unwrap() {
        for column in ws.board(project.id).unwrap().columns {
            let done = column.status.category == StatusCategory::Done;
            overdue += column
                .items
                .iter()
                .filter(|i| !done && i.due_date.is_some_and(|d| d < today))
                .count();
            if column.status.name == "Blocked" {
                blocked += column.items.len();
            }
        }
    }
    expect(overdue >= 3, "several overdue items");
    expect(blocked >= 1, "a blocked item");

    // A running sprint planned over capacity, and finished sprints with a velocity.
    let portal = ws.project_by_name("Customer Portal").unwrap();
    let sprints = ws.sprints(portal.id).unwrap();
    let running: Vec<_> = sprints.iter().filter(|s| s.state == SprintState::Active).collect();
    expect(running.len() == 1, "exactly one running sprint");
    expect(
        running
            .iter()
            .all(|s| s.capacity_points.is_some_and(|c| s.committed_points > c)),
        "the running sprint is over capacity",
    );
    let velocity = ws.velocity(portal.id).unwrap();
    expect(velocity.len() == 3, "three finished sprints");
    expect(
        velocity.iter().all(|v| v.completed == v.committed && v.committed > 0.0),
        "every finished sprint's stories count as completed",
    );

    // The manager's career: an exam in 45 days and an overdue development goal.
    let dana = ws
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Dana Whitfield")
        .unwrap();
    let exams: HashSet<NaiveDate> = ws
        .person_certifications(dana.id)
        .unwrap()
        .iter()
        .filter_map(|c| c.exam_date)
        .collect();
    expect(exams.contains(&(today + Duration::days(45))), "an exam in 45 days");
    let goals = ws.development_goals(dana.id).unwrap();
    expect(goals.iter().filter(|g| g.overdue).count() == 1, "one overdue goal");
    budget_rules(&ws, today, &mut expect);
    broken
}

/// The budget story: the ERP project has a budget, costs to date, and earned value a little
/// over budget and about a day behind; the network refresh has a hardware budget.
fn budget_rules(ws: &Workspace, today: NaiveDate, expect: &mut impl FnMut(bool, &str)) {
    let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
    let ev = ws.earned_value(erp.id, today).unwrap();
    let f = &ev.figures;
    expect(
        ev.baseline.is_some() && f.bac > 0,
        "the ERP baseline carries a budget (BAC > 0)",
    );
    expect(f.ac > 0, "the ERP project has actual costs (AC > 0)");
    let cpi = f.cpi.unwrap_or(0.0);
    expect(
        (0.9..1.0).contains(&cpi),
        &format!("the ERP CPI is a little below 1 (it is {cpi:.3})"),
    );
    let spi = f.spi.unwrap_or(0.0);
    // The percent complete of the plan's tasks puts the work done at about four fifths of
    // the work planned to date (it moves with the weekday of the status date).
    expect(
        (0.7..1.0).contains(&spi),
        &format!("the ERP SPI is a little behind (it is {spi:.3})"),
    );
    let grid = ws.budget_grid(erp.id).unwrap();
    let categories: HashSet<_> = grid.cells.iter().map(|c| c.category).collect();
    expect(categories.len() >= 5, "the ERP budget has five categories");
    let network = ws.project_by_name("Network Refresh").unwrap();
    let hardware = ws.budget_grid(network.id).unwrap();
    expect(
        hardware
            .cells
            .iter()
            .any(|c| c.category == bridgeplan_core::budget::CostCategory::Hardware),
        "the network refresh has a hardware budget",
    );
}

#[test]
fn the_demo_tells_the_same_story_on_every_day_of_a_year() {
    // 1 July 2027 to 30 June 2028: every weekday, 31 December and 29 February.
    let first = NaiveDate::from_ymd_opt(2027, 7, 1).unwrap();
    let days: Vec<NaiveDate> = (0..366).map(|n| first + Duration::days(n)).collect();
    assert!(days.contains(&NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()));
    assert!(days.contains(&NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()));
    // Two threads, for the machine's two cores.
    let (a, b) = days.split_at(days.len() / 2);
    let check = |days: Vec<NaiveDate>| {
        move || {
            days.into_iter()
                .flat_map(|day| bridgeplan_core::clock::on_day(day, || broken_rules(day)))
                .collect::<Vec<_>>()
        }
    };
    let left = std::thread::spawn(check(a.to_vec()));
    let mut broken = check(b.to_vec())();
    broken.extend(left.join().unwrap());
    assert!(broken.is_empty(), "{} broken:\n{}", broken.len(), broken.join("\n"));
}

#[test]
fn the_plan_and_the_sprints_count_from_the_monday_of_the_week() {
    let wednesday = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    assert_eq!(week_start(wednesday), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    assert_eq!(week_start(monday), monday);
    let sunday = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    assert_eq!(week_start(sunday), monday);
    let broken = bridgeplan_core::clock::on_day(sunday, || broken_rules(sunday));
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn the_demos_logged_time_runs_up_to_yesterday_on_working_days() {
    use bridgeplan_core::time::feeds;
    // A Monday, a Wednesday, a Sunday, 1 January and 29 February.
    for day in ["2026-11-30", "2026-12-02", "2026-12-06", "2027-01-01", "2028-02-29"] {
        let today = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            for project in ["ERP Cloud Migration", "Customer Portal"] {
                let id = ws.project_by_name(project).unwrap().id;
                let cost = feeds::logged_cost(&ws, id, today).unwrap();
                assert!(cost > 100_000, "{today}: {project} has {cost} of logged cost");
                let yesterday = today - Duration::days(1);
                assert_eq!(
                    feeds::logged_cost(&ws, id, yesterday).unwrap(),
                    cost,
                    "{today}: nothing today"
                );
            }
            let holiday = company_holiday(today);
            for person in ws.people().unwrap() {
                for back in [0, 1, 2, 3] {
                    let sheet = ws.timesheet(person.id, today - Duration::days(7 * back)).unwrap();
                    for (d, minutes) in sheet.days.iter().zip(&sheet.day_totals) {
                        let off = d.weekday() == Weekday::Sat
                            || d.weekday() == Weekday::Sun
                            || (person.name == "Jonas Berg" && d.weekday() == Weekday::Fri)
                            || (*d == holiday && person.name != "Jonas Berg")
                            || *d >= today;
                        assert!(
                            !off || *minutes == 0,
                            "{today}: {} logged {minutes} min on {d}",
                            person.name
                        );
                        assert!(*minutes <= 480, "{today}: {} logged {minutes} min on {d}", person.name);
                    }
                }
            }
        });
    }
}

#[test]
fn the_demo_projects_have_their_phase_framework_type_and_history() {
    use bridgeplan_core::lifecycle::{Framework, Phase};
    for day in ["2026-12-01", "2027-02-28", "2028-02-29"] {
        let today: NaiveDate = day.parse().unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let overview = |name: &str| ws.lifecycle_overview(ws.project_by_name(name).unwrap().id).unwrap();
            let erp = overview("ERP Cloud Migration");
            assert_eq!((erp.phase, erp.framework), (Phase::Execute, Framework::Pmbok), "{day}");
            assert_eq!(erp.history.len(), 2);
            assert!(erp
                .history
                .iter()
                .all(|m| m.moved_at.as_str() < today.to_string().as_str()));
            let all: Vec<_> = erp.checklists.iter().flat_map(|c| &c.items).collect();
            let baseline = all.iter().find(|i| i.key == "baseline-saved").unwrap();
            assert!(baseline.done && baseline.reason.starts_with("Baseline 'Approved plan'"));
            assert!(all.iter().any(|i| !i.auto && i.done));
            assert_eq!(erp.project_type.unwrap().name, "Data migration");
            assert!(!erp.risks.is_empty());
            let portal = overview("Customer Portal");
            assert_eq!((portal.phase, portal.framework), (Phase::Execute, Framework::Agile));
            let network = overview("Network Refresh");
            assert_eq!((network.phase, network.framework), (Phase::Plan, Framework::Itil));
            assert_eq!(overview("Security Hardening").phase, Phase::Monitor);
            assert_eq!(ws.portfolio().unwrap().rows.len(), 4);
        });
    }
}

/// The Network Refresh's resources: hardware on its tasks, and Raj on two tasks at once, which
/// levelling resolves within float (the finish does not move), on days across a year.
#[test]
fn the_network_refresh_levels_within_float_on_any_day() {
    for today in [
        NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 27).unwrap(),
        NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
    ] {
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            assert!(ws.equipment().unwrap().len() >= 4, "{today}");
            let project = ws.project_by_name("Network Refresh").unwrap();
            let monday = week_start(today);
            let u = ws.utilisation(Some(project.id), monday, 6).unwrap();
            let raj = u.rows.iter().find(|r| r.name == "Raj Patel").unwrap();
            assert!(
                raj.cells.iter().any(|c| c.over && c.tasks.len() == 2),
                "{today}: Raj is double-booked"
            );
            let p = ws.levelling_preview(project.id, false).unwrap();
            assert!(p.conflicts.is_empty(), "{today}: {:?}", p.conflicts);
            assert_eq!(p.finish_moved_days, 0.0, "{today}");
            assert_eq!(
                p.changes.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
                vec!["Update network diagrams and CMDB"],
                "{today}"
            );
        });
    }
}

/// The ERP migration's scope and change control: an implemented change that added a task off
/// the critical path, and one waiting for a decision.
#[test]
fn the_demo_has_scope_and_an_implemented_and_a_pending_change() {
    use bridgeplan_core::scope::changes::{ChangeStatus, LinkAction};
    for day in [(2026, 12, 2), (2027, 2, 28), (2028, 1, 3)] {
        let today = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
            let scope = ws.project_scope(erp.id).unwrap();
            assert_eq!(scope.objectives.len(), 3);
            assert!(scope.deliverables.len() >= 4);
            assert!(scope
                .deliverables
                .iter()
                .any(|d| d.acceptance == bridgeplan_core::scope::Acceptance::Accepted));
            assert!(!scope.in_scope.is_empty() && !scope.out_of_scope.is_empty());
            let cr = |code: &str| scope.changes.iter().find(|c| c.code == code).unwrap();
            assert_eq!(cr("CR-1").status, ChangeStatus::Implemented);
            let link = &cr("CR-1").links[0];
            assert_eq!(
                (link.action, link.item_title.as_str()),
                (LinkAction::Added, "Data archive extract")
            );
            let pending = cr("CR-2");
            assert_eq!(pending.status, ChangeStatus::Proposed);
            assert!(pending.cost_impact_minor > 0 && pending.schedule_impact_days > 0);
            let plan = ws.project_schedule(erp.id).unwrap();
            let extract = plan.tasks.iter().find(|t| t.name == "Data archive extract").unwrap();
            assert!(!extract.critical && extract.total_float_hours > 0.0);
            assert!(
                ws.history_state().undo_label.is_none(),
                "the demo is not the user's edit"
            );
        });
    }
}

/// Lessons learned over the four projects (some went well, some to improve), the close
/// checklist's lessons item ticked from them, and My day with work due or overdue on any day.
#[test]
fn the_demo_has_lessons_and_a_full_my_day() {
    use bridgeplan_core::lessons::LessonKind;
    for day in [(2026, 12, 2), (2026, 12, 4), (2026, 12, 6), (2027, 2, 28), (2028, 1, 3)] {
        let today = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let lessons = ws.lessons().unwrap();
            assert_eq!(lessons.len(), 8);
            assert!(lessons.iter().all(|l| l.project_id.is_some() && l.recorded_on < today));
            assert!(lessons.iter().any(|l| l.kind == LessonKind::WentWell));
            assert!(lessons.iter().any(|l| l.kind == LessonKind::Improve));
            let projects: std::collections::BTreeSet<&str> = lessons.iter().map(|l| l.project_name.as_str()).collect();
            assert_eq!(projects.len(), 4, "every demo project has lessons");
            let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
            let overview = ws.lifecycle_overview(erp.id).unwrap();
            let item = overview
                .checklists
                .iter()
                .flat_map(|c| c.items.iter())
                .find(|i| i.key == "lessons-learned")
                .unwrap();
            assert!(item.done && item.reason == "3 lessons recorded", "{}", item.reason);
            let my_day = ws.my_day(None).unwrap();
            assert!(my_day.due.iter().any(|i| i.days_overdue > 0), "overdue work on {today}");
            assert!(!my_day.goals.is_empty(), "goals and renewals as Upcoming showed");
        });
    }
}

#[test]
fn the_demo_has_a_health_trend_that_dips_to_amber_and_an_override() {
    use bridgeplan_core::health::{Area, Rag};
    for day in ["2026-12-02", "2027-02-28", "2026-06-14"] {
        let today = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
            let trend = ws.status_snapshots(erp.id).unwrap();
            assert_eq!(trend.len(), 9, "{day}");
            assert_eq!(trend.last().unwrap().taken_on, today, "{day}");
            assert_eq!(trend[0].overall, Rag::Amber, "{day}: risk amber from the start");
            assert!(trend.iter().any(|s| s.schedule == Rag::Green) && trend.iter().any(|s| s.schedule == Rag::Amber));
            let net = ws.project_by_name("Network Refresh").unwrap();
            let h = ws.project_health(net.id, today).unwrap();
            let schedule = h.area(Area::Schedule);
            assert_eq!(schedule.rag, Rag::Green, "{day}");
            assert!(
                schedule.summary.contains("Vendor confirmed"),
                "{day}: {}",
                schedule.summary
            );
            assert!(
                ws.history_state().undo_label.is_none(),
                "{day}: the demo leaves no undo step"
            );
        });
    }
}

/// The ERP migration's RAID log: risks across categories with owners and responses, one due
/// for review, one occurred with its issue, actions on the board, three issues, three
/// assumptions and two dependencies (one late); the other projects have risks too.
#[test]
fn the_demo_has_a_raid_log() {
    use bridgeplan_core::raid::{RiskCategory, RiskStatus};
    use std::collections::HashSet;
    for day in [(2026, 12, 2), (2027, 2, 28), (2028, 1, 3)] {
        let today = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
            let log = ws.raid_log(erp.id).unwrap();
            assert!(log.risks.len() >= 8, "{} risks", log.risks.len());
            let categories: HashSet<RiskCategory> = log.risks.iter().map(|r| r.category).collect();
            for c in [
                RiskCategory::DataLoss,
                RiskCategory::Vendor,
                RiskCategory::Staffing,
                RiskCategory::Compliance,
                RiskCategory::Cybersecurity,
            ] {
                assert!(categories.contains(&c), "{c:?}");
            }
            assert!(log.risks.iter().all(|r| r.owner_id.is_some() && r.response.is_some()));
            assert!(log.risks.windows(2).all(|w| w[0].score >= w[1].score));
            let due: Vec<_> = log.risks.iter().filter(|r| r.due_for_review).collect();
            assert_eq!(due.len(), 1);
            let occurred: Vec<_> = log.risks.iter().filter(|r| r.status == RiskStatus::Occurred).collect();
            assert_eq!(occurred.len(), 1);
            let issue = occurred[0].issue_id.expect("the occurred risk's issue");
            assert!(log.issues.iter().any(|i| i.id == issue));
            assert_eq!(log.issues.len(), 3);
            assert!(log.risks.iter().map(|r| r.actions.len()).sum::<usize>() >= 2);
            assert_eq!(log.assumptions.len(), 3);
            assert_eq!(log.dependencies.len(), 2);
            assert_eq!(log.dependencies.iter().filter(|d| d.late).count(), 1);
            let all_due = ws.risks_due_for_review_on(today).unwrap();
            assert_eq!(all_due.len(), 1, "only the ERP's data-quality risk is due");
            for other in ["Customer Portal", "Network Refresh", "Security Hardening"] {
                let project = ws.project_by_name(other).unwrap();
                assert!(ws.raid_log(project.id).unwrap().risks.len() >= 2, "{other}");
            }
        });
    }
}

#[test]
fn the_demo_has_erp_stakeholders_a_due_communication_and_a_raci_flag() {
    use bridgeplan_core::stakeholders::Quadrant;
    for day in [(2026, 12, 2), (2027, 2, 28), (2028, 1, 3), (2028, 12, 31)] {
        let today = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
            let all = ws.project_stakeholders(erp.id).unwrap();
            assert_eq!(all.stakeholders.len(), 7);
            let quadrants: HashSet<String> = all.stakeholders.iter().map(|s| format!("{:?}", s.quadrant)).collect();
            assert_eq!(quadrants.len(), 4, "every quadrant has someone: {quadrants:?}");
            let sponsor = all.stakeholders.iter().find(|s| s.role.contains("sponsor")).unwrap();
            assert_eq!(sponsor.quadrant, Quadrant::ManageClosely);
            assert_eq!(all.communications.len(), 4);
            let due = ws.communications_due().unwrap();
            let due: Vec<&str> = due.iter().map(|c| c.what.as_str()).collect();
            assert_eq!(due, ["Key-user update"], "exactly one line is due on {today}");
            let problems = ws.raci_problems(erp.id).unwrap();
            let flagged: Vec<&str> = problems.iter().map(|p| p.label.as_str()).collect();
            assert_eq!(flagged, ["Cutover runbook"]);
            assert!(all.raci_deliverables.columns.len() >= 10);
            assert!(
                ws.history_state().undo_label.is_none(),
                "the demo is not the user's edit"
            );
        });
    }
}

/// The meetings the user guide shows: the ERP's weekly status series (three past with notes,
/// decisions and actions, the next to come), a steering committee and a retrospective; the
/// portal's stand-ups with the latest on the working day before today; two blocked items.
#[test]
fn the_demo_has_meetings_stand_ups_and_blocked_items() {
    use bridgeplan_core::meetings::{previous_working_day, MeetingKind};
    for day in [
        (2026, 12, 2),
        (2026, 11, 30),
        (2026, 12, 6),
        (2027, 1, 1),
        (2028, 2, 29),
    ] {
        let today = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let erp = ws.project_by_name("ERP Cloud Migration").unwrap().id;
            let list = ws.meetings(erp).unwrap();
            let status: Vec<_> = list.iter().filter(|m| m.kind == MeetingKind::Status).collect();
            assert_eq!(status.iter().filter(|m| m.day < today).count(), 3, "{today}");
            assert_eq!(status.iter().filter(|m| m.day >= today).count(), 1, "{today}");
            for m in status.iter().filter(|m| m.day < today) {
                let full = ws.meeting(m.id).unwrap();
                assert!(!full.notes.is_empty() && !full.decisions.is_empty() && !full.actions.is_empty());
                assert!(full.actions.iter().all(|a| a.owner.is_some()));
            }
            assert!(list.iter().any(|m| m.kind == MeetingKind::Steering && m.day < today));
            assert!(list.iter().any(|m| m.kind == MeetingKind::Retrospective));
            assert!(
                list.iter().all(|m| m.day.weekday().number_from_monday() <= 5),
                "{today}"
            );
            assert_eq!(ws.next_meetings(erp, 1).unwrap()[0].kind, MeetingKind::Status);
            let portal = ws.project_by_name("Customer Portal").unwrap().id;
            let standups = ws.meetings(portal).unwrap();
            assert_eq!(standups[0].kind, MeetingKind::Standup);
            assert_eq!(standups[0].day, previous_working_day(today), "{today}");
            let view = ws.standup(portal).unwrap();
            assert_eq!(view.since, previous_working_day(today));
            assert!(
                view.people.iter().any(|p| !p.blocked.is_empty()),
                "{today}: someone is blocked"
            );
            let blocked: i64 = ["ERP Cloud Migration", "Customer Portal"]
                .iter()
                .map(|p| {
                    let id = ws.project_by_name(p).unwrap().id;
                    ws.board(id)
                        .unwrap()
                        .columns
                        .iter()
                        .flat_map(|c| &c.items)
                        .filter(|i| i.blocked_reason.is_some())
                        .count() as i64
                })
                .sum();
            assert_eq!(blocked, 2);
            assert!(ws.history_state().undo_label.is_none());
        });
    }
}

/// The demo's IT operations: three services with twelve months of figures, a critical ERP outage
/// last month that breached its resolution target, a VPN outage the ERP migration caused, and the
/// projects linked to the services they change — on a month's first and last days too.
#[test]
fn the_demo_runs_three_services_with_incidents_the_erp_migration_affects() {
    use bridgeplan_core::operations::rules::SlaState;
    for day in [(2026, 12, 2), (2027, 3, 1), (2027, 12, 31), (2028, 2, 29)] {
        let today = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        bridgeplan_core::clock::on_day(today, || {
            let mut ws = Workspace::in_memory().unwrap();
            fill_demo(&mut ws, today).unwrap();
            let dashboard = ws.operations_dashboard().unwrap();
            let names: Vec<&str> = dashboard.services.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, ["E-mail", "ERP", "VPN"], "{today}");
            let tile = |name: &str| dashboard.services.iter().find(|s| s.name == name).unwrap();
            for s in &dashboard.services {
                let measured = s.months.iter().filter(|m| m.measured.is_some()).count();
                assert_eq!(
                    measured, 11,
                    "{today}: {} has the eleven months before this one measured",
                    s.name
                );
                assert!(s.latest_satisfaction.is_some());
            }
            let detail = ws.service_detail(tile("ERP").id).unwrap();
            let p1 = detail.incidents.iter().find(|i| i.severity == 1).unwrap();
            assert!(p1.outage && p1.resolution == SlaState::Breached, "{today}: {p1:?}");
            assert_eq!(detail.satisfaction.len(), 12);
            // Last month's measured figure shows the outage.
            let last = &detail.months[10];
            assert!(
                last.measured.unwrap() < 99.5 && last.computed.unwrap() < 99.5,
                "{today}: {last:?}"
            );
            let vpn = ws.service_detail(tile("VPN").id).unwrap();
            let caused = vpn
                .incidents
                .iter()
                .find(|i| i.project_name.as_deref() == Some("ERP Cloud Migration"))
                .unwrap();
            assert!(caused.outage && !caused.breached);
            let erp = ws.project_by_name("ERP Cloud Migration").unwrap();
            let touched = ws.operations_for_project(erp.id).unwrap();
            let touched_names: Vec<&str> = touched.services.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(touched_names, ["ERP", "VPN"]);
            assert_eq!(touched.caused_incidents.len(), 1);
            let network = ws.project_by_name("Network Refresh").unwrap();
            let touched = ws.operations_for_project(network.id).unwrap();
            assert_eq!(touched.services.len(), 1);
            assert_eq!(touched.services[0].name, "VPN");
            let side = dashboard
                .projects
                .iter()
                .find(|p| p.name == "ERP Cloud Migration")
                .unwrap();
            assert_eq!(side.services, ["ERP", "VPN"]);
            assert!(ws.history_state().undo_label.is_none());
        });
    }
}
