/*
 * errors: libxml2's diagnostics, routed into folio's sink as
 * file:line:col: error: message.
 *
 * Each parser context of ours carries serror (its data is the source being
 * parsed), so parser errors arrive with their file.  Errors raised outside
 * a parser context (encoding conversion) reach the process-wide structured
 * handler, which we install for the length of one folio_read() and point
 * at the innermost open file.  The generic handler is silenced meanwhile:
 * libxml2 must never print to stderr on its own.
 *
 * Only the first error in a file is reported: libxml2 does not recover, and
 * what it reports after a well-formedness error is a cascade of the same
 * mistake.  Messages are reworded where libxml2's text would mislead a
 * reader (the entity "loop" that is really an expansion bomb, the advice to
 * use XML_PARSE_HUGE, the "Bytes:" dump on a second line).
 */
#include "read/read.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* libxml2's message without its newlines. */
static void flatten(const char *msg, char *buf, size_t size)
{
	size_t n = 0;
	for (const char *p = msg ? msg : ""; *p && n + 1 < size; p++) {
		if (*p == '\n') {
			if (p[1] == '\0')
				break;
			if (n + 2 < size) {
				buf[n++] = ';';
				buf[n++] = ' ';
			}
			continue;
		}
		buf[n++] = *p;
	}
	buf[n] = '\0';
}

static void describe(const xmlError *err, char *buf, size_t size)
{
	char msg[1024];
	flatten(err->message, msg, sizeof msg);
	switch (err->code) {
	case XML_ERR_TAG_NAME_MISMATCH: {
		char open[256], close[256];
		int line;
		if (sscanf(msg, "Opening and ending tag mismatch: %255s line %d and %255s",
			   open, &line, close) == 3) {
			snprintf(buf, size,
				 "Opening and ending tag mismatch: <%s> opened on line %d is closed by </%s>",
				 open, line, close);
			return;
		}
		break;
	}
	case XML_ERR_ENTITY_LOOP:
		snprintf(buf, size,
			 "entity expansion refused: the entities refer to each other in a loop or expand too much (an entity-expansion bomb)");
		return;
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
		if (strstr(msg, "not proper UTF-8")) {
			const char *bytes = strstr(msg, "Bytes: ");
			snprintf(buf, size,
				 "the text is not valid UTF-8 (bytes %s); save the file as UTF-8, or name its encoding in the XML declaration, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
				 bytes ? bytes + 7 : "?");
			return;
		}
		break;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		snprintf(buf, size,
			 "%s; folio reads no DTD, so only entities declared in the document itself exist: write the character itself or a character reference such as &#160;",
			 msg);
		return;
	case XML_ERR_DOCUMENT_EMPTY:
		if (strstr(msg, "Document is empty")) {
			snprintf(buf, size, "the document is empty: no root element");
			return;
		}
		if (strstr(msg, "Start tag expected")) {
			snprintf(buf, size,
				 "not an XML document: expected the root element's start tag ('<' not found)");
			return;
		}
		break;
	case XML_ERR_INTERNAL_ERROR:
		if (strstr(msg, "Excessive depth")) {
			snprintf(buf, size,
				 "elements are nested more than 256 deep (folio's limit)");
			return;
		}
		break;
	default:
		break;
	}
	snprintf(buf, size, "%s", msg);
}

static folio_severity severity_of(const xmlError *err)
{
	/* An undeclared entity is only a warning for libxml2 when an
	 * external DTD might have declared it; folio never reads one, so
	 * the reference's text would silently vanish. */
	if (err->code == XML_WAR_UNDECLARED_ENTITY)
		return FOLIO_ERROR;
	return err->level == XML_ERR_WARNING ? FOLIO_WARNING : FOLIO_ERROR;
}

/* A mismatched end tag is reported with the cursor past its name; the
 * place to show is its "</". */
static folio_loc end_tag_start(source *s, folio_loc cursor)
{
	xmlParserInputPtr in = s->ctxt->input;
	const xmlChar *p = in->cur;
	size_t back = (size_t)(p - in->base);
	const xmlChar *stop = back > 1024 ? p - 1024 : in->base;
	while (p > stop && !(p[0] == '<' && p[1] == '/'))
		p--;
	return p[0] == '<' && p[1] == '/' ? loc_at(s, p) : cursor;
}

static folio_loc where(source *s, const xmlError *err)
{
	folio_loc loc = { s->display, 0, 0 };
	if (s->ctxt == NULL || s->ctxt->input == NULL) {
		loc.line = err->line > 0 ? (unsigned)err->line : 0;
		loc.col = err->int2 > 0 ? (unsigned)err->int2 : 0;
		return loc;
	}
	if ((err->domain != XML_FROM_PARSER && err->domain != XML_FROM_NAMESPACE) ||
	    err->ctxt == NULL) {
		/* Raised from inside libxml2's input handling (an encoding
		 * conversion while the buffer grows), with no parser context:
		 * the buffer pointers may be stale, so only the counters are
		 * read. */
		loc.line = (unsigned)s->ctxt->input->line;
		loc.col = s->ctxt->input->col > 0 ? (unsigned)s->ctxt->input->col : 0;
		return loc;
	}
	if (err->ctxt != s->ctxt || s->ctxt->depth > 0)
		return loc_of_cursor(s); /* inside an entity: its reference */
	/* Some errors are raised with the cursor past the thing at fault. */
	if (err->code == XML_ERR_TAG_NAME_MISMATCH)
		loc = end_tag_start(s, loc_of_cursor(s));
	else if (err->code == XML_ERR_UNDECLARED_ENTITY ||
		 err->code == XML_WAR_UNDECLARED_ENTITY)
		loc = loc_of_reference(s);
	else if (err->code == XML_ERR_INTERNAL_ERROR &&
		 err->message && strstr(err->message, "Excessive depth"))
		loc = loc_of_last_tag(s);
	else
		loc = loc_of_cursor(s);
	if (err->line > 0 && loc.line != (unsigned)err->line) {
		loc.line = (unsigned)err->line;
		loc.col = err->int2 > 0 ? (unsigned)err->int2 : 0;
	}
	return loc;
}

static void report(source *s, const xmlError *err)
{
	if (err->code == XML_ERR_USER_STOP)
		return; /* we stopped the parser and said why */
	folio_severity sev = severity_of(err);
	folio_loc loc = where(s, err);
	if (s->failed && sev == FOLIO_ERROR)
		return; /* a cascade after the first error */
	if (loc.line == s->last_err_line && loc.col == s->last_err_col &&
	    err->code == s->last_err_code)
		return;
	s->last_err_line = loc.line;
	s->last_err_col = loc.col;
	s->last_err_code = err->code;
	char msg[1400];
	describe(err, msg, sizeof msg);
	if (sev == FOLIO_ERROR) {
		/* No xmlStopParser here: libxml2 raises errors from deep inside
		 * (an encoding switch, for one) and goes on using the input it
		 * would free.  A fatal error already stops the SAX events;
		 * what libxml2 reports after it is dropped as a cascade. */
		read_error(s, loc, "%s", msg);
		s->failed = 1;
	} else {
		folio_report(s->r->diag, sev, loc, "%s", msg);
	}
}

void errors_structured(void *ctx, xmlErrorPtr err)
{
	source *s = source_of_ctxt(ctx);
	if (s == NULL || err == NULL)
		return;
	report(s, err);
}

/* Errors without a parser context of ours (encoding conversion, I/O). */
static void global_structured(void *ctx, xmlErrorPtr err)
{
	reader *r = ctx;
	if (r == NULL || err == NULL)
		return;
	if (r->current) {
		report(r->current, err);
		return;
	}
	char msg[1024];
	flatten(err->message, msg, sizeof msg);
	folio_loc none = { NULL, 0, 0 };
	folio_report(r->diag, FOLIO_ERROR, none, "%s", msg);
	r->errors++;
}

static void generic_silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

enum { SAVED_SERROR, SAVED_SCTX, SAVED_GERROR, SAVED_GCTX };

void errors_install(reader *r, void **saved)
{
	/* Function pointers travel through void * here: POSIX guarantees
	 * the round trip, and the slots are only ever read back by
	 * errors_restore. */
	xmlStructuredErrorFunc se = xmlStructuredError;
	xmlGenericErrorFunc ge = xmlGenericError;
	memcpy(&saved[SAVED_SERROR], &se, sizeof se);
	saved[SAVED_SCTX] = xmlStructuredErrorContext;
	memcpy(&saved[SAVED_GERROR], &ge, sizeof ge);
	saved[SAVED_GCTX] = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(r, global_structured);
	xmlSetGenericErrorFunc(r, generic_silent);
}

void errors_restore(void **saved)
{
	xmlStructuredErrorFunc se;
	xmlGenericErrorFunc ge;
	memcpy(&se, &saved[SAVED_SERROR], sizeof se);
	memcpy(&ge, &saved[SAVED_GERROR], sizeof ge);
	xmlSetStructuredErrorFunc(saved[SAVED_SCTX], se);
	xmlSetGenericErrorFunc(saved[SAVED_GCTX], ge);
}
