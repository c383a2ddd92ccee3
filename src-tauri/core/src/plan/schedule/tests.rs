//! Hand-checked networks on the standard calendar (Mon–Fri 08:00–12:00, 13:00–17:00).
//! 2026-03-02 is a Monday. A day is 480 working minutes.

use chrono::{NaiveDate, NaiveDateTime};

use super::calendar::{from_minute, to_minute};
use super::*;

const DAY: Minute = 480;

fn at(s: &str) -> Minute {
    to_minute(NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
}

fn show(m: Minute) -> String {
    from_minute(m).format("%Y-%m-%d %H:%M").to_string()
}

struct Plan {
    net: Network,
}

impl Plan {
    fn new(start: &str) -> Plan {
        Plan {
            net: Network {
                start: at(start),
                calendars: vec![Calendar::standard()],
                calendar: 0,
                tasks: Vec::new(),
                links: Vec::new(),
                honor_constraints: true,
            },
        }
    }

    fn task(&mut self, name: &str, days: f64) -> usize {
        self.net.tasks.push(Task::new(name, (days * DAY as f64) as Minute));
        self.net.tasks.len() - 1
    }

    fn under(&mut self, parent: usize, name: &str, days: f64) -> usize {
        let t = self.task(name, days);
        self.net.tasks[t].parent = Some(parent);
        t
    }

    fn link(&mut self, pred: usize, succ: usize, kind: LinkType, lag: Lag) {
        self.net.links.push(Link {
            predecessor: pred,
            successor: succ,
            kind,
            lag,
        });
    }

    fn fs(&mut self, pred: usize, succ: usize) {
        self.link(pred, succ, LinkType::FinishToStart, Lag::Work(0));
    }

    fn run(&self) -> Schedule {
        schedule(&self.net).unwrap()
    }
}

/// (early start, early finish, late start, late finish) as text.
fn dates(s: &Schedule, t: usize) -> [String; 4] {
    let r = s.tasks[t];
    [
        show(r.early_start),
        show(r.early_finish),
        show(r.late_start),
        show(r.late_finish),
    ]
}

#[test]
fn a_finish_to_start_chain_skips_the_weekend() {
    let mut p = Plan::new("2026-03-05 08:00"); // Thursday
    let a = p.task("Design", 3.0);
    let b = p.task("Build", 2.0);
    p.fs(a, b);
    let s = p.run();
    assert_eq!(dates(&s, a)[..2], ["2026-03-05 08:00", "2026-03-09 17:00"]);
    assert_eq!(dates(&s, b)[..2], ["2026-03-10 08:00", "2026-03-11 17:00"]);
    assert_eq!(show(s.finish), "2026-03-11 17:00");
    assert!(s.tasks[a].critical && s.tasks[b].critical);
    assert_eq!(s.tasks[a].total_float, 0);
}

#[test]
fn a_shorter_parallel_path_has_total_and_free_float() {
    let mut p = Plan::new("2026-03-02 08:00");
    let long = p.task("Procure servers", 5.0);
    let short = p.task("Write runbook", 2.0);
    let join = p.task("Install", 1.0);
    p.fs(long, join);
    p.fs(short, join);
    let s = p.run();
    assert_eq!(dates(&s, join)[..2], ["2026-03-09 08:00", "2026-03-09 17:00"]);
    assert_eq!(s.tasks[short].total_float, 3 * DAY);
    assert_eq!(s.tasks[short].free_float, 3 * DAY);
    assert_eq!(dates(&s, short)[2..], ["2026-03-05 08:00", "2026-03-06 17:00"]);
    assert!(!s.tasks[short].critical);
    assert!(s.tasks[long].critical && s.tasks[join].critical);
}

#[test]
fn start_to_start_finish_to_finish_and_start_to_finish_with_lags() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Migrate data", 4.0);
    let b = p.task("Verify data", 3.0);
    let c = p.task("Document", 1.0);
    let d = p.task("Hand over", 2.0);
    p.link(a, b, LinkType::StartToStart, Lag::Work(DAY)); // starts a day after a starts
    p.link(a, c, LinkType::FinishToFinish, Lag::Work(2 * DAY)); // finishes 2 days after a
    p.link(a, d, LinkType::StartToFinish, Lag::Work(DAY)); // finishes no earlier than a's start + 1 day
    let s = p.run();
    assert_eq!(dates(&s, b)[..2], ["2026-03-03 08:00", "2026-03-05 17:00"]);
    assert_eq!(dates(&s, c)[..2], ["2026-03-09 08:00", "2026-03-09 17:00"]);
    // d's finish bound (Mon 17:00) is earlier than its own 2 days from the project start.
    assert_eq!(dates(&s, d)[..2], ["2026-03-02 08:00", "2026-03-03 17:00"]);
    assert_eq!(show(s.finish), "2026-03-09 17:00");
    assert!(s.tasks[a].critical && s.tasks[c].critical);
    assert_eq!(s.tasks[b].total_float, 2 * DAY);
}

#[test]
fn a_lead_and_a_percentage_lag() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Build", 4.0);
    let b = p.task("Test", 2.0);
    let c = p.task("Train users", 1.0);
    p.link(a, b, LinkType::FinishToStart, Lag::Work(-DAY)); // one day of overlap
    p.link(a, c, LinkType::StartToStart, Lag::PercentOfPredecessor(50.0)); // half-way through a
    let s = p.run();
    assert_eq!(dates(&s, b)[..2], ["2026-03-05 08:00", "2026-03-06 17:00"]);
    assert_eq!(dates(&s, c)[..2], ["2026-03-04 08:00", "2026-03-04 17:00"]);
}

#[test]
fn a_holiday_on_the_project_calendar_moves_the_work() {
    let mut p = Plan::new("2026-03-02 08:00");
    p.net.calendars[0]
        .set_exception(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(), vec![])
        .unwrap();
    let a = p.task("Cut over", 3.0);
    let s = p.run();
    assert_eq!(dates(&s, a)[..2], ["2026-03-02 08:00", "2026-03-05 17:00"]);
}

#[test]
fn a_task_on_its_own_calendar_works_only_its_days() {
    let mut p = Plan::new("2026-03-02 08:00");
    // A contractor who works Monday to Thursday, 07:00–17:00 (no lunch counted).
    let long_day = vec![Span::hours(7, 17)];
    let week = [
        long_day.clone(),
        long_day.clone(),
        long_day.clone(),
        long_day,
        vec![],
        vec![],
        vec![],
    ];
    p.net.calendars.push(Calendar::new("Contractor", week).unwrap());
    let a = p.task("Prepare", 4.0);
    let b = p.task("Rack and cable", 2.5); // 1,200 minutes = two 10-hour days
    p.net.tasks[b].calendar = Some(1);
    p.fs(a, b);
    let s = p.run();
    // a ends Thursday 17:00; Friday is not a contractor day.
    assert_eq!(dates(&s, b)[..2], ["2026-03-09 07:00", "2026-03-10 17:00"]);
}

#[test]
fn constraints_push_hold_and_show_negative_float() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Order hardware", 5.0);
    let b = p.task("Install", 2.0);
    let c = p.task("Go live", 1.0);
    let d = p.task("Audit", 1.0);
    p.fs(a, b);
    p.fs(b, c);
    // The audit cannot start before the 11th; go-live must finish by the 10th.
    p.net.tasks[d].constraint = Constraint::StartNoEarlierThan(at("2026-03-11 08:00"));
    p.net.tasks[c].constraint = Constraint::FinishNoLaterThan(at("2026-03-10 17:00"));
    let s = p.run();
    assert_eq!(dates(&s, d)[..2], ["2026-03-11 08:00", "2026-03-11 17:00"]);
    // Links want go-live on the 11th; the constraint holds it on the 10th...
    assert_eq!(dates(&s, c)[..2], ["2026-03-10 08:00", "2026-03-10 17:00"]);
    // ...and the chain before it shows the conflict as negative float.
    assert_eq!(s.tasks[a].total_float, -DAY);
    assert_eq!(s.tasks[b].total_float, -DAY);
    assert!(s.tasks[a].critical);

    // When links win over constraints, go-live moves to the 11th and still shows the conflict.
    p.net.honor_constraints = false;
    let s = p.run();
    assert_eq!(dates(&s, c)[..2], ["2026-03-11 08:00", "2026-03-11 17:00"]);
    assert_eq!(s.tasks[c].total_float, -DAY);
}

#[test]
fn must_start_and_must_finish_on_fix_a_task() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Steering committee", 0.5);
    let b = p.task("Freeze", 1.0);
    p.net.tasks[a].constraint = Constraint::MustStartOn(at("2026-03-04 13:00"));
    p.net.tasks[b].constraint = Constraint::MustFinishOn(at("2026-03-06 17:00"));
    let s = p.run();
    assert_eq!(dates(&s, a)[..2], ["2026-03-04 13:00", "2026-03-04 17:00"]);
    assert_eq!(dates(&s, b)[..2], ["2026-03-06 08:00", "2026-03-06 17:00"]);
}

#[test]
fn a_milestone_sits_at_its_predecessors_finish() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Sign-off tests", 5.0);
    let m = p.task("Ready for go-live", 0.0);
    p.fs(a, m);
    let s = p.run();
    assert_eq!(dates(&s, m), ["2026-03-06 17:00"; 4]);
    assert!(s.tasks[m].critical);
}

#[test]
fn summary_tasks_roll_up_and_links_on_them_hold_all_their_tasks() {
    let mut p = Plan::new("2026-03-02 08:00");
    let design = p.task("Design", 2.0);
    let phase = p.task("Build phase", 0.0);
    let x = p.under(phase, "Backend", 3.0);
    let y = p.under(phase, "Frontend", 1.0);
    let after = p.task("Acceptance", 1.0);
    p.fs(design, phase); // every task of the phase waits for the design
    p.fs(phase, after); // acceptance waits for the whole phase
    let s = p.run();
    assert_eq!(dates(&s, x)[..2], ["2026-03-04 08:00", "2026-03-06 17:00"]);
    assert_eq!(dates(&s, y)[..2], ["2026-03-04 08:00", "2026-03-04 17:00"]);
    assert_eq!(dates(&s, phase)[..2], ["2026-03-04 08:00", "2026-03-06 17:00"]);
    assert_eq!(dates(&s, after)[..2], ["2026-03-09 08:00", "2026-03-09 17:00"]);
    assert_eq!(
        s.tasks[y].total_float,
        2 * DAY,
        "the short task may slip inside its phase"
    );
    assert!(s.tasks[phase].critical && s.tasks[x].critical && !s.tasks[y].critical);
}

#[test]
fn a_loop_is_refused_with_the_names_of_its_tasks() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Plan", 1.0);
    let b = p.task("Build", 1.0);
    let c = p.task("Review", 1.0);
    let _free = p.task("Unrelated", 1.0);
    p.fs(a, b);
    p.fs(b, c);
    p.fs(c, a);
    let err = schedule(&p.net).unwrap_err().to_string();
    assert!(
        err.contains("Plan → Build → Review → Plan")
            || err.contains("Build → Review → Plan → Build")
            || err.contains("Review → Plan → Build → Review"),
        "{err}"
    );
    assert!(!err.contains("Unrelated"));
}

#[test]
fn a_link_between_a_summary_and_its_own_task_is_a_loop() {
    let mut p = Plan::new("2026-03-02 08:00");
    let phase = p.task("Phase 1", 0.0);
    let inner = p.under(phase, "Inner task", 1.0);
    p.fs(phase, inner);
    let err = schedule(&p.net).unwrap_err().to_string();
    assert!(err.contains("Phase 1") && err.contains("Inner task"), "{err}");
}

#[test]
fn actual_dates_are_kept_and_finished_work_is_not_critical() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Kick-off", 1.0);
    let b = p.task("Requirements", 3.0);
    p.fs(a, b);
    p.net.tasks[a].actual_start = Some(at("2026-03-03 08:00"));
    p.net.tasks[a].actual_finish = Some(at("2026-03-04 17:00")); // took two days
    let s = p.run();
    assert_eq!(dates(&s, a)[..2], ["2026-03-03 08:00", "2026-03-04 17:00"]);
    assert_eq!(dates(&s, b)[..2], ["2026-03-05 08:00", "2026-03-09 17:00"]);
    assert!(!s.tasks[a].critical && s.tasks[b].critical);
}

#[test]
fn bad_networks_are_refused_with_a_reason() {
    let mut p = Plan::new("2026-03-02 08:00");
    let a = p.task("Alone", 1.0);
    p.fs(a, a);
    assert!(schedule(&p.net)
        .unwrap_err()
        .to_string()
        .contains("cannot depend on itself"));
    p.net.links.clear();
    p.net.tasks[a].duration = -5;
    assert!(schedule(&p.net).unwrap_err().to_string().contains("negative duration"));
}

#[test]
fn a_generated_network_of_ten_thousand_tasks_schedules() {
    let net = generated_network(10_000, 20_000);
    assert_eq!((net.tasks.len(), net.links.len()), (10_000, 20_000));
    let s = schedule(&net).unwrap();
    assert!(s.tasks.iter().any(|t| t.critical));
    assert!(s
        .tasks
        .iter()
        .all(|t| t.early_start <= t.early_finish && t.late_start <= t.late_finish));
}

#[test]
fn a_loop_through_summary_tasks_names_the_tasks_that_close_it() {
    let mut p = Plan::new("2026-03-02 08:00");
    let start = p.task("Initiation", 0.0);
    let assess = p.under(start, "Assess", 2.0);
    let charter = p.under(start, "Charter", 0.0);
    let close = p.task("Close", 0.0);
    let lessons = p.under(close, "Lessons learned", 1.0);
    let other = p.task("Unrelated afterwards", 1.0);
    p.fs(assess, charter);
    p.fs(start, close);
    p.fs(lessons, other); // waits for the loop but is not part of it
    p.fs(lessons, assess); // closes the loop
    let err = schedule(&p.net).unwrap_err().to_string();
    assert!(err.contains("Lessons learned") && err.contains("Assess"), "{err}");
    assert!(!err.contains("Unrelated"), "{err}");
}

#[test]
fn a_milestone_held_by_a_monday_successor_sits_at_friday_evening() {
    let mut p = Plan::new("2026-03-02 08:00");
    let tests = p.task("Sign-off tests", 2.0); // Mon–Tue
    let ready = p.task("Ready for go-live", 0.0);
    let servers = p.task("Procure servers", 5.0); // Mon–Fri: the critical path
    let go_live = p.task("Go live", 1.0); // the next Monday
    p.fs(tests, ready);
    p.fs(ready, go_live);
    p.fs(servers, go_live);
    let s = p.run();
    assert_eq!(dates(&s, go_live)[2], "2026-03-09 08:00");
    // Microsoft Project: the late dates are Friday 17:00, the end of the week, not Monday 08:00.
    assert_eq!(
        dates(&s, ready),
        [
            "2026-03-03 17:00",
            "2026-03-03 17:00",
            "2026-03-06 17:00",
            "2026-03-06 17:00"
        ]
    );
    assert_eq!(
        (s.tasks[ready].total_float, s.tasks[ready].free_float),
        (3 * DAY, 3 * DAY)
    );
    // The task before it finishes by then too, as before.
    assert_eq!(dates(&s, tests)[2..], ["2026-03-05 08:00", "2026-03-06 17:00"]);
}

#[test]
fn a_milestone_held_by_an_afternoon_successor_sits_before_lunch() {
    let mut p = Plan::new("2026-03-02 08:00");
    let draft = p.task("Draft", 0.5); // Monday morning
    let drafted = p.task("Draft done", 0.0);
    let review = p.task("Long review", 1.5); // Monday, Tuesday morning
    let publish = p.task("Publish", 0.5); // Tuesday afternoon
    p.fs(draft, drafted);
    p.fs(drafted, publish);
    p.fs(review, publish);
    let s = p.run();
    assert_eq!(
        dates(&s, publish)[..3],
        ["2026-03-03 13:00", "2026-03-03 17:00", "2026-03-03 13:00"]
    );
    assert_eq!(
        dates(&s, drafted),
        [
            "2026-03-02 12:00",
            "2026-03-02 12:00",
            "2026-03-03 12:00",
            "2026-03-03 12:00"
        ]
    );
    assert_eq!(s.tasks[drafted].total_float, DAY);
}

#[test]
fn a_critical_milestone_has_the_same_early_and_late_dates() {
    let mut p = Plan::new("2026-03-02 08:00");
    let build = p.task("Build", 5.0);
    let built = p.task("Built", 0.0);
    let deploy = p.task("Deploy", 1.0);
    p.fs(build, built);
    p.fs(built, deploy);
    // A milestone on a start-to-start link and one inside a phase held by the phase's successor.
    let kickoff = p.task("Kick-off", 0.0);
    p.link(kickoff, deploy, LinkType::StartToStart, Lag::Work(0));
    let phase = p.task("Approval", 0.0);
    let approved = p.under(phase, "Approved", 0.0);
    p.fs(phase, deploy);
    let s = p.run();
    assert_eq!(dates(&s, built), ["2026-03-06 17:00"; 4]);
    assert!(s.tasks[built].critical);
    assert_eq!(dates(&s, kickoff)[2..], ["2026-03-06 17:00", "2026-03-06 17:00"]);
    assert_eq!(dates(&s, approved)[2..], ["2026-03-06 17:00", "2026-03-06 17:00"]);
    assert_eq!(s.tasks[kickoff].total_float, 5 * DAY);
}

#[test]
fn a_milestone_at_the_end_of_the_project_keeps_the_project_finish() {
    // The project finish comes from a task on a night calendar (finishing 08:00); Microsoft
    // Project leaves a milestone without successors there rather than on the evening before.
    let mut p = Plan::new("2026-03-02 08:00");
    let night = vec![Span { start: 0, end: 480 }];
    p.net
        .calendars
        .push(Calendar::new("Night", std::array::from_fn(|_| night.clone())).unwrap());
    let shift = p.task("Night shift", 1.0);
    p.net.tasks[shift].calendar = Some(1);
    let flag = p.task("Flag", 0.0);
    let s = p.run();
    assert_eq!(show(s.finish), "2026-03-03 08:00");
    assert_eq!(dates(&s, flag)[2..], ["2026-03-03 08:00", "2026-03-03 08:00"]);
}

/// Generated networks with every seventh task made a milestone: each milestone's late date is
/// at the end of working time (or inside it), never at the start of a span, unless it is the
/// project finish; and its float is the working time between its early and late dates.
#[test]
fn milestones_of_generated_networks_sit_at_the_end_of_working_time() {
    let mut net = generated_network(2_000, 4_000);
    let summaries: std::collections::HashSet<usize> = net.tasks.iter().filter_map(|t| t.parent).collect();
    for (i, task) in net.tasks.iter_mut().enumerate() {
        if i % 7 == 3 && !summaries.contains(&i) {
            task.duration = 0;
        }
    }
    let s = schedule(&net).unwrap();
    let mut seen = 0;
    for (i, (task, r)) in net.tasks.iter().zip(&s.tasks).enumerate() {
        if task.duration != 0 || summaries.contains(&i) {
            continue;
        }
        seen += 1;
        let cal = &net.calendars[task.calendar.unwrap_or(net.calendar)];
        assert_eq!(r.late_start, r.late_finish, "{}", task.name);
        assert!(
            cal.prev_end(r.late_finish) == r.late_finish || r.late_finish == s.finish,
            "{}: late finish {}",
            task.name,
            show(r.late_finish)
        );
        assert_eq!(
            cal.work_between(r.early_finish, r.late_finish),
            r.total_float,
            "{}",
            task.name
        );
    }
    assert!(seen > 200, "{seen} milestones");
}

#[test]
fn a_kick_off_milestone_at_the_project_start_keeps_its_monday_morning_late_dates() {
    let mut p = Plan::new("2026-03-02 08:00");
    let kick_off = p.task("Kick-off", 0.0);
    let work = p.task("Build", 5.0);
    p.fs(kick_off, work);
    let s = p.run();
    // Friday 17:00 before would be the same moment of work, but before the project starts.
    assert_eq!(dates(&s, kick_off), ["2026-03-02 08:00"; 4]);
    assert!(s.tasks[kick_off].critical);
    assert_eq!(s.tasks[kick_off].total_float, 0);
}

#[test]
fn a_levelling_delay_moves_the_task_and_its_successors_within_its_float() {
    let mut p = Plan::new("2026-03-02 08:00");
    let long = p.task("Procure servers", 5.0);
    let short = p.task("Write runbook", 2.0);
    let review = p.task("Review runbook", 0.5);
    let join = p.task("Install", 1.0);
    p.fs(long, join);
    p.fs(short, review);
    p.fs(review, join);
    p.net.tasks[short].delay = 2 * DAY;
    let s = p.run();
    // Two working days after Monday 08:00, then its successor follows; the finish stays.
    assert_eq!(dates(&s, short)[..2], ["2026-03-04 08:00", "2026-03-05 17:00"]);
    assert_eq!(dates(&s, review)[..2], ["2026-03-06 08:00", "2026-03-06 12:00"]);
    assert_eq!(s.tasks[short].total_float, DAY / 2);
    assert_eq!(show(s.finish), "2026-03-09 17:00");
    // Beyond its float the delay moves the project finish, and the path becomes critical.
    p.net.tasks[short].delay = 4 * DAY;
    let s = p.run();
    assert_eq!(dates(&s, short)[..2], ["2026-03-06 08:00", "2026-03-09 17:00"]);
    assert_eq!(show(s.finish), "2026-03-11 12:00");
    assert!(s.tasks[short].critical);
    // An actual start wins over a delay.
    p.net.tasks[short].actual_start = Some(at("2026-03-02 08:00"));
    let s = p.run();
    assert_eq!(dates(&s, short)[0], "2026-03-02 08:00");
}
