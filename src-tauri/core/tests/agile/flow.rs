//! The status history of items: cumulative flow and cycle and lead time, on dated history.

use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::Workspace;
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A Kanban project with the default columns: Backlog, Ready, In progress, Review, Done.
fn kanban(ws: &mut Workspace) -> bridgeplan_core::Id {
    ws.create_project(&ProjectInput {
        name: "Ops".into(),
        methodology: Methodology::Kanban,
        start_date: None,
        finish_date: None,
        description: String::new(),
    })
    .unwrap()
    .id
}

#[test]
fn moves_are_recorded_and_give_cumulative_flow_and_flow_times() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flow.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    let project = kanban(&mut ws);
    let columns = ws.statuses(project).unwrap(); // Backlog, Ready, In progress, Review, Done
    let item = |ws: &mut Workspace, title: &str| {
        ws.create_item(
            project,
            None,
            &WorkItemInput {
                title: title.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let a = item(&mut ws, "Patch VPN");
    let b = item(&mut ws, "Renew certificates");
    let c = item(&mut ws, "Rotate keys");
    ws.move_item(a, columns[2].id, 0).unwrap();
    ws.move_item(a, columns[4].id, 0).unwrap();
    ws.move_item(b, columns[4].id, 0).unwrap(); // straight to done, never in progress
    ws.move_item(c, columns[2].id, 0).unwrap();
    ws.move_item(c, columns[2].id, 0).unwrap(); // a reorder is not a status change
    ws.close().unwrap();

    // Give the history real dates: each row in the order it was written.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let dates = [
        "2026-03-02T09:00:00Z", // a created
        "2026-03-02T10:00:00Z", // b created
        "2026-03-03T09:00:00Z", // c created
        "2026-03-04T09:00:00Z", // a in progress
        "2026-03-06T09:00:00Z", // a done
        "2026-03-07T09:00:00Z", // b done
        "2026-03-07T12:00:00Z", // c in progress
    ];
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM status_changes ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(ids.len(), dates.len(), "one row per creation and per change of column");
    for (id, at) in ids.iter().zip(dates) {
        conn.execute("UPDATE status_changes SET at = ?1 WHERE id = ?2", (at, id))
            .unwrap();
    }
    drop(conn);

    let ws = Workspace::open(&path).unwrap();
    let cfd = ws
        .cumulative_flow(project, date("2026-03-01"), date("2026-03-08"))
        .unwrap();
    assert_eq!(cfd.days.len(), 8);
    let band = |name: &str| cfd.bands.iter().find(|b| b.name == name).unwrap().counts.clone();
    assert_eq!(band("Backlog"), [0, 2, 3, 2, 2, 2, 0, 0]);
    assert_eq!(band("In progress"), [0, 0, 0, 1, 1, 0, 1, 1]);
    assert_eq!(band("Done"), [0, 0, 0, 0, 0, 1, 2, 2]);

    let times = ws.flow_times(project).unwrap();
    assert_eq!(times.items.len(), 2);
    let of = |title: &str| times.items.iter().find(|i| i.title == title).unwrap();
    assert_eq!(of("Patch VPN").lead_days, 4.0);
    assert_eq!(of("Patch VPN").cycle_days, Some(2.0));
    assert_eq!(of("Renew certificates").cycle_days, None);
    assert_eq!(times.average_cycle_days, Some(2.0));
    assert_eq!(times.average_lead_days, Some(4.5));
}

#[test]
fn undoing_a_move_takes_its_history_back() {
    let mut ws = Workspace::in_memory().unwrap();
    let project = kanban(&mut ws);
    let done = ws.statuses(project).unwrap()[4].id;
    let item = ws
        .create_item(
            project,
            None,
            &WorkItemInput {
                title: "X".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    ws.move_item(item, done, 0).unwrap();
    assert_eq!(ws.flow_times(project).unwrap().items.len(), 1);
    ws.undo().unwrap();
    assert_eq!(ws.flow_times(project).unwrap().items.len(), 0);
}
