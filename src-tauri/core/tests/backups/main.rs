//! Backups: the rotation rule on fixed times, a backup equal to its source table by table, a
//! backup made while another connection writes, restore as a copy (and its refusal of an
//! existing file), a damaged backup listed as such, and the interval setting with its undo.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bridgeplan_core::backups::{self, rotation};
use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::{demo, ErrorCode, Workspace};
use chrono::{DateTime, Duration, TimeZone, Utc};
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

type Dump = BTreeMap<String, Vec<String>>;

fn dump(path: &Path) -> Dump {
    let uri = format!("file:{}?immutable=1", path.display());
    let conn = Connection::open_with_flags(uri, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI).unwrap();
    dump_conn(&conn)
}

fn dump_conn(conn: &Connection) -> Dump {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut dump = Dump::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let values: Vec<rusqlite::types::Value> = (0..width).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                Ok(format!("{values:?}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        dump.insert(table, rows);
    }
    dump
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn demo_file() -> (TempDir, PathBuf, Workspace) {
    bridgeplan_core::clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Acme plans.bridgeplan");
    let ws = demo::write_demo(&path).unwrap();
    (dir, path, ws)
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn item(title: &str) -> WorkItemInput {
    WorkItemInput {
        title: title.into(),
        ..Default::default()
    }
}

// --- the rotation rule -------------------------------------------------------------------

#[test]
fn rotation_keeps_the_last_hour_then_hourly_for_a_day_daily_for_a_week_weekly_for_eight_weeks() {
    // Wednesday 2 December 2026, 12:05 UTC.
    let now = at(2026, 12, 2, 12, 5);
    let times = vec![
        at(2026, 12, 2, 12, 0),  // 0 newest: kept
        at(2026, 12, 2, 11, 50), // 1 younger than an hour: kept
        at(2026, 12, 2, 11, 10), // 2 55 minutes old: kept, though not the newest of hour 11
        at(2026, 12, 2, 10, 20), // 3 hour 10, older than an hour, not its newest (4 is): deleted
        at(2026, 12, 2, 10, 40), // 4 the newest of hour 10: kept
        at(2026, 12, 2, 9, 30),  // 5 hour 9: kept
        at(2026, 12, 1, 13, 0),  // 6 23 h old, hour 13 of the 1st: kept
        at(2026, 12, 1, 8, 0),   // 7 28 h old: not the newest of the 1st (6 is): deleted
        at(2026, 11, 28, 18, 0), // 8 day tier, newest of the 28th: kept
        at(2026, 11, 28, 9, 0),  // 9 older on the 28th: deleted
        at(2026, 11, 20, 10, 0), // 10 12 days: week tier (week 47), newest of it: kept
        at(2026, 11, 17, 10, 0), // 11 week 47 too, older: deleted
        at(2026, 10, 14, 10, 0), // 12 seven weeks: kept (week 42)
        at(2026, 10, 6, 10, 0),  // 13 eight weeks and a day: deleted
        at(2025, 1, 1, 0, 0),    // 14 long ago: deleted
    ];
    let kept: Vec<usize> = rotation::keep(&times, now).into_iter().collect();
    assert_eq!(kept, vec![0, 1, 2, 4, 5, 6, 8, 10, 12]);
    assert_eq!(rotation::prune(&times, now), vec![3, 7, 9, 11, 13, 14]);
}

#[test]
fn rotation_always_keeps_the_newest_and_anything_dated_after_now() {
    let now = at(2026, 12, 2, 12, 0);
    // Months without an edit: the last backup stays.
    let old = vec![at(2026, 3, 1, 9, 0), at(2026, 2, 1, 9, 0)];
    assert_eq!(rotation::prune(&old, now), vec![1]);
    // The clock was set back: a backup "from the future" is not deleted.
    let future = vec![at(2026, 12, 3, 9, 0), at(2026, 12, 2, 10, 0), at(2026, 12, 2, 10, 30)];
    assert_eq!(rotation::prune(&future, now), vec![1]);
    assert!(rotation::keep(&[], now).is_empty());
}

#[test]
fn rotation_is_stable_once_a_backup_survives_its_hour() {
    // A backup every 10 minutes for three days; pruning as we go never keeps more than the rule
    // allows, and a backup kept at the end of its hour is still kept at the end of the day.
    let start = at(2026, 11, 29, 0, 0);
    let mut times: Vec<DateTime<Utc>> = Vec::new();
    for step in 0..(3 * 24 * 6) {
        let now = start + Duration::minutes(10 * step);
        times.push(now);
        let prune = rotation::prune(&times, now);
        for i in prune.into_iter().rev() {
            times.remove(i);
        }
    }
    let now = *times.last().unwrap();
    // The last hour's 6, 24 hourly (one shared with the last hour) and the previous two days'
    // newest: at most 32.
    assert!(times.len() <= 32, "{} kept", times.len());
    assert!(times.len() >= 24, "{} kept", times.len());
    assert!(times.iter().all(|t| now - *t < Duration::days(7)));
}

// --- names and folders ---------------------------------------------------------------------

#[test]
fn backups_go_beside_the_file_and_their_names_carry_the_instant() {
    let ws = Path::new("/plans/Acme plans.bridgeplan");
    assert_eq!(
        backups::folder_for(ws),
        PathBuf::from("/plans/Acme plans.bridgeplan.backups")
    );
    let t = at(2026, 12, 2, 10, 15) + Duration::seconds(30);
    let name = backups::file_name_for(ws, t);
    assert_eq!(name, "Acme plans-2026-12-02T101530Z.bridgeplan-backup");
    assert_eq!(backups::instant_of(&name), Some(t));
    assert_eq!(backups::instant_of("notes.txt"), None);
    assert_eq!(backups::instant_of("x.bridgeplan-backup"), None);
}

// --- making backups -------------------------------------------------------------------------

#[test]
fn a_backup_of_an_edited_workspace_equals_it_table_by_table() {
    let (dir, path, mut ws) = demo_file();
    let project = ws.projects().unwrap()[0].id;
    ws.create_item(project, None, &item("Written just before the backup"))
        .unwrap();
    let folder = backups::folder_for(&path);
    let info = backups::backup_now(&path, &folder).unwrap();

    let backup = PathBuf::from(&info.path);
    assert!(backup.starts_with(dir.path().join("Acme plans.bridgeplan.backups")));
    assert!(info.file_name.starts_with("Acme plans-") && info.file_name.ends_with(".bridgeplan-backup"));
    assert_eq!(info.damaged, None);
    let summary = info.summary.clone().unwrap();
    assert_eq!(summary.workspace_name, ws.name());
    assert_eq!(summary.projects, ws.projects().unwrap().len() as i64);
    assert!(summary.work_items > 10 && summary.last_edit.is_some());
    assert_eq!(info.size_bytes, std::fs::metadata(&backup).unwrap().len());

    // The live file is compared through the app's own connection (it holds the latest edit in
    // its write-ahead log).
    let live = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    assert_eq!(dump(&backup), dump_conn(&live));
    drop(live);

    // One self-contained file: no journal mode that needs a -wal beside it, nothing half-made left.
    let mode: String = Connection::open(&backup)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    assert_eq!(names_in(&folder), vec![info.file_name.clone()]);
    // The workspace goes on being edited while and after it is backed up.
    ws.create_item(project, None, &item("After the backup")).unwrap();
    // A backup is a workspace Bridgeplan can check.
    bridgeplan_core::workspace::check::check_file(&backup).unwrap();
}

#[test]
fn a_backup_made_while_another_connection_writes_passes_the_integrity_check() {
    bridgeplan_core::clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.bridgeplan");
    let mut ws = Workspace::create(&path, Some("Busy")).unwrap();
    let project = demo::add_load_test_project(&mut ws, 3000).unwrap();
    let before: i64 = ws.projects().unwrap().len() as i64;
    assert_eq!(before, 1);
    let count_items = |p: &Path| -> i64 {
        Connection::open_with_flags(p, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap()
            .query_row("SELECT count(*) FROM work_items", [], |r| r.get(0))
            .unwrap()
    };
    let items_before = count_items(&path);

    let folder = backups::folder_for(&path);
    let (source, target) = (path.clone(), folder.clone());
    let backup = std::thread::spawn(move || {
        bridgeplan_core::clock::fix_for_tests();
        backups::backup_now(&source, &target)
    });
    let mut written = 0;
    while !backup.is_finished() || written < 20 {
        ws.create_item(project, None, &item(&format!("Edit {written} during the backup")))
            .unwrap();
        written += 1;
    }
    let info = backup.join().unwrap().unwrap();
    let file = PathBuf::from(&info.path);
    let conn = Connection::open_with_flags(&file, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let in_backup: i64 = conn
        .query_row("SELECT count(*) FROM work_items", [], |r| r.get(0))
        .unwrap();
    // One moment of the file: everything before the backup, some or none of what came during.
    assert!(
        in_backup >= items_before && in_backup <= items_before + written,
        "{in_backup}"
    );
    // Every edit made during the backup is in the live file.
    ws.close().unwrap();
    assert_eq!(count_items(&path), items_before + written);
}

#[test]
fn a_read_only_workspace_file_can_be_backed_up_without_being_changed() {
    let (dir, path, ws) = demo_file();
    ws.close().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let info = backups::backup_now(&path, &backups::folder_for(&path)).unwrap();
    assert!(info.damaged.is_none());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let beside: Vec<String> = names_in(dir.path());
    assert_eq!(
        beside,
        vec![
            "Acme plans.bridgeplan".to_string(),
            "Acme plans.bridgeplan.backups".into()
        ]
    );
}

#[test]
fn backing_up_a_file_that_is_not_a_workspace_is_refused_and_makes_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.bridgeplan");
    std::fs::write(
        &path,
        b"just some text, long enough to be more than a header's worth of bytes .......................",
    )
    .unwrap();
    let folder = backups::folder_for(&path);
    let err = backups::backup_now(&path, &folder).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotAWorkspace);
    assert!(!folder.exists());
    let err = backups::backup_now(&dir.path().join("missing.bridgeplan"), &folder).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn making_a_backup_deletes_the_ones_the_rule_no_longer_keeps() {
    let (_dir, path, ws) = demo_file();
    let folder = backups::folder_for(&path);
    let first = backups::backup_now(&path, &folder).unwrap();
    let now = backups::instant_of(&first.file_name).unwrap();
    // Older backups, as if made over the past months, plus a file of the user's own.
    let bytes = std::fs::read(&first.path).unwrap();
    let old = [
        now - Duration::minutes(30),
        now - Duration::minutes(40),
        now - Duration::days(3),
        now - Duration::days(100),
    ];
    for t in old {
        std::fs::write(folder.join(backups::file_name_for(&path, t)), &bytes).unwrap();
    }
    std::fs::write(folder.join("my notes.txt"), b"mine").unwrap();
    let removed = backups::rotate(&folder, now).unwrap();
    // The last hour's stay; 100 days goes.
    let left = names_in(&folder);
    assert!(left.contains(&"my notes.txt".to_string()));
    assert!(left.contains(&backups::file_name_for(&path, now - Duration::minutes(40))));
    assert_eq!(removed, 1);
    assert!(left.contains(&first.file_name));
    assert!(left.contains(&backups::file_name_for(&path, now - Duration::days(3))));
    assert!(!left.contains(&backups::file_name_for(&path, now - Duration::days(100))));
    assert_eq!(left.len() + removed, 6);
    drop(ws);
}

// --- listing ---------------------------------------------------------------------------------

#[test]
fn the_list_is_newest_first_and_shows_a_damaged_backup_as_damaged() {
    let (_dir, path, mut ws) = demo_file();
    let folder = backups::folder_for(&path);
    let good = backups::backup_now(&path, &folder).unwrap();
    let now = backups::instant_of(&good.file_name).unwrap();
    let bytes = std::fs::read(&good.path).unwrap();

    // A truncated backup an hour older, one of random bytes two hours older, an empty one.
    let truncated = folder.join(backups::file_name_for(&path, now - Duration::hours(1)));
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let garbage = folder.join(backups::file_name_for(&path, now - Duration::hours(2)));
    std::fs::write(&garbage, vec![0x5a; 9000]).unwrap();
    let empty = folder.join(backups::file_name_for(&path, now - Duration::hours(3)));
    std::fs::write(&empty, b"").unwrap();
    let before = names_in(&folder);

    let list = backups::list(&folder).unwrap();
    assert_eq!(list.len(), 4);
    assert_eq!(list[0].file_name, good.file_name);
    assert!(list[0].damaged.is_none() && list[0].summary.is_some());
    for entry in &list[1..] {
        assert!(entry.summary.is_none(), "{entry:?}");
        let why = entry.damaged.as_deref().unwrap();
        assert!(why.contains("damaged") && why.contains(&entry.file_name), "{why}");
    }
    assert!(list.windows(2).all(|w| w[0].taken_at > w[1].taken_at));
    // Listing reads only: nothing is created beside the backups, their bytes are unchanged.
    assert_eq!(names_in(&folder), before);
    assert_eq!(std::fs::read(&good.path).unwrap(), bytes);

    // A restore of the damaged one is refused and makes nothing.
    let dest = path.with_file_name("from damaged.bridgeplan");
    let err = backups::restore(&truncated, &dest).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Damaged);
    assert!(!dest.exists());
    let err = backups::restore(&garbage, &dest).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotAWorkspace);
    assert!(!dest.exists());

    // A folder that does not exist lists nothing.
    assert!(backups::list(&path.with_file_name("nowhere")).unwrap().is_empty());
    ws.create_item(ws.projects().unwrap()[0].id, None, &item("still editable"))
        .unwrap();
}

// --- restore --------------------------------------------------------------------------------

#[test]
fn restore_makes_a_normal_workspace_copy_and_leaves_the_backup_and_the_live_file_alone() {
    let (dir, path, mut ws) = demo_file();
    let project = ws.projects().unwrap()[0].id;
    let folder = backups::folder_for(&path);
    let info = backups::backup_now(&path, &folder).unwrap();
    let backup_bytes = std::fs::read(&info.path).unwrap();
    ws.create_item(project, None, &item("Made after the backup")).unwrap();
    let uuid = ws.workspace_uuid();
    let site = ws.site_id();

    let dest = dir.path().join("Restored.bridgeplan");
    backups::restore(Path::new(&info.path), &dest).unwrap();
    assert_eq!(std::fs::read(&info.path).unwrap(), backup_bytes);

    let mut restored = Workspace::open(&dest).unwrap();
    assert!(!restored.is_read_only());
    assert_eq!(restored.workspace_uuid(), uuid);
    assert_ne!(restored.site_id(), site, "a restored copy is a copy of its own");
    let titles: Vec<String> = restored
        .board(project)
        .unwrap()
        .columns
        .iter()
        .flat_map(|c| c.items.iter().map(|i| i.title.clone()))
        .collect();
    assert!(!titles.iter().any(|t| t == "Made after the backup"));
    // It is a normal workspace: editable, and the live one is untouched by it.
    restored
        .create_item(project, None, &item("Edited in the restored copy"))
        .unwrap();
    restored.close().unwrap();
    ws.create_item(project, None, &item("Still editing the original"))
        .unwrap();

    // Everything but the site id is the backup's.
    let mut from_backup = dump(Path::new(&info.path));
    let mut from_copy = {
        let fresh = dir.path().join("Restored again.bridgeplan");
        backups::restore(Path::new(&info.path), &fresh).unwrap();
        dump(&fresh)
    };
    from_backup.remove("workspace_meta");
    from_copy.remove("workspace_meta");
    assert_eq!(from_backup, from_copy);
}

#[test]
fn restore_refuses_an_existing_path_and_changes_nothing() {
    let (dir, path, ws) = demo_file();
    let info = backups::backup_now(&path, &backups::folder_for(&path)).unwrap();
    let other = dir.path().join("Other.bridgeplan");
    std::fs::write(&other, b"the user's own file").unwrap();
    let err = backups::restore(Path::new(&info.path), &other).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert!(err.to_string().contains("never replaces"), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), b"the user's own file");
    // Nor the live workspace itself.
    let live = std::fs::metadata(&path).unwrap().len();
    let err = backups::restore(Path::new(&info.path), &path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), live);
    // Nothing half-made is left beside them.
    assert!(
        names_in(dir.path()).iter().all(|n| !n.contains("partial")),
        "{:?}",
        names_in(dir.path())
    );
    drop(ws);
}

// --- the interval setting ---------------------------------------------------------------------

#[test]
fn the_interval_defaults_to_ten_minutes_is_saved_refuses_nonsense_and_undoes() {
    let (_dir, path, mut ws) = demo_file();
    let settings = ws.backup_settings().unwrap();
    assert_eq!(settings.interval_minutes, 10);
    assert_eq!(PathBuf::from(&settings.folder), backups::folder_for(&path));
    let before = dump_conn(&Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap());

    for bad in [0, 1441] {
        let err = ws.set_backup_interval_minutes(bad).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
    }
    assert_eq!(
        dump_conn(&Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()),
        before
    );

    let changes = ws.change_count();
    assert_eq!(ws.set_backup_interval_minutes(30).unwrap().interval_minutes, 30);
    assert!(ws.change_count() > changes);
    assert_eq!(ws.backup_interval_minutes().unwrap(), 30);
    assert_eq!(ws.set_backup_interval_minutes(45).unwrap().interval_minutes, 45);
    ws.undo().unwrap();
    assert_eq!(ws.backup_interval_minutes().unwrap(), 30);
    ws.undo().unwrap();
    assert_eq!(ws.backup_interval_minutes().unwrap(), 10);
    assert_eq!(
        dump_conn(&Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()),
        before
    );
}
