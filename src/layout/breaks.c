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
 *
 * It also owns where a URL may break.  UAX #14 keeps most of a URL
 * together ("ac.id/uploads" has no break) and breaks after a hyphen,
 * which reads as a hyphenated word; copy editors (Chicago 14.18) break
 * after a slash and before the other punctuation, so that the break
 * shows the URL goes on.  Runs that read as URLs (breaks_url_like) get
 * these points instead of UAX #14's.
 */
#include "layout/breaks.h"

#include <linebreak.h>
#include <string.h>

static int is_alnum_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch >= 0x80;
}

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

static int has(const char *t, size_t len, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(t + i, what, n) == 0)
			return 1;
	return 0;
}

static int starts(const char *t, size_t len, const char *what)
{
	size_t n = strlen(what);
	if (n > len)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = t[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch != what[i])
			return 0;
	}
	return 1;
}

/* "10.1234/...": a DOI without its scheme. */
static int doi_like(const char *t, size_t len)
{
	if (!starts(t, len, "10."))
		return 0;
	size_t i = 3;
	while (i < len && t[i] >= '0' && t[i] <= '9')
		i++;
	return i >= 7 && i < len && t[i] == '/';
}

int breaks_url_like(const char *t, size_t len)
{
	/* quotes and brackets around it are not part of it */
	while (len > 0 && strchr("([{<\"'", t[0]) != NULL) {
		t++;
		len--;
	}
	int slashes = 0, under = 0, at = -1, dot_after_at = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (ch == '/')
			slashes++;
		else if (ch == '_' && i > 0 && i + 1 < len &&
			 is_alnum_byte((unsigned char)t[i - 1]) &&
			 is_alnum_byte((unsigned char)t[i + 1]))
			under = 1;
		else if (ch == '@' && at < 0 && i > 0)
			at = (int)i;
		else if (ch == '.' && at >= 0 && i + 1 < len &&
			 is_alnum_byte((unsigned char)t[i + 1]))
			dot_after_at = 1;
	}
	if (slashes == 0 && !under && at < 0 && !starts(t, len, "www.") &&
	    !starts(t, len, "doi:"))
		return 0; /* the common case: a word */
	return has(t, len, "://") || starts(t, len, "www.") ||
	       starts(t, len, "doi:") || doi_like(t, len) ||
	       (at > 0 && dot_after_at) || under ||
	       (slashes >= 2 && (t[0] == '/' || starts(t, len, "~/") ||
				 starts(t, len, "./") || starts(t, len, "../"))) ||
	       slashes >= 3;
}

static int is_digit_byte(unsigned char ch)
{
	return ch >= '0' && ch <= '9';
}

static int is_letter_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

int breaks_url_points(const char *t, size_t len, unsigned char *before)
{
	memset(before, 0, len);
	size_t first = 0, last = len; /* the first and past the last alnum */
	while (first < len && !is_alnum_byte((unsigned char)t[first]))
		first++;
	while (last > first && !is_alnum_byte((unsigned char)t[last - 1]))
		last--;
	int n = 0;
	for (size_t i = first + 1; i < last; i++) {
		unsigned char a = (unsigned char)t[i - 1], b = (unsigned char)t[i];
		if ((b & 0xC0) == 0x80)
			continue; /* inside a character */
		int ok = 0;
		if (a == '/')
			ok = b != '/';
		else if (strchr(".,?#&=-_~@", b) != NULL && b != 0)
			ok = strchr(".,?#&=-_~@/:", a) == NULL;
		else
			ok = (is_digit_byte(a) && is_letter_byte(b)) ||
			     (is_letter_byte(a) && is_digit_byte(b));
		if (ok) {
			before[i] = 1;
			n++;
		}
	}
	return n;
}
