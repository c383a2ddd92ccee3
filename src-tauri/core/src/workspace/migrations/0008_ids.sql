-- Schema 8: ids that two copies of a workspace can share. New rows get random ids (ids.rs), so
-- an id no longer tells the order rows were recorded in; `seq` does, where that order matters
-- (the latest status change or assessment of a day, lists shown in the order they were added).
-- Existing rows keep their ids; their seq is that old sequential id, so their order stays.
-- The workspace UUID and this copy's site id are added to workspace_meta by the code.
ALTER TABLE status_changes ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE status_changes SET seq = id;
CREATE INDEX status_changes_by_seq ON status_changes(seq);

ALTER TABLE assessments ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE assessments SET seq = id;
CREATE INDEX assessments_by_seq ON assessments(seq);

ALTER TABLE learning_activities ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE learning_activities SET seq = id;
CREATE INDEX learning_activities_by_seq ON learning_activities(seq);

ALTER TABLE education_units ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE education_units SET seq = id;
CREATE INDEX education_units_by_seq ON education_units(seq);

ALTER TABLE baselines ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE baselines SET seq = id;
CREATE INDEX baselines_by_seq ON baselines(seq);

ALTER TABLE dependencies ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE dependencies SET seq = id;
CREATE INDEX dependencies_by_seq ON dependencies(seq);
