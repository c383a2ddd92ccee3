-- Schema 7: the time of day a project starts (HH:MM), as a Microsoft Project file gives it.
-- Without one the project starts at the beginning of its first working day.
ALTER TABLE projects ADD COLUMN start_time TEXT
    CHECK (start_time IS NULL OR (length(start_time) = 5 AND start_time GLOB '[0-2][0-9]:[0-5][0-9]'));
