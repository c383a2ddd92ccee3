//! Files the user asked for (exports), written whole or not at all.

use std::path::{Path, PathBuf};

use crate::{CoreError, Result};

/// Writes `bytes` under a temporary name beside `path` and renames it into place, so an
/// interrupted write never leaves a half file.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| CoreError::io(format!("Could not write {}", path.display()), e);
    let mut temp = path.as_os_str().to_owned();
    temp.push(".partial");
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, bytes).map_err(fail)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        fail(e)
    })
}

/// Reads a text file the user chose, with a message that names it.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| CoreError::io(format!("Could not read {}", path.display()), e))
}
