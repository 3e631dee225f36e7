//! The small, safe markup of text fields: paragraphs, *emphasis*, **strong**, bullet and numbered
//! lists (CommonMark syntax). A field is turned into a tree of plain strings that the template
//! prints as text, so nothing in it can ever run as Typst code. Constructs outside that set
//! (headings, links, code, HTML, block quotes …) print exactly as they were typed.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph of inline content.
    Par { c: Vec<Inline> },
    /// A bullet list (`start` is none) or a numbered list.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub enum Inline {
    Text { s: String },
    Emph { c: Vec<Inline> },
    Strong { c: Vec<Inline> },
    Br,
}

/// Parse a text field. A multi-line text indented as a whole (as people indent a `"""` text
/// under its key, with tabs or spaces) loses that common indentation first, as `textwrap.dedent`
/// does, so that its lines stay one paragraph and its "- " lines a list.
pub fn parse(src: &str) -> Vec<Block> {
    let dedented = word_bullets(&dedent(src));
    let src = dedented.as_str();
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(src, Options::empty())
        .into_offset_iter()
        .collect();
    let mut p = Conv {
        src,
        events,
        pos: 0,
    };
    p.blocks()
}

/// The bullets a text pasted from Word brings ("•", "◦", "▪", and Symbol's private ""), at the
/// start of a line, as the "- " items they mean: "•En strategi" and "• Ett råd" on lines of
/// their own are a list, not one paragraph. A bullet line holding more bullets ("•En •Två",
/// where the paste lost its line breaks) is one item per bullet. Other text is left as it is.
pub fn word_bullets(text: &str) -> String {
    const BULLETS: [char; 4] = ['•', '◦', '▪', '\u{f0b7}'];
    if !text.contains(BULLETS) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous_was_item = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = &body[..body.len() - body.trim_start().len()];
        // Two bullets or more inside a line ("Kommunen har: •En •Två"): the text before the
        // first is the paragraph's, the rest a list.
        let (lead, body) = match body.find(BULLETS) {
            Some(i) if i > 0 && body.matches(BULLETS).count() >= 2 => body.split_at(i),
            _ => ("", body),
        };
        if !lead.trim().is_empty() {
            out.push_str(lead.trim_end());
            out.push('\n');
        }
        let Some(rest) = body.trim_start().strip_prefix(BULLETS) else {
            // The list ends where a line without a bullet follows it.
            if previous_was_item && !body.trim().is_empty() {
                out.push('\n');
            }
            previous_was_item = false;
            out.push_str(line);
            continue;
        };
        // A list begins on a line of its own, after a blank line (and never as a continuation
        // of the paragraph's text, which CommonMark would otherwise allow).
        if !previous_was_item && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        for item in rest.split(BULLETS) {
            let item = item.trim();
            if !item.is_empty() {
                out.push_str(&format!("{indent}- {item}\n"));
            }
        }
        previous_was_item = true;
    }
    out
}

/// `text` without the leading whitespace every non-blank line shares.
pub fn dedent(text: &str) -> String {
    let common = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| &l[..l.len() - l.trim_start().len()])
        .reduce(|a, b| {
            let n = a
                .char_indices()
                .zip(b.chars())
                .take_while(|((_, x), y)| x == y)
                .last()
                .map_or(0, |((i, x), _)| i + x.len_utf8());
            &a[..n]
        })
        .unwrap_or("");
    if common.is_empty() {
        return text.to_string();
    }
    text.split_inclusive('\n')
        .map(|l| {
            l.strip_prefix(common)
                .unwrap_or(l.trim_start_matches([' ', '\t']))
        })
        .collect()
}

/// Parse a one-paragraph field (a bullet of Styrkor / Förbättringsmöjligheter): the inline
/// content of its blocks, paragraphs separated by a line break.
pub fn parse_inline(src: &str) -> Vec<Inline> {
    // A bullet of a list with the bullet pasted in too ("• Tydlig styrning"): the list draws
    // its own.
    let src = src
        .trim_start()
        .strip_prefix(['•', '◦', '▪', '\u{f0b7}'])
        .map_or(src, str::trim_start);
    let mut out = Vec::new();
    for block in parse(src) {
        if !out.is_empty() {
            out.push(Inline::Br);
        }
        match block {
            Block::Par { c } => out.extend(c),
            // A list inside a bullet: keep what was typed.
            Block::List { .. } => out.push(Inline::Text {
                s: src.trim().to_string(),
            }),
        }
    }
    out
}

/// How deep lists and emphasis nest in a text: (list levels, emphasis levels).
pub fn nesting(blocks: &[Block]) -> (usize, usize) {
    fn inline(c: &[Inline]) -> usize {
        c.iter()
            .map(|i| match i {
                Inline::Emph { c } | Inline::Strong { c } => 1 + inline(c),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    blocks
        .iter()
        .map(|b| match b {
            Block::Par { c } => (0, inline(c)),
            Block::List { items, .. } => items
                .iter()
                .map(|item| {
                    let (l, e) = nesting(item);
                    (l + 1, e)
                })
                .fold((1, 0), |a, b| (a.0.max(b.0), a.1.max(b.1))),
        })
        .fold((0, 0), |a, b| (a.0.max(b.0), a.1.max(b.1)))
}

/// Plain text of inline content (for alt texts and tests).
pub fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { s } => s.clone(),
            Inline::Emph { c } | Inline::Strong { c } => plain(c),
            Inline::Br => "\n".to_string(),
        })
        .collect()
}

struct Conv<'a> {
    src: &'a str,
    events: Vec<(Event<'a>, Range<usize>)>,
    pos: usize,
}

impl Conv<'_> {
    fn peek(&self) -> Option<&(Event<'_>, Range<usize>)> {
        self.events.get(self.pos)
    }

    /// Blocks until the end of the enclosing container (or of the input).
    fn blocks(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        let mut loose: Vec<Inline> = Vec::new();
        while let Some((ev, range)) = self.peek().cloned() {
            match ev {
                Event::End(_) => break,
                Event::Start(Tag::Paragraph) => {
                    flush(&mut loose, &mut out);
                    self.pos += 1;
                    let c = self.inlines();
                    self.pos += 1; // End(Paragraph)
                    out.push(Block::Par { c });
                }
                Event::Start(Tag::List(start)) => {
                    flush(&mut loose, &mut out);
                    self.pos += 1;
                    let mut items = Vec::new();
                    while let Some((Event::Start(Tag::Item), _)) = self.peek() {
                        self.pos += 1;
                        items.push(self.blocks());
                        self.pos += 1; // End(Item)
                    }
                    self.pos += 1; // End(List)
                    out.push(Block::List { start, items });
                }
                Event::Start(Tag::Emphasis | Tag::Strong)
                | Event::Text(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::Code(_)
                | Event::InlineHtml(_) => {
                    loose.extend(self.inline_run());
                }
                Event::Start(_) => {
                    // Any other block: print its source as typed.
                    flush(&mut loose, &mut out);
                    self.skip_element();
                    let raw = self.src[range].trim_end().to_string();
                    out.push(Block::Par {
                        c: vec![Inline::Text { s: raw }],
                    });
                }
                _ => {
                    loose.push(Inline::Text {
                        s: self.src[range].to_string(),
                    });
                    self.pos += 1;
                }
            }
        }
        flush(&mut loose, &mut out);
        out
    }

    /// Inline events up to a block boundary.
    fn inline_run(&mut self) -> Vec<Inline> {
        self.inlines()
    }

    /// Inline content until the next `End` (not consumed).
    fn inlines(&mut self) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        while let Some((ev, range)) = self.peek().cloned() {
            match ev {
                Event::End(_) => break,
                Event::Text(t) => {
                    push_text(&mut out, &t);
                    self.pos += 1;
                }
                Event::SoftBreak => {
                    push_text(&mut out, " ");
                    self.pos += 1;
                }
                Event::HardBreak => {
                    out.push(Inline::Br);
                    self.pos += 1;
                }
                Event::Start(Tag::Emphasis) | Event::Start(Tag::Strong) => {
                    let strong = matches!(ev, Event::Start(Tag::Strong));
                    self.pos += 1;
                    let c = self.inlines();
                    self.pos += 1;
                    out.push(if strong {
                        Inline::Strong { c }
                    } else {
                        Inline::Emph { c }
                    });
                }
                Event::Start(Tag::Paragraph | Tag::List(_) | Tag::Item) => break,
                Event::Start(_) => {
                    // Links, images and the like: as typed.
                    self.skip_element();
                    push_raw(&mut out, &self.src[range]);
                }
                _ => {
                    // Code spans, inline HTML and anything else: as typed.
                    push_raw(&mut out, &self.src[range]);
                    self.pos += 1;
                }
            }
        }
        out
    }

    /// Skip a `Start` event and everything up to its matching `End`.
    fn skip_element(&mut self) {
        let mut depth = 0usize;
        while let Some((ev, _)) = self.events.get(self.pos) {
            self.pos += 1;
            match ev {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

fn flush(loose: &mut Vec<Inline>, out: &mut Vec<Block>) {
    if !loose.is_empty() {
        out.push(Block::Par {
            c: std::mem::take(loose),
        });
    }
}

fn push_raw(out: &mut Vec<Inline>, s: &str) {
    match out.last_mut() {
        Some(Inline::Text { s: last }) => last.push_str(s),
        _ => out.push(Inline::Text { s: s.to_string() }),
    }
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    push_raw(out, &typography(s));
}

/// Swedish typography for typed text: a spaced hyphen becomes an en dash, and a pair of straight
/// double quotes around words becomes ”…”. Anything that does not look like that stays as typed.
pub fn typography(s: &str) -> String {
    let s = s.replace(" -- ", " – ").replace(" - ", " – ");
    let chars: Vec<char> = s.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '"'
            && opens(&chars, i)
            && let Some(j) = (i + 1..chars.len()).find(|&j| chars[j] == '"')
            && closes(&chars, j)
        {
            out[i] = '”';
            out[j] = '”';
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out.into_iter().collect()
}

fn opens(c: &[char], i: usize) -> bool {
    let before_ok = i == 0 || c[i - 1].is_whitespace() || matches!(c[i - 1], '(' | '[' | '–');
    let after_ok = c.get(i + 1).is_some_and(|n| n.is_alphanumeric());
    before_ok && after_ok
}

fn closes(c: &[char], j: usize) -> bool {
    let before_ok = c[j - 1].is_alphanumeric() || matches!(c[j - 1], '.' | ',' | '!' | '?' | '…');
    let after_ok = c.get(j + 1).is_none_or(|n| {
        n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '–')
    });
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indented_text_is_dedented_first() {
        let plain = "En text som\nfortsätter.\n\n- en punkt\n- två\n";
        for indent in ["\t\t", "    ", "  \t"] {
            let indented: String = plain
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        "\n".to_string()
                    } else {
                        format!("{indent}{l}\n")
                    }
                })
                .collect();
            assert_eq!(parse(&indented), parse(plain), "{indent:?}");
        }
        // A text whose lines are not all indented keeps its indentation (a code block stays
        // what was typed).
        assert_eq!(dedent("a\n    b\n"), "a\n    b\n");
        assert_eq!(dedent("\n\t\tx\n\t\t\ty\n"), "\nx\n\ty\n");
    }

    #[test]
    fn bullets_pasted_from_word_are_a_list() {
        let pasted = "Kommunen har:\n•En strategi för styrning\n• Ett råd för dialog\n\u{f0b7}\tEn plan\nSlut.";
        let blocks = parse(pasted);
        assert_eq!(
            text(&blocks),
            "Kommunen har:\n\nEn strategi för styrning|Ett råd för dialog|En plan\n\nSlut."
        );
        assert!(matches!(&blocks[1], Block::List { start: None, items } if items.len() == 3));
        // Run together on one line, as a paste that lost its line breaks.
        assert_eq!(text(&parse("•En strategi •Ett råd")), "En strategi|Ett råd");
        // One bullet is a list of one; a bullet inside a sentence stays.
        assert_eq!(text(&parse("• Bara en")), "Bara en");
        assert_eq!(text(&parse("A • B")), "A • B");
        assert_eq!(
            text(&parse("Kommunen har: •En strategi •Ett råd\nSlut.")),
            "Kommunen har:\n\nEn strategi|Ett råd\n\nSlut."
        );
        // A list's bullet with the bullet pasted in too draws one bullet.
        assert_eq!(plain(&parse_inline("• Tydlig styrning")), "Tydlig styrning");
    }

    fn text(blocks: &[Block]) -> String {
        blocks
            .iter()
            .map(|b| match b {
                Block::Par { c } => plain(c),
                Block::List { items, .. } => {
                    items.iter().map(|i| text(i)).collect::<Vec<_>>().join("|")
                }
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn attack_string_is_kept_verbatim() {
        let attack = r#"#read("/etc/passwd") $x$ @ref <lbl> \ ] *"#;
        assert_eq!(text(&parse(attack)), attack);
        assert_eq!(plain(&parse_inline(attack)), attack);
    }

    #[test]
    fn supported_constructs() {
        let b = parse("Ett *viktigt* och **starkt** ord.\n\n- ett\n- två\n\n3. tre\n4. fyra");
        assert_eq!(b.len(), 3);
        match &b[0] {
            Block::Par { c } => {
                assert!(matches!(&c[1], Inline::Emph { .. }));
                assert!(matches!(&c[3], Inline::Strong { .. }));
            }
            other => panic!("expected a paragraph, got {other:?}"),
        }
        assert!(matches!(&b[1], Block::List { start: None, items } if items.len() == 2));
        assert!(matches!(&b[2], Block::List { start: Some(3), items } if items.len() == 2));
    }

    #[test]
    fn unsupported_constructs_print_as_typed() {
        for src in [
            "# Rubrik",
            "[länk](http://x)",
            "`kod`",
            "> citat",
            "<b>fet</b>",
        ] {
            assert_eq!(text(&parse(src)), src, "for {src}");
        }
    }

    #[test]
    fn nesting_counts_list_levels_and_emphasis() {
        assert_eq!(nesting(&parse("Text.")), (0, 0));
        assert_eq!(nesting(&parse("- a\n  - b\n    - c")), (3, 0));
        assert_eq!(nesting(&parse("*a **b** c*")), (0, 2));
    }

    #[test]
    fn swedish_typography() {
        assert_eq!(
            typography(r#"en "top-down" produkt - inte mer"#),
            "en ”top-down” produkt – inte mer"
        );
        assert_eq!(typography(r#"read("/etc") "#), r#"read("/etc") "#);
    }
}
