/*
 * choose: which of a mediaobject's imageobjects each output shows, as
 * DocBook XSL's select.mediaobject does (a role naming the output first,
 * then the first format the output can draw), and `folio check`'s walk
 * over every image a build would read.
 */
#include "media/media.h"

#include <string.h>
#include <strings.h>

static const char *const print_roles[] = { "fo", "print", "pdf", NULL };
static const char *const screen_roles[] = { "html", "xhtml", "epub", NULL };
static const char *const print_formats[] = { "svg", "png", "jpg", "jpeg", NULL };
static const char *const screen_formats[] = { "svg", "png", "jpg", "jpeg", "gif", NULL };
/* formats (and extensions) folio knows it cannot show */
static const char *const other_formats[] = {
	"gif", "pdf", "eps", "ps", "tif", "tiff", "bmp", "webp", "wmf", "emf",
	"cgm", "linespecific", "mathml", NULL
};

static int listed(const char *v, const char *const *list)
{
	for (; v && *list; list++)
		if (strcasecmp(v, *list) == 0)
			return 1;
	return 0;
}

static const folio_node *data_of(const folio_node *o)
{
	if (o->kind != FOLIO_NODE_IMAGEOBJECT || (o->flags & FOLIO_FLAG_HIDDEN))
		return NULL;
	const folio_node *d = folio_node_child(o, FOLIO_NODE_IMAGEDATA);
	return d && folio_node_attr(d, "fileref") ? d : NULL;
}

/* 1 the target draws it, 0 it does not, -1 nothing says (no format, an
 * extension folio does not know: the content decides). */
static int drawable(const folio_node *d, int target)
{
	const char *const *ok = target == MEDIA_FOR_PRINT ? print_formats : screen_formats;
	const char *format = folio_node_attr(d, "format");
	if (format && *format)
		return listed(format, ok) ? 1 : 0;
	const char *ref = folio_node_attr(d, "fileref");
	const char *dot = strrchr(ref, '.');
	const char *slash = strrchr(ref, '/');
	if (dot == NULL || (slash && slash > dot))
		return -1;
	if (listed(dot + 1, ok))
		return 1;
	return listed(dot + 1, other_formats) ? 0 : -1;
}

const folio_node *media_choose(const folio_node *media, int target)
{
	const char *const *mine = target == MEDIA_FOR_PRINT ? print_roles : screen_roles;
	const char *const *theirs = target == MEDIA_FOR_PRINT ? screen_roles : print_roles;
	const folio_node *first = NULL, *unknown = NULL;
	for (const folio_node *o = media->first; o; o = o->next) {
		const folio_node *d = data_of(o);
		if (d && listed(o->role, mine))
			return d;
	}
	for (const folio_node *o = media->first; o; o = o->next) {
		const folio_node *d = data_of(o);
		if (d == NULL)
			continue;
		if (first == NULL)
			first = d;
		if (listed(o->role, theirs))
			continue;
		int can = drawable(d, target);
		if (can == 1)
			return d;
		if (can < 0 && unknown == NULL)
			unknown = d;
	}
	return unknown ? unknown : first;
}

static int is_media(const folio_node *n)
{
	return n->kind == FOLIO_NODE_MEDIAOBJECT || n->kind == FOLIO_NODE_INLINEMEDIAOBJECT;
}

static unsigned check_one(const folio_doc *doc, const folio_node *d, int target,
			  folio_diag *diag)
{
	media_image img;
	return media_image_probe(doc, d, target, diag, MEDIA_REPORT_ALL, &img) != 0;
}

/* The images under n that a build reads: the cover's first imagedata
 * (the EPUB's), each media object's choice for print and for screen. */
static unsigned check_node(const folio_doc *doc, const folio_node *n, folio_diag *diag)
{
	if (n->kind == FOLIO_NODE_COVER) {
		for (const folio_node *c = n; c; c = folio_next(n, c, 0))
			if (c->kind == FOLIO_NODE_IMAGEDATA && folio_node_attr(c, "fileref"))
				return check_one(doc, c, MEDIA_FOR_SCREEN, diag);
		return 0;
	}
	if (!is_media(n))
		return 0;
	unsigned failed = 0;
	const folio_node *print = media_choose(n, MEDIA_FOR_PRINT);
	const folio_node *screen = media_choose(n, MEDIA_FOR_SCREEN);
	if (print)
		failed += check_one(doc, print, MEDIA_FOR_PRINT, diag);
	if (screen && screen != print)
		failed += check_one(doc, screen, MEDIA_FOR_SCREEN, diag);
	return failed;
}

unsigned media_check_images(const folio_doc *doc, folio_diag *diag)
{
	unsigned failed = 0;
	const folio_node *root = doc->root;
	const folio_node *n = root;
	while (n) {
		/* nothing under a hidden node is printed, nor read */
		if (n->flags & FOLIO_FLAG_HIDDEN) {
			n = folio_next(root, n, 1);
			continue;
		}
		failed += check_node(doc, n, diag);
		n = folio_next(root, n, n->kind == FOLIO_NODE_COVER || is_media(n));
	}
	return failed;
}
