#!/bin/bash
# run.sh CASE.xml: one case of the bad-input catalogue.
#
# The case's leading XML comment says what must happen:
#   expect-status: N        folio's exit status (required)
#   expect: TEXT            a substring of some line of stderr (any number)
#   expect-not: TEXT        must appear nowhere: stderr, stdout, outputs
#   expect-quiet: yes       stderr must be empty
#   command: build          run `folio build CASE -o TMP` (default: check)
#   formats: LIST           with build: only these outputs (--format LIST)
#   generate: KIND          the input is made from the case, not the case
#                           itself: empty (no bytes), garbage (binary bytes),
#                           utf16 (the case's text as UTF-16 with a BOM),
#                           nest N (an article with N nested paras),
#                           mathnest N (an equation with N nested
#                           MathML mrows),
#                           bigtext N (a paragraph of N MB of text),
#                           include-chain N (xi:include N files deep),
#                           text-includes N (a 10 MB text file included
#                           N times), sparse N (an N MB file of zeros),
#                           list N (an itemizedlist of N items),
#                           elements N (a paragraph holding N empty
#                           phrases), words N (a paragraph of N kB of
#                           words), word N (a paragraph ending in one
#                           word of N kB), file NAME BYTES (the case as it
#                           is, beside a file NAME holding BYTES, written
#                           with printf's \x escapes), fifo NAME (the
#                           case as it is, beside a named pipe NAME that
#                           nothing ever writes), png NAME W H (the
#                           case as it is, beside a W x H grey PNG of
#                           zeros named NAME: small to store, large to
#                           decode)
#   fonts: KIND             the fonts come from a copy of fonts/fonts.conf
#                           (FOLIO_STYLES points at a copy of styles/)
#                           whose Charis SIL regular face is KIND: missing
#                           (a file that does not exist) or corrupt (a
#                           file of text that is no font)
#   max-memory-mb: N        folio may use at most N MB of address space
#                           (ulimit -v; address space, not resident
#                           memory: each thread adds its stack and malloc
#                           arena, some 70 MB): a case that must not amplify its
#                           input (a bomb, a huge image) says how much it
#                           may take.  Not applied under AddressSanitizer,
#                           which reserves terabytes of address space up
#                           front.
#   max-cpu-seconds: N      folio may use at most N s of CPU time (default
#                           20, 60 under AddressSanitizer: 3-5 times slower)
# Paths in expectations are as printed when run from the repository root:
# tests/bad/NAME.xml.  A failing case must leave no output file behind.
#
# Limits are on resources, never on the wall clock, so a busy machine does
# not fail a case: CPU time (ulimit -t; the kernel stops folio with SIGXCPU
# past it) and, where a case asks, memory.  A hang detector kills folio
# after 60 s of wall time (timeout), far beyond any case on a loaded
# machine; it only catches a process that waits forever.
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
formats=$(field formats | head -n 1)

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
	mathnest)
		n=${2:?mathnest needs a count}
		{
			printf '<article xmlns="http://docbook.org/ns/docbook" xmlns:m="http://www.w3.org/1998/Math/MathML">\n'
			printf '<informalequation><m:math>'
			for ((i = 0; i < n; i++)); do printf '<m:mrow>'; done
			printf '<m:mi>x</m:mi>'
			for ((i = 0; i < n; i++)); do printf '</m:mrow>'; done
			printf '</m:math></informalequation></article>\n'
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
	list)
		n=${2:?list needs a count}
		{
			printf '<article xmlns="http://docbook.org/ns/docbook">\n<itemizedlist>\n'
			for ((i = 0; i < n; i++)); do printf '<listitem><para>%d</para></listitem>\n' "$i"; done
			printf '</itemizedlist>\n</article>\n'
		} > "$input" ;;
	elements)
		n=${2:?elements needs a count}
		{
			printf '<article xmlns="http://docbook.org/ns/docbook">\n<para>'
			yes '<phrase/>' | head -n "$n" | tr -d '\n'
			printf '</para>\n</article>\n'
		} > "$input" ;;
	words)
		# a paragraph of N kB of ordinary words
		kb=${2:?words needs a size in kB}
		{
			printf '<article xmlns="http://docbook.org/ns/docbook">\n<para>'
			yes 'kelompok kerja sosial' | tr '\n' ' ' | head -c $((kb * 1024))
			printf '</para>\n</article>\n'
		} > "$input" ;;
	word)
		# a paragraph ending in one word of N kB
		kb=${2:?word needs a size in kB}
		{
			printf '<article xmlns="http://docbook.org/ns/docbook">\n<para>Kata panjang: '
			head -c $((kb * 1024)) /dev/zero | tr '\0' 'a'
			printf '</para>\n</article>\n'
		} > "$input" ;;
	file)
		# the case itself, beside a file of a few given bytes
		[ $# -ge 3 ] || fail "file needs a name and bytes"
		cp "$case_file" "$input"
		printf "$3" > "$work/tests/bad/$2" ;;
	fifo)
		[ $# -ge 2 ] || fail "fifo needs a name"
		cp "$case_file" "$input"
		mkfifo "$work/tests/bad/$2" ;;
	png)
		[ $# -ge 4 ] || fail "png needs a name, a width and a height"
		cp "$case_file" "$input"
		python3 - "$work/tests/bad/$2" "$3" "$4" <<-'EOF'
			import struct, sys, zlib
			path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
			def chunk(kind, data):
			    return (struct.pack('>I', len(data)) + kind + data +
			            struct.pack('>I', zlib.crc32(kind + data)))
			z = zlib.compressobj(9)
			row = bytes(w + 1)  # filter byte 0, then w grey samples
			idat = b''.join(z.compress(row) for _ in range(h)) + z.flush()
			ihdr = struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)
			with open(path, 'wb') as f:
			    f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) +
			            chunk(b'IDAT', idat) + chunk(b'IEND', b''))
		EOF
		;;
	*) fail "unknown generate: $generate" ;;
	esac
	run_dir=$work
fi

fonts=$(field fonts | head -n 1)
if [ -n "$fonts" ]; then
	# a copy of the styles beside a manifest with one broken face
	cp -r "$SRC/styles" "$work/styles"
	mkdir -p "$work/fonts"
	case $fonts in
	missing) face=$work/fonts/missing.ttf ;;
	corrupt)
		face=$work/fonts/corrupt.ttf
		printf 'This is not a TrueType font.\n' > "$face" ;;
	*) fail "unknown fonts: $fonts" ;;
	esac
	sed "s#^face Charis SIL | regular *| [^|]*|#face Charis SIL | regular | $face |#" \
		"$SRC/fonts/fonts.conf" > "$work/fonts/fonts.conf"
	grep -qF "$face" "$work/fonts/fonts.conf" || fail "fonts: no Charis SIL regular face to replace"
	export FOLIO_STYLES=$work/styles
fi

# Resource limits, in a subshell so that they bind folio alone.
asan=no
LC_ALL=C grep -qa __asan_init "$FOLIO" && asan=yes
cpu_limit=$(field max-cpu-seconds | head -n 1)
[ -n "$cpu_limit" ] || { cpu_limit=20; [ "$asan" = yes ] && cpu_limit=60; }
mem_limit=$(field max-memory-mb | head -n 1)
[ "$asan" = yes ] && mem_limit=
case $cpu_limit$mem_limit in *[!0-9]*) fail "max-cpu-seconds and max-memory-mb take whole numbers" ;; esac
hang_seconds=60
if [ "$command" = build ]; then
	args=(build "$rel" -o "$out" ${formats:+--format "$formats"})
else
	args=(check "$rel")
fi
(
	# SIGXCPU at the soft limit; SIGKILL 5 s of CPU later, at the hard one
	ulimit -S -t "$cpu_limit" && ulimit -H -t $((cpu_limit + 5)) || exit 125
	if [ -n "$mem_limit" ]; then ulimit -v $((mem_limit * 1024)) || exit 125; fi
	cd "$run_dir" && exec timeout -k 5 "$hang_seconds" "$FOLIO" "${args[@]}"
) > "$stdout_file" 2> "$stderr_file"
status=$?

case $status in
124) fail "still running after ${hang_seconds} s of wall time: a hang" ;;
137) fail "killed by SIGKILL: the hang detector, the CPU hard limit or the kernel out of memory" ;;
152) fail "used more than ${cpu_limit} s of CPU time (killed by SIGXCPU)" ;;
125) fail "could not set the resource limits" ;;
esac
[ "$status" = "$want_status" ] || fail "exit status $status, want $want_status${mem_limit:+ (memory limited to $mem_limit MB)}"
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
