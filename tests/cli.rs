//! The headless command line, run as a user would: the real binary, files on disk, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bridgeplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bridgeplan"))
        .args(args)
        .output()
        .expect("run bridgeplan")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A file of the shared fixtures folder beside the project. Its absence fails the test with
/// the folder named; only `BRIDGEPLAN_SKIP_FIXTURES=1` turns that into a skip.
fn fixture(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/mspdi");
    let path = dir.join(name);
    if path.exists() {
        return Some(path);
    }
    if std::env::var("BRIDGEPLAN_SKIP_FIXTURES").is_ok_and(|v| v == "1") {
        eprintln!(
            "SKIPPED (BRIDGEPLAN_SKIP_FIXTURES=1): {name} is not in {}",
            dir.display()
        );
        return None;
    }
    panic!(
        "The fixture {name} is missing from {}. These tests need the shared fixtures folder \
         beside the project; set BRIDGEPLAN_SKIP_FIXTURES=1 to skip them on purpose.",
        dir.display()
    );
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn import_then_schedule_as_json() {
    let Some(xml) = fixture("task-links-project2010-mspdi.xml") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("plans.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());

    let out = bridgeplan(&["import", s(&xml), "--into", s(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Imported") && said.contains("tasks"), "{said}");
    let name = said.split('"').nth(1).unwrap().to_string();

    let out = bridgeplan(&["schedule", s(&ws), "--project", &name, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["project"], name);
    let tasks = json["tasks"].as_array().unwrap();
    assert!(!tasks.is_empty());
    for key in [
        "name",
        "wbs",
        "start",
        "finish",
        "early_start",
        "early_finish",
        "late_start",
        "late_finish",
        "total_float_hours",
        "free_float_hours",
        "critical",
    ] {
        assert!(tasks[0].get(key).is_some(), "missing {key}");
    }
    // Microsoft Project's own answer for this file: the pair linked FS with a 2-week lag is
    // critical and starts on 2014-10-17 at 08:00.
    assert_eq!(tasks[0]["start"], "2014-10-17T08:00:00");
    assert!(tasks.iter().any(|t| t["critical"] == true));
    assert!(
        tasks.iter().any(|t| t["total_float_hours"] == 80.0),
        "a task with 10 days of float"
    );

    let table = bridgeplan(&["schedule", s(&ws), "--project", &name]);
    assert!(text(&table.stdout).contains("critical"));
}

#[test]
fn a_damaged_xml_file_is_refused_and_the_workspace_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let before = std::fs::read(&ws).unwrap();
    let bad = dir.path().join("broken.xml");
    std::fs::write(
        &bad,
        "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks><Task>",
    )
    .unwrap();
    let out = bridgeplan(&["import", s(&bad), "--into", s(&ws)]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("malformed") && err.contains("Nothing was imported"),
        "{err}"
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn unknown_projects_and_missing_files_fail_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let out = bridgeplan(&["schedule", s(&ws), "--project", "No such project", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("There is no project named \"No such project\""));
    let out = bridgeplan(&["import", s(&dir.path().join("missing.xml")), "--into", s(&ws)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Could not read"));
    let out = bridgeplan(&["schedule", s(&ws)]);
    assert_eq!(out.status.code(), Some(2), "usage error");
}

#[test]
fn export_writes_a_microsoft_project_file_that_imports_again() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let xml = dir.path().join("erp.xml");
    let out = bridgeplan(&[
        "export",
        s(&ws),
        "--project",
        "ERP Cloud Migration",
        "--format",
        "mspdi",
        s(&xml),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("warning: Board columns"));
    let written = std::fs::read_to_string(&xml).unwrap();
    assert!(written.starts_with("<?xml") && written.contains("<Name>Go-live</Name>"));
    assert!(!dir.path().join("erp.xml.partial").exists());
    let again = bridgeplan(&["import", s(&xml), "--into", s(&ws)]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(text(&again.stdout).contains("ERP Cloud Migration (2)"));

    let unknown = bridgeplan(&["export", s(&ws), "--project", "Nope", s(&xml)]);
    assert_eq!(unknown.status.code(), Some(1));
    let bad_format = bridgeplan(&[
        "export",
        s(&ws),
        "--project",
        "ERP Cloud Migration",
        "--format",
        "pdf",
        s(&xml),
    ]);
    assert_eq!(bad_format.status.code(), Some(2));
}

#[test]
fn skills_of_a_person_as_json_with_gaps_certifications_and_goals() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let out = bridgeplan(&["skills", s(&ws), "--person", "Dana Whitfield", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["person"], "Dana Whitfield");
    assert_eq!(
        (json["current_role"].as_str(), json["target_role"].as_str()),
        (Some("IT Manager"), Some("IT Project Manager"))
    );
    let skills = json["skills"].as_array().unwrap();
    let gaps: Vec<i64> = skills.iter().map(|k| k["gap"].as_i64().unwrap()).collect();
    assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "largest gap first: {gaps:?}");
    assert!(skills.iter().any(|k| k["focus"] == true && k["target"].is_number()));
    let certs = json["certifications"].as_array().unwrap();
    let pmp = certs
        .iter()
        .find(|c| c["name"].as_str().unwrap().contains("PMP"))
        .unwrap();
    assert_eq!(pmp["status"], "exam_booked");
    assert!(pmp["exam_date"].is_string());
    let itil = certs
        .iter()
        .find(|c| c["name"].as_str().unwrap().contains("ITIL"))
        .unwrap();
    assert!(itil["expires_on"].is_string() && itil["units_due"].as_f64().unwrap() > 0.0);
    assert!(json["goals"].as_array().unwrap().iter().any(|g| g["overdue"] == true));

    let text_out = bridgeplan(&["skills", s(&ws), "--person", "dana whitfield"]);
    assert!(text(&text_out.stdout).contains("IT Manager → IT Project Manager"));
    let missing = bridgeplan(&["skills", s(&ws), "--person", "Nobody"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no person named \"Nobody\""));
}

#[test]
fn report_writes_a_pdf_and_refuses_unknown_names_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let out = dir.path().join("board.pdf");
    let done = bridgeplan(&[
        "report",
        s(&ws),
        "--kind",
        "board",
        "--project",
        "Security Hardening",
        "--paper",
        "letter",
        "--out",
        s(&out),
    ]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(text(&done.stdout).contains("Board report – Security Hardening"));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let refused = [
        (vec!["--kind", "gantt"], "no report kind \"gantt\""),
        (vec!["--kind", "schedule", "--project", "Moon Base"], "Moon Base"),
        (
            vec![
                "--kind",
                "sprint",
                "--project",
                "Customer Portal",
                "--sprint",
                "Sprint 99",
            ],
            "no sprint named \"Sprint 99\"",
        ),
        (
            vec!["--kind", "career", "--person", "Nobody"],
            "no person named \"Nobody\"",
        ),
        (vec!["--kind", "status", "--paper", "a3"], "a4 or letter"),
        (vec!["--kind", "status", "--from", "2026-13-01"], "2026-13-01"),
    ];
    for (args, message) in refused {
        let bad = dir.path().join("bad.pdf");
        let mut all = vec!["report", s(&ws)];
        all.extend(args.iter().copied());
        all.extend(["--out", s(&bad)]);
        let run = bridgeplan(&all);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert!(text(&run.stderr).contains(message), "{args:?}: {}", text(&run.stderr));
        assert!(!bad.exists(), "no file for {args:?}");
    }
    let folder = bridgeplan(&[
        "report",
        s(&ws),
        "--kind",
        "status",
        "--out",
        s(&dir.path().join("none/x.pdf")),
    ]);
    assert_eq!(folder.status.code(), Some(1));
    assert!(
        text(&folder.stderr).contains("Could not write"),
        "{}",
        text(&folder.stderr)
    );
}

#[test]
fn evm_of_a_demo_project_as_json_and_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.bridgeplan");
    let today = "2026-12-02";
    let demo = Command::new(env!("CARGO_BIN_EXE_bridgeplan"))
        .args(["demo", s(&ws)])
        .env("BRIDGEPLAN_TODAY", today)
        .output()
        .unwrap();
    assert!(demo.status.success(), "{}", text(&demo.stderr));

    let out = bridgeplan(&[
        "evm",
        s(&ws),
        "--project",
        "ERP Cloud Migration",
        "--as-of",
        today,
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "bac", "eac", "etc", "vac", "tcpi",
    ] {
        assert!(json[key].is_number(), "{key} in {json}");
    }
    let (bac, ev, ac) = (
        json["bac"].as_f64().unwrap(),
        json["ev"].as_f64().unwrap(),
        json["ac"].as_f64().unwrap(),
    );
    let cpi = json["cpi"].as_f64().unwrap();
    assert!((cpi - ev / ac).abs() < 1e-9 && cpi < 1.0, "{json}");
    assert!((json["eac"].as_f64().unwrap() - bac / cpi).abs() < 0.01, "{json}");

    let out = bridgeplan(&["evm", s(&ws), "--project", "ERP Cloud Migration", "--as-of", today]);
    assert!(out.status.success());
    let table = text(&out.stdout);
    assert!(
        table.contains("EAC") && table.contains("BAC / CPI") && table.contains("CPI"),
        "{table}"
    );

    let out = bridgeplan(&[
        "evm",
        s(&ws),
        "--project",
        "ERP Cloud Migration",
        "--as-of",
        "2026-02-30",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("2026-02-30"), "{}", text(&out.stderr));
    let out = bridgeplan(&["evm", s(&ws), "--project", "No such project", "--as-of", today]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).trim().is_empty());
}

#[test]
fn level_previews_with_dry_run_and_saves_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.bridgeplan");
    assert!(bridgeplan(&["demo", s(&path)]).status.success());
    let before = std::fs::read(&path).unwrap();
    let dry = bridgeplan(&["level", s(&path), "--project", "Network Refresh", "--dry-run", "--json"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a dry run leaves the file as it was"
    );
    let preview: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!(preview["applied"], false);
    let changes = preview["changes"].as_array().unwrap();
    let diagrams = changes
        .iter()
        .find(|c| c["name"] == "Update network diagrams and CMDB")
        .expect("the diagrams move");
    assert!(diagrams["delay_minutes"].as_i64().unwrap() > 0);
    assert!(preview["conflicts"].as_array().unwrap().is_empty());
    assert_eq!(preview["finish_moved_days"], 0.0);

    // Saved: a second dry run has nothing left to move.
    let applied = bridgeplan(&["level", s(&path), "--project", "Network Refresh"]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert!(
        text(&applied.stdout).contains("Levelling Network Refresh: 1 task moved"),
        "{}",
        text(&applied.stdout)
    );
    let again = bridgeplan(&["level", s(&path), "--project", "Network Refresh", "--dry-run", "--json"]);
    let preview: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert!(preview["changes"].as_array().unwrap().is_empty(), "{preview}");

    let unknown = bridgeplan(&["level", s(&path), "--project", "Nope", "--dry-run"]);
    assert_eq!(unknown.status.code(), Some(1));
}

#[test]
fn search_of_the_demo_as_json_and_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.bridgeplan");
    let demo = Command::new(env!("CARGO_BIN_EXE_bridgeplan"))
        .args(["demo", s(&ws)])
        .env("BRIDGEPLAN_TODAY", "2026-12-02")
        .output()
        .unwrap();
    assert!(demo.status.success(), "{}", text(&demo.stderr));

    let out = bridgeplan(&["search", s(&ws), "rehears", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "item")
        .expect("work items match");
    assert!(items["count"].as_u64().unwrap() >= 2, "{json}");
    let hit = &items["hits"][0];
    assert_eq!(hit["project_name"], "ERP Cloud Migration", "{json}");
    assert!(hit["id"].is_number() && hit["project_id"].is_number(), "{json}");
    assert!(
        hit["title"].as_array().unwrap().iter().any(|p| p["hit"] == true),
        "{json}"
    );

    let out = bridgeplan(&["search", s(&ws), "cutover runbook"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    assert!(
        table.contains("Work items (") && table.contains("[Cutover] [runbook]"),
        "{table}"
    );

    // User punctuation is only text; nothing found is not an error.
    let out = bridgeplan(&["search", s(&ws), "\"*:-( NEAR zzzqqq"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("Nothing matches"),
        "{}",
        text(&out.stdout)
    );

    let out = bridgeplan(&["search", s(&dir.path().join("missing.bridgeplan")), "erp"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).trim().is_empty());
}

#[test]
fn health_of_the_demo_as_json_and_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.bridgeplan");
    let today = "2026-12-02";
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_bridgeplan"))
            .args(args)
            .env("BRIDGEPLAN_TODAY", today)
            .output()
            .unwrap()
    };
    let demo = run(&["demo", s(&ws)]);
    assert!(demo.status.success(), "{}", text(&demo.stderr));

    let out = run(&["health", s(&ws), "--project", "ERP Cloud Migration", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let erp = &json["projects"][0];
    assert_eq!(erp["project"], "ERP Cloud Migration");
    assert_eq!(erp["as_of"], today);
    for area in ["scope", "schedule", "budget", "risk", "overall"] {
        let a = &erp["areas"][area];
        assert!(a["rating"].is_string() && a["computed"].is_string(), "{area} in {erp}");
        assert!(!a["reasons"].as_array().unwrap().is_empty(), "{area} in {erp}");
    }
    let schedule = erp["areas"]["schedule"]["reasons"][0].as_str().unwrap();
    assert!(
        schedule.starts_with("SPI ") && schedule.contains("→ schedule"),
        "{schedule}"
    );

    // Every project, with the demo's override of the Network Refresh's schedule.
    let out = run(&["health", s(&ws), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let projects = json["projects"].as_array().unwrap();
    assert!(projects.len() >= 4);
    let net = projects.iter().find(|p| p["project"] == "Network Refresh").unwrap();
    let o = &net["areas"]["schedule"]["override"];
    assert_eq!(o["rating"], "green");
    assert!(o["comment"].as_str().unwrap().contains("Vendor confirmed"), "{o}");

    let out = run(&["health", s(&ws), "--project", "Network Refresh"]);
    assert!(out.status.success());
    let table = text(&out.stdout);
    assert!(table.contains("schedule") && table.contains("overridden by"), "{table}");

    let out = run(&["health", s(&ws), "--project", "No such project"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).trim().is_empty());
}

#[test]
fn backup_prints_the_file_it_made_and_restore_makes_a_workspace_but_never_replaces_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("Acme.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());

    let out = bridgeplan(&["backup", s(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let made = PathBuf::from(text(&out.stdout).trim());
    assert!(made.is_file(), "{}", made.display());
    assert_eq!(made.parent().unwrap(), dir.path().join("Acme.bridgeplan.backups"));
    assert!(made.to_str().unwrap().ends_with(".bridgeplan-backup"));

    let restored = dir.path().join("Restored.bridgeplan");
    let out = bridgeplan(&["restore", s(&made), "--to", s(&restored)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = bridgeplan(&["check", s(&restored)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("healthy"));

    // An existing path is refused with a message, and left as it was.
    let before = std::fs::read(&restored).unwrap();
    let out = bridgeplan(&["restore", s(&made), "--to", s(&restored)]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains("already exists") && said.contains("never replaces"),
        "{said}"
    );
    assert_eq!(std::fs::read(&restored).unwrap(), before);
    let out = bridgeplan(&["restore", s(&made), "--to", s(&ws)]);
    assert_eq!(out.status.code(), Some(1));

    // Not a workspace: refused, no backups folder made for it.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "hello").unwrap();
    let out = bridgeplan(&["backup", s(&notes)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("notes.txt.backups").exists());
    // Wrong usage: --to is required.
    assert_eq!(bridgeplan(&["restore", s(&made)]).status.code(), Some(2));
}

#[test]
fn csv_import_into_a_project_then_export_the_grid_and_a_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("plans.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let csv = dir.path().join("items.csv");
    std::fs::write(
        &csv,
        "\u{feff}Summary;Assignee;Due date;Sprint\r\nImported one;Mia Chen;2026-12-10;S1\r\nImported two;;;S2\r\n",
    )
    .unwrap();
    let out = bridgeplan(&[
        "import",
        s(&csv),
        "--format",
        "csv",
        "--into-project",
        "Customer Portal",
        "--kind",
        "work-items",
        s(&ws),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 work items"), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("\"Sprint\" column is mapped to nothing"),
        "{}",
        text(&out.stderr)
    );

    let grid = dir.path().join("grid.csv");
    let out = bridgeplan(&[
        "export",
        s(&ws),
        "--format",
        "csv",
        "--grid",
        "work-items",
        "--project",
        "Customer Portal",
        s(&grid),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&grid).unwrap();
    assert!(written.starts_with("Title,Type,Status,"), "{written}");
    assert!(written.contains("Imported one,task,"), "{written}");

    let ics = dir.path().join("plans.ics");
    let out = bridgeplan(&["export", s(&ws), "--format", "ics", s(&ics)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let cal = std::fs::read_to_string(&ics).unwrap();
    assert!(
        cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && cal.contains("SUMMARY:Due: Imported one"),
        "{cal}"
    );
}

#[test]
fn csv_import_refuses_bad_files_and_bad_rows_and_leaves_the_workspace_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("plans.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    // Every row of every table, through the lossless JSON export (opening the file for an
    // import records who holds it, so its bytes are not the measure).
    let rows = || {
        let out = dir.path().join("rows.json");
        assert!(bridgeplan(&["export", s(&ws), "--format", "json", s(&out)])
            .status
            .success());
        let text = std::fs::read_to_string(&out).unwrap();
        text.lines()
            .filter(|l| !l.contains("\"exported_at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = rows();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.csv", b"", "empty"),
        ("header.csv", b"Title,Status\n", "header row but no rows"),
        ("binary.csv", b"\x00\x01\x02PK\x03\x04", "not a CSV file"),
        (
            "rows.csv",
            b"Title,Status\nOne,Nowhere\nTwo,Done,extra\n",
            "2 rows of the file cannot be imported",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = bridgeplan(&[
            "import",
            s(&file),
            "--format",
            "csv",
            "--into-project",
            "Customer Portal",
            s(&ws),
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(text(&out.stderr).contains(says), "{name}: {}", text(&out.stderr));
    }
    let out = bridgeplan(&[
        "import",
        s(&dir.path().join("rows.csv")),
        "--format",
        "csv",
        "--into-project",
        "Customer Portal",
        s(&ws),
    ]);
    assert!(
        text(&out.stderr).contains("Row 2: status \"Nowhere\""),
        "{}",
        text(&out.stderr)
    );
    assert!(before == rows(), "nothing was written");
    let out = bridgeplan(&[
        "export",
        s(&ws),
        "--format",
        "csv",
        "--grid",
        "gantt",
        "--project",
        "Customer Portal",
        s(&dir.path().join("x.csv")),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no grid called \"gantt\""),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("x.csv").exists());
}

#[test]
fn new_export_json_and_import_into_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.bridgeplan");
    let out = bridgeplan(&["new", s(&empty), "--name", "Fresh start"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Fresh start"), "{}", text(&out.stdout));
    assert!(bridgeplan(&["check", s(&empty)]).status.success());
    // An existing file is never replaced.
    let again = bridgeplan(&["new", s(&empty)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );

    let ws = dir.path().join("demo.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let backup = dir.path().join("backup.json");
    let out = bridgeplan(&["export", s(&ws), "--format", "json", s(&backup)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("work items"), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("undo history"), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&backup).unwrap()).unwrap();
    assert_eq!(doc["format"], "bridgeplan-workspace");
    assert_eq!(doc["version"], 1);

    let restored = dir.path().join("restored.bridgeplan");
    let out = bridgeplan(&["import", s(&backup), "--into", s(&restored)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Northwind Logistics IT"),
        "{}",
        text(&out.stdout)
    );
    let out = bridgeplan(&["check", s(&restored)]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Into an existing file: refused, the file untouched.
    let before = std::fs::read(&empty).unwrap();
    let out = bridgeplan(&["import", s(&backup), "--into", s(&empty)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already exists"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&empty).unwrap(), before);

    // A truncated export: refused, nothing created.
    let bytes = std::fs::read(&backup).unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let target = dir.path().join("never.bridgeplan");
    let out = bridgeplan(&["import", s(&cut), "--into", s(&target)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("ends too early"), "{}", text(&out.stderr));
    assert!(!target.exists());

    // Microsoft Project export still wants its project.
    let out = bridgeplan(&["export", s(&ws), s(&dir.path().join("p.xml"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--project"), "{}", text(&out.stderr));
}

#[test]
fn check_of_a_cut_off_or_flipped_workspace_says_so_and_creates_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.bridgeplan");
    assert!(bridgeplan(&["demo", s(&good)]).status.success());
    let bytes = std::fs::read(&good).unwrap();
    let mut flipped = bytes.clone();
    flipped[31] ^= 1 << 6; // the header's page count
    for (name, content) in [
        ("cut.bridgeplan", bytes[..bytes.len() / 2].to_vec()),
        ("flipped.bridgeplan", flipped),
    ] {
        let case = tempfile::tempdir().unwrap();
        let path = case.path().join(name);
        std::fs::write(&path, &content).unwrap();
        let out = bridgeplan(&["check", s(&path)]);
        assert!(!out.status.success(), "{name}: a damaged file is not healthy");
        let said = text(&out.stderr) + &text(&out.stdout);
        assert!(
            said.contains("damaged") || said.contains("incomplete"),
            "{name}: {said}"
        );
        let names: Vec<_> = std::fs::read_dir(case.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![name.to_string()], "check created files beside {name}");
        assert_eq!(std::fs::read(&path).unwrap(), content, "check changed {name}");
    }
}

/// A Trello board export of the shared fixtures folder (read in place).
fn trello_fixture(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/trello")
        .join(name);
    if path.exists() {
        return Some(path);
    }
    if std::env::var("BRIDGEPLAN_SKIP_FIXTURES").is_ok_and(|v| v == "1") {
        return None;
    }
    panic!(
        "The fixture {} is missing; set BRIDGEPLAN_SKIP_FIXTURES=1 to skip on purpose.",
        path.display()
    );
}

#[test]
fn import_a_trello_board_with_a_dry_run_first() {
    let Some(board) = trello_fixture("simple-project-board.json") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("boards.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let before = std::fs::read(&ws).unwrap();

    let out = bridgeplan(&["import", s(&board), "--format", "trello", "--dry-run", "--into", s(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("Trello board → new project \"Simple Project Board\""),
        "{said}"
    );
    assert!(
        said.contains("9 work items") && said.contains("1 archived card skipped."),
        "{said}"
    );
    assert!(said.contains("Not kept:") && said.contains("4 comments."), "{said}");
    assert!(said.contains("Dry run: nothing was written"), "{said}");
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        before,
        "a dry run leaves the file as it was"
    );

    let out = bridgeplan(&["import", s(&board), "--format", "trello", "--into", s(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Imported \"Simple Project Board\""),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("not kept: 5 attachments"),
        "{}",
        text(&out.stderr)
    );

    // The same board again: the name is taken; refused with the reason, exit code 1.
    let out = bridgeplan(&["import", s(&board), "--format", "trello", "--into", s(&ws)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already exists"), "{}", text(&out.stderr));
}

#[test]
fn import_a_jira_csv_and_refuse_a_file_that_is_not_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("jira.bridgeplan");
    assert!(bridgeplan(&["demo", s(&ws)]).status.success());
    let csv = dir.path().join("sprint-export.csv");
    std::fs::write(
        &csv,
        "Summary,Issue key,Issue Type,Status,Sprint,Sprint,Custom field (Story Points),Created,Resolved\n\
         Login page,WEB-1,Story,Done,Sprint 4,Sprint 5,3,01/Dec/25 9:00 AM,05/Dec/25 4:30 PM\n\
         Logout,WEB-2,Task,To Do,Sprint 5,,1,02/Dec/25 9:00 AM,\n",
    )
    .unwrap();
    let out = bridgeplan(&["import", s(&csv), "--format", "jira", "--dry-run", "--into", s(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 sprints"), "{}", text(&out.stdout));
    let out = bridgeplan(&["import", s(&csv), "--format", "jira", "--into", s(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Imported \"sprint-export\""),
        "{}",
        text(&out.stdout)
    );

    let before = std::fs::read(&ws).unwrap();
    let bad = dir.path().join("worklog.csv");
    std::fs::write(&bad, "Issue Key,Hours,Work date,Username\nWEB-1,2,2025-12-01,ada\n").unwrap();
    let out = bridgeplan(&["import", s(&bad), "--format", "jira", "--into", s(&ws)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Tempo worklog") && text(&out.stderr).contains("Nothing was imported"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}
