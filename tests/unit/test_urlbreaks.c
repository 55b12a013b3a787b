/* libs: folio_layout folio_util */
/*
 * test_urlbreaks: which runs read as URLs, DOIs, e-mail addresses, paths
 * and identifiers (breaks_url_like), and where a copy editor breaks them
 * (breaks_url_points), against a table of cases written with "|" at each
 * break.
 */
#include "harness.h"
#include "layout/breaks.h"

#include <string.h>

/* The run with "|" before each byte breaks_url_points allows a break at. */
static void show(const char *run, char *out)
{
	size_t n = strlen(run);
	unsigned char before[512];
	breaks_url_points(run, n, before);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (before[i])
			out[o++] = '|';
		out[o++] = run[i];
	}
	out[o] = '\0';
}

static const struct { const char *run, *want; } points[] = {
	/* after a slash (after the second of two), before the other marks */
	{ "https://www.example.org/a/b", "https://|www|.example|.org/|a/|b" },
	{ "http://x.id/~user/file_name.pdf?x=1&y=2#top",
	  "http://|x|.id/|~user/|file|_name|.pdf|?x|=1|&y|=2|#top" },
	/* a DOI: digits and letters part */
	{ "10.1093/bjsw/bcaa001", "10|.1093/|bjsw/|bcaa|001" },
	{ "doi:10.1177/0020872820", "doi:10|.1177/|0020872820" },
	/* an e-mail address: before @ and the dots */
	{ "nama.saya@kemensos.go.id", "nama|.saya|@kemensos|.go|.id" },
	/* a path, a hyphen: before it, never after it */
	{ "/usr/local/share/folio-1.0/x", "/usr/|local/|share/|folio|-1|.0/|x" },
	/* an identifier */
	{ "compute_index_2024", "compute|_index|_2024" },
	/* brackets and closing punctuation stay with their neighbours */
	{ "(https://a.org/b).", "(https://|a|.org/|b)." },
	{ "<http://a.b>,", "<http://|a|.b>," },
	/* runs of marks are not split */
	{ "a/.b", "a/|.b" },
	{ "x?&y", "x|?&y" },
};

static const struct { const char *run; int url; } like[] = {
	{ "https://example.org", 1 },
	{ "http://a", 1 },
	{ "www.kemensos.go.id", 1 },
	{ "doi:10.1000/182", 1 },
	{ "10.1177/00208728211073400", 1 },
	{ "nama@kemensos.go.id", 1 },
	{ "(nama@kemensos.go.id).", 1 },
	{ "/usr/local/share", 1 },
	{ "~/berkas/laporan", 1 },
	{ "household_income_per_capita", 1 },
	{ "a/b/c/d", 1 },
	/* words, a slash between two words, numbers, an at-sign alone */
	{ "pekerjaan", 0 },
	{ "dan/atau", 0 },
	{ "Kabupaten/Kota", 0 },
	{ "1.000.000", 0 },
	{ "2020-2024", 0 },
	{ "@", 0 },
	{ "10.5", 0 },
	{ "_", 0 },
};

int main(void)
{
	char out[1024];
	for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
		show(points[i].run, out);
		STR_EQ(out, points[i].want);
	}
	for (size_t i = 0; i < sizeof like / sizeof like[0]; i++) {
		int got = breaks_url_like(like[i].run, strlen(like[i].run));
		if (got != like[i].url)
			fprintf(stderr, "breaks_url_like(%s) = %d\n", like[i].run, got);
		INT_EQ(got, like[i].url);
	}
	DONE();
}
