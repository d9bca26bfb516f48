/*
 * sb_key: the secret key of sb-anonymise (issue 4), and what is derived
 * from it.
 *
 * A key file is one line, "sb-key/1 " and 32 random bytes in base64
 * (libsodium), created with mode 0600 and never overwritten.  Loading
 * refuses a missing file, a file that group or others may read or write,
 * and a key that is not 32 bytes.  Per-field subkeys are keyed BLAKE2b of
 * the field's name (libsodium crypto_generichash), so the same value in
 * two fields never gives the same token.  The key id, safe to write into
 * every output record, is a keyed hash of a fixed label: it names the key
 * without revealing it.
 *
 * Ownership: keys live in the caller's struct sb_key; sb_key_wipe() clears
 * it (sodium_memzero).  Error texts name the file, never the key.
 */
#ifndef SB_KEY_H
#define SB_KEY_H

#include "sb.h"

#define SB_KEY_BYTES 32
#define SB_KEY_ID_CHARS 16

struct sb_key {
	unsigned char k[SB_KEY_BYTES];
	char id[SB_KEY_ID_CHARS + 1];
};

/* Write a fresh random key to path (created, mode 0600; an existing file
 * is an error).  SB_OK or SB_FATAL (SB_E_IO, SB_E_USAGE when it exists). */
int sb_key_generate(const char *path, struct sb_err *e);
/* Load and check a key file.  SB_OK, or SB_FATAL with SB_E_NOINPUT (no
 * file) or SB_E_CONFIG (permissions, format, length). */
int sb_key_load(struct sb_key *key, const char *path, struct sb_err *e);
/* The subkey for a field ("name", "phone", "dob", ...). */
void sb_key_subkey(const struct sb_key *key, const char *field,
    unsigned char out[SB_KEY_BYTES]);
void sb_key_wipe(struct sb_key *key);

#endif
