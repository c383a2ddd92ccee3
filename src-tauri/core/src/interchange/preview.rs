//! What every importer shows before it writes, and every exporter reports after: the rows it will
//! create, and what the other format holds (or cannot hold) that will not survive the trip.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many rows of one kind an import will create ("work items", 42).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreateCount {
    pub what: String,
    pub count: usize,
}

/// An import read but not yet written: shown to the user, who confirms or cancels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    /// The format, as a user names it: "Trello board", "Jira CSV", "Microsoft Project XML".
    pub format: String,
    /// The project the rows land in (a new one's name, or the existing one's).
    pub project: String,
    pub creates: Vec<CreateCount>,
    /// Things the file holds that Bridgeplan does not keep, one sentence each, with counts.
    pub not_kept: Vec<String>,
    /// Rows left out on purpose ("4 archived cards skipped"), one sentence each.
    pub skipped: Vec<String>,
}

impl ImportPreview {
    pub fn new(format: &str, project: &str) -> ImportPreview {
        ImportPreview {
            format: format.into(),
            project: project.into(),
            ..ImportPreview::default()
        }
    }

    /// Counts `count` rows of `what`; kinds with none are left out of the list.
    pub fn creates(&mut self, what: &str, count: usize) {
        if count > 0 {
            self.creates.push(CreateCount {
                what: what.into(),
                count,
            });
        }
    }
}

/// What an export wrote, and what the target format could not hold (never dropped silently).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub format: String,
    pub written: Vec<CreateCount>,
    pub not_kept: Vec<String>,
}
