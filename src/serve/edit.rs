//! Edits from the form, applied to the evaluation's TOML with toml_edit: comments, blank lines,
//! key order and a value's trailing comment survive, so that one change in the form is one
//! changed line (or one changed string) in the file.

use serde::Deserialize;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::messages::{Message, msg};
use crate::structure::{EVALUATION, Field, Kind};

/// One step of a key path: a key, or the n-th element (1-based) of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// `area[4].scores."4.2"` → `area`, 4, `scores`, `4.2`.
pub fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let mut chars = path.chars().peekable();
    loop {
        match chars.peek()? {
            '"' => {
                chars.next();
                let mut key = String::new();
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => key.push(chars.next()?),
                        c => key.push(c),
                    }
                }
                segs.push(Seg::Key(key));
            }
            _ => {
                let mut key = String::new();
                while let Some(&c) = chars.peek() {
                    if c == '.' || c == '[' {
                        break;
                    }
                    key.push(c);
                    chars.next();
                }
                if key.is_empty() {
                    return None;
                }
                segs.push(Seg::Key(key));
            }
        }
        while chars.peek() == Some(&'[') {
            chars.next();
            let mut n = String::new();
            for c in chars.by_ref() {
                if c == ']' {
                    break;
                }
                n.push(c);
            }
            segs.push(Seg::Index(n.parse().ok().filter(|n| *n >= 1)?));
        }
        match chars.next() {
            None => return Some(segs),
            Some('.') => {}
            Some(_) => return None,
        }
    }
}

/// What the form asks.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Edit {
    /// Set the value at a key path (a text, a number, yes/no, a date as text, a list of texts).
    Set {
        path: String,
        value: serde_json::Value,
    },
    /// Insert a text into a list at a place (0-based).
    Insert {
        path: String,
        index: usize,
        value: serde_json::Value,
    },
    /// Remove the element at a key path (`area[1].strengths[2]`, `evaluators[3]`).
    Remove { path: String },
    /// Move an element of a list (0-based places).
    Move {
        path: String,
        from: usize,
        to: usize,
    },
    /// Add a table to a list of tables (`evaluators`, `revision`), with its required keys.
    Add { path: String },
}

/// Why an edit was not made: a message for the field.
pub type Refusal = Message;

/// What a key path holds in the data format, if it is one of its keys.
pub fn kind_at(segs: &[Seg]) -> Option<Kind> {
    let mut fields: &[Field] = EVALUATION;
    let mut kind: Option<Kind> = None;
    for seg in segs {
        kind = match (kind, seg) {
            (None | Some(Kind::Table(_)), Seg::Key(k)) => {
                Some(fields.iter().find(|f| f.key == k)?.kind)
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
    kind
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
        Edit::Set { path, value } => {
            let segs = path_of(path)?;
            let kind = kind_at(&segs).ok_or_else(|| msg!("serve-bad-path", path = path))?;
            let new = to_value(kind, value)?;
            set(doc.as_item_mut(), &segs, new)
        }
        Edit::Insert { path, index, value } => {
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
        Edit::Remove { path } => {
            let mut segs = path_of(path)?;
            let Some(Seg::Index(i)) = segs.pop() else {
                return Err(msg!("serve-bad-path", path = path));
            };
            remove(doc, &segs, i - 1).ok_or_else(|| msg!("serve-bad-path", path = path))
        }
        Edit::Move { path, from, to } => {
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

/// A new table's value for a required key, until the form fills it in.
fn placeholder(kind: Kind) -> Value {
    match kind {
        Kind::Whole => Value::from(0),
        Kind::Number => Value::from(0.0),
        Kind::Bool => Value::from(false),
        Kind::Date => crate::skeleton::today_iso()
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
            let table = item.as_table_like_mut().ok_or_else(bad)?;
            if rest.is_empty() && table.get(k).is_none() {
                table.insert(k, Item::Value(new));
                return Ok(());
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

fn replace(old: &mut Value, mut new: Value) {
    // A number written with thousands grouped (`20_000`) stays grouped.
    let grouped = old
        .as_integer()
        .and(old.to_string().contains('_').then_some(()))
        .is_some();
    if let (true, Some(n)) = (grouped, new.as_integer())
        && let Ok(v) = group_thousands(n).parse::<Value>()
    {
        new = v;
    }
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

/// `100000` → `100_000`.
fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
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
}
