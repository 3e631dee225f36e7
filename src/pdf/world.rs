//! The Typst world of a report and its compile: the fonts, library and templates every report
//! shares (made once per process), the bundle's files, the PDF export with a fixed identifier and
//! the report date as timestamp, the preview's pages as SVG, and Typst's caches.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use crate::pdf::typeset::{Bundle, TEMPLATES};

/// Build what every report shares (fonts, library, templates) now, e.g. on another thread while
/// the evaluation is loaded and checked, so that the first render does not wait for it.
pub fn prepare() {
    let _ = shared();
}

/// What every report shares: the standard library, the fonts and the parsed templates. Built
/// once per process, so that a watch session or a batch does not parse fonts and templates again
/// for every render (Typst's caches are process-wide and keyed by content, so the shared parts
/// also stay memoized).
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    templates: Vec<(FileId, Source, Bytes)>,
}

fn shared() -> Result<&'static Shared, String> {
    static SHARED: std::sync::OnceLock<Result<Shared, String>> = std::sync::OnceLock::new();
    SHARED
        .get_or_init(|| {
            let fonts: Vec<Font> = crate::base::fonts::faces().to_vec();
            let book = FontBook::from_fonts(&fonts);
            let mut templates = Vec::new();
            for (path, text) in TEMPLATES {
                let id = file_id(path).ok_or_else(|| format!("bad template path {path}"))?;
                templates.push((
                    id,
                    Source::new(id, text.to_string()),
                    Bytes::from_string(text.to_string()),
                ));
            }
            Ok(Shared {
                // `a11y-extras` gives the templates `pdf.header-cell` for row header cells.
                library: LazyHash::new(
                    Library::builder()
                        .with_features([Feature::A11yExtras].into_iter().collect())
                        .build(),
                ),
                book: LazyHash::new(book),
                fonts,
                templates,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The Typst world of one report: the shared fonts and templates plus the bundle's files.
pub struct ReportWorld {
    shared: &'static Shared,
    main: FileId,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

impl ReportWorld {
    pub fn new(bundle: &Bundle) -> crate::base::error::Result<Self> {
        let fail = |m: String| crate::base::error::Error::Typeset(m);
        let shared = shared().map_err(fail)?;
        let mut files = HashMap::new();
        for (path, data) in &bundle.files {
            let id = file_id(path).ok_or_else(|| fail(format!("bad data path {path}")))?;
            files.insert(id, Bytes::new(data.clone()));
        }
        let main = file_id(bundle.main).ok_or_else(|| fail("bad main path".into()))?;
        let (y, m, d) = bundle.date;
        let today = Datetime::from_ymd(y, m, d).ok_or_else(|| fail("bad report date".into()))?;
        Ok(Self {
            shared,
            main,
            files,
            today,
        })
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }
    fn main(&self) -> FileId {
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some((_, s, _)) = self.shared.templates.iter().find(|(t, _, _)| *t == id) {
            return Ok(s.clone());
        }
        // A bundle may bring a main file of its own (a test's document of covers).
        self.files
            .get(&id)
            .and_then(|b| std::str::from_utf8(b).ok())
            .map(|text| Source::new(id, text.to_string()))
            .ok_or_else(|| not_found(id))
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        // Only the embedded templates and the bundle's files exist: nothing on disk is reachable.
        if let Some(b) = self.files.get(&id) {
            return Ok(b.clone());
        }
        self.shared
            .templates
            .iter()
            .find(|(t, _, _)| *t == id)
            .map(|(_, _, b)| b.clone())
            .ok_or_else(|| not_found(id))
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

/// Forget cached results not used in the last `age` evictions (a batch evicts after every
/// report, and keeps more: what the reports share is what makes a batch fast).
pub fn evict_caches_older_than(age: usize) {
    typst::comemo::evict(age);
}

/// Compile the bundle and export it as PDF.
pub fn typeset(bundle: &Bundle, standards: PdfStandards) -> crate::base::error::Result<Vec<u8>> {
    let world = ReportWorld::new(bundle)?;
    let compiled = typst::compile::<PagedDocument>(&world);
    let doc = compiled
        .output
        .map_err(|errs| crate::base::error::Error::Typeset(describe(&world, errs.as_slice())))?;
    let (y, m, d) = bundle.date;
    let stamp = Datetime::from_ymd_hms(y, m, d, 0, 0, 0)
        .ok_or_else(|| crate::base::error::Error::Typeset("bad report date".into()))?;
    let options = PdfOptions {
        ident: Smart::Custom(bundle.ident.clone()),
        creator: Smart::Custom(Some(format!("kompass {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(stamp)),
        standards,
        ..PdfOptions::default()
    };
    let mut pdf = typst_pdf::pdf(&doc, &options)
        .map_err(|errs| crate::base::error::Error::Typeset(describe(&world, errs.as_slice())))?;
    let names: Vec<&str> = bundle.attached.iter().map(String::as_str).collect();
    crate::pdf::embed::ascii_attachment_names(&mut pdf, &names);
    Ok(pdf)
}

/// Typst's diagnostics as readable lines (`/report.typ:12: message`).
fn describe(world: &ReportWorld, errs: &[SourceDiagnostic]) -> String {
    errs.iter()
        .map(|e| {
            let place = e
                .span
                .id()
                .map(|id| {
                    let line = world
                        .range(e.span)
                        .and_then(|r| {
                            world
                                .source(id)
                                .ok()
                                .and_then(|s| s.lines().byte_to_line(r.start))
                        })
                        .map_or(String::new(), |l| format!(":{}", l + 1));
                    format!("{}{line}: ", id.vpath().get_with_slash())
                })
                .unwrap_or_default();
            let hints: String = e
                .hints
                .iter()
                .map(|h| format!("\n  hint: {}", h.v))
                .collect();
            format!("{place}{}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One page of the report as the editor shows it: a hash of its content, its SVG (none when the
/// caller already has a page with that hash), and the headings that begin on it (so that the
/// view can follow the section being edited).
#[derive(Debug, Clone)]
pub struct PageImage {
    pub hash: u128,
    pub svg: Option<String>,
    pub headings: Vec<String>,
}

/// Compile the bundle and draw as SVG every page whose content `known` does not have (no PDF
/// is made): after a change, only the pages that changed are drawn again.
pub fn pages(
    bundle: &Bundle,
    known: &dyn Fn(u128) -> bool,
) -> crate::base::error::Result<Vec<PageImage>> {
    use typst::foundations::{NativeElement, Selector};
    use typst::introspection::Introspector;
    use typst::model::HeadingElem;
    let world = ReportWorld::new(bundle)?;
    let compiled = typst::compile::<PagedDocument>(&world);
    let doc = compiled
        .output
        .map_err(|errs| crate::base::error::Error::Typeset(describe(&world, errs.as_slice())))?;
    let introspector = doc.introspector();
    let mut headings: Vec<Vec<String>> = vec![Vec::new(); doc.pages().len()];
    for heading in introspector.query(&Selector::Elem(HeadingElem::ELEM, None)) {
        let page = heading
            .location()
            .and_then(|l| introspector.position(l))
            .map(|p| p.page.get() - 1);
        if let Some(list) = page.and_then(|p| headings.get_mut(p)) {
            list.push(heading.plain_text().to_string());
        }
    }
    let options = typst_svg::SvgOptions::default();
    Ok(doc
        .pages()
        .iter()
        .zip(headings)
        .map(|(page, headings)| {
            let hash = typst::utils::hash128(page);
            PageImage {
                hash,
                svg: (!known(hash)).then(|| typst_svg::svg(page, &options)),
                headings,
            }
        })
        .collect())
}
