/* libs: folio_layout folio_util */
/*
 * test_colwidths: a table's column widths: colwidth values read
 * (proportional, absolute, mixed, missing), given widths honoured
 * exactly, content widths distributed as browsers do, never wider than
 * the measure.
 */
#include "harness.h"
#include "layout/colwidths.h"

#define PT(x) ((fx)((x) * FX_PT))

static fx sum(const fx *w, int n)
{
	fx s = 0;
	for (int i = 0; i < n; i++)
		s += w[i];
	return s;
}

int main(void)
{
	col_spec s[4];
	fx w[8];
	/* parsing */
	INT_EQ(colwidth_parse("2*", &s[0]), 0);
	OK(s[0].prop == 2 && s[0].fixed == 0);
	INT_EQ(colwidth_parse("72pt", &s[1]), 0);
	OK(s[1].prop == 0 && s[1].fixed == PT(72));
	INT_EQ(colwidth_parse("1*+1in", &s[2]), 0);
	OK(s[2].prop == 1 && s[2].fixed == PT(72));
	INT_EQ(colwidth_parse(NULL, &s[3]), 0);
	OK(s[3].prop == 1 && s[3].fixed == 0);
	INT_EQ(colwidth_parse("wide", &s[3]), -1);
	OK(s[3].prop == 1 && s[3].fixed == 0);
	INT_EQ(colwidth_parse("*", &s[3]), 0);
	OK(s[3].prop == 1);

	/* given widths at 400 pt: 2*, 72pt, 1*+72pt, 1*; the 256 pt left
	 * over the absolute parts go 2:1:1 */
	colwidth_parse("2*", &s[0]);
	colwidth_parse("72pt", &s[1]);
	colwidth_parse("1*+72pt", &s[2]);
	colwidth_parse(NULL, &s[3]);
	fx total = colwidths_from_specs(s, 4, PT(400), w);
	INT_EQ(w[0], PT(128));
	INT_EQ(w[1], PT(72));
	INT_EQ(w[2], PT(72 + 64));
	INT_EQ(w[3], PT(64));
	INT_EQ(total, PT(400));
	/* absolute widths wider than the measure are scaled to it */
	colwidth_parse("300pt", &s[0]);
	colwidth_parse("300pt", &s[1]);
	total = colwidths_from_specs(s, 2, PT(400), w);
	OK(total <= PT(400) && w[0] == w[1]);

	/* content: everything fits unbroken: widths by the maximums,
	 * filling the measure */
	fx mn[3] = { PT(20), PT(30), PT(10) }, mx[3] = { PT(50), PT(100), PT(50) };
	INT_EQ(colwidths_from_content(mn, mx, 3, PT(400), w), 1);
	INT_EQ(w[0], PT(100));
	INT_EQ(w[1], PT(200));
	INT_EQ(w[2], PT(100));
	/* between: each column its minimum and the rest by what it wants */
	INT_EQ(colwidths_from_content(mn, mx, 3, PT(120), w), 1);
	OK(w[0] >= mn[0] && w[1] >= mn[1] && w[2] >= mn[2]);
	OK(sum(w, 3) <= PT(120) && sum(w, 3) > PT(119));
	/* 60 pt of room over the minimums, wanted 30 : 70 : 40 */
	INT_EQ(w[0], PT(20) + PT(60) * 30 / 140);
	/* a header word wider than its column's text still gets its width */
	fx mn2[2] = { PT(80), PT(10) }, mx2[2] = { PT(40), PT(300) };
	INT_EQ(colwidths_from_content(mn2, mx2, 2, PT(200), w), 1);
	OK(w[0] >= PT(80));
	/* the minimums do not fit: scaled down, reported */
	INT_EQ(colwidths_from_content(mn, mx, 3, PT(30), w), 0);
	OK(sum(w, 3) <= PT(30));
	DONE();
}
