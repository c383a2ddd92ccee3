//! Full-text search for `make bench`: prints `{"search_100k_rows_ms": {value, unit}, ...}`, the
//! median time of a typical two-word query (the last word a prefix) over 100,000 indexed work
//! items with varied titles, descriptions and tags in 20 projects, read from the file; the
//! worst case, a word in nearly every row (`search_100k_common_word_ms`, no target); and
//! what the index's triggers cost when the 10,000-item load-test board is generated.
//! Usage: bench_search DIR   (DIR receives its scratch workspaces)

use std::path::{Path, PathBuf};
use std::time::Instant;

use bridgeplan_core::work::projects::{Methodology, ProjectInput};
use bridgeplan_core::{demo, Workspace};
use rusqlite::Connection;

const ROWS: usize = 100_000;
const PROJECTS: usize = 20;

const VERBS: &[&str] = &[
    "Migrate",
    "Configure",
    "Review",
    "Replace",
    "Test",
    "Document",
    "Upgrade",
    "Decommission",
    "Audit",
    "Design",
    "Automate",
    "Monitor",
    "Patch",
    "Integrate",
    "Train users on",
    "Back up",
    "Restore",
    "Harden",
    "Benchmark",
    "Consolidate",
    "Archive",
    "Validate",
    "Roll out",
    "Pilot",
    "Scope",
    "Estimate",
    "Procure",
    "Renew",
    "Retire",
    "Refactor",
    "Containerise",
    "Load-test",
    "Sign off",
    "Map",
    "Clean up",
    "Reconcile",
    "Encrypt",
    "Tune",
    "Schedule",
    "Escalate",
];
const SYSTEMS: &[&str] = &[
    "invoice approval workflow",
    "VPN gateway",
    "ERP finance module",
    "warehouse scanners",
    "EDI connector",
    "customer portal login",
    "firewall rules",
    "payroll export",
    "e-mail relay",
    "identity provider",
    "data warehouse",
    "backup schedule",
    "service desk queue",
    "Wi-Fi access points",
    "SQL cluster",
    "shipment tracking API",
    "month-end close",
    "print servers",
    "mobile device policy",
    "disaster recovery plan",
    "CRM contact sync",
    "telephony switchboard",
    "HR onboarding forms",
    "expense claims app",
    "supplier master data",
    "barcode label printers",
    "SharePoint intranet",
    "Kubernetes ingress",
    "DNS zones",
    "certificate authority",
    "SIEM alerts",
    "patch baseline",
    "laptop imaging",
    "MDM enrolment",
    "SFTP drop zone",
    "price list import",
    "order-to-cash flow",
    "general ledger mapping",
    "fixed asset register",
    "VAT reporting",
    "bank statement import",
    "time clock terminals",
    "fleet telematics",
    "access badge readers",
    "CCTV recorders",
    "ticket routing rules",
    "knowledge base",
    "SSO for suppliers",
    "API rate limits",
    "message queue",
    "object storage",
    "log retention",
    "cost allocation tags",
    "license server",
    "test environment",
    "staging database",
    "release pipeline",
    "code signing",
    "password vault",
    "network segmentation",
    "MFA rollout",
    "printer fleet",
    "conference room AV",
    "HVAC sensors",
    "forklift tablets",
    "route planner",
    "returns portal",
    "product catalogue",
    "quotation tool",
    "contract repository",
    "document scanning",
    "BI dashboards",
    "forecast model",
    "stock counts",
    "goods receipt",
    "picking lists",
    "customs declarations",
    "carrier booking",
    "dock scheduling",
];
const PLACES: &[&str] = &[
    "Rotterdam",
    "Hamburg",
    "Łódź",
    "head office",
    "the cloud landing zone",
    "the data centre",
    "all depots",
    "Antwerp",
    "Lyon",
    "Milan",
    "Gdańsk",
    "Dublin",
    "Leeds",
    "Malmö",
    "Aarhus",
    "Porto",
    "Bilbao",
    "Graz",
    "Brno",
    "Tallinn",
    "the Nordics region",
    "the Iberia hub",
    "the cross-dock",
    "the distribution centre",
    "the call centre",
    "regional offices",
    "the DR site",
    "Azure",
];
const REASONS: &[&str] = &[
    "before the lease ends",
    "to meet the audit findings",
    "so month-end close runs on time",
    "after the vendor's end of support",
    "to cut licence costs",
    "as agreed in the steering committee",
    "because users reported slow responses",
    "to pass the security review",
    "ahead of the peak season",
    "for the ISO 27001 surveillance audit",
    "as the contract requires",
    "so the night batch finishes by six",
    "to unblock the carrier onboarding",
    "after last quarter's outage",
    "for the new tax rules",
    "before the data centre exit",
];
const PEOPLE: &[&str] = &[
    "Anna",
    "Bram",
    "Chloé",
    "Dariusz",
    "Eva",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Katarzyna",
    "Lars",
    "Marta",
    "Niels",
    "Olga",
    "Pieter",
    "Quentin",
    "Rosa",
    "Sven",
    "Tomasz",
    "Ulla",
    "Viktor",
    "Wiebke",
    "Yusuf",
    "Zofia",
    "the service desk",
    "the vendor",
    "finance",
    "procurement",
    "legal",
];
const TAGS: &[&str] = &[
    "finance",
    "security",
    "network",
    "data",
    "cutover",
    "testing",
    "vendor",
    "compliance",
    "support",
    "cloud",
    "warehouse",
    "hr",
    "legal",
    "integration",
    "infrastructure",
    "reporting",
    "mobile",
    "ops",
];
/// Syllables for the long tail of a real project's words: product, server, supplier and
/// module names, each rare.
const SYLLABLES: &[&str] = &[
    "ka", "lor", "ven", "tri", "mo", "sul", "dar", "ix", "bel", "qua", "ron", "ze", "pha", "nis", "tor", "gal", "ume",
    "sky", "fen", "ort", "vul", "cam", "dre", "hol", "jin", "mar", "pex", "rud", "sta", "wol",
];

/// A small deterministic generator, so every run indexes the same text.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
    /// A rare word (one of some 27,000 made of three syllables), skewed so that a few are
    /// common and most appear a handful of times, as names in real text do.
    fn rare_word(&mut self) -> String {
        let spread = self.next() % 1000;
        let n = (spread * spread * spread) / 37_000 + self.next() % 37;
        let s = SYLLABLES.len();
        let mut w = String::new();
        for i in 0..3 {
            w.push_str(SYLLABLES[(n / s.pow(i)) % s]);
        }
        w
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn fresh(path: &Path) -> Workspace {
    let _ = std::fs::remove_file(path);
    Workspace::create(path, Some("Search bench")).expect("create")
}

/// Writes the rows with SQL in one transaction, as a migration or an import would; the
/// triggers index each one.
fn fill(path: &Path) -> f64 {
    let mut ws = fresh(path);
    let mut projects = Vec::new();
    for p in 0..PROJECTS {
        let project = ws
            .create_project(&ProjectInput {
                name: format!("Programme {p:02}"),
                methodology: Methodology::Kanban,
                start_date: None,
                finish_date: None,
                description: String::new(),
            })
            .expect("project");
        let status = ws.statuses(project.id).expect("statuses")[0].id;
        projects.push((project.id, status));
    }
    ws.close().expect("close");
    let mut conn = Connection::open(path).expect("open");
    let mut rng = Lcg(42);
    let start = Instant::now();
    let tx = conn.transaction().expect("tx");
    // As the core's own bulk inserts do: the items are indexed in one go before the commit.
    bridgeplan_core::search::pause_items(&tx).expect("pause");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO work_items(id, project_id, status_id, rank, item_type, title, description, tags, \
                 created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'task', ?5, ?6, ?7, '2026-12-01', '2026-12-01')",
            )
            .expect("prepare");
        for i in 0..ROWS {
            let (project, status) = projects[i % PROJECTS];
            let title = format!(
                "{} {} {} in {}",
                rng.pick(VERBS),
                rng.rare_word(),
                rng.pick(SYSTEMS),
                rng.pick(PLACES)
            );
            let description = format!(
                "{} the {} on {} {}. {} owns the change; coordinate with {} and check the {} first. \
                 Ticket REQ-{}, server {}-{:03}.",
                rng.pick(VERBS),
                rng.pick(SYSTEMS),
                rng.rare_word(),
                rng.pick(REASONS),
                rng.pick(PEOPLE),
                rng.pick(PEOPLE),
                rng.pick(SYSTEMS),
                10_000 + rng.next() % 90_000,
                rng.rare_word(),
                rng.next() % 1000
            );
            let tags = format!("[\"{}\", \"{}\"]", rng.pick(TAGS), rng.pick(TAGS));
            insert
                .execute(rusqlite::params![
                    (1_i64 << 32) + i as i64,
                    project,
                    status,
                    i as f64,
                    title,
                    description,
                    tags
                ])
                .expect("insert");
        }
    }
    bridgeplan_core::search::index_new_items(&tx).expect("index");
    tx.commit().expect("commit");
    start.elapsed().as_secs_f64() * 1000.0
}

/// Generates the 10,000-item load-test board; with `index` false the search triggers are
/// dropped first, to show what they cost.
fn load_test_board(path: &Path, index: bool) -> f64 {
    let ws = fresh(path);
    ws.close().expect("close");
    if !index {
        let conn = Connection::open(path).expect("open");
        let triggers: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'")
            .expect("triggers")
            .query_map([], |r| r.get(0))
            .expect("triggers")
            .collect::<Result<_, _>>()
            .expect("triggers");
        for t in triggers {
            conn.execute(&format!("DROP TRIGGER {t}"), []).expect("drop");
        }
    }
    let mut ws = Workspace::open(path).expect("open");
    let start = Instant::now();
    demo::add_load_test_project(&mut ws, 10_000).expect("load test");
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    ws.close().expect("close");
    ms
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("search-bench.bridgeplan");
    let fill_ms = fill(&path);

    let ws = Workspace::open(&path).expect("open");
    let typical = "invoice appr";
    let first = ws.search(typical, 8).expect("search");
    assert!(first.total > 100, "{} hits", first.total);
    let mut samples = Vec::new();
    for _ in 0..31 {
        let start = Instant::now();
        let results = ws.search(typical, 8).expect("search");
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(results.total, first.total);
    }
    // A rare word and the worst case, a word in nearly every row (no target).
    let mut rare = Vec::new();
    let mut common = Vec::new();
    for _ in 0..11 {
        let start = Instant::now();
        ws.search("lodz recovery", 8).expect("search");
        rare.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        ws.search("the", 8).expect("search");
        common.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    ws.close().expect("close");

    let board = dir.join("search-board.bridgeplan");
    let with_index = median((0..3).map(|_| load_test_board(&board, true)).collect());
    let without = median((0..3).map(|_| load_test_board(&board, false)).collect());
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let m = |v: f64, unit: &str| serde_json::json!({"value": round(v), "unit": unit});
    let out = serde_json::json!({
        "search_100k_rows_ms": m(median(samples), "ms"),
        "search_100k_rare_words_ms": m(median(rare), "ms"),
        "search_100k_common_word_ms": m(median(common), "ms"),
        "search_index_fill_100k_ms": m(fill_ms, "ms"),
        "load_test_10k_items_ms": m(with_index, "ms"),
        "load_test_10k_items_without_index_ms": m(without, "ms"),
    });
    println!("{out}");
}
