//! Career skills stored in a workspace: frameworks as data (seeded, imported, exported,
//! refused with the bad entry named), assessments over time and the gap report, evidence
//! suggested from real work, certifications with their units, goals and what is coming up.

use bridgeplan_core::skills::certifications::{CertificationInput, CertificationStatus, UnitEntryInput};
use bridgeplan_core::skills::development::{ActivityInput, ActivityKind, GoalInput, UpcomingKind};
use bridgeplan_core::skills::evidence::{EvidenceDecision, ManualEvidence};
use bridgeplan_core::skills::profiles::AssessmentKind;
use bridgeplan_core::{demo, ErrorCode, Id, Workspace};
use chrono::Duration;

fn skill(ws: &Workspace, key: &str) -> Id {
    ws.skill_catalog()
        .unwrap()
        .skills
        .iter()
        .find(|s| s.key == key)
        .unwrap()
        .id
}

fn role(ws: &Workspace, key: &str) -> Id {
    ws.skill_catalog()
        .unwrap()
        .roles
        .iter()
        .find(|r| r.key == key)
        .unwrap()
        .id
}

fn person(ws: &mut Workspace, name: &str) -> Id {
    ws.add_person(name, "IT Manager").unwrap().id
}

fn day(offset: i64) -> String {
    (bridgeplan_core::clock::fix_for_tests() + Duration::days(offset)).to_string()
}

#[test]
fn every_new_workspace_has_the_six_role_frameworks_with_five_levels_per_skill() {
    let ws = Workspace::in_memory().unwrap();
    let catalog = ws.skill_catalog().unwrap();
    let roles: Vec<&str> = catalog.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        roles,
        [
            "IT Project Manager",
            "IT Manager",
            "Program Manager",
            "Product Manager",
            "Scrum Master",
            "Technical Lead"
        ]
    );
    assert_eq!(catalog.areas.len(), 9);
    assert!(catalog.skills.len() >= 36);
    assert!(catalog.skills.iter().all(|s| s.levels.len() == 5));
    let focus: Vec<&str> = catalog
        .skills
        .iter()
        .filter(|s| s.focus)
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(
        focus.len(),
        6,
        "planning, risk, stakeholders, team, budget, methodology: {focus:?}"
    );
    assert_eq!(
        catalog.level_names,
        ["Aware", "Working", "Practitioner", "Advanced", "Expert"]
    );
}

#[test]
fn a_frameworks_file_round_trips_and_a_bad_one_names_its_entry_and_imports_nothing() {
    let mut ws = Workspace::in_memory().unwrap();
    let exported = ws.export_frameworks().unwrap();
    let mut other = Workspace::in_memory().unwrap();
    let result = other.import_frameworks(&exported).unwrap();
    assert_eq!((result.roles, result.areas), (6, 9));
    assert_eq!(
        other.export_frameworks().unwrap(),
        exported,
        "importing the same file changes nothing"
    );

    let before = ws.export_frameworks().unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&exported).unwrap();
    file["skills"][3]["levels"].as_array_mut().unwrap().pop();
    let err = ws.import_frameworks(&file.to_string()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let message = err.to_string();
    assert!(
        message.contains("skills[3]") && message.contains("has 4 entries"),
        "{message}"
    );
    assert!(message.ends_with("Nothing was imported."), "{message}");

    let mut file: serde_json::Value = serde_json::from_str(&exported).unwrap();
    file["frameworks"][0]["skills"][0]["skill"] = "juggling".into();
    let err = ws.import_frameworks(&file.to_string()).unwrap_err().to_string();
    assert!(
        err.contains("frameworks[0]") && err.contains("\"juggling\" is not defined"),
        "{err}"
    );
    let err = ws
        .import_frameworks("{\"format\": \"bridgeplan-frameworks\", \"version\": 1, \"areas\": [}")
        .unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
    let err = ws
        .import_frameworks(r#"{"format":"other","version":1,"areas":[],"skills":[],"frameworks":[]}"#)
        .unwrap_err();
    assert!(err.to_string().contains("expected \"bridgeplan-frameworks\""), "{err}");
    assert_eq!(ws.export_frameworks().unwrap(), before);

    // A new role in a file adds to the workspace, and undo takes it away again.
    let addition = r#"{"format":"bridgeplan-frameworks","version":1,"areas":[],"skills":[],
        "frameworks":[{"key":"pmo-lead","name":"PMO Lead","description":"Runs the PMO.",
        "skills":[{"skill":"risk-management","level":4},{"skill":"budgeting","level":5}]}]}"#;
    ws.import_frameworks(addition).unwrap();
    let pmo = ws
        .skill_catalog()
        .unwrap()
        .roles
        .into_iter()
        .find(|r| r.key == "pmo-lead")
        .unwrap();
    assert_eq!(pmo.skills.len(), 2);
    ws.undo().unwrap();
    assert_eq!(ws.export_frameworks().unwrap(), before);
}

#[test]
fn editing_a_role_and_a_skill_is_undoable() {
    let mut ws = Workspace::in_memory().unwrap();
    let (itpm, budgeting) = (role(&ws, "it-project-manager"), skill(&ws, "budgeting"));
    let expected = |ws: &Workspace| {
        let catalog = ws.skill_catalog().unwrap();
        let r = catalog.roles.iter().find(|r| r.id == itpm).unwrap();
        r.skills.iter().find(|s| s.skill_id == budgeting).map(|s| s.level)
    };
    assert_eq!(expected(&ws), Some(4));
    ws.set_role_skill(itpm, budgeting, Some(5)).unwrap();
    assert_eq!(expected(&ws), Some(5));
    ws.set_role_skill(itpm, budgeting, None).unwrap();
    assert_eq!(expected(&ws), None);
    assert!(ws.set_role_skill(itpm, budgeting, Some(6)).is_err());
    ws.undo().unwrap();
    ws.undo().unwrap();
    assert_eq!(expected(&ws), Some(4));

    let input = bridgeplan_core::skills::frameworks::SkillInput {
        name: "Budgets".into(),
        description: "Money.".into(),
        levels: vec!["a".into(), "b".into(), "c".into(), "d".into()],
    };
    assert!(ws
        .update_skill(budgeting, &input)
        .unwrap_err()
        .to_string()
        .contains("5 levels"));
}

#[test]
fn assessments_keep_their_history_and_the_gap_report_puts_the_largest_focus_gaps_first() {
    let mut ws = Workspace::in_memory().unwrap();
    let dana = person(&mut ws, "Dana");
    ws.set_person_roles(
        dana,
        Some(role(&ws, "it-manager")),
        Some(role(&ws, "it-project-manager")),
    )
    .unwrap();
    let (planning, risk, itsm) = (
        skill(&ws, "planning-scheduling"),
        skill(&ws, "risk-management"),
        skill(&ws, "itil-service-management"),
    );
    ws.assess(dana, planning, AssessmentKind::SelfAssessed, 2, &day(-200), "")
        .unwrap();
    ws.assess(
        dana,
        planning,
        AssessmentKind::SelfAssessed,
        3,
        &day(-20),
        "after the course",
    )
    .unwrap();
    ws.assess(dana, risk, AssessmentKind::SelfAssessed, 3, &day(-20), "")
        .unwrap();
    ws.assess(dana, risk, AssessmentKind::Manager, 1, &day(-10), "no risk log yet")
        .unwrap();
    ws.assess(dana, itsm, AssessmentKind::SelfAssessed, 4, &day(-20), "")
        .unwrap();

    let history = ws.assessment_history(dana, planning).unwrap();
    assert_eq!(history.iter().map(|a| a.level).collect::<Vec<_>>(), [2, 3]);
    let profile = ws.skill_profile(dana).unwrap();
    let row = |id: Id| profile.skills.iter().find(|s| s.skill_id == id).unwrap();
    assert_eq!(
        (row(planning).current, row(planning).target, row(planning).gap),
        (Some(3), Some(4), 1)
    );
    // The manager's view wins over the person's own.
    assert_eq!(
        (
            row(risk).self_level,
            row(risk).manager_level,
            row(risk).current,
            row(risk).gap
        ),
        (Some(3), Some(1), Some(1), 3)
    );
    assert_eq!(row(itsm).expected_now, Some(4));

    let gaps = ws.gap_report(dana).unwrap();
    assert!(gaps.windows(2).all(|w| w[0].gap >= w[1].gap), "largest gap first");
    let focus: Vec<Id> = ws
        .skill_catalog()
        .unwrap()
        .skills
        .iter()
        .filter(|s| s.focus)
        .map(|s| s.id)
        .collect();
    let first_of_gap_4: Vec<bool> = gaps
        .iter()
        .filter(|g| g.gap == 4)
        .map(|g| focus.contains(&g.skill_id))
        .collect();
    assert!(
        first_of_gap_4.windows(2).all(|w| w[0] >= w[1]),
        "focus skills lead among equal gaps"
    );

    ws.set_skill_target(dana, planning, Some(5)).unwrap();
    assert_eq!(
        ws.skill_profile(dana)
            .unwrap()
            .skills
            .iter()
            .find(|s| s.skill_id == planning)
            .unwrap()
            .target,
        Some(5)
    );
    let progress = ws.skill_progress(dana).unwrap();
    assert_eq!(progress.len(), 3, "one point per assessment date");
    assert!(progress[0].average_level < progress[2].average_level);

    assert_eq!(
        ws.assess(dana, planning, AssessmentKind::SelfAssessed, 6, &day(0), "")
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput
    );
    let bad = ws
        .assess(dana, planning, AssessmentKind::SelfAssessed, 3, "2026-02-30", "")
        .unwrap_err();
    assert!(bad.to_string().contains("not a real date"), "{bad}");
}

#[test]
fn evidence_is_suggested_from_the_projects_a_person_manages_and_decided_once() {
    let mut ws = Workspace::in_memory().unwrap();
    demo::fill_demo(&mut ws, bridgeplan_core::clock::fix_for_tests()).unwrap();
    let aisha = ws.person_by_name("Aisha Okafor").unwrap();
    let suggestions = ws.evidence_suggestions(aisha).unwrap();
    let rules: Vec<&str> = suggestions.iter().filter_map(|s| s.rule.as_deref()).collect();
    assert!(rules.contains(&"items-delivered"), "{rules:?}");
    // Her Kanban board breaches a WIP limit in the demo, so no WIP evidence.
    assert!(!rules.contains(&"wip-limits-kept"), "{rules:?}");

    let first = &suggestions[0];
    let decision = |accept| EvidenceDecision {
        rule: first.rule.clone().unwrap(),
        source_kind: first.source_kind.unwrap(),
        source_id: first.source_id.unwrap(),
        accept,
    };
    ws.decide_evidence(aisha, &decision(true)).unwrap();
    assert_eq!(ws.evidence_suggestions(aisha).unwrap().len(), suggestions.len() - 1);
    let again = ws.decide_evidence(aisha, &decision(false)).unwrap_err();
    assert_eq!(again.code(), ErrorCode::NotFound);
    let evidence = ws.evidence(aisha).unwrap();
    assert_eq!(evidence[0].title, first.title);
    assert!(evidence[0].project_id.is_some(), "links back to its project");

    let manual = ManualEvidence {
        title: "SANS course".into(),
        detail: String::new(),
        url: "ftp://x".into(),
        occurred_on: day(-3),
    };
    let err = ws.add_evidence(aisha, first.skill_id, &manual).unwrap_err();
    assert!(err.to_string().contains("is not a link"), "{err}");
    let manual = ManualEvidence {
        url: "https://example.org/cert".into(),
        ..manual
    };
    let added = ws.add_evidence(aisha, first.skill_id, &manual).unwrap();
    ws.remove_evidence(added.id.unwrap()).unwrap();
    ws.undo().unwrap();
    assert_eq!(ws.evidence(aisha).unwrap().len(), 2);

    // The demo's manager has her baseline and sprints accepted.
    let dana = ws.person_by_name("Dana Whitfield").unwrap();
    let accepted: Vec<Option<String>> = ws.evidence(dana).unwrap().into_iter().map(|e| e.rule).collect();
    assert!(
        accepted.contains(&Some("baseline-tracked".into()))
            && accepted.contains(&Some("sprint-with-ceremonies".into()))
    );
}

#[test]
fn certifications_check_eligibility_count_units_and_show_what_is_due() {
    let mut ws = Workspace::in_memory().unwrap();
    let dana = person(&mut ws, "Dana");
    let pmp = ws.add_certification(dana, "pmp").unwrap();
    assert_eq!(
        ws.add_certification(dana, "pmp").unwrap_err().code(),
        ErrorCode::Duplicate
    );
    assert_eq!(
        ws.add_certification(dana, "astrology").unwrap_err().code(),
        ErrorCode::NotFound
    );
    let mut input = CertificationInput {
        status: CertificationStatus::Studying,
        exam_date: None,
        result: String::new(),
        earned_on: None,
        eligibility_met: vec!["degree-36".into(), "non-overlapping".into()],
        notes: String::new(),
    };
    ws.update_certification(pmp, &input).unwrap();
    let cert = |ws: &Workspace| ws.person_certifications(dana).unwrap().into_iter().next().unwrap();
    assert!(!cert(&ws).eligible, "35 contact hours are still missing");
    input.eligibility_met.push("education-35".into());
    ws.update_certification(pmp, &input).unwrap();
    assert!(cert(&ws).eligible);

    input.status = CertificationStatus::Passed;
    let err = ws.update_certification(pmp, &input).unwrap_err().to_string();
    assert!(err.contains("needs the date it was passed"), "{err}");
    input.earned_on = Some(day(-400));
    ws.update_certification(pmp, &input).unwrap();
    let c = cert(&ws);
    assert_eq!(
        c.expires_on.unwrap().to_string(),
        (bridgeplan_core::clock::fix_for_tests() - Duration::days(400))
            .checked_add_months(chrono::Months::new(36))
            .unwrap()
            .to_string()
    );
    assert_eq!(c.units_due, 60.0);

    let log = |ws: &mut Workspace, category: &str, units: f64| {
        ws.log_units(
            pmp,
            &UnitEntryInput {
                earned_on: day(-30),
                category: category.into(),
                units,
                activity: "Course".into(),
            },
        )
    };
    log(&mut ws, "power-skills", 20.0).unwrap();
    log(&mut ws, "giving-back", 30.0).unwrap();
    let c = cert(&ws);
    assert_eq!(c.units_counted, 45.0, "20 education + giving back capped at 25");
    let education = c.categories.iter().find(|k| k.key == "education").unwrap();
    assert_eq!((education.earned, education.still_needed), (20.0, 15.0));
    assert_eq!(
        c.units_due, 16.0,
        "ways of working and business acumen still need 8 each"
    );
    let err = log(&mut ws, "knitting", 2.0).unwrap_err().to_string();
    assert!(err.contains("not a PDU category"), "{err}");
    assert!(log(&mut ws, "education", 0.0).is_err());

    // Renewal shows as upcoming once it is within the horizon.
    let upcoming = ws.upcoming(800).unwrap();
    assert!(
        upcoming
            .iter()
            .any(|u| u.kind == UpcomingKind::Renewal && u.detail.contains("16 PDUs")),
        "{upcoming:?}"
    );
    ws.remove_certification(pmp).unwrap();
    assert!(ws.person_certifications(dana).unwrap().is_empty());
    ws.undo().unwrap();
    assert_eq!(cert(&ws).log.len(), 2, "undo brings back the units too");
}

#[test]
fn goals_with_learning_activities_show_as_upcoming_until_reached() {
    let mut ws = Workspace::in_memory().unwrap();
    let dana = person(&mut ws, "Dana");
    let risk = skill(&ws, "risk-management");
    let goal = ws
        .add_goal(
            dana,
            &GoalInput {
                skill_id: risk,
                target_level: 4,
                due_date: day(-5),
                done_on: None,
            },
        )
        .unwrap();
    let activity = ActivityInput {
        kind: ActivityKind::Course,
        title: "Risk course".into(),
        item_id: None,
        hours: Some(16.0),
        done_on: None,
    };
    ws.add_activity(goal, &activity).unwrap();
    let goals = ws.development_goals(dana).unwrap();
    assert!(goals[0].overdue);
    assert_eq!(goals[0].activities[0].title, "Risk course");
    let upcoming = ws.upcoming(30).unwrap();
    assert!(upcoming
        .iter()
        .any(|u| u.kind == UpcomingKind::Goal && u.overdue && u.title.contains("Risk management")));

    ws.update_goal(
        goal,
        &GoalInput {
            skill_id: risk,
            target_level: 4,
            due_date: day(-5),
            done_on: Some(day(0)),
        },
    )
    .unwrap();
    assert!(ws.upcoming(30).unwrap().is_empty());
    let bad = GoalInput {
        skill_id: risk,
        target_level: 0,
        due_date: day(5),
        done_on: None,
    };
    assert!(ws.add_goal(dana, &bad).is_err());
    let no_title = ActivityInput {
        title: " ".into(),
        ..activity
    };
    assert!(ws.add_activity(goal, &no_title).is_err());
    ws.remove_goal(goal).unwrap();
    ws.undo().unwrap();
    assert_eq!(ws.development_goals(dana).unwrap()[0].activities.len(), 1);
}

#[test]
fn the_team_matrix_flags_skills_only_one_person_carries() {
    let mut ws = Workspace::in_memory().unwrap();
    demo::fill_demo(&mut ws, bridgeplan_core::clock::fix_for_tests()).unwrap();
    let matrix = ws.skills_matrix(None, None).unwrap();
    assert_eq!(matrix.people.len(), 8);
    assert_eq!(matrix.levels.len(), 8);
    let budgeting = skill(&ws, "budgeting");
    assert!(matrix.thin.contains(&budgeting), "only Dana is at 3+ in budgeting");
    let devops = skill(&ws, "devops");
    assert!(!matrix.thin.contains(&devops), "Raj and Mei both carry devops");
    let scrum_master = role(&ws, "scrum-master");
    let only_role = ws.skills_matrix(Some(scrum_master), None).unwrap();
    assert_eq!(
        only_role.skill_ids.len(),
        ws.skill_catalog()
            .unwrap()
            .roles
            .iter()
            .find(|r| r.id == scrum_master)
            .unwrap()
            .skills
            .len()
    );
}
