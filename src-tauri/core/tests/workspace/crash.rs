//! The crash harness: a child process makes random edits of every kind and is killed with
//! SIGKILL at random moments; after each kill the file must pass SQLite's integrity check,
//! hold every edit the child acknowledged, and undo must work on it. `make test` runs 20
//! kills; `make crash` runs 1,000 (`CRASH_KILLS`), and `CRASH_SEED` replays a run.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::workspace::check::check_file;
use bridgeplan_core::{clock, Workspace};
use rusqlite::{Connection, OpenFlags};

#[path = "crash_child/model.rs"]
pub mod model;
use model::{Model, Rng};

/// The child program; `CRASH_CHILD` names another copy of it (a long `make crash` run can
/// use a copy, so a rebuild meanwhile does not swap it under the harness).
pub fn child_program() -> String {
    std::env::var("CRASH_CHILD").unwrap_or_else(|_| env!("CARGO_BIN_EXE_crash_child").to_string())
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// The names in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn read_model(path: &Path, project: i64) -> Model {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("reader");
    model::read(&conn, project).expect("read the model")
}

/// One child run's lines, parsed.
#[derive(Default)]
struct Run {
    acknowledged: Vec<model::Change>,
    /// The kind of each acknowledged edit.
    kinds: Vec<String>,
    /// The edit under way when the child died: its number, kind and expected change.
    in_flight: Option<(u64, String, model::Change)>,
    problems: Vec<String>,
    ready: bool,
}

fn parse(lines: &[String]) -> Run {
    let mut run = Run::default();
    for line in lines {
        let mut parts = line.splitn(4, ' ');
        match parts.next() {
            Some("READY") => run.ready = true,
            Some("DO") => {
                let n = parts.next().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX);
                let op = parts.next().unwrap_or("").to_string();
                run.in_flight = Some((n, op, model::decode(parts.next().unwrap_or("none"))));
            }
            Some("ACK") => {
                let n: u64 = parts.next().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX);
                if run.in_flight.as_ref().map(|f| f.0) != Some(n) {
                    run.problems
                        .push(format!("acknowledgement {n} without its start: {line}"));
                }
                run.kinds
                    .push(run.in_flight.as_ref().map(|f| f.1.clone()).unwrap_or_default());
                let rest: Vec<&str> = parts.collect();
                run.acknowledged.push(model::decode(&rest.join(" ")));
                run.in_flight = None;
            }
            Some("REFUSED") => run.in_flight = None,
            // A line cut off by the kill has no newline and may be partial: only whole ones count.
            Some(_) | None => run.problems.push(format!("child said: {line}")),
        }
    }
    run
}

#[test]
fn every_acknowledged_edit_survives_a_sigkill_the_file_stays_intact_and_undo_works() {
    clock::fix_for_tests();
    let kills = env_number("CRASH_KILLS").unwrap_or(20);
    let seed = env_number("CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    });
    println!("crash harness: {kills} kills, seed {seed} (CRASH_SEED={seed} replays the edits and delays)");
    let started = Instant::now();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.bridgeplan");
    let mut ws = Workspace::create(&path, Some("Crash")).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: model::PROJECT.into(),
            methodology: Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    ws.close().unwrap();

    let mut rng = Rng(seed);
    let mut by_kind = std::collections::BTreeMap::new();
    let mut expected = read_model(&path, project);
    let (mut acknowledged, mut in_flight_committed, mut in_flight_lost, mut undos, mut failures) =
        (0usize, 0usize, 0usize, 0usize, Vec::<String>::new());
    for kill in 0..kills {
        let child_seed = rng.next();
        let delay = Duration::from_millis(5 + rng.below(400));
        let mut child = Command::new(child_program())
            .args(["edit", &path.to_string_lossy(), &child_seed.to_string()])
            .env(clock::TODAY_VARIABLE, clock::today().to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the child");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            let mut buf = BufReader::new(stdout);
            loop {
                let mut line = String::new();
                match buf.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    // A line the kill cut short has no newline: it was never fully said.
                    Ok(_) if !line.ends_with('\n') => break,
                    Ok(_) => lines.push(line.trim_end().to_string()),
                }
            }
            lines
        });
        std::thread::sleep(delay);
        let exited_early = child.try_wait().ok().flatten();
        child.kill().ok(); // SIGKILL on Unix.
        child.wait().ok();
        let lines = reader.join().unwrap();
        let run = parse(&lines);
        let mut fail = |what: String| failures.push(format!("kill {kill} (child seed {child_seed}): {what}"));
        if let Some(status) = exited_early {
            fail(format!("the child ended by itself ({status}): {:?}", lines.last()));
        }
        for problem in &run.problems {
            fail(problem.clone());
        }
        for change in &run.acknowledged {
            model::apply(&mut expected, change);
        }
        acknowledged += run.acknowledged.len();
        for kind in &run.kinds {
            *by_kind.entry(kind.clone()).or_insert(0usize) += 1;
        }

        // The crashed file as it lies, read without writing: integrity and references.
        let before_check = listing(dir.path());
        if let Err(e) = check_file(&path) {
            fail(format!("check after the kill: {e}"));
        }
        if listing(dir.path()) != before_check {
            fail(format!(
                "the check created files: {:?} → {:?}",
                before_check,
                listing(dir.path())
            ));
        }

        // Reopened for editing, the crashed session's log applied.
        let mut ws = match Workspace::open(&path) {
            Ok(ws) if !ws.is_read_only() => ws,
            Ok(ws) => {
                fail(format!("reopened read-only: {:?}", ws.info().read_only));
                break;
            }
            Err(e) => {
                fail(format!("reopen: {e}"));
                break;
            }
        };
        let found = read_model(&path, project);
        let missing = model::diff(&expected, &found);
        if !missing.is_empty() {
            // Only the edit under way at the kill may have committed without its acknowledgement.
            match &run.in_flight {
                Some((_, op, change)) if model::matches(&expected, change, &missing) => {
                    in_flight_committed += 1;
                    let _ = op;
                }
                _ => fail(format!(
                    "the file differs from the acknowledged edits by {} (edit under way: {:?})",
                    model::encode(&missing),
                    run.in_flight.as_ref().map(|f| (&f.1, model::encode(&f.2)))
                )),
            }
        } else if run.in_flight.is_some() {
            in_flight_lost += 1;
        }
        expected = found;

        // A crash leaves no history behind, and undo works on the recovered file.
        if ws.history_state().undo_label.is_some() || ws.history_state().redo_label.is_some() {
            fail("a reopened file has undo history".into());
        }
        let probe = WorkItemInput {
            title: format!("Probe {kill}"),
            ..Default::default()
        };
        match ws.create_item(project, None, &probe).and_then(|_| ws.undo()) {
            Ok(Some(_)) if read_model(&path, project) == expected => undos += 1,
            other => fail(format!(
                "edit and undo after the reopen: {:?}",
                other.map(|r| r.map(|r| r.label))
            )),
        }
        ws.close().unwrap();
    }
    if let Err(e) = check_file(&path) {
        failures.push(format!("final check: {e}"));
    }
    println!(
        "crash harness: {kills} kills, {acknowledged} acknowledged edits verified, in-flight edit found \
         committed {in_flight_committed} times and not committed {in_flight_lost} times, \
         {undos} undos after a reopen, {} failures, {:.1} s",
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    println!("crash harness: acknowledged edits by kind: {by_kind:?}");
    assert!(
        failures.is_empty(),
        "seed {seed}: {} failures:\n{}",
        failures.len(),
        failures.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(
        acknowledged > 0,
        "the children acknowledged no edit: the harness tested nothing"
    );
}
