use bridgeplan_core::demo::fill_demo;
use bridgeplan_core::Workspace;
use chrono::NaiveDate;

#[test]
#[ignore]
fn probe_demo_health() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    bridgeplan_core::clock::on_day(today, || {
        let mut ws = Workspace::in_memory().unwrap();
        fill_demo(&mut ws, today).unwrap();
        for h in ws.all_project_health(today).unwrap() {
            println!("== {} overall {:?}: {}", h.project, h.overall.rag, h.overall.reason);
            for a in &h.areas {
                println!("  {:?} computed {:?} rag {:?} nd={} :: {:?}", a.area, a.computed, a.rag, a.not_enough_data, a.reasons);
            }
        }
        let t = std::time::Instant::now();
        for p in ws.projects().unwrap() { let d = ws.project_dashboard(p.id, today).unwrap(); println!("{} ms:{} risks:{} issues:{} meet:{} snaps:{} bd:{} sc:{}", d.project, d.milestones.len(), d.top_risks.len(), d.open_issues.len(), d.next_meetings.len(), d.snapshots.len(), d.burndown.is_some(), d.s_curve.is_some()); }
        println!("{:?}", t.elapsed());
    });
}
