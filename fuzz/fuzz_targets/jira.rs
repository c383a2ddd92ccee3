//! Jira's "Export CSV (all fields)": read or refused, never a panic, and the dates it holds
//! parsed or left out.
#![no_main]
use bridgeplan_core::interchange::files::{self, ImportFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = files::read(ImportFormat::Jira, text, "fuzz");
    }
});
