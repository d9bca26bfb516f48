/* sb_key: generation, the checks on loading, ids and subkeys. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb_key.h"
#include "tap.h"

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

int
main(void)
{
	char dir[] = "/tmp/sb-key.XXXXXX", p1[64], p2[64], bad[64];
	struct sb_key a, b, c;
	struct sb_err e = {0};
	unsigned char s1[SB_KEY_BYTES], s2[SB_KEY_BYTES], s3[SB_KEY_BYTES];
	struct stat st;

	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(p1, sizeof p1, "%s/k1", dir);
	snprintf(p2, sizeof p2, "%s/k2", dir);
	snprintf(bad, sizeof bad, "%s/bad", dir);
	umask(022);
	ok(sb_key_generate(p1, &e) == SB_OK, "keygen (%s)", e.msg);
	ok(stat(p1, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "key file has mode 0600 under umask 022");
	ok(sb_key_generate(p1, &e) == SB_FATAL && e.kind == SB_E_USAGE,
	    "an existing key is never overwritten");
	ok(sb_key_generate(p2, &e) == SB_OK, "second key");
	ok(sb_key_load(&a, p1, &e) == SB_OK, "load");
	ok(sb_key_load(&b, p1, &e) == SB_OK && memcmp(a.k, b.k, 32) == 0 &&
	    strcmp(a.id, b.id) == 0, "same file, same key and id");
	ok(strlen(a.id) == 16 && strspn(a.id, "0123456789abcdef") == 16,
	    "id is 16 hex digits");
	ok(sb_key_load(&c, p2, &e) == SB_OK && strcmp(a.id, c.id) != 0,
	    "another key, another id");
	sb_key_subkey(&a, "name", s1);
	sb_key_subkey(&a, "phone", s2);
	sb_key_subkey(&c, "name", s3);
	ok(memcmp(s1, s2, 32) != 0, "subkeys differ by field");
	ok(memcmp(s1, s3, 32) != 0, "subkeys differ by key");
	ok(memcmp(s1, a.k, 32) != 0, "a subkey is not the key");

	chmod(p1, 0640);
	ok(sb_key_load(&b, p1, &e) == SB_FATAL && e.kind == SB_E_CONFIG &&
	    strstr(e.msg, "group or others") != NULL,
	    "group-readable key refused");
	chmod(p1, 0604);
	ok(sb_key_load(&b, p1, &e) == SB_FATAL, "other-readable key refused");
	ok(sb_key_load(&b, "/nonexistent/key", &e) == SB_FATAL &&
	    e.kind == SB_E_NOINPUT, "missing key refused");
	write_file(bad, "sb-key/1 AAAA\n", 0600);
	ok(sb_key_load(&b, bad, &e) == SB_FATAL &&
	    strstr(e.msg, "32 bytes") != NULL, "short key refused");
	write_file(bad, "hello\n", 0600);
	ok(sb_key_load(&b, bad, &e) == SB_FATAL, "not a key file refused");
	ok(strstr(e.msg, "hello") == NULL, "the message shows no content");
	sb_key_wipe(&a);
	ok(a.k[0] == 0 && a.k[31] == 0 && a.id[0] == '\0', "wipe clears");
	unlink(p1);
	unlink(p2);
	unlink(bad);
	rmdir(dir);
	return tap_done();
}
