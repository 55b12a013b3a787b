#!/bin/bash
# run.sh CASE.xml: one case of the bad-input catalogue.
#
# The case's leading XML comment says what must happen:
#   expect-status: N        folio's exit status (required)
#   expect: TEXT            a substring of some line of stderr (any number)
#   expect-not: TEXT        must appear nowhere: stderr, stdout, outputs
#   expect-quiet: yes       stderr must be empty
#   command: build          run `folio build CASE -o TMP` (default: check)
#   generate: KIND          the input is made from the case, not the case
#                           itself: empty (no bytes), garbage (binary bytes),
#                           utf16 (the case's text as UTF-16 with a BOM),
#                           nest N (an article with N nested paras),
#                           bigtext N (a paragraph of N MB of text),
#                           include-chain N (xi:include N files deep),
#                           text-includes N (a 10 MB text file included
#                           N times), sparse N (an N MB file of zeros)
# Paths in expectations are as printed when run from the repository root:
# tests/bad/NAME.xml.  Every case must finish in under 2 seconds, and a
# failing case must leave no output file behind.
#
# Environment: FOLIO (the binary), SRC (the repository root).
set -u
case_file=$1
: "${FOLIO:?FOLIO must name the folio binary}"
: "${SRC:?SRC must name the repository root}"
case $FOLIO in /*) ;; *) FOLIO=$(cd "$(dirname "$FOLIO")" && pwd)/$(basename "$FOLIO") ;; esac
name=$(basename "$case_file")
rel=tests/bad/$name

fail() {
	echo "bad/$name: $*" >&2
	[ -n "${stderr_file:-}" ] && [ -f "$stderr_file" ] && sed 's/^/  | /' "$stderr_file" >&2
	exit 1
}

# The first comment of the case, with its markers removed.
directives=$(LC_ALL=C awk '
	/<!--/ { on = 1; sub(/.*<!--/, "") }
	on { done = sub(/-->.*/, ""); print; if (done) exit }
' "$case_file")
[ -n "$directives" ] || fail "no leading comment with expectations"
field() { printf '%s\n' "$directives" | LC_ALL=C sed -n "s/^[[:space:]]*$1:[[:space:]]*//p"; }

want_status=$(field expect-status | head -n 1)
[ -n "$want_status" ] || fail "no expect-status"
command=$(field command | head -n 1)
command=${command:-check}
generate=$(field generate | head -n 1)
quiet=$(field expect-quiet | head -n 1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/out
mkdir -p "$out" "$work/tests/bad"
stderr_file=$work/stderr
stdout_file=$work/stdout

# The text after the leading comment (for generated inputs).
body() {
	LC_ALL=C awk 'seen { print; next } /-->/ { seen = 1; sub(/.*-->/, ""); if (length($0)) print }' "$case_file"
}

run_dir=$SRC
if [ -n "$generate" ]; then
	input=$work/tests/bad/$name
	set -- $generate
	case $1 in
	empty) : > "$input" ;;
	garbage)
		# 4 KB of bytes no text file has, the same on every run
		bytes=
		for ((i = 0; i < 4096; i++)); do
			printf -v oct '\\%03o' $(( (i * 197 + 131) % 256 ))
			bytes+=$oct
		done
		printf '%b' "$bytes" > "$input" ;;
	utf16) { printf '\xff\xfe'; body | iconv -f UTF-8 -t UTF-16LE; } > "$input" ;;
	nest)
		n=${2:?nest needs a count}
		{
			printf '<article xmlns="http://docbook.org/ns/docbook">\n'
			for ((i = 0; i < n; i++)); do printf '<para>'; done
			for ((i = 0; i < n; i++)); do printf '</para>'; done
			printf '</article>\n'
		} > "$input" ;;
	bigtext)
		# one paragraph of N MB of text
		mb=${2:?bigtext needs a size in MB}
		{
			printf '<article xmlns="http://docbook.org/ns/docbook"><para>'
			head -c $((mb * 1048576)) /dev/zero | tr '\0' 'a'
			printf '</para></article>\n'
		} > "$input" ;;
	include-chain)
		# NAME.xml includes NAME-1.xml, which includes NAME-2.xml ... N deep
		n=${2:?include-chain needs a count}
		base=${name%.xml}
		for ((i = 0; i <= n; i++)); do
			file=$work/tests/bad/$base-$i.xml
			[ "$i" = 0 ] && file=$input
			root=section
			[ "$i" = 0 ] && root=article
			if [ "$i" -lt "$n" ]; then
				inner="<xi:include href=\"$base-$((i + 1)).xml\"/>"
			else
				inner="<para>end</para>"
			fi
			printf '<%s xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude">\n%s\n</%s>\n' \
				"$root" "$inner" "$root" > "$file"
		done ;;
	text-includes)
		# a 10 MB text file included N times
		n=${2:?text-includes needs a count}
		head -c 10485760 /dev/zero | tr '\0' 'a' > "$work/tests/bad/big.txt"
		{
			printf '<article xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude">\n'
			for ((i = 0; i < n; i++)); do
				printf '<para><xi:include href="big.txt" parse="text"/></para>\n'
			done
			printf '</article>\n'
		} > "$input" ;;
	sparse)
		# a file of N MB without content (sparse: costs no disk)
		truncate -s "${2:?sparse needs a size in MB}M" "$input" ;;
	*) fail "unknown generate: $generate" ;;
	esac
	run_dir=$work
fi

start=$(date +%s%N)
if [ "$command" = build ]; then
	(cd "$run_dir" && "$FOLIO" build "$rel" -o "$out") > "$stdout_file" 2> "$stderr_file"
else
	(cd "$run_dir" && "$FOLIO" check "$rel") > "$stdout_file" 2> "$stderr_file"
fi
status=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

[ "$status" = "$want_status" ] || fail "exit status $status, want $want_status"
[ "$elapsed_ms" -lt 2000 ] || fail "took ${elapsed_ms} ms (limit 2000)"
if [ "$status" != 0 ] && [ -n "$(ls -A "$out")" ]; then
	fail "a failed run left output: $(ls -A "$out" | tr '\n' ' ')"
fi
if [ "$quiet" = yes ] && [ -s "$stderr_file" ]; then
	fail "stderr is not empty"
fi
while IFS= read -r want; do
	[ -n "$want" ] || continue
	LC_ALL=C grep -qF -- "$want" "$stderr_file" || fail "stderr lacks: $want"
done < <(field expect)
while IFS= read -r never; do
	[ -n "$never" ] || continue
	if LC_ALL=C grep -rqF -- "$never" "$stderr_file" "$stdout_file" "$out"; then
		fail "found what must not appear: $never"
	fi
done < <(field expect-not)
exit 0
