//! The demo's lifecycle: each project's type, framework and phase, the phase moves that got it
//! there (dated from today, so the story is the same on every day), a few items ticked by hand
//! and the typical risks of its type.

use chrono::{Duration, NaiveDate};

use super::templates::by_key;
use super::Phase;
use crate::workspace::ids;
use crate::{Result, Workspace};

struct DemoLifecycle {
    project: &'static str,
    project_type: &'static str,
    framework: &'static str,
    phase: Phase,
    /// (from, to, days before today, who)
    moves: &'static [(Phase, Phase, i64, &'static str)],
    /// (item key, days before today, who)
    ticks: &'static [(&'static str, i64, &'static str)],
}

use Phase::*;

const DEMO: &[DemoLifecycle] = &[
    DemoLifecycle {
        project: "ERP Cloud Migration",
        project_type: "data-migration",
        framework: "pmbok",
        phase: Execute,
        moves: &[
            (Initiate, Plan, 70, "Dana Whitfield"),
            (Plan, Execute, 45, "Dana Whitfield"),
        ],
        ticks: &[
            ("charter-approved", 80, "Dana Whitfield"),
            ("stakeholders-identified", 75, "Lukas Nowak"),
            ("scope-statement", 60, "Lukas Nowak"),
            ("communications-plan", 50, "Dana Whitfield"),
            ("kickoff-held", 44, "Dana Whitfield"),
        ],
    },
    DemoLifecycle {
        project: "Customer Portal",
        project_type: "software-development",
        framework: "agile",
        phase: Execute,
        moves: &[
            (Initiate, Plan, 95, "Dana Whitfield"),
            (Plan, Execute, 88, "Dana Whitfield"),
        ],
        ticks: &[
            ("product-vision", 100, "Dana Whitfield"),
            ("product-owner-named", 100, "Dana Whitfield"),
            ("definition-of-done-agreed", 90, "Mei Chen"),
            ("daily-standups", 85, "Mei Chen"),
        ],
    },
    DemoLifecycle {
        project: "Network Refresh",
        project_type: "infrastructure-upgrade",
        framework: "itil",
        phase: Plan,
        moves: &[(Initiate, Plan, 20, "Raj Patel")],
        ticks: &[
            ("rfc-logged", 27, "Raj Patel"),
            ("change-classified", 25, "Tomás Ortega"),
        ],
    },
    DemoLifecycle {
        project: "Security Hardening",
        project_type: "cybersecurity",
        framework: "itil",
        phase: Monitor,
        moves: &[
            (Initiate, Plan, 115, "Aisha Okafor"),
            (Plan, Execute, 105, "Aisha Okafor"),
            (Execute, Monitor, 30, "Aisha Okafor"),
        ],
        ticks: &[
            ("rfc-logged", 118, "Aisha Okafor"),
            ("back-out-plan", 108, "Aisha Okafor"),
            ("cab-approval", 106, "Dana Whitfield"),
            ("users-notified", 100, "Aisha Okafor"),
        ],
    },
];

fn at(today: NaiveDate, days_before: i64) -> String {
    format!("{}T09:00:00Z", today - Duration::days(days_before))
}

/// Writes outside `edit`, like the rest of the demo: the demo has no undo history.
pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    for demo in DEMO {
        let Ok(project) = ws.project_by_name(demo.project) else {
            continue;
        };
        let conn = &ws.conn;
        conn.execute(
            "UPDATE projects SET phase = ?1, framework = ?2, project_type = ?3 WHERE id = ?4",
            (demo.phase.as_str(), demo.framework, demo.project_type, project.id),
        )?;
        for (from, to, days, who) in demo.moves {
            conn.execute(
                "INSERT INTO phase_history(project_id, from_phase, to_phase, actor, moved_at, open_items, seq, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, '[]', ?6, ?7)",
                (
                    project.id,
                    from.as_str(),
                    to.as_str(),
                    who,
                    at(today, *days),
                    ids::next_seq(conn, "phase_history")?,
                    ids::new_id(conn, "phase_history")?,
                ),
            )?;
        }
        for (key, days, who) in demo.ticks {
            conn.execute(
                "INSERT INTO checklist_ticks(project_id, item_key, ticked_by, ticked_at, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                (project.id, key, who, at(today, *days), ids::new_id(conn, "checklist_ticks")?),
            )?;
        }
        // The typical risks of the project's type, as if it had been made from it.
        if let Some(template) = by_key(conn, demo.project_type)? {
            let template = ws.project_template(template)?.template;
            let conn = &ws.conn;
            for risk in &template.risks {
                conn.execute(
                    "INSERT INTO risks(project_id, title, category, probability, impact, created_at, seq, id) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    (
                        project.id,
                        &risk.title,
                        &risk.category,
                        risk.probability,
                        risk.impact,
                        at(today, 60),
                        ids::next_seq(conn, "risks")?,
                        ids::new_id(conn, "risks")?,
                    ),
                )?;
            }
        }
    }
    Ok(())
}
