/*
 * breaks: the break opportunities of a run of plain characters, found
 * without libunibreak.
 *
 * The paragraph setter asks for the opportunities inside each run of
 * non-space characters (para.c, find_breaks).  Most runs of Latin prose
 * are letters, maybe digits, maybe a comma or full stop: UAX #14 allows no
 * break inside such a run.  Letters and digits are AL and NU, which LB23,
 * LB25 and LB28 keep together; , . : ; are IS, never broken before (LB13)
 * and kept before letters (LB29) and digits (LB25); the apostrophe is QU,
 * kept on both sides (LB19).  No language tailoring of libunibreak touches
 * these ASCII characters.  Looking such a run up in libunibreak's tables,
 * character by character, cost more than all the rest of finding breaks;
 * a unit test compares the two on random runs in several languages.
 */
#include "layout/breaks.h"

#include <linebreak.h>
#include <string.h>

static int is_plain(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == ',' || ch == '.' || ch == ':' ||
	       ch == ';' || ch == '\'';
}

int breaks_plain_run(const char *t, size_t len, char *brks)
{
	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!is_plain((unsigned char)t[i]))
			return 0;
	memset(brks, LINEBREAK_NOBREAK, len - 1);
	brks[len - 1] = LINEBREAK_MUSTBREAK;
	return 1;
}
