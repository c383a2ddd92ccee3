//! The demo workspace: Northwind Logistics' IT department, with dates relative to today so
//! it never looks stale. Also a generator of large workspaces for load tests.

use std::path::Path;

use chrono::{Duration, Local, NaiveDate};

use crate::items::{insert_many, ItemType, Priority, WorkItemInput};
use crate::projects::{Methodology, ProjectInput};
use crate::{Id, Result, Workspace};

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
    ("Release notes for portal 2.3", Deliverable, 0, Some("Lukas Nowak"), Low, Some(3.0), None, &["release"], Some(12)),
];

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
];

/// One demo project: name, methodology, start and finish (days from today), description, items.
type DemoProject = (&'static str, Methodology, i64, i64, &'static str, &'static [DemoItem]);

/// Writes the demo workspace to `path`, which must not exist yet.
pub fn write_demo(path: &Path) -> Result<Workspace> {
    let mut ws = Workspace::create(path, Some("Northwind Logistics IT"))?;
    fill_demo(&mut ws, Local::now().date_naive())?;
    Ok(ws)
}

/// Fills an empty workspace with the demo company, relative to `today`.
pub fn fill_demo(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    for (name, role) in PEOPLE {
        ws.add_person(name, role)?;
    }
    let day = |offset: i64| Some((today + Duration::days(offset)).to_string());
    let projects: [DemoProject; 4] = [
        ("ERP Cloud Migration", Methodology::Waterfall, -60, 120,
         "Move the on-premises ERP to a cloud-hosted service before the data-centre lease ends, \
          with no loss of data and at most one weekend of downtime.", ERP_ITEMS),
        ("Customer Portal", Methodology::Scrum, -90, 90,
         "Self-service portal for shipment tracking, returns and proof of delivery.", PORTAL_ITEMS),
        ("Network Refresh", Methodology::Hybrid, -30, 50,
         "Replace end-of-life switches and extend Wi-Fi in the Rotterdam, Hamburg and Łódź depots.",
         NETWORK_ITEMS),
        ("Security Hardening", Methodology::Kanban, -120, 60,
         "A continuous flow of security improvements from the latest audit and threat reports.",
         SECURITY_ITEMS),
    ];
    for (name, methodology, start, finish, description, items) in projects {
        let project = ws.create_project(&ProjectInput {
            name: name.into(),
            methodology,
            start_date: day(start),
            finish_date: day(finish),
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
    }
    ws.history.clear();
    Ok(())
}

/// Adds a Kanban project with `count` generated items, for load tests and benchmarks.
pub fn add_load_test_project(ws: &mut Workspace, count: usize) -> Result<Id> {
    let today = Local::now().date_naive();
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
    ws.edit(|ctx| insert_many(ctx, project.id, &batch))?;
    ws.history.clear();
    Ok(project.id)
}
