#!/bin/sh
# End-to-end: 附件7 says row by row whether a solution counts as an
# 有效解决方案 (issue 13 item 3; notice 002 附件2 3.1: same 领域 and 场景
# count once). Python computes each row's verdict from the CSV (first
# row of each (领域, 应用场景) counts, a later one names the 序号 it
# repeats) and compares it with the workbook's column; the volume's total
# row says 计入 N 个 and ties to form.csv.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
base=$top/tests/fixtures/platform-2023/base
T=$E2E_TMP

"$SHENBAO" volumes -o "$T/v" -a solutions "$base" > /dev/null 2>&1
check_eq "volumes: exit 0" "$?" 0
"$SHENBAO" xlsx -o "$T/a.xlsx" "$base" > /dev/null 2>&1
check_eq "xlsx: exit 0" "$?" 0

expected() {
    python3 - "$base/annex/solutions.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
h = rows[0]
seq, dom, sc = h.index("序号"), h.index("领域"), h.index("应用场景")
first = {}
for r in rows[1:]:
    k = (r[dom].strip(), r[sc].strip())
    if k not in first:
        first[k] = r[seq]
        print(r[seq], "是")
    else:
        print(r[seq], "否（与序号%s领域、应用场景相同）" % first[k])
print("counted", len(first))
PY
}
expected > "$T/exp"
sheet="附件7 解决方案清单"
python3 "$top/tests/e2e/xlsx_check.py" sheet "$T/a.xlsx" "$sheet" |
    awk -F' [|] ' 'NR > 1 && NF > 8 { split($1, a, " "); sub(/\.0$/, "", a[2]); print a[2], $9 }' > "$T/got"
grep -v '^counted' "$T/exp" > "$T/exp_rows"
check_eq "XLSX: each row's 是否计入有效解决方案 as computed from the CSV" \
    "$(cat "$T/got")" "$(cat "$T/exp_rows")"
n=$(sed -n 's/^counted //p' "$T/exp")
decl=$(sed -n 's/^solutions.effective,[^,]*,//p' "$base/form.csv")
check_eq "the distinct count equals the declared figure" "$n" "$decl"
pdftotext "$T/v/附件7-解决方案清单.pdf" - | tr -d '\n ' > "$T/v.txt"
check_grep "volume: the total says 计入 $n 个 and ties to 3.1" \
    "计入有效解决方案${n}个；申报书3.1解决方案供给能力“提供有效解决方案数量”填报${n}个，一致" \
    "$T/v.txt"
check_grep "XLSX: the total row under the list ties too" \
    "计入有效解决方案 $n 个" "$(python3 "$top/tests/e2e/xlsx_check.py" tail "$T/a.xlsx" "$sheet" > "$T/tail"; echo "$T/tail")"
check_eq "volume: as many 否（与序号 as repeated rows" \
    "$(grep -o '否（与序号' "$T/v.txt" | wc -l)" "$(grep -c '否（与序号' "$T/exp_rows")"
finish
