/* libs: folio_layout folio_resolve folio_tree folio_util */
/*
 * test_layout_extra: the layout engine's caches and newer pieces:
 *  - memo tables take any bytes as keys (NUL included) and grow;
 *  - a paragraph set twice through the run's cache gives the same lines,
 *    and changing one character of it gives others;
 *  - a code line the breaker cuts goes on under its own indentation plus
 *    the wrap indent, and never past the measure;
 *  - vertical justification hands out no more than it may;
 *  - subsets of real fonts keep every outline: DejaVu's polytonic Greek
 *    (a composite of composites) and WenQuanYi's Hangul (components above
 *    glyph 32767) draw the same points from the subset as from the whole
 *    font, and the subset is much smaller.  Skipped when the font files
 *    are missing;
 *  - words of plain Latin, which fonts_shape shapes with the features
 *    that act on marks, scripts and languages off, get the same code
 *    points and advances as with every default feature, in every face of
 *    the manifest (fonts/fonts.conf, read from the source folder);
 *  - and so do the words of the sample reader's articles, most of which
 *    the fonts it is set in kern from pairs already seen (kernpairs.c).
 */
#include "harness.h"
#include "layout_ctx.h"
#include "layout/ctx.h"
#include "layout/memo.h"
#include "layout/fonts_hb.h"
#include "layout/kernpairs.h"
#include "layout/pagebuild.h"
#include "layout/para.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/utf8.h"

#include <hb.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static lay_ctx c;

static void test_memo(void)
{
	lay_memo *m = memo_new();
	char key[8] = { 'a', 0, 'b', 0, 0, 0, 0, 0 };
	static int vals[5000];
	for (int i = 0; i < 5000; i++) {
		memcpy(key + 4, &i, sizeof i);
		memo_put(m, key, sizeof key, &vals[i]);
	}
	INT_EQ(memo_count(m), 5000);
	int wrong = 0;
	for (int i = 0; i < 5000; i++) {
		memcpy(key + 4, &i, sizeof i);
		if (memo_get(m, key, sizeof key) != &vals[i])
			wrong++;
	}
	INT_EQ(wrong, 0);
	OK(memo_get(m, key, 3) == NULL); /* a prefix is another key */
	memo_key k = { 0 };
	for (int i = 0; i < 1000; i++)
		key_int(&k, i);
	INT_EQ(k.len, 1000 * sizeof(int64_t));
	key_free(&k);
	memo_free(m);
}

static void test_cache(int face)
{
	c.para_cache = para_cache_new();
	c.glyph_arena = arena_new();
	para *p = para_new(&c);
	para_style ps = { 0 };
	ps.face = face;
	ps.size = 10 * FX_PT;
	ps.lang = "id";
	const char *text = "pekerjaan sosial adalah profesi yang membantu individu "
			   "kelompok dan masyarakat mencapai kesejahteraan melalui "
			   "pemberdayaan dan intervensi yang terencana";
	para_shape sh = { 0 };
	sh.width = 150 * FX_PT;
	sh.leading = 13 * FX_PT;
	sh.align = ALIGN_JUSTIFY;
	sh.hyphenate = 1;
	unsigned n1, n2, n3;
	para_text(p, &ps, text, strlen(text), NULL, 0);
	lay_line *a = para_set(p, &sh, &n1);
	para_text(p, &ps, text, strlen(text), NULL, 0);
	lay_line *b = para_set(p, &sh, &n2);
	INT_EQ(n1, n2);
	OK(n1 > 2);
	int same = n1 == n2;
	for (unsigned i = 0; same && i < n1; i++)
		same = a[i].nitems == b[i].nitems && a[i].width == b[i].width &&
		       a[i].items == b[i].items; /* the cached lines */
	OK(same);
	OK(a != b); /* each caller its own array of lines */
	char t[4096];
	snprintf(t, sizeof t, "%s", text);
	t[0] = 'P';
	para_text(p, &ps, t, strlen(t), NULL, 0);
	lay_line *d = para_set(p, &sh, &n3);
	char l0[1024];
	line_text(&d[0], l0, sizeof l0);
	OK(l0[0] == 'P');
	para_free(p);
	para_cache_free(c.para_cache);
	c.para_cache = NULL;
	arena_free(c.glyph_arena);
	c.glyph_arena = NULL;
}

static void test_wrap(int face)
{
	para *p = para_new(&c);
	para_style ps = { 0 };
	ps.face = face;
	ps.size = 10 * FX_PT;
	ps.lang = "en";
	ps.verbatim = 1;
	ps.nohyph = 1;
	/* 4 spaces, then words: 5 pt a character */
	const char *code = "    call(argument_one, argument_two, argument_three, argument_four);\nend";
	para_text(p, &ps, code, strlen(code), NULL, 0);
	para_shape sh = { 0 };
	sh.width = 200 * FX_PT;
	sh.leading = 12 * FX_PT;
	sh.align = ALIGN_RAGGED;
	sh.wrap_indent = 20 * FX_PT;
	unsigned n;
	lay_line *l = para_set(p, &sh, &n);
	OK(n >= 3);
	int over = 0, marks = 0;
	fx second_x = -1, last_x = -1;
	for (unsigned i = 0; i < n; i++) {
		fx left = FX_INF, right = 0;
		for (unsigned k = 0; k < l[i].nitems; k++) {
			const lay_item *it = &l[i].items[k];
			if (it->kind != LI_TEXT || it->n == 0)
				continue;
			for (unsigned g = 0; g < it->n; g++) {
				if (it->g[g].cp == ' ')
					continue;
				fx x = it->x + it->g[g].x;
				/* the continuation mark, before the wrapped text */
				if (it->g[g].cp == 0x21AA || (it->g[g].cp == '>' && it->n == 1)) {
					if (i == 1 && x < 40 * FX_PT && x >= 20 * FX_PT)
						marks++;
					continue;
				}
				if (x < left)
					left = x;
				if (x + 5 * FX_PT > right)
					right = x + 5 * FX_PT;
			}
		}
		if (right > sh.width + 1)
			over++;
		if (i == 1)
			second_x = left;
		if (i + 1 == n)
			last_x = left;
	}
	INT_EQ(over, 0);
	/* the continuation: 4 spaces (20 pt) of indentation + 20 pt, its
	 * mark in the 20 pt before it */
	INT_EQ(second_x, 40 * FX_PT);
	INT_EQ(marks, 1);
	/* the line after the forced break starts at the margin */
	INT_EQ(last_x, 0);
	para_free(p);
}

static void test_vjust(void)
{
	fx g, per;
	unsigned plus;
	pb_vjust_split(10 * FX_PT, 4 * FX_PT, 20, 12 * FX_PT, &g, &per, &plus);
	INT_EQ(g, 10 * FX_PT);  /* the glue takes it all */
	INT_EQ(per, 0);
	pb_vjust_split(30 * FX_PT, 2 * FX_PT, 10, 12 * FX_PT, &g, &per, &plus);
	INT_EQ(g, 10 * FX_PT);  /* five times its stretch */
	INT_EQ(per, 12 * FX_PT / 8); /* gaps capped */
	pb_vjust_split(15 * FX_PT, 0, 10, 12 * FX_PT, &g, &per, &plus);
	INT_EQ(g, 0);
	INT_EQ(per * 10 + (fx)plus, 15 * FX_PT); /* exact, under the cap */
	pb_vjust_split(-5, 100, 10, 12 * FX_PT, &g, &per, &plus);
	INT_EQ(g + per, 0);
}

static void count_point(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st,
			float x, float y, void *user)
{
	(void)df, (void)st, (void)x, (void)y, (void)user;
	++*(unsigned *)data;
}

static void count_curve(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st,
			float cx, float cy, float x, float y, void *user)
{
	(void)cx, (void)cy;
	count_point(df, data, st, x, y, user);
}

/* The points glyph g of a font file draws. */
static unsigned outline_points(hb_blob_t *blob, unsigned index, hb_codepoint_t g)
{
	hb_face_t *face = hb_face_create(blob, index);
	hb_font_t *font = hb_font_create(face);
	hb_draw_funcs_t *df = hb_draw_funcs_create();
	hb_draw_funcs_set_move_to_func(df, count_point, NULL, NULL);
	hb_draw_funcs_set_line_to_func(df, count_point, NULL, NULL);
	hb_draw_funcs_set_quadratic_to_func(df, count_curve, NULL, NULL);
	unsigned n = 0;
	hb_font_get_glyph_shape(font, g, df, &n);
	hb_draw_funcs_destroy(df);
	hb_font_destroy(font);
	hb_face_destroy(face);
	return n;
}

static void test_subset(void)
{
	struct { const char *file; int index; uint32_t cp; } cases[] = {
		{ "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf", 0, 0x1F18 },
		{ "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, 0xC0AC },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (access(cases[i].file, R_OK) != 0) {
			fprintf(stderr, "skipped: %s missing\n", cases[i].file);
			continue;
		}
		lay_fonts *f = fonts_new(c.diag);
		char path[512];
		snprintf(path, sizeof path, "/tmp/test_layout_extra.%d.conf", (int)getpid());
		FILE *fp = fopen(path, "w");
		fprintf(fp, "face T | regular | %s#%d | test\n", cases[i].file, cases[i].index);
		fclose(fp);
		fonts_load_manifest(f, path);
		remove(path);
		uint32_t g = fonts_glyph_id(f, 0, cases[i].cp);
		OK(g > 0);
		uint32_t cps[2] = { 'a', cases[i].cp };
		fonts_subset s;
		OK(fonts_subset_make(f, 0, cps, 2, &s) == 0);
		OK(s.gid[0] > 0 && s.gid[1] > 0 && s.gid[0] != s.gid[1]);
		OK(s.name[0] != '\0' && strchr(s.name, ' ') == NULL);
		OK(s.ascent > 0 && s.descent < 0 && s.bbox[2] > s.bbox[0]);
		hb_blob_t *whole = hb_blob_create_from_file(cases[i].file);
		hb_blob_t *part = hb_blob_create((const char *)s.data, (unsigned)s.len,
						 HB_MEMORY_MODE_READONLY, NULL, NULL);
		unsigned before = outline_points(whole, (unsigned)cases[i].index, g);
		unsigned after = outline_points(part, 0, s.gid[1]);
		OK(before > 4);
		INT_EQ(after, before);
		OK(s.len * 10 < hb_blob_get_length(whole));
		hb_blob_destroy(part);
		hb_blob_destroy(whole);
		fonts_subset_free(&s);
		fonts_free(f);
	}
}

/* fonts_shape against HarfBuzz with every default feature on. */
static int same_as_full(lay_fonts *f, int face, const char *w)
{
	/* a word the face lacks a letter of is never set in it (the
	 * fallback faces take those letters) and never kerned from pairs;
	 * Noto Naskh Arabic has no Latin letters and substitutes its full
	 * stop, which a nominal glyph cannot show */
	for (size_t off = 0, len = strlen(w); off < len;) {
		uint32_t cp;
		off += utf8_decode(w + off, len - off, &cp);
		if (fonts_glyph_id(f, face, cp) == 0)
			return 1;
	}
	const lay_shaped *sh = fonts_shape(f, face, w, strlen(w));
	hb_font_t *font = fonts_hb_font(f, face);
	if (font == NULL)
		return 1;
	const void *feats;
	unsigned nfeats;
	fonts_shape_features(0, &feats, &nfeats);
	hb_buffer_t *b = hb_buffer_create();
	hb_buffer_add_utf8(b, w, -1, 0, -1);
	hb_buffer_guess_segment_properties(b);
	hb_buffer_set_direction(b, HB_DIRECTION_LTR);
	hb_shape(font, b, feats, nfeats);
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &n);
	int same = n == sh->n;
	for (unsigned k = 0; same && k < n; k++) {
		hb_codepoint_t g = 0;
		hb_font_get_nominal_glyph(font, sh->cp[k], &g);
		int32_t kern = pos[k].x_advance - hb_font_get_glyph_h_advance(font, info[k].codepoint);
		int32_t own = hb_font_get_glyph_h_advance(font, g);
		same = info[k].codepoint == g && sh->adv[k] == own + kern;
	}
	hb_buffer_destroy(b);
	if (!same)
		fprintf(stderr, "face %s %s: \"%s\" shapes differently\n",
			fonts_family(f, face), fonts_style(f, face), w);
	return same;
}

static void test_latin_features(void)
{
	if (access("fonts/fonts.conf", R_OK) != 0) {
		fprintf(stderr, "skipped: fonts/fonts.conf not here\n");
		return;
	}
	lay_fonts *f = fonts_new(c.diag);
	OK(fonts_load_manifest(f, "fonts/fonts.conf") == 0);
	static const char *words[] = {
		"pekerjaan", "Kesejahteraan", "AVATAR", "Tjahjadi", "Wawasan,",
		"(Zastrow,", "2017).", "“quoted”", "‘single’", "—dash—", "fi", "ffl",
		"Ñandú", "Łódź", "œuvre", "Ærø", "Dvořák", "naïve", "café…", "T.A.",
		"Yogyakarta;", "L'Oréal", "x²", "€100", "§12", "V.", "To:", "WAVE",
	};
	const char letters[] = "aAbcdeEfFghiIjkKlLmnoOpPqrsStTuUvVwWxyYz.,;:'-";
	int bad = 0;
	for (int face = 0; face < fonts_count(f); face++) {
		if (fonts_open(f, face) < 0)
			continue;
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			bad += !same_as_full(f, face, words[i]);
		unsigned seed = 7u + (unsigned)face;
		for (int i = 0; i < 400; i++) {
			char w[16];
			harness_word(&seed, letters, 2, 9, w);
			bad += !same_as_full(f, face, w);
		}
	}
	INT_EQ(bad, 0);
	fonts_free(f);
}

/* A bidi mark (LRM, RLM) or another format character that HarfBuzz hides
 * takes no room: the word with it is as wide as the word without, and
 * no advance is negative (one minus a space ate the space after it). */
static void test_hidden_marks(void)
{
	if (access("fonts/fonts.conf", R_OK) != 0) {
		fprintf(stderr, "skipped: fonts/fonts.conf not here\n");
		return;
	}
	lay_fonts *f = fonts_new(c.diag);
	OK(fonts_load_manifest(f, "fonts/fonts.conf") == 0);
	static const char *const marked[] = { "beta\u200f", "beta\u200e", "be\u200dta", "\u2066beta\u2069" };
	for (int face = 0; face < fonts_count(f) && face < 8; face++) {
		if (fonts_open(f, face) < 0)
			continue;
		const lay_shaped *plain = fonts_shape(f, face, "beta", 4);
		int64_t want = 0;
		for (unsigned k = 0; k < plain->n; k++)
			want += plain->adv[k];
		for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++) {
			const lay_shaped *sh = fonts_shape(f, face, marked[i], strlen(marked[i]));
			int64_t got = 0;
			int negative = 0;
			for (unsigned k = 0; k < sh->n; k++) {
				got += sh->adv[k];
				negative |= sh->adv[k] < 0;
			}
			OK(!negative);
			if (got != want)
				fprintf(stderr, "face %d, word %zu: %lld, want %lld\n", face, i,
					(long long)got, (long long)want);
			OK(got == want);
		}
	}
	fonts_free(f);
}

/* The words of the sample reader's articles, markup left out: what the
 * pair kerning meets in a real book. */
static char **sample_words(unsigned *count)
{
	static const char *const files[] = {
		"01-group-work", "02-tugas-pekerjaan-sosial", "03-fungsi-pekerjaan-sosial",
		"04-metode-makro", "05-nilai-etika", "06-karakteristik-profesi",
		"07-praktik-mikro-meso-makro",
	};
	char **words = NULL;
	unsigned n = 0, cap = 0;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, "sources/pekerjaan-sosial/articles/%s.xml", files[i]);
		char *text;
		size_t len;
		if (file_read_all(path, 1u << 24, &text, &len) != 0)
			continue;
		int in_tag = 0;
		size_t start = 0;
		for (size_t k = 0; k <= len; k++) {
			char ch = k < len ? text[k] : ' ';
			int sep = ch == ' ' || ch == '\n' || ch == '\t' || ch == '<' || ch == '>' ||
				  ch == '&';
			if (!sep || in_tag) {
				if (ch == '>')
					in_tag = 0, start = k + 1;
				continue;
			}
			if (k > start) {
				if (n == cap) {
					cap = cap ? 2 * cap : 1024;
					words = realloc(words, cap * sizeof *words);
				}
				words[n++] = strndup(text + start, k - start);
			}
			in_tag = ch == '<';
			start = k + 1;
		}
		free(text);
	}
	*count = n;
	return words;
}

/* Words kerned from known pairs come out as HarfBuzz kerns them whole,
 * on every face of the manifest; Charis SIL takes the short way for most
 * words; DejaVu Sans (whose legacy kern table HarfBuzz may read) and Noto
 * Sans (whose kerning looks at context) never do. */
static void test_kern_pairs(void)
{
	if (access("fonts/fonts.conf", R_OK) != 0) {
		fprintf(stderr, "skipped: fonts/fonts.conf not here\n");
		return;
	}
	unsigned nwords;
	char **words = sample_words(&nwords);
	OK(nwords > 4000);
	lay_fonts *f = fonts_new(c.diag);
	OK(fonts_load_manifest(f, "fonts/fonts.conf") == 0);
	int charis = fonts_find(f, "Charis SIL", "regular");
	int dejavu = fonts_find(f, "DejaVu Sans", "regular");
	int noto = fonts_find(f, "Noto Sans", "regular");
	OK(charis >= 0 && dejavu >= 0 && noto >= 0);
	int bad = 0;
	for (int face = 0; face < fonts_count(f); face++) {
		if (fonts_open(f, face) < 0)
			continue;
		unsigned hb0, pairs0, hb1, pairs1;
		fonts_shape_counts(f, &hb0, &pairs0);
		for (unsigned i = 0; i < nwords; i++)
			bad += !same_as_full(f, face, words[i]);
		fonts_shape_counts(f, &hb1, &pairs1);
		if (face == charis) {
			OK(pairs1 - pairs0 > hb1 - hb0);
		}
		/* a legacy kern table; contextual kerning (a chained
		 * positioning lookup in Noto Sans's kern feature) */
		if (face == dejavu || face == noto)
			INT_EQ(pairs1 - pairs0, 0);
	}
	INT_EQ(bad, 0);
	fonts_free(f);
	for (unsigned i = 0; i < nwords; i++)
		free(words[i]);
	free(words);

	/* the table: a pair keeps its first value; another is a conflict */
	hb_face_t *empty = hb_face_get_empty();
	hb_set_t *none = hb_set_create();
	OK(kern_pairs_lookups_pairwise(empty, none));
	hb_set_add(none, 0);
	OK(!kern_pairs_lookups_pairwise(empty, none));
	hb_set_destroy(none);
}

int main(void)
{
	folio_diag *diag = folio_diag_new_stderr();
	folio_doc *doc = folio_doc_new("t.xml");
	lay_style st;
	test_ctx_open(&c, doc, diag, &st, NULL);
	c.arena = arena_new();
	int face = fonts_add_fixed(c.fonts, "Fake", "regular", 500);
	test_memo();
	test_cache(face);
	test_wrap(face);
	test_vjust();
	test_subset();
	test_latin_features();
	test_hidden_marks();
	test_kern_pairs();
	test_ctx_close(&c);
	folio_doc_free(doc);
	folio_diag_free(diag);
	DONE();
}
