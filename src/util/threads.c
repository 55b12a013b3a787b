/*
 * threads: the FOLIO_THREADS switch (see threads.h).
 */
#include "util/threads.h"

#include <stdlib.h>
#include <string.h>

int threads_allowed(void)
{
	const char *v = getenv("FOLIO_THREADS");
	return v == NULL || strcmp(v, "1") != 0;
}
