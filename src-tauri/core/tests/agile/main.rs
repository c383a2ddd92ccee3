//! The agile area: Scrum sprints and Kanban flow.

mod flow;
mod sprints;
