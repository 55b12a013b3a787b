#!/usr/bin/env bash
# amplification: small inputs that once cost minutes or gigabytes, each
# run under a CPU-time cap and checked for its peak memory and CPU time
# with getrusage (tests/e2e/lib/rusage.py), never the wall clock; each must
# end with the expected status and message.  doc/format.md "Limits".
#   includes   a 22 KB reader whose nested xi:includes parse a 20 KB file
#              a million times (20 GB): stopped at the bytes-parsed budget
#   attributes entity text in attributes, multiplied by includes (1.4 GB
#              before): stopped at the attribute-text budget
#   macros     BibTeX @string doubled forty times (6 GB before)
#   field      a 10 MB BibTeX field: read in a small multiple of its size
#   typos      300,000 ids and a hundred unknown ones: "did you mean" in
#              bounded work
# A build with AddressSanitizer uses some 3x the memory and 5x the CPU:
# the bounds are scaled for it.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}" "${SRC:?}"
T=$(mktemp -d /tmp/amplification.XXXXXX)
trap 'rm -rf "$T"' EXIT
NS='xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude"'
mem_scale=1 cpu_scale=1
if LC_ALL=C grep -qa __asan_init "$FOLIO"; then mem_scale=4 cpu_scale=6; fi
failures=0

# run NAME CPU_S MEM_MB STATUS MESSAGE [ENV=VALUE...]: folio check main.xml
# in $T/NAME
run() {
	local name=$1 cpu=$(( $2 * cpu_scale )) mem=$(( $3 * mem_scale )) want=$4 msg=$5
	shift 5
	local report status
	(cd "$T/$name" && env "$@" RUSAGE_STDERR="$T/$name.err" \
		python3 "$SRC/tests/e2e/lib/rusage.py" "$cpu" "$mem" -- "$FOLIO" check main.xml) \
		2> "$T/$name.report"
	status=$?
	report=$(tail -n 1 "$T/$name.report")
	echo "$name: $report (bounds: $mem MB, $cpu s CPU)"
	if [ "$status" != 0 ]; then
		echo "FAIL: $name: over its bounds"; failures=$((failures + 1))
	fi
	case $report in *"status=$want") ;; *)
		echo "FAIL: $name: exit status is not $want"; failures=$((failures + 1)) ;;
	esac
	if [ -n "$msg" ] && ! grep -qF -- "$msg" "$T/$name.err"; then
		echo "FAIL: $name: stderr lacks: $msg"; sed 's/^/    /' "$T/$name.err" | head -5
		failures=$((failures + 1))
	fi
}

# includes: l0..l5 each include the next ten times; the leaf is a comment
mkdir -p "$T/includes"
printf '<section %s><!-- %s --></section>\n' "$NS" "$(head -c 20000 /dev/zero | tr '\0' c)" > "$T/includes/l5.xml"
for i in 4 3 2 1 0; do
	{ printf '<section %s>\n' "$NS"
	  for k in 1 2 3 4 5 6 7 8 9 10; do printf '<xi:include href="l%d.xml"/>\n' $((i + 1)); done
	  printf '</section>\n'; } > "$T/includes/l$i.xml"
done
{ printf '<article %s><title>t</title>\n' "$NS"
  for k in 1 2 3 4 5 6 7 8 9 10; do printf '<xi:include href="l0.xml"/>\n'; done
  printf '</article>\n'; } > "$T/includes/main.xml"
run includes 10 100 1 "error: the document holds more than 512 MB of source to parse, counting each include each time (folio's limit)"
# the same, with the budget lowered as a test may
run includes 2 100 1 "error: the document holds more than 1000000 bytes of source to parse" FOLIO_MAX_PARSED_BYTES=1000000

# attributes: 16 references to a 60 KB entity per attribute, 15 attributes
# a file, the file included a hundred times
mkdir -p "$T/attributes"
e=$(head -c 60000 /dev/zero | tr '\0' a)
refs='&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;'
{ printf '<!DOCTYPE section [<!ENTITY e "%s">]>\n<section %s>' "$e" "$NS"
  for k in $(seq 15); do printf '<para role="%s">x</para>' "$refs"; done
  printf '</section>\n'; } > "$T/attributes/leaf.xml"
{ printf '<section %s>\n' "$NS"; for k in $(seq 10); do printf '<xi:include href="leaf.xml"/>\n'; done
  printf '</section>\n'; } > "$T/attributes/mid.xml"
{ printf '<article %s><title>t</title>\n' "$NS"; for k in $(seq 10); do printf '<xi:include href="mid.xml"/>\n'; done
  printf '</article>\n'; } > "$T/attributes/main.xml"
run attributes 5 150 1 "error: the document holds more than 16 MB of attribute values (folio's limit)"

# BibTeX: a 64-byte string doubled forty times
book() {
	printf '<book xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en"><chapter><title>One</title><para>As <citation>k</citation> shows.</para></chapter><bibliography role="database" xlink:href="db.bib"/><bibliography role="auto"/></book>\n'
}
mkdir -p "$T/macros"
{ printf '@string{s0 = "%s"}\n' "$(head -c 64 /dev/zero | tr '\0' x)"
  for i in $(seq 1 40); do printf '@string{s%d = s%d # s%d}\n' "$i" $((i - 1)) $((i - 1)); done
  printf '@book{k, title = s40, author = {A B}, year = 2000, publisher = {P}}\n'; } > "$T/macros/db.bib"
book > "$T/macros/main.xml"
run macros 5 100 1 "db.bib:19:15: error: @string macros expand to more than 16 MB of text (folio's limit), here 's17'"

# a 10 MB field in a database: read, converted and checked in a few
# times its size
mkdir -p "$T/field"
{ printf '@book{k, title = {'; head -c 10485760 /dev/zero | tr '\0' w | fold -w 9 | tr '\n' ' '
  printf '}, author = {A B}, year = 2000, publisher = {P}}\n'; } > "$T/field/db.bib"
book > "$T/field/main.xml"
run field 10 80 0 ""

# typos: 300,000 ids, a hundred xrefs to ids that do not exist
mkdir -p "$T/typos"
python3 - "$T/typos/main.xml" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('<article xmlns="http://docbook.org/ns/docbook"><title>t</title>\n')
    for i in range(300000):
        f.write('<para xml:id="sec-%06d"/>' % i)
        if i % 100 == 0:
            f.write('\n')
    f.write('<para>')
    for i in range(100):
        f.write('<xref linkend="sec-%06dx"/>' % (i * 997))
    f.write('</para></article>\n')
PY
run typos 8 200 1 "no element has the id 'sec-000000x'"

[ "$failures" = 0 ] || exit 1
echo "amplification: all cases within their bounds"
