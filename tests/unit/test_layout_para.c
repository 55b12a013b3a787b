/* libs: folio_layout folio_resolve folio_tree folio_util */
/*
 * test_layout_para: paragraphs set through para.c with fake fixed-width
 * fonts (every glyph 500 units) and the real Indonesian hyphenation:
 *  - a justified line fills the measure exactly (its last character
 *    hanging out by its protrusion), the last line is set at its natural
 *    spacing;
 *  - no line is wider than the measure, even with a URL or a word wider
 *    than the measure (they break between characters, never overflow);
 *  - never three hyphenated lines in a row; no hyphen in the last word;
 *  - a hyphenated line ends with a hyphen and the text is all there;
 *  - a running head too long for its room is cut after a whole word (in
 *    Japanese, a whole character) with an ellipsis, never after a hyphen,
 *    and is no head rather than a bare ellipsis.
 */
#include "harness.h"
#include "layout_ctx.h"
#include "layout/ctx.h"
#include "layout/expand.h"
#include "layout/protrude.h"
#include "layout/para.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

static lay_ctx c;

static fx line_right(const lay_line *l)
{
	fx r = 0;
	for (unsigned i = 0; i < l->nitems; i++) {
		const lay_item *it = &l->items[i];
		if (it->kind != LI_TEXT || it->n == 0)
			continue;
		/* the last glyph's right edge (spaces carry no width at the end) */
		for (unsigned k = it->n; k > 0; k--) {
			if (it->g[k - 1].cp == ' ')
				continue;
			/* at the run's scale (font expansion) */
			fx adv = fonts_advance(c.fonts, it->face, it->g[k - 1].cp, it->size);
			/* less what protrusion lets it hang into the margin (a
			 * share of its natural width) */
			fx hang = (fx)((int64_t)adv * protrude_right(it->g[k - 1].cp) / 1000);
			if (it->hscale)
				adv = expand_width(adv, it->hscale);
			fx e = it->x + it->g[k - 1].x + adv - hang;
			if (e > r)
				r = e;
			break;
		}
	}
	return r;
}

static unsigned long rng = 99;
static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((rng >> 33) % n);
}

int main(void)
{
	folio_diag *diag = folio_diag_new_stderr();
	folio_doc *doc = folio_doc_new("t.xml");
	lay_style st;
	const char *src = getenv("SRC");
	char exc[4096];
	snprintf(exc, sizeof exc, "%s/hyphenation", src ? src : ".");
	test_ctx_open(&c, doc, diag, &st, exc);
	c.arena = arena_new();
	int face = fonts_add_fixed(c.fonts, "Fake", "regular", 500);
	para_style ps = { 0 };
	ps.face = face;
	ps.size = 10 * FX_PT;
	ps.lang = "id";
	static const char *const words[] = { "pekerjaan", "sosial", "adalah",
		"profesi", "yang", "membantu", "individu", "kelompok", "dan",
		"masyarakat", "kesejahteraan", "pemberdayaan", "keberfungsian",
		"rehabilitasi", "intervensi" };
	int wide = 0, unfilled = 0, stretched_last = 0, runs = 0, last_word = 0;
	int lost = 0, nohyphen = 0, total_lines = 0;
	para *p = para_new(&c);
	for (int t = 0; t < 300; t++) {
		char text[2048];
		size_t o = 0;
		unsigned nw = 8 + rnd(60);
		for (unsigned i = 0; i < nw; i++) {
			const char *w = words[rnd(15)];
			if (i)
				text[o++] = ' ';
			memcpy(text + o, w, strlen(w));
			o += strlen(w);
		}
		if (t % 10 == 0) {
			const char *url = " https://doi.org/10.1177/0020872817695395/sangat/panjang/sekali";
			memcpy(text + o, url, strlen(url));
			o += strlen(url);
		}
		if (t % 15 == 0) {
			const char *w = " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx akhir";
			memcpy(text + o, w, strlen(w));
			o += strlen(w);
		}
		text[o] = '\0';
		para_style s = ps;
		s.url = 0;
		para_text(p, &s, text, o, NULL, 0);
		para_shape sh = { 0 };
		sh.width = (fx)(120 + rnd(150)) * FX_PT;
		sh.leading = 13 * FX_PT;
		sh.align = ALIGN_JUSTIFY;
		sh.hyphenate = 1;
		unsigned n;
		lay_line *lines = para_set(p, &sh, &n);
		total_lines += (int)n;
		int run = 0;
		char all[8192];
		size_t ao = 0;
		for (unsigned i = 0; i < n; i++) {
			fx right = line_right(&lines[i]);
			if (right > sh.width + 1) {
				wide++;
				char buf[1024];
				line_text(&lines[i], buf, sizeof buf);
				if (wide < 4)
					fprintf(stderr, "wide line (%d > %d): %s\n", right, sh.width, buf);
			}
			if (i + 1 < n && right < sh.width - 10 && lines[i].nitems > 0) {
				/* a justified line may fall short only when it has no
				 * space to stretch (one long piece) */
				char buf[1024];
				line_text(&lines[i], buf, sizeof buf);
				if (strchr(buf, ' '))
					unfilled++;
			}
			/* hyphens in a row: the limit is for words that fit
			 * the measure; the x-word wider than it is cut under a
			 * hyphen line after line */
			char lt[1024];
			line_text(&lines[i], lt, sizeof lt);
			run = lines[i].hyphenated && !strstr(lt, "xxxx") ? run + 1 : 0;
			if (run > 2)
				runs++;
			char buf[1024];
			size_t k = line_text(&lines[i], buf, sizeof buf);
			if (lines[i].hyphenated) {
				if (k == 0 || buf[k - 1] != '-')
					nohyphen++;
				else
					k--; /* join the word again */
			} else if (i + 1 < n && k && buf[k - 1] != ' ' && buf[k - 1] != '/' &&
				   buf[k - 1] != '.' && buf[k - 1] != 'x' && buf[k - 1] != '-') {
				buf[k++] = ' ';
			}
			memcpy(all + ao, buf, k);
			ao += k;
		}
		all[ao] = '\0';
		/* every character is there: compare without spaces */
		char a[8192], b[8192];
		size_t na = 0, nb = 0;
		for (size_t i = 0; i < ao; i++)
			if (all[i] != ' ')
				a[na++] = all[i];
		for (size_t i = 0; i < o; i++)
			if (text[i] != ' ')
				b[nb++] = text[i];
		a[na] = b[nb] = '\0';
		if (strcmp(a, b) != 0) {
			lost++;
			if (lost < 3)
				fprintf(stderr, "in:  %s\nout: %s\n", b, a);
		}
		if (n >= 2) {
			/* the last line: natural spaces (5 pt each) */
			const lay_line *l = &lines[n - 1];
			for (unsigned i = 0; i < l->nitems; i++) {
				const lay_item *it = &l->items[i];
				for (unsigned k = 0; it->kind == LI_TEXT && k + 1 < it->n; k++)
					if (it->g[k].cp == ' ' && it->g[k + 1].x - it->g[k].x > 5 * FX_PT + 5)
						stretched_last++;
			}
			char buf[1024];
			line_text(l, buf, sizeof buf);
			if (lines[n - 2].hyphenated && !strchr(buf, ' '))
				last_word++;
		}
	}
	INT_EQ(wide, 0);
	INT_EQ(unfilled, 0);
	INT_EQ(stretched_last, 0);
	INT_EQ(runs, 0);
	INT_EQ(last_word, 0);
	INT_EQ(nohyphen, 0);
	INT_EQ(lost, 0);
	OK(total_lines > 1000);

	/* heads: every character 5 pt wide, the ellipsis too */
	STR_EQ(para_shorten(&c, &ps, "kelompok sosial", 80 * FX_PT), "kelompok sosial");
	STR_EQ(para_shorten(&c, &ps, "kelompok sosial masyarakat", 80 * FX_PT),
	       "kelompok sosial\u2026");
	OK(para_shorten(&c, &ps, "kelompok sosial masyarakat", 30 * FX_PT) == NULL);
	STR_EQ(para_shorten(&c, &ps, "pekerjaan-sosial masyarakat", 90 * FX_PT),
	       "pekerjaan-sosial\u2026");
	OK(para_shorten(&c, &ps, "pekerjaan-sosial masyarakat", 60 * FX_PT) == NULL);
	para_style ja = ps;
	ja.lang = "ja";
	STR_EQ(para_shorten(&c, &ja, "社会福祉の仕事", 20 * FX_PT), "社会福\u2026");
	/* no break before the ideographic full stop (UAX #14) */
	STR_EQ(para_shorten(&c, &ja, "社会福。祉の仕事", 20 * FX_PT), "社会\u2026");
	para_free(p);
	test_ctx_close(&c);
	folio_doc_free(doc);
	folio_diag_free(diag);
	DONE();
}
