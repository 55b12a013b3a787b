/*
 * collate: ICU collation for the generated lists (glossary, index,
 * reference lists), with the sort keys of each string cached.
 *
 * Two ICU collators share the locale: one at quaternary strength (the
 * order of the lists: letters first, then accents, then case, then the
 * ignored punctuation), one at primary strength (grouping and "same word"
 * tests).  Both use alternate=shifted so punctuation and spaces are
 * ignored at the first levels.
 */
#include "resolve/collate.h"
#include "util/hash.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

struct cached_keys {
	char *source;  /* the string, owned (the hash's key) */
	char *full;    /* full sort key, NUL-terminated */
	char *primary; /* primary sort key, NUL-terminated */
};

struct collator {
	UCollator *full;    /* NULL: byte order */
	UCollator *primary; /* NULL: byte order */
	folio_hash *cache;  /* source -> struct cached_keys */
};

static UCollator *open_collator(const char *locale, UColAttributeValue strength)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollator *c = ucol_open(locale ? locale : "", &st);
	if (U_FAILURE(st)) {
		st = U_ZERO_ERROR;
		c = ucol_open("", &st);
		if (U_FAILURE(st))
			return NULL;
	}
	ucol_setAttribute(c, UCOL_ALTERNATE_HANDLING, UCOL_SHIFTED, &st);
	ucol_setAttribute(c, UCOL_STRENGTH, strength, &st);
	/* Numbers inside terms sort by value ("Pasal 2" before "Pasal 10"). */
	ucol_setAttribute(c, UCOL_NUMERIC_COLLATION, UCOL_ON, &st);
	if (U_FAILURE(st)) {
		ucol_close(c);
		return NULL;
	}
	return c;
}

collator *collate_new(const char *icu_locale)
{
	collator *c = xcalloc(1, sizeof(*c));
	c->full = open_collator(icu_locale, UCOL_QUATERNARY);
	c->primary = open_collator(icu_locale, UCOL_PRIMARY);
	c->cache = hash_new();
	return c;
}

void collate_free(collator *c)
{
	if (c == NULL)
		return;
	size_t pos = 0;
	const char *key;
	void *value;
	while (hash_next(c->cache, &pos, &key, &value)) {
		struct cached_keys *k = value;
		free(k->source);
		free(k->full);
		free(k->primary);
		free(k);
	}
	hash_free(c->cache);
	if (c->full)
		ucol_close(c->full);
	if (c->primary)
		ucol_close(c->primary);
	free(c);
}

/* s as UTF-16 in a malloc'd buffer; *len receives its length. */
static UChar *to_utf16(const char *s, int32_t *len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	u_strFromUTF8WithSub(NULL, 0, &need, s, -1, 0xFFFD, NULL, &st);
	UChar *u = xmalloc(((size_t)need + 1) * sizeof(UChar));
	st = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, need + 1, len, s, -1, 0xFFFD, NULL, &st);
	if (U_FAILURE(st))
		*len = 0;
	return u;
}

static char *sort_key(const UCollator *coll, const UChar *u, int32_t len,
		      const char *fallback)
{
	if (coll == NULL)
		return xstrdup(fallback);
	uint8_t small[256];
	int32_t need = ucol_getSortKey(coll, u, len, small, sizeof small);
	char *key = xmalloc((size_t)need + 1);
	if (need <= (int32_t)sizeof small)
		memcpy(key, small, (size_t)need);
	else
		ucol_getSortKey(coll, u, len, (uint8_t *)key, need);
	key[need] = '\0'; /* ICU keys end in 0 already; this covers need 0 */
	return key;
}

static struct cached_keys *keys_of(collator *c, const char *s)
{
	if (s == NULL)
		s = "";
	struct cached_keys *k = hash_get(c->cache, s);
	if (k)
		return k;
	k = xmalloc(sizeof(*k));
	k->source = xstrdup(s);
	int32_t len = 0;
	UChar *u = to_utf16(s, &len);
	k->full = sort_key(c->full, u, len, s);
	k->primary = sort_key(c->primary, u, len, s);
	free(u);
	hash_put(c->cache, k->source, k);
	return k;
}

const char *collate_key(collator *c, const char *s)
{
	return keys_of(c, s)->full;
}

const char *collate_primary_key(collator *c, const char *s)
{
	return keys_of(c, s)->primary;
}

int collate_cmp(collator *c, const char *a, const char *b)
{
	int r = strcmp(collate_key(c, a), collate_key(c, b));
	if (r != 0)
		return r;
	return strcmp(a ? a : "", b ? b : "");
}

int collate_same_primary(collator *c, const char *a, const char *b)
{
	return strcmp(collate_primary_key(c, a), collate_primary_key(c, b)) == 0;
}

/* 1 when the code point has no weight at the primary level (punctuation
 * and spaces under alternate=shifted, combining marks). */
static int primary_ignorable(const collator *c, uint32_t cp)
{
	if (c->primary == NULL)
		return !(u_isalnum((UChar32)cp));
	UChar u[2];
	int32_t len = 0;
	UErrorCode st = U_ZERO_ERROR;
	u_strFromUTF32(u, 2, &len, (const UChar32 *)&cp, 1, &st);
	if (U_FAILURE(st))
		return 1;
	uint8_t key[64];
	int32_t n = ucol_getSortKey(c->primary, u, len, key, sizeof key);
	/* An ignorable character's primary key holds only the terminator. */
	return n <= 1;
}

/* The first code point of cp's canonical decomposition: the letter
 * without its accents. */
static uint32_t base_letter(uint32_t cp)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st))
		return cp;
	UChar buf[16];
	int32_t n = unorm2_getDecomposition(nfd, (UChar32)cp, buf, 16, &st);
	if (U_FAILURE(st) || n <= 0)
		return cp;
	UChar32 first;
	int32_t i = 0;
	U16_NEXT(buf, i, n, first);
	return (uint32_t)first;
}

int collate_group(collator *c, const char *s, char *buf, size_t size)
{
	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (s == NULL)
		return 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		if (primary_ignorable(c, cp))
			continue;
		if (!u_isalpha((UChar32)cp))
			return 0;
		uint32_t up = (uint32_t)u_toupper((UChar32)base_letter(cp));
		char tmp[4];
		size_t len = utf8_encode(up, tmp);
		if (len + 1 > size)
			return 0;
		memcpy(buf, tmp, len);
		buf[len] = '\0';
		return 1;
	}
	return 0;
}

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == 0xA0 || u_isUWhiteSpace((UChar32)cp);
}

char *collate_squeeze(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *out = xmalloc(n + 1);
	size_t o = 0;
	int pending_space = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (is_space_cp(cp)) {
			pending_space = o > 0;
		} else {
			if (pending_space)
				out[o++] = ' ';
			pending_space = 0;
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	out[o] = '\0';
	return out;
}

char *collate_fold(const char *s)
{
	char *sq = collate_squeeze(s);
	int32_t len = 0;
	UChar *u = to_utf16(sq, &len);
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = u_strFoldCase(NULL, 0, u, len, U_FOLD_CASE_DEFAULT, &st);
	UChar *f = xmalloc(((size_t)need + 1) * sizeof(UChar));
	st = U_ZERO_ERROR;
	u_strFoldCase(f, need + 1, u, len, U_FOLD_CASE_DEFAULT, &st);
	free(u);
	if (U_FAILURE(st)) {
		free(f);
		return sq;
	}
	int32_t blen = 0;
	st = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &blen, f, need, &st);
	char *out = xmalloc((size_t)blen + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8(out, blen + 1, NULL, f, need, &st);
	out[blen] = '\0';
	free(f);
	if (U_FAILURE(st)) {
		free(out);
		return sq;
	}
	free(sq);
	return out;
}
