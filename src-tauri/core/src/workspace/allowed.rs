//! The files the app's window may name: those the user chose in a file dialog or dropped on
//! the window, the one given on the command line, and the recent list. The backend takes a
//! path from the UI only when it is one of these, so a page that went wrong (or content that
//! got into it) cannot read or overwrite any other file of the user's.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use super::recent::RecentList;
use crate::{CoreError, Result};

#[derive(Default)]
pub struct AllowedPaths {
    chosen: Mutex<HashSet<PathBuf>>,
}

impl AllowedPaths {
    /// Records a file the user chose (it need not exist yet: a save dialog names a new one).
    pub fn allow(&self, path: &Path) {
        self.chosen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(real_path(path));
    }

    /// `path` when the user chose it, it is on the recent list, or it is one of `also`
    /// (files the app itself names, such as the demo); else a refusal with its own code.
    pub fn check(&self, path: &Path, recent: &RecentList, also: &[&Path]) -> Result<PathBuf> {
        let real = real_path(path);
        let chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner()).contains(&real);
        if chosen || also.iter().any(|a| real_path(a) == real) || recent.contains(&real) {
            return Ok(path.to_path_buf());
        }
        Err(CoreError::PathNotChosen(format!(
            "Bridgeplan only opens or writes files you chose, and it did not ask you for {}. \
             Choose the file again with the Open or Save dialog.",
            path.display()
        )))
    }
}

/// The file's real place: an absolute path with `.`, `..` and symbolic links resolved, so
/// two spellings of one file compare equal. A file that does not exist yet is its real folder
/// joined with its name.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let lexical = absolute.components().fold(PathBuf::new(), |mut out, c| {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
        out
    });
    match (lexical.parent().map(std::fs::canonicalize), lexical.file_name()) {
        (Some(Ok(folder)), Some(name)) => folder.join(name),
        _ => lexical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, AllowedPaths, RecentList) {
        let dir = tempfile::tempdir().unwrap();
        let recent = RecentList::new(dir.path().join("recent.json"));
        (dir, AllowedPaths::default(), recent)
    }

    #[test]
    fn a_chosen_file_is_taken_under_any_spelling_of_its_path() {
        let (dir, allowed, recent) = setup();
        std::fs::create_dir(dir.path().join("plans")).unwrap();
        let file = dir.path().join("plans/q3.bridgeplan");
        allowed.allow(&file);
        // Chosen before it existed, then created: both spellings are the same file.
        std::fs::write(&file, b"x").unwrap();
        let other = dir.path().join("plans/../plans/./q3.bridgeplan");
        assert_eq!(allowed.check(&other, &recent, &[]).unwrap(), other);
        assert!(allowed.check(&file, &recent, &[]).is_ok());
    }

    #[test]
    fn a_file_nobody_chose_is_refused_with_its_own_code() {
        let (dir, allowed, recent) = setup();
        allowed.allow(&dir.path().join("chosen.json"));
        let err = allowed
            .check(&dir.path().join("secret.json"), &recent, &[])
            .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::PathNotChosen);
        assert!(err.to_string().contains("secret.json"), "{err}");
        // A name that climbs out of the chosen file's folder is another file.
        let sneaky = dir.path().join("chosen.json/../secret.json");
        assert!(allowed.check(&sneaky, &recent, &[]).is_err());
    }

    #[test]
    fn recent_files_and_the_apps_own_files_are_taken() {
        let (dir, allowed, recent) = setup();
        let old = dir.path().join("old.bridgeplan");
        std::fs::write(&old, b"x").unwrap();
        recent.touch(&old).unwrap();
        assert!(allowed.check(&old, &recent, &[]).is_ok());
        let demo = dir.path().join("demo.bridgeplan");
        assert!(allowed.check(&demo, &recent, &[&demo]).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_to_a_chosen_file_is_that_file() {
        let (dir, allowed, recent) = setup();
        let file = dir.path().join("real.bridgeplan");
        std::fs::write(&file, b"x").unwrap();
        std::os::unix::fs::symlink(&file, dir.path().join("link.bridgeplan")).unwrap();
        allowed.allow(&dir.path().join("link.bridgeplan"));
        assert!(allowed.check(&file, &recent, &[]).is_ok());
    }
}
