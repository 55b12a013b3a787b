/* libs: folio_layout folio_tree folio_util */
/*
 * fuzz_style: the page-style reader on arbitrary bytes.  Whatever the
 * file holds, it must give errors, never crash, and a style it accepts
 * must be one the layout can use: every size and leading above zero, the
 * index's columns in range, a text block of at least 3 x 3 cm.  The
 * checks below abort (a finding) when an accepted style breaks them.
 */
#include "layout/style.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx; (void)sev; (void)loc; (void)msg;
}

static void usable(const lay_style *s)
{
	const fx block = 30 * 72000 * 10 / 254; /* 30 mm */
	int ok = s->page_width > 0 && s->page_height > 0 &&
		 s->size_text > 0 && s->leading > 0 && s->size_small > 0 &&
		 s->leading_small > 0 && s->size_mono > 0 && s->head_size > 0 &&
		 s->title_size > 0 && s->book_title_size > 0 &&
		 s->index_columns >= 1 && s->index_columns <= 16 &&
		 s->page_width - s->margin_inner - s->margin_outer >= block &&
		 s->page_height - s->margin_top - s->margin_bottom >= block &&
		 s->margin_inner >= 0 && s->margin_outer >= 0 &&
		 s->margin_top >= 0 && s->margin_bottom >= 0;
	for (int i = 0; i < 4; i++)
		ok = ok && s->h[i].size > 0 && s->h[i].leading > 0;
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	char path[] = "/tmp/folio-fuzz-style-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	FILE *fp = fdopen(fd, "wb");
	if (fp == NULL || fwrite(data, 1, size, fp) != size) {
		if (fp)
			fclose(fp);
		unlink(path);
		return 0;
	}
	fclose(fp);
	folio_diag *diag = folio_diag_new(quiet, NULL);
	lay_style s;
	style_defaults(&s);
	if (style_load(&s, path, diag) == 0)
		usable(&s);
	folio_diag_free(diag);
	unlink(path);
	return 0;
}
