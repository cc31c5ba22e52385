/*
 * Unit tests for src/util/xalloc.c: xgrow appends zeroed elements, keeps
 * what was stored across growth, works on arrays that live inside structs,
 * and aborts instead of wrapping when the new size would overflow size_t.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/xalloc.h"

struct pair {
	int64_t id;
	char name[12];
};

static void test_grow_from_empty(void **state)
{
	(void)state;
	struct pair *list = NULL;
	size_t count = 0, cap = 0;

	struct pair *p = xgrow(&list, &count, &cap, sizeof *list);
	assert_non_null(list);
	assert_ptr_equal(p, &list[0]);
	assert_int_equal(count, 1);
	assert_true(cap >= 1);
	assert_int_equal(p->id, 0);
	assert_int_equal(p->name[0], '\0');
	free(list);
}

static void test_grow_keeps_elements_and_zeroes_new_ones(void **state)
{
	(void)state;
	struct pair *list = NULL;
	size_t count = 0, cap = 0;

	for (int64_t i = 0; i < 1000; i++) {
		struct pair *p = xgrow(&list, &count, &cap, sizeof *list);
		assert_ptr_equal(p, &list[count - 1]);
		assert_int_equal(p->id, 0);
		for (size_t k = 0; k < sizeof p->name; k++)
			assert_int_equal(p->name[k], 0);
		p->id = i * 3;
		p->name[0] = (char)('a' + i % 26);
		assert_true(count <= cap);
	}
	assert_int_equal(count, 1000);
	for (size_t i = 0; i < count; i++) {
		assert_int_equal(list[i].id, (int64_t)i * 3);
		assert_int_equal(list[i].name[0], 'a' + (int)(i % 26));
	}
	free(list);
}

static void test_grow_uses_spare_capacity(void **state)
{
	(void)state;
	int *list = NULL;
	size_t count = 0, cap = 0;

	*(int *)xgrow(&list, &count, &cap, sizeof *list) = 7;
	int *before = list;
	size_t cap_before = cap;
	while (count < cap_before)
		*(int *)xgrow(&list, &count, &cap, sizeof *list) = 8;
	assert_ptr_equal(list, before);
	assert_int_equal(cap, cap_before);
	*(int *)xgrow(&list, &count, &cap, sizeof *list) = 9;
	assert_true(cap > cap_before);
	assert_int_equal(list[0], 7);
	assert_int_equal(list[count - 2], 8);
	assert_int_equal(list[count - 1], 9);
	free(list);
}

/* The growable array of a struct, as the store fills them. */
struct holder {
	char *bytes;
	size_t nbytes, cap;
};

static void test_grow_struct_members_and_byte_elements(void **state)
{
	(void)state;
	struct holder h = { 0 };

	for (int i = 0; i < 100; i++)
		*(char *)xgrow(&h.bytes, &h.nbytes, &h.cap, 1) = (char)i;
	assert_int_equal(h.nbytes, 100);
	for (int i = 0; i < 100; i++)
		assert_int_equal(h.bytes[i], (char)i);
	free(h.bytes);
}

/* Whether xgrow with this count, capacity and element size aborts. */
static bool grow_aborts(size_t count, size_t cap, size_t elem_size)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		if (devnull >= 0)
			dup2(devnull, STDERR_FILENO);
		char *items = NULL;
		xgrow(&items, &count, &cap, elem_size);
		_exit(0);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void test_grow_aborts_on_overflow(void **state)
{
	(void)state;
	/* doubling the capacity itself would wrap */
	assert_true(grow_aborts(SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 1, 1));
	/* capacity doubles fine, but capacity times element size would wrap */
	assert_true(grow_aborts(SIZE_MAX / 16, SIZE_MAX / 16, 16));
	/* a small array grows without aborting */
	assert_false(grow_aborts(4, 4, 16));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_from_empty),
		cmocka_unit_test(test_grow_keeps_elements_and_zeroes_new_ones),
		cmocka_unit_test(test_grow_uses_spare_capacity),
		cmocka_unit_test(test_grow_struct_members_and_byte_elements),
		cmocka_unit_test(test_grow_aborts_on_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
