//! Typesetting with typst, used as a library: a closed little world that holds the report
//! templates, the report's data as `/data.json`, and the fonts built into the binary. It reads
//! no other file, no system font and nothing from the network.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Timelike};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::ReportError;

/// Inter (SIL Open Font License 1.1), one file per face the templates use. Embedding only
/// these keeps the binary lean; the PDF carries the subset of glyphs it uses.
const FONTS: [&[u8]; 5] = [
    include_bytes!("../fonts/Inter-Regular.otf"),
    include_bytes!("../fonts/Inter-Italic.otf"),
    include_bytes!("../fonts/Inter-SemiBold.otf"),
    include_bytes!("../fonts/Inter-Bold.otf"),
    include_bytes!("../fonts/Inter-BoldItalic.otf"),
];

/// The templates, by the path they are imported under.
const TEMPLATES: [(&str, &str); 12] = [
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/status.typ", include_str!("../templates/status.typ")),
    ("/schedule.typ", include_str!("../templates/schedule.typ")),
    ("/sprint.typ", include_str!("../templates/sprint.typ")),
    ("/board.typ", include_str!("../templates/board.typ")),
    ("/career.typ", include_str!("../templates/career.typ")),
    ("/budget.typ", include_str!("../templates/budget.typ")),
    ("/closure.typ", include_str!("../templates/closure.typ")),
    ("/risk.typ", include_str!("../templates/risk.typ")),
    ("/stakeholders.typ", include_str!("../templates/stakeholders.typ")),
    ("/minutes.typ", include_str!("../templates/minutes.typ")),
    ("/operations.typ", include_str!("../templates/operations.typ")),
];

const DATA_PATH: &str = "/data.json";

/// What every render shares, built once per process: the standard library, the fonts and
/// the parsed templates.
struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sources: Vec<Source>,
    data_id: FileId,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("template paths are absolute and plain");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let fonts: Vec<Font> = FONTS
            .iter()
            .filter_map(|data| Font::new(Bytes::new(*data), 0))
            .collect();
        let sources = TEMPLATES
            .iter()
            .map(|(path, text)| Source::new(file_id(path), (*text).to_string()))
            .collect();
        Engine {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            sources,
            data_id: file_id(DATA_PATH),
        }
    })
}

/// One render: a template as the main file and its data.
struct ReportWorld {
    main: FileId,
    data: Bytes,
    today: NaiveDate,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &engine().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &engine().book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        engine()
            .sources
            .iter()
            .find(|s| s.id() == id)
            .cloned()
            .ok_or_else(|| FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == engine().data_id {
            return Ok(self.data.clone());
        }
        self.source(id).map(|s| Bytes::from_string(s.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        engine().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(self.today.year(), self.today.month() as u8, self.today.day() as u8)
    }
}

/// Typesets `template` (a path in [`TEMPLATES`]) over `data`.
pub(crate) fn typeset(
    template: &str,
    data: &serde_json::Value,
    today: NaiveDate,
) -> Result<PagedDocument, ReportError> {
    let data = serde_json::to_vec(data).map_err(|e| ReportError::Typeset(e.to_string()))?;
    let world = ReportWorld {
        main: file_id(template),
        data: Bytes::new(data),
        today,
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    // typst memoises across renders; keep what the next render of the same kind reuses and
    // drop the rest, or memory grows with every report.
    typst::comemo::evict(10);
    result.map_err(|errors| ReportError::Typeset(describe(&errors, Some(&world))))
}

/// The PDF of a typeset document. Untagged: tagging made reports many times larger and
/// slower to write, and their structure is plain headings and tables.
pub(crate) fn pdf(document: &PagedDocument, ident: &str) -> Result<Vec<u8>, ReportError> {
    let now = bridgeplan_core::clock::now();
    let stamp = Datetime::from_ymd_hms(
        now.year(),
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .map(Timestamp::new_utc);
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("Bridgeplan {}", env!("CARGO_PKG_VERSION")))),
        timestamp: stamp,
        tagged: false,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| ReportError::Typeset(describe(&errors, None)))
}

/// The first page as SVG, for the preview.
pub(crate) fn first_page_svg(document: &PagedDocument) -> String {
    document
        .pages()
        .first()
        .map(|page| typst_svg::svg(page, &typst_svg::SvgOptions::default()))
        .unwrap_or_default()
}

pub(crate) fn today() -> NaiveDate {
    bridgeplan_core::clock::today()
}

/// The messages, each with the template line it comes from (these are defects to report).
fn describe(errors: &[SourceDiagnostic], world: Option<&ReportWorld>) -> String {
    errors
        .iter()
        .map(|e| {
            let place = world.and_then(|w| {
                let source = w.source(e.span.id()?).ok()?;
                let line = source.lines().byte_to_line(w.range(e.span)?.start)?;
                Some(format!(" ({}:{})", source.id().vpath().get_with_slash(), line + 1))
            });
            format!("{}{}", e.message, place.unwrap_or_default())
        })
        .collect::<Vec<_>>()
        .join("; ")
}
