/*
 * protrude: how far each character hangs into the margin (see
 * protrude.h).  Shares of the glyph's own advance, in thousandths: a full
 * stop or comma is mostly white on its right and hangs out most; a
 * parenthesis is mostly ink and hangs out little.
 */
#include "layout/protrude.h"

#include <string.h>

typedef struct hang {
	uint32_t cp;
	short left, right;
} hang;

/* The classes, for text faces. */
static const hang text_hang[] = {
	{ '-', 0, 700 },     { 0x2010, 0, 700 },  /* hyphens */
	{ 0x00AD, 0, 700 },                        /* soft hyphen shown */
	{ 0x2013, 500, 500 }, { 0x2014, 300, 300 }, /* en and em dashes */
	{ '.', 0, 700 },     { ',', 0, 700 },      /* full stop, comma */
	{ 0x2026, 0, 300 },                        /* ellipsis */
	{ ':', 0, 500 },     { ';', 0, 500 },
	{ '!', 0, 200 },     { '?', 0, 200 },
	{ '\'', 700, 700 },  { '"', 500, 500 },    /* straight quotes */
	{ 0x2018, 700, 700 }, { 0x2019, 700, 700 }, /* single quotes */
	{ 0x201C, 500, 500 }, { 0x201D, 500, 500 }, /* double quotes */
	{ 0x201A, 700, 0 },  { 0x201E, 400, 0 },   /* low quotes open */
	{ 0x00AB, 400, 400 }, { 0x00BB, 400, 400 }, /* guillemets, both ways */
	{ 0x2039, 400, 400 }, { 0x203A, 400, 400 },
	{ '(', 200, 0 },     { ')', 0, 200 },      /* parentheses, brackets */
	{ '[', 200, 0 },     { ']', 0, 200 },
};

/* Families that differ: a monospaced face keeps every character in its
 * column (the table is not used). */
static const char *const no_hang_families[] = {
	"DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono",
};

static const hang *find(const char *family, uint32_t cp)
{
	if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			  (cp >= '0' && cp <= '9') || cp == ' '))
		return NULL; /* most line ends: letters */
	const hang *h = NULL;
	for (size_t i = 0; i < sizeof text_hang / sizeof text_hang[0] && !h; i++)
		if (text_hang[i].cp == cp)
			h = &text_hang[i];
	if (h == NULL || family == NULL)
		return h;
	for (size_t i = 0; i < sizeof no_hang_families / sizeof no_hang_families[0]; i++)
		if (strcmp(family, no_hang_families[i]) == 0)
			return NULL;
	return h;
}

int protrude_left(const char *family, uint32_t cp)
{
	const hang *h = find(family, cp);
	return h ? h->left : 0;
}

int protrude_right(const char *family, uint32_t cp)
{
	const hang *h = find(family, cp);
	return h ? h->right : 0;
}
