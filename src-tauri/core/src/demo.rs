//! The demo workspace: Northwind Logistics' IT department, with dates relative to today so
//! it never looks stale. Also a generator of large workspaces for load tests.
//!
//! Due dates, history, exams and goals count days from today. The plan and the sprints count
//! from the Monday of today's week instead, so the weekends, the holiday and the critical path
//! fall the same way whatever weekday today is: the demo tells one story on every date.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate};

use crate::agile::sprints::SprintInput;
use crate::plan::calendars::STANDARD_CALENDAR;
use crate::plan::schedule::{Calendar, Span};
use crate::plan::timeline::{ConstraintKind, DependencyKind, TaskPlanInput};
use crate::work::items::{insert_many, ItemType, Priority, WorkItem, WorkItemInput};
use crate::work::projects::{Methodology, ProjectInput};
use crate::work::statuses::StatusCategory;
use crate::{agile::flow, Id, Result, Workspace};

const PEOPLE: &[(&str, &str)] = &[
    ("Dana Whitfield", "IT Manager"),
    ("Raj Patel", "Infrastructure Lead"),
    ("Mei Chen", "Software Developer"),
    ("Tomás Ortega", "Network Engineer"),
    ("Aisha Okafor", "Security Analyst"),
    ("Lukas Nowak", "Business Analyst"),
    ("Sofia Rossi", "QA Engineer"),
    ("Jonas Berg", "Database Administrator"),
];

/// What an hour of each person's work costs, in euro cents.
#[rustfmt::skip]
const RATES: &[(&str, i64)] = &[
    ("Dana Whitfield", 9_500), ("Raj Patel", 8_500), ("Mei Chen", 7_500), ("Tomás Ortega", 7_000),
    ("Aisha Okafor", 8_000), ("Lukas Nowak", 6_500), ("Sofia Rossi", 6_000), ("Jonas Berg", 9_000),
];

/// The people with their rates. The database administrator is a contractor working Monday to
/// Thursday, so the tasks assigned to him run on his own calendar.
fn add_people(ws: &mut Workspace) -> Result<()> {
    let day = vec![Span::hours(8, 12), Span::hours(13, 17)];
    let week = [day.clone(), day.clone(), day.clone(), day, vec![], vec![], vec![]];
    let four_days = ws.add_calendar(&Calendar::new("Four-day week", week)?)?;
    for (name, role) in PEOPLE {
        let person = ws.add_person(name, role)?;
        let rate = RATES.iter().find(|(n, _)| n == name).map_or(0, |(_, r)| *r);
        let calendar = (*name == "Jonas Berg").then_some(four_days);
        ws.set_person_resource(person.id, calendar, rate)?;
    }
    Ok(())
}

/// One demo item: title, type, column index, assignee, priority, hours, points, tags, due
/// (days from today).
type DemoItem = (
    &'static str,
    ItemType,
    usize,
    Option<&'static str>,
    Priority,
    Option<f64>,
    Option<f64>,
    &'static [&'static str],
    Option<i64>,
);

use ItemType::{Bug, Deliverable, Epic, Milestone, Story, Task};
use Priority::{High, Highest, Low, Medium};

#[rustfmt::skip]
const ERP_ITEMS: &[DemoItem] = &[
    ("Assess current on-premises ERP landscape", Task, 3, Some("Lukas Nowak"), High, Some(40.0), None, &["assessment"], Some(-45)),
    ("Project charter signed by steering committee", Milestone, 3, Some("Dana Whitfield"), Highest, None, None, &["governance"], Some(-40)),
    ("Choose cloud region and landing zone", Task, 3, Some("Raj Patel"), High, Some(24.0), None, &["cloud", "architecture"], Some(-30)),
    ("Landing zone build (network, identity, policies)", Task, 3, Some("Raj Patel"), High, Some(80.0), None, &["cloud"], Some(-12)),
    ("Data migration strategy", Deliverable, 3, Some("Jonas Berg"), High, Some(32.0), None, &["data"], Some(-20)),
    ("Map custom ERP reports to cloud equivalents", Task, 1, Some("Lukas Nowak"), Medium, Some(60.0), None, &["reports"], Some(10)),
    ("Migration rehearsal 1: finance module", Task, 1, Some("Jonas Berg"), Highest, Some(48.0), None, &["data", "rehearsal"], Some(5)),
    ("Interface inventory: warehouse scanners and EDI", Task, 2, Some("Mei Chen"), High, Some(30.0), None, &["integration"], Some(-3)),
    ("Vendor licence transfer approval", Task, 2, Some("Dana Whitfield"), High, Some(6.0), None, &["vendor", "licences"], Some(-8)),
    ("Rebuild EDI connector for cloud ERP", Story, 1, Some("Mei Chen"), High, Some(72.0), None, &["integration"], Some(21)),
    ("Performance test of month-end close", Task, 0, Some("Sofia Rossi"), High, Some(40.0), None, &["testing"], Some(35)),
    ("User acceptance testing with finance team", Task, 0, Some("Sofia Rossi"), High, Some(56.0), None, &["testing", "uat"], Some(50)),
    ("Migration rehearsal 2: full dress rehearsal", Task, 0, Some("Jonas Berg"), Highest, Some(48.0), None, &["data", "rehearsal"], Some(60)),
    ("Cutover runbook", Deliverable, 0, Some("Raj Patel"), High, Some(24.0), None, &["cutover"], Some(65)),
    ("Train key users (3 sessions)", Task, 0, Some("Lukas Nowak"), Medium, Some(18.0), None, &["training"], Some(70)),
    ("Go-live", Milestone, 0, Some("Dana Whitfield"), Highest, None, None, &["cutover"], Some(80)),
    ("Hypercare: two weeks of floor support", Task, 0, Some("Mei Chen"), Medium, Some(80.0), None, &["support"], Some(94)),
    ("Decommission old ERP servers", Task, 0, Some("Raj Patel"), Low, Some(16.0), None, &["infrastructure"], Some(110)),
    ("Lessons learned workshop", Task, 0, Some("Dana Whitfield"), Low, Some(4.0), None, &["governance"], Some(115)),
];

#[rustfmt::skip]
const PORTAL_ITEMS: &[DemoItem] = &[
    ("Customer portal: shipment tracking", Epic, 1, Some("Mei Chen"), High, None, Some(40.0), &["tracking"], None),
    ("As a customer I can see where my parcel is", Story, 3, Some("Mei Chen"), High, None, Some(8.0), &["tracking"], Some(-20)),
    ("As a customer I get an email when delivery slips", Story, 3, Some("Mei Chen"), Medium, None, Some(5.0), &["notifications"], Some(-14)),
    ("Single sign-on with customer accounts", Story, 3, Some("Aisha Okafor"), High, None, Some(8.0), &["security"], Some(-10)),
    ("Tracking page slow for accounts with 500+ parcels", Bug, 2, Some("Sofia Rossi"), High, None, Some(3.0), &["performance"], Some(2)),
    ("As a customer I can download proof of delivery", Story, 1, Some("Mei Chen"), Medium, None, Some(5.0), &["documents"], Some(6)),
    ("As a customer I can book a return pickup", Story, 1, Some("Lukas Nowak"), High, None, Some(8.0), &["returns"], Some(8)),
    ("Accessibility review of checkout pages", Task, 1, Some("Sofia Rossi"), Medium, Some(12.0), Some(3.0), &["accessibility"], Some(9)),
    ("As a customer I can change a delivery address", Story, 0, None, Medium, None, Some(5.0), &["delivery"], Some(20)),
    ("As an account manager I can see a customer's open claims", Story, 0, Some("Lukas Nowak"), Medium, None, Some(8.0), &["claims"], Some(24)),
    ("Date picker shows wrong week start for UK users", Bug, 0, Some("Mei Chen"), Low, None, Some(1.0), &["i18n"], None),
    ("As a customer I can rate a delivery", Story, 0, None, Low, None, Some(3.0), &["feedback"], None),
    ("Portal analytics dashboard for product owner", Story, 0, None, Low, None, Some(5.0), &["analytics"], None),
    ("Rate-limit the tracking API", Task, 2, Some("Aisha Okafor"), High, Some(8.0), Some(2.0), &["security", "api"], Some(3)),
    ("As a customer I can log in with my shipment number", Story, 3, Some("Mei Chen"), High, None, Some(5.0), &["tracking"], Some(-45)),
    ("Portal skeleton: routing, layout, design tokens", Task, 3, Some("Mei Chen"), High, None, Some(5.0), &["frontend"], Some(-50)),
    ("Tracking API contract with the warehouse system", Task, 3, Some("Lukas Nowak"), High, None, Some(3.0), &["integration"], Some(-48)),
    ("As a customer I can see my delivery history", Story, 3, Some("Sofia Rossi"), Medium, None, Some(5.0), &["tracking"], Some(-30)),
    ("Load test of the tracking page", Task, 3, Some("Sofia Rossi"), Medium, None, Some(3.0), &["performance"], Some(-25)),
    ("Parcel map shows wrong depot for Łódź", Bug, 3, Some("Tomás Ortega"), High, None, Some(2.0), &["tracking"], Some(-22)),
    ("As a customer I can choose a delivery time slot", Story, 3, Some("Mei Chen"), High, None, Some(8.0), &["scheduling"], Some(-18)),
    ("Release notes for portal 2.3", Deliverable, 0, Some("Lukas Nowak"), Low, Some(3.0), None, &["release"], Some(12)),
    ("Customer portal: returns and claims", Epic, 0, Some("Lukas Nowak"), Medium, None, Some(30.0), &["returns"], None),
];

#[rustfmt::skip]
const NETWORK_ITEMS: &[DemoItem] = &[
    ("Survey of switches and Wi-Fi coverage in three depots", Task, 3, Some("Tomás Ortega"), High, Some(24.0), None, &["survey"], Some(-25)),
    ("Order 42 access switches and 60 access points", Task, 3, Some("Raj Patel"), High, Some(4.0), None, &["hardware", "procurement"], Some(-15)),
    ("Delivery of network hardware", Milestone, 2, Some("Raj Patel"), High, None, None, &["hardware"], Some(-2)),
    ("Replace core switch in Rotterdam depot", Task, 1, Some("Tomás Ortega"), Highest, Some(16.0), None, &["hardware", "rotterdam"], Some(4)),
    ("Weekend change window agreed with operations", Task, 3, Some("Dana Whitfield"), High, Some(2.0), None, &["change"], Some(-5)),
    ("Wi-Fi rollout in Hamburg depot", Task, 0, Some("Tomás Ortega"), Medium, Some(32.0), None, &["wifi", "hamburg"], Some(18)),
    ("Wi-Fi rollout in Łódź depot", Task, 0, Some("Tomás Ortega"), Medium, Some(32.0), None, &["wifi", "lodz"], Some(30)),
    ("Update network diagrams and CMDB", Deliverable, 0, Some("Raj Patel"), Low, Some(12.0), None, &["documentation"], Some(40)),
    ("Handover to operations", Milestone, 0, Some("Dana Whitfield"), Medium, None, None, &["handover"], Some(45)),
];

#[rustfmt::skip]
const SECURITY_ITEMS: &[DemoItem] = &[
    ("Enforce MFA for all admin accounts", Task, 4, Some("Aisha Okafor"), Highest, Some(16.0), None, &["identity"], Some(-30)),
    ("Patch VPN appliances (critical CVE)", Task, 4, Some("Tomás Ortega"), Highest, Some(6.0), None, &["patching", "vpn"], Some(-21)),
    ("Remove local admin rights from warehouse PCs", Task, 4, Some("Raj Patel"), High, Some(20.0), None, &["endpoints"], Some(-9)),
    ("Phishing simulation for office staff", Task, 3, Some("Aisha Okafor"), Medium, Some(10.0), None, &["awareness"], Some(1)),
    ("Backup restore test for ERP database", Task, 3, Some("Jonas Berg"), High, Some(8.0), None, &["backup", "erp"], Some(-1)),
    ("Firewall rule review (quarterly)", Task, 2, Some("Tomás Ortega"), Medium, Some(12.0), None, &["network"], Some(3)),
    ("Disable legacy TLS on customer portal", Task, 2, Some("Mei Chen"), High, Some(4.0), None, &["tls", "portal"], Some(-4)),
    ("Endpoint detection on all laptops", Task, 2, Some("Aisha Okafor"), High, Some(24.0), None, &["endpoints"], Some(7)),
    ("Service account password rotation", Task, 2, Some("Raj Patel"), Medium, Some(8.0), None, &["identity"], Some(10)),
    ("Security logging to central SIEM", Story, 1, Some("Aisha Okafor"), High, Some(40.0), None, &["monitoring"], Some(20)),
    ("Supplier security questionnaire for carrier APIs", Task, 1, Some("Dana Whitfield"), Medium, Some(6.0), None, &["vendor", "compliance"], Some(15)),
    ("Data-loss prevention rules for email", Task, 0, None, Medium, Some(16.0), None, &["data-loss", "email"], None),
    ("Incident response tabletop exercise", Task, 0, Some("Aisha Okafor"), Medium, Some(8.0), None, &["incident"], Some(40)),
    ("Harden scanner firmware update process", Task, 0, None, Low, Some(12.0), None, &["endpoints"], None),
    ("Review access of leavers (HR feed)", Bug, 0, Some("Lukas Nowak"), High, Some(6.0), None, &["identity"], Some(12)),
    ("Identity and access", Epic, 2, Some("Aisha Okafor"), High, None, None, &["identity"], None),
    ("Endpoint protection", Epic, 2, Some("Raj Patel"), High, None, None, &["endpoints"], None),
    ("Detection and response", Epic, 1, Some("Aisha Okafor"), Medium, None, None, &["monitoring"], None),
];

/// Which items sit in which epic (by title), so board swimlanes by epic show real groups.
#[rustfmt::skip]
const DEMO_EPICS: &[(&str, &[&str])] = &[
    ("Customer portal: shipment tracking", &[
        "As a customer I can see where my parcel is", "As a customer I get an email when delivery slips",
        "Tracking page slow for accounts with 500+ parcels", "As a customer I can log in with my shipment number",
        "As a customer I can see my delivery history", "Parcel map shows wrong depot for Łódź",
        "As a customer I can choose a delivery time slot", "Rate-limit the tracking API",
    ]),
    ("Customer portal: returns and claims", &[
        "As a customer I can book a return pickup", "As a customer I can download proof of delivery",
        "As an account manager I can see a customer's open claims", "As a customer I can change a delivery address",
    ]),
    ("Identity and access", &[
        "Enforce MFA for all admin accounts", "Service account password rotation", "Review access of leavers (HR feed)",
        "Remove local admin rights from warehouse PCs",
    ]),
    ("Endpoint protection", &[
        "Endpoint detection on all laptops", "Harden scanner firmware update process", "Patch VPN appliances (critical CVE)",
    ]),
    ("Detection and response", &[
        "Security logging to central SIEM", "Incident response tabletop exercise", "Phishing simulation for office staff",
    ]),
];

/// One demo project: name, methodology, start and finish (days from the Monday of today's
/// week), description, items.
type DemoProject = (&'static str, Methodology, i64, i64, &'static str, &'static [DemoItem]);

/// Writes the demo workspace to `path`, which must not exist yet.
pub fn write_demo(path: &Path) -> Result<Workspace> {
    let mut ws = Workspace::create(path, Some("Northwind Logistics IT"))?;
    fill_demo(&mut ws, crate::clock::today())?;
    Ok(ws)
}

/// Fills an empty workspace with the demo company, relative to `today`.
pub fn fill_demo(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    add_people(ws)?;
    let monday = week_start(today);
    let day = |offset: i64| Some((today + Duration::days(offset)).to_string());
    let week_day = |offset: i64| Some((monday + Duration::days(offset)).to_string());
    let projects: [DemoProject; 4] = [
        (
            "ERP Cloud Migration",
            Methodology::Waterfall,
            // A Monday: then the user acceptance tests end on a Wednesday, and the dress
            // rehearsal (by the Monday-to-Thursday contractor) follows without a gap.
            -63,
            119,
            "Move the on-premises ERP to a cloud-hosted service before the data-centre lease ends, \
          with no loss of data and at most one weekend of downtime.",
            ERP_ITEMS,
        ),
        (
            "Customer Portal",
            Methodology::Scrum,
            -91,
            88,
            "Self-service portal for shipment tracking, returns and proof of delivery.",
            PORTAL_ITEMS,
        ),
        (
            "Network Refresh",
            Methodology::Hybrid,
            -28,
            53,
            "Replace end-of-life switches and extend Wi-Fi in the Rotterdam, Hamburg and Łódź depots.",
            NETWORK_ITEMS,
        ),
        (
            "Security Hardening",
            Methodology::Kanban,
            -119,
            60,
            "A continuous flow of security improvements from the latest audit and threat reports.",
            SECURITY_ITEMS,
        ),
    ];
    for (name, methodology, start, finish, description, items) in projects {
        let project = ws.create_project(&ProjectInput {
            name: name.into(),
            methodology,
            start_date: week_day(start),
            finish_date: week_day(finish),
            description: description.into(),
        })?;
        let statuses = ws.statuses(project.id)?;
        let batch: Vec<(Option<Id>, WorkItemInput)> = items
            .iter()
            .map(|(title, kind, column, who, priority, hours, points, tags, due)| {
                let status = statuses.get(*column).or(statuses.last()).map(|s| s.id);
                let input = WorkItemInput {
                    item_type: Some(*kind),
                    title: (*title).into(),
                    description: String::new(),
                    assignee: who.map(str::to_string),
                    estimate_hours: *hours,
                    story_points: *points,
                    priority: Some(*priority),
                    tags: tags.iter().map(|t| t.to_string()).collect(),
                    due_date: due.and_then(day),
                };
                (status, input)
            })
            .collect();
        ws.edit(|ctx| insert_many(ctx, project.id, &batch))?;
        if methodology == Methodology::Waterfall {
            plan_erp(ws, project.id, monday)?;
        }
        backdate_history(ws, project.id, today)?;
        if methodology == Methodology::Scrum {
            plan_portal_sprints(ws, project.id, monday)?;
        }
        group_in_epics(ws, project.id)?;
        let manager = match methodology {
            Methodology::Waterfall | Methodology::Scrum => "Dana Whitfield",
            Methodology::Hybrid => "Raj Patel",
            Methodology::Kanban => "Aisha Okafor",
        };
        ws.set_project_manager(project.id, Some(manager))?;
    }
    crate::resources::demo::seed(ws, monday)?;
    crate::skills::demo::fill(ws, today)?;
    crate::time::demo::seed(ws, today)?;
    crate::budget::demo::seed(ws, today)?;
    crate::lifecycle::demo::seed(ws, today)?;
    crate::scope::demo::seed(ws, today)?;
    crate::lessons::demo::seed(ws, today)?;
    crate::health::demo::seed(ws, today)?;
    crate::raid::demo::seed(ws, today)?;
    crate::stakeholders::demo::seed(ws, today)?;
    crate::meetings::demo::seed(ws, today)?;
    crate::operations::demo::seed(ws, today)?;
    ws.history.clear();
    Ok(())
}

fn group_in_epics(ws: &mut Workspace, project: Id) -> Result<()> {
    let items: Vec<WorkItem> = ws.board(project)?.columns.into_iter().flat_map(|c| c.items).collect();
    let id_of = |title: &str| items.iter().find(|i| i.title == title).map(|i| i.id);
    for (epic, members) in DEMO_EPICS {
        let Some(epic) = id_of(epic) else { continue };
        for member in *members {
            if let Some(id) = id_of(member) {
                ws.set_item_epic(id, Some(epic))?;
            }
        }
    }
    Ok(())
}

/// The Monday of the week `day` falls in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The day of the demo's company holiday when it is built on `today`.
pub fn company_holiday(today: NaiveDate) -> NaiveDate {
    week_start(today) + Duration::days(ERP_HOLIDAY)
}

/// Name, goal, first and last day (days from the Monday of today's week: two weeks from a
/// Monday to a Sunday, so today is always inside the last one), review and retrospective notes.
const PORTAL_SPRINTS: &[(&str, &str, i64, i64, &str, &str)] = &[
    (
        "Sprint 1",
        "A customer can log in and see the portal's skeleton",
        -49,
        -36,
        "Showed login by shipment number to two pilot customers; both found it without help.",
        "Keep: pairing on the API contract. Change: stories were too big to finish in a week.",
    ),
    (
        "Sprint 2",
        "A customer can see where a parcel is right now",
        -35,
        -22,
        "Live tracking demoed with real warehouse data. The Łódź depot showed on the wrong map pin.",
        "Keep: demo with real data. Change: start load testing earlier; it found the slow page late.",
    ),
    (
        "Sprint 3",
        "Customers hear about delays before they call us",
        -21,
        -8,
        "Delay emails and single sign-on shipped. Time slots slipped into the next sprint.",
        "Keep: small stories. Change: agree the definition of done for emails with marketing.",
    ),
    ("Sprint 4", "Self-service returns and proof of delivery", -7, 6, "", ""),
];

/// The Customer Portal's sprints: three finished ones whose stories were done inside their
/// dates (for burndown and velocity) and a current one, with the rest ranked in the backlog.
fn plan_portal_sprints(ws: &mut Workspace, project: Id, monday: NaiveDate) -> Result<()> {
    let mut sprint_ids = Vec::new();
    for (name, goal, from, to, review, retro) in PORTAL_SPRINTS {
        let sprint = ws.create_sprint(
            project,
            &SprintInput {
                name: (*name).into(),
                goal: (*goal).into(),
                start_date: (monday + Duration::days(*from)).to_string(),
                finish_date: (monday + Duration::days(*to)).to_string(),
                // The current sprint is planned a little over what the team can do.
                capacity_points: Some(if *to > 0 { 30.0 } else { 18.0 }),
            },
        )?;
        if !review.is_empty() {
            ws.set_sprint_notes(sprint.id, review, retro)?;
        }
        sprint_ids.push(sprint.id);
    }
    let board = ws.board(project)?;
    let mut finished = 0;
    let tx = ws.conn.transaction()?;
    for column in &board.columns {
        for item in &column.items {
            if item.item_type == Epic || item.story_points.is_none() {
                continue;
            }
            let sprint = match column.status.category {
                StatusCategory::Done => {
                    // Done stories spread over the finished sprints, done inside their dates.
                    let k = finished % 3;
                    finished += 1;
                    let (_, _, from, to, _, _) = PORTAL_SPRINTS[k];
                    let started = from + 1 + (finished as i64 % 3);
                    let done = (started + 2 + (finished as i64 * 3) % 7).min(to);
                    let day = |offset: i64, hour: u32| format!("{}T{hour:02}:00:00Z", monday + Duration::days(offset));
                    tx.execute("DELETE FROM status_changes WHERE item_id = ?1", [item.id])?;
                    for (status, offset, hour) in [
                        (board.columns[0].status.id, from - 3, 9),
                        (board.columns[1].status.id, started, 10),
                        (column.status.id, done, 15),
                    ] {
                        flow::insert_status_change(&tx, item.id, status, &day(offset, hour))?;
                    }
                    tx.execute(
                        "UPDATE work_items SET created_at = ?1 WHERE id = ?2",
                        (day(from - 3, 9), item.id),
                    )?;
                    Some(sprint_ids[k])
                }
                StatusCategory::InProgress => Some(sprint_ids[3]),
                StatusCategory::Todo if item.story_points.is_some_and(|p| p >= 5.0) && item.due_date.is_some() => {
                    Some(sprint_ids[3])
                }
                StatusCategory::Todo => None,
            };
            tx.execute("UPDATE work_items SET sprint_id = ?1 WHERE id = ?2", (sprint, item.id))?;
        }
    }
    tx.commit()?;
    // The product owner's order of what is left.
    let backlog: Vec<Id> = ws.backlog(project)?.into_iter().map(|i| i.id).collect();
    for (rank, id) in backlog.iter().enumerate() {
        ws.rank_in_backlog(*id, rank)?;
    }
    Ok(())
}

/// Gives every item of a project a believable past: created days or weeks ago, started, and
/// (for done items) finished on earlier days, so cumulative flow and cycle times show a story.
fn backdate_history(ws: &mut Workspace, project: Id, today: NaiveDate) -> Result<()> {
    let statuses = ws.statuses(project)?;
    let first_todo = statuses.first().map(|s| s.id);
    let first_doing = statuses
        .iter()
        .find(|s| s.category == StatusCategory::InProgress)
        .map(|s| s.id);
    let items: Vec<(Id, Id, String)> = {
        let mut stmt = ws
            .conn
            .prepare("SELECT id, status_id, title FROM work_items WHERE project_id = ?1")?;
        let rows = stmt.query_map([project], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let at = |days_ago: i64, hour: u32| format!("{}T{hour:02}:00:00Z", today - Duration::days(days_ago.max(0)));
    let tx = ws.conn.transaction()?;
    for (id, status, title) in items {
        let category = statuses.iter().find(|s| s.id == status).map(|s| s.category);
        // A fixed scatter per item, from its title: ids are random, so they would not repeat.
        let n = title.bytes().fold(17i64, |h, b| (h * 31 + b as i64) % 1_000_003);
        let (created, mut path) = match category {
            Some(StatusCategory::Done) => {
                let created = 20 + n % 60;
                let started = created - 1 - n % 6;
                let done = (started - 1 - n % 9).max(1);
                (created, vec![(first_doing, started), (Some(status), done)])
            }
            Some(StatusCategory::InProgress) => (12 + n % 30, vec![(Some(status), 1 + n % 9)]),
            _ => (3 + n % 35, vec![]),
        };
        path.insert(0, (if path.is_empty() { Some(status) } else { first_todo }, created));
        tx.execute("DELETE FROM status_changes WHERE item_id = ?1", [id])?;
        for (step, (column, days_ago)) in path.into_iter().enumerate() {
            let Some(column) = column else { continue };
            flow::insert_status_change(&tx, id, column, &at(days_ago, 9 + step as u32))?;
        }
        tx.execute(
            "UPDATE work_items SET created_at = ?1 WHERE id = ?2",
            (at(created, 9), id),
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// The company holiday inside the ERP plan, on the Tuesday of the second week of hypercare:
/// on the critical path, after the contractor's last task, so the finish slips one working day
/// against the approved baseline. And the deadline of the licence approval (its "finish no
/// later than" constraint). Both in days after and before the Monday of today's week.
const ERP_HOLIDAY: i64 = 50;
const ERP_LICENCE_DEADLINE: i64 = 35;

/// ERP phases (WBS summary tasks) and, per task: phase, duration in days, percent complete.
const ERP_PHASES: &[&str] = &["Initiation", "Design", "Build", "Test", "Deploy", "Close"];
const ERP_PLAN: &[(&str, usize, f64, f64)] = &[
    ("Assess current on-premises ERP landscape", 0, 10.0, 100.0),
    ("Project charter signed by steering committee", 0, 0.0, 100.0),
    ("Choose cloud region and landing zone", 1, 5.0, 100.0),
    ("Data migration strategy", 1, 8.0, 100.0),
    ("Interface inventory: warehouse scanners and EDI", 1, 10.0, 100.0),
    ("Landing zone build (network, identity, policies)", 2, 20.0, 100.0),
    ("Vendor licence transfer approval", 2, 3.0, 100.0),
    ("Map custom ERP reports to cloud equivalents", 2, 15.0, 60.0),
    ("Rebuild EDI connector for cloud ERP", 2, 18.0, 50.0),
    ("Migration rehearsal 1: finance module", 2, 10.0, 70.0),
    ("Performance test of month-end close", 3, 8.0, 0.0),
    ("User acceptance testing with finance team", 3, 15.0, 0.0),
    ("Migration rehearsal 2: full dress rehearsal", 3, 8.0, 0.0),
    ("Cutover runbook", 4, 5.0, 0.0),
    ("Train key users (3 sessions)", 4, 5.0, 0.0),
    ("Go-live", 4, 0.0, 0.0),
    ("Hypercare: two weeks of floor support", 4, 10.0, 0.0),
    ("Decommission old ERP servers", 5, 5.0, 0.0),
    ("Lessons learned workshop", 5, 1.0, 0.0),
];
/// Predecessor, successor, kind, lag in days (negative: a lead).
const ERP_LINKS: &[(&str, &str, DependencyKind, f64)] = &[
    (
        "Assess current on-premises ERP landscape",
        "Project charter signed by steering committee",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Project charter signed by steering committee",
        "Choose cloud region and landing zone",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Choose cloud region and landing zone",
        "Data migration strategy",
        DependencyKind::Ss,
        1.0,
    ),
    (
        "Project charter signed by steering committee",
        "Interface inventory: warehouse scanners and EDI",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Choose cloud region and landing zone",
        "Landing zone build (network, identity, policies)",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Project charter signed by steering committee",
        "Vendor licence transfer approval",
        DependencyKind::Fs,
        2.0,
    ),
    (
        "Interface inventory: warehouse scanners and EDI",
        "Rebuild EDI connector for cloud ERP",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Rebuild EDI connector for cloud ERP",
        "Map custom ERP reports to cloud equivalents",
        DependencyKind::Ff,
        0.0,
    ),
    (
        "Landing zone build (network, identity, policies)",
        "Migration rehearsal 1: finance module",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Data migration strategy",
        "Migration rehearsal 1: finance module",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Migration rehearsal 1: finance module",
        "Performance test of month-end close",
        DependencyKind::Fs,
        -2.0,
    ),
    (
        "Rebuild EDI connector for cloud ERP",
        "User acceptance testing with finance team",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Performance test of month-end close",
        "User acceptance testing with finance team",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "User acceptance testing with finance team",
        "Migration rehearsal 2: full dress rehearsal",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Migration rehearsal 2: full dress rehearsal",
        "Cutover runbook",
        DependencyKind::Ss,
        2.0,
    ),
    (
        "User acceptance testing with finance team",
        "Train key users (3 sessions)",
        DependencyKind::Fs,
        0.0,
    ),
    ("Cutover runbook", "Go-live", DependencyKind::Fs, 0.0),
    (
        "Migration rehearsal 2: full dress rehearsal",
        "Go-live",
        DependencyKind::Fs,
        0.0,
    ),
    ("Train key users (3 sessions)", "Go-live", DependencyKind::Fs, 0.0),
    (
        "Go-live",
        "Hypercare: two weeks of floor support",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Hypercare: two weeks of floor support",
        "Decommission old ERP servers",
        DependencyKind::Fs,
        0.0,
    ),
    (
        "Decommission old ERP servers",
        "Lessons learned workshop",
        DependencyKind::Fs,
        0.0,
    ),
];

/// Gives the ERP project a real network: phases, durations, mixed links, a licence approval
/// that must finish by a date, and a company holiday on the standard calendar. Dates count
/// from `monday`, the Monday of today's week.
fn plan_erp(ws: &mut Workspace, project: Id, monday: NaiveDate) -> Result<()> {
    let mut ids: HashMap<String, Id> = ws
        .board(project)?
        .columns
        .into_iter()
        .flat_map(|c| c.items)
        .map(|i| (i.title, i.id))
        .collect();
    let first_status = ws.statuses(project)?.first().map(|s| s.id);
    let mut phases = Vec::new();
    for phase in ERP_PHASES {
        let input = WorkItemInput {
            item_type: Some(Epic),
            title: (*phase).into(),
            ..Default::default()
        };
        phases.push(ws.create_item(project, first_status, &input)?.id);
    }
    let day = 480.0;
    for (title, phase, days, percent) in ERP_PLAN {
        let mut plan = TaskPlanInput {
            parent_id: Some(phases[*phase]),
            duration_minutes: Some((days * day) as i64),
            constraint_type: ConstraintKind::Asap,
            constraint_date: None,
            actual_start: None,
            actual_finish: None,
            percent_complete: *percent,
        };
        if title.starts_with("Vendor licence") {
            plan.constraint_type = ConstraintKind::Fnlt;
            plan.constraint_date = Some(format!("{}T17:00:00", monday - Duration::days(ERP_LICENCE_DEADLINE)));
        }
        let id = ids.remove(*title).expect("every planned ERP task is a demo item");
        ws.set_task_plan(id, &plan)?;
        ids.insert((*title).to_string(), id);
    }
    for (from, to, kind, lag_days) in ERP_LINKS {
        ws.add_dependency(ids[*from], ids[*to], *kind, (lag_days * day) as i64)?;
    }
    // The plan as the steering committee approved it; the company holiday announced since
    // moves the work planned across it, which the baseline shows as slip.
    ws.save_baseline(project, "Approved plan")?;
    ws.add_holiday(STANDARD_CALENDAR, monday + Duration::days(ERP_HOLIDAY), "Company day")?;
    Ok(())
}

/// Adds a waterfall project with `count` generated tasks (a summary per hundred) and twice as
/// many dependencies of every kind, for load tests of the timeline and the scheduler.
pub fn add_load_test_plan(ws: &mut Workspace, count: usize) -> Result<Id> {
    let network = crate::plan::schedule::generated_network(count, count * 2);
    let plan = crate::interchange::mspdi::Plan::from_network(&format!("Load test ({count} tasks)"), network);
    let id = ws.import_plan(&plan)?.project.id;
    ws.history.clear();
    Ok(id)
}

/// Adds a Kanban project with `count` generated items, for load tests and benchmarks.
pub fn add_load_test_project(ws: &mut Workspace, count: usize) -> Result<Id> {
    let today = crate::clock::today();
    let project = ws.create_project(&ProjectInput {
        name: format!("Load test ({count} items)"),
        methodology: Methodology::Kanban,
        start_date: Some(today.to_string()),
        finish_date: None,
        description: "Generated to show how Bridgeplan handles a large board.".into(),
    })?;
    let statuses = ws.statuses(project.id)?;
    let kinds = [Task, Story, Bug, Task, Deliverable];
    let priorities = [Low, Medium, Medium, High, Highest];
    let batch: Vec<(Option<Id>, WorkItemInput)> = (0..count)
        .map(|i| {
            // Spread items unevenly, as real boards are: most in the backlog and done.
            let column = match i % 10 {
                0..=3 => 0,
                4 => 1,
                5 => 2,
                6 => 3,
                _ => statuses.len().saturating_sub(1),
            };
            let input = WorkItemInput {
                item_type: Some(kinds[i % kinds.len()]),
                title: format!("Generated work item {} of {count}", i + 1),
                description: String::new(),
                assignee: Some(PEOPLE[i % PEOPLE.len()].0.to_string()),
                estimate_hours: Some(((i % 8) + 1) as f64 * 2.0),
                story_points: None,
                priority: Some(priorities[i % priorities.len()]),
                tags: vec![format!("area-{}", i % 12)],
                due_date: Some((today + Duration::days((i % 120) as i64 - 30)).to_string()),
            };
            (statuses.get(column).map(|s| s.id), input)
        })
        .collect();
    ws.edit(|ctx| {
        crate::search::pause_items(ctx.tx)?;
        insert_many(ctx, project.id, &batch)?;
        crate::search::index_new_items(ctx.tx)
    })?;
    ws.history.clear();
    Ok(project.id)
}
