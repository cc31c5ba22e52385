/*
 * demo_data.h — the realistic demo records of `stellwerk demo`: the staff
 * of Nordlicht Sensorik GmbH, a sensor maker in Hamburg, and its positions
 * with their requirements profiles (an approved key account manager, a
 * business development draft with open findings), plus a client of an
 * executive search with a paused position. Later steps add candidates and
 * interviews here, so the demo shows every part of the product.
 */
#ifndef STELLWERK_CLI_DEMO_DATA_H
#define STELLWERK_CLI_DEMO_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Login names of the demo users besides "admin", in the order listed. */
extern const char *const DEMO_OTHER_LOGINS[];
extern const size_t DEMO_OTHER_LOGINS_COUNT;

/*
 * Creates the demo records in s, all users sharing password_hash, with
 * times relative to now (also the target start dates, computed in UTC).
 * Runs inside the caller's transaction (the caller commits or rolls back);
 * false after logging what failed, including a demo profile to be approved
 * that does not pass the profile checks.
 */
bool demo_fill(struct store *s, const char *password_hash, int64_t now);

#endif
