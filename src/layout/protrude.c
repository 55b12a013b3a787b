/*
 * protrude: how far each character hangs into the margin (see
 * protrude.h).  Shares of the glyph's own advance, in thousandths: a full
 * stop or comma is mostly white on its right and hangs out most; a
 * parenthesis is mostly ink and hangs out little.  ASCII is looked up in
 * arrays (every line end asks), the rest in a short list.
 */
#include "layout/protrude.h"

#include <string.h>

/* ASCII, right side (ending a line) and left side (beginning one). */
static const short ascii_right[128] = {
	['-'] = 700, ['.'] = 700, [','] = 700, [':'] = 500, [';'] = 500,
	['!'] = 200, ['?'] = 200, ['\''] = 700, ['"'] = 500, [')'] = 200,
	[']'] = 200,
};
static const short ascii_left[128] = {
	['\''] = 700, ['"'] = 500, ['('] = 200, ['['] = 200,
};

typedef struct hang {
	uint32_t cp;
	short left, right;
} hang;

/* The rest of the classes. */
static const hang other_hang[] = {
	{ 0x2010, 0, 700 },  { 0x00AD, 0, 700 },   /* hyphen, soft hyphen shown */
	{ 0x2013, 500, 500 }, { 0x2014, 300, 300 }, /* en and em dashes */
	{ 0x2026, 0, 300 },                        /* ellipsis */
	{ 0x2018, 700, 700 }, { 0x2019, 700, 700 }, /* single quotes */
	{ 0x201C, 500, 500 }, { 0x201D, 500, 500 }, /* double quotes */
	{ 0x201A, 700, 0 },  { 0x201E, 400, 0 },   /* low quotes open */
	{ 0x00AB, 400, 400 }, { 0x00BB, 400, 400 }, /* guillemets, both ways */
	{ 0x2039, 400, 400 }, { 0x203A, 400, 400 },
};

/* Families that differ: a monospaced face keeps every character in its
 * column (the table is not used). */
static const char *const no_hang_families[] = {
	"DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono",
};

int protrude_family(const char *family)
{
	if (family == NULL)
		return 1;
	for (size_t i = 0; i < sizeof no_hang_families / sizeof no_hang_families[0]; i++)
		if (strcmp(family, no_hang_families[i]) == 0)
			return 0;
	return 1;
}

static const hang *find_other(uint32_t cp)
{
	if (cp < 0xAB || cp > 0x203A)
		return NULL;
	for (size_t i = 0; i < sizeof other_hang / sizeof other_hang[0]; i++)
		if (other_hang[i].cp == cp)
			return &other_hang[i];
	return NULL;
}

int protrude_left(uint32_t cp)
{
	if (cp < 128)
		return ascii_left[cp];
	const hang *h = find_other(cp);
	return h ? h->left : 0;
}

int protrude_right(uint32_t cp)
{
	if (cp < 128)
		return ascii_right[cp];
	const hang *h = find_other(cp);
	return h ? h->right : 0;
}
