//! The demo's IT operations: the ERP (the finance system), E-mail and VPN services run by IT
//! operations, twelve months of measured availability and satisfaction, and incidents of the
//! last months: a critical ERP outage last month that breached its resolution target, and a VPN
//! outage caused by a firewall change of the ERP Cloud Migration. The migration changes the ERP
//! and VPN services; the Network Refresh changes the VPN.
//!
//! Dates count from today's month (the outage is always last month) or from today (recent
//! incidents), so the story reads the same on every day.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::rules::{computed_availability, month_bounds, months_ending};
use super::{IncidentInput, ServiceInput};
use crate::{Result, Workspace};

/// Service, description, owner, availability target, satisfaction scores of the twelve months
/// before this one (oldest first).
type DemoService = (&'static str, &'static str, &'static str, f64, [f64; 12]);

#[rustfmt::skip]
const SERVICES: &[DemoService] = &[
    ("ERP", "The finance system: ledger, purchasing, warehouse and invoicing for all depots.", "Raj Patel", 99.5,
     [4.1, 4.0, 4.2, 4.1, 3.9, 4.0, 4.1, 4.2, 4.0, 3.9, 4.0, 3.6]),
    ("E-mail", "Mail, calendars and shared mailboxes for 420 staff.", "Raj Patel", 99.9,
     [4.4, 4.3, 4.4, 4.5, 4.3, 4.4, 4.2, 4.4, 4.3, 4.1, 4.0, 4.3]),
    ("VPN", "Remote access and the site-to-site tunnels between the depots and the data centre.", "Tomás Ortega", 99.5,
     [4.0, 3.9, 4.0, 4.1, 4.0, 3.8, 4.0, 4.1, 3.9, 4.0, 4.1, 4.0]),
];

/// Monitoring sees short degradations the incident log does not: taken off the computed figure.
const NOISE: [f64; 12] = [0.03, 0.05, 0.02, 0.04, 0.06, 0.01, 0.03, 0.05, 0.02, 0.04, 0.03, 0.02];

fn at(day: NaiveDate, hour: u32, minute: u32) -> String {
    day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default())
        .format(super::TIME_FORMAT)
        .to_string()
}

/// Day `n` (1-based) of the month `months_back` months before today's.
fn day_of_month(today: NaiveDate, months_back: usize, n: u32) -> NaiveDate {
    let months = months_ending(today, months_back + 1);
    let first = month_bounds(&months[0]).map_or(today, |(f, _)| f);
    first.with_day(n).unwrap_or(first)
}

#[allow(clippy::too_many_arguments)]
fn incident(
    title: &str,
    description: &str,
    severity: u8,
    started: String,
    responded: String,
    resolved: Option<String>,
    outage: bool,
    project_id: Option<crate::Id>,
) -> IncidentInput {
    IncidentInput {
        title: title.into(),
        description: description.into(),
        severity: Some(severity),
        started_at: started,
        responded_at: Some(responded),
        resolved_at: resolved,
        outage,
        project_id,
    }
}

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let people = ws.people()?;
    let person = |name: &str| people.iter().find(|p| p.name == name).map(|p| p.id);
    let erp_project = ws.project_by_name("ERP Cloud Migration")?.id;
    let network = ws.project_by_name("Network Refresh")?.id;
    let mut ids = Vec::new();
    for (name, description, owner, target, _) in SERVICES {
        let id = ws
            .add_service(&ServiceInput {
                name: (*name).into(),
                description: (*description).into(),
                owner_id: person(owner),
                availability_target: Some(*target),
                satisfaction_target: Some(4.0),
            })?
            .service
            .id;
        ids.push(id);
    }
    let (erp, mail, vpn) = (ids[0], ids[1], ids[2]);

    let last = |n: u32| day_of_month(today, 1, n);
    let back = |months: usize, n: u32| day_of_month(today, months, n);
    let ago = |days: i64| today - Duration::days(days);
    let incidents = [
        (
            erp,
            incident(
                "ERP unavailable: database storage full",
                "The ledger database ran out of space during the nightly batch; storage extended and batch rerun.",
                1,
                at(last(12), 8, 40),
                at(last(12), 8, 52),
                Some(at(last(12), 14, 10)),
                true,
                None,
            ),
        ),
        (
            erp,
            incident(
                "Month-end reports run slowly",
                "Ledger reports took over an hour at month-end; an index was rebuilt.",
                3,
                at(back(2, 3), 10, 0),
                at(back(2, 3), 11, 30),
                Some(at(back(2, 4), 16, 0)),
                false,
                None,
            ),
        ),
        (
            erp,
            incident(
                "Purchase order print layout misaligned",
                "The address block prints over the logo on the new label printers.",
                3,
                at(ago(2), 9, 0),
                at(ago(2), 10, 10),
                None,
                false,
                None,
            ),
        ),
        (
            mail,
            incident(
                "Outbound mail delayed",
                "The relay's queue backed up after a certificate renewal.",
                2,
                at(back(3, 20), 13, 0),
                at(back(3, 20), 13, 20),
                Some(at(back(3, 20), 17, 30)),
                false,
                None,
            ),
        ),
        (
            mail,
            incident(
                "Shared mailbox permissions lost",
                "Finance lost access to the invoices mailbox after a group clean-up.",
                4,
                at(last(5), 9, 0),
                at(last(6), 10, 0),
                Some(at(last(7), 12, 0)),
                false,
                None,
            ),
        ),
        (
            vpn,
            incident(
                "VPN tunnel to the cloud region drops after firewall change",
                "The ERP migration's firewall change closed the tunnel's keep-alive port; the rule was corrected.",
                2,
                at(ago(6), 9, 15),
                at(ago(6), 9, 40),
                Some(at(ago(6), 15, 0)),
                true,
                Some(erp_project),
            ),
        ),
        (
            vpn,
            incident(
                "Slow remote access from the Łódź depot",
                "The depot's line was saturated by backups; backups moved to the night.",
                3,
                at(back(4, 8), 11, 0),
                at(back(4, 8), 12, 30),
                Some(at(back(4, 9), 10, 0)),
                false,
                None,
            ),
        ),
    ];
    for (service, input) in &incidents {
        ws.add_incident(*service, input)?;
    }

    // Twelve months before this one: what monitoring measured (the outages and a little noise)
    // and what users scored.
    let now = today.and_hms_opt(23, 59, 0).unwrap_or_default();
    let months = months_ending(today, 13);
    for ((_, _, _, _, scores), &service) in SERVICES.iter().zip(&ids) {
        let outages: Vec<_> = incidents
            .iter()
            .filter(|(s, i)| *s == service && i.outage)
            .filter_map(|(_, i)| {
                let start = super::parse_time("", &i.started_at).ok()?;
                let end = i.resolved_at.as_deref().and_then(|t| super::parse_time("", t).ok());
                Some((start, end))
            })
            .collect();
        for (k, month) in months[..12].iter().enumerate() {
            let computed = computed_availability(month, &outages, now).map_or(100.0, |c| c.0);
            let measured = ((computed - NOISE[k]) * 100.0).round() / 100.0;
            ws.set_availability(service, month, Some(measured))?;
            let responses = 40 + ((k as i64 * 37 + service % 11) % 80);
            ws.set_satisfaction(service, month, Some(scores[k]), responses)?;
        }
    }

    ws.link_service_project(
        erp,
        erp_project,
        "Replaces the on-premises ERP with the cloud-hosted one",
    )?;
    ws.link_service_project(vpn, erp_project, "New site-to-site tunnels to the cloud region")?;
    ws.link_service_project(vpn, network, "The new depot firewalls terminate the VPN")?;
    Ok(())
}
