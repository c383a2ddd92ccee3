//! Career skills (SPEC §5): role frameworks as data, people's assessments against them,
//! evidence suggested from the workspace, certifications, and development plans.

pub mod certifications;
pub(crate) mod demo;
pub mod development;
pub mod evidence;
pub mod frameworks;
pub mod profiles;
pub mod summary;
