#!/usr/bin/env bash
# limit_pages: a document longer than the page limit is refused with an
# error at its root element, exit status 1 and no output; the limit is
# lowered through FOLIO_MAX_PAGES so the test stays fast.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
FOLIO_MAX_PAGES=10 "$FOLIO" build sources/pekerjaan-sosial/reader.xml --pdf "$t/r.pdf" 2>"$t/err"
rc=$?
fail=0
[ $rc = 1 ] || { echo "FAIL: exit $rc, want 1"; fail=1; }
grep -qE "^sources/pekerjaan-sosial/reader.xml:[0-9]+:[0-9]+: error: the document needs [0-9]+ pages, more than folio's limit of 10$" "$t/err" \
	|| { echo "FAIL: no page-limit error:"; cat "$t/err"; fail=1; }
[ -e "$t/r.pdf" ] && { echo "FAIL: a PDF was written"; fail=1; }
ls -A "$t" | grep -q '^\.r\.pdf\.' && { echo "FAIL: a temporary was left"; fail=1; }
# The same document within the limit builds.
FOLIO_MAX_PAGES=1000 "$FOLIO" build sources/pekerjaan-sosial/reader.xml --pdf "$t/r.pdf" -q \
	|| { echo "FAIL: the sample does not build under a limit of 1000"; fail=1; }
[ $fail = 0 ] && echo "limit_pages: refused over the limit, built under it"
exit $fail
