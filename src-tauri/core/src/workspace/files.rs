//! Files the user asked for (exports), written whole or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{CoreError, Result};

/// Writes `bytes` under a temporary name beside `path`, flushes them to the disk and renames
/// the file into place, so an interrupted write (a crash, a full disk, a power cut) never
/// leaves a half file: `path` holds the old content or the new, whole. A failed write removes
/// its temporary file.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| CoreError::io(format!("Could not write {}", path.display()), e);
    let mut temp = path.as_os_str().to_owned();
    temp.push(".partial");
    let temp = PathBuf::from(temp);
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    super::inspect::sync_parent(path);
    Ok(())
}

/// Reads a text file the user chose, with a message that names it.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| CoreError::io(format!("Could not read {}", path.display()), e))
}
