//! Agile: sprints with their backlog, burndown and velocity, and Kanban flow.

pub mod flow;
pub mod sprints;
