#!/usr/bin/env bash
# layering: every #include in src/ and include/ is an arrow the table in
# doc/design.md ("Layering") allows: a stage includes only its own headers,
# the headers other stages offer it, and the libraries its row names.  A
# forbidden include fails with its file and line (tests/e2e/lib/layering.py).
# First the check is shown to catch one: a scratch tree with the same
# table and three forbidden includes must fail, naming each.
set -u
src=${SRC:-.}
check=$src/tests/e2e/lib/layering.py
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir -p "$t/doc" "$t/src/layout" "$t/src/backend/pdf" "$t/src/backend/epub"
cp "$src/doc/design.md" "$t/doc/"
: >"$t/src/backend/pdf/emit.h"
: >"$t/src/layout/ctx.h"
printf '#include "backend/pdf/emit.h"\n#include <hpdf.h>\n' >"$t/src/layout/bad.c"
printf '#include "layout/ctx.h"\n' >"$t/src/backend/epub/bad.c"
if python3 "$check" "$t" >"$t/out"; then
	echo "FAIL: the check passed a tree with forbidden includes:"; cat "$t/out"; exit 1
fi
for want in 'src/layout/bad.c:1: error: stage layout may not include backend/pdf' \
	    'src/layout/bad.c:2: error: stage layout may not use libharu' \
	    'src/backend/epub/bad.c:1: error: "layout/ctx.h" is private to stage layout'; do
	grep -qF "$want" "$t/out" || { echo "FAIL: no '$want' in:"; cat "$t/out"; exit 1; }
done
exec python3 "$check" "$src"
