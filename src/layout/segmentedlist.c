/*
 * segmentedlist: DocBook's lists of records, as its print stylesheets
 * set them (segmentedlist.as.table off): each seglistitem a group of
 * lines, each seg a line opened by its segtitle in bold and a colon,
 * "Name: Ann".  The segtitles print only there.
 */
#include "layout/flow_walk.h"

int fl_enter_seglistitem(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	fl_block_space(f, 3 * FX_PT);
	return 1;
}

int fl_enter_seg(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	fl_end_para(f);
	const folio_node *title = folio_seg_title(n);
	if (title) {
		state saved = f->s;
		f->s.bold = 1;
		fl_walk(f, title, 1);
		fl_add_text(f, ":");
		f->s = saved;
		fl_add_text(f, " ");
	}
	return 1;
}

/* Not where it stands: fl_enter_seg prints it before each seg. */
int fl_enter_segtitle(flow *f, const folio_node *n, frame *fr)
{
	(void)f, (void)n, (void)fr;
	return 0;
}
