//! The outline last read, kept for the next schedule. Reading a large plan's outline is most of
//! what rescheduling it costs, and an edit rarely changes more than a few of its rows: after an
//! edit that only changed tasks' scheduling fields or links, the kept outline is patched with
//! those rows, read again; after any other write it is read whole.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::OptionalExtension;

use crate::plan::timeline::{item_query, link_query, network_link, read_link, ItemRow, Outline, OutlineIndex};
use crate::resources::assignments::item_staffing;
use crate::{Id, Result, Workspace};

/// The project, the count of rows this connection has written, SQLite's `data_version` (which
/// moves when another connection commits) and today (a plan without a start date starts today).
type OutlineKey = (Id, u64, i64, NaiveDate);

struct Kept {
    key: OutlineKey,
    outline: Outline,
    index: OutlineIndex,
}

#[derive(Default)]
pub(crate) struct OutlineCache {
    kept: RefCell<Option<Kept>>,
    /// How many times an outline was read whole (tests check that edits patch instead).
    reads: Cell<u64>,
}

/// One row an edit, an undo or a redo wrote: its image before and after (`None`: no row).
pub(crate) struct RowWrite<'a> {
    pub(crate) table: &'a str,
    pub(crate) id: Id,
    pub(crate) from: Option<&'a [(String, Value)]>,
    pub(crate) to: Option<&'a [(String, Value)]>,
}

/// Tables the outline reads besides work items and dependencies: any change there reads it again.
const READ_WHOLE_AFTER: [&str; 6] = [
    "projects",
    "people",
    "assignments",
    "equipment",
    "calendars",
    "calendar_exceptions",
];

/// Columns of a work item that place it in the outline: a change there reads it again.
const PLACE: [&str; 4] = ["project_id", "parent_id", "outline_position", "created_at"];

fn column<'a>(image: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    image.iter().find(|(c, _)| c == name).map(|(_, v)| v)
}

impl Workspace {
    fn outline_key(&self, project_id: Id) -> Result<OutlineKey> {
        let data_version: i64 = self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((
            project_id,
            self.conn.total_changes(),
            data_version,
            crate::clock::today(),
        ))
    }

    /// A project's outline. An edit checks its input against the outline the view's last
    /// schedule was computed from, so that outline is kept until the next write.
    pub(crate) fn outline(&self, project_id: Id) -> Result<Outline> {
        let key = self.outline_key(project_id)?;
        if let Some(kept) = self.outline_cache.kept.borrow().as_ref() {
            if kept.key == key {
                return Ok(kept.outline.clone());
            }
        }
        let (outline, index) = self.read_outline(project_id)?;
        self.outline_cache.reads.set(self.outline_cache.reads.get() + 1);
        // Inside a transaction the rows read may yet be rolled back, which the key cannot see.
        if self.conn.is_autocommit() {
            *self.outline_cache.kept.borrow_mut() = Some(Kept {
                key,
                outline: outline.clone(),
                index,
            });
        }
        Ok(outline)
    }

    #[cfg(test)]
    pub(crate) fn outline_reads(&self) -> u64 {
        self.outline_cache.reads.get()
    }

    /// Called once an edit, undo or redo has committed `rows`, which the connection began to
    /// write when it had written `written_from` rows: the kept outline follows them when they
    /// were its only writes since it was read, and it can be patched; otherwise it is dropped.
    pub(crate) fn outline_after_write(&self, written_from: u64, rows: &[RowWrite]) {
        let Some(kept) = self.outline_cache.kept.borrow_mut().take() else {
            return;
        };
        let (project_id, written, data_version, today) = kept.key;
        if written != written_from {
            return;
        }
        let Ok(key) = self.outline_key(project_id) else { return };
        if key.2 != data_version || key.3 != today {
            return;
        }
        // A row that cannot be read leaves the outline dropped: the next read is whole.
        if let Ok(Some((outline, index))) = self.patch_outline(kept.outline, kept.index, rows) {
            *self.outline_cache.kept.borrow_mut() = Some(Kept { key, outline, index });
        }
    }

    /// `outline` with the rows `rows` name read again; `None` when they changed more than
    /// tasks' scheduling fields and links.
    fn patch_outline(
        &self,
        mut outline: Outline,
        mut index: OutlineIndex,
        rows: &[RowWrite],
    ) -> Result<Option<(Outline, OutlineIndex)>> {
        let mut items = BTreeSet::new();
        let mut links = BTreeSet::new();
        for row in rows {
            match row.table {
                "work_items" => {
                    let (Some(from), Some(to)) = (row.from, row.to) else {
                        return Ok(None);
                    };
                    let moved = |name: &str| column(from, name) != column(to, name);
                    if PLACE.into_iter().any(moved) || (index.start_from_actuals && moved("actual_start")) {
                        return Ok(None);
                    }
                    if index.position.contains_key(&row.id) {
                        items.insert(row.id);
                    }
                }
                "dependencies" => {
                    links.insert(row.id);
                }
                table if READ_WHOLE_AFTER.contains(&table) => return Ok(None),
                _ => {}
            }
        }

        let mut stmt = self.conn.prepare_cached(&item_query("w.id = ?1"))?;
        for id in items {
            let Some(mut row) = stmt.query_row([id], ItemRow::read).optional()? else {
                return Ok(None);
            };
            if let Some(staff) = item_staffing(&self.conn, id)? {
                row.staff(&staff);
            }
            if row.calendar().is_some_and(|c| !index.calendar_index.contains_key(&c)) {
                return Ok(None);
            }
            let at = index.position[&id];
            let parent = outline.network.tasks[at].parent;
            outline.network.tasks[at] = row.task(parent, &index.calendar_index);
            outline.percent[at] = row.percent;
            outline.milestone[at] = row.milestone;
            outline.work_hours[at] = row.work_hours;
            outline.cost_minor[at] = row.cost_minor;
            outline.resource[at] = row.resource;
        }

        let mut stmt = self.conn.prepare_cached(&link_query("d.id = ?1"))?;
        for id in links {
            if let Some(at) = index.link_order.iter().position(|&(_, held)| held == id) {
                index.link_order.remove(at);
                outline.network.links.remove(at);
                outline.links.remove(at);
            }
            let Some((seq, dep)) = stmt.query_row([id], read_link).optional()? else {
                continue;
            };
            let Some(link) = network_link(&dep, &index.position) else {
                continue;
            };
            let at = index.link_order.partition_point(|&held| held < (seq, id));
            index.link_order.insert(at, (seq, id));
            outline.network.links.insert(at, link);
            outline.links.insert(at, dep);
        }
        Ok(Some((outline, index)))
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use crate::plan::timeline::{ConstraintKind, DependencyKind, TaskPlanInput};
    use crate::resources::assignments::AssignmentInput;
    use crate::work::items::WorkItemInput;
    use crate::work::projects::Methodology;
    use crate::{clock, demo, Id, Workspace};

    fn durations(ws: &Workspace, project: Id) -> Vec<i64> {
        ws.outline(project)
            .unwrap()
            .network
            .tasks
            .iter()
            .map(|t| t.duration)
            .collect()
    }

    #[test]
    fn the_kept_outline_is_read_again_after_any_write_or_rolled_back_transaction() {
        let mut ws = Workspace::in_memory().unwrap();
        let project = demo::add_load_test_plan(&mut ws, 30).unwrap();
        let before = durations(&ws, project);
        assert_eq!(durations(&ws, project), before, "kept while nothing is written");

        // A write that does not go through an edit is seen too.
        ws.conn
            .execute(
                "UPDATE work_items SET duration_minutes = 4800 WHERE project_id = ?1",
                [project],
            )
            .unwrap();
        assert!(durations(&ws, project).contains(&4800));

        // Rows read inside a transaction that is then rolled back are not kept.
        let settled = durations(&ws, project);
        ws.conn
            .execute_batch("BEGIN; UPDATE work_items SET duration_minutes = 960;")
            .unwrap();
        assert!(durations(&ws, project).iter().all(|&d| d == 960 || d == 0));
        ws.conn.execute_batch("ROLLBACK").unwrap();
        assert_eq!(durations(&ws, project), settled);
    }

    /// Everything the schedule is computed from, to compare a kept outline with one read whole.
    fn outline_text(ws: &Workspace, project: Id, whole: bool) -> String {
        let o = if whole {
            ws.read_outline(project).unwrap().0
        } else {
            ws.outline(project).unwrap()
        };
        // Calendars only come from a whole read (a change to one reads the outline again), and
        // their exceptions are a hash map, printed in no fixed order: their names stand for them.
        let calendars: Vec<&str> = o.network.calendars.iter().map(|c| c.name.as_str()).collect();
        format!(
            "{:?}",
            (
                (
                    o.network.start,
                    o.network.calendar,
                    o.network.honor_constraints,
                    calendars
                ),
                &o.network.tasks,
                &o.network.links,
                &o.links,
                &o.item_ids,
                &o.wbs,
                &o.percent,
                &o.milestone,
                &o.resource,
                &o.work_hours,
                &o.cost_minor
            )
        )
    }

    /// Fails with where the two first differ, not with two whole outlines.
    fn assert_same(kept: &str, whole: &str, context: &str) {
        if let Some(at) = kept.bytes().zip(whole.bytes()).position(|(a, b)| a != b) {
            let from = at.saturating_sub(300);
            panic!(
                "{context}: the kept outline differs from the one read whole at byte {at}:\n kept:  …{}\n whole: …{}",
                &kept[from..(at + 200).min(kept.len())],
                &whole[from..(at + 200).min(whole.len())]
            );
        }
        assert_eq!(kept.len(), whole.len(), "{context}: one outline is longer");
    }

    /// A small deterministic generator (xorshift), so each seed replays the same edits.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }
    }

    #[test]
    fn moves_and_links_patch_the_kept_outline_instead_of_reading_it_again() {
        let mut ws = Workspace::in_memory().unwrap();
        let project = demo::add_load_test_plan(&mut ws, 200).unwrap();
        let schedule = ws.project_schedule(project).unwrap();
        let leaves: Vec<_> = schedule.tasks.iter().filter(|t| !t.summary && !t.milestone).collect();
        let reads = ws.outline_reads();

        let start = leaves[7].early_start + Duration::days(3);
        ws.move_task(leaves[7].item_id, &start.format("%Y-%m-%dT%H:%M:%S").to_string())
            .unwrap();
        let link = ws
            .add_dependency(leaves[2].item_id, leaves[90].item_id, DependencyKind::Ss, 60)
            .unwrap();
        ws.remove_dependency(schedule.links[4].id).unwrap();
        ws.undo().unwrap();
        ws.redo().unwrap();
        assert_same(
            &outline_text(&ws, project, false),
            &outline_text(&ws, project, true),
            "after the edits",
        );
        assert!(ws.outline(project).unwrap().links.iter().any(|l| l.id == link));
        assert_eq!(ws.outline_reads(), reads, "each edit patched the kept outline");

        // A new task changes the rows: read whole.
        let input = WorkItemInput {
            item_type: None,
            title: "Added".into(),
            description: String::new(),
            assignee: None,
            estimate_hours: None,
            story_points: None,
            priority: None,
            tags: vec![],
            due_date: None,
        };
        ws.create_item(project, None, &input).unwrap();
        ws.outline(project).unwrap();
        assert_eq!(ws.outline_reads(), reads + 1);
    }

    /// Random edits of every kind on the demo's plans: after each, the kept outline (patched or
    /// read again) is the outline read whole.
    #[test]
    fn after_any_edit_the_kept_outline_is_the_outline_read_whole() {
        let day = clock::fix_for_tests();
        for seed in 1..=6u64 {
            let mut ws = Workspace::in_memory().unwrap();
            demo::fill_demo(&mut ws, day).unwrap();
            let projects = ws.projects().unwrap();
            let project = projects
                .iter()
                .find(|p| p.methodology == Methodology::Waterfall)
                .unwrap()
                .id;
            let people: Vec<Id> = ws.people().unwrap().iter().map(|p| p.id).collect();
            let mut dice = Dice(0x9E37_79B9_7F4A_7C15 ^ seed);
            let mut patched = 0;
            for _ in 0..120 {
                let schedule = ws.project_schedule(project).unwrap();
                let tasks = &schedule.tasks;
                let leaves: Vec<_> = tasks.iter().filter(|t| !t.summary).collect();
                let task = leaves[dice.below(leaves.len())];
                let other = leaves[dice.below(leaves.len())].item_id;
                let days = dice.below(9) as i64 - 4;
                let stamp =
                    |t: chrono::NaiveDateTime| (t + Duration::days(days)).format("%Y-%m-%dT%H:%M:%S").to_string();
                let reads = ws.outline_reads();
                let kind = dice.below(13);
                // Refusals (a loop, a duplicate, nothing to undo) are fine: they write nothing.
                let _ = match kind {
                    0 => ws.move_task(task.item_id, &stamp(task.early_start)),
                    1 => ws.set_task_finish(task.item_id, &stamp(task.early_finish)),
                    2 => ws
                        .add_dependency(task.item_id, other, DependencyKind::Fs, days * 60)
                        .map(|_| ()),
                    3 => match schedule.links.get(dice.below(schedule.links.len())) {
                        Some(link) => ws.remove_dependency(link.id),
                        None => Ok(()),
                    },
                    4 => {
                        let item = ws.item(task.item_id).unwrap();
                        let constraint =
                            [ConstraintKind::Asap, ConstraintKind::Snet, ConstraintKind::Fnlt][dice.below(3)];
                        ws.set_task_plan(
                            task.item_id,
                            &TaskPlanInput {
                                parent_id: item.parent_id,
                                duration_minutes: Some(480 * dice.below(6) as i64),
                                constraint_type: constraint,
                                constraint_date: (constraint != ConstraintKind::Asap).then(|| stamp(task.early_start)),
                                actual_start: (dice.below(4) == 0).then(|| stamp(task.early_start)),
                                actual_finish: None,
                                percent_complete: (dice.below(5) * 25) as f64,
                            },
                        )
                    }
                    5 => {
                        let item = ws.item(task.item_id).unwrap();
                        let names: Vec<String> = ws.people().unwrap().into_iter().map(|p| p.name).collect();
                        let input = WorkItemInput {
                            item_type: Some(item.item_type),
                            title: format!("{} ·", item.title),
                            description: item.description,
                            assignee: names.get(dice.below(names.len() + 1)).cloned(),
                            estimate_hours: Some(dice.below(40) as f64),
                            story_points: item.story_points,
                            priority: Some(item.priority),
                            tags: item.tags,
                            due_date: item.due_date.map(|d| d.to_string()),
                        };
                        ws.update_item(task.item_id, &input).map(|_| ())
                    }
                    6 => ws
                        .assign(
                            task.item_id,
                            &AssignmentInput {
                                person_id: people.get(dice.below(people.len())).copied(),
                                equipment_id: None,
                                units: 0.5,
                            },
                        )
                        .map(|_| ()),
                    7 => match ws.assignments(task.item_id).unwrap().first() {
                        Some(a) => ws.unassign(a.id),
                        None => Ok(()),
                    },
                    8 => ws.set_person_resource(people[dice.below(people.len())], None, 1000 * dice.below(9) as i64),
                    9 => ws.indent_task(task.item_id),
                    10 => ws.undo().map(|_| ()),
                    11 => ws.redo().map(|_| ()),
                    _ => ws.delete_item(task.item_id),
                };
                assert_same(
                    &outline_text(&ws, project, false),
                    &outline_text(&ws, project, true),
                    &format!("seed {seed}, edit kind {kind}"),
                );
                if ws.outline_reads() == reads {
                    patched += 1;
                }
            }
            assert!(patched > 30, "seed {seed}: only {patched} edits patched the outline");
        }
    }
}
