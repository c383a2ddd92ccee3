//! The board report: the board's columns with their items and WIP limits, in swimlanes by
//! assignee (people by name, then the unassigned).

use std::collections::BTreeMap;

use bridgeplan_core::work::items::WorkItem;
use bridgeplan_core::Workspace;
use serde::Serialize;

use crate::format::{self, date};
use crate::request::Checked;
use crate::{Meta, Result};

#[derive(Serialize)]
struct Body {
    columns: Vec<Column>,
    lanes: Vec<Lane>,
    items: usize,
    over_limit: usize,
}

#[derive(Serialize)]
struct Column {
    name: String,
    category: &'static str,
    count: usize,
    limit: Option<u32>,
    over: bool,
}

#[derive(Serialize)]
struct Lane {
    name: String,
    count: usize,
    /// The lane's cards per column, in board order.
    cells: Vec<Vec<Card>>,
}

#[derive(Serialize)]
struct Card {
    title: String,
    kind: &'static str,
    priority: &'static str,
    points: Option<String>,
    due: Option<String>,
    overdue: bool,
    tags: Vec<String>,
}

const UNASSIGNED: &str = "Unassigned";

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked.project.as_ref().expect("checked: a board report has a project");
    let board = ws.board(project.id)?;
    let width = board.columns.len();
    // Lanes keyed so that people sort by name and "Unassigned" comes last.
    let mut lanes: BTreeMap<(bool, String), Vec<Vec<Card>>> = BTreeMap::new();
    for (c, column) in board.columns.iter().enumerate() {
        for item in &column.items {
            let key = match &item.assignee {
                Some(name) => (false, name.clone()),
                None => (true, UNASSIGNED.to_string()),
            };
            let cells = lanes
                .entry(key)
                .or_insert_with(|| (0..width).map(|_| Vec::new()).collect());
            let done = column.status.category == bridgeplan_core::work::statuses::StatusCategory::Done;
            cells[c].push(card(item, done, checked.today));
        }
    }
    let body = Body {
        columns: board
            .columns
            .iter()
            .map(|c| Column {
                name: c.status.name.clone(),
                category: c.status.category.as_str(),
                count: c.items.len(),
                limit: c.status.wip_limit,
                over: c.over_limit,
            })
            .collect(),
        items: board.columns.iter().map(|c| c.items.len()).sum(),
        over_limit: board.columns.iter().filter(|c| c.over_limit).count(),
        lanes: lanes
            .into_iter()
            .map(|((_, name), cells)| Lane {
                name,
                count: cells.iter().map(Vec::len).sum(),
                cells,
            })
            .collect(),
    };
    let meta = format::meta(checked, project.name.clone(), project.manager.clone());
    crate::data(meta, body)
}

fn card(item: &WorkItem, done: bool, today: chrono::NaiveDate) -> Card {
    Card {
        title: item.title.clone(),
        kind: item.item_type.as_str(),
        priority: item.priority.as_str(),
        points: item.story_points.map(format::number),
        due: item.due_date.map(date),
        overdue: !done && item.due_date.is_some_and(|d| d < today),
        tags: item.tags.clone(),
    }
}
