-- Schema 1: workspace metadata, people, projects with their board statuses, work items.
CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE projects (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    methodology TEXT NOT NULL CHECK (methodology IN ('kanban', 'scrum', 'waterfall', 'hybrid')),
    start_date  TEXT,
    finish_date TEXT,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (start_date IS NULL OR finish_date IS NULL OR finish_date >= start_date)
);

-- A project's workflow statuses; the board shows one column per status, in position order.
CREATE TABLE statuses (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name       TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    category   TEXT NOT NULL CHECK (category IN ('todo', 'in_progress', 'done')),
    position   INTEGER NOT NULL,
    wip_limit  INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
    UNIQUE (project_id, name)
);
CREATE INDEX statuses_by_project ON statuses(project_id, position);

CREATE TABLE work_items (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    status_id      INTEGER NOT NULL REFERENCES statuses(id),
    rank           REAL NOT NULL,
    item_type      TEXT NOT NULL
                   CHECK (item_type IN ('task', 'story', 'bug', 'epic', 'milestone', 'deliverable')),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description    TEXT NOT NULL DEFAULT '',
    assignee_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    estimate_hours REAL CHECK (estimate_hours IS NULL OR estimate_hours >= 0),
    story_points   REAL CHECK (story_points IS NULL OR story_points >= 0),
    priority       TEXT NOT NULL DEFAULT 'medium'
                   CHECK (priority IN ('lowest', 'low', 'medium', 'high', 'highest')),
    tags           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    due_date       TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX work_items_by_status ON work_items(status_id, rank);
CREATE INDEX work_items_by_project ON work_items(project_id);
CREATE INDEX work_items_by_assignee ON work_items(assignee_id);
