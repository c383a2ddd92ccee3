-- Schema 9: project controls. The tables the lifecycle, scope, budget, resources and time areas
-- share, created together so each area can read the others' rows. Money is integer minor units
-- of the workspace currency (workspace_meta 'currency'); calendar dates are 'YYYY-MM-DD',
-- instants UTC RFC 3339. Every id comes from the core's random ids.

-- Lifecycle and governance (lifecycle/).
ALTER TABLE projects ADD COLUMN phase TEXT NOT NULL DEFAULT 'initiate'
    CHECK (phase IN ('initiate', 'plan', 'execute', 'monitor', 'close'));
ALTER TABLE projects ADD COLUMN framework TEXT NOT NULL DEFAULT 'pmbok'
    CHECK (framework IN ('pmbok', 'prince2', 'agile', 'itil'));
-- The template key the project was made from ('' when none).
ALTER TABLE projects ADD COLUMN project_type TEXT NOT NULL DEFAULT '';

-- Risks: the register grows with the RAID log; project templates seed typical risks now.
CREATE TABLE risks (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    category    TEXT NOT NULL DEFAULT 'other',
    probability INTEGER NOT NULL DEFAULT 3 CHECK (probability BETWEEN 1 AND 5),
    impact      INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at  TEXT NOT NULL,
    seq         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX risks_by_project ON risks(project_id, seq);

-- Scope and change control (scope/).
CREATE TABLE objectives (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    position   REAL NOT NULL
);
CREATE INDEX objectives_by_project ON objectives(project_id, position);

CREATE TABLE deliverables (
    id                  INTEGER PRIMARY KEY,
    project_id          INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    acceptance_criteria TEXT NOT NULL DEFAULT '',
    acceptance          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (acceptance IN ('pending', 'accepted', 'rejected')),
    -- The work item that produces it, if any.
    item_id             INTEGER REFERENCES work_items(id) ON DELETE SET NULL,
    due_date            TEXT,
    position            REAL NOT NULL
);
CREATE INDEX deliverables_by_project ON deliverables(project_id, position);

-- In-scope (in_scope = 1) and out-of-scope (0) statements.
CREATE TABLE scope_items (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    in_scope   INTEGER NOT NULL CHECK (in_scope IN (0, 1)),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    position   REAL NOT NULL
);
CREATE INDEX scope_items_by_project ON scope_items(project_id, in_scope, position);

CREATE TABLE change_requests (
    id                   INTEGER PRIMARY KEY,
    project_id           INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    -- CR-1, CR-2, ... per project.
    number               INTEGER NOT NULL,
    title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description          TEXT NOT NULL DEFAULT '',
    requester            TEXT NOT NULL DEFAULT '',
    schedule_impact_days INTEGER NOT NULL DEFAULT 0,
    cost_impact_minor    INTEGER NOT NULL DEFAULT 0,
    risk_impact          TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'proposed'
                         CHECK (status IN ('proposed', 'approved', 'rejected', 'implemented')),
    decision             TEXT NOT NULL DEFAULT '',
    decided_by           TEXT NOT NULL DEFAULT '',
    decided_on           TEXT,
    raised_on            TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    UNIQUE (project_id, number)
);

-- What an implemented change did to the plan: a task it added or moved.
CREATE TABLE change_links (
    id        INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL REFERENCES change_requests(id) ON DELETE CASCADE,
    item_id   INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    action    TEXT NOT NULL CHECK (action IN ('added', 'moved', 'changed')),
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_links_by_change ON change_links(change_id);
CREATE INDEX change_links_by_item ON change_links(item_id);

-- Budget and cost (budget/). Categories: staff, contractors, hardware, software, cloud,
-- services, other. A period is a calendar month 'YYYY-MM'.
CREATE TABLE budget_lines (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    category     TEXT NOT NULL CHECK (category IN
                 ('staff', 'contractors', 'hardware', 'software', 'cloud', 'services', 'other')),
    period       TEXT NOT NULL CHECK (length(period) = 7),
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    UNIQUE (project_id, category, period)
);

CREATE TABLE cost_entries (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    category     TEXT NOT NULL CHECK (category IN
                 ('staff', 'contractors', 'hardware', 'software', 'cloud', 'services', 'other')),
    day          TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    description  TEXT NOT NULL DEFAULT '',
    item_id      INTEGER REFERENCES work_items(id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    seq          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cost_entries_by_project ON cost_entries(project_id, day);

-- Earned value needs what each task was budgeted to cost when the baseline was saved.
ALTER TABLE baseline_tasks ADD COLUMN cost_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE baseline_tasks ADD COLUMN work_minutes INTEGER NOT NULL DEFAULT 0;

-- Resources (resources/): people are resources with a weekly capacity; equipment, hardware
-- and licences are counted things with a unit cost and a window when they are available.
ALTER TABLE people ADD COLUMN capacity_minutes_per_week INTEGER NOT NULL DEFAULT 2400
    CHECK (capacity_minutes_per_week BETWEEN 0 AND 10080);

CREATE TABLE equipment (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    kind            TEXT NOT NULL CHECK (kind IN ('equipment', 'hardware', 'licence')),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit_cost_minor INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost_minor >= 0),
    available_from  TEXT,
    available_to    TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    CHECK (available_from IS NULL OR available_to IS NULL OR available_to >= available_from)
);

-- A person (units 1.0 = full time) or equipment (units = how many) on a task.
CREATE TABLE assignments (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES people(id) ON DELETE CASCADE,
    equipment_id INTEGER REFERENCES equipment(id) ON DELETE CASCADE,
    units        REAL NOT NULL CHECK (units > 0 AND units <= 1000),
    CHECK ((person_id IS NULL) <> (equipment_id IS NULL))
);
CREATE UNIQUE INDEX assignments_person ON assignments(item_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX assignments_equipment ON assignments(item_id, equipment_id) WHERE equipment_id IS NOT NULL;
CREATE INDEX assignments_by_person ON assignments(person_id);
CREATE INDEX assignments_by_equipment ON assignments(equipment_id);

-- Levelling delays a task by working minutes after its early start, like Microsoft Project's
-- leveling delay, so clearing it gives the plan back.
ALTER TABLE work_items ADD COLUMN leveling_delay_minutes INTEGER NOT NULL DEFAULT 0
    CHECK (leveling_delay_minutes >= 0);

-- Time tracking (time/).
CREATE TABLE time_entries (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    minutes    INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX time_entries_by_item ON time_entries(item_id, day);
CREATE INDEX time_entries_by_person ON time_entries(person_id, day);

-- A running start/stop timer: at most one per person.
CREATE TABLE timers (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
    item_id    INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL
);

-- Remaining work as the person doing it last estimated it (hours); NULL = estimate − logged.
ALTER TABLE work_items ADD COLUMN remaining_hours REAL CHECK (remaining_hours IS NULL OR remaining_hours >= 0);
