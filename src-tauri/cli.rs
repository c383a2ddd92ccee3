//! The command line of the same binary: `bridgeplan [FILE]` opens the app; the subcommands
//! work headless on workspace files (no display needed), for automation and tests.

use std::path::PathBuf;

use bridgeplan_core::plan::timeline::ProjectSchedule;
use bridgeplan_core::resources::levelling::LevellingPreview;
use bridgeplan_core::{demo, interchange::mspdi, workspace::check, workspace::files, CoreError, Workspace};
use bridgeplan_reports::{Paper, ReportKind, ReportRequest};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "bridgeplan",
    version,
    about = "Offline planning boards and career-skill checklists for IT project managers.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// A workspace file (.bridgeplan) to open in the app.
    file: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Write the demo workspace (Northwind Logistics' IT department) to PATH and exit.
    Demo {
        /// Where to write it; the file must not exist yet.
        path: PathBuf,
        /// Instead of the demo story, write one Kanban project with this many generated
        /// items (for load tests).
        #[arg(long, value_name = "N", conflicts_with = "tasks")]
        items: Option<usize>,
        /// Instead of the demo story, write one waterfall project with this many generated
        /// tasks and twice as many dependencies (for load tests of the timeline).
        #[arg(long, value_name = "N")]
        tasks: Option<usize>,
    },
    /// Check that PATH is a healthy workspace, without changing it. Exit status 0 if it is.
    Check { path: PathBuf },
    /// Create an empty workspace at PATH (the file must not exist yet).
    New {
        path: PathBuf,
        /// The workspace's name (default: from the file name).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Import a file: Microsoft Project XML (MSPDI), a Trello board's JSON export or a Jira CSV
    /// export as a new project; a CSV file of work items or risks into an existing project
    /// (`--format csv`); or a workspace JSON export (`export --format json`) into a new
    /// workspace file.
    Import {
        /// The .xml file written by Microsoft Project or another MSPDI writer, a Trello .json, a
        /// Jira or work-item .csv file, or a workspace JSON export.
        file: PathBuf,
        /// The workspace to add the project to; for a workspace JSON export, the new workspace
        /// file to create (it must not exist yet).
        #[arg(long, value_name = "WORKSPACE")]
        into: Option<PathBuf>,
        /// The workspace, given after the file instead of with --into.
        #[arg(value_name = "WORKSPACE")]
        workspace: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "mspdi")]
        format: ImportFormat,
        /// CSV: the existing project the rows go into.
        #[arg(long, value_name = "NAME")]
        into_project: Option<String>,
        /// CSV: what each row is, work-items or risks.
        #[arg(long, value_name = "KIND", default_value = "work-items")]
        kind: String,
        /// CSV: `auto` (the mapping remembered for this header, else guessed from the names),
        /// optionally followed by changes: `auto,Notes=description,Sprint=-`.
        #[arg(long, value_name = "MAPPING", default_value = "auto")]
        mapping: String,
        /// CSV: import the good rows and skip (and count) the rows with problems.
        #[arg(long)]
        skip_bad_rows: bool,
        /// MS Project, Trello, Jira: print what would be created and what the file holds that
        /// is not kept; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export a project to a file another tool opens: Microsoft Project XML, one grid as CSV,
    /// or a calendar (.ics) of milestones, meetings and due dates; or the whole workspace as
    /// lossless JSON.
    Export {
        workspace: PathBuf,
        /// The project's name (for ics and the cross-project grids: all projects when left out).
        #[arg(long, value_name = "NAME")]
        project: Option<String>,
        #[arg(long, value_enum, default_value = "mspdi")]
        format: ExportFormat,
        /// CSV: the grid to write (work-items, risks, issues, assumptions, dependencies,
        /// stakeholders, deliverables, budget-lines, cost-entries, meetings, lessons, incidents).
        #[arg(long, value_name = "GRID")]
        grid: Option<String>,
        /// Where to write it; an existing file is replaced only once the new one is complete.
        out: PathBuf,
    },
    /// Compute and print a project's schedule: dates, float and the critical path.
    Schedule {
        workspace: PathBuf,
        /// The project's name.
        #[arg(long, value_name = "NAME")]
        project: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print each project's health (or one project's): every area's rating in force, the
    /// computed rating and its reasons, and the manager's override with its comment.
    Health {
        workspace: PathBuf,
        /// Only this project (by name).
        #[arg(long, value_name = "NAME")]
        project: Option<String>,
        /// Print JSON (keys in snake_case).
        #[arg(long)]
        json: bool,
    },
    /// Print a project's earned value as of a date: PV, EV, AC, the variances, indices and
    /// forecasts (EAC = BAC / CPI).
    Evm {
        workspace: PathBuf,
        /// The project's name.
        #[arg(long, value_name = "NAME")]
        project: String,
        /// The status date (YYYY-MM-DD); figures count everything to the end of that day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: String,
        /// Print JSON (money in major units, two decimals; ratios as numbers or null).
        #[arg(long)]
        json: bool,
    },
    /// Print a person's skill levels, targets and gaps, certifications with their due dates,
    /// and development goals.
    /// Levels a project's resources: prints the preview, and saves it unless --dry-run.
    Level {
        workspace: PathBuf,
        #[arg(long, value_name = "NAME")]
        project: String,
        #[arg(long)]
        dry_run: bool,
        /// Level beyond float even if the project finish moves.
        #[arg(long)]
        allow_finish_move: bool,
        #[arg(long)]
        json: bool,
    },
    Skills {
        workspace: PathBuf,
        /// The person's name.
        #[arg(long, value_name = "NAME")]
        person: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search the workspace's items, RAID log, meetings, stakeholders, lessons, services and
    /// incidents: every word must match, the last one as a prefix; hits grouped by kind.
    Search {
        workspace: PathBuf,
        /// What to look for, e.g. "erp cutover".
        query: String,
        /// At most this many hits of each kind (1–50).
        #[arg(long, value_name = "N", default_value_t = 10)]
        limit: usize,
        /// Print JSON (the groups with their counts, hits with kind, id, project and the
        /// matching words marked) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a report as PDF: status, schedule, sprint, board, career, budget or closure.
    Report {
        workspace: PathBuf,
        /// status, schedule, sprint, board, career, budget, closure, risk, stakeholders, minutes
        /// (the project's latest meeting) or operations.
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The project's name; a status report without one covers every project.
        #[arg(long, value_name = "NAME")]
        project: Option<String>,
        /// The sprint's name, for a sprint report (default: the running sprint, else the latest).
        #[arg(long, value_name = "NAME")]
        sprint: Option<String>,
        /// The person's name, for a career report.
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// The start of the period covered (YYYY-MM-DD), for status and schedule reports.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// The end of the period covered (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: String,
        /// Where to write the PDF; an existing file is replaced only once the new one is complete.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Make a backup of a workspace now, in the backups folder beside it (WS.backups/), and
    /// delete the older backups the rotation rule no longer keeps. Prints the backup's path.
    Backup { workspace: PathBuf },
    /// Restore a backup as a new workspace at PATH. An existing PATH is never replaced.
    Restore {
        /// A backup file (.bridgeplan-backup) from a workspace's backups folder.
        backup: PathBuf,
        /// Where to write the restored workspace; it must not exist yet.
        #[arg(long, value_name = "PATH")]
        to: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    /// Microsoft Project XML.
    Mspdi,
    /// One grid as CSV (RFC 4180, UTF-8, a header row).
    Csv,
    /// iCalendar (RFC 5545).
    Ics,
    /// The whole workspace, every row of every table (see docs/file-format.md, "JSON export").
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ImportFormat {
    /// Microsoft Project XML, as a new project.
    Mspdi,
    /// Work items or risks into an existing project.
    Csv,
    /// A Trello board's JSON export, as a new project.
    Trello,
    /// A Jira CSV export ("all fields"), as a new project.
    Jira,
    /// A workspace JSON export, as a new workspace file (also found by its contents).
    Json,
}

/// A report request from names as typed on the command line.
#[allow(clippy::too_many_arguments)]
fn report_request(
    ws: &Workspace,
    kind: &str,
    project: Option<String>,
    sprint: Option<String>,
    person: Option<String>,
    from: Option<String>,
    to: Option<String>,
    paper: &str,
) -> Result<ReportRequest, bridgeplan_reports::ReportError> {
    let mut request = ReportRequest::new(ReportKind::parse(kind)?);
    request.paper = Paper::parse(paper)?;
    request.from = from;
    request.to = to;
    if let Some(name) = project {
        let project = ws.project_by_name(&name)?;
        if let Some(sprint) = sprint {
            let found = ws
                .sprints(project.id)?
                .into_iter()
                .find(|s| s.name.eq_ignore_ascii_case(sprint.trim()));
            let found = found.ok_or_else(|| {
                CoreError::NotFound(format!(
                    "There is no sprint named \"{}\" in {}.",
                    sprint.trim(),
                    project.name
                ))
            })?;
            request.sprint_id = Some(found.id);
        }
        request.project_id = Some(project.id);
    } else if sprint.is_some() {
        return Err(CoreError::InvalidInput("A sprint is named within its project: add --project.".into()).into());
    }
    if let Some(name) = person {
        request.person_id = Some(ws.person_by_name(&name)?);
    }
    Ok(request)
}

/// Exit codes: 0 success, 1 the file or data was refused, 2 wrong usage (from clap).
pub fn main() -> i32 {
    // WebKit's automation driver starts the browser binary with its own switch; it is not ours.
    let args = std::env::args_os().filter(|a| a != "--automation");
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return err.exit_code();
        }
    };
    if let Err(message) = bridgeplan_core::clock::from_env() {
        eprintln!("bridgeplan: {message}");
        return 2;
    }
    match cli.command {
        None => crate::run_app(cli.file),
        Some(command) => match run_headless(command) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("bridgeplan: {message}");
                1
            }
        },
    }
}

fn run_headless(command: Command) -> Result<(), String> {
    match command {
        Command::Demo { path, items, tasks } => {
            let result = match (items, tasks) {
                (Some(count), _) => Workspace::create(&path, Some("Load test")).and_then(|mut ws| {
                    demo::add_load_test_project(&mut ws, count)?;
                    Ok(ws)
                }),
                (None, Some(count)) => Workspace::create(&path, Some("Load test")).and_then(|mut ws| {
                    demo::add_load_test_plan(&mut ws, count)?;
                    Ok(ws)
                }),
                (None, None) => demo::write_demo(&path),
            };
            let ws = result.map_err(|e| e.to_string())?;
            ws.close().map_err(|e| e.to_string())?;
            println!("Wrote {}", path.display());
            Ok(())
        }
        Command::Check { path } => {
            let report = check::check_file(&path).map_err(|e| e.to_string())?;
            println!(
                "{} is a healthy Bridgeplan workspace (schema {}): {} project(s), {} work item(s), {} people.",
                path.display(),
                report.schema_version,
                report.projects,
                report.work_items,
                report.people
            );
            Ok(())
        }
        Command::New { path, name } => new_workspace(&path, name.as_deref()),
        Command::Import {
            file,
            into,
            workspace,
            format: format @ (ImportFormat::Trello | ImportFormat::Jira),
            dry_run,
            ..
        } => {
            let into = into
                .or(workspace)
                .ok_or("Name the workspace to import into with --into.")?;
            import_file(&file, &into, format, dry_run)
        }
        Command::Import {
            file,
            into,
            workspace,
            format: ImportFormat::Mspdi,
            dry_run: true,
            ..
        } => {
            let into = into
                .or(workspace)
                .ok_or("Name the workspace to import into with --into.")?;
            import_file(&file, &into, ImportFormat::Mspdi, true)
        }
        Command::Import {
            file,
            into,
            workspace,
            format: ImportFormat::Csv,
            into_project,
            kind,
            mapping,
            skip_bad_rows,
            ..
        } => {
            let into = into
                .or(workspace)
                .ok_or("Name the workspace to import into (after the file, or with --into).")?;
            let project = into_project.ok_or("A CSV file goes into an existing project: add --into-project NAME.")?;
            import_csv(&file, &into, &project, &kind, &mapping, skip_bad_rows)
        }
        Command::Import {
            file,
            into,
            workspace,
            format: format @ (ImportFormat::Mspdi | ImportFormat::Json),
            ..
        } => {
            // A workspace JSON export is found by its contents too, so the default format works.
            if matches!(format, ImportFormat::Json) || is_workspace_json(&file) {
                let into = into
                    .or(workspace)
                    .ok_or("Name the new workspace file to create with --into.")?;
                return import_workspace_json(&file, &into);
            }
            let into = into
                .or(workspace)
                .ok_or("Name the workspace to import into with --into.")?;
            let xml = std::fs::read_to_string(&file).map_err(|e| format!("Could not read {}: {e}", file.display()))?;
            // The file is read in full before the workspace is touched: a bad file changes nothing.
            let plan = mspdi::read(&xml).map_err(|e| format!("{}: {e} Nothing was imported.", file.display()))?;
            let mut ws = Workspace::open(&into).map_err(|e| e.to_string())?;
            let summary = ws
                .import_plan(&plan)
                .map_err(|e| format!("{e} Nothing was imported."))?;
            ws.close().map_err(|e| e.to_string())?;
            for warning in &summary.warnings {
                eprintln!("warning: {warning}");
            }
            println!(
                "Imported \"{}\" into {}: {}, {}, {}.",
                summary.project.name,
                into.display(),
                count(summary.tasks, "task", "tasks"),
                count(summary.dependencies, "dependency", "dependencies"),
                count(summary.calendars, "calendar", "calendars")
            );
            Ok(())
        }
        Command::Export {
            workspace,
            format: ExportFormat::Json,
            out,
            ..
        } => export_workspace_json(&workspace, &out),
        Command::Export {
            workspace,
            project,
            format: format @ (ExportFormat::Csv | ExportFormat::Ics),
            grid,
            out,
        } => export_csv_or_ics(
            &workspace,
            project.as_deref(),
            matches!(format, ExportFormat::Ics),
            grid.as_deref(),
            &out,
        ),
        Command::Export {
            workspace,
            project,
            format: ExportFormat::Mspdi,
            out,
            ..
        } => {
            let ws = Workspace::open(&workspace).map_err(|e| e.to_string())?;
            let project = project.ok_or("Name the project to export with --project.")?;
            let project = ws.project_by_name(&project).map_err(|e| e.to_string())?;
            let export = mspdi::export(&ws, project.id).map_err(|e| e.to_string())?;
            files::write_whole(&out, export.xml.as_bytes()).map_err(|e| e.to_string())?;
            for warning in &export.warnings {
                eprintln!("warning: {warning}");
            }
            println!("Wrote \"{}\" to {}", project.name, out.display());
            Ok(())
        }
        Command::Schedule {
            workspace,
            project,
            json,
        } => {
            let ws = Workspace::open(&workspace).map_err(|e| e.to_string())?;
            let project = ws.project_by_name(&project).map_err(|e| e.to_string())?;
            let schedule = ws.project_schedule(project.id).map_err(|e| e.to_string())?;
            let text = if json {
                serde_json::to_string_pretty(&schedule).map_err(|e| e.to_string())? + "\n"
            } else {
                schedule_table(&schedule)
            };
            emit(&text)
        }
        Command::Level {
            workspace,
            project,
            dry_run,
            allow_finish_move,
            json,
        } => {
            let mut ws = open_for(&workspace, dry_run)?;
            let project = ws.project_by_name(&project).map_err(|e| e.to_string())?;
            let preview = if dry_run {
                ws.levelling_preview(project.id, allow_finish_move)
            } else {
                ws.levelling_apply(project.id, allow_finish_move)
            }
            .map_err(|e| e.to_string())?;
            ws.close().map_err(|e| e.to_string())?;
            let text = if json {
                serde_json::to_string_pretty(&preview).map_err(|e| e.to_string())? + "\n"
            } else {
                levelling_table(&preview)
            };
            emit(&text)
        }
        Command::Report {
            workspace,
            kind,
            project,
            sprint,
            person,
            from,
            to,
            paper,
            out,
        } => {
            let ws = Workspace::open(&workspace).map_err(|e| e.to_string())?;
            let request =
                report_request(&ws, &kind, project, sprint, person, from, to, &paper).map_err(|e| e.to_string())?;
            let prepared = bridgeplan_reports::prepare(&ws, &request).map_err(|e| e.to_string())?;
            let report = bridgeplan_reports::typeset(&prepared).map_err(|e| e.to_string())?;
            let pdf = report.pdf().map_err(|e| e.to_string())?;
            bridgeplan_reports::write_pdf(&out, &pdf).map_err(|e| e.to_string())?;
            println!(
                "Wrote {} ({}) to {}",
                prepared.title,
                count(report.pages(), "page", "pages"),
                out.display()
            );
            Ok(())
        }
        Command::Health {
            workspace,
            project,
            json,
        } => {
            let ws = Workspace::open(&workspace).map_err(|e| e.to_string())?;
            let today = bridgeplan_core::clock::today();
            let list = match project {
                Some(name) => {
                    let p = ws.project_by_name(&name).map_err(|e| e.to_string())?;
                    vec![ws.project_health(p.id, today).map_err(|e| e.to_string())?]
                }
                None => ws.all_project_health(today).map_err(|e| e.to_string())?,
            };
            let text = if json {
                serde_json::to_string_pretty(&health_json(&list)).map_err(|e| e.to_string())? + "\n"
            } else {
                health_text(&list)
            };
            emit(&text)
        }
        Command::Evm {
            workspace,
            project,
            as_of,
            json,
        } => {
            let day = bridgeplan_core::budget::status_date(&as_of).map_err(|e| e.to_string())?;
            let ws = Workspace::open(&workspace).map_err(|e| e.to_string())?;
            let project = ws.project_by_name(&project).map_err(|e| e.to_string())?;
            let ev = ws.earned_value(project.id, day).map_err(|e| e.to_string())?;
            let text = if json {
                serde_json::to_string_pretty(&evm_json(&ev)).map_err(|e| e.to_string())? + "\n"
            } else {
                evm_table(&ev)
            };
            emit(&text)
        }
        Command::Search {
            workspace,
            query,
            limit,
            json,
        } => {
            let ws = Workspace::open(&workspace).map_err(|e| e.to_string())?;
            let results = ws.search(&query, limit).map_err(|e| e.to_string())?;
            let text = if json {
                serde_json::to_string_pretty(&results).map_err(|e| e.to_string())? + "\n"
            } else {
                search_text(&results)
            };
            emit(&text)
        }
        Command::Skills {
            workspace,
            person,
            json,
        } => {
            let ws = Workspace::open(&workspace).map_err(|e| e.to_string())?;
            let person = ws.person_by_name(&person).map_err(|e| e.to_string())?;
            let summary = ws.career_summary(person).map_err(|e| e.to_string())?;
            let text = if json {
                serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())? + "\n"
            } else {
                career_text(&summary)
            };
            emit(&text)
        }
        Command::Backup { workspace } => backup_command(&workspace),
        Command::Restore { backup, to } => restore_command(&backup, &to),
    }
}

fn level(l: Option<u8>) -> String {
    l.map_or("–".into(), |l| l.to_string())
}

/// A person's career summary as plain text: skills by gap, then certifications and goals.
fn career_text(s: &bridgeplan_core::skills::summary::CareerSummary) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let roles = match (&s.current_role, &s.target_role) {
        (Some(c), Some(t)) => format!("{c} → {t}"),
        (Some(c), None) => c.clone(),
        (None, Some(t)) => format!("→ {t}"),
        (None, None) => "no role set".into(),
    };
    let _ = writeln!(out, "{} ({roles})\n", s.person);
    let _ = writeln!(out, "{:<40} {:>4} {:>4} {:>4}", "Skill (* focus)", "now", "goal", "gap");
    for k in &s.skills {
        let name = format!("{}{}", if k.focus { "* " } else { "  " }, k.skill);
        let _ = writeln!(
            out,
            "{:<40} {:>4} {:>4} {:>4}",
            name,
            level(k.current),
            level(k.target),
            k.gap
        );
    }
    if !s.certifications.is_empty() {
        let _ = writeln!(out, "\nCertifications");
        for c in &s.certifications {
            let due = match (c.exam_date, c.expires_on) {
                (_, Some(e)) if c.units_due > 0.0 => format!(
                    "renew by {e}: {} {}s due",
                    c.units_due,
                    c.unit_name.as_deref().unwrap_or("unit")
                ),
                (_, Some(e)) => format!("renew by {e}"),
                (Some(x), None) => format!("exam {x}"),
                (None, None) => String::new(),
            };
            let _ = writeln!(out, "  {:<45} {:<12} {due}", c.name, c.status.label());
        }
    }
    if !s.goals.is_empty() {
        let _ = writeln!(out, "\nGoals");
        for g in &s.goals {
            let state = match (g.done_on, g.overdue) {
                (Some(d), _) => format!("reached {d}"),
                (None, true) => format!("overdue since {}", g.due_date),
                (None, false) => format!("due {}", g.due_date),
            };
            let _ = writeln!(out, "  {:<40} level {} {state}", g.skill, g.target_level);
        }
    }
    out
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn levelling_table(p: &LevellingPreview) -> String {
    let mut out = format!(
        "Levelling {}{}: {}, {}; finish {} → {}\n",
        p.project,
        if p.applied { "" } else { " (dry run, nothing saved)" },
        count(p.changes.len(), "task moved", "tasks moved"),
        count(p.conflicts.len(), "conflict left", "conflicts left"),
        p.old_finish.format("%Y-%m-%d %H:%M"),
        p.new_finish.format("%Y-%m-%d %H:%M"),
    );
    for c in &p.changes {
        out.push_str(&format!(
            "  {:<8} {:<44} {} → {}  delay {} d  {}\n",
            c.wbs,
            c.name,
            c.old_start.format("%Y-%m-%d %H:%M"),
            c.new_start.format("%Y-%m-%d %H:%M"),
            c.delay_days,
            c.reason
        ));
    }
    for c in &p.conflicts {
        out.push_str(&format!("  {}\n", c.message));
    }
    out
}

fn schedule_table(s: &ProjectSchedule) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let minute = "%Y-%m-%d %H:%M";
    let _ = writeln!(
        out,
        "{}: {} → {}",
        s.project,
        s.start.format(minute),
        s.finish.format(minute)
    );
    let width = s
        .tasks
        .iter()
        .map(|t| t.wbs.len() + 1 + t.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        out,
        "{:width$}  {:16}  {:16}  {:>11}  critical",
        "task", "start", "finish", "float (h)"
    );
    for t in &s.tasks {
        let _ = writeln!(
            out,
            "{:width$}  {:16}  {:16}  {:>11}  {}",
            format!("{} {}", t.wbs, t.name),
            t.start.format(minute).to_string(),
            t.finish.format(minute).to_string(),
            t.total_float_hours,
            if t.critical { "yes" } else { "" }
        );
    }
    out
}

/// Minor units as a JSON number of major units with two decimals (cents exact).
fn major(minor: i64) -> serde_json::Value {
    serde_json::from_str(&major_text(minor)).unwrap_or(serde_json::Value::Null)
}

/// Minor units as text in major units: "-12500.00".
fn major_text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
}

/// Earned value with lower-case keys; money in major units, ratios unrounded (null when
/// undefined, the reason in `unavailable`).
fn evm_json(ev: &bridgeplan_core::budget::EarnedValue) -> serde_json::Value {
    let f = &ev.figures;
    let money = |m: Option<i64>| m.map_or(serde_json::Value::Null, major);
    serde_json::json!({
        "project": ev.project,
        "as_of": ev.as_of.to_string(),
        "currency": ev.currency,
        "baseline": ev.baseline,
        "basis": ev.basis,
        "bac": major(f.bac),
        "pv": major(f.pv),
        "ev": major(f.ev),
        "ac": major(f.ac),
        "sv": major(f.sv),
        "cv": major(f.cv),
        "spi": f.spi,
        "cpi": f.cpi,
        "eac": money(f.eac),
        "eac_rule": "BAC / CPI",
        "eac_atypical": major(f.eac_atypical),
        "eac_combined": money(f.eac_combined),
        "etc": money(f.etc),
        "vac": money(f.vac),
        "tcpi": f.tcpi,
        "unavailable": f.unavailable,
    })
}

fn evm_table(ev: &bridgeplan_core::budget::EarnedValue) -> String {
    use std::fmt::Write;
    let f = &ev.figures;
    let money = |m: Option<i64>| m.map_or("–".to_string(), major_text);
    let ratio = |r: Option<f64>, places: usize| r.map_or("–".to_string(), |r| format!("{r:.places$}"));
    let mut out = String::new();
    let _ = writeln!(out, "{}: earned value as of {} ({})", ev.project, ev.as_of, ev.currency);
    let _ = writeln!(out, "{}", ev.basis);
    let rows = [
        ("BAC", "budget at completion", money(Some(f.bac))),
        ("PV", "planned value", money(Some(f.pv))),
        ("EV", "earned value", money(Some(f.ev))),
        ("AC", "actual cost", money(Some(f.ac))),
        ("SV", "schedule variance, EV − PV", money(Some(f.sv))),
        ("CV", "cost variance, EV − AC", money(Some(f.cv))),
        ("SPI", "schedule performance, EV / PV", ratio(f.spi, 2)),
        ("CPI", "cost performance, EV / AC", ratio(f.cpi, 4)),
        ("EAC", "estimate at completion, BAC / CPI", money(f.eac)),
        ("", "  or AC + (BAC − EV)", money(Some(f.eac_atypical))),
        ("", "  or AC + (BAC − EV) / (CPI × SPI)", money(f.eac_combined)),
        ("ETC", "estimate to complete, EAC − AC", money(f.etc)),
        ("VAC", "variance at completion, BAC − EAC", money(f.vac)),
        (
            "TCPI",
            "to-complete performance, (BAC − EV) / (BAC − AC)",
            ratio(f.tcpi, 4),
        ),
    ];
    for (key, label, value) in rows {
        let _ = writeln!(out, "{key:5} {label:50} {value:>16}");
    }
    for reason in &f.unavailable {
        let _ = writeln!(out, "note: {reason}");
    }
    out
}

/// Prints to standard output; a reader that stopped reading (`| head`) is not an error.
fn health_json(list: &[bridgeplan_core::health::ProjectHealth]) -> serde_json::Value {
    let projects: Vec<serde_json::Value> = list
        .iter()
        .map(|h| {
            let areas: serde_json::Map<String, serde_json::Value> = h
                .areas
                .iter()
                .map(|a| {
                    let o = a.override_.as_ref().map(|o| {
                        serde_json::json!({
                            "rating": o.rag, "comment": o.comment, "set_by": o.set_by, "set_at": o.set_at,
                        })
                    });
                    (
                        a.area.as_str().to_string(),
                        serde_json::json!({
                            "rating": a.rag,
                            "computed": a.computed,
                            "reasons": a.reasons,
                            "not_enough_data": a.not_enough_data,
                            "override": o,
                        }),
                    )
                })
                .collect();
            serde_json::json!({
                "project": h.project,
                "as_of": h.as_of.to_string(),
                "overall": h.overall.rag,
                "reason": h.overall.reason,
                "spi": h.spi.map(|v| (v * 100.0).round() / 100.0),
                "cpi": h.cpi.map(|v| (v * 100.0).round() / 100.0),
                "areas": areas,
            })
        })
        .collect();
    serde_json::json!({ "projects": projects })
}

fn health_text(list: &[bridgeplan_core::health::ProjectHealth]) -> String {
    let mut out = String::new();
    for h in list {
        out += &format!(
            "{}: {} (as of {})\n  {}\n",
            h.project,
            h.overall.rag.as_str().to_uppercase(),
            h.as_of,
            h.overall.reason
        );
        for a in &h.areas {
            out += &format!("  {:<9} {}", a.area.as_str(), a.rag.as_str());
            if let Some(o) = &a.override_ {
                out += &format!(
                    " (computed {}, overridden by {}: '{}')",
                    a.computed.as_str(),
                    if o.set_by.is_empty() { "the manager" } else { &o.set_by },
                    o.comment
                );
            }
            out += "\n";
            if a.area != bridgeplan_core::health::Area::Overall {
                for r in &a.reasons {
                    out += &format!("            - {r}\n");
                }
            }
        }
        out += "\n";
    }
    out
}

fn emit(text: &str) -> Result<(), String> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("Could not print: {e}")),
        _ => Ok(()),
    }
}

/// Search hits as text: a heading per kind with its count, a line per hit (matching words in
/// [brackets]), and the extract under it.
fn search_text(results: &bridgeplan_core::search::SearchResults) -> String {
    use bridgeplan_core::search::TextPart;
    let marked = |parts: &[TextPart]| -> String {
        parts
            .iter()
            .map(|p| if p.hit { format!("[{}]", p.text) } else { p.text.clone() })
            .collect()
    };
    if results.total == 0 {
        return format!("Nothing matches \"{}\".\n", results.query.trim());
    }
    let mut out = format!(
        "{} match{} for \"{}\"\n",
        results.total,
        if results.total == 1 { "" } else { "es" },
        results.query.trim()
    );
    for group in &results.groups {
        out += &format!("\n{} ({})\n", group.label, group.count);
        for hit in &group.hits {
            let context: Vec<&str> = [hit.project_name.as_deref().unwrap_or(""), hit.detail.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            out += &format!("  {}", marked(&hit.title));
            if !context.is_empty() {
                out += &format!("  — {}", context.join(" · "));
            }
            out += &format!("  (id {})\n", hit.id);
            if hit.snippet.iter().any(|p| p.hit) {
                out += &format!("      {}\n", marked(&hit.snippet));
            }
        }
        if group.count > group.hits.len() {
            out += &format!("  … and {} more\n", group.count - group.hits.len());
        }
    }
    out
}

/// `bridgeplan backup WS`: one backup now, then the rotation; prints the new file's path.
fn backup_command(workspace: &std::path::Path) -> Result<(), String> {
    use bridgeplan_core::backups;
    let info = backups::backup_now(workspace, &backups::folder_for(workspace)).map_err(|e| e.to_string())?;
    println!("{}", info.path);
    Ok(())
}

/// `bridgeplan restore BACKUP --to PATH`: the backup as a new workspace; PATH must not exist.
fn restore_command(backup: &std::path::Path, to: &std::path::Path) -> Result<(), String> {
    bridgeplan_core::backups::restore(backup, to).map_err(|e| e.to_string())?;
    println!("Restored {} to {}", backup.display(), to.display());
    Ok(())
}

/// `import FILE.csv --format csv`: the file is read and checked in full before the workspace
/// changes; rows with problems are listed, and refuse the import unless `--skip-bad-rows`.
fn import_csv(
    file: &std::path::Path,
    into: &std::path::Path,
    project: &str,
    kind: &str,
    mapping: &str,
    skip_bad_rows: bool,
) -> Result<(), String> {
    use bridgeplan_core::interchange::csv::{self, CsvKind};
    let kind = CsvKind::parse(kind).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(file).map_err(|e| format!("Could not read {}: {e}", file.display()))?;
    let table = csv::read(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut ws = Workspace::open(into).map_err(|e| e.to_string())?;
    let project = ws.project_by_name(project).map_err(|e| e.to_string())?;
    let mut columns = ws.csv_inspect(kind, &table).map_err(|e| e.to_string())?.mapping;
    let mut parts = mapping.split(',').map(str::trim);
    if parts.next() != Some("auto") {
        return Err("--mapping starts with auto, then optional COLUMN=FIELD changes (FIELD - for nothing).".into());
    }
    for part in parts.filter(|p| !p.is_empty()) {
        let (column, field) = part
            .split_once('=')
            .ok_or_else(|| format!("\"{part}\" in --mapping is not COLUMN=FIELD."))?;
        let i = table
            .headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| format!("The file has no column \"{}\".", column.trim()))?;
        columns[i] = Some(field.trim().to_string()).filter(|f| f != "-" && !f.is_empty());
    }
    let result = ws.csv_import(project.id, kind, &table, &columns, skip_bad_rows);
    let preview = match result {
        Ok(p) => p,
        Err(e) => {
            if let Ok(p) = ws.csv_import_preview(project.id, kind, &table, &columns) {
                for problem in &p.problems {
                    eprintln!("{problem}");
                }
            }
            return Err(e.to_string());
        }
    };
    ws.close().map_err(|e| e.to_string())?;
    for line in preview
        .preview
        .not_kept
        .iter()
        .chain(&preview.preview.skipped)
        .chain(&preview.problems)
    {
        eprintln!("warning: {line}");
    }
    let made: Vec<String> = preview
        .preview
        .creates
        .iter()
        .map(|c| format!("{} {}", c.count, c.what))
        .collect();
    println!(
        "Imported into \"{}\" ({}): {}.",
        project.name,
        into.display(),
        made.join(", ")
    );
    Ok(())
}

/// `export --format csv|ics`: written whole or not at all.
fn export_csv_or_ics(
    workspace: &std::path::Path,
    project: Option<&str>,
    ics: bool,
    grid: Option<&str>,
    out: &std::path::Path,
) -> Result<(), String> {
    use bridgeplan_core::interchange::csv::CsvGrid;
    let ws = Workspace::open(workspace).map_err(|e| e.to_string())?;
    let project_id = match project {
        Some(name) => Some(ws.project_by_name(name).map_err(|e| e.to_string())?.id),
        None => None,
    };
    let (text, report) = if ics {
        ws.ical_export(project_id).map_err(|e| e.to_string())?
    } else {
        let grid = grid.ok_or("Name the grid to export with --grid (work-items, risks, …).")?;
        let grid = CsvGrid::parse(grid).map_err(|e| e.to_string())?;
        ws.csv_export(grid, project_id).map_err(|e| e.to_string())?
    };
    files::write_whole(out, text.as_bytes()).map_err(|e| e.to_string())?;
    for line in &report.not_kept {
        eprintln!("warning: {line}");
    }
    let written: Vec<String> = report
        .written
        .iter()
        .map(|c| format!("{} {}", c.count, c.what))
        .collect();
    let written = if written.is_empty() {
        "nothing to write".to_string()
    } else {
        written.join(", ")
    };
    println!("Wrote {} ({written}) to {}", report.format, out.display());
    Ok(())
}

/// `bridgeplan new PATH [--name NAME]`: an empty workspace.
fn new_workspace(path: &std::path::Path, name: Option<&str>) -> Result<(), String> {
    let ws = Workspace::create(path, name).map_err(|e| e.to_string())?;
    let title = ws.name();
    ws.close().map_err(|e| e.to_string())?;
    println!("Created the empty workspace \"{title}\" at {}", path.display());
    Ok(())
}

/// True when `file` starts like a workspace JSON export (its first field names the format).
fn is_workspace_json(file: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 512];
    let n = std::fs::File::open(file)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    bridgeplan_core::interchange::json::is_workspace_json(&head[..n])
        || file.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// `bridgeplan import BACKUP.json --into NEW.bridgeplan`: a new workspace from a JSON export.
fn import_workspace_json(file: &std::path::Path, into: &std::path::Path) -> Result<(), String> {
    let made = bridgeplan_core::interchange::json::import_file(file, into).map_err(|e| e.to_string())?;
    let what: Vec<String> = made
        .preview
        .creates
        .iter()
        .map(|c| format!("{} {}", c.count, c.what))
        .collect();
    let migrated = if made.from_schema < made.schema {
        format!(" (upgraded from schema {} to {})", made.from_schema, made.schema)
    } else {
        String::new()
    };
    println!(
        "Imported \"{}\" into the new workspace {}{migrated}: {}.",
        made.name,
        into.display(),
        what.join(", ")
    );
    for note in &made.preview.not_kept {
        eprintln!("note: {note}");
    }
    Ok(())
}

/// `bridgeplan export WS --format json OUT.json`: the whole workspace, lossless.
fn export_workspace_json(workspace: &std::path::Path, out: &std::path::Path) -> Result<(), String> {
    let ws = Workspace::open(workspace).map_err(|e| e.to_string())?;
    let report = bridgeplan_core::interchange::json::export_to(&ws, out).map_err(|e| e.to_string())?;
    ws.close().map_err(|e| e.to_string())?;
    let what: Vec<String> = report
        .written
        .iter()
        .map(|c| format!("{} {}", c.count, c.what))
        .collect();
    println!(
        "Wrote {} to {}: {}.",
        workspace.display(),
        out.display(),
        what.join(", ")
    );
    for note in &report.not_kept {
        eprintln!("note: {note}");
    }
    Ok(())
}

/// Opens the workspace for writing, or for a dry run read-only, so the file is left exactly as
/// it was (not even a holder is recorded).
fn open_for(path: &std::path::Path, dry_run: bool) -> Result<Workspace, String> {
    if dry_run {
        Workspace::open_read_only(path)
    } else {
        Workspace::open(path)
    }
    .map_err(|e| e.to_string())
}

/// `bridgeplan import FILE --format trello|jira|mspdi [--dry-run] --into WS`: the file is read in
/// full and previewed before the workspace is changed; a dry run prints the preview only.
fn import_file(
    file: &std::path::Path,
    into: &std::path::Path,
    format: ImportFormat,
    dry_run: bool,
) -> Result<(), String> {
    use bridgeplan_core::interchange::files::{self as interchange, ImportFormat as FileFormat};
    let format = match format {
        ImportFormat::Trello => FileFormat::Trello,
        ImportFormat::Jira => FileFormat::Jira,
        _ => FileFormat::Mspdi,
    };
    let text = std::fs::read_to_string(file).map_err(|e| format!("Could not read {}: {e}", file.display()))?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let parsed = interchange::read(format, &text, &stem).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut ws = open_for(into, dry_run)?;
    let preview = parsed.preview(&ws).map_err(|e| e.to_string())?;
    if dry_run {
        print_preview(&preview);
        println!("Dry run: nothing was written to {}.", into.display());
        return ws.close().map_err(|e| e.to_string());
    }
    let result = ws
        .import_parsed(&parsed)
        .map_err(|e| format!("{e} Nothing was imported."))?;
    ws.close().map_err(|e| e.to_string())?;
    for line in &result.preview.not_kept {
        eprintln!("not kept: {line}");
    }
    for line in &result.preview.skipped {
        eprintln!("skipped: {line}");
    }
    let made: Vec<String> = result
        .preview
        .creates
        .iter()
        .map(|c| format!("{} {}", c.count, c.what))
        .collect();
    println!(
        "Imported \"{}\" into {}: {}.",
        result.project.name,
        into.display(),
        made.join(", ")
    );
    Ok(())
}

fn print_preview(preview: &bridgeplan_core::interchange::preview::ImportPreview) {
    println!("{} → new project \"{}\"", preview.format, preview.project);
    println!("Will create:");
    for c in &preview.creates {
        println!("  {} {}", c.count, c.what);
    }
    if !preview.not_kept.is_empty() {
        println!("Not kept:");
        for line in &preview.not_kept {
            println!("  - {line}");
        }
    }
    if !preview.skipped.is_empty() {
        println!("Skipped:");
        for line in &preview.skipped {
            println!("  - {line}");
        }
    }
}
