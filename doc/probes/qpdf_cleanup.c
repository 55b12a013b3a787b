/* qpdf_cleanup: a file that is not a PDF, read with errors silenced and
 * warnings suppressed; its error is left in qpdf's slot, then taken with
 * qpdf_get_error, before qpdf_cleanup. */
#include <qpdf/qpdf-c.h>
#include <stdio.h>

static void run(const char *path, int take)
{
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	QPDF_ERROR_CODE rc = qpdf_read(q, path, NULL);
	if (take && qpdf_has_error(q))
		qpdf_get_error(q);
	printf("  qpdf_read = %d, error %s; qpdf_cleanup says:\n", (int)rc, take ? "taken" : "left");
	fflush(stdout);
	qpdf_cleanup(&q);
}

int main(int argc, char **argv)
{
	(void)argc;
	run(argv[1], 0);
	run(argv[1], 1);
	return 0;
}
