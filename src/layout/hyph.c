/*
 * hyph: libhyphen plus folio's rules (see hyph.h).  The dictionaries are
 * opened on first use per language; an unknown language or a missing
 * dictionary means no hyphenation, with one warning.
 */
#include "layout/hyph.h"
#include "layout/hyphcache.h"
#include "layout/hyph_lang.h"
#include "folio/lang.h"
#include "layout/lay.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/threads.h"
#include "util/utf8.h"
#include "util/file.h"

#include <hyphen.h>

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORD 64 /* longer "words" are not hyphenated */
#define MAX_KEY_CODE 16 /* a language code in a cache key */
#define MAX_LANGS 16 /* languages with patterns in one document */

typedef struct lang_dict {
	const folio_lang *lang;
	HyphenDict *dict;      /* NULL when it could not be loaded */
	folio_hash *exceptions; /* word -> breaks string */
	char *path;            /* the .dic file */
	int state;             /* 0 ready, 1 a thread is loading it */
	int borrowed;          /* dict and exceptions belong to another
				  instance (hyph_share) */
	int compiled;          /* dict came from the cache (hyphcache.h) */
	pthread_t thread;
} lang_dict;

struct lay_hyph {
	folio_diag *diag;
	folio_arena *arena;
	const char *dict_dir, *exc_dir;
	lang_dict langs[MAX_LANGS];
	int nlangs;
	unsigned loads;    /* dictionaries this instance loaded on demand */
	folio_hash *cache; /* "lang\x01word" -> cached */
	/* the language of the last word: words come in runs of one */
	char last_code[32];
	lang_dict *last_lang;
};

typedef struct cached {
	int count;
	unsigned char breaks[]; /* per code point */
} cached;

lay_hyph *hyph_new(const char *dict_dir, const char *exc_dir, folio_diag *diag)
{
	lay_hyph *h = xcalloc(1, sizeof(*h));
	h->diag = diag;
	h->arena = arena_new();
	h->dict_dir = arena_strdup(h->arena, dict_dir ? dict_dir : "/usr/share/hyphen");
	h->exc_dir = exc_dir ? arena_strdup(h->arena, exc_dir) : NULL;
	h->cache = hash_new();
	return h;
}

void hyph_free(lay_hyph *h)
{
	if (h == NULL)
		return;
	for (int i = 0; i < h->nlangs; i++) {
		lang_dict *ld = &h->langs[i];
		if (ld->state == 1)
			pthread_join(ld->thread, NULL);
		if (ld->borrowed)
			continue;
		if (ld->dict && ld->compiled)
			hyphcache_free(ld->dict);
		else if (ld->dict)
			hnj_hyphen_free(ld->dict);
		hash_free(ld->exceptions);
		free(ld->path);
	}
	hash_free(h->cache);
	arena_free(h->arena);
	free(h);
}

/* Lowercase for the letters hyphenation handles (ASCII and Latin-1/-A). */
static uint32_t lower(uint32_t c)
{
	if (c < 0x80)
		return (uint32_t)tolower((int)c);
	if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if (c >= 0x100 && c <= 0x17F && (c & 1) == 0)
		return c + 1;
	return c;
}

static int is_letter(uint32_t c)
{
	if (c < 0x80)
		return isalpha((int)c) != 0;
	return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static int is_upper(uint32_t c)
{
	return lower(c) != c;
}

static int is_vowel(uint32_t c, int y_vowel)
{
	c = lower(c);
	if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u')
		return 1;
	if (y_vowel && c == 'y')
		return 1;
	/* accented vowels of Latin-1 */
	return (c >= 0xE0 && c <= 0xE6) || (c >= 0xE8 && c <= 0xEF) ||
	       (c >= 0xF2 && c <= 0xF6) || (c >= 0xF8 && c <= 0xFD);
}

/* Reads "ma-sya-ra-kat" lines into word -> break string. */
static void load_exceptions(lay_hyph *h, lang_dict *ld)
{
	ld->exceptions = hash_new();
	if (h->exc_dir == NULL)
		return;
	strbuf path = STRBUF_INIT;
	sb_printf(&path, "%s/%s.txt", h->exc_dir, ld->lang->code);
	int err;
	FILE *fp = file_fopen_regular(sb_str(&path), &err);
	sb_free(&path);
	if (fp == NULL)
		return;
	char line[256];
	while (fgets(line, sizeof line, fp)) {
		char *s = line;
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '#' || *s == '\0')
			continue;
		size_t n = strcspn(s, " \t\r\n#");
		s[n] = '\0';
		strbuf word = STRBUF_INIT;
		unsigned char brk[MAX_WORD + 1] = { 0 };
		int ncp = 0;
		size_t off = 0;
		while (off < n && ncp < MAX_WORD) {
			uint32_t cp;
			off += utf8_decode(s + off, n - off, &cp);
			if (cp == '-') {
				if (ncp > 0)
					brk[ncp - 1] = 1;
				continue;
			}
			char enc[4];
			sb_putn(&word, enc, utf8_encode(lower(cp), enc));
			ncp++;
		}
		cached *c = arena_alloc(h->arena, sizeof(*c) + (size_t)ncp + 1);
		for (int i = 0; i < ncp; i++) {
			c->breaks[i] = brk[i];
			c->count += brk[i];
		}
		hash_put(ld->exceptions, arena_strdup(h->arena, sb_str(&word)), c);
		sb_free(&word);
	}
	fclose(fp);
}

/* From the cache of compiled dictionaries when it has this one, else
 * through libhyphen, keeping what it built for the next time. */
static void *load_dict(void *arg)
{
	lang_dict *ld = arg;
	ld->dict = hyphcache_load(ld->path);
	if (ld->dict) {
		ld->compiled = 1;
		return NULL;
	}
	ld->dict = hnj_hyphen_load(ld->path);
	if (ld->dict)
		hyphcache_store(ld->path, ld->dict);
	return NULL;
}

/* The entry of a language with a dictionary, added (not loaded) on first
 * use; NULL for a language folio does not hyphenate. */
static lang_dict *find_lang(lay_hyph *h, const char *code)
{
	if (code == NULL || !folio_lang_known(code))
		return NULL;
	const folio_lang *lang = folio_lang_get(code);
	for (int i = 0; i < h->nlangs; i++)
		if (h->langs[i].lang == lang)
			return &h->langs[i];
	if (h->nlangs == MAX_LANGS || lang->hyph_dict == NULL)
		return NULL;
	lang_dict *ld = &h->langs[h->nlangs++];
	ld->lang = lang;
	ld->state = -1; /* not loaded yet */
	strbuf path = STRBUF_INIT;
	sb_printf(&path, "%s/%s", h->dict_dir, lang->hyph_dict);
	ld->path = sb_take(&path);
	return ld;
}

void hyph_preload(lay_hyph *h, const char *code)
{
	lang_dict *ld = find_lang(h, code);
	if (ld == NULL || ld->state != -1)
		return;
	/* libhyphen keeps no global state: loading in another thread while
	 * layout goes on is safe, and what it loads does not depend on when */
	if (threads_allowed() && pthread_create(&ld->thread, NULL, load_dict, ld) == 0)
		ld->state = 1;
}

/* Makes a known language ready: its dictionary loaded (or found
 * missing, with a warning) and its exceptions read. */
static void finish_lang(lay_hyph *h, lang_dict *ld)
{
	if (ld->state == 1) {
		pthread_join(ld->thread, NULL);
	} else {
		load_dict(ld);
		h->loads++;
	}
	ld->state = 0;
	if (ld->dict == NULL)
		folio_report(h->diag, FOLIO_WARNING, (folio_loc){ ld->path, 0, 0 },
			     "cannot load the hyphenation dictionary for \"%s\"; "
			     "words in it are not hyphenated", ld->lang->code);
	load_exceptions(h, ld);
}

static lang_dict *get_lang(lay_hyph *h, const char *code)
{
	lang_dict *ld = find_lang(h, code);
	if (ld == NULL || ld->state == 0)
		return ld;
	finish_lang(h, ld);
	return ld;
}

lay_hyph *hyph_share(lay_hyph *h)
{
	lay_hyph *s = hyph_new(h->dict_dir, h->exc_dir, h->diag);
	for (int i = 0; i < h->nlangs; i++) {
		lang_dict *ld = &h->langs[i];
		if (ld->state != 0)
			finish_lang(h, ld);
		s->langs[i] = *ld;
		s->langs[i].borrowed = 1;
	}
	s->nlangs = h->nlangs;
	return s;
}

unsigned hyph_loads(const lay_hyph *h)
{
	return h->loads;
}

static int has_vowel(const uint32_t *w, int from, int to, int y_vowel)
{
	for (int i = from; i < to; i++)
		if (is_vowel(w[i], y_vowel))
			return 1;
	return 0;
}

/* A piece with no vowel loses the break after it, or the break before it
 * when it ends the word. */
static void drop_voweless(const uint32_t *w, int n, unsigned char *brk, int y)
{
	int changed = 1;
	while (changed) {
		changed = 0;
		int start = 0;
		for (int i = 0; i < n; i++) {
			int end_piece = (i == n - 1) || brk[i];
			if (!end_piece)
				continue;
			if (!has_vowel(w, start, i + 1, y)) {
				/* a word without any vowel has no break to lose */
				if (i < n - 1) {
					brk[i] = 0;
					changed = 1;
					break;
				}
				if (start > 0) {
					brk[start - 1] = 0;
					changed = 1;
					break;
				}
			}
			start = i + 1;
		}
	}
}

static int is_digraph(uint32_t a, uint32_t b)
{
	a = lower(a);
	b = lower(b);
	return (b == 'h' && a == 'k') || (a == 'n' && (b == 'g' || b == 'y')) ||
	       (a == 's' && b == 'y');
}

static int matches(const uint32_t *w, int from, int n, const char *ascii)
{
	int len = (int)strlen(ascii);
	if (len != n)
		return 0;
	for (int i = 0; i < len; i++)
		if (lower(w[from + i]) != (uint32_t)ascii[i])
			return 0;
	return 1;
}

static int id_prefix(const uint32_t *w, int len)
{
	static const char *const prefixes[] = {
		"ber", "ter", "per", "meng", "peng", "mem", "pem", "men", "pen",
		"di", "ke", "se", "memper", "diper", "me", "pe", "be", "te",
		"meny", "peny", NULL
	};
	for (int i = 0; prefixes[i]; i++)
		if (matches(w, 0, len, prefixes[i]))
			return 1;
	return 0;
}

static int id_suffix(const uint32_t *w, int from, int n)
{
	static const char *const suffixes[] = {
		"an", "kan", "nya", "lah", "kah", "pun", "i", NULL
	};
	for (int i = 0; suffixes[i]; i++)
		if (matches(w, from, n - from, suffixes[i]))
			return 1;
	return 0;
}

/* PUEBI: no break inside kh ng ny sy; a consonant|vowel break stays only
 * at a morpheme boundary, else it moves one letter left. */
static void indonesian_rules(const uint32_t *w, int n, unsigned char *brk)
{
	for (int i = 0; i < n - 1; i++) {
		if (!brk[i])
			continue;
		if (is_digraph(w[i], w[i + 1])) {
			brk[i] = 0;
			continue;
		}
		if (is_vowel(w[i], 0) || !is_vowel(w[i + 1], 0))
			continue;
		if (id_prefix(w, i + 1) || id_suffix(w, i + 1, n))
			continue;
		brk[i] = 0;
		if (i >= 1 && !is_digraph(w[i - 1], w[i]))
			brk[i - 1] = 1;
	}
}

static void apply_minimums(int n, unsigned char *brk, int left, int right)
{
	for (int i = 0; i < n; i++)
		if (i + 1 < left || n - (i + 1) < right)
			brk[i] = 0;
}

/* Runs the patterns; fills brk per code point of w. */
static void run_patterns(lang_dict *ld, const uint32_t *w, int n,
			 unsigned char *brk)
{
	if (ld->dict == NULL)
		return;
	char bytes[MAX_WORD * 4 + 1];
	int nb = 0;
	int byte_of[MAX_WORD + 1]; /* first byte of code point i */
	for (int i = 0; i < n; i++) {
		byte_of[i] = nb;
		if (ld->lang->hyph_latin1) {
			bytes[nb++] = (char)w[i];
		} else {
			nb += (int)utf8_encode(w[i], bytes + nb);
		}
	}
	byte_of[n] = nb;
	bytes[nb] = '\0';
	char *hyphens = xcalloc((size_t)nb + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate3(ld->dict, bytes, nb, hyphens, NULL, &rep, &pos,
				  &cut, 2, 2, 0, 0) == 0) {
		/* libhyphen indexes UTF-8 dictionaries by character (it
		 * renumbers hyphens[]) and Latin-1 ones by byte, which is a
		 * character too. */
		for (int i = 0; i < n - 1; i++)
			brk[i] = (hyphens[i] & 1) ? 1 : 0;
		if (hyph_lang_compounds(ld->lang->code))
			hyph_compound_rule(ld->dict, bytes, nb, n, brk);
	}
	(void)byte_of;
	if (rep) {
		for (int i = 0; i < nb; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hyphens);
}

/* hyph_word, and hyph_word_relaxed when relaxed (its own cache entries:
 * "code\x02word"). */
static int hyphenate(lay_hyph *h, const char *lang, const char *word,
		     size_t len, unsigned char *breaks, int relaxed)
{
	uint32_t w[MAX_WORD];
	int n = 0, upper = 0;
	size_t off = 0;
	while (off < len) {
		uint32_t cp;
		off += utf8_decode(word + off, len - off, &cp);
		if (n == MAX_WORD || !is_letter(cp))
			return 0;
		upper += is_upper(cp);
		w[n++] = cp;
	}
	memset(breaks, 0, (size_t)n);
	if (relaxed ? n < 4 : (n < 5 || upper == n))
		return 0;
	lang_dict *ld;
	if (lang != NULL && h->last_code[0] && strcmp(lang, h->last_code) == 0) {
		ld = h->last_lang;
	} else {
		ld = get_lang(h, lang);
		size_t ll = lang ? strlen(lang) : 0;
		if (ll > 0 && ll < sizeof h->last_code) {
			memcpy(h->last_code, lang, ll + 1);
			h->last_lang = ld;
		}
	}
	if (ld == NULL)
		return 0;
	int latin1 = ld->lang->hyph_latin1;
	/* "code\x01word", the word lowercased */
	char key[MAX_KEY_CODE + 2 + MAX_WORD * 4 + 1];
	size_t code_len = strlen(ld->lang->code), k = 0;
	if (code_len > MAX_KEY_CODE)
		return 0;
	memcpy(key, ld->lang->code, code_len);
	k = code_len;
	key[k++] = relaxed ? '\x02' : '\x01';
	for (int i = 0; i < n; i++) {
		w[i] = lower(w[i]);
		if (latin1 && w[i] > 0xFF)
			return 0;
		k += utf8_encode(w[i], key + k);
	}
	key[k] = '\0';
	const char *word_key = key + code_len + 1;
	cached *c = relaxed ? NULL : hash_get(ld->exceptions, word_key);
	if (c == NULL)
		c = hash_get(h->cache, key);
	if (c == NULL) {
		c = arena_alloc(h->arena, sizeof(*c) + (size_t)n + 1);
		run_patterns(ld, w, n, c->breaks);
		int english = strcmp(ld->lang->code, "en") == 0;
		int indonesian = strcmp(ld->lang->code, "id") == 0;
		drop_voweless(w, n, c->breaks, english);
		if (indonesian)
			indonesian_rules(w, n, c->breaks);
		drop_voweless(w, n, c->breaks, english);
		apply_minimums(n, c->breaks, 2, english && !relaxed ? 3 : 2);
		for (int i = 0; i < n; i++)
			c->count += c->breaks[i];
		hash_put(h->cache, arena_strdup(h->arena, key), c);
	}
	memcpy(breaks, c->breaks, (size_t)n);
	breaks[n - 1] = 0;
	return c->count;
}

int hyph_word(lay_hyph *h, const char *lang, const char *word, size_t len,
	      unsigned char *breaks)
{
	return hyphenate(h, lang, word, len, breaks, 0);
}

int hyph_word_relaxed(lay_hyph *h, const char *lang, const char *word,
		      size_t len, unsigned char *breaks)
{
	return hyphenate(h, lang, word, len, breaks, 1);
}

void hyph_show(lay_hyph *h, const char *lang, const char *word, char *out,
	       size_t outsize)
{
	size_t len = strlen(word);
	unsigned char brk[MAX_WORD + 1] = { 0 };
	hyph_word(h, lang, word, len, brk);
	size_t o = 0, off = 0;
	int i = 0;
	while (off < len && o + 6 < outsize) {
		uint32_t cp;
		size_t k = utf8_decode(word + off, len - off, &cp);
		memcpy(out + o, word + off, k);
		o += k;
		off += k;
		if (i < MAX_WORD && brk[i] && off < len)
			out[o++] = '-';
		i++;
	}
	out[o] = '\0';
}
