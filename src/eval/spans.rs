//! Quote spans: split at line breaks and matched one to one by overlap, as in `score.py`.

use std::collections::{HashMap, HashSet};

use super::names::py_space;

/// Splits the character span `s..e` of `text` at line breaks, dropping blank pieces
/// (`score.py`'s `split_lines`). `text` is given as characters.
pub(super) fn split_lines(text: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let slice = |a: usize, b: usize| -> &[char] {
        let a = a.min(text.len());
        let b = b.min(text.len());
        if a < b {
            &text[a..b]
        } else {
            &[]
        }
    };
    let blank = |cs: &[char]| cs.iter().all(|&c| py_space(c));
    let mut out = Vec::new();
    let mut cur = s;
    let inside = slice(s, e);
    for (k, &c) in inside.iter().enumerate() {
        if c == '\n' {
            let (a, b) = (cur, s + k);
            if !blank(slice(a, b)) {
                out.push((a, b));
            }
            cur = s + k + 1;
        }
    }
    if !blank(slice(cur, e)) {
        out.push((cur, e));
    }
    out
}

/// Overlap of two spans over the longer one (at least 1).
fn overlap(a: (usize, usize), b: (usize, usize)) -> f64 {
    let (a0, a1, b0, b1) = (a.0 as i64, a.1 as i64, b.0 as i64, b.1 as i64);
    let i = 0.max(a1.min(b1) - a0.max(b0));
    i as f64 / (a1 - a0).max(b1 - b0).max(1) as f64
}

/// Greedy one-to-one matching by overlap (at least 0.5), best overlap first; ties go as in
/// `score.py` (later gold, then later prediction, first). Returns gold index → prediction index.
pub(super) fn match_spans(
    golds: &[(usize, usize)],
    preds: &[(usize, usize)],
) -> HashMap<usize, usize> {
    let mut pairs = Vec::new();
    for (gi, &g) in golds.iter().enumerate() {
        for (pi, &p) in preds.iter().enumerate() {
            let o = overlap(g, p);
            if o >= 0.5 {
                pairs.push((o, gi, pi));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2)));
    let (mut ug, mut up, mut m) = (HashSet::new(), HashSet::new(), HashMap::new());
    for (_, gi, pi) in pairs {
        if ug.contains(&gi) || up.contains(&pi) {
            continue;
        }
        ug.insert(gi);
        up.insert(pi);
        m.insert(gi, pi);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_lines_drops_blank_pieces() {
        let t: Vec<char> = "ab\n\ncd\n  \nef".chars().collect();
        assert_eq!(split_lines(&t, 0, t.len()), vec![(0, 2), (4, 6), (10, 12)]);
        assert_eq!(split_lines(&t, 1, 2), vec![(1, 2)]);
        assert_eq!(split_lines(&t, 2, 4), vec![]);
    }

    #[test]
    fn overlap_and_matching() {
        assert_eq!(overlap((0, 10), (5, 10)), 0.5);
        assert_eq!(overlap((0, 10), (10, 20)), 0.0);
        // The best overlap wins; each span matches once.
        let m = match_spans(&[(0, 10), (20, 30)], &[(0, 9), (1, 10), (22, 30), (40, 50)]);
        assert_eq!(m.len(), 2);
        assert_eq!(m[&1], 2);
        // Equal overlaps: the later gold takes the later prediction first (score.py's order).
        let m = match_spans(&[(0, 10), (0, 10)], &[(0, 10), (0, 10)]);
        assert_eq!((m[&0], m[&1]), (0, 1));
    }
}
