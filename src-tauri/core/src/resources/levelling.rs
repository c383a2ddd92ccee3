//! Levelling: resolves over-allocations of one project by delaying work, within its total
//! float first. The rules (order, slices, what is reported) are in docs/resources.md.
//!
//! How: the project is scheduled without levelling delays; then a serial pass places the tasks
//! in order of the start their predecessors allow (earliest first), then priority (higher
//! keeps its dates), then total float (less float keeps its dates), then id. Each task takes
//! the earliest working-day slice from which every resource it uses has room for its whole
//! duration. Resource use is kept per slice of one working day (480 working minutes of the
//! project calendar) in arrays, so a placement costs its resources × its days, never
//! task × task. A delay beyond the task's remaining float is not applied (unless the finish may
//! move); the clash is reported with the resource, its load, the week and the tasks. Moving a
//! task moves its successors by what exceeds the room on each link, as the scheduler will.
//! Finally the network is scheduled again with the delays, which gives the dates shown.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use chrono::NaiveDateTime;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::calendars;
use crate::plan::schedule::calendar::{from_minute, to_minute};
use crate::plan::schedule::{self, Lag, LinkType, Minute, Network, Schedule};
use crate::resources::assignments::{project_loads, ResourceKind};
use crate::resources::utilisation::{iso_week, resource_specs};
use crate::{CoreError, Id, Result, Workspace};

/// One slice of resource time: a working day of the project calendar.
pub const SLICE: Minute = 480;
/// With "allow the finish to move", how far a task may be pushed at most (two working years).
const MAX_PUSH: Minute = 2 * 260 * SLICE;
const EPS: f64 = 1e-6;

/// What a resource can give per slice: `units` (people: capacity ÷ 40 h; equipment: the
/// quantity), and none outside `window` (positions in working minutes, half-open).
#[derive(Debug, Clone)]
pub struct SliceCapacity {
    pub name: String,
    pub units: f64,
    pub window: Option<(Minute, Minute)>,
}

/// The plain inputs of a levelling pass.
pub struct LevelInput<'a> {
    pub network: &'a Network,
    /// The schedule of `network` without levelling delays.
    pub base: &'a Schedule,
    /// Per task: 0 (lowest) … 4 (highest).
    pub priority: &'a [u8],
    pub ids: &'a [Id],
    /// Per task: (resource, units).
    pub uses: &'a [Vec<(usize, f64)>],
    pub resources: &'a [SliceCapacity],
    /// Moment from which positions count (at or before every task).
    pub origin: Minute,
    pub allow_finish_move: bool,
}

#[derive(Debug, Clone)]
pub struct LevelConflictRaw {
    pub resource: usize,
    pub slice_pos: Minute,
    pub load: f64,
    pub tasks: Vec<usize>,
    /// The task that would have had to move, and by how many working minutes past its float
    /// (None: it never fits, the resource has too little).
    pub task: usize,
    pub beyond_float: Option<Minute>,
}

#[derive(Debug, Clone, Default)]
pub struct LevelOutcome {
    /// Per task: its own levelling delay in working minutes.
    pub delays: Vec<Minute>,
    /// Per delayed task: the resource and the tasks that kept their dates.
    pub reasons: Vec<Option<(usize, Vec<usize>)>>,
    pub conflicts: Vec<LevelConflictRaw>,
}

/// Positions (working minutes of the project calendar after `origin`) of many moments at once:
/// sorted, then summed day by day, so 20,000 moments cost one walk over the calendar.
fn positions(net: &Network, origin: Minute, moments: &[Minute]) -> HashMap<Minute, Minute> {
    let cal = &net.calendars[net.calendar];
    let mut sorted: Vec<Minute> = moments.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = HashMap::with_capacity(sorted.len());
    let (mut at, mut pos) = (origin, 0);
    for m in sorted {
        if m > at {
            pos += cal.work_between(at, m);
            at = m;
        }
        out.insert(m, if m < origin { -cal.work_between(m, origin) } else { pos });
    }
    out
}

struct Usage {
    /// Per resource, per slice: units in use (prorated by the part of the slice used).
    used: Vec<Vec<f64>>,
    /// Per resource: (start, finish, task) placed.
    placed: Vec<Vec<(Minute, Minute, usize)>>,
}

impl Usage {
    fn capacity(res: &SliceCapacity, slice: usize) -> f64 {
        let at = slice as Minute * SLICE;
        match res.window {
            Some((from, to)) if at + SLICE <= from || at >= to => 0.0,
            _ => res.units,
        }
    }

    /// Each slice [s, f) touches, with the fraction of it used.
    fn slices(s: Minute, f: Minute) -> impl Iterator<Item = (usize, f64)> {
        let first = s.max(0) / SLICE;
        let last = (f.max(1) - 1).max(0) / SLICE;
        (first..=last).filter_map(move |k| {
            let a = (k * SLICE).max(s);
            let b = ((k + 1) * SLICE).min(f);
            (b > a).then(|| (k as usize, (b - a) as f64 / SLICE as f64))
        })
    }

    /// The first slice where a task at [s, f) would not fit, with the load it would make.
    fn clash(
        &self,
        resources: &[SliceCapacity],
        uses: &[(usize, f64)],
        s: Minute,
        f: Minute,
    ) -> Option<(usize, usize, f64)> {
        for &(r, u) in uses {
            for (k, frac) in Self::slices(s, f) {
                let have = self.used[r].get(k).copied().unwrap_or(0.0);
                let cap = Self::capacity(&resources[r], k);
                if have + u * frac > cap + EPS {
                    let load = if cap > 0.0 {
                        (have + u * frac) / cap
                    } else {
                        f64::INFINITY
                    };
                    return Some((r, k, load));
                }
            }
        }
        None
    }

    fn place(&mut self, uses: &[(usize, f64)], s: Minute, f: Minute, task: usize) {
        for &(r, u) in uses {
            for (k, frac) in Self::slices(s, f) {
                if self.used[r].len() <= k {
                    self.used[r].resize(k + 64, 0.0);
                }
                self.used[r][k] += u * frac;
            }
            self.placed[r].push((s, f, task));
        }
    }

    fn holders(&self, r: usize, s: Minute, f: Minute, except: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.placed[r]
            .iter()
            .filter(|&&(a, b, t)| t != except && a < f && b > s)
            .map(|&(_, _, t)| t)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The levelling pass over plain inputs (see the module comment).
pub fn level(input: &LevelInput) -> LevelOutcome {
    let net = input.network;
    let n = net.tasks.len();
    let mut summary = vec![false; n];
    for t in &net.tasks {
        if let Some(p) = t.parent {
            summary[p] = true;
        }
    }
    let sched = &input.base.tasks;
    let moments: Vec<Minute> = sched.iter().flat_map(|t| [t.early_start, t.early_finish]).collect();
    let pos = positions(net, input.origin, &moments);
    let es: Vec<Minute> = sched.iter().map(|t| pos[&t.early_start]).collect();
    let ef: Vec<Minute> = sched.iter().map(|t| pos[&t.early_finish]).collect();

    // Nodes: a leaf is one node (i); a summary is entered at i and left at n + i.
    let in_node = |i: usize| i;
    let out_node = |i: usize| if summary[i] { n + i } else { i };
    let mut edges: Vec<Vec<(usize, Minute)>> = vec![Vec::new(); 2 * n];
    let mut indegree = vec![0u32; 2 * n];
    let mut add = |edges: &mut Vec<Vec<(usize, Minute)>>, from: usize, to: usize, room: Minute| {
        edges[from].push((to, room.max(0)));
        indegree[to] += 1;
    };
    for link in &net.links {
        let (p, q) = (link.predecessor, link.successor);
        let lag = match link.lag {
            Lag::Work(m) => m,
            Lag::PercentOfPredecessor(pct) => ((ef[p] - es[p]) as f64 * pct / 100.0).round() as Minute,
        };
        let room = match link.kind {
            LinkType::FinishToStart => es[q] - ef[p] - lag,
            LinkType::StartToStart => es[q] - es[p] - lag,
            LinkType::FinishToFinish => ef[q] - ef[p] - lag,
            LinkType::StartToFinish => ef[q] - es[p] - lag,
        };
        add(&mut edges, out_node(p), in_node(q), room);
    }
    for (i, t) in net.tasks.iter().enumerate() {
        if let Some(p) = t.parent {
            add(&mut edges, in_node(p), in_node(i), es[i] - es[p]);
            add(&mut edges, out_node(i), n + p, ef[p] - ef[i]);
        }
    }

    let mut shift = vec![0 as Minute; 2 * n];
    let mut out = LevelOutcome {
        delays: vec![0; n],
        reasons: vec![None; n],
        conflicts: Vec::new(),
    };
    let mut usage = Usage {
        used: vec![Vec::new(); input.resources.len()],
        placed: vec![Vec::new(); input.resources.len()],
    };
    // Ready nodes, earliest allowed start first; then higher priority, less float, lower id.
    type Key = (Minute, Reverse<u8>, Minute, Id, usize);
    let key = |node: usize, shift: Minute| -> Key {
        let t = if node >= n { node - n } else { node };
        let at = if node >= n { ef[t] } else { es[t] } + shift;
        (at, Reverse(input.priority[t]), sched[t].total_float, input.ids[t], node)
    };
    let mut heap: BinaryHeap<Reverse<Key>> = BinaryHeap::new();
    for node in 0..2 * n {
        let exists = node < n || summary[node - n];
        if exists && indegree[node] == 0 {
            heap.push(Reverse(key(node, 0)));
        }
    }
    while let Some(Reverse((_, _, _, _, node))) = heap.pop() {
        if node < n && !summary[node] {
            let i = node;
            let task = &net.tasks[i];
            let inherited = shift[node];
            let (s, dur) = (es[i] + inherited, ef[i] - es[i]);
            let fixed = task.actual_start.is_some() || task.actual_finish.is_some();
            let uses = &input.uses[i];
            if !fixed && dur > 0 && !uses.is_empty() {
                if let Some(first) = usage.clash(input.resources, uses, s, s + dur) {
                    let room = (sched[i].total_float - inherited).max(0);
                    let limit = if input.allow_finish_move { MAX_PUSH } else { room };
                    let fit = first_fit(&usage, input.resources, uses, s, dur, MAX_PUSH);
                    match fit {
                        Some(at) if at - s <= limit => {
                            out.delays[i] = at - s;
                            let (r, k, _) = first;
                            let k0 = k as Minute * SLICE;
                            out.reasons[i] = Some((r, usage.holders(r, k0, k0 + SLICE, i)));
                            shift[node] = inherited + (at - s);
                        }
                        _ => {
                            let (r, k, load) = first;
                            let k0 = k as Minute * SLICE;
                            let mut tasks = usage.holders(r, k0, k0 + SLICE, i);
                            tasks.push(i);
                            out.conflicts.push(LevelConflictRaw {
                                resource: r,
                                slice_pos: k0,
                                load,
                                tasks,
                                task: i,
                                beyond_float: fit.map(|at| at - s - room),
                            });
                        }
                    }
                }
            }
            let at = es[i] + shift[node];
            if !uses.is_empty() && dur > 0 {
                usage.place(uses, at, at + dur, i);
            }
        }
        let here = shift[node];
        for &(next, room) in &edges[node] {
            shift[next] = shift[next].max(here - room);
            indegree[next] -= 1;
            if indegree[next] == 0 {
                heap.push(Reverse(key(next, shift[next])));
            }
        }
    }
    out
}

/// The earliest start at or after `s` (then on slice boundaries) where the task fits.
fn first_fit(
    usage: &Usage,
    resources: &[SliceCapacity],
    uses: &[(usize, f64)],
    s: Minute,
    dur: Minute,
    max: Minute,
) -> Option<Minute> {
    let mut at = s;
    while at - s <= max {
        match usage.clash(resources, uses, at, at + dur) {
            None => return Some(at),
            Some((_, k, _)) => {
                // Nothing starting before the clashing slice ends can fit.
                let next = (k as Minute + 1) * SLICE;
                at = if next > at { next } else { at + SLICE };
            }
        }
    }
    None
}

/// Where a task starts in the base schedule, as a position.
fn es_position(base: &Schedule, cal: &schedule::Calendar, origin: Minute, i: usize) -> Minute {
    cal.work_between(origin, base.tasks[i].early_start).max(0)
}

/// A task levelling moves.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LevelChange {
    #[ts(type = "number")]
    pub item_id: Id,
    pub name: String,
    pub wbs: String,
    pub old_start: NaiveDateTime,
    pub new_start: NaiveDateTime,
    pub new_finish: NaiveDateTime,
    /// Its own delay in working minutes (0: it only follows a predecessor that moved).
    #[ts(type = "number")]
    pub delay_minutes: Minute,
    pub delay_days: f64,
    pub reason: String,
}

/// An over-allocation levelling could not resolve, and why.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LevelConflict {
    pub resource: String,
    pub week: String,
    pub percent: f64,
    #[ts(type = "number[]")]
    pub item_ids: Vec<Id>,
    pub tasks: Vec<String>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LevellingPreview {
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    pub allow_finish_move: bool,
    pub changes: Vec<LevelChange>,
    pub conflicts: Vec<LevelConflict>,
    pub old_finish: NaiveDateTime,
    pub new_finish: NaiveDateTime,
    /// Working days the project finish moves (project calendar).
    pub finish_moved_days: f64,
    /// True when `levelling_apply` saved it.
    pub applied: bool,
}

fn priority_rank(p: &str) -> u8 {
    match p {
        "lowest" => 0,
        "low" => 1,
        "high" => 3,
        "highest" => 4,
        _ => 2,
    }
}

fn days(minutes: Minute) -> f64 {
    (minutes as f64 / SLICE as f64 * 10.0).round() / 10.0
}

fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

struct Proposal {
    preview: LevellingPreview,
    /// (item id, new delay) of every task whose stored delay changes.
    writes: Vec<(Id, Minute)>,
}

impl Workspace {
    fn levelling_proposal(&self, project_id: Id, allow_finish_move: bool) -> Result<Proposal> {
        let project = self.project(project_id)?;
        let outline = self.outline(project_id)?;
        let current = schedule::schedule(&outline.network)?;
        let stored: Vec<Minute> = outline.network.tasks.iter().map(|t| t.delay).collect();
        let mut net = outline.network.clone();
        for t in &mut net.tasks {
            t.delay = 0;
        }
        let base = schedule::schedule(&net)?;
        let n = net.tasks.len();

        let (_, calendar_index) = calendars::load(&self.conn)?;
        let (specs, index) = resource_specs(self, &calendar_index)?;
        let origin = base
            .tasks
            .iter()
            .map(|t| t.early_start)
            .min()
            .unwrap_or(net.start)
            .min(net.start);
        let cal = &net.calendars[net.calendar];
        let position = |d: chrono::NaiveDate| {
            let m = to_minute(d.and_hms_opt(0, 0, 0).unwrap_or_default());
            if m < origin {
                -cal.work_between(m, origin)
            } else {
                cal.work_between(origin, m)
            }
        };
        let resources: Vec<SliceCapacity> = specs
            .iter()
            .map(|s| SliceCapacity {
                name: s.name.clone(),
                units: match s.kind {
                    ResourceKind::Person => s.capacity_minutes_per_week / 2400.0,
                    ResourceKind::Equipment => s.quantity,
                },
                window: match (s.kind, s.available_from, s.available_to) {
                    (ResourceKind::Equipment, f, t) if f.is_some() || t.is_some() => Some((
                        f.map_or(Minute::MIN, position),
                        t.map_or(Minute::MAX, |t| position(t + chrono::Duration::days(1))),
                    )),
                    _ => None,
                },
            })
            .collect();
        let loads = project_loads(&self.conn, project_id)?;
        let uses: Vec<Vec<(usize, f64)>> = outline
            .item_ids
            .iter()
            .map(|id| {
                loads
                    .get(id)
                    .map(|l| l.iter().filter_map(|(r, u)| index.get(r).map(|&i| (i, *u))).collect())
                    .unwrap_or_default()
            })
            .collect();
        let priority: Vec<u8> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id, priority FROM work_items WHERE project_id = ?1")?;
            let rows: HashMap<Id, String> = stmt
                .query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            outline
                .item_ids
                .iter()
                .map(|id| rows.get(id).map_or(2, |p| priority_rank(p)))
                .collect()
        };
        let outcome = level(&LevelInput {
            network: &net,
            base: &base,
            priority: &priority,
            ids: &outline.item_ids,
            uses: &uses,
            resources: &resources,
            origin,
            allow_finish_move,
        });
        let mut outcome = outcome;
        for (t, d) in net.tasks.iter_mut().zip(&outcome.delays) {
            t.delay = *d;
        }
        let mut levelled = schedule::schedule(&net)?;
        // The pass moves successors by an estimate of the room on each link (in the project
        // calendar); the scheduler is the judge. A delayed task that now starts after its late
        // start (of the plan without levelling) would move the finish: its delay is cut back
        // by the excess and the clash reported. In CPM the first task of a path to go past
        // its late start is one with a delay of its own, so a few rounds settle it.
        let mut cut: HashMap<usize, Minute> = HashMap::new();
        for _ in 0..8 {
            if allow_finish_move || levelled.finish <= base.finish {
                break;
            }
            let mut changed = false;
            for i in 0..n {
                if outcome.delays[i] == 0 {
                    continue;
                }
                let task_cal = &net.calendars[net.tasks[i].calendar.unwrap_or(net.calendar)];
                let excess = task_cal.work_between(base.tasks[i].late_start, levelled.tasks[i].early_start);
                if excess > 0 {
                    let by = excess.min(outcome.delays[i]);
                    outcome.delays[i] -= by;
                    net.tasks[i].delay = outcome.delays[i];
                    *cut.entry(i).or_default() += by;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
            levelled = schedule::schedule(&net)?;
        }
        let mut cut: Vec<(usize, Minute)> = cut.into_iter().collect();
        cut.sort_unstable();
        for (i, by) in cut {
            let (resource, mut tasks) = outcome.reasons[i].clone().unwrap_or((0, Vec::new()));
            if outcome.delays[i] == 0 {
                outcome.reasons[i] = None;
            }
            if resources.is_empty() {
                continue;
            }
            tasks.push(i);
            outcome.conflicts.push(LevelConflictRaw {
                resource,
                slice_pos: es_position(&base, cal, origin, i),
                load: f64::NAN,
                tasks,
                task: i,
                beyond_float: Some(by),
            });
        }

        let name = |i: usize| format!("\"{}\"", net.tasks[i].name);
        let mut is_summary = vec![false; n];
        for t in &net.tasks {
            if let Some(p) = t.parent {
                is_summary[p] = true;
            }
        }
        let mut changes = Vec::new();
        for i in 0..n {
            let (old, new) = (&current.tasks[i], &levelled.tasks[i]);
            if old.early_start == new.early_start && outcome.delays[i] == stored[i] {
                continue;
            }
            if is_summary[i] {
                continue;
            }
            let reason = match &outcome.reasons[i] {
                Some((r, holders)) if !holders.is_empty() => format!(
                    "{} is busy with {} then",
                    resources[*r].name,
                    and_list(&holders.iter().map(|&h| name(h)).collect::<Vec<_>>())
                ),
                Some((r, _)) => format!("{} is not available then", resources[*r].name),
                None if outcome.delays[i] == 0 && stored[i] > 0 => {
                    "Its earlier levelling delay is no longer needed".into()
                }
                None => "Follows a task that levelling moved".into(),
            };
            changes.push(LevelChange {
                item_id: outline.item_ids[i],
                name: net.tasks[i].name.clone(),
                wbs: outline.wbs[i].clone(),
                old_start: from_minute(old.early_start),
                new_start: from_minute(new.early_start),
                new_finish: from_minute(new.early_finish),
                delay_minutes: outcome.delays[i],
                delay_days: days(outcome.delays[i]),
                reason,
            });
        }
        let conflicts = outcome
            .conflicts
            .iter()
            .map(|c| {
                let res = &resources[c.resource];
                let date = from_minute(cal.add(origin, c.slice_pos).max(origin)).date();
                let date = if cal.is_working_day(date) {
                    date
                } else {
                    from_minute(cal.next_start(to_minute(date.and_hms_opt(0, 0, 0).unwrap_or_default()))).date()
                };
                let week = iso_week(date);
                let percent = if c.load.is_finite() {
                    (c.load * 100.0).round()
                } else if c.load.is_nan() {
                    0.0
                } else {
                    999.0
                };
                let names: Vec<String> = c.tasks.iter().map(|&t| name(t)).collect();
                let load = if c.load.is_finite() {
                    format!("at {percent} %")
                } else if c.load.is_nan() {
                    "over-allocated".to_string()
                } else {
                    "not available".to_string()
                };
                let why = match c.beyond_float {
                    Some(m) => format!(
                        "delaying {} would move the finish by {} working day{}",
                        name(c.task),
                        days(m.max(1)),
                        if days(m.max(1)) == 1.0 { "" } else { "s" }
                    ),
                    None => format!("{} needs more than {} can give", name(c.task), res.name),
                };
                LevelConflict {
                    resource: res.name.clone(),
                    week: week.clone(),
                    percent,
                    item_ids: c.tasks.iter().map(|&t| outline.item_ids[t]).collect(),
                    tasks: c.tasks.iter().map(|&t| net.tasks[t].name.clone()).collect(),
                    message: format!(
                        "Could not resolve: {} is {load} in week {week} on {}; {why}.",
                        res.name,
                        and_list(&names)
                    ),
                }
            })
            .collect();
        let writes = (0..n)
            .filter(|&i| stored[i] != outcome.delays[i])
            .map(|i| (outline.item_ids[i], outcome.delays[i]))
            .collect();
        let moved = if levelled.finish >= current.finish {
            cal.work_between(current.finish, levelled.finish)
        } else {
            -cal.work_between(levelled.finish, current.finish)
        };
        Ok(Proposal {
            preview: LevellingPreview {
                project_id,
                project: project.name,
                allow_finish_move,
                changes,
                conflicts,
                old_finish: from_minute(current.finish),
                new_finish: from_minute(levelled.finish),
                finish_moved_days: days(moved),
                applied: false,
            },
            writes,
        })
    }

    /// A task's levelling delay in working minutes.
    pub fn levelling_delay(&self, item_id: Id) -> Result<Minute> {
        self.conn
            .query_row(
                "SELECT leveling_delay_minutes FROM work_items WHERE id = ?1",
                [item_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That task is no longer in this workspace.".into()))
    }

    /// What levelling would change, without saving anything.
    pub fn levelling_preview(&self, project_id: Id, allow_finish_move: bool) -> Result<LevellingPreview> {
        Ok(self.levelling_proposal(project_id, allow_finish_move)?.preview)
    }

    /// Levels the project and saves the delays as one step ("Undo levelling").
    pub fn levelling_apply(&mut self, project_id: Id, allow_finish_move: bool) -> Result<LevellingPreview> {
        let Proposal { mut preview, writes } = self.levelling_proposal(project_id, allow_finish_move)?;
        if !writes.is_empty() {
            let label = format!("Level resources in {}", preview.project);
            self.edit(|ctx| {
                for (id, delay) in &writes {
                    ctx.touch("work_items", *id)?;
                    ctx.tx.execute(
                        "UPDATE work_items SET leveling_delay_minutes = ?1 WHERE id = ?2",
                        (delay, id),
                    )?;
                }
                ctx.set_label(label);
                Ok(())
            })?;
        }
        preview.applied = true;
        Ok(preview)
    }

    /// Sets every levelling delay of the project back to zero, as one step. Returns how many
    /// tasks had one.
    pub fn levelling_clear(&mut self, project_id: Id) -> Result<usize> {
        let project = self.project(project_id)?;
        let ids: Vec<Id> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM work_items WHERE project_id = ?1 AND leveling_delay_minutes > 0 ORDER BY id",
            )?;
            let rows = stmt.query_map([project_id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if ids.is_empty() {
            return Ok(0);
        }
        self.edit(|ctx| {
            for id in &ids {
                ctx.touch("work_items", *id)?;
                ctx.tx
                    .execute("UPDATE work_items SET leveling_delay_minutes = 0 WHERE id = ?1", [id])?;
            }
            ctx.set_label(format!("Clear levelling in {}", project.name));
            Ok(())
        })?;
        Ok(ids.len())
    }
}
