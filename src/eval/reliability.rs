//! Calibration of the confidences: for the predictions with a speaker and a confidence matched to
//! a gold quote with a named speaker, whether the name is right, by confidence bin and by what
//! the attribution rests on.

use std::collections::BTreeMap;
use std::fmt::Write;

/// Confidence bins of the reliability table: [0, 0.1), [0.1, 0.2), ... [0.9, 1].
const BINS: usize = 10;

/// The confidences seen and whether each was right.
#[derive(Debug, Clone, Default)]
pub struct Reliability {
    /// (confidence, right) of every prediction counted.
    points: Vec<(f64, bool)>,
    /// Table key → (right, count), for the engine's own predictions.
    by_basis: BTreeMap<String, (usize, usize)>,
}

impl Reliability {
    /// Counts one prediction: its confidence, whether its name is right, and the table keys of
    /// what it rests on (none for predictions read from a file).
    pub fn add(&mut self, confidence: f64, right: bool, keys: &[String]) {
        self.points.push((confidence, right));
        for key in keys {
            let entry = self.by_basis.entry(key.clone()).or_default();
            entry.0 += right as usize;
            entry.1 += 1;
        }
    }

    /// The expected calibration error: the count-weighted mean gap between each bin's mean
    /// confidence and its accuracy.
    pub fn ece(&self) -> f64 {
        let total = self.points.len().max(1) as f64;
        self.bins()
            .iter()
            .filter(|b| b.count > 0)
            .map(|b| b.count as f64 / total * (b.mean_confidence() - b.accuracy()).abs())
            .sum()
    }

    /// Among predictions with confidence ≥ `at`: how many, and the share right.
    pub fn right_at_least(&self, at: f64) -> (usize, f64) {
        let above: Vec<bool> = self
            .points
            .iter()
            .filter(|(c, _)| *c >= at)
            .map(|(_, r)| *r)
            .collect();
        let right = above.iter().filter(|r| **r).count();
        (above.len(), right as f64 / above.len().max(1) as f64)
    }

    fn bins(&self) -> Vec<Bin> {
        let mut bins = vec![Bin::default(); BINS];
        for &(c, right) in &self.points {
            let b = &mut bins[((c * BINS as f64) as usize).min(BINS - 1)];
            b.count += 1;
            b.right += right as usize;
            b.confidence_sum += c;
        }
        bins
    }

    /// The reliability table, the calibration error, and the right names by basis
    /// (`basis KEY RIGHT COUNT` lines, which `scripts/fit_confidence.py` reads).
    pub fn table(&self) -> String {
        let mut out = String::from("confidence  count  mean   accuracy\n");
        for (i, b) in self.bins().iter().enumerate() {
            let (lo, hi) = (i as f64 / BINS as f64, (i + 1) as f64 / BINS as f64);
            let _ = writeln!(
                out,
                "{lo:.1}-{hi:.1}    {:>5}  {:.3}  {:.3}",
                b.count,
                b.mean_confidence(),
                b.accuracy()
            );
        }
        let (high, high_right) = self.right_at_least(0.9);
        let _ = writeln!(
            out,
            "ECE {:.4} over {}; confidence >= 0.9: {high} quotes, {high_right:.4} right",
            self.ece(),
            self.points.len()
        );
        for (key, (right, count)) in &self.by_basis {
            let _ = writeln!(out, "basis {key} {right} {count}");
        }
        out
    }
}

#[derive(Debug, Clone, Default)]
struct Bin {
    count: usize,
    right: usize,
    confidence_sum: f64,
}

impl Bin {
    fn mean_confidence(&self) -> f64 {
        self.confidence_sum / self.count.max(1) as f64
    }

    fn accuracy(&self) -> f64 {
        self.right as f64 / self.count.max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calibrated_set_has_no_error_and_an_overconfident_one_has() {
        let mut calibrated = Reliability::default();
        for i in 0..10 {
            calibrated.add(0.95, i < 9, &[]);
            calibrated.add(0.55, i % 2 == 0, &[]);
        }
        // 0.95 with 9 of 10 right: 0.05 off; 0.55 with 5 of 10: 0.05 off.
        assert!((calibrated.ece() - 0.05).abs() < 1e-9);
        let mut over = Reliability::default();
        for i in 0..10 {
            over.add(0.99, i < 5, &["cue-after/name".to_string()]);
        }
        assert!((over.ece() - 0.49).abs() < 1e-9);
        assert_eq!(over.right_at_least(0.9), (10, 0.5));
        let table = over.table();
        assert!(table.contains("0.9-1.0       10  0.990  0.500"), "{table}");
        assert!(table.contains("basis cue-after/name 5 10"), "{table}");
    }
}
