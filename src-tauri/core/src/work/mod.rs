//! Work: projects, their statuses (board columns), work items and the board.

pub mod board;
pub mod items;
pub mod projects;
pub mod statuses;
