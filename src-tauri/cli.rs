//! The command line of the same binary: `bridgeplan [FILE]` opens the app; the subcommands
//! work headless on workspace files (no display needed), for automation and tests.

use std::path::PathBuf;

use bridgeplan_core::{check, demo, Workspace};
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
        #[arg(long, value_name = "N")]
        items: Option<usize>,
    },
    /// Check that PATH is a healthy workspace, without changing it. Exit status 0 if it is.
    Check {
        path: PathBuf,
    },
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
        Command::Demo { path, items } => {
            let result = match items {
                None => demo::write_demo(&path),
                Some(count) => Workspace::create(&path, Some("Load test")).and_then(|mut ws| {
                    demo::add_load_test_project(&mut ws, count)?;
                    Ok(ws)
                }),
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
    }
}
