use bridgeplan_core::Workspace;

use crate::request::Checked;
use crate::{Meta, Result};

pub(crate) fn data(_ws: &Workspace, _checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    Err(crate::ReportError::Typeset("not yet".into()))
}
