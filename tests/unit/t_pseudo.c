/* sb_pseudo: normalisation and keyed tokens. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sb_pseudo.h"
#include "tap.h"

static const char *
tok(const struct sb_key *k, const char *type, const char *scheme,
    const char *cc, const char *v, char *buf)
{
	char norm[128];
	int n = sb_pseudo_normalise(type, scheme, cc, v, strlen(v), norm,
	    sizeof norm);

	if (n < 0 || sb_pseudo_token(k, type, norm, (size_t)n, buf,
	    SB_PSEUDO_TOKEN_MAX) < 0)
		return NULL;
	return buf;
}

struct shared_run {
	struct sb_pseudo_table *t;
	unsigned char sub[2][SB_KEY_BYTES];
	unsigned seed;
	int bad;
};

/* 200,000 lookups of 150,000 values (more than the table's entries)
 * through a handle of its own on r->t. */
static void *
shared_lookups(void *arg)
{
	struct shared_run *r = arg;
	struct sb_pseudo_cache *c = sb_pseudo_cache_new_shared(r->t);
	char v[32], a[SB_PSEUDO_TOKEN_MAX], u[SB_PSEUDO_TOKEN_MAX];
	uint32_t x = 2463534242u + r->seed * 7919u;

	for (int i = 0; i < 200000 && c != NULL; i++) {
		int k, n;
		const char *type;

		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		k = (int)(x % 150000);
		type = k % 2 ? "email" : "phone";
		n = snprintf(v, sizeof v, "%d@example.org", k);
		sb_pseudo_token_sub(r->sub[k % 2], type, v, (size_t)n, u,
		    sizeof u);
		if (sb_pseudo_token_cached(c, r->sub[k % 2], type, v,
		    (size_t)n, a, sizeof a) < 0 || strcmp(a, u) != 0)
			r->bad++;
	}
	if (c == NULL)
		r->bad++;
	sb_pseudo_cache_free(c);
	return NULL;
}

int
main(void)
{
	char dir[] = "/tmp/sb-pseudo.XXXXXX", p1[64], p2[64];
	char a[SB_PSEUDO_TOKEN_MAX], b[SB_PSEUDO_TOKEN_MAX];
	struct sb_key k1, k2;
	struct sb_err e = {0};

	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(p1, sizeof p1, "%s/k1", dir);
	snprintf(p2, sizeof p2, "%s/k2", dir);
	if (sb_key_generate(p1, &e) != SB_OK || sb_key_generate(p2, &e) !=
	    SB_OK || sb_key_load(&k1, p1, &e) != SB_OK ||
	    sb_key_load(&k2, p2, &e) != SB_OK)
		return 2;

	ok(tok(&k1, "phone", NULL, "BG", "0887 123 456", a) != NULL &&
	    tok(&k1, "phone", NULL, "IT", "+359 88 712 3456", b) != NULL &&
	    strcmp(a, b) == 0, "a phone written nationally and "
	    "internationally: one token");
	ok(strncmp(a, "phone:", 6) == 0 && strlen(a) == 6 + 32,
	    "typed token of 128 bits");
	ok(tok(&k2, "phone", NULL, "BG", "0887 123 456", b) != NULL &&
	    strcmp(a, b) != 0, "another key, another token");
	ok(tok(&k1, "email", NULL, NULL, " Ana.Ivanova@Example.ORG ", a) &&
	    tok(&k1, "email", NULL, NULL, "ana.ivanova@example.org", b) &&
	    strcmp(a, b) == 0, "e-mail case and blanks do not matter");
	ok(tok(&k1, "iban", NULL, NULL, "BG80 BNBG 9661 1020 3456 78", a) &&
	    tok(&k1, "iban", NULL, NULL, "bg80bnbg96611020345678", b) &&
	    strcmp(a, b) == 0, "IBAN spacing and case do not matter");
	ok(tok(&k1, "iban", NULL, NULL, "BG81 BNBG 9661 1020 3456 78", a) ==
	    NULL, "an IBAN failing mod-97 is not normalised");
	ok(tok(&k1, "handle", NULL, NULL, "@Ivan_88", a) &&
	    tok(&k1, "handle", NULL, NULL, "ivan_88", b) && strcmp(a, b) == 0,
	    "handles with and without @");
	ok(tok(&k1, "national_id", "PESEL", "PL", "44051401359", a) != NULL,
	    "PESEL token");
	ok(tok(&k1, "national_id", "PESEL", "PL", "44051401358", a) == NULL,
	    "a PESEL with a wrong check digit is not normalised");
	char n1[64], n2[64];
	int l1 = sb_pseudo_normalise("passport", NULL, "BG", "382145610", 9,
	    n1, sizeof n1);
	ok(l1 > 0 && sb_pseudo_token(&k1, "passport", n1, (size_t)l1, a,
	    sizeof a) > 0 && sb_pseudo_token(&k1, "national_id", n1,
	    (size_t)l1, b, sizeof b) > 0 && strcmp(a + 9, b + 12) != 0,
	    "the same digits in two types give different tokens");
	int l2 = sb_pseudo_normalise("plate", NULL, "BG", "CA 1234 AB", 10, n2,
	    sizeof n2);
	ok(l2 > 0 && strcmp(n2, "CA1234AB") == 0, "plate canonical form");
	unlink(p1);
	unlink(p2);
	rmdir(dir);
	{
		char nf[64];

		ok(sb_pseudo_normalise("ip", NULL, NULL, " 192.168.001.10", 15,
		    nf, sizeof nf) < 0, "ip: leading zeros are not an address");
		ok(sb_pseudo_normalise("ip", NULL, NULL, "2001:DB8:0:0::1", 15,
		    nf, sizeof nf) > 0 && strcmp(nf, "2001:db8::1") == 0,
		    "ip: IPv6 to its shortest lower-case form");
		ok(sb_pseudo_normalise("ip", NULL, NULL, "10.0.0.7 ", 9, nf,
		    sizeof nf) > 0 && strcmp(nf, "10.0.0.7") == 0,
		    "ip: IPv4 trimmed");
		ok(sb_pseudo_normalise("card", NULL, NULL, "4111 1111-1111 1111",
		    19, nf, sizeof nf) > 0 &&
		    strcmp(nf, "4111111111111111") == 0, "card: its digits");
		ok(sb_pseudo_normalise("card", NULL, NULL, "4111 1111 1111 1112",
		    19, nf, sizeof nf) < 0, "card failing Luhn: no form");
		ok(sb_pseudo_normalise("id_card", NULL, NULL, "ab 12-34", 8, nf,
		    sizeof nf) > 0 && strcmp(nf, "AB1234") == 0,
		    "id_card: upper-case letters and digits");
	}
	{
		/* The cache gives the uncached token, per subkey. */
		unsigned char s1[SB_KEY_BYTES], s2[SB_KEY_BYTES];
		struct sb_pseudo_cache *c = sb_pseudo_cache_new();
		char u[SB_PSEUDO_TOKEN_MAX];
		int same = 1, i;

		sb_key_subkey(&k1, "phone", s1);
		sb_key_subkey(&k2, "phone", s2);
		for (i = 0; i < 3 && c != NULL; i++) {
			sb_pseudo_token_sub(s1, "phone", "+359887123456", 13, u,
			    sizeof u);
			sb_pseudo_token_cached(c, s1, "phone", "+359887123456",
			    13, a, sizeof a);
			same &= strcmp(a, u) == 0;
			sb_pseudo_token_sub(s2, "phone", "+359887123456", 13, u,
			    sizeof u);
			sb_pseudo_token_cached(c, s2, "phone", "+359887123456",
			    13, b, sizeof b);
			same &= strcmp(b, u) == 0 && strcmp(a, b) != 0;
		}
		ok(c != NULL && same, "cached tokens equal uncached ones, "
		    "per subkey");
		ok(sb_pseudo_token_cached(c, s1, "phone", "+359887123456", 13,
		    a, 20) < 0, "a short buffer is refused through the cache");
		sb_pseudo_cache_free(c);
	}
	{
		/* Through the cache, over values of every length (empty, and
		 * past what an entry holds), more subkeys than it prepares
		 * hash states for, enough values to evict entries, and two
		 * types on one subkey: always the uncached token. */
		enum { NSUB = 20, NVAL = 100000 };
		static unsigned char sub[NSUB][SB_KEY_BYTES];
		struct sb_pseudo_cache *c = sb_pseudo_cache_new();
		char v[96], u[SB_PSEUDO_TOKEN_MAX];
		const char *type;
		int bad = 0;
		size_t n;

		for (int i = 0; i < NSUB; i++) {
			snprintf(v, sizeof v, "type%d", i);
			sb_key_subkey(&k1, v, sub[i]);
		}
		for (int pass = 0; pass < 2 && c != NULL; pass++)
			for (int i = 0; i < NVAL; i++) {
				n = (size_t)(i % 81);
				for (size_t j = 0; j < n; j++)
					v[j] = (char)('a' + (i * 7 + j * 13) % 26);
				memcpy(v, &i, n < sizeof i ? n : sizeof i);
				type = i % 2 ? "email" : "phone";
				sb_pseudo_token_sub(sub[i % NSUB], type, v, n, u,
				    sizeof u);
				if (sb_pseudo_token_cached(c, sub[i % NSUB], type,
				    v, n, a, sizeof a) < 0 || strcmp(a, u) != 0)
					bad++;
			}
		ok(c != NULL && bad == 0, "cached tokens equal uncached ones "
		    "over 200,000 lookups (%d differ)", bad);
		sb_pseudo_cache_free(c);
	}
	{
		/* One table, four threads at once over the same values in
		 * different orders (entries written and overwritten under
		 * each other): always the uncached token. */
		struct shared_run r[4];
		pthread_t th[4];
		int bad = 0, started = 0;

		r[0].t = sb_pseudo_table_new();
		sb_key_subkey(&k1, "phone", r[0].sub[0]);
		sb_key_subkey(&k1, "email", r[0].sub[1]);
		for (int i = 0; i < 4 && r[0].t != NULL; i++) {
			r[i] = r[0];
			r[i].seed = (unsigned)i;
			r[i].bad = 0;
			if (pthread_create(&th[i], NULL, shared_lookups,
			    &r[i]) == 0)
				started++;
		}
		for (int i = 0; i < started; i++) {
			pthread_join(th[i], NULL);
			bad += r[i].bad;
		}
		ok(started == 4 && bad == 0, "a table shared by four threads: "
		    "cached tokens equal uncached ones over 800,000 lookups "
		    "(%d differ)", bad);
		sb_pseudo_table_free(r[0].t);
	}
	return tap_done();
}
