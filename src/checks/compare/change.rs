//! What changed in the comparisons between two reports, in words, for `verify`.

use crate::base::messages::msg;
use crate::base::messages::{Arg, Message};

use super::*;

/// How a computed profile changed: which register rows it used before and now, and the area
/// means that moved ("rows 3, 5, 7 → rows 3, 5, 8; area 2: 54.3 → 55.0").
fn profile_change(before: Option<&ResolvedProfile>, after: Option<&ResolvedProfile>) -> Message {
    let rows = |p: Option<&ResolvedProfile>| match p.and_then(|p| p.basis.as_ref()) {
        Some(b) => msg!(
            "basis-mean",
            count = b.count,
            rows = crate::base::messages::and_list(&b.rows)
        ),
        None if p.is_some() => msg!("basis-fixed"),
        None => msg!("basis-none"),
    };
    let mut moved: Vec<Message> = Vec::new();
    if let (Some(b), Some(a)) = (before, after) {
        moved = b
            .values
            .iter()
            .zip(&a.values)
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .map(|(i, (x, y))| msg!("area-moved", area = i + 1, before = *x, after = *y))
            .collect();
    }
    let moved = if moved.is_empty() {
        String::new()
    } else {
        format!("; {}", msg!("plain-list", items = moved))
    };
    msg!(
        "basis-change",
        before = rows(before),
        after = rows(after),
        moved = moved
    )
}

/// In words, how what a register gives now differs from what a PDF kept.
pub fn describe_change(before: Option<&Frozen>, after: Option<&Frozen>) -> Message {
    let (Some(before), Some(after)) = (before, after) else {
        return match (before, after) {
            (None, Some(a)) => msg!("register-now-used", register = &a.register),
            (Some(b), None) => msg!("register-no-longer-used", register = &b.register),
            _ => msg!("register-unchanged"),
        };
    };
    let mut parts: Vec<Message> = Vec::new();
    let keys: std::collections::BTreeSet<&String> = before
        .profiles
        .keys()
        .chain(after.profiles.keys())
        .collect();
    for key in keys {
        let (b, a) = (before.profiles.get(key), after.profiles.get(key));
        if b != a {
            parts.push(msg!(
                "profile-changed",
                key = key,
                change = profile_change(b, a)
            ));
        }
    }
    if before.history != after.history {
        let years = |f: &Frozen| {
            f.history
                .iter()
                .map(|h| h.year.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        parts.push(msg!(
            "register-history-changed",
            before = years(before),
            after = years(after),
            same = if years(before) == years(after) {
                "yes"
            } else {
                "no"
            }
        ));
    }
    if parts.is_empty() {
        msg!(
            "register-read-as",
            before = &before.register,
            after = &after.register
        )
    } else {
        msg!(
            "register-changed",
            register = &after.register,
            parts = Arg::List(parts, "list-semicolon")
        )
    }
}

#[cfg(test)]
mod change_tests {
    use super::*;

    fn profile(rows: Vec<usize>, values: Vec<f64>) -> ResolvedProfile {
        ResolvedProfile {
            label: "x".into(),
            source: String::new(),
            description: "x".into(),
            values,
            basis: Some(Basis {
                register: "r.csv".into(),
                count: rows.len(),
                years: (2020, 2023),
                rows,
            }),
        }
    }

    #[test]
    fn a_changed_profile_names_its_rows_and_values() {
        let before = profile(vec![3, 5, 7], vec![54.3, 60.0]);
        let after = profile(vec![3, 5, 8], vec![55.0, 60.0]);
        assert_eq!(
            profile_change(Some(&before), Some(&after)).to_string(),
            "was the mean of 3 evaluations (rows 3, 5 and 7), now the mean of 3 evaluations (rows 3, 5 and 8); area 1: 54.3 → 55"
        );
        assert_eq!(
            profile_change(None, Some(&after)).to_string(),
            "was none, now the mean of 3 evaluations (rows 3, 5 and 8)"
        );
    }
}
