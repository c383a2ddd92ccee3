//! The demo's scope and change control: the ERP migration's objectives, deliverables (some
//! accepted), what is in and out of scope, an implemented change that added a task with float
//! (so the critical path and the one-day slip the demo tests check stay as they are) and a
//! change waiting for the steering committee; the Network Refresh has a decided change too.

use chrono::{Duration, NaiveDate};

use super::apply::PlanAction;
use super::changes::{ChangeInput, ChangeStatus, DecisionInput};
use super::{Acceptance, DeliverableInput};
use crate::{Id, Result, Workspace};

const ERP_OBJECTIVES: &[&str] = &[
    "Run finance, warehouse and purchasing on the cloud ERP before the data-centre lease ends",
    "Migrate all open orders and seven years of ledger history with no loss of data",
    "Keep downtime to one weekend, with month-end close on the new system the month after go-live",
];

/// Title, acceptance criteria, acceptance, linked item, due date (days from today).
const ERP_DELIVERABLES: &[(&str, &str, Acceptance, Option<&str>, i64)] = &[
    (
        "Landing zone",
        "Network, identity and policies pass the cloud provider's well-architected review.",
        Acceptance::Accepted,
        Some("Landing zone build (network, identity, policies)"),
        -20,
    ),
    (
        "Data migration strategy",
        "Signed off by finance; names the owner of every data set and the archive rule.",
        Acceptance::Accepted,
        Some("Data migration strategy"),
        -35,
    ),
    (
        "Rebuilt EDI connector",
        "All 14 trading partners exchange test orders and invoices without manual fixes.",
        Acceptance::Pending,
        Some("Rebuild EDI connector for cloud ERP"),
        21,
    ),
    (
        "Signed UAT report",
        "Finance team signs that every critical test case passed; no open severity-1 defect.",
        Acceptance::Pending,
        Some("User acceptance testing with finance team"),
        45,
    ),
    (
        "Cutover runbook",
        "Rehearsed end to end within the weekend window, with a tested way back.",
        Acceptance::Pending,
        Some("Cutover runbook"),
        60,
    ),
];

const ERP_IN_SCOPE: &[&str] = &[
    "Finance, warehouse and purchasing modules",
    "Custom reports used at month-end",
    "EDI with current trading partners",
    "Training for key users",
];
const ERP_OUT_OF_SCOPE: &[&str] = &[
    "HR and payroll (stays on the current provider)",
    "New warehouse scanner hardware",
    "Redesign of the purchasing process",
];

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let day = |offset: i64| Some((today + Duration::days(offset)).to_string());
    let erp = ws.project_by_name("ERP Cloud Migration")?.id;
    let board: Vec<(String, Id)> = ws
        .board(erp)?
        .columns
        .into_iter()
        .flat_map(|c| c.items)
        .map(|i| (i.title, i.id))
        .collect();
    let item = |title: &str| board.iter().find(|(t, _)| t == title).map(|(_, id)| *id);
    for text in ERP_OBJECTIVES {
        ws.add_objective(erp, text)?;
    }
    for (title, criteria, acceptance, linked, due) in ERP_DELIVERABLES {
        ws.add_deliverable(
            erp,
            &DeliverableInput {
                title: (*title).into(),
                acceptance_criteria: (*criteria).into(),
                acceptance: Some(*acceptance),
                item_id: linked.and_then(item),
                due_date: day(*due),
            },
        )?;
    }
    for text in ERP_IN_SCOPE {
        ws.add_scope_statement(erp, true, text)?;
    }
    for text in ERP_OUT_OF_SCOPE {
        ws.add_scope_statement(erp, false, text)?;
    }

    // CR-1: approved and implemented. The extract lands in cloud storage, so it follows the
    // landing zone; it feeds nothing and ends well inside the Build phase, so it has float and
    // leaves the critical path, the phase dates and the one-day slip alone.
    let archive =
        ws.add_change_request(
            erp,
            &ChangeInput {
                title: "Extract the ledger archive before migration".into(),
                description:
                    "Auditors need ledger entries older than seven years kept in cloud storage, outside the new ERP."
                        .into(),
                requester: "Finance controller".into(),
                schedule_impact_days: 4,
                cost_impact_minor: 320_000,
                risk_impact: "Low: read-only extract from the old system.".into(),
                raised_on: day(-40),
            },
        )?;
    let cr1 = archive.changes[0].id;
    ws.decide_change_request(
        cr1,
        &DecisionInput {
            status: Some(ChangeStatus::Approved),
            decision: "Approved by the steering committee; paid from the contingency.".into(),
            decided_by: "Dana Whitfield".into(),
            decided_on: day(-38),
        },
    )?;
    ws.apply_change_to_plan(
        cr1,
        &[PlanAction::AddTask {
            title: "Data archive extract".into(),
            duration_days: 4.0,
            predecessor_id: item("Landing zone build (network, identity, policies)"),
        }],
    )?;

    // CR-2: waiting for a decision, with a cost and a schedule impact.
    ws.add_change_request(
        erp,
        &ChangeInput {
            title: "Add the Gdańsk warehouse to the first cutover".into(),
            description: "Operations want the new Gdańsk site live with the others instead of three months later."
                .into(),
            requester: "Head of operations".into(),
            schedule_impact_days: 6,
            cost_impact_minor: 1_850_000,
            risk_impact: "Medium: one more site in the cutover weekend.".into(),
            raised_on: day(-3),
        },
    )?;

    // The Network Refresh: a saving the committee turned down.
    let network = ws.project_by_name("Network Refresh")?.id;
    ws.add_objective(network, "Replace every end-of-life switch in the three depots")?;
    ws.add_objective(network, "Wi-Fi coverage of every loading bay")?;
    ws.add_scope_statement(
        network,
        true,
        "Switches and access points in Rotterdam, Hamburg and Łódź",
    )?;
    ws.add_scope_statement(network, false, "Office networks at headquarters")?;
    let reuse = ws.add_change_request(
        network,
        &ChangeInput {
            title: "Reuse the Hamburg core switch for two more years".into(),
            description: "Keep the current core switch and replace only the access layer.".into(),
            requester: "Raj Patel".into(),
            schedule_impact_days: -3,
            cost_impact_minor: -1_200_000,
            risk_impact: "High: the switch is out of vendor support next spring.".into(),
            raised_on: day(-14),
        },
    )?;
    ws.decide_change_request(
        reuse.changes[0].id,
        &DecisionInput {
            status: Some(ChangeStatus::Rejected),
            decision: "Rejected: an unsupported core switch is a risk we do not take.".into(),
            decided_by: "Dana Whitfield".into(),
            decided_on: day(-10),
        },
    )?;
    Ok(())
}
