-- Schema 11: the manager's control room. The tables the RAID log, stakeholders, meetings,
-- health, IT operations and lessons areas share, created together so each area (and My day,
-- the dashboard and search) can read the others' rows. Dates are 'YYYY-MM-DD', instants UTC
-- RFC 3339, months 'YYYY-MM'. Every id comes from the core's random ids.

-- RAID log (raid/). The risk register of schema 9 grows to its full form; SQLite cannot widen
-- a CHECK in place, so the table is rebuilt with its rows and ids kept.
CREATE TABLE risks_new (
    id                   INTEGER PRIMARY KEY,
    project_id           INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
    -- Cause → event → effect, the three parts of a well-formed risk statement.
    cause                TEXT NOT NULL DEFAULT '',
    event                TEXT NOT NULL DEFAULT '',
    effect               TEXT NOT NULL DEFAULT '',
    category             TEXT NOT NULL DEFAULT 'other',
    probability          INTEGER NOT NULL DEFAULT 3 CHECK (probability BETWEEN 1 AND 5),
    impact               INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),
    owner_id             INTEGER REFERENCES people(id) ON DELETE SET NULL,
    response             TEXT NOT NULL DEFAULT ''
                         CHECK (response IN ('', 'avoid', 'mitigate', 'transfer', 'accept', 'escalate')),
    response_plan        TEXT NOT NULL DEFAULT '',
    trigger_condition    TEXT NOT NULL DEFAULT '',
    residual_probability INTEGER CHECK (residual_probability BETWEEN 1 AND 5),
    residual_impact      INTEGER CHECK (residual_impact BETWEEN 1 AND 5),
    review_date          TEXT,
    status               TEXT NOT NULL DEFAULT 'open'
                         CHECK (status IN ('open', 'monitoring', 'occurred', 'closed')),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL DEFAULT '',
    seq                  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO risks_new(id, project_id, title, category, probability, impact, status, created_at, updated_at, seq)
    SELECT id, project_id, title, category, probability, impact, status, created_at, created_at, seq FROM risks;
DROP TABLE risks;
ALTER TABLE risks_new RENAME TO risks;
CREATE INDEX risks_by_project ON risks(project_id, seq);

-- A risk's response actions are work items.
CREATE TABLE risk_actions (
    id      INTEGER PRIMARY KEY,
    risk_id INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    UNIQUE (risk_id, item_id)
);
CREATE INDEX risk_actions_by_item ON risk_actions(item_id);

-- The issue log (named raid_issues: "issues" would be read as bugs on the board).
CREATE TABLE raid_issues (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT '',
    priority    TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    owner_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    raised_on   TEXT NOT NULL,
    due_date    TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    resolution  TEXT NOT NULL DEFAULT '',
    -- The risk this issue is (a risk that occurred).
    risk_id     INTEGER REFERENCES risks(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    seq         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX raid_issues_by_project ON raid_issues(project_id, seq);

CREATE TABLE assumptions (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT '',
    owner_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    validate_by TEXT,
    status      TEXT NOT NULL DEFAULT 'unvalidated' CHECK (status IN ('unvalidated', 'valid', 'invalid')),
    created_at  TEXT NOT NULL,
    seq         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assumptions_by_project ON assumptions(project_id, seq);

-- Something the project needs from outside it (a vendor, another team): who provides it, who
-- chases it, when it is needed, and the work item that waits for it.
CREATE TABLE external_dependencies (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT '',
    provider    TEXT NOT NULL DEFAULT '',
    owner_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    needed_by   TEXT,
    item_id     INTEGER REFERENCES work_items(id) ON DELETE SET NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'delivered', 'cancelled')),
    created_at  TEXT NOT NULL,
    seq         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX external_dependencies_by_project ON external_dependencies(project_id, seq);

-- Stakeholders (stakeholders/). Power and interest on a 1–10 scale so the grid can place them
-- finely; attitude on the engagement scale unaware → resistant → neutral → supportive → leading.
CREATE TABLE stakeholders (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation     TEXT NOT NULL DEFAULT '',
    role             TEXT NOT NULL DEFAULT '',
    contact          TEXT NOT NULL DEFAULT '',
    power            INTEGER NOT NULL DEFAULT 5 CHECK (power BETWEEN 1 AND 10),
    interest         INTEGER NOT NULL DEFAULT 5 CHECK (interest BETWEEN 1 AND 10),
    current_attitude TEXT NOT NULL DEFAULT 'neutral'
                     CHECK (current_attitude IN ('unaware', 'resistant', 'neutral', 'supportive', 'leading')),
    desired_attitude TEXT NOT NULL DEFAULT 'supportive'
                     CHECK (desired_attitude IN ('unaware', 'resistant', 'neutral', 'supportive', 'leading')),
    -- The workspace person this stakeholder is, when they are one.
    person_id        INTEGER REFERENCES people(id) ON DELETE SET NULL,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    seq              INTEGER NOT NULL DEFAULT 0,
    UNIQUE (project_id, name)
);

-- The communication plan: what goes to whom, how often, by which channel, by whom; a
-- communication is due one period after it was last sent (or on its first date).
CREATE TABLE communications (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    what           TEXT NOT NULL CHECK (length(trim(what)) > 0),
    audience       TEXT NOT NULL DEFAULT '',
    stakeholder_id INTEGER REFERENCES stakeholders(id) ON DELETE SET NULL,
    frequency      TEXT NOT NULL DEFAULT 'weekly'
                   CHECK (frequency IN ('daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'per_phase', 'ad_hoc')),
    channel        TEXT NOT NULL DEFAULT '',
    owner_id       INTEGER REFERENCES people(id) ON DELETE SET NULL,
    first_due      TEXT NOT NULL,
    last_sent      TEXT,
    created_at     TEXT NOT NULL,
    seq            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX communications_by_project ON communications(project_id, seq);

-- RACI: a person or a stakeholder against a deliverable or a phase. At most one Accountable per
-- row is enforced here as well as in the core, so no path can store two.
CREATE TABLE raci_assignments (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    deliverable_id INTEGER REFERENCES deliverables(id) ON DELETE CASCADE,
    phase          TEXT CHECK (phase IN ('initiate', 'plan', 'execute', 'monitor', 'close')),
    person_id      INTEGER REFERENCES people(id) ON DELETE CASCADE,
    stakeholder_id INTEGER REFERENCES stakeholders(id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
    CHECK ((deliverable_id IS NULL) <> (phase IS NULL)),
    CHECK ((person_id IS NULL) <> (stakeholder_id IS NULL))
);
CREATE UNIQUE INDEX raci_one_cell ON raci_assignments(
    project_id, coalesce(deliverable_id, 0), coalesce(phase, ''), coalesce(person_id, 0), coalesce(stakeholder_id, 0));
CREATE UNIQUE INDEX raci_one_accountable ON raci_assignments(
    project_id, coalesce(deliverable_id, 0), coalesce(phase, '')) WHERE role = 'A';

-- Meetings (meetings/). Action items are work items (owner = assignee, due = due date).
CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL DEFAULT 'status'
                     CHECK (kind IN ('status', 'standup', 'steering', 'retrospective', 'other')),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    day              TEXT NOT NULL,
    start_time       TEXT,
    duration_minutes INTEGER NOT NULL DEFAULT 30 CHECK (duration_minutes BETWEEN 1 AND 1440),
    location         TEXT NOT NULL DEFAULT '',
    agenda           TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
);
CREATE INDEX meetings_by_project ON meetings(project_id, day);
CREATE INDEX meetings_by_day ON meetings(day);

CREATE TABLE meeting_attendees (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id      INTEGER REFERENCES people(id) ON DELETE CASCADE,
    stakeholder_id INTEGER REFERENCES stakeholders(id) ON DELETE CASCADE,
    attended       INTEGER NOT NULL DEFAULT 1 CHECK (attended IN (0, 1)),
    CHECK ((person_id IS NULL) <> (stakeholder_id IS NULL))
);
CREATE UNIQUE INDEX meeting_attendees_once ON meeting_attendees(
    meeting_id, coalesce(person_id, 0), coalesce(stakeholder_id, 0));

CREATE TABLE meeting_decisions (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    seq        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE meeting_actions (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id    INTEGER NOT NULL UNIQUE REFERENCES work_items(id) ON DELETE CASCADE
);

-- Why a work item cannot move ('' = not blocked); the stand-up lists blocked work.
ALTER TABLE work_items ADD COLUMN blocked_reason TEXT NOT NULL DEFAULT '';

-- Workspace settings by key (health thresholds and the like); a missing key means the default.
CREATE TABLE settings (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
);

-- Health (health/): a manager's override of one area's computed rating, with the reason.
CREATE TABLE health_overrides (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    area       TEXT NOT NULL CHECK (area IN ('scope', 'schedule', 'budget', 'risk', 'overall')),
    rag        TEXT NOT NULL CHECK (rag IN ('green', 'amber', 'red')),
    comment    TEXT NOT NULL CHECK (length(trim(comment)) > 0),
    set_by     TEXT NOT NULL DEFAULT '',
    set_at     TEXT NOT NULL,
    UNIQUE (project_id, area)
);

-- A dated status snapshot: the ratings (computed, or overridden) and their reasons that day.
CREATE TABLE status_snapshots (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    taken_on   TEXT NOT NULL,
    scope      TEXT NOT NULL CHECK (scope IN ('green', 'amber', 'red')),
    schedule   TEXT NOT NULL CHECK (schedule IN ('green', 'amber', 'red')),
    budget     TEXT NOT NULL CHECK (budget IN ('green', 'amber', 'red')),
    risk       TEXT NOT NULL CHECK (risk IN ('green', 'amber', 'red')),
    overall    TEXT NOT NULL CHECK (overall IN ('green', 'amber', 'red')),
    -- {"scope": ["..."], "schedule": [...], ...}
    reasons    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reasons)),
    spi        REAL,
    cpi        REAL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (project_id, taken_on)
);

-- IT operations (operations/): services the IT department runs, their SLAs and how they did.
CREATE TABLE services (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description         TEXT NOT NULL DEFAULT '',
    owner_id            INTEGER REFERENCES people(id) ON DELETE SET NULL,
    -- Percent, e.g. 99.9.
    availability_target REAL NOT NULL DEFAULT 99.5 CHECK (availability_target > 0 AND availability_target <= 100),
    -- Mean user-satisfaction score to reach, on a 1–5 scale.
    satisfaction_target REAL NOT NULL DEFAULT 4.0 CHECK (satisfaction_target BETWEEN 1 AND 5),
    created_at          TEXT NOT NULL,
    seq                 INTEGER NOT NULL DEFAULT 0
);

-- Response and resolution targets by incident severity (1 = critical … 4 = low).
CREATE TABLE sla_targets (
    id                 INTEGER PRIMARY KEY,
    service_id         INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    severity           INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    response_minutes   INTEGER NOT NULL CHECK (response_minutes > 0),
    resolution_minutes INTEGER NOT NULL CHECK (resolution_minutes > 0),
    UNIQUE (service_id, severity)
);

-- Availability as measured (by monitoring) for a month.
CREATE TABLE service_availability (
    id           INTEGER PRIMARY KEY,
    service_id   INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    month        TEXT NOT NULL,
    availability REAL NOT NULL CHECK (availability BETWEEN 0 AND 100),
    UNIQUE (service_id, month)
);

CREATE TABLE incidents (
    id           INTEGER PRIMARY KEY,
    service_id   INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    severity     INTEGER NOT NULL DEFAULT 3 CHECK (severity BETWEEN 1 AND 4),
    started_at   TEXT NOT NULL,
    responded_at TEXT,
    resolved_at  TEXT,
    -- The service was down (counts against availability), not merely degraded.
    outage       INTEGER NOT NULL DEFAULT 0 CHECK (outage IN (0, 1)),
    -- The project whose change caused it, when one did.
    project_id   INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    CHECK (responded_at IS NULL OR responded_at >= started_at),
    CHECK (resolved_at IS NULL OR resolved_at >= started_at)
);
CREATE INDEX incidents_by_service ON incidents(service_id, started_at);

CREATE TABLE satisfaction_scores (
    id         INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    month      TEXT NOT NULL,
    score      REAL NOT NULL CHECK (score BETWEEN 1 AND 5),
    responses  INTEGER NOT NULL DEFAULT 0 CHECK (responses >= 0),
    UNIQUE (service_id, month)
);

-- A project that changes a service (the ERP migration changes the ERP service).
CREATE TABLE service_projects (
    id         INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    note       TEXT NOT NULL DEFAULT '',
    UNIQUE (service_id, project_id)
);
CREATE INDEX service_projects_by_project ON service_projects(project_id);

-- Lessons learned (lessons/), kept across projects: a deleted project leaves its lessons.
CREATE TABLE lessons (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    -- The project's name when recorded, so a lesson still says where it came from.
    project_name   TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    what_happened  TEXT NOT NULL DEFAULT '',
    impact         TEXT NOT NULL DEFAULT '',
    recommendation TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT 'improve' CHECK (kind IN ('went_well', 'improve')),
    phase          TEXT CHECK (phase IN ('initiate', 'plan', 'execute', 'monitor', 'close')),
    tags           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    recorded_by    TEXT NOT NULL DEFAULT '',
    recorded_on    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    seq            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lessons_by_project ON lessons(project_id);
