#!/bin/sh
# End-to-end: an annex longer than an Excel sheet. A device list of
# 1,048,576 + 3 data rows (five short columns, to keep the run short)
# fills its first sheet to Excel's last row, 1,048,576 (the header and
# 1,048,575 records), and continues on "附件1 工业设备清单（续1）", which
# repeats the header and holds the last 4 records. Kept apart from
# xlsx.sh because it writes a million rows (about 15 s).
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
X="python3 tests/e2e/xlsx_check.py"
N=1048579

mkdir -p "$T/big"
cp -r tests/fixtures/platform-2023/base/. "$T/big"
awk -v n=$N 'BEGIN {
    print "设备ID,设备名称,设备类别,设备类型,连接方式"
    for (i = 1; i <= n; i++)
        printf "D%07d,设备%d,运行设备,化工设备,公有云\n", i, i
}' > "$T/big/annex/devices.csv"
"$SHENBAO" xlsx -q -o "$T/big.xlsx" "$T/big"
check_eq "written (the figures disagree with the list: exit 1)" "$?" 1
$X sheets "$T/big.xlsx" > "$T/sheets"
check_eq "the continuation follows the first sheet" \
    "$(sed -n '4,5p' "$T/sheets")" \
"附件1 工业设备清单
附件1 工业设备清单（续1）"
check_eq "the next annex follows the continuation" "$(sed -n 6p "$T/sheets")" \
    "附件2 工业模型清单"
$X tail "$T/big.xlsx" '附件1 工业设备清单' > "$T/tail"
check_eq "first sheet: header + 1,048,575 records, to row 1,048,576" \
    "$(sed -n 1p "$T/tail")" "1048576 1048576"
check_eq "first sheet: its last record" "$(sed -n 2p "$T/tail")" \
    "D1048575 | 设备1048575 | 运行设备 | 化工设备 | 公有云"
check_eq "continuation: header + 4 records" \
    "$($X rows "$T/big.xlsx" '附件1 工业设备清单（续1）')" "5 5"
check_eq "continuation: the header again" \
    "$($X sheet "$T/big.xlsx" '附件1 工业设备清单（续1）' | sed -n 1p)" \
    "1 设备ID | 设备名称 | 设备类别 | 设备类型 | 连接方式"
check_eq "continuation: the records that follow, in order" \
    "$($X sheet "$T/big.xlsx" '附件1 工业设备清单（续1）' | sed -n '2,5p' | cut -d' ' -f2)" \
"D1048576
D1048577
D1048578
D1048579"
check_eq "清单概况: all records, two sheets" \
    "$($X sheet "$T/big.xlsx" 清单概况 | sed -n 2p | cut -d'|' -f4-)" \
    " $N.0 | 附件1 工业设备清单 | 2.0"
finish
