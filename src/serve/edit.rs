//! Edits from the form, applied to the evaluation's TOML with toml_edit: comments, blank lines,
//! key order and a value's trailing comment survive, so that one change in the form is one
//! changed line (or one changed string) in the file.

use serde::Deserialize;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::base::messages::{Message, msg};
use crate::input::structure::{EVALUATION, Field, Kind};

pub use crate::base::keypath::{KeyPath, Seg};

/// `area[4].scores."4.2"` → `area`, 4, `scores`, `4.2` (see [`KeyPath`]); the whole file is
/// not a path an edit can take.
pub fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let path: KeyPath = path.parse().ok()?;
    (!path.is_empty()).then(|| path.into_segs())
}

/// What the form asks. Each edit may say what the page saw before it (`base`): the value of the
/// key, or the list it changed. When the file holds something else by then (a change on disk, or
/// from another tab), the edit is merged with that change instead of replacing it
/// ([`apply_merged`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Edit {
    /// Set the value at a key path (a text, a number, yes/no, a date as text, a list of texts);
    /// `null` empties an optional key (the key goes).
    Set {
        path: String,
        value: serde_json::Value,
        #[serde(default)]
        base: Option<serde_json::Value>,
    },
    /// Insert a text into a list at a place (0-based).
    Insert {
        path: String,
        index: usize,
        value: serde_json::Value,
        #[serde(default)]
        base: Option<serde_json::Value>,
    },
    /// Remove the element at a key path (`area[1].strengths[2]`, `evaluators[3]`); `base` is the
    /// element as the page saw it.
    Remove {
        path: String,
        #[serde(default)]
        base: Option<serde_json::Value>,
    },
    /// Move an element of a list (0-based places).
    Move {
        path: String,
        from: usize,
        to: usize,
        #[serde(default)]
        base: Option<serde_json::Value>,
    },
    /// Add a table to a list of tables (`evaluators`, `revision`), with its required keys.
    Add { path: String },
}

impl Edit {
    /// The key path the edit names.
    pub fn path(&self) -> &str {
        match self {
            Edit::Set { path, .. }
            | Edit::Insert { path, .. }
            | Edit::Remove { path, .. }
            | Edit::Move { path, .. }
            | Edit::Add { path } => path,
        }
    }
}

/// Why an edit was not made: a message for the field.
pub type Refusal = Message;

/// What became of an edit merged with the file as it is now.
#[derive(Debug, Clone, PartialEq)]
pub enum Merged {
    /// Made (also when it was merged by words with another change of the same text).
    Made,
    /// The file already held what the edit asks.
    Already,
    /// The same words (or the same number, date, list) were changed differently meanwhile: the
    /// edit is not made, and both versions go back to the page.
    Conflict {
        mine: serde_json::Value,
        theirs: serde_json::Value,
    },
}

/// Apply an edit to the file as it is now, merged with whatever changed there since the page saw
/// `base`: a key nobody else changed is set; a text both changed is merged by words
/// ([`super::merge::words3`]); only the same words changed differently are a conflict. A list
/// edit finds its element by value when the list changed meanwhile.
pub fn apply_merged(doc: &mut DocumentMut, edit: &Edit) -> Result<Merged, Refusal> {
    let path_of = |p: &str| parse_path(p).ok_or_else(|| msg!("serve-bad-path", path = p));
    let segs = path_of(edit.path())?;
    let now = value_at(doc.as_item(), &segs);
    match edit {
        Edit::Set { path, value, base } => {
            let Some(base) = base else {
                return apply(doc, edit).map(|()| Merged::Made);
            };
            let now = now.unwrap_or(serde_json::Value::Null);
            if &now == base {
                return apply(doc, edit).map(|()| Merged::Made);
            }
            if &now == value {
                return Ok(Merged::Already);
            }
            let texts = (base.as_str(), value.as_str(), now.as_str());
            if let (Some(b), Some(mine), Some(theirs)) = texts
                && let Some(merged) = super::merge::words3(b, mine, theirs)
            {
                let set = Edit::Set {
                    path: path.clone(),
                    value: serde_json::Value::String(merged),
                    base: None,
                };
                return apply(doc, &set).map(|()| Merged::Made);
            }
            Ok(Merged::Conflict {
                mine: value.clone(),
                theirs: now,
            })
        }
        _ => merge_list_edit(doc, edit, &segs, now),
    }
}

/// A list edit merged with the list as it is now: an element is found by its value when the
/// list changed since the page saw it (`base`).
fn merge_list_edit(
    doc: &mut DocumentMut,
    edit: &Edit,
    segs: &[Seg],
    now: Option<serde_json::Value>,
) -> Result<Merged, Refusal> {
    match edit {
        Edit::Insert {
            base: Some(base),
            path,
            index,
            value,
        } if now.as_ref() != Some(base) => {
            let list = now
                .as_ref()
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default();
            // Before the element that followed the place, wherever it is now; else at the end.
            let at = base
                .as_array()
                .and_then(|b| b.get(*index))
                .and_then(|next| list.iter().position(|v| v == next))
                .unwrap_or(list.len());
            let moved = Edit::Insert {
                path: path.clone(),
                index: at,
                value: value.clone(),
                base: None,
            };
            apply(doc, &moved).map(|()| Merged::Made)
        }
        Edit::Remove {
            base: Some(base),
            path,
        } if now.as_ref() != Some(base) => {
            // The element, wherever it is now; gone already is done.
            let mut list_segs = segs.to_vec();
            list_segs.pop();
            let list = value_at(doc.as_item(), &list_segs);
            let found = list
                .as_ref()
                .and_then(|l| l.as_array())
                .and_then(|l| l.iter().position(|v| v == base));
            let Some(i) = found else {
                return Ok(Merged::Already);
            };
            let list_path = path.rsplit_once('[').map_or(path.as_str(), |(p, _)| p);
            let remove = Edit::Remove {
                path: format!("{list_path}[{}]", i + 1),
                base: None,
            };
            apply(doc, &remove).map(|()| Merged::Made)
        }
        Edit::Move {
            base: Some(base),
            path,
            from,
            to,
        } if now.as_ref() != Some(base) => {
            let list = now
                .as_ref()
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default();
            let item = base.as_array().and_then(|b| b.get(*from));
            let Some(at) = item.and_then(|item| list.iter().position(|v| v == item)) else {
                return Ok(Merged::Already);
            };
            let to = (*to).min(list.len().saturating_sub(1));
            let moved = Edit::Move {
                path: path.clone(),
                from: at,
                to,
                base: None,
            };
            apply(doc, &moved).map(|()| Merged::Made)
        }
        _ => apply(doc, edit).map(|()| Merged::Made),
    }
}

/// The value at a key path, as JSON (dates as `YYYY-MM-DD` text), if the file has it.
pub fn value_at(item: &Item, segs: &[Seg]) -> Option<serde_json::Value> {
    match segs {
        [] => item_json(item),
        [Seg::Key(k), rest @ ..] => value_at(item.as_table_like()?.get(k)?, rest),
        [Seg::Index(i), rest @ ..] => match item {
            Item::ArrayOfTables(a) => {
                let t = a.get(i - 1)?;
                match rest {
                    [] => Some(table_json(t)),
                    [Seg::Key(k), rest @ ..] => value_at(t.get(k)?, rest),
                    _ => None,
                }
            }
            Item::Value(Value::Array(a)) if rest.is_empty() => value_json(a.get(i - 1)?),
            _ => None,
        },
    }
}

fn item_json(item: &Item) -> Option<serde_json::Value> {
    match item {
        Item::Value(v) => value_json(v),
        Item::Table(t) => Some(table_json(t)),
        Item::ArrayOfTables(a) => Some(serde_json::Value::Array(
            a.iter().map(|t| table_json(t)).collect(),
        )),
        Item::None => None,
    }
}

fn table_json(t: &dyn toml_edit::TableLike) -> serde_json::Value {
    serde_json::Value::Object(
        t.iter()
            .filter_map(|(k, v)| Some((k.to_string(), item_json(v)?)))
            .collect(),
    )
}

fn value_json(v: &Value) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    Some(match v {
        Value::String(s) => J::String(s.value().clone()),
        Value::Integer(i) => J::from(*i.value()),
        Value::Float(f) => J::from(*f.value()),
        Value::Boolean(b) => J::Bool(*b.value()),
        Value::Datetime(d) => J::String(d.value().to_string()),
        Value::Array(a) => J::Array(a.iter().filter_map(value_json).collect()),
        Value::InlineTable(t) => table_json(t),
    })
}

/// What a key path holds in the data format, if it is one of its keys.
pub fn kind_at(segs: &[Seg]) -> Option<Kind> {
    field_at(segs).map(|(kind, _)| kind)
}

/// What a key path holds, and whether the format requires it (an element of a list is).
pub fn field_at(segs: &[Seg]) -> Option<(Kind, bool)> {
    let mut fields: &[Field] = EVALUATION;
    let mut kind: Option<Kind> = None;
    let mut required = true;
    for seg in segs {
        required = true;
        kind = match (kind, seg) {
            (None | Some(Kind::Table(_)), Seg::Key(k)) => {
                let field = fields.iter().find(|f| f.key == k)?;
                required = field.required;
                Some(field.kind)
            }
            (Some(Kind::Tables(f)), Seg::Index(_)) => Some(Kind::Table(f)),
            (Some(Kind::Texts), Seg::Index(_)) => Some(Kind::Text),
            (Some(Kind::Numbers), Seg::Index(_)) => Some(Kind::Number),
            (Some(Kind::Scores), Seg::Key(_)) => Some(Kind::Whole),
            _ => return None,
        };
        if let Some(Kind::Table(f)) = kind {
            fields = f;
        }
    }
    kind.map(|k| (k, required))
}

/// A form value as a TOML value of the kind the path holds; a refusal when it is not one.
fn to_value(kind: Kind, json: &serde_json::Value) -> Result<Value, Refusal> {
    use serde_json::Value as J;
    let wrong = || msg!("serve-wrong-value", expected = expected(kind));
    Ok(match (kind, json) {
        (Kind::Text, J::String(s)) => Value::from(s.as_str()),
        (Kind::Whole, J::Number(n)) => Value::from(n.as_i64().ok_or_else(wrong)?),
        (Kind::Number, J::Number(n)) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64().ok_or_else(wrong)?),
        },
        (Kind::Bool, J::Bool(b)) => Value::from(*b),
        (Kind::Date, J::String(s)) => {
            let date: toml_edit::Datetime = s.trim().parse().map_err(|_| wrong())?;
            if date.date.is_none() || date.time.is_some() {
                return Err(wrong());
            }
            Value::from(date)
        }
        (Kind::Texts | Kind::Numbers, J::Array(items)) => {
            let each = if matches!(kind, Kind::Texts) {
                Kind::Text
            } else {
                Kind::Number
            };
            let mut a = Array::new();
            for item in items {
                a.push(to_value(each, item)?);
            }
            Value::Array(a)
        }
        _ => return Err(wrong()),
    })
}

fn expected(kind: Kind) -> Message {
    match kind {
        Kind::Text => msg!("expected-string"),
        Kind::Whole => msg!("expected-whole-number"),
        Kind::Number => msg!("expected-number"),
        Kind::Bool => msg!("expected-boolean"),
        Kind::Date => msg!("expected-date"),
        Kind::Texts | Kind::Numbers | Kind::Tables(_) => msg!("expected-list"),
        Kind::Scores | Kind::Table(_) => msg!("expected-table"),
    }
}

/// Apply one edit to the document.
pub fn apply(doc: &mut DocumentMut, edit: &Edit) -> Result<(), Refusal> {
    let path_of = |p: &str| parse_path(p).ok_or_else(|| msg!("serve-bad-path", path = p));
    match edit {
        Edit::Set { path, value, .. } => {
            let segs = path_of(path)?;
            let (kind, required) =
                field_at(&segs).ok_or_else(|| msg!("serve-bad-path", path = path))?;
            if value.is_null() {
                return empty(doc, &segs, kind, required);
            }
            let new = to_value(kind, value)?;
            set(doc.as_item_mut(), &segs, new)
        }
        Edit::Insert {
            path, index, value, ..
        } => {
            let segs = path_of(path)?;
            let kind = match kind_at(&segs) {
                Some(Kind::Texts) => Kind::Text,
                _ => return Err(msg!("serve-bad-path", path = path)),
            };
            let new = to_value(kind, value)?;
            let array = array_at(doc, &segs, true)?;
            let index = (*index).min(array.len());
            insert_like_neighbours(array, index, new);
            Ok(())
        }
        Edit::Remove { path, .. } => {
            let mut segs = path_of(path)?;
            let Some(Seg::Index(i)) = segs.pop() else {
                return Err(msg!("serve-bad-path", path = path));
            };
            remove(doc, &segs, i - 1).ok_or_else(|| msg!("serve-bad-path", path = path))
        }
        Edit::Move { path, from, to, .. } => {
            let segs = path_of(path)?;
            if matches!(kind_at(&segs), Some(Kind::Tables(_))) {
                return move_table(doc, &segs, *from, *to)
                    .ok_or_else(|| msg!("serve-bad-path", path = path));
            }
            let array = array_at(doc, &segs, false)?;
            if *from >= array.len() || *to >= array.len() {
                return Err(msg!("serve-bad-path", path = path));
            }
            let moved = array.remove(*from);
            insert_like_neighbours(array, *to, moved);
            Ok(())
        }
        Edit::Add { path } => {
            let segs = path_of(path)?;
            let Some(Kind::Tables(fields)) = kind_at(&segs) else {
                return Err(msg!("serve-bad-path", path = path));
            };
            let mut table = Table::new();
            for f in fields.iter().filter(|f| f.required) {
                table.insert(f.key, Item::Value(placeholder(f.kind)));
            }
            let [Seg::Key(key)] = segs.as_slice() else {
                return Err(msg!("serve-bad-path", path = path));
            };
            let root = doc.as_table_mut();
            if root.get(key).is_none() {
                root.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
            }
            match root.get_mut(key) {
                Some(Item::ArrayOfTables(a)) => {
                    a.push(table);
                    Ok(())
                }
                _ => Err(msg!("serve-bad-path", path = path)),
            }
        }
    }
}

/// Empty a key: an optional one goes from the file; a required text becomes `""` (check then
/// says what is missing); any other required key must hold a value.
fn empty(doc: &mut DocumentMut, segs: &[Seg], kind: Kind, required: bool) -> Result<(), Refusal> {
    if required {
        return match kind {
            Kind::Text => set(doc.as_item_mut(), segs, Value::from("")),
            _ => Err(msg!("serve-required")),
        };
    }
    let bad = || msg!("serve-bad-path", path = "");
    let (Seg::Key(key), parent) = segs.split_last().ok_or_else(bad)? else {
        return Err(bad());
    };
    if let Some(table) = table_at(doc.as_item_mut(), parent) {
        table.remove(key);
    }
    Ok(())
}

/// A new table's value for a required key, until the form fills it in.
fn placeholder(kind: Kind) -> Value {
    match kind {
        Kind::Whole => Value::from(0),
        Kind::Number => Value::from(0.0),
        Kind::Bool => Value::from(false),
        Kind::Date => crate::input::skeleton::today_iso()
            .parse::<toml_edit::Datetime>()
            .map_or_else(|_| Value::from(""), Value::from),
        Kind::Texts | Kind::Numbers | Kind::Tables(_) => Value::Array(Array::new()),
        _ => Value::from(""),
    }
}

/// Put `new` at the end of a key path, keeping the old value's decor (its spaces and trailing
/// comment); a key the table lacks is added.
fn set(item: &mut Item, segs: &[Seg], new: Value) -> Result<(), Refusal> {
    let bad = || msg!("serve-bad-path", path = "");
    match segs {
        [] => match item {
            Item::Value(old) => {
                replace(old, new);
                Ok(())
            }
            _ => Err(bad()),
        },
        [Seg::Key(k), rest @ ..] => {
            let real_table = item.is_table();
            let table = item.as_table_like_mut().ok_or_else(bad)?;
            if rest.is_empty() && table.get(k).is_none() {
                table.insert(k, Item::Value(new));
                return Ok(());
            }
            // A table the file does not have yet (`comparison.national`) is made on the way.
            if table.get(k).is_none() && matches!(rest.first(), Some(Seg::Key(_))) {
                table.insert(k, new_table(real_table));
            }
            set(table.get_mut(k).ok_or_else(bad)?, rest, new)
        }
        [Seg::Index(i), rest @ ..] => match item {
            Item::ArrayOfTables(a) => {
                let table = a.get_mut(i - 1).ok_or_else(bad)?;
                let [Seg::Key(k), rest @ ..] = rest else {
                    return Err(bad());
                };
                if rest.is_empty() && table.get(k).is_none() {
                    table.insert(k, Item::Value(new));
                    return Ok(());
                }
                set(table.get_mut(k).ok_or_else(bad)?, rest, new)
            }
            Item::Value(Value::Array(a)) if rest.is_empty() => {
                replace(a.get_mut(i - 1).ok_or_else(bad)?, new);
                Ok(())
            }
            _ => Err(bad()),
        },
    }
}

/// An empty table: `[a.b]` under a table (implicit, so no empty header is written), inline
/// inside an inline table.
fn new_table(under_table: bool) -> Item {
    if under_table {
        let mut t = Table::new();
        t.set_implicit(true);
        Item::Table(t)
    } else {
        Item::Value(Value::InlineTable(toml_edit::InlineTable::new()))
    }
}

fn replace(old: &mut Value, mut new: Value) {
    // A number written with thousands grouped (`20_000`) stays grouped.
    let grouped = old
        .as_integer()
        .and(old.to_string().contains('_').then_some(()))
        .is_some();
    if let (true, Some(n)) = (grouped, new.as_integer())
        && let Ok(v) = crate::base::format::toml_thousands(n).parse::<Value>()
    {
        new = v;
    }
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

/// The inline list at a key path; with `create`, an empty one is added where the key is missing.
fn array_at<'d>(
    doc: &'d mut DocumentMut,
    segs: &[Seg],
    create: bool,
) -> Result<&'d mut Array, Refusal> {
    let bad = || msg!("serve-bad-path", path = "");
    let (last, parent) = segs.split_last().ok_or_else(bad)?;
    let Seg::Key(key) = last else {
        return Err(bad());
    };
    let table = table_at(doc.as_item_mut(), parent).ok_or_else(bad)?;
    if create && table.get(key).is_none() {
        table.insert(key, Item::Value(Value::Array(Array::new())));
    }
    match table.get_mut(key) {
        Some(Item::Value(Value::Array(a))) => Ok(a),
        _ => Err(bad()),
    }
}

/// The table at a key path (a [table], an element of [[tables]], or an inline table).
fn table_at<'d>(item: &'d mut Item, segs: &[Seg]) -> Option<&'d mut dyn toml_edit::TableLike> {
    match segs {
        [] => item.as_table_like_mut(),
        [Seg::Key(k), rest @ ..] => table_at(item.as_table_like_mut()?.get_mut(k)?, rest),
        [Seg::Index(i), rest @ ..] => match item {
            Item::ArrayOfTables(a) => {
                let t = a.get_mut(i - 1)?;
                match rest {
                    [] => Some(t),
                    [Seg::Key(k), rest @ ..] => table_at(t.get_mut(k)?, rest),
                    _ => None,
                }
            }
            _ => None,
        },
    }
}

/// Move a table of a list of tables (`[[evaluators]]`) one place at a time: neighbours swap
/// their contents and keep their places in the file, so only those lines change.
fn move_table(doc: &mut DocumentMut, segs: &[Seg], from: usize, to: usize) -> Option<()> {
    let (last, parent) = segs.split_last()?;
    let Seg::Key(key) = last else { return None };
    let Item::ArrayOfTables(a) = table_at(doc.as_item_mut(), parent)?.get_mut(key)? else {
        return None;
    };
    if from >= a.len() || to >= a.len() {
        return None;
    }
    let step: isize = if to > from { 1 } else { -1 };
    let mut i = from;
    while i != to {
        let j = i.checked_add_signed(step)?;
        let mut first = a.get(i)?.clone();
        let mut second = a.get(j)?.clone();
        let (p, q) = (first.position(), second.position());
        first.set_position(q);
        second.set_position(p);
        *a.get_mut(i)? = second;
        *a.get_mut(j)? = first;
        i = j;
    }
    Some(())
}

/// Remove the `index`-th element (0-based) of the list at `segs`.
fn remove(doc: &mut DocumentMut, segs: &[Seg], index: usize) -> Option<()> {
    let (last, parent) = segs.split_last()?;
    let Seg::Key(key) = last else { return None };
    let table = table_at(doc.as_item_mut(), parent)?;
    match table.get_mut(key)? {
        Item::ArrayOfTables(a) if index < a.len() => {
            a.remove(index);
            Some(())
        }
        Item::Value(Value::Array(a)) if index < a.len() => {
            a.remove(index);
            Some(())
        }
        _ => None,
    }
}

/// Insert into a list so that the new element is laid out like the others (one per line when
/// they are).
fn insert_like_neighbours(array: &mut Array, index: usize, mut value: Value) {
    let model = array
        .get(index.saturating_sub(1))
        .or_else(|| array.get(index))
        .map(|v| v.decor().clone());
    if let Some(decor) = model {
        *value.decor_mut() = decor;
    }
    array.insert_formatted(index, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_paths_as_findings_write_them() {
        assert_eq!(
            parse_path("area[4].scores.\"4.2\""),
            Some(vec![
                Seg::Key("area".into()),
                Seg::Index(4),
                Seg::Key("scores".into()),
                Seg::Key("4.2".into()),
            ])
        );
        assert_eq!(parse_path("area[0].id"), None);
        assert_eq!(parse_path(""), None);
        assert_eq!(parse_path("a..b"), None);
        assert!(matches!(
            kind_at(&parse_path("area[4].scores.\"4.2\"").unwrap()),
            Some(Kind::Whole)
        ));
        assert!(matches!(
            kind_at(&parse_path("area[1].strengths[2]").unwrap()),
            Some(Kind::Text)
        ));
        assert!(kind_at(&parse_path("area[1].nothing").unwrap()).is_none());
    }

    #[test]
    fn one_change_is_one_line_and_comments_stay() {
        let text = "# Kommentar\n[municipality]\nname = \"Leksand\"  # ortnamnet\npopulation = 15_000\n\n[[area]]\nid = 1\nstrengths = [\n  \"Ett\",\n  \"Två\",\n]\n[area.scores]\n\"1.1\" = 5 # bra\n";
        let mut doc: DocumentMut = text.parse().unwrap();
        let edit = |path: &str, value: serde_json::Value| Edit::Set {
            path: path.into(),
            value,
            base: None,
        };
        apply(
            &mut doc,
            &edit("area[1].scores.\"1.1\"", serde_json::json!(7)),
        )
        .unwrap();
        apply(
            &mut doc,
            &edit("municipality.name", serde_json::json!("Rättvik")),
        )
        .unwrap();
        let out = doc.to_string();
        let changed: Vec<(&str, &str)> = text
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(
            changed,
            [
                (
                    "name = \"Leksand\"  # ortnamnet",
                    "name = \"Rättvik\"  # ortnamnet"
                ),
                ("\"1.1\" = 5 # bra", "\"1.1\" = 7 # bra"),
            ]
        );
        apply(
            &mut doc,
            &Edit::Insert {
                path: "area[1].strengths".into(),
                index: 2,
                value: serde_json::json!("Tre"),
                base: None,
            },
        )
        .unwrap();
        assert!(
            doc.to_string().contains("  \"Två\",\n  \"Tre\",\n]"),
            "{doc}"
        );
        let refused = apply(
            &mut doc,
            &edit("area[1].scores.\"1.1\"", serde_json::json!("7")),
        );
        assert_eq!(refused.unwrap_err().id, "serve-wrong-value");
        assert!(apply(&mut doc, &edit("../etc/passwd", serde_json::json!(1))).is_err());
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Two sides edit different keys, each based on what it last saw, in any interleaving:
        /// no edit is lost, the file always parses, and each changed value is one changed line.
        #[test]
        fn edits_to_different_keys_merge_in_any_interleaving(
            a in proptest::collection::vec((0usize..4, 0i64..20), 1..12),
            b in proptest::collection::vec((0usize..4, 0i64..20), 1..12),
            order in proptest::collection::vec(any::<bool>(), 24),
        ) {
            let text = "# Kommentar\n[[area]]\nid = 1\n[area.scores]\n\"1.1\" = 5 # a\n\"1.2\" = 6\n\"1.3\" = 7\n\"1.4\" = 8\n\"1.5\" = 9\n\n[[area]]\nid = 2\n[area.scores]\n\"2.1\" = 1\n\"2.2\" = 2\n\"2.3\" = 3\n";
            let mut doc: DocumentMut = text.parse().unwrap();
            // Side A edits 1.2–1.5, side B 2.1–2.3 and 1.1: different keys.
            let key = |side: bool, i: usize| if side { format!("1.{}", i + 2) } else { ["2.1", "2.2", "2.3", "1.1"][i].to_string() };
            let original = |k: &str| text.lines().find(|l| l.starts_with(&format!("\"{k}\""))).and_then(|l| l.split(" = ").nth(1)).and_then(|v| v.split(' ').next()).and_then(|v| v.parse::<i64>().ok()).unwrap();
            let mut seen: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
            let (mut ia, mut ib) = (0, 0);
            for take_a in order.iter().copied().chain(std::iter::repeat_n(true, a.len())).chain(std::iter::repeat_n(false, b.len())) {
                let (side, op) = if take_a && ia < a.len() { ia += 1; (true, a[ia - 1]) } else if !take_a && ib < b.len() { ib += 1; (false, b[ib - 1]) } else { continue };
                let k = key(side, op.0);
                let base = *seen.get(&k).unwrap_or(&original(&k));
                let area = &k[..1];
                let edit = Edit::Set { path: KeyPath::top("area").nth(area.parse().unwrap()).at("scores").at(k.as_str()).to_string(), value: serde_json::json!(op.1), base: Some(serde_json::json!(base)) };
                let merged = apply_merged(&mut doc, &edit);
                prop_assert!(matches!(merged, Ok(Merged::Made | Merged::Already)), "{merged:?}");
                seen.insert(k, op.1);
                let again: Result<DocumentMut, _> = doc.to_string().parse();
                prop_assert!(again.is_ok());
            }
            let out = doc.to_string();
            for (k, v) in &seen {
                prop_assert!(out.lines().any(|l| l.starts_with(&format!("\"{k}\" = {v}"))), "{k} = {v} lost: {out}");
            }
            let changed = text.lines().zip(out.lines()).filter(|(x, y)| x != y).count();
            let differ = seen.iter().filter(|(k, v)| original(k) != **v).count();
            prop_assert_eq!(changed, differ);
            prop_assert_eq!(text.lines().count(), out.lines().count());
        }
    }
}
