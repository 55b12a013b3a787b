/* libs: folio_layout folio_util */
/*
 * test_breaks: the break opportunities breaks_plain_run finds without
 * libunibreak are libunibreak's own, for runs of letters, digits, , . : ;
 * and apostrophes, in the languages libunibreak tailors and in none; runs
 * with any other character are left to libunibreak.
 */
#include "harness.h"
#include "layout/breaks.h"

#include <linebreak.h>
#include <stdlib.h>
#include <string.h>

static int same_as_unibreak(const char *run, const char *lang)
{
	size_t n = strlen(run);
	char mine[64], theirs[64];
	if (!breaks_plain_run(run, n, mine))
		return 1;
	set_linebreaks_utf8((const utf8_t *)run, n, lang, theirs);
	if (memcmp(mine, theirs, n) == 0)
		return 1;
	fprintf(stderr, "\"%s\" (%s): breaks differ\n", run, lang ? lang : "no language");
	return 0;
}

int main(void)
{
	init_linebreak();
	static const char *const langs[] = { NULL, "id", "en", "de", "fr", "es",
					     "ru", "zh", "ja", "ko" };
	static const char *const runs[] = { "pekerjaan", "sosial,", "2017.", "1.5",
		"a.b", "don't", "'quoted'", "U.S.A.", "12:30;", "x", ",", "a,b,c",
		"3,14", "e.g.", "p.12", "Tjahjadi;" };
	const char alphabet[] = "abcXYZ019,.:;'";
	int bad = 0;
	for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++)
			bad += !same_as_unibreak(runs[i], langs[l]);
		unsigned seed = 11u + (unsigned)l;
		for (int i = 0; i < 3000; i++) {
			char w[24];
			harness_word(&seed, alphabet, 1, 20, w);
			bad += !same_as_unibreak(w, langs[l]);
		}
	}
	INT_EQ(bad, 0);

	/* what is not plain is not touched */
	char b[16];
	memset(b, 'z', sizeof b);
	static const char *const others[] = { "a-b", "a/b", "(a)", "a!", "naïve",
		"\xe2\x80\x9cquoted\xe2\x80\x9d", "a b", "a\xc2\xa0" "b", "" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		INT_EQ(breaks_plain_run(others[i], strlen(others[i]), b), 0);
		INT_EQ(b[0], 'z');
	}
	DONE();
}
