//! A group's sentence tone probabilities as a sorted multiset: each distinct value once with
//! its count. Probabilities are written with four decimals, so a group of millions of
//! sentences holds at most about ten thousand values, and its order statistics are the ones
//! of the full sorted list.

use std::collections::HashMap;

/// Values added one by one ([`Tally::add`]), then read in order once [`Tally::finish`]ed.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// While adding: count by the value's bits.
    adding: HashMap<u64, u64>,
    /// Once finished: distinct values in ascending order (`f64::total_cmp`) ...
    values: Vec<f64>,
    /// ... and the number of values up to and including each one.
    ends: Vec<u64>,
}

impl Tally {
    pub fn add(&mut self, v: f64) {
        *self.adding.entry(v.to_bits()).or_default() += 1;
    }

    /// Sorts what was added; values added after this are kept for the next call.
    pub fn finish(&mut self) {
        let mut pairs: Vec<(f64, u64)> = self.values.iter().copied().zip(self.counts()).collect();
        pairs.extend(self.adding.drain().map(|(bits, n)| (f64::from_bits(bits), n)));
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        pairs.dedup_by(|b, a| {
            let same = a.0.to_bits() == b.0.to_bits();
            if same {
                a.1 += b.1;
            }
            same
        });
        self.values = pairs.iter().map(|p| p.0).collect();
        self.ends = pairs
            .iter()
            .scan(0u64, |s, p| {
                *s += p.1;
                Some(*s)
            })
            .collect();
        self.adding = HashMap::new();
    }

    fn counts(&self) -> impl Iterator<Item = u64> + '_ {
        self.ends.iter().scan(0u64, |prev, &e| {
            let n = e - *prev;
            *prev = e;
            Some(n)
        })
    }

    /// Values counted (finished ones).
    pub fn len(&self) -> usize {
        self.ends.last().map_or(0, |&n| n as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`-th smallest value (from 0), as the full sorted list would hold it.
    pub fn nth(&self, i: usize) -> f64 {
        self.values[self.ends.partition_point(|&e| e <= i as u64)]
    }

    /// The distinct values, ascending.
    pub fn distinct(&self) -> impl Iterator<Item = f64> + Clone + '_ {
        self.values.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_statistics_are_those_of_the_sorted_list() {
        let list = [0.5, 0.1, 0.9, 0.5, 0.5, 0.0, 1.0, 0.1, 0.3333];
        let mut t = Tally::default();
        list.iter().for_each(|&v| t.add(v));
        t.finish();
        let mut sorted = list.to_vec();
        sorted.sort_by(f64::total_cmp);
        assert_eq!(t.len(), sorted.len());
        for (i, v) in sorted.iter().enumerate() {
            assert_eq!(t.nth(i).to_bits(), v.to_bits(), "{i}");
        }
        let mut distinct = sorted.clone();
        distinct.dedup();
        assert_eq!(t.distinct().collect::<Vec<_>>(), distinct);
        // more values after a finish join the ones already there
        t.add(0.5);
        t.add(0.05);
        t.finish();
        sorted.extend([0.5, 0.05]);
        sorted.sort_by(f64::total_cmp);
        assert_eq!((0..t.len()).map(|i| t.nth(i)).collect::<Vec<_>>(), sorted);
        assert!(Tally::default().is_empty());
    }
}
