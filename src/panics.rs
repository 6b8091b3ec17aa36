//! Panics the reader catches and carries on after (a parse or an index build that failed),
//! told apart from the ones that end it, before which the terminal must be given back.
//!
//! The panic hook is the process's, so which threads are inside [`caught`] is the process's
//! to know: a list of them, not a flag hidden on each thread.

use std::sync::Mutex;
use std::thread::ThreadId;

/// The threads running inside [`caught`] now (a thread once for each level it is in).
static CATCHING: Mutex<Vec<ThreadId>> = Mutex::new(Vec::new());

fn catching() -> std::sync::MutexGuard<'static, Vec<ThreadId>> {
    // A panic never happens while the list is held: a poisoned list is still right.
    CATCHING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether a panic on this thread now is caught by [`caught`] (the hook leaves it alone).
pub fn is_caught() -> bool {
    catching().contains(&std::thread::current().id())
}

/// Runs `f`, catching a panic (its message, if it had one, is the error); while it runs,
/// [`is_caught`] says so, so that the panic hook neither restores the terminal nor prints
/// over the screen.
pub fn caught<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, String> {
    let me = std::thread::current().id();
    catching().push(me);
    let result = std::panic::catch_unwind(f);
    let mut list = catching();
    if let Some(at) = list.iter().rposition(|t| *t == me) {
        list.swap_remove(at);
    }
    drop(list);
    result.map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_its_message_and_only_that_thread_is_caught_meanwhile() {
        assert!(!is_caught());
        let inside = caught(|| {
            let other = std::thread::spawn(is_caught).join().expect("thread");
            (is_caught(), other)
        });
        assert_eq!(inside, Ok((true, false)), "this thread is caught, another is not");
        assert!(!is_caught(), "and no longer once it is over");
        let failed: Result<(), String> = caught(|| panic!("the parse failed"));
        assert_eq!(failed, Err("the parse failed".to_string()));
        assert!(!is_caught());
    }
}
