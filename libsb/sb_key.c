#include "sb_key.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#define MAGIC "sb-key/1 "
#define LINE_MAX_BYTES 256

static void
make_id(struct sb_key *key)
{
	static const char label[] = "safeborders key id v1";
	unsigned char h[SB_KEY_ID_CHARS / 2];

	crypto_generichash(h, sizeof h, (const unsigned char *)label,
	    sizeof label - 1, key->k, sizeof key->k);
	sodium_bin2hex(key->id, sizeof key->id, h, sizeof h);
}

int
sb_key_generate(const char *path, struct sb_err *e)
{
	unsigned char k[SB_KEY_BYTES];
	char b64[sodium_base64_ENCODED_LEN(SB_KEY_BYTES,
	    sodium_base64_VARIANT_ORIGINAL)];
	char line[LINE_MAX_BYTES];
	int fd, n, rc = SB_FATAL;

	if (sodium_init() < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "libsodium cannot "
		    "start");
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return sb_seterr(e, SB_FATAL, errno == EEXIST ? SB_E_USAGE :
		    SB_E_IO, "%s: %s", path, errno == EEXIST ? "exists; a key "
		    "is never overwritten" : strerror(errno));
	randombytes_buf(k, sizeof k);
	sodium_bin2base64(b64, sizeof b64, k, sizeof k,
	    sodium_base64_VARIANT_ORIGINAL);
	n = snprintf(line, sizeof line, "%s%s\n", MAGIC, b64);
	/* fchmod: the umask must not loosen or tighten what we promise. */
	if (fchmod(fd, 0600) == 0 && write(fd, line, (size_t)n) == n &&
	    fsync(fd) == 0)
		rc = SB_OK;
	else
		sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", path,
		    strerror(errno));
	if (close(fd) != 0 && rc == SB_OK)
		rc = sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", path,
		    strerror(errno));
	if (rc != SB_OK)
		unlink(path);
	sodium_memzero(k, sizeof k);
	sodium_memzero(b64, sizeof b64);
	sodium_memzero(line, sizeof line);
	return rc;
}

int
sb_key_load(struct sb_key *key, const char *path, struct sb_err *e)
{
	char line[LINE_MAX_BYTES];
	struct stat st;
	size_t len = 0;
	const char *end;
	FILE *f;
	int rc = SB_FATAL;

	memset(key, 0, sizeof(*key));
	if (sodium_init() < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "libsodium cannot "
		    "start");
	if ((f = fopen(path, "r")) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOINPUT, "key %s: %s", path,
		    strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		sb_seterr(e, SB_FATAL, SB_E_CONFIG, "key %s: not a regular "
		    "file", path);
		goto out;
	}
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		sb_seterr(e, SB_FATAL, SB_E_CONFIG, "key %s: group or others "
		    "may read or write it (mode %03o); chmod 600 it", path,
		    (unsigned)st.st_mode & 0777);
		goto out;
	}
	if (fgets(line, sizeof line, f) == NULL ||
	    strncmp(line, MAGIC, strlen(MAGIC)) != 0) {
		sb_seterr(e, SB_FATAL, SB_E_CONFIG, "key %s: not a SafeBorders "
		    "key file (sb-anonymise --keygen makes one)", path);
		goto out;
	}
	line[strcspn(line, "\r\n")] = '\0';
	if (sodium_base642bin(key->k, sizeof key->k, line + strlen(MAGIC),
	    strlen(line + strlen(MAGIC)), NULL, &len, &end,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || *end != '\0' ||
	    len != SB_KEY_BYTES) {
		sb_seterr(e, SB_FATAL, SB_E_CONFIG, "key %s: the key must be "
		    "%d bytes", path, SB_KEY_BYTES);
		goto out;
	}
	make_id(key);
	rc = SB_OK;
out:
	sodium_memzero(line, sizeof line);
	if (rc != SB_OK)
		sb_key_wipe(key);
	fclose(f);
	return rc;
}

void
sb_key_subkey(const struct sb_key *key, const char *field,
    unsigned char out[SB_KEY_BYTES])
{
	static const char prefix[] = "safeborders subkey v1:";
	crypto_generichash_state st;

	crypto_generichash_init(&st, key->k, sizeof key->k, SB_KEY_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)prefix,
	    sizeof prefix - 1);
	crypto_generichash_update(&st, (const unsigned char *)field,
	    strlen(field));
	crypto_generichash_final(&st, out, SB_KEY_BYTES);
	sodium_memzero(&st, sizeof st);
}

void
sb_key_wipe(struct sb_key *key)
{
	sodium_memzero(key, sizeof(*key));
}
