//! What changed in a project's schedule since the timeline last fetched it. After an edit the
//! timeline is sent the rows that moved and the links that changed, not the whole plan again:
//! on a 10,000-task plan the whole schedule is about 9 MB of JSON, which costs more to send
//! and to parse than the rescheduling itself.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::timeline::{ProjectSchedule, ScheduleLink, ScheduledTask};
use crate::{Id, Result, Workspace};

/// The rows and links that differ between two schedules of the same plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScheduleChanges {
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    /// Each row that differs, with its position in WBS order (rows keep their positions).
    pub tasks: Vec<ChangedTask>,
    /// Links added or changed, matched by id.
    pub links_set: Vec<ScheduleLink>,
    #[ts(type = "number[]")]
    pub links_removed: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChangedTask {
    pub position: usize,
    pub task: ScheduledTask,
}

/// A schedule for a view: the whole of it, or what changed since the revision the view holds.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ScheduleRefresh {
    /// What the view holds after applying this answer; it sends it back next time.
    pub revision: u32,
    /// The whole schedule: on a first fetch, or when rows were added, removed or reordered.
    pub schedule: Option<ProjectSchedule>,
    pub changes: Option<ScheduleChanges>,
}

/// The changes from `old` to `new`, or none when changed rows cannot describe them: rows
/// added, removed or reordered, or the project's name, currency or calendars changed.
pub fn changes_between(old: &ProjectSchedule, new: &ProjectSchedule) -> Option<ScheduleChanges> {
    let same_rows = old.project_id == new.project_id
        && old.tasks.len() == new.tasks.len()
        && old.tasks.iter().zip(&new.tasks).all(|(a, b)| a.item_id == b.item_id);
    if !same_rows || old.project != new.project || old.currency != new.currency || old.calendars != new.calendars {
        return None;
    }
    let tasks = old
        .tasks
        .iter()
        .zip(&new.tasks)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(position, (_, b))| ChangedTask {
            position,
            task: b.clone(),
        })
        .collect();
    let before: HashMap<Id, &ScheduleLink> = old.links.iter().map(|l| (l.id, l)).collect();
    let links_set = new
        .links
        .iter()
        .filter(|l| before.get(&l.id) != Some(l))
        .cloned()
        .collect();
    let after: HashSet<Id> = new.links.iter().map(|l| l.id).collect();
    let links_removed = old
        .links
        .iter()
        .map(|l| l.id)
        .filter(|id| !after.contains(id))
        .collect();
    Some(ScheduleChanges {
        start: new.start,
        finish: new.finish,
        tasks,
        links_set,
        links_removed,
    })
}

/// The last schedule sent to the view, so the next answer can be its changes. One view (the
/// timeline) asks this way; the others fetch the whole schedule.
#[derive(Default)]
pub(crate) struct ServedSchedule(RefCell<Option<Served>>);

struct Served {
    revision: u32,
    baseline_id: Option<Id>,
    schedule: ProjectSchedule,
}

impl Workspace {
    /// The schedule of a project (with a baseline's dates, when one is given) for a view that
    /// holds `held`, the revision of its last answer: the changes since then when that was
    /// this project against the same baseline, else the whole schedule.
    pub fn schedule_refresh(
        &self,
        project_id: Id,
        baseline_id: Option<Id>,
        held: Option<u32>,
    ) -> Result<ScheduleRefresh> {
        let schedule = self.project_schedule_against(project_id, baseline_id)?;
        let mut served = self.served_schedule.0.borrow_mut();
        let revision = served.as_ref().map_or(1, |s| s.revision.wrapping_add(1));
        let changes = served
            .as_ref()
            .filter(|s| Some(s.revision) == held && s.baseline_id == baseline_id)
            .and_then(|s| changes_between(&s.schedule, &schedule));
        let answer = ScheduleRefresh {
            revision,
            schedule: changes.is_none().then(|| schedule.clone()),
            changes,
        };
        *served = Some(Served {
            revision,
            baseline_id,
            schedule,
        });
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::plan::timeline::DependencyKind;

    /// The view's side, as the UI does it: changed rows replaced in place, links upserted by id.
    fn apply(old: &ProjectSchedule, changes: &ScheduleChanges) -> ProjectSchedule {
        let mut new = old.clone();
        new.start = changes.start;
        new.finish = changes.finish;
        for c in &changes.tasks {
            new.tasks[c.position] = c.task.clone();
        }
        new.links.retain(|l| !changes.links_removed.contains(&l.id));
        for l in &changes.links_set {
            match new.links.iter_mut().find(|x| x.id == l.id) {
                Some(x) => *x = l.clone(),
                None => new.links.push(l.clone()),
            }
        }
        new
    }

    fn same(a: &ProjectSchedule, b: &ProjectSchedule) {
        assert_eq!(a.tasks, b.tasks);
        let sorted = |s: &ProjectSchedule| {
            let mut l = s.links.clone();
            l.sort_by_key(|l| l.id);
            l
        };
        assert_eq!(sorted(a), sorted(b));
        assert_eq!((a.start, a.finish), (b.start, b.finish));
    }

    #[test]
    fn a_view_that_applies_the_changes_holds_the_new_schedule() {
        let mut ws = Workspace::in_memory().unwrap();
        let project = demo::add_load_test_plan(&mut ws, 300).unwrap();
        let first = ws.schedule_refresh(project, None, None).unwrap();
        let mut held = first.schedule.expect("a first fetch is whole");
        let mut revision = first.revision;
        let plain: Vec<Id> = held
            .tasks
            .iter()
            .filter(|t| !t.summary && !t.milestone)
            .map(|t| t.item_id)
            .collect();

        // A move, a new link, a removed link and an indent: each answered by its changes.
        let start = held.tasks.iter().find(|t| t.item_id == plain[3]).unwrap().early_start;
        ws.move_task(
            plain[3],
            &(start + chrono::Duration::days(2))
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string(),
        )
        .unwrap();
        let link = ws.add_dependency(plain[5], plain[40], DependencyKind::Fs, 0).unwrap();
        let old_link = held.links[0].id;
        ws.remove_dependency(old_link).unwrap();
        let refreshed = ws.schedule_refresh(project, None, Some(revision)).unwrap();
        let changes = refreshed.changes.expect("rows kept their places");
        assert!(refreshed.schedule.is_none());
        assert!(!changes.tasks.is_empty());
        assert!(changes.links_set.iter().any(|l| l.id == link));
        assert_eq!(changes.links_removed, vec![old_link]);
        held = apply(&held, &changes);
        same(&held, &ws.project_schedule(project).unwrap());
        revision = refreshed.revision;

        ws.indent_task(plain[8]).unwrap();
        let refreshed = ws.schedule_refresh(project, None, Some(revision)).unwrap();
        held = apply(&held, &refreshed.changes.expect("an indent keeps the row order"));
        same(&held, &ws.project_schedule(project).unwrap());

        // Nothing changed: an empty answer.
        let again = ws.schedule_refresh(project, None, Some(refreshed.revision)).unwrap();
        let nothing = again.changes.unwrap();
        assert!(nothing.tasks.is_empty() && nothing.links_set.is_empty() && nothing.links_removed.is_empty());
    }

    #[test]
    fn a_stale_revision_another_baseline_or_new_rows_get_the_whole_schedule() {
        let mut ws = Workspace::in_memory().unwrap();
        let project = demo::add_load_test_plan(&mut ws, 50).unwrap();
        let first = ws.schedule_refresh(project, None, None).unwrap();
        let second = ws.schedule_refresh(project, None, Some(first.revision)).unwrap();
        assert!(second.changes.is_some());
        // The view held an older answer (another view asked in between).
        assert!(ws
            .schedule_refresh(project, None, Some(first.revision))
            .unwrap()
            .schedule
            .is_some());

        let baseline = ws.save_baseline(project, "Approved").unwrap();
        let third = ws.schedule_refresh(project, None, None).unwrap();
        let against = ws
            .schedule_refresh(project, Some(baseline.id), Some(third.revision))
            .unwrap();
        assert!(against.schedule.is_some(), "another baseline is another schedule");

        let item = ws
            .create_item(
                project,
                None,
                &crate::work::items::WorkItemInput {
                    title: "Extra task".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        let after = ws
            .schedule_refresh(project, Some(baseline.id), Some(against.revision))
            .unwrap();
        let whole = after.schedule.expect("a new row changes the positions");
        assert!(whole.tasks.iter().any(|t| t.item_id == item.id));
    }
}
