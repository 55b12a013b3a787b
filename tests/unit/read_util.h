/*
 * read_util.h: helpers shared by the reader and resolve tests: a
 * diagnostics sink that keeps every message as printed, a compact dump of
 * a tree, and files in a temporary folder.
 */
#ifndef FOLIO_TEST_READ_UTIL_H
#define FOLIO_TEST_READ_UTIL_H

#include "folio/folio.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_DIAGS 64

struct diags {
	char lines[MAX_DIAGS][1024];
	int n;
	int notes, warnings, errors;
};

static const char *sev_word[] = { "note", "warning", "error", "fatal error" };

static inline void collect_diag(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	struct diags *d = ctx;
	if (sev == FOLIO_NOTE)
		d->notes++;
	if (sev == FOLIO_WARNING)
		d->warnings++;
	if (sev >= FOLIO_ERROR)
		d->errors++;
	if (d->n >= MAX_DIAGS)
		return;
	char where[600];
	folio_loc_format(loc, where, sizeof where);
	snprintf(d->lines[d->n++], sizeof d->lines[0], "%s%s: %s", where,
		 sev_word[sev], msg);
}

/* 1 when some diagnostic contains text. */
static inline int diag_has(const struct diags *d, const char *text)
{
	for (int i = 0; i < d->n; i++)
		if (strstr(d->lines[i], text))
			return 1;
	return 0;
}

static inline int diag_count(const struct diags *d, const char *text)
{
	int k = 0;
	for (int i = 0; i < d->n; i++)
		if (strstr(d->lines[i], text))
			k++;
	return k;
}

static inline void diag_print(const struct diags *d)
{
	for (int i = 0; i < d->n; i++)
		fprintf(stderr, "  | %s\n", d->lines[i]);
}

/* Reads xml (as the file "t.xml") with a fresh sink into *d. */
static inline folio_doc *read_str(const char *xml, struct diags *d)
{
	memset(d, 0, sizeof(*d));
	folio_diag *diag = folio_diag_new(collect_diag, d);
	folio_doc *doc = folio_read_memory("t.xml", xml, strlen(xml), NULL, diag);
	folio_diag_free(diag);
	return doc;
}

/* A compact picture of a subtree: name(children...), text in quotes with
 * newlines as \n; label after '#' when set.  Into a static buffer. */
static inline const char *dump(const folio_node *top)
{
	static strbuf b;
	sb_clear(&b);
	folio_iter it;
	folio_iter_init(&it, top);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		const folio_node *n = it.node;
		if (ev == FOLIO_EXIT) {
			if (n->first)
				sb_putc(&b, ')');
			continue;
		}
		if (n != top && n->prev)
			sb_putc(&b, ' ');
		if (n->kind == FOLIO_NODE_TEXT) {
			sb_putc(&b, '\'');
			for (size_t i = 0; i < n->len; i++) {
				if (n->text[i] == '\n')
					sb_puts(&b, "\\n");
				else
					sb_putc(&b, n->text[i]);
			}
			sb_putc(&b, '\'');
			continue;
		}
		sb_puts(&b, n->name);
		if (n->label) {
			sb_putc(&b, '#');
			sb_puts(&b, n->label);
		}
		if (n->first)
			sb_putc(&b, '(');
	}
	return sb_str(&b);
}

/* "line:col" of a node, into a static buffer (two slots, so two can be
 * compared in one expression). */
static inline const char *lc(const folio_node *n)
{
	static char buf[2][32];
	static int which;
	which ^= 1;
	if (n == NULL)
		return "(none)";
	snprintf(buf[which], sizeof buf[which], "%u:%u", n->loc.line, n->loc.col);
	return buf[which];
}

/* The first node of kind below top in document order, the nth (0-based). */
static inline folio_node *find_kind(folio_node *top, folio_node_kind kind, int nth)
{
	for (folio_node *n = top; n; n = folio_next(top, n, 0))
		if (n->kind == kind && nth-- == 0)
			return n;
	return NULL;
}

/* A temporary folder for files of one test. */
static char tmp_dir[256];

static inline void tmp_make(void)
{
	snprintf(tmp_dir, sizeof tmp_dir, "/tmp/folio-test-XXXXXX");
	if (mkdtemp(tmp_dir) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
}

static inline const char *tmp_path(const char *name)
{
	static char buf[4][512];
	static int which;
	which = (which + 1) % 4;
	snprintf(buf[which], sizeof buf[which], "%s/%s", tmp_dir, name);
	return buf[which];
}

static inline void tmp_write(const char *name, const char *content)
{
	const char *path = tmp_path(name);
	FILE *f = fopen(path, "wb");
	if (f == NULL) {
		perror(path);
		exit(2);
	}
	fputs(content, f);
	fclose(f);
}

static inline void tmp_remove(void)
{
	char cmd[600];
	if (strncmp(tmp_dir, "/tmp/folio-test-", 16) != 0)
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp_dir);
}

#endif
