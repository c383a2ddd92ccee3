//! Microsoft Project XML through the app's way in: the same preview as the other formats, the
//! import as one undoable edit, and the export's report of what it wrote.

use bridgeplan_core::interchange::files::{self, ImportFormat};
use bridgeplan_core::ErrorCode;

use crate::import_support::Fixture;

#[test]
fn a_microsoft_project_file_previews_imports_and_undoes_as_one_step() {
    let Some(xml) = crate::support::mspdi_fixture("mspdirelations.xml") else {
        return;
    };
    let mut f = Fixture::new();
    let before = f.dump();
    let parsed = files::read(ImportFormat::Mspdi, &xml, "plan").unwrap();
    let preview = parsed.preview(&f.ws).unwrap();
    assert_eq!(f.dump(), before);
    assert_eq!(preview.format, "Microsoft Project XML");
    assert!(
        preview.creates.iter().any(|c| c.what == "tasks" && c.count > 0),
        "{preview:?}"
    );
    let result = f.ws.import_parsed(&parsed).unwrap();
    assert_eq!(result.project.name, preview.project);
    // A second import is named " (2)" and says so in its preview.
    let again = parsed.preview(&f.ws).unwrap();
    assert_eq!(again.project, format!("{} (2)", preview.project));
    assert!(again.skipped.iter().any(|s| s.contains("already exists")), "{again:?}");

    let (xml_out, report) = files::export_mspdi(&f.ws, result.project.id).unwrap();
    assert!(xml_out.contains("<Project"));
    assert_eq!(report.format, "Microsoft Project XML");
    assert!(report.written.iter().any(|w| w.what == "tasks"));

    f.ws.undo().unwrap();
    assert_eq!(f.dump(), before);
}

#[test]
fn a_file_that_is_not_microsoft_project_xml_is_refused() {
    let f = Fixture::new();
    let err = files::read(ImportFormat::Mspdi, "{\"name\": \"board\"}", "x").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().ends_with("Nothing was imported."), "{err}");
    drop(f);
}
