//! The one sort routine of the engine.
//!
//! The standard library's sorts are generic: every distinct element type and comparison closure
//! gets its own copy of the sort code, several kilobytes each in the WebAssembly build. The engine
//! therefore sorts only positions, with one small heap sort that takes the comparison as a trait
//! object, so the sort code exists once. Ties are broken by position, which makes the order the
//! same as that of a stable sort.

use std::cmp::Ordering;

/// Returns the positions `0..len` ordered by `cmp`; positions that compare equal keep their
/// order, as in a stable sort.
pub(crate) fn sorted(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let less = |a: usize, b: usize| cmp(a, b).then(a.cmp(&b)) == Ordering::Less;
    // Build a max-heap, then move its largest element to the end, one at a time.
    for start in (0..len / 2).rev() {
        sift_down(&mut order, start, &less);
    }
    for end in (1..len).rev() {
        order.swap(0, end);
        sift_down(&mut order[..end], 0, &less);
    }
    order
}

/// Moves the element at `root` down until the heap property holds below it.
fn sift_down(heap: &mut [usize], mut root: usize, less: &dyn Fn(usize, usize) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= heap.len() {
            return;
        }
        if child + 1 < heap.len() && less(heap[child], heap[child + 1]) {
            child += 1;
        }
        if !less(heap[root], heap[child]) {
            return;
        }
        heap.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    //! Tests of the heap sort against the standard library's stable sort.

    use super::*;

    #[test]
    fn sorts_like_a_stable_sort() {
        let keys = [5u32, 3, 9, 3, 1, 5, 5, 0, 9, 2, 7, 3];
        for len in 0..=keys.len() {
            let keys = &keys[..len];
            let order = sorted(len, &|a, b| keys[a].cmp(&keys[b]));
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(order, expected);
        }
    }
}
