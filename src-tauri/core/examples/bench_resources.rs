//! Resource measurements for `make bench`: prints `{"utilisation_200x52_ms": …, "level_10k_ms": …}`
//! as `{name: {value, unit}}`. Usage: bench_resources DIR   (DIR receives its scratch workspace)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::plan::schedule::{generated_network, schedule};
use bridgeplan_core::resources::assignments::ResourceKind;
use bridgeplan_core::resources::utilisation::{utilisation, LoadSpan, ResourceSpec};
use bridgeplan_core::{demo, resources, Workspace};
use chrono::NaiveDate;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("bench dir");

    // The heat map of 200 people over 52 weeks, from the 10,000-task generated plan (each
    // person on three neighbouring tasks in turn), as a pure function of its inputs.
    let net = generated_network(10_000, 20_000);
    let sched = schedule(&net).expect("schedule");
    let people: Vec<ResourceSpec> = (0..200)
        .map(|n| ResourceSpec {
            id: n,
            name: format!("Resource {}", n + 1),
            kind: ResourceKind::Person,
            capacity_minutes_per_week: 2400.0,
            calendar: None,
            quantity: 0.0,
            available_from: None,
            available_to: None,
        })
        .collect();
    let loads: Vec<LoadSpan> = net
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.parent.is_some() && t.duration > 0)
        .map(|(i, t)| LoadSpan {
            resource: (i / 3) % 200,
            item_id: i as i64,
            task: t.name.clone(),
            start: sched.tasks[i].early_start,
            finish: sched.tasks[i].early_finish,
            calendar: t.calendar.unwrap_or(net.calendar),
            units: 1.0,
        })
        .collect();
    let from = NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    let mut samples = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let u = utilisation(&net.calendars, net.calendar, &people, &loads, from, 52);
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(u.rows.len() * u.weeks.len(), 200 * 52);
    }
    let heat = median(samples);

    // Levelling the 10,000-task load-test plan with 200 people, from the file: read the plan,
    // schedule, level, schedule again.
    let path = dir.join("level-bench.bridgeplan");
    let _ = std::fs::remove_file(&path);
    let mut ws = Workspace::create(&path, None).expect("create");
    let project = demo::add_load_test_plan(&mut ws, 10_000).expect("plan");
    resources::add_load_test_resources(&mut ws, project, 200).expect("resources");
    let mut samples = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let p = ws.levelling_preview(project, false).expect("level");
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(!p.changes.is_empty());
    }
    let level = median(samples);
    drop(ws);
    let _ = std::fs::remove_file(&path);
    println!(
        "{{\"utilisation_200x52_ms\": {{\"value\": {heat:.1}, \"unit\": \"ms\"}}, \"level_10k_ms\": {{\"value\": {level:.1}, \"unit\": \"ms\"}}}}"
    );
}
