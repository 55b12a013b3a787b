#!/usr/bin/env bash
# cli: the command line's contract: help, version, usage errors (exit 2),
# check writes nothing, build writes the named outputs atomically and a
# failed build leaves earlier outputs untouched.
set -u
fail=0
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
expect() { # expect STATUS DESCRIPTION -- command...
	local want=$1 what=$2; shift 3
	"$@" >"$t/out" 2>"$t/err"; local got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL: $what: exit $got, want $want"; sed 's/^/  /' "$t/err"; fail=1
	fi
}

expect 0 "--help" -- "$FOLIO" --help
grep -q "folio build SOURCE.xml" "$t/out" || { echo "FAIL: --help prints usage"; fail=1; }
expect 0 "--version" -- "$FOLIO" --version
grep -qE '^folio [0-9]+\.[0-9]+\.[0-9]+$' "$t/out" || { echo "FAIL: --version format"; fail=1; }
expect 2 "no arguments" -- "$FOLIO"
expect 2 "unknown command" -- "$FOLIO" frobnicate x.xml
expect 2 "unknown option" -- "$FOLIO" build x.xml --frob
expect 2 "no source" -- "$FOLIO" build
expect 2 "unknown format" -- "$FOLIO" build x.xml --format pdf,docx
expect 2 "missing source file" -- "$FOLIO" check "$t/nope.xml"

cat >"$t/ok.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="en">
  <info><title>A small article</title></info>
  <section><title>First</title>
    <para>Some <emphasis>plain</emphasis> text.</para>
    <orderedlist numeration="loweralpha"><listitem><para>one</para></listitem>
      <listitem><para>two</para></listitem></orderedlist>
  </section>
</article>
XML
expect 0 "check a good article" -- "$FOLIO" check "$t/ok.xml"
[ -s "$t/err" ] && { echo "FAIL: check printed something"; cat "$t/err"; fail=1; }
[ "$(ls "$t")" = "$(printf 'err\nok.xml\nout')" ] || { echo "FAIL: check wrote files: $(ls "$t")"; fail=1; }

expect 0 "build text" -- "$FOLIO" build "$t/ok.xml" --text "$t/ok.txt"
grep -q "^a. one$" "$t/ok.txt" || { echo "FAIL: text output lacks the list item 'a. one'"; cat "$t/ok.txt"; fail=1; }
grep -q "Some plain text." "$t/ok.txt" || { echo "FAIL: text output lacks the paragraph"; fail=1; }

expect 0 "build into a folder" -- "$FOLIO" build "$t/ok.xml" -o "$t/outdir" --format text
[ -s "$t/outdir/ok.txt" ] || { echo "FAIL: -o DIR --format text did not write outdir/ok.txt"; fail=1; }

# A failed build keeps the previous output and leaves no temporary behind.
cp "$t/ok.txt" "$t/before.txt"
printf '<article xmlns="http://docbook.org/ns/docbook"><para>unclosed</article>\n' >"$t/bad.xml"
expect 1 "build a malformed file" -- "$FOLIO" build "$t/bad.xml" --text "$t/ok.txt"
cmp -s "$t/ok.txt" "$t/before.txt" || { echo "FAIL: a failed build changed the earlier output"; fail=1; }
ls -a "$t" | grep -q '^\.ok\.txt\.' && { echo "FAIL: a temporary was left behind"; fail=1; }
grep -qE "bad.xml:1:[0-9]+: error:" "$t/err" || { echo "FAIL: no file:line:col error"; cat "$t/err"; fail=1; }

[ $fail = 0 ] && echo "cli: all checks passed"
exit $fail
