//! The demo's logged time: three weeks of entries up to yesterday on the ERP migration's and
//! the customer portal's started and finished items, on the working days of each person's
//! calendar, so the timesheet and the budget's actual staff cost have believable numbers.
//!
//! Written straight into the file like the rest of the demo (not as edits), and without
//! giving items an actual start: the demo's plan keeps the dates its story is told with.

use chrono::{Duration, NaiveDate};

use crate::plan::calendars::{self, STANDARD_CALENDAR};
use crate::{validate, workspace::ids, Id, Result, Workspace};

/// How many days back the demo's time goes (yesterday first).
const DAYS_BACK: i64 = 21;

/// (person, their calendar, item).
type PersonOnItem = (Id, Option<Id>, Id);

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let (cals, index) = calendars::load(&ws.conn)?;
    let tx = ws.conn.transaction()?;
    // (person, their calendar, item) for the items each person works on, project by project.
    let mut work: Vec<(String, Vec<PersonOnItem>)> = Vec::new();
    for project in ["ERP Cloud Migration", "Customer Portal"] {
        let mut stmt = tx.prepare(
            "SELECT w.assignee_id, p.calendar_id, w.id FROM work_items w \
             JOIN projects pr ON pr.id = w.project_id JOIN statuses s ON s.id = w.status_id \
             JOIN people p ON p.id = w.assignee_id \
             WHERE pr.name = ?1 AND w.item_type <> 'epic' \
               AND (s.category <> 'todo' OR w.percent_complete > 0) \
             ORDER BY w.title",
        )?;
        let rows = stmt.query_map([project], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        work.push((project.to_string(), rows.collect::<rusqlite::Result<_>>()?));
    }
    let created = validate::now_utc();
    for back in 1..=DAYS_BACK {
        let day = today - Duration::days(back);
        for (p, (_, items)) in work.iter().enumerate() {
            let mut people: Vec<(Id, Option<Id>)> = items.iter().map(|(who, cal, _)| (*who, *cal)).collect();
            people.sort();
            people.dedup();
            for (k, (person, calendar)) in people.iter().enumerate() {
                let cal = index.get(&calendar.unwrap_or(STANDARD_CALENDAR)).map(|&at| &cals[at]);
                if !cal.is_some_and(|c| c.is_working_day(day)) {
                    continue;
                }
                let theirs: Vec<Id> = items
                    .iter()
                    .filter(|(w, _, _)| w == person)
                    .map(|(_, _, i)| *i)
                    .collect();
                let pick = (back as usize + k + p) % theirs.len();
                // 2 to 4 hours per project and day: a person on both stays within a working day.
                let minutes = 120 + ((back * 7 + k as i64 * 3 + p as i64) % 5) * 30;
                let id = ids::new_id(&tx, "time_entries")?;
                let seq = ids::next_seq(&tx, "time_entries")?;
                tx.execute(
                    "INSERT INTO time_entries(id, item_id, person_id, day, minutes, note, created_at, seq) \
                     VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7)",
                    rusqlite::params![id, theirs[pick], person, day.to_string(), minutes, created, seq],
                )?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}
