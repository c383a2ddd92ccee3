//! The demo's lessons learned: eight over the four projects, from the phases they have been
//! through, some that went well and some to improve, tagged so the filters have something to do.

use chrono::{Duration, NaiveDate};

use super::{LessonInput, LessonKind};
use crate::{Result, Workspace};

/// Project, title, what happened, impact, recommendation, kind, phase, tags, by, days ago.
type DemoLesson = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    LessonKind,
    &'static str,
    &'static [&'static str],
    &'static str,
    i64,
);

use LessonKind::{Improve, WentWell};

#[rustfmt::skip]
const LESSONS: &[DemoLesson] = &[
    ("ERP Cloud Migration", "Sign the charter before choosing the cloud region",
     "The region was picked two weeks before the steering committee signed the charter; the data-residency clause then forced a second look.",
     "Four days of the infrastructure lead's time redone.",
     "Make the signed charter an entry condition for architecture decisions.",
     Improve, "initiate", &["governance", "cloud"], "Dana Whitfield", 40),
    ("ERP Cloud Migration", "Finance in the room for the data migration strategy",
     "The finance controller joined every strategy session, so the archive rule was agreed in one meeting.",
     "Strategy accepted first time; no rework.",
     "Invite the data owners to the strategy sessions from the first one.",
     WentWell, "plan", &["data", "stakeholders"], "Jonas Berg", 30),
    ("ERP Cloud Migration", "Licence transfer needs the vendor's lead time",
     "The vendor needs 15 working days to approve a licence transfer; we asked with 10 left.",
     "The approval is now overdue and blocks the rehearsal environment.",
     "Ask vendors for their approval lead times at kick-off and put them in the plan.",
     Improve, "execute", &["vendor", "licences"], "Dana Whitfield", 6),
    ("Customer Portal", "Demo with real data",
     "Sprint reviews used live warehouse data instead of fixtures; customers spotted the wrong map pin for Łódź.",
     "A defect found by users before release, not after.",
     "Keep demoing with production-like data.",
     WentWell, "execute", &["agile", "testing"], "Mei Chen", 25),
    ("Customer Portal", "Start load testing in the first sprint",
     "The slow tracking page was found in sprint 2 by the first load test.",
     "One story carried over; the sprint goal slipped.",
     "Run a small load test from sprint 1 and grow it with the product.",
     Improve, "execute", &["testing", "performance"], "Sofia Rossi", 20),
    ("Network Refresh", "Survey the depots before ordering switches",
     "The Hamburg survey found two cabinets without spare power; the order was changed before it shipped.",
     "No returns, no second delivery.",
     "Survey every site before the order, even when drawings exist.",
     WentWell, "plan", &["vendor", "infrastructure"], "Raj Patel", 15),
    ("Network Refresh", "Weekend change windows need the depot managers' yes",
     "The first cut-over weekend clashed with a stock count in Rotterdam.",
     "The change moved a week; the Wi-Fi extension started late.",
     "Agree change windows with each depot manager a month ahead.",
     Improve, "execute", &["stakeholders", "change"], "Tomás Ortega", 8),
    ("Security Hardening", "Small, frequent security changes pass review faster",
     "Splitting the firewall rule clean-up into five changes let each pass the change board in a week.",
     "The audit finding closed a month early.",
     "Keep security changes small enough to review in one sitting.",
     WentWell, "monitor", &["security", "change"], "Aisha Okafor", 12),
];

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let projects = ws.projects()?;
    for (project, title, what, impact, recommendation, kind, phase, tags, by, ago) in LESSONS {
        let Some(project) = projects.iter().find(|p| p.name == *project) else {
            continue;
        };
        ws.add_lesson(&LessonInput {
            project_id: Some(project.id),
            title: (*title).into(),
            what_happened: (*what).into(),
            impact: (*impact).into(),
            recommendation: (*recommendation).into(),
            kind: Some(*kind),
            phase: Some((*phase).into()),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            recorded_by: (*by).into(),
            recorded_on: Some((today - Duration::days(*ago)).to_string()),
        })?;
    }
    Ok(())
}
