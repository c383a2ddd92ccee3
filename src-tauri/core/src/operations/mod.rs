//! IT operations beside the projects: the services the IT department runs (e-mail, VPN, ERP…),
//! their SLA targets per severity, measured availability and user satisfaction per month,
//! incidents with their SLA state computed, and the projects that change each service.
//! The rules are in `rules`, the dashboard (service health beside project health) in
//! `dashboard`. Every edit answers with the service's whole detail.

pub mod dashboard;
pub(crate) mod demo;
pub mod rules;

use chrono::{Local, NaiveDateTime};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{clock, validate, workspace::ids, CoreError, Id, Result, Workspace};
use rules::{SlaState, DEFAULT_SLA};

pub use rules::{OpsRating, ServiceHealth};

/// How incident times are written: local wall-clock time to the minute.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct SlaTarget {
    pub severity: u8,
    #[ts(type = "number")]
    pub response_minutes: i64,
    #[ts(type = "number")]
    pub resolution_minutes: i64,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Service {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub description: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub owner: Option<String>,
    /// Percent, e.g. 99.9.
    pub availability_target: f64,
    /// Mean score to reach on the 1–5 scale.
    pub satisfaction_target: f64,
    /// Severity 1 to 4, in that order.
    pub sla: Vec<SlaTarget>,
}

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct ServiceInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub owner_id: Option<Id>,
    /// Percent; 99.5 when left out.
    #[serde(default)]
    pub availability_target: Option<f64>,
    /// 1–5; 4.0 when left out.
    #[serde(default)]
    pub satisfaction_target: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Incident {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub service_id: Id,
    pub title: String,
    pub description: String,
    pub severity: u8,
    /// `YYYY-MM-DDTHH:MM`, local time.
    pub started_at: String,
    pub responded_at: Option<String>,
    pub resolved_at: Option<String>,
    pub outage: bool,
    /// The project whose change caused it.
    #[ts(type = "number | null")]
    pub project_id: Option<Id>,
    pub project_name: Option<String>,
    /// Minutes taken so far (to now while not done).
    #[ts(type = "number")]
    pub response_minutes: i64,
    #[ts(type = "number")]
    pub resolution_minutes: i64,
    #[ts(type = "number")]
    pub response_target: i64,
    #[ts(type = "number")]
    pub resolution_target: i64,
    pub response: SlaState,
    pub resolution: SlaState,
    /// Either target breached, or breaching now.
    pub breached: bool,
}

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct IncidentInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// 1 (critical) … 4 (low); 3 when left out.
    #[serde(default)]
    pub severity: Option<u8>,
    /// `YYYY-MM-DDTHH:MM`.
    pub started_at: String,
    #[serde(default)]
    pub responded_at: Option<String>,
    #[serde(default)]
    pub resolved_at: Option<String>,
    #[serde(default)]
    pub outage: bool,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub project_id: Option<Id>,
}

/// One calendar month of a service's availability.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct MonthAvailability {
    /// `YYYY-MM`.
    pub month: String,
    /// As recorded from monitoring.
    pub measured: Option<f64>,
    /// From the outage incidents, 24×7 (to now for the current month).
    pub computed: Option<f64>,
    #[ts(type = "number")]
    pub downtime_minutes: i64,
    pub target: f64,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct SatisfactionScore {
    pub month: String,
    pub score: f64,
    #[ts(type = "number")]
    pub responses: i64,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ServiceProject {
    /// The link's own id (to remove it).
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project_name: String,
    pub note: String,
}

/// Everything the detail of one service shows.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ServiceDetail {
    pub service: Service,
    pub health: ServiceHealth,
    /// The twelve months ending with this month, oldest first.
    pub months: Vec<MonthAvailability>,
    /// Newest first.
    pub incidents: Vec<Incident>,
    /// Newest month first.
    pub satisfaction: Vec<SatisfactionScore>,
    pub projects: Vec<ServiceProject>,
}

const NAME_MAX: usize = 120;
const TEXT_MAX: usize = 4000;
/// A target longer than a year is a typing mistake.
const TARGET_MAX_MINUTES: i64 = 366 * 24 * 60;

/// "Now" as the local wall-clock time incidents are written in.
pub fn now_local() -> NaiveDateTime {
    clock::now().with_timezone(&Local).naive_local()
}

/// Parses `YYYY-MM-DDTHH:MM` (a space instead of the T, and seconds, are accepted).
pub fn parse_time(field: &str, text: &str) -> Result<NaiveDateTime> {
    let t = text.trim().replace(' ', "T");
    NaiveDateTime::parse_from_str(&t, TIME_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| {
            CoreError::InvalidInput(format!(
                "{field} \"{}\" is not a real date and time; use the form YYYY-MM-DD HH:MM, e.g. 2026-03-31 14:05.",
                text.trim()
            ))
        })
}

fn optional_time(field: &str, text: Option<&str>) -> Result<Option<NaiveDateTime>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_time(field, t).map(Some),
    }
}

fn show(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

fn store(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

fn read_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, TIME_FORMAT).ok()
}

fn check_month(month: &str) -> Result<String> {
    let m = month.trim();
    if m.len() != 7 || rules::month_bounds(m).is_none() {
        return Err(CoreError::InvalidInput(format!(
            "The month \"{m}\" is not a month; use the form YYYY-MM, e.g. 2026-03."
        )));
    }
    if m > rules::month_of(clock::today()).as_str() {
        return Err(CoreError::InvalidInput(format!(
            "{m} has not begun yet; figures are recorded for this month or earlier ones."
        )));
    }
    Ok(m.to_string())
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

fn gone(what: &str) -> CoreError {
    CoreError::NotFound(format!(
        "That {what} no longer exists (it may have been deleted or undone)."
    ))
}

struct CheckedService {
    name: String,
    description: String,
    owner_id: Option<Id>,
    availability_target: f64,
    satisfaction_target: f64,
}

struct CheckedIncident {
    title: String,
    description: String,
    severity: u8,
    started: String,
    responded: Option<String>,
    resolved: Option<String>,
    outage: bool,
    project_id: Option<Id>,
}

/// Refuses a name another service has (names are unique, whatever their case).
fn check_unique(ws: &Workspace, name: &str, except: Option<Id>) -> Result<()> {
    let other: Option<Id> = ws
        .conn
        .query_row(
            "SELECT id FROM services WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
            rusqlite::params![name, except],
            |r| r.get(0),
        )
        .optional()?;
    match other {
        Some(_) => Err(CoreError::Duplicate(format!(
            "There is already a service called \"{name}\"; give this one another name."
        ))),
        None => Ok(()),
    }
}

impl Workspace {
    fn check_service(&self, input: &ServiceInput, except: Option<Id>) -> Result<CheckedService> {
        let name = validate::required_text("The service's name", &input.name, NAME_MAX)?;
        check_unique(self, &name, except)?;
        let description = input.description.trim().to_string();
        if description.chars().count() > TEXT_MAX {
            return Err(CoreError::InvalidInput(format!(
                "The description is too long; keep it under {TEXT_MAX} characters."
            )));
        }
        if let Some(owner) = input.owner_id {
            let found: Option<Id> = self
                .conn
                .query_row("SELECT id FROM people WHERE id = ?1", [owner], |r| r.get(0))
                .optional()?;
            found.ok_or_else(|| gone("person"))?;
        }
        let availability_target = input.availability_target.unwrap_or(99.5);
        if !availability_target.is_finite() || availability_target <= 0.0 || availability_target > 100.0 {
            return Err(CoreError::InvalidInput(format!(
                "The availability target must be more than 0 % and at most 100 % (it was {availability_target})."
            )));
        }
        let satisfaction_target = input.satisfaction_target.unwrap_or(4.0);
        if !satisfaction_target.is_finite() || !(1.0..=5.0).contains(&satisfaction_target) {
            return Err(CoreError::InvalidInput(format!(
                "The satisfaction target is a score from 1 to 5 (it was {satisfaction_target})."
            )));
        }
        Ok(CheckedService {
            name,
            description,
            owner_id: input.owner_id,
            availability_target,
            satisfaction_target,
        })
    }

    fn service_exists(&self, id: Id) -> Result<String> {
        self.conn
            .query_row("SELECT name FROM services WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| gone("service"))
    }

    /// All services, by name.
    pub fn services(&self) -> Result<Vec<Service>> {
        let ids: Vec<Id> = self
            .conn
            .prepare_cached("SELECT id FROM services ORDER BY name COLLATE NOCASE, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.service(id)).collect()
    }

    pub fn service(&self, id: Id) -> Result<Service> {
        let mut service = self
            .conn
            .query_row(
                "SELECT s.id, s.name, s.description, s.owner_id, p.name, s.availability_target, s.satisfaction_target \
                 FROM services s LEFT JOIN people p ON p.id = s.owner_id WHERE s.id = ?1",
                [id],
                |r| {
                    Ok(Service {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        description: r.get(2)?,
                        owner_id: r.get(3)?,
                        owner: r.get(4)?,
                        availability_target: r.get(5)?,
                        satisfaction_target: r.get(6)?,
                        sla: Vec::new(),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| gone("service"))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT severity, response_minutes, resolution_minutes FROM sla_targets WHERE service_id = ?1 ORDER BY severity",
        )?;
        let stored: Vec<SlaTarget> = stmt
            .query_map([id], |r| {
                Ok(SlaTarget {
                    severity: r.get(0)?,
                    response_minutes: r.get(1)?,
                    resolution_minutes: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // A severity without a row (a file edited by hand) falls back to the default.
        service.sla = DEFAULT_SLA
            .iter()
            .map(|&(severity, response, resolution)| {
                stored
                    .iter()
                    .find(|t| t.severity == severity)
                    .cloned()
                    .unwrap_or(SlaTarget {
                        severity,
                        response_minutes: response,
                        resolution_minutes: resolution,
                    })
            })
            .collect();
        Ok(service)
    }

    /// A service's incidents, newest first, each with its SLA state as of `now`.
    pub fn incidents(&self, service_id: Id, now: NaiveDateTime) -> Result<Vec<Incident>> {
        let sla = self.service(service_id)?.sla;
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.title, i.description, i.severity, i.started_at, i.responded_at, i.resolved_at, i.outage, \
                    i.project_id, p.name \
             FROM incidents i LEFT JOIN projects p ON p.id = i.project_id \
             WHERE i.service_id = ?1 ORDER BY i.started_at DESC, i.id",
        )?;
        let rows = stmt
            .query_map([service_id], |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, u8>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, bool>(7)?,
                    r.get::<_, Option<Id>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (
            id,
            title,
            description,
            severity,
            started_at,
            responded_at,
            resolved_at,
            outage,
            project_id,
            project_name,
        ) in rows
        {
            let Some(started) = read_time(&started_at) else {
                continue;
            };
            let responded = responded_at.as_deref().and_then(read_time);
            let resolved = resolved_at.as_deref().and_then(read_time);
            let target = sla
                .iter()
                .find(|t| t.severity == severity)
                .cloned()
                .unwrap_or(sla[2].clone());
            // Resolved without a response on record: the resolution was the response.
            let response_done = responded.or(resolved);
            let response = rules::sla_state(started, response_done, target.response_minutes, now);
            let resolution = rules::sla_state(started, resolved, target.resolution_minutes, now);
            out.push(Incident {
                id,
                service_id,
                title,
                description,
                severity,
                started_at,
                responded_at,
                resolved_at,
                outage,
                project_id,
                project_name,
                response_minutes: rules::minutes_between(started, response_done.unwrap_or(now)).max(0),
                resolution_minutes: rules::minutes_between(started, resolved.unwrap_or(now)).max(0),
                response_target: target.response_minutes,
                resolution_target: target.resolution_minutes,
                response,
                resolution,
                breached: response.is_breach() || resolution.is_breach(),
            });
        }
        Ok(out)
    }

    /// The twelve months ending with this month: measured beside computed availability.
    pub fn service_months(&self, service_id: Id, now: NaiveDateTime) -> Result<Vec<MonthAvailability>> {
        let service = self.service(service_id)?;
        let outages: Vec<(NaiveDateTime, Option<NaiveDateTime>)> = self
            .conn
            .prepare_cached("SELECT started_at, resolved_at FROM incidents WHERE service_id = ?1 AND outage = 1")?
            .query_map([service_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter_map(|(s, e)| Some((read_time(&s)?, e.as_deref().and_then(read_time))))
            .collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT availability FROM service_availability WHERE service_id = ?1 AND month = ?2")?;
        let mut months = Vec::new();
        for month in rules::months_ending(clock::today(), 12) {
            let measured: Option<f64> = stmt.query_row((service_id, &month), |r| r.get(0)).optional()?;
            let computed = rules::computed_availability(&month, &outages, now);
            months.push(MonthAvailability {
                month,
                measured,
                computed: computed.map(|c| c.0),
                downtime_minutes: computed.map_or(0, |c| c.1),
                target: service.availability_target,
            });
        }
        Ok(months)
    }

    pub fn satisfaction_scores(&self, service_id: Id) -> Result<Vec<SatisfactionScore>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT month, score, responses FROM satisfaction_scores WHERE service_id = ?1 ORDER BY month DESC",
        )?;
        let rows = stmt.query_map([service_id], |r| {
            Ok(SatisfactionScore {
                month: r.get(0)?,
                score: r.get(1)?,
                responses: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn service_projects(&self, service_id: Id) -> Result<Vec<ServiceProject>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT sp.id, sp.project_id, p.name, sp.note FROM service_projects sp JOIN projects p ON p.id = sp.project_id \
             WHERE sp.service_id = ?1 ORDER BY p.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([service_id], |r| {
            Ok(ServiceProject {
                id: r.get(0)?,
                project_id: r.get(1)?,
                project_name: r.get(2)?,
                note: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The health of a service from its figures as of `now` (see `rules::service_health`).
    pub(crate) fn health_from(
        &self,
        service: &Service,
        months: &[MonthAvailability],
        incidents: &[Incident],
        scores: &[SatisfactionScore],
    ) -> ServiceHealth {
        let this_month = rules::month_of(clock::today());
        let current = months.iter().find(|m| m.month == this_month);
        let (availability, measured) = match current {
            Some(m) if m.measured.is_some() => (m.measured, true),
            Some(m) => (m.computed, false),
            None => (None, false),
        };
        let last_month = rules::months_ending(clock::today(), 2)[0].clone();
        rules::service_health(&rules::HealthInput {
            availability_target: service.availability_target,
            satisfaction_target: service.satisfaction_target,
            availability,
            availability_measured: measured,
            breaches_this_month: incidents
                .iter()
                .filter(|i| i.started_at.starts_with(&this_month) && i.breached)
                .count(),
            open_critical: incidents
                .iter()
                .filter(|i| i.severity == 1 && i.resolved_at.is_none())
                .count(),
            satisfaction: scores
                .iter()
                .find(|s| s.month == this_month || s.month == last_month)
                .map(|s| (s.score, s.month.clone())),
        })
    }

    /// A service with its health, twelve months, incidents, scores and projects, as of now.
    pub fn service_detail(&self, id: Id) -> Result<ServiceDetail> {
        let now = now_local();
        let service = self.service(id)?;
        let months = self.service_months(id, now)?;
        let incidents = self.incidents(id, now)?;
        let satisfaction = self.satisfaction_scores(id)?;
        let health = self.health_from(&service, &months, &incidents, &satisfaction);
        Ok(ServiceDetail {
            projects: self.service_projects(id)?,
            service,
            health,
            months,
            incidents,
            satisfaction,
        })
    }

    /// Adds a service with the default SLA targets (see `rules::DEFAULT_SLA`).
    pub fn add_service(&mut self, input: &ServiceInput) -> Result<ServiceDetail> {
        let s = self.check_service(input, None)?;
        let id = self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "services")?;
            ctx.tx.execute(
                "INSERT INTO services(id, name, description, owner_id, availability_target, satisfaction_target, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    id,
                    s.name,
                    s.description,
                    s.owner_id,
                    s.availability_target,
                    s.satisfaction_target,
                    validate::now_utc()
                ],
            )?;
            ctx.inserted("services", id);
            for (severity, response, resolution) in DEFAULT_SLA {
                let target = ids::new_id(ctx.tx, "sla_targets")?;
                ctx.tx.execute(
                    "INSERT INTO sla_targets(id, service_id, severity, response_minutes, resolution_minutes) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    (target, id, severity, response, resolution),
                )?;
                ctx.inserted("sla_targets", target);
            }
            ctx.set_label(format!("Add service \"{}\"", short(&s.name)));
            Ok(id)
        })?;
        self.service_detail(id)
    }

    pub fn update_service(&mut self, id: Id, input: &ServiceInput) -> Result<ServiceDetail> {
        self.service_exists(id)?;
        let s = self.check_service(input, Some(id))?;
        self.edit(|ctx| {
            ctx.touch("services", id)?;
            ctx.tx.execute(
                "UPDATE services SET name = ?1, description = ?2, owner_id = ?3, availability_target = ?4, \
                 satisfaction_target = ?5 WHERE id = ?6",
                rusqlite::params![
                    s.name,
                    s.description,
                    s.owner_id,
                    s.availability_target,
                    s.satisfaction_target,
                    id
                ],
            )?;
            ctx.set_label(format!("Edit service \"{}\"", short(&s.name)));
            Ok(())
        })?;
        self.service_detail(id)
    }

    /// Deletes a service with its targets, figures, incidents and links (one undo brings all back).
    pub fn delete_service(&mut self, id: Id) -> Result<()> {
        let name = self.service_exists(id)?;
        self.edit(|ctx| {
            ctx.delete("services", id)?;
            ctx.set_label(format!("Delete service \"{}\"", short(&name)));
            Ok(())
        })
    }

    /// Sets the response and resolution targets of one severity (1–4), in minutes, both > 0.
    pub fn set_sla_target(
        &mut self,
        service_id: Id,
        severity: u8,
        response_minutes: i64,
        resolution_minutes: i64,
    ) -> Result<ServiceDetail> {
        let name = self.service_exists(service_id)?;
        if !(1..=4).contains(&severity) {
            return Err(CoreError::InvalidInput(format!(
                "Severity runs from 1 (critical) to 4 (low), not {severity}."
            )));
        }
        for (what, v) in [("response", response_minutes), ("resolution", resolution_minutes)] {
            if v <= 0 {
                return Err(CoreError::InvalidInput(format!(
                    "The {what} target must be more than zero minutes."
                )));
            }
            if v > TARGET_MAX_MINUTES {
                return Err(CoreError::InvalidInput(format!(
                    "The {what} target of {v} minutes is more than a year; check the figure."
                )));
            }
        }
        let existing: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM sla_targets WHERE service_id = ?1 AND severity = ?2",
                (service_id, severity),
                |r| r.get(0),
            )
            .optional()?;
        self.edit(|ctx| {
            match existing {
                Some(target) => {
                    ctx.touch("sla_targets", target)?;
                    ctx.tx.execute(
                        "UPDATE sla_targets SET response_minutes = ?1, resolution_minutes = ?2 WHERE id = ?3",
                        (response_minutes, resolution_minutes, target),
                    )?;
                }
                None => {
                    let target = ids::new_id(ctx.tx, "sla_targets")?;
                    ctx.tx.execute(
                        "INSERT INTO sla_targets(id, service_id, severity, response_minutes, resolution_minutes) \
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        (target, service_id, severity, response_minutes, resolution_minutes),
                    )?;
                    ctx.inserted("sla_targets", target);
                }
            }
            ctx.set_label(format!("Set P{severity} targets of \"{}\"", short(&name)));
            Ok(())
        })?;
        self.service_detail(service_id)
    }

    /// Records (or with None removes) the measured availability of a month, 0–100 %.
    pub fn set_availability(
        &mut self,
        service_id: Id,
        month: &str,
        availability: Option<f64>,
    ) -> Result<ServiceDetail> {
        let name = self.service_exists(service_id)?;
        let month = check_month(month)?;
        if let Some(a) = availability {
            if !a.is_finite() || !(0.0..=100.0).contains(&a) {
                return Err(CoreError::InvalidInput(format!(
                    "Availability is a percentage from 0 to 100 (it was {a})."
                )));
            }
        }
        let existing: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM service_availability WHERE service_id = ?1 AND month = ?2",
                (service_id, &month),
                |r| r.get(0),
            )
            .optional()?;
        self.edit(|ctx| {
            match (existing, availability) {
                (Some(row), Some(a)) => {
                    ctx.touch("service_availability", row)?;
                    ctx.tx.execute(
                        "UPDATE service_availability SET availability = ?1 WHERE id = ?2",
                        (a, row),
                    )?;
                }
                (None, Some(a)) => {
                    let row = ids::new_id(ctx.tx, "service_availability")?;
                    ctx.tx.execute(
                        "INSERT INTO service_availability(id, service_id, month, availability) VALUES (?1, ?2, ?3, ?4)",
                        (row, service_id, &month, a),
                    )?;
                    ctx.inserted("service_availability", row);
                }
                (Some(row), None) => {
                    ctx.delete("service_availability", row)?;
                }
                (None, None) => {}
            }
            ctx.set_label(format!("Set {month} availability of \"{}\"", short(&name)));
            Ok(())
        })?;
        self.service_detail(service_id)
    }

    /// Records (or with None removes) a month's mean satisfaction score, 1–5, and how many answered.
    pub fn set_satisfaction(
        &mut self,
        service_id: Id,
        month: &str,
        score: Option<f64>,
        responses: i64,
    ) -> Result<ServiceDetail> {
        let name = self.service_exists(service_id)?;
        let month = check_month(month)?;
        if let Some(s) = score {
            if !s.is_finite() || !(1.0..=5.0).contains(&s) {
                return Err(CoreError::InvalidInput(format!(
                    "A satisfaction score runs from 1 to 5 (it was {s})."
                )));
            }
        }
        if responses < 0 {
            return Err(CoreError::InvalidInput(
                "The number of responses must be zero or more.".into(),
            ));
        }
        let existing: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM satisfaction_scores WHERE service_id = ?1 AND month = ?2",
                (service_id, &month),
                |r| r.get(0),
            )
            .optional()?;
        self.edit(|ctx| {
            match (existing, score) {
                (Some(row), Some(s)) => {
                    ctx.touch("satisfaction_scores", row)?;
                    ctx.tx.execute(
                        "UPDATE satisfaction_scores SET score = ?1, responses = ?2 WHERE id = ?3",
                        (s, responses, row),
                    )?;
                }
                (None, Some(s)) => {
                    let row = ids::new_id(ctx.tx, "satisfaction_scores")?;
                    ctx.tx.execute(
                        "INSERT INTO satisfaction_scores(id, service_id, month, score, responses) VALUES (?1, ?2, ?3, ?4, ?5)",
                        (row, service_id, &month, s, responses),
                    )?;
                    ctx.inserted("satisfaction_scores", row);
                }
                (Some(row), None) => {
                    ctx.delete("satisfaction_scores", row)?;
                }
                (None, None) => {}
            }
            ctx.set_label(format!("Set {month} satisfaction of \"{}\"", short(&name)));
            Ok(())
        })?;
        self.service_detail(service_id)
    }

    fn check_incident(&self, input: &IncidentInput) -> Result<CheckedIncident> {
        let title = validate::required_text("The incident's title", &input.title, 300)?;
        let description = input.description.trim().to_string();
        if description.chars().count() > TEXT_MAX {
            return Err(CoreError::InvalidInput(format!(
                "The description is too long; keep it under {TEXT_MAX} characters."
            )));
        }
        let severity = input.severity.unwrap_or(3);
        if !(1..=4).contains(&severity) {
            return Err(CoreError::InvalidInput(format!(
                "Severity runs from 1 (critical) to 4 (low), not {severity}."
            )));
        }
        let started = parse_time("The start", &input.started_at)?;
        let responded = optional_time("The response time", input.responded_at.as_deref())?;
        let resolved = optional_time("The resolution time", input.resolved_at.as_deref())?;
        if let Some(r) = responded {
            if r < started {
                return Err(CoreError::InvalidInput(format!(
                    "An incident cannot be responded to before it starts: the response ({}) is before the start ({}).",
                    show(r),
                    show(started)
                )));
            }
        }
        if let Some(r) = resolved {
            if r < started {
                return Err(CoreError::InvalidInput(format!(
                    "An incident cannot end before it starts: the resolution ({}) is before the start ({}).",
                    show(r),
                    show(started)
                )));
            }
            if let Some(resp) = responded {
                if resp > r {
                    return Err(CoreError::InvalidInput(format!(
                        "The response ({}) comes after the resolution ({}); an incident is responded to first.",
                        show(resp),
                        show(r)
                    )));
                }
            }
        }
        if let Some(project) = input.project_id {
            self.project(project)?;
        }
        Ok(CheckedIncident {
            title,
            description,
            severity,
            started: store(started),
            responded: responded.map(store),
            resolved: resolved.map(store),
            outage: input.outage,
            project_id: input.project_id,
        })
    }

    pub fn add_incident(&mut self, service_id: Id, input: &IncidentInput) -> Result<ServiceDetail> {
        self.service_exists(service_id)?;
        let i = self.check_incident(input)?;
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "incidents")?;
            ctx.tx.execute(
                "INSERT INTO incidents(id, service_id, title, description, severity, started_at, responded_at, resolved_at, \
                 outage, project_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    id,
                    service_id,
                    i.title,
                    i.description,
                    i.severity,
                    i.started,
                    i.responded,
                    i.resolved,
                    i.outage,
                    i.project_id,
                    validate::now_utc()
                ],
            )?;
            ctx.inserted("incidents", id);
            ctx.set_label(format!("Log incident \"{}\"", short(&i.title)));
            Ok(())
        })?;
        self.service_detail(service_id)
    }

    fn incident_service(&self, id: Id) -> Result<Id> {
        self.conn
            .query_row("SELECT service_id FROM incidents WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| gone("incident"))
    }

    pub fn update_incident(&mut self, id: Id, input: &IncidentInput) -> Result<ServiceDetail> {
        let service_id = self.incident_service(id)?;
        let i = self.check_incident(input)?;
        self.edit(|ctx| {
            ctx.touch("incidents", id)?;
            ctx.tx.execute(
                "UPDATE incidents SET title = ?1, description = ?2, severity = ?3, started_at = ?4, responded_at = ?5, \
                 resolved_at = ?6, outage = ?7, project_id = ?8 WHERE id = ?9",
                rusqlite::params![
                    i.title,
                    i.description,
                    i.severity,
                    i.started,
                    i.responded,
                    i.resolved,
                    i.outage,
                    i.project_id,
                    id
                ],
            )?;
            ctx.set_label(format!("Edit incident \"{}\"", short(&i.title)));
            Ok(())
        })?;
        self.service_detail(service_id)
    }

    pub fn delete_incident(&mut self, id: Id) -> Result<ServiceDetail> {
        let service_id = self.incident_service(id)?;
        self.edit(|ctx| {
            ctx.delete("incidents", id)?;
            ctx.set_label("Delete an incident");
            Ok(())
        })?;
        self.service_detail(service_id)
    }

    /// Links a project that changes the service (once per pair).
    pub fn link_service_project(&mut self, service_id: Id, project_id: Id, note: &str) -> Result<ServiceDetail> {
        let name = self.service_exists(service_id)?;
        let project = self.project(project_id)?;
        let note = note.trim().to_string();
        if note.chars().count() > 500 {
            return Err(CoreError::InvalidInput(
                "The note is too long; keep it under 500 characters.".into(),
            ));
        }
        let existing: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM service_projects WHERE service_id = ?1 AND project_id = ?2",
                (service_id, project_id),
                |r| r.get(0),
            )
            .optional()?;
        if existing.is_some() {
            return Err(CoreError::Duplicate(format!(
                "\"{}\" is already linked to \"{name}\".",
                project.name
            )));
        }
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "service_projects")?;
            ctx.tx.execute(
                "INSERT INTO service_projects(id, service_id, project_id, note) VALUES (?1, ?2, ?3, ?4)",
                (id, service_id, project_id, &note),
            )?;
            ctx.inserted("service_projects", id);
            ctx.set_label(format!("Link \"{}\" to \"{}\"", short(&project.name), short(&name)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.service_detail(service_id)
    }

    /// Removes a link between a service and a project (by the link's id).
    pub fn unlink_service_project(&mut self, link_id: Id) -> Result<ServiceDetail> {
        let (service_id, project_id): (Id, Id) = self
            .conn
            .query_row(
                "SELECT service_id, project_id FROM service_projects WHERE id = ?1",
                [link_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| gone("link"))?;
        self.edit(|ctx| {
            ctx.delete("service_projects", link_id)?;
            ctx.set_label("Unlink a project from a service");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.service_detail(service_id)
    }
}
