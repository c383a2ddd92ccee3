//! The workspace JSON import: any bytes are previewed or refused, never a panic; those that
//! preview are imported into a new workspace file, which either opens or was never created.
#![no_main]
use bridgeplan_core::interchange::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if json::preview(data).is_ok() {
        let dir = tempfile::tempdir().expect("a temp folder");
        let dest = dir.path().join("fuzz.bridgeplan");
        match json::import_bytes(data, &dest) {
            Ok(_) => assert!(
                bridgeplan_core::Workspace::open(&dest).is_ok(),
                "an imported workspace opens"
            ),
            Err(_) => assert!(!dest.exists(), "a refused import leaves no file"),
        }
    }
});
