//! Commands for backups (list, back up now, restore as a copy, the interval) and the app's
//! automatic backups: one on open, then at most one per interval while the workspace changes.
//! Every backup runs off the command's thread with a connection of its own (see core backups).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bridgeplan_core::backups::{self, BackupInfo, BackupSettings};
use bridgeplan_core::{CoreError, ErrorCode, WorkspaceInfo};
use tauri::{AppHandle, Manager, Runtime, State};

use super::error::{CommandError, CommandResult};
use super::session::Session;

/// The open workspace's file, or why there is none to back up.
fn open_file(session: &Session) -> CommandResult<PathBuf> {
    session.with(|ws| {
        ws.path().map(Path::to_path_buf).ok_or_else(|| {
            CoreError::InvalidInput("This workspace is not saved in a file, so it has no backups.".into())
        })
    })
}

async fn off_thread<T: Send + 'static>(f: impl FnOnce() -> Result<T, CoreError> + Send + 'static) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| CommandError {
            code: ErrorCode::Internal,
            message: format!("The backup stopped unexpectedly: {e}"),
        })?
        .map_err(CommandError::from)
}

/// The open workspace's backups, newest first (damaged ones marked, not left out).
#[tauri::command(rename_all = "snake_case")]
pub async fn backups_list(session: State<'_, Session>) -> CommandResult<Vec<BackupInfo>> {
    let folder = backups::folder_for(&open_file(&session)?);
    off_thread(move || backups::list(&folder)).await
}

/// Makes a backup of the open workspace now (a read-only one too: backing up only reads it).
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_now(session: State<'_, Session>) -> CommandResult<BackupInfo> {
    let file = open_file(&session)?;
    off_thread(move || backups::backup_now(&file, &backups::folder_for(&file))).await
}

/// Restores one of the open workspace's backups as a new workspace at `path` (never replacing
/// a file), then opens that copy in place of the current workspace.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_restore<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    backup: PathBuf,
    path: PathBuf,
) -> CommandResult<WorkspaceInfo> {
    let path = session.check(path)?;
    let folder = backups::folder_for(&open_file(&session)?);
    let inside = match (
        std::fs::canonicalize(&folder),
        backup.parent().map(std::fs::canonicalize),
    ) {
        (Ok(folder), Some(Ok(parent))) => folder == parent,
        _ => false,
    };
    if !inside {
        return Err(CoreError::InvalidInput("Choose a backup from this workspace's list of backups.".into()).into());
    }
    let dest = path.clone();
    off_thread(move || backups::restore(&backup, &dest)).await?;
    let info = session.open(path)?;
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&format!("{} — Bridgeplan", info.name));
    }
    Ok(info)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backup_settings(session: State<'_, Session>) -> CommandResult<BackupSettings> {
    session.with(|ws| ws.backup_settings())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backup_settings_set(session: State<'_, Session>, interval_minutes: u32) -> CommandResult<BackupSettings> {
    session.with(|ws| ws.set_backup_interval_minutes(interval_minutes))
}

/// How often the automatic backups look whether one is due. Intervals are measured on the
/// monotonic clock, so a change of the computer's time neither hurries nor delays them.
const TICK: Duration = Duration::from_secs(5);

/// What the automatic backups remember between looks.
#[derive(Default)]
struct Automatic {
    path: Option<PathBuf>,
    changes: u64,
    last: Option<Instant>,
}

/// What the open workspace is, for the automatic backups: file, read-only, changes, interval.
type Look = Option<(PathBuf, bool, u64, u32)>;

impl Automatic {
    /// The file to back up now, if one is due: a newly opened writable workspace at once; the
    /// same one again after a change, once the interval has passed since the last backup.
    /// Read-only workspaces are not backed up automatically (nothing in them changes here).
    fn due(&mut self, look: Look, now: Instant) -> Option<PathBuf> {
        let (path, read_only, changes, interval) = look?;
        if self.path.as_ref() != Some(&path) {
            self.path = Some(path.clone());
            self.changes = changes;
            self.last = None;
            if read_only {
                return None;
            }
            self.last = Some(now);
            return Some(path);
        }
        if read_only || changes == self.changes {
            return None;
        }
        let waited = self
            .last
            .is_none_or(|last| now.duration_since(last) >= Duration::from_secs(u64::from(interval) * 60));
        if !waited {
            return None;
        }
        self.changes = changes;
        self.last = Some(now);
        Some(path)
    }
}

/// Starts the automatic backups on a thread of their own for as long as the app runs.
pub fn start_automatic<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new().name("backups".into()).spawn(move || {
        let mut state = Automatic::default();
        loop {
            let look: Look = app.try_state::<Session>().and_then(|session| {
                session
                    .with(|ws| {
                        Ok::<_, CoreError>(ws.path().map(|p| {
                            (
                                p.to_path_buf(),
                                ws.is_read_only(),
                                ws.change_count(),
                                ws.backup_interval_minutes()
                                    .unwrap_or(backups::DEFAULT_INTERVAL_MINUTES),
                            )
                        }))
                    })
                    .ok()
                    .flatten()
            });
            if look.is_none() {
                state = Automatic::default();
            }
            if let Some(file) = state.due(look, Instant::now()) {
                if let Err(err) = backups::backup_now(&file, &backups::folder_for(&file)) {
                    log::warn!("automatic backup of {}: {err}", file.display());
                }
            }
            std::thread::sleep(TICK);
        }
    });
    if let Err(err) = spawned {
        log::warn!("automatic backups could not start: {err}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_backups_come_on_open_then_after_a_change_once_the_interval_passed() {
        let t0 = Instant::now();
        let min = |m: u64| t0 + Duration::from_secs(m * 60);
        let file = PathBuf::from("/plans/a.bridgeplan");
        let look = |changes: u64, read_only: bool| Some((file.clone(), read_only, changes, 10));
        let mut auto = Automatic::default();
        assert_eq!(auto.due(None, t0), None);
        assert_eq!(auto.due(look(5, false), t0), Some(file.clone()), "on open");
        assert_eq!(auto.due(look(5, false), min(30)), None, "no change, no backup");
        assert_eq!(
            auto.due(look(6, false), min(31)),
            Some(file.clone()),
            "changed, interval passed"
        );
        assert_eq!(
            auto.due(look(7, false), min(35)),
            None,
            "changed, but only 4 minutes later"
        );
        assert_eq!(auto.due(look(8, false), min(41)), Some(file.clone()));
        // Another file opened: backed up at once, unless it is read-only.
        let other = PathBuf::from("/plans/b.bridgeplan");
        assert_eq!(auto.due(Some((other.clone(), true, 0, 10)), min(42)), None);
        assert_eq!(auto.due(Some((other.clone(), true, 3, 10)), min(60)), None);
        assert_eq!(auto.due(look(0, false), min(61)), Some(file));
    }
}
