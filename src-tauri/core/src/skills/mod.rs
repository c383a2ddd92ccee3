//! Career skills (SPEC §5): role frameworks as data, people's assessments against them,
//! evidence suggested from the workspace, certifications, and development plans.

pub mod frameworks;
pub mod certifications;
pub mod development;
pub mod evidence;
pub mod profiles;
pub mod summary;
pub(crate) mod demo;
