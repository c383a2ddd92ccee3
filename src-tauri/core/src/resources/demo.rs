//! Demo data of resources: the Network Refresh gets a plan, hardware, licences and a test rig
//! on its tasks, and one person on two tasks at once that levelling resolves within float.
//! Also the resources of the load-test plan, for the benchmark.

use chrono::{Duration, NaiveDate};

use crate::plan::timeline::{ConstraintKind, DependencyKind, TaskPlanInput};
use crate::resources::assignments::AssignmentInput;
use crate::resources::equipment::{EquipmentInput, EquipmentKind};
use crate::workspace::ids;
use crate::{validate, CoreError, Id, Result, Workspace};

/// Title, working days, actual start and finish (working days from the project start, for the
/// work done already).
/// (title, working days, actual (start, finish) in working days from the project start).
type PlannedTask = (&'static str, f64, Option<(i64, i64)>);

const PLAN: &[PlannedTask] = &[
    (
        "Survey of switches and Wi-Fi coverage in three depots",
        3.0,
        Some((0, 2)),
    ),
    ("Order 42 access switches and 60 access points", 1.0, Some((3, 3))),
    ("Weekend change window agreed with operations", 1.0, Some((4, 4))),
    ("Delivery of network hardware", 0.0, None),
    ("Replace core switch in Rotterdam depot", 5.0, None),
    ("Wi-Fi rollout in Hamburg depot", 6.0, None),
    ("Wi-Fi rollout in Łódź depot", 6.0, None),
    ("Update network diagrams and CMDB", 5.0, None),
    ("Handover to operations", 0.0, None),
];

/// From, to, lag in working days.
const LINKS: &[(&str, &str, f64)] = &[
    (
        "Survey of switches and Wi-Fi coverage in three depots",
        "Order 42 access switches and 60 access points",
        0.0,
    ),
    // The hardware takes five weeks to arrive.
    (
        "Order 42 access switches and 60 access points",
        "Delivery of network hardware",
        25.0,
    ),
    (
        "Delivery of network hardware",
        "Replace core switch in Rotterdam depot",
        0.0,
    ),
    (
        "Weekend change window agreed with operations",
        "Replace core switch in Rotterdam depot",
        0.0,
    ),
    ("Delivery of network hardware", "Wi-Fi rollout in Hamburg depot", 0.0),
    ("Wi-Fi rollout in Hamburg depot", "Wi-Fi rollout in Łódź depot", 0.0),
    ("Delivery of network hardware", "Update network diagrams and CMDB", 0.0),
    ("Wi-Fi rollout in Łódź depot", "Handover to operations", 0.0),
    ("Replace core switch in Rotterdam depot", "Handover to operations", 0.0),
    ("Update network diagrams and CMDB", "Handover to operations", 0.0),
];

pub(crate) const TEST_RIG: &str = "Wi-Fi survey and test rig";

/// Adds the Network Refresh's plan and resources; `monday` is the Monday of today's week.
pub(crate) fn seed(ws: &mut Workspace, monday: NaiveDate) -> Result<()> {
    let project = ws.project_by_name("Network Refresh")?;
    let start = project
        .start_date
        .ok_or_else(|| CoreError::Internal("The demo's Network Refresh has no start date.".into()))?;
    let items: Vec<(String, Id)> = ws
        .board(project.id)?
        .columns
        .into_iter()
        .flat_map(|c| c.items)
        .map(|i| (i.title, i.id))
        .collect();
    let id = |title: &str| {
        items
            .iter()
            .find(|(t, _)| t == title)
            .map(|(_, id)| *id)
            .ok_or_else(|| CoreError::Internal(format!("The demo has no task \"{title}\".")))
    };
    let cal = ws.project_calendar(project.id)?;
    let working_day = |n: i64| {
        let t = crate::plan::schedule::calendar::to_minute(start.and_hms_opt(8, 0, 0).unwrap_or_default());
        let t = cal.add(cal.next_start(t), n * 480);
        crate::plan::schedule::calendar::from_minute(cal.next_start(t)).date()
    };
    for (title, days, actual) in PLAN {
        let (actual_start, actual_finish) = match actual {
            Some((a, b)) => (
                Some(format!("{}T08:00:00", working_day(*a))),
                Some(format!("{}T17:00:00", working_day(*b))),
            ),
            None => (None, None),
        };
        let plan = TaskPlanInput {
            parent_id: None,
            duration_minutes: Some((days * 480.0) as i64),
            constraint_type: ConstraintKind::Asap,
            constraint_date: None,
            percent_complete: if actual.is_some() { 100.0 } else { 0.0 },
            actual_start,
            actual_finish,
        };
        ws.set_task_plan(id(title)?, &plan)?;
    }
    for (from, to, lag) in LINKS {
        ws.add_dependency(id(from)?, id(to)?, DependencyKind::Fs, (lag * 480.0) as i64)?;
    }
    let kit = [
        ("48-port access switch", EquipmentKind::Hardware, 12, 180_000, None),
        ("Wi-Fi access point", EquipmentKind::Hardware, 40, 45_000, None),
        ("Network management licence", EquipmentKind::Licence, 3, 12_000, None),
        // The rig is lent by the vendor for four weeks from when the hardware arrives.
        (
            TEST_RIG,
            EquipmentKind::Equipment,
            1,
            0,
            Some((monday, monday + Duration::days(55))),
        ),
    ];
    let mut kit_ids = Vec::new();
    for (name, kind, quantity, cost, window) in kit {
        let e = ws.add_equipment(&EquipmentInput {
            name: name.into(),
            kind,
            quantity,
            unit_cost_minor: cost,
            available_from: window.map(|(f, _): (NaiveDate, NaiveDate)| f.to_string()),
            available_to: window.map(|(_, t)| t.to_string()),
            notes: String::new(),
        })?;
        kit_ids.push(e.id);
    }
    let person = |ws: &Workspace, name: &str| -> Result<Id> {
        ws.people()?
            .into_iter()
            .find(|p| p.name == name)
            .map(|p| p.id)
            .ok_or_else(|| CoreError::Internal(format!("The demo has no person {name}.")))
    };
    let raj = person(ws, "Raj Patel")?;
    let tomas = person(ws, "Tomás Ortega")?;
    let people = |p: Id, u: f64| AssignmentInput {
        person_id: Some(p),
        equipment_id: None,
        units: u,
    };
    let things = |e: Id, u: f64| AssignmentInput {
        person_id: None,
        equipment_id: Some(e),
        units: u,
    };
    let rotterdam = id("Replace core switch in Rotterdam depot")?;
    let hamburg = id("Wi-Fi rollout in Hamburg depot")?;
    let lodz = id("Wi-Fi rollout in Łódź depot")?;
    let diagrams = id("Update network diagrams and CMDB")?;
    // Raj replaces the core switch and updates the diagrams in the same week: 200 %. The
    // diagrams have seven days of float (the Wi-Fi rollouts take twelve), so levelling moves
    // them by five without moving the handover.
    ws.assign(rotterdam, &people(raj, 1.0))?;
    ws.assign(rotterdam, &things(kit_ids[0], 12.0))?;
    ws.assign(rotterdam, &things(kit_ids[2], 1.0))?;
    ws.assign(diagrams, &people(raj, 1.0))?;
    for site in [hamburg, lodz] {
        ws.assign(site, &people(tomas, 1.0))?;
        ws.assign(site, &things(kit_ids[1], 20.0))?;
        ws.assign(site, &things(kit_ids[2], 1.0))?;
        ws.assign(site, &things(kit_ids[3], 1.0))?;
    }
    Ok(())
}

/// Gives the load-test plan `people` resources, "Resource 1" …, each on three neighbouring
/// tasks in turn (which often run at once), so levelling has work to do. For the benchmark.
pub fn add_load_test_resources(ws: &mut Workspace, project_id: Id, people: usize) -> Result<()> {
    let items: Vec<Id> = {
        let mut stmt = ws.conn.prepare(
            "SELECT id FROM work_items w WHERE project_id = ?1 AND NOT EXISTS \
             (SELECT 1 FROM work_items c WHERE c.parent_id = w.id) ORDER BY outline_position, id",
        )?;
        let rows = stmt.query_map([project_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    ws.edit(|ctx| {
        let mut person_ids = Vec::with_capacity(people);
        for n in 0..people {
            let id = ids::new_id(ctx.tx, "people")?;
            ctx.tx.execute(
                "INSERT INTO people(id, name, role, created_at) VALUES (?1, ?2, 'Engineer', ?3)",
                (id, format!("Resource {}", n + 1), validate::now_utc()),
            )?;
            ctx.inserted("people", id);
            person_ids.push(id);
        }
        for (k, item) in items.iter().enumerate() {
            let id = ids::new_id(ctx.tx, "assignments")?;
            ctx.tx.execute(
                "INSERT INTO assignments(id, item_id, person_id, units) VALUES (?1, ?2, ?3, 1.0)",
                (id, item, person_ids[(k / 3) % people.max(1)]),
            )?;
            ctx.inserted("assignments", id);
        }
        Ok(())
    })?;
    ws.history.clear();
    Ok(())
}
