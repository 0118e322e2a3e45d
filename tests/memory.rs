//! The allocator option `slant::memory` sets is mimalloc's purge delay: its default (1,000 ms
//! in mimalloc v3) before, 0 after.

#[test]
fn the_option_set_is_mimallocs_purge_delay() {
    // SAFETY: reads one of mimalloc's integer options
    let before = unsafe { libmimalloc_sys::mi_option_get(15) };
    assert_eq!(before, 1000, "mi_option_purge_delay's default is 1,000 ms in mimalloc v3");
    slant::memory::give_back_freed_memory_at_once();
    let after = unsafe { libmimalloc_sys::mi_option_get(15) };
    assert_eq!(after, 0);
}
