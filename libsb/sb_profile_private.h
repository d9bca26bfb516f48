/* Compiled profile: shared by sb_profile.c (loading) and sb_map.c. */
#ifndef SB_PROFILE_PRIVATE_H
#define SB_PROFILE_PRIVATE_H

#include "sb_profile.h"
#include "sb_vocab.h"

enum sb_kind {
	SB_K_TEXT,
	SB_K_DATE,
	SB_K_COUNTRY,
	SB_K_VOCAB,
	SB_K_INT,
};

struct sb_vmap_ent {
	char *from;
	size_t fromlen;
	char fold[64];  /* `from` case-folded; "" when it does not fit */
	size_t foldlen;
	char *owned;    /* the target as written in the profile */
	const char *to; /* canonical: static for picklists and countries */
};

struct sb_vmap {
	char *name;
	struct sb_vmap_ent *ent;
	size_t n;
};

/* Where one value comes from, and how it is turned into canonical form. */
struct sb_spec {
	char *column;          /* column name / JSON path; NULL: constant */
	char **path;           /* column split on '.', for JSON */
	size_t npath;
	char *constant;        /* a constant value (already canonical) */
	char *split;           /* separator for several values in one cell */
	const struct sb_vmap *map;
	enum sb_kind kind;
	enum sb_vocab vocab;
	const char *const *formats; /* dates */
	char *scheme;          /* identifiers: national ID scheme, platform */
	char *country;         /* identifiers: issuing country (alpha-2) */
	const char *idtype;    /* identifiers: type (static) */
	char *if_set;          /* emit this constant when the column is truthy */
	struct sb_spec *parts; /* "columns": values joined with `join` */
	size_t nparts;
	char *join;
	char *dflt;            /* "default": used when the source is empty */
	size_t slot;           /* index of the mapper's bound CSV column */
};

struct sb_specs {
	struct sb_spec *v;
	size_t n;
};

/* Targets of a person. */
enum sb_pt {
	PT_GIVEN, PT_FAMILY, PT_OTHER, PT_FULL, PT_DOB, PT_SEX, PT_CIT,
	PT_AGE, PT_TSTATUS, PT_RELATIONSHIP, PT_HROLES, PT_IDS,
	PT_ADDRESS, PT_LOCALITY, PT_REGION, PT_POSTCODE, PT_ADDR_COUNTRY,
	PT_COUNT
};

struct sb_pgroup {
	char *pid;             /* expanded for repeat n */
	struct sb_spec role;   /* constant or from a column */
	char *each;            /* JSON: array member holding these persons */
	char **each_path;
	size_t neach;
	struct sb_specs f[PT_COUNT]; /* PT_IDS holds every identifier spec */
};

enum sb_et {
	ET_DATE, ET_ADDRESS, ET_LOCALITY, ET_REGION, ET_POSTCODE, ET_COUNTRY,
	ET_DESC, ET_COUNT
};

struct sb_egroup {
	struct sb_spec type;
	struct sb_specs f[ET_COUNT];
};

struct sb_ngroup {
	struct sb_spec text;
	char *kind;
	char *lang;
};

struct sb_rgroup {
	char *from, *to;
	const char *type;
	struct sb_spec when;   /* column that must be truthy; none: always */
	bool has_when;
};

enum sb_ct {
	CT_LOCAL_ID, CT_COUNTRY, CT_AUTHORITY, CT_OPENED, CT_OFF_FROM,
	CT_OFF_TO, CT_STATUS, CT_OFFENCES, CT_EXPLOITATION, CT_RECRUITMENT,
	CT_CONTROL, CT_ORIGIN, CT_TRANSIT, CT_DESTINATION, CT_COUNT
};

struct sb_profile {
	char *name;
	struct sb_reader_opts ropts;
	char *encoding;
	char **dates;          /* default date formats, NULL-terminated */
	struct sb_vmap **maps;  /* pointers stay put as the list grows */
	size_t nmaps;
	struct sb_specs c[CT_COUNT];
	struct sb_pgroup *persons;
	size_t npersons;
	struct sb_egroup *events;
	size_t nevents;
	struct sb_ngroup *narr;
	size_t nnarr;
	struct sb_rgroup *rels;
	size_t nrels;
	size_t nslots;         /* specs with a column */
};

#endif
