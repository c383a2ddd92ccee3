-- Schema 6: career skills. Role frameworks are data (imported from JSON, editable); people
-- assess themselves against them over time, collect evidence, hold certifications and plan
-- their development.

-- A group of skills: a side of the PMI Talent Triangle or an IT area.
CREATE TABLE skill_areas (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    grp      TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

-- levels: a JSON array of five texts, the observable criteria of levels 1 (aware) … 5 (expert).
-- focus: one of the skills an IT manager moving into project management most needs.
CREATE TABLE skills (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    area_id     INTEGER NOT NULL REFERENCES skill_areas(id) ON DELETE CASCADE,
    description TEXT NOT NULL DEFAULT '',
    levels      TEXT NOT NULL CHECK (json_valid(levels) AND json_array_length(levels) = 5),
    focus       INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL DEFAULT 0
);

-- A role (IT Project Manager, Scrum Master …) and the level it expects in each of its skills.
CREATE TABLE role_frameworks (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE role_skills (
    id       INTEGER PRIMARY KEY,
    role_id  INTEGER NOT NULL REFERENCES role_frameworks(id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    level    INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    UNIQUE (role_id, skill_id)
);

-- Who manages a project: evidence from the project's controls (baselines, sprints, WIP limits)
-- is suggested for them.
ALTER TABLE projects ADD COLUMN manager_id INTEGER REFERENCES people(id) ON DELETE SET NULL;

ALTER TABLE people ADD COLUMN current_role_id INTEGER REFERENCES role_frameworks(id) ON DELETE SET NULL;
ALTER TABLE people ADD COLUMN target_role_id INTEGER REFERENCES role_frameworks(id) ON DELETE SET NULL;
ALTER TABLE people ADD COLUMN skill_notes TEXT NOT NULL DEFAULT '';

-- Every assessment ever made, dated; a person's level is the latest of each kind.
CREATE TABLE assessments (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id    INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('self', 'manager')),
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    assessed_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessments_by_person ON assessments(person_id, skill_id, kind, assessed_on);

-- A person's own target for a skill, over the one their target role expects.
CREATE TABLE skill_targets (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    UNIQUE (person_id, skill_id)
);

-- Evidence of a skill: suggested from the workspace by a rule (source_kind/source_id name the
-- item, sprint, baseline or project it came from) and accepted or rejected, or added by hand.
CREATE TABLE skill_evidence (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id    INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    rule        TEXT,
    source_kind TEXT,
    source_id   INTEGER,
    title       TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL CHECK (state IN ('accepted', 'rejected')),
    occurred_on TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    UNIQUE (person_id, skill_id, rule, source_kind, source_id)
);

-- A certification a person holds or is working towards. eligibility: JSON array of the keys of
-- the checklist items met.
CREATE TABLE person_certifications (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    cert_key    TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'studying', 'exam_booked', 'passed', 'failed', 'expired')),
    exam_date   TEXT,
    result      TEXT NOT NULL DEFAULT '',
    earned_on   TEXT,
    eligibility TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(eligibility)),
    notes       TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, cert_key)
);

-- Continuing-education units (PDUs, SEUs, CPD points) logged against a certification.
CREATE TABLE education_units (
    id                       INTEGER PRIMARY KEY,
    person_certification_id  INTEGER NOT NULL REFERENCES person_certifications(id) ON DELETE CASCADE,
    earned_on                TEXT NOT NULL,
    category                 TEXT NOT NULL,
    units                    REAL NOT NULL CHECK (units > 0),
    activity                 TEXT NOT NULL CHECK (length(trim(activity)) > 0)
);

-- Development plan: goals (a skill to a level by a date) and the learning that gets there.
CREATE TABLE development_goals (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    skill_id     INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
    target_level INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),
    due_date     TEXT NOT NULL,
    created_on   TEXT NOT NULL,
    done_on      TEXT
);

CREATE TABLE learning_activities (
    id       INTEGER PRIMARY KEY,
    goal_id  INTEGER NOT NULL REFERENCES development_goals(id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('course', 'book', 'mentoring', 'stretch', 'other')),
    title    TEXT NOT NULL CHECK (length(trim(title)) > 0),
    item_id  INTEGER REFERENCES work_items(id) ON DELETE SET NULL,
    hours    REAL CHECK (hours IS NULL OR hours >= 0),
    done_on  TEXT
);
