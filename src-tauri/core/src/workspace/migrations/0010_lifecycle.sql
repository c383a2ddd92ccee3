-- Schema 10: lifecycle and governance (lifecycle/). What the data cannot prove is ticked by
-- hand; each phase move is kept; project types are templates the user can edit.

-- A checklist item ticked by hand: who and when. The key is the item's key in
-- lifecycle/data/checklists.json, or 'extra-<id>' for a project's extra item.
CREATE TABLE checklist_ticks (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    item_key   TEXT NOT NULL,
    ticked_by  TEXT NOT NULL,
    ticked_at  TEXT NOT NULL,
    UNIQUE (project_id, item_key)
);

-- Checklist items a project got from its template, beyond its framework's own.
CREATE TABLE checklist_extras (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    phase      TEXT NOT NULL CHECK (phase IN ('initiate', 'plan', 'execute', 'monitor', 'close')),
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    position   INTEGER NOT NULL
);
CREATE INDEX checklist_extras_by_project ON checklist_extras(project_id, phase, position);

-- Each move from one phase to another, with the checklist items still open at the time.
CREATE TABLE phase_history (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    from_phase TEXT NOT NULL,
    to_phase   TEXT NOT NULL,
    actor      TEXT NOT NULL,
    moved_at   TEXT NOT NULL,
    open_items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(open_items)),
    seq        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX phase_history_by_project ON phase_history(project_id, seq);

-- Project types: one template per row, its body the JSON of lifecycle/data/templates.json's
-- entries (docs/lifecycle.md). The built-in ones are seeded by this migration.
CREATE TABLE project_templates (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    body     TEXT NOT NULL CHECK (json_valid(body)),
    position INTEGER NOT NULL
);
