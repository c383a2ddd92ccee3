//! The command layer as the UI sees it: JSON in, JSON or `{code, message}` out, through
//! Tauri's IPC with the mock runtime (no window, no display).

use bridgeplan_lib::commands::{handlers, reports::ReportStore, session::Session};
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

struct Harness {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
}

impl Harness {
    /// An app with no recent workspaces and the demo path inside a temp dir. The setup hook
    /// does not run under the mock runtime, so the session is managed here by hand.
    fn new(startup_file: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::new(
            dir.path().join("config/recent.json"),
            dir.path().join("data/demo.bridgeplan"),
            startup_file.map(|f| dir.path().join(f)),
        );
        let app = mock_builder()
            .manage(session)
            .manage(ReportStore::default())
            .invoke_handler(handlers())
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness { _app: app, window, dir }
    }

    /// A file in the temp dir, as if the user had chosen it in a file dialog.
    fn path(&self, name: &str) -> String {
        let path = self.dir.path().join(name);
        self._app.state::<Session>().allowed.allow(&path);
        path.display().to_string()
    }

    /// A file in the temp dir the user never chose.
    fn unchosen(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = tauri::webview::InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|b| b.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn err(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .err()
            .unwrap_or_else(|| panic!("{cmd} should fail"))
    }

    /// The id of the demo's waterfall plan (the ERP rollout).
    fn waterfall_plan_id(&self) -> Value {
        let projects = self.ok("projects_list", json!({}));
        let plan = projects
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["methodology"] == "waterfall");
        plan.unwrap()["id"].clone()
    }
}

#[test]
fn first_start_opens_the_demo_and_lists_it_as_recent() {
    let h = Harness::new(None);
    let start = h.ok("session_start", json!({}));
    assert!(start["error"].is_null());
    assert_eq!(start["workspace"]["name"], "Northwind Logistics IT");
    assert!(start["workspace"]["read_only"].is_null());
    let projects = h.ok("projects_list", json!({}));
    assert_eq!(projects.as_array().unwrap().len(), 4);
    let recent = h.ok("recent_list", json!({}));
    assert_eq!(recent[0]["missing"], false);
    assert!(recent[0]["path"].as_str().unwrap().ends_with("demo.bridgeplan"));
}

#[test]
fn a_damaged_startup_file_is_reported_with_its_code_and_left_unchanged() {
    let h = Harness::new(Some("broken.bridgeplan"));
    std::fs::write(h.path("broken.bridgeplan"), b"not a database at all, just text").unwrap();
    let start = h.ok("session_start", json!({}));
    assert!(start["workspace"].is_null());
    assert_eq!(start["error"]["code"], "not_a_workspace");
    assert!(start["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not a Bridgeplan workspace"));
    assert_eq!(
        std::fs::read(h.path("broken.bridgeplan")).unwrap(),
        b"not a database at all, just text"
    );
}

#[test]
fn a_start_made_while_the_window_booted_answers_the_first_session_start() {
    let h = Harness::new(Some("broken.bridgeplan"));
    std::fs::write(h.path("broken.bridgeplan"), b"not a database").unwrap();
    // The set-up hook's early start, run here by hand (the mock runtime has no set-up): its
    // failure is the first answer, not lost to a second try that falls back to the demo.
    h._app.state::<Session>().start_early();
    let start = h.ok("session_start", json!({}));
    assert_eq!(start["error"]["code"], "not_a_workspace");
    assert!(!h.dir.path().join("data/demo.bridgeplan").exists());

    let h = Harness::new(None);
    h._app.state::<Session>().start_early();
    let start = h.ok("session_start", json!({}));
    assert_eq!(start["workspace"]["name"], "Northwind Logistics IT");
    // A later start (the page reloaded) answers the workspace already open.
    assert_eq!(
        h.ok("session_start", json!({}))["workspace"]["name"],
        "Northwind Logistics IT"
    );
}

#[test]
fn the_start_up_probes_answer_quietly_when_no_benchmark_listens() {
    let h = Harness::new(None);
    let painted = h.ok(
        "report_board_painted",
        json!({"script_start_ms": 1.0, "first_ipc_ms": 2.0, "page_entries": ["session_start 1.0 2.0"]}),
    );
    assert_eq!(painted, json!(false));
    assert_eq!(h.ok("report_bench_edits", json!({"edit_ms": [12.5]})), Value::Null);
}

#[test]
fn commands_without_an_open_workspace_say_so() {
    let h = Harness::new(None);
    let err = h.err("projects_list", json!({}));
    assert_eq!(err["code"], "no_workspace");
}

#[test]
fn a_kanban_slice_through_ipc_create_move_undo() {
    let h = Harness::new(None);
    let info = h.ok("workspace_new", json!({ "path": h.path("team.bridgeplan") }));
    assert_eq!(info["name"], "team");
    let project = h.ok(
        "project_create",
        json!({ "input": { "name": "Ops", "methodology": "kanban", "start_date": "2026-01-05",
                           "finish_date": null, "description": "" } }),
    );
    let board = h.ok("board_get", json!({ "project_id": project["id"] }));
    let columns = board["columns"].as_array().unwrap();
    let (first, second) = (columns[0]["status"]["id"].clone(), columns[1]["status"]["id"].clone());
    let item = h.ok(
        "item_create",
        json!({ "project_id": project["id"], "status_id": first,
                "input": { "item_type": "bug", "title": "Printer queue stuck", "description": "",
                           "assignee": "Raj Patel", "estimate_hours": 2, "story_points": null,
                           "priority": "high", "tags": ["printing"], "due_date": "2026-02-01" } }),
    );
    assert_eq!(item["assignee"], "Raj Patel");
    let moved = h.ok(
        "item_move",
        json!({ "id": item["id"], "status_id": second, "index": 0 }),
    );
    assert_eq!(moved["status_id"], second);
    assert_eq!(
        h.ok("history_state", json!({}))["undo_label"],
        "Move \"Printer queue stuck\" to Ready"
    );
    let undone = h.ok("history_undo", json!({}));
    assert_eq!(undone["label"], "Move \"Printer queue stuck\" to Ready");
    assert_eq!(undone["project_id"], project["id"]);
    assert_eq!(h.ok("item_get", json!({ "id": item["id"] }))["status_id"], first);
    h.ok("history_redo", json!({}));
    assert_eq!(h.ok("item_get", json!({ "id": item["id"] }))["status_id"], second);
}

#[test]
fn bad_input_comes_back_as_a_stable_code_with_a_clear_message() {
    let h = Harness::new(None);
    h.ok("workspace_new", json!({ "path": h.path("w.bridgeplan") }));
    let input = json!({ "name": "Same", "methodology": "scrum", "start_date": null,
                        "finish_date": null, "description": "" });
    h.ok("project_create", json!({ "input": input }));
    let dup = h.err("project_create", json!({ "input": input }));
    assert_eq!(dup["code"], "duplicate");
    let bad_date = h.err(
        "project_create",
        json!({ "input": { "name": "Other", "methodology": "scrum", "start_date": "2026-02-30",
                           "finish_date": null, "description": "" } }),
    );
    assert_eq!(bad_date["code"], "invalid_input");
    assert!(bad_date["message"].as_str().unwrap().contains("2026-02-30"));
    let gone = h.err("item_get", json!({ "id": 999 }));
    assert_eq!(gone["code"], "not_found");
    let exists = h.err("workspace_new", json!({ "path": h.path("w.bridgeplan") }));
    assert_eq!(exists["code"], "duplicate");
}

#[test]
fn a_read_only_workspace_refuses_edits_through_ipc() {
    let h = Harness::new(None);
    h.ok("workspace_new", json!({ "path": h.path("ro.bridgeplan") }));
    h.ok("workspace_close", json!({}));
    let path = h.path("ro.bridgeplan");
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let info = h.ok("workspace_open", json!({ "path": path }));
    assert_eq!(info["read_only"]["code"], "read_only");
    let err = h.err(
        "project_create",
        json!({ "input": { "name": "X", "methodology": "kanban", "start_date": null,
                           "finish_date": null, "description": "" } }),
    );
    assert_eq!(err["code"], "read_only");
}

#[test]
fn save_copy_and_recent_list_with_a_missing_file() {
    let h = Harness::new(None);
    h.ok("workspace_new", json!({ "path": h.path("a.bridgeplan") }));
    h.ok("workspace_save_copy", json!({ "path": h.path("b.bridgeplan") }));
    h.ok("workspace_open", json!({ "path": h.path("b.bridgeplan") }));
    std::fs::remove_file(h.path("a.bridgeplan")).unwrap();
    let recent = h.ok("recent_list", json!({}));
    let entries = recent.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["missing"], false);
    assert_eq!(entries[1]["missing"], true);
    let missing_path = entries[1]["path"].clone();
    let after = h.ok("recent_remove", json!({ "path": missing_path }));
    assert_eq!(after.as_array().unwrap().len(), 1);
}

#[test]
fn the_timeline_schedule_and_a_refused_loop_through_ipc() {
    let h = Harness::new(None);
    h.ok("session_start", json!({}));
    let erp = h.waterfall_plan_id();
    let schedule = h.ok("schedule_get", json!({ "project_id": erp }));
    let tasks = schedule["tasks"].as_array().unwrap();
    assert_eq!(tasks[0]["wbs"], "1");
    assert!(
        tasks[0]["early_start"].as_str().unwrap().contains('T'),
        "ISO local date-time"
    );
    assert!(!schedule["links"].as_array().unwrap().is_empty());
    let id = |prefix: &str| {
        tasks
            .iter()
            .find(|t| t["name"].as_str().unwrap().starts_with(prefix))
            .unwrap()["item_id"]
            .clone()
    };
    let link = h.ok(
        "dependency_add",
        json!({ "predecessor_id": id("Vendor licence"), "successor_id": id("Cutover runbook"), "kind": "fs", "lag_minutes": 0 }),
    );
    let err = h.err(
        "dependency_add",
        json!({ "predecessor_id": id("Lessons learned"), "successor_id": id("Assess current"), "kind": "fs", "lag_minutes": 0 }),
    );
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("loop"));
    h.ok("dependency_remove", json!({ "id": link }));

    let baseline = h.ok("baseline_save", json!({ "project_id": erp, "name": "Approved" }));
    let against = h.ok(
        "schedule_get",
        json!({ "project_id": erp, "baseline_id": baseline["id"] }),
    );
    assert!(against["tasks"][0]["baseline_start"].is_string());
    let variance = h.ok("baseline_variance", json!({ "id": baseline["id"] }));
    assert_eq!(variance[0]["finish_variance_hours"], 0.0);
    assert_eq!(
        h.ok("baselines_list", json!({ "project_id": erp }))
            .as_array()
            .unwrap()
            .len(),
        2,
        "the demo's approved plan and this one"
    );
    let again = h.err("baseline_save", json!({ "project_id": erp, "name": "approved" }));
    assert_eq!(again["code"], "duplicate");
    h.ok("baseline_delete", json!({ "id": baseline["id"] }));
}

#[test]
fn outline_edits_dragged_bars_epics_and_the_calendar_through_ipc() {
    let h = Harness::new(None);
    h.ok("session_start", json!({}));
    let projects = h.ok("projects_list", json!({}));
    let project = |methodology: &str| {
        projects
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["methodology"] == methodology)
            .unwrap()["id"]
            .clone()
    };
    let erp = project("waterfall");
    let tasks = |h: &Harness| h.ok("schedule_get", json!({ "project_id": erp }))["tasks"].clone();
    let task = |h: &Harness, prefix: &str| {
        tasks(h)
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"].as_str().unwrap().starts_with(prefix))
            .unwrap()
            .clone()
    };

    let first = task(&h, "Assess current");
    let refused = h.err("task_indent", json!({ "item_id": first["item_id"] }));
    assert_eq!(refused["code"], "invalid_input");
    assert!(refused["message"].as_str().unwrap().contains("first task at its level"));

    let runbook = task(&h, "Cutover runbook");
    h.ok(
        "task_move",
        json!({ "item_id": runbook["item_id"], "start": "2030-01-07T08:00:00" }),
    );
    assert_eq!(task(&h, "Cutover runbook")["start"], "2030-01-07T08:00:00");
    h.ok(
        "task_finish_set",
        json!({ "item_id": runbook["item_id"], "finish": "2030-01-09" }),
    );
    assert_eq!(task(&h, "Cutover runbook")["finish"], "2030-01-09T17:00:00");
    let summary = tasks(&h)
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["summary"] == true)
        .unwrap()
        .clone();
    let err = h.err(
        "task_move",
        json!({ "item_id": summary["item_id"], "start": "2030-01-07" }),
    );
    assert!(err["message"].as_str().unwrap().contains("summary task"));

    let calendar = h.ok("calendar_get", json!({ "project_id": erp }));
    assert_eq!(calendar["week"][0], json!([[480, 720], [780, 1020]]));
    h.ok(
        "calendar_exception_set",
        json!({ "calendar_id": calendar["id"], "exception": { "day": "2030-01-08", "name": "Strike", "spans": [] } }),
    );
    assert_eq!(task(&h, "Cutover runbook")["finish"], "2030-01-10T17:00:00");
    h.ok(
        "calendar_exception_remove",
        json!({ "calendar_id": calendar["id"], "day": "2030-01-08" }),
    );
    let week = h.err(
        "calendar_week_set",
        json!({ "calendar_id": calendar["id"], "week": [[], [], [], [], [], [], []] }),
    );
    assert_eq!(week["code"], "invalid_input");

    let board = h.ok("board_get", json!({ "project_id": project("kanban") }));
    let items: Vec<Value> = board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap().clone())
        .collect();
    let epic = items.iter().find(|i| i["item_type"] == "epic").unwrap();
    let loose = items
        .iter()
        .find(|i| i["item_type"] != "epic" && i["parent_id"].is_null())
        .unwrap();
    let moved = h.ok("item_epic_set", json!({ "id": loose["id"], "epic_id": epic["id"] }));
    assert_eq!(moved["parent_id"], epic["id"]);
    let not_epic = h.err("item_epic_set", json!({ "id": epic["id"], "epic_id": loose["id"] }));
    assert_eq!(not_epic["code"], "invalid_input");
}

#[test]
fn a_tasks_progress_and_constraint_and_a_links_lag_through_ipc() {
    let h = Harness::new(None);
    h.ok("session_start", json!({}));
    let erp = h.waterfall_plan_id();
    let schedule = |h: &Harness| h.ok("schedule_get", json!({ "project_id": erp }));
    let task = |h: &Harness, prefix: &str| {
        schedule(h)["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"].as_str().unwrap().starts_with(prefix))
            .unwrap()
            .clone()
    };
    let runbook = task(&h, "Cutover runbook");
    assert!(
        schedule(&h)["calendars"].as_array().unwrap().len() >= 2,
        "the four-day week too"
    );
    h.ok(
        "task_plan_set",
        json!({ "item_id": runbook["item_id"], "input": {
            "constraint_type": "snet", "constraint_date": "2030-01-07", "percent_complete": 50.0,
            "actual_start": null, "actual_finish": null } }),
    );
    let now = task(&h, "Cutover runbook");
    assert_eq!(now["percent_complete"], 50.0);
    assert_eq!(now["plan"]["constraint_type"], "snet");
    assert_eq!(now["start"], "2030-01-07T08:00:00");
    let refused = h.err(
        "task_plan_set",
        json!({ "item_id": runbook["item_id"], "input": {
            "constraint_type": "mfo", "constraint_date": null, "percent_complete": 0.0,
            "actual_start": null, "actual_finish": null } }),
    );
    assert_eq!(refused["code"], "invalid_input");

    let link = schedule(&h)["links"][0].clone();
    h.ok(
        "dependency_set",
        json!({ "id": link["id"], "input": { "kind": "ss", "lag_minutes": 960, "lag_percent": null } }),
    );
    let link = schedule(&h)["links"][0].clone();
    assert_eq!(
        (link["kind"].clone(), link["lag_minutes"].clone()),
        (json!("ss"), json!(960))
    );
    let far = h.err(
        "dependency_set",
        json!({ "id": link["id"], "input": { "kind": "fs", "lag_minutes": 1_000_000, "lag_percent": null } }),
    );
    assert_eq!(far["code"], "invalid_input");
}

#[test]
fn the_timeline_refresh_sends_what_an_edit_changed() {
    let h = Harness::new(None);
    h.ok("session_start", json!({}));
    let erp = h.waterfall_plan_id();
    let first = h.ok(
        "schedule_refresh",
        json!({ "project_id": erp, "baseline_id": null, "held": null }),
    );
    let tasks = first["schedule"]["tasks"].as_array().unwrap().clone();
    assert!(first["changes"].is_null());
    let task = tasks
        .iter()
        .find(|t| t["summary"] == false && t["milestone"] == false)
        .unwrap();
    let later = format!("{}T08:00:00", "2030-03-04");
    h.ok("task_move", json!({ "item_id": task["item_id"], "start": later }));
    let next = h.ok(
        "schedule_refresh",
        json!({ "project_id": erp, "baseline_id": null, "held": first["revision"] }),
    );
    assert!(next["schedule"].is_null(), "rows kept their places");
    let changed = next["changes"]["tasks"].as_array().unwrap();
    let moved = changed
        .iter()
        .find(|c| c["task"]["item_id"] == task["item_id"])
        .unwrap();
    assert_eq!(
        tasks[moved["position"].as_u64().unwrap() as usize]["item_id"],
        task["item_id"]
    );
    assert_eq!(moved["task"]["start"], "2030-03-04T08:00:00");
    // An answer the view does not hold (a stale revision) gets the whole schedule.
    let stale = h.ok(
        "schedule_refresh",
        json!({ "project_id": erp, "baseline_id": null, "held": first["revision"] }),
    );
    assert_eq!(stale["schedule"]["tasks"].as_array().unwrap().len(), tasks.len());
}

#[test]
fn a_persons_skills_through_ipc_assess_decide_evidence_and_undo() {
    let h = Harness::new(None);
    h.ok("session_start", json!({}));
    let catalog = h.ok("skill_catalog", json!({}));
    assert_eq!(catalog["roles"].as_array().unwrap().len(), 6);
    let people = h.ok("people_list", json!({}));
    let dana = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Dana Whitfield")
        .unwrap()["id"]
        .clone();
    let profile = h.ok("skill_profile", json!({ "person_id": dana }));
    let planning = profile["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["target"] == 4)
        .unwrap()
        .clone();
    let assessed = h.ok(
        "skill_assess",
        json!({ "person_id": dana, "skill_id": planning["skill_id"], "kind": "self", "level": 5, "on": "2026-11-20", "note": "" }),
    );
    assert_eq!(assessed["level"], 5);
    let bad = h.err(
        "skill_assess",
        json!({ "person_id": dana, "skill_id": planning["skill_id"], "kind": "manager", "level": 9, "on": "2026-11-20", "note": "" }),
    );
    assert_eq!(bad["code"], "invalid_input");
    h.ok("history_undo", json!({}));
    let history = h.ok(
        "skill_history",
        json!({ "person_id": dana, "skill_id": planning["skill_id"] }),
    );
    assert!(history.as_array().unwrap().iter().all(|a| a["level"] != 5));
    let rules = h.ok("certification_rules", json!({}));
    assert_eq!(rules.as_array().unwrap().len(), 10);
    assert!(rules[0]["source"]["checked_on"].is_string());
    let certs = h.ok("certifications_list", json!({ "person_id": dana }));
    assert!(!certs.as_array().unwrap().is_empty());
    let upcoming = h.ok("upcoming_list", json!({ "days": 60 }));
    assert!(upcoming.as_array().unwrap().iter().any(|u| u["kind"] == "exam"));
    let matrix = h.ok("skills_matrix", json!({ "role_id": null, "area_id": null }));
    assert!(!matrix["thin"].as_array().unwrap().is_empty());
    let missing = h.err("frameworks_import", json!({ "path": h.path("nope.json") }));
    assert_eq!(missing["code"], "io");
    h.ok("frameworks_export", json!({ "path": h.path("frameworks.json") }));
    let imported = h.ok("frameworks_import", json!({ "path": h.path("frameworks.json") }));
    assert_eq!(imported["roles"], 6);
}

#[test]
fn a_report_renders_with_a_preview_and_saves_that_very_pdf() {
    let h = Harness::new(None);
    h.ok("session_start", json!({}));
    let kinds = h.ok("report_kinds", json!({}));
    assert_eq!(kinds.as_array().unwrap().len(), 11);
    assert_eq!(kinds[0]["kind"], "status");
    assert_eq!(kinds[0]["project"], "one_or_all");

    let request = json!({"kind": "status", "project_id": null, "sprint_id": null, "person_id": null,
                         "from": null, "to": null, "paper": "letter"});
    let rendered = h.ok("report_render", json!({ "request": request }));
    assert!(rendered["pages"].as_u64().unwrap() >= 2);
    assert!(rendered["preview_svg"].as_str().unwrap().starts_with("<svg"));
    assert!(rendered["file_name"].as_str().unwrap().ends_with(".pdf"));
    let out = h.path("status.pdf");
    h.ok("report_save", json!({ "token": rendered["token"], "path": out }));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(bytes.len() as u64, rendered["bytes"].as_u64().unwrap());

    // A render that is no longer the latest cannot be saved; a bad request says why.
    let stale = h.err(
        "report_save",
        json!({ "token": rendered["token"].as_u64().unwrap() + 1, "path": out }),
    );
    assert_eq!(stale["code"], "not_found");
    let bad = json!({"kind": "career", "project_id": null, "sprint_id": null, "person_id": null,
                     "from": null, "to": null, "paper": "a4"});
    let err = h.err("report_render", json!({ "request": bad }));
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("one person"));
}

#[test]
fn a_project_from_a_type_ticks_and_moves_phase_through_ipc() {
    let h = Harness::new(None);
    h.ok("workspace_new", json!({ "path": h.path("life.bridgeplan") }));
    let types = h.ok("project_templates_list", json!({}));
    let cyber = types
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["template"]["key"] == "cybersecurity")
        .unwrap();
    let project = h.ok(
        "project_create_from_template",
        json!({ "template_id": cyber["id"],
                "input": { "name": "Harden", "methodology": "kanban", "start_date": "2026-11-02",
                           "finish_date": null, "description": "" } }),
    );
    let overview = h.ok("lifecycle_overview", json!({ "project_id": project["id"] }));
    assert_eq!(overview["framework"], "itil");
    assert_eq!(overview["project_type"]["name"], "Cybersecurity");
    h.ok(
        "checklist_tick_set",
        json!({ "project_id": project["id"], "key": "rfc-logged", "ticked": true }),
    );
    let moved = h.ok("phase_move", json!({ "project_id": project["id"], "to": "plan" }));
    assert_eq!(moved["to_phase"], "plan");
    // The command layer names the operating system's user (or "You").
    assert!(!moved["actor"].as_str().unwrap().is_empty());
    let bad = h.err("phase_move", json!({ "project_id": project["id"], "to": "plan" }));
    assert_eq!(bad["code"], "invalid_input");
    let portfolio = h.ok("portfolio_get", json!({}));
    assert_eq!(portfolio["rows"][0]["phase"], "plan");
    let path = h.path("types.json");
    h.ok("project_templates_export", json!({ "path": path }));
    let refused = h.err("project_templates_import", json!({ "path": path }));
    assert_eq!(refused["code"], "invalid_input");
}

#[test]
fn every_command_that_takes_a_path_refuses_one_the_user_did_not_choose() {
    let h = Harness::new(None);
    h.ok("workspace_new", json!({ "path": h.path("mine.bridgeplan") }));
    // The path is checked before anything else, so any project id will do.
    let project = json!(1);
    std::fs::write(h.unchosen("other.json"), "{}").unwrap();
    let other = h.unchosen("other.json");
    let calls = [
        ("workspace_open", json!({ "path": other })),
        ("workspace_new", json!({ "path": h.unchosen("new.bridgeplan") })),
        ("workspace_save_copy", json!({ "path": h.unchosen("copy.bridgeplan") })),
        ("workspace_export_json", json!({ "path": other })),
        (
            "workspace_import_json",
            json!({ "source": other, "dest": h.path("dest.bridgeplan") }),
        ),
        (
            "interchange_import_preview",
            json!({ "path": other, "format": "trello" }),
        ),
        ("interchange_import_apply", json!({ "path": other, "format": "trello" })),
        (
            "interchange_export_mspdi",
            json!({ "project_id": project, "path": other }),
        ),
        ("csv_inspect", json!({ "path": other, "kind": "work_items" })),
        (
            "csv_export",
            json!({ "path": other, "grid": "work_items", "project_id": project }),
        ),
        ("ical_export", json!({ "path": other, "project_id": project })),
        ("project_templates_import", json!({ "path": other })),
        ("project_templates_export", json!({ "path": other })),
        ("frameworks_import", json!({ "path": other })),
        ("frameworks_export", json!({ "path": other })),
        ("report_save", json!({ "token": 1, "path": other })),
        ("backup_restore", json!({ "backup": other, "path": other })),
    ];
    for (cmd, args) in calls {
        let err = h.err(cmd, args);
        assert_eq!(err["code"], "path_not_chosen", "{cmd}: {err}");
    }
    // Nothing was read into the workspace or written over the file.
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "{}");
    assert!(!std::path::Path::new(&h.unchosen("copy.bridgeplan")).exists());
}

#[test]
fn a_recent_workspace_opens_without_a_dialog_but_is_never_written_over() {
    let h = Harness::new(None);
    let old = h.unchosen("last year.bridgeplan");
    bridgeplan_core::Workspace::create(std::path::Path::new(&old), None)
        .unwrap()
        .close()
        .unwrap();
    h._app
        .state::<Session>()
        .recent
        .touch(std::path::Path::new(&old))
        .unwrap();
    let info = h.ok("workspace_open", json!({ "path": old }));
    assert_eq!(info["name"], "last year");
    for (cmd, args) in [
        ("workspace_export_json", json!({ "path": old })),
        ("workspace_save_copy", json!({ "path": old })),
        ("frameworks_export", json!({ "path": old })),
    ] {
        assert_eq!(h.err(cmd, args)["code"], "path_not_chosen", "{cmd}");
    }
    h.ok("workspace_close", json!({}));
    // Still the workspace (opening it records who holds it, so its bytes do change).
    assert!(std::fs::read(&old).unwrap().starts_with(b"SQLite format 3\0"));
    assert!(!std::path::Path::new(&h.unchosen("last year.json")).exists());
}
