//! The scheduling engine: the critical path method on working-time calendars.
//!
//! A [`Network`] holds tasks (leaves and summary tasks of a WBS outline), the dependencies
//! between them and the calendars they work on; [`schedule`] computes every task's early and
//! late dates, total and free float and whether it is critical. It knows nothing of storage:
//! the workspace and the Microsoft Project import both build a `Network` and read the result.
//!
//! Rules, as Microsoft Project applies them:
//! - Dates are moments in working time; a lag is working time on the successor's calendar, or a
//!   percentage of the predecessor's duration. A negative lag is a lead.
//! - The forward pass starts every task as soon as its links, its summary's links, the project
//!   start and its constraint allow; actual start and finish dates replace computed ones.
//! - When the project honours constraints (the default), "must start/finish on" and
//!   "start/finish no later than" win over links: a task is not moved past them, and the
//!   conflict shows as negative total float. Otherwise links win, and the conflict still shows.
//! - The backward pass starts from the project finish (the latest early finish).
//!   A milestone held by its successors sits at the end of the working time before them.
//! - Total float is late minus early finish in working time; a task is critical when its total
//!   float is zero or less and it is not finished. A summary task's float is the least of its
//!   tasks' (it is critical when one of them is). Free float is how far a task can slip before
//!   it delays any successor's early dates (or the project finish), never below zero.

pub mod calendar;
mod generated;

use std::collections::HashMap;

pub use calendar::{Calendar, Minute, Span};
pub use generated::generated_network;

use crate::{CoreError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkType {
    FinishToStart,
    StartToStart,
    FinishToFinish,
    StartToFinish,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lag {
    /// Working minutes on the successor's calendar; negative for a lead.
    Work(Minute),
    /// A percentage of the predecessor's duration; negative for a lead.
    PercentOfPredecessor(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    AsSoonAsPossible,
    StartNoEarlierThan(Minute),
    StartNoLaterThan(Minute),
    FinishNoEarlierThan(Minute),
    FinishNoLaterThan(Minute),
    MustStartOn(Minute),
    MustFinishOn(Minute),
}

#[derive(Debug, Clone)]
pub struct Task {
    pub name: String,
    /// The summary task this one sits under in the WBS outline.
    pub parent: Option<usize>,
    /// Working minutes; zero makes a milestone. Ignored for summary tasks (they roll up).
    pub duration: Minute,
    /// Index into [`Network::calendars`]; `None` works on the project calendar.
    pub calendar: Option<usize>,
    pub constraint: Constraint,
    pub actual_start: Option<Minute>,
    pub actual_finish: Option<Minute>,
    /// Levelling delay: working minutes on the task's calendar after the early start its
    /// links and constraint give it (Microsoft Project's leveling delay). Its successors follow.
    pub delay: Minute,
}

impl Task {
    pub fn new(name: &str, duration: Minute) -> Task {
        Task {
            name: name.to_string(),
            parent: None,
            duration,
            calendar: None,
            constraint: Constraint::AsSoonAsPossible,
            actual_start: None,
            actual_finish: None,
            delay: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub predecessor: usize,
    pub successor: usize,
    pub kind: LinkType,
    pub lag: Lag,
}

#[derive(Debug, Clone)]
pub struct Network {
    pub start: Minute,
    pub calendars: Vec<Calendar>,
    /// Index of the project calendar in `calendars`.
    pub calendar: usize,
    pub tasks: Vec<Task>,
    pub links: Vec<Link>,
    /// Constraint dates win over links (Microsoft Project's "tasks will always honor their
    /// constraint dates").
    pub honor_constraints: bool,
}

/// The computed dates of one task. Float is in working minutes of the task's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheduled {
    pub early_start: Minute,
    pub early_finish: Minute,
    pub late_start: Minute,
    pub late_finish: Minute,
    pub total_float: Minute,
    pub free_float: Minute,
    pub critical: bool,
}

/// Every task's dates (in the order of `Network::tasks`) and the project finish.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub tasks: Vec<Scheduled>,
    pub finish: Minute,
}

/// A node of the precedence graph. A summary task is two nodes: it is entered before its
/// children (links into it hold them back) and left after them (links out of it wait for
/// all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    Enter(usize),
    Leave(usize),
}

struct Graph {
    summary: Vec<bool>,
    children: Vec<Vec<usize>>,
    /// Links by successor and by predecessor (indices into `Network::links`).
    links_in: Vec<Vec<usize>>,
    links_out: Vec<Vec<usize>>,
    order: Vec<Node>,
}

impl Graph {
    fn build(net: &Network) -> Result<Graph> {
        let n = net.tasks.len();
        let mut children = vec![Vec::new(); n];
        for (i, task) in net.tasks.iter().enumerate() {
            if let Some(p) = task.parent {
                if p >= n || p == i {
                    return Err(CoreError::InvalidInput(format!(
                        "The task \"{}\" sits under a summary task that does not exist.",
                        task.name
                    )));
                }
                children[p].push(i);
            }
        }
        let summary: Vec<bool> = children.iter().map(|c| !c.is_empty()).collect();
        let mut links_in = vec![Vec::new(); n];
        let mut links_out = vec![Vec::new(); n];
        for (l, link) in net.links.iter().enumerate() {
            if link.predecessor >= n || link.successor >= n {
                return Err(CoreError::InvalidInput(
                    "A dependency names a task that does not exist.".into(),
                ));
            }
            if link.predecessor == link.successor {
                return Err(CoreError::InvalidInput(format!(
                    "The task \"{}\" cannot depend on itself.",
                    net.tasks[link.predecessor].name
                )));
            }
            links_in[link.successor].push(l);
            links_out[link.predecessor].push(l);
        }
        let mut graph = Graph {
            summary,
            children,
            links_in,
            links_out,
            order: Vec::new(),
        };
        graph.order = graph.topological_order(net)?;
        Ok(graph)
    }

    fn index(&self, node: Node) -> usize {
        match node {
            Node::Enter(i) => 2 * i,
            Node::Leave(i) => 2 * i + 1,
        }
    }

    fn enter(&self, task: usize) -> Node {
        Node::Enter(task)
    }

    /// Leaves are one node; a summary is left after its children.
    fn leave(&self, task: usize) -> Node {
        if self.summary[task] {
            Node::Leave(task)
        } else {
            Node::Enter(task)
        }
    }

    /// The nodes that must come after `node`.
    fn next(&self, net: &Network, node: Node, out: &mut Vec<Node>) {
        out.clear();
        match node {
            Node::Enter(i) if self.summary[i] => out.extend(self.children[i].iter().map(|&c| self.enter(c))),
            Node::Enter(i) | Node::Leave(i) => {
                for &l in &self.links_out[i] {
                    out.push(self.enter(net.links[l].successor));
                }
                if let Some(p) = net.tasks[i].parent {
                    out.push(self.leave(p));
                }
            }
        }
    }

    fn nodes(&self) -> impl Iterator<Item = Node> + '_ {
        (0..self.summary.len()).flat_map(move |i| {
            let leave = self.summary[i].then_some(Node::Leave(i));
            std::iter::once(Node::Enter(i)).chain(leave)
        })
    }

    fn topological_order(&self, net: &Network) -> Result<Vec<Node>> {
        let mut indegree = vec![0u32; 2 * net.tasks.len()];
        let mut next = Vec::new();
        for node in self.nodes() {
            self.next(net, node, &mut next);
            for &m in &next {
                indegree[self.index(m)] += 1;
            }
        }
        let mut ready: Vec<Node> = self.nodes().filter(|&m| indegree[self.index(m)] == 0).collect();
        ready.reverse();
        let mut order = Vec::with_capacity(ready.len());
        while let Some(node) = ready.pop() {
            order.push(node);
            self.next(net, node, &mut next);
            for &m in &next {
                let d = &mut indegree[self.index(m)];
                *d -= 1;
                if *d == 0 {
                    ready.push(m);
                }
            }
        }
        let total = self.nodes().count();
        if order.len() < total {
            return Err(self.cycle_error(net, &indegree));
        }
        Ok(order)
    }

    /// Names the tasks of one loop among the nodes the ordering could not place.
    fn cycle_error(&self, net: &Network, indegree: &[u32]) -> CoreError {
        let stuck = |node: Node| indegree[self.index(node)] > 0;
        // Every stuck node waits for at least one stuck node before it, so walking backwards
        // through stuck predecessors must come round to a node already seen: that is a loop.
        // (Walking forwards could end in a node that merely waits for the loop.)
        let mut before: HashMap<usize, Node> = HashMap::new();
        let mut next = Vec::new();
        for node in self.nodes().filter(|&m| stuck(m)) {
            self.next(net, node, &mut next);
            for &m in next.iter().filter(|&&m| stuck(m)) {
                before.entry(self.index(m)).or_insert(node);
            }
        }
        let mut node = self.nodes().find(|&m| stuck(m)).expect("a node is stuck");
        let mut seen = HashMap::new();
        let mut path = Vec::new();
        while !seen.contains_key(&self.index(node)) {
            seen.insert(self.index(node), path.len());
            path.push(node);
            match before.get(&self.index(node)) {
                Some(&m) => node = m,
                None => break,
            }
        }
        let mut path: Vec<Node> = path.split_off(seen.get(&self.index(node)).copied().unwrap_or(0));
        path.reverse();
        let mut names: Vec<&str> = Vec::new();
        for m in &path {
            let (Node::Enter(i) | Node::Leave(i)) = *m;
            let name = net.tasks[i].name.as_str();
            if names.last() != Some(&name) {
                names.push(name);
            }
        }
        if let Some(first) = names.first().copied() {
            if names.len() > 1 {
                names.push(first);
            }
        }
        CoreError::InvalidInput(format!(
            "These tasks depend on each other in a loop, so none of them can be scheduled: {}. Remove one of these dependencies (a summary task counts as depending on its own tasks).",
            names.join(" → ")
        ))
    }
}

/// Early dates of a task, and for a summary the bounds its links put on its children.
#[derive(Clone, Copy)]
struct Dates {
    start: Minute,
    finish: Minute,
}

pub fn schedule(net: &Network) -> Result<Schedule> {
    if net.calendar >= net.calendars.len() {
        return Err(CoreError::InvalidInput("The project has no calendar.".into()));
    }
    for task in &net.tasks {
        if task.duration < 0 {
            return Err(CoreError::InvalidInput(format!(
                "The task \"{}\" has a negative duration.",
                task.name
            )));
        }
        if task.calendar.is_some_and(|c| c >= net.calendars.len()) {
            return Err(CoreError::InvalidInput(format!(
                "The task \"{}\" uses a calendar that does not exist.",
                task.name
            )));
        }
    }
    let graph = Graph::build(net)?;
    let engine = Engine { net, graph: &graph };
    let early = engine.forward();
    let finish = (0..net.tasks.len())
        .filter(|&i| !graph.summary[i])
        .map(|i| early[i].finish)
        .max()
        .unwrap_or(net.start);
    let late = engine.backward(&early, finish);
    let mut tasks: Vec<Scheduled> = (0..net.tasks.len())
        .map(|i| engine.result(i, &early, &late, finish))
        .collect();
    // A summary is as critical as its most critical task: its float is the least of theirs.
    // Leaving order visits every summary after all of its tasks.
    for node in &graph.order {
        if let Node::Leave(s) = *node {
            let least = graph.children[s]
                .iter()
                .map(|&c| tasks[c].total_float)
                .min()
                .unwrap_or(0);
            tasks[s].total_float = least;
            tasks[s].free_float = tasks[s].free_float.min(least.max(0));
            tasks[s].critical = least <= 0;
        }
    }
    Ok(Schedule { tasks, finish })
}

struct Engine<'a> {
    net: &'a Network,
    graph: &'a Graph,
}

impl Engine<'_> {
    fn calendar(&self, task: usize) -> &Calendar {
        let t = &self.net.tasks[task];
        &self.net.calendars[t.calendar.unwrap_or(self.net.calendar)]
    }

    fn duration(&self, task: usize, dates: &[Dates]) -> Minute {
        if self.graph.summary[task] {
            self.calendar(task).work_between(dates[task].start, dates[task].finish)
        } else {
            self.net.tasks[task].duration
        }
    }

    fn lag(&self, link: &Link, dates: &[Dates]) -> Minute {
        match link.lag {
            Lag::Work(m) => m,
            Lag::PercentOfPredecessor(p) => {
                (self.duration(link.predecessor, dates) as f64 * p / 100.0).round() as Minute
            }
        }
    }

    /// Where a start may sit: a milestone stays at the end of a working span (its
    /// predecessor's finish), other tasks begin at the next working moment.
    fn place_start(cal: &Calendar, t: Minute, milestone: bool) -> Minute {
        if milestone && cal.prev_end(t) == t {
            t
        } else {
            cal.next_start(t)
        }
    }

    fn place_finish(cal: &Calendar, t: Minute, milestone: bool) -> Minute {
        if milestone && cal.next_start(t) == t {
            t
        } else {
            cal.prev_end(t)
        }
    }

    fn forward(&self) -> Vec<Dates> {
        let net = self.net;
        let unset = Dates {
            start: Minute::MIN,
            finish: Minute::MIN,
        };
        let mut early = vec![unset; net.tasks.len()];
        // For summaries: the earliest their children may start, from the summary's own links.
        let mut summary_bound = vec![net.start; net.tasks.len()];
        for &node in &self.graph.order {
            match node {
                Node::Leave(s) => {
                    let kids = &self.graph.children[s];
                    early[s] = Dates {
                        start: kids.iter().map(|&c| early[c].start).min().unwrap_or(net.start),
                        finish: kids.iter().map(|&c| early[c].finish).max().unwrap_or(net.start),
                    };
                }
                Node::Enter(i) => {
                    let cal = self.calendar(i);
                    let task = &net.tasks[i];
                    let mut start_bound = task.parent.map_or(net.start, |p| summary_bound[p]);
                    let mut finish_bound = Minute::MIN;
                    for &l in &self.graph.links_in[i] {
                        let link = &net.links[l];
                        let pred = early[link.predecessor];
                        let lag = self.lag(link, &early);
                        match link.kind {
                            LinkType::FinishToStart => start_bound = start_bound.max(cal.add(pred.finish, lag)),
                            LinkType::StartToStart => start_bound = start_bound.max(cal.add(pred.start, lag)),
                            LinkType::FinishToFinish => finish_bound = finish_bound.max(cal.add(pred.finish, lag)),
                            LinkType::StartToFinish => finish_bound = finish_bound.max(cal.add(pred.start, lag)),
                        }
                    }
                    if self.graph.summary[i] {
                        if let Constraint::StartNoEarlierThan(d) = task.constraint {
                            start_bound = start_bound.max(d);
                        }
                        summary_bound[i] = start_bound;
                        continue;
                    }
                    early[i] = self.early_dates(i, start_bound, finish_bound);
                }
            }
        }
        early
    }

    fn early_dates(&self, i: usize, mut start_bound: Minute, mut finish_bound: Minute) -> Dates {
        let task = &self.net.tasks[i];
        let cal = self.calendar(i);
        let dur = task.duration;
        let milestone = dur == 0;
        let from_start = |s: Minute| {
            let start = Self::place_start(cal, s, milestone);
            Dates {
                start,
                finish: cal.add(start, dur),
            }
        };
        let from_finish = |f: Minute| {
            let finish = Self::place_finish(cal, f, milestone);
            Dates {
                start: cal.add(finish, -dur),
                finish,
            }
        };
        if let Some(actual) = task.actual_start {
            let finish = task.actual_finish.unwrap_or_else(|| cal.add(actual, dur));
            return Dates { start: actual, finish };
        }
        if let Some(actual) = task.actual_finish {
            return Dates {
                start: cal.add(actual, -dur),
                finish: actual,
            };
        }
        let honor = self.net.honor_constraints;
        match task.constraint {
            Constraint::MustStartOn(d) if honor => return from_start(d),
            Constraint::MustFinishOn(d) if honor => return from_finish(d),
            Constraint::StartNoEarlierThan(d) | Constraint::MustStartOn(d) => start_bound = start_bound.max(d),
            Constraint::FinishNoEarlierThan(d) | Constraint::MustFinishOn(d) => finish_bound = finish_bound.max(d),
            _ => {}
        }
        let mut dates = from_start(start_bound);
        if finish_bound > dates.finish {
            dates = from_finish(finish_bound);
        }
        let dates = match task.constraint {
            Constraint::StartNoLaterThan(d) if honor && dates.start > d => from_start(d),
            Constraint::FinishNoLaterThan(d) if honor && dates.finish > d => from_finish(d),
            _ => dates,
        };
        // Levelling moves the task by working time after the start everything else gives it;
        // the backward pass does not see the delay, so it shows as less float.
        if task.delay > 0 {
            from_start(cal.add(dates.start, task.delay))
        } else {
            dates
        }
    }

    fn backward(&self, early: &[Dates], project_finish: Minute) -> Vec<Dates> {
        let net = self.net;
        let unset = Dates {
            start: Minute::MAX,
            finish: Minute::MAX,
        };
        let mut late = vec![unset; net.tasks.len()];
        // For summaries: the latest their children may start and finish, from the summary's links.
        let mut summary_bound = vec![unset; net.tasks.len()];
        for &node in self.graph.order.iter().rev() {
            match node {
                Node::Enter(s) if self.graph.summary[s] => {
                    let kids = &self.graph.children[s];
                    late[s] = Dates {
                        start: kids.iter().map(|&c| late[c].start).min().unwrap_or(project_finish),
                        finish: kids.iter().map(|&c| late[c].finish).max().unwrap_or(project_finish),
                    };
                }
                Node::Enter(i) | Node::Leave(i) => {
                    let task = &net.tasks[i];
                    let parent = task.parent.map(|p| summary_bound[p]);
                    let mut finish_bound = parent.map_or(Minute::MAX, |b| b.finish);
                    let mut start_bound = parent.map_or(Minute::MAX, |b| b.start);
                    for &l in &self.graph.links_out[i] {
                        let link = &net.links[l];
                        let succ = late[link.successor];
                        let cal = self.calendar(link.successor);
                        let lag = self.lag(link, early);
                        match link.kind {
                            LinkType::FinishToStart => finish_bound = finish_bound.min(cal.add(succ.start, -lag)),
                            LinkType::StartToStart => start_bound = start_bound.min(cal.add(succ.start, -lag)),
                            LinkType::FinishToFinish => finish_bound = finish_bound.min(cal.add(succ.finish, -lag)),
                            LinkType::StartToFinish => start_bound = start_bound.min(cal.add(succ.finish, -lag)),
                        }
                    }
                    if !self.graph.summary[i] && task.duration == 0 {
                        // Microsoft Project puts a milestone held by its successors at the end of
                        // the working time before them (Friday 17:00, not Monday 08:00).
                        let cal = self.calendar(i);
                        let before = |t: Minute| if t == Minute::MAX { t } else { cal.prev_end(t) };
                        finish_bound = before(finish_bound);
                        start_bound = before(start_bound);
                    }
                    // The project finish itself is kept as it is (Microsoft Project does too).
                    finish_bound = finish_bound.min(project_finish);
                    match task.constraint {
                        Constraint::StartNoLaterThan(d) | Constraint::MustStartOn(d) => {
                            start_bound = start_bound.min(d)
                        }
                        Constraint::FinishNoLaterThan(d) | Constraint::MustFinishOn(d) => {
                            finish_bound = finish_bound.min(d)
                        }
                        _ => {}
                    }
                    if self.graph.summary[i] {
                        summary_bound[i] = Dates {
                            start: start_bound,
                            finish: finish_bound,
                        };
                    } else if task.actual_finish.is_some() {
                        late[i] = early[i];
                    } else {
                        let mut dates = self.late_dates(i, start_bound, finish_bound);
                        // A milestone without float keeps its early moment: the evening before a
                        // Monday 08:00 start is the same moment of work, but it would read as a
                        // date before the project starts.
                        let same_work = |a, b| self.calendar(i).work_between(a, b) == 0;
                        if task.duration == 0 && dates.start < early[i].start && same_work(dates.start, early[i].start)
                        {
                            dates = early[i];
                        }
                        late[i] = dates;
                    }
                }
            }
        }
        late
    }

    fn late_dates(&self, i: usize, start_bound: Minute, finish_bound: Minute) -> Dates {
        let cal = self.calendar(i);
        let dur = self.net.tasks[i].duration;
        let milestone = dur == 0;
        let finish = Self::place_finish(cal, finish_bound, milestone);
        let mut dates = Dates {
            start: cal.add(finish, -dur),
            finish,
        };
        if start_bound < dates.start {
            let start = Self::place_start(cal, start_bound, milestone);
            // A start bound at the end of a day lands on the next morning: the same moment in
            // working time, so compare in work, not on the clock.
            if cal.work_between(start, dates.start) > 0 {
                dates = Dates {
                    start,
                    finish: cal.add(start, dur),
                };
            }
        }
        dates
    }

    fn result(&self, i: usize, early: &[Dates], late: &[Dates], project_finish: Minute) -> Scheduled {
        let net = self.net;
        let cal = self.calendar(i);
        let (e, l) = (early[i], late[i]);
        let total_float = cal
            .work_between(e.finish, l.finish)
            .min(cal.work_between(e.start, l.start));
        let finished = net.tasks[i].actual_finish.is_some();
        // Free float: how far this task slips before it moves a successor's early dates.
        let mut free = if self.graph.links_out[i].is_empty() && net.tasks[i].parent.is_none() {
            cal.work_between(e.finish, project_finish)
        } else if self.graph.links_out[i].is_empty() {
            total_float
        } else {
            Minute::MAX
        };
        for &k in &self.graph.links_out[i] {
            let link = &net.links[k];
            let succ = early[link.successor];
            let succ_cal = self.calendar(link.successor);
            let lag = self.lag(link, early);
            let room = match link.kind {
                LinkType::FinishToStart => cal.work_between(e.finish, succ_cal.add(succ.start, -lag)),
                LinkType::StartToStart => cal.work_between(e.start, succ_cal.add(succ.start, -lag)),
                LinkType::FinishToFinish => cal.work_between(e.finish, succ_cal.add(succ.finish, -lag)),
                LinkType::StartToFinish => cal.work_between(e.start, succ_cal.add(succ.finish, -lag)),
            };
            free = free.min(room);
        }
        let total_float = if finished { 0 } else { total_float };
        Scheduled {
            early_start: e.start,
            early_finish: e.finish,
            late_start: l.start,
            late_finish: l.finish,
            total_float,
            free_float: free.min(total_float.max(0)).max(0),
            critical: !finished && total_float <= 0,
        }
    }
}

#[cfg(test)]
mod tests;
