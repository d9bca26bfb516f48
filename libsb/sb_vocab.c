#include "sb_vocab.h"

#include <ctype.h>
#include <string.h>

/* Each list: canonical values first, then "synonym=Canonical" pairs. */
static const char *const role[] = {"victim", "suspect", "recruiter",
    "transporter", "exploiter", "witness", "other", "offender=suspect",
    "perpetrator=suspect", "trafficker=suspect", "accused=suspect",
    "defendant=suspect", "driver=transporter", NULL};
static const char *const htcds_role[] = {"TravellingPartner", "Transporter",
    "RecruiterOrIntermediary", "BrokerTravelAgent", "TransferredIndividual",
    "HarbouredIndividual", "SoldIndividual", "BoughtIndividual",
    "ReceivedIndividual", "ControlledIndividual", "Smuggler", "Abuser",
    "Kidnapper", "Exploiter", "Other", "recruiter=RecruiterOrIntermediary",
    "intermediary=RecruiterOrIntermediary", "broker=BrokerTravelAgent",
    NULL};
static const char *const sex[] = {"Feminine", "Masculine",
    "TransgenderFeminine", "TransgenderMasculine", "NonConforming",
    "NonSpecifiedUnknown", "f=Feminine", "female=Feminine",
    "woman=Feminine", "girl=Feminine", "m=Masculine", "male=Masculine",
    "man=Masculine", "boy=Masculine", "u=NonSpecifiedUnknown",
    "unknown=NonSpecifiedUnknown", "x=NonConforming", NULL};
static const char *const status[] = {"Active", "FollowUp", "Closed",
    "ClosedReferred", "open=Active", "ongoing=Active", "pending=Active",
    "referred=ClosedReferred", NULL};
static const char *const exploitation[] = {"ForcedLabour",
    "SexualExploitation", "ChildLabour", "ForcedMarriage", "Servitude",
    "ForcedMilitaryByNonStateActors", "OrganRemoval", "ForcedBegging",
    "ForcedAdoption", "Surrogacy", "ForcedCriminality", "Other",
    "forcedlabor=ForcedLabour", "labour=ForcedLabour",
    "labor=ForcedLabour", "sexual=SexualExploitation",
    "begging=ForcedBegging", "criminality=ForcedCriminality",
    "domesticservitude=Servitude", NULL};
static const char *const recruitment[] = {"FalseJobOffer", "LoverBoy",
    "FamilyMember", "Acquaintance", "OnlineSocialMedia", "OnlineAdvert",
    "Abduction", "SaleByFamily", "DebtOffer", "EducationOffer",
    "MarriageOffer", "Other", "joboffer=FalseJobOffer",
    "loverboymethod=LoverBoy", "romance=LoverBoy", "family=FamilyMember",
    "socialmedia=OnlineSocialMedia", "kidnapping=Abduction", NULL};
static const char *const control[] = {"PhysicalThreats",
    "ThreatsLawEnforcement", "ThreatensChildrenFamily", "DebtBondage",
    "FalsePromises", "PhysicalAbuse", "SexualAbuse", "TakesEarnings",
    "RestrictsFinancialAccess", "RestrictsMedicalCare",
    "WithholdsNecessities", "PsychologicalAbuse", "PsychoactiveSubstance",
    "ExcessiveWorkingHours", "WithholdsDocuments", "Other",
    "debt=DebtBondage", "threats=PhysicalThreats", "violence=PhysicalAbuse",
    "drugs=PsychoactiveSubstance", "documents=WithholdsDocuments", NULL};
static const char *const event[] = {"Recruitment", "Transit", "Exploitation",
    NULL};
static const char *const tstatus[] = {"PossibleVictimOfTrafficking",
    "ActualVictimOfTrafficking", "NotAVictimOfTrafficking",
    "possible=PossibleVictimOfTrafficking",
    "actual=ActualVictimOfTrafficking", "confirmed=ActualVictimOfTrafficking",
    "not=NotAVictimOfTrafficking", NULL};
static const char *const relationship[] = {"Familial", "Acquainted",
    "Unaquainted", "family=Familial", "unacquainted=Unaquainted",
    "stranger=Unaquainted", NULL};
static const char *const relation[] = {"recruited", "transported",
    "exploited", "paid", "communicated_with", "communicated=communicated_with",
    NULL};

static const struct {
	const char *name;
	const char *const *list;
} vocabs[SB_V_COUNT] = {
	[SB_V_ROLE] = {"role", role},
	[SB_V_HTCDS_ROLE] = {"htcds_role", htcds_role},
	[SB_V_SEX] = {"sex", sex},
	[SB_V_STATUS] = {"status", status},
	[SB_V_EXPLOITATION] = {"exploitation", exploitation},
	[SB_V_RECRUITMENT] = {"recruitment", recruitment},
	[SB_V_CONTROL] = {"control", control},
	[SB_V_EVENT] = {"event", event},
	[SB_V_TRAFFICKING_STATUS] = {"trafficking_status", tstatus},
	[SB_V_RELATIONSHIP] = {"relationship", relationship},
	[SB_V_RELATION] = {"relation", relation},
};

static int
ignorable(unsigned char c)
{
	return c == ' ' || c == '_' || c == '-' || c == '\t';
}

/* Compare s[0..n) with key up to '=' or NUL, ignoring case and separators. */
static int
same(const char *s, size_t n, const char *key)
{
	size_t i = 0;
	const unsigned char *k = (const unsigned char *)key;

	for (;;) {
		while (i < n && ignorable((unsigned char)s[i]))
			i++;
		while (*k != '\0' && *k != '=' && ignorable(*k))
			k++;
		if (i == n || *k == '\0' || *k == '=')
			return i == n && (*k == '\0' || *k == '=');
		if (tolower((unsigned char)s[i]) != tolower(*k))
			return 0;
		i++;
		k++;
	}
}

const char *
sb_vocab_lookup(enum sb_vocab v, const char *s, size_t n)
{
	const char *const *p;

	if (v <= SB_V_NONE || v >= SB_V_COUNT || n == 0 || n > 64)
		return NULL;
	/* Most values arrive canonical already: exact match first. */
	for (p = vocabs[v].list; *p != NULL; p++)
		if ((*p)[0] == s[0] && strncmp(*p, s, n) == 0 &&
		    (*p)[n] == '\0')
			return *p;
	for (p = vocabs[v].list; *p != NULL; p++) {
		if (!same(s, n, *p))
			continue;
		const char *eq = strchr(*p, '=');
		if (eq == NULL)
			return *p;
		/* Synonym: return the canonical entry's own static string. */
		for (const char *const *c = vocabs[v].list; *c != NULL; c++)
			if (strchr(*c, '=') == NULL && strcmp(*c, eq + 1) == 0)
				return *c;
	}
	return NULL;
}

const char *
sb_vocab_name(enum sb_vocab v)
{
	return v > SB_V_NONE && v < SB_V_COUNT ? vocabs[v].name : NULL;
}

const char *const *
sb_vocab_values(enum sb_vocab v)
{
	return v > SB_V_NONE && v < SB_V_COUNT ? vocabs[v].list : NULL;
}
