//! What several core test files share: the shared fixtures folder, which they require.

use std::path::PathBuf;

/// Set to 1 to skip the tests that read `../shared/fixtures` on a clone without it.
pub const SKIP_VARIABLE: &str = "BRIDGEPLAN_SKIP_FIXTURES";

/// The text of a Microsoft Project XML file from the shared fixtures folder (see `fixture`).
pub fn mspdi_fixture(name: &str) -> Option<String> {
    fixture("mspdi", name)
}

/// The text of `name` in the shared fixtures' `folder`, read in place. Its absence fails the
/// test with the folder named; only `BRIDGEPLAN_SKIP_FIXTURES=1` turns that into a skip.
pub fn fixture(folder: &str, name: &str) -> Option<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures")
        .join(folder);
    match std::fs::read_to_string(dir.join(name)) {
        Ok(text) => Some(text),
        Err(err) if std::env::var(SKIP_VARIABLE).is_ok_and(|v| v == "1") => {
            eprintln!("SKIPPED ({SKIP_VARIABLE}=1): {name} in {}: {err}", dir.display());
            None
        }
        Err(err) => panic!(
            "The fixture {name} is missing from {} ({err}). These tests need the shared fixtures \
             folder beside the project; set {SKIP_VARIABLE}=1 to skip them on purpose.",
            dir.display()
        ),
    }
}
