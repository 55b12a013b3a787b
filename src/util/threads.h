/*
 * threads.h: whether folio may run work on more threads than one.
 *
 * folio uses a second core for the hyphenation dictionaries, paragraphs
 * set ahead, the EPUB written beside the PDF and the EPUB's files
 * deflated two at a time; none of it changes the output.  FOLIO_THREADS=1 in the environment keeps everything on one
 * thread: for machines shared with other jobs, and for tests that check
 * the output is the same either way.
 */
#ifndef FOLIO_UTIL_THREADS_H
#define FOLIO_UTIL_THREADS_H

int threads_allowed(void);

#endif
