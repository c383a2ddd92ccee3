//! The demo's stakeholders: the ERP migration's seven, one in each corner of the grid and some
//! in between, a communication plan of four lines of which exactly one is due (on any day), and
//! a RACI over the deliverables where the cutover runbook has no Accountable yet.

use chrono::{Duration, NaiveDate};

use super::communications::{CommunicationInput, Frequency};
use super::raci::{RaciParty, RaciRole, RaciTarget};
use super::{Attitude, StakeholderInput};
use crate::{clock, Id, Result, Workspace};

/// Name, organisation, role, power, interest, current and desired attitude.
const ERP_STAKEHOLDERS: &[(&str, &str, &str, i64, i64, Attitude, Attitude)] = &[
    (
        "Claire Dubois",
        "Finance",
        "CFO and project sponsor",
        9,
        9,
        Attitude::Supportive,
        Attitude::Leading,
    ),
    (
        "Henrik Larsen",
        "Finance",
        "Lead of the finance key users",
        5,
        9,
        Attitude::Neutral,
        Attitude::Supportive,
    ),
    (
        "Marta Kowalski",
        "Nimbus ERP",
        "Vendor account manager",
        4,
        7,
        Attitude::Supportive,
        Attitude::Supportive,
    ),
    (
        "Works council",
        "Employee representatives",
        "Consulted on changes to daily work",
        6,
        4,
        Attitude::Resistant,
        Attitude::Neutral,
    ),
    (
        "External auditors",
        "Baker & Lowe",
        "Year-end audit of the ledger",
        8,
        3,
        Attitude::Unaware,
        Attitude::Neutral,
    ),
    (
        "Pieter de Vries",
        "IT",
        "Head of IT operations",
        7,
        7,
        Attitude::Neutral,
        Attitude::Supportive,
    ),
    (
        "Ingrid Svensson",
        "Legal",
        "Data protection officer",
        3,
        4,
        Attitude::Unaware,
        Attitude::Supportive,
    ),
];

/// Deliverable, then (person or stakeholder name, role); the runbook has no A on purpose.
const ERP_RACI: &[(&str, &[(&str, RaciRole)])] = &[
    (
        "Landing zone",
        &[
            ("Raj Patel", RaciRole::A),
            ("Tomás Ortega", RaciRole::R),
            ("Pieter de Vries", RaciRole::C),
            ("Dana Whitfield", RaciRole::I),
        ],
    ),
    (
        "Data migration strategy",
        &[
            ("Claire Dubois", RaciRole::A),
            ("Jonas Berg", RaciRole::R),
            ("Henrik Larsen", RaciRole::C),
            ("External auditors", RaciRole::C),
            ("Ingrid Svensson", RaciRole::C),
        ],
    ),
    (
        "Rebuilt EDI connector",
        &[
            ("Dana Whitfield", RaciRole::A),
            ("Mei Chen", RaciRole::R),
            ("Marta Kowalski", RaciRole::C),
        ],
    ),
    (
        "Signed UAT report",
        &[
            ("Henrik Larsen", RaciRole::A),
            ("Sofia Rossi", RaciRole::R),
            ("Lukas Nowak", RaciRole::R),
            ("Claire Dubois", RaciRole::I),
        ],
    ),
    (
        "Cutover runbook",
        &[
            ("Raj Patel", RaciRole::R),
            ("Pieter de Vries", RaciRole::C),
            ("Works council", RaciRole::I),
        ],
    ),
];

/// Frequency, what, audience text, stakeholder, channel, owner, first due, last sent (days from today).
type PlanLine = (
    Frequency,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    i64,
    Option<i64>,
);

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    // The demo is built for a given day; sendings are checked against that day.
    clock::on_day(today, || fill(ws, today))
}

fn fill(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let erp = ws.project_by_name("ERP Cloud Migration")?.id;
    for (name, organisation, role, power, interest, current, desired) in ERP_STAKEHOLDERS {
        ws.add_stakeholder(
            erp,
            &StakeholderInput {
                organisation: (*organisation).into(),
                role: (*role).into(),
                power: *power,
                interest: *interest,
                current_attitude: *current,
                desired_attitude: *desired,
                ..StakeholderInput::named(name)
            },
        )?;
    }
    let stakeholders = ws.stakeholders(erp)?;
    let stakeholder = |name: &str| stakeholders.iter().find(|s| s.name == name).map(|s| s.id);
    let person = |ws: &Workspace, name: &str| ws.person_by_name(name).ok();
    let day = |offset: i64| (today + Duration::days(offset)).to_string();

    // Frequency, what, audience text, stakeholder, channel, owner, first due, last sent.
    let plan: [PlanLine; 4] = [
        (
            Frequency::Monthly,
            "Steering committee status report",
            "",
            Some("Claire Dubois"),
            "Meeting and PDF report",
            "Dana Whitfield",
            -70,
            Some(-10),
        ),
        // The one that is due: a week and a day since the last update.
        (
            Frequency::Weekly,
            "Key-user update",
            "Finance key users",
            Some("Henrik Larsen"),
            "E-mail newsletter",
            "Lukas Nowak",
            -56,
            Some(-8),
        ),
        (
            Frequency::PerPhase,
            "Consultation on the new ways of working",
            "",
            Some("Works council"),
            "Meeting",
            "Dana Whitfield",
            14,
            None,
        ),
        (
            Frequency::Fortnightly,
            "Vendor checkpoint",
            "Nimbus ERP delivery team",
            Some("Marta Kowalski"),
            "Video call",
            "Raj Patel",
            -50,
            Some(-3),
        ),
    ];
    for (frequency, what, audience, to, channel, owner, first, last) in plan {
        let owner_id = person(ws, owner);
        ws.add_communication(
            erp,
            &CommunicationInput {
                what: what.into(),
                audience: audience.into(),
                stakeholder_id: to.and_then(stakeholder),
                frequency,
                channel: channel.into(),
                owner_id,
                first_due: day(first),
                last_sent: last.map(day),
            },
        )?;
    }

    let deliverables: Vec<(String, Id)> = ws
        .project_scope(erp)?
        .deliverables
        .into_iter()
        .map(|d| (d.title, d.id))
        .collect();
    for (title, roles) in ERP_RACI {
        let Some(deliverable) = deliverables.iter().find(|(t, _)| t == title).map(|(_, id)| *id) else {
            continue;
        };
        let target = RaciTarget {
            deliverable_id: Some(deliverable),
            phase: None,
        };
        for (who, role) in *roles {
            let party = match stakeholder(who) {
                Some(id) => RaciParty {
                    person_id: None,
                    stakeholder_id: Some(id),
                },
                None => match person(ws, who) {
                    Some(id) => RaciParty {
                        person_id: Some(id),
                        stakeholder_id: None,
                    },
                    None => continue,
                },
            };
            ws.set_raci(erp, &target, &party, Some(*role))?;
        }
    }
    Ok(())
}
