//! The allocator's settings. The `slant` binary allocates with mimalloc (`src/main.rs`), which
//! keeps memory freed by a thread for a delay (1 s in mimalloc v3) before it gives it back to
//! the system. The report, drawn after a large run's pipeline, reads every article's figures; with
//! freed memory given back at once, a 1 GB run's peak resident memory fell from 317 to 276 MiB
//! (docs/methods.md, Speed). The pipeline keeps the delay: giving memory back at once cost it
//! 8% more time.

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e` (`mimalloc.h` of v3, which
/// `libmimalloc-sys` 0.1 builds, and of v2); `tests/memory.rs` checks it.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// From now on, memory freed goes back to the system at once. Without mimalloc as the global
/// allocator (the Python module) this sets an option of an allocator nothing uses.
pub fn give_back_freed_memory_at_once() {
    // SAFETY: sets one of mimalloc's integer options; mimalloc reads its options on each use,
    // so a change between allocations is safe.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}
