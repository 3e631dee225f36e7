//! The PDF standards a report conforms to: the default, parsing `--standard`, which
//! combinations Typst takes, and whether they allow the evaluation to travel inside the PDF.

use typst_pdf::{PdfStandard, PdfStandards};

/// The standards a report conforms to unless told otherwise: archival PDF/A-3a (which allows
/// the evaluation to travel inside the PDF) together with accessible PDF/UA-1.
pub const DEFAULT_STANDARDS: &str = "a-3a,ua-1";

/// Whether the standards allow files attached to the PDF: not PDF/A-1 or PDF/A-2.
pub fn allows_attachments(list: &[PdfStandard]) -> bool {
    !list.iter().any(|s| {
        matches!(
            s,
            PdfStandard::A_1a
                | PdfStandard::A_1b
                | PdfStandard::A_2a
                | PdfStandard::A_2b
                | PdfStandard::A_2u
        )
    })
}

/// The standards as `--standard` names them: `a-3a,ua-1`, or `none`.
pub fn standards_name(list: &[PdfStandard]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    list.iter()
        .filter_map(|s| serde_json::to_value(s).ok())
        .filter_map(|v| v.as_str().map(String::from))
        .collect::<Vec<_>>()
        .join(",")
}

/// Parse a comma-separated list of PDF standards as Typst names them (`a-2a`, `a-2b`, `a-3a`,
/// `ua-1`, `1.7` …), or `none`.
pub fn parse_standards(spec: &str) -> crate::base::error::Result<Vec<PdfStandard>> {
    if spec.trim() == "none" {
        return Ok(Vec::new());
    }
    spec.split(',')
        .map(|name| {
            let name = name.trim();
            serde_json::from_value(serde_json::Value::String(name.to_string())).map_err(|_| {
                crate::base::error::Error::Usage(crate::base::messages::msg!(
                    "unknown-standard",
                    name = name
                ))
            })
        })
        .collect()
}

/// Which PDF standards to enforce; a combination Typst refuses is an error that says why.
pub fn standards(list: &[PdfStandard]) -> crate::base::error::Result<PdfStandards> {
    // PDF/A-1 forbids transparency, and the profile charts draw their areas translucent (so
    // that every series stays visible): refuse it here rather than fail deep inside the export.
    if list
        .iter()
        .any(|s| matches!(s, PdfStandard::A_1a | PdfStandard::A_1b))
    {
        return Err(crate::base::error::Error::Usage(
            crate::base::messages::msg!("standard-pdfa1"),
        ));
    }
    PdfStandards::new(list).map_err(|e| {
        let hints: String = e.hints().iter().map(|h| format!("\n  hint: {h}")).collect();
        crate::base::error::Error::Usage(crate::base::messages::msg!(
            "standards-not-combined",
            reason = format!("{}{hints}", e.message())
        ))
    })
}
