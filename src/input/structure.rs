//! The structural check: the shape of an evaluation file, and one walk over toml's spanned tree
//! that finds every unknown key, missing key and value of the wrong type at once.
//!
//! [`EVALUATION`] describes the file: every table, its keys in the order the data format
//! declares them, what each holds and which are required (`schema_is_the_data_format` checks it
//! against the serde types of `model.rs`). [`walk`] compares a parsed file with it and gives each
//! finding as data (a kind with its arguments, the key path, the span) together with the repair
//! that lets every other check run: an unknown item is blanked out, a missing key or a value of
//! the wrong type gets a placeholder. The repairs are made once, and the file is deserialized
//! once; nothing depends on how serde words its errors.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::base::diagnostics::{At, Diagnostic, FileId};
use crate::base::keypath::KeyPath;
use crate::base::messages::{Message, msg};

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Text,
    Whole,
    /// A number, with or without decimals.
    Number,
    Bool,
    Date,
    /// A list of texts (`strengths = ["…", "…"]`).
    Texts,
    /// A list of numbers (`values = [63.7, 65]`).
    Numbers,
    /// A table of whole numbers under free keys (a sub-area's id → its points).
    Scores,
    Table(&'static [Field]),
    /// A list of tables (`[[area]]`).
    Tables(&'static [Field]),
}

/// One key of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// How the editor (`kompass serve`) shows it.
    pub form: Form,
    /// What a yes/no key means when it is left out, where that is yes (the editor's checkbox
    /// shows it so).
    pub absent: Option<bool>,
}

/// How the editor's form shows a key; its label and hint are in the catalogue
/// ([`label_id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The field its kind asks for: a line of text, a number, a checkbox, a date; a table as
    /// a group of fields, a list as its items.
    Auto,
    /// Running text with the report's markup (paragraphs, bullets, emphasis): a text area
    /// with a toolbar.
    Prose,
    /// Shown, not edited in the form (the framework: another one has other areas).
    Fixed,
    /// Not a field of its own: kompass works it out (the total, an area's stated score), or
    /// the form shows it in its place (an area's id, in the area's heading).
    Hidden,
}

impl Form {
    pub fn name(self) -> &'static str {
        match self {
            Form::Auto => "auto",
            Form::Prose => "prose",
            Form::Fixed => "fixed",
            Form::Hidden => "hidden",
        }
    }
}

const fn req(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        required: true,
        form: Form::Auto,
        absent: None,
    }
}

const fn opt(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        required: false,
        form: Form::Auto,
        absent: None,
    }
}

impl Field {
    const fn shown(self, form: Form) -> Field {
        Field { form, ..self }
    }

    const fn absent_means(self, value: bool) -> Field {
        Field {
            absent: Some(value),
            ..self
        }
    }
}

use Kind::{Bool, Date, Number, Numbers, Scores, Table, Tables, Text, Texts, Whole};

/// An evaluation file (`model::Evaluation`).
pub const EVALUATION: &[Field] = &[
    req("framework", Text).shown(Form::Fixed),
    opt("total", Whole).shown(Form::Hidden),
    req("municipality", Table(MUNICIPALITY)),
    req("report", Table(REPORT)),
    req("evaluators", Tables(EVALUATOR)),
    req("summary", Table(SUMMARY)),
    req("area", Tables(AREA)),
    opt("register", Text),
    opt("comparison", Table(COMPARISON)),
    opt("history", Tables(EARLIER)),
    opt("revision", Tables(REVISION)),
];

pub const REVISION: &[Field] = &[
    req("version", Whole),
    req("date", Date),
    req("changes", Text),
    opt("by", Text),
];

pub const MUNICIPALITY: &[Field] = &[
    req("name", Text),
    req("genitive", Text),
    // Files written before kompass had it leave it out (see `load::fill_official_name`).
    opt("official_name", Text),
    req("population", Whole),
];

pub const REPORT: &[Field] = &[
    req("date", Date),
    req("evaluated", Text),
    req("first_evaluation", Bool),
    req("interviews", Whole),
    opt("interviews_approximate", Bool),
    req("publisher", Text),
    opt("meeting", Date),
];

pub const EVALUATOR: &[Field] = &[req("name", Text), req("organisation", Text)];

pub const SUMMARY: &[Field] = &[
    opt("evaluation", Text).shown(Form::Prose),
    opt("comparisons", Text).shown(Form::Prose),
    req("comments", Text).shown(Form::Prose),
];

pub const AREA: &[Field] = &[
    req("id", Whole).shown(Form::Hidden),
    opt("score", Whole).shown(Form::Hidden),
    req("analysis", Text).shown(Form::Prose),
    opt("strengths", Texts),
    opt("improvements", Texts),
    req("scores", Scores),
];

pub const COMPARISON: &[Field] = &[opt("national", Table(PROFILE)), opt("peer", Table(PROFILE))];

pub const PROFILE: &[Field] = &[
    opt("label", Text),
    opt("source", Text),
    opt("description", Text),
    opt("values", Numbers),
    opt("from_register", Table(FILTER)),
];

pub const FILTER: &[Field] = &[
    opt("framework", Text),
    opt("year_from", Whole),
    opt("year_to", Whole),
    opt("population_min", Whole),
    opt("population_max", Whole),
    opt("first_evaluation", Bool),
    // `model::Filter`: true when left out.
    opt("exclude_self", Bool).absent_means(true),
];

pub const EARLIER: &[Field] = &[
    req("year", Whole),
    opt("framework", Text),
    req("values", Numbers),
];

/// Every table of the format by the name its keys' labels use in the catalogue
/// (`field-report-date`): the file itself first.
pub const TABLES: &[(&str, &[Field])] = &[
    ("evaluation", EVALUATION),
    ("municipality", MUNICIPALITY),
    ("report", REPORT),
    ("evaluator", EVALUATOR),
    ("summary", SUMMARY),
    ("area", AREA),
    ("comparison", COMPARISON),
    ("profile", PROFILE),
    ("filter", FILTER),
    ("earlier", EARLIER),
    ("revision", REVISION),
];

/// The name of a table of [`TABLES`] (tables are told apart by their keys).
pub fn table_name(fields: &[Field]) -> Option<&'static str> {
    let keys = |f: &[Field]| f.iter().map(|f| f.key).collect::<Vec<_>>();
    TABLES
        .iter()
        .find(|(_, t)| keys(t) == keys(fields))
        .map(|(name, _)| *name)
}

/// The catalogue's id of a key's label in the editor: `field-report-first-evaluation`; its
/// hint, where it has one, is the same id with `-hint`.
pub fn label_id(table: &str, key: &str) -> String {
    format!("field-{table}-{}", key.replace('_', "-"))
}

/// What a kind is called in the editor's schema.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Text => "text",
        Whole => "whole",
        Number => "number",
        Bool => "bool",
        Date => "date",
        Texts => "texts",
        Numbers => "numbers",
        Scores => "scores",
        Table(_) => "table",
        Tables(_) => "tables",
    }
}

/// The most structural errors reported before giving up on a file.
pub const MAX_ERRORS: usize = 50;

/// A change to the text that lets the rest of the checks run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// Blank these byte ranges out (an unknown item): spaces, lines kept.
    Blank(Vec<Range<usize>>),
    /// Replace a value with a placeholder of the right kind.
    Replace(Range<usize>, String),
    /// Insert a key with a placeholder.
    Insert(usize, String),
}

/// What the walk found.
#[derive(Default)]
pub struct Walked {
    pub errors: Vec<Diagnostic>,
    pub repairs: Vec<Repair>,
    /// Key paths that hold placeholders after the repairs: findings about them are
    /// consequences of a structural error already reported.
    pub repaired: Vec<KeyPath>,
}

struct Walker<'a> {
    file: FileId,
    text: &'a str,
    out: Walked,
    /// Keys an unknown key stands for (a misspelling, a Swedish name): reported missing, they
    /// are the same mistake.
    suggested: Vec<KeyPath>,
}

/// Walk a parsed evaluation file against [`EVALUATION`].
pub fn walk(file: FileId, text: &str, root: &Spanned<DeTable<'_>>) -> Walked {
    let mut w = Walker {
        file,
        text,
        out: Walked::default(),
        suggested: Vec::new(),
    };
    w.table(root.get_ref(), None, EVALUATION, &KeyPath::root());
    if w.out.errors.len() > MAX_ERRORS {
        w.out.errors.truncate(MAX_ERRORS);
        w.out.errors.push(Diagnostic::error(
            file,
            None,
            At::file(),
            msg!("stopped-after", count = MAX_ERRORS),
        ));
    }
    w.out
}

impl Walker<'_> {
    /// One table: its keys in file order, then the required keys it lacks. `span` is the
    /// table's own (none for the file's top level).
    fn table(
        &mut self,
        t: &DeTable<'_>,
        span: Option<Range<usize>>,
        fields: &[Field],
        path: &KeyPath,
    ) {
        for (k, v) in t {
            let key = k.get_ref().as_ref();
            match fields.iter().find(|f| f.key == key) {
                Some(field) => self.value(v, field.kind, &path.at(key)),
                None => self.unknown(k, v, fields, path),
            }
        }
        for field in fields.iter().filter(|f| f.required) {
            if t.keys().any(|k| k.get_ref().as_ref() == field.key) {
                continue;
            }
            let full = path.at(field.key);
            if !self.suggested.contains(&full) {
                // A key missing at the top of the file has no place in it.
                let (at, where_) = match &span {
                    Some(s) => (Some(s.clone()), path.clone()),
                    None => (None, KeyPath::top(field.key)),
                };
                let d =
                    Diagnostic::error(self.file, at, where_, msg!("missing-key", key = field.key));
                self.out.errors.push(d);
            }
            self.insert(span.clone(), field);
            self.out.repaired.push(full);
        }
    }

    /// A key the table does not have: reported with the keys it has and the likeliest meant.
    fn unknown(
        &mut self,
        k: &Spanned<std::borrow::Cow<'_, str>>,
        v: &Spanned<DeValue<'_>>,
        fields: &[Field],
        path: &KeyPath,
    ) {
        let key = k.get_ref().as_ref();
        let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
        let expected: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
        let at = path.at(key);
        let meant =
            did_you_mean(key, &keys).or_else(|| crate::input::hints::swedish_key(key, &keys));
        let help = misplaced_key(key, &at)
            .or_else(|| {
                crate::input::hints::swedish_key(key, &keys)
                    .map(|en| msg!("help-english-key", english = en, key = key))
            })
            .or_else(|| meant.map(|m| msg!("help-did-you-mean-key", key = m)));
        if let Some(m) = meant {
            // What is said about the key meant (missing, an empty list) follows from this.
            self.suggested.push(path.at(m));
            self.out.repaired.push(path.at(m));
        }
        let mut d = Diagnostic::error(
            self.file,
            Some(k.span()),
            at,
            msg!("unknown-key", key = key, expected = expected.join(", ")),
        );
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.out.errors.push(d);
        let mut ranges = Vec::new();
        whole_item(self.text, k.span(), v, &mut ranges);
        self.out.repairs.push(Repair::Blank(ranges));
    }

    /// A value of a known key.
    fn value(&mut self, v: &Spanned<DeValue<'_>>, kind: Kind, path: &KeyPath) {
        match (kind, v.get_ref()) {
            (Text, DeValue::String(_))
            | (Whole, DeValue::Integer(_))
            | (Number, DeValue::Integer(_) | DeValue::Float(_))
            | (Bool, DeValue::Boolean(_))
            | (Date, DeValue::Datetime(_)) => {}
            (Texts, DeValue::Array(items)) => self.elements(items, Text, path),
            (Numbers, DeValue::Array(items)) => self.elements(items, Number, path),
            (Scores, DeValue::Table(t)) => {
                for (k, score) in t {
                    self.value(score, Whole, &path.at(k.get_ref().as_ref()));
                }
            }
            (Table(fields), DeValue::Table(t)) => self.table(t, Some(v.span()), fields, path),
            (Tables(fields), DeValue::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let p = path.nth(i + 1);
                    match item.get_ref() {
                        DeValue::Table(t) => self.table(t, Some(item.span()), fields, &p),
                        _ => self.wrong_type(item, Table(fields), &p),
                    }
                }
            }
            _ => self.wrong_type(v, kind, path),
        }
    }

    fn elements(&mut self, items: &[Spanned<DeValue<'_>>], kind: Kind, path: &KeyPath) {
        for (i, item) in items.iter().enumerate() {
            self.value(item, kind, &path.nth(i + 1));
        }
    }

    /// A value of the wrong type: what was found and what was expected, with help where the
    /// value shows what was meant.
    fn wrong_type(&mut self, v: &Spanned<DeValue<'_>>, kind: Kind, path: &KeyPath) {
        let span = v.span();
        let written = self.text.get(span.clone());
        let key = path.nearest_key().unwrap_or_default();
        let help = match (kind, v.get_ref()) {
            // A score with decimals: `"4.2" = 9.5`.
            (Whole, DeValue::Float(_)) if path.parent().last_key() == Some("scores") => {
                Some(msg!("help-whole-points"))
            }
            (Texts, _) => written.and_then(|w| crate::input::hints::list_from_bullets(key, w)),
            _ => None,
        }
        .or_else(|| written.and_then(|w| crate::input::hints::value_hint(key, w)));
        let mut d = Diagnostic::error(
            self.file,
            Some(span.clone()),
            path,
            msg!(
                "wrong-type",
                found = found(v.get_ref()),
                expected = expected(kind)
            ),
        );
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.out.errors.push(d);
        self.out.repaired.push(path.clone());
        let header = written.is_some_and(|w| w.starts_with('['))
            && matches!(v.get_ref(), DeValue::Table(_) | DeValue::Array(_));
        if header {
            // A table written with a [header] where something else belongs: left out; the key
            // then counts as missing and gets its placeholder where the parent table starts.
            let mut ranges = Vec::new();
            whole_item(self.text, span.clone(), v, &mut ranges);
            self.out.repairs.push(Repair::Blank(ranges));
            self.out.repairs.push(Repair::Insert(
                0,
                format!("{key} = {}\n", placeholder(kind)),
            ));
        } else {
            self.out
                .repairs
                .push(Repair::Replace(span, placeholder(kind)));
        }
    }

    /// A placeholder for a missing key, where the table begins.
    fn insert(&mut self, span: Option<Range<usize>>, field: &Field) {
        let value = placeholder(field.kind);
        let key = field.key;
        let repair = match span {
            None => Repair::Insert(0, format!("{key} = {value}\n")),
            Some(s) if self.text[s.start..].starts_with('{') => {
                Repair::Insert(s.start + 1, format!(" {key} = {value},"))
            }
            Some(s) => {
                let end = s.end.min(self.text.len());
                match self.text[end..].find('\n') {
                    Some(i) => Repair::Insert(end + i + 1, format!("{key} = {value}\n")),
                    None => Repair::Insert(self.text.len(), format!("\n{key} = {value}")),
                }
            }
        };
        self.out.repairs.push(repair);
    }
}

/// What a value is, as a finding names it: ``string "ja"``, ``floating point `9.5` ``.
fn found(v: &DeValue<'_>) -> Message {
    match v {
        DeValue::String(s) => msg!("found-string", value = format!("{:?}", s.as_ref())),
        DeValue::Integer(i) => msg!("found-integer", value = format!("`{i}`")),
        DeValue::Float(f) => msg!("found-float", value = format!("`{f}`")),
        DeValue::Boolean(b) => msg!("found-boolean", value = format!("`{b}`")),
        DeValue::Datetime(d) => msg!("found-date", value = format!("`{d}`")),
        DeValue::Array(_) => msg!("found-list"),
        DeValue::Table(_) => msg!("found-table"),
    }
}

/// What a kind of value is called in a finding.
fn expected(kind: Kind) -> Message {
    match kind {
        Text => msg!("expected-string"),
        Whole => msg!("expected-whole-number"),
        Number => msg!("expected-number"),
        Bool => msg!("expected-boolean"),
        Date => msg!("expected-date"),
        Texts | Numbers | Tables(_) => msg!("expected-list"),
        Scores | Table(_) => msg!("expected-table"),
    }
}

/// A placeholder value of a kind: a table gets its required keys.
fn placeholder(kind: Kind) -> String {
    match kind {
        Text => "\"\"".into(),
        Whole => "0".into(),
        Number => "0.0".into(),
        Bool => "false".into(),
        Date => "2000-01-01".into(),
        Texts | Numbers | Tables(_) => "[]".into(),
        Scores => "{}".into(),
        Table(fields) => {
            let keys: Vec<String> = fields
                .iter()
                .filter(|f| f.required)
                .map(|f| format!("{} = {}", f.key, placeholder(f.kind)))
                .collect();
            format!("{{ {} }}", keys.join(", "))
        }
    }
}

/// What a key of the format holds, by its name alone (the first table that has one of that
/// name; a sub-area's id such as `"4.2"` holds whole points), as a hint's selector names it:
/// `text`, `whole`, `number`, `bool`, `date`, `texts`, `numbers`, `table`.
pub fn kind_of(key: &str) -> Option<&'static str> {
    fn find(fields: &[Field], key: &str) -> Option<Kind> {
        fields.iter().find_map(|f| match f.kind {
            _ if f.key == key => Some(f.kind),
            Table(inner) | Tables(inner) => find(inner, key),
            _ => None,
        })
    }
    let key = key.trim().trim_matches('"');
    if crate::input::hints::is_score_key(key) {
        return Some("whole");
    }
    Some(match find(EVALUATION, key)? {
        Text => "text",
        Whole => "whole",
        Number => "number",
        Bool => "bool",
        Date => "date",
        Texts => "texts",
        Numbers => "numbers",
        Scores | Table(_) | Tables(_) => "table",
    })
}

/// Every key of the data format, at any depth, each once: what recognises the next key after a
/// text that was never closed (`hints::unclosed_multiline`).
pub fn keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        fn add(fields: &[Field], out: &mut Vec<&'static str>) {
            for f in fields {
                out.push(f.key);
                if let Table(inner) | Tables(inner) = f.kind {
                    add(inner, out);
                }
            }
        }
        let mut out = Vec::new();
        add(EVALUATION, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    })
}

/// Where the keys of the top of the file and of its single tables belong: `""` for the top,
/// `"[report]"` for a key of `[report]`. A key that two of these places hold is left out: it
/// has no one home.
pub fn homes() -> &'static [(&'static str, String)] {
    static HOMES: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    HOMES.get_or_init(|| {
        let mut all: Vec<(&'static str, String)> = Vec::new();
        for f in EVALUATION {
            match f.kind {
                Table(inner) => all.extend(inner.iter().map(|g| (g.key, format!("[{}]", f.key)))),
                Tables(_) => {}
                _ => all.push((f.key, String::new())),
            }
        }
        let once = |k: &str| all.iter().filter(|(x, _)| *x == k).count() == 1;
        all.iter().filter(|(k, _)| once(k)).cloned().collect()
    })
}

/// For an unknown key at `path`: where it belongs, when it is a key of another place.
pub fn misplaced_key(unknown: &str, path: &KeyPath) -> Option<Message> {
    crate::input::hints::misplaced_key(unknown, path, homes())
}

/// The closest of `keys` to an unknown key, if it is close enough to be a typo.
pub fn did_you_mean<'k>(unknown: &str, keys: &[&'k str]) -> Option<&'k str> {
    keys.iter()
        .map(|k| (edit_distance(unknown, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 4))
        .min()
        .map(|(_, k)| k)
}

/// The byte ranges that make up an item: the key and its value, or for a table written with a
/// `[header]` the header line and every item inside it.
pub fn whole_item(
    text: &str,
    key: Range<usize>,
    value: &Spanned<DeValue<'_>>,
    out: &mut Vec<Range<usize>>,
) {
    let header = |span: Range<usize>| -> bool { text[span.start..].starts_with('[') };
    let line = |pos: usize| -> Range<usize> {
        let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        start..end
    };
    match value.get_ref() {
        DeValue::Table(t) if header(value.span()) => {
            out.push(line(value.span().start));
            for (k, v) in t {
                whole_item(text, k.span(), v, out);
            }
        }
        DeValue::Array(a)
            if a.iter()
                .any(|i| matches!(i.get_ref(), DeValue::Table(_)) && header(i.span())) =>
        {
            for item in a.iter() {
                if let DeValue::Table(t) = item.get_ref() {
                    out.push(line(item.span().start));
                    for (k, v) in t {
                        whole_item(text, k.span(), v, out);
                    }
                }
            }
        }
        _ => out.push(key.start..value.span().end.max(key.end)),
    }
}

/// Apply the repairs to `text`: the repaired text and the edits, for mapping positions back.
pub fn apply(text: &str, repairs: &[Repair]) -> (String, Vec<TextEdit>) {
    let mut bytes = text.as_bytes().to_vec();
    // Blanking keeps every position; the other repairs go from the end of the file to its
    // start, so that each position is still the one in the file when it is applied.
    for repair in repairs {
        if let Repair::Blank(ranges) = repair {
            for r in ranges {
                for b in &mut bytes[r.start.min(text.len())..r.end.min(text.len())] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
            }
        }
    }
    let mut changes: Vec<(usize, usize, &str)> = repairs
        .iter()
        .filter_map(|r| match r {
            Repair::Replace(span, with) => Some((span.start, span.len(), with.as_str())),
            Repair::Insert(pos, with) => Some((*pos, 0, with.as_str())),
            Repair::Blank(_) => None,
        })
        .collect();
    changes.sort_by_key(|(pos, _, _)| std::cmp::Reverse(*pos));
    let mut edits = Vec::new();
    for (pos, removed, with) in changes {
        if pos + removed > bytes.len() {
            continue;
        }
        bytes.splice(pos..pos + removed, with.bytes());
        edits.push(TextEdit {
            pos,
            removed,
            inserted: with.len(),
        });
    }
    // Only whole items of ASCII were blanked and only ASCII placeholders were put in: still
    // valid UTF-8.
    (String::from_utf8(bytes).unwrap_or_default(), edits)
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A placeholder edit: at `pos` (in the text as it was when the edit was made), `removed` bytes
/// were replaced by `inserted` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEdit {
    pub pos: usize,
    pub removed: usize,
    pub inserted: usize,
}

/// Map a span of the repaired text back to the file. `None` when the span lies in text that
/// kompass inserted itself: a finding there is a consequence of a repair, not of the file.
pub fn map_span(
    edits: &[TextEdit],
    span: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let mut start = span.start;
    let mut end = span.end;
    for e in edits.iter().rev() {
        if start >= e.pos && start < e.pos + e.inserted && e.inserted != e.removed {
            return None;
        }
        let shift = |off: usize| {
            if off >= e.pos + e.inserted {
                off - e.inserted + e.removed
            } else {
                off.min(e.pos + e.removed)
            }
        };
        start = shift(start);
        end = shift(end).max(start);
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys serde's error message for an unknown key lists, in its order.
    fn serde_keys<T: serde::de::DeserializeOwned>() -> Vec<String> {
        let e = toml::from_str::<T>("zzz_unknown = 1\n")
            .err()
            .unwrap()
            .to_string();
        // "expected one of `a`, `b`, `c`", "expected `a` or `b`".
        let listed = e.split_once(", expected").map_or("", |(_, r)| r);
        listed
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    fn keys(fields: &[Field]) -> Vec<String> {
        fields.iter().map(|f| f.key.to_string()).collect()
    }

    #[test]
    fn the_hints_know_every_key_of_the_format_from_the_schema() {
        // The keys the hand-written list of the hints once lacked: a text that runs on over one
        // of them is found, like over any other key.
        for key in [
            "register",
            "version",
            "changes",
            "by",
            "year_from",
            "year_to",
            "population_min",
            "population_max",
            "exclude_self",
            "from_register",
        ] {
            let text = format!("a = \"\"\"\nText.\n{key} = 1\n\"\"\"\n");
            assert!(
                crate::input::hints::unclosed_multiline(&text, super::keys()).is_some(),
                "{key}"
            );
        }
        let home = |k: &str| {
            homes()
                .iter()
                .find(|(x, _)| *x == k)
                .map(|(_, h)| h.as_str())
        };
        assert_eq!(home("population"), Some("[municipality]"));
        assert_eq!(home("comments"), Some("[summary]"));
        assert_eq!(home("total"), Some(""));
        // Every key of a single table has its home, unless two places hold it.
        for f in REPORT {
            assert_eq!(home(f.key), Some("[report]"), "{}", f.key);
        }
    }

    #[test]
    fn schema_is_the_data_format() {
        use crate::input::model::*;
        assert_eq!(keys(EVALUATION), serde_keys::<Evaluation>());
        assert_eq!(keys(REVISION), serde_keys::<Revision>());
        assert_eq!(keys(MUNICIPALITY), serde_keys::<Municipality>());
        assert_eq!(keys(REPORT), serde_keys::<Report>());
        assert_eq!(keys(EVALUATOR), serde_keys::<Evaluator>());
        assert_eq!(keys(SUMMARY), serde_keys::<Summary>());
        assert_eq!(keys(AREA), serde_keys::<AreaEvaluation>());
        assert_eq!(keys(COMPARISON), serde_keys::<Comparisons>());
        assert_eq!(keys(PROFILE), serde_keys::<Profile>());
        assert_eq!(keys(FILTER), serde_keys::<Filter>());
        assert_eq!(keys(EARLIER), serde_keys::<EarlierEvaluation>());
        // A table with only its required keys, each a placeholder, is what serde reads: so
        // required and optional are as the types say.
        fn reads<T: serde::de::DeserializeOwned>(fields: &'static [Field]) {
            let text = placeholder(Table(fields));
            let inline = format!("x = {text}\n");
            #[derive(serde::Deserialize)]
            struct X<T> {
                #[allow(dead_code)]
                x: T,
            }
            if let Err(e) = toml::from_str::<X<T>>(&inline) {
                panic!("{inline}: {e}");
            }
            for dropped in fields.iter().filter(|f| f.required) {
                let without: Vec<String> = fields
                    .iter()
                    .filter(|f| f.required && f.key != dropped.key)
                    .map(|f| format!("{} = {}", f.key, placeholder(f.kind)))
                    .collect();
                let inline = format!("x = {{ {} }}\n", without.join(", "));
                assert!(
                    toml::from_str::<X<T>>(&inline).is_err(),
                    "`{}` is required in the schema but not in the type",
                    dropped.key
                );
            }
        }
        reads::<Revision>(REVISION);
        reads::<Municipality>(MUNICIPALITY);
        reads::<Report>(REPORT);
        reads::<Evaluator>(EVALUATOR);
        reads::<Summary>(SUMMARY);
        reads::<AreaEvaluation>(AREA);
        reads::<Profile>(PROFILE);
        reads::<Filter>(FILTER);
        reads::<EarlierEvaluation>(EARLIER);
    }

    #[test]
    fn one_walk_finds_every_structural_error_with_its_repair() {
        let text =
            "framwork = \"x\"\n[municipality]\nname = 1\ngenitive = \"A\"\npopulation = 10\n";
        let (doc, syntax) = DeTable::parse_recoverable(text);
        assert!(syntax.is_empty());
        let w = walk(0, text, &doc);
        let ids: Vec<&str> = w.errors.iter().map(|d| d.message.id).collect();
        // `framework` is not reported missing: `framwork` was suggested for it.
        assert_eq!(
            ids,
            [
                "unknown-key",
                "wrong-type",
                "missing-key",
                "missing-key",
                "missing-key",
                "missing-key",
            ],
            "{:#?}",
            w.errors
        );
        let (repaired, _) = apply(text, &w.repairs);
        let (again, syntax) = DeTable::parse_recoverable(&repaired);
        assert!(syntax.is_empty(), "{repaired}");
        assert!(walk(0, &repaired, &again).errors.is_empty(), "{repaired}");
    }
}
