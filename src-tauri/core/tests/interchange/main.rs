//! Files written by Microsoft Project carry its own early/late dates, slack and critical flags.
//! Scheduling the imported network must give the same answers. The files live in the shared
//! fixtures folder beside the project (see its README); without it these tests fail, unless
//! BRIDGEPLAN_SKIP_FIXTURES=1 asks to skip them.

use bridgeplan_core::interchange::mspdi::{self, Plan};
use bridgeplan_core::plan::schedule::calendar::from_minute;
use bridgeplan_core::plan::schedule::{schedule, Minute};

mod json;

#[path = "../support/mod.rs"]
mod support;

mod csv;
mod ical;

fn fixture(name: &str) -> Option<String> {
    support::mspdi_fixture(name)
}

/// Every difference between Microsoft Project's saved values and ours, one line each. Dates
/// must be equal on the clock; where they are the same moment of work but not of the clock
/// (17:00 one day and 08:00 the next), the line says so, for the tests that allow it.
fn differences(plan: &Plan) -> Vec<String> {
    let net = plan.network();
    let ours = schedule(&net).expect("the file schedules");
    let mut out = Vec::new();
    for ((t, ours), task) in plan.tasks.iter().zip(&ours.tasks).zip(&net.tasks) {
        let Some(saved) = t.saved else { continue };
        let cal = &net.calendars[task.calendar.unwrap_or(net.calendar)];
        let mut check = |what: &str, a: Minute, b: Minute| {
            if a != b {
                let same_work = if cal.work_between(a, b) == 0 {
                    " (the same moment of work)"
                } else {
                    ""
                };
                out.push(format!(
                    "{} ({}): {what} is {} but Microsoft Project has {}{same_work}",
                    t.task.name,
                    t.uid,
                    from_minute(a),
                    from_minute(b)
                ));
            }
        };
        check("early start", ours.early_start, saved.early_start);
        check("early finish", ours.early_finish, saved.early_finish);
        check("late start", ours.late_start, saved.late_start);
        check("late finish", ours.late_finish, saved.late_finish);
        if ours.total_float != saved.total_slack {
            out.push(format!(
                "{} ({}): total float {} min, Microsoft Project {} min",
                t.task.name, t.uid, ours.total_float, saved.total_slack
            ));
        }
        if ours.free_float != saved.free_slack {
            out.push(format!(
                "{} ({}): free float {} min, Microsoft Project {} min",
                t.task.name, t.uid, ours.free_float, saved.free_slack
            ));
        }
        if ours.critical != saved.critical {
            out.push(format!(
                "{} ({}): critical {}, Microsoft Project {}",
                t.task.name, t.uid, ours.critical, saved.critical
            ));
        }
    }
    out
}

fn assert_matches_microsoft_project(name: &str) {
    let Some(xml) = fixture(name) else { return };
    let plan = mspdi::read(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(plan.tasks.iter().any(|t| t.saved.is_some()), "{name} has saved dates");
    let diffs = differences(&plan);
    assert!(diffs.is_empty(), "{name}:\n{}", diffs.join("\n"));
}

#[test]
fn every_link_type_and_lag_as_microsoft_project_2010_scheduled_them() {
    assert_matches_microsoft_project("task-links-project2010-mspdi.xml");
}

/// In this file every task is manually scheduled. Microsoft Project then leaves the late dates
/// of a start-to-start or start-to-finish predecessor at the project finish; Bridgeplan
/// schedules imported tasks automatically, so those two predecessors get the late dates the
/// critical path method gives them (as Microsoft Project itself does in the 2010 file, where the
/// same tasks are automatic). Everything else must match.
#[test]
fn every_link_type_and_lag_as_microsoft_project_2019_scheduled_them() {
    let Some(xml) = fixture("task-links-project2019-mspdi.xml") else {
        return;
    };
    let plan = mspdi::read(&xml).unwrap();
    assert!(plan.warnings.iter().any(|w| w.contains("manually scheduled")));
    let (known, other): (Vec<String>, Vec<String>) = differences(&plan)
        .into_iter()
        .partition(|d| d.contains("(11)") || d.contains("(13)"));
    // For its other manual predecessors Microsoft Project writes the late finish as the
    // successor's late start (08:00 the next morning); the same moment of work as our 17:00.
    let (clock, other): (Vec<String>, Vec<String>) = other
        .into_iter()
        .partition(|d| d.contains("late finish") && d.ends_with("08:00:00 (the same moment of work)"));
    assert!(other.is_empty(), "{}", other.join("\n"));
    assert_eq!(clock.len(), 6, "{clock:?}");
    assert!(
        known
            .iter()
            .any(|d| d.contains("(11): total float 4800 min, Microsoft Project 5280 min")),
        "{known:?}"
    );
    assert!(
        known
            .iter()
            .any(|d| d.contains("(13): total float 4320 min, Microsoft Project 5280 min")),
        "{known:?}"
    );
}

/// One date differs on the clock only: the start-to-finish successor's early finish, which
/// Microsoft Project leaves at its predecessor's start (Monday 08:00) and Bridgeplan puts at the
/// end of the working time before it (Friday 17:00).
#[test]
fn the_four_relation_types_in_one_chain() {
    let Some(xml) = fixture("mspdirelations.xml") else {
        return;
    };
    let plan = mspdi::read(&xml).unwrap();
    assert_eq!(
        differences(&plan),
        ["Task 5 (5): early finish is 2006-09-22 17:00:00 but Microsoft Project has 2006-09-25 08:00:00 (the same moment of work)"]
    );
}

/// The project starts at 09:00, inside working time: Microsoft Project starts the task then.
#[test]
fn a_project_starting_at_nine_as_microsoft_project_scheduled_it() {
    assert_matches_microsoft_project("baselines.xml");
    let Some(xml) = fixture("baselines.xml") else { return };
    let plan = mspdi::read(&xml).unwrap();
    assert_eq!(from_minute(plan.start).to_string(), "2008-01-30 09:00:00");
}

/// sample.xml uses elapsed durations and a night-shift calendar that Bridgeplan does not model,
/// so only its milestone's early dates are compared: at the project start, 08:00 on the clock.
#[test]
fn a_milestone_at_the_project_start_as_microsoft_project_placed_it() {
    let Some(xml) = fixture("sample.xml") else { return };
    let plan = mspdi::read(&xml).unwrap();
    let s = schedule(&plan.network()).unwrap();
    let (i, t) = plan
        .tasks
        .iter()
        .enumerate()
        .find(|(_, t)| t.task.name == "Third task")
        .unwrap();
    let saved = t.saved.unwrap();
    assert_eq!(t.task.duration, 0);
    assert_eq!(
        (s.tasks[i].early_start, s.tasks[i].early_finish),
        (saved.early_start, saved.early_finish)
    );
    assert_eq!(from_minute(saved.early_start).to_string(), "2003-01-07 08:00:00");
}

#[test]
fn damaged_or_foreign_xml_is_refused_with_a_reason() {
    let err = mspdi::read("<Project><Tasks><Task>").unwrap_err().to_string();
    assert!(err.contains("malformed"), "{err}");
    let err = mspdi::read("<APIBusinessObjects/>").unwrap_err().to_string();
    assert!(err.contains("<APIBusinessObjects>"), "{err}");
}

/// Found by the fuzzer: an hour past 1,092 overflowed the minutes of the day and panicked.
#[test]
fn working_times_no_day_has_are_left_out_of_the_calendar() {
    let xml = r#"<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-03-02T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
  <WeekDays><WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>
    <WorkingTime><FromTime>65535:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
    <WorkingTime><FromTime>08:75:00</FromTime><ToTime>25:00:00</ToTime></WorkingTime>
    <WorkingTime><FromTime>13:00:00</FromTime><ToTime>24:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
  </WeekDays></Calendar></Calendars>
  <Tasks><Task><UID>1</UID><ID>1</ID><Name>Only task</Name><OutlineLevel>1</OutlineLevel><Duration>PT4H0M0S</Duration></Task></Tasks>
</Project>"#;
    let plan = mspdi::read(xml).unwrap();
    assert_eq!(plan.tasks.len(), 1);
    // Monday keeps only its one real span, 13:00 to midnight.
    let s = schedule(&plan.network()).unwrap();
    assert_eq!(from_minute(s.tasks[0].early_start).format("%H:%M").to_string(), "13:00");
}

/// Found by the fuzzer: exception periods spanning centuries were spelt out day by day, which
/// took seconds for a 50 KB file and could have taken gigabytes.
#[test]
fn exception_periods_are_cut_to_project_dates_and_capped() {
    let exception = |from: &str, to: &str| {
        format!(
            "<Exception><TimePeriod><FromDate>{from}T00:00:00</FromDate><ToDate>{to}T23:59:00</ToDate></TimePeriod>\
             <Type>1</Type><Name>Long</Name><DayWorking>0</DayWorking></Exception>"
        )
    };
    let calendar = |uid: u32, exceptions: String| {
        format!(
            "<Calendar><UID>{uid}</UID><Name>Cal {uid}</Name><IsBaseCalendar>1</IsBaseCalendar>\
             <Exceptions>{exceptions}</Exceptions></Calendar>"
        )
    };
    let xml = format!(
        r#"<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-03-02T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID><Calendars>{}{}</Calendars>
  <Tasks><Task><UID>1</UID><ID>1</ID><Name>Only task</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task></Tasks>
</Project>"#,
        calendar(
            1,
            exception("0001-01-01", "1984-01-03") + &exception("2149-12-30", "9999-12-31")
        ),
        calendar(2, exception("1990-01-01", "2140-12-31").repeat(3)),
    );
    let plan = mspdi::read(&xml).unwrap();
    let first = &plan.calendars[0];
    let days: Vec<String> = first.exceptions().iter().map(|(d, _)| d.to_string()).collect();
    assert_eq!(
        days,
        ["1984-01-01", "1984-01-02", "1984-01-03", "2149-12-30", "2149-12-31"]
    );
    assert!(
        plan.warnings
            .iter()
            .any(|w| w.contains("Cal 2") && w.contains("more than 100000 days")),
        "{:?}",
        plan.warnings
    );
    assert!(plan.calendars[1].exceptions().len() <= 100_000);
}

#[test]
fn a_small_file_reads_outline_links_constraints_and_calendar_exceptions() {
    let xml = r#"<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>Data centre move</Title>
  <StartDate>2026-03-02T08:00:00</StartDate>
  <MinutesPerDay>480</MinutesPerDay>
  <CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>
          <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
          <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
      </WeekDays>
      <Exceptions><Exception><TimePeriod><FromDate>2026-03-04T00:00:00</FromDate><ToDate>2026-03-04T23:59:00</ToDate></TimePeriod>
        <Type>1</Type><Name>Company day</Name><DayWorking>0</DayWorking></Exception></Exceptions>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Data centre move</Name><OutlineLevel>0</OutlineLevel></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Prepare</Name><WBS>1</WBS><OutlineLevel>1</OutlineLevel></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Inventory</Name><WBS>1.1</WBS><OutlineLevel>2</OutlineLevel><Duration>PT16H0M0S</Duration></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Book trucks</Name><WBS>1.2</WBS><OutlineLevel>2</OutlineLevel><Duration>PT4H0M0S</Duration>
      <ConstraintType>4</ConstraintType><ConstraintDate>2026-03-05T08:00:00</ConstraintDate></Task>
    <Task><UID>4</UID><ID>4</ID><Name>Move</Name><WBS>2</WBS><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
    <Task><UID>5</UID><ID>5</ID><Name>Moved</Name><WBS>3</WBS><OutlineLevel>1</OutlineLevel><Duration>PT0H0M0S</Duration>
      <PredecessorLink><PredecessorUID>4</PredecessorUID><Type>1</Type></PredecessorLink>
      <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
</Project>"#;
    let plan = mspdi::read(xml).unwrap();
    assert_eq!(plan.name, "Data centre move");
    let names: Vec<(&str, &str, Option<usize>)> = plan
        .tasks
        .iter()
        .map(|t| (t.task.name.as_str(), t.wbs.as_str(), t.task.parent))
        .collect();
    assert_eq!(
        names,
        [
            ("Prepare", "1", None),
            ("Inventory", "1.1", Some(0)),
            ("Book trucks", "1.2", Some(0)),
            ("Move", "2", None),
            ("Moved", "3", None)
        ]
    );
    assert_eq!(plan.links.len(), 2);
    assert!(
        plan.warnings
            .iter()
            .any(|w| w.contains("Moved") && w.contains("not in the file")),
        "{:?}",
        plan.warnings
    );
    let s = schedule(&plan.network()).unwrap();
    let show = |m| from_minute(m).format("%Y-%m-%d %H:%M").to_string();
    // Inventory: Mon–Tue. Book trucks: Thursday morning (Wednesday is the company day).
    assert_eq!(show(s.tasks[1].early_finish), "2026-03-03 17:00");
    assert_eq!(show(s.tasks[2].early_start), "2026-03-05 08:00");
    assert_eq!(show(s.tasks[0].early_finish), "2026-03-05 12:00");
    // Move waits a day after the summary: Thursday afternoon + Friday morning, then Friday 13:00.
    assert_eq!(show(s.tasks[3].early_start), "2026-03-06 13:00");
    assert_eq!(show(s.tasks[4].early_start), "2026-03-09 12:00");
}

#[test]
fn recurring_calendar_exceptions_become_their_dates() {
    let Some(xml) = fixture("calendar-recurring-exceptions-project2016-mspdi.xml") else {
        return;
    };
    let plan = mspdi::read(&xml).unwrap();
    let cal = plan
        .calendars
        .iter()
        .find(|c| c.exceptions().len() > 20)
        .expect("the calendar with the exceptions");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    // Every third day, four times, from 2000-02-01.
    for d in ["2000-02-01", "2000-02-04", "2000-02-07", "2000-02-10"] {
        assert!(!cal.is_working_day(day(d)), "{d}");
    }
    assert!(cal.is_working_day(day("2000-02-02")));
    // Every second week on Tuesday, four times, from 2001-01-01.
    for d in ["2001-01-02", "2001-01-16", "2001-01-30", "2001-02-13"] {
        assert!(!cal.is_working_day(day(d)), "{d}");
    }
    assert!(cal.is_working_day(day("2001-01-09")));
    // The 1st of every second month; the 2nd of February every year.
    assert!(!cal.is_working_day(day("2003-01-01")) && !cal.is_working_day(day("2003-05-01")));
    assert!(!cal.is_working_day(day("2005-02-02")) && !cal.is_working_day(day("2006-02-02")));
    // "The second Tuesday"-style exceptions are reported, not guessed.
    let reported = plan
        .warnings
        .iter()
        .filter(|w| w.contains("recurring exception"))
        .count();
    assert_eq!(reported, 11, "{:?}", plan.warnings);
}

#[test]
fn resources_become_people_with_their_rate_calendar_work_and_cost() {
    let Some(xml) = fixture("mspdiresource.xml") else {
        return;
    };
    let plan = mspdi::read(&xml).unwrap();
    let names: Vec<&str> = plan.resources.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Wade Golden", "Jon Iles", "Brian Leach"]);
    assert_eq!(plan.resources[0].cost_rate_minor, 5000);
    assert!(
        plan.resources.iter().all(|r| r.calendar.is_some()),
        "each has a resource calendar"
    );
    let warned = plan.warnings.join("\n");
    assert!(
        warned.contains("\"Concrete\" is a material or cost resource"),
        "{warned}"
    );
    assert!(warned.contains("\"Task A\" has 3 resources"), "{warned}");

    let mut ws = bridgeplan_core::Workspace::in_memory().unwrap();
    let summary = ws.import_plan(&plan).unwrap();
    assert!(
        summary.warnings.iter().any(|w| w.contains("in GBP")),
        "{:?}",
        summary.warnings
    );
    let schedule = ws.project_schedule(summary.project.id).unwrap();
    assert_eq!(schedule.currency, "EUR");
    let row = |name: &str| schedule.tasks.iter().find(|t| t.name == name).unwrap();
    // Microsoft Project's own figures for the single-resource tasks: 40 h = 2,000.00 and 16 h = 800.00.
    assert_eq!(
        (row("Contoured Task").work_hours, row("Contoured Task").cost_minor),
        (40.0, 200_000)
    );
    assert_eq!(
        (row("Completed Task").work_hours, row("Completed Task").cost_minor),
        (16.0, 80_000)
    );
    // Task A keeps its 72 h of work with one assignee (the first of three with equal work).
    assert_eq!(row("Task A").resource.as_deref(), Some("Wade Golden"));
    assert_eq!((row("Task A").work_hours, row("Task A").cost_minor), (72.0, 360_000));

    let export = mspdi::export(&ws, summary.project.id).unwrap();
    // The people who do the project's tasks go out with their rate and calendar.
    let again = mspdi::read(&export.xml).unwrap();
    assert_eq!(again.resources.len(), 1);
    assert_eq!(
        again.resources[0],
        bridgeplan_core::interchange::mspdi::PlanResource {
            calendar: again.resources[0].calendar,
            ..plan.resources[0].clone()
        }
    );
    assert!(again.resources[0].calendar.is_some());
    let task_a = again.tasks.iter().find(|t| t.task.name == "Task A").unwrap();
    assert_eq!((task_a.work, task_a.resource), (72 * 60, Some(0)));
}

mod import_support;
mod jira;
mod mspdi_app;
mod trello;
