//! Full-text search over the workspace: work items, the RAID log, meetings (with their
//! decisions), stakeholders, lessons, services and incidents.
//!
//! The index is one FTS5 table, `search_index` (schema 12). SQL triggers on the indexed tables
//! keep it in step inside the same transaction as the change, so every edit, undo and redo
//! leaves it right without code of its own. This module turns what a user typed into a safe
//! FTS5 query and answers with ranked hits grouped by kind.

pub mod query;

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Result, Workspace};

pub use query::fts_query;

/// The most hits of one kind a search answers with, whatever the caller asks.
pub const MAX_PER_KIND: usize = 50;

/// True for the search index, its keys (`search_index_keys`) and its FTS5 shadow tables
/// (`search_index_data`, `_idx`, `_content`, `_docsize`, `_config`): derived data the triggers
/// write, not rows of their own. Undo leaves them to the triggers, and a comparison of a file's
/// rows before and after an undo skips them (their ids and pages may differ, their meaning not).
pub fn is_index_table(name: &str) -> bool {
    name == "search_index" || name.starts_with("search_index_")
}

/// What a hit is; each kind opens in its own place in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchKind {
    Item,
    Risk,
    Issue,
    Assumption,
    Dependency,
    Meeting,
    Stakeholder,
    Lesson,
    Service,
    Incident,
}

impl SearchKind {
    pub const ALL: [SearchKind; 10] = [
        SearchKind::Item,
        SearchKind::Risk,
        SearchKind::Issue,
        SearchKind::Assumption,
        SearchKind::Dependency,
        SearchKind::Meeting,
        SearchKind::Stakeholder,
        SearchKind::Lesson,
        SearchKind::Service,
        SearchKind::Incident,
    ];

    /// The name stored in the index's `kind` column.
    pub fn key(self) -> &'static str {
        match self {
            SearchKind::Item => "item",
            SearchKind::Risk => "risk",
            SearchKind::Issue => "issue",
            SearchKind::Assumption => "assumption",
            SearchKind::Dependency => "dependency",
            SearchKind::Meeting => "meeting",
            SearchKind::Stakeholder => "stakeholder",
            SearchKind::Lesson => "lesson",
            SearchKind::Service => "service",
            SearchKind::Incident => "incident",
        }
    }

    /// The kind's code in the index's keys and rowids (see migration 0012).
    pub fn code(self) -> i64 {
        match self {
            SearchKind::Item => 1,
            SearchKind::Risk => 2,
            SearchKind::Issue => 3,
            SearchKind::Assumption => 4,
            SearchKind::Dependency => 5,
            SearchKind::Meeting => 6,
            SearchKind::Stakeholder => 7,
            SearchKind::Lesson => 8,
            SearchKind::Service => 9,
            SearchKind::Incident => 10,
        }
    }

    pub fn from_code(code: i64) -> Option<SearchKind> {
        SearchKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn from_key(key: &str) -> Option<SearchKind> {
        SearchKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The heading of this kind's group.
    pub fn label(self) -> &'static str {
        match self {
            SearchKind::Item => "Work items",
            SearchKind::Risk => "Risks",
            SearchKind::Issue => "Issues",
            SearchKind::Assumption => "Assumptions",
            SearchKind::Dependency => "Dependencies",
            SearchKind::Meeting => "Meetings",
            SearchKind::Stakeholder => "Stakeholders",
            SearchKind::Lesson => "Lessons learned",
            SearchKind::Service => "Services",
            SearchKind::Incident => "Incidents",
        }
    }
}

/// A run of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TextPart {
    pub text: String,
    pub hit: bool,
}

/// One row found, with what the UI needs to show and open it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The row's id in its own table (work_items, risks, meetings, ...).
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number | null")]
    pub project_id: Option<Id>,
    /// The project's name, or for a lesson of a deleted project the name it was recorded under.
    pub project_name: Option<String>,
    /// The title (a stakeholder's or service's name) with the matching words marked.
    pub title: Vec<TextPart>,
    /// A short extract of the other text around the matching words; empty when only the
    /// title matched and there is no other text.
    pub snippet: Vec<TextPart>,
    /// A word of context: an item's status, a meeting's day, an incident's service.
    pub detail: String,
}

/// The hits of one kind, best first, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchGroup {
    pub kind: SearchKind,
    pub label: String,
    /// Every match of this kind; `hits` holds at most the limit asked for.
    pub count: usize,
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchResults {
    pub query: String,
    /// Every match of every kind.
    pub total: usize,
    /// One group per kind that matched, in a fixed order (items first).
    pub groups: Vec<SearchGroup>,
}

/// The index columns' weights for bm25 (kind, ref_id, project_id, title, body): a word in
/// the title counts for eight in the body.
const RANK: &str = "bm25(search_index, 0.0, 0.0, 0.0, 8.0, 1.0)";
/// A kind with at most this many matches is ranked in full; one with more ranks its this many
/// newest matches and its this many newest with every word in the title.
pub const RANKED_IN_FULL: usize = 1000;
const MARK_START: char = '\u{2}';
const MARK_END: char = '\u{3}';

/// Searches the index for what the user typed, at most `limit_per_kind` hits of each kind
/// (1 to [`MAX_PER_KIND`]). An empty query, or one with no letters or digits, finds nothing.
pub fn search(conn: &Connection, text: &str, limit_per_kind: usize) -> Result<SearchResults> {
    let mut results = SearchResults {
        query: text.to_string(),
        total: 0,
        groups: Vec::new(),
    };
    let Some(fts) = fts_query(text) else {
        return Ok(results);
    };
    let limit = limit_per_kind.clamp(1, MAX_PER_KIND);
    // How many rows of each kind match: read from the index's lists alone, no scoring.
    let mut counts: BTreeMap<SearchKind, usize> = BTreeMap::new();
    {
        let mut count = conn
            .prepare_cached("SELECT rowid % 16, count(*) FROM search_index WHERE search_index MATCH ?1 GROUP BY 1")?;
        let rows = count.query_map([&fts], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (code, n) = row?;
            if let Some(kind) = SearchKind::from_code(code) {
                counts.insert(kind, n as usize);
            }
        }
    }
    let mut by_kind: BTreeMap<SearchKind, Vec<i64>> = BTreeMap::new();
    // The kinds with few enough matches are ranked in full, in one statement, bm25 scoring
    // only their rows.
    let few: Vec<i64> = counts
        .iter()
        .filter(|(_, &n)| n <= RANKED_IN_FULL)
        .map(|(k, _)| k.code())
        .collect();
    if !few.is_empty() {
        let mut ranked = conn.prepare_cached(&format!(
            "SELECT hit, kind FROM ( \
               SELECT hit, kind, row_number() OVER (PARTITION BY kind ORDER BY score, hit) AS place \
               FROM (SELECT rowid AS hit, rowid % 16 AS kind, {RANK} AS score \
                     FROM search_index WHERE search_index MATCH ?1 \
                       AND rowid % 16 IN (SELECT value FROM json_each(?2)))) \
             WHERE place <= ?3 ORDER BY kind, place"
        ))?;
        let codes = format!("[{}]", few.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        let rows = ranked.query_map(params![fts, codes, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (rowid, code) = row?;
            if let Some(kind) = SearchKind::from_code(code) {
                by_kind.entry(kind).or_default().push(rowid);
            }
        }
    }
    // A kind with more matches (a common word over a large workspace) ranks a bounded set:
    // its newest matches and its newest matches with every word in the title, the rows bm25
    // would put first (a title word weighs eight).
    let in_title = format!("{{title}} : ({fts})");
    for (&kind, _) in counts.iter().filter(|(_, &n)| n > RANKED_IN_FULL) {
        let mut ranked = conn.prepare_cached(&format!(
            "SELECT hit FROM ( \
               SELECT * FROM (SELECT rowid AS hit, {RANK} AS score FROM search_index \
                              WHERE search_index MATCH ?1 AND rowid % 16 = ?2 ORDER BY rowid DESC LIMIT ?3) \
               UNION \
               SELECT rowid, {RANK} FROM search_index \
               WHERE search_index MATCH ?1 AND rowid % 16 = ?2 \
                 AND +rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?4 AND rowid % 16 = ?2 \
                                ORDER BY rowid DESC LIMIT ?3)) \
             ORDER BY score, hit LIMIT ?5"
        ))?;
        let rows = ranked.query_map(
            params![fts, kind.code(), RANKED_IN_FULL as i64, in_title, limit as i64],
            |r| r.get::<_, i64>(0),
        )?;
        let hits = by_kind.entry(kind).or_default();
        for row in rows {
            hits.push(row?);
        }
    }
    let mut one = conn.prepare_cached(
        "SELECT s.ref_id, s.project_id, \
                highlight(search_index, 3, char(2), char(3)), \
                snippet(search_index, 4, char(2), char(3), '…', 14), \
                coalesce(p.name, CASE WHEN s.kind = 'lesson' \
                    THEN (SELECT nullif(l.project_name, '') FROM lessons l WHERE l.id = s.ref_id) END) \
         FROM search_index s LEFT JOIN projects p ON p.id = s.project_id \
         WHERE search_index MATCH ?1 AND s.rowid = ?2",
    )?;
    for (kind, rowids) in by_kind {
        let count = counts.get(&kind).copied().unwrap_or(0);
        let mut hits = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            let found = one
                .query_row(params![fts, rowid], |r| {
                    Ok((
                        r.get::<_, Id>(0)?,
                        r.get::<_, Option<Id>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                    ))
                })
                .optional()?;
            let Some((id, project_id, title, snippet, project_name)) = found else {
                continue;
            };
            let detail = detail(conn, kind, id)?;
            hits.push(SearchHit {
                kind,
                id,
                project_id,
                project_name,
                title: parts(&title),
                snippet: parts(&snippet),
                detail,
            });
        }
        results.total += count;
        results.groups.push(SearchGroup {
            kind,
            label: kind.label().to_string(),
            count,
            hits,
        });
    }
    Ok(results)
}

/// A word of context for a hit, read from its own row.
fn detail(conn: &Connection, kind: SearchKind, id: Id) -> Result<String> {
    let sql = match kind {
        SearchKind::Item => "SELECT s.name FROM work_items w JOIN statuses s ON s.id = w.status_id WHERE w.id = ?1",
        SearchKind::Risk => "SELECT 'Score ' || (probability * impact) || ' · ' || status FROM risks WHERE id = ?1",
        SearchKind::Issue => "SELECT replace(status, '_', ' ') FROM raid_issues WHERE id = ?1",
        SearchKind::Assumption => "SELECT status FROM assumptions WHERE id = ?1",
        SearchKind::Dependency => {
            "SELECT trim(provider || CASE WHEN needed_by IS NULL THEN '' ELSE ' · needed by ' || needed_by END) \
             FROM external_dependencies WHERE id = ?1"
        }
        SearchKind::Meeting => "SELECT day FROM meetings WHERE id = ?1",
        SearchKind::Stakeholder => {
            "SELECT trim(role || CASE WHEN role <> '' AND organisation <> '' THEN ', ' ELSE '' END || organisation) \
             FROM stakeholders WHERE id = ?1"
        }
        SearchKind::Lesson => "SELECT replace(kind, '_', ' ') FROM lessons WHERE id = ?1",
        SearchKind::Service => "SELECT 'Target ' || availability_target || ' %' FROM services WHERE id = ?1",
        SearchKind::Incident => {
            "SELECT v.name || ' · severity ' || i.severity FROM incidents i JOIN services v ON v.id = i.service_id \
             WHERE i.id = ?1"
        }
    };
    let value: Option<String> = conn.prepare_cached(sql)?.query_row([id], |r| r.get(0)).optional()?;
    Ok(value.unwrap_or_default())
}

/// Splits text marked by `highlight`/`snippet` into runs, with whitespace (the line breaks
/// that join a row's fields in the index) folded to single spaces.
fn parts(marked: &str) -> Vec<TextPart> {
    let mut out: Vec<TextPart> = Vec::new();
    let mut hit = false;
    let mut current = String::new();
    let push = |text: &mut String, hit: bool, out: &mut Vec<TextPart>| {
        if !text.is_empty() {
            out.push(TextPart {
                text: std::mem::take(text),
                hit,
            });
        }
    };
    let mut last_space = true;
    for c in marked.chars() {
        match c {
            MARK_START | MARK_END => {
                push(&mut current, hit, &mut out);
                hit = c == MARK_START;
            }
            c if c.is_whitespace() => {
                if !last_space {
                    current.push(' ');
                }
                last_space = true;
            }
            c => {
                current.push(c);
                last_space = false;
            }
        }
    }
    push(&mut current, hit, &mut out);
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    out.retain(|p| !p.text.is_empty());
    out
}

/// Stops indexing work items one by one until [`index_new_items`], for an edit that inserts
/// many (an import, a generated plan): with FTS5 each row's own write costs far more than one
/// write of all of them. Both must run in the same transaction, so no commit sees the index
/// behind. Only inserts are covered: items changed or deleted meanwhile are kept in step as
/// always.
pub fn pause_items(conn: &Connection) -> Result<()> {
    conn.execute("INSERT OR IGNORE INTO search_index_keys(key) VALUES (0)", [])?;
    Ok(())
}

/// Indexes, in one statement, every work item without an entry, and resumes indexing them one
/// by one (see [`pause_items`]).
pub fn index_new_items(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index_keys WHERE key = 0", [])?;
    let before: i64 = conn.query_row("SELECT coalesce(max(seq), 0) FROM search_index_keys", [], |r| r.get(0))?;
    conn.execute(
        "INSERT INTO search_index_keys(key) SELECT w.id * 16 + 1 FROM work_items w \
         WHERE NOT EXISTS (SELECT 1 FROM search_index_keys k WHERE k.key = w.id * 16 + 1) ORDER BY w.id",
        [],
    )?;
    conn.execute(
        "INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body) \
         SELECT k.seq * 16 + 1, 'item', w.id, w.project_id, w.title, \
                w.description || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(w.tags)), '') \
         FROM work_items w JOIN search_index_keys k ON k.key = w.id * 16 + 1 \
         WHERE k.seq > ?1 ORDER BY k.seq",
        [before],
    )?;
    Ok(())
}

impl Workspace {
    /// Searches the workspace; see [`search`].
    pub fn search(&self, text: &str, limit_per_kind: usize) -> Result<SearchResults> {
        search(&self.conn, text, limit_per_kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_becomes_runs_with_spaces_folded() {
        let p = parts("Move\n\n\u{2}ERP\u{3} data  now\n");
        assert_eq!(
            p,
            vec![
                TextPart {
                    text: "Move ".into(),
                    hit: false
                },
                TextPart {
                    text: "ERP".into(),
                    hit: true
                },
                TextPart {
                    text: " data now".into(),
                    hit: false
                },
            ]
        );
        assert!(parts("\n\n").is_empty());
    }
}
