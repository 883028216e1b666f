#!/bin/sh
# End-to-end: a unit whose declarations do not fit one page of the
# 汇总表 PDF even at 小5号 (30 of the 2020 pilot call by one 推荐单位, far
# over its quota: 003 正文 二、(二)) goes on to the next pages under 续表,
# centred, its header repeated, as printed tables continue; every row
# printed once, none lost at the page break.
. "$(dirname "$0")/lib.sh"
B=$E2E_TMP/批次
mkdir -p "$B"
n=0
while [ $n -lt 30 ]; do
    n=$((n + 1))
    d=$(printf '%s/%02d' "$B" $n)
    cp -r inputs/pilot-2020-gb "$d"
    sed -i -e "s/^project_name,项目名称,.*/project_name,项目名称,项目$n号/" \
        -e "s/^company\\.org_code,\([^,]*\),.*/company.org_code,\1,$(python3 tests/e2e/uscc.py $n 440106)/" \
        "$d/form.csv"
done
"$SHENBAO" batch -q -o "$E2E_TMP/汇总表.xlsx" "$B" > "$E2E_TMP/out.txt"
check_eq "over quota: exit 1" $? 1
P=$E2E_TMP/汇总表.pdf
pages=$(pdfinfo "$P" | awk '/^Pages:/ { print $2 }')
check "more than one page" test "$pages" -gt 1
on_pages() { # how often $1 is printed on each page
    p=0
    while [ $p -lt "$pages" ]; do
        p=$((p + 1))
        pdftotext -f $p -l $p -layout "$P" - | grep -o "$1" | wc -l |
            tr '\n' ' '
    done
}
check_eq "续表 on every page but the first" "$(on_pages 续表)" \
    "0 $(yes 1 | head -n $((pages - 1)) | tr '\n' ' ')"
check_eq "the header on every page" "$(on_pages 序号)" \
    "$(yes 1 | head -n "$pages" | tr '\n' ' ')"
check_eq "续表 above the repeated header" \
    "$(pdftotext -f 2 -l 2 -layout "$P" - | grep -o '续表\|序号' | head -n 2 |
        tr '\n' ' ')" "续表 序号 "
check_eq "every row once, in order" \
    "$(pdftotext -layout "$P" - | grep -o '项目[0-9]*号' | sed 's/[^0-9]//g' |
        tr '\n' ' ')" "$(seq 1 30 | tr '\n' ' ')"
check_eq "the note on the last page" "$(on_pages 注： | awk '{ print $NF }')" 1
finish
