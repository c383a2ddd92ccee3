//! CSV import for `make bench`: prints `{"import_csv_10k_ms": {value, unit}}`, the median time
//! of reading a 10,000-row work-item CSV (every mapped field filled, 20 assignees, three board
//! columns) and importing it into a project of a workspace file, in one edit, over 3 runs.
//! Usage: bench_csv DIR   (DIR receives its scratch workspaces)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::interchange::csv::{self, CsvKind};
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, Workspace};

const ROWS: usize = 10_000;

fn file() -> String {
    let mut out = String::from("Title,Description,Status,Type,Priority,Assignee,Estimate (h),Due date,Tags\r\n");
    let statuses = ["To do", "In progress", "Done"];
    let types = ["task", "story", "bug"];
    let priorities = ["low", "medium", "high"];
    for i in 0..ROWS {
        out.push_str(&format!(
            "\"Item {i}, imported\",\"Line one of {i}\nline two\",{},{},{},Person {},{},2027-{:02}-{:02},\"csv, batch {}\"\r\n",
            statuses[i % 3],
            types[i % 3],
            priorities[i % 3],
            i % 20,
            (i % 16) as f64 / 2.0,
            i % 12 + 1,
            i % 28 + 1,
            i % 10
        ));
    }
    out
}

fn main() {
    clock::fix_for_tests();
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir).unwrap();
    let bytes = file().into_bytes();
    let mut times = Vec::new();
    for run in 0..3 {
        let path = dir.join(format!("bench-csv-{run}.bridgeplan"));
        let _ = std::fs::remove_file(&path);
        let mut ws = Workspace::create(&path, Some("CSV bench")).unwrap();
        let project = ws
            .create_project(&ProjectInput {
                name: "Imported".into(),
                methodology: Methodology::Waterfall,
                start_date: None,
                finish_date: None,
                description: String::new(),
            })
            .unwrap();
        let start = Instant::now();
        let table = csv::read(&bytes).unwrap();
        let mapping = ws.csv_inspect(CsvKind::WorkItems, &table).unwrap().mapping;
        let done = ws
            .csv_import(project.id, CsvKind::WorkItems, &table, &mapping, false)
            .unwrap();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(done.good_rows, ROWS, "{:?}", done.problems.first());
        ws.close().unwrap();
        let _ = std::fs::remove_file(&path);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"import_csv_10k_ms\": {{\"value\": {:.0}, \"unit\": \"ms\"}}}}",
        times[1]
    );
}
