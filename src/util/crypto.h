/*
 * crypto.h — the few cryptographic primitives stellwerk needs, all from
 * libsodium: random tokens, SHA-256 digests for stored secrets, and argon2id
 * password hashing. crypto_init must run once before any other call.
 */
#ifndef STELLWERK_UTIL_CRYPTO_H
#define STELLWERK_UTIL_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

/* Argon2id cost: at least the OWASP minimum of m = 19 MiB, t = 2. */
#define PASSWORD_HASH_OPSLIMIT 2
#define PASSWORD_HASH_MEMLIMIT (19u * 1024u * 1024u)
#define PASSWORD_HASH_MAX 128       /* room for the encoded argon2id string */

#define TOKEN_TEXT_MAX 64           /* base64url of 32 bytes + NUL, and prefixes */
#define DIGEST_HEX_LEN 64           /* SHA-256 as lowercase hex, without NUL */

bool crypto_init(void);

/* Writes 32 random bytes as unpadded base64url (43 chars) after prefix. */
void crypto_random_token(char out[TOKEN_TEXT_MAX], const char *prefix);

/* Writes a random password of n characters from an unambiguous alphabet. */
void crypto_random_password(char *out, size_t n);

/* SHA-256 of s as lowercase hex; out must hold DIGEST_HEX_LEN + 1 bytes. */
void crypto_sha256_hex(const char *s, size_t len, char out[DIGEST_HEX_LEN + 1]);

/* argon2id hash in libsodium's encoded form; false only when out of memory. */
bool crypto_password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
bool crypto_password_verify(const char *hash, const char *password);
bool crypto_password_needs_rehash(const char *hash);

/* Constant-time comparison of two NUL-terminated strings. */
bool crypto_str_equal(const char *a, const char *b);

#endif
