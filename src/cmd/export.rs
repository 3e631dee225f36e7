//! `kompass export`: the results register from evaluations and kompass PDFs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kompass::base::messages::msg;

use super::{Failure, INVALID, RegisterSource, Run, Strictness, checked, checked_text, write};

/// The register row of one evaluation file or kompass PDF.
fn row(path: &Path) -> Result<kompass::checks::register::Row, Failure> {
    let strict = Strictness::at(kompass::Stage::Draft);
    let loaded = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        let embedded = super::read_pdf(path)?;
        let name = format!("{} (in {})", embedded.source_name, path.display());
        checked_text(
            &name,
            &embedded.source,
            strict,
            RegisterSource::Kept(embedded.provenance.register.as_ref()),
        )
    } else {
        checked(path, strict)
    };
    match loaded {
        Ok((l, _)) => Ok(kompass::report::Report::build(&l).register_row()),
        Err(stop) => Err(stop.report(path, Some(msg!("consequence-not-in-register")))),
    }
}

/// Add the row of `path`, once per evaluation: an evaluation given twice (`leksand.toml` and
/// the `leksand.pdf` made from it) is one row, the later input's, as `--append` replaces the row
/// of the same evaluation ([`kompass::checks::register::Row::identity`]). A note says so.
fn once<'a>(
    rows: &mut Vec<(&'a Path, kompass::checks::register::Row)>,
    path: &'a Path,
    row: kompass::checks::register::Row,
) {
    let identity = row.identity();
    match rows.iter_mut().find(|(_, r)| r.identity() == identity) {
        Some((first, earlier)) => {
            super::say(msg!(
                "export-same-evaluation",
                second = path.display().to_string(),
                first = first.display().to_string(),
                name = row.municipality.as_str(),
                when = identity.1
            ));
            *earlier = row;
            *first = path;
        }
        None => rows.push((path, row)),
    }
}

/// What to do with an output file that exists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: it may be the evaluators' own register.
    Refuse,
    /// Add the rows to it, replacing the rows of the same evaluations and keeping the others.
    Append,
    /// Replace it.
    Overwrite,
}

/// The rows of an existing register with the new ones merged in: a row of the same evaluation
/// ([`kompass::checks::register::Row::identity`]) is replaced where it stands, others are added at the
/// end.
fn merged(
    path: &Path,
    new: Vec<kompass::checks::register::Row>,
) -> Result<(Vec<kompass::checks::register::Row>, usize), Failure> {
    let name = path.display().to_string();
    let bytes = kompass::files::read::bytes(path, kompass::files::read::MAX_REGISTER_BYTES)
        .map_err(|e| super::cannot_read(path, e.to_string()))?;
    if kompass::checks::register::is_xlsx(&name) {
        match kompass::checks::register::sheet_names(&bytes) {
            Ok(sheets) if sheets.len() > 1 => {
                return Err(Failure::trouble(msg!(
                    "export-other-sheets",
                    name = &name,
                    sheets = sheets.join(", ")
                )));
            }
            _ => {}
        }
    }
    let (sources, diagnostics) = kompass::checks::register::check_file(&name, &bytes)
        .map_err(|e| Failure::text(format!("{name}: {e}")))?;
    if diagnostics.iter().any(|d| d.is_error()) {
        sources.emit(&diagnostics);
        return Err(Failure::Message(
            INVALID,
            msg!("register-has-errors", name = name.to_string()),
        ));
    }
    let (table, _) = kompass::checks::register::parse_file(&name, &bytes)
        .map_err(|e| Failure::text(format!("{name}: {e}")))?;
    let mut rows = table.rows();
    let mut replaced = 0;
    for row in new {
        match rows.iter_mut().find(|old| old.identity() == row.identity()) {
            Some(old) => {
                // The notes are the evaluators' own: they stay.
                let note = std::mem::take(&mut old.note);
                let public_note = std::mem::take(&mut old.public_note);
                *old = kompass::checks::register::Row {
                    note,
                    public_note,
                    ..row
                };
                replaced += 1;
            }
            None => rows.push(row),
        }
    }
    Ok((rows, replaced))
}

pub fn run(inputs: &[PathBuf], output: Option<&Path>, existing: Existing, excel: bool) -> Run {
    let kind = match output
        .and_then(|o| o.extension())
        .map(|e| e.to_string_lossy().to_lowercase())
    {
        None => "csv".to_string(),
        Some(e) if e == "csv" || e == "json" || e == "xlsx" => e,
        Some(e) => {
            return Err(Failure::trouble(msg!("export-kind", extension = e)));
        }
    };
    // An existing register may be the evaluators' own: never replaced unless asked.
    let exists = output.is_some_and(Path::exists);
    if exists && existing == Existing::Refuse {
        return Err(Failure::trouble(msg!(
            "export-exists",
            path = output.map_or(String::new(), |o| o.display().to_string())
        )));
    }
    if existing == Existing::Append && kind == "json" {
        return Err(Failure::trouble(msg!("export-append-json")));
    }
    // A read-only register is refused before any work, never replaced.
    if let Some(o) = output.filter(|_| exists) {
        kompass::pdf::write::replaceable(o)
            .map_err(|e| Failure::trouble(kompass::pdf::write::failure(o, &e)))?;
    }
    // Every input is read (and its findings printed) before the run stops on one.
    let mut rows: Vec<(&Path, kompass::checks::register::Row)> = Vec::new();
    let mut failed = None;
    for path in inputs {
        match row(path) {
            Ok(r) => once(&mut rows, path, r),
            Err(f) => failed = Some(f),
        }
    }
    if let Some(f) = failed {
        return Err(f);
    }
    let mut rows: Vec<kompass::checks::register::Row> = rows.into_iter().map(|(_, r)| r).collect();
    let exported = rows.len();
    let mut replaced = 0;
    if let (true, Existing::Append, Some(o)) = (exists, existing, output) {
        (rows, replaced) = merged(o, rows)?;
    }
    let bytes = match kind.as_str() {
        "json" => serde_json::to_string_pretty(&rows)
            .map(|s| (s + "\n").into_bytes())
            .map_err(|e| Failure::text(e.to_string()))?,
        "xlsx" => kompass::checks::register::to_xlsx(&rows)?,
        _ => kompass::checks::register::to_csv_as(&rows, dialect(output, exists, existing, excel))
            .into_bytes(),
    };
    let Some(o) = output else {
        use std::io::Write;
        let _ = std::io::stdout().write_all(&bytes);
        return Ok(ExitCode::SUCCESS);
    };
    write(o, &bytes)?;
    let path = o.display().to_string();
    if existing == Existing::Append && exists {
        super::say(msg!(
            "export-wrote-appended",
            path = path,
            count = rows.len(),
            added = exported - replaced,
            replaced = replaced
        ));
    } else {
        super::say(msg!("export-wrote", path = path, count = rows.len()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The CSV dialect to write: Swedish Excel's with `--excel`; when appending, the register's own;
/// else RFC 4180.
fn dialect(
    output: Option<&Path>,
    exists: bool,
    existing: Existing,
    excel: bool,
) -> kompass::checks::register::Dialect {
    use kompass::checks::register::{Dialect, csv_text, dialect_of};
    match (excel, output) {
        (true, _) => Dialect::Excel,
        (false, Some(o)) if exists && existing == Existing::Append => {
            kompass::files::read::bytes(o, kompass::files::read::MAX_REGISTER_BYTES)
                .map_or(Dialect::Rfc4180, |b| dialect_of(&csv_text(&b).0))
        }
        _ => Dialect::Rfc4180,
    }
}
