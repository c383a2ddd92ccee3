//! Bad files, measured: a corpus of damaged and foreign files generated from a fresh
//! workspace. Each is opened for editing, opened read-only and checked (what `bridgeplan
//! check` runs); each must get a clear message (never an internal error), and whatever
//! refuses or only reads it must leave its bytes unchanged and create nothing beside it.
//! `cargo test --test workspace bad_files -- --nocapture` prints the table of outcomes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use bridgeplan_core::work::items::WorkItemInput;
use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::workspace::check::check_file;
use bridgeplan_core::workspace::current_schema_version;
use bridgeplan_core::{clock, CoreError, ErrorCode, Workspace};
use rusqlite::Connection;

use crate::crash::child_program;

/// Every file in a folder with its bytes (a folder or a link shows as a marker).
type Snapshot = BTreeMap<String, Option<Vec<u8>>>;

fn snapshot(dir: &Path) -> Snapshot {
    let mut snap = Snapshot::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let bytes = (meta.is_file()).then(|| std::fs::read(&path).unwrap());
        snap.insert(entry.file_name().to_string_lossy().into_owned(), bytes);
    }
    snap
}

/// What the corpus file must do when opened for editing.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    /// Refused, with one of these codes.
    Refused(&'static [ErrorCode]),
    /// Opens read-only, with this reason.
    ReadOnly(ErrorCode),
    /// Opens for editing: the damage is one SQLite cannot see (it keeps no checksums) or
    /// the file is good and what lies beside it is recovered or set aside.
    Opens,
    /// Stored text changed: SQLite keeps no checksums, so it sees this only where the text is
    /// also kept in an index it compares (which copy lands where varies with the random ids).
    OpensOrDamaged,
}

const DAMAGED: &[ErrorCode] = &[ErrorCode::Damaged];
const FOREIGN: &[ErrorCode] = &[ErrorCode::NotAWorkspace];
const DAMAGED_OR_FOREIGN: &[ErrorCode] = &[ErrorCode::Damaged, ErrorCode::NotAWorkspace];

struct Case {
    name: String,
    /// The folder the case lives in alone, and the path given to Bridgeplan.
    dir: PathBuf,
    path: PathBuf,
    expect: Expect,
    /// Keeps a process holding the file alive for the case.
    holder: Option<std::process::Child>,
}

fn outcome(result: &Result<Workspace, CoreError>) -> String {
    match result {
        Ok(ws) => match ws.info().read_only {
            Some(r) => format!("read-only ({:?})", r.code),
            None => "opens for editing".into(),
        },
        Err(e) => format!("refused ({:?})", e.code()),
    }
}

fn message(result: &Result<impl Sized, CoreError>, read_only: Option<String>) -> String {
    match result {
        Ok(_) => read_only.unwrap_or_default(),
        Err(e) => e.to_string(),
    }
}

/// A fresh workspace with some content, so it has pages of every kind.
fn fresh(dir: &Path) -> Vec<u8> {
    let path = dir.join("fresh.bridgeplan");
    let mut ws = Workspace::create(&path, Some("Fresh")).unwrap();
    let project = ws
        .create_project(&ProjectInput {
            name: "Launch".into(),
            methodology: Methodology::Kanban,
            start_date: None,
            finish_date: None,
            description: "A project with enough rows to fill several pages.".into(),
        })
        .unwrap()
        .id;
    for n in 0..60 {
        let input = WorkItemInput {
            title: format!("Task {n}"),
            description: "Steps and notes ".repeat(20),
            ..Default::default()
        };
        ws.create_item(project, None, &input).unwrap();
    }
    ws.close().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    bytes
}

struct Corpus {
    root: tempfile::TempDir,
    fresh: Vec<u8>,
    page: usize,
    cases: Vec<Case>,
}

impl Corpus {
    fn case_dir(&self, name: &str) -> PathBuf {
        let dir = self.root.path().join(format!("{:02}", self.cases.len()));
        std::fs::create_dir(&dir).unwrap();
        let _ = name;
        dir
    }

    fn add_bytes(&mut self, name: &str, bytes: &[u8], expect: Expect) -> PathBuf {
        let dir = self.case_dir(name);
        let path = dir.join("plan.bridgeplan");
        std::fs::write(&path, bytes).unwrap();
        self.push(name, dir, path.clone(), expect);
        path
    }

    fn push(&mut self, name: &str, dir: PathBuf, path: PathBuf, expect: Expect) {
        self.cases.push(Case {
            name: name.into(),
            dir,
            path,
            expect,
            holder: None,
        });
    }

    fn flipped(&mut self, name: &str, offset: usize, bit: u8, expect: Expect) {
        let mut bytes = self.fresh.clone();
        bytes[offset] ^= 1 << bit;
        self.add_bytes(name, &bytes, expect);
    }

    /// The fresh workspace changed through SQLite before it joins the corpus.
    fn altered(&mut self, name: &str, sql: &str, expect: Expect) -> PathBuf {
        let path = self.add_bytes(name, &self.fresh.clone(), expect);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        drop(conn);
        path
    }
}

fn build() -> Corpus {
    let root = tempfile::tempdir().unwrap();
    let fresh = fresh(root.path());
    let page = usize::from(u16::from_be_bytes([fresh[16], fresh[17]]));
    let len = fresh.len();
    let mut c = Corpus {
        root,
        fresh,
        page,
        cases: Vec::new(),
    };
    let fresh = c.fresh.clone();

    // Cut off at many offsets: inside the header, at and around page boundaries, near the end.
    let pages = len / page;
    for at in [
        1,
        16,
        50,
        99,
        100,
        512,
        page - 1,
        page,
        page + 1,
        2 * page,
        len / 2,
        len - page,
        len - 100,
        len - 1,
    ] {
        let expect = if at < 100 {
            Expect::Refused(FOREIGN)
        } else {
            Expect::Refused(DAMAGED)
        };
        c.add_bytes(
            &format!("cut off at byte {at} of {len} ({pages} pages)"),
            &fresh[..at],
            expect,
        );
    }

    // Flipped bits in the header.
    let header: [(&str, usize, u8, Expect); 13] = [
        ("magic text", 0, 0, Expect::Refused(FOREIGN)),
        ("page size", 16, 4, Expect::Refused(DAMAGED)),
        ("write version", 18, 2, Expect::Refused(DAMAGED)),
        ("read version", 19, 2, Expect::Refused(DAMAGED)),
        ("reserved bytes per page", 20, 0, Expect::Refused(DAMAGED)),
        ("payload fraction", 21, 0, Expect::Refused(DAMAGED)),
        ("page count", 31, 6, Expect::Refused(DAMAGED)),
        ("page count, high bit", 28, 7, Expect::Refused(DAMAGED)),
        ("schema format", 47, 2, Expect::Refused(DAMAGED)),
        ("text encoding", 59, 1, Expect::Refused(DAMAGED)),
        ("application id", 68, 3, Expect::Refused(FOREIGN)),
        ("first freelist page", 35, 5, Expect::Refused(DAMAGED)),
        ("SQLite version number (informational)", 99, 0, Expect::Opens),
    ];
    for (what, offset, bit, expect) in header {
        c.flipped(
            &format!("header bit {bit} of byte {offset} flipped ({what})"),
            offset,
            bit,
            expect,
        );
    }

    // Flipped bits in pages: the page type and the cell pointers of b-tree pages, where
    // SQLite notices; a flip in stored text it cannot notice (no checksums).
    for pg in [1usize, 2, 3, pages / 2, pages - 1] {
        let start = if pg == 1 { 100 } else { (pg - 1) * page };
        let kind = fresh[start];
        let name = format!("page {pg} of {pages}: page-type byte (0x{kind:02x}) bit 6 flipped");
        let expect = if [2u8, 5, 10, 13].contains(&kind) {
            Expect::Refused(DAMAGED)
        } else {
            // A freelist or overflow page: SQLite reads it only when it is needed.
            Expect::Opens
        };
        c.flipped(&name, start, 6, expect);
    }
    let schema_cells = 100 + 12;
    c.flipped(
        "page 1: first cell pointer, high bit flipped",
        schema_cells,
        7,
        Expect::Refused(DAMAGED),
    );
    // A title is stored in its row and again in the search index; SQLite compares the two.
    for (which, at) in [
        ("first", fresh.windows(7).position(|w| w == b"Task 42")),
        ("last", fresh.windows(7).rposition(|w| w == b"Task 42")),
    ] {
        let at = at.expect("a task title on disk");
        c.flipped(
            &format!("a task title's text, {which} copy on disk (byte {at}): one bit flipped"),
            at + 5,
            0,
            Expect::OpensOrDamaged,
        );
    }
    let described = fresh
        .windows(15)
        .position(|w| w == b"Steps and notes")
        .expect("a description");
    c.flipped(
        &format!("a task description's text (byte {described}): one bit flipped"),
        described + 2,
        0,
        Expect::OpensOrDamaged,
    );

    // Files that are not workspaces.
    c.add_bytes("an empty file", b"", Expect::Refused(FOREIGN));
    c.add_bytes("text", b"Project plan\nTask 1\nTask 2\n", Expect::Refused(FOREIGN));
    c.add_bytes(
        "a PDF",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        Expect::Refused(FOREIGN),
    );
    c.add_bytes("zeros (8 KiB)", &[0u8; 8192], Expect::Refused(FOREIGN));
    let mut noise = vec![0u8; 3 * page];
    let mut x: u32 = 0x2545_F491;
    for b in noise.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    c.add_bytes("random bytes", &noise, Expect::Refused(FOREIGN));
    let mut header_only = fresh[..100].to_vec();
    header_only.resize(page, 0);
    c.add_bytes(
        "a valid header over an empty page",
        &header_only,
        Expect::Refused(DAMAGED_OR_FOREIGN),
    );
    c.altered(
        "another program's database (application id 0)",
        "PRAGMA application_id = 0;",
        Expect::Refused(FOREIGN),
    );
    c.altered(
        "another program's database (its own application id)",
        "PRAGMA application_id = 1718185072;",
        Expect::Refused(FOREIGN),
    );
    {
        let dir = c.case_dir("plain");
        let path = dir.join("plan.bridgeplan");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES ('hello');")
            .unwrap();
        drop(conn);
        c.push("a plain SQLite database", dir, path, Expect::Refused(FOREIGN));
    }

    // Schema versions.
    c.altered(
        "a newer schema",
        &format!("PRAGMA user_version = {};", current_schema_version() + 1),
        Expect::ReadOnly(ErrorCode::NewerVersion),
    );
    c.flipped(
        "header bit 6 of byte 60 flipped (schema version now far newer)",
        60,
        6,
        Expect::ReadOnly(ErrorCode::NewerVersion),
    );
    {
        let path = c.altered(
            "an older schema, read-only on disk",
            "PRAGMA user_version = 11;",
            Expect::Refused(&[ErrorCode::ReadOnly]),
        );
        set_read_only(&path);
    }

    // What lies beside a file.
    let garbage_log = {
        let mut g = b"not a log".to_vec();
        g.resize(4096 + 32, 7);
        g
    };
    {
        let path = c.add_bytes("a stale -wal of garbage beside a good file", &fresh, Expect::Opens);
        std::fs::write(sidecar(&path, "-wal"), &garbage_log).unwrap();
    }
    {
        let path = c.add_bytes("a stale -shm of garbage beside a good file", &fresh, Expect::Opens);
        std::fs::write(sidecar(&path, "-shm"), vec![0x5a; 32768]).unwrap();
    }
    {
        let path = c.add_bytes(
            "a stale -wal and -shm of garbage beside a good file",
            &fresh,
            Expect::Opens,
        );
        std::fs::write(sidecar(&path, "-wal"), &garbage_log).unwrap();
        std::fs::write(sidecar(&path, "-shm"), vec![0x5a; 32768]).unwrap();
    }
    {
        let mut cut = fresh[..len - page].to_vec();
        cut.truncate(len / 2);
        let path = c.add_bytes("a stale -wal beside a cut-off file", &cut, Expect::Refused(DAMAGED));
        std::fs::write(sidecar(&path, "-wal"), &garbage_log).unwrap();
    }
    for (name, keep_shm) in [
        ("a crashed session's -wal and -shm beside a good file (recovered)", true),
        ("a crashed session's -wal alone beside a good file (recovered)", false),
    ] {
        let dir = c.case_dir(name);
        let path = dir.join("plan.bridgeplan");
        crashed_session(&fresh, &path, keep_shm);
        c.push(name, dir, path, Expect::Opens);
    }

    // Not a file.
    {
        let dir = c.case_dir("dir");
        let path = dir.join("plan.bridgeplan");
        std::fs::create_dir(&path).unwrap();
        c.push("a folder named like a workspace", dir, path, Expect::Refused(FOREIGN));
    }
    {
        let dir = c.case_dir("missing");
        c.push(
            "no file at all",
            dir.clone(),
            dir.join("plan.bridgeplan"),
            Expect::Refused(&[ErrorCode::NotFound]),
        );
    }
    {
        let dir = c.case_dir("dangling");
        let path = dir.join("plan.bridgeplan");
        std::os::unix::fs::symlink(dir.join("gone.bridgeplan"), &path).unwrap();
        c.push(
            "a symbolic link to nothing",
            dir,
            path,
            Expect::Refused(&[ErrorCode::NotFound]),
        );
    }
    {
        let dir = c.case_dir("link to cut");
        std::fs::write(dir.join("target.bin"), &fresh[..len / 2]).unwrap();
        let path = dir.join("plan.bridgeplan");
        std::os::unix::fs::symlink(dir.join("target.bin"), &path).unwrap();
        c.push(
            "a symbolic link to a cut-off workspace",
            dir,
            path,
            Expect::Refused(DAMAGED),
        );
    }
    {
        let dir = c.case_dir("link to good");
        std::fs::write(dir.join("target.bin"), &fresh).unwrap();
        let path = dir.join("plan.bridgeplan");
        std::os::unix::fs::symlink(dir.join("target.bin"), &path).unwrap();
        c.push("a symbolic link to a good workspace", dir, path, Expect::Opens);
    }

    // Permissions and other processes.
    {
        let path = c.add_bytes("a read-only file", &fresh, Expect::ReadOnly(ErrorCode::ReadOnly));
        set_read_only(&path);
    }
    {
        let path = c.add_bytes(
            "a file held for editing by another process",
            &fresh,
            Expect::ReadOnly(ErrorCode::Locked),
        );
        let mut child = Command::new(child_program())
            .args(["hold", &path.to_string_lossy()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
        assert_eq!(line.trim(), "HELD writable");
        c.cases.last_mut().unwrap().holder = Some(child);
    }
    c
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn set_read_only(path: &Path) {
    let mut perms = std::fs::metadata(path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(path, perms).unwrap();
}

/// A good workspace with a committed edit that lives only in its log, as a crash leaves it:
/// the session is made elsewhere and its files copied while it is still open.
fn crashed_session(fresh: &[u8], path: &Path, keep_shm: bool) {
    let elsewhere = tempfile::tempdir().unwrap();
    let live = elsewhere.path().join("live.bridgeplan");
    std::fs::write(&live, fresh).unwrap();
    let mut ws = Workspace::open(&live).unwrap();
    let project = ws.projects().unwrap()[0].id;
    let input = WorkItemInput {
        title: "Saved just before the crash".into(),
        ..Default::default()
    };
    ws.create_item(project, None, &input).unwrap();
    std::fs::copy(&live, path).unwrap();
    std::fs::copy(sidecar(&live, "-wal"), sidecar(path, "-wal")).unwrap();
    if keep_shm {
        std::fs::copy(sidecar(&live, "-shm"), sidecar(path, "-shm")).unwrap();
    }
    drop(ws);
}

fn has_crash_edit(ws: &Workspace) -> bool {
    let project = ws.projects().unwrap()[0].id;
    ws.board(project)
        .map(|b| {
            b.columns
                .iter()
                .flat_map(|c| &c.items)
                .any(|i| i.title == "Saved just before the crash")
        })
        .unwrap_or(false)
}

fn jargon(text: &str) -> bool {
    ["database reported", "malformed", "rusqlite", "SQLITE_", "sqlite_master"]
        .iter()
        .any(|j| text.contains(j))
}

#[test]
fn every_damaged_or_foreign_file_gets_a_clear_message_and_is_neither_changed_nor_given_neighbours() {
    clock::fix_for_tests();
    let mut corpus = build();
    println!(
        "corpus: {} files from a fresh workspace of {} bytes ({}-byte pages)",
        corpus.cases.len(),
        corpus.fresh.len(),
        corpus.page
    );
    assert!(corpus.cases.len() >= 50, "the corpus has {} files", corpus.cases.len());
    let mut problems = Vec::new();
    let mut table = vec![
        "| # | File | Check | Read-only open | Open | Unchanged, nothing beside |".to_string(),
        "|---|---|---|---|---|---|".to_string(),
    ];
    let mut messages = Vec::new();
    for (n, case) in corpus.cases.iter_mut().enumerate() {
        let mut problem = |what: String| problems.push(format!("{n} {}: {what}", case.name));
        let start = snapshot(&case.dir);

        // Inspection first: it must never write, whatever the file.
        let checked = check_file(&case.path);
        let after_check = snapshot(&case.dir);
        let viewed = Workspace::open_read_only(&case.path);
        let view_error = viewed.as_ref().err().map(|e| (e.code(), e.to_string()));
        if case.name.contains("crashed session") && !viewed.as_ref().map(has_crash_edit).unwrap_or(false) {
            problem("the read-only open does not show the crashed session's last edit".into());
        }
        drop(viewed);
        let after_view = snapshot(&case.dir);
        if after_check != start {
            problem(format!("check changed the folder: {:?}", changed(&start, &after_check)));
        }
        if after_view != start {
            problem(format!(
                "the read-only open changed the folder: {:?}",
                changed(&start, &after_view)
            ));
        }

        let opened = Workspace::open(&case.path);
        let open_text = outcome(&opened);
        let ro_reason = opened
            .as_ref()
            .ok()
            .and_then(|ws| ws.info().read_only)
            .map(|r| r.message);
        let open_message = message(&opened, ro_reason.clone());
        let writable = opened.as_ref().map(|ws| !ws.is_read_only()).unwrap_or(false);
        let open_error = opened.as_ref().err().map(|e| (e.code(), e.to_string()));
        match (&case.expect, &opened) {
            (Expect::Refused(codes), Err(e)) if codes.contains(&e.code()) => {}
            (Expect::OpensOrDamaged, Err(e)) if e.code() == ErrorCode::Damaged => {}
            (Expect::OpensOrDamaged, Ok(ws)) if !ws.is_read_only() => {}
            (Expect::ReadOnly(code), Ok(ws)) if ws.info().read_only.as_ref().map(|r| r.code) == Some(*code) => {}
            (Expect::Opens, Ok(ws)) if !ws.is_read_only() => {
                if case.name.contains("crashed session") && !has_crash_edit(ws) {
                    problem("the crashed session's last edit was not recovered".into());
                }
            }
            (expect, _) => problem(format!("expected {expect:?}, got {open_text}: {open_message}")),
        }
        if let Ok(ws) = opened {
            ws.close().unwrap();
        }
        let after_open = snapshot(&case.dir);
        let untouched = if writable {
            // Opened for editing: writing is its job; the file must stay healthy.
            if let Err(e) = check_file(&case.path) {
                if case.expect == Expect::Opens && !case.name.contains("page") {
                    problem(format!("opened for editing, then the check failed: {e}"));
                }
            }
            "writes (opened for editing)".to_string()
        } else if after_open != start {
            problem(format!(
                "opening changed the folder: {:?}",
                changed(&start, &after_open)
            ));
            "NO".to_string()
        } else {
            "yes".to_string()
        };

        let errors = [
            ("check", checked.as_ref().err().map(|e| (e.code(), e.to_string()))),
            ("read-only open", view_error.clone()),
            ("open", open_error),
        ];
        for (what, error) in errors {
            if let Some((code, text)) = error {
                if code == ErrorCode::Internal {
                    problem(format!("{what} failed with an internal error: {text}"));
                }
                // `check` adds SQLite's own detail after the sentence, for whoever repairs files.
                if what != "check" && jargon(&text) {
                    problem(format!("{what} speaks SQLite: {text}"));
                }
            }
        }
        let check_text = match &checked {
            Ok(_) => "healthy".to_string(),
            Err(e) => format!("{:?}", e.code()),
        };
        let view_text = match &view_error {
            None => "shown".to_string(),
            Some((code, _)) => format!("{code:?}"),
        };
        table.push(format!(
            "| {n} | {} | {check_text} | {view_text} | {open_text} | {untouched} |",
            case.name
        ));
        messages.push(format!(
            "{n}. {}",
            if open_message.is_empty() {
                "(opens for editing)"
            } else {
                &open_message
            }
        ));
        if let Some(mut child) = case.holder.take() {
            drop(child.stdin.take());
            child.wait().unwrap();
        }
    }
    println!(
        "\n{}\n\nWhat opening each said:\n{}\n",
        table.join("\n"),
        messages.join("\n")
    );
    drop(corpus);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn changed(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    for (name, bytes) in after {
        match before.get(name) {
            None => out.push(format!("created {name}")),
            Some(old) if old != bytes => out.push(format!("changed {name}")),
            _ => {}
        }
    }
    for name in before.keys() {
        if !after.contains_key(name) {
            out.push(format!("removed {name}"));
        }
    }
    out
}

fn machine() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn hold(path: &Path, user: &str) -> std::process::Child {
    let mut child = Command::new(child_program())
        .args(["hold", &path.to_string_lossy()])
        .env("USER", user)
        .env(clock::TODAY_VARIABLE, clock::today().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    assert_eq!(line.trim(), "HELD writable");
    child
}

#[test]
fn a_second_process_on_a_held_file_is_told_who_holds_it_on_which_computer_since_when() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("held.bridgeplan");
    Workspace::create(&path, None).unwrap().close().unwrap();

    let mut alice = hold(&path, "alice");
    let ws = Workspace::open(&path).unwrap();
    let reason = ws.info().read_only.expect("held elsewhere, so read-only here");
    assert_eq!(reason.code, ErrorCode::Locked);
    let prefix = format!("Open in Bridgeplan by alice on {} since ", machine());
    assert!(reason.message.starts_with(&prefix), "{}", reason.message);
    // "09:14 (2 Dec)." — the time of day and the day, in this computer's time.
    let since = &reason.message[prefix.len()..];
    let (time, rest) = since.split_once(' ').unwrap();
    assert!(time.len() == 5 && time.as_bytes()[2] == b':', "{since}");
    assert!(
        rest.starts_with('(') && rest.contains(").") && rest.contains("read-only here"),
        "{since}"
    );
    drop(ws);

    // Closed there: the record goes with the lock, and the file opens for editing here.
    drop(alice.stdin.take());
    alice.wait().unwrap();
    let ws = Workspace::open(&path).unwrap();
    assert!(!ws.is_read_only());
    ws.close().unwrap();
    let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM workspace_meta WHERE key = 'holder'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, 0, "a closed file keeps no holder record");
    drop(conn);

    // Killed there: its record stays in the file, but the lock died with it, so the file
    // opens for editing here and names the new holder to a third process.
    let mut bob = hold(&path, "bob");
    bob.kill().unwrap();
    bob.wait().unwrap();
    let ws = Workspace::open(&path).unwrap();
    assert!(!ws.is_read_only(), "{:?}", ws.info().read_only);
    let mut carol = Command::new(child_program())
        .args(["hold", &path.to_string_lossy()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(carol.stdout.take().unwrap()), &mut line).unwrap();
    assert_eq!(line.trim(), "HELD read-only", "the test holds it now");
    drop(carol.stdin.take());
    carol.wait().unwrap();
    let copy = dir.path().join("copy.bridgeplan");
    ws.save_copy(&copy).unwrap();
    ws.close().unwrap();
    let conn = Connection::open_with_flags(&copy, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let in_copy: i64 = conn
        .query_row("SELECT count(*) FROM workspace_meta WHERE key = 'holder'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(in_copy, 0, "nobody holds a copy");
}

#[test]
fn on_a_full_disk_an_edit_and_a_copy_are_refused_in_words_and_nothing_saved_is_lost() {
    clock::fix_for_tests();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.bridgeplan");
    let mut ws = Workspace::create(&path, None).unwrap();
    ws.create_project(&ProjectInput {
        name: crate::crash::model::PROJECT.into(),
        methodology: Methodology::Kanban,
        start_date: None,
        finish_date: None,
        description: String::new(),
    })
    .unwrap();
    ws.close().unwrap();
    let copy = dir.path().join("copy.bridgeplan");
    // Room for every file to grow by 96 KiB over the workspace's size, then no more. `ulimit -f`
    // counts 1024-byte blocks in bash; `SIGXFSZ` ignored turns the signal into a failed write.
    let limit = std::fs::metadata(&path).unwrap().len() / 1024 + 96;
    let script = format!("trap '' XFSZ; ulimit -f {limit}; exec \"$0\" fill \"$1\" \"$2\"");
    let output = Command::new("bash")
        .args([
            "-c",
            &script,
            &child_program(),
            &path.to_string_lossy(),
            &copy.to_string_lossy(),
        ])
        .env(clock::TODAY_VARIABLE, clock::today().to_string())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first().copied(), Some("OPEN ok"), "{text}");
    let saved: Vec<&str> = lines.iter().filter(|l| l.starts_with("ACK ")).copied().collect();
    assert!(saved.len() > 3, "some edits fit: {text}");
    let refusal = lines
        .iter()
        .find(|l| l.starts_with("EDIT "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(refusal.starts_with("EDIT Io "), "{refusal}");
    assert!(refusal.contains("not saved") && refusal.contains("disk"), "{refusal}");
    let copied = lines
        .iter()
        .find(|l| l.starts_with("COPY "))
        .unwrap_or_else(|| panic!("{text}"));
    println!(
        "full disk: {} edits saved, then: {refusal}; save a copy: {copied}",
        saved.len()
    );
    if copied.starts_with("COPY ok") {
        assert!(check_file(&copy).is_ok());
    } else {
        assert!(!copy.exists(), "a failed copy leaves no file");
    }
    let names = crate::crash::listing(dir.path());
    assert!(
        !names.iter().any(|n| n.contains("partial")),
        "a temporary file was left: {names:?}"
    );

    // Without the limit, everything acknowledged is there and the file is healthy.
    let report = check_file(&path).unwrap();
    assert_eq!(report.work_items as usize, saved.len());
    let ws = Workspace::open(&path).unwrap();
    assert!(!ws.is_read_only());
    ws.close().unwrap();
}

#[test]
fn whole_file_writes_replace_the_old_content_at_once_and_leave_no_temporary_file() {
    use bridgeplan_core::workspace::files::write_whole;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.xml");
    write_whole(&path, b"first version").unwrap();
    write_whole(&path, b"second, longer version").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second, longer version");
    assert_eq!(crate::crash::listing(dir.path()), vec!["export.xml".to_string()]);

    // A write that cannot finish leaves the old file as it was and no temporary file.
    let blocked = dir.path().join("blocked.xml");
    std::fs::create_dir(dir.path().join("blocked.xml.partial")).unwrap();
    std::fs::write(&blocked, b"old").unwrap();
    let err = write_whole(&blocked, b"new").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert_eq!(std::fs::read(&blocked).unwrap(), b"old");

    // "Save a copy as" onto an existing file replaces it whole, with a copy that checks.
    let ws_path = dir.path().join("plan.bridgeplan");
    let ws = Workspace::create(&ws_path, None).unwrap();
    let copy = dir.path().join("copy.bridgeplan");
    std::fs::write(&copy, b"an older, unrelated file").unwrap();
    ws.save_copy(&copy).unwrap();
    ws.close().unwrap();
    assert!(check_file(&copy).is_ok());
    assert!(!crate::crash::listing(dir.path())
        .iter()
        .any(|n| n.ends_with(".partial") && n != "blocked.xml.partial"));
}
