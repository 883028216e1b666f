"""tests/e2e/xlsx_in.py: the oracle of tests/e2e/xlsx_in.sh.

  twins A.json B.json     findings of a declaration with CSV annexes (A)
                          and of its twin with workbook annexes (B) must be
                          the same but for naming: prints the differences
                          and "N findings compared, N differ".
  cells B.json            every finding on a workbook's sheet has a "cell"
                          naming the sheet, the column letters and the row
                          as Excel does, computed here from file/row/col.
"""
import collections
import json
import re
import sys

WORKBOOK = re.compile(r'^(.*\.xlsx?)#(.*)$', re.I)
KEYS = ('code', 'severity', 'row', 'col', 'line', 'annex', 'column',
        'expected', 'found', 'message', 'source')


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)['findings']


def annex_of(f):
    # what names the file in the twin: its annex, else the file's name
    return f['annex'] or (f['file'] or '').split('/')[-1]


def twins(a_path, b_path):
    a = collections.Counter(tuple([annex_of(f)] + [f[k] for k in KEYS])
                            for f in load(a_path))
    b = collections.Counter(tuple([annex_of(f)] + [f[k] for k in KEYS])
                            for f in load(b_path))
    for k in sorted((a - b).elements()):
        print('only with CSV:', k)
    for k in sorted((b - a).elements()):
        print('only with workbooks:', k)
    print(f'{sum(a.values())} findings compared, '
          f'{sum(((a - b) + (b - a)).values())} differ')


def col_letters(n):
    s = ''
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord('A') + r) + s
    return s


def cells(b_path):
    n = bad = 0
    for f in load(b_path):
        m = WORKBOOK.match(f['file'] or '')
        if not m or f['row'] <= 0 or f['col'] <= 0:
            if 'cell' in f:
                bad += 1
                print('cell outside a sheet:', f)
            continue
        sheet = m.group(2)
        if re.search(r'[^0-9A-Za-z_.\u0080-\U0010ffff]', sheet):
            sheet = "'" + sheet.replace("'", "''") + "'"
        want = f'{sheet}!{col_letters(f["col"])}{f["row"]}'
        n += 1
        if f.get('cell') != want:
            bad += 1
            print(f'cell {f.get("cell")!r}, expected {want!r}: {f["code"]}')
    print(f'{n} cells named, {bad} wrong')


if __name__ == '__main__':
    {'twins': twins, 'cells': cells}[sys.argv[1]](*sys.argv[2:])
