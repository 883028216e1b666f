#!/usr/bin/env python3
"""report_keep.py: what a page break must never do in the 申报书, measured
from `mutool draw -F stext` and `mutool show … outline` (issue 13 item 14).

Usage: report_keep.py STEXT.xml OUTLINE.txt

- no paragraph's last line holds a single character besides punctuation
  ("关。"): a 16 pt body line that does not reach the right edge of the
  版心 (a paragraph's last line) with one character that is not
  punctuation;
- no heading is the last line of its page: each outline entry's line is
  followed on its page by another line (the page number aside);
- a table header row ("指标 申报值 …", the header the engine repeats on
  each page of a table) is followed on its page by a row.
Prints PASS/FAIL lines and INFO measurements.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from typeset_stext import BODY, CLOSERS, LEFT, OPENERS, TEXT_W, load  # noqa
from report_stext import outline_entries  # noqa

PUNCT = CLOSERS | OPENERS | set("“”‘’，。、；：？！（）《》·—")


def content(page):
    """The lines of a page but its number "— n —", top to bottom."""
    return [l for l in page["lines"] if not re.fullmatch(r"— \d+ —", l.text)]


def main():
    pages = load(sys.argv[1])
    outline = outline_entries(
        open(sys.argv[2], encoding="utf-8").read().splitlines())
    fails = []

    # widows: a short body line with one character besides punctuation
    widows, last_lines = [], 0
    for i, pg in enumerate(pages, 1):
        right = LEFT[i % 2] + TEXT_W
        for l in content(pg):
            if l.size != BODY or l.x1 >= right - BODY:
                continue
            last_lines += 1
            chars = [c for c in l.text if c not in PUNCT and not c.isspace()]
            if len(chars) == 1 and len(l.text.strip()) > 1:
                widows.append((i, l.text))
    fails.append(("no paragraph ends on one character and punctuation",
                  not widows, "%d short lines; widows %s"
                  % (last_lines, widows[:5])))

    # headings last on their page
    last = []
    for _, title, page in outline:
        lines = content(pages[page - 1])
        key = re.sub(r"\s", "", title)[:6]
        idx = [k for k, l in enumerate(lines)
               if re.sub(r"\s", "", l.text).startswith(key)]
        if idx and idx[0] == len(lines) - 1:
            last.append((page, title))
    fails.append(("no heading is the last line of its page", not last,
                  "%d headings; last on a page %s" % (len(outline), last[:5])))

    # table headers followed by a row
    alone, headers = [], 0
    for i, pg in enumerate(pages, 1):
        lines = content(pg)
        for k, l in enumerate(lines):
            if re.sub(r"\s", "", l.text) == "指标申报值清单核对证明材料":
                headers += 1
                if k == len(lines) - 1:
                    alone.append(i)
    fails.append(("a table's header row is never alone at a page's foot",
                  headers > 0 and not alone,
                  "%d header rows; alone on pages %s" % (headers, alone)))

    for name, ok, detail in fails:
        print("%s %s: %s" % ("PASS" if ok else "FAIL", name, detail))


if __name__ == "__main__":
    main()
