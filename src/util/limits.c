/*
 * limits: the defaults of the build-wide limits and the environment
 * variables that lower them (limits.h).
 */
#include "util/limits.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

struct limit_def {
	const char *env;
	size_t value;
};

static const struct limit_def limit_defs[LIMIT_COUNT] = {
	[LIMIT_PARSED_BYTES] = { "FOLIO_MAX_PARSED_BYTES", (size_t)512 << 20 },
	[LIMIT_TEXT_BYTES] = { "FOLIO_MAX_TEXT_BYTES", (size_t)64 << 20 },
	[LIMIT_ATTR_BYTES] = { "FOLIO_MAX_ATTR_BYTES", (size_t)16 << 20 },
	[LIMIT_ENTITY_BYTES] = { "FOLIO_MAX_ENTITY_BYTES", (size_t)16 << 20 },
	[LIMIT_NODES] = { "FOLIO_MAX_NODES", 2000000 },
	[LIMIT_BIBTEX_BYTES] = { "FOLIO_MAX_BIBTEX_BYTES", (size_t)16 << 20 },
	/* about a second of "did you mean" on one core */
	[LIMIT_NEAREST_CELLS] = { "FOLIO_MAX_NEAREST_CELLS", (size_t)400000000 },
};

size_t limit_value(limit_kind k)
{
	const struct limit_def *d = &limit_defs[k];
	const char *env = getenv(d->env);
	if (env == NULL || *env == '\0')
		return d->value;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(env, &end, 10);
	/* anything but a plain positive number smaller than the default
	 * leaves the default: the variable only ever lowers a limit */
	if (errno || *end != '\0' || env[0] == '-' || v == 0 || v >= d->value)
		return d->value;
	return (size_t)v;
}

const char *limit_env_name(limit_kind k)
{
	return limit_defs[k].env;
}

const char *limit_bytes_text(size_t v, char *buf, size_t size)
{
	if (v >= (1u << 20) && v % (1u << 20) == 0)
		snprintf(buf, size, "%zu MB", v >> 20);
	else
		snprintf(buf, size, "%zu bytes", v);
	return buf;
}
