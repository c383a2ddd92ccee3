//! Lossless JSON for `make bench`: prints `{"json_roundtrip_10k_ms": {value, unit}}`, the median
//! time of exporting a workspace with the 10,000-task, 20,000-dependency load-test plan to JSON
//! and importing that JSON into a new workspace file (reading, loading, checking, renaming).
//! Usage: bench_json DIR   (DIR receives its scratch files)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::interchange::json;
use bridgeplan_core::{demo, Workspace};

const RUNS: usize = 5;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: bench_json DIR"));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let source = dir.join("json-10k.bridgeplan");
    let _ = std::fs::remove_file(&source);
    let mut ws = Workspace::create(&source, Some("JSON bench")).expect("create");
    demo::add_load_test_plan(&mut ws, 10_000).expect("plan");
    let out = dir.join("json-10k.json");
    let copy = dir.join("json-10k-imported.bridgeplan");
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let _ = std::fs::remove_file(&copy);
        let start = Instant::now();
        json::export_to(&ws, &out).expect("export");
        json::import_file(&out, &copy).expect("import");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[RUNS / 2];
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    eprintln!("JSON of {:.1} MB; runs {times:.1?} ms", size as f64 / 1e6);
    println!(
        "{}",
        serde_json::json!({"json_roundtrip_10k_ms": {"value": (median * 10.0).round() / 10.0, "unit": "ms"}})
    );
    ws.close().expect("close");
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(&out);
}
