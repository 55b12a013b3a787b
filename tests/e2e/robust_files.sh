#!/usr/bin/env bash
# robust_files: what a build does with the files around it (issue 22).
# An output never replaces a file the build reads, nor a device, FIFO,
# socket or folder; outputs are committed all or none; temporaries go on
# failure, on SIGINT/SIGTERM/SIGHUP, and after a SIGKILL with the next
# build; a file that is not regular is refused, never waited on; and
# every failure says, in words, what and why.  Each case gives the exact
# diagnostic, the exit status and what must be left on disk.
#
# No case times anything: every folio runs under `timeout 60`, a hang
# detector only (a FIFO waited on would hang forever).
set -u
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cd "$t" || exit 1

FOLIO_TIMEOUT=60
run() { # run WANT DESCRIPTION -- command...: exit status, stdout in out, stderr in err
	local want=$1 what=$2
	shift 3
	timeout "$FOLIO_TIMEOUT" "$@" >"$t/out" 2>"$t/err"
	local got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL: $what: exit $got, want $want"
		sed 's/^/  | /' "$t/err"
		fail=1
	fi
}
says() { # says DESCRIPTION TEXT: some line of stderr holds TEXT
	if ! grep -qF -- "$2" "$t/err"; then
		echo "FAIL: $1: stderr lacks: $2"
		sed 's/^/  | /' "$t/err"
		fail=1
	fi
}
never_says() { # never_says DESCRIPTION TEXT
	if grep -qF -- "$2" "$t/err"; then
		echo "FAIL: $1: stderr has: $2"
		fail=1
	fi
}
unchanged() { # unchanged DESCRIPTION FILE COPY
	cmp -s "$2" "$3" || { echo "FAIL: $1: $2 was changed"; fail=1; }
}
no_temporaries() { # no_temporaries DESCRIPTION DIR
	local left
	left=$(ls -A "$2" | grep -E '^\..+\.[A-Za-z0-9]{6}($|\.style\.)')
	[ -z "$left" ] || { echo "FAIL: $1: temporaries left in $2: $left"; fail=1; }
}
absent() { # absent DESCRIPTION PATH
	[ ! -e "$2" ] && [ ! -L "$2" ] || { echo "FAIL: $1: $2 was written"; fail=1; }
}

cat >a.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="en">
  <info><title>A small article</title></info>
  <para>Some text.</para>
</article>
XML
cp a.xml a.orig

# ---- 1. inputs are sacred -------------------------------------------

run 2 "the source as the text output" -- "$FOLIO" build a.xml --text a.xml
says "the source as output" "folio: fatal error: the output 'a.xml' is the file 'a.xml' that this build reads; folio never writes over an input"
unchanged "the source as output" a.xml a.orig
no_temporaries "the source as output" .

ln a.xml hard.txt
run 2 "a hard link to the source as output" -- "$FOLIO" build a.xml --text hard.txt
says "hard link" "the output 'hard.txt' is the file 'a.xml' that this build reads"
unchanged "hard link" a.xml a.orig
rm hard.txt

# with -o, a reader whose text include has the name of its own output
mkdir inc
cat >inc/r.xml <<'XML'
<article xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude" version="5.0">
  <title>Includes its own output</title>
  <para><xi:include href="r.txt" parse="text"/></para>
</article>
XML
echo "included words" >inc/r.txt
cp inc/r.txt r.txt.orig
run 2 "an include as the output of -o" -- "$FOLIO" build inc/r.xml -o inc --format text
says "include as output" "folio: fatal error: the output 'inc/r.txt' is the file '$(realpath inc/r.txt)' that this build reads; folio never writes over an input"
unchanged "include as output" inc/r.txt r.txt.orig
no_temporaries "include as output" inc

printf 'page.width = 150mm\n' >my.style
cp my.style my.style.orig
run 2 "the style as an output" -- "$FOLIO" build nosuch.xml --style my.style --pdf my.style
says "style as output" "the output 'my.style' is the file 'my.style' that this build reads"
never_says "style as output: told before the source is read" "nosuch.xml"
unchanged "style as output" my.style my.style.orig

cat >bib.xml <<'XML'
<article xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0" xml:lang="en">
  <title>Cites</title>
  <para>As <citation>a2020</citation> shows.</para>
  <bibliography role="database" xlink:href="refs.bib"/>
</article>
XML
printf '@book{a2020,\n  author = {Ann Author},\n  title = {A Book},\n  year = {2020},\n  publisher = {P}\n}\n' >refs.bib
cp refs.bib refs.orig
run 2 "the database as an output" -- "$FOLIO" build bib.xml --text refs.bib
says "database as output" "the output 'refs.bib' is the file '$(realpath refs.bib)' that this build reads"
unchanged "database as output" refs.bib refs.orig

# an image, read while the PDF is laid out: caught before the commit
python3 - pic.png <<'EOF'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
ihdr = struct.pack('>IIBBBBB', 8, 8, 8, 0, 0, 0, 0)
idat = zlib.compress(bytes(9) * 8)
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) +
                              chunk(b'IDAT', idat) + chunk(b'IEND', b''))
EOF
cp pic.png pic.orig
cat >pic.xml <<'XML'
<article xmlns="http://docbook.org/ns/docbook" version="5.0">
  <title>A picture</title>
  <mediaobject><imageobject><imagedata fileref="pic.png" width="20mm"/></imageobject></mediaobject>
</article>
XML
run 2 "the image as the PDF" -- "$FOLIO" build pic.xml --pdf pic.png
says "image as output" "the output 'pic.png' is the file"
says "image as output" "pic.png' that this build reads; folio never writes over an input"
unchanged "image as output" pic.png pic.orig
no_temporaries "image as output" .

# a font: the manifest and a face copied beside a copy of the styles
mkdir -p fontcase/styles fontcase/fonts
cp "$SRC"/styles/* fontcase/styles/
regular=$(sed -n 's/^face Charis SIL | regular *| *\([^ |]*\).*/\1/p' "$SRC/fonts/fonts.conf")
cp "$regular" fontcase/fonts/text.ttf
cp fontcase/fonts/text.ttf font.orig
sed "s#^face Charis SIL | regular *| [^|]*|#face Charis SIL | regular | $t/fontcase/fonts/text.ttf |#" \
	"$SRC/fonts/fonts.conf" >fontcase/fonts/fonts.conf
FOLIO_STYLES=$t/fontcase/styles run 2 "a font as the PDF" -- "$FOLIO" build a.xml --pdf fontcase/fonts/text.ttf
says "font as output" "the output 'fontcase/fonts/text.ttf' is the file '$t/fontcase/fonts/text.ttf' that this build reads"
unchanged "font as output" fontcase/fonts/text.ttf font.orig
no_temporaries "font as output" fontcase/fonts

run 2 "--pdf x --epub x" -- "$FOLIO" build a.xml --pdf x --epub x
says "two outputs, one file" "folio: fatal error: the outputs 'x' and 'x' are the same file; give each its own name"
absent "two outputs, one file" x
run 2 "--text ./y --epub y" -- "$FOLIO" build a.xml --text ./y --epub y
says "two outputs, one file" "the outputs 'y' and './y' are the same file"

# ---- outputs are only regular files ------------------------------------

run 2 "a device as output" -- "$FOLIO" build a.xml --pdf /dev/null
says "device" "folio: fatal error: cannot write '/dev/null': it is a device; folio writes outputs only as regular files (give - to write to standard output)"
[ -c /dev/null ] || { echo "FAIL: /dev/null is no longer a device"; fail=1; }
ln -s /dev/null to-null
run 2 "a symbolic link to a device" -- "$FOLIO" build a.xml --pdf to-null
says "link to device" "cannot write 'to-null': it is a symbolic link to a device; folio writes only regular files (give - to write to standard output)"
[ -L to-null ] || { echo "FAIL: the link to /dev/null was replaced"; fail=1; }
timeout "$FOLIO_TIMEOUT" "$FOLIO" build a.xml --text /dev/stdout 2>err | cat >/dev/null
[ "${PIPESTATUS[0]}" = 2 ] || { echo "FAIL: /dev/stdout on a pipe: want exit 2"; fail=1; }
says "/dev/stdout on a pipe" "cannot write '/dev/stdout': it is a symbolic link to a named pipe (FIFO); folio writes only regular files (give - to write to standard output)"
mkfifo fifo-out
run 2 "a FIFO as output" -- "$FOLIO" build a.xml --text fifo-out
says "FIFO out" "cannot write 'fifo-out': it is a named pipe (FIFO); folio writes outputs only as regular files (give - to write to standard output)"
[ -p fifo-out ] || { echo "FAIL: the FIFO was replaced"; fail=1; }
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' sock-out
run 2 "a socket as output" -- "$FOLIO" build a.xml --text sock-out
says "socket out" "cannot write 'sock-out': it is a socket; folio writes outputs only as regular files"
mkdir dir-out
run 2 "a folder as output" -- "$FOLIO" build a.xml --text dir-out
says "folder out" "cannot write 'dir-out': it is a folder; give a file name (or -o FOLDER)"
ln -s nowhere dangling
run 2 "a link that leads nowhere" -- "$FOLIO" build a.xml --text dangling
says "dangling" "cannot write 'dangling': it is a symbolic link to nothing (No such file or directory); remove the link or make it lead to a file"
echo "old text" >linked.txt
ln -s linked.txt to-linked
run 0 "a link to a regular file" -- "$FOLIO" build a.xml --text to-linked
[ -L to-linked ] || { echo "FAIL: the link to a regular file was replaced by a file"; fail=1; }
grep -q "A small article" linked.txt || { echo "FAIL: the file behind the link was not written"; fail=1; }
if [ "$(id -u)" != 0 ]; then
	echo "read only" >ro.txt
	chmod a-w ro.txt
	ln -s ro.txt to-ro
	run 2 "a link to a file one may not write" -- "$FOLIO" build a.xml --text to-ro
	says "link to read-only" "cannot write 'to-ro': it is a symbolic link to a file you may not write (Permission denied)"
fi

# usage problems before any work: the missing source is never mentioned
run 2 "an output in a missing folder" -- "$FOLIO" build nosuch.xml --text missing/x.txt
says "missing folder" "folio: fatal error: cannot write 'missing/x.txt': the folder 'missing' does not exist"
never_says "missing folder: told before the source is read" "nosuch.xml"

long=$(printf 'n%.0s' $(seq 246)).txt
run 0 "an output name of 250 bytes" -- "$FOLIO" build a.xml --text "$long"
[ -s "$long" ] || { echo "FAIL: the 250-byte name was not written"; fail=1; }
no_temporaries "250-byte name" .
toolong=$(printf 'n%.0s' $(seq 300)).txt
run 2 "an output name of 304 bytes" -- "$FOLIO" build a.xml --text "$toolong"
says "name too long" "the file name is too long (304 bytes in its name, 304 in all; at most 255 and 4095)"

# ---- standard input and output -----------------------------------------

run 0 "--text -" -- "$FOLIO" build a.xml --text -
grep -q "^A small article$" out || { echo "FAIL: --text - wrote no text to stdout"; fail=1; }
run 2 "--text - --epub -" -- "$FOLIO" build a.xml --text - --epub -
says "two outputs on stdout" "the outputs '-' and '-' are the same file"
timeout "$FOLIO_TIMEOUT" "$FOLIO" build a.xml --text - >/dev/full 2>err
[ $? = 2 ] || { echo "FAIL: stdout on /dev/full: want exit 2"; fail=1; }
says "stdout on /dev/full" "folio: fatal error: cannot write to standard output: No space left on device"
timeout "$FOLIO_TIMEOUT" "$FOLIO" build - --text from-stdin.txt <a.xml >out 2>err
[ $? = 0 ] && grep -q "Some text." from-stdin.txt || { echo "FAIL: '-' as the source"; cat err; fail=1; }
cat a.xml | timeout "$FOLIO_TIMEOUT" "$FOLIO" build /dev/stdin --text piped.txt >out 2>err
[ $? = 2 ] || { echo "FAIL: /dev/stdin as a pipe: want exit 2"; fail=1; }
says "/dev/stdin as a pipe" "/dev/stdin: fatal error: cannot read the source: a named pipe (FIFO), not a regular file; give '-' as the source to read standard input"

cp a.xml ./-x.xml
run 0 "-- ends the options" -- "$FOLIO" build --text dash.txt -- -x.xml
grep -q "Some text." dash.txt || { echo "FAIL: -- then -x.xml"; fail=1; }

# ---- 3. only regular files are read: nothing waits ----------------------

mkdir fifos
(
	cd fifos || exit 1
	mkfifo src.xml part.xml part.txt pic.png refs.bib style.style
	cat >inc.xml <<'XML'
<article xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude" version="5.0">
  <title>T</title>
  <xi:include href="part.xml"/>
</article>
XML
	sed 's#<xi:include href="part.xml"/>#<xi:include href="part.xml"><xi:fallback><para>fallback words</para></xi:fallback></xi:include>#' inc.xml >fallback.xml
	sed 's#<xi:include href="part.xml"/>#<para><xi:include href="part.txt" parse="text"/></para>#' inc.xml >text.xml
	cp ../bib.xml bib.xml
	cp ../pic.xml img.xml
)
run 2 "a FIFO as the source" -- "$FOLIO" build fifos/src.xml --text f.txt
says "FIFO source" "fifos/src.xml: fatal error: cannot read the source: a named pipe (FIFO), not a regular file; give '-' as the source to read standard input"
run 1 "a FIFO as an include" -- "$FOLIO" build fifos/inc.xml --text f.txt
says "FIFO include" "fifos/inc.xml:3:3: error: cannot include 'fifos/part.xml': a named pipe (FIFO), not a regular file"
run 0 "a FIFO as an include with a fallback" -- "$FOLIO" build fifos/fallback.xml --text f.txt
grep -q "fallback words" f.txt || { echo "FAIL: the fallback of a FIFO include was not used"; fail=1; }
run 1 "a FIFO as a text include" -- "$FOLIO" build fifos/text.xml --text f.txt
says "FIFO text include" "cannot include 'fifos/part.txt': a named pipe (FIFO), not a regular file"
run 1 "a FIFO as an image" -- "$FOLIO" build fifos/img.xml --pdf f.pdf
says "FIFO image" "fifos/img.xml:3:29: error: cannot read image \"pic.png\": a named pipe (FIFO), not a regular file"
run 1 "a FIFO as an image (EPUB)" -- "$FOLIO" build fifos/img.xml --epub f.epub
says "FIFO image, EPUB" "error: cannot read image 'pic.png': a named pipe (FIFO), not a regular file"
run 1 "a FIFO as a database" -- "$FOLIO" build fifos/bib.xml --text f.txt
says "FIFO database" "fifos/bib.xml:4:3: error: cannot read the database 'fifos/refs.bib': a named pipe (FIFO), not a regular file"
run 2 "a FIFO as the style" -- "$FOLIO" build a.xml --style fifos/style.style --pdf f.pdf
says "FIFO style" "fifos/style.style: fatal error: cannot read the style: a named pipe (FIFO), not a regular file"
run 2 "--style /dev/zero" -- "$FOLIO" build a.xml --style /dev/zero --pdf f.pdf
says "style /dev/zero" "/dev/zero: fatal error: cannot read the style: a device, not a regular file"
run 2 "a folder as the style" -- "$FOLIO" build a.xml --style fifos --pdf f.pdf
says "folder style" "fifos: fatal error: cannot read the style: a folder, not a file"
mkfifo fontcase/fonts/fifo.ttf
sed "s#^face Charis SIL | regular *| [^|]*|#face Charis SIL | regular | $t/fontcase/fonts/fifo.ttf |#" \
	"$SRC/fonts/fonts.conf" >fontcase/fonts/fonts.conf
FOLIO_STYLES=$t/fontcase/styles run 2 "a FIFO as a font" -- "$FOLIO" build a.xml --pdf f.pdf
says "FIFO font" "$t/fontcase/fonts/fifo.ttf: fatal error: cannot read font file for Charis SIL regular (manifest fonts/fonts.conf): a named pipe (FIFO), not a regular file"
run 2 "a FIFO to preflight" -- "$FOLIO" preflight fifos/pic.png
says "FIFO preflight" "folio: fifos/pic.png: cannot read: a named pipe (FIFO), not a regular file"
absent "failed FIFO builds" f.pdf
absent "failed FIFO builds" f.epub
no_temporaries "FIFO cases" .

# ---- 2. all or nothing; 9. messages in words -----------------------------

# a file size limit (ulimit -f, in KB) stands in for a full disk: write()
# fails with EFBIG once folio ignores SIGXFSZ
{
	printf '<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Big</title><para>'
	for i in $(seq 4000); do printf 'kata kerja sosial %d ' "$i"; done
	printf '</para></article>\n'
} >big.xml
mkdir old
run 0 "the first build of big.xml" -- "$FOLIO" build big.xml -o old
cp -r old old.orig
for fmt in pdf epub text; do
	ext=$fmt; [ $fmt = text ] && ext=txt
	run 2 "$fmt on a full disk" -- bash -c "ulimit -f 8; exec \"\$0\" build big.xml -o old --format $fmt" "$FOLIO"
	says "$fmt on a full disk" "old/big.$ext: fatal error: cannot write: File too large"
	never_says "$fmt on a full disk" "libharu"
	never_says "$fmt on a full disk: the temporary is not named" "old/.big"
done
# the EPUB (deflated, small) fits, the text (large) does not: neither is replaced
epub_kb=$(( ($(stat -c %s old/big.epub) + 1023) / 1024 ))
txt_kb=$(( $(stat -c %s old/big.txt) / 1024 ))
[ "$epub_kb" -lt "$txt_kb" ] || { echo "FAIL: the EPUB ($epub_kb KB) should be smaller than the text ($txt_kb KB)"; fail=1; }
run 2 "an EPUB that fits, a text that does not" -- bash -c "ulimit -f $epub_kb; exec \"\$0\" build big.xml -o old --format epub,text" "$FOLIO"
says "all or nothing" "old/big.txt: fatal error: cannot write: File too large"
for f in big.pdf big.epub big.txt; do unchanged "all or nothing" old/$f old.orig/$f; done
no_temporaries "all or nothing" old

run 2 "SOURCE_DATE_EPOCH beyond 9999" -- env SOURCE_DATE_EPOCH=253402300800 "$FOLIO" build a.xml --pdf d.pdf
says "SOURCE_DATE_EPOCH" "folio: fatal error: SOURCE_DATE_EPOCH='253402300800' is out of range: 0 to 253402300799 (1970 to the end of 9999)"
run 2 "SOURCE_DATE_EPOCH not a number" -- env SOURCE_DATE_EPOCH=yesterday "$FOLIO" build a.xml --pdf d.pdf
says "SOURCE_DATE_EPOCH" "folio: fatal error: SOURCE_DATE_EPOCH='yesterday' is not a number of seconds"
run 0 "SOURCE_DATE_EPOCH at the end of 9999" -- env SOURCE_DATE_EPOCH=253402300799 "$FOLIO" build a.xml --pdf d.pdf
LC_ALL=C grep -aq "D:99991231235959" d.pdf || { echo "FAIL: the last second of 9999 is not D:99991231235959"; fail=1; }

printf 'page.width = 0\n' >w0.style
# a value the style file gives is an error in that file (exit 1), told
# with the key's range before any layout
run 1 "page.width = 0" -- "$FOLIO" build a.xml --style w0.style --pdf g.pdf
says "page.width = 0" "w0.style:1:1: error: page.width = 0: out of range; page.width takes a length from 72 pt to 14400 pt (units: mm, cm, in, pt)"
never_says "page.width = 0" "libharu"
printf 'margin.inner = 110mm\n' >m.style
run 1 "margins wider than the page" -- "$FOLIO" build a.xml --style m.style --pdf g.pdf
says "margins" "m.style: error: the text block is 24.0 x 176.0 mm: the page (148.0 x 210.0 mm) less its margins must leave at least 30 x 30 mm"
# a paper from the command line that leaves too little is a usage error
printf 'margin.inner = 40mm
margin.outer = 40mm
' >m2.style
run 2 "a paper too small for the style's margins" -- "$FOLIO" build a.xml --style m2.style --paper 100x150mm --pdf g.pdf
says "paper and margins" "m2.style: fatal error: the text block is 20.0 mm wide (page.width 100.0 mm less margin.inner 40.0 mm and margin.outer 40.0 mm); it must be at least 30 mm"
printf 'font.text = Nonexistent Serif\n' >font.style
run 2 "an unknown font family" -- "$FOLIO" build a.xml --style font.style --pdf g.pdf
says "font family" "font.style: fatal error: font.text = Nonexistent Serif: no such font family in the font manifest"
run 2 "paper out of range" -- "$FOLIO" build nosuch.xml --paper 20x20mm --pdf g.pdf
says "paper" "folio: fatal error: paper '20x20mm' is out of range: each side must be 50 to 1000 mm"
never_says "paper: told before the source is read" "nosuch.xml"
absent "failed builds" g.pdf

# preflight: what qpdf says of a damaged file is among the problems, and
# nothing else reaches stderr
"$FOLIO" build a.xml --pdf small.pdf -q
python3 - small.pdf damaged.pdf <<'EOF'
import re, sys
d = bytearray(open(sys.argv[1], 'rb').read())
for m in re.finditer(rb'stream\r?\n', d):
    head = d[max(0, m.start() - 200):m.start()]
    end = d.find(b'endstream', m.end())
    if b'FlateDecode' in head and b'Length1' not in head and end - m.end() > 40:
        d[m.end() + 2:m.end() + 22] = b'x' * 20
        break
open(sys.argv[2], 'wb').write(d)
EOF
run 0 "preflight of a damaged content stream" -- "$FOLIO" preflight damaged.pdf
[ ! -s err ] || { echo "FAIL: preflight printed on stderr:"; sed 's/^/  | /' err; fail=1; }
grep -q "warning: qpdf: .*errors while decoding content stream" out || { echo "FAIL: preflight does not list qpdf's complaint"; fail=1; }

# ---- temporaries and signals ---------------------------------------------

# folio makes its temporaries before it reads the source; reading standard
# input from a FIFO held open here keeps it there until the signal comes.
# python resets SIGINT, which a shell ignores in the jobs it starts.
mkdir sig
echo "old output" >sig/s.txt
cp sig/s.txt sig.orig
for signal in INT TERM HUP KILL; do
	rm -f gate
	mkfifo gate
	python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$FOLIO" build - --text sig/s.txt <gate 2>/dev/null &
	pid=$!
	exec 3>gate
	for _ in $(seq 600); do
		ls -A sig | grep -q '^\.s\.txt\.' && break
		sleep 0.1
	done
	ls -A sig | grep -q '^\.s\.txt\.' || { echo "FAIL: SIG$signal: no temporary appeared"; fail=1; }
	kill -"$signal" "$pid"
	{ wait "$pid"; } 2>/dev/null
	status=$?
	exec 3>&-
	want=$((128 + $(kill -l "$signal")))
	[ "$status" = "$want" ] || { echo "FAIL: SIG$signal: exit $status, want $want"; fail=1; }
	unchanged "SIG$signal" sig/s.txt sig.orig
	if [ "$signal" = KILL ]; then
		ls -A sig | grep -q '^\.s\.txt\.' || { echo "FAIL: SIGKILL left no temporary (the next case tests nothing)"; fail=1; }
	else
		no_temporaries "SIG$signal" sig
	fi
done
# the stale temporary of the SIGKILL goes with the next build of s.txt,
# with others of the same shape; files of other shapes stay
touch sig/.s.txt.Ab12Cd sig/.s.txt.Ab12Cd.style.Xy34Zw sig/.s.txt.keep sig/.other.txt.Ab12Cd
run 0 "a build after a killed one" -- "$FOLIO" build a.xml --text sig/s.txt
[ -e sig/.s.txt.keep ] && [ -e sig/.other.txt.Ab12Cd ] || { echo "FAIL: the clean-up removed files that are not its temporaries"; fail=1; }
rm -f sig/.s.txt.keep sig/.other.txt.Ab12Cd
no_temporaries "after SIGKILL" sig

# what is at an output's path is looked at again before the renames: a
# folder that took the text's place while the build read its source
# stops the commit, and the EPUB written beside it is not put in place
mkdir late
"$FOLIO" build a.xml -o late --format epub,text -q
cp late/a.epub late-a.epub.orig
rm -f gate
mkfifo gate
"$FOLIO" build - --epub late/a.epub --text late/a.txt <gate >out 2>err &
pid=$!
exec 3>gate
for _ in $(seq 600); do
	ls -A late | grep -q '^\.a\.txt\.' && break
	sleep 0.1
done
rm late/a.txt
mkdir late/a.txt
cat a.xml >&3
exec 3>&-
wait "$pid"
status=$?
[ "$status" = 2 ] || { echo "FAIL: a folder in an output's place during the build: exit $status, want 2"; fail=1; }
says "late folder" "folio: fatal error: cannot write 'late/a.txt': it became a folder while the build ran; folio writes outputs only as regular files"
unchanged "late folder" late/a.epub late-a.epub.orig
no_temporaries "late folder" late

# a rename that fails after another succeeded (the text's file made
# immutable, which even root cannot replace): the EPUB already renamed
# is put back from the second name kept for it
mkdir keep
sed 's/Some text./First words./' a.xml >keep/k.xml
"$FOLIO" build keep/k.xml -o keep --format epub,text -q
cp keep/k.epub k.epub.orig
sed -i 's/First words./Second words./' keep/k.xml
if chattr +i keep/k.txt 2>/dev/null; then
	run 2 "a rename that fails midway" -- "$FOLIO" build keep/k.xml -o keep --format epub,text
	chattr -i keep/k.txt
	says "rename midway" "folio: fatal error: cannot write 'keep/k.txt': Operation not permitted"
	says "rename midway" "folio: note: 'keep/k.epub' was put back as it was before this build"
	unchanged "rename midway" keep/k.epub k.epub.orig
	grep -q "First words." keep/k.txt || { echo "FAIL: rename midway: the text was replaced"; fail=1; }
	no_temporaries "rename midway" keep
else
	echo "note: chattr +i is not supported here; the rename-midway case is skipped"
fi

unchanged "all cases" a.xml a.orig
[ $fail = 0 ] && echo "robust_files: all checks passed"
exit $fail
