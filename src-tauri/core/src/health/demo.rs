//! The demo's health: eight weekly status snapshots of the ERP migration whose trend dips to
//! amber and recovers in part, today's snapshot from the computed ratings, and the manager's
//! override of the Network Refresh's schedule with the comment that explains it.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use super::{Area, OverrideInput, Rag};
use crate::{workspace::ids, Result, Workspace};

pub const ERP: &str = "ERP Cloud Migration";
pub const OVERRIDDEN: &str = "Network Refresh";
pub const OVERRIDE_COMMENT: &str = "Vendor confirmed the switch delivery date in writing";

/// Weeks ago, then scope, schedule, budget, risk; SPI, CPI; note. Overall is the worst.
#[allow(clippy::type_complexity)]
const ERP_TREND: &[(i64, [Rag; 4], f64, f64, &str)] = &[
    (
        8,
        [Rag::Green, Rag::Green, Rag::Green, Rag::Amber],
        1.01,
        1.00,
        "Kick-off done; landing zone under way.",
    ),
    (7, [Rag::Green, Rag::Green, Rag::Green, Rag::Amber], 0.99, 0.99, ""),
    (
        6,
        [Rag::Green, Rag::Green, Rag::Green, Rag::Amber],
        0.97,
        0.98,
        "Landing zone accepted.",
    ),
    (
        5,
        [Rag::Green, Rag::Amber, Rag::Green, Rag::Amber],
        0.93,
        0.97,
        "Data mapping later than planned.",
    ),
    (
        4,
        [Rag::Amber, Rag::Amber, Rag::Amber, Rag::Amber],
        0.88,
        0.94,
        "EDI rebuild needs a change request.",
    ),
    (
        3,
        [Rag::Amber, Rag::Amber, Rag::Amber, Rag::Amber],
        0.86,
        0.93,
        "Steering committee asked for a recovery plan.",
    ),
    (2, [Rag::Amber, Rag::Amber, Rag::Amber, Rag::Amber], 0.87, 0.92, ""),
    (
        1,
        [Rag::Green, Rag::Amber, Rag::Amber, Rag::Amber],
        0.89,
        0.92,
        "Recovery plan agreed; change approved.",
    ),
];

pub fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let Ok(erp) = ws.project_by_name(ERP) else {
        return Ok(());
    };
    let tx = ws.conn.transaction()?;
    for (weeks, rags, spi, cpi, note) in ERP_TREND {
        let day = today - Duration::days(7 * weeks);
        let overall = *rags.iter().max().unwrap_or(&Rag::Green);
        let mut reasons = BTreeMap::new();
        for (area, rag) in Area::ALL.iter().zip(rags.iter().chain([overall].iter())) {
            let why = match (area, rag) {
                (Area::Schedule, Rag::Amber) => format!("SPI {spi:.2} < 0.90 → schedule amber"),
                (Area::Schedule, _) => format!("SPI {spi:.2} ≥ 0.90"),
                (Area::Budget, Rag::Amber) => format!("CPI {cpi:.2} < 0.95 → budget amber"),
                (Area::Budget, _) => format!("CPI {cpi:.2} ≥ 0.95"),
                (Area::Scope, Rag::Amber) => "2 open change requests ≥ 2 → scope amber".to_string(),
                (Area::Scope, _) => "No open change requests".to_string(),
                (Area::Risk, _) => "High open risks → risk amber".to_string(),
                (Area::Overall, r) => format!("Worst area {} → overall {}", r.as_str(), r.as_str()),
            };
            reasons.insert(area.as_str().to_string(), vec![why]);
        }
        let id = ids::new_id(&tx, "status_snapshots")?;
        tx.execute(
            "INSERT INTO status_snapshots(id, project_id, taken_on, scope, schedule, budget, risk, overall, \
             reasons, spi, cpi, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            rusqlite::params![
                id,
                erp.id,
                day.to_string(),
                rags[0].as_str(),
                rags[1].as_str(),
                rags[2].as_str(),
                rags[3].as_str(),
                overall.as_str(),
                serde_json::to_string(&reasons).unwrap_or_else(|_| "{}".into()),
                spi,
                cpi,
                note,
                format!("{day}T16:00:00Z"),
            ],
        )?;
    }
    tx.commit()?;
    let now = ws.project_health(erp.id, today)?;
    ws.write_snapshot(&now, today, "Weekly status: EDI connector on the critical path.")?;
    if let Ok(net) = ws.project_by_name(OVERRIDDEN) {
        ws.set_health_override(
            net.id,
            &OverrideInput {
                area: Area::Schedule,
                rag: Rag::Green,
                comment: OVERRIDE_COMMENT.into(),
                set_by: String::new(),
            },
        )?;
    }
    Ok(())
}
