#!/usr/bin/env bash
# check_sample: `folio check` on the sample reader prints nothing and exits
# 0: every include, id, cross-reference, glossary term and citation of the
# seven articles resolves, with no warning.
set -u
cd "${SRC:?}" || exit 1
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"${FOLIO:?}" check sources/pekerjaan-sosial/reader.xml >"$err" 2>&1
status=$?
if [ "$status" != 0 ] || [ -s "$err" ]; then
	echo "FAIL: folio check sources/pekerjaan-sosial/reader.xml: exit $status, want 0 and no output"
	sed 's/^/  | /' "$err"
	exit 1
fi
echo "ok: the sample reader checks clean"
