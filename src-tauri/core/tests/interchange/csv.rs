//! CSV: the RFC 4180 reader (quotes, embedded line breaks, a byte order mark, `,` `;` and tab
//! detected), the mapping guessed and then remembered per header signature, the preview with
//! each bad row named, the import in one undoable edit, the refusals with nothing written, and
//! the export of every grid (read back by the same reader, and the work items imported again).

use std::path::PathBuf;

use bridgeplan_core::interchange::csv::{self, CsvGrid, CsvKind};
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{clock, ErrorCode, Id, Workspace};
use tempfile::TempDir;

use super::import_support::dump;

struct Fixture {
    _dir: TempDir,
    path: PathBuf,
    ws: Workspace,
    project: Id,
}

fn fixture() -> Fixture {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csv.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: "Portal".into(),
            methodology: Methodology::Kanban,
            start_date: Some("2026-03-02".into()),
            finish_date: None,
            description: String::new(),
        })
        .unwrap()
        .id;
    Fixture {
        _dir: dir,
        path,
        ws,
        project,
    }
}

fn message(e: bridgeplan_core::CoreError) -> String {
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    e.to_string()
}

#[test]
fn the_reader_handles_quotes_line_breaks_a_bom_and_each_delimiter() {
    let text =
        "\u{feff}Title,Description,Tags\r\n\"Fix, then ship\",\"Line one\r\nline \"\"two\"\"\",a;b\r\nPlain,,\r\n\r\n";
    let t = csv::read(text.as_bytes()).unwrap();
    assert_eq!(t.delimiter, ',');
    assert_eq!(t.headers, ["Title", "Description", "Tags"]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].cells, ["Fix, then ship", "Line one\r\nline \"two\"", "a;b"]);
    // Row numbers are the sheet's: the header is row 1, even with a line break inside a value.
    assert_eq!((t.rows[0].row, t.rows[1].row), (2, 3));

    let semi = csv::read("Titel;Schätzung\nA;1,5\nB;2\n".as_bytes()).unwrap();
    assert_eq!(
        (semi.delimiter, semi.rows[0].cells.clone()),
        (';', vec!["A".to_string(), "1,5".to_string()])
    );
    let tab = csv::read(b"Title\tStatus\nA\tDone\n").unwrap();
    assert_eq!((tab.delimiter, tab.rows[0].cells.len()), ('\t', 2));
    // Without a final line break the last row is still read.
    assert_eq!(csv::read(b"Title\nonly").unwrap().rows[0].cells, ["only"]);
}

#[test]
fn writing_then_reading_gives_the_same_values() {
    let headers = vec!["A".to_string(), "B, C".to_string()];
    let rows = vec![
        vec!["quote \" inside".to_string(), "two\nlines".to_string()],
        vec![" padded ".to_string(), String::new()],
    ];
    let text = csv::write(&headers, &rows);
    assert!(text.ends_with("\r\n"));
    assert!(text.starts_with("A,\"B, C\"\r\n"));
    let back = csv::read(text.as_bytes()).unwrap();
    assert_eq!(back.headers, headers);
    assert_eq!(back.rows.iter().map(|r| r.cells.clone()).collect::<Vec<_>>(), rows);
}

#[test]
fn bad_files_are_refused_with_a_message_that_names_the_problem() {
    for (bytes, says) in [
        (&b""[..], "empty"),
        (&b"\xEF\xBB\xBF  \r\n"[..], "empty"),
        (&b"Title,Status\r\n"[..], "header row but no rows"),
        (&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], "not a CSV file"),
        (&b"Title\n\xff\xfe caf\xe9\n"[..], "not UTF-8"),
        (&b"Title,Notes\nA,\"never closed\nB,x\n"[..], "never closed"),
    ] {
        let m = message(csv::read(bytes).unwrap_err());
        assert!(m.contains(says), "{m:?} should say {says:?}");
    }
}

#[test]
fn the_mapping_is_guessed_from_the_headers_and_remembered_after_an_import() {
    let mut f = fixture();
    let text = "Summary,Notes,Column,Assigned to,Due,Labels,Sprint\nLogin page,Needs SSO,Doing,Mia Chen,2026-12-10,\"web, auth\",S1\n";
    let table = csv::read(text.as_bytes()).unwrap();
    let sheet = f.ws.csv_inspect(CsvKind::WorkItems, &table).unwrap();
    assert!(!sheet.remembered);
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        sheet.mapping,
        vec![
            some("title"),
            some("description"),
            some("status"),
            some("assignee"),
            some("due_date"),
            some("tags"),
            None
        ]
    );
    // The user maps Notes to nothing; that choice is what comes back next time.
    let mut mapping = sheet.mapping.clone();
    mapping[1] = None;
    let done =
        f.ws.csv_import(f.project, CsvKind::WorkItems, &table, &mapping, false)
            .unwrap();
    assert_eq!(done.good_rows, 1);
    let again = f.ws.csv_inspect(CsvKind::WorkItems, &table).unwrap();
    assert!(again.remembered);
    assert_eq!(again.mapping, mapping);
    // The same shape with other case and spacing is the same signature.
    let other = csv::read(b"summary , NOTES,column,Assigned To,due,labels,sprint\nX,,,,,,\n").unwrap();
    assert!(f.ws.csv_inspect(CsvKind::WorkItems, &other).unwrap().remembered);
    // A different shape is guessed afresh.
    let different = csv::read(b"Summary,Notes\nX,y\n").unwrap();
    assert!(!f.ws.csv_inspect(CsvKind::WorkItems, &different).unwrap().remembered);
    // Undo takes back the import and the remembered mapping together.
    f.ws.undo().unwrap().unwrap();
    assert!(!f.ws.csv_inspect(CsvKind::WorkItems, &table).unwrap().remembered);
}

#[test]
fn work_items_import_in_one_undoable_edit_with_every_field() {
    let mut f = fixture();
    let text = "Title;Type;Status;Priority;Assignee;Estimate (h);Story points;Due date;Tags;Description;Sprint\n\
                Login page;story;Done;high;Mia Chen;1,5;3;2026-12-10;web|auth;\"Two\nlines\";S1\n\
                Fix crash;bug;in progress;critical;;4;;2026/12/11;;;S2\n\
                Write docs;;;;Mia Chen;;;;;;\n";
    let table = csv::read(text.as_bytes()).unwrap();
    let mapping = f.ws.csv_inspect(CsvKind::WorkItems, &table).unwrap().mapping;
    let preview =
        f.ws.csv_import_preview(f.project, CsvKind::WorkItems, &table, &mapping)
            .unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let creates: Vec<(String, usize)> = preview
        .preview
        .creates
        .iter()
        .map(|c| (c.what.clone(), c.count))
        .collect();
    assert_eq!(creates, [("work items".to_string(), 3), ("people".to_string(), 1)]);
    assert_eq!(
        preview.preview.not_kept,
        ["The \"Sprint\" column is mapped to nothing: its 2 values are not imported."]
    );
    // The preview wrote nothing.
    let before = dump(&f.path);
    assert_eq!(
        f.ws.board(f.project)
            .unwrap()
            .columns
            .iter()
            .map(|c| c.items.len())
            .sum::<usize>(),
        0
    );

    f.ws.csv_import(f.project, CsvKind::WorkItems, &table, &mapping, false)
        .unwrap();
    let board = f.ws.board(f.project).unwrap();
    let all: Vec<_> = board
        .columns
        .iter()
        .flat_map(|c| c.items.iter().map(move |i| (c.status.name.clone(), i.clone())))
        .collect();
    assert_eq!(all.len(), 3);
    let (column, login) = all.iter().find(|(_, i)| i.title == "Login page").unwrap();
    assert_eq!(column, "Done");
    assert_eq!(login.assignee.as_deref(), Some("Mia Chen"));
    assert_eq!((login.estimate_hours, login.story_points), (Some(1.5), Some(3.0)));
    assert_eq!(login.tags, ["web", "auth"]);
    assert_eq!(login.description, "Two\nlines");
    assert_eq!(login.due_date.unwrap().to_string(), "2026-12-10");
    let (column, crash) = all.iter().find(|(_, i)| i.title == "Fix crash").unwrap();
    assert_eq!(column, "In progress");
    assert_eq!(serde_json::to_value(crash.priority).unwrap(), "highest");
    assert_eq!(crash.due_date.unwrap().to_string(), "2026-12-11");
    let (column, _) = all.iter().find(|(_, i)| i.title == "Write docs").unwrap();
    assert_eq!(column, &board.columns[0].status.name);
    // One undo step takes every row back, the person and the remembered mapping included.
    assert_ne!(before, dump(&f.path));
    let step = f.ws.undo().unwrap().unwrap();
    assert!(
        format!("{step:?}").contains("Import 3 work items from CSV into Portal"),
        "{step:?}"
    );
    assert_eq!(before, dump(&f.path));
    f.ws.redo().unwrap().unwrap();
    assert_eq!(
        f.ws.board(f.project)
            .unwrap()
            .columns
            .iter()
            .map(|c| c.items.len())
            .sum::<usize>(),
        3
    );
}

#[test]
fn bad_rows_are_named_and_either_refuse_the_import_or_are_skipped_and_counted() {
    let mut f = fixture();
    let text = "Title,Status,Estimate,Due date,Type\n\
                Good one,,2,,\n\
                ,,,,\n\
                Unknown status,Blocked,,,\n\
                Bad number,,lots,,\n\
                Bad date,,,12/31/2026,\n\
                Bad type,,,,spike\n\
                Ragged,,\n";
    let table = csv::read(text.as_bytes()).unwrap();
    let mapping = f.ws.csv_inspect(CsvKind::WorkItems, &table).unwrap().mapping;
    let preview =
        f.ws.csv_import_preview(f.project, CsvKind::WorkItems, &table, &mapping)
            .unwrap();
    assert_eq!((preview.good_rows, preview.problem_rows), (1, 6));
    assert_eq!(
        preview.problems,
        [
            "Row 3: the title is empty",
            "Row 4: status \"Blocked\" is not a column of this board (Backlog, Ready, In progress, Review, Done)",
            "Row 5: estimate \"lots\" is not a number",
            "Row 6: due date \"12/31/2026\" is not a date Bridgeplan can read; write dates as YYYY-MM-DD",
            "Row 7: type \"spike\" is not one of task, story, bug, epic, milestone, deliverable",
            "Row 8: it has 3 values but the header has 5, so its values cannot be matched to the columns",
        ]
    );
    let before = dump(&f.path);
    let m = message(
        f.ws.csv_import(f.project, CsvKind::WorkItems, &table, &mapping, false)
            .unwrap_err(),
    );
    assert!(
        m.contains("6 rows of the file cannot be imported") && m.contains("Nothing was imported"),
        "{m}"
    );
    assert_eq!(before, dump(&f.path));
    let done =
        f.ws.csv_import(f.project, CsvKind::WorkItems, &table, &mapping, true)
            .unwrap();
    assert_eq!(done.good_rows, 1);
    assert_eq!(
        done.preview.skipped,
        ["6 rows with problems (listed below) left out if you choose to skip them."]
    );
    assert_eq!(f.ws.board(f.project).unwrap().columns[0].items.len(), 1);
}

#[test]
fn a_bad_mapping_is_refused_before_anything_is_read() {
    let mut f = fixture();
    let table = csv::read(b"A,B\nx,y\n").unwrap();
    let before = dump(&f.path);
    let some = |s: &str| Some(s.to_string());
    for (mapping, says) in [
        (vec![None, None], "No column is mapped to Title"),
        (vec![some("title"), some("title")], "both mapped to Title"),
        (vec![some("title"), some("colour")], "\"colour\" is not a field"),
        (vec![some("title")], "names 1 columns but the file has 2"),
    ] {
        let m = message(
            f.ws.csv_import(f.project, CsvKind::WorkItems, &table, &mapping, true)
                .unwrap_err(),
        );
        assert!(m.contains(says), "{m:?} should say {says:?}");
    }
    assert_eq!(before, dump(&f.path));
}

#[test]
fn risks_import_with_their_scales_checked() {
    let mut f = fixture();
    let text = "Risk,Cause,Event,Consequence,Category,Likelihood,Impact,Owner,Strategy,Mitigation,Next review,Status\n\
                Vendor late,Small vendor,Delivery slips,Launch moves,supplier,4,5,Raj Patel,mitigate,Second source,2026-12-20,open\n\
                Key person leaves,,,,Weather,2,high,,accept,,,monitoring\n\
                Too big,,,,,3,7,,,,,\n\
                No scale,,,,,,2,,,,,\n\
                Odd response,,,,,1,1,,pray,,,\n";
    let table = csv::read(text.as_bytes()).unwrap();
    let sheet = f.ws.csv_inspect(CsvKind::Risks, &table).unwrap();
    assert!(sheet.mapping.iter().all(Option::is_some), "{:?}", sheet.mapping);
    let preview =
        f.ws.csv_import_preview(f.project, CsvKind::Risks, &table, &sheet.mapping)
            .unwrap();
    assert_eq!(
        preview.problems,
        [
            "Row 4: impact 7 is outside 1–5",
            "Row 5: probability is empty; give a whole number from 1 to 5",
            "Row 6: response \"pray\" is not one of avoid, mitigate, transfer, accept, escalate",
        ]
    );
    assert_eq!(
        preview.preview.not_kept,
        ["Categories Bridgeplan does not have are filed as Other: Weather."]
    );
    let before = dump(&f.path);
    f.ws.csv_import(f.project, CsvKind::Risks, &table, &sheet.mapping, true)
        .unwrap();
    let log = f.ws.raid_log(f.project).unwrap();
    assert_eq!(log.risks.len(), 2);
    let vendor = log.risks.iter().find(|r| r.title == "Vendor late").unwrap();
    assert_eq!((vendor.probability, vendor.impact, vendor.score), (4, 5, 20));
    assert_eq!(vendor.category_label, "Vendor");
    assert_eq!(vendor.owner_name.as_deref(), Some("Raj Patel"));
    assert_eq!(vendor.response_plan, "Second source");
    assert_eq!(vendor.review_date.unwrap().to_string(), "2026-12-20");
    let person = log.risks.iter().find(|r| r.title == "Key person leaves").unwrap();
    assert_eq!(
        (person.impact, serde_json::to_value(person.status).unwrap()),
        (4, "monitoring".into())
    );
    f.ws.undo().unwrap().unwrap();
    assert_eq!(before, dump(&f.path));
}

#[test]
fn every_grid_exports_as_csv_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.bridgeplan");
    clock::fix_for_tests();
    let ws = bridgeplan_core::demo::write_demo(&path).unwrap();
    let projects = ws.projects().unwrap();
    for grid in CsvGrid::ALL {
        let mut total = 0;
        for p in &projects {
            let (text, report) = ws.csv_export(grid, Some(p.id)).unwrap();
            let rows = ws.csv_grid(grid, Some(p.id)).unwrap();
            assert_eq!(report.written[0].count, rows.rows.len());
            total += rows.rows.len();
            if rows.rows.is_empty() {
                continue;
            }
            let back = csv::read(text.as_bytes()).unwrap();
            assert_eq!(back.headers, rows.headers, "{grid:?}");
            assert_eq!(
                back.rows.iter().map(|r| r.cells.clone()).collect::<Vec<_>>(),
                rows.rows,
                "{grid:?}"
            );
        }
        assert!(total > 0, "the demo has rows in the {grid:?} grid");
        if !grid.needs_project() {
            ws.csv_export(grid, None).unwrap();
        } else {
            let m = message(ws.csv_export(grid, None).unwrap_err());
            assert!(m.contains("name the project"), "{m}");
        }
        assert_eq!(CsvGrid::parse(&grid.cli_name()).unwrap(), grid);
    }
    assert!(CsvGrid::parse("gantt").is_err());
}

#[test]
fn exported_work_items_import_again_into_another_project_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.bridgeplan");
    clock::fix_for_tests();
    let mut ws = bridgeplan_core::demo::write_demo(&path).unwrap();
    let source = ws.projects().unwrap().into_iter().max_by_key(|p| p.item_count).unwrap();
    let (text, _) = ws.csv_export(CsvGrid::WorkItems, Some(source.id)).unwrap();
    let target = ws
        .create_project(&ProjectInput {
            name: "Copy".into(),
            methodology: Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: String::new(),
        })
        .unwrap();
    let table = csv::read(text.as_bytes()).unwrap();
    let sheet = ws.csv_inspect(CsvKind::WorkItems, &table).unwrap();
    assert!(
        sheet.mapping.iter().all(Option::is_some),
        "every exported column maps back: {:?}",
        sheet.mapping
    );
    // The source's own column names may not exist in the copy's board; map status only when they do.
    let mut mapping = sheet.mapping.clone();
    let columns: Vec<String> = ws.statuses(target.id).unwrap().into_iter().map(|s| s.name).collect();
    let status_col = mapping.iter().position(|m| m.as_deref() == Some("status")).unwrap();
    if table
        .rows
        .iter()
        .any(|r| !columns.iter().any(|c| c.eq_ignore_ascii_case(r.get(status_col))))
    {
        mapping[status_col] = None;
    }
    ws.csv_import(target.id, CsvKind::WorkItems, &table, &mapping, false)
        .unwrap();
    let a = ws.csv_grid(CsvGrid::WorkItems, Some(source.id)).unwrap();
    let b = ws.csv_grid(CsvGrid::WorkItems, Some(target.id)).unwrap();
    let without_status = |rows: &[Vec<String>]| {
        let mut v: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != 2)
                    .map(|(_, c)| c.clone())
                    .collect()
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(without_status(&a.rows), without_status(&b.rows));
}
