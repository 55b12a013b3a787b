/*
 * kernpairs: kerning of plain Latin words without shaping each word.
 *
 * For a word of plain Latin letters, folio asks HarfBuzz only for kerning
 * (every substitution is off, see fonts.c) and keeps one glyph per
 * character.  In most text fonts what is left of the plan is a list of
 * pair adjustments (GPOS lookup type 2) that move the first glyph of a
 * pair only: then each glyph's kerning depends on it and its right-hand
 * neighbour alone, and a word's kerning is the sum over its pairs.
 * Shaping a word costs HarfBuzz thousands of instructions whatever its
 * length (every lookup of the plan walks the buffer); most words of a book
 * are made of pairs seen before.  So the pairs of each word HarfBuzz
 * shapes are kept, and a word whose pairs are all known is kerned from
 * them.
 *
 * Many text faces have no kerning for Latin at all (Charis SIL, DejaVu Sans
 * Mono): when the plan applies no GPOS lookup either, every pair is 0 and
 * nothing needs learning.
 *
 * The table is used only when the font says this is exact: the plan
 * applies no GSUB lookup, every GPOS lookup is a pair adjustment (directly
 * or through an extension) whose second value record is empty (a value on
 * the second glyph makes OpenType skip it as the first glyph of the next
 * pair), and the face has no AAT table and no legacy kern table HarfBuzz
 * would read instead.  Words with a glyph that GDEF calls a mark are left
 * to HarfBuzz by the caller (lookups may skip marks).  A pair that comes
 * back with two different values proves the analysis wrong; the caller
 * then drops the table.
 */
#include "layout/kernpairs.h"
#include "util/xalloc.h"

#include <hb-ot.h>
#include <stdlib.h>
#include <string.h>

#define EMPTY UINT64_MAX

struct kern_pairs {
	uint64_t *keys;
	int32_t *vals;
	size_t cap, n; /* cap a power of two */
	int none;      /* the plan positions nothing: every pair is 0 */
};

/* ---- reading the GPOS table ---- */

static unsigned u16(const unsigned char *p, size_t len, size_t at, int *ok)
{
	if (at + 2 > len) {
		*ok = 0;
		return 0;
	}
	return (unsigned)p[at] << 8 | p[at + 1];
}

static uint32_t u32(const unsigned char *p, size_t len, size_t at, int *ok)
{
	if (at + 4 > len) {
		*ok = 0;
		return 0;
	}
	return (uint32_t)p[at] << 24 | (uint32_t)p[at + 1] << 16 |
	       (uint32_t)p[at + 2] << 8 | p[at + 3];
}

/* A PairPos subtable at off: its second value format must be empty. */
static int pair_subtable_ok(const unsigned char *p, size_t len, size_t off)
{
	int ok = 1;
	unsigned format = u16(p, len, off, &ok);
	unsigned vf2 = u16(p, len, off + 6, &ok);
	return ok && (format == 1 || format == 2) && vf2 == 0;
}

/* Lookup number index of the GPOS table: type 2 in every subtable, seen
 * through extension subtables (type 9). */
static int lookup_ok(const unsigned char *p, size_t len, unsigned index)
{
	int ok = 1;
	size_t list = u16(p, len, 8, &ok);
	unsigned count = u16(p, len, list, &ok);
	if (!ok || list == 0 || index >= count)
		return 0;
	size_t lookup = list + u16(p, len, list + 2 + 2 * (size_t)index, &ok);
	unsigned type = u16(p, len, lookup, &ok);
	unsigned nsub = u16(p, len, lookup + 4, &ok);
	if (!ok || (type != 2 && type != 9))
		return 0;
	for (unsigned s = 0; s < nsub; s++) {
		size_t sub = lookup + u16(p, len, lookup + 6 + 2 * (size_t)s, &ok);
		if (!ok)
			return 0;
		if (type == 9) {
			unsigned ext_format = u16(p, len, sub, &ok);
			unsigned ext_type = u16(p, len, sub + 2, &ok);
			uint32_t ext_off = u32(p, len, sub + 4, &ok);
			if (!ok || ext_format != 1 || ext_type != 2 || ext_off > len)
				return 0;
			sub += ext_off;
		}
		if (!pair_subtable_ok(p, len, sub))
			return 0;
	}
	return 1;
}

int kern_pairs_lookups_pairwise(hb_face_t *face, const hb_set_t *lookups)
{
	if (hb_set_is_empty(lookups))
		return 1;
	hb_blob_t *blob = hb_face_reference_table(face, HB_OT_TAG_GPOS);
	unsigned len = 0;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(blob, &len);
	int ok = p != NULL && len >= 10;
	for (hb_codepoint_t i = HB_SET_VALUE_INVALID; ok && hb_set_next(lookups, &i);)
		ok = lookup_ok(p, len, i);
	hb_blob_destroy(blob);
	return ok;
}

static int has_table(hb_face_t *face, hb_tag_t tag)
{
	hb_blob_t *b = hb_face_reference_table(face, tag);
	int has = hb_blob_get_length(b) > 0;
	hb_blob_destroy(b);
	return has;
}

/* 1: pairwise; 2: pairwise because the plan positions nothing at all. */
static int plan_pairwise(hb_face_t *face, hb_shape_plan_t *plan)
{
	static const hb_tag_t aat[] = {
		HB_TAG('m', 'o', 'r', 'x'), HB_TAG('m', 'o', 'r', 't'),
		HB_TAG('k', 'e', 'r', 'x'), HB_TAG('t', 'r', 'a', 'k'),
		HB_TAG('k', 'e', 'r', 'n'),
	};
	for (size_t i = 0; i < sizeof aat / sizeof aat[0]; i++)
		if (has_table(face, aat[i]))
			return 0;
	hb_set_t *gsub = hb_set_create(), *gpos = hb_set_create();
	hb_ot_shape_plan_collect_lookups(plan, HB_OT_TAG_GSUB, gsub);
	hb_ot_shape_plan_collect_lookups(plan, HB_OT_TAG_GPOS, gpos);
	int ok = hb_set_is_empty(gsub) && kern_pairs_lookups_pairwise(face, gpos);
	if (ok && hb_set_is_empty(gpos))
		ok = 2;
	hb_set_destroy(gsub);
	hb_set_destroy(gpos);
	return ok;
}

/* ---- the table ---- */

kern_pairs *kern_pairs_new(hb_face_t *face, hb_shape_plan_t *plan)
{
	int kind = face && plan ? plan_pairwise(face, plan) : 0;
	if (kind == 0)
		return NULL;
	kern_pairs *t = xcalloc(1, sizeof *t);
	t->none = kind == 2;
	if (t->none)
		return t; /* nothing to keep */
	t->cap = 1024;
	t->keys = xmalloc(t->cap * sizeof *t->keys);
	t->vals = xmalloc(t->cap * sizeof *t->vals);
	memset(t->keys, 0xff, t->cap * sizeof *t->keys);
	return t;
}

void kern_pairs_free(kern_pairs *t)
{
	if (t == NULL)
		return;
	free(t->keys);
	free(t->vals);
	free(t);
}

static size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 29;
	key *= 0xbf58476d1ce4e5b9u;
	key ^= key >> 32;
	return (size_t)key & (cap - 1);
}

int kern_pairs_get(const kern_pairs *t, uint32_t a, uint32_t b, int32_t *adj)
{
	if (t->none) {
		*adj = 0;
		return 1;
	}
	uint64_t key = (uint64_t)a << 32 | b;
	for (size_t i = slot_of(key, t->cap);; i = (i + 1) & (t->cap - 1)) {
		if (t->keys[i] == key) {
			*adj = t->vals[i];
			return 1;
		}
		if (t->keys[i] == EMPTY)
			return 0;
	}
}

static void grow(kern_pairs *t)
{
	kern_pairs old = *t;
	t->cap *= 2;
	t->keys = xmalloc(t->cap * sizeof *t->keys);
	t->vals = xmalloc(t->cap * sizeof *t->vals);
	memset(t->keys, 0xff, t->cap * sizeof *t->keys);
	for (size_t i = 0; i < old.cap; i++) {
		if (old.keys[i] == EMPTY)
			continue;
		size_t s = slot_of(old.keys[i], t->cap);
		while (t->keys[s] != EMPTY)
			s = (s + 1) & (t->cap - 1);
		t->keys[s] = old.keys[i];
		t->vals[s] = old.vals[i];
	}
	free(old.keys);
	free(old.vals);
}

int kern_pairs_put(kern_pairs *t, uint32_t a, uint32_t b, int32_t adj)
{
	if (t->none)
		return adj == 0 ? 0 : -1;
	uint64_t key = (uint64_t)a << 32 | b;
	size_t i = slot_of(key, t->cap);
	for (; t->keys[i] != EMPTY; i = (i + 1) & (t->cap - 1))
		if (t->keys[i] == key)
			return t->vals[i] == adj ? 0 : -1;
	t->keys[i] = key;
	t->vals[i] = adj;
	if (++t->n * 2 > t->cap)
		grow(t);
	return 0;
}
