/*
 * zip: writes the EPUB container (OCF ZIP) with libzip.  The only file in
 * folio that includes zip.h.
 *
 * What makes the bytes reproducible: entries are added in the order given
 * (mimetype first); every entry gets the same DOS time, computed here from
 * the build's epoch in UTC (zip_file_set_mtime would go through local time,
 * so TZ would change the output); the same external attributes (a plain
 * Unix file, 0644); one fixed deflate level.  mimetype is stored, and
 * libzip writes no extra field for it.
 *
 * The other entries are deflated here, with libdeflate, and handed to
 * libzip as data already compressed (a source whose stat says deflate,
 * with its CRC and sizes): libzip then copies them rather than running
 * zlib over them, and libdeflate does the same work in about half the
 * time.
 */
#include "backend/epub/epub.h"
#include "util/threads.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdatomic.h>
#include <zip.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libdeflate's level 5: 4 % larger than its level 6 (about zlib's
 * default) in two thirds of the time, on the sample reader.  Fixed,
 * because the level changes the bytes. */
#define EPUB_DEFLATE_LEVEL 5

/* Below this many bytes in all, a second thread costs more than the
 * deflating it takes over. */
#define PARALLEL_DEFLATE_MIN (64u << 10)

/* DOS timestamps count from 1980 and end in 2107. */
#define DOS_EPOCH_MIN 315532800LL  /* 1980-01-01T00:00:00Z */
#define DOS_EPOCH_MAX 4354819198LL /* 2107-12-31T23:59:58Z */

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void civil_from_days(int64_t z, int *year, unsigned *month, unsigned *day)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (*month <= 2));
}

static void dos_time(int64_t epoch, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	if (epoch < DOS_EPOCH_MIN)
		epoch = DOS_EPOCH_MIN;
	if (epoch > DOS_EPOCH_MAX)
		epoch = DOS_EPOCH_MAX;
	int64_t days = epoch / 86400, secs = epoch % 86400;
	int year;
	unsigned month, day;
	civil_from_days(days, &year, &month, &day);
	*dtime = (zip_uint16_t)((secs / 3600) << 11 | ((secs / 60) % 60) << 5 |
				(secs % 60) / 2);
	*ddate = (zip_uint16_t)((unsigned)(year - 1980) << 9 | month << 5 | day);
}

static int zip_fail(zip_t *z, const char *path, const char *what,
		    folio_diag *diag)
{
	folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
		     "cannot write EPUB (%s): %s", what, zip_strerror(z));
	zip_discard(z);
	return -1;
}

/* The archive libzip made in memory, written to path (the caller's
 * temporary file, which keeps its mode). */
static int save(zip_source_t *mem, const char *path, const char *shown,
		folio_diag *diag)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_stat(mem, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    zip_source_open(mem) != 0) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ shown, 0, 0 },
			     "cannot write EPUB: the archive in memory cannot be read");
		return -1;
	}
	errno = 0;
	FILE *fp = fopen(path, "wb");
	int err = fp ? 0 : errno;
	char buf[65536];
	zip_uint64_t left = st.size;
	while (err == 0 && left > 0) {
		zip_int64_t n = zip_source_read(mem, buf, left < sizeof buf ? left : sizeof buf);
		errno = 0;
		if (n <= 0 || fwrite(buf, 1, (size_t)n, fp) != (size_t)n)
			err = errno ? errno : EIO;
		left -= n > 0 ? (zip_uint64_t)n : 0;
	}
	zip_source_close(mem);
	errno = 0;
	if (fp && fclose(fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	int ok = err == 0;
	if (!ok)
		folio_report(diag, FOLIO_FATAL, (folio_loc){ shown, 0, 0 },
			     "cannot write: %s", strerror(err));
	return ok ? 0 : -1;
}

/* An entry's bytes, deflated, as a libzip source. */
typedef struct packed {
	unsigned char *data;
	size_t len, raw_len, pos;
	uint32_t crc;
	zip_error_t error;
} packed;

static zip_int64_t packed_source(void *ud, void *data, zip_uint64_t len,
				 zip_source_cmd_t cmd)
{
	packed *p = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		p->pos = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		size_t n = p->len - p->pos;
		if (n > len)
			n = (size_t)len;
		memcpy(data, p->data + p->pos, n);
		p->pos += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
			    ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
		st->size = p->raw_len;
		st->comp_size = p->len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->encryption_method = ZIP_EM_NONE;
		st->crc = p->crc;
		return sizeof(*st);
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&p->error, data, len);
	case ZIP_SOURCE_FREE:
		zip_error_fini(&p->error);
		free(p->data);
		free(p);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return ZIP_SOURCE_SUPPORTS_READABLE;
	default:
		zip_error_set(&p->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* Deflates one entry into a packed source's data; NULL when out of
 * memory or the compressor gave up. */
static packed *deflate_entry(struct libdeflate_compressor *c, const epub_zip_entry *e)
{
	size_t bound = libdeflate_deflate_compress_bound(c, e->len);
	packed *p = calloc(1, sizeof *p);
	if (p == NULL || (p->data = malloc(bound ? bound : 1)) == NULL) {
		free(p);
		return NULL;
	}
	p->len = libdeflate_deflate_compress(c, e->data, e->len, p->data, bound);
	p->raw_len = e->len;
	p->crc = libdeflate_crc32(0, e->data, e->len);
	if (p->len == 0 && e->len != 0) {
		free(p->data);
		free(p);
		return NULL;
	}
	zip_error_init(&p->error);
	return p;
}

static void packed_free(packed *p)
{
	if (p == NULL)
		return;
	zip_error_fini(&p->error);
	free(p->data);
	free(p);
}

/* The entries to deflate, shared between two threads: each takes the
 * next one not yet taken.  Who deflates which entry changes nothing in
 * the output. */
typedef struct deflate_job {
	const epub_zip_entry *e;
	unsigned n;
	packed **out;
	atomic_uint next;
} deflate_job;

static void deflate_some(deflate_job *j, struct libdeflate_compressor *c)
{
	for (unsigned i; (i = atomic_fetch_add(&j->next, 1)) < j->n;)
		if (!j->e[i].store)
			j->out[i] = deflate_entry(c, &j->e[i]);
}

static void *deflate_helper(void *arg)
{
	deflate_job *j = arg;
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(EPUB_DEFLATE_LEVEL);
	if (c) {
		deflate_some(j, c);
		libdeflate_free_compressor(c);
	}
	return NULL;
}

/* Every entry but the stored ones, deflated on this thread and, when the
 * build may use one and there is enough to share, a second.  A NULL left
 * in out[i] for an entry to deflate is a failure. */
static int deflate_all(const epub_zip_entry *e, unsigned n, packed **out)
{
	deflate_job j = { e, n, out, 0 };
	atomic_init(&j.next, 0);
	size_t total = 0;
	for (unsigned i = 0; i < n; i++)
		total += e[i].len;
	pthread_t helper;
	int helping = n > 2 && total > PARALLEL_DEFLATE_MIN && threads_allowed() &&
		      pthread_create(&helper, NULL, deflate_helper, &j) == 0;
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(EPUB_DEFLATE_LEVEL);
	if (c) {
		deflate_some(&j, c);
		libdeflate_free_compressor(c);
	}
	if (helping)
		pthread_join(helper, NULL);
	return c ? 0 : -1;
}

/* Every entry, in order, with the build's time and plain attributes.
 * Returns 0, or -1 after discarding z and reporting. */
static int add_entries(zip_t *z, const char *path, const epub_zip_entry *e,
		       unsigned n, int64_t epoch, folio_diag *diag)
{
	zip_uint16_t dtime, ddate;
	dos_time(epoch, &dtime, &ddate);
	packed **pk = calloc(n ? n : 1, sizeof *pk);
	if (pk == NULL || deflate_all(e, n, pk) != 0) {
		free(pk);
		return zip_fail(z, path, "starting the compressor", diag);
	}
	int rc = 0;
	unsigned i = 0;
	for (; i < n; i++) {
		zip_source_t *src = NULL;
		if (e[i].store) {
			src = zip_source_buffer(z, e[i].data, e[i].len, 0);
		} else if (pk[i]) {
			src = zip_source_function(z, packed_source, pk[i]);
			if (src)
				pk[i] = NULL; /* the source frees it */
		}
		if (src == NULL) {
			rc = zip_fail(z, path, e[i].name, diag);
			break;
		}
		zip_int64_t idx = zip_file_add(z, e[i].name, src, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(src);
			rc = zip_fail(z, path, e[i].name, diag);
			break;
		}
		zip_uint64_t u = (zip_uint64_t)idx;
		/* deflated entries keep the default method: libzip takes the
		 * source's word for it and copies the data */
		if ((e[i].store && zip_set_file_compression(z, u, ZIP_CM_STORE, 0) != 0) ||
		    zip_file_set_dostime(z, u, dtime, ddate, 0) != 0 ||
		    zip_file_set_external_attributes(z, u, 0, ZIP_OPSYS_UNIX,
						     (zip_uint32_t)0100644 << 16) != 0) {
			rc = zip_fail(z, path, e[i].name, diag);
			break;
		}
	}
	for (unsigned k = 0; k < n; k++)
		packed_free(pk[k]);
	free(pk);
	return rc;
}

int epub_zip_write(const char *path, const char *shown, const epub_zip_entry *e,
		   unsigned n, int64_t epoch, folio_diag *diag)
{
	/* The archive is made in memory: libzip writing a file of its own
	 * would make a temporary name from OpenSSL's random generator,
	 * whose start-up alone was 4 % of a small EPUB build. */
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = NULL;
	if (mem) {
		zip_source_keep(mem);
		z = zip_open_from_source(mem, ZIP_CREATE | ZIP_TRUNCATE, &ze);
	}
	if (z == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ shown, 0, 0 },
			     "cannot create EPUB: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (mem)
			zip_source_free(mem);
		return -1;
	}
	zip_error_fini(&ze);
	int rc = add_entries(z, shown, e, n, epoch, diag);
	if (rc == 0 && zip_close(z) != 0)
		rc = zip_fail(z, shown, "closing", diag);
	if (rc == 0)
		rc = save(mem, path, shown, diag);
	zip_source_free(mem);
	return rc;
}
