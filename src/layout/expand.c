/*
 * expand: the scale of a line's glyphs (see expand.h).
 */
#include "layout/expand.h"

int expand_scale(fx excess, fx expandable, int limit, int step)
{
	if (expandable <= 0 || limit <= 0 || excess == 0)
		return EXPAND_UNIT;
	/* the change that fills the line, in units, rounded to the step */
	double want = (double)excess * EXPAND_UNIT / (double)expandable;
	if (want > limit)
		want = limit;
	if (want < -limit)
		want = -limit;
	long change = (long)(want + (want >= 0 ? 0.5 : -0.5));
	if (step > 0) {
		long half = step / 2;
		change = change >= 0 ? (change + half) / step * step
				     : -((-change + half) / step * step);
		/* a limit that is no multiple of the step: the last step in */
		while (change > limit)
			change -= step;
		while (change < -limit)
			change += step;
	}
	return EXPAND_UNIT + (int)change;
}
