#!/bin/sh
# End-to-end: `shenbao volumes` on the bundled sample (20,000 devices,
# 6,800 developers, a GB18030 roster, three evidence files): every row
# once, the header and the page numbers on all of the 900-odd pages,
# masking over thousands of phone numbers, and the time it takes.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
sample=$top/inputs/sample
T=$E2E_TMP
py() { python3 "$top/tests/e2e/volumes_pdf.py" "$@"; }

start=$(date +%s)
"$SHENBAO" volumes -o "$T/v" "$sample" > "$T/out" 2> "$T/err"
check_eq "sample: exit 0" "$?" 0
secs=$(($(date +%s) - start))
echo "INFO sample: $(wc -l < "$T/out") volumes," \
    "$(sed 's/.*: \([0-9]*\) pages)$/\1/' "$T/out" |
        awk '{ n += $1 } END { print n }') pages in ${secs}s"
check_no_grep "sample: no finding on the way" "." "$T/err"

dev=$T/v/附件1-工业设备清单.pdf
check_eq "devices: all 20000 IDs, each exactly once" \
    "$(py once "$sample/annex/devices.csv" 2 "$dev")" "ok 20000 values"
n=$(pdfinfo "$dev" | awk '/^Pages:/ { print $2 }')
check_eq "devices: 第 n 页 共 $n 页 and the header on every page" \
    "$(py pages "$dev" 设备ID 最近数据上传日期 '附件1 工业设备清单 · 澜川智造科技股份有限公司')" \
    "ok $n pages"
check_eq "devices: the title page counts the rows" \
    "$(py present "$dev" 记录条数：20000条)" ok

ros=$T/v/附件8-企业人员花名册.pdf
pdftotext "$ros" - | tr -d ' \n' > "$T/ros.txt"
check_no_grep "roster: no file name of the declaration on the title page" \
    'annex/|roster\.csv' "$T/ros.txt"
check_eq "roster: every name, converted from GB18030" \
    "$(py all "$sample/annex/roster.csv" 2 "$ros" | cut -c1-2)" ok

"$SHENBAO" volumes --mask -a developers -o "$T/m" "$sample" > /dev/null
check_eq "masked developers: exit 0" "$?" 0
msk=$T/m/附件5-平台开发者注册清单.pdf
check_eq "masked developers: none of the 6800 phone numbers" \
    "$(py absent "$sample/annex/developers.csv" 5 "$msk")" ok
check_eq "masked developers: none of the e-mail addresses" \
    "$(py absent "$sample/annex/developers.csv" 6 "$msk")" ok
check_eq "masked developers: every developer ID still there" \
    "$(py once "$sample/annex/developers.csv" 2 "$msk")" "ok 6800 values"

ev=$T/v/证明材料.pdf
n=$(($(grep -c . "$sample/evidence/index.csv") - 1))
check_eq "evidence: contents and the $n items of index.csv, a page each" \
    "$(py pages "$ev" '证明材料 · 澜川智造科技股份有限公司')" "ok $((n + 1)) pages"
finish
