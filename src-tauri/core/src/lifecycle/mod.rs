//! Lifecycle and governance: each project's phase and framework, the phase checklist (ticked
//! from the data where the data proves it, by hand otherwise), phase moves, project types as
//! templates, and the portfolio of all projects. Rules and data in docs/lifecycle.md.

pub mod checklist;
pub(crate) mod demo;
pub mod phases;
pub mod portfolio;
pub mod templates;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Result};

/// The five phases every project goes through, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    Initiate,
    Plan,
    Execute,
    Monitor,
    Close,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Initiate,
        Phase::Plan,
        Phase::Execute,
        Phase::Monitor,
        Phase::Close,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Initiate => "initiate",
            Phase::Plan => "plan",
            Phase::Execute => "execute",
            Phase::Monitor => "monitor",
            Phase::Close => "close",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::Initiate => "Initiate",
            Phase::Plan => "Plan",
            Phase::Execute => "Execute",
            Phase::Monitor => "Monitor",
            Phase::Close => "Close",
        }
    }

    pub fn parse(text: &str) -> Result<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == text).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "\"{text}\" is not a phase (initiate, plan, execute, monitor, close)."
            ))
        })
    }

    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self as usize + 1).copied()
    }
}

/// The governance framework whose checklist a project follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Framework {
    Pmbok,
    Prince2,
    Agile,
    Itil,
}

impl Framework {
    pub const ALL: [Framework; 4] = [Framework::Pmbok, Framework::Prince2, Framework::Agile, Framework::Itil];

    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Pmbok => "pmbok",
            Framework::Prince2 => "prince2",
            Framework::Agile => "agile",
            Framework::Itil => "itil",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Framework::Pmbok => "PMBOK",
            Framework::Prince2 => "PRINCE2",
            Framework::Agile => "Agile / Scrum",
            Framework::Itil => "ITIL change",
        }
    }

    pub fn parse(text: &str) -> Result<Framework> {
        Framework::ALL.into_iter().find(|f| f.as_str() == text).ok_or_else(|| {
            CoreError::InvalidInput(format!("\"{text}\" is not a framework (pmbok, prince2, agile, itil)."))
        })
    }
}
