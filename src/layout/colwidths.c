/*
 * colwidths: how wide a table's columns are.  Given widths (CALS
 * colwidth, HTML col width) are honoured exactly; without them the
 * columns are sized from their content the way a browser sizes an
 * automatic table (CSS 2.1 section 17.5.2.2 and what browsers do
 * besides): no column narrower than its widest word while the table
 * fits the measure at all.  The caller (table.c) measures the content
 * and, when even the widest words do not fit, sets the table smaller.
 */
#include "layout/colwidths.h"
#include "layout/style.h"

#include <stdlib.h>
#include <string.h>

int colwidth_parse(const char *s, col_spec *out)
{
	out->prop = 1;
	out->fixed = 0;
	if (s == NULL)
		return 0;
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return 0;
	double prop = 0;
	fx fixed = 0;
	char buf[64];
	/* terms joined by "+": "2*", "1cm", "2*+3pt" */
	while (*s) {
		size_t n = strcspn(s, "+");
		if (n == 0 || n >= sizeof buf)
			return -1;
		memcpy(buf, s, n);
		buf[n] = '\0';
		char *end;
		double v = strtod(buf, &end);
		while (*end == ' ')
			end++;
		if (end != buf && (strcmp(end, "*") == 0 || strcmp(end, "%") == 0)) {
			if (v < 0)
				return -1;
			prop += v;
		} else if (buf[0] == '*' && buf[1] == '\0') {
			prop += 1;
		} else {
			fx len;
			if (style_parse_length(buf, &len) != 0 || len < 0)
				return -1;
			fixed += len;
		}
		s += n;
		if (*s == '+')
			s++;
	}
	out->prop = prop;
	out->fixed = fixed;
	return 0;
}

fx colwidths_from_specs(const col_spec *specs, int n, fx avail, fx *widths)
{
	fx fixed = 0;
	double parts = 0;
	for (int i = 0; i < n; i++) {
		fixed += specs[i].fixed;
		parts += specs[i].prop;
	}
	fx rest = avail - fixed;
	if (rest < 0 || (parts == 0 && fixed > avail)) {
		/* wider than the measure: everything scaled to fit */
		fx sum = 0;
		for (int i = 0; i < n; i++) {
			widths[i] = fixed > 0 ? fx_muldiv(specs[i].fixed, avail, fixed) : 0;
			sum += widths[i];
		}
		return sum;
	}
	fx sum = 0;
	for (int i = 0; i < n; i++) {
		widths[i] = specs[i].fixed;
		if (parts > 0)
			widths[i] += (fx)((double)rest * (specs[i].prop / parts));
		sum += widths[i];
	}
	return sum;
}

int colwidths_from_content(const fx *minw, const fx *maxw, int n, fx avail,
			   fx *widths)
{
	fx summin = 0, summax = 0;
	for (int i = 0; i < n; i++) {
		summin += minw[i];
		summax += maxw[i] > minw[i] ? maxw[i] : minw[i];
	}
	if (summin > avail) {
		for (int i = 0; i < n; i++)
			widths[i] = summin > 0 ? fx_muldiv(minw[i], avail, summin) : avail / n;
		return 0;
	}
	if (summax <= avail) {
		/* everything fits on one line: the table fills the measure,
		 * the room shared by what each column holds */
		for (int i = 0; i < n; i++) {
			fx mx = maxw[i] > minw[i] ? maxw[i] : minw[i];
			widths[i] = summax > 0 ? fx_muldiv(mx, avail, summax) : avail / n;
		}
		return 1;
	}
	for (int i = 0; i < n; i++) {
		fx mx = maxw[i] > minw[i] ? maxw[i] : minw[i];
		widths[i] = minw[i] + fx_muldiv(mx - minw[i], avail - summin,
						summax - summin);
	}
	return 1;
}
