/*
 * text.h: what the text back end shows of itself to the tests: the role
 * it gives each kind of node.
 */
#ifndef FOLIO_BACKEND_TEXT_TEXT_H
#define FOLIO_BACKEND_TEXT_TEXT_H

#include "folio/tree.h"

enum text_role {
	TEXT_UNDECIDED = 0, /* a kind nobody gave a role: a bug */
	TEXT_HIDDEN,        /* never printed where it stands */
	TEXT_BLOCK,         /* a paragraph of its own */
	TEXT_RUN            /* its text runs on in the paragraph around it */
};

/* The role of kind k (enum text_role). */
int text_kind_role(folio_node_kind k);

#endif
