/*
 * sb_ingest: the ingester's loop.  Reads one operand with sb_reader, maps
 * every record with sb_mapper, hands canonical lines to the output
 * callback and rejected records (NDJSON reject/1 lines) to the reject
 * callback, and counts: read == written + rejected, per operand.
 *
 * The callbacks receive whole lines, batched; a callback returns 0, or -1
 * when it cannot write (the loop then stops with SB_FATAL, SB_E_IO).
 */
#ifndef SB_INGEST_H
#define SB_INGEST_H

#include <stdbool.h>

#include "sb.h"
#include "sb_profile.h"
#include "sb_reader.h"

typedef int (*sb_sink)(void *arg, const char *buf, size_t len);
typedef void (*sb_notefn)(void *arg, const char *source, const char *msg);

struct sb_ingest_opts {
	struct sb_reader_opts ropts;  /* profile's input section, overridden */
	const struct sb_profile *profile; /* NULL: canonical input only */
	struct sb_map_opts mopts;
	sb_sink out;
	void *out_arg;
	sb_sink rejects;              /* NULL: rejects are only counted */
	void *rejects_arg;
	sb_notefn note;               /* NULL: notes are dropped */
	void *note_arg;
	bool verbose;                 /* also notes on profile columns absent
	                               * from a header */
};

struct sb_ingest_counts {
	unsigned long read;
	unsigned long written;
	unsigned long rejected;
};

struct sb_ingest;

int sb_ingest_new(struct sb_ingest **ip, const struct sb_ingest_opts *o,
    struct sb_err *e);
void sb_ingest_free(struct sb_ingest *ig);

/* Ingest one operand ("-": stdin).  Returns SB_OK or SB_FATAL (e says
 * why; the counts hold what was done before). */
int sb_ingest_source(struct sb_ingest *ig, const char *path,
    struct sb_ingest_counts *c, struct sb_err *e);

const struct sb_map_stats *sb_ingest_map_stats(const struct sb_ingest *ig);

#endif
