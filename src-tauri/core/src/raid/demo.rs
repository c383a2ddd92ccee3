//! The demo's RAID log. The ERP migration's typical risks (from its project type) get their
//! cause → event → effect, owners, responses and residual scores, and more risks join them
//! across the categories; one is due for review, one has occurred and is in the issue log, two
//! have response actions on the board. Three issues, three assumptions and two external
//! dependencies (one late) complete its log. The other projects get a few risks each.

use chrono::{Duration, NaiveDate};

use super::{
    AssumptionInput, AssumptionStatus, DependencyInput, IssueInput, IssuePriority, IssueStatus, RiskCategory,
    RiskInput, RiskResponse, RiskStatus,
};
use crate::{Id, Result, Workspace};

struct DemoRisk {
    title: &'static str,
    cause: &'static str,
    event: &'static str,
    effect: &'static str,
    category: RiskCategory,
    p: i64,
    i: i64,
    owner: &'static str,
    response: RiskResponse,
    plan: &'static str,
    trigger: &'static str,
    residual: Option<(i64, i64)>,
    /// Days from today; negative: due for review.
    review: Option<i64>,
    status: RiskStatus,
    action: Option<(&'static str, i64)>,
}

const ERP_RISKS: &[DemoRisk] = &[
    DemoRisk {
        title: "Data loss or corruption",
        cause: "Seven years of ledger history sit in three old export formats",
        event: "records are dropped or altered during the cutover",
        effect: "finance closes the month on wrong balances and audit trails break",
        category: RiskCategory::DataLoss,
        p: 2,
        i: 5,
        owner: "Jonas Berg",
        response: RiskResponse::Mitigate,
        plan: "Reconcile row counts and balances after every rehearsal; keep the old system read-only for 90 days.",
        trigger: "Any reconciliation difference after a rehearsal",
        residual: Some((1, 5)),
        review: Some(14),
        status: RiskStatus::Open,
        action: Some(("Build reconciliation scripts for ledger and open orders", 10)),
    },
    DemoRisk {
        title: "Poor source data quality",
        cause: "Customer and supplier records were never de-duplicated",
        event: "the migration loads duplicates and broken references",
        effect: "orders and invoices go to the wrong accounts after go-live",
        category: RiskCategory::DataLoss,
        p: 4,
        i: 4,
        owner: "Lukas Nowak",
        response: RiskResponse::Mitigate,
        plan: "Cleanse duplicates with the data owners before the second rehearsal.",
        trigger: "More than 1 % duplicates in a test load",
        residual: Some((2, 3)),
        review: Some(-3),
        status: RiskStatus::Open,
        action: Some(("Cleanse duplicate customer and supplier records", 7)),
    },
    DemoRisk {
        title: "Migration exceeds the downtime window",
        cause: "The full load has only been timed on a sample",
        event: "the cutover runs past Sunday night",
        effect: "warehouses cannot ship on Monday morning",
        category: RiskCategory::Schedule,
        p: 3,
        i: 4,
        owner: "Raj Patel",
        response: RiskResponse::Mitigate,
        plan: "Time two full dress rehearsals; agree a go/no-go point with a tested way back.",
        trigger: "A rehearsal takes more than 40 hours",
        residual: Some((2, 3)),
        review: Some(21),
        status: RiskStatus::Open,
        action: None,
    },
    DemoRisk {
        title: "Privacy rules on personal data",
        cause: "Customer records hold personal data covered by the GDPR",
        event: "data is copied to a cloud region or test system without a legal basis",
        effect: "a reportable breach and a fine",
        category: RiskCategory::Compliance,
        p: 2,
        i: 4,
        owner: "Aisha Okafor",
        response: RiskResponse::Avoid,
        plan: "EU region only; test data masked; data-processing agreement signed before the first load.",
        trigger: "Personal data found outside the EU region",
        residual: Some((1, 4)),
        review: Some(30),
        status: RiskStatus::Monitoring,
        action: None,
    },
    DemoRisk {
        title: "ERP vendor delays the EDI connector release",
        cause: "The vendor's release train slipped last quarter",
        event: "connector 4.2 is not ready for the integration tests",
        effect: "trading partners cannot be tested before UAT",
        category: RiskCategory::Vendor,
        p: 4,
        i: 3,
        owner: "Dana Whitfield",
        response: RiskResponse::Escalate,
        plan: "Escalate to the vendor's account director; weekly release check.",
        trigger: "No release candidate two weeks before integration tests",
        residual: None,
        review: Some(7),
        status: RiskStatus::Open,
        action: None,
    },
    DemoRisk {
        title: "Only one person knows the warehouse customisations",
        cause: "Mei wrote the warehouse extensions alone",
        event: "she is away or leaves during the migration",
        effect: "the customisations cannot be rebuilt in time",
        category: RiskCategory::Staffing,
        p: 3,
        i: 4,
        owner: "Dana Whitfield",
        response: RiskResponse::Mitigate,
        plan: "Pair Jonas with Mei and document each customisation.",
        trigger: "Mei's leave or notice",
        residual: Some((2, 2)),
        review: Some(10),
        status: RiskStatus::Open,
        action: None,
    },
    DemoRisk {
        title: "Phishing aimed at key users during the switch",
        cause: "New login pages and e-mails about the switch are easy to imitate",
        event: "a key user gives away credentials",
        effect: "an attacker reaches finance data in the new system",
        category: RiskCategory::Cybersecurity,
        p: 3,
        i: 5,
        owner: "Aisha Okafor",
        response: RiskResponse::Mitigate,
        plan: "Multi-factor sign-in from day one; warn key users which messages are real.",
        trigger: "A reported phishing mail that mentions the ERP",
        residual: Some((2, 4)),
        review: Some(5),
        status: RiskStatus::Monitoring,
        action: None,
    },
    DemoRisk {
        title: "Cloud running costs above the estimate",
        cause: "Storage for the ledger archive was sized from a guess",
        event: "the monthly bill exceeds the business case",
        effect: "the operating budget is overspent from the first year",
        category: RiskCategory::Budget,
        p: 3,
        i: 3,
        owner: "Dana Whitfield",
        response: RiskResponse::Accept,
        plan: "Review the first three bills; move the archive to cold storage if needed.",
        trigger: "A monthly bill 10 % over the estimate",
        residual: None,
        review: Some(45),
        status: RiskStatus::Open,
        action: None,
    },
    DemoRisk {
        title: "Automatic field mapping tool gets mappings wrong",
        cause: "The vendor's AI-based mapping tool is new",
        event: "it maps fields silently to the wrong targets",
        effect: "errors reach production unnoticed",
        category: RiskCategory::EmergingTechnology,
        p: 2,
        i: 3,
        owner: "Lukas Nowak",
        response: RiskResponse::Avoid,
        plan: "Mappings are written and reviewed by hand; the tool is not used.",
        trigger: "",
        residual: None,
        review: None,
        status: RiskStatus::Closed,
        action: None,
    },
];

/// Other projects: (project, title, category, probability, impact, owner, response, review in days).
type SmallRisk = (
    &'static str,
    &'static str,
    RiskCategory,
    i64,
    i64,
    &'static str,
    RiskResponse,
    i64,
);
const OTHER_RISKS: &[SmallRisk] = &[
    (
        "Customer Portal",
        "Accessibility audit finds blocking issues",
        RiskCategory::Compliance,
        3,
        3,
        "Sofia Rossi",
        RiskResponse::Mitigate,
        20,
    ),
    (
        "Customer Portal",
        "Front-end framework upgrade breaks the build",
        RiskCategory::EmergingTechnology,
        2,
        3,
        "Mei Chen",
        RiskResponse::Accept,
        30,
    ),
    (
        "Network Refresh",
        "Switch vendor ships the wrong firmware",
        RiskCategory::Vendor,
        2,
        4,
        "Raj Patel",
        RiskResponse::Transfer,
        15,
    ),
    (
        "Security Hardening",
        "Ransomware before the backups are isolated",
        RiskCategory::Cybersecurity,
        2,
        5,
        "Aisha Okafor",
        RiskResponse::Mitigate,
        12,
    ),
];

pub(crate) fn seed(ws: &mut Workspace, today: NaiveDate) -> Result<()> {
    let people: Vec<(String, Id)> = ws.people()?.into_iter().map(|p| (p.name, p.id)).collect();
    let person = |name: &str| people.iter().find(|(n, _)| n == name).map(|(_, id)| *id);
    let day = |offset: i64| Some((today + Duration::days(offset)).format("%Y-%m-%d").to_string());
    if let Ok(erp) = ws.project_by_name("ERP Cloud Migration") {
        seed_erp(ws, erp.id, &person, &day)?;
    }
    for (project, title, category, p, i, owner, response, review) in OTHER_RISKS {
        let Ok(project) = ws.project_by_name(project) else {
            continue;
        };
        ws.add_risk(
            project.id,
            &RiskInput {
                title: (*title).into(),
                category: *category,
                probability: *p,
                impact: *i,
                owner_id: person(owner),
                response: Some(*response),
                review_date: day(*review),
                ..Default::default()
            },
        )?;
    }
    // The portal's change board keeps new feature requests out of the release: its typical
    // scope-creep risk was reassessed down, so the portfolio has a project that is green.
    if let Ok(portal) = ws.project_by_name("Customer Portal") {
        let creep = ws
            .raid_log(portal.id)?
            .risks
            .into_iter()
            .find(|r| r.title.starts_with("Scope creep"));
        if let Some(creep) = creep {
            ws.update_risk(
                creep.id,
                &RiskInput {
                    title: creep.title.clone(),
                    category: creep.category,
                    probability: 2,
                    impact: creep.impact,
                    owner_id: person("Sofia Rossi"),
                    response: Some(RiskResponse::Mitigate),
                    response_plan: "Every new feature request goes to the fortnightly change board.".into(),
                    review_date: day(21),
                    ..Default::default()
                },
            )?;
        }
    }
    Ok(())
}

fn seed_erp(
    ws: &mut Workspace,
    erp: Id,
    person: &dyn Fn(&str) -> Option<Id>,
    day: &dyn Fn(i64) -> Option<String>,
) -> Result<()> {
    for r in ERP_RISKS {
        let input = RiskInput {
            title: r.title.into(),
            cause: r.cause.into(),
            event: r.event.into(),
            effect: r.effect.into(),
            category: r.category,
            probability: r.p,
            impact: r.i,
            owner_id: person(r.owner),
            response: Some(r.response),
            response_plan: r.plan.into(),
            trigger: r.trigger.into(),
            residual_probability: r.residual.map(|x| x.0),
            residual_impact: r.residual.map(|x| x.1),
            review_date: r.review.and_then(day),
            status: Some(r.status),
        };
        // The project type's typical risks are already in the register: complete them.
        let existing = ws
            .raid_log(erp)?
            .risks
            .into_iter()
            .find(|x| x.title == r.title)
            .map(|x| x.id);
        let log = match existing {
            Some(id) => ws.update_risk(id, &input)?,
            None => ws.add_risk(erp, &input)?,
        };
        let id = log.risks.iter().find(|x| x.title == r.title).map(|x| x.id);
        if let (Some(id), Some((action, due))) = (id, r.action) {
            ws.add_risk_action(id, action, day(due).as_deref())?;
        }
    }
    // The vendor delay happened: it is in the issue log.
    let log = ws.raid_log(erp)?;
    if let Some(vendor) = log.risks.iter().find(|r| r.category == RiskCategory::Vendor) {
        ws.raise_issue_from_risk(vendor.id)?;
    }
    ws.add_raid_issue(
        erp,
        &IssueInput {
            title: "Test environment lacks production-sized data".into(),
            description: "Load tests run on 5 % of the ledger, so timings say little about the cutover.".into(),
            priority: Some(IssuePriority::High),
            owner_id: person("Jonas Berg"),
            raised_on: day(-6),
            due_date: day(5),
            status: Some(IssueStatus::InProgress),
            ..Default::default()
        },
    )?;
    ws.add_raid_issue(
        erp,
        &IssueInput {
            title: "Finance key users not released for UAT training".into(),
            description: "Month-end close keeps the finance team busy in the training week.".into(),
            priority: Some(IssuePriority::Medium),
            owner_id: person("Lukas Nowak"),
            raised_on: day(-10),
            due_date: day(-2),
            status: Some(IssueStatus::Open),
            ..Default::default()
        },
    )?;
    for (title, owner, by, status) in [
        (
            "The vendor's EU cloud region meets our data-residency rules",
            "Aisha Okafor",
            -20,
            AssumptionStatus::Valid,
        ),
        (
            "Key users can give two days a week to UAT",
            "Lukas Nowak",
            10,
            AssumptionStatus::Unvalidated,
        ),
        (
            "Trading partners accept the new EDI endpoint without re-certification",
            "Tomás Ortega",
            -5,
            AssumptionStatus::Unvalidated,
        ),
    ] {
        ws.add_assumption(
            erp,
            &AssumptionInput {
                title: title.into(),
                owner_id: person(owner),
                validate_by: day(by),
                status: Some(status),
                ..Default::default()
            },
        )?;
    }
    let edi = ws
        .board(erp)?
        .columns
        .into_iter()
        .flat_map(|c| c.items)
        .find(|i| i.title == "Rebuild EDI connector for cloud ERP")
        .map(|i| i.id);
    ws.add_external_dependency(
        erp,
        &DependencyInput {
            title: "EDI connector release 4.2".into(),
            description: "The connector the rebuilt EDI interface runs on.".into(),
            provider: "ERP vendor".into(),
            owner_id: person("Tomás Ortega"),
            needed_by: day(-4),
            item_id: edi,
            status: Some(super::DependencyStatus::Open),
        },
    )?;
    ws.add_external_dependency(
        erp,
        &DependencyInput {
            title: "Firewall rules for the cloud region".into(),
            description: "Site-to-site VPN and the ports the ERP needs.".into(),
            provider: "Network team".into(),
            owner_id: person("Raj Patel"),
            needed_by: day(12),
            item_id: None,
            status: Some(super::DependencyStatus::Open),
        },
    )?;
    Ok(())
}
