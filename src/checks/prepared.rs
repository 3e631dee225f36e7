//! An evaluation prepared for the checks and the report: [`Prepared`] holds the loaded
//! evaluation with its results register and its comparisons, which are resolved once here and
//! shared by every check, the report model and the PDF's record. Nothing is checked yet.

use std::path::Path;
use std::sync::OnceLock;

use crate::base::diagnostics::{Diagnostic, Sources};
use crate::base::messages::msg;
use crate::checks::compare::{RegisterData, Resolved};
use crate::input::load::{LoadError, Loaded};

/// A loaded evaluation with its register and resolved comparisons. The evaluation itself is
/// [`Prepared::loaded`]; what the register and the comparisons add is reached by their methods.
pub struct Prepared {
    pub loaded: Loaded,
    /// The results register the evaluation names, when it names one (set with
    /// [`Prepared::set_register`], so that the comparisons are resolved anew).
    register: RegisterData,
    /// The comparisons, resolved once for validation, the report model and the PDF's record.
    compared: OnceLock<(Resolved, Vec<Diagnostic>)>,
}

impl Prepared {
    /// An evaluation given as text: a register it names is not known until the caller says
    /// where it comes from (a folder, or what a PDF kept).
    pub fn new(loaded: Loaded) -> Self {
        let register = if loaded.evaluation.register.is_some() {
            RegisterData::Unavailable
        } else {
            RegisterData::None
        };
        Prepared {
            loaded,
            register,
            compared: OnceLock::new(),
        }
    }

    /// The results register as far as it could be had.
    pub fn register(&self) -> &RegisterData {
        &self.register
    }

    /// Say where the register comes from (read from a folder, or what a PDF kept).
    pub fn set_register(&mut self, data: RegisterData) {
        self.register = data;
        self.compared = OnceLock::new();
    }

    /// Read the register an evaluation names (relative to the evaluation's folder `dir`).
    pub fn read_register(&mut self, dir: &Path) {
        let Some(name) = self
            .loaded
            .evaluation
            .register
            .as_ref()
            .map(|r| r.get_ref().clone())
        else {
            return;
        };
        let path = dir.join(&name);
        let read = crate::files::read::bytes(&path, crate::files::read::MAX_REGISTER_BYTES);
        let bytes = match read {
            Ok(b) => b,
            Err(e) => {
                self.set_register(RegisterData::Failed(
                    msg!(
                        "cannot-read",
                        path = path.display().to_string(),
                        reason = e.to_string()
                    ),
                    Some(msg!("help-register-path")),
                ));
                return;
            }
        };
        let shown = path.display().to_string();
        let register = crate::checks::register::read(&name, &bytes);
        let file = self.loaded.sources.add(shown, register.text);
        let data = match register.result {
            Ok((table, problems)) => RegisterData::Read {
                name,
                file,
                table,
                problems,
            },
            Err(e) => RegisterData::Failed(
                msg!(
                    "cannot-read",
                    path = path.display().to_string(),
                    reason = e.to_string()
                ),
                None,
            ),
        };
        self.set_register(data);
    }

    /// The comparisons and earlier evaluations, with what is wrong with them; resolved once.
    pub fn compared(&self) -> &(Resolved, Vec<Diagnostic>) {
        self.compared
            .get_or_init(|| crate::checks::compare::resolve(&self.loaded, &self.register))
    }
}

/// Read an evaluation file with its framework, and the register it names from the file's
/// folder.
pub fn load_path(path: &Path) -> Result<Prepared, (Sources, LoadError)> {
    let mut checked = Prepared::new(crate::input::load::load_path(path)?);
    checked.read_register(path.parent().unwrap_or(Path::new("")));
    Ok(checked)
}

/// An evaluation given as text (`name` is used in diagnostics); a register it names is
/// unavailable until set.
pub fn load_str(name: &str, text: &str) -> Result<Prepared, (Sources, LoadError)> {
    crate::input::load::load_str(name, text).map(Prepared::new)
}
