/*
 * seen.h: collects the diagnostics of a test run as
 * "file:line:col: severity: message" lines, and checks for one, printing
 * what was seen when it is missing.  Shared by the resolve-pass tests.
 */
#ifndef FOLIO_TEST_SEEN_H
#define FOLIO_TEST_SEEN_H

#include "folio/diag.h"

#include <stdio.h>
#include <string.h>

struct seen {
	char text[32][320];
	int n;
};

static void collect(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	struct seen *s = ctx;
	static const char *const names[] = { "note", "warning", "error", "fatal" };
	if (s->n < 32)
		snprintf(s->text[s->n++], 320, "%s:%u:%u: %s: %s", loc.file ? loc.file : "",
			 loc.line, loc.col, names[sev], msg);
}

static int has(const struct seen *s, const char *want)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->text[i], want) == 0)
			return 1;
	fprintf(stderr, "missing diagnostic: %s\n", want);
	for (int i = 0; i < s->n; i++)
		fprintf(stderr, "  have: %s\n", s->text[i]);
	return 0;
}

#endif
