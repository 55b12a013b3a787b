/*
 * notes: footnotes in the flow: the call (a raised label) in the text
 * and the note's body set on a list of its own at the small size, which
 * the page builder fetches (flow_footnote) when it places the line that
 * calls the note.  A note inside a note is set in parentheses in place.
 */
#include "layout/flow_walk.h"

static const char *note_label(flow *f, const folio_node *note)
{
	if (note->label)
		return note->label;
	return arena_printf(f->c->arena, "%d", ++f->note_counter);
}

static void superscript(flow *f, const char *label, const folio_node *target)
{
	state saved = f->s;
	f->s.rise = f->s.size * 33 / 100;
	f->s.size = f->s.size * 65 / 100;
	f->s.link = target;
	f->s.uri = NULL;
	fl_add_text(f, label);
	f->s = saved;
}

/* Sets a footnote's body on its own list (small size, label first). */
static void build_note(flow *f, const folio_node *note, const char *label)
{
	vl_list *list = xcalloc(1, sizeof(*list));
	flow *root = f->root;
	VEC_PUSH(root->note_lists, list);
	char key[24];
	hash_put(root->notes, arena_strdup(f->c->arena,
		 ctx_node_key(key, sizeof key, note)), list);
	flow *nf = flow_new(f->c, list);
	nf->nested = 1;
	nf->s.size = f->c->st->size_small;
	nf->s.leading = f->c->st->leading_small;
	nf->s.par_indent = 0;
	nf->s.lang = note->lang ? note->lang : f->s.lang;
	nf->s.rtl = fl_dir_rtl(folio_node_dir(note));
	nf->s.hang = 0;
	nf->s.block = note;
	/* label, then the first paragraph's text */
	state saved = nf->s;
	nf->s.link = note;
	para_mark(nf->p, MARK_ANCHOR, note);
	fl_add_text(nf, label);
	nf->s = saved;
	fl_add_text(nf, "\u2002");
	nf->runin = 1;
	fl_walk(nf, note, 0);
	fl_end_para(nf);
	flow_free(nf);
}


const vl_list *flow_footnote(flow *f, const folio_node *note)
{
	char key[24];
	return hash_get(f->notes, ctx_node_key(key, sizeof key, note));
}

int fl_enter_footnote(flow *f, const folio_node *n, frame *fr)
{
	if (f->no_marks)
		return 0; /* a title in the contents: no note call */
	if (f->nested) {
		/* a note inside a note: in parentheses, in place */
		fl_add_text(f, " (");
		fr->exit = fl_exit_paren;
		return 1;
	}
	const char *label = note_label(f, n);
	superscript(f, label, n);
	para_mark(f->p, MARK_FOOTNOTE, n);
	build_note(f, n, label);
	return 0;
}

int fl_enter_footnoteref(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	if (n->target && !f->no_marks)
		superscript(f, n->target->label ? n->target->label : "*",
			    n->target);
	return 0;
}
