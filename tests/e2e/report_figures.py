"""Measures of the 申报书's figures and form tables (issue 13 item 15),
taken from the PDF as a reviewer sees it.

report_figures.py figures PDF CHARTS.CSV
    "order True|False", then a line per caption "图N cited|NOT CITED
    under X.Y[ not Z.W]": N counts 1, 2, 3 … in reading order; the body
    cites each (见图N) before its caption; a chart of charts.csv whose
    options say indicator=Z.W sits under the heading Z.W.
report_figures.py sources PDF
    the smallest height in pt of a chart's source line (数据来源…):
    pdftotext -bbox gives a word's box as tall as its type size.
report_figures.py padding PDF TMPDIR
    the number of words of the form's first table (企业基本信息, up to
    企业简介) and the least gap in pt between one and the nearest ink
    left, right, above or below it: the cell border, on the page
    rendered at 288 dpi.
report_figures.py cells PDF TMPDIR TEXT…
    per TEXT "TEXT inside|outside": inside a table's cell, between
    borders on its line (cells()).
"""
import csv
import os
import re
import subprocess
import sys


def text(pdf, *args):
    return subprocess.run(['pdftotext', *args, pdf, '-'], capture_output=True,
                          text=True, check=True).stdout


def words(pdf, *args):
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
            re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)<',
                       text(pdf, '-bbox', *args))]


def figures(pdf, charts):
    ind = {}
    for r in csv.DictReader(open(charts, encoding='utf-8-sig')):
        m = re.search(r'indicator=([0-9.]+)', r['options'])
        if m:
            ind[r['title']] = m.group(1)
    lines = [l.strip() for l in text(pdf).split('\n')]
    # the body starts at the second "1.1 …" (the first is the contents)
    # and ends where the numbers start again (the 细分目录)
    first = [i for i, l in enumerate(lines) if re.match(r'1\.1 \S', l)][1]
    cur, seen, cited, out = None, [], set(), []
    for l in lines[first:]:
        m = re.match(r'([1-5]\.[1-5]) \S', l)
        if m:
            if cur is not None and m.group(1) < cur:
                break
            cur = m.group(1)
        cited.update(int(n) for n in re.findall(r'见图(\d+)', l))
        m = re.match(r'图(\d+) (.+)$', l)
        if m:
            n, want = int(m.group(1)), ind.get(m.group(2))
            seen.append(n)
            out.append(f"图{n} {'cited' if n in cited else 'NOT CITED'} "
                       f"under {cur}"
                       f"{'' if want in (None, cur) else ' not ' + want}")
    print('order', seen == list(range(1, len(seen) + 1)))
    print('\n'.join(out))


def sources(pdf):
    h = [y2 - y1 for x1, y1, x2, y2, w in words(pdf)
         if w.startswith('数据来源')]
    print(f'{len(h)} {min(h):.2f}' if h else '0 -')


class Ink:
    """Page page of pdf rendered in grey at 288 dpi: gap() measures."""
    s = 4  # px per pt

    def __init__(self, pdf, page, tmp):
        base = os.path.join(tmp, f'ink{page}')
        subprocess.run(['pdftoppm', '-f', str(page), '-l', str(page), '-r',
                        '288', '-gray', '-singlefile', pdf, base], check=True)
        data = open(base + '.pgm', 'rb').read()
        m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+\d+\s', data)
        self.w, self.h = int(m.group(1)), int(m.group(2))
        self.px = data[m.end():]

    def gap(self, x0, y0, dx, dy, limit=40):
        """pt from (x0, y0) in pt to the first ink going (dx, dy); limit
        when there is none within limit pt."""
        x0, y0 = int(x0 * self.s), int(y0 * self.s)
        for k in range(1, limit * self.s):
            x, y = x0 + k * dx, y0 + k * dy
            if 0 <= x < self.w and 0 <= y < self.h and \
                    self.px[y * self.w + x] < 128:
                return k / self.s
        return limit

    def around(self, box):
        """The gaps left, right, above and below a word's box."""
        x1, y1, x2, y2 = box[:4]
        xm, ym = (x1 + x2) / 2, (y1 + y2) / 2
        e = 0.5 / self.s
        return (self.gap(x1 - e, ym, -1, 0), self.gap(x2 + e, ym, 1, 0),
                self.gap(xm, y1 - e, 0, -1), self.gap(xm, y2 + e, 0, 1))


def page_of(pdf, needle):
    return next(p for p in range(1, 80)
                if needle in text(pdf, '-f', str(p), '-l', str(p)))


def padding(pdf, tmp):
    page = page_of(pdf, '组织机构代码')
    ws = words(pdf, '-f', str(page), '-l', str(page))
    top = min(w[1] for w in ws if w[4] == '企业基本信息')
    end = min([w[1] for w in ws if w[1] > top and '企业简介' in w[4]] +
              [1e9])
    ink = Ink(pdf, page, tmp)
    cells = [w for w in ws if top <= w[1] < end]
    worst = min(min(ink.around(w)) for w in cells)
    print(f'{len(cells)} {worst:.1f}')


def cells(pdf, tmp, *needles):
    """Per needle: "inside" when the first word holding it has ink (a
    cell's border) within 40 pt on its left and within 500 pt on its right
    on its line: a paragraph of the body has none in its margins."""
    for needle in needles:
        page = page_of(pdf, needle)
        w = next(w for w in words(pdf, '-f', str(page), '-l', str(page))
                 if needle in w[4])
        ink = Ink(pdf, page, tmp)
        ym = (w[1] + w[3]) / 2
        inside = ink.gap(w[0] - 0.2, ym, -1, 0) < 40 and \
            ink.gap(w[2] + 0.2, ym, 1, 0, 500) < 500
        print(needle, 'inside' if inside else 'outside')


if __name__ == '__main__':
    {'figures': figures, 'sources': sources, 'padding': padding,
     'cells': cells}[sys.argv[1]](*sys.argv[2:])
