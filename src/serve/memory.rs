//! Giving memory back to the system when a session ends. glibc's allocator keeps what a
//! thread freed in that thread's arena, and after a large block is freed it raises the size
//! from which blocks are mapped on their own — so a session's screen, freed, would stay in
//! the server's memory. The server fixes that size, and trims the arenas after each session.

/// Blocks of this size or more are mapped on their own and unmapped when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAP_FROM: i32 = 128 * 1024;

/// Makes large blocks go back to the system as soon as they are freed (call once, at start).
pub fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt(3) only sets allocator parameters; any value is valid for these two.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_FROM);
        libc::mallopt(libc::M_TRIM_THRESHOLD, MAP_FROM);
    }
}

/// Returns the free memory of every arena to the system (after a session ended).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim(3) only releases free memory; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
