//! Resources: people as resources of the schedule (role, rate, weekly capacity, calendar) and
//! equipment, hardware and licences (counted things with a unit cost and a window when they are
//! available); their assignments to tasks; the weekly utilisation heat map; and levelling,
//! which delays non-critical work within its float to resolve over-allocations.
//! The rules are in docs/resources.md.

pub mod assignments;
pub(crate) mod demo;
pub mod equipment;
pub mod levelling;
pub mod people;
pub mod utilisation;

pub use demo::add_load_test_resources;
