/*
 * sb_vocab: the picklists of case/1 (HTCDS values where HTCDS has them).
 *
 * sb_vocab_lookup() resolves a value as written to the canonical value of
 * a picklist: exact canonical values and the English synonyms listed in
 * sb_vocab.c match ignoring case, spaces, '_' and '-'.  National-language
 * values are mapped by the profile's value maps, not here.  Returned
 * strings are static.
 */
#ifndef SB_VOCAB_H
#define SB_VOCAB_H

#include <stddef.h>

enum sb_vocab {
	SB_V_NONE = 0,
	SB_V_ROLE,          /* person role */
	SB_V_HTCDS_ROLE,    /* per_RoleInProcess */
	SB_V_SEX,           /* prs_Gender */
	SB_V_STATUS,        /* cas_Status */
	SB_V_EXPLOITATION,  /* vic_TypeOfExploitation */
	SB_V_RECRUITMENT,   /* vic_MethodOfRecruitment (SafeBorders list) */
	SB_V_CONTROL,       /* vic_MethodsOfControl */
	SB_V_EVENT,         /* hte_Type */
	SB_V_TRAFFICKING_STATUS,
	SB_V_RELATIONSHIP,  /* vic_RelationshipToTrafficker */
	SB_V_RELATION,      /* relation between persons */
	SB_V_COUNT,
};

const char *sb_vocab_lookup(enum sb_vocab v, const char *s, size_t n);
/* The picklist's name as used in profiles ("sex", "role", ...). */
const char *sb_vocab_name(enum sb_vocab v);
/* The canonical values, NULL-terminated. */
const char *const *sb_vocab_values(enum sb_vocab v);

#endif
