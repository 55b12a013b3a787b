/*
 * dump: the `pages` text form of a layout, one item a line, so layout can
 * be tested and diffed without reading a PDF.  Lengths in points with
 * three decimals (the layout's own unit), y from the page's top.
 *
 *   page 3 label=iii opening
 *   text 51.024 73.210 Charis-SIL/regular 10.000 "Pekerjaan sosial adalah"
 *   rule 51.024 80.000 70.866 0.400
 *   image 60.000 90.000 200.000 120.000 gambar.png
 *   link 51.024 70.000 40.000 12.000 -> #gw-definisi
 *   dest 51.024 62.000 #gw-definisi
 * A node without an id is written as its element name and serial number
 * (para@123).
 */
#include "layout/layout.h"
#include "util/utf8.h"

#include <stdio.h>

static void num(FILE *out, fx v)
{
	if (v < 0) {
		fputc('-', out);
		v = -v;
	}
	fprintf(out, "%d.%03d", v / 1000, v % 1000);
}

static void node_ref(FILE *out, const folio_node *n)
{
	if (n == NULL)
		fputs("?", out);
	else if (n->id)
		fprintf(out, "#%s", n->id);
	else
		fprintf(out, "%s@%u", folio_kind_name(n->kind), n->serial);
}

static void item(FILE *out, const lay_fonts *fonts, const lay_item *it)
{
	static const char *const kinds[] = { "text", "rule", "image", "link", "dest" };
	fputs(kinds[it->kind], out);
	fputc(' ', out);
	num(out, it->x);
	fputc(' ', out);
	num(out, it->y);
	switch (it->kind) {
	case LI_TEXT: {
		fputc(' ', out);
		for (const char *p = fonts_family(fonts, it->face); *p; p++)
			fputc(*p == ' ' ? '-' : *p, out);
		fprintf(out, "/%s ", fonts_style(fonts, it->face));
		num(out, it->size);
		fputs(" \"", out);
		for (unsigned i = 0; i < it->n; i++) {
			char b[4];
			if (LAY_IS_GID(it->g[i].cp)) {
				fprintf(out, "\\g%u;", (unsigned)LAY_GID_OF(it->g[i].cp));
				continue;
			}
			size_t k = utf8_encode(it->g[i].cp, b);
			if (it->g[i].cp == '"' || it->g[i].cp == '\\')
				fputc('\\', out);
			fwrite(b, 1, k, out);
		}
		fputc('"', out);
		break;
	}
	case LI_RULE:
	case LI_IMAGE:
	case LI_LINK:
		fputc(' ', out);
		num(out, it->w);
		fputc(' ', out);
		num(out, it->h);
		if (it->kind == LI_IMAGE)
			fprintf(out, " %s", it->uri ? it->uri : "?");
		if (it->kind == LI_LINK) {
			fputs(" -> ", out);
			if (it->uri)
				fputs(it->uri, out);
			else
				node_ref(out, it->node);
		}
		break;
	case LI_DEST:
		fputc(' ', out);
		node_ref(out, it->node);
		break;
	}
	fputc('\n', out);
}

void layout_dump(const lay_run *r, FILE *out)
{
	const lay_result *res = layout_result(r);
	const lay_fonts *fonts = layout_fonts(r);
	fprintf(out, "pages %u size ", res->npages);
	num(out, res->width);
	fputc(' ', out);
	num(out, res->height);
	fprintf(out, " style %s passes %u\n", layout_style_name(r), res->passes);
	for (unsigned i = 0; i < res->nlabels; i++)
		fprintf(out, "label from %u %s start %u\n", res->labels[i].first_page + 1,
			res->labels[i].roman ? "roman" : "decimal", res->labels[i].start);
	for (unsigned i = 0; i < res->noutline; i++) {
		const lay_outline *o = &res->outline[i];
		fprintf(out, "outline %d page %d ", o->level, o->page + 1);
		num(out, o->y);
		fprintf(out, " %s\n", o->title);
	}
	for (unsigned p = 0; p < res->npages; p++) {
		const lay_page *pg = &res->pages[p];
		fprintf(out, "page %u label=%s%s%s\n", p + 1, pg->label ? pg->label : "",
			pg->opening ? " opening" : "", pg->blank ? " blank" : "");
		for (unsigned i = 0; i < pg->nitems; i++)
			item(out, fonts, &pg->items[i]);
	}
}
