/*
 * harness.h: the smallest test harness that reports well.  Each check
 * prints file:line and what differed; main returns the failure count
 * through DONE().
 */
#ifndef FOLIO_TEST_HARNESS_H
#define FOLIO_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_failures;
static int harness_checks;

#define OK(cond) do { harness_checks++; if (!(cond)) { harness_failures++; \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)

#define INT_EQ(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
	harness_checks++; if (g_ != w_) { harness_failures++; \
	fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } } while (0)

#define STR_EQ(got, want) do { const char *g_ = (got), *w_ = (want); harness_checks++; \
	if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp(g_, w_) != 0) { harness_failures++; \
	fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
		g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } } while (0)

/* A made-up word of shortest + (a number below spread) letters drawn from
 * letters, into out (room for shortest + spread bytes); *seed moves on, so
 * a test gets the same words every run. */
static inline void harness_word(unsigned *seed, const char *letters, int shortest,
				int spread, char *out)
{
	size_t nl = strlen(letters);
	int n = shortest + (int)(*seed % (unsigned)spread);
	for (int k = 0; k < n; k++) {
		*seed = *seed * 1103515245u + 12345u;
		out[k] = letters[(*seed >> 16) % nl];
	}
	out[n] = '\0';
}

#define DONE() do { fprintf(stderr, "%d checks, %d failed\n", harness_checks, harness_failures); \
	return harness_failures ? 1 : 0; } while (0)

#endif
