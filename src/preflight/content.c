/*
 * content: the content-stream reader of content.h.  A tokenizer over the
 * buffer (ISO 32000-1, 7.2 and 7.8.2) and a small machine that keeps the
 * operands of the operator to come: the last six numbers and the last
 * name are all any operator here needs.
 */
#include "preflight/content.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SAVE 64   /* q nesting followed; deeper saves are counted only */
#define NAME_MAX_LEN 127

typedef struct scanner {
	const unsigned char *p, *end;
	double num[6];
	int nnum;          /* numbers since the last operator (capped at 6) */
	char name[NAME_MAX_LEN + 1];
	int have_name;
	pf_matrix stack[MAX_SAVE];
	int depth, lost;   /* saves kept, saves beyond the stack */
	pf_matrix ctm;
	unsigned models;
	int colour_set;    /* a colour operator came before (roughly) */
	const pf_content_cb *cb;
} scanner;

static int is_space(int c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int is_delim(int c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	       c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}

static int is_regular(int c)
{
	return !is_space(c) && !is_delim(c);
}

pf_matrix pf_concat(const pf_matrix *m, const pf_matrix *c)
{
	pf_matrix r;
	r.a = m->a * c->a + m->b * c->c;
	r.b = m->a * c->b + m->b * c->d;
	r.c = m->c * c->a + m->d * c->c;
	r.d = m->c * c->b + m->d * c->d;
	r.e = m->e * c->a + m->f * c->c + c->e;
	r.f = m->e * c->b + m->f * c->d + c->f;
	return r;
}

unsigned pf_device_models(const char *n)
{
	if (!strcmp(n, "DeviceGray") || !strcmp(n, "G") || !strcmp(n, "CalGray"))
		return PF_GRAY;
	if (!strcmp(n, "DeviceRGB") || !strcmp(n, "RGB") || !strcmp(n, "CalRGB"))
		return PF_RGB;
	if (!strcmp(n, "DeviceCMYK") || !strcmp(n, "CMYK"))
		return PF_CMYK;
	return 0;
}

static void skip_string(scanner *s)
{
	int nest = 1;
	s->p++; /* ( */
	while (s->p < s->end && nest > 0) {
		unsigned char c = *s->p++;
		if (c == '\\' && s->p < s->end)
			s->p++;
		else if (c == '(')
			nest++;
		else if (c == ')')
			nest--;
	}
}

static void read_name(scanner *s)
{
	s->p++; /* / */
	size_t n = 0;
	while (s->p < s->end && is_regular(*s->p)) {
		if (n < NAME_MAX_LEN)
			s->name[n++] = (char)*s->p;
		s->p++;
	}
	s->name[n] = '\0';
	s->have_name = 1;
}

static void push_number(scanner *s, double v)
{
	if (s->nnum == 6) {
		memmove(s->num, s->num + 1, 5 * sizeof(double));
		s->nnum = 5;
	}
	s->num[s->nnum++] = v;
}

/* The token at s->p that starts with a regular character: a number or
 * an operator (copied to op). */
static int read_word(scanner *s, char *op, size_t oplen)
{
	const unsigned char *start = s->p;
	while (s->p < s->end && is_regular(*s->p))
		s->p++;
	size_t n = (size_t)(s->p - start);
	unsigned char c = *start;
	if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
		char buf[64];
		if (n >= sizeof buf)
			n = sizeof buf - 1;
		memcpy(buf, start, n);
		buf[n] = '\0';
		push_number(s, strtod(buf, NULL));
		return 0;
	}
	if (n >= oplen)
		n = oplen - 1;
	memcpy(op, start, n);
	op[n] = '\0';
	return 1;
}

/* Inline image: its dictionary up to ID, then the data up to an EI that
 * stands alone. */
static void inline_image(scanner *s)
{
	unsigned w = 0, h = 0, models = PF_GRAY;
	int mask = 0, array = 0;
	char key[NAME_MAX_LEN + 1] = "";
	while (s->p < s->end) {
		unsigned char c = *s->p;
		int cs_key = !strcmp(key, "CS") || !strcmp(key, "ColorSpace");
		if (is_space(c)) {
			s->p++;
		} else if (c == '[' || c == ']') {
			s->p++;
			if (c == '[' && array++ == 0 && cs_key)
				models = PF_OTHER; /* Indexed and the like */
			if (c == ']' && array > 0 && --array == 0)
				key[0] = '\0';
		} else if (array > 0) {
			/* inside an array value: skip the token */
			if (c == '(')
				skip_string(s);
			else if (c == '/')
				read_name(s);
			else if (c == '<' || c == '>')
				s->p++;
			else {
				char word[16];
				read_word(s, word, sizeof word);
			}
		} else if (c == '/') {
			read_name(s);
			if (key[0] == '\0') {
				memcpy(key, s->name, sizeof key);
				continue;
			}
			if (cs_key) {
				models = pf_device_models(s->name);
				if (models == 0 && s->cb && s->cb->colorspace)
					models = s->cb->colorspace(s->cb->ctx, s->name);
			}
			key[0] = '\0';
		} else if (c == '<' || c == '>' || c == '(') {
			if (c == '(')
				skip_string(s);
			else
				s->p++;
		} else {
			char word[16];
			int nn = s->nnum;
			if (read_word(s, word, sizeof word)) {
				if (!strcmp(word, "ID"))
					break;
				if (!strcmp(word, "true") && (!strcmp(key, "IM") ||
							      !strcmp(key, "ImageMask")))
					mask = 1;
				key[0] = '\0';
			} else if (s->nnum > nn || s->nnum == 6) {
				double v = s->num[s->nnum - 1];
				if (!strcmp(key, "W") || !strcmp(key, "Width"))
					w = v > 0 && v < 1e6 ? (unsigned)v : 0;
				else if (!strcmp(key, "H") || !strcmp(key, "Height"))
					h = v > 0 && v < 1e6 ? (unsigned)v : 0;
				key[0] = '\0';
			}
		}
	}
	if (s->p < s->end)
		s->p++; /* the one white-space byte after ID */
	while (s->p + 2 <= s->end) {
		if (s->p[0] == 'E' && s->p[1] == 'I' && is_space(s->p[-1]) &&
		    (s->p + 2 == s->end || is_space(s->p[2]))) {
			s->p += 2;
			break;
		}
		s->p++;
	}
	if (s->p + 2 > s->end)
		s->p = s->end;
	s->nnum = 0;
	s->have_name = 0;
	if (s->cb && s->cb->inline_image)
		s->cb->inline_image(s->cb->ctx, w, h, mask ? 0 : models, &s->ctm);
	if (!mask)
		s->models |= models;
}

/* Operators that paint with the current colour: before any colour is
 * set, that is the initial DeviceGray black. */
static int paints(const char *op)
{
	static const char *const ops[] = { "Tj", "TJ", "'", "\"", "f", "F", "f*",
					   "B", "B*", "b", "b*", "S", "s", NULL };
	for (int i = 0; ops[i]; i++)
		if (strcmp(op, ops[i]) == 0)
			return 1;
	return 0;
}

static void run_operator(scanner *s, const char *op)
{
	const pf_content_cb *cb = s->cb;
	if (!s->colour_set && paints(op))
		s->models |= PF_GRAY;
	if (!strcmp(op, "q")) {
		if (s->depth < MAX_SAVE)
			s->stack[s->depth++] = s->ctm;
		else
			s->lost++;
	} else if (!strcmp(op, "Q")) {
		if (s->lost > 0)
			s->lost--;
		else if (s->depth > 0)
			s->ctm = s->stack[--s->depth];
	} else if (!strcmp(op, "cm")) {
		if (s->nnum == 6) {
			pf_matrix m = { s->num[0], s->num[1], s->num[2],
					s->num[3], s->num[4], s->num[5] };
			s->ctm = pf_concat(&m, &s->ctm);
		}
	} else if (!strcmp(op, "g") || !strcmp(op, "G")) {
		s->models |= PF_GRAY;
	} else if (!strcmp(op, "rg") || !strcmp(op, "RG")) {
		s->models |= PF_RGB;
	} else if (!strcmp(op, "k") || !strcmp(op, "K")) {
		s->models |= PF_CMYK;
	} else if (!strcmp(op, "cs") || !strcmp(op, "CS")) {
		if (s->have_name) {
			unsigned m = pf_device_models(s->name);
			if (m == 0 && cb && cb->colorspace)
				m = cb->colorspace(cb->ctx, s->name);
			s->models |= m;
		}
	} else if (!strcmp(op, "Do")) {
		if (s->have_name && cb && cb->xobject)
			cb->xobject(cb->ctx, s->name, &s->ctm);
	} else if (!strcmp(op, "gs")) {
		if (s->have_name && cb && cb->gstate)
			cb->gstate(cb->ctx, s->name);
	} else if (!strcmp(op, "BI")) {
		inline_image(s);
	}
	static const char *const colour_ops[] = { "g", "G", "rg", "RG", "k", "K", "cs",
						  "CS", "sc", "scn", "SC", "SCN", NULL };
	for (int i = 0; colour_ops[i]; i++)
		if (strcmp(op, colour_ops[i]) == 0)
			s->colour_set = 1;
	s->nnum = 0;
	s->have_name = 0;
}

unsigned pf_scan_content(const unsigned char *p, size_t n, pf_matrix ctm,
			 const pf_content_cb *cb)
{
	scanner *s = calloc(1, sizeof *s);
	if (s == NULL)
		return 0;
	s->p = p;
	s->end = p + n;
	s->ctm = ctm;
	s->cb = cb;
	while (s->p < s->end) {
		unsigned char c = *s->p;
		if (is_space(c)) {
			s->p++;
		} else if (c == '%') {
			while (s->p < s->end && *s->p != '\n' && *s->p != '\r')
				s->p++;
		} else if (c == '(') {
			skip_string(s);
		} else if (c == '/') {
			read_name(s);
		} else if (c == '<') {
			if (s->p + 1 < s->end && s->p[1] == '<') {
				s->p += 2; /* a dictionary operand: its tokens pass */
			} else {
				while (s->p < s->end && *s->p != '>')
					s->p++;
				if (s->p < s->end)
					s->p++;
			}
		} else if (c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == ')') {
			s->p++;
		} else {
			char op[8];
			if (read_word(s, op, sizeof op))
				run_operator(s, op);
		}
	}
	unsigned models = s->models;
	free(s);
	return models;
}
