-- Schema 2: working calendars, the WBS outline and scheduling fields of work items, and the
-- dependencies between them.

-- A calendar's week: seven arrays (Monday first) of [start, end] minutes after midnight.
CREATE TABLE calendars (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    week TEXT NOT NULL CHECK (json_valid(week) AND json_array_length(week) = 7)
);

-- A date whose working time differs from the week's: no spans is a holiday.
CREATE TABLE calendar_exceptions (
    id          INTEGER PRIMARY KEY,
    calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    spans       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(spans)),
    UNIQUE (calendar_id, day)
);

INSERT INTO calendars (id, name, week) VALUES (1, 'Standard',
    '[[[480,720],[780,1020]],[[480,720],[780,1020]],[[480,720],[780,1020]],[[480,720],[780,1020]],[[480,720],[780,1020]],[],[]]');

ALTER TABLE projects ADD COLUMN calendar_id INTEGER REFERENCES calendars(id);
-- Constraint dates win over links (otherwise links win and the conflict shows as float).
ALTER TABLE projects ADD COLUMN honor_constraints INTEGER NOT NULL DEFAULT 1;

-- The WBS outline: a summary task is a work item with children.
ALTER TABLE work_items ADD COLUMN parent_id INTEGER REFERENCES work_items(id) ON DELETE CASCADE;
ALTER TABLE work_items ADD COLUMN outline_position REAL NOT NULL DEFAULT 0;
-- Working minutes; NULL is one day (480) until someone plans it.
ALTER TABLE work_items ADD COLUMN duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0);
ALTER TABLE work_items ADD COLUMN calendar_id INTEGER REFERENCES calendars(id) ON DELETE SET NULL;
ALTER TABLE work_items ADD COLUMN constraint_type TEXT NOT NULL DEFAULT 'asap'
    CHECK (constraint_type IN ('asap', 'snet', 'snlt', 'fnet', 'fnlt', 'mso', 'mfo'));
ALTER TABLE work_items ADD COLUMN constraint_date TEXT;
ALTER TABLE work_items ADD COLUMN actual_start TEXT;
ALTER TABLE work_items ADD COLUMN actual_finish TEXT;
ALTER TABLE work_items ADD COLUMN percent_complete REAL NOT NULL DEFAULT 0
    CHECK (percent_complete >= 0 AND percent_complete <= 100);
CREATE INDEX work_items_by_parent ON work_items(parent_id, outline_position);

-- kind: fs, ss, ff, sf. The lag is lag_percent of the predecessor's duration when set, else
-- lag_minutes of working time; negative is a lead.
CREATE TABLE dependencies (
    id             INTEGER PRIMARY KEY,
    predecessor_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    successor_id   INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL DEFAULT 'fs' CHECK (kind IN ('fs', 'ss', 'ff', 'sf')),
    lag_minutes    INTEGER NOT NULL DEFAULT 0,
    lag_percent    REAL,
    CHECK (predecessor_id <> successor_id),
    UNIQUE (predecessor_id, successor_id)
);
CREATE INDEX dependencies_by_successor ON dependencies(successor_id);
