//! In-article search: every match of a query as byte spans of the text.
//! Smart case: a query without capitals matches any case.

use crate::model::Span;

/// All non-overlapping matches of `query` in `text`, in order.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = !query.chars().any(char::is_uppercase);
    if !fold {
        return text.match_indices(query).map(|(i, m)| Span::new(i, i + m.len())).collect();
    }
    if query.is_ascii() {
        // ASCII bytes never occur inside a multi-byte character, so every
        // match starts and ends on a character boundary.
        let (t, q) = (text.as_bytes(), query.as_bytes());
        let mut out = Vec::new();
        let mut i = 0;
        while i + q.len() <= t.len() {
            if t[i..i + q.len()].eq_ignore_ascii_case(q) {
                out.push(Span::new(i, i + q.len()));
                i += q.len();
            } else {
                i += 1;
            }
        }
        return out;
    }
    let want: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    let mut next_allowed = 0;
    for (i, _) in text.char_indices() {
        if i < next_allowed {
            continue;
        }
        if let Some(end) = match_at(text, i, &want) {
            out.push(Span::new(i, end));
            next_allowed = end;
        }
    }
    out
}

/// The end of a case-folded match of `want` starting at `i`, if any.
fn match_at(text: &str, i: usize, want: &[char]) -> Option<usize> {
    let mut k = 0;
    for (j, c) in text[i..].char_indices() {
        for l in c.to_lowercase() {
            if want.get(k) != Some(&l) {
                return None;
            }
            k += 1;
        }
        if k == want.len() {
            return Some(i + j + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        let t = "Seoul and seoul and SEOUL";
        assert_eq!(find_all(t, "seoul").len(), 3);
        assert_eq!(find_all(t, "Seoul"), vec![Span::new(0, 5)]);
        assert_eq!(find_all("aaaa", "aa").len(), 2);
        assert!(find_all(t, "").is_empty());
    }

    #[test]
    fn non_ascii() {
        let t = "Ünïcode ünïcode 日本";
        assert_eq!(find_all(t, "ünïcode").len(), 2);
        assert_eq!(find_all(t, "日本"), vec![Span::new(t.len() - 6, t.len())]);
    }
}
