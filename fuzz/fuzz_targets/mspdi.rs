//! Microsoft Project XML: any bytes are read into a plan or refused with an error, never a
//! panic; a plan that reads also previews as an import.
#![no_main]
use bridgeplan_core::interchange::files::{self, ImportFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = bridgeplan_core::interchange::mspdi::read(text);
        let _ = files::read(ImportFormat::Mspdi, text, "fuzz");
    }
});
