"""xlsx_peer.py: the XlsxWriter peer of `shenbao xlsx` in make bench.

    python3 xlsx_peer.py LIST.csv OUT.xlsx

Writes the rows of one annex list into a workbook in constant-memory
mode (each row goes to disk as soon as the next one starts), starting a
new sheet every 1,048,575 data rows (Excel's limit less the header),
numbers as numbers, the rest as text. This is what a user who knows
Python would write; it does none of shenbao's checks."""
import csv
import sys

import xlsxwriter

MAX_ROWS = 1048575


def main():
    src, dst = sys.argv[1], sys.argv[2]
    wb = xlsxwriter.Workbook(dst, {'constant_memory': True})
    bold = wb.add_format({'bold': True})
    with open(src, newline='', encoding='utf-8-sig') as f:
        rows = csv.reader(f)
        header = next(rows)
        ws, r = None, MAX_ROWS
        for row in rows:
            if r == MAX_ROWS:
                ws = wb.add_worksheet()
                ws.write_row(0, 0, header, bold)
                r = 0
            r += 1
            for c, v in enumerate(row):
                if v.isdigit() and len(v) < 16:
                    ws.write_number(r, c, int(v))
                else:
                    ws.write_string(r, c, v)
    wb.close()


if __name__ == '__main__':
    main()
