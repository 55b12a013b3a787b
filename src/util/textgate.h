/*
 * textgate: the one check that text from outside folio passes before it
 * enters the tree (text includes, BibTeX databases, style strings): it
 * must be UTF-8 and hold only characters XML 1.0 allows, so that every
 * output folio writes (XHTML above all) stays well-formed and nothing is
 * cut short at a NUL.  libxml2 applies the same rules to XML sources.
 */
#ifndef FOLIO_UTIL_TEXTGATE_H
#define FOLIO_UTIL_TEXTGATE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	size_t offset;     /* byte offset of the first bad character */
	unsigned line;     /* its line (1-based) */
	unsigned col;      /* its column, in characters (1-based) */
	int bad_utf8;      /* 1: a byte that is not UTF-8; 0: a character */
	uint32_t cp;       /* the character XML forbids (bad_utf8 == 0) */
	unsigned char byte;/* the first byte that is not UTF-8 (bad_utf8) */
} textgate_fault;

/* 1 when cp is a character XML 1.0 allows (its Char production). */
int textgate_xml_char(uint32_t cp);
/* 1 when s[0..n) is UTF-8 holding only characters XML 1.0 allows;
 * otherwise 0, with the first fault described in *fault (may be NULL). */
int textgate_check(const char *s, size_t n, textgate_fault *fault);
/* What is wrong, in words, for a message: "the control character
 * U+0000 (XML does not allow it)", "the byte 0xE9, which is not UTF-8".
 * Writes into buf (at least 80 bytes) and returns it. */
const char *textgate_describe(const textgate_fault *fault, char *buf, size_t size);

/* Copies s into out (size > 0, always terminated, cut short if need be)
 * so that it is safe to print on a terminal: bytes that are not UTF-8
 * become "\xE9", control characters (C0, DEL, C1: a file name can hold
 * an escape sequence) "\x01" or "\u009B", and a backslash stays itself.
 * This is the gate for file names, which reach only diagnostics.
 * Returns out. */
char *textgate_printable(const char *s, char *out, size_t size);

#endif
