//! Certifications: the rules of each (eligibility, exam, validity, renewal and its
//! continuing-education units) are data shipped with the app with their source and the date
//! they were checked (data/certifications.json, cited in docs/certifications.md). A person holds
//! or works towards a certification, ticks the eligibility items met, and logs units.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

const RULES_JSON: &str = include_str!("../../data/certifications.json");

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CertificationRule {
    pub key: String,
    pub name: String,
    pub body: String,
    /// Items with the same group are alternatives; items without one are all required.
    pub eligibility: Vec<EligibilityItem>,
    pub exam: Option<ExamFacts>,
    /// None: it does not expire.
    pub validity_years: Option<u32>,
    pub renewal: Option<Renewal>,
    pub source: Source,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct EligibilityItem {
    pub key: String,
    pub text: String,
    #[serde(default)]
    pub group: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ExamFacts {
    pub questions: Option<u32>,
    pub minutes: Option<u32>,
    pub passing: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Renewal {
    pub cycle_years: u32,
    pub units: f64,
    pub unit_name: String,
    pub categories: Vec<UnitCategory>,
    #[serde(default)]
    pub other: String,
}

/// A kind of unit, with the least or most of the cycle's units it may hold. A category
/// `within` another counts towards that one too (Ways of Working is Education).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct UnitCategory {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub within: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Source {
    pub title: String,
    pub url: String,
    pub checked_on: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    format: String,
    version: u32,
    certifications: Vec<CertificationRule>,
}

/// The rules shipped with the app, read once.
pub fn rules() -> &'static [CertificationRule] {
    static RULES: OnceLock<Vec<CertificationRule>> = OnceLock::new();
    RULES.get_or_init(|| {
        // The file is part of the build and checked by a test, so a failure here is a defect.
        let file: RulesFile = serde_json::from_str(RULES_JSON).expect("data/certifications.json is valid");
        debug_assert_eq!((file.format.as_str(), file.version), ("bridgeplan-certifications", 1));
        file.certifications
    })
}

pub fn rule(key: &str) -> Result<&'static CertificationRule> {
    rules()
        .iter()
        .find(|r| r.key == key)
        .ok_or_else(|| CoreError::NotFound(format!("Bridgeplan does not know the certification \"{key}\".")))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CertificationStatus {
    Planned,
    Studying,
    ExamBooked,
    Passed,
    Failed,
    Expired,
}

impl CertificationStatus {
    fn as_str(self) -> &'static str {
        match self {
            CertificationStatus::Planned => "planned",
            CertificationStatus::Studying => "studying",
            CertificationStatus::ExamBooked => "exam_booked",
            CertificationStatus::Passed => "passed",
            CertificationStatus::Failed => "failed",
            CertificationStatus::Expired => "expired",
        }
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            CertificationStatus::Planned => "planned",
            CertificationStatus::Studying => "studying",
            CertificationStatus::ExamBooked => "exam booked",
            CertificationStatus::Passed => "passed",
            CertificationStatus::Failed => "failed",
            CertificationStatus::Expired => "expired",
        }
    }

    fn parse(text: &str) -> CertificationStatus {
        match text {
            "studying" => CertificationStatus::Studying,
            "exam_booked" => CertificationStatus::ExamBooked,
            "passed" => CertificationStatus::Passed,
            "failed" => CertificationStatus::Failed,
            "expired" => CertificationStatus::Expired,
            _ => CertificationStatus::Planned,
        }
    }
}

/// What a person records about a certification.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CertificationInput {
    pub status: CertificationStatus,
    /// YYYY-MM-DD
    pub exam_date: Option<String>,
    #[serde(default)]
    pub result: String,
    /// YYYY-MM-DD: when it was passed; the renewal cycles count from here.
    pub earned_on: Option<String>,
    /// Keys of the eligibility items met.
    #[serde(default)]
    pub eligibility_met: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct UnitEntryInput {
    /// YYYY-MM-DD
    pub earned_on: String,
    pub category: String,
    pub units: f64,
    pub activity: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UnitEntry {
    #[ts(type = "number")]
    pub id: Id,
    pub earned_on: NaiveDate,
    pub category: String,
    pub units: f64,
    pub activity: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CategoryProgress {
    pub key: String,
    pub name: String,
    /// Units of the current cycle in this category (and the ones within it).
    pub earned: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// How many more it needs to reach its minimum.
    pub still_needed: f64,
}

/// Where a person stands with one certification.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonCertification {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub person_id: Id,
    pub key: String,
    pub name: String,
    pub status: CertificationStatus,
    pub exam_date: Option<NaiveDate>,
    pub result: String,
    pub earned_on: Option<NaiveDate>,
    /// When the current cycle ends (none: it never expires, or it is not earned yet).
    pub expires_on: Option<NaiveDate>,
    pub eligibility_met: Vec<String>,
    /// Every required item and one of each group of alternatives met.
    pub eligible: bool,
    pub notes: String,
    /// Units that count in the current cycle (within each category's maximum).
    pub units_counted: f64,
    /// Units still due by `expires_on`, taking every category's minimum into account.
    pub units_due: f64,
    pub categories: Vec<CategoryProgress>,
    pub log: Vec<UnitEntry>,
}

fn add_years(date: NaiveDate, years: u32) -> NaiveDate {
    let target = date.year() + years as i32;
    date.with_year(target)
        .or_else(|| NaiveDate::from_ymd_opt(target, date.month(), 28))
        .unwrap_or(date)
}

/// The start and end of the renewal cycle holding `today`, for a certification earned on `earned`.
fn current_cycle(earned: NaiveDate, years: u32, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let mut start = earned;
    let mut end = add_years(start, years);
    while end <= today {
        start = end;
        end = add_years(start, years);
    }
    (start, end)
}

fn eligible(rule: &CertificationRule, met: &[String]) -> bool {
    let has = |k: &str| met.iter().any(|m| m == k);
    let required = rule
        .eligibility
        .iter()
        .filter(|e| e.group.is_none())
        .all(|e| has(&e.key));
    let mut groups: HashMap<&str, bool> = HashMap::new();
    for e in &rule.eligibility {
        if let Some(g) = &e.group {
            *groups.entry(g).or_default() |= has(&e.key);
        }
    }
    required && groups.values().all(|&ok| ok)
}

/// Counts a cycle's units per category, caps them at each maximum, and works out what is due.
fn progress(renewal: &Renewal, entries: &[&UnitEntry]) -> (f64, f64, Vec<CategoryProgress>) {
    let mut earned: HashMap<&str, f64> = HashMap::new();
    for e in entries {
        *earned.entry(e.category.as_str()).or_default() += e.units;
        let within = renewal
            .categories
            .iter()
            .find(|c| c.key == e.category)
            .and_then(|c| c.within.as_deref());
        if let Some(parent) = within {
            *earned.entry(parent).or_default() += e.units;
        }
    }
    let categories: Vec<CategoryProgress> = renewal
        .categories
        .iter()
        .map(|c| {
            let got = earned.get(c.key.as_str()).copied().unwrap_or(0.0);
            CategoryProgress {
                key: c.key.clone(),
                name: c.name.clone(),
                earned: got,
                min: c.min,
                max: c.max,
                still_needed: c.min.map_or(0.0, |m| (m - got).max(0.0)),
            }
        })
        .collect();
    // Top-level categories make the total; one with no categories at all counts everything.
    let counted = if renewal.categories.is_empty() {
        entries.iter().map(|e| e.units).sum()
    } else {
        categories
            .iter()
            .zip(&renewal.categories)
            .filter(|(_, c)| c.within.is_none())
            .map(|(p, c)| c.max.map_or(p.earned, |m| p.earned.min(m)))
            .sum::<f64>()
    };
    // A category needs its own shortfall, or its sub-categories' if they need more.
    let top_minimums: f64 = categories
        .iter()
        .zip(&renewal.categories)
        .filter(|(_, c)| c.within.is_none())
        .map(|(p, c)| {
            let children: f64 = categories
                .iter()
                .zip(&renewal.categories)
                .filter(|(_, k)| k.within.as_deref() == Some(c.key.as_str()))
                .map(|(k, _)| k.still_needed)
                .sum();
            p.still_needed.max(children)
        })
        .sum();
    let due = (renewal.units - counted).max(top_minimums).max(0.0);
    (counted, due, categories)
}

impl Workspace {
    fn person_certification_row(&self, id: Id) -> Result<(Id, String)> {
        self.conn
            .query_row(
                "SELECT person_id, cert_key FROM person_certifications WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That certification record no longer exists.".into()))
    }

    /// A person's certifications with their status, cycle and units, in the rules' order.
    pub fn person_certifications(&self, person_id: Id) -> Result<Vec<PersonCertification>> {
        self.person_name(person_id)?;
        let today = crate::clock::today();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, cert_key, status, exam_date, result, earned_on, eligibility, notes \
             FROM person_certifications WHERE person_id = ?1",
        )?;
        type Row = (
            Id,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
            String,
            String,
        );
        let rows: Vec<Row> = stmt
            .query_map([person_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (id, key, status, exam_date, result, earned_on, eligibility, notes) in rows {
            let Ok(rule) = rule(&key) else { continue };
            let met: Vec<String> = serde_json::from_str(&eligibility).unwrap_or_default();
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, earned_on, category, units, activity FROM education_units \
                 WHERE person_certification_id = ?1 ORDER BY earned_on, seq",
            )?;
            let log: Vec<UnitEntry> = stmt
                .query_map([id], |r| {
                    Ok(UnitEntry {
                        id: r.get(0)?,
                        earned_on: validate::date_from_sql(r.get(1)?).unwrap_or_default(),
                        category: r.get(2)?,
                        units: r.get(3)?,
                        activity: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let earned = validate::date_from_sql(earned_on);
            let status = CertificationStatus::parse(&status);
            let cycle = match (earned, rule.validity_years, status) {
                (Some(e), Some(years), CertificationStatus::Passed) => Some(current_cycle(e, years, today)),
                _ => None,
            };
            let (units_counted, units_due, categories) = match (&rule.renewal, cycle) {
                (Some(renewal), Some((start, end))) => {
                    let in_cycle: Vec<&UnitEntry> = log
                        .iter()
                        .filter(|e| e.earned_on >= start && e.earned_on < end)
                        .collect();
                    progress(renewal, &in_cycle)
                }
                _ => (0.0, 0.0, Vec::new()),
            };
            out.push(PersonCertification {
                id,
                person_id,
                key: key.clone(),
                name: rule.name.clone(),
                status,
                exam_date: validate::date_from_sql(exam_date),
                result,
                earned_on: earned,
                expires_on: cycle.map(|(_, end)| end),
                eligible: eligible(rule, &met),
                eligibility_met: met,
                notes,
                units_counted,
                units_due,
                categories,
                log,
            });
        }
        let order = |key: &str| rules().iter().position(|r| r.key == key).unwrap_or(usize::MAX);
        out.sort_by_key(|c| order(&c.key));
        Ok(out)
    }

    /// Starts tracking a certification for a person (as planned).
    pub fn add_certification(&mut self, person_id: Id, key: &str) -> Result<Id> {
        let name = self.person_name(person_id)?;
        let rule = rule(key)?;
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM person_certifications WHERE person_id = ?1 AND cert_key = ?2)",
            (person_id, key),
            |r| r.get(0),
        )?;
        if exists {
            return Err(CoreError::Duplicate(format!("{name} already tracks {}.", rule.name)));
        }
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "person_certifications")?;
            ctx.tx.execute(
                "INSERT INTO person_certifications(person_id, cert_key, status, id) VALUES (?1, ?2, 'planned', ?3)",
                (person_id, key, id),
            )?;
            ctx.inserted("person_certifications", id);
            ctx.set_label(format!("Add {} for {name}", rule.name));
            Ok(id)
        })
    }

    pub fn update_certification(&mut self, id: Id, input: &CertificationInput) -> Result<()> {
        let (person, key) = self.person_certification_row(id)?;
        let name = self.person_name(person)?;
        let rule = rule(&key)?;
        let exam = validate::optional_date("The exam date", input.exam_date.as_deref())?;
        let earned = validate::optional_date("The date passed", input.earned_on.as_deref())?;
        if input.status == CertificationStatus::Passed && earned.is_none() {
            return Err(CoreError::InvalidInput(
                "A passed certification needs the date it was passed; renewals count from it.".into(),
            ));
        }
        if input.status == CertificationStatus::ExamBooked && exam.is_none() {
            return Err(CoreError::InvalidInput("A booked exam needs its date.".into()));
        }
        let unknown: Vec<&String> = input
            .eligibility_met
            .iter()
            .filter(|k| !rule.eligibility.iter().any(|e| &e.key == *k))
            .collect();
        if let Some(k) = unknown.first() {
            return Err(CoreError::InvalidInput(format!(
                "\"{k}\" is not an eligibility item of {}.",
                rule.name
            )));
        }
        let met = serde_json::to_string(&input.eligibility_met).map_err(|e| CoreError::InvalidInput(e.to_string()))?;
        self.edit(|ctx| {
            ctx.touch("person_certifications", id)?;
            ctx.tx.execute(
                "UPDATE person_certifications SET status = ?1, exam_date = ?2, result = ?3, earned_on = ?4, \
                 eligibility = ?5, notes = ?6 WHERE id = ?7",
                rusqlite::params![
                    input.status.as_str(),
                    validate::date_to_sql(exam),
                    input.result.trim(),
                    validate::date_to_sql(earned),
                    met,
                    input.notes.trim(),
                    id
                ],
            )?;
            ctx.set_label(format!("Update {} for {name}", rule.name));
            Ok(())
        })
    }

    pub fn remove_certification(&mut self, id: Id) -> Result<()> {
        let (person, key) = self.person_certification_row(id)?;
        let name = self.person_name(person)?;
        let title = rule(&key).map(|r| r.name.clone()).unwrap_or(key);
        self.edit(|ctx| {
            ctx.delete("person_certifications", id)?;
            ctx.set_label(format!("Remove {title} from {name}"));
            Ok(())
        })
    }

    /// Logs continuing-education units (PDUs, SEUs, CPD points) against a certification.
    pub fn log_units(&mut self, person_certification_id: Id, input: &UnitEntryInput) -> Result<Id> {
        let (_, key) = self.person_certification_row(person_certification_id)?;
        let rule = rule(&key)?;
        let Some(renewal) = &rule.renewal else {
            return Err(CoreError::InvalidInput(format!(
                "{} has no continuing-education units to log.",
                rule.name
            )));
        };
        if !renewal.categories.is_empty() && !renewal.categories.iter().any(|c| c.key == input.category) {
            let names: Vec<&str> = renewal.categories.iter().map(|c| c.name.as_str()).collect();
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" is not a {} category of {}; use one of: {}.",
                input.category,
                renewal.unit_name,
                rule.name,
                names.join(", ")
            )));
        }
        if !(input.units > 0.0 && input.units <= 1000.0) {
            return Err(CoreError::InvalidInput("Units are a number above 0.".into()));
        }
        let day = validate::optional_date("The date", Some(&input.earned_on))?
            .ok_or_else(|| CoreError::InvalidInput("Units need the date they were earned.".into()))?;
        let activity = validate::required_text("The activity", &input.activity, 300)?;
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "education_units")?;
            ctx.tx.execute(
                "INSERT INTO education_units(person_certification_id, earned_on, category, units, activity, seq, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    person_certification_id,
                    day.to_string(),
                    input.category,
                    input.units,
                    activity,
                    ids::next_seq(ctx.tx, "education_units")?,
                    id
                ],
            )?;
            ctx.inserted("education_units", id);
            ctx.set_label(format!("Log {} {} for {}", input.units, renewal.unit_name, rule.name));
            Ok(id)
        })
    }

    pub fn remove_units(&mut self, entry_id: Id) -> Result<()> {
        let activity: String = self
            .conn
            .query_row("SELECT activity FROM education_units WHERE id = ?1", [entry_id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That entry no longer exists.".into()))?;
        self.edit(|ctx| {
            ctx.delete("education_units", entry_id)?;
            ctx.set_label(format!("Remove units: {activity}"));
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_rules_read_and_hold_together() {
        let all = rules();
        assert_eq!(all.len(), 10);
        for r in all {
            let keys: Vec<&str> = r.eligibility.iter().map(|e| e.key.as_str()).collect();
            let mut unique = keys.clone();
            unique.dedup();
            assert_eq!(keys.len(), unique.len(), "{}: eligibility keys repeat", r.key);
            assert!(r.source.url.starts_with("https://"), "{}: a source link", r.key);
            if let Some(renewal) = &r.renewal {
                assert!(renewal.units > 0.0 && renewal.cycle_years > 0, "{}", r.key);
                for c in &renewal.categories {
                    if let Some(parent) = &c.within {
                        assert!(
                            renewal.categories.iter().any(|p| &p.key == parent),
                            "{}: {parent}",
                            r.key
                        );
                    }
                }
            }
        }
        assert!(rule("psm-1").unwrap().validity_years.is_none(), "PSM I does not expire");
        assert_eq!(rule("pmp").unwrap().renewal.as_ref().unwrap().units, 60.0);
    }

    #[test]
    fn pmp_units_count_within_their_caps_and_minimums() {
        let renewal = rule("pmp").unwrap().renewal.clone().unwrap();
        let entry = |category: &str, units: f64| UnitEntry {
            id: 0,
            earned_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            category: category.into(),
            units,
            activity: "x".into(),
        };
        let log = [
            entry("ways-of-working", 20.0),
            entry("power-skills", 5.0),
            entry("giving-back", 30.0),
        ];
        let refs: Vec<&UnitEntry> = log.iter().collect();
        let (counted, due, cats) = progress(&renewal, &refs);
        // Education 25 (its areas count in it); giving back capped at 25.
        assert_eq!(counted, 50.0);
        let get = |k: &str| cats.iter().find(|c| c.key == k).unwrap();
        assert_eq!(get("education").earned, 25.0);
        assert_eq!(get("education").still_needed, 10.0);
        assert_eq!(get("business-acumen").still_needed, 8.0);
        // 10 more overall and 10 more education, but its areas still need 3 + 8 = 11.
        assert_eq!(due, 11.0);
    }

    #[test]
    fn renewal_cycles_roll_from_the_date_passed() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            current_cycle(d(2024, 2, 29), 3, d(2026, 11, 23)),
            (d(2024, 2, 29), d(2027, 2, 28))
        );
        assert_eq!(
            current_cycle(d(2020, 5, 1), 3, d(2026, 11, 23)),
            (d(2026, 5, 1), d(2029, 5, 1))
        );
    }
}
