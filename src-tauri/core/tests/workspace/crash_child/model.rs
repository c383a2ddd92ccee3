//! What the crash harness checks a workspace against, shared by the child that edits and the
//! parent that kills it: a flat map of facts read from the file, and changes to it.
//!
//! A fact is `kind:id` (or `dep:predecessor:successor`) → a value; an absent key is an absent
//! row. A change is a list of `key=value` or `key=-` (gone), with `?` standing for the id of
//! a row the change creates (not known before the edit commits).

// The child and the parent each use part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;

use rusqlite::Connection;

pub type Model = BTreeMap<String, String>;

/// One entry of a change: the key and its new value (`None`: the row is gone).
pub type Change = Vec<(String, Option<String>)>;

/// The name of the project the harness edits.
pub const PROJECT: &str = "Crash harness";

/// Reads every fact of the harness project from the file.
pub fn read(conn: &Connection, project: i64) -> rusqlite::Result<Model> {
    let mut model = Model::new();
    let queries: [(&str, &str); 5] = [
        (
            "item",
            "SELECT 'item:' || id, title || '|' || status_id FROM work_items WHERE project_id = ?1",
        ),
        (
            "dep",
            "SELECT 'dep:' || d.predecessor_id || ':' || d.successor_id, d.kind FROM dependencies d \
             JOIN work_items w ON w.id = d.successor_id WHERE w.project_id = ?1",
        ),
        (
            "risk",
            "SELECT 'risk:' || id, title || '|' || probability FROM risks WHERE project_id = ?1",
        ),
        ("meeting", "SELECT 'meeting:' || id, title FROM meetings WHERE project_id = ?1"),
        (
            "cost",
            "SELECT 'cost:' || id, amount_minor || '|' || coalesce(item_id, '') FROM cost_entries WHERE project_id = ?1",
        ),
    ];
    for (_, sql) in queries {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([project], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (k, v) = row?;
            model.insert(k, v);
        }
    }
    Ok(model)
}

/// The change that turns `before` into `after`.
pub fn diff(before: &Model, after: &Model) -> Change {
    let mut change = Change::new();
    for (k, v) in after {
        if before.get(k) != Some(v) {
            change.push((k.clone(), Some(v.clone())));
        }
    }
    for k in before.keys() {
        if !after.contains_key(k) {
            change.push((k.clone(), None));
        }
    }
    change.sort();
    change
}

pub fn apply(model: &mut Model, change: &Change) {
    for (k, v) in change {
        match v {
            Some(v) => model.insert(k.clone(), v.clone()),
            None => model.remove(k),
        };
    }
}

/// The change that takes `change` back, given the model it was applied to.
pub fn inverse(before: &Model, change: &Change) -> Change {
    let mut back: Change = change
        .iter()
        .map(|(k, _)| (k.clone(), before.get(k).cloned()))
        .collect();
    back.sort();
    back
}

/// True when `actual` is `expected`, where a `?` in an expected key matches any id of a key
/// that is new (absent from `before`).
pub fn matches(before: &Model, expected: &Change, actual: &Change) -> bool {
    if expected.len() != actual.len() {
        return false;
    }
    let mut left: Vec<&(String, Option<String>)> = actual.iter().collect();
    for (key, value) in expected {
        let found = left.iter().position(|(k, v)| {
            v == value
                && if let Some(prefix) = key.strip_suffix('?') {
                    k.starts_with(prefix) && !before.contains_key(k)
                } else {
                    k == key
                }
        });
        match found {
            Some(i) => {
                left.remove(i);
            }
            None => return false,
        }
    }
    true
}

pub fn encode(change: &Change) -> String {
    if change.is_empty() {
        return "none".into();
    }
    change
        .iter()
        .map(|(k, v)| format!("{k}={}", v.as_deref().unwrap_or("-")))
        .collect::<Vec<_>>()
        .join(";")
}

pub fn decode(text: &str) -> Change {
    if text == "none" {
        return Change::new();
    }
    text.split(';')
        .filter_map(|part| {
            let (k, v) = part.split_once('=')?;
            Some((k.to_string(), (v != "-").then(|| v.to_string())))
        })
        .collect()
}

/// A small seeded generator (SplitMix64): the same seed gives the same edits.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}
