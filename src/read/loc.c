/*
 * loc: exact line and column for nodes and messages.
 *
 * libxml2 tracks the line and column of its cursor, which at a SAX callback
 * has already moved past the start tag.  The column we want is that of the
 * '<' that opens the tag, counted in characters.  For a UTF-8 source that
 * libxml2 reads without conversion, the cursor's byte offset in our own
 * copy of the file is input->consumed + (cur - base); a table of line
 * starts then gives line and column for any offset, however long the line
 * and however much of its buffer libxml2 has discarded.  For a converted
 * source (Latin-1, UTF-16) the offsets no longer match the file, so the
 * position is derived from libxml2's own line and column instead.
 */
#include "read/read.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <libxml/parserInternals.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void add_start(size_t **starts, size_t *n, size_t *cap, size_t at)
{
	*starts = vec_reserve(*starts, cap, *n + 1, sizeof(**starts));
	(*starts)[(*n)++] = at;
}

static void build_lines(source *s)
{
	size_t cap = 64, n = 0;
	size_t *starts = xmalloc(cap * sizeof(*starts));
	starts[n++] = 0;
	if (memchr(s->data, '\r', s->len) == NULL) {
		/* the common case, found a line at a time */
		const char *p = s->data, *end = s->data + s->len;
		while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			p++;
			add_start(&starts, &n, &cap, (size_t)(p - s->data));
		}
	} else {
		for (size_t i = 0; i < s->len; i++) {
			char c = s->data[i];
			/* "\r\n", "\r" and "\n" each end a line, as in XML. */
			if (c == '\n' || (c == '\r' && (i + 1 >= s->len ||
							s->data[i + 1] != '\n')))
				add_start(&starts, &n, &cap, i + 1);
		}
	}
	s->line_starts = starts;
	s->nlines = n;
}

void loc_free(source *s)
{
	free(s->line_starts);
	s->line_starts = NULL;
	s->nlines = 0;
}

/* UTF-8 characters in p[0, n): the bytes that are not 10xxxxxx, eight
 * at a time. */
static unsigned count_chars(const char *p, size_t n)
{
	size_t cont = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		cont += (size_t)__builtin_popcountll((w >> 7) & ~(w >> 6) &
						     0x0101010101010101ULL);
	}
	for (; i < n; i++)
		cont += ((unsigned char)p[i] & 0xC0) == 0x80;
	return (unsigned)(n - cont);
}

static folio_loc loc_of_offset(source *s, size_t off)
{
	if (s->line_starts == NULL)
		build_lines(s);
	size_t lo = 0, hi = s->nlines; /* last start <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	size_t start = s->line_starts[lo];
	if (start == 0 && s->len >= 3 && memcmp(s->data, "\xEF\xBB\xBF", 3) == 0 &&
	    off >= 3)
		start = 3; /* the byte order mark is not a character */
	/* The parse moves forward, so counting on from the last place on
	 * the same line keeps a document written on one line linear. */
	unsigned col;
	if (s->memo_line == lo + 1 && s->memo_off <= off && s->memo_off >= start)
		col = s->memo_col + count_chars(s->data + s->memo_off, off - s->memo_off);
	else
		col = count_chars(s->data + start, off - start) + 1;
	s->memo_line = lo + 1;
	s->memo_off = off;
	s->memo_col = col;
	folio_loc loc = { s->display, (unsigned)(lo + 1), col };
	return loc;
}

/* 1 when the parser's buffer holds the file's own bytes. */
static int direct_input(source *s, xmlParserInputPtr in)
{
	return s->ctxt->inputNr == 1 && in->buf != NULL &&
	       in->buf->encoder == NULL && in->base != NULL;
}

/* Position from libxml2's cursor line/col, for converted input. */
static folio_loc loc_from_cursor_counts(source *s, xmlParserInputPtr in,
					const xmlChar *pos)
{
	folio_loc loc = { s->display, (unsigned)in->line, 1 };
	const xmlChar *cur = in->cur;
	if (pos > cur || pos < in->base)
		pos = cur;
	unsigned newlines = 0;
	for (const xmlChar *p = pos; p < cur; p++)
		if (*p == '\n')
			newlines++;
	if (loc.line > newlines)
		loc.line -= newlines;
	const xmlChar *bol = pos;
	while (bol > in->base && bol[-1] != '\n')
		bol--;
	if (bol > in->base || in->consumed == 0) {
		loc.col = count_chars((const char *)bol, (size_t)(pos - bol)) + 1;
	} else if (newlines == 0) {
		int back = (int)count_chars((const char *)pos, (size_t)(cur - pos));
		loc.col = in->col > back ? (unsigned)(in->col - back) : 1;
	}
	return loc;
}

folio_loc loc_at(source *s, const xmlChar *pos)
{
	xmlParserInputPtr in = s->ctxt->input;
	if (in == NULL) {
		folio_loc none = { s->display, 0, 0 };
		return none;
	}
	if (direct_input(s, in) && pos >= in->base && pos <= in->end) {
		size_t off = in->consumed + (size_t)(pos - in->base);
		if (off <= s->len)
			return loc_of_offset(s, off);
	}
	return loc_from_cursor_counts(s, in, pos);
}

/* Inside an entity's replacement text the cursor of the file's parser
 * sits just after the reference: "&name;" is the place to report. */
folio_loc loc_of_reference(source *s)
{
	xmlParserInputPtr in = s->ctxt->input;
	/* from the character before the cursor: the cursor may already sit
	 * on the next reference */
	const xmlChar *p = in->cur > in->base ? in->cur - 1 : in->cur;
	size_t back = (size_t)(p - in->base);
	const xmlChar *stop = back > 1024 ? p - 1024 : in->base;
	while (p > stop && *p != '&')
		p--;
	return loc_at(s, *p == '&' ? p : in->cur);
}

static int in_entity(source *s)
{
	return s->ctxt->depth > 0;
}

folio_loc loc_of_tag(source *s)
{
	if (in_entity(s))
		return loc_of_reference(s);
	xmlParserInputPtr in = s->ctxt->input;
	/* The cursor is at the '>' or "/>" that closes the start tag; an
	 * attribute value cannot hold a literal '<', so the first '<' back
	 * is the tag's. */
	const xmlChar *p = in->cur;
	while (p > in->base && *p != '<')
		p--;
	return loc_at(s, p);
}

folio_loc loc_of_text(source *s, const xmlChar *ch, int len)
{
	if (in_entity(s))
		return loc_of_reference(s);
	xmlParserInputPtr in = s->ctxt->input;
	if (ch >= in->base && ch < in->end)
		return loc_at(s, ch);
	/* A copy (text with non-ASCII characters or references): the
	 * characters end at the cursor.  A character reference like
	 * "&#233;" or "&amp;" is longer than what it stands for. */
	const xmlChar *p = in->cur;
	if (p > in->base && p[-1] == ';') {
		const xmlChar *amp = p - 1;
		size_t back = (size_t)(p - in->base);
		const xmlChar *stop = back > 16 ? p - 16 : in->base;
		while (amp > stop && *amp != '&')
			amp--;
		if (*amp == '&')
			return loc_at(s, amp);
	}
	p = (size_t)(p - in->base) >= (size_t)len ? p - len : in->base;
	return loc_at(s, p);
}

folio_loc loc_of_last_tag(source *s)
{
	xmlParserInputPtr in = s->ctxt->input;
	const xmlChar *p = in->cur > in->base ? in->cur - 1 : in->cur;
	size_t back = (size_t)(p - in->base);
	const xmlChar *stop = back > 4096 ? p - 4096 : in->base;
	while (p > stop && *p != '<')
		p--;
	return loc_at(s, *p == '<' ? p : in->cur);
}

folio_loc loc_of_cursor(source *s)
{
	if (in_entity(s))
		return loc_of_reference(s);
	return loc_at(s, s->ctxt->input->cur);
}
