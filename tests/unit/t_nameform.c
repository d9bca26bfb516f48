/* sb_nameform: romanisation, spelling skeletons, ordered name keys. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

#include "sb_clk.h"
#include "sb_nameform.h"
#include "sb_names.h"

static const char *
asc(const char *s)
{
	static char out[SB_NAMEFORM_MAX];

	return sb_nameform_ascii(s, strlen(s), out, sizeof(out)) < 0 ? "(err)" :
	    out;
}

static const char *
key(const char *s)
{
	/* Two buffers, so that one call can compare two keys. */
	static char out[2][SB_NAMEFORM_MAX];
	static int i;

	i ^= 1;
	return sb_nameform_key(s, strlen(s), out[i], sizeof(out[i])) < 0 ?
	    "(err)" : out[i];
}

static double
dice(const struct sb_key *k, const char *a, const char *b)
{
	uint64_t wa[16], wb[16];
	char ka[SB_NAMEFORM_MAX], kb[SB_NAMEFORM_MAX];
	int la = sb_nameform_key(a, strlen(a), ka, sizeof(ka));
	int lb = sb_nameform_key(b, strlen(b), kb, sizeof(kb));

	if (la < 0 || lb < 0 ||
	    sb_clk_encode(k, "name", &sb_clk_default, ka, (size_t)la, wa) ||
	    sb_clk_encode(k, "name", &sb_clk_default, kb, (size_t)lb, wb))
		return -1;
	return sb_clk_dice(wa, wb, 16);
}

int
main(void)
{
	struct sb_key k;
	char big[2000];
	static const char *const same[][2] = {
	    {"Снежана Петрова", "PETROVA Snezhana"},
	    {"Стоянова", "Stojanova"},
	    {"Стоянова", "Stoianova"},
	    {"Христо", "Hristo"},
	    {"Христо", "Khristo"},
	    {"Χρήστος Παπαδόπουλος", "Christos Papadopoulos"},
	    {"Ștefănescu", "STEFANESCU"},
	    {"Łukasz Wiśniewski", "Lukasz Wisniewski"},
	    {"Jordanov", "Yordanov"},
	    {"Tsvetkov", "Cvetkov"},
	    {"Mikkonen", "Mikonen"},
	    {"Шишков", "Schischkow"},
	    {"Гешев", "Gešev"},
	    {"Sarah", "Sara"},
	    {"Βλάχος", "Vlachos"},
	    {"Papadhopoulos", "Papadopoulos"},
	};
	size_t i;

	is_str(asc("ПЕТРОВА-Иванова"), "petrova ivanova", "Cyrillic, hyphen");
	is_str(asc("Стоянова"), "stoyanova", "Bulgarian BGN romanisation");
	is_str(asc("Щерев"), "shterev", "shcha is sht in Bulgarian");
	is_str(asc("Παπαδόπουλου"), "papadopoulou", "Greek UNGEGN");
	is_str(asc("Ștefănescu"), "stefanescu", "Romanian diacritics");
	is_str(asc("ŁUKASZ  Żółw"), "lukasz zolw", "Polish, case, spaces");
	is_str(asc("Ｍａｒｉａ"), "maria", "NFKC folds full-width letters");
	is_str(asc("  O'Brien, Jr. "), "o brien jr", "punctuation to spaces");
	is_str(asc(""), "", "empty");
	ok(sb_nameform_ascii("\xff", 1, big, sizeof(big)) < 0, "not UTF-8");
	ok(sb_nameform_ascii("Maria", 5, big, 3) < 0, "short buffer");

	is_str(key("Snezhana Petrova"), key("Петрова Снежана"),
	    "tokens ordered: swapped names give one key");
	is_str(key("Snezhana Petrova"), "petrova snezana",
	    "skeleton: zh to z");
	is_str(key("Anna Kowalski"), "ana kovalski", "doubles, w to v");
	is_str(key("Marco Costa"), "kosta marko", "hard c");
	is_str(key("Cecilia"), "cecilia", "soft c stays");
	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
		is_str(key(same[i][0]), key(same[i][1]), "one key: %s / %s",
		    same[i][0], same[i][1]);
	ok(strcmp(key("Ivan Petrov"), key("Ivan Petrova")) != 0,
	    "different names stay different");

	memset(&k, 7, sizeof(k));
	ok(dice(&k, "Ivan Petrov", "Ivan Petrof") > 0.8, "typo: high Dice");
	ok(dice(&k, "Стоянова Мария", "Mariya Stoyanova") == 1.0,
	    "transliteration: Dice 1");
	ok(dice(&k, "Ivan Petrov", "Giulia Bianchi") < 0.3,
	    "unrelated: low Dice");
	sb_names_release();
	{
		/* The key of two one-word parts is their keys in order, a
		 * space between: sb-anonymise makes a full name's key so.
		 * Random words over the letters the folds and the final h
		 * read (c, h, s, t, z...), 200,000 pairs. */
		static const char letters[] = "abcdehiknorstuwyzjxq";
		char a[16], b[16], ab[40], ka[SB_NAMEFORM_MAX],
		    kb[SB_NAMEFORM_MAX], kab[SB_NAMEFORM_MAX],
		    want[2 * SB_NAMEFORM_MAX + 2];
		uint32_t x = 88172645u;
		int bad = 0;

		for (int t = 0; t < 200000; t++) {
			size_t la, lb;

			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			la = 1 + x % 8;
			lb = 1 + x / 8 % 8;
			for (size_t j = 0; j < la + lb; j++) {
				x ^= x << 13, x ^= x >> 17, x ^= x << 5;
				if (j < la)
					a[j] = letters[x % (sizeof letters - 1)];
				else
					b[j - la] = letters[x % (sizeof letters - 1)];
			}
			a[la] = b[lb] = '\0';
			snprintf(ab, sizeof ab, "%s %s", a, b);
			if (sb_nameform_key_ascii(a, la, ka, sizeof ka) <= 0 ||
			    sb_nameform_key_ascii(b, lb, kb, sizeof kb) <= 0 ||
			    sb_nameform_key_ascii(ab, la + 1 + lb, kab,
			    sizeof kab) < 0) {
				bad++;
				continue;
			}
			snprintf(want, sizeof want, "%s %s", strcmp(ka, kb) <= 0 ?
			    ka : kb, strcmp(ka, kb) <= 0 ? kb : ka);
			if (strcmp(kab, want) != 0)
				bad++;
		}
		ok(bad == 0, "two one-word parts: the whole's key is the "
		    "parts' keys in order (%d of 200,000 differ)", bad);
	}
	return tap_done();
}
