-- Schema 4: the history of item statuses (cumulative flow, cycle and lead time, burndown) and
-- Scrum sprints with a ranked product backlog.

-- One row each time an item enters a status: created in it, or moved to it. The category is
-- kept as it was then, so renaming or re-categorising a column later keeps the history true.
CREATE TABLE status_changes (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    status_id INTEGER REFERENCES statuses(id) ON DELETE SET NULL,
    category  TEXT NOT NULL CHECK (category IN ('todo', 'in_progress', 'done')),
    at        TEXT NOT NULL
);
CREATE INDEX status_changes_by_item ON status_changes(item_id, at);
INSERT INTO status_changes(item_id, status_id, category, at)
    SELECT w.id, w.status_id, s.category, w.created_at FROM work_items w JOIN statuses s ON s.id = w.status_id;

CREATE TABLE sprints (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name            TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    goal            TEXT NOT NULL DEFAULT '',
    start_date      TEXT NOT NULL,
    finish_date     TEXT NOT NULL,
    capacity_points REAL CHECK (capacity_points IS NULL OR capacity_points >= 0),
    review_notes    TEXT NOT NULL DEFAULT '',
    retro_notes     TEXT NOT NULL DEFAULT '',
    UNIQUE (project_id, name),
    CHECK (finish_date >= start_date)
);

ALTER TABLE work_items ADD COLUMN sprint_id INTEGER REFERENCES sprints(id) ON DELETE SET NULL;
-- Order of the product backlog (items in no sprint); NULL sorts after every ranked item.
ALTER TABLE work_items ADD COLUMN backlog_rank REAL;
CREATE INDEX work_items_by_sprint ON work_items(sprint_id);
