-- Schema 5: people as resources of the schedule. A person may work on a calendar of their own
-- (a part-timer, a contractor); their hourly cost rate and a task's fixed cost let summary tasks
-- roll up cost as well as work (a work item's estimate_hours). Money is in minor units of the
-- workspace currency.
ALTER TABLE people ADD COLUMN calendar_id INTEGER REFERENCES calendars(id) ON DELETE SET NULL;
ALTER TABLE people ADD COLUMN cost_rate_minor INTEGER NOT NULL DEFAULT 0 CHECK (cost_rate_minor >= 0);
ALTER TABLE work_items ADD COLUMN fixed_cost_minor INTEGER NOT NULL DEFAULT 0 CHECK (fixed_cost_minor >= 0);
INSERT OR IGNORE INTO workspace_meta(key, value) VALUES ('currency', 'EUR');
