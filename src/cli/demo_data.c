/*
 * demo_data.c — the demo records of `stellwerk demo`; see demo_data.h.
 *
 * Nordlicht Sensorik GmbH, Hamburg: about 80 people building industrial
 * sensors, hiring its first dedicated sales lead. The people below run that
 * hiring process. Job titles are kept with them for the demo records later
 * steps add (interview panels, the decision memo); user accounts have no
 * title field.
 */
#include "cli/demo_data.h"

#include <string.h>

#include "cli/cli.h"
#include "store/users.h"
#include "util/log.h"
#include "util/str.h"

#define DAY (24 * 60 * 60)

struct demo_user {
	const char *login;
	const char *display_name;
	const char *title;       /* position at Nordlicht Sensorik */
	enum role role;
	const char *lang;
	int days_ago;            /* account created this many days before now */
};

static const struct demo_user demo_users[] = {
	{ "admin", "Dr. Maria Keller", "Geschäftsführerin", ROLE_ADMIN, "", 120 },
	{ "weber", "Jonas Weber", "Recruiter", ROLE_RECRUITER, "de", 118 },
	{ "brandt", "Thomas Brandt", "Vertriebsleiter", ROLE_HIRING_MANAGER, "de", 95 },
	{ "hoffmann", "Lena Hoffmann", "Head of Engineering", ROLE_INTERVIEWER, "de", 90 },
	{ "schulz", "Peter Schulz", "CFO", ROLE_INTERVIEWER, "de", 90 },
	{ "yilmaz", "Aylin Yilmaz", "Business Development Manager", ROLE_INTERVIEWER, "en", 60 },
};

const char *const DEMO_OTHER_LOGINS[] = { "weber", "brandt", "hoffmann", "schulz", "yilmaz" };
const size_t DEMO_OTHER_LOGINS_COUNT = sizeof DEMO_OTHER_LOGINS / sizeof DEMO_OTHER_LOGINS[0];

/* The staff accounts, oldest first. */
static bool demo_fill_users(struct store *s, const char *password_hash, int64_t now)
{
	for (size_t i = 0; i < sizeof demo_users / sizeof demo_users[0]; i++) {
		const struct demo_user *d = &demo_users[i];
		struct user u;
		memset(&u, 0, sizeof u);
		str_copy(u.name, sizeof u.name, d->login);
		str_copy(u.display_name, sizeof u.display_name, d->display_name);
		str_copy(u.lang, sizeof u.lang, d->lang);
		str_copy(u.password_hash, sizeof u.password_hash, password_hash);
		u.role = d->role;
		enum store_rc rc = store_user_create(s, &CLI_ACTOR, &u, now - (int64_t)d->days_ago * DAY);
		if (rc != STORE_OK) {
			log_error("demo: cannot create user %s: %s", d->login, store_rc_name(rc));
			return false;
		}
	}
	return true;
}

bool demo_fill(struct store *s, const char *password_hash, int64_t now)
{
	return demo_fill_users(s, password_hash, now);
}
