-- Schema 3: baselines, snapshots of a project's schedule to compare the current plan with.
CREATE TABLE baselines (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name       TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    saved_at   TEXT NOT NULL,
    UNIQUE (project_id, name)
);

-- start and finish are local date-times; duration in working minutes.
CREATE TABLE baseline_tasks (
    id               INTEGER PRIMARY KEY,
    baseline_id      INTEGER NOT NULL REFERENCES baselines(id) ON DELETE CASCADE,
    item_id          INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    start            TEXT NOT NULL,
    finish           TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    UNIQUE (baseline_id, item_id)
);
CREATE INDEX baseline_tasks_by_item ON baseline_tasks(item_id);
