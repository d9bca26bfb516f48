/*
 * sb_seqlock: a sequence lock for the entries of a cache that several
 * threads share (sb_pseudo's token table, sb_anon's CLK words and
 * dob_enc objects).  An entry's sequence is even while it is stable and
 * odd while a thread writes it.  A reader copies the entry between
 * sb_seq_read_begin() and sb_seq_read_end() and keeps the copy only
 * when both say yes: it never takes a torn entry.  A writer that finds
 * the entry taken leaves it to the other thread: a cache loses a hit,
 * never a value.  No state of its own: the sequence is the entry's.
 */
#ifndef SB_SEQLOCK_H
#define SB_SEQLOCK_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/* Start reading the entry of sequence q: false while a thread writes
 * it.  *s is for sb_seq_read_end(). */
static inline bool
sb_seq_read_begin(_Atomic uint32_t *q, uint32_t *s)
{
	*s = atomic_load_explicit(q, memory_order_acquire);
	return (*s & 1) == 0;
}

/* Did the entry stay as it was since sb_seq_read_begin() gave s? */
static inline bool
sb_seq_read_end(_Atomic uint32_t *q, uint32_t s)
{
	atomic_thread_fence(memory_order_acquire);
	return atomic_load_explicit(q, memory_order_relaxed) == s;
}

/* Take the entry of sequence q for writing: false when another thread
 * writes it or takes it first.  *s is for sb_seq_write_end(). */
static inline bool
sb_seq_write_begin(_Atomic uint32_t *q, uint32_t *s)
{
	*s = atomic_load_explicit(q, memory_order_relaxed);
	if ((*s & 1) != 0 || !atomic_compare_exchange_strong_explicit(q, s,
	    *s + 1, memory_order_acquire, memory_order_relaxed))
		return false;
	atomic_thread_fence(memory_order_release);
	return true;
}

/* The entry is written: readers may take it. */
static inline void
sb_seq_write_end(_Atomic uint32_t *q, uint32_t s)
{
	atomic_store_explicit(q, s + 2, memory_order_release);
}
#endif
