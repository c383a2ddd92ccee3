//! Report measurements for `make bench`: prints one JSON object of `{name: {value, unit}}`.
//! Usage: bench_reports DIR   (DIR receives its scratch workspaces)
//!
//! Each timed run is the whole path a user waits for: read the data, typeset, write the PDF
//! bytes. The process is warm (fonts and typst's library loaded by an earlier render) but
//! typst's memo cache is emptied before every run, so no run reuses an earlier layout.

use std::time::Instant;

use bridgeplan_core::{demo, Workspace};
use bridgeplan_reports::{prepare, typeset, ReportKind, ReportRequest};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn time_report(ws: &Workspace, request: &ReportRequest, runs: usize) -> (f64, usize) {
    let mut samples = Vec::new();
    let mut pages = 0;
    for _ in 0..runs {
        typst::comemo::evict(0);
        let start = Instant::now();
        let report = typeset(&prepare(ws, request).expect("data")).expect("typeset");
        let pdf = report.pdf().expect("pdf");
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(pdf.starts_with(b"%PDF-"));
        pages = report.pages();
    }
    (median(samples), pages)
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("bench dir");

    let mut ws = Workspace::in_memory().expect("workspace");
    demo::fill_demo(&mut ws, bridgeplan_core::clock::today()).expect("demo");
    let status = ReportRequest::new(ReportKind::Status);
    // Warm the process: fonts, typst's standard library.
    time_report(&ws, &status, 1);
    let (status_ms, status_pages) = time_report(&ws, &status, 7);

    let mut big = Workspace::in_memory().expect("workspace");
    let project = demo::add_load_test_plan(&mut big, 10_000).expect("10,000 tasks");
    let mut schedule = ReportRequest::new(ReportKind::Schedule);
    schedule.project_id = Some(project);
    let (schedule_ms, schedule_pages) = time_report(&big, &schedule, 3);

    println!(
        "{}",
        serde_json::json!({
            "report_status_ms": {"value": (status_ms * 10.0).round() / 10.0, "unit": "ms"},
            "report_status_pages": {"value": status_pages, "unit": "pages"},
            "report_schedule_10k_ms": {"value": schedule_ms.round(), "unit": "ms"},
            "report_schedule_10k_pages": {"value": schedule_pages, "unit": "pages"},
        })
    );
}
