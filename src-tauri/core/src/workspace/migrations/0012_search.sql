-- Schema 12: full-text search. One FTS5 index over the text of the rows a manager looks
-- for; SQL triggers keep it in step inside the transaction that changes a row, so an edit, its
-- undo and its redo (which write row images back) always leave the index right.
--
-- Each indexed row has the index rowid  id * 16 + kind code  (ids are below 2^53, so this fits
-- in 64 bits and is unique): item 1, risk 2, issue 3, assumption 4, dependency 5, meeting 6,
-- stakeholder 7, lesson 8, service 9, incident 10. A meeting's entry also holds its decisions.
-- The index is derived data: it can be rebuilt from the rows at any time (see search/mod.rs).
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    ref_id UNINDEXED,
    project_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- item: work_items
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 1, 'item', r.id, r.project_id, r.title,
           r.description || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM work_items r;
CREATE TRIGGER search_work_items_insert AFTER INSERT ON work_items BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 1;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 1, 'item', new.id, new.project_id, new.title,
            new.description || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(new.tags)), ''));
END;
CREATE TRIGGER search_work_items_update AFTER UPDATE OF project_id, title, description, tags ON work_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 1;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 1, 'item', new.id, new.project_id, new.title,
            new.description || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(new.tags)), ''));
END;
CREATE TRIGGER search_work_items_delete AFTER DELETE ON work_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;
END;

-- risk: risks
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 2, 'risk', r.id, r.project_id, r.title,
           r.cause || char(10) || r.event || char(10) || r.effect || char(10) || r.response_plan || char(10) || r.trigger_condition
    FROM risks r;
CREATE TRIGGER search_risks_insert AFTER INSERT ON risks BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 2;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 2, 'risk', new.id, new.project_id, new.title,
            new.cause || char(10) || new.event || char(10) || new.effect || char(10) || new.response_plan || char(10) || new.trigger_condition);
END;
CREATE TRIGGER search_risks_update AFTER UPDATE OF project_id, title, cause, event, effect, response_plan, trigger_condition ON risks BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 2;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 2;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 2, 'risk', new.id, new.project_id, new.title,
            new.cause || char(10) || new.event || char(10) || new.effect || char(10) || new.response_plan || char(10) || new.trigger_condition);
END;
CREATE TRIGGER search_risks_delete AFTER DELETE ON risks BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 2;
END;

-- issue: raid_issues
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 3, 'issue', r.id, r.project_id, r.title,
           r.description || char(10) || r.resolution
    FROM raid_issues r;
CREATE TRIGGER search_raid_issues_insert AFTER INSERT ON raid_issues BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 3;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 3, 'issue', new.id, new.project_id, new.title,
            new.description || char(10) || new.resolution);
END;
CREATE TRIGGER search_raid_issues_update AFTER UPDATE OF project_id, title, description, resolution ON raid_issues BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 3;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 3;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 3, 'issue', new.id, new.project_id, new.title,
            new.description || char(10) || new.resolution);
END;
CREATE TRIGGER search_raid_issues_delete AFTER DELETE ON raid_issues BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 3;
END;

-- assumption: assumptions
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 4, 'assumption', r.id, r.project_id, r.title,
           r.description
    FROM assumptions r;
CREATE TRIGGER search_assumptions_insert AFTER INSERT ON assumptions BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 4;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 4, 'assumption', new.id, new.project_id, new.title,
            new.description);
END;
CREATE TRIGGER search_assumptions_update AFTER UPDATE OF project_id, title, description ON assumptions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 4;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 4;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 4, 'assumption', new.id, new.project_id, new.title,
            new.description);
END;
CREATE TRIGGER search_assumptions_delete AFTER DELETE ON assumptions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 4;
END;

-- dependency: external_dependencies
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 5, 'dependency', r.id, r.project_id, r.title,
           r.description || char(10) || r.provider
    FROM external_dependencies r;
CREATE TRIGGER search_external_dependencies_insert AFTER INSERT ON external_dependencies BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 5;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 5, 'dependency', new.id, new.project_id, new.title,
            new.description || char(10) || new.provider);
END;
CREATE TRIGGER search_external_dependencies_update AFTER UPDATE OF project_id, title, description, provider ON external_dependencies BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 5;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 5;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 5, 'dependency', new.id, new.project_id, new.title,
            new.description || char(10) || new.provider);
END;
CREATE TRIGGER search_external_dependencies_delete AFTER DELETE ON external_dependencies BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 5;
END;

-- meeting: meetings, with the text of their decisions
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT m.id * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m;
CREATE TRIGGER search_meetings_insert AFTER INSERT ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 6;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT m.id * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m WHERE m.id = new.id;
END;
CREATE TRIGGER search_meetings_update AFTER UPDATE OF project_id, title, agenda, notes ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 6;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 6;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT m.id * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m WHERE m.id = new.id;
END;
CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 6;
END;
-- A decision changes its meeting's entry. When the meeting itself is being deleted (the
-- decision goes by cascade) the SELECT finds no meeting and the entry stays deleted.
CREATE TRIGGER search_meeting_decisions_insert AFTER INSERT ON meeting_decisions BEGIN
    DELETE FROM search_index WHERE rowid = new.meeting_id * 16 + 6;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT m.id * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m WHERE m.id = new.meeting_id;
END;
CREATE TRIGGER search_meeting_decisions_update AFTER UPDATE OF meeting_id, text ON meeting_decisions BEGIN
    DELETE FROM search_index WHERE rowid = old.meeting_id * 16 + 6;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT m.id * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m WHERE m.id = old.meeting_id;
    DELETE FROM search_index WHERE rowid = new.meeting_id * 16 + 6;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT m.id * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m WHERE m.id = new.meeting_id;
END;
CREATE TRIGGER search_meeting_decisions_delete AFTER DELETE ON meeting_decisions BEGIN
    DELETE FROM search_index WHERE rowid = old.meeting_id * 16 + 6;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT m.id * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m WHERE m.id = old.meeting_id;
END;

-- stakeholder: stakeholders
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 7, 'stakeholder', r.id, r.project_id, r.name,
           r.organisation || char(10) || r.role || char(10) || r.notes
    FROM stakeholders r;
CREATE TRIGGER search_stakeholders_insert AFTER INSERT ON stakeholders BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 7;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 7, 'stakeholder', new.id, new.project_id, new.name,
            new.organisation || char(10) || new.role || char(10) || new.notes);
END;
CREATE TRIGGER search_stakeholders_update AFTER UPDATE OF project_id, name, organisation, role, notes ON stakeholders BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 7;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 7;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 7, 'stakeholder', new.id, new.project_id, new.name,
            new.organisation || char(10) || new.role || char(10) || new.notes);
END;
CREATE TRIGGER search_stakeholders_delete AFTER DELETE ON stakeholders BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 7;
END;

-- lesson: lessons
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 8, 'lesson', r.id, r.project_id, r.title,
           r.what_happened || char(10) || r.impact || char(10) || r.recommendation || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM lessons r;
CREATE TRIGGER search_lessons_insert AFTER INSERT ON lessons BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 8;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 8, 'lesson', new.id, new.project_id, new.title,
            new.what_happened || char(10) || new.impact || char(10) || new.recommendation || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(new.tags)), ''));
END;
CREATE TRIGGER search_lessons_update AFTER UPDATE OF project_id, title, what_happened, impact, recommendation, tags ON lessons BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 8;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 8;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 8, 'lesson', new.id, new.project_id, new.title,
            new.what_happened || char(10) || new.impact || char(10) || new.recommendation || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(new.tags)), ''));
END;
CREATE TRIGGER search_lessons_delete AFTER DELETE ON lessons BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 8;
END;

-- service: services
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 9, 'service', r.id, NULL, r.name,
           r.description
    FROM services r;
CREATE TRIGGER search_services_insert AFTER INSERT ON services BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 9;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 9, 'service', new.id, NULL, new.name,
            new.description);
END;
CREATE TRIGGER search_services_update AFTER UPDATE OF name, description ON services BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 9;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 9;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 9, 'service', new.id, NULL, new.name,
            new.description);
END;
CREATE TRIGGER search_services_delete AFTER DELETE ON services BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 9;
END;

-- incident: incidents
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT r.id * 16 + 10, 'incident', r.id, r.project_id, r.title,
           r.description
    FROM incidents r;
CREATE TRIGGER search_incidents_insert AFTER INSERT ON incidents BEGIN
    DELETE FROM search_index WHERE rowid = new.id * 16 + 10;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 10, 'incident', new.id, new.project_id, new.title,
            new.description);
END;
CREATE TRIGGER search_incidents_update AFTER UPDATE OF project_id, title, description ON incidents BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 10;
    DELETE FROM search_index WHERE rowid = new.id * 16 + 10;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    VALUES (new.id * 16 + 10, 'incident', new.id, new.project_id, new.title,
            new.description);
END;
CREATE TRIGGER search_incidents_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 16 + 10;
END;
