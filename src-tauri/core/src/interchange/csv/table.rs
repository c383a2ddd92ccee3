//! Reading and writing CSV text as RFC 4180 describes it: fields separated by a delimiter,
//! records by CRLF (LF alone is read too), a field in double quotes may hold the delimiter, line
//! breaks and quotes (doubled). A UTF-8 byte order mark at the start is skipped. The delimiter
//! is detected from the header line: whichever of `,` `;` and tab occurs most often outside
//! quotes (a comma when none does).

use crate::{CoreError, Result};

/// A file read into a header row and data rows, nothing interpreted yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub delimiter: char,
    pub headers: Vec<String>,
    pub rows: Vec<Record>,
}

/// One data row: its number as a spreadsheet shows it (the header is row 1) and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub row: usize,
    pub cells: Vec<String>,
}

impl Record {
    /// The value of column `i`, trimmed; "" when the row is short.
    pub fn get(&self, i: usize) -> &str {
        self.cells.get(i).map(|c| c.trim()).unwrap_or("")
    }
}

/// Reads a CSV file. Refuses an empty file, a file that is not UTF-8 text, a header without
/// rows and a quote left open, naming what is wrong; rows with the wrong number of values are
/// kept (the import names them as problems of their row).
pub fn read(bytes: &[u8]) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(CoreError::InvalidInput(
            "The file is empty: there is no header row and no data.".into(),
        ));
    }
    if bytes.contains(&0) {
        return Err(CoreError::InvalidInput(
            "This is not a CSV file: it holds binary data, not text. Save the sheet as CSV (UTF-8) and try again."
                .into(),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        CoreError::InvalidInput(format!(
            "The file is not UTF-8 text (a byte at position {} is not). Save the sheet as \"CSV UTF-8\" and try again.",
            e.valid_up_to()
        ))
    })?;
    let delimiter = detect_delimiter(text);
    let mut records = parse(text, delimiter)?;
    // Blank lines between or after records (often at the end) are not rows.
    records.retain(|r| !(r.cells.len() == 1 && r.cells[0].trim().is_empty()));
    if records.is_empty() {
        return Err(CoreError::InvalidInput(
            "The file is empty: there is no header row and no data.".into(),
        ));
    }
    let header = records.remove(0);
    let headers: Vec<String> = header.cells.iter().map(|h| h.trim().to_string()).collect();
    if records.is_empty() {
        return Err(CoreError::InvalidInput(
            "The file has a header row but no rows under it, so there is nothing to import.".into(),
        ));
    }
    Ok(Table {
        delimiter,
        headers,
        rows: records,
    })
}

fn detect_delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties go to the first: comma, then semicolon, then tab.
    let mut best = counts[0];
    for c in &counts[1..] {
        if c.1 > best.1 {
            best = *c;
        }
    }
    best.0
}

fn parse(text: &str, delimiter: char) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut row = 1usize; // the record's number, header = 1
    let mut line = 1usize; // physical line, for the message about an open quote
    let mut quoted = false;
    let mut quote_line = 0;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                quote_line = line;
                at_field_start = false;
            }
            c if c == delimiter => {
                cells.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                cells.push(std::mem::take(&mut field));
                records.push(Record {
                    row,
                    cells: std::mem::take(&mut cells),
                });
                row += 1;
                line += 1;
                at_field_start = true;
            }
            c => {
                // A quote inside an unquoted field is kept as it is (spreadsheets write such).
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(CoreError::InvalidInput(format!(
            "A quoted value that starts on line {quote_line} is never closed (a \" is missing), so the rest of the file cannot be read. Nothing was imported."
        )));
    }
    if !field.is_empty() || !cells.is_empty() {
        cells.push(field);
        records.push(Record { row, cells });
    }
    Ok(records)
}

/// Writes a header and rows as CSV: comma-separated, CRLF after every record, a field quoted
/// when it holds a comma, a quote, a line break or leading/trailing spaces.
pub fn write(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    write_record(&mut out, headers);
    for row in rows {
        write_record(&mut out, row);
    }
    out
}

fn write_record(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let needs_quotes =
            cell.contains([',', '"', '\n', '\r', ';', '\t']) || cell.starts_with(' ') || cell.ends_with(' ');
        if needs_quotes {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// Reads and parses a CSV file from disk (nothing is written anywhere).
pub fn read_file(path: &std::path::Path) -> Result<Table> {
    let bytes = std::fs::read(path).map_err(|e| CoreError::io(format!("Could not read {}", path.display()), e))?;
    read(&bytes)
}
