#!/usr/bin/env bash
# pdfua_checker: the PDF/UA checker (tests/tools/pdfua.py) passes the
# hand-tagged fixture, fails each broken copy with the one Matterhorn
# condition it breaks and nothing else, fails a PDF folio writes without
# tags, reads the structure's order against a text output, and answers a
# wrong command line with exit 2.  The fixtures are written by
# tests/pdfua/make_fixtures.py; the committed ones must be what it writes.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf pdfinfo; do
	command -v $tool >/dev/null || { echo "SKIP: $tool is missing ('make deps' installs it)"; exit 77; }
done
tmp=$(mktemp -d /tmp/pdfua_checker.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
ua=tests/tools/pdfua.py
fx=tests/pdfua
fail=0

python3 $fx/make_fixtures.py "$tmp" || { echo "FAIL: make_fixtures.py"; exit 1; }
for f in "$tmp"/*.pdf; do
	cmp -s "$f" "$fx/$(basename "$f")" ||
		{ echo "FAIL: $fx/$(basename "$f") is not what make_fixtures.py writes"; fail=1; }
done

# Each case: FILE, exit status, the one condition reported (or none), more
# arguments.  Run in one Python process (pdfua.main), as starting Python is
# most of the cost; the last cases run the script itself.
printf 'Read more at the site\n\nFirst part\n\nA tagged page\n' >"$tmp/backwards.txt"
if ! python3 - "$SRC/$ua" "$fx" "$tmp" <<'PY'
import contextlib, importlib.util, io, re, sys, tempfile
spec = importlib.util.spec_from_file_location("pdfua", sys.argv[1])
ua = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ua)
fx, tmp = sys.argv[2], sys.argv[3]
cases = [
    ("good.pdf", 0, None), ("good.pdf", 0, None, "--text", fx + "/good.txt"),
    ("untagged-text.pdf", 1, "01-005"), ("figure-no-alt.pdf", 1, "13-004"),
    ("heading-gap.pdf", 1, "14-003"), ("link-no-objr.pdf", 1, "28-011"),
    ("good.pdf", 1, "09-001", "--text", tmp + "/backwards.txt"),
]
bad = 0
for name, status, code, *more in cases:
    sys.argv = ["pdfua.py", fx + "/" + name] + more
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = ua.main()
    codes = sorted(set(re.findall(r"error: \[Matterhorn ([0-9-]+)\]", out.getvalue())))
    if rc != status or codes != ([code] if code else []):
        print("FAIL: pdfua.py %s %s: exit %d, conditions %s; expected exit %d, %s:\n%s"
              % (name, " ".join(more), rc, codes, status, code, out.getvalue()))
        bad = 1
    else:
        print("ok: %s %s: exit %d %s" % (name, " ".join(more), rc, code or ""))

# The order check on its own: a run of words moved elsewhere is named.
base = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty alpha beta gamma delta epsilon "
        "zeta eta theta iota kappa").split()
moved = base[:4] + base[12:20] + base[4:12] + base[20:]
split = base[:3] + ["fo-\nur"] + base[4:]
with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
    f.write(" ".join(base))
    f.flush()
    for name, got, want in (("same", base, {}), ("hyphen", split, {}),
                            ("moved", moved, {"09-001": 2})):
        ua.struct_text = lambda path, g=got: "\n".join(g)
        ck = ua.Checker(name, 20)
        with contextlib.redirect_stdout(io.StringIO()):
            ua.check_order(ck, name, f.name)
        if ck.counts != want:
            print("FAIL: reading order, %s: %s, expected %s" % (name, ck.counts, want))
            bad = 1
        else:
            print("ok: reading order, %s: %s" % (name, want or "in order"))
sys.exit(bad)
PY
then
	fail=1
fi
python3 $ua "$tmp/missing.pdf" 2>/dev/null
[ $? = 2 ] || { echo "FAIL: pdfua.py on a missing file: not exit 2"; fail=1; }
python3 $ua $fx/good.pdf --no-such-option 2>/dev/null
[ $? = 2 ] || { echo "FAIL: pdfua.py with an unknown option: not exit 2"; fail=1; }

# A PDF folio writes without tags is not PDF/UA.
untagged=()
"$FOLIO" --help 2>&1 | grep -q -- '--no-tags' && untagged=(--no-tags)
if SOURCE_DATE_EPOCH=1767225600 "$FOLIO" build tests/e2e/data/layout.xml -q \
	--pdf "$tmp/untagged.pdf" "${untagged[@]}"; then
	out=$(python3 $ua "$tmp/untagged.pdf" --max 2)
	rc=$?
	if [ $rc != 1 ] || ! grep -q 'error: \[Matterhorn 01-005\]' <<<"$out"; then
		echo "FAIL: pdfua.py passes folio's untagged PDF (exit $rc):"
		sed 's/^/    /' <<<"$out" | head -20
		fail=1
	else
		echo "ok: folio's PDF ${untagged[*]:-(untagged)} fails: $(grep -c 'error:' <<<"$out") lines"
	fi
else
	echo "FAIL: folio build tests/e2e/data/layout.xml ${untagged[*]}"
	fail=1
fi
exit $fail
