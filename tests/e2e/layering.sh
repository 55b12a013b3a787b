#!/usr/bin/env bash
# layering: every #include in src/ and include/ is an arrow the table in
# doc/design.md ("Layering") allows: a stage includes only its own headers,
# the headers other stages offer it, and the libraries its row names.  A
# forbidden include fails with its file and line (tests/e2e/lib/layering.py).
set -u
exec python3 "${SRC:-.}/tests/e2e/lib/layering.py" "${SRC:-.}"
