/*
 * uri: percent-encoding of what a URI may not hold (see uri.h).
 */
#include "util/uri.h"

#include <string.h>

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* 1 when the byte at p must be encoded. */
static int must_escape(const char *p)
{
	unsigned char c = (unsigned char)*p;
	if (c <= 0x20 || c >= 0x7f)
		return 1;
	if (c == '%')
		return !(is_hex(p[1]) && is_hex(p[2]));
	return strchr("\"<>\\^`{|}", c) != NULL;
}

int uri_is_clean(const char *uri)
{
	for (const char *p = uri; *p; p++)
		if (must_escape(p))
			return 0;
	return 1;
}

void uri_escape(strbuf *out, const char *uri)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const char *p = uri; *p; p++) {
		if (!must_escape(p)) {
			sb_putc(out, *p);
			continue;
		}
		unsigned char c = (unsigned char)*p;
		char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
		sb_putn(out, esc, 3);
	}
}
