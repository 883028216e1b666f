#!/usr/bin/env python3
"""report_stext.py: measure the 申报书 PDF of `shenbao report` from
`mutool draw -F stext` and `mutool show … outline` output.

Usage: report_stext.py STEXT.xml OUTLINE.txt

Prints "PASS name: detail" / "FAIL name: detail" per check and "INFO"
lines with the measurements. The geometry is the engine's GB/T 9704 page
(typeset_stext.py, whose reader this uses): body pages are those numbered
"— n —"; the cover, pledge and contents are not numbered.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from typeset_stext import (BODY, CELL, CHARS, CLOSERS, FIRST_BASE,  # noqa
                           LEFT, LINES, OPENERS, PITCH, SQUEEZE, TEXT_W,
                           is_wide, load)

FACE = {1: "FandolHei-Regular", 2: "FandolKai-Regular",
        3: "FandolFang-Regular", 4: "FandolFang-Regular"}

results = []


def check(name, ok, detail=""):
    results.append(("PASS" if ok else "FAIL", name, detail))


def info(text):
    print("INFO " + text)


def squash(s):
    return re.sub(r"\s+", "", s)


def outline_entries(rows):
    out = []
    for row in rows:
        m = re.match(r'^[|+-](\t*)"(.*)"\t#page=(\d+)', row)
        if m:
            out.append((len(m.group(1)), m.group(2), int(m.group(3))))
    return out


def main():
    pages = load(sys.argv[1])
    outline = outline_entries(
        open(sys.argv[2], encoding="utf-8").read().splitlines())

    # page numbers "— n —" (14 pt) mark the body pages
    dash = {}
    for i, pg in enumerate(pages, 1):
        for l in pg["lines"]:
            m = re.fullmatch(r"— (\d+) —", l.text)
            if m and l.size == 14:
                dash[i] = int(m.group(1))
    body = sorted(dash)
    check("body pages numbered — 1 — … consecutively, front matter not",
          body and [dash[i] for i in body] == list(range(1, len(body) + 1))
          and body[-1] == len(pages) and min(body) > 3,
          "%d pages, body %d–%d" % (len(pages), body[0] if body else 0,
                                   body[-1] if body else 0))

    # the grid: every 16 pt line of a body page on a grid line
    off, lines_of = [], {}
    for i in body:
        ls = [l for l in pages[i - 1]["lines"] if l.size == BODY]
        lines_of[i] = ls
        for l in ls:
            k = (l.y - FIRST_BASE) / PITCH
            if abs(k - round(k)) * PITCH > 0.1 or round(k) >= LINES:
                off.append((i, l.text[:8]))
    check("every 16 pt line on the grid (pitch %.4f pt)" % PITCH, not off,
          "off grid: %s" % off[:3])

    # full pages: a page whose last paragraph runs on to the next page
    # (its next 16 pt line starts flush left in the same face) is filled
    # to the last of its 22 grid lines; one of text only holds 22 lines
    # at one pitch
    full, short, pitches, text_only = [], [], [], []
    last_base = FIRST_BASE + (LINES - 1) * PITCH
    for i in body:
        ys = sorted({round(l.y, 2) for l in lines_of[i]})
        nxt = lines_of.get(i + 1) or []
        if len(ys) > LINES:
            short.append((i, len(ys)))
        if not ys or not nxt:
            continue
        last = max(lines_of[i], key=lambda l: l.y)
        first = min(nxt, key=lambda l: l.y)
        if abs(first.x0 - LEFT[(i + 1) % 2]) > 0.5 or first.font != \
                last.font or abs(first.y - FIRST_BASE) > 0.2:
            continue
        full.append(i)
        if abs(last.y - last_base) > 0.2:
            short.append((i, round(last.y, 2)))
        # text only: no chart (its labels are other sizes) and no image
        # (only its caption "图N …" shows in the text)
        if all(l.size in (BODY, 14) for l in pages[i - 1]["lines"]) and \
                not any(re.match(r"图\d", l.text) for l in pages[i - 1]["lines"]):
            text_only.append(i)
            if len(ys) != LINES:
                short.append((i, len(ys)))
            pitches += [b - a for a, b in zip(ys, ys[1:])]
    check("full pages end on grid line 22; those of text hold 22 lines at "
          "one pitch ±0.1 pt", len(full) >= 3 and
          not short and all(abs(p - PITCH) <= 0.1 for p in pitches),
          "%d full pages, %d of text only; wrong %s"
          % (len(full), len(text_only), short[:3]))
    info("full pages: %d of %d body pages (%s), of text only %s; pitch "
         "%.4f–%.4f pt" % (len(full), len(body), full, text_only,
                           min(pitches or [0]), max(pitches or [0])))

    # headings (left-aligned, may wrap): their lines are not body text
    heads = set()
    for depth, title, page in outline:
        rest = squash(title)
        for pg in (page, page + 1):
            for l in pages[pg - 1]["lines"] if pg <= len(pages) else []:
                t = squash(l.text)
                if l.size == BODY and t and rest.startswith(t) and \
                        len(t) >= min(4, len(rest)):
                    heads.add(id(l))
                    rest = rest[len(t):]

    # full lines: a line followed by a continuation line (flush left)
    seq = [(i, l) for i in body for l in lines_of[i]
           if id(l) not in heads]
    cells, not_full, overfull, off_col = {}, [], [], []
    for (i, l), (j, nx) in zip(seq, seq[1:]):
        left = LEFT[i % 2]
        cont = abs(nx.x0 - LEFT[j % 2]) <= 0.5 and nx.font == l.font
        same = (j == i and abs(nx.y - l.y - PITCH) < 0.2) or \
               (j == i + 1 and abs(nx.y - FIRST_BASE) < 0.2)
        if not (cont and same):
            continue
        if abs(l.x1 - (left + TEXT_W)) > 1:
            not_full.append((i, l.text[:10], round(l.x1 - left, 2)))
        if all(is_wide(c) for c in l.text):
            indent = round((l.x0 - left) / CELL)
            c = len(l.text) + indent
            sq = sum(1 for ch in l.text[1:-1] if ch in SQUEEZE)
            cells[c] = cells.get(c, 0) + 1
            if c > CHARS and 2 * (c - CHARS) > sq:
                overfull.append((i, l.text[:10], c, sq))
            if c == CHARS and any(
                    abs(ch["x0"] - left - (indent + k) * CELL) > 0.3
                    for k, ch in enumerate(l.chars)):
                off_col.append((i, l.text[:10]))
    n_full = sum(cells.values())
    check("full lines fill the 版心 (right edge ±1 pt)",
          n_full > 0 and not not_full, "%s" % not_full[:3])
    # 28 字 a line; 26–27 when 避头尾 or the paragraph's total fit moves
    # a 字 down; more only where full-width punctuation inside the line
    # gave half its em (two squeezed marks make room for one 字)
    check("full CJK lines hold 28 字 (26–27 when a 字 moves down, more "
          "only by squeezed punctuation)",
          n_full >= 20 and min(cells) >= 26 and not overfull
          and cells.get(CHARS, 0) >= 0.8 * n_full,
          "字 per line: %s; overfull %s" % (dict(sorted(cells.items())),
                                           overfull[:3]))
    check("characters of a 28-字 line on the grid's columns ±0.3 pt",
          not off_col, "%s" % off_col[:3])
    info("full CJK lines: %s (字 incl. indent: count)"
         % dict(sorted(cells.items())))

    # a paragraph's last line (flush left after a full line of the same
    # paragraph) holds at least two characters besides punctuation: no
    # "关。" alone (issue 13 item 14)
    lonely = []
    for (i, l), (j, nx) in zip(seq, seq[1:]):
        left = LEFT[i % 2]
        cont = abs(nx.x0 - LEFT[j % 2]) <= 0.5 and nx.font == l.font
        same = (j == i and abs(nx.y - l.y - PITCH) < 0.2) or \
               (j == i + 1 and abs(nx.y - FIRST_BASE) < 0.2)
        if cont and same and abs(l.x1 - (left + TEXT_W)) <= 1:
            chars = [c for c in nx.text.strip()
                     if c not in CLOSERS and c not in OPENERS]
            if len(chars) < 2:
                lonely.append((j, nx.text))
    check("no paragraph ends with a line of one character (+ punctuation)",
          not lonely, "%s" % lonely[:3])

    # keep with next: a heading is never the last line of a page
    stranded = []
    for i in body:
        ls = [l for l in pages[i - 1]["lines"] if l.size != 14]
        if ls and i != body[-1]:
            last = max(ls, key=lambda l: l.y)
            if id(last) in heads:
                stranded.append((i, last.text[:12]))
    check("no heading is the last line of a page", not stranded,
          "%s" % stranded[:3])

    # 避头尾 on every 16 pt line
    viol = []
    for pg_i, pg in enumerate(pages, 1):
        for l in pg["lines"]:
            t = l.text.strip()
            if l.size != BODY or not t:
                continue
            if t[0] in CLOSERS or t[-1] in OPENERS:
                viol.append((pg_i, t[:6] + "…" + t[-4:]))
    check("避头尾: no line starts with closing or ends with opening "
          "punctuation", not viol, "%s" % viol[:3])

    # headings: each outline entry's text on its page, in its level's face
    hbad, depth_n = [], {}
    for depth, title, page in outline:
        depth_n[depth] = depth_n.get(depth, 0) + 1
        want = squash(title)
        found = None
        for l in pages[page - 1]["lines"]:
            t = squash(l.text)
            if l.size == BODY and t and want.startswith(t) and \
                    len(t) >= min(4, len(want)):
                found = l
                break
        if found is None or found.font != FACE.get(depth):
            hbad.append((depth, title, page,
                         found.font if found else None))
    check("outline entries: each heading on its page, L1 黑体 L2 楷体 "
          "L3/L4 仿宋", outline and not hbad, "%s" % hbad[:3])
    info("outline entries by depth: %s" % dict(sorted(depth_n.items())))
    annex = [t for d, t, p in outline if t.startswith("附件")]
    check("outline ≥ 3 levels, the 材料清单 entries (附件1…) at level 3",
          max(depth_n or [0]) >= 3 and len(annex) >= 8 and
          all(d == 3 for d, t, p in outline if t.startswith("附件")),
          "%d 附件 entries" % len(annex))

    # contents: entries (wrapped ones joined) with the page number
    toc, pending = [], ""
    for i, pg in enumerate(pages, 1):
        if i in dash:
            continue
        for l in pg["lines"]:
            if l.size != BODY:
                continue
            # the dot leaders are drawn, not text: a gap wider than
            # half a 字 separates an entry from its page number
            segs = l.segments(BODY / 2)
            if len(segs) == 2 and segs[1].isdigit():
                toc.append((pending + segs[0], int(segs[1]), i))
                pending = ""
            elif toc or pending:
                pending += l.text.strip()
            elif squash(l.text) == "目录":
                pending = ""
    wrong = []
    for k, (text, num, at) in enumerate(toc):
        if k >= len(outline):
            wrong.append((text, "no outline entry"))
            continue
        depth, title, page = outline[k]
        if squash(text) != squash(title) or dash.get(page) != num:
            wrong.append((text, num, title, dash.get(page)))
    check("contents: every entry names the page its heading is on, in "
          "the outline's order", len(toc) == len(outline) and not wrong
          and len(toc) >= 30, "%d entries, %d outline entries; wrong %s"
          % (len(toc), len(outline), wrong[:3]))
    info("contents: %d entries on pages %s" % (
        len(toc), sorted({at for _, _, at in toc})))

    for r in results:
        print("%s %s: %s" % r)


if __name__ == "__main__":
    main()
