#!/bin/sh
# End-to-end: annex lists read from .xlsx and .xls workbooks (README
# "Excel workbooks as annexes"). The sample's device list becomes an
# .xlsx (written here by tests/bench/csv2xlsx.c with libxlsxwriter) and
# a model list an .xls (tests/fixtures/xlsin/models.xls, made once by
# make_xls.py from models.csv beside it); with a few cells broken in
# both, `check` must find in the workbooks what it finds in their CSV
# twins (tests/e2e/xlsx_in.py compares, and names every cell as Excel
# does). A workbook written with openpyxl then carries what only
# workbooks have: several annexes as sheets, a hidden sheet, the 1904
# date system, a hidden row, a formula never calculated, an error value,
# a value beyond the header, a number stored as text, merged cells.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
PY=/usr/bin/python3 # Debian's, with python3-openpyxl
O="$PY tests/e2e/xlsx_in.py"
X2X=$SB_BUILD/tools/csv2xlsx
FIX=tests/fixtures/xlsin
BASE=tests/fixtures/platform-2023/base

# ---- twins: CSV (A) and workbooks (B) ----------------------------------
cp -r inputs/sample "$T/A"
awk -F, -v OFS=, 'NR==5{$4="加工类设备X"} NR==9{$9="2023-13-45"}
    NR==12{$2="EQ0200007919"} NR==15{$3=""} {print}' \
    inputs/sample/annex/devices.csv > "$T/A/annex/devices.csv"
cp "$FIX/models.csv" "$T/A/annex/models.csv"
cp -r "$T/A" "$T/B"
rm "$T/B/annex/devices.csv" "$T/B/annex/models.csv"
"$X2X" "$T/B/annex/工业设备清单.xlsx" "附件1=$T/A/annex/devices.csv"
check_eq "csv2xlsx writes the device workbook" "$?" 0
cp "$FIX/models.xls" "$T/B/annex/models.xls"
"$SHENBAO" check -q -f json "$T/A" > "$T/A.json"
check_eq "CSV twin: errors found (exit 1)" "$?" 1
"$SHENBAO" check -q -f json "$T/B" > "$T/B.json"
check_eq "workbook twin: errors found (exit 1)" "$?" 1
$O twins "$T/A.json" "$T/B.json" > "$T/twins.txt"
check_grep "twins: the same findings" '^[1-9][0-9]* findings compared, 0 differ$' \
    "$T/twins.txt"
check_no_grep "twins: none only on one side" '^only' "$T/twins.txt"
for exp in "cell.enum 工业设备清单.xlsx#附件1 5 4" "cell.type 工业设备清单.xlsx#附件1 9 9" \
           "cell.duplicate 工业设备清单.xlsx#附件1 12 2" \
           "cell.required 工业设备清单.xlsx#附件1 15 3" \
           "cell.enum models.xls#附件2 工业模型清单 4 4" \
           "cell.type models.xls#附件2 工业模型清单 13 1"; do
    set -- $exp
    [ $# -eq 5 ] && set -- "$1" "$2 $3" "$4" "$5"
    check_grep "workbook twin: $1 at $2 row $3 col $4" \
        "\"code\": \"$1\", \"severity\": \"error\", \"file\": \"[^\"]*/$2\", \"row\": $3, \"col\": $4," \
        "$T/B.json"
done
check_grep "xlsx findings name the sheet" '"file": "[^"]*/工业设备清单.xlsx#附件1"' "$T/B.json"
check_grep "xls findings name the sheet" '"file": "[^"]*/models.xls#附件2 工业模型清单"' \
    "$T/B.json"
$O cells "$T/B.json" > "$T/cells.txt"
check_grep "every cell named as Excel does" '^[1-9][0-9]* cells named, 0 wrong$' "$T/cells.txt"
"$SHENBAO" check -q "$T/B" > "$T/B.txt"
check_grep "text output: file:sheet!cell" '/工业设备清单.xlsx:附件1!D5:5:4: error' "$T/B.txt"
"$SHENBAO" check -q -f json "$T/B" > "$T/B2.json"
check "workbook check is deterministic" cmp -s "$T/B.json" "$T/B2.json"

# ---- one workbook, several annexes as sheets, what only Excel has ------
mkdir -p "$T/C"
cp -r "$BASE/." "$T/C/"
rm "$T/C/annex/devices.csv" "$T/C/annex/models.csv" "$T/C/annex/solutions.csv"
$PY - "$BASE/annex" "$T/C/annex/申报清单.xlsx" <<'PYEOF'
import csv, datetime, sys
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
src, out = sys.argv[1], sys.argv[2]
def rows(name):
    return list(csv.reader(open(f'{src}/{name}.csv', encoding='utf-8-sig')))
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904            # the 1904 date system
def fill(ws, data):
    for r, row in enumerate(data, 1):
        for c, v in enumerate(row, 1):
            cell = ws.cell(r, c)
            if r > 1 and c == 1 and v.isdigit():
                cell.value = int(v)
            elif r > 1 and len(v) == 10 and v[4] == '-' and v[7] == '-':
                cell.value = datetime.date.fromisoformat(v)
                cell.number_format = 'yyyy"年"m"月"d"日"'
            else:
                cell.value = v if v else None
ws = wb.active
ws.title = '附件1 工业设备清单'
fill(ws, rows('devices'))
ws.row_dimensions[5].hidden = True      # A hidden row
ws['A8'] = '=7'                         # a formula never calculated
ws['K10'] = 'stray'                     # beyond the header (A..J)
ws['A12'] = '11'                        # a number stored as text
ws['E16'] = '#N/A'                      # an error value
ws.merge_cells('H20:H21')               # merged data cells
fill(wb.create_sheet('models'), rows('models'))
sol = wb.create_sheet('附件7 解决方案清单')
fill(sol, rows('solutions'))
sol.sheet_state = 'hidden'
wb.create_sheet('说明')['A1'] = '填表说明'
wb.save(out)
PYEOF
check_eq "openpyxl writes the workbook" "$?" 0
"$SHENBAO" check -q -f json "$T/C" > "$T/C.json"
$PY tests/e2e/schema_check.py findings.schema.json findings "$T/B.json" "$T/C.json" > "$T/schema.txt" 2>&1
check_eq "findings with cells follow findings.schema.json" "$?" 0
B='[^"]*/申报清单.xlsx#附件1 工业设备清单'
for exp in "xlsx.hidden-row 5 1" "xlsx.formula-no-value 8 1" \
           "xlsx.beyond-header 10 11" "xlsx.number-as-text 12 1" \
           "xlsx.error-value 16 5" "xlsx.merged-cells 20 8"; do
    set -- $exp
    check_grep "sheet: $1 at row $2 col $3" \
        "\"code\": \"$1\", \"severity\": \"[a-z]+\", \"file\": \"$B\", \"row\": $2, \"col\": $3," \
        "$T/C.json"
done
check_grep "hidden sheet read and reported" \
    '"code": "xlsx.hidden-sheet", "severity": "warning", "file": "[^"]*#附件7 解决方案清单"' "$T/C.json"
check_grep "a sheet of no annex reported" \
    '"code": "annex.unknown-sheet", "severity": "warning", "file": "[^"]*#说明"' "$T/C.json"
check_no_grep "no annex missing: each sheet was found" '"code": "annex.missing"' "$T/C.json"
check_no_grep "the number stored as text is a number" '"found": "11".*"code": "cell.int"' "$T/C.json"
check_grep "a cell named with its quoted sheet" "\"cell\": \"'附件1 工业设备清单'!K10\"" "$T/C.json"
# 1904 dates with a Chinese date format read as the CSV's dates.
"$SHENBAO" inspect "$T/C/annex/申报清单.xlsx#附件1 工业设备清单" > "$T/insp.txt"
check_eq "inspect FILE.xlsx#SHEET exits 0" "$?" 0
check_grep "inspect matches the annex by the sheet's name" '^# annex: 附件1 工业设备清单' "$T/insp.txt"
$PY - "$BASE/annex/devices.csv" "$T/insp.txt" > "$T/dates.txt" <<'PYEOF'
import csv, json, sys
want = {i + 1: r for i, r in enumerate(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))}
head = want[1]
n = bad = 0
for line in open(sys.argv[2], encoding='utf-8'):
    if not line.startswith('{'):
        continue
    row = json.loads(line)
    for code, col in (('connected_on', head.index('接入日期')),
                      ('last_data_on', head.index('最近数据上传日期'))):
        n += 1
        if (row.get(code) or '') != want[row['_row']][col]:
            bad += 1
            print('row', row['_row'], code, row.get(code), want[row['_row']][col])
print(f'{n} dates, {bad} wrong')
PYEOF
check_grep "1904-system dates read as written" '^[1-9][0-9]* dates, 0 wrong$' "$T/dates.txt"
# A merged header cell.
$PY - "$T/m.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(['序号', None, '设备名称'])
ws.append([1, 'EQ1', '机床'])
ws.merge_cells('A1:B1')
wb.save(sys.argv[1])
PYEOF
"$SHENBAO" inspect --annex devices "$T/m.xlsx" > "$T/m.txt"
check_grep "a merged header cell is an error" 'error line 1: .*A1:B1.*\[xlsx.merged-header\]' "$T/m.txt"
finish
