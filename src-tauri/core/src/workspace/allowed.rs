//! The files the app's window may name: those the user chose in a file dialog or dropped on
//! the window, the one given on the command line, and the recent list. The backend takes a
//! path from the UI only when it is one of these, so a page that went wrong (or content that
//! got into it) cannot read or overwrite any other file of the user's.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

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

    /// `path` when the user chose it, or when `known` says the app itself knows the file (the
    /// recent list, the demo: for opening only, never for writing); else a refusal with its
    /// own code. `known` gets the file's real place.
    pub fn check(&self, path: &Path, known: impl Fn(&Path) -> bool) -> Result<PathBuf> {
        let real = real_path(path);
        let chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner()).contains(&real);
        if chosen || known(&real) {
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

    use crate::workspace::recent::RecentList;

    fn setup() -> (tempfile::TempDir, AllowedPaths) {
        (tempfile::tempdir().unwrap(), AllowedPaths::default())
    }

    fn nothing_known(_: &Path) -> bool {
        false
    }

    #[test]
    fn a_chosen_file_is_taken_under_any_spelling_of_its_path() {
        let (dir, allowed) = setup();
        std::fs::create_dir(dir.path().join("plans")).unwrap();
        let file = dir.path().join("plans/q3.bridgeplan");
        allowed.allow(&file);
        // Chosen before it existed, then created: both spellings are the same file.
        std::fs::write(&file, b"x").unwrap();
        let other = dir.path().join("plans/../plans/./q3.bridgeplan");
        assert_eq!(allowed.check(&other, nothing_known).unwrap(), other);
        assert!(allowed.check(&file, nothing_known).is_ok());
    }

    #[test]
    fn a_file_nobody_chose_is_refused_with_its_own_code() {
        let (dir, allowed) = setup();
        allowed.allow(&dir.path().join("chosen.json"));
        let err = allowed
            .check(&dir.path().join("secret.json"), nothing_known)
            .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::PathNotChosen);
        assert!(err.to_string().contains("secret.json"), "{err}");
        // A name that climbs out of the chosen file's folder is another file.
        let sneaky = dir.path().join("chosen.json/../secret.json");
        assert!(allowed.check(&sneaky, nothing_known).is_err());
    }

    #[test]
    fn a_file_the_app_knows_is_taken_where_the_caller_says_so() {
        let (dir, allowed) = setup();
        let recent = RecentList::new(dir.path().join("recent.json"));
        let old = dir.path().join("old.bridgeplan");
        std::fs::write(&old, b"x").unwrap();
        recent.touch(&old).unwrap();
        assert!(allowed.check(&old, |real| recent.contains(real)).is_ok());
        assert!(allowed.check(&old, nothing_known).is_err(), "known for opening only");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_to_a_chosen_file_is_that_file() {
        let (dir, allowed) = setup();
        let file = dir.path().join("real.bridgeplan");
        std::fs::write(&file, b"x").unwrap();
        std::os::unix::fs::symlink(&file, dir.path().join("link.bridgeplan")).unwrap();
        allowed.allow(&dir.path().join("link.bridgeplan"));
        assert!(allowed.check(&file, nothing_known).is_ok());
    }
}
