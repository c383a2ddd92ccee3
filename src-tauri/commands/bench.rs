//! What `make bench` listens for; nothing here runs in normal use.
//!
//! `BRIDGEPLAN_BENCH_PAINT=1`: the app prints when each start-up phase happened (`NAME_unix_ms=`)
//! and ends once its first view is painted, or, with `BRIDGEPLAN_BENCH_EDIT=1` too, once the UI
//! has timed its edits. `BRIDGEPLAN_BENCH_HELLO=1` opens a one-line page instead of the app's:
//! the same binary, plugins, window and protocol, so the floor of this stack.

use tauri::{AppHandle, Runtime};

use super::error::CommandResult;

/// The page the hello-world shows, beside the app's in `ui/dist` (from `ui/public`).
pub const HELLO_PAGE: &str = "bench-hello.html";

pub fn measuring() -> bool {
    std::env::var_os("BRIDGEPLAN_BENCH_PAINT").is_some()
}

pub fn hello() -> bool {
    std::env::var_os("BRIDGEPLAN_BENCH_HELLO").is_some()
}

fn edits_wanted() -> bool {
    std::env::var_os("BRIDGEPLAN_BENCH_EDIT").is_some()
}

fn unix_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_default()
}

fn print_mark(name: &str, unix_ms: f64) {
    println!("{name}_unix_ms={unix_ms:.1}");
}

/// Prints that phase `name` is reached now, when measuring.
pub fn mark(name: &str) {
    if measuring() {
        print_mark(name, unix_ms());
    }
}

/// The UI calls this when its first view (board, timeline or the hello page) has been painted,
/// with the moments its script started and its first IPC call was answered, and the page's own
/// timeline (IPC calls and marks: name, start and duration in ms). Answers whether the
/// benchmark wants the UI to time edits next; otherwise, when measuring, the app ends.
#[tauri::command(rename_all = "snake_case")]
pub async fn report_board_painted<R: Runtime>(
    app: AppHandle<R>,
    script_start_ms: Option<f64>,
    first_ipc_ms: Option<f64>,
    page_entries: Option<Vec<String>>,
) -> CommandResult<bool> {
    if !measuring() {
        return Ok(false);
    }
    let painted = unix_ms();
    for (name, at) in [("script_start", script_start_ms), ("first_ipc", first_ipc_ms)] {
        if let Some(at) = at {
            print_mark(name, at);
        }
    }
    for entry in page_entries.unwrap_or_default() {
        println!("page_entry={entry}");
    }
    print_mark("board_painted", painted);
    if edits_wanted() {
        return Ok(true);
    }
    app.exit(0);
    Ok(false)
}

/// The UI's timed edits (each from the key to the repainted chart, in ms); ends the app.
#[tauri::command(rename_all = "snake_case")]
pub async fn report_bench_edits<R: Runtime>(app: AppHandle<R>, edit_ms: Vec<f64>) -> CommandResult<()> {
    if measuring() {
        for ms in edit_ms {
            println!("edit_repaint_ms={ms:.1}");
        }
        app.exit(0);
    }
    Ok(())
}
