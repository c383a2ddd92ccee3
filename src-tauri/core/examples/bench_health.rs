//! Health for `make bench`: prints `{"health_50_projects_ms": {value, unit}}`, the median time of
//! the health of every project of a workspace of 50 projects, each of realistic size: a plan of
//! 80 tasks with costs, progress and a baseline, 12 risks, 6 issues, 4 change requests and 5
//! deliverables, read from the file.
//! Usage: bench_health DIR   (DIR receives its scratch workspace)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::plan::schedule::generated_network;
use bridgeplan_core::{interchange::mspdi, Workspace};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

const PROJECTS: usize = 50;
const TASKS: usize = 80;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("health-bench.bridgeplan");
    let _ = std::fs::remove_file(&path);
    let mut ws = Workspace::create(&path, Some("Health bench")).expect("create");
    let mut projects = Vec::new();
    let mut status = None;
    for p in 0..PROJECTS {
        let mut plan = mspdi::Plan::from_network(&format!("Project {p:02}"), generated_network(TASKS, TASKS * 2));
        for (i, t) in plan.tasks.iter_mut().enumerate() {
            t.fixed_cost_minor = ((i % 7) as i64 + 1) * 50_000;
            t.percent_complete = (((i + p) % 5) * 25) as f64;
        }
        let project = ws.import_plan(&plan).expect("import").project.id;
        ws.save_baseline(project, "Approved").expect("baseline");
        if status.is_none() {
            let s = ws.project_schedule(project).expect("schedule");
            status = Some((s.start + (s.finish - s.start) / 2).date());
        }
        projects.push(project);
    }
    let today = status.expect("a status date");
    ws.close().expect("close");

    let conn = rusqlite::Connection::open(&path).expect("sqlite");
    let mut id: i64 = 1 << 40;
    let mut next = || {
        id += 1;
        id
    };
    let tx = conn.unchecked_transaction().expect("tx");
    for (p, project) in projects.iter().enumerate() {
        for r in 0..12 {
            tx.execute(
                "INSERT INTO risks(id, project_id, title, probability, impact, status, review_date, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, '2026-01-01T00:00:00Z')",
                rusqlite::params![
                    next(),
                    project,
                    format!("Risk {r}"),
                    ((r + p) % 5 + 1) as i64,
                    ((r * 3 + p) % 5 + 1) as i64,
                    (today - chrono::Duration::days(r as i64 - 6)).to_string()
                ],
            )
            .expect("risk");
        }
        for i in 0..6 {
            let priority = ["low", "medium", "high", "critical"][(i + p) % 4];
            tx.execute(
                "INSERT INTO raid_issues(id, project_id, title, priority, raised_on, status, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, 'open', '2026-01-01T00:00:00Z')",
                rusqlite::params![next(), project, format!("Issue {i}"), priority, today.to_string()],
            )
            .expect("issue");
        }
        for c in 0..4 {
            let status = ["proposed", "approved", "rejected", "implemented"][(c + p) % 4];
            tx.execute(
                "INSERT INTO change_requests(id, project_id, number, title, status, raised_on, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, '2026-01-01T00:00:00Z')",
                rusqlite::params![
                    next(),
                    project,
                    (c + 1) as i64,
                    format!("Change {c}"),
                    status,
                    today.to_string()
                ],
            )
            .expect("change");
        }
        for d in 0..5 {
            let acceptance = ["pending", "accepted", "pending", "rejected", "pending"][(d + p) % 5];
            tx.execute(
                "INSERT INTO deliverables(id, project_id, title, acceptance, due_date, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    next(),
                    project,
                    format!("Deliverable {d}"),
                    acceptance,
                    (today + chrono::Duration::days(d as i64 * 10 - 15)).to_string(),
                    d as f64
                ],
            )
            .expect("deliverable");
        }
    }
    tx.commit().expect("commit");
    drop(conn);

    let ws = Workspace::open(&path).expect("open");
    let mut samples = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let all = ws.all_project_health(today).expect("health");
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(all.len(), PROJECTS);
        assert!(all.iter().all(|h| h.areas.len() == 5 && h.spi.is_some()));
    }
    let round = |x: f64| (x * 10.0).round() / 10.0;
    println!(
        "{{\"health_50_projects_ms\": {{\"value\": {}, \"unit\": \"ms\"}}}}",
        round(median(samples))
    );
}
