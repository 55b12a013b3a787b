/*
 * xrefstyle: the words of an xref's xrefstyle="select: ..." (DocBook
 * XSL's convention), read by resolve for the link's text and by layout
 * for its page reference.
 */
#include "folio/tree.h"

#include <string.h>

static const struct { const char *word; unsigned flag; } words[] = {
	{ "label", FOLIO_XS_LABEL },
	{ "labelnumber", FOLIO_XS_LABELNUMBER },
	{ "title", FOLIO_XS_TITLE },
	{ "quotedtitle", FOLIO_XS_QUOTEDTITLE },
	{ "page", FOLIO_XS_PAGE },
	{ "pageabbrev", FOLIO_XS_PAGEABBREV },
	{ "pagenumber", FOLIO_XS_PAGENUMBER },
	{ "nopage", FOLIO_XS_NOPAGE },
};

static int is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

unsigned folio_xrefstyle_select(const char *xrefstyle)
{
	if (xrefstyle == NULL)
		return 0;
	const char *s = xrefstyle;
	while (is_sep(*s))
		s++;
	if (strncmp(s, "select:", 7) != 0)
		return FOLIO_XS_UNKNOWN;
	unsigned flags = 0;
	for (s += 7; *s;) {
		while (is_sep(*s))
			s++;
		size_t len = 0;
		while (s[len] && !is_sep(s[len]))
			len++;
		if (len == 0)
			break;
		unsigned flag = FOLIO_XS_UNKNOWN;
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strlen(words[i].word) == len && memcmp(words[i].word, s, len) == 0)
				flag = words[i].flag;
		flags |= flag;
		s += len;
	}
	return flags;
}
