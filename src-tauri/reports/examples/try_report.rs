use bridgeplan_reports::*;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ws = bridgeplan_core::Workspace::open(std::path::Path::new(&args[1])).unwrap();
    let mut req = ReportRequest::new(ReportKind::parse(&args[2]).unwrap());
    if let Some(p) = args.get(3).filter(|p| !p.is_empty()) { req.project_id = Some(ws.project_by_name(p).unwrap().id); }
    if let Some(p) = args.get(4) { req.person_id = Some(ws.person_by_name(p).unwrap()); }
    for i in 0..3 {
        let t = std::time::Instant::now();
        let prepared = prepare(&ws, &req).unwrap();
        let t1 = t.elapsed();
        let doc = typeset(&prepared).unwrap();
        let t2 = t.elapsed();
        let pdf = doc.pdf().unwrap();
        let t3 = t.elapsed();
        eprintln!("run {i}: prepare {:?} typeset {:?} pdf {:?} pages {} bytes {}", t1, t2, t3, doc.pages(), pdf.len());
        write_pdf(std::path::Path::new("/tmp/rep.pdf"), &pdf).unwrap();
    }
}
