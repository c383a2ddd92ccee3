//! The crash harness's child process (see tests/workspace/crash.rs and docs/robustness.md).
//!
//! `crash_child edit FILE SEED` makes random edits of every kind on the harness project until
//! it is killed, printing `DO n op expected-change` before each edit and `ACK n actual-change`
//! once it has committed, so the parent knows what must have survived the kill.
//! `crash_child hold FILE` opens FILE for editing and holds it until its input closes.
//! `crash_child fill FILE COPY` edits until the disk (a file-size limit) refuses, then tries
//! to save a copy; it prints what each step said.

use std::io::{BufRead, Write};
use std::path::Path;

use bridgeplan_core::budget::CostCategory;
use bridgeplan_core::meetings::{MeetingInput, MeetingKind};
use bridgeplan_core::plan::timeline::DependencyKind;
use bridgeplan_core::raid::RiskInput;
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::{CoreError, Workspace};
use rusqlite::{Connection, OpenFlags};

mod model;
use model::{Change, Model, Rng};

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.get(1).map(String::as_str) {
        Some("edit") if args.len() == 4 => edit(Path::new(&args[2]), args[3].parse().unwrap_or(1)),
        Some("hold") if args.len() == 3 => hold(Path::new(&args[2])),
        Some("fill") if args.len() == 4 => fill(Path::new(&args[2]), Path::new(&args[3])),
        _ => Err("usage: crash_child edit FILE SEED | hold FILE | fill FILE COPY".into()),
    };
    if let Err(message) = result {
        say(&format!("FAIL {message}"));
        std::process::exit(2);
    }
}

fn hold(path: &Path) -> Result<(), String> {
    let ws = Workspace::open(path).map_err(|e| e.to_string())?;
    say(&format!(
        "HELD {}",
        if ws.is_read_only() { "read-only" } else { "writable" }
    ));
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    ws.close().map_err(|e| e.to_string())
}

fn fill(path: &Path, copy: &Path) -> Result<(), String> {
    let mut ws = match Workspace::open(path) {
        Ok(ws) => ws,
        Err(e) => {
            say(&format!("OPEN {:?} {e}", e.code()));
            return Ok(());
        }
    };
    say("OPEN ok");
    let project = harness_project(&ws)?;
    let text = "x".repeat(4000);
    for n in 0..10_000 {
        let input = WorkItemInput {
            title: format!("Fill {n}"),
            description: text.clone(),
            ..Default::default()
        };
        match ws.create_item(project, None, &input) {
            Ok(item) => say(&format!("ACK {n} {}", item.id)),
            Err(e) => {
                say(&format!("EDIT {:?} {e}", e.code()));
                break;
            }
        }
    }
    match ws.save_copy(copy) {
        Ok(()) => say("COPY ok"),
        Err(e) => say(&format!("COPY {:?} {e}", e.code())),
    }
    let _ = ws.close();
    Ok(())
}

fn harness_project(ws: &Workspace) -> Result<i64, String> {
    ws.projects()
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|p| p.name == model::PROJECT)
        .map(|p| p.id)
        .ok_or_else(|| "the harness project is missing".to_string())
}

/// One edit, run on the workspace once its expected change is said.
type EditFn = Box<dyn FnOnce(&mut Workspace) -> Result<(), CoreError>>;

struct Child {
    ws: Workspace,
    reader: Connection,
    project: i64,
    statuses: Vec<i64>,
    model: Model,
    /// Mirrors the workspace's undo and redo stacks: the model before each edit and its change.
    undo: Vec<(Model, Change)>,
    redo: Vec<(Model, Change)>,
    counter: u64,
}

/// The number in a title such as `T12` or `T12-r3`.
fn number(title: &str) -> u64 {
    title[1..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

fn value_title(value: &str) -> &str {
    value.split('|').next().unwrap_or("")
}

fn ids(model: &Model, kind: &str) -> Vec<i64> {
    let prefix = format!("{kind}:");
    model
        .keys()
        .filter_map(|k| k.strip_prefix(&prefix).and_then(|id| id.parse().ok()))
        .collect()
}

fn edit(path: &Path, seed: u64) -> Result<(), String> {
    let ws = Workspace::open(path).map_err(|e| e.to_string())?;
    if ws.is_read_only() {
        return Err(format!("opened read-only: {:?}", ws.info().read_only));
    }
    let reader = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| e.to_string())?;
    let project = harness_project(&ws)?;
    let statuses = ws
        .statuses(project)
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let model = model::read(&reader, project).map_err(|e| e.to_string())?;
    let counter = model.values().map(|v| number(value_title(v))).max().unwrap_or(0) + 1;
    let mut child = Child {
        ws,
        reader,
        project,
        statuses,
        model,
        undo: Vec::new(),
        redo: Vec::new(),
        counter,
    };
    let mut rng = Rng(seed);
    say("READY");
    for n in 0..1_000_000u64 {
        child.step(n, &mut rng)?;
    }
    Ok(())
}

impl Child {
    fn fresh(&mut self, letter: char) -> String {
        self.counter += 1;
        format!("{letter}{}", self.counter)
    }

    fn item_value(&self, id: i64) -> Option<&String> {
        self.model.get(&format!("item:{id}"))
    }

    fn step(&mut self, n: u64, rng: &mut Rng) -> Result<(), String> {
        let items = ids(&self.model, "item");
        let many = items.len() > 120;
        let weights: [(u64, &str); 15] = [
            (if many { 4 } else { 20 }, "create-item"),
            (8, "rename-item"),
            (12, "move-item"),
            (if many { 20 } else { 5 }, "delete-item"),
            (12, "add-dependency"),
            (6, "add-risk"),
            (4, "update-risk"),
            (3, "delete-risk"),
            (5, "add-meeting"),
            (2, "delete-meeting"),
            (5, "add-cost"),
            (2, "delete-cost"),
            (10, "undo"),
            (14, "redo"),
            (1, "delete-dependency"),
        ];
        let total: u64 = weights.iter().map(|(w, _)| w).sum();
        let mut pick = rng.below(total);
        let mut op = "create-item";
        for (w, name) in weights {
            if pick < w {
                op = name;
                break;
            }
            pick -= w;
        }
        let pick_of = |rng: &mut Rng, list: &[i64]| list[rng.below(list.len() as u64) as usize];
        let before = self.model.clone();
        // What the edit is expected to change, then the edit itself.
        let (expected, run): (Change, EditFn) = match op {
            "rename-item" | "move-item" | "delete-item" if items.is_empty() => return Ok(()),
            "create-item" => {
                let title = self.fresh('T');
                let status = pick_of(rng, &self.statuses);
                let project = self.project;
                (
                    vec![("item:?".into(), Some(format!("{title}|{status}")))],
                    Box::new(move |ws| {
                        let input = WorkItemInput {
                            title,
                            ..Default::default()
                        };
                        ws.create_item(project, Some(status), &input).map(|_| ())
                    }),
                )
            }
            "rename-item" => {
                let id = pick_of(rng, &items);
                let value = self.item_value(id).cloned().unwrap_or_default();
                let (old, status) = value.split_once('|').unwrap_or(("", ""));
                self.counter += 1;
                let title = format!("T{}-r{}", number(old), self.counter);
                (
                    vec![(format!("item:{id}"), Some(format!("{title}|{status}")))],
                    Box::new(move |ws| {
                        let input = WorkItemInput {
                            title,
                            ..Default::default()
                        };
                        ws.update_item(id, &input).map(|_| ())
                    }),
                )
            }
            "move-item" => {
                let id = pick_of(rng, &items);
                let value = self.item_value(id).cloned().unwrap_or_default();
                let (title, status) = value.split_once('|').unwrap_or(("", ""));
                let others: Vec<i64> = self
                    .statuses
                    .iter()
                    .copied()
                    .filter(|s| s.to_string() != status)
                    .collect();
                if others.is_empty() {
                    return Ok(());
                }
                let to = pick_of(rng, &others);
                (
                    vec![(format!("item:{id}"), Some(format!("{title}|{to}")))],
                    Box::new(move |ws| ws.move_item(id, to, 0).map(|_| ())),
                )
            }
            "delete-item" => {
                let id = pick_of(rng, &items);
                let mut expected: Change = vec![(format!("item:{id}"), None)];
                for (key, value) in &self.model {
                    if let Some(rest) = key.strip_prefix("dep:") {
                        if rest.split(':').any(|part| part == id.to_string()) {
                            expected.push((key.clone(), None));
                        }
                    }
                    if let Some((amount, item)) = key.strip_prefix("cost:").and(value.split_once('|')) {
                        if item == id.to_string() {
                            expected.push((key.clone(), Some(format!("{amount}|"))));
                        }
                    }
                }
                expected.sort();
                (expected, Box::new(move |ws| ws.delete_item(id)))
            }
            "add-dependency" => {
                if items.len() < 2 {
                    return Ok(());
                }
                let a = pick_of(rng, &items);
                let b = pick_of(rng, &items);
                let num = |id: i64| number(value_title(self.item_value(id).map(String::as_str).unwrap_or("T0")));
                // Links only from a lower number to a higher one: never a loop.
                let (pred, succ) = if num(a) < num(b) { (a, b) } else { (b, a) };
                let key = format!("dep:{pred}:{succ}");
                if num(a) == num(b) || self.model.contains_key(&key) {
                    return Ok(());
                }
                (
                    vec![(key, Some("fs".into()))],
                    Box::new(move |ws| ws.add_dependency(pred, succ, DependencyKind::Fs, 0).map(|_| ())),
                )
            }
            "delete-dependency" => {
                let deps: Vec<String> = self.model.keys().filter(|k| k.starts_with("dep:")).cloned().collect();
                if deps.is_empty() {
                    return Ok(());
                }
                let key = deps[rng.below(deps.len() as u64) as usize].clone();
                let id: i64 = self
                    .reader
                    .query_row(
                        "SELECT id FROM dependencies WHERE predecessor_id || ':' || successor_id = ?1",
                        [key.trim_start_matches("dep:")],
                        |r| r.get(0),
                    )
                    .map_err(|e| e.to_string())?;
                (vec![(key, None)], Box::new(move |ws| ws.remove_dependency(id)))
            }
            "add-risk" => {
                let title = self.fresh('R');
                let probability = 1 + rng.below(5) as i64;
                let project = self.project;
                (
                    vec![("risk:?".into(), Some(format!("{title}|{probability}")))],
                    Box::new(move |ws| {
                        let input = RiskInput {
                            title,
                            probability,
                            ..Default::default()
                        };
                        ws.add_risk(project, &input).map(|_| ())
                    }),
                )
            }
            "update-risk" | "delete-risk" => {
                let risks = ids(&self.model, "risk");
                if risks.is_empty() {
                    return Ok(());
                }
                let id = pick_of(rng, &risks);
                if op == "delete-risk" {
                    (
                        vec![(format!("risk:{id}"), None)],
                        Box::new(move |ws| ws.delete_risk(id).map(|_| ())),
                    )
                } else {
                    let value = self.model[&format!("risk:{id}")].clone();
                    let (title, old) = value.split_once('|').unwrap_or(("", "1"));
                    let old: i64 = old.parse().unwrap_or(1);
                    let probability = 1 + (old + rng.below(4) as i64) % 5;
                    let title = title.to_string();
                    (
                        vec![(format!("risk:{id}"), Some(format!("{title}|{probability}")))],
                        Box::new(move |ws| {
                            let input = RiskInput {
                                title,
                                probability,
                                ..Default::default()
                            };
                            ws.update_risk(id, &input).map(|_| ())
                        }),
                    )
                }
            }
            "add-meeting" => {
                let title = self.fresh('M');
                let project = self.project;
                let day = bridgeplan_core::clock::today().to_string();
                (
                    vec![("meeting:?".into(), Some(title.clone()))],
                    Box::new(move |ws| {
                        let input = MeetingInput {
                            kind: MeetingKind::Status,
                            title,
                            day,
                            start_time: Some("09:30".into()),
                            duration_minutes: 30,
                            location: String::new(),
                            agenda: String::new(),
                            notes: String::new(),
                            attendees: Vec::new(),
                            decisions: Vec::new(),
                            actions: Vec::new(),
                        };
                        ws.create_meeting(project, &input).map(|_| ())
                    }),
                )
            }
            "delete-meeting" => {
                let meetings = ids(&self.model, "meeting");
                if meetings.is_empty() {
                    return Ok(());
                }
                let id = pick_of(rng, &meetings);
                (
                    vec![(format!("meeting:{id}"), None)],
                    Box::new(move |ws| ws.delete_meeting(id)),
                )
            }
            "add-cost" => {
                let amount = 100 * (1 + rng.below(5000) as i64);
                let item = if items.is_empty() || rng.below(2) == 0 {
                    None
                } else {
                    Some(pick_of(rng, &items))
                };
                let project = self.project;
                let day = bridgeplan_core::clock::today().to_string();
                let shown = item.map(|i| i.to_string()).unwrap_or_default();
                (
                    vec![("cost:?".into(), Some(format!("{amount}|{shown}")))],
                    Box::new(move |ws| {
                        let input = bridgeplan_core::budget::CostEntryInput {
                            category: CostCategory::Services,
                            day,
                            amount_minor: amount,
                            description: String::new(),
                            item_id: item,
                        };
                        ws.add_cost_entry(project, &input).map(|_| ())
                    }),
                )
            }
            "delete-cost" => {
                let costs = ids(&self.model, "cost");
                if costs.is_empty() {
                    return Ok(());
                }
                let id = pick_of(rng, &costs);
                (
                    vec![(format!("cost:{id}"), None)],
                    Box::new(move |ws| ws.delete_cost_entry(id)),
                )
            }
            "undo" => {
                let Some((was, change)) = self.undo.last() else {
                    return Ok(());
                };
                (model::inverse(was, change), Box::new(|ws| ws.undo().map(|_| ())))
            }
            _ => {
                let Some((_, change)) = self.redo.last() else {
                    return Ok(());
                };
                (change.clone(), Box::new(|ws| ws.redo().map(|_| ())))
            }
        };
        say(&format!("DO {n} {op} {}", model::encode(&expected)));
        let outcome = run(&mut self.ws);
        let after = model::read(&self.reader, self.project).map_err(|e| e.to_string())?;
        let actual = model::diff(&before, &after);
        if let Err(e) = outcome {
            if actual.is_empty() {
                say(&format!("REFUSED {n} {e}"));
                return Ok(());
            }
            return Err(format!("{op} failed ({e}) but changed {}", model::encode(&actual)));
        }
        if !model::matches(&before, &expected, &actual) {
            say(&format!(
                "MISMATCH {n} {op} expected {} actual {}",
                model::encode(&expected),
                model::encode(&actual)
            ));
            std::process::exit(3);
        }
        match op {
            "undo" => {
                if let Some(entry) = self.undo.pop() {
                    self.redo.push(entry);
                }
            }
            "redo" => {
                if let Some(entry) = self.redo.pop() {
                    self.undo.push(entry);
                }
            }
            _ => {
                self.redo.clear();
                self.undo.push((before, actual.clone()));
            }
        }
        self.model = after;
        say(&format!("ACK {n} {}", model::encode(&actual)));
        Ok(())
    }
}
