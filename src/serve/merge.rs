//! Three-way merge of one text by words, as diff3 merges lines: two people's changes to the same
//! text are both kept when they touch different words; only changes to the same words are a
//! conflict. Used by the editor when a text was changed meanwhile on disk or in another tab.

/// The words of a text, each with the spaces after it, so that joining them gives the text back.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space && !space {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// One change from the ancestor: the words `start..end` replaced by `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change<'a> {
    start: usize,
    end: usize,
    with: Vec<&'a str>,
}

/// The changes that make `other` from `base`, in order.
fn changes<'a>(base: &[&'a str], other: &[&'a str]) -> Vec<Change<'a>> {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, base, other);
    let mut out: Vec<Change<'a>> = Vec::new();
    for op in ops {
        let (_, old, new) = op.as_tag_tuple();
        if op.tag() == similar::DiffTag::Equal {
            continue;
        }
        // Neighbouring edits (a delete next to an insert) are one change.
        match out.last_mut() {
            Some(last) if last.end == old.start => {
                last.end = old.end;
                last.with.extend_from_slice(&other[new]);
            }
            _ => out.push(Change {
                start: old.start,
                end: old.end,
                with: other[new].to_vec(),
            }),
        }
    }
    out
}

/// Whether two changes touch the same words: overlapping ranges, or an insertion where the other
/// also inserts or starts replacing.
fn clash(a: &Change, b: &Change) -> bool {
    let overlap = a.start < b.end && b.start < a.end;
    let same_point = a.start == b.start && (a.start == a.end || b.start == b.end);
    overlap || same_point
}

/// `base` changed into `ours` by one side and into `theirs` by the other: the text with both
/// changes, or `None` when they change the same words differently.
pub fn words3(base: &str, ours: &str, theirs: &str) -> Option<String> {
    if ours == theirs || base == theirs {
        return Some(ours.to_string());
    }
    if base == ours {
        return Some(theirs.to_string());
    }
    let (b, o, t) = (words(base), words(ours), words(theirs));
    let (mine, other) = (changes(&b, &o), changes(&b, &t));
    let (mut i, mut j, mut pos) = (0, 0, 0);
    let mut out: Vec<&str> = Vec::new();
    loop {
        let next = match (mine.get(i), other.get(j)) {
            (None, None) => break,
            (Some(a), Some(c)) if clash(a, c) => {
                if a != c {
                    return None;
                }
                i += 1;
                j += 1;
                a
            }
            (Some(a), Some(c)) if a.start <= c.start => {
                i += 1;
                a
            }
            (Some(a), None) => {
                i += 1;
                a
            }
            (_, Some(c)) => {
                j += 1;
                c
            }
        };
        out.extend_from_slice(&b[pos..next.start]);
        out.extend_from_slice(&next.with);
        pos = next.end;
    }
    out.extend_from_slice(&b[pos..]);
    Some(out.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn both_sides_kept_when_they_change_different_words() {
        let base = "Kommunen har en strategi. Den följs upp varje år.";
        // One fixes the first sentence while the other appends.
        let ours = "Kommunen har en tydlig strategi. Den följs upp varje år.";
        let theirs = "Kommunen har en strategi. Den följs upp varje år. Nämnderna rapporterar.";
        assert_eq!(
            words3(base, ours, theirs).as_deref(),
            Some("Kommunen har en tydlig strategi. Den följs upp varje år. Nämnderna rapporterar.")
        );
        assert_eq!(
            words3(base, theirs, ours),
            words3(base, ours, theirs),
            "the same in the other order"
        );
    }

    #[test]
    fn the_same_words_changed_differently_is_a_conflict() {
        let base = "Det stämmer inte längre.";
        assert_eq!(
            words3(base, "Det stämmer fortfarande.", "Det stämmer numera."),
            None
        );
        // The same change on both sides is no conflict.
        assert_eq!(
            words3(base, "Det stämmer.", "Det stämmer.").as_deref(),
            Some("Det stämmer.")
        );
        // Two insertions at one place are.
        assert_eq!(words3("a b", "a x b", "a y b"), None);
    }

    /// Words changed by one side: (place, new word).
    type Edits = Vec<(usize, String)>;

    /// A base text of distinct words, and two sides that each change some of its words.
    fn sides() -> impl Strategy<Value = (Vec<String>, Edits, Edits)> {
        (3usize..30).prop_flat_map(|n| {
            let base: Vec<String> = (0..n).map(|i| format!("ord{i}")).collect();
            let edits = proptest::collection::vec((0..n, "[a-zåäö]{1,6}"), 0..4);
            (Just(base), edits.clone(), edits)
        })
    }

    fn apply(base: &[String], edits: &[(usize, String)], side: &str) -> Vec<String> {
        let mut out = base.to_vec();
        for (i, w) in edits {
            out[*i] = format!("{side}{w}");
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Edits from two sides to different words are never lost, in either order; edits to the
        /// same word are a conflict unless equal.
        #[test]
        fn no_non_overlapping_edit_is_lost((base, a, b) in sides()) {
            let ours = apply(&base, &a, "A");
            let theirs = apply(&base, &b, "B");
            let join = |w: &[String]| w.join(" ");
            let merged = words3(&join(&base), &join(&ours), &join(&theirs));
            let touched_a: std::collections::HashSet<usize> = a.iter().map(|e| e.0).collect();
            let touched_b: std::collections::HashSet<usize> = b.iter().map(|e| e.0).collect();
            let both: Vec<usize> = touched_a.intersection(&touched_b).copied().collect();
            if both.iter().all(|i| ours[*i] == theirs[*i]) {
                let merged = merged.expect("non-overlapping edits merge");
                let words: Vec<&str> = merged.split(' ').collect();
                prop_assert_eq!(words.len(), base.len());
                for i in 0..base.len() {
                    let want = if touched_a.contains(&i) { &ours[i] } else { &theirs[i] };
                    prop_assert_eq!(words[i], want.as_str());
                }
                let other = words3(&join(&base), &join(&theirs), &join(&ours));
                prop_assert_eq!(Some(merged), other);
            }
        }
    }
}
