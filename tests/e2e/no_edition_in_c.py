#!/usr/bin/env python3
"""no_edition_in_c.py ROOT: where the C sources of ROOT name an edition.

The edition is only data. Every code an edition declares in
ROOT/pipeline/forms/<edition>/ (field codes in fields.csv, annex codes
in annexes.csv, and every value of edition.csv longer than two
characters: its code, the field codes its roles name, the notice's
title and citations) must not be written in a C string literal (as the
literal or as a whole word inside one, where "-" joins a word: the
finding code "batch.no-recommender" is not the field "recommender")
in ROOT/pipeline or ROOT/reports,
and no edition's directory name may appear anywhere in those C files,
comments included. Prints one line per leak, then "N found"; exits 1
when N > 0.
"""
import csv
import glob
import os
import re
import sys


def edition_codes(root):
    """({code: where it is declared}, [edition names])."""
    codes, editions = {}, []
    for ed in sorted(glob.glob(os.path.join(root, "pipeline/forms/*/"))):
        name = os.path.basename(ed.rstrip("/"))
        editions.append(name)
        for fn, col in (("fields.csv", "code"), ("annexes.csv", "code"),
                        ("edition.csv", "value")):
            path = os.path.join(ed, fn)
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    v = row.get(col) or ""
                    if len(v) > 2:
                        codes.setdefault(v, "%s/%s" % (name, fn))
    return codes, editions


def literals(text):
    """(line, contents) of each string literal of C source text; comments
    and character constants are skipped."""
    out, i, line, n = [], 0, 1, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            j, start = i + 1, line
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if c == '"':
                out.append((start, text[i + 1:j]))
            i = j + 1
        else:
            line += c == "\n"
            i += 1
    return out


def main():
    root = sys.argv[1]
    codes, editions = edition_codes(root)
    words = {c: re.compile(r"(?<![\w.-])" + re.escape(c) + r"(?![\w-])")
             for c in codes}
    sources = sorted(
        glob.glob(os.path.join(root, "pipeline/**/*.[ch]"), recursive=True) +
        glob.glob(os.path.join(root, "reports/**/*.[ch]"), recursive=True))
    n = 0
    for path in sources:
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for i, line in enumerate(text.split("\n"), 1):
            for ed in editions:
                if ed in line:
                    print("%s:%d: edition %s: %s" % (rel, i, ed, line.strip()))
                    n += 1
        for i, lit in literals(text):
            for c, rx in words.items():
                if rx.search(lit):
                    print('%s:%d: "%s" (%s) in "%s"' % (rel, i, c, codes[c], lit))
                    n += 1
    print("%d found" % n)
    return 1 if n > 0 else 0


if __name__ == "__main__":
    sys.exit(main())
