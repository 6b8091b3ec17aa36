//! Work cut into numbered pieces that two threads take in turn: whichever is free takes the
//! next, so neither waits long for the other at the end.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Does `work` for pieces `0..count` on this thread and one other. `done` gets every piece's
/// number and result once, on this thread, in no set order: each as soon as this thread is
/// between two pieces of its own (so it can put results together while the other works),
/// the rest when the other thread ends. Should the other thread fail, the pieces it left
/// are worked here.
pub fn in_turns<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync, mut done: impl FnMut(usize, T)) {
    let next = AtomicUsize::new(0);
    // The number of the next piece nobody has taken, while one is left.
    let take = || Some(next.fetch_add(1, Ordering::Relaxed)).filter(|&n| n < count);
    let mut delivered = vec![false; count];
    let work = &work;
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel();
        let other = scope.spawn(move || {
            while let Some(n) = take() {
                if sender.send((n, work(n))).is_err() {
                    break;
                }
            }
        });
        let mut deliver = |n: usize, result: T| {
            delivered[n] = true;
            done(n, result);
        };
        while let Some(n) = take() {
            deliver(n, work(n));
            receiver.try_iter().for_each(|(n, result)| deliver(n, result));
        }
        // The other thread's last pieces, until it ends (or fails).
        receiver.iter().for_each(|(n, result)| deliver(n, result));
        // Its panic, if it had one, is not this thread's: what it left is worked below.
        let _ = other.join();
    });
    for n in (0..count).filter(|&n| !delivered[n]) {
        done(n, work(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(count: usize, work: impl Fn(usize) -> usize + Sync) -> Vec<usize> {
        let mut got = vec![0; count];
        in_turns(count, work, |n, result| got[n] += result);
        got
    }

    #[test]
    fn every_piece_is_done_once() {
        let expected: Vec<usize> = (0..100).map(|n| n * n + 1).collect();
        assert_eq!(run(100, |n| n * n + 1), expected);
        assert!(run(0, |n| n).is_empty());
    }

    #[test]
    fn what_a_failed_thread_left_is_done_here_once() {
        // The other thread (unnamed, unlike a test's own) fails on the third piece it takes.
        let taken = AtomicUsize::new(0);
        let work = |n: usize| {
            if std::thread::current().name().is_none() && taken.fetch_add(1, Ordering::Relaxed) == 2 {
                panic!("the other thread fails");
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
            n * n + 1
        };
        let expected: Vec<usize> = (0..40).map(|n| n * n + 1).collect();
        assert_eq!(run(40, work), expected);
        // On a loaded machine this thread may do every piece before the other one starts:
        // the other took at most three, and none after the one it failed on.
        assert!(taken.load(Ordering::Relaxed) <= 3, "the other thread stopped at the piece it failed on");
    }
}
