//! The editor's words: every text the page shows comes from the catalogues
//! (`messages/sv.ftl`, `messages/en.ftl`), like every other message of kompass.
//!
//! - The page's own messages (ids `editor-…`) are put into the page as it is served, as a JSON
//!   block that `i18n.js` reads: `t(id, args)` works at once and synchronously, in every module,
//!   and the page needs no key to get them (they are no data of the evaluation). Each message
//!   goes as Fluent's parser reads it, as a small tree: text, `{ $name }` and selectors on a
//!   number (plural categories, exact numbers) or a text. The page only fills it in.
//! - The words of `index.html` (`{{editor-…}}`) are filled in here, HTML-escaped.
//! - The schema of the data format ([`crate::input::structure`]) with each key's label and hint
//!   (ids `field-<table>-<key>`, `…-hint`) is `GET /api/schema`: the form is built from it.

use fluent_syntax::ast;
use serde_json::{Value as Json, json};

use crate::base::messages::{CATALOGUES, Lang, lookup};
use crate::input::structure::{Field, Kind, TABLES, kind_name, label_id, table_name};

/// A message the page cannot fill in: it uses more of Fluent than the page supports
/// (functions, message and term references, a selector on something not a `$variable`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    pub id: String,
}

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the editor's message `{}` uses Fluent the page cannot fill in",
            self.id
        )
    }
}

impl std::error::Error for Unsupported {}

/// The prefix of the page's messages in the catalogues.
pub const PREFIX: &str = "editor-";

/// Every `editor-…` message of the catalogue of `lang`, as `{id: tree}`.
pub fn editor_messages(lang: Lang) -> Result<Json, Unsupported> {
    let text = CATALOGUES[lang as usize].1;
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
    let mut out = serde_json::Map::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        if !m.id.name.starts_with(PREFIX) {
            continue;
        }
        let unsupported = || Unsupported {
            id: m.id.name.to_string(),
        };
        let value = m.value.as_ref().ok_or_else(unsupported)?;
        out.insert(
            m.id.name.to_string(),
            pattern(value).ok_or_else(unsupported)?,
        );
    }
    Ok(Json::Object(out))
}

/// A pattern as a list of texts, `{"var": name}` and
/// `{"select": name, "variants": [[key, pattern]…], "default": key}`.
fn pattern(p: &ast::Pattern<&str>) -> Option<Json> {
    let mut out = Vec::new();
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push(json!(value)),
            ast::PatternElement::Placeable { expression } => out.push(expression_json(expression)?),
        }
    }
    Some(Json::Array(out))
}

fn expression_json(e: &ast::Expression<&str>) -> Option<Json> {
    match e {
        ast::Expression::Inline(i) => inline(i),
        ast::Expression::Select { selector, variants } => {
            let ast::InlineExpression::VariableReference { id } = selector else {
                return None;
            };
            let mut list = Vec::new();
            let mut default = None;
            for v in variants {
                let key = match &v.key {
                    ast::VariantKey::Identifier { name } => name.to_string(),
                    ast::VariantKey::NumberLiteral { value } => value.to_string(),
                };
                if v.default {
                    default = Some(key.clone());
                }
                list.push(json!([key, pattern(&v.value)?]));
            }
            Some(json!({"select": id.name, "variants": list, "default": default?}))
        }
    }
}

fn inline(i: &ast::InlineExpression<&str>) -> Option<Json> {
    match i {
        ast::InlineExpression::StringLiteral { value } => Some(json!(value)),
        ast::InlineExpression::NumberLiteral { value } => Some(json!(value)),
        ast::InlineExpression::VariableReference { id } => Some(json!({"var": id.name})),
        ast::InlineExpression::Placeable { expression } => expression_json(expression),
        _ => None,
    }
}

/// The page (`index.html`) in `lang`: its `{{editor-…}}` words filled in, `{{lang}}`, and the
/// page's messages for `i18n.js` at `{{messages}}`.
pub fn page(template: &str, lang: Lang) -> String {
    // A message the page cannot use shows its id, as `t()` does for a missing one; a test
    // makes sure every message can be used.
    let messages = editor_messages(lang).unwrap_or_default();
    let block = json!({"lang": lang.code(), "messages": messages})
        .to_string()
        // Inside <script>, `</script>` or `<!--` in a text must not end the block.
        .replace('<', "\\u003c");
    let mut out = String::with_capacity(template.len() + block.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 2..start + 2 + len];
        match name {
            "lang" => out.push_str(lang.code()),
            "messages" => out.push_str(&block),
            id => out.push_str(&escape(&lookup(lang, id).unwrap_or_else(|| id.to_string()))),
        }
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The data format for the form: every table of [`TABLES`] with its keys in the declared
/// order, each with its kind, whether it is required, how the form shows it, its label and
/// its hint (or null) in `lang`; a table or a list of tables names its table.
pub fn schema(lang: Lang) -> Json {
    let tables: serde_json::Map<String, Json> = TABLES
        .iter()
        .map(|(name, fields)| {
            let keys: Vec<Json> = fields.iter().map(|f| key_json(name, f, lang)).collect();
            (name.to_string(), Json::Array(keys))
        })
        .collect();
    json!({"root": TABLES[0].0, "tables": tables})
}

fn key_json(table: &str, f: &Field, lang: Lang) -> Json {
    let id = label_id(table, f.key);
    let mut out = json!({
        "key": f.key,
        "kind": kind_name(f.kind),
        "required": f.required,
        "form": f.form.name(),
        "label": lookup(lang, &id).unwrap_or_else(|| f.key.to_string()),
        // The report is Swedish whatever the page's language: a label the page writes into
        // the file (a new comparison profile's) is this one.
        "in_report": lookup(Lang::Sv, &id),
        "hint": lookup(lang, &format!("{id}-hint")),
        "item": lookup(lang, &format!("{id}-item")),
        "absent": f.absent,
    });
    if let Kind::Table(inner) | Kind::Tables(inner) = f.kind {
        out["table"] = json!(table_name(inner));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_written_into_the_file_is_the_report_s_swedish_in_any_language() {
        for lang in [Lang::Sv, Lang::En] {
            let schema = schema(lang);
            let national = schema["tables"]["comparison"]
                .as_array()
                .unwrap()
                .iter()
                .find(|k| k["key"] == "national")
                .unwrap()
                .clone();
            assert_eq!(national["in_report"], "Nationell jämförelse", "{lang:?}");
        }
        let english = schema(Lang::En);
        let label = &english["tables"]["comparison"][0]["label"];
        assert_ne!(
            label, "Nationell jämförelse",
            "the page's own label is English"
        );
    }

    #[test]
    fn every_editor_message_can_be_filled_in_by_the_page() {
        for lang in [Lang::Sv, Lang::En] {
            let m = editor_messages(lang).unwrap();
            assert!(m.as_object().unwrap().len() > 80, "{lang:?}");
        }
    }

    #[test]
    fn selectors_and_placeables_become_trees() {
        let text = "editor-x = { $n ->\n    [0] inga\n    [one] en fil\n   *[other] { $n } filer\n} i { $dir }\n";
        let resource = fluent_syntax::parser::parse(text).unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!()
        };
        let tree = pattern(m.value.as_ref().unwrap()).unwrap();
        assert_eq!(
            tree,
            json!([
                {"select": "n", "default": "other", "variants": [
                    ["0", ["inga"]], ["one", ["en fil"]], ["other", [{"var": "n"}, " filer"]]]},
                " i ",
                {"var": "dir"}
            ])
        );
    }

    #[test]
    fn every_key_of_the_format_has_a_label_in_both_languages() {
        for (name, fields) in TABLES {
            for f in *fields {
                for lang in [Lang::Sv, Lang::En] {
                    let id = label_id(name, f.key);
                    assert!(lookup(lang, &id).is_some(), "{lang:?} lacks {id}");
                }
                if let Kind::Table(inner) | Kind::Tables(inner) = f.kind {
                    assert!(table_name(inner).is_some(), "{name}.{}", f.key);
                }
            }
        }
    }

    #[test]
    fn the_page_has_every_word_filled_in_and_its_messages_cannot_end_the_block() {
        let html = page(
            "<html lang=\"{{lang}}\"><b>{{editor-undo}}</b><script type=\"application/json\">{{messages}}</script>",
            Lang::Sv,
        );
        assert!(html.starts_with("<html lang=\"sv\"><b>Ångra</b>"), "{html}");
        let block = html.split("json\">").nth(1).unwrap();
        assert_eq!(block.matches("</script>").count(), 1);
        let json: Json = serde_json::from_str(block.trim_end_matches("</script>")).unwrap();
        assert_eq!(json["lang"], "sv");
        assert!(json["messages"]["editor-undo"].is_array());
        // A `{{` that is never closed is left as it is, once.
        assert_eq!(page("a {{b", Lang::Sv), "a {{b");
        assert_eq!(page("{{editor-redo}} {{x", Lang::En), "Redo {{x");
    }
}
