//! Every report rendered from the demo workspace and read back as text the way a reader's
//! PDF viewer extracts it (poppler's pdftotext), so the figures are checked in the PDF itself.

use std::path::Path;
use std::process::Command;

use bridgeplan_core::work::statuses::StatusCategory;
use bridgeplan_core::{demo, ErrorCode, Workspace};
use bridgeplan_reports::{kinds, prepare, render_pdf, typeset, write_pdf, Paper, ReportKind, ReportRequest};

fn demo_workspace() -> Workspace {
    let mut ws = Workspace::in_memory().unwrap();
    demo::fill_demo(&mut ws, bridgeplan_core::clock::fix_for_tests()).unwrap();
    ws
}

/// The PDF's text, one string per page.
fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args([file.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) reads the PDF");
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    pages.pop(); // after the last form feed
    pages
}

/// pdfinfo's "Key: value" lines.
fn pdf_info(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdfinfo").arg(&file).output().expect("pdfinfo");
    String::from_utf8(out.stdout).unwrap()
}

fn request(ws: &Workspace, kind: ReportKind, project: Option<&str>) -> ReportRequest {
    let mut r = ReportRequest::new(kind);
    r.project_id = project.map(|name| ws.project_by_name(name).unwrap().id);
    r
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` holds `needle`, ignoring white space: the PDF places words, not spaces.
fn has(text: &str, needle: &str) -> bool {
    let compact = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    compact(text).contains(&compact(needle))
}

#[test]
fn status_report_of_one_project_states_its_figures() {
    let ws = demo_workspace();
    let project = ws.project_by_name("Customer Portal").unwrap();
    let board = ws.board(project.id).unwrap();
    let done: usize = board
        .columns
        .iter()
        .filter(|c| c.status.category == StatusCategory::Done)
        .map(|c| c.items.len())
        .sum();
    let total: usize = board.columns.iter().map(|c| c.items.len()).sum();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Status, Some("Customer Portal"))).unwrap();
    let pages = pdf_pages(&pdf);
    let text = squeeze(&pages.join(" "));
    assert!(text.contains("Status report"));
    assert!(text.contains("Customer Portal"));
    let percent = (done as f64 / total as f64 * 100.0).round();
    assert!(has(&text, &format!("{percent} %")), "{percent} % done in: {text}");
    assert!(has(&text, &done.to_string()) && text.contains("items done"), "{text}");
    for heading in [
        "Progress by status",
        "Overdue",
        "Blocked",
        "Done in the period",
        "Next steps",
    ] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    // Every page says which page of how many it is.
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {}", i + 1, pages.len())),
            "page {i}: {page}"
        );
    }
}

#[test]
fn status_report_of_every_project_has_the_portfolio_and_the_baseline_slip() {
    let ws = demo_workspace();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Status, None)).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains("Portfolio overview"));
    for p in ws.projects().unwrap() {
        assert!(text.contains(&p.name), "{} in the portfolio", p.name);
    }
    // The demo's ERP plan slipped a day against its approved baseline (a holiday added later).
    assert!(text.contains("Approved plan"), "{text}");
    assert!(text.contains("1 day late"), "{text}");
    let info = pdf_info(&pdf);
    assert!(
        info.contains("Title:") && info.contains("Status report – All projects"),
        "{info}"
    );
    assert!(info.contains("Author:"), "{info}");
}

#[test]
fn schedule_report_has_every_task_the_finish_and_the_critical_count() {
    let ws = demo_workspace();
    let project = ws.project_by_name("ERP Cloud Migration").unwrap();
    let schedule = ws.project_schedule(project.id).unwrap();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Schedule, Some("ERP Cloud Migration"))).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    for task in &schedule.tasks {
        let shown: String = task.name.chars().take(20).collect();
        assert!(text.contains(shown.trim()), "{} in the Gantt", task.name);
    }
    let finish = schedule.finish.date().format("%-d %b %Y").to_string();
    assert!(
        text.contains(&finish) && text.contains("forecast finish"),
        "{finish}: {text}"
    );
    let leaves: Vec<_> = schedule.tasks.iter().filter(|t| !t.summary).collect();
    let critical = leaves.iter().filter(|t| t.critical).count();
    assert!(has(&text, &format!("{critical} of {}", leaves.len())), "{text}");
    // Landscape A4: 842 × 595 points.
    assert!(pdf_info(&pdf).contains("841.89 x 595.276 pts (A4)"));
}

#[test]
fn letter_paper_is_letter() {
    let ws = demo_workspace();
    let mut r = request(&ws, ReportKind::Schedule, Some("ERP Cloud Migration"));
    r.paper = Paper::Letter;
    assert!(pdf_info(&render_pdf(&ws, &r).unwrap()).contains("792 x 612 pts (letter)"));
}

#[test]
fn sprint_report_has_the_goal_the_points_and_the_items() {
    let ws = demo_workspace();
    let project = ws.project_by_name("Customer Portal").unwrap();
    let sprints = ws.sprints(project.id).unwrap();
    let running = sprints
        .iter()
        .find(|s| s.state == bridgeplan_core::agile::sprints::SprintState::Active)
        .expect("the demo has a running sprint");
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Sprint, Some("Customer Portal"))).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains(&running.name));
    assert!(text.contains(&squeeze(&running.goal)), "goal in {text}");
    assert!(
        has(&text, &running.committed_points.to_string()) && text.contains("points committed"),
        "{text}"
    );
    for item in ws.sprint_plan(running.id).unwrap().items {
        assert!(text.contains(&item.title), "{} listed", item.title);
    }
    assert!(text.contains("Burndown") && text.contains("Velocity") && text.contains("Not completed"));

    // A finished sprint chosen by id.
    let finished = sprints
        .iter()
        .find(|s| s.state == bridgeplan_core::agile::sprints::SprintState::Finished)
        .unwrap();
    let mut r = request(&ws, ReportKind::Sprint, Some("Customer Portal"));
    r.sprint_id = Some(finished.id);
    let text = squeeze(&pdf_pages(&render_pdf(&ws, &r).unwrap()).join(" "));
    assert!(text.contains(&finished.name));
}

#[test]
fn board_report_lists_every_item_in_its_lane_and_the_wip_limits() {
    let ws = demo_workspace();
    let project = ws.project_by_name("Security Hardening").unwrap();
    let board = ws.board(project.id).unwrap();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Board, Some("Security Hardening"))).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    for column in &board.columns {
        assert!(text.contains(&column.status.name));
        if let Some(limit) = column.status.wip_limit {
            assert!(
                has(&text, &format!("{} / {limit}", column.items.len())),
                "{} limit",
                column.status.name
            );
        }
        for item in &column.items {
            let start: String = item.title.chars().take(18).collect();
            assert!(text.contains(start.trim()), "{} on the board", item.title);
        }
    }
    for person in board
        .columns
        .iter()
        .flat_map(|c| &c.items)
        .filter_map(|i| i.assignee.as_deref())
    {
        assert!(text.contains(person), "lane of {person}");
    }
}

#[test]
fn career_report_has_levels_certifications_goals_and_evidence() {
    let ws = demo_workspace();
    let dana = ws.person_by_name("Dana Whitfield").unwrap();
    let summary = ws.career_summary(dana).unwrap();
    let mut r = ReportRequest::new(ReportKind::Career);
    r.person_id = Some(dana);
    let pdf = render_pdf(&ws, &r).unwrap();
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains("Dana Whitfield"));
    assert!(text.contains("IT Project Manager"));
    let with_target: Vec<_> = summary.skills.iter().filter(|s| s.target.is_some()).collect();
    let at_target = with_target.iter().filter(|s| s.gap <= 0).count();
    assert!(
        has(&text, &format!("{at_target} of {}", with_target.len())) && text.contains("skills at target"),
        "{text}"
    );
    for c in &summary.certifications {
        assert!(text.contains(&c.name), "{} listed", c.name);
    }
    for g in &summary.goals {
        assert!(text.contains(&g.skill), "goal {}", g.skill);
    }
    for e in ws.evidence(dana).unwrap() {
        let start: String = e.title.chars().take(20).collect();
        assert!(text.contains(start.trim()), "evidence {}", e.title);
    }
    assert!(pdf_info(&pdf).contains("Author:          Dana Whitfield"));
}

#[test]
fn fonts_are_embedded_and_accented_text_survives() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = ws
        .create_project(&bridgeplan_core::work::projects::ProjectInput {
            name: "Café Łódź – Zürich €5 ñ • done".into(),
            methodology: bridgeplan_core::work::projects::Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: "Straße, señor, naïve".into(),
        })
        .unwrap();
    let mut r = ReportRequest::new(ReportKind::Status);
    r.project_id = Some(project.id);
    let pdf = render_pdf(&ws, &r).unwrap();
    let text = pdf_pages(&pdf).join(" ");
    assert!(text.contains("Café Łódź – Zürich €5 ñ • done"), "{text}");
    assert!(text.contains("Straße, señor, naïve"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fonts.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let fonts = String::from_utf8(Command::new("pdffonts").arg(&file).output().unwrap().stdout).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row.contains("Inter"), "only the built-in font: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... emb sub uni: "yes yes yes" — embedded and subset, with a text map.
        assert!(row.contains(" yes yes yes "), "embedded: {row} ({cols:?})");
    }
}

#[test]
fn a_schedule_of_ten_thousand_tasks_runs_over_pages_with_the_headings_on_each() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = demo::add_load_test_plan(&mut ws, 10_000).unwrap();
    let mut r = ReportRequest::new(ReportKind::Schedule);
    r.project_id = Some(project);
    let prepared = prepare(&ws, &r).unwrap();
    let report = typeset(&prepared).unwrap();
    assert!(report.pages() > 200, "{} pages", report.pages());
    let pages = pdf_pages(&report.pdf().unwrap());
    assert_eq!(pages.len(), report.pages());
    for (i, page) in pages.iter().enumerate() {
        for heading in ["WBS", "Task name", "Start", "Finish", "Days"] {
            assert!(page.contains(heading), "page {} repeats {heading}", i + 1);
        }
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
    }
    let schedule = ws.project_schedule(project).unwrap();
    let last = &schedule.tasks.last().unwrap().name;
    assert!(
        pages.last().unwrap().contains(last.as_str()),
        "the last task, {last}, ends the chart"
    );
}

#[test]
fn unknown_or_missing_subjects_are_refused_with_a_message() {
    let ws = demo_workspace();
    let mut r = ReportRequest::new(ReportKind::Schedule);
    let err = prepare(&ws, &r).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("one project"), "{err}");

    r.project_id = Some(9_999);
    assert_eq!(prepare(&ws, &r).unwrap_err().code(), ErrorCode::NotFound);

    let mut r = request(&ws, ReportKind::Sprint, Some("Customer Portal"));
    r.sprint_id = Some(9_999);
    assert_eq!(prepare(&ws, &r).unwrap_err().code(), ErrorCode::NotFound);

    let no_sprints = request(&ws, ReportKind::Sprint, Some("ERP Cloud Migration"));
    let err = prepare(&ws, &no_sprints).unwrap_err();
    assert!(err.to_string().contains("no sprints"), "{err}");

    let mut r = ReportRequest::new(ReportKind::Career);
    assert_eq!(prepare(&ws, &r).unwrap_err().code(), ErrorCode::InvalidInput);
    r.person_id = Some(9_999);
    assert_eq!(prepare(&ws, &r).unwrap_err().code(), ErrorCode::NotFound);

    assert!(ReportKind::parse("gantt")
        .unwrap_err()
        .to_string()
        .contains("status, schedule, sprint, board, budget, closure, risk, stakeholders, minutes, operations, career"));
    assert!(Paper::parse("a3").is_err());
    assert_eq!(kinds().len(), 11);
}

#[test]
fn impossible_or_reversed_periods_are_refused() {
    let ws = demo_workspace();
    let mut r = request(&ws, ReportKind::Status, Some("Customer Portal"));
    r.from = Some("2026-02-30".into());
    let err = prepare(&ws, &r).unwrap_err();
    assert!(err.to_string().contains("2026-02-30"), "{err}");
    r.from = Some("2026-06-01".into());
    r.to = Some("2026-05-01".into());
    assert!(prepare(&ws, &r).unwrap_err().to_string().contains("before it starts"));
}

#[test]
fn a_pdf_is_written_whole_or_not_at_all() {
    let ws = demo_workspace();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Board, Some("Security Hardening"))).unwrap();
    let dir = tempfile::tempdir().unwrap();

    let missing = dir.path().join("no such folder").join("board.pdf");
    let err = write_pdf(&missing, &pdf).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(!missing.parent().unwrap().exists());

    let err = write_pdf(dir.path(), &pdf).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);

    // An existing file is replaced only by a complete one, and no temporary file is left.
    let out = dir.path().join("board.pdf");
    std::fs::write(&out, b"an older report").unwrap();
    write_pdf(&out, &pdf).unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(Path::new(&out).exists());
}

/// Writes a PDF under `BRIDGEPLAN_SAVE_REPORTS` when set, to look at it while working on a
/// template; tests never need it.
fn keep(name: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("BRIDGEPLAN_SAVE_REPORTS") {
        std::fs::write(Path::new(&dir).join(name), pdf).unwrap();
    }
}

#[test]
fn budget_report_has_the_categories_earned_value_and_s_curve() {
    let ws = demo_workspace();
    let project = ws.project_by_name("ERP Cloud Migration").unwrap();
    let summary = ws.cost_summary(project.id, None, None).unwrap();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Budget, Some("ERP Cloud Migration"))).unwrap();
    keep("budget.pdf", &pdf);
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains("Budget report"));
    assert!(text.contains("ERP Cloud Migration"));
    let budgeted: Vec<_> = summary.categories.iter().filter(|c| c.budget_minor > 0).collect();
    assert!(!budgeted.is_empty(), "the demo budgets the ERP project");
    for c in budgeted {
        assert!(text.contains(&c.label), "{} in: {text}", c.label);
    }
    for figure in ["BAC", "PV", "EV", "AC", "SV", "CV", "SPI", "CPI", "ETC", "VAC", "TCPI"] {
        assert!(text.contains(figure), "{figure} in: {text}");
    }
    assert!(has(&text, "EAC = BAC / CPI"), "{text}");
    let ev = ws.earned_value(project.id, bridgeplan_core::clock::today()).unwrap();
    let eac = ev.figures.eac.expect("the demo has earned value and cost");
    let eac_text = format!("€{}", group(eac / 100));
    assert!(has(&text, &eac_text), "EAC {eac_text} in: {text}");
    assert!(text.contains("S-curve"));
}

#[test]
fn budget_report_lists_the_change_requests() {
    // The demo's ERP migration has an implemented change and one waiting for a decision.
    let ws = demo_workspace();
    let project = ws.project_by_name("ERP Cloud Migration").unwrap();
    let changes = ws.change_requests(project.id).unwrap();
    assert!(changes.len() >= 2, "{changes:?}");
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Budget, Some("ERP Cloud Migration"))).unwrap();
    keep("budget-changes.pdf", &pdf);
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    for c in &changes {
        assert!(has(&text, &c.code), "{} in: {text}", c.code);
        assert!(has(&text, c.status.label()), "{} in: {text}", c.status.label());
        if c.schedule_impact_days != 0 {
            let days = format!("{:+} day", c.schedule_impact_days);
            assert!(has(&text, &days), "{days} in: {text}");
        }
    }
    let words = |t: &str| t.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(has(&text, &words(&changes[0].title)), "{} in: {text}", changes[0].title);
}

#[test]
fn status_report_has_the_budget_line() {
    let ws = demo_workspace();
    let project = ws.project_by_name("ERP Cloud Migration").unwrap();
    let summary = ws.cost_summary(project.id, None, None).unwrap();
    let ev = ws.earned_value(project.id, bridgeplan_core::clock::today()).unwrap();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Status, Some("ERP Cloud Migration"))).unwrap();
    keep("status.pdf", &pdf);
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    let cpi = format!("{:.2}", ev.figures.cpi.unwrap());
    for needle in [
        format!("Budget €{}", group(summary.budget_minor / 100)),
        format!("Actual to date €{}", group(summary.actual_minor / 100)),
        "EAC".to_string(),
        format!("CPI {cpi}"),
    ] {
        assert!(has(&text, &needle), "{needle} in: {text}");
    }
}

/// Whole units with thousands commas, as the reports print money.
fn group(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[test]
fn closure_report_has_outcomes_budget_deliverables_and_lessons() {
    let ws = demo_workspace();
    let project = ws.project_by_name("ERP Cloud Migration").unwrap();
    let outcome = ws.closure_outcome(project.id).unwrap();
    assert!(
        outcome.baseline.is_some() && outcome.planned.is_some(),
        "the demo baselines the ERP"
    );
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Closure, Some("ERP Cloud Migration"))).unwrap();
    keep("closure.pdf", &pdf);
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    for part in [
        "Closure report",
        "Outcomes against the baseline",
        "Duration (calendar days)",
        "Work (hours)",
        "Estimate at completion (EAC)",
        "Deliverables and changes",
        "What went well",
        "What to improve",
    ] {
        assert!(has(&text, part), "{part} in: {text}");
    }
    let ev = ws.earned_value(project.id, bridgeplan_core::clock::today()).unwrap();
    let eac_text = format!("€{}", group(ev.figures.eac.unwrap() / 100));
    assert!(has(&text, &eac_text), "EAC {eac_text} in: {text}");
    for lesson in ws
        .lessons()
        .unwrap()
        .iter()
        .filter(|l| l.project_id == Some(project.id))
    {
        assert!(has(&text, &lesson.title), "{} in: {text}", lesson.title);
    }
    let changes = ws.change_requests(project.id).unwrap().len();
    assert!(has(&text, &format!("{changes} change requests raised")), "{text}");
    let accepted = ws
        .project_scope(project.id)
        .unwrap()
        .deliverables
        .iter()
        .filter(|d| d.acceptance == bridgeplan_core::scope::Acceptance::Accepted)
        .count();
    assert!(accepted > 0 && has(&text, "Accepted"), "{text}");
}

#[test]
fn risk_report_has_the_register_by_score_the_heat_map_and_the_issue_log() {
    let ws = demo_workspace();
    let project = ws.project_by_name("ERP Cloud Migration").unwrap();
    let log = ws.raid_log(project.id).unwrap();
    let pdf = render_pdf(&ws, &request(&ws, ReportKind::Risk, Some("ERP Cloud Migration"))).unwrap();
    keep("risk.pdf", &pdf);
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    for heading in [
        "Risk report",
        "ERP Cloud Migration",
        "Heat map",
        "Risk register",
        "Due for review",
        "Issue log",
    ] {
        assert!(text.contains(heading), "{heading} in: {text}");
    }
    // The register is in score order in the PDF too.
    let mut at = 0;
    for risk in &log.risks {
        let found = text[at..]
            .find(&risk.title)
            .unwrap_or_else(|| panic!("{} after {at} in: {text}", risk.title));
        at += found;
    }
    let due = log
        .risks
        .iter()
        .find(|r| r.due_for_review)
        .expect("the demo has a risk due for review");
    assert!(text.matches(&due.title).count() >= 2, "listed under due for review too");
    for issue in &log.issues {
        assert!(text.contains(&issue.title), "{} in: {text}", issue.title);
    }
    assert!(has(&text, "20–25"), "the bands are stated: {text}");
    // A risk report is about one project.
    assert_eq!(
        prepare(&ws, &ReportRequest::new(ReportKind::Risk)).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
}

#[test]
fn stakeholders_report_has_the_register_grid_raci_flags_and_plan() {
    let ws = demo_workspace();
    let pdf = render_pdf(
        &ws,
        &request(&ws, ReportKind::Stakeholders, Some("ERP Cloud Migration")),
    )
    .unwrap();
    keep("stakeholders.pdf", &pdf);
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains("Stakeholders report"));
    for s in ["Claire Dubois", "Works council", "External auditors", "Ingrid Svensson"] {
        assert!(text.contains(s), "{s} in: {text}");
    }
    for section in ["Register", "Power and interest", "RACI", "Communication plan"] {
        assert!(text.contains(section), "{section} in: {text}");
    }
    for quadrant in ["Manage closely", "Keep satisfied", "Keep informed", "Monitor"] {
        assert!(text.contains(quadrant), "{quadrant} in: {text}");
    }
    assert!(has(&text, "\"Cutover runbook\" has no Accountable"), "{text}");
    assert!(text.contains("Key-user update"));
    assert!(text.contains("due"));
}

#[test]
fn the_minutes_of_the_latest_meeting_or_the_one_chosen() {
    bridgeplan_core::clock::fix_for_tests();
    let mut ws = Workspace::in_memory().unwrap();
    bridgeplan_core::demo::fill_demo(&mut ws, bridgeplan_core::clock::today()).unwrap();
    let erp = ws.project_by_name("ERP Cloud Migration").unwrap().id;
    let mut req = ReportRequest::new(ReportKind::Minutes);
    req.project_id = Some(erp);
    let prepared = prepare(&ws, &req).unwrap();
    let typeset = typeset(&prepared).unwrap();
    assert!(typeset.pages() >= 1);
    assert!(typeset.pdf().unwrap().starts_with(b"%PDF"));
    let svg = typeset.first_page_svg();
    assert!(svg.len() > 1000);
    // A meeting of another project is refused; a missing one is named.
    let portal = ws.project_by_name("Customer Portal").unwrap().id;
    let standup = ws.meetings(portal).unwrap()[0].id;
    req.meeting_id = Some(standup);
    assert!(prepare(&ws, &req).is_err());
    req.project_id = Some(portal);
    assert!(prepare(&ws, &req).is_ok());
    let mut empty = ReportRequest::new(ReportKind::Minutes);
    empty.project_id = Some(ws.project_by_name("Security Hardening").unwrap().id);
    let err = prepare(&ws, &empty).err().unwrap();
    assert!(err.to_string().contains("has no meetings"), "{err}");
}

#[test]
fn operations_report_has_the_services_slas_availability_and_breaches() {
    use bridgeplan_core::operations::rules::SlaState;
    let ws = demo_workspace();
    let r = ReportRequest::new(ReportKind::Operations);
    let pdf = render_pdf(&ws, &r).unwrap();
    keep("operations.pdf", &pdf);
    let text = squeeze(&pdf_pages(&pdf).join(" "));
    assert!(text.contains("Operations report"), "{text}");
    let board = ws.operations_dashboard().unwrap();
    for tile in &board.services {
        assert!(has(&text, &tile.name), "{} in: {text}", tile.name);
        let detail = ws.service_detail(tile.id).unwrap();
        for i in &detail.incidents {
            let words = i.title.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            assert!(has(&text, &words), "{words} in: {text}");
        }
        let measured = detail.months.iter().rev().find_map(|m| m.measured).unwrap();
        assert!(has(&text, &format!("{measured:.2}")), "{measured:.2} in: {text}");
    }
    // The default SLA targets, and the ERP outage that breached its resolution target.
    for target in ["15 min", "4 h", "3 d", "5 d"] {
        assert!(has(&text, target), "{target} in: {text}");
    }
    let erp = board.services.iter().find(|s| s.name == "ERP").unwrap();
    let p1 = ws
        .service_detail(erp.id)
        .unwrap()
        .incidents
        .into_iter()
        .find(|i| i.severity == 1)
        .unwrap();
    assert_eq!(p1.resolution, SlaState::Breached);
    assert!(has(&text, "with an SLA breach"), "{text}");
    assert!(has(&text, "caused by ERP Cloud Migration"), "{text}");
    assert!(has(&text, "Stability") && has(&text, "Uptime") && has(&text, "Satisfaction"));
}
