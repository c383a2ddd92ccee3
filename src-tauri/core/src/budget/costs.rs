//! Actual costs of a project: the entries a manager types in (table `cost_entries`) and the
//! staff cost of the time logged on its work items (`time_entries` × the person's hourly rate).

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_amount, parse_day, parse_period, period_text, CostCategory};
use crate::workspace::ids;
use crate::{validate, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CostEntry {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub category: CostCategory,
    /// `YYYY-MM-DD`.
    pub day: String,
    #[ts(type = "number")]
    pub amount_minor: i64,
    pub description: String,
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    /// The title of that work item, for the list.
    pub item_title: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CostEntryInput {
    pub category: CostCategory,
    /// `YYYY-MM-DD`.
    pub day: String,
    #[ts(type = "number")]
    pub amount_minor: i64,
    #[serde(default)]
    pub description: String,
    /// A work item of the same project the cost belongs to, if any.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
}

/// Budget against actual of one category over a range of months.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CategoryActual {
    pub category: CostCategory,
    pub label: String,
    #[ts(type = "number")]
    pub budget_minor: i64,
    /// Entered costs.
    #[ts(type = "number")]
    pub entered_minor: i64,
    /// Cost of logged time (staff only).
    #[ts(type = "number")]
    pub logged_time_minor: i64,
    #[ts(type = "number")]
    pub actual_minor: i64,
    /// Budget − actual: negative means over budget.
    #[ts(type = "number")]
    pub remaining_minor: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CostSummary {
    #[ts(type = "number")]
    pub project_id: Id,
    pub currency: String,
    /// The months covered, `YYYY-MM`; none: from the first cost or to the last.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Every category, in the fixed order.
    pub categories: Vec<CategoryActual>,
    #[ts(type = "number")]
    pub budget_minor: i64,
    #[ts(type = "number")]
    pub actual_minor: i64,
}

/// Day bounds as SQL text; `None` stands for no bound.
fn day_bounds(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (String, String) {
    (
        from.map_or("0000-00-00".into(), |d| d.to_string()),
        to.map_or("9999-99-99".into(), |d| d.to_string()),
    )
}

impl Workspace {
    pub fn cost_entries(&self, project_id: Id) -> Result<Vec<CostEntry>> {
        self.project(project_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.project_id, c.category, c.day, c.amount_minor, c.description, c.item_id, w.title \
             FROM cost_entries c LEFT JOIN work_items w ON w.id = c.item_id \
             WHERE c.project_id = ?1 ORDER BY c.day DESC, c.seq DESC, c.id",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<Id>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, project_id, category, day, amount_minor, description, item_id, item_title) = row?;
            out.push(CostEntry {
                id,
                project_id,
                category: CostCategory::parse(&category)?,
                day,
                amount_minor,
                description,
                item_id,
                item_title,
            });
        }
        Ok(out)
    }

    fn cost_entry(&self, id: Id) -> Result<CostEntry> {
        let project_id: Id = self
            .conn
            .query_row("SELECT project_id FROM cost_entries WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That cost entry no longer exists.".into()))?;
        self.cost_entries(project_id)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| CoreError::NotFound("That cost entry no longer exists.".into()))
    }

    /// Checks an entry before any write: amount, day, text and that the item is the project's.
    fn check_cost_input(&self, project_id: Id, input: &CostEntryInput) -> Result<(String, i64, String)> {
        let amount = check_amount("A cost", input.amount_minor)?;
        let day = parse_day("The day of the cost", &input.day)?.to_string();
        let description = input.description.trim().to_string();
        if description.chars().count() > 500 {
            return Err(CoreError::InvalidInput(
                "The description of a cost is too long; keep it under 500 characters.".into(),
            ));
        }
        if let Some(item) = input.item_id {
            let of: Option<Id> = self
                .conn
                .query_row("SELECT project_id FROM work_items WHERE id = ?1", [item], |r| r.get(0))
                .optional()?;
            match of {
                None => return Err(CoreError::NotFound("That work item no longer exists.".into())),
                Some(p) if p != project_id => {
                    return Err(CoreError::InvalidInput(
                        "A cost can only be booked to a work item of the same project.".into(),
                    ))
                }
                _ => {}
            }
        }
        Ok((day, amount, description))
    }

    pub fn add_cost_entry(&mut self, project_id: Id, input: &CostEntryInput) -> Result<CostEntry> {
        self.project(project_id)?;
        let (day, amount, description) = self.check_cost_input(project_id, input)?;
        let id = self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "cost_entries")?;
            ctx.tx.execute(
                "INSERT INTO cost_entries(project_id, category, day, amount_minor, description, item_id, created_at, seq, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                (
                    project_id,
                    input.category.as_str(),
                    &day,
                    amount,
                    &description,
                    input.item_id,
                    validate::now_utc(),
                    ids::next_seq(ctx.tx, "cost_entries")?,
                    id,
                ),
            )?;
            ctx.inserted("cost_entries", id);
            ctx.set_label(format!("Add a {} cost of {day}", input.category.label().to_lowercase()));
            ctx.set_project(project_id);
            Ok(id)
        })?;
        self.cost_entry(id)
    }

    pub fn update_cost_entry(&mut self, id: Id, input: &CostEntryInput) -> Result<CostEntry> {
        let old = self.cost_entry(id)?;
        let (day, amount, description) = self.check_cost_input(old.project_id, input)?;
        self.edit(|ctx| {
            ctx.touch("cost_entries", id)?;
            ctx.tx.execute(
                "UPDATE cost_entries SET category = ?1, day = ?2, amount_minor = ?3, description = ?4, item_id = ?5 WHERE id = ?6",
                (input.category.as_str(), &day, amount, &description, input.item_id, id),
            )?;
            ctx.set_label(format!("Change the cost of {}", old.day));
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.cost_entry(id)
    }

    pub fn delete_cost_entry(&mut self, id: Id) -> Result<()> {
        let old = self.cost_entry(id)?;
        self.edit(|ctx| {
            ctx.delete("cost_entries", id)?;
            ctx.set_label(format!("Delete the cost of {}", old.day));
            ctx.set_project(old.project_id);
            Ok(())
        })
    }

    /// Entered costs of a project from `from` to `to` (days included), per category.
    pub(crate) fn entered_costs(
        &self,
        project_id: Id,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<(CostCategory, i64)>> {
        let (from, to) = day_bounds(from, to);
        let mut stmt = self.conn.prepare_cached(
            "SELECT category, sum(amount_minor) FROM cost_entries \
             WHERE project_id = ?1 AND day >= ?2 AND day <= ?3 GROUP BY category",
        )?;
        let rows = stmt.query_map((project_id, from, to), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (category, amount) = row?;
            out.push((CostCategory::parse(&category)?, amount));
        }
        Ok(out)
    }

    /// Staff cost of the time logged on the project's items from `from` to `to` (the time
    /// area's one rule: per entry, minutes / 60 × the person's hourly rate, rounded).
    pub(crate) fn logged_time_cost(
        &self,
        project_id: Id,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<i64> {
        crate::time::feeds::logged_cost_between(self, project_id, from, to)
    }

    /// Budget against actual per category over the months `from`..=`to` (`YYYY-MM`, either
    /// open). Refuses a malformed month or an end before the start.
    pub fn cost_summary(&self, project_id: Id, from: Option<&str>, to: Option<&str>) -> Result<CostSummary> {
        self.project(project_id)?;
        fn nonempty(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        let from = nonempty(from).map(|p| parse_period("The first month", p)).transpose()?;
        let to = nonempty(to).map(|p| parse_period("The last month", p)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(CoreError::InvalidInput(format!(
                    "The last month ({}) is before the first ({}).",
                    period_text(t),
                    period_text(f)
                )));
            }
        }
        let first_day = from.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1));
        let last_day = to.and_then(|p| {
            let (y, m) = super::next_period(p);
            NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
        });
        let (pf, pt) = (
            from.map_or("0000-00".into(), period_text),
            to.map_or("9999-99".into(), period_text),
        );
        let mut stmt = self.conn.prepare_cached(
            "SELECT category, sum(amount_minor) FROM budget_lines \
             WHERE project_id = ?1 AND period >= ?2 AND period <= ?3 GROUP BY category",
        )?;
        let budget: Vec<(String, i64)> = stmt
            .query_map((project_id, &pf, &pt), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let entered = self.entered_costs(project_id, first_day, last_day)?;
        let time = self.logged_time_cost(project_id, first_day, last_day)?;
        let categories: Vec<CategoryActual> = CostCategory::ALL
            .into_iter()
            .map(|category| {
                let budget_minor = budget
                    .iter()
                    .filter(|(c, _)| c == category.as_str())
                    .map(|(_, a)| a)
                    .sum();
                let entered_minor = entered.iter().filter(|(c, _)| *c == category).map(|(_, a)| a).sum();
                let logged_time_minor = if category == CostCategory::Staff { time } else { 0 };
                let actual_minor = entered_minor + logged_time_minor;
                CategoryActual {
                    category,
                    label: category.label().into(),
                    budget_minor,
                    entered_minor,
                    logged_time_minor,
                    actual_minor,
                    remaining_minor: budget_minor - actual_minor,
                }
            })
            .collect();
        Ok(CostSummary {
            project_id,
            currency: self.currency()?,
            from: from.map(period_text),
            to: to.map(period_text),
            budget_minor: categories.iter().map(|c| c.budget_minor).sum(),
            actual_minor: categories.iter().map(|c| c.actual_minor).sum(),
            categories,
        })
    }
}
