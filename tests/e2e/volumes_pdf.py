#!/usr/bin/env python3
"""volumes_pdf.py: what tests/e2e/volumes*.sh check in a volume's text.

Each command prints one line; "ok ..." when the check holds.

  pages PDF HEADER...    every page n says "第 n 页 共 N 页" with N the
                         page count; pages 2..N (the list) hold every
                         HEADER (column titles, the running header)
  once CSV COL PDF       every value of CSV column COL (1-based, the
                         header skipped) appears exactly once in the text,
                         and no other value of its shape does (IDs)
  all CSV COL PDF        every value of CSV column COL appears in the text
  absent CSV COL PDF     no value of CSV column COL appears in the text
  present PDF TEXT...    every TEXT appears in the text
"""
import collections
import csv
import re
import subprocess
import sys


def text(pdf, layout=False):
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    out = subprocess.run(args + [pdf, "-"], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    return out.split("\f")[:-1]  # pdftotext ends every page with \f


def column(path, col):
    raw = open(path, "rb").read()
    try:
        data = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        data = raw.decode("gb18030")
    rows = list(csv.reader(data.splitlines()))
    return [r[col - 1] for r in rows[1:] if len(r) >= col]


def squeeze(s):
    return re.sub(r"\s+", "", s)


def cmd_pages(pdf, headers):
    pages = text(pdf)
    n = len(pages)
    bad = []
    for i, p in enumerate(pages, 1):
        if "第%d页共%d页" % (i, n) not in squeeze(p):
            bad.append("page %d: no 第 %d 页 共 %d 页" % (i, i, n))
        if i >= 2:
            for h in headers:
                if squeeze(h) not in squeeze(p):
                    bad.append("page %d: no %s" % (i, h))
    print("ok %d pages" % n if not bad else "; ".join(bad[:5]))


def cmd_once(path, col, pdf):
    want = column(path, int(col))
    body = "\n".join(text(pdf, layout=True))
    bad = []
    if want:
        # every token of the values' shape, counted once over the text
        shape = re.sub(r"[0-9]+", lambda m: "[0-9]{%d}" % len(m.group(0)),
                       re.escape(want[0]))
        seen = collections.Counter(
            re.findall(r"(?<![0-9A-Za-z])%s(?![0-9A-Za-z])" % shape, body))
        for v in want:
            if seen[v] != 1:
                bad.append("%s: %d times" % (v, seen[v]))
        extra = sum(seen.values()) - len(want)
        if extra and not bad:
            bad.append("%d more values of the shape of %s" % (extra, want[0]))
    print("ok %d values" % len(want) if not bad else "; ".join(bad[:5]))


def cmd_absent(path, col, pdf):
    body = "\n".join(text(pdf))
    vals = [v for v in column(path, int(col)) if v]
    if not vals:
        print("ok")
        return
    # one pass: all values as one alternation (longest first)
    pat = re.compile("|".join(re.escape(v) for v in
                              sorted(set(vals), key=len, reverse=True)))
    found = pat.findall(body)
    print("ok" if not found else "found: " + ", ".join(found[:5]))


def cmd_all(path, col, pdf):
    body = squeeze("\n".join(text(pdf)))
    vals = set(column(path, int(col)))
    missing = [v for v in vals if squeeze(v) not in body]
    print("ok %d values" % len(vals) if not missing
          else "missing: " + ", ".join(missing[:5]))


def cmd_present(pdf, wanted):
    body = squeeze("\n".join(text(pdf)))
    missing = [w for w in wanted if squeeze(w) not in body]
    print("ok" if not missing else "missing: " + ", ".join(missing))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "pages":
        cmd_pages(args[0], args[1:])
    elif cmd == "once":
        cmd_once(*args)
    elif cmd == "all":
        cmd_all(*args)
    elif cmd == "absent":
        cmd_absent(*args)
    elif cmd == "present":
        cmd_present(args[0], args[1:])
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
