//! A Trello board's JSON export: read or refused, never a panic.
#![no_main]
use bridgeplan_core::interchange::files::{self, ImportFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = files::read(ImportFormat::Trello, text, "fuzz");
    }
});
