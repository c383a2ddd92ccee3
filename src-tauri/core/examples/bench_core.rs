//! Core measurements for `make bench`: prints one JSON object of `{name: {value, unit}}`.
//! Usage: bench_core DIR   (DIR receives its scratch workspace)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::plan::schedule::{generated_network, schedule};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::{demo, interchange::mspdi, Workspace};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("edit-bench.bridgeplan");
    let _ = std::fs::remove_file(&path);
    let mut ws = demo::write_demo(&path).expect("demo");
    let project = ws.project_by_name("Security Hardening").expect("project");
    let item = ws.board(project.id).expect("board").columns[0].items[0].clone();

    // One edit = validate, one IMMEDIATE transaction on the file (WAL, synchronous=NORMAL),
    // undo images before and after, commit.
    let mut samples = Vec::new();
    for i in 0..2000 {
        let input = WorkItemInput {
            item_type: Some(item.item_type),
            title: format!("{} ({i})", item.title),
            description: item.description.clone(),
            assignee: item.assignee.clone(),
            estimate_hours: item.estimate_hours,
            story_points: item.story_points,
            priority: Some(item.priority),
            tags: item.tags.clone(),
            due_date: item.due_date.map(|d| d.to_string()),
        };
        let start = Instant::now();
        ws.update_item(item.id, &input).expect("edit");
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let edit = median(samples);

    // Loading a 10,000-item board from the file through the core.
    let big = dir.join("board-bench.bridgeplan");
    let _ = std::fs::remove_file(&big);
    let mut ws2 = Workspace::create(&big, None).expect("create");
    let p = demo::add_load_test_project(&mut ws2, 10_000).expect("generate");
    ws2.close().expect("close");
    let mut loads = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        let ws = Workspace::open(&big).expect("open");
        let board = ws.board(p).expect("board");
        assert_eq!(board.columns.iter().map(|c| c.items.len()).sum::<usize>(), 10_000);
        loads.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let _ = (ws.close(), std::fs::remove_file(&path), std::fs::remove_file(&big));

    // The critical path method on 10,000 tasks and 20,000 links of every type, with lags,
    // leads, summary tasks, holidays and resource calendars.
    let network = generated_network(10_000, 20_000);
    let mut runs = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let result = schedule(&network).expect("schedule");
        runs.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(result.tasks.len(), 10_000);
    }
    // Reading a 10,000-task Microsoft Project file and importing it into a workspace file.
    let mut source = Workspace::in_memory().expect("memory");
    let generated = mspdi::Plan::from_network("Generated", generated_network(10_000, 20_000));
    let project = source.import_plan(&generated).expect("import").project.id;
    let xml = mspdi::export(&source, project).expect("export").xml;
    let mut imports = Vec::new();
    for round in 0..5 {
        let target = dir.join(format!("import-bench-{round}.bridgeplan"));
        let _ = std::fs::remove_file(&target);
        let mut ws = Workspace::create(&target, None).expect("create");
        let start = Instant::now();
        let plan = mspdi::read(&xml).expect("read");
        ws.import_plan(&plan).expect("import");
        imports.push(start.elapsed().as_secs_f64() * 1000.0);
        let _ = (ws.close(), std::fs::remove_file(&target));
    }

    println!(
        "{{\"edit_commit_ms\": {{\"value\": {edit:.4}, \"unit\": \"ms\"}}, \
         \"core_open_10k_board_ms\": {{\"value\": {:.2}, \"unit\": \"ms\"}}, \
         \"cpm_10k_ms\": {{\"value\": {:.2}, \"unit\": \"ms\"}}, \
         \"import_mspdi_10k_ms\": {{\"value\": {:.1}, \"unit\": \"ms\"}}}}",
        median(loads),
        median(runs),
        median(imports)
    );
}
