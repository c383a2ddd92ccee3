//! Trello board exports ("Export as JSON" from a board's menu), read into a [`BoardImport`].
//!
//! Facts of the format used here: the root object is the board (`name`, `desc`) with arrays
//! `lists` (`id`, `name`, `closed`, `pos`), `cards` (`id`, `idList`, `name`, `desc`, `closed`,
//! `pos`, `due`, `dueComplete`, `start`, `idLabels`, `idMembers`, `idChecklists`,
//! `idMembersVoted`, `attachments`, `badges`, `customFieldItems`), `labels` (`id`, `name`,
//! `color`; a label may have no name), `members` (`id`, `fullName`, `username`), `checklists`
//! (`id`, `idCard`, `name`, `pos`, `checkItems` with `name`, `pos`, `state` complete|incomplete,
//! `due`, `idMember`), `customFields`, `pluginData`, `powerUps`, and `actions`, the board's
//! recent activity newest first (`type`, `date`, `data.card.id`; a move between lists is an
//! `updateCard` with `data.listBefore` and `data.listAfter`; `createCard`, `copyCard`,
//! `commentCard`, …). The first eight hex digits of a Trello id are its creation time in Unix
//! seconds.
//!
//! Lists become columns (categories guessed from their names), open cards work items, labels
//! tags (a label without a name is named by its colour), checklists a Markdown checklist at the
//! end of the card's description, the first member of a card its assignee, the due date its due
//! date, and the card moves in the activity its flow history. Archived lists and cards are
//! skipped and counted; what Bridgeplan does not keep is counted in `not_kept`.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;

use crate::interchange::board::{self, category_of, clip, count, BoardImport, ImportItem, ImportStatus};
use crate::work::items::{ItemType, Priority};
use crate::work::projects::Methodology;
use crate::work::statuses::StatusCategory;
use crate::{CoreError, Result};

pub const FORMAT: &str = "Trello board";

/// A card's move: when, from which list, to which.
type Move<'a> = (DateTime<Utc>, &'a str, &'a str);

fn refuse(message: String) -> CoreError {
    CoreError::InvalidInput(format!("{message} Nothing was imported."))
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn pos(v: &Value) -> f64 {
    match v.get("pos") {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
        Some(Value::String(s)) => s.parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// The creation time a Trello id carries in its first eight hex digits.
fn id_time(id: &str) -> Option<DateTime<Utc>> {
    let seconds = i64::from_str_radix(id.get(0..8)?, 16).ok()?;
    Utc.timestamp_opt(seconds, 0).single()
}

/// Reads a Trello board export. Refuses text that is not JSON, or JSON that is not a board.
pub fn read(json: &str) -> Result<BoardImport> {
    let root: Value = serde_json::from_str(json.trim_start_matches('\u{feff}')).map_err(|e| {
        refuse(format!(
            "This file is not JSON, so it is not a Trello board export ({e})."
        ))
    })?;
    let is_board = root.is_object()
        && root.get("lists").is_some_and(Value::is_array)
        && root.get("cards").is_some_and(Value::is_array)
        && root.get("name").is_some_and(Value::is_string);
    if !is_board {
        return Err(refuse(
            "This is JSON but not a Trello board export: a board has a name, lists and cards. \
             In Trello, open the board's menu, then Print, export and share → Export as JSON."
                .into(),
        ));
    }
    let board_name = clip(text(&root, "name"), 120);
    let project = if board_name.is_empty() {
        "Trello board".to_string()
    } else {
        board_name
    };
    let mut not_kept = Vec::new();
    let mut skipped = Vec::new();

    // Lists → columns, in board order; archived lists are skipped with their cards.
    let mut lists: Vec<&Value> = array(&root, "lists").iter().collect();
    lists.sort_by(|a, b| pos(a).total_cmp(&pos(b)));
    let open_lists: Vec<&Value> = lists.iter().copied().filter(|l| !flag(l, "closed")).collect();
    let names: Vec<String> = open_lists.iter().map(|l| text(l, "name").to_string()).collect();
    let names = board::unique_names(&names, 60, "Untitled list");
    let mut statuses: Vec<ImportStatus> = names
        .into_iter()
        .map(|name| ImportStatus {
            category: category_of(&name),
            name,
        })
        .collect();
    if statuses.is_empty() {
        statuses.push(ImportStatus {
            name: "To do".into(),
            category: StatusCategory::Todo,
        });
    }
    // A board whose list names say nothing of being done: its last list is where work ends.
    if !statuses.iter().any(|s| s.category == StatusCategory::Done) && statuses.len() > 1 {
        statuses.last_mut().unwrap().category = StatusCategory::Done;
    }
    let list_index: HashMap<&str, usize> = open_lists.iter().enumerate().map(|(i, l)| (text(l, "id"), i)).collect();
    let closed_lists: HashMap<&str, &str> = lists
        .iter()
        .filter(|l| flag(l, "closed"))
        .map(|l| (text(l, "id"), text(l, "name")))
        .collect();

    // Members → people (by full name, else user name).
    let mut people: Vec<String> = Vec::new();
    let mut member_index: HashMap<&str, usize> = HashMap::new();
    for m in array(&root, "members") {
        let name = clip(
            if text(m, "fullName").trim().is_empty() {
                text(m, "username")
            } else {
                text(m, "fullName")
            },
            120,
        );
        if name.is_empty() {
            continue;
        }
        let at = match people.iter().position(|p| p.eq_ignore_ascii_case(&name)) {
            Some(at) => at,
            None => {
                people.push(name);
                people.len() - 1
            }
        };
        member_index.insert(text(m, "id"), at);
    }

    let labels: HashMap<&str, String> = array(&root, "labels")
        .iter()
        .map(|l| {
            let name = text(l, "name").trim();
            let tag = if !name.is_empty() {
                name.to_string()
            } else if !text(l, "color").is_empty() {
                text(l, "color").to_string()
            } else {
                "label".to_string()
            };
            (text(l, "id"), clip(&tag, 40))
        })
        .collect();
    let coloured_labels = array(&root, "labels")
        .iter()
        .filter(|l| !text(l, "name").trim().is_empty() && !text(l, "color").is_empty())
        .count();

    let mut checklists: HashMap<&str, Vec<&Value>> = HashMap::new();
    for c in array(&root, "checklists") {
        checklists.entry(text(c, "idCard")).or_default().push(c);
    }

    // The activity: creation times and moves between lists, per card.
    let mut created: HashMap<&str, DateTime<Utc>> = HashMap::new();
    let mut moves: HashMap<&str, Vec<Move>> = HashMap::new();
    let mut comments_in_actions = 0;
    let mut other_actions = 0;
    let actions = array(&root, "actions");
    for a in actions {
        let data = a.get("data").unwrap_or(&Value::Null);
        let card = data.get("card").map(|c| text(c, "id")).unwrap_or("");
        let Some(at) = instant(text(a, "date")) else { continue };
        match text(a, "type") {
            "createCard" | "copyCard" | "convertToCardFromCheckItem" | "moveCardToBoard" if !card.is_empty() => {
                let entry = created.entry(card).or_insert(at);
                *entry = (*entry).min(at);
            }
            "updateCard" if data.get("listAfter").is_some() => {
                let before = data.get("listBefore").map(|l| text(l, "id")).unwrap_or("");
                let after = data.get("listAfter").map(|l| text(l, "id")).unwrap_or("");
                moves.entry(card).or_default().push((at, before, after));
            }
            "commentCard" => comments_in_actions += 1,
            _ => other_actions += 1,
        }
    }

    let mut cards: Vec<&Value> = array(&root, "cards").iter().collect();
    cards.sort_by(|a, b| {
        let la = list_index.get(text(a, "idList")).copied().unwrap_or(usize::MAX);
        let lb = list_index.get(text(b, "idList")).copied().unwrap_or(usize::MAX);
        la.cmp(&lb).then(pos(a).total_cmp(&pos(b)))
    });
    let mut items = Vec::new();
    let mut archived = 0;
    let mut in_closed_lists: HashMap<&str, usize> = HashMap::new();
    let mut orphans = 0;
    let (mut attachments, mut comments, mut votes, mut custom_values) = (0, 0, 0, 0);
    let (mut extra_members, mut starts, mut marks, mut item_dues, mut item_members) = (0, 0, 0, 0, 0);
    let mut checklist_count = 0;
    let mut check_items = 0;
    for card in cards {
        if flag(card, "closed") {
            archived += 1;
            continue;
        }
        let list = text(card, "idList");
        let Some(&status) = list_index.get(list) else {
            match closed_lists.get(list) {
                Some(name) => *in_closed_lists.entry(name).or_default() += 1,
                None => orphans += 1,
            }
            continue;
        };
        let id = text(card, "id");
        attachments += array(card, "attachments")
            .len()
            .max(card.pointer("/badges/attachments").and_then(Value::as_u64).unwrap_or(0) as usize);
        comments += card.pointer("/badges/comments").and_then(Value::as_u64).unwrap_or(0) as usize;
        votes += array(card, "idMembersVoted").len();
        custom_values += array(card, "customFieldItems").len();
        let members: Vec<usize> = array(card, "idMembers")
            .iter()
            .filter_map(|m| m.as_str().and_then(|m| member_index.get(m)).copied())
            .collect();
        if members.len() > 1 {
            extra_members += members.len() - 1;
        }
        if !text(card, "start").is_empty() {
            starts += 1;
        }
        let due = instant(text(card, "due")).map(|d| d.date_naive());
        if due.is_some() && flag(card, "dueComplete") && statuses[status].category != StatusCategory::Done {
            marks += 1;
        }
        let mut tags: Vec<String> = Vec::new();
        for l in array(card, "idLabels") {
            if let Some(tag) = l.as_str().and_then(|l| labels.get(l)) {
                if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                    tags.push(tag.clone());
                }
            }
        }
        // Checklists → a Markdown checklist at the end of the description.
        let mut description = text(card, "desc").trim_end().to_string();
        let mut lists_of_card = checklists.get(id).cloned().unwrap_or_default();
        lists_of_card.sort_by(|a, b| pos(a).total_cmp(&pos(b)));
        for checklist in lists_of_card {
            checklist_count += 1;
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(&format!("Checklist: {}", text(checklist, "name").trim()));
            let mut entries: Vec<&Value> = array(checklist, "checkItems").iter().collect();
            entries.sort_by(|a, b| pos(a).total_cmp(&pos(b)));
            for entry in entries {
                check_items += 1;
                let done = text(entry, "state") == "complete";
                description.push_str(&format!(
                    "\n- [{}] {}",
                    if done { "x" } else { " " },
                    text(entry, "name").trim()
                ));
                if !text(entry, "due").is_empty() {
                    item_dues += 1;
                }
                if !text(entry, "idMember").is_empty() {
                    item_members += 1;
                }
            }
        }
        let made = created
            .get(id)
            .copied()
            .or_else(|| id_time(id))
            .unwrap_or_else(crate::clock::now);
        let last = instant(text(card, "dateLastActivity")).unwrap_or(made).max(made);
        // Flow history: where it started (the list of its first move, or where it is), then
        // each move in time order, keeping the moves between lists that are imported.
        let mut card_moves = moves.get(id).cloned().unwrap_or_default();
        card_moves.sort_by_key(|m| m.0);
        let first = card_moves
            .first()
            .and_then(|m| list_index.get(m.1).copied())
            .unwrap_or(status);
        let mut history = vec![(first, made)];
        for (at, _, after) in card_moves {
            if let Some(&to) = list_index.get(after) {
                if history.last().map(|h| h.0) != Some(to) {
                    history.push((to, at.max(made)));
                }
            }
        }
        let title = clip(text(card, "name"), 300);
        items.push(ImportItem {
            title: if title.is_empty() {
                "Untitled card".into()
            } else {
                title
            },
            description: description.chars().take(20_000).collect(),
            item_type: ItemType::Task,
            priority: Priority::Medium,
            story_points: None,
            estimate_hours: None,
            tags,
            due,
            assignee: members.first().copied(),
            status,
            sprint: None,
            parent: None,
            created: made,
            updated: last,
            history,
        });
    }

    if archived > 0 {
        skipped.push(format!(
            "{} skipped.",
            count(archived, "archived card", "archived cards")
        ));
    }
    let mut closed: Vec<(&&str, &usize)> = in_closed_lists.iter().collect();
    closed.sort();
    for (name, n) in closed {
        skipped.push(format!(
            "{} in the archived list \"{}\" skipped.",
            count(*n, "card", "cards"),
            name.trim()
        ));
    }
    let empty_closed = closed_lists.len() - in_closed_lists.len();
    if empty_closed > 0 {
        skipped.push(format!(
            "{} without open cards skipped.",
            count(empty_closed, "archived list", "archived lists")
        ));
    }
    if orphans > 0 {
        skipped.push(format!(
            "{} on no list of this board skipped.",
            count(orphans, "card", "cards")
        ));
    }
    let mut note = |n: usize, what: String| {
        if n > 0 {
            not_kept.push(what);
        }
    };
    note(
        attachments,
        format!(
            "{} (files and links on cards).",
            count(attachments, "attachment", "attachments")
        ),
    );
    let comments = comments.max(comments_in_actions);
    note(comments, format!("{}.", count(comments, "comment", "comments")));
    note(votes, format!("{}.", count(votes, "vote", "votes")));
    let fields = array(&root, "customFields").len();
    note(
        fields + custom_values,
        format!(
            "{} with {} on cards.",
            count(fields, "custom field", "custom fields"),
            count(custom_values, "value", "values")
        ),
    );
    let power_ups = array(&root, "powerUps").len() + array(&root, "pluginData").len();
    note(
        power_ups,
        format!("{} and their data.", count(power_ups, "power-up", "power-ups")),
    );
    note(
        extra_members,
        format!(
            "{} beyond the first on a card (an item has one assignee).",
            count(extra_members, "member", "members")
        ),
    );
    note(
        starts,
        format!(
            "{} (items have a due date only).",
            count(starts, "start date", "start dates")
        ),
    );
    note(
        marks,
        format!(
            "{} of cards outside a done list.",
            count(marks, "\"due date complete\" mark", "\"due date complete\" marks")
        ),
    );
    note(
        item_dues,
        format!("{} of checklist items.", count(item_dues, "due date", "due dates")),
    );
    note(
        item_members,
        format!(
            "{} to checklist items.",
            count(item_members, "member assigned", "members assigned")
        ),
    );
    note(
        coloured_labels,
        format!(
            "{} (tags have none).",
            count(coloured_labels, "label colour", "label colours")
        ),
    );
    note(
        other_actions,
        format!(
            "{} of the board's activity besides card creation, moves and comments.",
            count(other_actions, "entry", "entries")
        ),
    );

    Ok(BoardImport {
        format: FORMAT.into(),
        project,
        methodology: Methodology::Kanban,
        description: text(&root, "desc").to_string(),
        statuses,
        people,
        sprints: Vec::new(),
        items,
        not_kept,
        skipped,
        extra: vec![
            ("checklists (in descriptions)".into(), checklist_count),
            ("checklist entries".into(), check_items),
        ],
    })
}
