/*
 * code_table.c — lookup of enumeration codes; see code_table.h.
 */
#include "core/code_table.h"

#include <string.h>

int code_table_index(const char *const *table, int n, const char *code)
{
	if (code == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(code, table[i]) == 0)
			return i;
	return -1;
}
