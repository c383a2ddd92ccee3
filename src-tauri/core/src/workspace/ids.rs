//! Row ids and workspace identities that two copies of one workspace can hand out without
//! meeting, so the copies can later be merged row by row.

use rusqlite::{Connection, OptionalExtension};

use crate::{CoreError, Id, Result};

/// New ids are drawn from [2^32, 2^53): below 2^53 so the UI's JavaScript numbers hold them
/// exactly, and from 2^32 up so they never meet the small sequential ids of files made before
/// schema 8. Two copies then share an id only by chance (about one in 10^15 per pair of rows).
const LOWEST: u64 = 1 << 32;
const HIGHEST: u64 = 1 << 53;

fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| CoreError::Io(format!("The system gave no random numbers: {e}")))?;
    Ok(bytes)
}

/// A random id in [2^32, 2^53).
pub(crate) fn random_id() -> Result<Id> {
    let n = u64::from_le_bytes(random_bytes()?);
    Ok((LOWEST + n % (HIGHEST - LOWEST)) as Id)
}

/// A random id not yet used in `table` (a constant of this crate, never user input).
pub(crate) fn new_id(conn: &Connection, table: &str) -> Result<Id> {
    let mut stmt = conn.prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?;
    loop {
        let id = random_id()?;
        if stmt.query_row([id], |_| Ok(())).optional()?.is_none() {
            return Ok(id);
        }
    }
}

/// The next place in `table`'s `seq` column: the order rows were recorded in, which random ids
/// no longer give.
pub(crate) fn next_seq(conn: &Connection, table: &str) -> Result<i64> {
    let mut stmt = conn.prepare_cached(&format!("SELECT coalesce(max(seq), 0) + 1 FROM {table}"))?;
    Ok(stmt.query_row([], |r| r.get(0))?)
}

/// A random (version 4) UUID in its usual text form.
pub(crate) fn new_uuid() -> Result<String> {
    let mut b: [u8; 16] = random_bytes()?;
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_stay_in_their_range() {
        for _ in 0..10_000 {
            let id = random_id().unwrap();
            assert!((LOWEST as i64..HIGHEST as i64).contains(&id), "{id}");
        }
    }

    #[test]
    fn uuids_are_version_4() {
        let u = new_uuid().unwrap();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!("89ab".contains(&u[19..20]), "{u}");
        assert_ne!(u, new_uuid().unwrap());
    }
}
