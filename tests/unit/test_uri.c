/* libs: folio_util */
/*
 * test_uri: util/uri.h, a URL made a valid URI for the outputs' links:
 * what a URI may not hold is percent-encoded, the rest and existing
 * escapes are kept.
 */
#include "harness.h"
#include "util/uri.h"

static void expect(const char *in, const char *want)
{
	strbuf b = STRBUF_INIT;
	uri_escape(&b, in);
	STR_EQ(sb_str(&b), want);
	INT_EQ(uri_is_clean(in), strcmp(in, want) == 0);
	sb_free(&b);
}

int main(void)
{
	expect("https://example.org/a/b?c=d&e=f#g", "https://example.org/a/b?c=d&e=f#g");
	expect("https://example.org/search?q=<social work>",
	       "https://example.org/search?q=%3Csocial%20work%3E");
	expect("https://example.org/pekerjaan-sosial-\xc3\xbc", "https://example.org/pekerjaan-sosial-%C3%BC");
	expect("https://example.org/%E2%82%AC/50%-off", "https://example.org/%E2%82%AC/50%25-off");
	expect("a\"b\\c^d`e{f|g}h\ti", "a%22b%5Cc%5Ed%60e%7Bf%7Cg%7Dh%09i");
	expect("100%", "100%25");
	expect("%4", "%254");
	expect("", "");
	DONE();
}
