/*
 * floats: what the flow sets as one block apart from the text: figures
 * and media objects (the image at its size, the caption under it),
 * tables (their rows set by table.c) and the caption line both use.
 */
#include "layout/flow_walk.h"
#include "layout/image.h"
#include "media/media.h"

#include <stdio.h>
#include <string.h>

/* An image taller than the text block (at its natural or asked size)
 * is scaled down: say so once, at the imagedata. */
static void warn_too_tall(lay_ctx *c, const folio_node *data, fx h)
{
	char key[48];
	snprintf(key, sizeof key, "tall:%u", data->serial);
	if (c->quiet || hash_get(c->warned, key))
		return;
	hash_put(c->warned, arena_strdup(c->run_arena, key), (void *)1);
	folio_report_strict(c->diag, data->loc,
			    "the image is taller than the page (%.1f pt): it is "
			    "scaled to 60%% of the text block's height",
			    (double)h / FX_PT);
}

static void figure(flow *f, const folio_node *fig)
{
	lay_ctx *c = f->c;
	const lay_style *st = c->st;
	fl_block_space(f, 8 * FX_PT);
	/* of a mediaobject's imageobjects, the one print draws best */
	const folio_node *media = fig->kind == FOLIO_NODE_MEDIAOBJECT
					  ? fig : fl_find_kind(fig, FOLIO_NODE_MEDIAOBJECT);
	const folio_node *data = media ? media_choose(media, MEDIA_FOR_PRINT)
				       : fl_find_kind(fig, FOLIO_NODE_IMAGEDATA);
	fx avail = f->measure - f->s.left - f->s.right;
	fx maxh = (st->page_height - st->margin_top - st->margin_bottom) * 6 / 10;
	lay_image img;
	int ok = data && image_probe(c, data, &img) == 0;
	VEC(lay_item) items = { 0 };
	fx w = 0, h = 0;
	if (ok) {
		/* natural size (pixels at 150 dpi, an SVG's own), never
		 * wider than the measure */
		w = img.natural_w;
		h = img.natural_h;
		fx want;
		if (image_wanted_width(c, data, &want)) {
			h = fx_muldiv(h, want, w);
			w = want;
		}
		if (w > avail) {
			h = fx_muldiv(h, avail, w);
			w = avail;
		}
		if (h > maxh) {
			if (h > st->page_height - st->margin_top - st->margin_bottom)
				warn_too_tall(c, data, h);
			w = fx_muldiv(w, maxh, h);
			h = maxh;
		}
		lay_item it = { 0 };
		it.kind = LI_IMAGE;
		it.x = (avail - w) / 2;
		it.y = -h;
		it.w = w;
		it.h = h;
		it.node = data;
		it.uri = img.path;
		VEC_PUSH(items, it);
	}
	/* caption: "Gambar 3. Title" centred under the image */
	const folio_node *title = folio_node_title(fig);
	fx y = 0;
	if (title || fig->kind == FOLIO_NODE_FIGURE) {
		para_style ps = fl_style(f);
		ps.size = st->size_small;
		ps.face = c->text_face[FS_BOLD];
		if (fig->kind == FOLIO_NODE_FIGURE) {
			char buf[96];
			/* the figure's language, as the EPUB and the text */
			snprintf(buf, sizeof buf, "%s %s. ", folio_lang_get(fig->lang)->figure,
				 fig->label ? fig->label : "");
			para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
		}
		state saved = f->s;
		f->s.size = st->size_small;
		f->s.leading = st->leading_small;
		f->s.align = ALIGN_CENTER;
		if (title)
			fl_walk(f, title, 1);
		para_shape sh = fl_shape(f, 0);
		sh.align = ALIGN_CENTER;
		unsigned nl;
		lay_line *lines = para_set(f->p, &sh, &nl);
		f->s = saved;
		y += 6 * FX_PT;
		for (unsigned i = 0; i < nl; i++) {
			y += lines[i].h;
			for (unsigned k = 0; k < lines[i].nitems; k++) {
				lay_item it = lines[i].items[k];
				it.y += y;
				VEC_PUSH(items, it);
			}
			y += lines[i].d;
		}
	}
	unsigned n = (unsigned)items.n;
	lay_item *v = arena_alloc(c->arena, (n + 1) * sizeof(lay_item));
	if (n) /* an empty vector has no buffer, and memcpy wants one */
		memcpy(v, items.v, n * sizeof(lay_item));
	VEC_FREE(items);
	if (n > 0)
		flow_box(f, v, n, h, y, f->s.left);
	f->after_para = 0;
	fl_block_space(f, 8 * FX_PT);
}


/* figure, informalfigure, mediaobject: the image and its caption, with
 * the element's anchor at the top. */
int fl_enter_figure(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	fl_end_para(f);
	if (n->id || fl_needs_anchor(f, n))
		VEC_PUSH(f->anchors, n);
	size_t from = f->out->n;
	figure(f, n);
	if (n->kind == FOLIO_NODE_FIGURE)
		flow_mark_float(f, from);
	fl_keep_together(f, n, from);
	return 0;
}

int fl_enter_table(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	fl_end_para(f);
	if (n->id || fl_needs_anchor(f, n))
		VEC_PUSH(f->anchors, n);
	size_t from = f->out->n;
	flow_table(f, n);
	if (n->kind == FOLIO_NODE_TABLE)
		flow_mark_float(f, from);
	fl_keep_together(f, n, from);
	return 0;
}

void flow_caption(flow *f, const folio_node *owner, const char *word,
		  const folio_node *title)
{
	lay_ctx *c = f->c;
	fl_end_para(f);
	state saved = f->s;
	f->s.size = c->st->size_small;
	f->s.leading = c->st->leading_small;
	f->s.nohyph = 1;
	f->s.align = ALIGN_RAGGED;
	f->s.hang = 0;
	if (word) {
		char buf[96];
		snprintf(buf, sizeof buf, "%s %s.\u2002", word,
			 owner->label ? owner->label : "");
		para_style ps = fl_style(f);
		ps.face = c->text_face[FS_BOLD];
		para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
	}
	if (title) {
		f->s.italic = 1;
		fl_walk(f, title, 1);
	}
	fl_end_para_as(f, 0, 1);
	f->s = saved;
}

