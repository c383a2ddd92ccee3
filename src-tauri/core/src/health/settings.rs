//! The health thresholds, kept in the `settings` table under `health.*` keys (a missing key is
//! its default). Saving checks every value's range and that each amber threshold is looser than
//! its red one, and is one undoable edit.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::history::EditContext;
use crate::{workspace::ids, CoreError, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HealthSettings {
    /// SPI below this → schedule amber; below `spi_red` → red.
    pub spi_amber: f64,
    pub spi_red: f64,
    /// CPI below this → budget amber; below `cpi_red` → red.
    pub cpi_amber: f64,
    pub cpi_red: f64,
    /// Finish this many calendar days or more after the baseline → amber / red.
    #[ts(type = "number")]
    pub slip_amber_days: i64,
    #[ts(type = "number")]
    pub slip_red_days: i64,
    /// This many overdue open items or more → schedule red (any overdue item is amber).
    #[ts(type = "number")]
    pub overdue_items_red: i64,
    /// Forecast overrun (−VAC / BAC) of this percent or more → budget amber / red.
    pub overrun_amber_pct: f64,
    pub overrun_red_pct: f64,
    /// Open change requests (proposed + approved, not implemented) → scope amber / red.
    #[ts(type = "number")]
    pub open_changes_amber: i64,
    #[ts(type = "number")]
    pub open_changes_red: i64,
    /// This many high open risks (score 10–19) or more → risk red (one is amber).
    #[ts(type = "number")]
    pub high_risks_red: i64,
}

impl Default for HealthSettings {
    fn default() -> HealthSettings {
        HealthSettings {
            spi_amber: 0.90,
            spi_red: 0.80,
            cpi_amber: 0.95,
            cpi_red: 0.85,
            slip_amber_days: 1,
            slip_red_days: 10,
            overdue_items_red: 6,
            overrun_amber_pct: 5.0,
            overrun_red_pct: 10.0,
            open_changes_amber: 2,
            open_changes_red: 4,
            high_risks_red: 4,
        }
    }
}

/// The thresholds and their defaults, for the settings dialog.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HealthSettingsView {
    pub values: HealthSettings,
    pub defaults: HealthSettings,
}

const KEYS: [&str; 12] = [
    "health.spi_amber",
    "health.spi_red",
    "health.cpi_amber",
    "health.cpi_red",
    "health.slip_amber_days",
    "health.slip_red_days",
    "health.overdue_items_red",
    "health.overrun_amber_pct",
    "health.overrun_red_pct",
    "health.open_changes_amber",
    "health.open_changes_red",
    "health.high_risks_red",
];

impl HealthSettings {
    fn to_values(self) -> [f64; 12] {
        [
            self.spi_amber,
            self.spi_red,
            self.cpi_amber,
            self.cpi_red,
            self.slip_amber_days as f64,
            self.slip_red_days as f64,
            self.overdue_items_red as f64,
            self.overrun_amber_pct,
            self.overrun_red_pct,
            self.open_changes_amber as f64,
            self.open_changes_red as f64,
            self.high_risks_red as f64,
        ]
    }

    fn from_values(v: [f64; 12]) -> HealthSettings {
        HealthSettings {
            spi_amber: v[0],
            spi_red: v[1],
            cpi_amber: v[2],
            cpi_red: v[3],
            slip_amber_days: v[4] as i64,
            slip_red_days: v[5] as i64,
            overdue_items_red: v[6] as i64,
            overrun_amber_pct: v[7],
            overrun_red_pct: v[8],
            open_changes_amber: v[9] as i64,
            open_changes_red: v[10] as i64,
            high_risks_red: v[11] as i64,
        }
    }

    /// Refuses a value out of range or an amber threshold that is not looser than its red one.
    pub fn validate(&self) -> Result<()> {
        let bad = |m: String| Err(CoreError::InvalidInput(m));
        for (name, v) in [
            ("SPI", [self.spi_amber, self.spi_red]),
            ("CPI", [self.cpi_amber, self.cpi_red]),
        ] {
            if v.iter().any(|x| !x.is_finite() || *x <= 0.0 || *x > 2.0) {
                return bad(format!("{name} thresholds must be between 0 and 2 (e.g. 0.90)."));
            }
            if v[0] <= v[1] {
                return bad(format!(
                    "The {name} amber threshold ({:.2}) must be higher than the red one ({:.2}): amber comes first.",
                    v[0], v[1]
                ));
            }
        }
        for (name, amber, red, max) in [
            ("finish slip (days)", self.slip_amber_days, self.slip_red_days, 365),
            (
                "open change requests",
                self.open_changes_amber,
                self.open_changes_red,
                100,
            ),
        ] {
            if amber < 1 || red < 1 || amber > max || red > max {
                return bad(format!("The {name} thresholds must be whole numbers from 1 to {max}."));
            }
            if amber >= red {
                return bad(format!(
                    "The {name} amber threshold ({amber}) must be lower than the red one ({red})."
                ));
            }
        }
        for (name, v) in [
            ("overdue items", self.overdue_items_red),
            ("high risks", self.high_risks_red),
        ] {
            if !(2..=1000).contains(&v) {
                return bad(format!(
                    "The {name} red threshold must be a whole number from 2 to 1000 (one is already amber)."
                ));
            }
        }
        let (a, r) = (self.overrun_amber_pct, self.overrun_red_pct);
        if !a.is_finite() || !r.is_finite() || a <= 0.0 || r <= 0.0 || a > 100.0 || r > 100.0 {
            return bad("The forecast overrun thresholds must be percentages above 0 and at most 100.".into());
        }
        if a >= r {
            return bad(format!(
                "The forecast overrun amber threshold ({a} %) must be lower than the red one ({r} %)."
            ));
        }
        Ok(())
    }
}

impl Workspace {
    /// The thresholds in force: each saved key, or its default.
    pub fn health_settings(&self) -> Result<HealthSettings> {
        let mut values = HealthSettings::default().to_values();
        let mut stmt = self.conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?;
        for (i, key) in KEYS.iter().enumerate() {
            let text: Option<String> = stmt.query_row([key], |r| r.get(0)).optional()?;
            if let Some(v) = text
                .and_then(|t| t.trim().parse::<f64>().ok())
                .filter(|v| v.is_finite())
            {
                values[i] = v;
            }
        }
        let settings = HealthSettings::from_values(values);
        // A file edited by hand with impossible thresholds falls back to the defaults.
        Ok(if settings.validate().is_ok() {
            settings
        } else {
            HealthSettings::default()
        })
    }

    pub fn health_settings_view(&self) -> Result<HealthSettingsView> {
        Ok(HealthSettingsView {
            values: self.health_settings()?,
            defaults: HealthSettings::default(),
        })
    }

    /// Saves every threshold in one undoable edit (nothing is saved when one is refused).
    pub fn set_health_settings(&mut self, settings: &HealthSettings) -> Result<HealthSettingsView> {
        settings.validate()?;
        let values = settings.to_values();
        self.edit(|ctx| {
            for (key, value) in KEYS.iter().zip(values) {
                put(ctx, key, &trim_number(value))?;
            }
            ctx.set_label("Change the health thresholds");
            Ok(())
        })?;
        self.health_settings_view()
    }
}

fn trim_number(v: f64) -> String {
    format!("{v}")
}

fn put(ctx: &mut EditContext, key: &str, value: &str) -> Result<()> {
    let existing: Option<(i64, String)> = ctx
        .tx
        .query_row("SELECT id, value FROM settings WHERE key = ?1", [key], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match existing {
        Some((_, old)) if old == value => {}
        Some((id, _)) => {
            ctx.touch("settings", id)?;
            ctx.tx
                .execute("UPDATE settings SET value = ?1 WHERE id = ?2", (value, id))?;
        }
        None => {
            let id = ids::new_id(ctx.tx, "settings")?;
            ctx.tx.execute(
                "INSERT INTO settings(id, key, value) VALUES (?1, ?2, ?3)",
                (id, key, value),
            )?;
            ctx.inserted("settings", id);
        }
    }
    Ok(())
}
