/*
 * fonts: the manifest of faces, opening them with HarfBuzz, shaping with
 * kerning and a per-face cache of shaped words.
 */
#include "layout/fonts.h"
#include "layout/fonts_hb.h"
#include "layout/kernpairs.h"
#include "layout/memo.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/file.h"

#include <hb.h>
#include <hb-ot.h>

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FALLBACKS 8

typedef struct face {
	const char *family, *style, *file; /* arena strings */
	const char *package; /* the Debian package that ships it, or NULL */
	const char *licence; /* its licence's name, or NULL */
	int index;       /* face index in a collection */
	int fixed;       /* > 0: test face, every advance this many units */
	int state;       /* 0 not opened, 1 open, -1 failed */
	hb_face_t *face;
	hb_font_t *font;
	int upem;
	int ascent, descent; /* font units, descent positive */
	fx space_adv;
	/* Caches, allocated on first use: the face that covers each BMP
	 * code point (index + 1, -1 none, 0 not known yet), in blocks of
	 * 256 made when a code point of theirs is first asked about (a
	 * book touches a few), and the nominal advance of the first 256
	 * code points (-1 not known yet). */
	int16_t *cover[256];
	int32_t *adv256;
	/* What the pair kerning needs of each code point below U+0250 (see
	 * latin_info), 0 while not known. */
	uint32_t *latin;
	/* Shape plans by script and feature set: hb_shape looks its plan up
	 * on every call, which was a third of shaping a word.  A plan for
	 * plain Latin has its kerning pairs when they add up (kernpairs.c). */
	struct plan_slot {
		hb_script_t script;
		int latin;
		hb_shape_plan_t *plan;
		kern_pairs *pairs;
	} plans[8];
	int nplans;
} face;

struct lay_fonts {
	folio_diag *diag;
	folio_arena *arena;
	VEC(face) faces;
	const char *fallback[MAX_FALLBACKS];
	int nfallback;
	lay_memo *shape_cache; /* face (2 bytes), text -> lay_shaped */
	memo_key skey;
	hb_buffer_t *buf;
	unsigned by_harfbuzz, by_pairs; /* words kerned each way */
};

lay_fonts *fonts_new(folio_diag *diag)
{
	lay_fonts *f = xcalloc(1, sizeof(*f));
	f->diag = diag;
	f->arena = arena_new();
	f->shape_cache = memo_new();
	f->buf = hb_buffer_create();
	return f;
}

void fonts_free(lay_fonts *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->faces.n; i++) {
		for (int b = 0; b < 256; b++)
			free(f->faces.v[i].cover[b]);
		free(f->faces.v[i].adv256);
		free(f->faces.v[i].latin);
		if (f->faces.v[i].font)
			hb_font_destroy(f->faces.v[i].font);
		for (int k = 0; k < f->faces.v[i].nplans; k++) {
			hb_shape_plan_destroy(f->faces.v[i].plans[k].plan);
			kern_pairs_free(f->faces.v[i].plans[k].pairs);
		}
		if (f->faces.v[i].face)
			hb_face_destroy(f->faces.v[i].face);
	}
	VEC_FREE(f->faces);
	hb_buffer_destroy(f->buf);
	memo_free(f->shape_cache);
	key_free(&f->skey);
	arena_free(f->arena);
	free(f);
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static face *add_face(lay_fonts *f, const char *family, const char *style,
		      const char *file, int index, int fixed)
{
	face fc = { 0 };
	fc.family = arena_strdup(f->arena, family);
	fc.style = arena_strdup(f->arena, style);
	fc.file = file ? arena_strdup(f->arena, file) : NULL;
	fc.index = index;
	fc.fixed = fixed;
	VEC_PUSH(f->faces, fc);
	return &f->faces.v[f->faces.n - 1];
}

/* "face Charis SIL | regular | /usr/.../CharisSIL-Regular.ttf |
 *  fonts-sil-charis | SIL Open Font License 1.1" */
static int parse_face_line(lay_fonts *f, char *rest, const char *dir,
			   const char *path, unsigned lineno)
{
	char *field[5] = { 0 };
	int n = 0;
	for (char *p = rest; n < 5; n++) {
		field[n] = p;
		char *bar = strchr(p, '|');
		if (bar == NULL) {
			n++;
			break;
		}
		*bar = '\0';
		p = bar + 1;
	}
	if (n < 3) {
		folio_report(f->diag, FOLIO_WARNING,
			     (folio_loc){ path, lineno, 1 },
			     "a face line needs FAMILY | STYLE | FILE | PACKAGE");
		return 0;
	}
	char *family = trim(field[0]), *style = trim(field[1]);
	char *file = trim(field[2]);
	int index = 0;
	char *hash = strrchr(file, '#');
	if (hash) {
		*hash = '\0';
		index = atoi(hash + 1);
	}
	strbuf full = STRBUF_INIT;
	if (file[0] != '/' && dir)
		sb_printf(&full, "%s/%s", dir, file);
	else
		sb_puts(&full, file);
	for (char *c = style; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	face *fc = add_face(f, family, style, sb_str(&full), index, 0);
	char *package = field[3] ? trim(field[3]) : NULL;
	if (package && *package)
		fc->package = arena_strdup(f->arena, package);
	char *licence = field[4] ? trim(field[4]) : NULL;
	if (licence && *licence)
		fc->licence = arena_strdup(f->arena, licence);
	sb_free(&full);
	return 0;
}

int fonts_load_manifest(lay_fonts *f, const char *path)
{
	int err;
	FILE *fp = file_fopen_regular(path, &err);
	if (fp == NULL) {
		folio_report(f->diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
			     "cannot read the font manifest: %s", file_strerror(err));
		return -1;
	}
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	char line[2048];
	unsigned lineno = 0;
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (strncmp(s, "face ", 5) == 0) {
			parse_face_line(f, s + 5, dir, path, lineno);
		} else if (strncmp(s, "fallback ", 9) == 0) {
			if (f->nfallback < MAX_FALLBACKS)
				f->fallback[f->nfallback++] =
					arena_strdup(f->arena, trim(s + 9));
		} else {
			folio_report(f->diag, FOLIO_WARNING,
				     (folio_loc){ path, lineno, 1 },
				     "unknown line in the font manifest: %s", s);
		}
	}
	fclose(fp);
	free(dir);
	return 0;
}

int fonts_add_fixed(lay_fonts *f, const char *family, const char *style,
		    int advance)
{
	add_face(f, family, style, NULL, 0, advance > 0 ? advance : 500);
	face *fc = &f->faces.v[f->faces.n - 1];
	fc->state = 1;
	fc->upem = 1000;
	fc->ascent = 800;
	fc->descent = 200;
	return (int)f->faces.n - 1;
}

int fonts_count(const lay_fonts *f) { return (int)f->faces.n; }
const char *fonts_family(const lay_fonts *f, int i) { return f->faces.v[i].family; }
const char *fonts_style(const lay_fonts *f, int i) { return f->faces.v[i].style; }
const char *fonts_file(const lay_fonts *f, int i) { return f->faces.v[i].file; }
int fonts_file_index(const lay_fonts *f, int i) { return f->faces.v[i].index; }
const char *fonts_package(const lay_fonts *f, int i) { return f->faces.v[i].package; }
const char *fonts_licence(const lay_fonts *f, int i) { return f->faces.v[i].licence; }
int fonts_is_fixed(const lay_fonts *f, int i) { return f->faces.v[i].fixed > 0; }

static int find_exact(const lay_fonts *f, const char *family, const char *style)
{
	for (size_t i = 0; i < f->faces.n; i++)
		if (strcasecmp(f->faces.v[i].family, family) == 0 &&
		    strcmp(f->faces.v[i].style, style) == 0)
			return (int)i;
	return -1;
}

int fonts_find(const lay_fonts *f, const char *family, const char *style)
{
	if (family == NULL)
		return -1;
	int i = find_exact(f, family, style ? style : "regular");
	return i >= 0 ? i : find_exact(f, family, "regular");
}

int fonts_open(lay_fonts *f, int i)
{
	if (i < 0 || (size_t)i >= f->faces.n)
		return -1;
	face *fc = &f->faces.v[i];
	if (fc->state != 0)
		return fc->state > 0 ? 0 : -1;
	fc->state = -1;
	/* HarfBuzz opens the file itself: look first, so that a FIFO or a
	 * device named in the manifest is refused rather than waited on. */
	int not_regular = file_check_regular(fc->file);
	if (not_regular) {
		folio_report(f->diag, FOLIO_FATAL, (folio_loc){ fc->file, 0, 0 },
			     "cannot read font file for %s %s (manifest fonts/fonts.conf): %s",
			     fc->family, fc->style, file_strerror(not_regular));
		return -1;
	}
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(fc->file);
	if (blob == NULL) {
		folio_report(f->diag, FOLIO_FATAL, (folio_loc){ fc->file, 0, 0 },
			     "cannot read font file for %s %s (manifest fonts/fonts.conf)",
			     fc->family, fc->style);
		return -1;
	}
	unsigned nfaces = hb_face_count(blob);
	if (nfaces == 0 || (unsigned)fc->index >= nfaces) {
		hb_blob_destroy(blob);
		folio_report(f->diag, FOLIO_FATAL, (folio_loc){ fc->file, 0, 0 },
			     "not a usable font file for %s %s", fc->family,
			     fc->style);
		return -1;
	}
	fc->face = hb_face_create(blob, (unsigned)fc->index);
	hb_blob_destroy(blob);
	fc->upem = (int)hb_face_get_upem(fc->face);
	/* libharu can embed only TrueType outlines (a glyf table). */
	hb_blob_t *glyf = hb_face_reference_table(fc->face,
						  HB_TAG('g', 'l', 'y', 'f'));
	unsigned glyf_len = hb_blob_get_length(glyf);
	hb_blob_destroy(glyf);
	if (fc->upem <= 0 || glyf_len == 0) {
		folio_report(f->diag, FOLIO_FATAL, (folio_loc){ fc->file, 0, 0 },
			     "%s %s is not a TrueType (glyf) font; libharu cannot embed it",
			     fc->family, fc->style);
		hb_face_destroy(fc->face);
		fc->face = NULL;
		return -1;
	}
	fc->font = hb_font_create(fc->face);
	hb_font_set_scale(fc->font, fc->upem, fc->upem);
	hb_font_extents_t ext;
	hb_font_get_h_extents(fc->font, &ext);
	fc->ascent = ext.ascender;
	fc->descent = ext.descender < 0 ? -ext.descender : ext.descender;
	fc->state = 1;
	return 0;
}

folio_diag *fonts_diag(lay_fonts *f)
{
	return f->diag;
}

hb_face_t *fonts_hb_face(lay_fonts *f, int i)
{
	if (fonts_open(f, i) < 0 || f->faces.v[i].fixed)
		return NULL;
	return f->faces.v[i].face;
}

hb_font_t *fonts_hb_font(lay_fonts *f, int i)
{
	if (fonts_open(f, i) < 0 || f->faces.v[i].fixed)
		return NULL;
	return f->faces.v[i].font;
}

int fonts_has_glyph(lay_fonts *f, int i, uint32_t cp)
{
	if (fonts_open(f, i) < 0)
		return 0;
	face *fc = &f->faces.v[i];
	if (fc->fixed)
		return cp != 0xFFFF;
	hb_codepoint_t g;
	return hb_font_get_nominal_glyph(fc->font, cp, &g) && g != 0;
}

static int cover_uncached(lay_fonts *f, int i, uint32_t cp)
{
	if (fonts_has_glyph(f, i, cp))
		return i;
	const char *style = f->faces.v[i].style;
	for (int k = 0; k < f->nfallback; k++) {
		int j = fonts_find(f, f->fallback[k], style);
		if (j >= 0 && fonts_has_glyph(f, j, cp))
			return j;
	}
	return -1;
}

int fonts_cover(lay_fonts *f, int i, uint32_t cp)
{
	if (i < 0 || (size_t)i >= f->faces.n || cp > 0xFFFF || f->faces.n > 0x7FFE)
		return cover_uncached(f, i, cp);
	face *fc = &f->faces.v[i];
	int16_t *block = fc->cover[cp >> 8];
	if (block == NULL)
		block = fc->cover[cp >> 8] = xcalloc(256, sizeof(int16_t));
	int16_t v = block[cp & 0xFF];
	if (v == 0) {
		int r = cover_uncached(f, i, cp);
		v = (int16_t)(r < 0 ? -1 : r + 1);
		block[cp & 0xFF] = v;
	}
	return v < 0 ? -1 : v - 1;
}

static int32_t nominal_units(face *fc, uint32_t cp)
{
	if (fc->fixed)
		return fc->fixed;
	if (cp < 256) {
		if (fc->adv256 == NULL) {
			fc->adv256 = xmalloc(256 * sizeof(int32_t));
			for (int k = 0; k < 256; k++)
				fc->adv256[k] = -1;
		}
		if (fc->adv256[cp] < 0) {
			hb_codepoint_t g = 0;
			hb_font_get_nominal_glyph(fc->font, cp, &g);
			fc->adv256[cp] = hb_font_get_glyph_h_advance(fc->font, g);
		}
		return fc->adv256[cp];
	}
	hb_codepoint_t g = 0;
	hb_font_get_nominal_glyph(fc->font, cp, &g);
	return hb_font_get_glyph_h_advance(fc->font, g);
}

fx fonts_advance(lay_fonts *f, int i, uint32_t cp, fx size)
{
	if (fonts_open(f, i) < 0)
		return size / 2;
	face *fc = &f->faces.v[i];
	return fonts_scale(nominal_units(fc, cp), fc->upem, size);
}

/* Fills out with nominal advances: used for fixed faces and whenever
 * HarfBuzz's output is not one nominal glyph per code point. */
static void shape_nominal(face *fc, lay_shaped *out)
{
	for (unsigned k = 0; k < out->n; k++)
		out->adv[k] = nominal_units(fc, out->cp[k]);
}

/* Kerning from HarfBuzz: each glyph's advance minus its nominal advance is
 * the adjustment the font's GPOS/kern tables ask for. */
#define FEATURE(a, b, c, d, on) { HB_TAG(a, b, c, d), on, 0, (unsigned)-1 }

/* Ligatures off (the emitter shows one glyph per character), kerning on. */
static const hb_feature_t full_features[] = {
	FEATURE('l', 'i', 'g', 'a', 0), FEATURE('c', 'l', 'i', 'g', 0),
	FEATURE('d', 'l', 'i', 'g', 0), FEATURE('h', 'l', 'i', 'g', 0),
	FEATURE('c', 'a', 'l', 't', 0), FEATURE('k', 'e', 'r', 'n', 1),
};

/* For words of plain Latin letters and punctuation: the default features
 * that only act on combining marks, on other scripts or on a language
 * (folio gives HarfBuzz none) are off too.  Shaping then walks half the
 * lookups and takes half the time, with the same glyphs and advances (a
 * unit test compares the two on the manifest's text faces). */
static const hb_feature_t latin_features[] = {
	FEATURE('l', 'i', 'g', 'a', 0), FEATURE('c', 'l', 'i', 'g', 0),
	FEATURE('d', 'l', 'i', 'g', 0), FEATURE('h', 'l', 'i', 'g', 0),
	FEATURE('c', 'a', 'l', 't', 0), FEATURE('k', 'e', 'r', 'n', 1),
	FEATURE('c', 'c', 'm', 'p', 0), FEATURE('l', 'o', 'c', 'l', 0),
	FEATURE('r', 'l', 'i', 'g', 0), FEATURE('r', 'c', 'l', 't', 0),
	FEATURE('m', 'a', 'r', 'k', 0), FEATURE('m', 'k', 'm', 'k', 0),
	FEATURE('c', 'u', 'r', 's', 0), FEATURE('r', 'v', 'r', 'n', 0),
	FEATURE('d', 'i', 's', 't', 0), FEATURE('a', 'b', 'v', 'm', 0),
	FEATURE('b', 'l', 'w', 'm', 0), FEATURE('f', 'r', 'a', 'c', 0),
	FEATURE('n', 'u', 'm', 'r', 0), FEATURE('d', 'n', 'o', 'm', 0),
};

/* Basic Latin to Latin Extended-B (no combining marks there), general
 * punctuation, currency signs. */
static int plain_latin(const lay_shaped *w)
{
	for (unsigned k = 0; k < w->n; k++) {
		uint32_t c = w->cp[k];
		if (!(c < 0x250 || (c >= 0x2000 && c <= 0x206F) ||
		      (c >= 0x20A0 && c <= 0x20C0)))
			return 0;
	}
	return 1;
}

void fonts_shape_counts(const lay_fonts *f, unsigned *by_harfbuzz,
			unsigned *by_pairs)
{
	*by_harfbuzz = f->by_harfbuzz;
	*by_pairs = f->by_pairs;
}

void fonts_shape_features(int latin, const void **features, unsigned *n)
{
	*features = latin ? latin_features : full_features;
	*n = latin ? sizeof latin_features / sizeof latin_features[0]
		   : sizeof full_features / sizeof full_features[0];
}

/* The process's language, which HarfBuzz makes on its first call and
 * keeps in a static of its own: taken once for every thread (the worker
 * of prefetch.c shapes too), so that all see it made. */
static pthread_once_t process_language_once = PTHREAD_ONCE_INIT;
static hb_language_t process_language;

static void take_process_language(void)
{
	process_language = hb_language_get_default();
}

/* The face's plan for the buffer's script (its direction is always
 * left to right, its language the process's), made on first use. */
static struct plan_slot *plan_for(face *fc, hb_script_t script, int latin)
{
	for (int k = 0; k < fc->nplans; k++)
		if (fc->plans[k].script == script && fc->plans[k].latin == latin)
			return &fc->plans[k];
	if (fc->nplans == (int)(sizeof fc->plans / sizeof fc->plans[0]))
		return NULL;
	hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
	props.direction = HB_DIRECTION_LTR;
	props.script = script;
	pthread_once(&process_language_once, take_process_language);
	props.language = process_language;
	const hb_feature_t *feats = latin ? latin_features : full_features;
	unsigned nfeats = latin ? sizeof latin_features / sizeof latin_features[0]
				: sizeof full_features / sizeof full_features[0];
	hb_shape_plan_t *plan = hb_shape_plan_create(fc->face, &props, feats, nfeats, NULL);
	if (plan == NULL)
		return NULL;
	struct plan_slot *slot = &fc->plans[fc->nplans++];
	*slot = (struct plan_slot){ script, latin, plan, NULL };
	if (latin)
		slot->pairs = kern_pairs_new(fc->face, plan);
	return slot;
}

/* Per code point below U+0250: its nominal glyph (low 16 bits), and flags.
 * A code point the pair kerning cannot take is one the face lacks, a
 * control or soft hyphen (HarfBuzz hides default ignorables), or one whose
 * glyph GDEF calls a mark (lookups may skip marks). */
#define LAT_KNOWN  0x80000000u
#define LAT_USABLE 0x40000000u
#define LAT_LATIN  0x20000000u /* Latin script, not Common */
#define LAT_LIMIT  0x250

static uint32_t latin_info(face *fc, uint32_t cp)
{
	if (fc->latin == NULL)
		fc->latin = xcalloc(LAT_LIMIT, sizeof *fc->latin);
	uint32_t v = fc->latin[cp];
	if (v)
		return v;
	v = LAT_KNOWN;
	hb_codepoint_t g = 0;
	int usable = cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F) && cp != 0xAD &&
		     hb_font_get_nominal_glyph(fc->font, cp, &g) && g != 0 && g <= 0xFFFF &&
		     hb_ot_layout_get_glyph_class(fc->face, g) != HB_OT_LAYOUT_GLYPH_CLASS_MARK;
	/* HarfBuzz takes a buffer's script from its first character that is
	 * not Common (nor Inherited or Unknown, none of which is here). */
	hb_script_t script = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
	if (script == HB_SCRIPT_LATIN)
		v |= LAT_LATIN;
	else if (script != HB_SCRIPT_COMMON)
		usable = 0;
	if (usable)
		v |= LAT_USABLE | g;
	return fc->latin[cp] = v;
}

#define PAIR_WORD_MAX 64

/* The glyphs of a plain Latin word the pair kerning can take, or 0. */
static int pair_glyphs(face *fc, const lay_shaped *w, uint32_t *g,
		       hb_script_t *script)
{
	if (w->n == 0 || w->n > PAIR_WORD_MAX)
		return 0;
	*script = HB_SCRIPT_INVALID;
	for (unsigned k = 0; k < w->n; k++) {
		if (w->cp[k] >= LAT_LIMIT)
			return 0;
		uint32_t v = latin_info(fc, w->cp[k]);
		if (!(v & LAT_USABLE))
			return 0;
		if (v & LAT_LATIN)
			*script = HB_SCRIPT_LATIN;
		g[k] = v & 0xFFFF;
	}
	return 1;
}

/* Kerns a word from its pairs when every pair is known. */
static int kern_from_pairs(face *fc, lay_shaped *w)
{
	uint32_t g[PAIR_WORD_MAX];
	int32_t adj[PAIR_WORD_MAX];
	hb_script_t script;
	if (!plain_latin(w) || !pair_glyphs(fc, w, g, &script))
		return 0;
	struct plan_slot *slot = NULL;
	for (int k = 0; k < fc->nplans && slot == NULL; k++)
		if (fc->plans[k].script == script && fc->plans[k].latin)
			slot = &fc->plans[k];
	if (slot == NULL || slot->pairs == NULL)
		return 0;
	for (unsigned k = 0; k + 1 < w->n; k++)
		if (!kern_pairs_get(slot->pairs, g[k], g[k + 1], &adj[k]))
			return 0;
	adj[w->n - 1] = 0;
	for (unsigned k = 0; k < w->n; k++)
		w->adv[k] = nominal_units(fc, w->cp[k]) + adj[k];
	return 1;
}

/* Keeps the pairs of a word HarfBuzz kerned (kern[k]: its kerning of
 * glyph k); a contradiction ends the table's use. */
static void learn_pairs(face *fc, struct plan_slot *slot, const lay_shaped *w,
			const int32_t *kern)
{
	uint32_t g[PAIR_WORD_MAX];
	hb_script_t script;
	if (slot->pairs == NULL || !pair_glyphs(fc, w, g, &script) ||
	    script != slot->script)
		return;
	int bad = kern[w->n - 1] != 0;
	for (unsigned k = 0; k + 1 < w->n && !bad; k++)
		bad = kern_pairs_put(slot->pairs, g[k], g[k + 1], kern[k]) != 0;
	if (bad) {
		kern_pairs_free(slot->pairs);
		slot->pairs = NULL;
	}
}

static void shape_hb(lay_fonts *f, face *fc, const char *s, size_t len,
		     lay_shaped *out)
{
	shape_nominal(fc, out);
	int latin = plain_latin(out);
	if (latin && kern_from_pairs(fc, out)) {
		f->by_pairs++;
		return;
	}
	f->by_harfbuzz++;
	hb_buffer_t *b = f->buf;
	hb_buffer_clear_contents(b);
	hb_buffer_add_utf8(b, s, (int)len, 0, (int)len);
	hb_buffer_set_direction(b, HB_DIRECTION_LTR);
	hb_buffer_guess_segment_properties(b);
	hb_buffer_set_direction(b, HB_DIRECTION_LTR);
	hb_segment_properties_t props;
	hb_buffer_get_segment_properties(b, &props);
	const hb_feature_t *feats = latin ? latin_features : full_features;
	unsigned nfeats = latin ? sizeof latin_features / sizeof latin_features[0]
				: sizeof full_features / sizeof full_features[0];
	struct plan_slot *slot = plan_for(fc, props.script, latin);
	if (slot == NULL || !hb_shape_plan_execute(slot->plan, fc->font, b, feats, nfeats))
		hb_shape(fc->font, b, feats, nfeats);
	unsigned ng = 0;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &ng);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &ng);
	if (ng != out->n)
		return;
	/* Check that glyph k came from code point k. */
	size_t off = 0;
	for (unsigned k = 0; k < ng; k++) {
		if (info[k].cluster != off)
			return;
		uint32_t cp;
		off += utf8_decode(s + off, len - off, &cp);
	}
	int32_t kern[PAIR_WORD_MAX];
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
	for (unsigned k = 0; k < ng; k++) {
		int32_t own = hb_font_get_glyph_h_advance(fc->font, info[k].codepoint);
		int32_t delta = pos[k].x_advance - own;
		/* HarfBuzz hides a format character (LRM, RLM, ZWJ...) as
		 * the space glyph with no advance: what it hides takes no
		 * room, rather than minus a space (which ate the space after
		 * the mark) */
		if (pos[k].x_advance == 0 && own != 0 &&
		    hb_unicode_general_category(uf, out->cp[k]) ==
		    HB_UNICODE_GENERAL_CATEGORY_FORMAT)
			delta = -out->adv[k];
		out->adv[k] += delta;
		if (k < PAIR_WORD_MAX)
			kern[k] = delta;
	}
	if (latin && slot && props.script == slot->script)
		learn_pairs(fc, slot, out, kern);
}

const lay_shaped *fonts_shape(lay_fonts *f, int i, const char *s, size_t len)
{
	char prefix[2] = { (char)(1 + i % 200), (char)(1 + i / 200) };
	memo_key *key = &f->skey;
	key_clear(key);
	key_bytes(key, prefix, 2);
	key_bytes(key, s, len);
	uint64_t h;
	lay_shaped *hit = memo_get_hashed(f->shape_cache, key->b, key->len, &h);
	if (hit)
		return hit;
	lay_shaped *out = arena_alloc(f->arena, sizeof(*out));
	size_t ncp = utf8_length(s, len);
	out->cp = arena_alloc(f->arena, (ncp + 1) * sizeof(uint32_t));
	out->adv = arena_alloc(f->arena, (ncp + 1) * sizeof(int32_t));
	size_t off = 0;
	while (off < len && out->n < ncp) {
		uint32_t cp;
		off += utf8_decode(s + off, len - off, &cp);
		out->cp[out->n++] = cp;
	}
	if (fonts_open(f, i) == 0) {
		face *fc = &f->faces.v[i];
		out->upem = fc->upem;
		if (fc->fixed)
			shape_nominal(fc, out);
		else
			shape_hb(f, fc, s, len, out);
	} else {
		out->upem = 1000;
		for (unsigned k = 0; k < out->n; k++)
			out->adv[k] = 500;
	}
	memo_put_hashed(f->shape_cache, key->b, key->len, h, out);
	return out;
}

/* ---- glyphs (for embedding) ---- */

uint32_t fonts_glyph_id(lay_fonts *f, int i, uint32_t cp)
{
	if (fonts_open(f, i) < 0 || f->faces.v[i].fixed)
		return 0;
	hb_codepoint_t g = 0;
	return hb_font_get_nominal_glyph(f->faces.v[i].font, cp, &g) ? g : 0;
}

int fonts_width_em1000(lay_fonts *f, int i, uint32_t cp)
{
	if (fonts_open(f, i) < 0)
		return 500;
	face *fc = &f->faces.v[i];
	int64_t u = LAY_IS_GID(cp) ? (fc->fixed ? fc->fixed
				      : hb_font_get_glyph_h_advance(fc->font, LAY_GID_OF(cp)))
				   : nominal_units(fc, cp);
	int64_t w = u * 1000;
	return (int)(w >= 0 ? (w + fc->upem / 2) / fc->upem : -((-w + fc->upem / 2) / fc->upem));
}
