//! The app's one open workspace and where the app keeps its own small files.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use bridgeplan_core::workspace::allowed::{real_path, AllowedPaths};
use bridgeplan_core::workspace::recent::RecentList;
use bridgeplan_core::{demo, Workspace, WorkspaceInfo};

use super::error::{CommandError, CommandResult};

pub struct Session {
    workspace: Mutex<Option<Workspace>>,
    /// A file named on the command line, opened by the first `session_start`.
    startup_file: Mutex<Option<PathBuf>>,
    pub recent: RecentList,
    pub demo_path: PathBuf,
    /// The files the user chose: the only ones a command takes from the UI (see `check`).
    pub allowed: AllowedPaths,
    /// One start at a time, and the answer of the start made while the window booted.
    starting: Mutex<Option<CommandResult<Option<WorkspaceInfo>>>>,
}

impl Session {
    pub fn new(recent_file: PathBuf, demo_path: PathBuf, startup_file: Option<PathBuf>) -> Self {
        let allowed = AllowedPaths::default();
        if let Some(file) = &startup_file {
            allowed.allow(file);
        }
        Session {
            workspace: Mutex::new(None),
            startup_file: Mutex::new(startup_file),
            recent: RecentList::new(recent_file),
            demo_path,
            allowed,
            starting: Mutex::new(None),
        }
    }

    /// `path` when the user chose it (in a dialog, by dropping it, on the command line or by
    /// a second launch); otherwise refused with the code `PathNotChosen`.
    pub fn check(&self, path: impl AsRef<Path>) -> CommandResult<PathBuf> {
        Ok(self.allowed.check(path.as_ref(), |_| false)?)
    }

    /// As `check`, and also a recent workspace or the demo: files that are only opened.
    pub fn check_open(&self, path: impl AsRef<Path>) -> CommandResult<PathBuf> {
        let demo = real_path(&self.demo_path);
        Ok(self
            .allowed
            .check(path.as_ref(), |real| real == demo || self.recent.contains(real))?)
    }

    fn slot(&self) -> MutexGuard<'_, Option<Workspace>> {
        // A panic while holding the lock leaves the workspace itself consistent (every edit
        // is one transaction), so carry on with it.
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the open workspace.
    pub fn with<T, E>(&self, f: impl FnOnce(&mut Workspace) -> Result<T, E>) -> CommandResult<T>
    where
        CommandError: From<E>,
    {
        let mut slot = self.slot();
        let ws = slot.as_mut().ok_or_else(CommandError::no_workspace)?;
        Ok(f(ws)?)
    }

    /// The open workspace's info when `path` is that very file.
    fn info_if_open(&self, path: &std::path::Path) -> Option<WorkspaceInfo> {
        let slot = self.slot();
        let ws = slot.as_ref()?;
        let same = std::fs::canonicalize(ws.path()?).ok()? == std::fs::canonicalize(path).ok()?;
        same.then(|| ws.info())
    }

    pub fn info(&self) -> Option<WorkspaceInfo> {
        self.slot().as_ref().map(Workspace::info)
    }

    /// Opens `path` in place of the current workspace, which is closed only once the new one
    /// has opened (a failed open keeps the current one).
    pub fn open(&self, path: PathBuf) -> CommandResult<WorkspaceInfo> {
        if let Some(info) = self.info_if_open(&path) {
            return Ok(info);
        }
        let ws = Workspace::open(&path)?;
        self.install(ws)
    }

    pub fn create(&self, path: PathBuf) -> CommandResult<WorkspaceInfo> {
        let ws = Workspace::create(&path, None)?;
        self.install(ws)
    }

    /// Opens the demo workspace, writing it first if it does not exist yet.
    pub fn open_demo(&self) -> CommandResult<WorkspaceInfo> {
        if self.demo_path.exists() {
            return self.open(self.demo_path.clone());
        }
        if let Some(dir) = self.demo_path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                CommandError::from(bridgeplan_core::CoreError::Io(format!(
                    "Could not create the folder for the demo workspace: {e}"
                )))
            })?;
        }
        let ws = demo::write_demo(&self.demo_path)?;
        self.install(ws)
    }

    /// Opens what the app should show first: the file from the command line, else the last
    /// workspace, else (first run) the demo.
    pub fn start(&self) -> CommandResult<Option<WorkspaceInfo>> {
        let mut early = self.starting.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(answer) = early.take() {
            return answer;
        }
        self.start_now()
    }

    /// Makes the start now, while the web view boots, and keeps its answer (a failure too)
    /// for the UI's first `start`.
    pub fn start_early(&self) {
        let mut early = self.starting.lock().unwrap_or_else(|p| p.into_inner());
        *early = Some(self.start_now());
    }

    fn start_now(&self) -> CommandResult<Option<WorkspaceInfo>> {
        if let Some(info) = self.info() {
            return Ok(Some(info));
        }
        let startup = self.startup_file.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(path) = startup {
            return self.open(path).map(Some);
        }
        if let Some(path) = self.recent.latest_existing() {
            return self.open(path).map(Some);
        }
        if self.recent.entries().is_empty() {
            return self.open_demo().map(Some);
        }
        Ok(None)
    }

    fn install(&self, ws: Workspace) -> CommandResult<WorkspaceInfo> {
        let info = ws.info();
        if let Some(path) = ws.path() {
            if let Err(err) = self.recent.touch(path) {
                log::warn!("{err}");
            }
        }
        let previous = self.slot().replace(ws);
        if let Some(old) = previous {
            if let Err(err) = old.close() {
                log::warn!("closing the previous workspace: {err}");
            }
        }
        Ok(info)
    }

    pub fn close_workspace(&self) {
        if let Some(ws) = self.slot().take() {
            if let Err(err) = ws.close() {
                log::warn!("closing the workspace: {err}");
            }
        }
    }
}
