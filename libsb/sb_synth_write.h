/*
 * sb_synth_write: write synthetic cases (sb_synth.h) as a national case
 * export, in the layout that a mapping profile reads.
 *
 * The writer is the mapper of sb_map.c run backwards, driven by the
 * compiled profile itself: every column (or JSON member path) that the
 * profile reads gets the value that sb-ingest turns back into the case's
 * canonical value.  Picklist values are written as the first key of the
 * profile's value map whose target is the value (the canonical value when
 * no key has it), dates in the first of the spec's formats that has the
 * date's precision (a partial date in a full format with "00" where
 * nothing else reads back; left out when no format does), countries by
 * name in the layout's language (the table below), yes/no columns
 * ("when", "if_set") in the layout's words, lists joined with the spec's
 * "split", "columns" targets in their first column.  Values the target
 * encoding cannot hold are transliterated to Latin ASCII (sb_names_ascii)
 * and Romanian comma-below letters become the cedilla forms where the
 * encoding has those.
 *
 * What the compiled profile does not say (line ends, byte-order mark, a
 * space after list separators, dates without leading zeros) is taken from
 * a small table of the shipped layouts, keyed by profile name, as their
 * "description" documents it; other profiles get LF, no BOM, no space.
 *
 * A case with c->dirty set is corrupted so that sb-ingest rejects it:
 * "no_case_number" (and any unknown reason) empties the case number;
 * "bad_bytes" puts an invalid byte into the victim's family name cell
 * (0xFF in UTF-8, 0xAA in windows-1253) or, for encodings where every
 * byte is defined (windows-1250, windows-1251, ...), empties the case
 * number instead.
 *
 * Ownership: an export borrows its profile, which must outlive it; it
 * copies nothing from the cases it writes.  sb_export_close() frees the
 * export whatever it returns.  An export is used by one thread.  The
 * country table points into static, read-only storage.
 */
#ifndef SB_SYNTH_WRITE_H
#define SB_SYNTH_WRITE_H

#include "sb.h"
#include "sb_profile.h"
#include "sb_synth.h"

struct sb_export;

/*
 * Open an export in the layout of profile p, writing to path (created or
 * truncated, mode 0600 when created).  Writes the byte-order mark and the
 * CSV header (the column names in profile order, each column the profile
 * reads once, a relation's "when" column after the columns of its "from"
 * person), or nothing for NDJSON, "[" for a JSON array.  Returns SB_OK or
 * SB_FATAL (SB_E_IO: cannot create or write; SB_E_CONFIG: the profile's
 * encoding is unknown to iconv; SB_E_NOMEM).
 */
int sb_export_open(struct sb_export **xp, const struct sb_profile *p,
    const char *path, struct sb_err *e);

/*
 * Write case c as the next record; *record (may be NULL) gets its 1-based
 * record number in the file.  Returns SB_OK, or SB_FATAL (SB_E_IO,
 * SB_E_NOMEM); after a fatal error the export only takes
 * sb_export_close().
 */
int sb_export_write(struct sb_export *x, const struct sb_syn_case *c,
    long *record, struct sb_err *e);

/* Finish the file (the "]" of a JSON array), flush and close it, no
 * fsync.  Returns SB_OK or SB_FATAL (SB_E_IO).  Frees x; NULL is a no-op. */
int sb_export_close(struct sb_export *x, struct sb_err *e);

/*
 * The name of country cc (alpha-2) in language lang (ISO 639-1: bg el en
 * fi fr it pl pt ro), as the exports write it; NULL when the table has no
 * such entry (then exports write the alpha-2 code).  Every name resolves
 * back to cc with sb_country_lookup().
 */
const char *sb_export_country_name(const char *cc, const char *lang);

/* The table's countries and languages, NULL-terminated (for tests). */
extern const char *const sb_export_countries[];
extern const char *const sb_export_langs[];

#endif
