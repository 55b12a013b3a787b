/*
 * expand: the scale of a line's glyphs (see expand.h).
 */
#include "layout/expand.h"

fx expand_flex(fx width, int limit)
{
	if (limit <= 0 || width <= 0)
		return 0;
	return (fx)((int64_t)width * limit / EXPAND_UNIT);
}

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

fx expand_width(int64_t width, int scale)
{
	int64_t v = width * scale;
	return (fx)(v >= 0 ? (v + EXPAND_UNIT / 2) / EXPAND_UNIT
			   : -((-v + EXPAND_UNIT / 2) / EXPAND_UNIT));
}
