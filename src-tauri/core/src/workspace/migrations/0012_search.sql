-- Schema 12: full-text search. One FTS5 index over the text of the rows a manager looks
-- for; SQL triggers keep it in step inside the statement that changes a row, so an edit, its
-- undo and its redo (which write row images back) always leave the index right.
--
-- A row is known to the index by its key  id * 16 + kind code  (item 1, risk 2, issue 3,
-- assumption 4, dependency 5, meeting 6, stakeholder 7, lesson 8, service 9, incident 10; ids
-- are below 2^53, so this fits in 64 bits). search_index_keys gives each key a place `seq`, in
-- the order rows were indexed, and the index entry's rowid is  seq * 16 + kind code: rising
-- with every entry written (FTS5 writes rising rowids in bulk without flushing at each row,
-- which random ids would force) and telling the kind without reading the entry.
-- A meeting's entry also holds its decisions. The index and its keys are derived data.
-- While the key 0 is present (only inside a transaction of the core that inserts many work
-- items at once, see search::pause_items), new work items are not indexed one by one; the
-- core indexes them in one statement before that transaction commits.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    ref_id UNINDEXED,
    project_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TABLE search_index_keys (
    seq INTEGER PRIMARY KEY,
    key INTEGER NOT NULL UNIQUE
);

-- item: work_items
INSERT INTO search_index_keys(key) SELECT id * 16 + 1 FROM work_items ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 1, 'item', r.id, r.project_id, r.title,
           r.description || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM work_items r JOIN search_index_keys k ON k.key = r.id * 16 + 1 ORDER BY k.seq;
CREATE TRIGGER search_work_items_insert AFTER INSERT ON work_items WHEN NOT EXISTS (SELECT 1 FROM search_index_keys WHERE key = 0) BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 1) % 16 FROM search_index_keys WHERE key = new.id * 16 + 1);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 1;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 1 FROM work_items r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 1, 'item', r.id, r.project_id, r.title,
           r.description || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM work_items r JOIN search_index_keys k ON k.key = r.id * 16 + 1 WHERE r.id = new.id;
END;
CREATE TRIGGER search_work_items_update AFTER UPDATE OF project_id, title, description, tags ON work_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 1) % 16 FROM search_index_keys WHERE key = old.id * 16 + 1);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 1;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 1) % 16 FROM search_index_keys WHERE key = new.id * 16 + 1);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 1;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 1 FROM work_items r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 1, 'item', r.id, r.project_id, r.title,
           r.description || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM work_items r JOIN search_index_keys k ON k.key = r.id * 16 + 1 WHERE r.id = new.id;
END;
CREATE TRIGGER search_work_items_delete AFTER DELETE ON work_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 1) % 16 FROM search_index_keys WHERE key = old.id * 16 + 1);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 1;
END;

-- risk: risks
INSERT INTO search_index_keys(key) SELECT id * 16 + 2 FROM risks ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 2, 'risk', r.id, r.project_id, r.title,
           r.cause || char(10) || r.event || char(10) || r.effect || char(10) || r.response_plan || char(10) || r.trigger_condition
    FROM risks r JOIN search_index_keys k ON k.key = r.id * 16 + 2 ORDER BY k.seq;
CREATE TRIGGER search_risks_insert AFTER INSERT ON risks BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 2) % 16 FROM search_index_keys WHERE key = new.id * 16 + 2);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 2;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 2 FROM risks r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 2, 'risk', r.id, r.project_id, r.title,
           r.cause || char(10) || r.event || char(10) || r.effect || char(10) || r.response_plan || char(10) || r.trigger_condition
    FROM risks r JOIN search_index_keys k ON k.key = r.id * 16 + 2 WHERE r.id = new.id;
END;
CREATE TRIGGER search_risks_update AFTER UPDATE OF project_id, title, cause, event, effect, response_plan, trigger_condition ON risks BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 2) % 16 FROM search_index_keys WHERE key = old.id * 16 + 2);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 2;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 2) % 16 FROM search_index_keys WHERE key = new.id * 16 + 2);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 2;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 2 FROM risks r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 2, 'risk', r.id, r.project_id, r.title,
           r.cause || char(10) || r.event || char(10) || r.effect || char(10) || r.response_plan || char(10) || r.trigger_condition
    FROM risks r JOIN search_index_keys k ON k.key = r.id * 16 + 2 WHERE r.id = new.id;
END;
CREATE TRIGGER search_risks_delete AFTER DELETE ON risks BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 2) % 16 FROM search_index_keys WHERE key = old.id * 16 + 2);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 2;
END;

-- issue: raid_issues
INSERT INTO search_index_keys(key) SELECT id * 16 + 3 FROM raid_issues ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 3, 'issue', r.id, r.project_id, r.title,
           r.description || char(10) || r.resolution
    FROM raid_issues r JOIN search_index_keys k ON k.key = r.id * 16 + 3 ORDER BY k.seq;
CREATE TRIGGER search_raid_issues_insert AFTER INSERT ON raid_issues BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 3) % 16 FROM search_index_keys WHERE key = new.id * 16 + 3);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 3;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 3 FROM raid_issues r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 3, 'issue', r.id, r.project_id, r.title,
           r.description || char(10) || r.resolution
    FROM raid_issues r JOIN search_index_keys k ON k.key = r.id * 16 + 3 WHERE r.id = new.id;
END;
CREATE TRIGGER search_raid_issues_update AFTER UPDATE OF project_id, title, description, resolution ON raid_issues BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 3) % 16 FROM search_index_keys WHERE key = old.id * 16 + 3);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 3;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 3) % 16 FROM search_index_keys WHERE key = new.id * 16 + 3);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 3;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 3 FROM raid_issues r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 3, 'issue', r.id, r.project_id, r.title,
           r.description || char(10) || r.resolution
    FROM raid_issues r JOIN search_index_keys k ON k.key = r.id * 16 + 3 WHERE r.id = new.id;
END;
CREATE TRIGGER search_raid_issues_delete AFTER DELETE ON raid_issues BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 3) % 16 FROM search_index_keys WHERE key = old.id * 16 + 3);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 3;
END;

-- assumption: assumptions
INSERT INTO search_index_keys(key) SELECT id * 16 + 4 FROM assumptions ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 4, 'assumption', r.id, r.project_id, r.title,
           r.description
    FROM assumptions r JOIN search_index_keys k ON k.key = r.id * 16 + 4 ORDER BY k.seq;
CREATE TRIGGER search_assumptions_insert AFTER INSERT ON assumptions BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 4) % 16 FROM search_index_keys WHERE key = new.id * 16 + 4);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 4;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 4 FROM assumptions r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 4, 'assumption', r.id, r.project_id, r.title,
           r.description
    FROM assumptions r JOIN search_index_keys k ON k.key = r.id * 16 + 4 WHERE r.id = new.id;
END;
CREATE TRIGGER search_assumptions_update AFTER UPDATE OF project_id, title, description ON assumptions BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 4) % 16 FROM search_index_keys WHERE key = old.id * 16 + 4);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 4;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 4) % 16 FROM search_index_keys WHERE key = new.id * 16 + 4);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 4;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 4 FROM assumptions r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 4, 'assumption', r.id, r.project_id, r.title,
           r.description
    FROM assumptions r JOIN search_index_keys k ON k.key = r.id * 16 + 4 WHERE r.id = new.id;
END;
CREATE TRIGGER search_assumptions_delete AFTER DELETE ON assumptions BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 4) % 16 FROM search_index_keys WHERE key = old.id * 16 + 4);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 4;
END;

-- dependency: external_dependencies
INSERT INTO search_index_keys(key) SELECT id * 16 + 5 FROM external_dependencies ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 5, 'dependency', r.id, r.project_id, r.title,
           r.description || char(10) || r.provider
    FROM external_dependencies r JOIN search_index_keys k ON k.key = r.id * 16 + 5 ORDER BY k.seq;
CREATE TRIGGER search_external_dependencies_insert AFTER INSERT ON external_dependencies BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 5) % 16 FROM search_index_keys WHERE key = new.id * 16 + 5);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 5;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 5 FROM external_dependencies r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 5, 'dependency', r.id, r.project_id, r.title,
           r.description || char(10) || r.provider
    FROM external_dependencies r JOIN search_index_keys k ON k.key = r.id * 16 + 5 WHERE r.id = new.id;
END;
CREATE TRIGGER search_external_dependencies_update AFTER UPDATE OF project_id, title, description, provider ON external_dependencies BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 5) % 16 FROM search_index_keys WHERE key = old.id * 16 + 5);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 5;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 5) % 16 FROM search_index_keys WHERE key = new.id * 16 + 5);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 5;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 5 FROM external_dependencies r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 5, 'dependency', r.id, r.project_id, r.title,
           r.description || char(10) || r.provider
    FROM external_dependencies r JOIN search_index_keys k ON k.key = r.id * 16 + 5 WHERE r.id = new.id;
END;
CREATE TRIGGER search_external_dependencies_delete AFTER DELETE ON external_dependencies BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 5) % 16 FROM search_index_keys WHERE key = old.id * 16 + 5);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 5;
END;

-- meeting: meetings, with the text of their decisions
INSERT INTO search_index_keys(key) SELECT id * 16 + 6 FROM meetings ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m JOIN search_index_keys k ON k.key = m.id * 16 + 6 ORDER BY k.seq;
CREATE TRIGGER search_meetings_insert AFTER INSERT ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + ((new.id) * 16 + 6) % 16 FROM search_index_keys WHERE key = (new.id) * 16 + 6);
    DELETE FROM search_index_keys WHERE key = (new.id) * 16 + 6;
    INSERT INTO search_index_keys(key) SELECT m.id * 16 + 6 FROM meetings m WHERE m.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m JOIN search_index_keys k ON k.key = m.id * 16 + 6 WHERE m.id = new.id;
END;
CREATE TRIGGER search_meetings_update AFTER UPDATE OF project_id, title, agenda, notes ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 6) % 16 FROM search_index_keys WHERE key = old.id * 16 + 6);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 6;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + ((new.id) * 16 + 6) % 16 FROM search_index_keys WHERE key = (new.id) * 16 + 6);
    DELETE FROM search_index_keys WHERE key = (new.id) * 16 + 6;
    INSERT INTO search_index_keys(key) SELECT m.id * 16 + 6 FROM meetings m WHERE m.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m JOIN search_index_keys k ON k.key = m.id * 16 + 6 WHERE m.id = new.id;
END;
CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 6) % 16 FROM search_index_keys WHERE key = old.id * 16 + 6);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 6;
END;
-- A decision rewrites its meeting's entry. When the meeting itself is being deleted (the
-- decision goes by cascade) no meeting is found and the entry stays deleted.
CREATE TRIGGER search_meeting_decisions_insert AFTER INSERT ON meeting_decisions BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + ((new.meeting_id) * 16 + 6) % 16 FROM search_index_keys WHERE key = (new.meeting_id) * 16 + 6);
    DELETE FROM search_index_keys WHERE key = (new.meeting_id) * 16 + 6;
    INSERT INTO search_index_keys(key) SELECT m.id * 16 + 6 FROM meetings m WHERE m.id = new.meeting_id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m JOIN search_index_keys k ON k.key = m.id * 16 + 6 WHERE m.id = new.meeting_id;
END;
CREATE TRIGGER search_meeting_decisions_update AFTER UPDATE OF meeting_id, text ON meeting_decisions BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + ((old.meeting_id) * 16 + 6) % 16 FROM search_index_keys WHERE key = (old.meeting_id) * 16 + 6);
    DELETE FROM search_index_keys WHERE key = (old.meeting_id) * 16 + 6;
    INSERT INTO search_index_keys(key) SELECT m.id * 16 + 6 FROM meetings m WHERE m.id = old.meeting_id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m JOIN search_index_keys k ON k.key = m.id * 16 + 6 WHERE m.id = old.meeting_id;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + ((new.meeting_id) * 16 + 6) % 16 FROM search_index_keys WHERE key = (new.meeting_id) * 16 + 6);
    DELETE FROM search_index_keys WHERE key = (new.meeting_id) * 16 + 6;
    INSERT INTO search_index_keys(key) SELECT m.id * 16 + 6 FROM meetings m WHERE m.id = new.meeting_id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m JOIN search_index_keys k ON k.key = m.id * 16 + 6 WHERE m.id = new.meeting_id;
END;
CREATE TRIGGER search_meeting_decisions_delete AFTER DELETE ON meeting_decisions BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + ((old.meeting_id) * 16 + 6) % 16 FROM search_index_keys WHERE key = (old.meeting_id) * 16 + 6);
    DELETE FROM search_index_keys WHERE key = (old.meeting_id) * 16 + 6;
    INSERT INTO search_index_keys(key) SELECT m.id * 16 + 6 FROM meetings m WHERE m.id = old.meeting_id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 6, 'meeting', m.id, m.project_id, m.title,
           m.agenda || char(10) || m.notes || char(10) || coalesce((SELECT group_concat(d.text, char(10)) FROM meeting_decisions d WHERE d.meeting_id = m.id), '')
    FROM meetings m JOIN search_index_keys k ON k.key = m.id * 16 + 6 WHERE m.id = old.meeting_id;
END;

-- stakeholder: stakeholders
INSERT INTO search_index_keys(key) SELECT id * 16 + 7 FROM stakeholders ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 7, 'stakeholder', r.id, r.project_id, r.name,
           r.organisation || char(10) || r.role || char(10) || r.notes
    FROM stakeholders r JOIN search_index_keys k ON k.key = r.id * 16 + 7 ORDER BY k.seq;
CREATE TRIGGER search_stakeholders_insert AFTER INSERT ON stakeholders BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 7) % 16 FROM search_index_keys WHERE key = new.id * 16 + 7);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 7;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 7 FROM stakeholders r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 7, 'stakeholder', r.id, r.project_id, r.name,
           r.organisation || char(10) || r.role || char(10) || r.notes
    FROM stakeholders r JOIN search_index_keys k ON k.key = r.id * 16 + 7 WHERE r.id = new.id;
END;
CREATE TRIGGER search_stakeholders_update AFTER UPDATE OF project_id, name, organisation, role, notes ON stakeholders BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 7) % 16 FROM search_index_keys WHERE key = old.id * 16 + 7);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 7;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 7) % 16 FROM search_index_keys WHERE key = new.id * 16 + 7);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 7;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 7 FROM stakeholders r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 7, 'stakeholder', r.id, r.project_id, r.name,
           r.organisation || char(10) || r.role || char(10) || r.notes
    FROM stakeholders r JOIN search_index_keys k ON k.key = r.id * 16 + 7 WHERE r.id = new.id;
END;
CREATE TRIGGER search_stakeholders_delete AFTER DELETE ON stakeholders BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 7) % 16 FROM search_index_keys WHERE key = old.id * 16 + 7);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 7;
END;

-- lesson: lessons
INSERT INTO search_index_keys(key) SELECT id * 16 + 8 FROM lessons ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 8, 'lesson', r.id, r.project_id, r.title,
           r.what_happened || char(10) || r.impact || char(10) || r.recommendation || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM lessons r JOIN search_index_keys k ON k.key = r.id * 16 + 8 ORDER BY k.seq;
CREATE TRIGGER search_lessons_insert AFTER INSERT ON lessons BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 8) % 16 FROM search_index_keys WHERE key = new.id * 16 + 8);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 8;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 8 FROM lessons r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 8, 'lesson', r.id, r.project_id, r.title,
           r.what_happened || char(10) || r.impact || char(10) || r.recommendation || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM lessons r JOIN search_index_keys k ON k.key = r.id * 16 + 8 WHERE r.id = new.id;
END;
CREATE TRIGGER search_lessons_update AFTER UPDATE OF project_id, title, what_happened, impact, recommendation, tags ON lessons BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 8) % 16 FROM search_index_keys WHERE key = old.id * 16 + 8);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 8;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 8) % 16 FROM search_index_keys WHERE key = new.id * 16 + 8);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 8;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 8 FROM lessons r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 8, 'lesson', r.id, r.project_id, r.title,
           r.what_happened || char(10) || r.impact || char(10) || r.recommendation || char(10) || coalesce((SELECT group_concat(value, ' ') FROM json_each(r.tags)), '')
    FROM lessons r JOIN search_index_keys k ON k.key = r.id * 16 + 8 WHERE r.id = new.id;
END;
CREATE TRIGGER search_lessons_delete AFTER DELETE ON lessons BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 8) % 16 FROM search_index_keys WHERE key = old.id * 16 + 8);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 8;
END;

-- service: services
INSERT INTO search_index_keys(key) SELECT id * 16 + 9 FROM services ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 9, 'service', r.id, NULL, r.name,
           r.description
    FROM services r JOIN search_index_keys k ON k.key = r.id * 16 + 9 ORDER BY k.seq;
CREATE TRIGGER search_services_insert AFTER INSERT ON services BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 9) % 16 FROM search_index_keys WHERE key = new.id * 16 + 9);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 9;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 9 FROM services r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 9, 'service', r.id, NULL, r.name,
           r.description
    FROM services r JOIN search_index_keys k ON k.key = r.id * 16 + 9 WHERE r.id = new.id;
END;
CREATE TRIGGER search_services_update AFTER UPDATE OF name, description ON services BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 9) % 16 FROM search_index_keys WHERE key = old.id * 16 + 9);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 9;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 9) % 16 FROM search_index_keys WHERE key = new.id * 16 + 9);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 9;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 9 FROM services r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 9, 'service', r.id, NULL, r.name,
           r.description
    FROM services r JOIN search_index_keys k ON k.key = r.id * 16 + 9 WHERE r.id = new.id;
END;
CREATE TRIGGER search_services_delete AFTER DELETE ON services BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 9) % 16 FROM search_index_keys WHERE key = old.id * 16 + 9);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 9;
END;

-- incident: incidents
INSERT INTO search_index_keys(key) SELECT id * 16 + 10 FROM incidents ORDER BY id;
INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 10, 'incident', r.id, r.project_id, r.title,
           r.description
    FROM incidents r JOIN search_index_keys k ON k.key = r.id * 16 + 10 ORDER BY k.seq;
CREATE TRIGGER search_incidents_insert AFTER INSERT ON incidents BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 10) % 16 FROM search_index_keys WHERE key = new.id * 16 + 10);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 10;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 10 FROM incidents r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 10, 'incident', r.id, r.project_id, r.title,
           r.description
    FROM incidents r JOIN search_index_keys k ON k.key = r.id * 16 + 10 WHERE r.id = new.id;
END;
CREATE TRIGGER search_incidents_update AFTER UPDATE OF project_id, title, description ON incidents BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 10) % 16 FROM search_index_keys WHERE key = old.id * 16 + 10);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 10;
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (new.id * 16 + 10) % 16 FROM search_index_keys WHERE key = new.id * 16 + 10);
    DELETE FROM search_index_keys WHERE key = new.id * 16 + 10;
    INSERT INTO search_index_keys(key) SELECT r.id * 16 + 10 FROM incidents r WHERE r.id = new.id;
    INSERT INTO search_index(rowid, kind, ref_id, project_id, title, body)
    SELECT k.seq * 16 + 10, 'incident', r.id, r.project_id, r.title,
           r.description
    FROM incidents r JOIN search_index_keys k ON k.key = r.id * 16 + 10 WHERE r.id = new.id;
END;
CREATE TRIGGER search_incidents_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT seq * 16 + (old.id * 16 + 10) % 16 FROM search_index_keys WHERE key = old.id * 16 + 10);
    DELETE FROM search_index_keys WHERE key = old.id * 16 + 10;
END;
