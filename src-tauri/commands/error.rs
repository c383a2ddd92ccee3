use bridgeplan_core::{CoreError, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

/// What a failed command sends to the UI: a stable code to branch on and a message to show.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<CoreError> for CommandError {
    fn from(err: CoreError) -> Self {
        if err.code() == ErrorCode::Internal {
            log::error!("{err}");
        }
        CommandError {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

impl From<bridgeplan_reports::ReportError> for CommandError {
    fn from(err: bridgeplan_reports::ReportError) -> Self {
        match err {
            bridgeplan_reports::ReportError::Core(core) => core.into(),
            other => {
                log::error!("{other}");
                CommandError {
                    code: other.code(),
                    message: other.to_string(),
                }
            }
        }
    }
}

impl CommandError {
    pub fn no_workspace() -> Self {
        CommandError {
            code: ErrorCode::NoWorkspace,
            message: "No workspace is open. Open or create one first.".into(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
