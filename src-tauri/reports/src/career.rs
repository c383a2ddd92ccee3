//! The career progress report: one person's levels against their targets, the evidence
//! behind them, certifications with their renewal status, and development goals.

use bridgeplan_core::skills::certifications::CertificationStatus;
use bridgeplan_core::skills::development::ActivityKind;
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format::{self, date, opt_date};
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    person: String,
    title: String,
    current_role: Option<String>,
    target_role: Option<String>,
    skills_at_target: usize,
    skills_with_target: usize,
    largest_gaps: Vec<String>,
    skills: Vec<SkillLine>,
    evidence: Vec<EvidenceLine>,
    certifications: Vec<CertificationLine>,
    goals: Vec<GoalLine>,
}

#[derive(Serialize)]
struct SkillLine {
    skill: String,
    area: String,
    current: u8,
    target: Option<u8>,
    self_level: Option<u8>,
    manager_level: Option<u8>,
    gap: i8,
    focus: bool,
    evidence: u32,
}

#[derive(Serialize)]
struct EvidenceLine {
    date: String,
    skill: String,
    title: String,
    source: String,
}

#[derive(Serialize)]
struct CertificationLine {
    name: String,
    status: &'static str,
    /// How it stands: exam date, renewal date and units due, or eligibility.
    renewal: String,
    attention: bool,
}

#[derive(Serialize)]
struct GoalLine {
    skill: String,
    levels: String,
    due: String,
    state: &'static str,
    activities: Vec<String>,
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let person_id = checked.person_id.expect("checked: a career report has a person");
    let summary = ws.career_summary(person_id)?;
    let with_target: Vec<_> = summary.skills.iter().filter(|s| s.target.is_some()).collect();
    let body = Body {
        skills_at_target: with_target.iter().filter(|s| s.gap <= 0).count(),
        skills_with_target: with_target.len(),
        largest_gaps: with_target
            .iter()
            .filter(|s| s.gap > 0)
            .take(3)
            .map(|s| format!("{} (+{})", s.skill, s.gap))
            .collect(),
        skills: summary
            .skills
            .iter()
            .filter(|s| s.target.is_some() || s.current.is_some())
            .map(|s| SkillLine {
                skill: s.skill.clone(),
                area: s.area.clone(),
                current: s.current.unwrap_or(0),
                target: s.target,
                self_level: s.self_level,
                manager_level: s.manager_level,
                gap: s.gap,
                focus: s.focus,
                evidence: s.evidence,
            })
            .collect(),
        evidence: ws
            .evidence(person_id)?
            .into_iter()
            .map(|e| EvidenceLine {
                date: date(e.occurred_on),
                skill: e.skill,
                source: e
                    .rule
                    .map(|rule| format!("found in work ({})", rule.replace('-', " ")))
                    .unwrap_or_else(|| "added by hand".into()),
                title: e.title,
            })
            .collect(),
        certifications: summary
            .certifications
            .iter()
            .map(|c| {
                let units = |due: f64| match &c.unit_name {
                    Some(unit) if due > 0.0 => {
                        let plural = if due != 1.0 && !unit.ends_with('s') { "s" } else { "" };
                        format!(": {} {unit}{plural} still due", format::number(due))
                    }
                    _ => String::new(),
                };
                let (renewal, attention) = match c.status {
                    CertificationStatus::Passed => match c.expires_on {
                        Some(d) => (
                            format!(
                                "Earned {}; renew by {}{}",
                                opt_date(c.earned_on),
                                date(d),
                                units(c.units_due)
                            ),
                            (d - checked.today).num_days() < 180 && c.units_due > 0.0,
                        ),
                        None => (format!("Earned {}; does not expire", opt_date(c.earned_on)), false),
                    },
                    CertificationStatus::ExamBooked => (
                        format!(
                            "Exam on {}{}",
                            opt_date(c.exam_date),
                            if c.eligible {
                                "; eligible"
                            } else {
                                "; eligibility not yet met"
                            }
                        ),
                        !c.eligible,
                    ),
                    CertificationStatus::Expired => (format!("Expired {}", opt_date(c.expires_on)), true),
                    _ => (
                        if c.eligible {
                            "Eligible to sit the exam".into()
                        } else {
                            "Eligibility not yet met".into()
                        },
                        false,
                    ),
                };
                CertificationLine {
                    name: c.name.clone(),
                    status: c.status.label(),
                    renewal,
                    attention,
                }
            })
            .collect(),
        goals: ws
            .development_goals(person_id)?
            .into_iter()
            .map(|g| GoalLine {
                levels: format!(
                    "{} → {}",
                    g.current_level.map_or("–".to_string(), |l| l.to_string()),
                    g.target_level
                ),
                due: date(g.due_date),
                state: if g.done_on.is_some() {
                    "done"
                } else if g.overdue {
                    "overdue"
                } else {
                    "open"
                },
                activities: g
                    .activities
                    .iter()
                    .map(|a| {
                        let kind = match a.kind {
                            ActivityKind::Course => "Course",
                            ActivityKind::Book => "Book",
                            ActivityKind::Mentoring => "Mentoring",
                            ActivityKind::Stretch => "Stretch assignment",
                            ActivityKind::Other => "Activity",
                        };
                        let done = a.done_on.map(|d| format!(" (done {})", date(d))).unwrap_or_default();
                        format!("{kind}: {}{done}", a.title)
                    })
                    .collect(),
                skill: g.skill,
            })
            .collect(),
        person: summary.person.clone(),
        title: summary.title,
        current_role: summary.current_role,
        target_role: summary.target_role,
    };
    let meta = format::meta(checked, summary.person.clone(), Some(summary.person));
    crate::data(meta, body)
}
