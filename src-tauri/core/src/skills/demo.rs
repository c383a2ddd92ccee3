//! The demo company's people and their skills: Dana Whitfield, the IT manager moving into
//! project management, assessed over a year with evidence, a PMP in progress and a development
//! plan; and a team of five with roles and levels, thin in a few skills.

use chrono::{Duration, NaiveDate};

use super::certifications::{CertificationInput, CertificationStatus, UnitEntryInput};
use super::development::{ActivityInput, ActivityKind, GoalInput};
use super::evidence::{EvidenceDecision, ManualEvidence};
use super::profiles::AssessmentKind;
use crate::{CoreError, Id, Result, Workspace};

/// Skill key and Dana's own levels 360, 240, 120 and 30 days ago (0: not assessed then).
#[rustfmt::skip]
const DANA_SELF: &[(&str, [u8; 4])] = &[
    ("planning-scheduling", [2, 2, 3, 3]),
    ("schedule-control", [1, 2, 2, 3]),
    ("risk-management", [2, 2, 3, 3]),
    ("stakeholder-engagement", [3, 3, 3, 4]),
    ("budgeting", [3, 3, 4, 4]),
    ("methodology", [1, 2, 2, 3]),
    ("team-management", [4, 4, 4, 4]),
    ("delivery", [3, 3, 3, 4]),
    ("communication", [3, 3, 4, 4]),
    ("agile-delivery", [1, 1, 2, 3]),
    ("vendor-management", [4, 4, 4, 4]),
    ("itil-service-management", [4, 4, 4, 4]),
    ("it-governance", [3, 4, 4, 4]),
    ("change-management", [2, 2, 3, 3]),
    ("business-case", [2, 2, 2, 3]),
    ("requirements", [3, 3, 3, 3]),
    ("quality-management", [2, 2, 2, 2]),
    ("negotiation", [3, 3, 3, 3]),
    ("conflict-resolution", [3, 3, 3, 3]),
    ("data-analysis", [2, 2, 3, 3]),
    ("compliance", [3, 3, 3, 3]),
    ("security-risk", [2, 2, 2, 3]),
    ("cloud-architecture", [1, 1, 2, 2]),
    ("software-lifecycle", [2, 2, 2, 2]),
];

/// Skill key and the manager's (the CIO's) view of Dana, 120 and 30 days ago.
#[rustfmt::skip]
const DANA_MANAGER: &[(&str, [u8; 2])] = &[
    ("planning-scheduling", [2, 3]),
    ("risk-management", [2, 3]),
    ("stakeholder-engagement", [3, 3]),
    ("methodology", [2, 2]),
    ("budgeting", [4, 4]),
];

/// A team member: name, current role (key), target role, and manager-assessed levels.
type Member = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static [(&'static str, u8)],
);

#[rustfmt::skip]
const TEAM: &[Member] = &[
    ("Raj Patel", Some("technical-lead"), None, &[
        ("software-lifecycle", 3), ("technical-architecture", 4), ("devops", 3), ("cloud-architecture", 4),
        ("infrastructure", 5), ("security-risk", 3), ("identity-access", 3), ("team-management", 3),
        ("planning-scheduling", 2), ("budgeting", 2), ("cloud-cost", 3), ("incident-problem", 4),
    ]),
    ("Mei Chen", None, Some("technical-lead"), &[
        ("software-lifecycle", 4), ("technical-architecture", 3), ("devops", 4), ("quality-management", 3),
        ("agile-delivery", 3), ("delivery", 4), ("cloud-architecture", 2), ("requirements", 3),
    ]),
    ("Aisha Okafor", None, None, &[
        ("security-risk", 4), ("security-operations", 4), ("identity-access", 4), ("compliance", 3),
        ("incident-problem", 3), ("flow-management", 3), ("communication", 3),
    ]),
    ("Lukas Nowak", Some("product-manager"), None, &[
        ("requirements", 4), ("product-discovery", 3), ("roadmapping", 2), ("business-case", 3),
        ("stakeholder-engagement", 3), ("data-analysis", 3), ("communication", 4),
    ]),
    ("Sofia Rossi", Some("scrum-master"), None, &[
        ("agile-delivery", 4), ("flow-management", 3), ("coaching", 3), ("quality-management", 4),
        ("conflict-resolution", 3), ("delivery", 3), ("methodology", 3),
    ]),
];

fn id_of(ws: &Workspace, table: &str, column: &str, value: &str) -> Result<Id> {
    ws.conn
        .query_row(&format!("SELECT id FROM {table} WHERE {column} = ?1"), [value], |r| {
            r.get(0)
        })
        .map_err(|_| CoreError::NotFound(format!("The demo needs \"{value}\" in {table}.")))
}

pub(crate) fn fill(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let day = |offset: i64| (today + Duration::days(offset)).to_string();
    let skill = |ws: &Workspace, key: &str| id_of(ws, "skills", "key", key);
    let role = |ws: &Workspace, key: &str| id_of(ws, "role_frameworks", "key", key);

    let dana = id_of(ws, "people", "name", "Dana Whitfield")?;
    let (itm, itpm) = (role(ws, "it-manager")?, role(ws, "it-project-manager")?);
    ws.set_person_roles(dana, Some(itm), Some(itpm))?;
    ws.set_skill_notes(
        dana,
        "Moving from running IT operations to running projects. The ERP migration is the first \
         project I plan end to end; the CIO wants me ready to lead the programme next year.",
    )?;
    for (key, levels) in DANA_SELF {
        let id = skill(ws, key)?;
        for (at, level) in [-360, -240, -120, -30].into_iter().zip(levels) {
            if *level > 0 {
                ws.assess(dana, id, AssessmentKind::SelfAssessed, *level, &day(at), "")?;
            }
        }
    }
    for (key, levels) in DANA_MANAGER {
        let id = skill(ws, key)?;
        for (at, level) in [-120, -30].into_iter().zip(levels) {
            let note = if at == -30 {
                "Annual review with the CIO"
            } else {
                "Mid-year review"
            };
            ws.assess(dana, id, AssessmentKind::Manager, *level, &day(at), note)?;
        }
    }
    // She aims higher than the role expects in the one skill the steering committee asked for.
    ws.set_skill_target(dana, skill(ws, "stakeholder-engagement")?, Some(5))?;

    // Evidence: what the workspace shows, accepted, and a course added by hand.
    for suggestion in ws.evidence_suggestions(dana)? {
        let accept = matches!(
            suggestion.rule.as_deref(),
            Some("baseline-tracked" | "sprint-with-ceremonies")
        );
        let (Some(rule), Some(source_kind), Some(source_id)) =
            (suggestion.rule.clone(), suggestion.source_kind, suggestion.source_id)
        else {
            continue;
        };
        if accept {
            ws.decide_evidence(
                dana,
                &EvidenceDecision {
                    rule,
                    source_kind,
                    source_id,
                    accept,
                },
            )?;
        }
    }
    ws.add_evidence(
        dana,
        skill(ws, "risk-management")?,
        &ManualEvidence {
            title: "Risk workshop for the ERP migration".into(),
            detail: "Ran a two-hour workshop with finance and the vendor; 14 risks logged with owners.".into(),
            url: String::new(),
            occurred_on: day(-50),
        },
    )?;

    // Certifications: PMP under way (exam booked), ITIL 4 Foundation held, renewing by CPD.
    let pmp = ws.add_certification(dana, "pmp")?;
    ws.update_certification(
        pmp,
        &CertificationInput {
            status: CertificationStatus::ExamBooked,
            exam_date: Some(day(45)),
            result: String::new(),
            earned_on: None,
            eligibility_met: vec!["degree-36".into(), "non-overlapping".into(), "education-35".into()],
            notes: "36 months counted from the data-centre consolidation and the ERP migration.".into(),
        },
    )?;
    let itil = ws.add_certification(dana, "itil4-foundation")?;
    ws.update_certification(
        itil,
        &CertificationInput {
            status: CertificationStatus::Passed,
            exam_date: Some(day(-700)),
            result: "Passed, 33 of 40".into(),
            earned_on: Some(day(-700)),
            eligibility_met: vec![],
            notes: String::new(),
        },
    )?;
    for (at, category, units, activity) in [
        (
            -600,
            "professional-experience",
            8.0,
            "Ran the service desk consolidation",
        ),
        (-420, "professional-education", 12.0, "Change enablement course"),
        (-200, "professional-experience", 6.0, "Major incident review process"),
        (-90, "community", 4.0, "Talk at the regional IT managers' meetup"),
    ] {
        ws.log_units(
            itil,
            &UnitEntryInput {
                earned_on: day(at),
                category: category.into(),
                units,
                activity: activity.into(),
            },
        )?;
    }

    // Development plan: three goals, one of them overdue.
    let goals = [
        ("planning-scheduling", 4, 90, None),
        ("risk-management", 4, 150, None),
        ("methodology", 3, -10, None),
        ("budgeting", 4, -60, Some(-75)),
    ];
    let mut goal_ids = Vec::new();
    for (key, level, due, done) in goals {
        let input = GoalInput {
            skill_id: skill(ws, key)?,
            target_level: level,
            due_date: day(due),
            done_on: done.map(day),
        };
        goal_ids.push(ws.add_goal(dana, &input)?);
    }
    let runbook = id_of(ws, "work_items", "title", "Cutover runbook")?;
    for (goal, kind, title, item, hours, done) in [
        (
            0,
            ActivityKind::Course,
            "PMP exam preparation (35 contact hours)",
            None,
            Some(35.0),
            Some(-40),
        ),
        (
            0,
            ActivityKind::Stretch,
            "Own the ERP cutover runbook",
            Some(runbook),
            None,
            None,
        ),
        (
            0,
            ActivityKind::Mentoring,
            "Monthly session with the PMO lead",
            None,
            Some(6.0),
            None,
        ),
        (
            1,
            ActivityKind::Book,
            "A practical guide to project risk",
            None,
            Some(10.0),
            Some(-20),
        ),
        (
            2,
            ActivityKind::Course,
            "Agile and hybrid delivery fundamentals",
            None,
            Some(16.0),
            None,
        ),
    ] {
        let input = ActivityInput {
            kind,
            title: title.into(),
            item_id: item,
            hours,
            done_on: done.map(day),
        };
        ws.add_activity(goal_ids[goal], &input)?;
    }

    // The team of five.
    for (name, current, target, levels) in TEAM {
        let person = id_of(ws, "people", "name", name)?;
        let current = current.map(|k| role(ws, k)).transpose()?;
        let target = target.map(|k| role(ws, k)).transpose()?;
        ws.set_person_roles(person, current, target)?;
        for (key, level) in *levels {
            let id = skill(ws, key)?;
            ws.assess(person, id, AssessmentKind::Manager, *level, &day(-30), "Annual review")?;
        }
    }
    Ok(())
}
