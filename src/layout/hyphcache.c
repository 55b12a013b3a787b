/*
 * hyphcache: compiled libhyphen dictionaries in a cache (see hyphcache.h).
 *
 * The file is the header below, then each level of the dictionary (libhyphen
 * chains a second level for compound words): its settings, then its states
 * with their match and replacement strings and transitions.  Integers are
 * written in the machine's own order and sizes, which the header records:
 * the cache is this machine's.
 */
#include "layout/hyphcache.h"
#include "util/cleanup.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "FOLIOHY1"
#define MAX_DIC (16u << 20)   /* a .dic larger than this is not cached */
#define MAX_CACHE (256u << 20)

typedef struct header {
	char magic[8];
	uint32_t sizes;        /* sizeof of the structures, packed */
	uint32_t zero;
	uint64_t source_sum, source_len;
	uint64_t payload_sum, payload_len;
} header;

/* A level as hyphcache_load makes it: the dictionary first, so the
 * pointer libhyphen sees is this one; pool (top level only) holds every
 * string and transition array. */
typedef struct cached_dict {
	HyphenDict d;
	unsigned char *pool;
} cached_dict;

static uint32_t layout_sizes(void)
{
	return (uint32_t)(sizeof(HyphenState) | sizeof(HyphenTrans) << 8 |
			  sizeof(int) << 16 | sizeof(void *) << 24);
}

/* A 64-bit checksum, eight bytes a step. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h = (h << 31) | (h >> 33);
		p += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, p, n);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}


static char *cache_dir(void)
{
	const char *d = getenv("FOLIO_CACHE_DIR");
	if (d)
		return *d ? xstrdup(d) : NULL;
	strbuf b = STRBUF_INIT;
	const char *x = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	if (x && *x == '/')
		sb_printf(&b, "%s/folio", x);
	else if (home && *home == '/')
		sb_printf(&b, "%s/.cache/folio", home);
	else
		return NULL;
	return sb_take(&b);
}

char *hyphcache_file(const char *path, const unsigned char *data, size_t n)
{
	char *dir = cache_dir();
	if (dir == NULL)
		return NULL;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "%s/%s-%016llx.bin", dir, base,
		  (unsigned long long)checksum(data, n));
	free(dir);
	return sb_take(&b);
}

/* The .dic's bytes and its cache file's name. */
static char *locate(const char *path, uint64_t *sum, uint64_t *len)
{
	size_t n = 0;
	char *text = NULL;
	if (file_read_all(path, MAX_DIC, &text, &n) != 0)
		return NULL;
	unsigned char *data = (unsigned char *)text;
	*sum = checksum(data, n);
	*len = n;
	char *file = hyphcache_file(path, data, n);
	free(data);
	return file;
}

/* ---- writing ---- */

static void put_i32(strbuf *b, int32_t v)
{
	sb_putn(b, (const char *)&v, sizeof v);
}

static void put_str(strbuf *b, const char *s, size_t n, int null)
{
	put_i32(b, null ? -1 : (int32_t)n);
	if (!null)
		sb_putn(b, s, n);
}

/* nohyphen is nohyphenl + 1 strings one after the other. */
static size_t nohyphen_bytes(const HyphenDict *d)
{
	if (d->nohyphen == NULL)
		return 0;
	size_t n = 0;
	for (int i = 0; i <= d->nohyphenl; i++)
		n += strlen(d->nohyphen + n) + 1;
	return n;
}

static void put_level(strbuf *b, const HyphenDict *d)
{
	char mins[4] = { d->lhmin, d->rhmin, d->clhmin, d->crhmin };
	sb_putn(b, mins, 4);
	put_i32(b, d->nohyphenl);
	put_str(b, d->nohyphen, nohyphen_bytes(d), d->nohyphen == NULL);
	put_i32(b, d->num_states);
	sb_putn(b, d->cset, sizeof d->cset);
	put_i32(b, d->utf8);
	for (int i = 0; i < d->num_states; i++) {
		const HyphenState *s = &d->states[i];
		put_str(b, s->match, s->match ? strlen(s->match) : 0, s->match == NULL);
		put_str(b, s->repl, s->repl ? strlen(s->repl) : 0, s->repl == NULL);
		/* libhyphen leaves these unset on a state without a
		 * replacement: written as 0 so the file is the same bytes
		 * from build to build (and valgrind sees nothing unset). */
		char idx[2] = { s->repl ? (char)s->replindex : 0, s->repl ? (char)s->replcut : 0 };
		sb_putn(b, idx, 2);
		put_i32(b, s->fallback_state);
		put_i32(b, s->num_trans);
		for (int t = 0; t < s->num_trans; t++) {
			sb_putc(b, s->trans[t].ch);
			put_i32(b, s->trans[t].new_state);
		}
	}
	sb_putc(b, d->nextlevel ? 1 : 0);
}

static int make_dirs(const char *file)
{
	char *p = xstrdup(file);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

/* Whether any level has replacement rules (non-standard hyphenation):
 * such dictionaries are left to libhyphen, see level_safe. */
static int has_replacements(const HyphenDict *dict)
{
	for (const HyphenDict *d = dict; d; d = d->nextlevel)
		for (int i = 0; i < d->num_states; i++)
			if (d->states[i].repl)
				return 1;
	return 0;
}

void hyphcache_store(const char *path, const HyphenDict *dict)
{
	if (dict == NULL || has_replacements(dict))
		return;
	uint64_t sum = 0, len = 0;
	char *file = dict ? locate(path, &sum, &len) : NULL;
	if (file == NULL)
		return;
	strbuf payload = STRBUF_INIT;
	for (const HyphenDict *d = dict; d; d = d->nextlevel)
		put_level(&payload, d);
	header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, MAGIC, 8);
	h.sizes = layout_sizes();
	h.source_sum = sum;
	h.source_len = len;
	h.payload_len = payload.len;
	h.payload_sum = checksum((const unsigned char *)payload.s, payload.len);
	/* a file of our own, renamed into place: another build reading or
	 * writing the same name sees a whole file or none */
	strbuf tmp = STRBUF_INIT;
	sb_printf(&tmp, "%s.XXXXXX", file);
	int fd = make_dirs(file) == 0 ? mkstemp(tmp.s) : -1;
	if (fd >= 0) {
		/* removed too if a signal ends the run meanwhile */
		int slot = cleanup_register(tmp.s);
		FILE *fp = fdopen(fd, "wb");
		int ok = fp && fwrite(&h, sizeof h, 1, fp) == 1 &&
			 fwrite(payload.s, 1, payload.len, fp) == payload.len;
		if (fp == NULL)
			close(fd);
		else if (fclose(fp) != 0)
			ok = 0;
		if (!ok || rename(tmp.s, file) != 0)
			unlink(tmp.s);
		cleanup_forget(slot);
	}
	sb_free(&tmp);
	sb_free(&payload);
	free(file);
}

/* ---- reading ---- */

typedef struct reader {
	const unsigned char *p, *end;
	unsigned char *pool, *pool_end;
	int bad;
} reader;

static void get(reader *r, void *out, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
}

static int32_t get_i32(reader *r)
{
	int32_t v;
	get(r, &v, sizeof v);
	return v;
}

static void *pool_alloc(reader *r, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	if (r->bad || (size_t)(r->pool_end - r->pool) < n) {
		r->bad = 1;
		return NULL;
	}
	void *p = r->pool;
	r->pool += n;
	return p;
}

static char *get_str(reader *r)
{
	int32_t n = get_i32(r);
	if (n < 0 || r->bad)
		return NULL;
	char *s = pool_alloc(r, (size_t)n + 1);
	if (s) {
		get(r, s, (size_t)n);
		s[n] = '\0';
	}
	return s;
}

static void free_levels(cached_dict *c)
{
	while (c) {
		cached_dict *next = (cached_dict *)c->d.nextlevel;
		free(c->d.states);
		free(c->pool);
		free(c);
		c = next;
	}
}

/*
 * libhyphen 2.8.8 trusts its states: a match string longer than the path
 * that leads to its state makes it write before the start of its array,
 * and nohyphen is read as nohyphenl + 1 strings.  A file in the cache is
 * only read back if it holds what libhyphen itself builds: every match no
 * longer than its state's shortest path from the start plus one, no
 * replacement rules (those dictionaries are not cached), nohyphen as many
 * strings as it says.
 */
static int level_safe(const HyphenDict *d)
{
	int n = d->num_states;
	if (n <= 0)
		return 0;
	int *depth = xmalloc((size_t)n * sizeof(int));
	int *queue = xmalloc((size_t)n * sizeof(int));
	for (int i = 0; i < n; i++)
		depth[i] = -1;
	int head = 0, tail = 0;
	depth[0] = 0;
	queue[tail++] = 0;
	while (head < tail) {
		const HyphenState *st = &d->states[queue[head++]];
		int next_depth = depth[queue[head - 1]] + 1;
		for (int t = 0; t < st->num_trans; t++) {
			int to = st->trans[t].new_state;
			if (depth[to] < 0) {
				depth[to] = next_depth;
				queue[tail++] = to;
			}
		}
	}
	int ok = 1;
	for (int i = 0; i < n && ok; i++) {
		const HyphenState *st = &d->states[i];
		if (st->repl)
			ok = 0;
		else if (st->match && (depth[i] < 0 || strlen(st->match) > (size_t)depth[i] + 1))
			ok = 0;
	}
	free(depth);
	free(queue);
	return ok;
}

static cached_dict *get_level(reader *r)
{
	cached_dict *c = xcalloc(1, sizeof *c);
	HyphenDict *d = &c->d;
	char mins[4];
	get(r, mins, 4);
	d->lhmin = mins[0];
	d->rhmin = mins[1];
	d->clhmin = mins[2];
	d->crhmin = mins[3];
	d->nohyphenl = get_i32(r);
	int32_t nb = get_i32(r);
	if (nb >= 0 && !r->bad) {
		d->nohyphen = pool_alloc(r, (size_t)nb + 1);
		if (d->nohyphen) {
			get(r, d->nohyphen, (size_t)nb);
			d->nohyphen[nb] = '\0';
			/* nohyphenl + 1 strings, each ended by a NUL */
			int strings = 0;
			for (int32_t k = 0; k < nb; k++)
				strings += d->nohyphen[k] == '\0';
			if (nb == 0 || d->nohyphen[nb - 1] != '\0' ||
			    strings != d->nohyphenl + 1)
				r->bad = 1;
		}
	}
	d->num_states = get_i32(r);
	get(r, d->cset, sizeof d->cset);
	d->utf8 = get_i32(r);
	if (d->num_states < 0 || (size_t)d->num_states > (size_t)(r->end - r->p))
		r->bad = 1;
	if (r->bad)
		return c;
	d->states = xcalloc((size_t)d->num_states + 1, sizeof(HyphenState));
	for (int i = 0; i < d->num_states && !r->bad; i++) {
		HyphenState *s = &d->states[i];
		s->match = get_str(r);
		s->repl = get_str(r);
		signed char idx[2];
		get(r, idx, 2);
		s->replindex = idx[0];
		s->replcut = idx[1];
		s->fallback_state = get_i32(r);
		s->num_trans = get_i32(r);
		if (s->num_trans < 0 || s->fallback_state < -1 ||
		    s->fallback_state >= d->num_states) {
			r->bad = 1;
			break;
		}
		s->trans = s->num_trans
				   ? pool_alloc(r, (size_t)s->num_trans * sizeof(HyphenTrans))
				   : NULL;
		for (int t = 0; t < s->num_trans && !r->bad; t++) {
			get(r, &s->trans[t].ch, 1);
			s->trans[t].new_state = get_i32(r);
			if (s->trans[t].new_state < 0 || s->trans[t].new_state >= d->num_states)
				r->bad = 1;
		}
	}
	if (!r->bad && !level_safe(d))
		r->bad = 1;
	unsigned char next = 0;
	get(r, &next, 1);
	if (next && !r->bad)
		d->nextlevel = &get_level(r)->d;
	return c;
}

HyphenDict *hyphcache_load(const char *path)
{
	uint64_t sum = 0, len = 0;
	char *file = locate(path, &sum, &len);
	if (file == NULL)
		return NULL;
	size_t n = 0;
	char *text = NULL;
	int e = file_read_all(file, MAX_CACHE, &text, &n);
	free(file);
	if (e)
		return NULL;
	unsigned char *data = (unsigned char *)text;
	header h;
	cached_dict *top = NULL;
	if (n < sizeof h)
		goto done;
	memcpy(&h, data, sizeof h);
	if (memcmp(h.magic, MAGIC, 8) != 0 || h.sizes != layout_sizes() ||
	    h.source_sum != sum || h.source_len != len ||
	    h.payload_len != n - sizeof h ||
	    h.payload_sum != checksum(data + sizeof h, (size_t)h.payload_len))
		goto done;
	/* strings and transitions take at most twice their bytes in the
	 * file (a transition is 5 bytes there, 8 here) */
	size_t pool_size = 2 * (size_t)h.payload_len + 64;
	reader r = { data + sizeof h, data + n, NULL, NULL, 0 };
	unsigned char *pool = malloc(pool_size);
	if (pool == NULL)
		goto done;
	r.pool = pool;
	r.pool_end = pool + pool_size;
	top = get_level(&r);
	top->pool = pool;
	if (r.bad || r.p != r.end) {
		free_levels(top);
		top = NULL;
	}
done:
	free(data);
	return top ? &top->d : NULL;
}

void hyphcache_free(HyphenDict *dict)
{
	free_levels((cached_dict *)dict);
}
