/*
 * sb_synth: the synthetic world behind sb-synth (issue 3).
 *
 * A world holds criminal groups (leaders, recruiters, transporters,
 * exploiters, brokers shared between groups), their members as true
 * persons with identifiers (valid check digits, shared phones and bank
 * accounts), and yields cases one at a time, in a fixed order, so that a
 * million cases stream in bounded memory.  Each case says which true
 * person stands behind every mention, how the export writes them (name
 * variants, partial or wrong dates of birth), and which spans of its
 * narrative hold which identifier: the ground truth.
 *
 * Layout writing (sb_synth_write.h) and narrative text (sb_synth_narr.h)
 * read these structs; they never change them.
 *
 * Ownership: a world owns its persons; a struct sb_syn_case is filled by
 * sb_world_next() and its person pointers stay valid for the life of the
 * world.  Strings are UTF-8.  Everything is deterministic in the seed.
 */
#ifndef SB_SYNTH_H
#define SB_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sb.h"

#define SB_SYN_MAX_IDS 8
#define SB_SYN_MAX_MENTIONS 6
#define SB_SYN_MAX_SPANS 64
#define SB_SYN_NARR_MAX 4096

/* The eight authorities' countries, in the order exports are written. */
extern const char *const sb_syn_countries[8];

/* A direct identifier of a true person, in canonical form. */
struct sb_syn_id {
	const char *type;     /* national_id passport phone email iban card
	                       * plate handle ip (as in case/1) */
	char scheme[8];       /* EGN, PESEL, ... for national_id; "" */
	char country[3];      /* issuing country or phone country */
	char value[48];       /* canonical: E.164 phone, IBAN without spaces */
	bool shared;          /* also held by another person (group phone) */
};

struct sb_syn_person {
	uint32_t id;          /* truth id, written P%07u */
	char cc[3];           /* citizenship (alpha-2) */
	char sex;             /* 'F' or 'M' */
	int year, month, day; /* date of birth */
	char given[96];       /* native script */
	char family[96];      /* native script, in the form of the sex */
	char locality[64];    /* home, native script */
	char region[64];
	struct sb_syn_id ids[SB_SYN_MAX_IDS];
	int nids;
	uint32_t group;       /* 0: none */
	const char *role;     /* in the group: leader recruiter transporter
	                       * exploiter broker; victims: "victim" */
};

/* A person as one export records them. */
struct sb_syn_mention {
	const struct sb_syn_person *p;
	const char *role;     /* case/1 role: victim suspect recruiter ... */
	char given[128];      /* as written in this export */
	char family[128];
	char dob[11];         /* ISO, full or partial, possibly wrong; "" */
	char cit[3];          /* citizenship as recorded; "" unknown */
	int age;              /* age when trafficked (victims), else -1 */
	unsigned idmask;      /* which of p->ids this export shows */
	bool recruited, transported, exploited; /* of the victim (mention 0) */
	bool swapped;         /* given and family written the wrong way */
};

/* A planted identifier or name in the narrative: the exact byte span. */
struct sb_syn_span {
	size_t start, end;    /* bytes of narrative[] (UTF-8) */
	const char *type;     /* person phone email iban card national_id
	                       * passport plate ip date address handle */
	uint32_t person;      /* whose it is; 0 for none */
};

struct sb_syn_event {
	const char *type;     /* Recruitment Transit Exploitation */
	char date[11];        /* ISO, maybe partial */
	char locality[64];
	char country[3];
};

struct sb_syn_case {
	uint64_t seq;         /* 0, 1, ... in generation order */
	int export;           /* index into sb_syn_countries */
	char cc[3];
	const char *authority;
	char local_id[32];
	char opened[11], from[11], to[11];
	const char *status;   /* case/1 canonical picklist values below */
	const char *offences[3];
	int noffences;
	struct sb_syn_mention men[SB_SYN_MAX_MENTIONS];
	int nmen;             /* men[0] is the (first) victim */
	char origin[3], destination[3];
	char transit[3][3];
	int ntransit;
	const char *exploitation[2];
	int nexploitation;
	const char *recruitment[2];
	int nrecruitment;
	const char *control[3];
	int ncontrol;
	struct sb_syn_event ev[3];
	int nev;
	const char *lang;     /* narrative language (ISO 639-1) */
	char narrative[SB_SYN_NARR_MAX];
	struct sb_syn_span spans[SB_SYN_MAX_SPANS];
	int nspans;
	uint32_t group;       /* 0: not a planted group's case */
	bool trend;           /* part of the planted trend */
	int cluster;          /* planted modus-operandi cluster, 0: none */
	const char *dirty;    /* why this record was corrupted, or NULL */
};

struct sb_world_opts {
	const char *seed;
	uint64_t cases;
	double dirty;         /* share of records deliberately corrupted */
};

struct sb_world;

int sb_world_new(struct sb_world **wp, const struct sb_world_opts *o,
    struct sb_err *e);
void sb_world_free(struct sb_world *w);
/* The next case, or SB_EOF after o->cases of them. */
int sb_world_next(struct sb_world *w, struct sb_syn_case *c);

/* Groups, for the truth file: index 1..n. */
uint32_t sb_world_ngroups(const struct sb_world *w);
/* Members of group g (persons whose group is g, and brokers that serve
 * it); returns how many were written to out (at most max). */
size_t sb_world_group(const struct sb_world *w, uint32_t g,
    const struct sb_syn_person **out, size_t max, const char **home,
    const char **destination);

#endif
