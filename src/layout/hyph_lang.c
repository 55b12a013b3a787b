/*
 * hyph_lang: German compounds and French/Italian elision (see
 * hyph_lang.h for the rules and why).
 */
#include "layout/hyph_lang.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define COMPOUND_PART_MIN 2  /* letters a part of a compound has at least */
#define COMPOUND_LEFT_MIN 2  /* letters of a part before a break in it */
#define COMPOUND_RIGHT_MIN 3 /* letters of a part after a break, before a joint */
#define COMPOUND_MAX_WORD 64 /* hyph.c's longest word */

static int primary_is(const char *lang, const char *code)
{
	size_t n = strlen(code);
	return lang != NULL && strncasecmp(lang, code, n) == 0 &&
	       (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

int hyph_lang_compounds(const char *lang)
{
	return primary_is(lang, "de");
}

int hyph_lang_elides(const char *lang)
{
	if (lang == NULL)
		return 0;
	/* asked for every word set: the first letter rules out the rest */
	switch (lang[0] | 0x20) {
	case 'f': return primary_is(lang, "fr");
	case 'i': return primary_is(lang, "it");
	case 'c': return primary_is(lang, "ca");
	default: return 0;
	}
}

/* The joints: the first level of a two-level dictionary run alone.  The
 * dictionary is shared between threads and only read: the first level is
 * a copy of its head with no next level. */
static void find_joints(const HyphenDict *dict, const char *bytes, int nb,
			int n, unsigned char *joint)
{
	HyphenDict first = *dict;
	first.nextlevel = NULL;
	char *hyphens = xcalloc((size_t)nb + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	memset(joint, 0, (size_t)n);
	if (hnj_hyphen_hyphenate3(&first, bytes, nb, hyphens, NULL, &rep, &pos,
				  &cut, 2, 2, 0, 0) == 0)
		for (int i = 0; i < n - 1; i++)
			joint[i] = (hyphens[i] & 1) ? 1 : 0;
	if (rep) {
		for (int i = 0; i < nb; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hyphens);
}

/* Drops the joints that bound a part shorter than COMPOUND_PART_MIN. */
static void drop_short_parts(int n, unsigned char *joint)
{
	int start = 0;
	for (int i = 0; i < n; i++) {
		if (i < n - 1 && !joint[i])
			continue;
		int len = i + 1 - start;
		if (len < COMPOUND_PART_MIN) {
			if (i < n - 1)
				joint[i] = 0;       /* joined to the part after */
			else if (start > 0)
				joint[start - 1] = 0; /* the last: to the one before */
			if (i < n - 1)
				continue;            /* the part goes on */
		}
		start = i + 1;
	}
}

void hyph_compound_rule(const HyphenDict *dict, const char *bytes, int nb,
			int n, unsigned char *brk)
{
	unsigned char joint[COMPOUND_MAX_WORD];
	if (dict == NULL || dict->nextlevel == NULL || n < 2 || n > COMPOUND_MAX_WORD)
		return;
	find_joints(dict, bytes, nb, n, joint);
	drop_short_parts(n, joint);
	int start = 0; /* the first letter of the current part */
	for (int i = 0; i < n - 1; i++) {
		if (joint[i]) { /* a break at a joint stays */
			start = i + 1;
			continue;
		}
		if (!brk[i])
			continue;
		int end = i + 1; /* one past the part's last letter */
		while (end < n && !joint[end - 1])
			end++;
		int before = i + 1 - start, after = end - (i + 1);
		int at_joint = end < n;
		if ((start > 0 && before < COMPOUND_LEFT_MIN) ||
		    (at_joint && after < COMPOUND_RIGHT_MIN))
			brk[i] = 0;
	}
}

unsigned hyph_elision_start(const uint32_t *cps, unsigned a, unsigned b,
			    int (*is_letter)(uint32_t))
{
	unsigned start = a;
	for (unsigned k = a; k < b; k++) {
		if (is_letter(cps[k]))
			continue;
		if ((cps[k] == 0x27 || cps[k] == 0x2019) && k > a)
			start = k + 1;
		else
			return b;
	}
	return start;
}
