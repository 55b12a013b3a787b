/*
 * sax: libxml2's SAX2 events → folio nodes, for one source file.
 *
 * libxml2's DOM is not used: it has no columns, and its XInclude forgets
 * which file a node came from.  The events build the tree directly: an
 * element becomes a node appended at the insertion point, which it then
 * becomes until its end tag; character data is gathered until the next
 * tag and becomes one text node.  Open elements are kept on an explicit
 * stack (no recursion follows the document's depth).
 *
 * The parser is configured so that nothing outside the file is read:
 * no network, no DTD loading, and external entity declarations stop the
 * parse before any reference to them could be expanded.  Internal
 * entities work (NOENT): each is measured from the declarations before
 * any is used (entities.c), libxml2's amplification checks stay on (we
 * never pass XML_PARSE_HUGE), and the text they make is limited.
 */
#include "folio/mathml.h"
#include "read/read.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOENT)

void read_error(source *s, folio_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	folio_vreport(s->r->diag, FOLIO_ERROR, loc, fmt, ap);
	va_end(ap);
	s->r->errors++;
}

int read_budget(source *s, folio_loc loc, size_t *used, size_t n, size_t max,
		const char *what)
{
	reader *r = s->r;
	if (n <= max && *used <= max - n) {
		*used += n;
		return 1;
	}
	if (!r->halted) {
		char size[32];
		read_error(s, loc, "the document holds more than %s of %s (folio's limit)",
			   limit_bytes_text(max, size, sizeof size), what);
	}
	read_halt(r);
	return 0;
}

void read_halt(reader *r)
{
	r->halted = 1;
	for (source *s = r->current; s; s = s->outer)
		if (s->ctxt)
			xmlStopParser(s->ctxt);
}

/* Warns once per key (element name or namespace), at its first place. */
static int first_time(source *s, const char *key)
{
	if (hash_get(s->r->warned, key))
		return 0;
	const char *k = arena_strdup(s->r->doc->arena, key);
	hash_put(s->r->warned, k, (void *)k);
	return 1;
}

int sax_node_budget(source *s, folio_loc loc)
{
	reader *r = s->r;
	if (r->doc->node_count < r->max_nodes)
		return 1;
	if (!r->halted)
		read_error(s, loc,
			   "the document has more than %lu elements and text runs (folio's limit)",
			   r->max_nodes);
	read_halt(r);
	return 0;
}

void sax_insert(source *s, folio_node *node)
{
	if (s->insert)
		folio_node_append(s->insert, node);
	else if (s->r->doc->root == NULL)
		s->r->doc->root = node;
}

/* ---- the stack of open elements ---- */

static void push_frame(source *s, enum frame_kind kind, folio_node *node,
		       struct include *inc, int meta)
{
	s->frames = vec_reserve(s->frames, &s->cap_frames, (size_t)s->nframes + 1,
				sizeof(*s->frames));
	struct frame *f = &s->frames[s->nframes++];
	f->kind = kind;
	f->node = node;
	f->saved_insert = s->insert;
	f->inc = inc;
	f->meta = meta;
	if (meta)
		s->meta++;
}

static struct frame *top_frame(source *s)
{
	return s->nframes ? &s->frames[s->nframes - 1] : NULL;
}

/* ---- whitespace ---- */

/* Elements whose children are blocks or structure: blanks between those
 * children are the layout of the source, not text. */
static int holds_blocks(folio_node_kind k)
{
	switch (k) {
	/* blocks and parts whose content is text */
	case FOLIO_NODE_PARA: case FOLIO_NODE_SIMPARA:
	case FOLIO_NODE_PROGRAMLISTING: case FOLIO_NODE_SCREEN:
	case FOLIO_NODE_LITERALLAYOUT: case FOLIO_NODE_SYNOPSIS:
	case FOLIO_NODE_BRIDGEHEAD: case FOLIO_NODE_ADDRESS:
	case FOLIO_NODE_TERM: case FOLIO_NODE_MEMBER:
	case FOLIO_NODE_ATTRIBUTION: case FOLIO_NODE_LABEL:
	case FOLIO_NODE_GLOSSSEE: case FOLIO_NODE_GLOSSSEEALSO:
	case FOLIO_NODE_BIBLIOMIXED: case FOLIO_NODE_BIBLIOMSET:
	case FOLIO_NODE_PRIMARYIE: case FOLIO_NODE_SECONDARYIE:
	case FOLIO_NODE_TERTIARYIE:
	/* decided when the element ends (see mixed_content) */
	case FOLIO_NODE_ENTRY: case FOLIO_NODE_TD: case FOLIO_NODE_TH:
	case FOLIO_NODE_CAPTION: case FOLIO_NODE_UNKNOWN:
		return 0;
	/* inlines and metadata whose content is blocks or structure */
	case FOLIO_NODE_FOOTNOTE: case FOLIO_NODE_INLINEMEDIAOBJECT:
	case FOLIO_NODE_INFO: case FOLIO_NODE_AUTHOR: case FOLIO_NODE_EDITOR:
	case FOLIO_NODE_OTHERCREDIT: case FOLIO_NODE_AUTHORGROUP:
	case FOLIO_NODE_ORG: case FOLIO_NODE_AFFILIATION:
	case FOLIO_NODE_PERSONBLURB: case FOLIO_NODE_PUBLISHER:
	case FOLIO_NODE_COPYRIGHT: case FOLIO_NODE_LEGALNOTICE:
	case FOLIO_NODE_ABSTRACT: case FOLIO_NODE_KEYWORDSET:
	case FOLIO_NODE_SUBJECTSET: case FOLIO_NODE_SUBJECT:
	case FOLIO_NODE_BIBLIOSET: case FOLIO_NODE_REVHISTORY:
	case FOLIO_NODE_REVISION: case FOLIO_NODE_COVER:
	case FOLIO_NODE_INDEXTERM: case FOLIO_NODE_EXTENDEDLINK:
	case FOLIO_NODE_NONE: /* an xi:fallback holder */
		return 1;
	default:
		break;
	}
	switch (folio_kind_class(k)) {
	case FOLIO_CLASS_DIVISION:
	case FOLIO_CLASS_BLOCK:
	case FOLIO_CLASS_PART:
		return 1;
	default:
		return 0;
	}
}

/* Elements that hold either text or blocks (a table cell, a caption, an
 * element folio does not know). */
static int mixed_content(folio_node_kind k)
{
	return k == FOLIO_NODE_ENTRY || k == FOLIO_NODE_TD ||
	       k == FOLIO_NODE_TH || k == FOLIO_NODE_CAPTION ||
	       k == FOLIO_NODE_UNKNOWN;
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

/* After a mixed-content element ends: when it turned out to hold
 * blocks, its blank text between them goes. */
static void settle_mixed(folio_node *n)
{
	if (!mixed_content(n->kind))
		return;
	int has_block = 0;
	for (folio_node *c = n->first; c && !has_block; c = c->next) {
		folio_class cls = folio_kind_class(c->kind);
		has_block = c->kind != FOLIO_NODE_TEXT &&
			    (cls == FOLIO_CLASS_DIVISION || cls == FOLIO_CLASS_BLOCK);
	}
	if (!has_block)
		return;
	folio_node *c = n->first;
	while (c) {
		folio_node *next = c->next;
		if (c->kind == FOLIO_NODE_TEXT && is_blank(c->text, c->len))
			folio_node_unlink(c);
		c = next;
	}
}

/* The gathered characters become one text node. */
static void text_flush(source *s)
{
	if (s->text.len == 0)
		return;
	size_t len = s->text.len;
	folio_node *parent = s->insert;
	if (parent == NULL ||
	    (holds_blocks(parent->kind) && is_blank(s->text.s, len))) {
		sb_clear(&s->text);
		return;
	}
	reader *r = s->r;
	if (!read_budget(s, s->text_loc, &r->total_text, len, r->max_text, "text")) {
		sb_clear(&s->text);
		return;
	}
	if (sax_node_budget(s, s->text_loc)) {
		folio_node *t = folio_text_new(r->doc, s->text.s, len, s->text_loc);
		folio_node_append(parent, t);
	}
	sb_clear(&s->text);
}

/* ---- elements ---- */

static int is_sectn(const char *name)
{
	return strncmp(name, "sect", 4) == 0 && name[4] >= '1' &&
	       name[4] <= '5' && name[5] == '\0';
}

static const char *arena_copy(source *s, const xmlChar *p, size_t n)
{
	return arena_strndup(s->r->doc->arena, (const char *)p, n);
}

/* 0 when the attribute values would pass the document's budget for
 * them: entities make attribute text too, and every include adds its
 * own. */
static int attributes_budget(source *s, folio_loc loc, int nb, const xmlChar **a)
{
	size_t total = 0;
	for (int i = 0; i < nb; i++, a += 5)
		total += (size_t)(a[4] - a[3]);
	reader *r = s->r;
	return read_budget(s, loc, &r->attr_text, total, r->max_attr,
			   "attribute values");
}

static void set_attributes(source *s, folio_node *n, int nb,
			   const xmlChar **a)
{
	folio_doc *doc = s->r->doc;
	folio_attr *attrs = nb ? arena_alloc(doc->arena, (size_t)nb * sizeof(*attrs)) : NULL;
	unsigned kept = 0;
	for (int i = 0; i < nb; i++, a += 5) {
		const char *local = (const char *)a[0];
		const char *prefix = (const char *)a[1];
		const char *uri = (const char *)a[2];
		const char *value = arena_copy(s, a[3], (size_t)(a[4] - a[3]));
		const char *name;
		if (uri && strcmp(uri, NS_XML) == 0) {
			if (strcmp(local, "id") == 0) {
				n->id = value;
				continue;
			}
			if (strcmp(local, "lang") == 0) {
				n->lang = value;
				continue;
			}
			if (strcmp(local, "base") == 0)
				continue; /* paths are resolved by folio itself */
			name = arena_printf(doc->arena, "xml:%s", local);
		} else if (uri && strcmp(uri, NS_XLINK) == 0) {
			name = arena_printf(doc->arena, "xlink:%s", local);
		} else if (uri == NULL) {
			if (strcmp(local, "role") == 0) {
				n->role = value;
				continue;
			}
			name = arena_strdup(doc->arena, local);
		} else {
			name = prefix ? arena_printf(doc->arena, "%s:%s", prefix, local)
				      : arena_strdup(doc->arena, local);
		}
		attrs[kept].name = name;
		attrs[kept].value = value;
		kept++;
	}
	n->attrs = kept ? attrs : NULL;
	n->nattrs = kept;
}

static folio_node *element_node(source *s, folio_loc loc, const char *name)
{
	folio_node_kind kind = folio_kind_from_name(name);
	int alias = 0;
	if (kind == FOLIO_NODE_UNKNOWN && is_sectn(name)) {
		kind = FOLIO_NODE_SECTION;
		alias = 1;
	}
	if (kind == FOLIO_NODE_UNKNOWN) {
		char key[300];
		snprintf(key, sizeof key, "element:%s", name);
		if (first_time(s, key))
			folio_report(s->r->diag, FOLIO_WARNING, loc,
				     "element <%s> is not supported; its text is kept",
				     name);
	}
	if (!sax_node_budget(s, loc))
		return NULL;
	folio_node *n = folio_node_new(s->r->doc, kind, loc);
	if (alias || kind == FOLIO_NODE_UNKNOWN)
		n->name = arena_strdup(s->r->doc->arena, name);
	return n;
}

/* An element of MathML's namespace: one node kind, its name kept. */
static folio_node *mathml_node(source *s, folio_loc loc, const char *name)
{
	read_mathml_check(s, loc, name);
	if (!sax_node_budget(s, loc))
		return NULL;
	folio_node *n = folio_node_new(s->r->doc, FOLIO_NODE_MATHML, loc);
	n->name = arena_strdup(s->r->doc->arena, name);
	return n;
}

/* An element from another namespace: left out with its content.  Inside
 * metadata that is expected (RDF, Dublin Core...) and silent; in the body
 * it loses text, so it is said once per element name. */
static void foreign_element(source *s, folio_loc loc, const char *name,
			    const char *prefix, const char *uri)
{
	s->skip = 1;
	if (s->meta)
		return;
	char key[600];
	snprintf(key, sizeof key, "foreign:{%s}%s", uri ? uri : "", name);
	if (!first_time(s, key))
		return;
	if (uri == NULL) {
		folio_report(s->r->diag, FOLIO_WARNING, loc,
			     "element <%s> has no namespace, so it is not DocBook; it is left out",
			     name);
		folio_report(s->r->diag, FOLIO_NOTE, loc,
			     "DocBook elements take the namespace " NS_DOCBOOK
			     ", usually declared once on the root element");
		return;
	}
	folio_report(s->r->diag, FOLIO_WARNING, loc,
		     "element <%s%s%s> (namespace %s) is not DocBook; it is left out",
		     prefix ? prefix : "", prefix ? ":" : "", name, uri);
}

static int is_meta_context(folio_node_kind k)
{
	return k == FOLIO_NODE_INFO || folio_kind_class(k) == FOLIO_CLASS_META;
}

/* The first element of a file.  The main file must be a DocBook division
 * (roots.c); an included file may hold any DocBook element. */
static int root_ok(source *s, folio_loc loc, const char *name, const char *uri)
{
	int docbook = uri && strcmp(uri, NS_DOCBOOK) == 0;
	int book_or_article = read_root_name_ok(name);
	if (s->depth > 0) {
		if (docbook)
			return 1;
		read_error(s, loc,
			   "the root element <%s> of an included file is not in the DocBook namespace",
			   name);
	} else if (docbook && book_or_article) {
		return 1;
	} else if (docbook || !book_or_article) {
		read_error(s, loc,
			   "root element must be a DocBook 5 division (%s), not <%s>",
			   read_root_names(), name);
		if (docbook || uri == NULL)
			return 0;
	} else {
		read_error(s, loc,
			   "root element must be a DocBook 5 division: <%s> is not in the DocBook namespace",
			   name);
	}
	if (uri == NULL)
		folio_report(s->r->diag, FOLIO_NOTE, loc,
			     "add xmlns=\"" NS_DOCBOOK "\" to <%s>", name);
	else
		folio_report(s->r->diag, FOLIO_NOTE, loc,
			     "its namespace is %s; DocBook 5's is " NS_DOCBOOK, uri);
	return 0;
}

static void xinclude_start(source *s, folio_loc loc, const char *name,
			   int nb_attributes, const xmlChar **attributes)
{
	struct frame *top = top_frame(s);
	int in_include = top && top->kind == FRAME_INCLUDE;
	if (strcmp(name, "include") == 0 && !in_include) {
		struct include *inc = include_begin(s, loc, nb_attributes, attributes);
		push_frame(s, FRAME_INCLUDE, NULL, inc, 0);
		return;
	}
	if (strcmp(name, "fallback") == 0 && in_include && !top->inc->fallback) {
		folio_node *holder = folio_node_new(s->r->doc, FOLIO_NODE_NONE, loc);
		top->inc->fallback = holder;
		struct include *inc = top->inc;
		push_frame(s, FRAME_FALLBACK, holder, inc, 0);
		s->insert = holder;
		return;
	}
	if (strcmp(name, "fallback") == 0)
		read_error(s, loc, in_include ? "xi:include has more than one xi:fallback"
					      : "xi:fallback must be a child of xi:include");
	else if (strcmp(name, "include") == 0)
		read_error(s, loc, "xi:include cannot hold xi:include; put it in xi:fallback");
	else
		read_error(s, loc, "<%s> is not an XInclude element", name);
	s->skip = 1;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		     const xmlChar *URI, int nb_namespaces,
		     const xmlChar **namespaces, int nb_attributes,
		     int nb_defaulted, const xmlChar **attributes)
{
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	source *s = source_of_ctxt(ctx);
	if (s == NULL || s->r->halted)
		return;
	if (s->skip) {
		s->skip++;
		return;
	}
	const char *name = (const char *)localname;
	const char *uri = (const char *)URI;
	folio_loc loc = loc_of_tag(s);
	if (!s->seen_root) {
		s->seen_root = 1;
		if (!root_ok(s, loc, name, uri)) {
			s->failed = 1;
			xmlStopParser(s->ctxt);
			return;
		}
	}
	/* Text before a left-out element stays pending, so the text on both
	 * sides of it makes one node. */
	if (uri && strcmp(uri, NS_XINCLUDE) == 0) {
		text_flush(s);
		xinclude_start(s, loc, name, nb_attributes, attributes);
		return;
	}
	struct frame *top = top_frame(s);
	if (top && top->kind == FRAME_INCLUDE) {
		s->skip = 1; /* xi:include ignores other children */
		return;
	}
	int mathml = uri && strcmp(uri, FOLIO_NS_MATHML) == 0;
	if (!mathml && (uri == NULL || strcmp(uri, NS_DOCBOOK) != 0)) {
		foreign_element(s, loc, name, (const char *)prefix, uri);
		return;
	}
	text_flush(s);
	if (!attributes_budget(s, loc, nb_attributes, attributes))
		return;
	folio_node *n = mathml ? mathml_node(s, loc, name) : element_node(s, loc, name);
	if (n == NULL)
		return;
	set_attributes(s, n, nb_attributes, attributes);
	sax_insert(s, n);
	push_frame(s, FRAME_NODE, n, NULL, is_meta_context(n->kind));
	s->insert = n;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		   const xmlChar *URI)
{
	(void)localname;
	(void)prefix;
	(void)URI;
	source *s = source_of_ctxt(ctx);
	if (s == NULL || s->r->halted)
		return;
	if (s->skip) {
		s->skip--;
		return;
	}
	text_flush(s);
	if (s->nframes == 0)
		return;
	struct frame f = s->frames[--s->nframes];
	if (f.meta)
		s->meta--;
	s->insert = f.saved_insert;
	if (f.kind == FRAME_NODE && f.node->kind == FOLIO_NODE_MATHML)
		read_mathml_settle(s->r->doc, f.node);
	else if (f.kind == FRAME_NODE)
		settle_mixed(f.node);
	else if (f.kind == FRAME_INCLUDE)
		include_end(s, f.inc);
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
	source *s = source_of_ctxt(ctx);
	if (s == NULL || s->skip || len <= 0 || s->r->halted)
		return;
	struct frame *top = top_frame(s);
	if (top && top->kind == FRAME_INCLUDE)
		return; /* blanks around xi:fallback */
	reader *r = s->r;
	if (s->ctxt->depth > 0 &&
	    !read_budget(s, loc_of_cursor(s), &r->entity_text, (size_t)len,
			 r->max_entity, "text made by internal entities"))
		return;
	if (s->text.len == 0)
		s->text_loc = loc_of_text(s, ch, len);
	if (s->text.len + (size_t)len > READ_MAX_TEXT_BYTES) {
		read_error(s, s->text_loc,
			   "a run of text longer than %u MB (folio's limit)",
			   READ_MAX_TEXT_BYTES >> 20);
		read_halt(r);
		sb_clear(&s->text);
		return;
	}
	sb_putn(&s->text, (const char *)ch, (size_t)len);
}

/* ---- processing instructions ---- */

/* The PIs the page builder honours (src/layout/pis.c); every other one
 * (<?dbhtml?>, <?xml-stylesheet?>, an editor's) is dropped silently. */
static const char *const kept_pis[] = { "hard-pagebreak", "pdfpagebreak", "dbfo-need",
					"dbfo", NULL };

/* name="value" or name='value' pairs, as DocBook XSL reads them; what
 * does not parse ends the list. */
static void pi_attributes(source *s, folio_node *n, const char *d)
{
	while (*d) {
		while (*d == ' ' || *d == '\t' || *d == '\n' || *d == '\r')
			d++;
		const char *name = d;
		while (*d && *d != '=' && *d != ' ' && *d != '\t' && *d != '\n')
			d++;
		size_t nlen = (size_t)(d - name);
		if (*d != '=' || nlen == 0 || (d[1] != '"' && d[1] != '\''))
			return;
		char quote = d[1];
		const char *value = d + 2;
		const char *end = strchr(value, quote);
		if (end == NULL)
			return;
		char *k = arena_strndup(s->r->doc->arena, name, nlen);
		char *v = arena_strndup(s->r->doc->arena, value, (size_t)(end - value));
		folio_node_set_attr(s->r->doc, n, k, v);
		d = end + 1;
	}
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	source *s = source_of_ctxt(ctx);
	if (s == NULL || s->skip || s->r->halted || target == NULL)
		return;
	struct frame *top = top_frame(s);
	if (top == NULL || top->kind != FRAME_NODE)
		return; /* outside the root, or inside xi:include */
	size_t k = 0;
	while (kept_pis[k] && strcmp(kept_pis[k], (const char *)target) != 0)
		k++;
	if (kept_pis[k] == NULL)
		return;
	text_flush(s);
	folio_node *n = folio_node_new(s->r->doc, FOLIO_NODE_PI, loc_of_tag(s));
	n->name = kept_pis[k];
	if (data)
		pi_attributes(s, n, (const char *)data);
	sax_insert(s, n);
}

/* ---- the document type declaration ---- */

static void refuse_external(source *s, const xmlChar *name,
			    const xmlChar *public_id, const xmlChar *system_id)
{
	const char *what = system_id ? (const char *)system_id
				     : public_id ? (const char *)public_id : "";
	read_error(s, loc_of_tag(s),
		   "external entities are not allowed: the entity '%s' refers to \"%s\", which folio does not read",
		   (const char *)name, what);
	folio_report(s->r->diag, FOLIO_NOTE, loc_of_tag(s),
		     "declare the entity's text inline, <!ENTITY %s \"...\">, or use xi:include for a file",
		     (const char *)name);
	xmlStopParser(s->ctxt);
}

static void remember_decl(source *s, const xmlChar *name)
{
	s->decls = vec_reserve(s->decls, &s->cap_decls, (size_t)s->ndecls + 1,
			       sizeof(*s->decls));
	s->decls[s->ndecls].name = xstrdup((const char *)name);
	s->decls[s->ndecls].loc = loc_of_tag(s);
	s->ndecls++;
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type,
			   const xmlChar *public_id, const xmlChar *system_id,
			   xmlChar *content)
{
	source *s = source_of_ctxt(ctx);
	if (s == NULL)
		return;
	if (type == XML_INTERNAL_GENERAL_ENTITY)
		remember_decl(s, name);
	if (type == XML_INTERNAL_GENERAL_ENTITY ||
	    type == XML_INTERNAL_PARAMETER_ENTITY) {
		xmlSAX2EntityDecl(ctx, name, type, public_id, system_id, content);
		return;
	}
	refuse_external(s, name, public_id, system_id);
}

/* Called when the internal subset has been read (for the external one,
 * which is never loaded): the moment to measure the entities. */
static void on_subset_end(void *ctx, const xmlChar *name,
			  const xmlChar *external_id, const xmlChar *system_id)
{
	(void)name;
	(void)external_id;
	(void)system_id;
	source *s = source_of_ctxt(ctx);
	if (s && entities_check(s) != 0)
		xmlStopParser(s->ctxt);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name,
				    const xmlChar *public_id,
				    const xmlChar *system_id,
				    const xmlChar *notation)
{
	(void)notation;
	source *s = source_of_ctxt(ctx);
	if (s)
		refuse_external(s, name, public_id, system_id);
}

static void init_handler(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	/* What libxml2 needs to keep internal entities: a document to hold
	 * the internal subset, and lookups into it.  The externalSubset
	 * handler is ours and loads nothing: an external DTD is never
	 * read. */
	sax->startDocument = xmlSAX2StartDocument;
	sax->internalSubset = xmlSAX2InternalSubset;
	sax->isStandalone = xmlSAX2IsStandalone;
	sax->hasInternalSubset = xmlSAX2HasInternalSubset;
	sax->hasExternalSubset = xmlSAX2HasExternalSubset;
	sax->getEntity = xmlSAX2GetEntity;
	sax->getParameterEntity = xmlSAX2GetParameterEntity;
	sax->entityDecl = on_entity_decl;
	sax->externalSubset = on_subset_end; /* loads nothing */
	sax->unparsedEntityDecl = on_unparsed_entity_decl;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_characters;
	sax->processingInstruction = on_pi;
	sax->cdataBlock = on_characters;
	sax->ignorableWhitespace = on_characters;
	sax->serror = errors_structured;
}

int sax_parse(source *s)
{
	reader *r = s->r;
	unsigned errors_before = r->errors;
	if (s->len == 0) {
		folio_loc loc = { s->display, 0, 0 };
		read_error(s, loc, "the file is empty");
		return -1;
	}
	if (s->len > READ_MAX_FILE_BYTES) {
		folio_loc loc = { s->display, 0, 0 };
		read_error(s, loc, "the file is larger than %u MB (folio's limit)",
			   READ_MAX_FILE_BYTES >> 20);
		return -1;
	}
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(s->data, (int)s->len);
	if (ctxt == NULL) {
		folio_loc loc = { s->display, 0, 0 };
		folio_report(r->diag, FOLIO_FATAL, loc, "cannot start the XML parser");
		r->errors++;
		return -1;
	}
	init_handler(ctxt->sax);
	ctxt->_private = s;
	xmlCtxtUseOptions(ctxt, PARSE_OPTIONS);
	s->ctxt = ctxt;
	if (r->halted)
		xmlStopParser(ctxt);
	else
		xmlParseDocument(ctxt);
	text_flush(s);
	if (!ctxt->wellFormed && r->errors == errors_before && !r->halted) {
		read_error(s, loc_of_cursor(s), "the file is not well-formed XML");
	}
	if (ctxt->myDoc) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	s->ctxt = NULL;
	free(s->frames);
	s->frames = NULL;
	s->nframes = s->cap_frames = 0;
	sb_free(&s->text);
	for (size_t i = 0; i < s->ndecls; i++)
		free(s->decls[i].name);
	free(s->decls);
	s->decls = NULL;
	s->ndecls = s->cap_decls = 0;
	return r->errors == errors_before ? 0 : -1;
}
