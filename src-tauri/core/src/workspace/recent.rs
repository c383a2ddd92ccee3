//! The list of recently opened workspaces, kept in a small JSON file in the user's config
//! folder (not in any workspace, since it spans them).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Result};

const MAX_ENTRIES: usize = 12;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredEntry {
    path: String,
    last_opened: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RecentEntry {
    pub path: String,
    pub name: String,
    /// UTC, RFC 3339.
    pub last_opened: String,
    /// The file is no longer where it was.
    pub missing: bool,
}

pub struct RecentList {
    file: PathBuf,
}

impl RecentList {
    pub fn new(file: PathBuf) -> Self {
        RecentList { file }
    }

    /// Most recent first. An unreadable list reads as empty: it is a convenience, not data.
    pub fn entries(&self) -> Vec<RecentEntry> {
        self.load()
            .into_iter()
            .map(|e| {
                let path = Path::new(&e.path);
                RecentEntry {
                    name: path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| e.path.clone()),
                    missing: !path.is_file(),
                    path: e.path,
                    last_opened: e.last_opened,
                }
            })
            .collect()
    }

    /// Most recently opened workspace that still exists.
    pub fn latest_existing(&self) -> Option<PathBuf> {
        self.entries()
            .into_iter()
            .find(|e| !e.missing)
            .map(|e| PathBuf::from(e.path))
    }

    /// Puts `path` at the top of the list.
    pub fn touch(&self, path: &Path) -> Result<()> {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let key = path.display().to_string();
        let mut entries = self.load();
        entries.retain(|e| e.path != key);
        entries.insert(
            0,
            StoredEntry {
                path: key,
                last_opened: crate::validate::now_utc(),
            },
        );
        entries.truncate(MAX_ENTRIES);
        self.store(&entries)
    }

    /// Whether `path` (in its real form, see `allowed::real_path`) is on the list.
    pub fn contains(&self, path: &Path) -> bool {
        self.load().iter().any(|e| Path::new(&e.path) == path)
    }

    pub fn remove(&self, path: &str) -> Result<()> {
        let mut entries = self.load();
        entries.retain(|e| e.path != path);
        self.store(&entries)
    }

    fn load(&self) -> Vec<StoredEntry> {
        std::fs::read(&self.file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    fn store(&self, entries: &[StoredEntry]) -> Result<()> {
        let fail = |e| CoreError::io("Could not save the list of recent workspaces", e);
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let json = serde_json::to_vec_pretty(entries).unwrap_or_default();
        // Whole or not at all, like every file Bridgeplan writes.
        crate::workspace::files::write_whole(&self.file, &json)
    }
}
