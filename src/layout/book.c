/*
 * book: the layout driver.  Loads the style, fonts and hyphenation; lays
 * out the front matter (title page, imprint, contents), the divisions and
 * the back matter; cuts pages; numbers them (roman front matter, arabic
 * body from 1); adds running heads and folios; collects the outline.
 * Page references (the contents, glossary and index locators) use the
 * previous pass's page numbers, so the whole is laid out again until they
 * stop changing (at most MAX_PASSES).
 */
#include "layout/layout.h"
#include "folio/folio.h"
#include "layout/ctx.h"
#include "layout/flow.h"
#include "layout/pagegeom.h"
#include "layout/linebreak.h"
#include "layout/pagebuild.h"
#include "layout/prefetch.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PASSES 5
/* The most pages a document may have.  FOLIO_MAX_PAGES in the environment
 * may lower it (tests do), never raise it. */
#define MAX_PAGES 30000

static size_t max_pages(void)
{
	const char *env = getenv("FOLIO_MAX_PAGES");
	long v = env ? strtol(env, NULL, 10) : 0;
	return v > 0 && v < MAX_PAGES ? (size_t)v : MAX_PAGES;
}

struct lay_run {
	lay_ctx c;
	lay_style style;
	lay_result result;
	folio_arena *arena;     /* the final pass's items */
	char *manifest;         /* the font manifest's path */
	VEC(top_div) divs;      /* the divisions flowed one after another */
	struct para_share *share; /* paragraphs set ahead (first pass) */
	prefetch *pf;
};

/* ---- set-up ---- */

static char *data_path(const folio_render_opts *o, const char *rel)
{
	const char *sd = o && o->styles_dir ? o->styles_dir : "styles";
	strbuf b = STRBUF_INIT;
	const char *slash = strrchr(sd, '/');
	size_t n = strlen(sd);
	while (n > 1 && sd[n - 1] == '/')
		n--;
	slash = NULL;
	for (size_t i = n; i > 0; i--)
		if (sd[i - 1] == '/') {
			slash = sd + i - 1;
			break;
		}
	if (slash)
		sb_putn(&b, sd, (size_t)(slash - sd + 1));
	sb_puts(&b, rel);
	return sb_take(&b);
}

/* A family the style names must be in the manifest: a misspelt name
 * would otherwise set the book silently in the fallback face. */
static int known_family(lay_run *r, const char *key, const char *family,
			const char *style_path)
{
	if (family[0] == '\0' || fonts_find(r->c.fonts, family, "regular") >= 0)
		return 0;
	folio_report(r->c.diag, FOLIO_FATAL, (folio_loc){ style_path, 0, 0 },
		     "%s = %s: no such font family in the font manifest %s",
		     key, family, r->manifest);
	return -1;
}

static int pick_faces(lay_ctx *c, int *faces, const char *family,
		      const char *fallback)
{
	static const char *const styles[] = { "regular", "italic", "bold", "bolditalic" };
	for (int i = 0; i < 4; i++) {
		int f = fonts_find(c->fonts, family, styles[i]);
		if (f < 0)
			f = fonts_find(c->fonts, fallback, styles[i]);
		if (f < 0) {
			folio_report(c->diag, FOLIO_FATAL, (folio_loc){ 0 },
				     "font family \"%s\" (%s) is not in the font manifest",
				     family, styles[i]);
			return -1;
		}
		if (fonts_open(c->fonts, f) < 0)
			return -1;
		faces[i] = f;
	}
	return 0;
}

/* The style (--style, else the shipped default) with the command line's
 * page over it. */
static int load_style(lay_style *st, const folio_render_opts *o,
		      folio_diag *diag, char **path_out)
{
	style_defaults(st);
	char *style = NULL;
	if (o && o->style_path)
		style = xstrdup(o->style_path);
	else
		style = data_path(o, "styles/a5-reader.style");
	int rc = style_load(st, style, diag);
	if (rc == 0 && o)
		rc = style_apply_page(st, &o->page, diag);
	/* the page as it will be set, --paper included, checked before any
	 * work is done on it */
	if (rc == 0)
		rc = pagegeom_check(st, style, diag);
	if (rc < 0 || path_out == NULL)
		free(style);
	else
		*path_out = style;
	return rc < 0 ? -1 : 0;
}

/* toc.authors and article.authors = auto: on for a reader of collected
 * articles, whose articles name authors other than the book's editors,
 * and for an article alone (its authors are the document's). */
static void resolve_author_switches(lay_style *st, folio_doc *doc)
{
	if (st->toc_authors != SWITCH_AUTO && st->article_authors != SWITCH_AUTO)
		return;
	int alone = doc->root && doc->root->kind != FOLIO_NODE_BOOK;
	int own = alone || folio_articles_have_authors(doc) ? SWITCH_ON : SWITCH_OFF;
	if (st->toc_authors == SWITCH_AUTO)
		st->toc_authors = own;
	if (st->article_authors == SWITCH_AUTO)
		st->article_authors = own;
}

static int setup(lay_run *r, folio_doc *doc, const folio_render_opts *o,
		 folio_diag *diag)
{
	lay_ctx *c = &r->c;
	c->doc = doc;
	c->diag = diag;
	c->st = &r->style;
	c->lang = folio_lang_get(doc->lang);
	c->run_arena = arena_new();
	c->warned = hash_new();
	char *style = NULL;
	if (load_style(&r->style, o, diag, &style) < 0)
		return -1;
	resolve_author_switches(&r->style, doc);
	/* first the hyphenation dictionaries, which load in threads of
	 * their own while the rest is set up */
	char *exc = data_path(o, "hyphenation");
	c->hyph = hyph_new(NULL, exc, diag);
	free(exc);
	ctx_prepare(c);
	r->manifest = data_path(o, "fonts/fonts.conf");
	c->fonts = fonts_new(diag);
	int rc = fonts_load_manifest(c->fonts, r->manifest);
	if (rc < 0) {
		free(style);
		return -1;
	}
	rc = known_family(r, "font.text", r->style.font_text, style) |
	     known_family(r, "font.heading", r->style.font_heading, style) |
	     known_family(r, "font.mono", r->style.font_mono, style);
	free(style);
	if (rc < 0)
		return -1;
	if (pick_faces(c, c->text_face, r->style.font_text, "Charis SIL") < 0 ||
	    pick_faces(c, c->head_face, r->style.font_heading, "Noto Sans") < 0 ||
	    pick_faces(c, c->mono_face, r->style.font_mono, "DejaVu Sans Mono") < 0)
		return -1;
	c->para_cache = para_cache_new();
	c->glyph_arena = arena_new();
	return 0;
}

/* ---- front matter ---- */

static const char *info_text(lay_ctx *c, const folio_node *info,
			     folio_node_kind kind)
{
	const folio_node *n = info ? folio_node_child(info, kind) : NULL;
	return n ? folio_node_text(c->doc, n) : NULL;
}

static const char *names_of(lay_ctx *c, const folio_node *info,
			    folio_node_kind kind)
{
	if (info == NULL)
		return NULL;
	strbuf b = STRBUF_INIT;
	for (const folio_node *n = info->first; n; n = n->next) {
		const folio_node *group = n->kind == FOLIO_NODE_AUTHORGROUP ? n : NULL;
		for (const folio_node *a = group ? group->first : n; a;
		     a = group ? a->next : NULL) {
			if (a->kind != kind)
				continue;
			if (b.len)
				sb_puts(&b, ", ");
			sb_puts(&b, flow_person_name(c, a));
			if (group == NULL)
				break;
		}
	}
	const char *s = b.len ? arena_strdup(c->arena, sb_str(&b)) : NULL;
	sb_free(&b);
	return s;
}

/* The first kind child of node (NULL-safe). */
static const folio_node *info_node(const folio_node *node, folio_node_kind kind)
{
	return node ? folio_node_child(node, kind) : NULL;
}

static void title_page(flow *f, lay_ctx *c, const folio_node *book)
{
	const lay_style *st = c->st;
	const folio_node *info = folio_node_child(book, FOLIO_NODE_INFO);
	flow_page_break(f, 1, 1, 2);
	fx tall = st->page_height - st->margin_top - st->margin_bottom;
	flow_box(f, NULL, 0, 0, 0, 0);
	flow_space(f, tall / 5, 0);
	const folio_node *t = folio_node_title(book);
	if (t)
		flow_title(f, t, c->head_face[FS_BOLD], st->book_title_size,
			   st->book_title_size * 6 / 5, ALIGN_CENTER, book);
	const folio_node *sub = folio_node_info_child(book, FOLIO_NODE_SUBTITLE);
	if (sub) {
		flow_space(f, 12 * FX_PT, 0);
		flow_title(f, sub, c->head_face[FS_REGULAR], st->h[0].size,
			   st->h[0].leading, ALIGN_CENTER, NULL);
	}
	const char *editors = names_of(c, info, FOLIO_NODE_EDITOR);
	const char *authors = names_of(c, info, FOLIO_NODE_AUTHOR);
	flow_space(f, tall / 6, 0);
	/* each line is the text of the info node it comes from (the PDF's
	 * structure: a P each) */
	flow_tag(f, info_node(info, FOLIO_NODE_AUTHOR), LT_CONTENT);
	if (authors)
		flow_plain(f, authors, c->text_face[FS_REGULAR], st->h[1].size,
			   st->h[1].leading, ALIGN_CENTER);
	if (editors) {
		flow_tag(f, info_node(info, FOLIO_NODE_EDITOR), LT_CONTENT);
		flow_plain(f, c->lang->edited_by, c->text_face[FS_ITALIC],
			   st->size_text, st->leading, ALIGN_CENTER);
		flow_plain(f, editors, c->text_face[FS_REGULAR], st->h[1].size,
			   st->h[1].leading, ALIGN_CENTER);
	}
	/* affiliations of editors and authors */
	for (const folio_node *n = info ? info->first : NULL; n; n = n->next) {
		if (n->kind != FOLIO_NODE_EDITOR && n->kind != FOLIO_NODE_AUTHOR)
			continue;
		const folio_node *aff = folio_node_child(n, FOLIO_NODE_AFFILIATION);
		flow_tag(f, aff, LT_CONTENT);
		if (aff)
			flow_plain(f, folio_node_text(c->doc, aff),
				   c->text_face[FS_ITALIC], st->size_small,
				   st->leading_small, ALIGN_CENTER);
	}
	const folio_node *pub = info ? folio_node_child(info, FOLIO_NODE_PUBLISHER) : NULL;
	flow_space(f, tall / 5, 0);
	if (pub) {
		const char *name = info_text(c, pub, FOLIO_NODE_PUBLISHERNAME);
		const folio_node *addr = folio_node_child(pub, FOLIO_NODE_ADDRESS);
		flow_tag(f, info_node(pub, FOLIO_NODE_PUBLISHERNAME), LT_CONTENT);
		if (name)
			flow_plain(f, name, c->head_face[FS_BOLD], st->size_text,
				   st->leading, ALIGN_CENTER);
		flow_tag(f, addr, LT_CONTENT);
		if (addr)
			flow_plain(f, folio_node_text(c->doc, addr),
				   c->head_face[FS_REGULAR], st->size_small,
				   st->leading_small, ALIGN_CENTER);
	}
	const char *year = info_text(c, info, FOLIO_NODE_PUBDATE);
	flow_tag(f, info_node(info, FOLIO_NODE_PUBDATE), LT_CONTENT);
	if (year)
		flow_plain(f, year, c->head_face[FS_REGULAR], st->size_small,
			   st->leading_small, ALIGN_CENTER);
	flow_tag(f, NULL, LT_CONTENT);
}

static void imprint_page(flow *f, lay_ctx *c, const folio_node *book)
{
	const lay_style *st = c->st;
	const folio_node *info = folio_node_child(book, FOLIO_NODE_INFO);
	flow_page_break(f, 0, 0, 2);
	flow_box(f, NULL, 0, 0, 0, 0);
	const folio_node *abs = info ? folio_node_child(info, FOLIO_NODE_ABSTRACT) : NULL;
	if (abs)
		flow_blocks(f, abs);
	flow_space(f, 24 * FX_PT, 0);
	fx sz = st->size_small, ld = st->leading_small;
	int rf = c->text_face[FS_REGULAR];
	const char *title = folio_node_title(book)
				    ? folio_node_text(c->doc, folio_node_title(book)) : NULL;
	if (title)
		flow_plain(f, title, c->text_face[FS_BOLD], sz, ld, ALIGN_RAGGED);
	const folio_node *cr = info ? folio_node_child(info, FOLIO_NODE_COPYRIGHT) : NULL;
	if (cr) {
		strbuf b = STRBUF_INIT;
		sb_puts(&b, "\u00a9 ");
		for (const folio_node *y = cr->first; y; y = y->next)
			if (y->kind == FOLIO_NODE_YEAR) {
				sb_puts(&b, folio_node_text(c->doc, y));
				sb_puts(&b, " ");
			}
		for (const folio_node *h = cr->first; h; h = h->next)
			if (h->kind == FOLIO_NODE_HOLDER)
				sb_puts(&b, folio_node_text(c->doc, h));
		flow_space(f, 6 * FX_PT, 0);
		flow_tag(f, cr, LT_CONTENT);
		flow_plain(f, sb_str(&b), rf, sz, ld, ALIGN_RAGGED);
		sb_free(&b);
	}
	const char *edition = info_text(c, info, FOLIO_NODE_EDITION);
	flow_tag(f, info_node(info, FOLIO_NODE_EDITION), LT_CONTENT);
	if (edition)
		flow_plain(f, edition, rf, sz, ld, ALIGN_RAGGED);
	for (const folio_node *n = info ? info->first : NULL; n; n = n->next) {
		if (n->kind == FOLIO_NODE_BIBLIOID || n->kind == FOLIO_NODE_ISBN) {
			const char *cls = folio_node_attr(n, "class");
			strbuf b = STRBUF_INIT;
			if (n->kind == FOLIO_NODE_ISBN || (cls && strcmp(cls, "isbn") == 0))
				sb_puts(&b, "ISBN ");
			else if (cls)
				sb_printf(&b, "%s ", cls);
			sb_puts(&b, folio_node_text(c->doc, n));
			flow_tag(f, n, LT_CONTENT);
			flow_plain(f, sb_str(&b), rf, sz, ld, ALIGN_RAGGED);
			sb_free(&b);
		}
	}
	const folio_node *pub = info ? folio_node_child(info, FOLIO_NODE_PUBLISHER) : NULL;
	if (pub) {
		flow_space(f, 6 * FX_PT, 0);
		const char *name = info_text(c, pub, FOLIO_NODE_PUBLISHERNAME);
		const folio_node *addr = folio_node_child(pub, FOLIO_NODE_ADDRESS);
		flow_tag(f, info_node(pub, FOLIO_NODE_PUBLISHERNAME), LT_CONTENT);
		if (name)
			flow_plain(f, name, rf, sz, ld, ALIGN_RAGGED);
		flow_tag(f, addr, LT_CONTENT);
		if (addr)
			flow_plain(f, folio_node_text(c->doc, addr), rf, sz, ld, ALIGN_RAGGED);
		flow_tag(f, NULL, LT_CONTENT);
	}
	const folio_node *legal = info ? folio_node_child(info, FOLIO_NODE_LEGALNOTICE) : NULL;
	if (legal) {
		flow_space(f, 6 * FX_PT, 0);
		flow_blocks(f, legal);
	}
	const char *rel = info_text(c, info, FOLIO_NODE_RELEASEINFO);
	flow_tag(f, info_node(info, FOLIO_NODE_RELEASEINFO), LT_CONTENT);
	if (rel)
		flow_plain(f, rel, rf, sz, ld, ALIGN_RAGGED);
	flow_tag(f, NULL, LT_CONTENT);
	char made[128];
	snprintf(made, sizeof made, c->lang->made_with, FOLIO_VERSION);
	flow_space(f, 6 * FX_PT, 0);
	flow_plain(f, made, c->text_face[FS_ITALIC], sz, ld, ALIGN_RAGGED);
}

/* ---- contents ---- */

static const char *label_of(lay_ctx *c, const folio_node *n)
{
	const char *l = ctx_prev_label(c, n, NULL);
	return l ? l : "";
}

/* Under an article's contents entry, who wrote it, in italics, kept
 * with the title. */
static void toc_authors(flow *f, lay_ctx *c, const toc_entry *e, fx indent, fx width)
{
	const folio_lang *l = folio_lang_get(e->node->lang ? e->node->lang : c->doc->lang);
	const char *who = folio_authors_text(c->doc, e->node, 0, l->and_word);
	if (who == NULL)
		return;
	para_style ps = { 0 };
	ps.face = c->text_face[FS_ITALIC];
	ps.size = c->st->size_text;
	ps.lang = c->doc->lang;
	ps.nohyph = 1;
	para_shape sh = { 0 };
	sh.width = width;
	sh.leading = c->st->leading;
	sh.align = ALIGN_RAGGED;
	para *p = para_new(c);
	para_text(p, &ps, who, strlen(who), NULL, 0);
	unsigned n = 0;
	lay_line *lines = para_set(p, &sh, &n);
	para_free(p);
	if (n == 0)
		return;
	flow_penalty(f, LB_INF);
	flow_lines(f, lines, n, indent, 1);
}

/* One contents line: title (wrapped), dot leaders, the page number right
 * aligned, the whole a link to the division. */
static void toc_line(flow *f, lay_ctx *c, const toc_entry *e)
{
	const lay_style *st = c->st;
	int level = e->level;
	fx indent = level <= 1 ? 0 : st->list_indent * (level - 1);
	fx size = st->size_text;
	int face = level <= 1 ? c->text_face[FS_BOLD] : c->text_face[FS_REGULAR];
	para_style ps = { 0 };
	ps.face = face;
	ps.size = size;
	ps.link = e->node;
	ps.lang = c->doc->lang;
	ps.nohyph = 1;
	ps.block = e->node;
	ps.tag = LT_TOCI;
	const char *page = label_of(c, e->node);
	para_style pn = ps;
	pn.face = c->text_face[FS_REGULAR];
	fx numw = para_measure(c, &pn, "000", 3);
	fx pw = para_measure(c, &pn, page, strlen(page));
	if (pw > numw)
		numw = pw;
	fx measure = flow_measure(f);
	para_shape sh = { 0 };
	sh.width = measure - indent - numw - 3 * size;
	sh.leading = st->leading;
	sh.align = ALIGN_RAGGED;
	sh.hang = size;
	unsigned n = 0;
	lay_line *lines = NULL;
	if (e->title_node) {
		/* the title as the heading has it: italics stay */
		lines = flow_title_lines(f, e->title_node, level <= 1, size, e->node,
					 &sh, &n);
	} else {
		para *p = para_new(c);
		const char *title = e->title ? e->title : "";
		para_text(p, &ps, title, strlen(title), NULL, 0);
		lines = para_set(p, &sh, &n);
		para_free(p);
	}
	if (n == 0)
		return;
	lay_line *last = &lines[n - 1];
	/* leaders: dots on a grid shared by all lines, so they align */
	fx step = size / 2;
	fx from = last->width + size / 2;
	fx to = measure - indent - numw - size / 2;
	unsigned ndots = 0;
	lay_glyph *g = arena_alloc(c->glyph_arena, (size_t)(to > from ? (to - from) / step + 2 : 1) *
						       sizeof(lay_glyph));
	fx x0 = -1;
	for (fx x = ((from + indent) / step + 1) * step - indent; x + step <= to; x += step) {
		if (x0 < 0)
			x0 = x;
		g[ndots].cp = '.';
		g[ndots].x = x - x0;
		ndots++;
	}
	lay_line *pl = para_single(c, &pn, page, strlen(page), st->leading);
	unsigned extra = (ndots ? 1 : 0) + pl->nitems + 1;
	lay_item *items = arena_alloc(c->arena, (last->nitems + extra) * sizeof(lay_item));
	memcpy(items, last->items, last->nitems * sizeof(lay_item));
	unsigned k = last->nitems;
	if (ndots) {
		lay_item it = { 0 };
		it.kind = LI_TEXT;
		it.tag = LT_ARTIFACT; /* the leaders */
		it.face = pn.face;
		it.size = size;
		it.x = x0;
		it.n = ndots;
		it.g = g;
		items[k++] = it;
	}
	fx px = measure - indent - pl->width;
	for (unsigned i = 0; i < pl->nitems; i++) {
		lay_item it = pl->items[i];
		it.x += px;
		items[k++] = it;
	}
	lay_item link = { 0 };
	link.kind = LI_LINK;
	link.node = e->node;
	link.x = last->width;
	link.y = -size * 85 / 100;
	link.w = measure - indent - last->width;
	link.h = size * 110 / 100;
	items[k++] = link;
	last->items = items;
	last->nitems = k;
	flow_lines(f, lines, n, indent, 1);
	if (c->st->toc_authors == SWITCH_ON && level <= 1)
		toc_authors(f, c, e, indent + sh.hang, sh.width - sh.hang);
}

static void contents(flow *f, lay_ctx *c, const toc_entry *entries,
		     unsigned n, const folio_node *anchor)
{
	const lay_style *st = c->st;
	flow_page_break(f, 1, 0, 1);
	flow_space(f, 18 * FX_PT, 0);
	flow_tag(f, NULL, LT_TOCI); /* the contents' own title */
	flow_plain(f, c->lang->contents, c->head_face[FS_BOLD], st->title_size,
		   st->title_size * 5 / 4, ALIGN_RAGGED);
	flow_tag(f, NULL, LT_CONTENT);
	(void)anchor;
	flow_space(f, 16 * FX_PT, 0);
	int prev = 0; /* level of the entry before */
	for (unsigned i = 0; i < n; i++) {
		const toc_entry *e = &entries[i];
		if (!e->in_toc || e->level > st->toc_depth)
			continue;
		/* a page may break between entries, but not between an
		 * article's entry and its first section */
		if (prev == 1 && e->level > 1) {
			flow_penalty(f, LB_INF);
		} else if (prev > 1 && e->level > 1) {
			/* not the group's last entry alone at a page's top */
			unsigned j = i + 1;
			while (j < n && (!entries[j].in_toc || entries[j].level > st->toc_depth))
				j++;
			flow_penalty(f, j == n || entries[j].level <= 1 ? 500 : 0);
		}
		if (e->level <= 1)
			flow_space(f, 4 * FX_PT, FX_PT);
		toc_line(f, c, e);
		prev = e->level;
	}
}

/* ---- one pass ---- */

static int is_front(const folio_node *n)
{
	return n->kind == FOLIO_NODE_PREFACE || n->kind == FOLIO_NODE_DEDICATION ||
	       (n->kind == FOLIO_NODE_ACKNOWLEDGEMENTS && !(n->flags & FOLIO_FLAG_BACKMATTER));
}

static int is_top(const folio_node *n)
{
	return folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION &&
	       n->kind != FOLIO_NODE_INFO;
}

typedef struct pass_out {
	pb_pages pages;
	VEC(toc_entry) toc;
	const folio_node *toc_anchor;
} pass_out;

/* The TOC entries of the previous pass (titles, levels), so the contents
 * page, which comes before the divisions it lists, can be set. */
/* The divisions of the body, in order, with the numbering each flows
 * with: front matter first (roman), then the rest. */
static void list_divisions(lay_run *r)
{
	const folio_node *root = r->c.doc->root;
	if (root->kind != FOLIO_NODE_BOOK) {
		top_div d = { root, 2 };
		VEC_PUSH(r->divs, d);
		return;
	}
	int body = 0;
	for (const folio_node *n = root->first; n; n = n->next) {
		if (n->flags & FOLIO_FLAG_HIDDEN || !is_top(n))
			continue;
		top_div d = { n, 0 };
		if (!(is_front(n) && !body)) {
			d.numbering = body ? 0 : 2;
			body = 1;
		}
		VEC_PUSH(r->divs, d);
	}
}

static void run_pass(lay_run *r, const toc_entry *prev_toc, unsigned nprev,
		     pass_out *po, int first)
{
	lay_ctx *c = &r->c;
	folio_doc *doc = c->doc;
	vl_list list = { 0 };
	flow *f = flow_new(c, &list);
	const folio_node *root = doc->root;
	if (first) {
		/* a second core sets paragraphs from the end meanwhile */
		r->share = para_share_new();
		c->share = r->share;
		r->pf = prefetch_start(c, r->manifest, r->divs.v, (unsigned)r->divs.n);
		if (r->pf == NULL)
			c->share = NULL;
	}
	if (root->kind == FOLIO_NODE_BOOK) {
		if (!(root->flags & FOLIO_FLAG_WRAPPER)) {
			title_page(f, c, root);
			imprint_page(f, c, root);
		}
		contents(f, c, prev_toc, nprev, NULL);
	}
	for (size_t i = 0; i < r->divs.n; i++) {
		prefetch_main_at(r->pf, (unsigned)i);
		flow_top_division(f, r->divs.v[i].node, r->divs.v[i].numbering);
	}
	prefetch_stop(r->pf);
	c->share = NULL;
	unsigned nt;
	const toc_entry *t = flow_toc(f, &nt);
	for (unsigned i = 0; i < nt; i++)
		VEC_PUSH(po->toc, t[i]);
	pagebuild(c, &list, f, &po->pages);
	flow_free(f);
	VEC_FREE(list);
}

/* ---- numbering, heads, folios ---- */

static void roman_lower(unsigned n, char *out, size_t size)
{
	static const struct { unsigned v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	size_t o = 0;
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		while (n >= r[i].v && o + 3 < size) {
			for (const char *p = r[i].s; *p; p++)
				out[o++] = *p;
			n -= r[i].v;
		}
	out[o] = '\0';
}

static void number_pages(lay_run *r, pb_pages *pages)
{
	lay_result *res = &r->result;
	int body = -1;
	for (size_t i = 0; i < pages->n; i++)
		if (pages->v[i].numbering == 2) {
			body = (int)i;
			break;
		}
	res->nlabels = 0;
	if (body != 0) {
		res->labels[res->nlabels++] = (lay_pagelabel){ 0, 1, 1 };
	}
	if (body >= 0)
		res->labels[res->nlabels++] = (lay_pagelabel){ (unsigned)body, 0, 1 };
	for (size_t i = 0; i < pages->n; i++) {
		char buf[32];
		if (body >= 0 && (int)i >= body)
			snprintf(buf, sizeof buf, "%u", (unsigned)(i - (size_t)body + 1));
		else
			roman_lower((unsigned)i + 1, buf, sizeof buf);
		pages->v[i].page.label = arena_strdup(r->c.arena, buf);
	}
}

typedef VEC(lay_item) item_vec;

static void add_line_items(lay_ctx *c, item_vec *v, const para_style *ps,
			   const char *text, fx x, fx baseline)
{
	(void)c;
	lay_line *l = para_single(c, ps, text, strlen(text), ps->size);
	for (unsigned i = 0; i < l->nitems; i++) {
		lay_item it = l->items[i];
		it.x += x;
		it.y += baseline;
		VEC_PUSH(*v, it);
	}
}

static void heads_and_folios(lay_run *r, pb_pages *pages)
{
	lay_ctx *c = &r->c;
	const lay_style *st = &r->style;
	for (size_t i = 0; i < pages->n; i++) {
		pb_page *pg = &pages->v[i];
		if (pg->page.blank || pg->page.opening == 2)
			continue;
		int recto = !st->two_sided || i % 2 == 0;
		fx left = pb_left_margin(st, (unsigned)i);
		fx measure = st->page_width - st->margin_inner - st->margin_outer;
		item_vec v = { 0 };
		para_style ps = { 0 };
		ps.face = c->text_face[FS_REGULAR];
		ps.size = st->head_size;
		ps.lang = c->doc->lang;
		ps.tag = LT_PAGINATION;
		const char *label = pg->page.label;
		fx lw = para_measure(c, &ps, label, strlen(label));
		fx head_base = st->margin_top - st->leading;
		int outer_left = st->two_sided && !recto;
		if ((pg->page.opening || st->folio_bottom) &&
		    st->folio_position != PLACE_NONE) {
			/* a drop folio at the foot */
			fx base = st->page_height - st->margin_bottom + 2 * st->leading;
			fx fx_x = left + (measure - lw) / 2;
			if (st->folio_bottom && st->folio_position == PLACE_OUTER)
				fx_x = outer_left ? left : left + measure - lw;
			add_line_items(c, &v, &ps, label, fx_x, base);
		}
		if (!pg->page.opening) {
			fx fx_x = outer_left ? left : left + measure - lw;
			if (st->folio_position == PLACE_INNER)
				fx_x = outer_left ? left + measure - lw : left;
			else if (st->folio_position == PLACE_CENTER)
				fx_x = left + (measure - lw) / 2;
			int folio_here = st->folio_position != PLACE_NONE && !st->folio_bottom;
			if (folio_here)
				add_line_items(c, &v, &ps, label, fx_x, head_base);
			const char *head = recto && st->two_sided ? pg->head_recto
								  : pg->head_verso;
			if (!st->two_sided)
				head = pg->head_recto;
			para_style hs = ps;
			hs.face = c->text_face[FS_ITALIC];
			fx room = measure - (folio_here ? 2 * (lw + 2 * st->size_text) : 0);
			head = st->head_position == PLACE_NONE ? NULL
							       : para_shorten(c, &hs, head, room);
			if (head) {
				fx hw = para_measure(c, &hs, head, strlen(head));
				add_line_items(c, &v, &hs, head,
					       left + (measure - hw) / 2, head_base);
			}
		}
		/* the page builder left room for these */
		if (v.n > pg->spare) {
			lay_item *items = arena_alloc(c->arena, (pg->page.nitems + v.n) *
								sizeof(lay_item));
			memcpy(items, pg->page.items, pg->page.nitems * sizeof(lay_item));
			pg->page.items = items;
		}
		if (v.n)
			memcpy(pg->page.items + pg->page.nitems, v.v, v.n * sizeof(lay_item));
		pg->page.nitems += (unsigned)v.n;
		VEC_FREE(v);
	}
}

/* Page labels and indexes of every anchored node (the first place of
 * each); returns how many of them differ from the previous pass. */
static unsigned record_anchors(lay_run *r, pb_pages *pages)
{
	lay_ctx *c = &r->c;
	size_t count = (size_t)c->doc->node_count + 1;
	const char **labels = xcalloc(count, sizeof(*labels));
	unsigned *index = xcalloc(count, sizeof(*index));
	unsigned changed = 0;
	for (size_t i = 0; i < pages->n; i++) {
		lay_page *pg = &pages->v[i].page;
		/* one copy of the label per page, in the run arena: the
		 * next pass's contents and locators read it */
		const char *label = NULL;
		for (unsigned k = 0; k < pg->nitems; k++) {
			lay_item *it = &pg->items[k];
			if (it->kind != LI_DEST || it->node == NULL)
				continue;
			unsigned s = it->node->serial;
			if (s >= count || index[s])
				continue;
			if (label == NULL)
				label = arena_strdup(c->run_arena, pg->label);
			labels[s] = label;
			index[s] = (unsigned)i + 1;
			const char *old = c->prev_labels ? c->prev_labels[s] : NULL;
			if (old == NULL || strcmp(old, label) != 0)
				changed++;
		}
	}
	/* a node placed in the previous pass and not in this one */
	for (size_t s = 0; c->prev_labels && s < count; s++)
		if (c->prev_labels[s] && labels[s] == NULL)
			changed++;
	if (c->prev_labels == NULL)
		changed++;
	free(c->prev_labels);
	free(c->prev_pages);
	c->prev_labels = labels;
	c->prev_pages = index;
	return changed;
}

static int toc_same(const toc_entry *a, unsigned na, const toc_entry *b, unsigned nb)
{
	if (na != nb)
		return 0;
	for (unsigned i = 0; i < na; i++)
		if (a[i].node != b[i].node || a[i].level != b[i].level)
			return 0;
	return 1;
}

/* ---- results ---- */

static void fill_result(lay_run *r, pass_out *po)
{
	lay_ctx *c = &r->c;
	lay_result *res = &r->result;
	res->width = r->style.page_width;
	res->height = r->style.page_height;
	res->npages = (unsigned)po->pages.n;
	res->pages = arena_alloc(c->arena, (res->npages + 1) * sizeof(lay_page));
	for (unsigned i = 0; i < res->npages; i++)
		res->pages[i] = po->pages.v[i].page;
	/* outline: the contents page first, then every division */
	res->outline = arena_alloc(c->arena, (po->toc.n + 2) * sizeof(lay_outline));
	res->noutline = 0;
	if (c->doc->root->kind == FOLIO_NODE_BOOK && res->npages > 2) {
		/* the contents page: third, after the title page and imprint */
		lay_outline o = { 0 };
		o.title = c->lang->contents;
		o.level = 1;
		o.page = 2;
		o.y = r->style.margin_top;
		res->outline[res->noutline++] = o;
	}
	for (size_t i = 0; i < po->toc.n; i++) {
		const toc_entry *e = &po->toc.v[i];
		unsigned pg = e->node->serial <= c->doc->node_count
				      ? c->prev_pages[e->node->serial] : 0;
		if (pg == 0 || e->title == NULL)
			continue;
		lay_outline o = { 0 };
		o.title = e->title;
		o.level = e->level;
		o.node = e->node;
		o.page = (int)pg - 1;
		/* the heading's y on its page */
		const lay_page *p = &res->pages[o.page];
		for (unsigned k = 0; k < p->nitems; k++)
			if (p->items[k].kind == LI_DEST && p->items[k].node == e->node) {
				o.y = p->items[k].y;
				break;
			}
		res->outline[res->noutline++] = o;
	}
	const folio_node *root = c->doc->root;
	const folio_node *info = folio_node_child(root, FOLIO_NODE_INFO);
	const folio_node *t = folio_node_title(root);
	res->title = t ? folio_node_text(c->doc, t) : NULL;
	res->author = names_of(c, info, FOLIO_NODE_AUTHOR);
	if (res->author == NULL)
		res->author = names_of(c, info, FOLIO_NODE_EDITOR);
	const folio_node *sub = folio_node_info_child(root, FOLIO_NODE_SUBTITLE);
	res->subject = sub ? folio_node_text(c->doc, sub) : NULL;
	const folio_node *ks = info ? folio_node_child(info, FOLIO_NODE_KEYWORDSET) : NULL;
	if (ks) {
		strbuf b = STRBUF_INIT;
		for (const folio_node *k = ks->first; k; k = k->next)
			if (k->kind == FOLIO_NODE_KEYWORD) {
				if (b.len)
					sb_puts(&b, ", ");
				sb_puts(&b, folio_node_text(c->doc, k));
			}
		res->keywords = arena_strdup(c->arena, sb_str(&b));
		sb_free(&b);
	}
}

static lay_run *run_layout(folio_doc *doc, const folio_render_opts *opts,
			   folio_diag *diag, int glyphs)
{
	lay_run *r = xcalloc(1, sizeof(*r));
	if (doc == NULL || doc->root == NULL || setup(r, doc, opts, diag) < 0) {
		layout_free(r);
		return NULL;
	}
	lay_ctx *c = &r->c;
	c->no_glyphs = !glyphs;
	list_divisions(r);
	VEC(toc_entry) toc = { 0 };
	/* The contents as the tree gives them, so that the first pass sets
	 * the contents page at its length (page numbers are placeholders
	 * until the second): otherwise every page after it moves in the
	 * second pass and a third is needed to see them settle. */
	if (doc->root->kind == FOLIO_NODE_BOOK) {
		vl_list scratch = { 0 };
		flow *f = flow_new(c, &scratch);
		for (size_t i = 0; i < r->divs.n; i++)
			flow_scan_toc(f, r->divs.v[i].node);
		unsigned nt;
		const toc_entry *t = flow_toc(f, &nt);
		for (unsigned i = 0; i < nt; i++)
			VEC_PUSH(toc, t[i]);
		flow_free(f);
		VEC_FREE(scratch);
	}
	pass_out po;
	memset(&po, 0, sizeof po);
	unsigned pass;
	for (pass = 1; pass <= MAX_PASSES; pass++) {
		if (c->arena)
			arena_free(c->arena);
		c->arena = arena_new();
		c->quiet = pass > 1;
		VEC_FREE(po.pages);
		VEC_FREE(po.toc);
		memset(&po, 0, sizeof po);
		run_pass(r, toc.v, (unsigned)toc.n, &po, pass == 1);
		if (folio_diag_count(diag, FOLIO_FATAL))
			break;
		if (po.pages.n > max_pages()) {
			/* The PDF writer holds every page until it saves the
			 * file (about 70 kB each): refuse before it starts. */
			folio_report(diag, FOLIO_ERROR, doc->root->loc,
				     "the document needs %zu pages, more than folio's "
				     "limit of %zu", (size_t)po.pages.n, max_pages());
			c->errors++;
			break;
		}
		number_pages(r, &po.pages);
		unsigned changed = record_anchors(r, &po.pages);
		int same_toc = toc_same(toc.v, (unsigned)toc.n, po.toc.v,
					(unsigned)po.toc.n);
		/* keep this pass's contents entries (titles live in doc's arena) */
		toc.n = 0;
		for (size_t i = 0; i < po.toc.n; i++)
			VEC_PUSH(toc, po.toc.v[i]);
		if (changed == 0 && same_toc)
			break;
	}
	if (pass > MAX_PASSES) {
		pass = MAX_PASSES;
		folio_report(diag, FOLIO_WARNING, (folio_loc){ doc->path, 0, 0 },
			     "page numbers still changed after %d layout passes; "
			     "the contents or index may be off by a page", MAX_PASSES);
	}
	VEC_FREE(toc);
	if (folio_diag_count(diag, FOLIO_FATAL) || c->errors) {
		VEC_FREE(po.pages);
		VEC_FREE(po.toc);
		layout_free(r);
		return NULL;
	}
	heads_and_folios(r, &po.pages);
	fill_result(r, &po);
	r->result.passes = pass;
	/* What the result does not need goes before the PDF is written: the
	 * cached lines (the pages hold copies of their items; the glyphs are
	 * in glyph_arena) and the hyphenation dictionaries. */
	para_cache_free(c->para_cache);
	c->para_cache = NULL;
	hyph_free(c->hyph);
	c->hyph = NULL;
	VEC_FREE(po.pages);
	VEC_FREE(po.toc);
	return r;
}

lay_run *layout_run(folio_doc *doc, const folio_render_opts *opts,
		    folio_diag *diag)
{
	return run_layout(doc, opts, diag, 1);
}

void layout_free(lay_run *r)
{
	if (r == NULL)
		return;
	/* the worker's arenas hold glyphs the result shows */
	prefetch_free(r->pf);
	para_share_free(r->share);
	free(r->manifest);
	VEC_FREE(r->divs);
	fonts_free(r->c.fonts);
	hyph_free(r->c.hyph);
	para_cache_free(r->c.para_cache);
	arena_free(r->c.glyph_arena);
	hash_free(r->c.warned);
	free(r->c.prev_labels);
	free(r->c.prev_pages);
	arena_free(r->c.arena);
	arena_free(r->c.run_arena);
	free(r);
}

const lay_result *layout_result(const lay_run *r)
{
	return &r->result;
}

lay_fonts *layout_fonts(const lay_run *r)
{
	return r->c.fonts;
}

const char *layout_style_name(const lay_run *r)
{
	return r->style.name;
}

void layout_page_map(const lay_run *r, folio_doc *doc, folio_page_map *out)
{
	const lay_result *res = &r->result;
	out->pages = arena_alloc(doc->arena, (res->npages + 1) * sizeof(folio_page_start));
	for (unsigned i = 0; i < res->npages; i++) {
		folio_page_start *ps = &out->pages[i];
		ps->label = arena_strdup(doc->arena, res->pages[i].label);
		ps->node = res->pages[i].start_node;
		ps->offset = res->pages[i].start_offset;
	}
	out->count = res->npages;
}

int folio_layout_page_map(folio_doc *doc, const folio_render_opts *opts,
			  folio_diag *diag, folio_page_map *out)
{
	memset(out, 0, sizeof(*out));
	/* the pages' starts are wanted, not their glyphs */
	lay_run *r = run_layout(doc, opts, diag, 0);
	if (r == NULL)
		return -1;
	layout_page_map(r, doc, out);
	layout_free(r);
	return 0;
}

int layout_glossterm_marks(const folio_render_opts *opts, folio_diag *diag,
			   int *face, int *first_use_only)
{
	lay_style st;
	*face = LAYOUT_TERM_NONE;
	*first_use_only = 0;
	if (load_style(&st, opts, diag, NULL) < 0)
		return -1;
	*face = st.glossterm_face;
	*first_use_only = st.glossterm_first_only;
	return 0;
}

int layout_text_family(const folio_render_opts *opts, folio_diag *diag,
		       layout_family *out)
{
	static const char *const styles[4] = { "regular", "italic", "bold", "bolditalic" };
	memset(out, 0, sizeof(*out));
	lay_style st;
	if (load_style(&st, opts, diag, NULL) < 0)
		return -1;
	char *manifest = data_path(opts, "fonts/fonts.conf");
	lay_fonts *fonts = fonts_new(diag);
	int rc = fonts_load_manifest(fonts, manifest);
	free(manifest);
	snprintf(out->family, sizeof out->family, "%s", st.font_text);
	for (int i = 0; rc == 0 && i < 4; i++) {
		int f = fonts_find(fonts, st.font_text, styles[i]);
		/* fonts_find falls back to the regular face: a style the
		 * family lacks is left to the reading system */
		if (f < 0 || strcmp(fonts_style(fonts, f), styles[i]) != 0 ||
		    fonts_is_fixed(fonts, f))
			continue;
		layout_face_file *ff = &out->faces[i];
		ff->style = styles[i];
		ff->file = xstrdup(fonts_file(fonts, f));
		ff->index = fonts_file_index(fonts, f);
		const char *pkg = fonts_package(fonts, f);
		ff->package = pkg ? xstrdup(pkg) : NULL;
		const char *lic = fonts_licence(fonts, f);
		ff->licence = lic ? xstrdup(lic) : NULL;
	}
	fonts_free(fonts);
	if (rc == 0 && out->faces[0].file == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "font family \"%s\" (regular) is not in the font manifest",
			     st.font_text);
		rc = -1;
	}
	if (rc < 0)
		layout_family_free(out);
	return rc < 0 ? -1 : 0;
}

void layout_family_free(layout_family *f)
{
	for (int i = 0; i < 4; i++) {
		free(f->faces[i].file);
		free(f->faces[i].package);
		free(f->faces[i].licence);
	}
	memset(f, 0, sizeof(*f));
}
