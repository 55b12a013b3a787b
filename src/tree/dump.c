/*
 * dump: the tree as text, one node a line, indented two spaces a level, so
 * that what read and resolve made can be diffed (tests/golden/NAME.tree)
 * and read while debugging.  `FOLIO_DUMP_TREE=FILE folio check|build ...`
 * writes it after resolve (src/cli/main.c).
 *
 *   doc lang=id nodes=1234
 *   book #reader lang=id @reader.xml:2:1
 *     title
 *       "Pengantar Pekerjaan Sosial"
 *     article #art-1 label=1 numbered @articles/01.xml:2:1
 *       glossterm -> #gl-kelompok
 *       #locators generated refs=para@12,para@40
 *
 * An element shows its kind (and the name it was written with when that
 * differs: sect1 as "section name=sect1"), then what is set of: id, role,
 * xml:lang where it changes, label, flags, other attributes, the node it
 * points at (->), the node a generated one stands for (<-), the places a
 * locator lists, and where it starts (@file:line:col; the file only when
 * it differs from the parent's, and relative to the source's folder, so
 * the dump does not depend on where the sources are).  A node without an
 * id is referred to as kind@serial.  Text is quoted with \n, \t, \", \\
 * and \xNN escapes.  Nothing recursive: the depth comes from the sources.
 */
#include "folio/tree.h"

#include <stdio.h>
#include <string.h>

static void ref(FILE *out, const folio_node *n)
{
	if (n == NULL)
		fputs("?", out);
	else if (n->id)
		fprintf(out, "#%s", n->id);
	else
		fprintf(out, "%s@%u", folio_kind_name(n->kind), n->serial);
}

static void quoted(FILE *out, const char *s, size_t len)
{
	fputc('"', out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static const char *after_folder(const char *path, const char *folder, size_t n)
{
	if (n && strncmp(path, folder, n) == 0 && path[n] == '/')
		return path + n + 1;
	return NULL;
}

/* path relative to the main source's folder (as given, or as resolved:
 * files read are named either way), when inside it */
static const char *shown_path(const folio_doc *doc, const char *path)
{
	if (path == NULL)
		return "?";
	const char *slash = doc->path ? strrchr(doc->path, '/') : NULL;
	const char *rel = slash ? after_folder(path, doc->path, (size_t)(slash - doc->path)) : NULL;
	if (rel == NULL && doc->dir)
		rel = after_folder(path, doc->dir, strlen(doc->dir));
	return rel ? rel : path;
}

static void flags(FILE *out, unsigned f)
{
	static const struct {
		unsigned flag;
		const char *word;
	} names[] = {
		{ FOLIO_FLAG_GENERATED, "generated" },
		{ FOLIO_FLAG_HIDDEN, "hidden" },
		{ FOLIO_FLAG_NUMBERED, "numbered" },
		{ FOLIO_FLAG_FRONTMATTER, "front" },
		{ FOLIO_FLAG_BACKMATTER, "back" },
		{ FOLIO_FLAG_FOREIGN, "foreign" },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (f & names[i].flag)
			fprintf(out, " %s", names[i].word);
}

static void where(FILE *out, const folio_doc *doc, const folio_node *n)
{
	const char *file = n->loc.file;
	const char *parent_file = n->parent ? n->parent->loc.file : NULL;
	fputs(" @", out);
	if (file && (parent_file == NULL || strcmp(file, parent_file) != 0))
		fputs(shown_path(doc, file), out);
	fprintf(out, ":%u:%u", n->loc.line, n->loc.col);
}

static void element(FILE *out, const folio_doc *doc, const folio_node *n)
{
	const char *kind = folio_kind_name(n->kind);
	fputs(kind, out);
	if (n->name && strcmp(n->name, kind) != 0)
		fprintf(out, " name=%s", n->name);
	if (n->id)
		fprintf(out, " #%s", n->id);
	if (n->role)
		fprintf(out, " role=%s", n->role);
	if (n->lang && (n->parent == NULL || n->parent->lang == NULL ||
			strcmp(n->lang, n->parent->lang) != 0))
		fprintf(out, " lang=%s", n->lang);
	if (n->label) {
		fputs(" label=", out);
		quoted(out, n->label, strlen(n->label));
	}
	flags(out, n->flags);
	for (unsigned i = 0; i < n->nattrs; i++) {
		fprintf(out, " %s=", n->attrs[i].name);
		quoted(out, n->attrs[i].value, strlen(n->attrs[i].value));
	}
	if (n->target) {
		fputs(" -> ", out);
		ref(out, n->target);
	}
	if (n->origin) {
		fputs(" <- ", out);
		ref(out, n->origin);
	}
	for (unsigned i = 0; i < n->nrefs; i++) {
		fputs(i ? "," : " refs=", out);
		ref(out, n->refs[i]);
	}
	where(out, doc, n);
}

void folio_tree_dump(FILE *out, const folio_doc *doc)
{
	fprintf(out, "doc lang=%s nodes=%u\n", doc->lang ? doc->lang : "?",
		doc->node_count);
	folio_iter it;
	folio_iter_init(&it, doc->root);
	unsigned depth = 0;
	for (folio_event ev; (ev = folio_iter_next(&it)) != FOLIO_DONE;) {
		const folio_node *n = it.node;
		if (ev == FOLIO_EXIT) {
			depth--;
			continue;
		}
		for (unsigned i = 0; i < depth; i++)
			fputs("  ", out);
		if (n->kind == FOLIO_NODE_TEXT) {
			quoted(out, n->text, n->len);
			if (n->flags & FOLIO_FLAG_GENERATED)
				fputs(" generated", out);
		} else {
			element(out, doc, n);
			depth++;
		}
		fputc('\n', out);
	}
}
