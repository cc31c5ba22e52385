/*
 * crypto.c — random tokens, digests and argon2id passwords via libsodium;
 * see crypto.h.
 */
#include "util/crypto.h"

#include <sodium.h>
#include <string.h>

bool crypto_init(void)
{
	return sodium_init() >= 0;
}

void crypto_random_token(char out[TOKEN_TEXT_MAX], const char *prefix)
{
	unsigned char raw[32];
	size_t plen = strlen(prefix);
	if (plen > 16)
		plen = 16;
	memcpy(out, prefix, plen);
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out + plen, TOKEN_TEXT_MAX - plen, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

void crypto_random_password(char *out, size_t n)
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (size_t i = 0; i < n; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[n] = '\0';
}

void crypto_sha256_hex(const char *s, size_t len, char out[DIGEST_HEX_LEN + 1])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)s, len);
	sodium_bin2hex(out, DIGEST_HEX_LEN + 1, digest, sizeof digest);
}

bool crypto_password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
	_Static_assert(PASSWORD_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer too small");
	return crypto_pwhash_str_alg(out, password, strlen(password), PASSWORD_HASH_OPSLIMIT,
				     PASSWORD_HASH_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool crypto_password_verify(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

bool crypto_password_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, PASSWORD_HASH_OPSLIMIT, PASSWORD_HASH_MEMLIMIT) != 0;
}

bool crypto_str_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return false;
	return sodium_memcmp(a, b, la) == 0;
}
