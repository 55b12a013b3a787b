/*
 * para: inline text to set lines (see para.h).  The steps, in order:
 * collect text and spans; find break opportunities for the whole
 * paragraph at once (UAX #14 needs the context across spans); cut the
 * text into chunks (a word or a piece of one in one style), shape each
 * chunk in the face that has its characters, hyphenate; build the
 * breaker's items; break; place glyphs line by line.
 */
#include "layout/para.h"
#include "layout/bidi.h"
#include "layout/breaks.h"
#include "layout/hyph_lang.h"
#include "layout/kinsoku.h"
#include "layout/expand.h"
#include "layout/linebreak.h"
#include "layout/memo.h"
#include "layout/protrude.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <linebreak.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HYPHEN_PENALTY 50
#define EXHYPHEN_PENALTY 50
/* With font expansion the glyphs absorb much of what the glue had to,
 * so hyphens can be a last resort: dearer (a line broken at a hyphen
 * must save what a line a third looser costs), and the breaker's passes
 * ask more of their lines (TOLERANCE_EXPANDED, PRETOLERANCE_EXPANDED,
 * unless the style sets them).  Tuned with make typo on the sample
 * reader and tests/typo (doc/design.md, "Line and page breaking"). */
#define HYPHEN_PENALTY_EXPANDED 70
#define EXHYPHEN_PENALTY_EXPANDED 100
#define TOLERANCE_EXPANDED 100
#define PRETOLERANCE_EXPANDED 30
#define MAX_HYPH_WORD 64
/* Inside a URL: after a slash, and before the other punctuation; dearer
 * in code, where a space is the better place. */
#define URL_PENALTY 50
#define URL_CODE_PENALTY 700
/* A word wider than the measure with no other place to break, cut
 * between two letters under a visible hyphen: the last resort. */
#define FORCED_PENALTY 5000
/* Words tied by no-break spaces wider than the measure: the ties give. */
#define TIE_PENALTY 900
/* What shows at the start of a wrapped code line: U+21AA, or ">" in a
 * face without it. */
#define CONTINUATION_MARK 0x21AA

typedef struct span {
	size_t start, end;     /* bytes of the paragraph text */
	para_style st;
	const folio_node *src; /* text node, and the offset of start in it */
	size_t src_off;
	int newline;           /* a forced line end */
	const para_box *box;   /* an unbreakable box (its text is U+FFFC) */
} span;

typedef struct pmark {
	size_t pos;
	int kind;
	const folio_node *node;
} pmark;

typedef struct pglyph {
	uint32_t cp;
	fx adv;
} pglyph;

/* Where a glyph of a word shaped whole is drawn from the pen: a mark
 * over its letter. */
typedef struct glyph_offset {
	fx dx, dy;
} glyph_offset;

enum pkind { PK_TEXT, PK_GLUE, PK_PEN, PK_MARK, PK_INDENT, PK_FIL, PK_BOX };

typedef struct pitem {
	lb_item lb;
	unsigned char kind;
	int span;
	int face;             /* PK_TEXT; PK_PEN: face of the hyphen */
	unsigned g0, ng;      /* PK_TEXT glyphs */
	union {
		int mark;     /* PK_MARK */
		unsigned len; /* PK_TEXT: bytes of text it shows */
	};
	size_t src_off;       /* PK_TEXT: offset in the span's node */
	uint32_t hyphen;      /* PK_PEN flagged: the glyph shown if broken */
	unsigned char forced; /* PK_PEN: a cut inside a word wider than the
				 measure (FORCED_CUT with no hyphenation
				 point, FORCED_HYPH at one): shows a hyphen
				 though not flagged, so that neither the
				 limit on hyphens in a row nor the rules of
				 the last word and of ragged text touch it */
	unsigned char tie;    /* PK_PEN: a no-break space */
	unsigned char inter_char; /* PK_GLUE: between CJK characters, drawn
				     as no space (push_interchar_glue) */
	unsigned char level;  /* bidi embedding level (bidi.h) */
	unsigned char whole;  /* PK_TEXT: glyphs of a word shaped whole */
} pitem;

enum { FORCED_CUT = 1, FORCED_HYPH = 2, FORCED_URL_CUT = 3 };

typedef VEC(pitem) pitem_vec;

struct para {
	lay_ctx *c;
	strbuf text;
	VEC(span) spans;
	VEC(pmark) marks;
	pitem_vec items;
	VEC(pglyph) glyphs;
	VEC(lb_item) lbi;     /* the breaker's items (scratch) */
	fx min_width;
	int pending_space;    /* span index of a collapsed space, or -1 */
	int tainted;          /* a word of it reported a missing glyph */
	int has_boxes;        /* holds a box (para_box): never cached */
	unsigned char *urlrun; /* while building: byte i is in a URL-like run */
	VEC(signed char) hangs; /* per face: its glyphs protrude (1), not (0),
				   not asked yet (-1) */
	int ties;             /* while building: a no-break space was seen */
	/* Bidirectional text (bidi.h): each byte's embedding level, NULL
	 * for a paragraph all left to right; the level of what is pushed
	 * now and of the pending space. */
	unsigned char *levels;
	unsigned char level, pending_level;
	int bidi;             /* the items' levels are not all 0 */
	VEC(glyph_offset) offsets; /* per glyph, as far as the last glyph of
				      a word shaped whole (fonts_shape_run) */
};

/* The run's caches (see para.h). */
struct para_cache {
	lay_memo *words;      /* style + word -> word_info */
	lay_memo *paras;      /* paragraph + shape -> set_para */
	lay_memo *breaks;     /* language + run of non-spaces -> UAX #14 */
	memo_key key, wkey, bkey; /* scratch keys */
	unsigned long hits, misses;
};

typedef struct set_para {
	lay_line *lines;
	unsigned n;
} set_para;

struct para_share {
	pthread_mutex_t lock;
	lay_memo *paras;      /* paragraph + shape -> set_para (the writer's) */
};

struct para_share *para_share_new(void)
{
	struct para_share *ps = xcalloc(1, sizeof(*ps));
	pthread_mutex_init(&ps->lock, NULL);
	ps->paras = memo_new();
	return ps;
}

void para_share_free(struct para_share *ps)
{
	if (ps == NULL)
		return;
	pthread_mutex_destroy(&ps->lock);
	memo_free(ps->paras);
	free(ps);
}

static set_para *share_get(struct para_share *ps, const memo_key *k)
{
	pthread_mutex_lock(&ps->lock);
	set_para *sp = memo_get(ps->paras, k->b, k->len);
	pthread_mutex_unlock(&ps->lock);
	return sp;
}

static void share_put(struct para_share *ps, const memo_key *k, set_para *sp)
{
	pthread_mutex_lock(&ps->lock);
	memo_put(ps->paras, k->b, k->len, sp);
	pthread_mutex_unlock(&ps->lock);
}

struct para_cache *para_cache_new(void)
{
	struct para_cache *pc = xcalloc(1, sizeof(*pc));
	pc->words = memo_new();
	pc->paras = memo_new();
	pc->breaks = memo_new();
	return pc;
}

void para_cache_free(struct para_cache *pc)
{
	if (pc == NULL)
		return;
	memo_free(pc->words);
	memo_free(pc->paras);
	memo_free(pc->breaks);
	key_free(&pc->key);
	key_free(&pc->wkey);
	key_free(&pc->bkey);
	free(pc);
}

/* libunibreak's tables: set once for all threads, never reset. */
static pthread_once_t linebreak_once = PTHREAD_ONCE_INIT;

para *para_new(lay_ctx *c)
{
	pthread_once(&linebreak_once, init_linebreak);
	para *p = xcalloc(1, sizeof(*p));
	p->c = c;
	return p;
}

void para_clear(para *p)
{
	sb_clear(&p->text);
	p->spans.n = 0;
	p->marks.n = 0;
	p->items.n = 0;
	p->glyphs.n = 0;
	p->offsets.n = 0;
	p->has_boxes = 0;
}

void para_free(para *p)
{
	if (p == NULL)
		return;
	sb_free(&p->text);
	VEC_FREE(p->spans);
	VEC_FREE(p->marks);
	VEC_FREE(p->items);
	VEC_FREE(p->glyphs);
	VEC_FREE(p->offsets);
	VEC_FREE(p->lbi);
	VEC_FREE(p->hangs);
	free(p);
}

int para_empty(const para *p)
{
	for (size_t i = 0; i < p->spans.n; i++) {
		const span *s = &p->spans.v[i];
		if (s->newline)
			return 0;
		for (size_t k = s->start; k < s->end; k++) {
			char ch = p->text.s[k];
			if (ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r')
				return 0;
		}
	}
	return 1;
}

void para_text(para *p, const para_style *s, const char *text, size_t len,
	       const folio_node *src, size_t src_off)
{
	if (len == 0)
		return;
	span sp = { p->text.len, p->text.len + len, *s, src, src_off, 0, NULL };
	sb_putn(&p->text, text, len);
	VEC_PUSH(p->spans, sp);
}

void para_box_add(para *p, const para_style *s, const para_box *box,
		  const folio_node *src)
{
	static const char object[] = "\xEF\xBF\xBC"; /* U+FFFC */
	span sp = { p->text.len, p->text.len + 3, *s, src, 0, 0, box };
	sb_putn(&p->text, object, 3);
	VEC_PUSH(p->spans, sp);
	p->has_boxes = 1;
}

void para_mark(para *p, int kind, const folio_node *node)
{
	pmark m = { p->text.len, kind, node };
	VEC_PUSH(p->marks, m);
}

unsigned para_nmarks(const para *p)
{
	return (unsigned)p->marks.n;
}

const folio_node *para_mark_node(const para *p, unsigned i, int *kind)
{
	*kind = p->marks.v[i].kind;
	return p->marks.v[i].node;
}

void para_trim_end(para *p)
{
	while (p->spans.n > 0) {
		span *s = &p->spans.v[p->spans.n - 1];
		while (s->end > s->start) {
			char ch = p->text.s[s->end - 1];
			if (ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r')
				break;
			s->end--;
		}
		if (s->end > s->start && !s->newline)
			break;
		p->spans.n--;
	}
	size_t len = p->spans.n ? p->spans.v[p->spans.n - 1].end : 0;
	p->text.len = len;
	if (p->text.s)
		p->text.s[len] = '\0';
	for (size_t i = 0; i < p->marks.n; i++)
		if (p->marks.v[i].pos > len)
			p->marks.v[i].pos = len;
}

/* ---- building items ---- */

static void push_item(para *p, pitem it)
{
	it.level = p->level;
	VEC_PUSH(p->items, it);
}

static fx space_width(para *p, const span *s)
{
	return fonts_advance(p->c->fonts, s->st.face, ' ', s->st.size);
}

static void push_glue(para *p, int si)
{
	const span *s = &p->spans.v[si];
	fx w = space_width(p, s);
	pitem it = { 0 };
	it.kind = PK_GLUE;
	it.span = si;
	it.face = s->st.face;
	it.lb.type = LB_GLUE;
	it.lb.width = w;
	if (!s->st.verbatim) {
		it.lb.stretch = w / 2;
		it.lb.shrink = w / 3;
	}
	push_item(p, it);
}

/* Between two CJK characters where a line may break: no width, but room
 * to spread on a justified line, a quarter of an em at most at the usual
 * ratios (kinsoku.h); no space glyph is drawn for it. */
static void push_interchar_glue(para *p, int si)
{
	const span *s = &p->spans.v[si];
	pitem it = { 0 };
	it.kind = PK_GLUE;
	it.span = si;
	it.face = s->st.face;
	it.inter_char = 1;
	it.lb.type = LB_GLUE;
	it.lb.stretch = s->st.size / 4;
	push_item(p, it);
}

static void push_penalty(para *p, int si, int pen, int flagged, fx width,
			 int face, uint32_t hyphen)
{
	pitem it = { 0 };
	it.kind = PK_PEN;
	it.span = si;
	it.face = face;
	it.hyphen = hyphen;
	it.lb.type = LB_PENALTY;
	it.lb.penalty = pen;
	it.lb.flagged = (unsigned char)flagged;
	it.lb.width = width;
	push_item(p, it);
}

static int has_content(const para *p)
{
	for (size_t i = 0; i < p->items.n; i++)
		if (p->items.v[i].kind == PK_TEXT || p->items.v[i].kind == PK_BOX)
			return 1;
	return 0;
}

static void flush_space(para *p)
{
	if (p->pending_space < 0)
		return;
	size_t n = p->items.n;
	while (n > 0 && p->items.v[n - 1].kind == PK_MARK)
		n--; /* marks take no room: look past them */
	if (n > 0 && p->items.v[n - 1].kind != PK_GLUE &&
	    p->items.v[n - 1].kind != PK_INDENT && has_content(p)) {
		push_glue(p, p->pending_space);
		p->items.v[p->items.n - 1].level = p->pending_level;
	}
	p->pending_space = -1;
}

static int is_letter_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

static int span_may_hyph(const para *p, const span *s)
{
	return p->c->st->hyphenate && !s->st.nohyph && !s->st.url &&
	       !s->st.verbatim && p->c->hyph != NULL;
}

/* Hyphenation points of a chunk: brk[k] = 1 allows a break after glyph k.
 * Only the letters between leading and trailing punctuation count. */
static void chunk_hyphens(para *p, const span *s, const uint32_t *cps,
			  unsigned n, const char *bytes, size_t len,
			  unsigned char *brk)
{
	memset(brk, 0, n);
	if (!span_may_hyph(p, s))
		return;
	unsigned a = 0, b = n;
	while (a < n && !is_letter_cp(cps[a]))
		a++;
	while (b > a && !is_letter_cp(cps[b - 1]))
		b--;
	if (hyph_lang_elides(s->st.lang)) /* l'homme: only "homme" (hyph_lang.h) */
		a = hyph_elision_start(cps, a, b, is_letter_cp);
	if (b - a < 5 || b - a > MAX_HYPH_WORD)
		return;
	for (unsigned k = a; k < b; k++)
		if (!is_letter_cp(cps[k]))
			return;
	/* byte range of letters a..b */
	size_t off = 0, ba = 0, bb = len;
	for (unsigned k = 0; k < n; k++) {
		uint32_t cp;
		if (k == a)
			ba = off;
		if (k == b)
			bb = off;
		off += utf8_decode(bytes + off, len - off, &cp);
	}
	if (b == n)
		bb = len;
	unsigned char wb[MAX_HYPH_WORD + 1];
	hyph_word(p->c->hyph, s->st.lang, bytes + ba, bb - ba, wb);
	for (unsigned k = a; k + 1 < b; k++)
		brk[k] = wb[k - a];
}

/* What a word needs for setting, whatever paragraph it is in: its code
 * points, the face that shows each, their advances at the size (kerning
 * included) and its hyphenation points.  Cached per style and word for
 * the run when the context has a cache (words repeat: in the sample
 * reader four in five chunks are repeats). */
typedef struct word_info {
	unsigned n;
	uint32_t *cp;
	int *face;
	fx *adv;
	unsigned char *brk;   /* brk[k]: a hyphen may follow code point k */
	unsigned *off;        /* byte offset of code point k; off[n] = len */
	fx total;
	fx hyphen;            /* width of a hyphen in the first face */
	int hyphenated;       /* brk and hyphen are known */
	int missing;          /* a code point no face has, or Thai (reported:
				 the paragraph is set again on the main
				 thread, whose diagnostics are kept) */
	/* A word shaped whole (shaped_whole): the arrays are per glyph, not
	 * per code point (off[k]: where glyph k's text starts), cp holds
	 * glyph ids, and these are the marks' offsets (NULL: none). */
	fx *dx, *dy;
} word_info;

/* Scripts HarfBuzz must shape a word of whole, as the font's tables
 * say, rather than a glyph per code point: Hebrew to N'Ko, the Indic
 * scripts, Thai, Lao, Tibetan, Myanmar, Khmer, and the Hebrew and Arabic
 * presentation forms. */
static int shaped_whole(uint32_t c)
{
	if (c < 0x0590)
		return 0;
	return (c >= 0x0590 && c <= 0x0FFF) || (c >= 0x1000 && c <= 0x109F) ||
	       (c >= 0x1780 && c <= 0x17FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
	       (c >= 0xFE70 && c <= 0xFEFF);
}

/* Thai has no spaces between words, and folio does not yet find its word
 * boundaries (libthai or ICU's dictionary break iterator would): said
 * once per run. */
static void warn_thai(lay_ctx *c, const folio_node *where)
{
	if (hash_get(c->warned, "thai"))
		return;
	hash_put(c->warned, "thai", (void *)1);
	if (c->quiet)
		return;
	folio_report(c->diag, FOLIO_WARNING,
		     where ? where->loc : (folio_loc){ c->doc->path, 0, 0 },
		     "Thai text is shaped but not broken between words: it breaks "
		     "only at spaces (and, wider than the line, between characters)");
}

/* Glyph j of a run shaped whole, as a lay_glyph code. */
static uint32_t whole_glyph(const lay_shaped *sh, unsigned j)
{
	return sh->gid ? LAY_GID(sh->gid[j]) : sh->cp[j];
}

/* w's arrays remade per glyph: each run of one face shaped whole in the
 * word's direction (rtl), glyphs in logical order. */
static void word_shape_whole(para *p, const span *s, const char *bytes,
			     size_t len, word_info *w, int rtl, folio_arena *a)
{
	lay_ctx *c = p->c;
	const lay_shaped *runs[64];
	unsigned nrun = 0, ng = 0;
	unsigned starts[65];
	for (unsigned k = 0; k < w->n && nrun < 64;) {
		unsigned e = k + 1;
		while (e < w->n && w->face[e] == w->face[k])
			e++;
		if (nrun == 63)
			e = w->n; /* a word of 64 faces: the rest in the last */
		runs[nrun] = fonts_shape_run(c->fonts, w->face[k], bytes + w->off[k],
					     w->off[e] - w->off[k], rtl);
		starts[nrun++] = k;
		ng += runs[nrun - 1]->n;
		k = e;
	}
	starts[nrun] = w->n;
	int *faces = arena_alloc(a, (ng + 1) * sizeof(int));
	uint32_t *cps = arena_alloc(a, (ng + 1) * sizeof(uint32_t));
	fx *adv = arena_alloc(a, (ng + 1) * sizeof(fx));
	unsigned *off = arena_alloc(a, (ng + 1) * sizeof(unsigned));
	fx *dx = arena_alloc(a, (ng + 1) * sizeof(fx));
	fx *dy = arena_alloc(a, (ng + 1) * sizeof(fx));
	unsigned g = 0;
	w->total = 0;
	for (unsigned r = 0; r < nrun; r++) {
		const lay_shaped *sh = runs[r];
		unsigned base = w->off[starts[r]];
		for (unsigned j = 0; j < sh->n; j++, g++) {
			faces[g] = w->face[starts[r]];
			cps[g] = whole_glyph(sh, j);
			adv[g] = fonts_scale(sh->adv[j], sh->upem, s->st.size);
			off[g] = base + (sh->cluster ? sh->cluster[j] : 0);
			if (sh->dx) {
				dx[g] = fonts_scale(sh->dx[j], sh->upem, s->st.size);
				dy[g] = fonts_scale(sh->dy[j], sh->upem, s->st.size);
			}
			w->total += adv[g];
		}
	}
	off[ng] = (unsigned)len;
	w->n = ng;
	w->face = faces;
	w->cp = cps;
	w->adv = adv;
	w->off = off;
	w->dx = dx;
	w->dy = dy;
	w->brk = arena_alloc(a, ng + 1);
	w->hyphenated = 1; /* these scripts are not hyphenated */
	for (size_t k = 0; k + 2 < len; k++)
		if ((unsigned char)bytes[k] == 0xE0 && ((unsigned char)bytes[k + 1] == 0xB8 ||
							(unsigned char)bytes[k + 1] == 0xB9)) {
			warn_thai(c, s->src);
			w->missing = 1;
			break;
		}
}

static word_info *word_compute(para *p, const span *s, const char *bytes,
			       size_t len, folio_arena *a)
{
	lay_ctx *c = p->c;
	unsigned n = (unsigned)utf8_length(bytes, len);
	word_info *w = arena_alloc(a, sizeof(*w));
	w->n = n;
	w->cp = arena_alloc(a, (n + 1) * sizeof(uint32_t));
	w->face = arena_alloc(a, (n + 1) * sizeof(int));
	w->adv = arena_alloc(a, (n + 1) * sizeof(fx));
	w->brk = arena_alloc(a, n + 1);
	w->off = arena_alloc(a, (n + 1) * sizeof(unsigned));
	size_t off = 0;
	int whole = p->level & 1;
	for (unsigned k = 0; k < n; k++) {
		w->off[k] = (unsigned)off;
		off += utf8_decode(bytes + off, len - off, &w->cp[k]);
		whole |= shaped_whole(w->cp[k]);
		int f = fonts_cover(c->fonts, s->st.face, w->cp[k]);
		if (f < 0) {
			ctx_missing_glyph(c, w->cp[k], s->src);
			w->missing = 1;
			f = s->st.face;
		}
		w->face[k] = f;
	}
	w->off[n] = (unsigned)len;
	w->hyphen = -1;
	/* A word that needs a fallback face for some letters is set wholly
	 * in it when it can be (polytonic Greek: Charis has the plain
	 * letters, DejaVu the accented ones; one face reads evenly). */
	int other = -1;
	for (unsigned k = 0; k < n && other < 0; k++)
		if (w->face[k] != s->st.face)
			other = w->face[k];
	if (other >= 0) {
		unsigned k = 0;
		while (k < n && fonts_has_glyph(c->fonts, other, w->cp[k]))
			k++;
		if (k == n)
			for (k = 0; k < n; k++)
				w->face[k] = other;
	}
	if (whole) {
		word_shape_whole(p, s, bytes, len, w, p->level & 1, a);
		return w;
	}
	/* Shape each run of one face; keep advances per glyph. */
	for (unsigned k = 0; k < n;) {
		unsigned e = k + 1;
		while (e < n && w->face[e] == w->face[k])
			e++;
		const lay_shaped *sh = fonts_shape(c->fonts, w->face[k],
						   bytes + w->off[k],
						   w->off[e] - w->off[k]);
		for (unsigned g = 0; g < e - k; g++) {
			if (g < sh->n)
				w->cp[k + g] = sh->cp[g];
			w->adv[k + g] = fonts_scale(g < sh->n ? sh->adv[g] : 0,
						    sh->upem, s->st.size);
			w->total += w->adv[k + g];
		}
		k = e;
	}
	return w;
}

static word_info *word_lookup(para *p, const span *s, const char *bytes,
			      size_t len);

/* The word's hyphenation points, the first time a paragraph asks. */
static void word_hyphenate(para *p, const span *s, const char *bytes,
			   size_t len, word_info *w)
{
	if (w->hyphenated)
		return;
	w->hyphenated = 1;
	chunk_hyphens(p, s, w->cp, w->n, bytes, len, w->brk);
	for (unsigned k = 0; k + 1 < w->n; k++)
		if (w->brk[k]) {
			w->hyphen = fonts_advance(p->c->fonts, w->face[0], '-',
						  s->st.size);
			break;
		}
}

static const word_info *word_get(para *p, const span *s, const char *bytes,
				 size_t len)
{
	word_info *w = word_lookup(p, s, bytes, len);
	word_hyphenate(p, s, bytes, len, w);
	return w;
}

static word_info *word_lookup(para *p, const span *s, const char *bytes,
			      size_t len)
{
	struct para_cache *pc = p->c->para_cache;
	if (pc == NULL)
		return word_compute(p, s, bytes, len, p->c->arena);
	memo_key *k = &pc->wkey;
	key_clear(k);
	key_int(k, s->st.face);
	key_int(k, s->st.size);
	key_int(k, s->st.nohyph | s->st.url << 1 | s->st.verbatim << 2 |
		   (p->level & 1) << 3);
	size_t ll = s->st.lang ? strlen(s->st.lang) : 0;
	key_int(k, (int64_t)ll);
	key_bytes(k, s->st.lang ? s->st.lang : "", ll);
	key_bytes(k, bytes, len);
	uint64_t h;
	word_info *w = memo_get_hashed(pc->words, k->b, k->len, &h);
	if (w)
		return w;
	w = word_compute(p, s, bytes, len, memo_arena(pc->words));
	memo_put_hashed(pc->words, k->b, k->len, h, w);
	return w;
}

/* How wide a chunk may be before it must break inside: the measure; in
 * code half of it, since a wrapped line goes on further in. */
static fx overwide_from(const para *p, const span *s)
{
	return s->st.verbatim ? p->min_width / 2 : p->min_width;
}

/* A word wider than its measure: the hyphenation points of each run of
 * letters in it under the relaxed rules (hyph_word_relaxed), whatever
 * the style says about hyphenating, added to brk.  Returns how many. */
static int relaxed_hyphens(para *p, const span *s, const word_info *w,
			   const char *bytes, unsigned char *brk)
{
	if (p->c->hyph == NULL)
		return 0;
	int found = 0;
	unsigned n = w->n;
	for (unsigned a = 0; a < n;) {
		uint32_t cp;
		utf8_decode(bytes + w->off[a], w->off[a + 1] - w->off[a], &cp);
		if (!is_letter_cp(cp)) {
			a++;
			continue;
		}
		unsigned b = a + 1;
		while (b < n) {
			utf8_decode(bytes + w->off[b], w->off[b + 1] - w->off[b], &cp);
			if (!is_letter_cp(cp))
				break;
			b++;
		}
		unsigned char wb[MAX_HYPH_WORD + 1];
		if (b - a <= MAX_HYPH_WORD &&
		    hyph_word_relaxed(p->c->hyph, s->st.lang, bytes + w->off[a],
				      w->off[b] - w->off[a], wb) > 0)
			for (unsigned k = a; k + 1 < b; k++)
				if (wb[k - a] && !brk[k]) {
					brk[k] = 1;
					found++;
				}
		a = b;
	}
	return found;
}

/* Text boxes of a chunk that breaks inside: a URL (url) at the copy
 * editor's points, a chunk wider than the measure at its hyphenation
 * points and, failing those, anywhere: in code without a mark (the
 * wrapped line shows the continuation mark), in text under a visible
 * hyphen (FORCED_CUT, reported if used). */
static void emit_cut_chunk(para *p, int si, size_t start, size_t end,
			   const word_info *w, size_t gbase, int url)
{
	const span *s = &p->spans.v[si];
	lay_ctx *c = p->c;
	unsigned n = w->n;
	int overwide = w->total > overwide_from(p, s);
	int verbatim = s->st.verbatim;
	unsigned char *before = NULL;
	if (url || (overwide && verbatim)) {
		before = xmalloc(end - start + 1);
		breaks_url_points(p->text.s + start, end - start, before);
	}
	/* cut[k]: a break after k at a hyphenation or URL point; then the
	 * pieces between them still wider than the measure may be cut
	 * anywhere (wide[k]) */
	unsigned char *cut = xcalloc(n + 1, 3);
	unsigned char *wide = cut + n + 1;
	unsigned char *hyph = wide + n + 1;
	if (!url) {
		memcpy(hyph, w->brk, n);
		if (overwide && !verbatim)
			relaxed_hyphens(p, s, w, p->text.s + start, hyph);
	}
	for (unsigned k = 0; k + 1 < n; k++)
		cut[k] = hyph[k] || (before && before[w->off[k + 1]]);
	if (overwide) {
		fx piece = 0;
		unsigned from = 0;
		for (unsigned k = 0; k < n; k++) {
			piece += w->adv[k];
			if (k + 1 < n && !cut[k])
				continue;
			if (piece > overwide_from(p, s))
				for (unsigned j = from; j < k; j++)
					wide[j] = !cut[j];
			piece = 0;
			from = k + 1;
		}
	}
	unsigned k0 = 0;
	for (unsigned k = 0; k < n; k++) {
		int last = k + 1 == n;
		int cut_face = !last && w->face[k + 1] != w->face[k];
		int cut_hyph = !last && hyph[k];
		int cut_url = !last && !cut_hyph && cut[k];
		int cut_any = !last && wide[k];
		if (!(last || cut_face || cut_hyph || cut_url || cut_any))
			continue;
		pitem it = { 0 };
		it.kind = PK_TEXT;
		it.span = si;
		it.face = w->face[k0];
		it.g0 = (unsigned)(gbase + k0);
		it.ng = k - k0 + 1;
		it.src_off = s->src_off + (start - s->start) + w->off[k0];
		it.len = w->off[k + 1] - w->off[k0];
		it.whole = w->dx != NULL;
		it.lb.type = LB_BOX;
		for (unsigned g = k0; g <= k; g++)
			it.lb.width += w->adv[g];
		push_item(p, it);
		k0 = k + 1;
		if (cut_hyph) {
			/* not flagged: a word that needs a line after line
			 * is not held to the limit on hyphens in a row */
			fx hw = fonts_advance(c->fonts, w->face[k], '-', s->st.size);
			push_penalty(p, si, HYPHEN_PENALTY, 0, hw, w->face[k], '-');
			p->items.v[p->items.n - 1].forced = FORCED_HYPH;
		} else if (cut_url) {
			push_penalty(p, si, verbatim ? URL_CODE_PENALTY : URL_PENALTY,
				     0, 0, 0, 0);
		} else if (cut_any && verbatim) {
			push_penalty(p, si, 1000, 0, 0, 0, 0);
		} else if (cut_any && url) {
			/* no hyphen: it would read as part of the address */
			push_penalty(p, si, FORCED_PENALTY, 0, 0, 0, 0);
			p->items.v[p->items.n - 1].forced = FORCED_URL_CUT;
		} else if (cut_any) {
			fx hw = fonts_advance(c->fonts, w->face[k], '-', s->st.size);
			push_penalty(p, si, FORCED_PENALTY, 0, hw, w->face[k], '-');
			p->items.v[p->items.n - 1].forced = FORCED_CUT;
		}
	}
	free(cut);
	free(before);
}

/* The marks' offsets of a word shaped whole, whose glyphs begin at
 * gbase: p->offsets is filled with zeros up to there. */
static void keep_offsets(para *p, const word_info *w, size_t gbase)
{
	VEC_GROW(p->offsets, gbase + w->n - p->offsets.n);
	while (p->offsets.n < gbase)
		p->offsets.v[p->offsets.n++] = (glyph_offset){ 0, 0 };
	for (unsigned k = 0; k < w->n; k++)
		p->offsets.v[p->offsets.n++] = (glyph_offset){ w->dx[k], w->dy[k] };
}

/* Text boxes for text[start, end) of span si (a word or a piece of one),
 * with hyphenation penalties, in the faces that cover its characters. */
static void emit_chunk(para *p, int si, size_t start, size_t end)
{
	if (end <= start)
		return;
	flush_space(p);
	if (p->levels)
		p->level = p->levels[start];
	const span *s = &p->spans.v[si];
	lay_ctx *c = p->c;
	const word_info *w = word_get(p, s, p->text.s + start, end - start);
	p->tainted |= w->missing;
	const unsigned char *brk = w->brk;
	unsigned n = w->n;
	size_t gbase = p->glyphs.n;
	VEC_GROW(p->glyphs, n);
	for (unsigned k = 0; k < n; k++) {
		pglyph pg = { w->cp[k], w->adv[k] };
		p->glyphs.v[p->glyphs.n++] = pg;
	}
	if (w->dx)
		keep_offsets(p, w, gbase);
	/* A URL breaks where a copy editor breaks it; a chunk wider than
	 * the measure at its hyphenation points, then (code) where a URL
	 * would, and as a last resort between any two characters. */
	int url = p->urlrun != NULL && p->urlrun[start];
	int overwide = w->total > overwide_from(p, s);
	if (!overwide && !url) {
		/* the common case: cut only where the face changes or a
		 * hyphen may go */
		unsigned k0 = 0;
		for (unsigned k = 0; k < n; k++) {
			int last = k + 1 == n;
			int cut = !last && brk && brk[k];
			if (!last && !cut && w->face[k + 1] == w->face[k])
				continue;
			pitem it = { 0 };
			it.kind = PK_TEXT;
			it.span = si;
			it.face = w->face[k0];
			it.g0 = (unsigned)(gbase + k0);
			it.ng = k - k0 + 1;
			it.src_off = s->src_off + (start - s->start) + w->off[k0];
			it.len = w->off[k + 1] - w->off[k0];
			it.whole = w->dx != NULL;
			it.lb.type = LB_BOX;
			for (unsigned g = k0; g <= k; g++)
				it.lb.width += w->adv[g];
			push_item(p, it);
			k0 = k + 1;
			if (cut) {
				/* the hyphen of the face at k (one face in nearly
				 * every word) */
				fx hw = w->face[k] == w->face[0] && w->hyphen >= 0
						? w->hyphen
						: fonts_advance(c->fonts, w->face[k], '-', s->st.size);
				push_penalty(p, si, HYPHEN_PENALTY, 1, hw, w->face[k], '-');
			}
		}
		return;
	}
	emit_cut_chunk(p, si, start, end, w, gbase, url);
}

static int span_at(const para *p, size_t pos, int hint)
{
	int i = hint < 0 ? 0 : hint;
	while ((size_t)i < p->spans.n && p->spans.v[i].end <= pos)
		i++;
	return i;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Bidi controls (ALM, LRM, RLM, LRE ... RLO, LRI ... PDI): they act
 * through bidi.c and show nothing; no face need have them. */
static int is_bidi_control(uint32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static int is_nbsp(uint32_t c)
{
	return c == 0xA0 || c == 0x202F || c == 0x2007;
}

static void emit_marks_at(para *p, size_t pos, size_t *next_mark)
{
	while (*next_mark < p->marks.n && p->marks.v[*next_mark].pos <= pos) {
		pitem it = { 0 };
		it.kind = PK_MARK;
		it.mark = (int)*next_mark;
		it.lb.type = LB_BOX;
		push_item(p, it);
		(*next_mark)++;
	}
}

static int break_penalty_after(uint32_t c)
{
	if (c == '-' || c == 0x2010)
		return EXHYPHEN_PENALTY;
	if (c == 0x2013 || c == 0x2014)
		return EXHYPHEN_PENALTY;
	if (c == '/')
		return 100;
	return 0;
}

/* Expands a verbatim tab to the next multiple of 8 columns. */
static void verbatim_space(para *p, int si, unsigned count, size_t pos)
{
	const span *s = &p->spans.v[si];
	fx w = space_width(p, s);
	for (unsigned i = 0; i < count; i++) {
		pglyph g = { ' ', w };
		VEC_PUSH(p->glyphs, g);
		pitem it = { 0 };
		it.kind = PK_TEXT;
		it.span = si;
		it.face = s->st.face;
		it.g0 = (unsigned)p->glyphs.n - 1;
		it.ng = 1;
		it.src_off = s->src_off + (pos - s->start);
		it.lb.type = LB_BOX;
		it.lb.width = w;
		push_item(p, it);
	}
}

/* UAX #14 break opportunities of text[0, len) into brks (libunibreak's
 * codes per byte).  Only the opportunities inside a run of non-space
 * characters are used (every space is a break anyway), and within such a
 * run the rules look no further than the run itself: a space before it
 * and the start of the text, a space after it and the end of the text
 * give the same answers.  So the runs are looked up one by one, and
 * cached per language and run for the whole layout. */
static void find_breaks(para *p, const char *t, size_t len, const char *lang,
			char *brks)
{
	struct para_cache *pc = p->c->para_cache;
	if (pc == NULL || p->has_boxes) {
		set_linebreaks_utf8((const utf8_t *)t, len, lang, brks);
		kinsoku_tailor(t, len, lang, brks);
		return;
	}
	size_t ll = lang ? strlen(lang) : 0;
	size_t i = 0;
	while (i < len) {
		if (is_space((unsigned char)t[i])) {
			brks[i++] = LINEBREAK_ALLOWBREAK;
			continue;
		}
		size_t e = i + 1;
		while (e < len && !is_space((unsigned char)t[e]))
			e++;
		if (breaks_plain_run(t + i, e - i, brks + i)) {
			i = e;
			continue;
		}
		memo_key *k = &pc->bkey;
		key_clear(k);
		key_int(k, (int64_t)ll);
		key_bytes(k, lang ? lang : "", ll);
		key_bytes(k, t + i, e - i);
		char *b = memo_get(pc->breaks, k->b, k->len);
		if (b == NULL) {
			b = arena_alloc(memo_arena(pc->breaks), e - i);
			set_linebreaks_utf8((const utf8_t *)(t + i), e - i, lang, b);
			kinsoku_tailor(t + i, e - i, lang, b);
			memo_put(pc->breaks, k->b, k->len, b);
		}
		memcpy(brks + i, b, e - i);
		i = e;
	}
}

/* Runs that read as URLs (or are in a URL's span) break where a copy
 * editor breaks them (emit_chunk), not where UAX #14 does: their UAX #14
 * opportunities are taken away, and urlrun marks their bytes.  Verbatim
 * text keeps its own rules (spaces, then inside a long run): its runs
 * are whole chunks, so that emit_chunk sees how wide a run is. */
static void mark_url_runs(para *p, const char *t, size_t len, char *brks)
{
	int si = 0;
	size_t i = 0;
	while (i < len) {
		if (is_space((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t e = i + 1;
		while (e < len && !is_space((unsigned char)t[e]))
			e++;
		si = span_at(p, i, si);
		int url = 0, verbatim = 0;
		for (int k = si; (size_t)k < p->spans.n && p->spans.v[k].start < e; k++) {
			url |= p->spans.v[k].st.url;
			verbatim |= p->spans.v[k].st.verbatim;
		}
		if (verbatim) {
			memset(brks + i, LINEBREAK_NOBREAK, e - i - 1);
		} else if (url || breaks_url_like(t + i, e - i)) {
			if (p->urlrun == NULL)
				p->urlrun = xcalloc(len + 1, 1);
			memset(p->urlrun + i, 1, e - i);
			memset(brks + i, LINEBREAK_NOBREAK, e - i - 1);
		}
		i = e;
	}
}

/* Words tied by no-break spaces into a group wider than the measure may
 * break at the ties after all: the group is cut rather than run past the
 * text block. */
static void relax_ties(para *p)
{
	size_t group = 0;
	fx width = 0;
	for (size_t j = 0; j <= p->items.n; j++) {
		const pitem *it = j < p->items.n ? &p->items.v[j] : NULL;
		int tied_glue = it && it->kind == PK_GLUE && j > 0 &&
				p->items.v[j - 1].tie;
		int ends = it == NULL ||
			   (it->kind == PK_GLUE && !tied_glue) ||
			   (it->kind == PK_PEN && !it->tie && it->lb.penalty < LB_INF);
		if (!ends) {
			if (it->kind != PK_PEN)
				width += it->lb.width;
			continue;
		}
		if (width > p->min_width)
			for (size_t k = group; k < j; k++)
				if (p->items.v[k].tie)
					p->items.v[k].lb.penalty = TIE_PENALTY;
		group = j + 1;
		width = 0;
	}
}

/* The paragraph's embedding levels (bidi.h), or NULL when it is left to
 * right with nothing in it that could turn: one scan of the text. */
static unsigned char *para_levels(const para *p, const para_shape *shape)
{
	int dirs = 0;
	for (size_t i = 0; i < p->spans.n && !dirs; i++)
		dirs = p->spans.v[i].st.dir_node != NULL;
	if (!shape->rtl && !dirs && !bidi_needed(p->text.s, p->text.len))
		return NULL;
	bidi_piece *pieces = xmalloc((p->spans.n + 1) * sizeof *pieces);
	for (size_t i = 0; i < p->spans.n; i++)
		pieces[i] = (bidi_piece){ p->spans.v[i].start, p->spans.v[i].end,
					  p->spans.v[i].st.dir_node };
	unsigned char *lv = bidi_levels(p->text.s, p->text.len, shape->rtl != 0,
					pieces, p->spans.n);
	free(pieces);
	return lv;
}

static void build_items(para *p, const para_shape *shape)
{
	const char *t = p->text.s;
	size_t len = p->text.len;
	p->levels = para_levels(p, shape);
	p->level = shape->rtl != 0;
	p->pending_level = p->level;
	char *brks = xmalloc(len + 1);
	const char *lang = p->spans.n ? p->spans.v[0].st.lang : NULL;
	find_breaks(p, t, len, lang, brks);
	/* a box is glued to the text beside it: a line breaks at a space */
	for (size_t b = 0; p->has_boxes && b < p->spans.n; b++)
		if (p->spans.v[b].box) {
			if (p->spans.v[b].start > 0)
				brks[p->spans.v[b].start - 1] = LINEBREAK_NOBREAK;
			brks[p->spans.v[b].end - 1] = LINEBREAK_NOBREAK;
		}
	p->urlrun = NULL;
	p->ties = 0;
	mark_url_runs(p, t, len, brks);
	p->pending_space = -1;
	if (shape->indent > 0) {
		pitem it = { 0 };
		it.kind = PK_INDENT;
		it.lb.type = LB_BOX;
		it.lb.width = shape->indent;
		push_item(p, it);
	}
	size_t next_mark = 0;
	int si = 0;
	size_t chunk = (size_t)-1;   /* start of the open chunk */
	int chunk_span = -1;
	unsigned column = 0;         /* verbatim column, for tabs */
	uint32_t prev = 0;
	size_t i = 0;
	while (i < len) {
		if (chunk != (size_t)-1 && i > 0 && p->levels == NULL) {
			/* Inside a word, a printable ASCII character that no
			 * break, mark or span end stops only moves on: step
			 * over the run of them at once. */
			const span *cs = &p->spans.v[chunk_span];
			size_t lim = cs->end < len ? cs->end : len;
			if (next_mark < p->marks.n && p->marks.v[next_mark].pos < lim)
				lim = p->marks.v[next_mark].pos;
			size_t j = i;
			if (!cs->st.verbatim && !cs->newline)
				while (j < lim && (unsigned char)t[j] > ' ' &&
				       (unsigned char)t[j] < 0x7F &&
				       brks[j - 1] != LINEBREAK_ALLOWBREAK)
					j++;
			if (j > i) {
				prev = (unsigned char)t[j - 1];
				i = j;
				continue;
			}
		}
		si = span_at(p, i, si);
		const span *s = &p->spans.v[si];
		if (s->box) {
			if (chunk != (size_t)-1)
				emit_chunk(p, chunk_span, chunk, i);
			chunk = (size_t)-1;
			emit_marks_at(p, i, &next_mark);
			flush_space(p);
			pitem it = { 0 };
			it.kind = PK_BOX;
			it.span = si;
			it.lb.type = LB_BOX;
			it.lb.width = s->box->w;
			push_item(p, it);
			prev = 0xFFFC;
			i = s->end;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(t + i, len - i, &cp);
		int marks_here = next_mark < p->marks.n &&
				 p->marks.v[next_mark].pos <= i;
		int allow = i > 0 && (brks[i - 1] == LINEBREAK_ALLOWBREAK);
		int boundary = chunk != (size_t)-1 &&
			       (si != chunk_span || marks_here ||
				is_space(cp) || is_nbsp(cp) || allow ||
				cp == 0xAD || cp == 0x200B ||
				(p->levels && (p->levels[i] != p->levels[chunk] ||
					       is_bidi_control(cp))));
		if (boundary) {
			emit_chunk(p, chunk_span, chunk, i);
			chunk = (size_t)-1;
			if (allow && !is_space(cp) && !is_nbsp(cp) &&
			    !s->newline && !p->spans.v[chunk_span].st.verbatim) {
				int pen = break_penalty_after(prev);
				if (pen == 0 && kinsoku_spreads(prev, cp))
					push_interchar_glue(p, chunk_span);
				else
					push_penalty(p, chunk_span, pen,
						     prev == '-' || prev == 0x2010,
						     0, 0, 0);
			}
		}
		/* a mark where a word begins goes with that word, after the
		 * space before it: a term's anchor (its locator's page) is
		 * where the term is, not at the end of the line before */
		if (marks_here && p->pending_space >= 0 && !is_space(cp))
			flush_space(p);
		if (p->levels)
			p->level = p->levels[i];
		emit_marks_at(p, i, &next_mark);
		if (s->newline || (s->st.verbatim && cp == '\n')) {
			p->pending_space = -1;
			pitem fil = { 0 };
			fil.kind = PK_FIL;
			fil.lb.type = LB_GLUE;
			fil.lb.fil = 1;
			push_item(p, fil);
			push_penalty(p, si, -LB_INF, 0, 0, 0, 0);
			column = 0;
		} else if (s->st.verbatim && (cp == ' ' || cp == '\t')) {
			unsigned count = cp == '\t' ? 8 - column % 8 : 1;
			verbatim_space(p, si, count, i);
			column += count;
			/* a long code line may wrap after a space */
			if (i + k < len && t[i + k] != ' ' && t[i + k] != '\n')
				push_penalty(p, si, 500, 0, 0, 0, 0);
		} else if (is_space(cp)) {
			if (p->pending_space < 0) {
				p->pending_space = si;
				p->pending_level = p->level;
			}
		} else if (is_nbsp(cp)) {
			flush_space(p);
			push_penalty(p, si, LB_INF, 0, 0, 0, 0);
			p->items.v[p->items.n - 1].tie = 1;
			p->ties = 1;
			push_glue(p, si);
			if (cp == 0x202F)
				p->items.v[p->items.n - 1].lb.width /= 2;
		} else if (cp == 0xAD) {
			fx hw = fonts_advance(p->c->fonts, s->st.face, '-', s->st.size);
			push_penalty(p, si, HYPHEN_PENALTY, 1, hw, s->st.face, '-');
		} else if (cp == 0x200B) {
			push_penalty(p, si, 0, 0, 0, 0, 0);
		} else if (p->levels && is_bidi_control(cp)) {
			/* nothing to show, and no break here */
		} else if (chunk == (size_t)-1) {
			chunk = i;
			chunk_span = si;
		}
		if (!is_space(cp))
			prev = cp;
		if (s->st.verbatim && cp != ' ' && cp != '\t' && cp != '\n')
			column++;
		i += k;
	}
	if (chunk != (size_t)-1)
		emit_chunk(p, chunk_span, chunk, len);
	emit_marks_at(p, len, &next_mark);
	free(brks);
	free(p->urlrun);
	p->urlrun = NULL;
	p->bidi = p->levels != NULL;
	free(p->levels);
	p->levels = NULL;
	p->level = shape->rtl != 0;
	if (p->ties)
		relax_ties(p);

	/* No hyphen in the paragraph's last word. */
	size_t last_glue = 0;
	for (size_t j = 0; j < p->items.n; j++)
		if (p->items.v[j].kind == PK_GLUE ||
		    (p->items.v[j].kind == PK_PEN && p->items.v[j].lb.penalty <= -LB_INF))
			last_glue = j;
	for (size_t j = last_glue; j < p->items.n; j++) {
		pitem *it = &p->items.v[j];
		if (it->kind == PK_PEN && it->lb.flagged && !it->forced)
			it->lb.penalty = LB_INF;
	}
	/* The paragraph's end: penalty, parfillskip, forced break. */
	while (p->items.n && p->items.v[p->items.n - 1].kind == PK_GLUE)
		p->items.n--;
	push_penalty(p, 0, LB_INF, 0, 0, 0, 0);
	pitem fil = { 0 };
	fil.kind = PK_FIL;
	fil.lb.type = LB_GLUE;
	fil.lb.fil = 1;
	push_item(p, fil);
	push_penalty(p, 0, -LB_INF, 1, 0, 0, 0);
}

/* ---- placing lines ---- */

typedef struct line_builder {
	lay_ctx *c;
	folio_arena *a;         /* where the lines go */
	VEC(lay_item) items;
	VEC(lay_glyph) glyphs;  /* glyphs of the open run */
	VEC(line_mark) marks;
	int run_face;
	fx run_size, run_rise, run_x;
	int run_hscale;         /* 0 or the line's scale (expand.h) */
	int open;
	/* Marks raised off the baseline in the open run (dys[k]: glyph k's
	 * shift up), kept only once one is. */
	VEC(fx) dys;
	int any_dy;
	/* A line with bidirectional text: each item's key is the index of
	 * the paragraph item it shows, so the line's items go out in
	 * logical order (the order of reading) whatever their places. */
	int bidi;
	unsigned key;
	VEC(unsigned) keys;
	const char *actual;  /* the open run's /ActualText, or NULL */
	VEC(unsigned) order; /* display order of the line's paragraph items */
	/* what the structure says of the run: its first span's */
	const para_style *st;   /* the span being placed */
	const folio_node *run_block;
	unsigned char run_tag;
	/* link area in progress */
	const folio_node *lk_node;
	const char *lk_uri;
	fx lk_x0, lk_x1, lk_top, lk_bot;
	fx box_h, box_d;        /* the tallest box on the line (para_box) */
	/* underline in progress: from x0 to x1, for type of size */
	int ul_open;
	fx ul_x0, ul_x1, ul_size;
} line_builder;

static void close_run(line_builder *b)
{
	if (!b->open)
		return;
	lay_item it = { 0 };
	it.kind = LI_TEXT;
	it.face = b->run_face;
	it.size = b->run_size;
	it.x = b->run_x;
	it.y = -b->run_rise;
	it.hscale = b->run_hscale;
	it.node = b->run_block;
	it.tag = b->run_tag;
	it.n = (unsigned)b->glyphs.n;
	if (!b->c->no_glyphs) {
		it.g = arena_alloc(b->c->glyph_arena ? b->c->glyph_arena : b->a,
				   it.n * sizeof(lay_glyph));
		for (unsigned i = 0; i < it.n; i++) {
			it.g[i] = b->glyphs.v[i];
			it.g[i].x -= b->run_x;
		}
	}
	it.actual = b->actual;
	b->actual = NULL;
	if (b->any_dy) {
		fx *dy = arena_alloc(b->c->glyph_arena ? b->c->glyph_arena : b->a,
				     it.n * sizeof(fx));
		memcpy(dy, b->dys.v, b->dys.n * sizeof(fx));
		it.dy = dy;
		b->dys.n = 0;
		b->any_dy = 0;
	}
	VEC_PUSH(b->items, it);
	if (b->bidi)
		VEC_PUSH(b->keys, b->key);
	b->glyphs.n = 0;
	b->open = 0;
}

/* The run glyphs in face, size, rise and scale go in, from x on. */
static void run_for(line_builder *b, int face, fx size, fx rise, int hscale,
		    fx x)
{
	if (b->open && (face != b->run_face || size != b->run_size ||
			rise != b->run_rise || hscale != b->run_hscale))
		close_run(b);
	if (!b->open) {
		b->open = 1;
		b->run_face = face;
		b->run_size = size;
		b->run_rise = rise;
		b->run_hscale = hscale;
		b->run_x = x;
		b->run_block = b->st ? b->st->block : NULL;
		b->run_tag = b->st ? b->st->tag : LT_CONTENT;
	}
}

static void add_glyph(line_builder *b, int face, fx size, fx rise,
		      int hscale, uint32_t cp, fx x)
{
	run_for(b, face, size, rise, hscale, x);
	if (b->c->no_glyphs) {
		b->glyphs.n++; /* counted, not kept */
		return;
	}
	lay_glyph g = { cp, x };
	VEC_PUSH(b->glyphs, g);
}

static void close_link(line_builder *b)
{
	if (b->lk_node == NULL && b->lk_uri == NULL)
		return;
	if (b->lk_x1 > b->lk_x0) {
		lay_item it = { 0 };
		it.kind = LI_LINK;
		it.x = b->lk_x0;
		it.y = b->lk_top;
		it.w = b->lk_x1 - b->lk_x0;
		it.h = b->lk_bot - b->lk_top;
		it.node = b->lk_node;
		it.uri = b->lk_uri;
		VEC_PUSH(b->items, it);
		if (b->bidi)
			VEC_PUSH(b->keys, b->key);
	}
	b->lk_node = NULL;
	b->lk_uri = NULL;
}

static void track_link(line_builder *b, const para_style *st, fx x0, fx x1)
{
	if (st->link != b->lk_node || st->uri != b->lk_uri ||
	    (st->uri && b->lk_uri && strcmp(st->uri, b->lk_uri) != 0))
		close_link(b);
	if (st->link == NULL && st->uri == NULL)
		return;
	if (b->lk_node == NULL && b->lk_uri == NULL) {
		b->lk_node = st->link;
		b->lk_uri = st->uri;
		b->lk_x0 = x0;
		b->lk_top = -(st->size * 85 / 100) - st->rise;
		b->lk_bot = st->size / 4 - st->rise;
	}
	b->lk_x1 = x1;
}

/* An underline is a rule under the baseline, a twentieth of the type
 * size thick, as the PDF's own fonts would place it. */
static void close_underline(line_builder *b)
{
	if (!b->ul_open)
		return;
	b->ul_open = 0;
	if (b->ul_x1 <= b->ul_x0)
		return;
	lay_item it = { 0 };
	it.kind = LI_RULE;
	it.x = b->ul_x0;
	it.y = b->ul_size * 12 / 100;
	it.w = b->ul_x1 - b->ul_x0;
	it.h = b->ul_size / 20;
	VEC_PUSH(b->items, it);
}

static void track_underline(line_builder *b, const para_style *st, fx x0, fx x1)
{
	if (!st->underline || (b->ul_open && st->size != b->ul_size)) {
		close_underline(b);
		if (!st->underline)
			return;
	}
	if (!b->ul_open) {
		b->ul_open = 1;
		b->ul_x0 = x0;
		b->ul_size = st->size;
	}
	b->ul_x1 = x1;
}

/* The continuation mark of a wrapped code line, in the space the wrap
 * indent leaves before its text (x). */
static void add_continuation(para *p, line_builder *b, const lb_line *l, fx x)
{
	const span *s = NULL;
	for (unsigned i = l->start; i < l->end && s == NULL; i++)
		if (p->items.v[i].kind == PK_TEXT)
			s = &p->spans.v[p->items.v[i].span];
	if (s == NULL)
		return;
	uint32_t cp = CONTINUATION_MARK;
	int face = fonts_cover(b->c->fonts, s->st.face, cp);
	if (face < 0) {
		cp = '>';
		face = s->st.face;
	}
	fx adv = fonts_advance(b->c->fonts, face, cp, s->st.size);
	para_style mark = s->st;
	mark.tag = LT_ARTIFACT;
	b->st = &mark;
	add_glyph(b, face, s->st.size, s->st.rise, 0, cp, x - adv - s->st.size / 4);
	close_run(b);
	b->st = NULL;
}

/* A glyph at x, raised by dy (a mark), in the open run of face. */
static void add_raised(line_builder *b, int face, fx size, fx rise,
		       uint32_t cp, fx x, fx dy)
{
	add_glyph(b, face, size, rise, 0, cp, x);
	if (b->c->no_glyphs || (dy == 0 && !b->any_dy))
		return;
	VEC_GROW(b->dys, b->glyphs.n - b->dys.n);
	while (b->dys.n + 1 < b->glyphs.n)
		b->dys.v[b->dys.n++] = 0;
	b->dys.v[b->dys.n++] = dy;
	b->any_dy = 1;
}

/* A text item of a word shaped whole or of a line with bidirectional
 * text, from x: a run of its own, its glyphs in display order (a
 * right-to-left item's reversed: they are kept in logical order), marks
 * at their offsets, and its text in logical order as the run's
 * /ActualText when its glyphs do not read back as it.  Returns the pen
 * after it. */
static fx place_own_run(para *p, line_builder *b, const pitem *e, fx x)
{
	const span *s = &p->spans.v[e->span];
	close_run(b);
	int rtl = e->level & 1;
	if ((rtl || e->whole) && !b->c->no_glyphs) {
		size_t pos = s->start + (e->src_off - s->src_off);
		b->actual = arena_strndup(b->c->glyph_arena ? b->c->glyph_arena : b->a,
					  p->text.s + pos, e->len);
	}
	for (unsigned j = 0; j < e->ng; j++) {
		unsigned g = e->g0 + (rtl ? e->ng - 1 - j : j);
		const pglyph *pg = &p->glyphs.v[g];
		glyph_offset o = g < p->offsets.n ? p->offsets.v[g] : (glyph_offset){ 0, 0 };
		add_raised(b, e->face, s->st.size, s->st.rise, pg->cp, x + o.dx, o.dy);
		x += pg->adv;
	}
	close_run(b);
	return x;
}

/* The display order of line l's items (bidi_order over their levels),
 * in b->order: entry k is the index of the item shown k-th. */
static const unsigned *line_order(para *p, const lb_line *l, line_builder *b)
{
	unsigned n = l->end - l->start;
	unsigned char *lv = xmalloc(n + 1);
	for (unsigned k = 0; k < n; k++)
		lv[k] = p->items.v[l->start + k].level;
	b->order.n = 0;
	VEC_GROW(b->order, n);
	bidi_order(lv, n, b->order.v);
	for (unsigned k = 0; k < n; k++)
		b->order.v[k] += l->start;
	b->order.n = n;
	free(lv);
	return b->order.v;
}

/* The line's items back in logical order (their keys), for a line whose
 * items were made in display order. */
static void items_in_logical_order(line_builder *b)
{
	for (size_t i = 1; i < b->items.n; i++) {
		lay_item it = b->items.v[i];
		unsigned key = b->keys.v[i];
		size_t j = i;
		for (; j > 0 && b->keys.v[j - 1] > key; j--) {
			b->items.v[j] = b->items.v[j - 1];
			b->keys.v[j] = b->keys.v[j - 1];
		}
		b->items.v[j] = it;
		b->keys.v[j] = key;
	}
}

/* A glyph run that font expansion may scale: its box has the
 * flexibility build_and_break gave it. */
static int expandable(const pitem *e)
{
	return e->lb.stretch > 0;
}

/* Font expansion of a justified line: its glyphs' scale (*scale, 0 when
 * they keep their widths) and the ratio its glue is set at after them.
 * The breaker let the glyphs take the whole difference up to their limit
 * (linebreak.h); here the scale is rounded to the style's step and the
 * glue takes what the rounding leaves. */
static double line_expansion(const para *p, const lb_line *l, int *scale)
{
	const pitem *it = p->items.v;
	int64_t wide = 0, stretch = 0, shrink = 0;
	fx excess = l->target - l->natural;
	int fil = 0;
	*scale = 0;
	for (unsigned i = l->start; i < l->end; i++) {
		const pitem *e = &it[i];
		if (e->kind == PK_FIL) {
			if (excess >= 0)
				return l->ratio; /* a last line: natural width */
			fil = 1;   /* too long: it may narrow, never widen */
		}
		if (e->kind == PK_TEXT && expandable(e))
			wide += e->lb.width;
		else if (e->kind == PK_GLUE) {
			stretch += e->lb.stretch;
			shrink += e->lb.shrink;
		}
	}
	const pitem *brk = &it[l->end];
	if (brk->kind == PK_PEN && brk->lb.width > 0 && brk->hyphen &&
	    !p->spans.v[brk->span].st.verbatim && wide > 0)
		wide += brk->lb.width; /* the hyphen is scaled with the line */
	if (wide == 0 || excess == 0)
		return l->ratio;
	const lay_style *st = p->c->st;
	int sc = expand_scale(excess, (fx)wide, st->expansion, st->expansion_step);
	int64_t left = excess - (expand_width(wide, sc) - wide);
	/* a step too wide for what the glue can give back: one step less,
	 * so the line never ends past the measure */
	int step = st->expansion_step > 0 ? st->expansion_step : 1;
	while (left < -shrink && sc - step >= EXPAND_UNIT - st->expansion) {
		sc -= step;
		left = excess - (expand_width(wide, sc) - wide);
	}
	if (sc != EXPAND_UNIT)
		*scale = sc;
	if (left > 0)
		return stretch > 0 && !fil ? (double)left / (double)stretch : 0;
	if (left < 0)
		return shrink > 0 ? (double)left / (double)shrink : 0;
	return 0;
}

/* A box's items at x on the baseline; the line grows to hold it. */
static void place_box(line_builder *b, const para_box *box, fx x)
{
	VEC_GROW(b->items, box->nitems);
	for (unsigned i = 0; i < box->nitems; i++) {
		lay_item it = box->items[i];
		it.x += x;
		b->items.v[b->items.n++] = it;
		if (b->bidi) /* kept with its place in reading order */
			VEC_PUSH(b->keys, b->key);
	}
	if (box->h > b->box_h)
		b->box_h = box->h;
	if (box->d > b->box_d)
		b->box_d = box->d;
}

static lay_line make_line(para *p, const para_shape *shape, const lb_line *l,
			  int first, int last, fx wrap, line_builder *b)
{
	lay_line out = { 0 };
	const pitem *it = p->items.v;
	double r = l->ratio;
	int justify = shape->align == ALIGN_JUSTIFY;
	int scale = 0; /* the glyphs' scale, 0: unscaled */
	if (justify && p->c->st->expansion > 0)
		r = line_expansion(p, l, &scale);
	if (!justify && r > 0)
		r = 0; /* ragged: spaces stay natural */
	if (r < -1)
		r = -1;
	/* right to left, the hang is on the right: lines start at 0 */
	fx x = (first || shape->rtl ? 0 : shape->hang) + wrap;
	if (!shape->rtl && it[l->start].lb.type == LB_BOX)
		x -= it[l->start].lb.hang; /* protrusion into the left margin */
	b->items.n = 0;
	b->marks.n = 0;
	b->open = 0;
	b->lk_node = NULL;
	b->lk_uri = NULL;
	b->bidi = p->bidi;
	b->keys.n = 0;
	b->box_h = b->box_d = 0;
	b->st = NULL;
	int have_src = 0;
	if (wrap > 0)
		add_continuation(p, b, l, x);
	const unsigned *order = p->bidi ? line_order(p, l, b) : NULL;
	for (unsigned i = l->start; order && i < l->end && !have_src; i++)
		if (it[i].kind == PK_TEXT && p->spans.v[it[i].span].src) {
			out.src = p->spans.v[it[i].span].src;
			out.src_off = it[i].src_off;
			have_src = 1; /* the page map wants the first in reading */
		}
	int64_t flex = 0;   /* stretch (or shrink) of the glue so far */
	fx given = 0;       /* what it has been given */
	for (unsigned j = l->start; j < l->end; j++) {
		unsigned i = order ? order[j - l->start] : j;
		const pitem *e = &it[i];
		b->key = i;
		switch (e->kind) {
		case PK_INDENT:
			x += e->lb.width;
			break;
		case PK_TEXT: {
			const span *s = &p->spans.v[e->span];
			if (!have_src && s->src) {
				out.src = s->src;
				out.src_off = e->src_off;
				have_src = 1;
			}
			fx x0 = x;
			b->st = &s->st;
			const pglyph *pg = &p->glyphs.v[e->g0];
			int sc = scale && expandable(e) ? scale : 0;
			if ((e->level & 1) || e->whole) {
				x = place_own_run(p, b, e, x);
			} else if (sc) {
				/* scaled from the run's start, so that rounding
				 * does not add up along the word */
				if (e->ng)
					run_for(b, e->face, s->st.size, s->st.rise, sc, x);
				int64_t nat = 0;
				VEC_GROW(b->glyphs, e->ng);
				lay_glyph *out_g = b->glyphs.v + b->glyphs.n;
				for (unsigned g = 0; g < e->ng; g++) {
					if (!b->c->no_glyphs)
						out_g[g] = (lay_glyph){ pg[g].cp,
									x0 + expand_width(nat, sc) };
					nat += pg[g].adv;
				}
				x = x0 + expand_width(nat, sc);
				b->glyphs.n += e->ng;
			} else if (b->c->no_glyphs) {
				if (e->ng)
					run_for(b, e->face, s->st.size, s->st.rise, 0, x);
				for (unsigned g = 0; g < e->ng; g++)
					x += pg[g].adv;
				b->glyphs.n += e->ng;
			} else {
				if (e->ng)
					run_for(b, e->face, s->st.size, s->st.rise, 0, x);
				VEC_GROW(b->glyphs, e->ng);
				lay_glyph *out_g = b->glyphs.v + b->glyphs.n;
				for (unsigned g = 0; g < e->ng; g++) {
					out_g[g] = (lay_glyph){ pg[g].cp, x };
					x += pg[g].adv;
				}
				b->glyphs.n += e->ng;
			}
			track_link(b, &s->st, x0, x);
			track_underline(b, &s->st, x0, x);
			break;
		}
		case PK_GLUE: {
			/* round the running total, not each space, so the line
			 * ends exactly at the measure */
			fx w = e->lb.width;
			if (r > 0)
				flex += e->lb.stretch;
			else if (r < 0)
				flex += e->lb.shrink;
			fx added = (fx)(r * (double)flex + (r > 0 ? 0.5 : -0.5));
			if (r != 0)
				w += added - given;
			given = r != 0 ? added : given;
			const span *s = &p->spans.v[e->span];
			b->st = &s->st;
			/* A real space glyph, so text extraction sees words
			 * (none between CJK characters: no word ends there). */
			if (!e->inter_char)
				add_glyph(b, b->open ? b->run_face : e->face,
					  b->open ? b->run_size : s->st.size,
					  b->open ? b->run_rise : 0,
					  b->open ? b->run_hscale : 0, ' ', x);
			x += w;
			break;
		}
		case PK_BOX: {
			const span *s = &p->spans.v[e->span];
			if (!have_src && s->src) {
				out.src = s->src;
				out.src_off = 0;
				have_src = 1;
			}
			close_run(b);
			place_box(b, s->box, x);
			x += e->lb.width;
			break;
		}
		case PK_MARK: {
			const pmark *m = &p->marks.v[e->mark];
			line_mark lm = { m->kind, m->node, x };
			VEC_PUSH(b->marks, lm);
			break;
		}
		default:
			break;
		}
	}
	const pitem *brk = &it[l->end];
	if (brk->kind == PK_PEN && (brk->lb.flagged || brk->forced) &&
	    brk->lb.width > 0 && brk->hyphen) {
		const span *s = &p->spans.v[brk->span];
		b->st = &s->st;
		int sc = scale && !s->st.verbatim ? scale : 0;
		add_glyph(b, brk->face, s->st.size, s->st.rise, sc, brk->hyphen, x);
		x += sc ? expand_width(brk->lb.width, sc) : brk->lb.width;
		out.hyphenated = 1;
		close_run(b);
		b->items.v[b->items.n - 1].tag |= LT_BROKEN;
	}
	close_run(b);
	close_link(b);
	close_underline(b);
	if (order)
		items_in_logical_order(b);
	/* Trailing spaces carry no width. */
	out.width = x;
	fx shift = 0;
	fx avail = l->target + (first || shape->rtl ? 0 : shape->hang);
	if (shape->align == ALIGN_CENTER && (!last || shape->last_centered ||
					     1))
		shift = (avail - x) / 2;
	else if (shape->align == ALIGN_RIGHT || shape->rtl)
		shift = avail - x; /* right to left: from the right edge */
	if (shape->align == ALIGN_CENTER)
		shift += (first ? 0 : -shape->hang / 2);
	if (shift < 0)
		shift = 0;
	out.nitems = (unsigned)b->items.n;
	out.items = arena_alloc(b->a, (out.nitems + b->marks.n) *
						     sizeof(lay_item));
	for (unsigned i = 0; i < out.nitems; i++) {
		out.items[i] = b->items.v[i];
		out.items[i].x += shift;
	}
	out.nmarks = (unsigned)b->marks.n;
	out.marks = arena_alloc(b->a, out.nmarks * sizeof(line_mark));
	for (unsigned i = 0; i < out.nmarks; i++) {
		out.marks[i] = b->marks.v[i];
		out.marks[i].x += shift;
		if (out.marks[i].kind == MARK_ANCHOR) {
			lay_item d = { 0 };
			d.kind = LI_DEST;
			d.x = out.marks[i].x;
			d.node = out.marks[i].node;
			out.items[out.nitems++] = d;
		}
	}
	fx d = shape->leading * 27 / 100;
	out.d = d;
	out.h = shape->leading - d;
	/* a formula taller than the line's share keeps a gap of a tenth of
	 * the leading from the lines around */
	if (b->box_h + shape->leading / 10 > out.h)
		out.h = b->box_h + shape->leading / 10;
	if (b->box_d + shape->leading / 10 > out.d)
		out.d = b->box_d + shape->leading / 10;
	for (unsigned i = 0; i < out.nitems; i++)
		if (out.items[i].kind == LI_DEST)
			out.items[i].y = -out.h;
	(void)last;
	return out;
}

/* Ragged right: spaces keep their width, hyphens cost more. */
static void make_ragged(para *p)
{
	for (size_t j = 0; j < p->items.n; j++) {
		pitem *it = &p->items.v[j];
		if (it->kind == PK_GLUE) {
			it->lb.stretch = 0;
			it->lb.shrink = 0;
		}
		if (it->kind == PK_PEN && it->lb.flagged && !it->forced &&
		    it->lb.penalty > 0 && it->lb.penalty < LB_INF)
			it->lb.penalty = 200;
	}
}

/* Code: a line the breaker cuts goes on under its own indentation (its
 * leading spaces) plus the shape's wrap indent. */
static void set_wraps(para *p, fx wrap_indent)
{
	fx lead = 0;
	int at_start = 1;
	for (size_t j = 0; j < p->items.n; j++) {
		pitem *it = &p->items.v[j];
		if (it->kind == PK_PEN && it->lb.penalty <= -LB_INF) {
			lead = 0;
			at_start = 1;
			continue;
		}
		if (at_start && it->kind == PK_TEXT) {
			int spaces = 1;
			for (unsigned g = 0; g < it->ng && spaces; g++)
				spaces = p->glyphs.v[it->g0 + g].cp == ' ';
			if (spaces)
				lead += it->lb.width;
			else
				at_start = 0;
		}
		it->lb.wrap = lead + wrap_indent;
	}
}

static int para_verbatim(const para *p)
{
	return p->spans.n > 0 && p->spans.v[0].st.verbatim;
}

/* How far in a line the breaker cut goes on: the shape's wrap indent,
 * and for verbatim text in the text face (literallayout) two ems. */
static fx wrap_indent_of(const para *p, const para_shape *shape)
{
	if (shape->wrap_indent > 0 || !para_verbatim(p))
		return shape->wrap_indent;
	return 2 * p->spans.v[0].st.size;
}

/* Where a source position is: the text node's start, moved on by the
 * lines and characters before off (entities count as written out). */
static folio_loc loc_at(const lay_ctx *c, const folio_node *n, size_t off)
{
	if (n == NULL)
		return (folio_loc){ c->doc->path, 0, 0 };
	folio_loc loc = n->loc;
	if (n->kind != FOLIO_NODE_TEXT || n->text == NULL)
		return loc;
	for (size_t i = 0; i < off && i < n->len; i++) {
		unsigned char ch = (unsigned char)n->text[i];
		if (ch == '\n') {
			loc.line++;
			loc.col = 1;
		} else if ((ch & 0xC0) != 0x80) {
			loc.col++;
		}
	}
	return loc;
}

/* Says what the breaker had to do: a word cut without a hyphenation
 * point (each once), a code line wrapped (once per listing). */
static void report_breaks(para *p, const lb_result *res)
{
	lay_ctx *c = p->c;
	int wrapped = 0;
	const pitem *last_cut = NULL, *last_word = NULL;
	for (unsigned i = 0; i + 1 < res->nlines; i++) {
		const pitem *e = &p->items.v[res->lines[i].end];
		if (e->kind == PK_PEN && e->lb.penalty <= -LB_INF)
			continue;
		if (para_verbatim(p))
			wrapped = 1;
		if (!(e->kind == PK_PEN &&
		      (e->forced == FORCED_CUT || e->forced == FORCED_URL_CUT)))
			continue;
		p->tainted = 1; /* never shared: the main flow reports it */
		const span *s = &p->spans.v[e->span];
		/* once per word: at its first piece (found going back, no
		 * further than the last cut's word: a word of 100 kB has
		 * hundreds of cuts) */
		const pitem *box = e;
		while (box > p->items.v && (box[-1].kind == PK_TEXT ||
					    (box[-1].kind == PK_PEN && box[-1].forced))) {
			if (box - 1 == last_cut) {
				box = last_word;
				break;
			}
			box--;
		}
		last_cut = e;
		last_word = box;
		size_t off = box->kind == PK_TEXT ? box->src_off : s->src_off;
		char key[64];
		snprintf(key, sizeof key, "brk:%u:%zu", s->src ? s->src->serial : 0, off);
		if (c->quiet || hash_get(c->warned, key))
			continue;
		hash_put(c->warned, arena_strdup(c->run_arena, key), (void *)1);
		folio_report_strict(c->diag, loc_at(c, s->src, off),
				    "a word wider than its measure (%.1f pt) is broken "
				    "without a hyphenation point%s",
				    (double)p->min_width / FX_PT,
				    e->forced == FORCED_CUT ? ", under a hyphen"
							    : " (an address: no hyphen added)");
	}
	if (!wrapped)
		return;
	p->tainted = 1;
	const span *s = &p->spans.v[0];
	char key[64];
	snprintf(key, sizeof key, "wrap:%u:%zu", s->src ? s->src->serial : 0, s->src_off);
	if (c->quiet || hash_get(c->warned, key))
		return;
	hash_put(c->warned, arena_strdup(c->run_arena, key), (void *)1);
	folio_report(c->diag, FOLIO_WARNING, loc_at(c, s->src, s->src_off),
		     "a line of this listing is wider than the measure (%.1f pt): "
		     "it goes on in the next line, further in, after a continuation mark",
		     (double)p->min_width / FX_PT);
}

/* Whether glyphs of face protrude (protrude_family), asked once a face. */
static int face_hangs(para *p, int face)
{
	if (face < 0)
		return 0;
	while (p->hangs.n <= (size_t)face)
		VEC_PUSH(p->hangs, (signed char)-1);
	if (p->hangs.v[face] < 0)
		p->hangs.v[face] = (signed char)protrude_family(fonts_family(p->c->fonts, face));
	return p->hangs.v[face];
}

/* How far glyph k of a text item hangs out: right (its last glyph ends a
 * line) or left (its first begins one), from protrude.c's table. */
static inline fx glyph_hang(para *p, const pitem *e, unsigned k, int right)
{
	const pglyph *g = &p->glyphs.v[e->g0 + k];
	int share = right ? protrude_right(g->cp) : protrude_left(g->cp);
	if (share == 0 || !face_hangs(p, e->face))
		return 0;
	return (fx)((int64_t)g->adv * share / 1000);
}

/* The hyphen a line broken at pen shows: how far it hangs out. */
static fx hyphen_hang(para *p, const pitem *pen)
{
	int share = protrude_right(pen->hyphen);
	if (share == 0 || !face_hangs(p, pen->face))
		return 0;
	return (fx)((int64_t)pen->lb.width * share / 1000);
}

/* Microtypography of a justified paragraph, in one pass over its items
 * (code, in its own spans, keeps its widths and columns):
 *  - font expansion (expand): text may widen or narrow by the style's
 *    limit, and hyphens become dearer (HYPHEN_PENALTY_EXPANDED);
 *  - protrusion (protrude): every place a line may end learns how far
 *    its last character would hang out right, every text that may begin
 *    a line (after a break) how far its first would hang out left. */
static void give_microtypography(para *p, int expand, int protrude)
{
	int limit = p->c->st->expansion;
	const pitem *last_text = NULL; /* the text just before, past marks */
	int after_break = 1;           /* a line may begin at the next text */
	for (size_t j = 0; j < p->items.n; j++) {
		pitem *it = &p->items.v[j];
		switch (it->kind) {
		case PK_TEXT:
			if (p->spans.v[it->span].st.verbatim || it->ng == 0) {
				last_text = NULL;
				after_break = 0;
				break;
			}
			/* a word shaped whole or set right to left is placed as
			 * its own run (place_own_run), at its natural width; CJK
			 * text is square and spreads between its characters
			 * instead (kinsoku.h) */
			if (expand && !(it->level & 1) && !it->whole &&
			    !kinsoku_spreads(p->glyphs.v[it->g0].cp, 0))
				it->lb.stretch = it->lb.shrink = expand_flex(it->lb.width, limit);
			if (protrude && after_break)
				it->lb.hang = glyph_hang(p, it, 0, 0);
			last_text = it;
			after_break = 0;
			break;
		case PK_MARK:
			break;
		case PK_PEN:
			if (expand && it->lb.flagged && !it->forced) {
				/* a hyphen added (width) or after one written */
				if (it->lb.width > 0 && it->lb.penalty == HYPHEN_PENALTY)
					it->lb.penalty = HYPHEN_PENALTY_EXPANDED;
				else if (it->lb.width == 0 && it->lb.penalty == EXHYPHEN_PENALTY)
					it->lb.penalty = EXHYPHEN_PENALTY_EXPANDED;
			}
			if (protrude) {
				if ((it->lb.flagged || it->forced) && it->hyphen &&
				    it->lb.width > 0) /* the hyphen shown */
					it->lb.hang = p->spans.v[it->span].st.verbatim
						      ? 0 : hyphen_hang(p, it);
				else if (last_text) /* after the text before it */
					it->lb.hang = glyph_hang(p, last_text,
								 last_text->ng - 1, 1);
			}
			after_break = 1;
			break;
		case PK_GLUE:
			if (protrude && last_text)
				it->lb.hang = glyph_hang(p, last_text, last_text->ng - 1, 1);
			last_text = NULL;
			after_break = 1;
			break;
		default:
			last_text = NULL;
			after_break = it->kind != PK_INDENT;
			break;
		}
	}
}

/* Builds the items and breaks them. */
static void build_and_break(para *p, const para_shape *shape,
			    const lb_params *lp, lb_result *res)
{
	p->items.n = 0;
	p->glyphs.n = 0;
	p->offsets.n = 0;
	build_items(p, shape);
	if (shape->align != ALIGN_JUSTIFY)
		make_ragged(p);
	else if (p->c->st->expansion > 0 || p->c->st->protrusion)
		give_microtypography(p, p->c->st->expansion > 0, p->c->st->protrusion);
	fx wrap_indent = wrap_indent_of(p, shape);
	if (wrap_indent > 0)
		set_wraps(p, wrap_indent);
	p->lbi.n = 0;
	VEC_GROW(p->lbi, p->items.n + 1);
	lb_item *lbi = p->lbi.v;
	for (size_t j = 0; j < p->items.n; j++)
		lbi[j] = p->items.v[j].lb;
	lb_break(lbi, (unsigned)p->items.n, lp, res);
	report_breaks(p, res);
}

static lay_line *set_lines(para *p, const para_shape *shape, unsigned *nlines,
			   folio_arena *a)
{
	fx width = shape->width > 10 * FX_PT ? shape->width : 10 * FX_PT;
	p->min_width = width - (shape->hang > 0 ? shape->hang : 0) -
		       shape->indent;

	lb_params lp;
	fx size = p->spans.n ? p->spans.v[0].st.size : 10 * FX_PT;
	lb_defaults(&lp, width, size);
	const lay_style *st = p->c->st;
	int expanded = shape->align == ALIGN_JUSTIFY && st->expansion > 0;
	lp.tolerance = st->tolerance != STYLE_AUTO ? st->tolerance
		       : expanded ? TOLERANCE_EXPANDED : 200;
	lp.pretolerance = st->pretolerance != STYLE_AUTO ? st->pretolerance
			  : expanded ? PRETOLERANCE_EXPANDED : 100;
	lp.looseness = p->c->st->looseness;
	fx first_w = width;
	if (shape->hang > 0) {
		lp.first_widths = &first_w;
		lp.nfirst = 1;
		lp.width = width - shape->hang;
	}
	if (shape->align != ALIGN_JUSTIFY)
		lp.ragged_stretch = size * 3;
	/* Hyphenation points go in from the start: breaking without them
	 * first and adding them only when TeX's first pass fails gives the
	 * same lines but costs more (the failing paragraphs are the long
	 * ones, built twice) than the per-word hyphenation cache saves. */
	lb_result res;
	build_and_break(p, shape, &lp, &res);

	line_builder b = { 0 };
	b.c = p->c;
	b.a = a;
	lay_line *lines = arena_alloc(a,
				      (res.nlines + 1) * sizeof(lay_line));
	unsigned n = 0;
	for (unsigned i = 0; i < res.nlines; i++) {
		/* a line the breaker cut, not one the text ended */
		fx wrap = 0;
		if (i > 0) {
			const pitem *prev = &p->items.v[res.lines[i - 1].end];
			if (!(prev->lb.type == LB_PENALTY && prev->lb.penalty <= -LB_INF))
				wrap = prev->lb.wrap;
		}
		lay_line ln = make_line(p, shape, &res.lines[i], i == 0,
					i + 1 == res.nlines, wrap, &b);
		/* A line that holds only marks (an anchor after the last
		 * word, alone after a forced break) still carries them. */
		lines[n++] = ln;
	}
	VEC_FREE(b.items);
	VEC_FREE(b.glyphs);
	VEC_FREE(b.marks);
	VEC_FREE(b.dys);
	VEC_FREE(b.keys);
	VEC_FREE(b.order);
	lb_result_free(&res);
	*nlines = n;
	return lines;
}

/* The cache key of the open paragraph at a shape: everything set_lines
 * reads (the style and fonts are the run's). */
static void para_key(const para *p, const para_shape *sh, memo_key *k)
{
	key_clear(k);
	key_int(k, sh->width);
	key_int(k, sh->indent);
	key_int(k, sh->hang);
	key_int(k, sh->leading);
	key_int(k, sh->align | sh->hyphenate << 4 | sh->last_centered << 5 |
		   (sh->rtl != 0) << 6);
	key_int(k, (int64_t)p->spans.n);
	for (size_t i = 0; i < p->spans.n; i++) {
		const span *sp = &p->spans.v[i];
		const para_style *st = &sp->st;
		key_int(k, (int64_t)sp->start);
		key_int(k, (int64_t)sp->end);
		key_int(k, st->face);
		key_int(k, st->size);
		key_int(k, st->rise);
		key_ptr(k, st->link);
		key_ptr(k, sp->src);
		key_int(k, (int64_t)sp->src_off);
		key_int(k, st->verbatim | st->url << 1 | st->nohyph << 2 |
			   sp->newline << 3 | (st->dir_node != NULL) << 4 | st->underline << 5 |
			   st->tag << 6);
		if (st->dir_node)
			key_ptr(k, st->dir_node);
		key_ptr(k, st->block);
		size_t ul = st->uri ? strlen(st->uri) : 0;
		size_t ll = st->lang ? strlen(st->lang) : 0;
		key_int(k, (int64_t)(ul << 8 | ll));
		key_bytes(k, st->uri ? st->uri : "", ul);
		key_bytes(k, st->lang ? st->lang : "", ll);
	}
	key_int(k, (int64_t)p->marks.n);
	for (size_t i = 0; i < p->marks.n; i++) {
		key_int(k, (int64_t)p->marks.v[i].pos);
		key_int(k, p->marks.v[i].kind);
		key_ptr(k, p->marks.v[i].node);
	}
	key_bytes(k, p->text.s ? p->text.s : "", p->text.len);
}

lay_line *para_set(para *p, const para_shape *shape, unsigned *nlines)
{
	*nlines = 0;
	if (p->spans.n == 0 && p->marks.n == 0) {
		para_clear(p);
		return NULL;
	}
	struct para_cache *pc = p->c->para_cache;
	if (pc == NULL) {
		lay_line *l = set_lines(p, shape, nlines, p->c->arena);
		para_clear(p);
		return l;
	}
	/* Later layout passes set the same paragraphs again: the lines of
	 * an earlier pass are reused (callers may change the line structs,
	 * never the items they point to, so each gets its own array). */
	para_key(p, shape, &pc->key);
	lay_ctx *c = p->c;
	uint64_t h;
	set_para *sp = memo_get_hashed(pc->paras, pc->key.b, pc->key.len, &h);
	if (sp == NULL && c->share && !c->share_writes) {
		sp = share_get(c->share, &pc->key);
		if (sp)
			memo_put_hashed(pc->paras, pc->key.b, pc->key.len, h, sp);
	}
	if (sp == NULL) {
		pc->misses++;
		unsigned loads = c->hyph ? hyph_loads(c->hyph) : 0;
		p->tainted = 0;
		sp = arena_alloc(memo_arena(pc->paras), sizeof(*sp));
		sp->lines = set_lines(p, shape, &sp->n, memo_arena(pc->paras));
		memo_put_hashed(pc->paras, pc->key.b, pc->key.len, h, sp);
		if (c->share && c->share_writes && !p->tainted &&
		    (c->hyph ? hyph_loads(c->hyph) : 0) == loads)
			share_put(c->share, &pc->key, sp);
	} else {
		pc->hits++;
	}
	para_clear(p);
	*nlines = sp->n;
	if (sp->n == 0)
		return NULL;
	lay_line *lines = arena_alloc(p->c->arena, sp->n * sizeof(lay_line));
	memcpy(lines, sp->lines, sp->n * sizeof(lay_line));
	return lines;
}

/* 1 when a shortened head may end at byte cut of text, where a line may
 * break: after a space, or beside a CJK character (Chinese and Japanese
 * have no spaces; libunibreak knows where they may break).  Not after a
 * hyphen or a dash, which libunibreak allows but a head ending in "-…"
 * would read badly. */
static int head_cut(const char *text, size_t len, size_t cut)
{
	if (text[cut - 1] == ' ')
		return 1;
	size_t start = cut - 1;
	while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80)
		start--;
	uint32_t before = 0, after = 0;
	utf8_decode(text + start, cut - start, &before);
	if (cut < len)
		utf8_decode(text + cut, len - cut, &after);
	return before >= 0x2E80 || after >= 0x2E80;
}

/* The longest start of s, cut where a line could break (after a word; in
 * Chinese or Japanese, between characters) with an ellipsis after it,
 * that fits in width; s itself when it fits; NULL when not even its first
 * word or character does: a bare ellipsis says nothing. */
const char *para_shorten(lay_ctx *c, const para_style *s, const char *text,
			 fx width)
{
	if (text == NULL)
		return NULL;
	size_t len = strlen(text);
	if (para_measure(c, s, text, len) <= width)
		return text;
	pthread_once(&linebreak_once, init_linebreak);
	char *brks = xcalloc(len + 1, 1);
	set_linebreaks_utf8((const utf8_t *)text, len, s->lang, brks);
	kinsoku_tailor(text, len, s->lang, brks);
	char *buf = arena_alloc(c->arena, len + 4);
	const char *fit = NULL;
	for (size_t cut = len; cut > 0 && fit == NULL; cut--) {
		if (brks[cut - 1] != LINEBREAK_ALLOWBREAK || !head_cut(text, len, cut))
			continue;
		size_t n = cut;
		while (n > 0 && text[n - 1] == ' ')
			n--;
		if (n == 0)
			break;
		memcpy(buf, text, n);
		memcpy(buf + n, "\u2026", 4);
		if (para_measure(c, s, buf, n + 3) <= width)
			fit = buf;
	}
	free(brks);
	return fit;
}

fx para_measure(lay_ctx *c, const para_style *s, const char *text, size_t len)
{
	fx w = 0;
	size_t off = 0;
	while (off < len) {
		/* shape runs of one covering face */
		uint32_t cp;
		size_t k = utf8_decode(text + off, len - off, &cp);
		int f = fonts_cover(c->fonts, s->face, cp);
		if (f < 0)
			f = s->face;
		size_t e = off + k;
		while (e < len) {
			uint32_t c2;
			size_t k2 = utf8_decode(text + e, len - e, &c2);
			int f2 = fonts_cover(c->fonts, s->face, c2);
			if ((f2 < 0 ? s->face : f2) != f)
				break;
			e += k2;
		}
		const lay_shaped *sh = fonts_shape(c->fonts, f, text + off, e - off);
		for (unsigned g = 0; g < sh->n; g++)
			w += fonts_scale(sh->adv[g], sh->upem, s->size);
		off = e;
	}
	return w;
}

lay_line *para_single(lay_ctx *c, const para_style *s, const char *text,
		      size_t len, fx leading)
{
	para *p = para_new(c);
	para_text(p, s, text, len, NULL, 0);
	para_shape shape = { 0 };
	shape.width = FX_INF / 4;
	shape.leading = leading;
	shape.align = ALIGN_RAGGED;
	unsigned n;
	lay_line *l = para_set(p, &shape, &n);
	para_free(p);
	if (n == 0) {
		l = arena_alloc(c->arena, sizeof(lay_line));
		l->d = leading * 27 / 100;
		l->h = leading - l->d;
	}
	return l;
}
