#!/bin/sh
# End-to-end: `shenbao xlsx`, the annex workbook. The workbook is read
# back with python3's standard library (tests/e2e/xlsx_check.py), which
# computes what every cell and every 核对表 row must be from the CSV and
# form files themselves. The split past 1,048,576 rows is in
# xlsx_split.sh.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
X="python3 tests/e2e/xlsx_check.py"
BASE=tests/fixtures/platform-2023/base

"$SHENBAO" --help > "$T/h"
check_grep "--help lists xlsx" '^  xlsx DIR' "$T/h"
"$SHENBAO" xlsx --help > "$T/h"
check_eq "xlsx --help exits 0" "$?" 0
check_grep "xlsx --help documents the default output" 'annexes.xlsx' "$T/h"
"$SHENBAO" xlsx 2> "$T/e"
check_eq "xlsx without a directory exits 2" "$?" 2

# The base declaration: every sheet, every cell, the 核对表.
"$SHENBAO" xlsx -q -o "$T/base.xlsx" "$BASE"
check_eq "base: exit 0" "$?" 0
check_eq "base: sheets in form order, 核对表 first" "$($X sheets "$T/base.xlsx")" \
"核对表
清单概况
分类小计
附件1 工业设备清单
附件2 工业模型清单
附件3 工业APP清单
附件4 服务工业企业清单
附件5 平台开发者注册清单
附件6 杀手锏APP清单
附件7 解决方案清单
附件8 企业人员花名册"
$X annexes "$T/base.xlsx" "$BASE" > "$T/a.txt"
check_grep "base: every cell of every annex as expected" '^[0-9]+ cells checked, 0 wrong$' "$T/a.txt"
check_no_grep "base: no cell differs" '^FAIL' "$T/a.txt"
check_eq "base: device rows = CSV records (header included)" \
    "$($X rows "$T/base.xlsx" '附件1 工业设备清单')" \
    "$(($(wc -l < "$BASE/annex/devices.csv"))) $(($(wc -l < "$BASE/annex/devices.csv")))"
check_eq "base: a device ID is text" \
    "$($X cell "$T/base.xlsx" '附件1 工业设备清单' B2)" \
    "s $(sed -n 2p "$BASE/annex/devices.csv" | cut -d, -f2)"
check_eq "base: an 18-character USCC is text" \
    "$($X cell "$T/base.xlsx" '附件4 服务工业企业清单' C3)" \
    "s $(sed -n 3p "$BASE/annex/enterprises.csv" | cut -d, -f3)"
check_eq "base: a phone number is text" \
    "$($X cell "$T/base.xlsx" '附件4 服务工业企业清单' K3)" \
    "s $(sed -n 3p "$BASE/annex/enterprises.csv" | cut -d, -f11)"
check_eq "base: a money amount is a number in the file's unit" \
    "$($X cell "$T/base.xlsx" '附件4 服务工业企业清单' H3)" \
    "n $(sed -n 3p "$BASE/annex/enterprises.csv" | cut -d, -f8)"
check_eq "base: a date is an Excel date" \
    "$($X cell "$T/base.xlsx" '附件1 工业设备清单' J2)" \
    "n $(python3 -c "import datetime as d; print((d.date.fromisoformat('$(sed -n 2p "$BASE/annex/devices.csv" | cut -d, -f10)') - d.date(1899, 12, 30)).days)")"
unzip -p "$T/base.xlsx" xl/styles.xml > "$T/styles.xml"
check_grep "base: money shown with its unit" 'formatCode="#,##0.00&quot;万元&quot;"' "$T/styles.xml"
check_grep "base: dates shown yyyy-mm-dd" 'formatCode="yyyy-mm-dd"' "$T/styles.xml"
unzip -p "$T/base.xlsx" xl/worksheets/sheet4.xml > "$T/sheet3.xml"
check_grep "base: header row frozen" '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' "$T/sheet3.xml"
check_grep "base: autofilter over the data" '<autoFilter ref="A1:J61"/>' "$T/sheet3.xml"
unzip -p "$T/base.xlsx" docProps/core.xml > "$T/core.xml"
check_grep "base: titled by the project" '<dc:title>澜川工业互联网平台 附件清单</dc:title>' "$T/core.xml"
check_grep "base: dated by 申报日期" '<dcterms:created xsi:type="dcterms:W3CDTF">2023-06-10T00:00:00Z' "$T/core.xml"
$X checks "$T/base.xlsx" "$BASE" > "$T/c.txt"
check_no_grep "base: 核对表 as computed from the files" '^FAIL' "$T/c.txt"
check_eq "base: 核对表 checks" "$(grep -c '^ok' "$T/c.txt")" 7
check_eq "base: 清单概况 of the devices" \
    "$($X sheet "$T/base.xlsx" 清单概况 | sed -n 2p)" \
    "2 附件1 | 工业设备清单 | UTF-8 | 60.0 | 附件1 工业设备清单 | 1.0"
check_eq "base: 清单概况 names the roster's encoding" \
    "$($X sheet "$T/base.xlsx" 清单概况 | sed -n 9p | cut -d'|' -f3)" " GB18030 "

# Deterministic: the same declaration gives the same bytes, in any zone.
TZ=America/New_York "$SHENBAO" xlsx -q -o "$T/base2.xlsx" "$BASE"
check "same declaration, same bytes" cmp -s "$T/base.xlsx" "$T/base2.xlsx"

# A figure the list contradicts: 不一致, red, exit 1.
mkdir -p "$T/off"
cp -r "$BASE/." "$T/off"
sed -i 's/^devices.total,\(.*\),60$/devices.total,\1,61/' "$T/off/form.csv"
"$SHENBAO" xlsx -q -o "$T/off.xlsx" "$T/off"
check_eq "contradicted figure: exit 1, workbook written" "$?" 1
$X checks "$T/off.xlsx" "$T/off" > "$T/c.txt"
check_no_grep "contradicted figure: 核对表 as computed" '^FAIL' "$T/c.txt"
check_eq "contradicted figure: declared, computed, difference, status" \
    "$($X sheet "$T/off.xlsx" 核对表 | grep '| 可连接的工业设备/产品/产线种类及数量 |' | cut -d'|' -f4-7)" \
    " 61.0 | 60.0 | -1.0 | 不一致 "
unzip -p "$T/off.xlsx" xl/worksheets/sheet1.xml > "$T/sheet1.xml"
check_grep "contradicted figure: 不一致 rows are highlighted" \
    '<cfRule type="expression" dxfId="0" priority="1"><formula>\$G2="不一致"</formula>' "$T/sheet1.xml"

# Cells that do not parse stay, as their text; unknown columns too.
mkdir -p "$T/bad"
cp -r "$BASE/." "$T/bad"
awk -F, -v OFS=, 'NR == 1 { $0 = $0 ",备注" }
    NR == 2 { $1 = "一"; $2 = "1.23457E+11"; $9 = "2023-02-30"; $0 = $0 ",见附页" }
    NR == 3 { $0 = $0 ",,多出一列" } 1' "$BASE/annex/devices.csv" > "$T/bad/annex/devices.csv"
"$SHENBAO" xlsx -q -o "$T/bad.xlsx" "$T/bad"
check_eq "bad cells: exit 1, workbook written" "$?" 1
check_eq "bad cells: every row kept" "$($X rows "$T/bad.xlsx" '附件1 工业设备清单')" "61 61"
check_eq "bad cells: a bad integer as text" "$($X cell "$T/bad.xlsx" '附件1 工业设备清单' A2)" "s 一"
check_eq "bad cells: a destroyed ID as text" "$($X cell "$T/bad.xlsx" '附件1 工业设备清单' B2)" "s 1.23457E+11"
check_eq "bad cells: an impossible date as text" "$($X cell "$T/bad.xlsx" '附件1 工业设备清单' I2)" "s 2023-02-30"
check_eq "bad cells: an unknown column kept" "$($X cell "$T/bad.xlsx" '附件1 工业设备清单' K2)" "s 见附页"
check_eq "bad cells: a field past the header kept" "$($X cell "$T/bad.xlsx" '附件1 工业设备清单' L3)" "s 多出一列"

# --mask: names, phones and e-mails of personal-data columns.
"$SHENBAO" xlsx -q --mask -o "$T/masked.xlsx" "$BASE"
check_eq "mask: exit 0" "$?" 0
$X annexes "$T/masked.xlsx" "$BASE" mask > "$T/a.txt"
check_grep "mask: every cell as expected, personal data masked" '^[0-9]+ cells checked, 0 wrong$' "$T/a.txt"
check_eq "mask: a developer's name, phone and e-mail" \
    "$($X sheet "$T/masked.xlsx" '附件5 平台开发者注册清单' | sed -n 2p | cut -d'|' -f3,5,6)" \
    " 韩* | 153****3608 | l***@outlook.com "
$X annexes "$T/base.xlsx" "$BASE" mask > "$T/a.txt"
check_grep "no mask: personal data intact" '^[0-9]+ cells checked, [1-9][0-9]* wrong$' "$T/a.txt"

# A failed write keeps the previous workbook and leaves nothing behind:
# the file size limit (in 512-byte blocks) stops it half-way.
echo previous > "$T/keep.xlsx"
(ulimit -f 20; trap '' XFSZ; "$SHENBAO" xlsx -q -o "$T/keep.xlsx" "$BASE") 2> "$T/e"
check_eq "failed write: exit 2" "$?" 2
check_grep "failed write: the error is told" '^shenbao: error: .*keep.xlsx' "$T/e"
check_eq "failed write: previous workbook kept" "$(cksum < "$T/keep.xlsx")" \
    "$(echo previous | cksum)"
check_eq "failed write: no temporary file left" "$(ls "$T" | grep -c 'keep.xlsx.tmp')" 0

# The bundled sample: 20,000 devices, GB18030 roster, BOM.
"$SHENBAO" xlsx -q -o "$T/sample.xlsx" inputs/sample
check_eq "sample: exit 0" "$?" 0
$X annexes "$T/sample.xlsx" inputs/sample > "$T/a.txt"
check_grep "sample: every cell of every annex as expected" '^[0-9]+ cells checked, 0 wrong$' "$T/a.txt"
$X checks "$T/sample.xlsx" inputs/sample > "$T/c.txt"
check_no_grep "sample: 核对表 as computed from the files" '^FAIL' "$T/c.txt"
finish
