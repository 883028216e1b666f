"""xlsx_read_peer.py FILE.xlsx SHEET: the peer of tests/bench/xlsx_read.sh.
Reads the device sheet as a Python user would, with openpyxl in read-only
mode (streaming), and counts the devices per class (设备类别)."""
import collections
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = wb[sys.argv[2]].iter_rows(values_only=True)
col = list(next(rows)).index('设备类别')
counts = collections.Counter(r[col] for r in rows)
for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])):
    print(k, v)
