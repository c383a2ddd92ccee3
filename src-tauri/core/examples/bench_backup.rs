//! Backups for `make bench`: prints `{"backup_10k_ms": {value, unit}}`, the median time of one
//! backup (the online copy in steps, flushed and renamed, then the rotation) of a workspace with
//! a 10,000-task plan and 20,000 dependencies, made while the workspace is open for editing as
//! it is in the app.
//! Usage: bench_backup DIR   (DIR receives its scratch workspace and backups)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::{backups, demo, Workspace};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("backup-bench.bridgeplan");
    let _ = std::fs::remove_file(&path);
    let mut ws = Workspace::create(&path, Some("Backup bench")).expect("create");
    demo::add_load_test_plan(&mut ws, 10_000).expect("plan");
    ws.close().expect("close");

    // Open for editing, as the app has it while the automatic backup runs.
    let ws = Workspace::open(&path).expect("open");
    let folder = backups::folder_for(&path);
    let mut samples = Vec::new();
    let mut size = 0;
    for _ in 0..7 {
        let _ = std::fs::remove_dir_all(&folder);
        let start = Instant::now();
        let info = backups::backup_now(&path, &folder).expect("backup");
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        let summary = info.summary.expect("a healthy backup");
        assert_eq!(summary.work_items, 10_000);
        size = info.size_bytes;
    }
    drop(ws);
    let _ = std::fs::remove_dir_all(&folder);
    eprintln!("backup of {:.1} MiB", size as f64 / 1_048_576.0);
    let round = |x: f64| (x * 10.0).round() / 10.0;
    println!(
        "{{\"backup_10k_ms\": {{\"value\": {}, \"unit\": \"ms\"}}}}",
        round(median(samples))
    );
}
