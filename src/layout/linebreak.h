/*
 * linebreak.h: Knuth-Plass total-fit line breaking over boxes, glue and
 * penalties (doc/design.md, "Line and page breaking").
 *
 * The caller turns a paragraph into items and ends them with
 * penalty(10000), glue(0 plus 1fil) and penalty(-10000), as TeX does, so
 * the last line is set at its natural width.  lb_break() picks the breaks
 * with the least total demerits in up to three passes: without hyphenation
 * at the pretolerance, with hyphenation at the tolerance, and with
 * emergency stretch; the last pass always succeeds (an overfull line is
 * the worst outcome, and callers split over-wide words before that).
 *
 * Font expansion: a box's stretch and shrink say how far its glyphs may
 * be scaled.  A line takes up what it lacks (or has too much) with its
 * glyphs first, to their limit, and only the rest with its glue; its
 * badness is that of the glue, so a line the glyphs can fill alone costs
 * nothing, and the breaker needs fewer hyphens and loose lines.  With no
 * box stretch or shrink the breaks are exactly TeX's.
 */
#ifndef FOLIO_LAYOUT_LINEBREAK_H
#define FOLIO_LAYOUT_LINEBREAK_H

#include "layout/lay.h"

enum lb_type { LB_BOX, LB_GLUE, LB_PENALTY };

#define LB_INF 10000 /* penalty that forbids a break; -LB_INF forces one */

typedef struct lb_item {
	unsigned char type;    /* enum lb_type */
	unsigned char flagged; /* penalty: a hyphen (discretionary) break */
	unsigned char fil;     /* glue: stretch is infinite (parfillskip) */
	fx width;              /* box/glue width; penalty: width if broken */
	fx stretch, shrink;    /* glue; box: how much its glyphs may widen
				  or narrow (font expansion, expand.h) */
	int penalty;           /* penalty value */
	fx wrap;               /* a line that begins after a (not forced)
				  break here is this much narrower: a wrapped
				  code line goes on further in */
	fx hang;               /* protrusion (protrude.h): a box, how far it
				  hangs out left when it begins a line; glue
				  or penalty, how far a line ending here
				  hangs out right.  The line may be that much
				  wider */
} lb_item;

typedef struct lb_params {
	fx width;              /* line width */
	const fx *first_widths; /* widths of the first lines, or NULL */
	unsigned nfirst;
	int pretolerance;      /* < 0: skip the first pass */
	int tolerance;
	int looseness;
	int line_penalty;
	int adj_demerits;
	int double_hyphen_demerits;
	int final_hyphen_demerits;
	int max_hyphen_run;    /* hard limit on consecutive hyphenated lines */
	fx emergency_stretch;
	fx ragged_stretch;     /* > 0: ragged right, this much stretch per line */
} lb_params;

typedef struct lb_line {
	unsigned start;   /* first item of the line (after discarded glue) */
	unsigned end;     /* the break item: not part of the line, except
			     a penalty's width (the hyphen) */
	double ratio;     /* glue set (after the glyphs' expansion):
			     > 0 stretched, < 0 shrunk */
	int badness;
	int hyphenated;   /* ends at a flagged penalty */
	fx natural;       /* natural width, with the break's width */
	fx target;        /* the line's width, with its protrusion */
} lb_line;

typedef struct lb_result {
	lb_line *lines;
	unsigned nlines;
	double demerits;
	int pass;         /* 1, 2 or 3: the pass that found the breaks */
	int overfull;     /* lines wider than the measure */
} lb_result;

/* TeX's defaults with folio's limits: tolerance 200 (pretolerance 100),
 * line penalty 10, adjdemerits 10000, doublehyphendemerits 10000,
 * finalhyphendemerits 5000, emergency stretch 2.5 em at size. */
void lb_defaults(lb_params *p, fx width, fx size);
fx lb_line_width(const lb_params *p, unsigned line);

/* Breaks items[0..n).  Returns 0; the result's lines are malloc'ed. */
int lb_break(const lb_item *items, unsigned n, const lb_params *p,
	     lb_result *out);
void lb_result_free(lb_result *r);

/* For tests: greedy first-fit breaking (fill each line as far as it fits),
 * and the demerits the total-fit rules give a set of breaks. */
int lb_first_fit(const lb_item *items, unsigned n, const lb_params *p,
		 lb_result *out);

#endif
