//! The demo's meetings: the ERP migration's weekly status meetings on Tuesdays (the three
//! before today with notes, decisions and actions, and the next one to come), a steering
//! committee and a retrospective; the Customer Portal's daily stand-ups on the four working
//! days before today (the latest "yesterday"); and two blocked items, one per project.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{previous_working_day, working_day_from, ActionInput, AttendeeInput, MeetingInput, MeetingKind};
use crate::{Id, Result, Workspace};

const ERP_TEAM: &[&str] = &["Dana Whitfield", "Raj Patel", "Jonas Berg", "Mei Chen", "Lukas Nowak"];
const PORTAL_TEAM: &[&str] = &["Mei Chen", "Aisha Okafor", "Sofia Rossi", "Lukas Nowak", "Tomás Ortega"];

/// Notes, decisions and actions (title, owner, due in days from the meeting, done) of the
/// three past status meetings, oldest first.
type Action = (&'static str, &'static str, i64, bool);
const STATUS_PAST: &[(&str, &[&str], &[Action])] = &[
    (
        "Landing zone build on track; the network team needs the firewall rules list by Friday. \
         Finance asked for a second rehearsal window before month-end.",
        &["Finance rehearsal runs on a weekend, not during month-end close"],
        &[
            ("Send firewall rules list to the network team", "Raj Patel", 3, true),
            ("Book weekend rehearsal window with finance", "Dana Whitfield", 5, true),
        ],
    ),
    (
        "Data migration strategy signed off. The EDI vendor has not confirmed the test \
         environment yet; Mei will chase. Two custom reports have no cloud equivalent.",
        &[
            "Reports without a cloud equivalent are rebuilt, not dropped",
            "Escalate the EDI test environment to the vendor's account manager if not confirmed this week",
        ],
        &[
            ("Chase EDI vendor for the test environment", "Mei Chen", 2, true),
            (
                "List the custom reports to rebuild with effort estimates",
                "Lukas Nowak",
                7,
                false,
            ),
        ],
    ),
    (
        "Rehearsal 1 preparation: ledger extract takes nine hours, too long for the weekend \
         window. Licence transfer still waiting on the vendor's legal team.",
        &["Split the ledger extract by fiscal year and run the years in parallel"],
        &[
            ("Prototype a parallel ledger extract", "Jonas Berg", 6, false),
            (
                "Ask the vendor for a date for the licence countersignature",
                "Dana Whitfield",
                3,
                false,
            ),
        ],
    ),
];

const STATUS_AGENDA: &str = "1. Actions from last week\n2. Schedule and milestones\n3. Risks and issues\n\
4. Budget\n5. Decisions needed";

fn ids_of(ws: &Workspace, names: &[&str]) -> Result<Vec<Id>> {
    let people = ws.people()?;
    Ok(names
        .iter()
        .filter_map(|n| people.iter().find(|p| p.name == *n).map(|p| p.id))
        .collect())
}

fn people(ids: &[Id], absent: Option<Id>) -> Vec<AttendeeInput> {
    ids.iter()
        .map(|&id| AttendeeInput {
            person_id: Some(id),
            stakeholder_id: None,
            attended: Some(id) != absent,
        })
        .collect()
}

/// The latest `weekday` strictly before `today`.
fn last_before(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let mut d = today - Duration::days(1);
    while d.weekday() != weekday {
        d -= Duration::days(1);
    }
    d
}

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let erp = ws.project_by_name("ERP Cloud Migration")?.id;
    let portal = ws.project_by_name("Customer Portal")?.id;
    let team = ids_of(ws, ERP_TEAM)?;
    let person = |ws: &Workspace, name: &str| -> Result<Option<Id>> { Ok(ids_of(ws, &[name])?.first().copied()) };
    let done_column = ws.statuses(erp)?.last().map(|s| s.id);

    // The weekly status meeting: three past Tuesdays and the next one.
    let last = last_before(today, Weekday::Tue);
    for (n, (notes, decisions, actions)) in STATUS_PAST.iter().enumerate() {
        let day = last - Duration::days(7 * (STATUS_PAST.len() - 1 - n) as i64);
        let mut inputs = Vec::new();
        for (title, owner, due, _) in actions.iter() {
            inputs.push(ActionInput {
                item_id: None,
                title: (*title).into(),
                owner_id: person(ws, owner)?,
                due_date: Some((day + Duration::days(*due)).to_string()),
            });
        }
        let absent = (n == 1).then(|| person(ws, "Lukas Nowak")).transpose()?.flatten();
        let m = ws.create_meeting(
            erp,
            &MeetingInput {
                kind: MeetingKind::Status,
                title: "ERP weekly status".into(),
                day: day.to_string(),
                start_time: Some("10:00".into()),
                duration_minutes: 45,
                location: "Room 3.14 and video call".into(),
                agenda: STATUS_AGENDA.into(),
                notes: (*notes).into(),
                attendees: people(&team, absent),
                decisions: decisions.iter().map(|d| d.to_string()).collect(),
                actions: inputs,
            },
        )?;
        for (action, (_, _, _, done)) in m.actions.iter().zip(actions.iter()) {
            if let (true, Some(column)) = (*done, done_column) {
                ws.move_item(action.item_id, column, usize::MAX)?;
            }
        }
        if n == STATUS_PAST.len() - 1 {
            ws.next_meeting_from(m.id)?;
        }
    }

    // A steering committee two to three weeks ago, with the project's first stakeholders.
    let steering_day = working_day_from(today - Duration::days(17));
    let mut attendees = people(&ids_of(ws, &["Dana Whitfield", "Raj Patel"])?, None);
    let stakeholders: Vec<Id> = {
        let mut stmt = ws
            .conn
            .prepare("SELECT id FROM stakeholders WHERE project_id = ?1 ORDER BY power DESC, seq, id LIMIT 3")?;
        let rows = stmt.query_map([erp], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    attendees.extend(stakeholders.iter().map(|&s| AttendeeInput {
        person_id: None,
        stakeholder_id: Some(s),
        attended: true,
    }));
    ws.create_meeting(
        erp,
        &MeetingInput {
            kind: MeetingKind::Steering,
            title: "Steering committee: go-live readiness".into(),
            day: steering_day.to_string(),
            start_time: Some("14:00".into()),
            duration_minutes: 60,
            location: "Board room".into(),
            agenda: "1. Progress against the approved baseline\n2. Change request: data archive\n\
                     3. Top risks\n4. Go/no-go criteria for cutover"
                .into(),
            notes: "The committee accepted the landing zone and the data migration strategy. \
                    The data archive change was approved with its cost. Go/no-go criteria to be \
                    drafted by the project manager for the next meeting."
                .into(),
            attendees,
            decisions: vec![
                "Approve the data archive extract (CR-1)".into(),
                "Cutover stays on the planned weekend; no second window is funded".into(),
            ],
            actions: vec![ActionInput {
                item_id: None,
                title: "Draft go/no-go criteria for cutover".into(),
                owner_id: person(ws, "Dana Whitfield")?,
                due_date: Some(working_day_from(steering_day + Duration::days(21)).to_string()),
            }],
        },
    )?;

    // A retrospective of the landing-zone phase.
    ws.create_meeting(
        erp,
        &MeetingInput {
            kind: MeetingKind::Retrospective,
            title: "Retrospective: landing zone".into(),
            day: working_day_from(today - Duration::days(26)).to_string(),
            start_time: Some("15:00".into()),
            duration_minutes: 60,
            location: "Room 3.14".into(),
            agenda: "What went well · What to improve · What we will try".into(),
            notes: "Went well: infrastructure as code from day one; early review with security. \
                    Improve: firewall requests waited a week in the network team's queue."
                .into(),
            attendees: people(&team, None),
            decisions: vec!["Firewall requests go to the network team with two weeks' notice".into()],
            actions: Vec::new(),
        },
    )?;

    // The Customer Portal's stand-ups on the four working days before today.
    let portal_team = ids_of(ws, PORTAL_TEAM)?;
    let mut day = previous_working_day(today);
    let mut days = Vec::new();
    for _ in 0..4 {
        days.push(day);
        day = previous_working_day(day);
    }
    for (n, day) in days.iter().rev().enumerate() {
        let absent = (n == 1).then(|| person(ws, "Tomás Ortega")).transpose()?.flatten();
        ws.create_meeting(
            portal,
            &MeetingInput {
                kind: MeetingKind::Standup,
                title: "Portal stand-up".into(),
                day: day.to_string(),
                start_time: Some("09:15".into()),
                duration_minutes: 15,
                location: "Team area and video call".into(),
                agenda: String::new(),
                notes: if n == 3 {
                    "Rate limiting waits on the gateway upgrade; Aisha to pair with infrastructure.".into()
                } else {
                    String::new()
                },
                attendees: people(&portal_team, absent),
                decisions: Vec::new(),
                actions: Vec::new(),
            },
        )?;
    }

    // Two blocked items.
    for (project, title, reason) in [
        (
            erp,
            "Vendor licence transfer approval",
            "The vendor's legal team has not countersigned the transfer",
        ),
        (
            portal,
            "Rate-limit the tracking API",
            "Needs the API gateway upgrade from the infrastructure team",
        ),
    ] {
        let item = ws
            .board(project)?
            .columns
            .into_iter()
            .flat_map(|c| c.items)
            .find(|i| i.title == title)
            .map(|i| i.id);
        if let Some(item) = item {
            ws.set_item_blocked(item, reason)?;
        }
    }
    Ok(())
}
