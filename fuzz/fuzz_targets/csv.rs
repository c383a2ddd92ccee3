//! CSV files for the column-mapping import: any bytes (any encoding, separator, quoting) are
//! read into a table or refused, never a panic; a table that reads can be written back out.
#![no_main]
use bridgeplan_core::interchange::csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = csv::read(data) {
        let rows: Vec<Vec<String>> = table.rows.iter().map(|r| r.cells.clone()).collect();
        let _ = csv::write(&table.headers, &rows);
    }
});
