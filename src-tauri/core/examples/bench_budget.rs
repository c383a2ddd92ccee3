//! Earned value for `make bench`: prints `{"evm_10k_ms": {value, unit}}`, the median time of
//! earned value as of a date on the 10,000-task load-test plan (with costs, progress and a
//! baseline), read from the file.
//! Usage: bench_budget DIR   (DIR receives its scratch workspace)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::plan::schedule::generated_network;
use bridgeplan_core::{interchange::mspdi, Workspace};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("evm-bench.bridgeplan");
    let _ = std::fs::remove_file(&path);
    let mut ws = Workspace::create(&path, Some("Load test")).expect("create");
    // The plan of `demo::add_load_test_plan`, given a cost and progress per task.
    let count = 10_000;
    let mut plan = mspdi::Plan::from_network(
        &format!("Load test ({count} tasks)"),
        generated_network(count, count * 2),
    );
    for (i, t) in plan.tasks.iter_mut().enumerate() {
        t.fixed_cost_minor = ((i % 7) as i64 + 1) * 50_000;
        t.percent_complete = ((i % 5) * 25) as f64;
    }
    let project = ws.import_plan(&plan).expect("import").project.id;
    ws.save_baseline(project, "Bench").expect("baseline");
    let schedule = ws.project_schedule(project).expect("schedule");
    let status = (schedule.start + (schedule.finish - schedule.start) / 2).date();
    ws.close().expect("close");

    let ws = Workspace::open(&path).expect("open");
    let mut samples = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let ev = ws.earned_value(project, status).expect("earned value");
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(ev.baseline.is_some() && ev.figures.bac > 0 && ev.tasks >= count / 2);
    }
    let mut curve = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        ws.s_curve(project, status).expect("s-curve");
        curve.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let round = |x: f64| (x * 10.0).round() / 10.0;
    println!(
        "{{\"evm_10k_ms\": {{\"value\": {}, \"unit\": \"ms\"}}, \"evm_s_curve_10k_ms\": {{\"value\": {}, \"unit\": \"ms\"}}}}",
        round(median(samples)),
        round(median(curve))
    );
}
