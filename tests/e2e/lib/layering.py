#!/usr/bin/env python3
"""layering: every #include in src/ and include/ checked against the table of
allowed arrows in doc/design.md ("Layering").

    python3 layering.py ROOT

A quoted include ("layout/ctx.h") must name the file's own stage, or a stage its
row may include and a header that stage offers; an angle include of a known
library's header (<hpdf.h>) must name a library its row lists.  Prints one
`path:line: error: ...` per forbidden include and exits 1; exits 0 when all
are allowed.  A file in src/ or include/ that no row's folder holds is an
error too, so a new folder cannot escape the rule.
"""

import fnmatch
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
ROW = re.compile(r'^\|\s*`([a-z/]+)`\s*\|')


def cells(line):
    return [c.strip().replace("`", "") for c in line.strip().strip("|").split("|")]


def read_tables(design):
    """The stage rows and the library rows of doc/design.md."""
    stages, libraries = {}, {}
    table = None
    with open(design, encoding="utf-8") as f:
        for line in f:
            if line.startswith("<!-- layering table"):
                table = "stages"
            elif line.startswith("<!-- library headers"):
                table = "libraries"
            elif not line.startswith("|"):
                if line.strip():
                    table = None
            elif table == "stages" and ROW.match(line):
                name, folder, uses, offers, libs = cells(line)[:5]
                stages[name] = {
                    "folder": folder,
                    "uses": set(uses.split()),
                    "offers": offers.split(),
                    "libraries": set(libs.split()),
                }
            elif table == "libraries":
                c = cells(line)
                if len(c) >= 2 and c[0] not in ("library", "") and not c[0].startswith("-"):
                    libraries[c[0]] = c[1].split()
    return stages, libraries


def stage_of(path, stages):
    """The stage whose folder holds path (the longest folder that matches)."""
    best = None
    for name, s in stages.items():
        folder = s["folder"]
        if path == folder or path.startswith(folder + "/"):
            if best is None or len(folder) > len(stages[best]["folder"]):
                best = name
    return best


def library_of(header, libraries):
    for lib, patterns in libraries.items():
        if any(fnmatch.fnmatchcase(header, p) for p in patterns):
            return lib
    return None


def check_quoted(where, stage, target, stages, root):
    """None when `#include "target"` is allowed in stage, else the reason."""
    if target.startswith("folio/"):
        owner, inside = "public", target[len("folio/"):]
    else:
        owner = stage_of("src/" + target, stages)
        if owner is None:
            return '"%s" is in no stage of the layering table' % target
        inside = ("src/" + target)[len(stages[owner]["folder"]) + 1:]
    if owner == stage:
        return None
    s = stages[stage]
    if owner not in s["uses"]:
        allowed = " ".join(sorted(s["uses"])) or "no other stage"
        return "stage %s may not include %s (\"%s\"); it may include: %s" % (
            stage, owner, target, allowed)
    offers = stages[owner]["offers"]
    if offers == ["all"] or inside in offers:
        return None
    return "\"%s\" is private to stage %s; it offers: %s" % (
        target, owner, " ".join(offers))


def check_file(rel, stage, stages, libraries, root, errors):
    with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, target = m.groups()
            where = "%s:%d" % (rel, lineno)
            if kind == '"':
                why = check_quoted(where, stage, target, stages, root)
            else:
                lib = library_of(target, libraries)
                why = None
                if lib and lib not in stages[stage]["libraries"]:
                    allowed = " ".join(sorted(stages[stage]["libraries"])) or "none"
                    why = "stage %s may not use %s (<%s>); its libraries: %s" % (
                        stage, lib, target, allowed)
            if why:
                errors.append("%s: error: %s" % (where, why))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    design = os.path.join(root, "doc", "design.md")
    stages, libraries = read_tables(design)
    if "util" not in stages or not libraries:
        print("%s: error: no layering table found" % design)
        return 1
    for name, s in stages.items():
        for u in s["uses"]:
            if u not in stages:
                print("%s: error: stage %s uses unknown stage %s" % (design, name, u))
                return 1
        for lib in s["libraries"]:
            if lib not in libraries:
                print("%s: error: stage %s names unknown library %s" % (design, name, lib))
                return 1
    errors, files = [], 0
    for top in ("src", "include"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for fn in sorted(filenames):
                if not fn.endswith((".c", ".h", ".def")):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, fn), root)
                stage = stage_of(rel, stages)
                if stage is None:
                    errors.append("%s:1: error: the file is in no stage of the "
                                  "layering table (doc/design.md)" % rel)
                    continue
                files += 1
                check_file(rel, stage, stages, libraries, root, errors)
    for e in errors:
        print(e)
    if errors:
        print("%d forbidden include(s); the rule is the table in doc/design.md, "
              "\"Layering\"" % len(errors))
        return 1
    print("layering: %d files, every include allowed by doc/design.md" % files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
