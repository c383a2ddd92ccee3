//! Imports for `make bench`: prints `{"import_trello_1k_ms": {value, unit}}`, the median time of
//! reading, previewing and importing a generated Trello board of 1,000 cards into a workspace
//! file. The board has the shape of Trello's own export: 8 lists (one archived), labels with
//! and without names, 12 members, checklists on every third card, attachments, votes, and an
//! activity of card creations, moves between lists and comments.
//! Usage: bench_interchange DIR   (DIR receives its scratch workspaces)

use std::path::PathBuf;
use std::time::Instant;

use bridgeplan_core::interchange::files::{self, ImportFormat};
use bridgeplan_core::Workspace;
use serde_json::{json, Value};

const CARDS: usize = 1_000;
const RUNS: usize = 5;

/// A Trello-style id: eight hex digits of creation time, then sixteen of counter.
fn id(seconds: u64, n: usize) -> String {
    format!("{seconds:08x}{n:016x}")
}

fn board() -> String {
    let start = 1_700_000_000u64;
    let list_names = [
        "Backlog",
        "Ready",
        "Doing",
        "Code review",
        "Testing",
        "Done",
        "Shipped",
        "Old ideas",
    ];
    let lists: Vec<Value> = list_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            json!({"id": id(start, i), "name": name, "closed": i == 7, "pos": (i + 1) * 65536,
                   "idBoard": "b", "softLimit": null, "subscribed": false})
        })
        .collect();
    let colours = [
        "green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black",
    ];
    let labels: Vec<Value> = colours
        .iter()
        .enumerate()
        .map(|(i, c)| json!({"id": id(start, 100 + i), "idBoard": "b", "name": if i % 3 == 0 { String::new() } else { format!("area {i}") }, "color": c}))
        .collect();
    let members: Vec<Value> = (0..12)
        .map(|i| json!({"id": id(start, 200 + i), "fullName": format!("Member {i}"), "username": format!("member{i}"), "initials": "M"}))
        .collect();
    let mut cards = Vec::with_capacity(CARDS);
    let mut checklists = Vec::new();
    let mut actions = Vec::new();
    for n in 0..CARDS {
        let created = start + n as u64 * 600;
        let card_id = id(created, 1000 + n);
        let list = n % 7;
        let checklist_ids: Vec<String> = if n % 3 == 0 {
            let cl = id(created, 5000 + n);
            checklists.push(json!({"id": cl, "idCard": card_id, "idBoard": "b", "name": "Definition of done", "pos": 16384,
                "checkItems": (0..4).map(|k| json!({"id": id(created, 9000 + n * 4 + k), "name": format!("Step {k} of card {n}"),
                    "pos": (k + 1) * 16384, "state": if k % 2 == 0 { "complete" } else { "incomplete" }, "due": null, "idMember": null,
                    "idChecklist": cl})).collect::<Vec<_>>()}));
            vec![cl]
        } else {
            Vec::new()
        };
        cards.push(json!({
            "id": card_id, "idList": id(start, list), "idBoard": "b", "name": format!("Card {n}: migrate service {}", n % 37),
            "desc": format!("Details of card {n}.\n\nAcceptance: the service answers within 200 ms."),
            "closed": n % 50 == 49, "pos": (n + 1) * 1024, "due": if n % 5 == 0 { json!("2024-03-01T12:00:00.000Z") } else { Value::Null },
            "dueComplete": false, "start": null, "idLabels": [labels[n % 10]["id"].clone(), labels[(n + 3) % 10]["id"].clone()],
            "idMembers": if n % 4 == 0 { vec![members[n % 12]["id"].clone()] } else { Vec::new() },
            "idMembersVoted": [], "idChecklists": checklist_ids, "dateLastActivity": "2024-02-01T10:00:00.000Z",
            "attachments": if n % 10 == 0 { vec![json!({"id": id(created, 7000 + n), "name": "screenshot.png", "url": "https://example.com/s.png"})] } else { Vec::new() },
            "badges": {"comments": if n % 7 == 0 { 1 } else { 0 }, "attachments": if n % 10 == 0 { 1 } else { 0 }, "votes": 0},
            "customFieldItems": [], "labels": [], "cover": {"color": null}, "shortLink": "abc", "url": "https://trello.com/c/abc",
        }));
        actions.push(json!({"id": id(created, 20000 + n), "type": "createCard", "date": format!("2023-11-{:02}T10:00:00.000Z", 1 + n % 28),
            "data": {"card": {"id": card_id, "name": "x"}, "list": {"id": id(start, 0), "name": "Backlog"}}}));
        if list > 0 {
            actions.push(json!({"id": id(created, 40000 + n), "type": "updateCard", "date": format!("2023-12-{:02}T10:00:00.000Z", 1 + n % 28),
                "data": {"card": {"id": card_id, "idList": id(start, list)}, "old": {"idList": id(start, 0)},
                         "listBefore": {"id": id(start, 0), "name": "Backlog"}, "listAfter": {"id": id(start, list), "name": list_names[list]}}}));
        }
        if n % 7 == 0 {
            actions.push(
                json!({"id": id(created, 60000 + n), "type": "commentCard", "date": "2024-01-05T10:00:00.000Z",
                "data": {"card": {"id": card_id}, "text": "Looks good"}}),
            );
        }
    }
    actions.reverse(); // newest first, as Trello writes them
    json!({"id": "b", "name": "Load test board", "desc": "Generated.", "closed": false, "lists": lists, "cards": cards,
           "labels": labels, "members": members, "checklists": checklists, "actions": actions, "customFields": [],
           "pluginData": [], "powerUps": [], "prefs": {"background": "blue"}})
    .to_string()
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: bench_interchange DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    let text = board();
    let mut times = Vec::with_capacity(RUNS);
    for run in 0..RUNS {
        let path = dir.join(format!("import-trello-{run}.bridgeplan"));
        let _ = std::fs::remove_file(&path);
        let mut ws = Workspace::create(&path, Some("Import bench")).unwrap();
        let started = Instant::now();
        let parsed = files::read(ImportFormat::Trello, &text, "board").unwrap();
        parsed.preview(&ws).unwrap();
        let result = ws.import_parsed(&parsed).unwrap();
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(result.project.item_count >= 900, "{}", result.project.item_count);
        ws.close().unwrap();
        let _ = std::fs::remove_file(&path);
    }
    times.sort_by(f64::total_cmp);
    let median = (times[RUNS / 2] * 10.0).round() / 10.0;
    println!("{}", json!({"import_trello_1k_ms": {"value": median, "unit": "ms"}}));
}
