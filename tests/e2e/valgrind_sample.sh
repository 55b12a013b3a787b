#!/usr/bin/env bash
# valgrind_sample: the sample reader built to every format under valgrind's
# memcheck: no invalid access, no uninitialised value, no leak (the one
# leak inside libhyphen is suppressed and explained in tests/valgrind.supp).
set -u
command -v valgrind >/dev/null || { echo "FAIL: valgrind is not installed (apt-get install valgrind)"; exit 1; }
# A binary built with AddressSanitizer cannot run under valgrind; the
# sanitizer build checks the same things its own way.  77: skipped.
if ldd "$FOLIO" | grep -q libasan; then
	echo "valgrind_sample: skipped: $FOLIO is built with AddressSanitizer"
	exit 77
fi
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=9 \
	--suppressions=tests/valgrind.supp \
	"$FOLIO" build sources/pekerjaan-sosial/reader.xml -q \
	--pdf "$t/r.pdf" --epub "$t/r.epub" --text "$t/r.txt" 2>"$t/log"
rc=$?
if [ $rc != 0 ]; then
	echo "FAIL: valgrind exit $rc"
	head -n 60 "$t/log"
	exit 1
fi
echo "valgrind_sample: no errors, no leaks"
