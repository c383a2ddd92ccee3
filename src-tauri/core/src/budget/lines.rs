//! The budget of a project: an amount per cost category and calendar month (table
//! `budget_lines`). One cell or many are set in one edit, so a whole-grid paste undoes at once.

use std::collections::BTreeSet;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_amount, next_period, parse_period, period_of, period_text, CostCategory};
use crate::workspace::ids;
use crate::{CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BudgetCell {
    pub category: CostCategory,
    /// `YYYY-MM`.
    pub period: String,
    /// Minor units; `null` in an edit clears the cell.
    #[ts(type = "number | null")]
    pub amount_minor: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BudgetGrid {
    #[ts(type = "number")]
    pub project_id: Id,
    pub currency: String,
    /// The months shown: the project's start to finish month, widened to every month that has
    /// a budget; empty when the project has neither dates nor budget.
    pub periods: Vec<String>,
    /// The cells that hold an amount.
    pub cells: Vec<BudgetCell>,
    #[ts(type = "number")]
    pub total_minor: i64,
}

/// Every month from `first` to `last`, both included.
pub(crate) fn months(first: (i32, u32), last: (i32, u32)) -> Vec<String> {
    let mut out = Vec::new();
    let mut p = first;
    while p <= last && out.len() < 1200 {
        out.push(period_text(p));
        p = next_period(p);
    }
    out
}

impl Workspace {
    pub fn budget_grid(&self, project_id: Id) -> Result<BudgetGrid> {
        let project = self.project(project_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT category, period, amount_minor FROM budget_lines WHERE project_id = ?1 ORDER BY period, category",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
        })?;
        let mut cells = Vec::new();
        let mut seen = BTreeSet::new();
        for row in rows {
            let (category, period, amount) = row?;
            if let Ok(p) = parse_period("A budget month", &period) {
                seen.insert(p);
            }
            cells.push(BudgetCell {
                category: CostCategory::parse(&category)?,
                period,
                amount_minor: Some(amount),
            });
        }
        cells.sort_by(|a, b| (a.category, &a.period).cmp(&(b.category, &b.period)));
        if let Some(start) = project.start_date {
            seen.insert(period_of(start));
            seen.insert(period_of(project.finish_date.unwrap_or(start)));
        }
        let periods = match (seen.first(), seen.last()) {
            (Some(&first), Some(&last)) => months(first, last),
            _ => Vec::new(),
        };
        Ok(BudgetGrid {
            project_id,
            currency: self.currency()?,
            periods,
            total_minor: cells.iter().filter_map(|c| c.amount_minor).sum(),
            cells,
        })
    }

    /// Sets (or, with no amount, clears) budget cells in one edit. Every cell is checked
    /// before anything is written: one bad cell saves none.
    pub fn set_budget_cells(&mut self, project_id: Id, cells: &[BudgetCell]) -> Result<BudgetGrid> {
        self.project(project_id)?;
        if cells.is_empty() {
            return Err(CoreError::InvalidInput("There is no budget amount to save.".into()));
        }
        let mut checked = Vec::with_capacity(cells.len());
        for cell in cells {
            let period = period_text(parse_period("The budget month", &cell.period)?);
            let amount = cell
                .amount_minor
                .map(|a| check_amount("A budget amount", a))
                .transpose()?;
            checked.push((cell.category, period, amount));
        }
        self.edit(|ctx| {
            for (category, period, amount) in &checked {
                let existing: Option<Id> = ctx
                    .tx
                    .query_row(
                        "SELECT id FROM budget_lines WHERE project_id = ?1 AND category = ?2 AND period = ?3",
                        (project_id, category.as_str(), period),
                        |r| r.get(0),
                    )
                    .optional()?;
                match (existing, amount) {
                    (Some(id), Some(amount)) => {
                        ctx.touch("budget_lines", id)?;
                        ctx.tx
                            .execute("UPDATE budget_lines SET amount_minor = ?1 WHERE id = ?2", (amount, id))?;
                    }
                    (Some(id), None) => {
                        ctx.delete("budget_lines", id)?;
                    }
                    (None, Some(amount)) => {
                        let id = ids::new_id(ctx.tx, "budget_lines")?;
                        ctx.tx.execute(
                            "INSERT INTO budget_lines(project_id, category, period, amount_minor, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                            (project_id, category.as_str(), period, amount, id),
                        )?;
                        ctx.inserted("budget_lines", id);
                    }
                    (None, None) => {}
                }
            }
            ctx.set_label(match checked.as_slice() {
                [(category, period, Some(_))] => format!("Set the {} budget of {period}", category.label()),
                [(category, period, None)] => format!("Clear the {} budget of {period}", category.label()),
                _ => format!("Change {} budget cells", checked.len()),
            });
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.budget_grid(project_id)
    }
}
