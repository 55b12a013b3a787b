/*
 * textgate: UTF-8 and XML 1.0's character rules, checked in one place
 * (textgate.h).
 */
#include "util/textgate.h"
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>

int textgate_xml_char(uint32_t cp)
{
	if (cp < 0x20)
		return cp == 0x9 || cp == 0xA || cp == 0xD;
	if (cp <= 0xD7FF)
		return 1;
	if (cp < 0xE000)
		return 0; /* surrogates */
	if (cp <= 0xFFFD)
		return 1;
	return cp >= 0x10000 && cp <= 0x10FFFF;
}

int textgate_check(const char *s, size_t n, textgate_fault *fault)
{
	unsigned line = 1, col = 1;
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		/* the common case: printable ASCII, one byte at a time */
		if (c >= 0x20 && c < 0x7F) {
			i++;
			col++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int bad_utf8 = cp == 0xFFFD && k == 1 && c >= 0x80;
		if (bad_utf8 || !textgate_xml_char(cp)) {
			if (fault) {
				fault->offset = i;
				fault->line = line;
				fault->col = col;
				fault->bad_utf8 = bad_utf8;
				fault->cp = bad_utf8 ? 0 : cp;
				fault->byte = c;
			}
			return 0;
		}
		if (cp == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += k;
	}
	return 1;
}

const char *textgate_describe(const textgate_fault *f, char *buf, size_t size)
{
	if (f->bad_utf8)
		snprintf(buf, size, "the byte 0x%02X, which is not UTF-8", f->byte);
	else if (f->cp < 0x20 || f->cp == 0x7F)
		snprintf(buf, size, "the control character U+%04X, which XML does not allow",
			 (unsigned)f->cp);
	else
		snprintf(buf, size, "the character U+%04X, which XML does not allow",
			 (unsigned)f->cp);
	return buf;
}

/* The next character of s[0..n) as it prints: itself, or an escape in
 * esc.  Sets *piece and *len to what to print; returns the bytes taken. */
static size_t printable_piece(const char *s, size_t n, char esc[12], const char **piece,
			      size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	*piece = s;
	*len = 1;
	if (c >= 0x20 && c < 0x7F)
		return 1;
	uint32_t cp;
	size_t k = utf8_decode(s, n, &cp);
	if (cp == 0xFFFD && k == 1 && c >= 0x80)
		snprintf(esc, 12, "\\x%02X", c);
	else if (cp < 0x20 || cp == 0x7F)
		snprintf(esc, 12, "\\x%02X", (unsigned)cp);
	else if (cp >= 0x80 && cp <= 0x9F)
		snprintf(esc, 12, "\\u%04X", (unsigned)cp);
	else {
		*len = k;
		return k;
	}
	*piece = esc;
	*len = strlen(esc);
	return k;
}

char *textgate_printable(const char *s, char *out, size_t size)
{
	size_t o = 0, n = strlen(s);
	for (size_t i = 0; i < n;) {
		char esc[12];
		const char *piece;
		size_t len;
		i += printable_piece(s + i, n - i, esc, &piece, &len);
		if (o + len >= size)
			break;
		memcpy(out + o, piece, len);
		o += len;
	}
	out[o] = '\0';
	return out;
}
