use serde::Serialize;
use ts_rs::TS;

/// Stable error codes: the UI branches on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotAWorkspace,
    Damaged,
    NewerVersion,
    ReadOnly,
    Locked,
    NotFound,
    InvalidInput,
    Duplicate,
    NoWorkspace,
    /// The UI named a file the user did not choose (see `workspace::allowed`).
    PathNotChosen,
    Io,
    Internal,
}

/// Everything the core can refuse or fail at, each with a message a manager understands.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{0}")]
    NotAWorkspace(String),
    #[error("{0}")]
    Damaged(String),
    #[error("{0}")]
    NewerVersion(String),
    #[error("{0}")]
    ReadOnly(String),
    #[error("{0}")]
    Locked(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    Duplicate(String),
    #[error("{0}")]
    PathNotChosen(String),
    #[error("{0}")]
    Io(String),
    /// A bug in Bridgeplan, such as an edit that undo could not take back.
    #[error("{0}")]
    Internal(String),
    #[error("The workspace database reported an error: {0}")]
    Database(rusqlite::Error),
}

/// SQLite's errors, with a full or failing disk said in words: the change was not saved,
/// everything saved before is kept (SQLite rolled the transaction back).
impl From<rusqlite::Error> for CoreError {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => CoreError::Io(
                "The disk is full, so the change was not saved. Everything saved before is kept; \
                 free some space and try again."
                    .into(),
            ),
            Some(rusqlite::ErrorCode::SystemIoFailure) => CoreError::Io(format!(
                "The disk could not be written or read ({err}), so the change was not saved. \
                 Everything saved before is kept; check that the disk is not full or removed, \
                 and try again."
            )),
            _ => CoreError::Database(err),
        }
    }
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::NotAWorkspace(_) => ErrorCode::NotAWorkspace,
            CoreError::Damaged(_) => ErrorCode::Damaged,
            CoreError::NewerVersion(_) => ErrorCode::NewerVersion,
            CoreError::ReadOnly(_) => ErrorCode::ReadOnly,
            CoreError::Locked(_) => ErrorCode::Locked,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::InvalidInput(_) => ErrorCode::InvalidInput,
            CoreError::Duplicate(_) => ErrorCode::Duplicate,
            CoreError::PathNotChosen(_) => ErrorCode::PathNotChosen,
            CoreError::Io(_) => ErrorCode::Io,
            CoreError::Internal(_) | CoreError::Database(_) => ErrorCode::Internal,
        }
    }

    pub(crate) fn io(context: impl std::fmt::Display, err: std::io::Error) -> Self {
        CoreError::Io(format!("{context}: {err}"))
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
