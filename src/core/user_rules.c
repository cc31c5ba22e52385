/*
 * user_rules.c — account field validation; see user_rules.h.
 */
#include "core/user_rules.h"
#include "core/i18n_mark.h"
#include "core/password_policy.h"

#include <string.h>

const char *user_name_normalize(char *name)
{
	size_t len = strlen(name);
	if (len < USER_NAME_MIN_LEN || len > USER_NAME_MAX_LEN)
		return N_("The user name must be 2 to 63 characters long.");
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (c >= 'A' && c <= 'Z')
			name[i] = c = (char)(c - 'A' + 'a');
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return N_("The user name may contain only letters a–z, digits, '.', '_' and '-', and must start with a letter or digit.");
	}
	return NULL;
}

const char *display_name_check(const char *display_name)
{
	size_t len = strlen(display_name);
	if (len > DISPLAY_NAME_MAX_LEN)
		return N_("The display name must be at most 120 characters long.");
	if (!utf8_valid(display_name, len))
		return N_("The display name contains invalid characters.");
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)display_name[i] < 0x20 || display_name[i] == 0x7f)
			return N_("The display name must not contain control characters.");
	return NULL;
}
