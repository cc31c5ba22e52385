/*
 * code_table.h — stable text codes of enumerations (stored in the database,
 * used in the API and forms) looked up in a table indexed by the enum.
 */
#ifndef STELLWERK_CORE_CODE_TABLE_H
#define STELLWERK_CORE_CODE_TABLE_H

/* Index of code in table[0..n), or -1 for NULL or an unknown code. */
int code_table_index(const char *const *table, int n, const char *code);

#endif
