#!/bin/sh
# End-to-end: `shenbao batch`, the 推荐信息汇总表 of notice 002 附件3
# and its quota (二、(二): 一般不超过2个). Declarations are copies of the
# base with their platform and company renamed; what each sheet must
# hold is read from their form.csv files.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
X="python3 tests/e2e/xlsx_check.py"

# decl N [UNIT]: a copy of the base as platform N (its own USCC), of unit UNIT.
decl() {
    mkdir -p "$T/d$1"
    cp -r tests/fixtures/platform-2023/base/. "$T/d$1"
    sed -i -e "s/^platform.name,\"平台名称\",.*/platform.name,\"平台名称\",\"平台$1\"/" \
        -e "s/^company.name,\"企业名称\",.*/company.name,\"企业名称\",\"企业$1\"/" \
        -e "s/^company.org_code,\"组织机构代码\",.*/company.org_code,\"组织机构代码\",\"$(python3 tests/e2e/uscc.py "$1")\"/" \
        "$T/d$1/form.csv"
    [ -n "$2" ] && sed -i "s/^recommender,\"推荐单位\",.*/recommender,\"推荐单位\",\"$2\"/" \
        "$T/d$1/form.csv"
    return 0
}
# value DIR CODE: a field's value in DIR/form.csv.
value() {
    grep "^$2," "$1/form.csv" | sed 's/.*,"\(.*\)"$/\1/'
}
decl 1
decl 2
decl 3
decl 4 "西海省工业和信息化厅"

"$SHENBAO" --help > "$T/h"
check_grep "--help lists batch" '^  batch DIR' "$T/h"
check_no_grep "--help has no recommend any more" '^  recommend' "$T/h"
"$SHENBAO" batch --help > "$T/h"
check_eq "batch --help exits 0" "$?" 0
check_grep "batch --help documents the quota" 'quotas.csv' "$T/h"
"$SHENBAO" batch 2> "$T/e"
check_eq "batch without directories exits 2" "$?" 2
"$SHENBAO" batch -o "$T/x.xlsx" "$T/d1" "$T/nowhere" 2> "$T/e"
check_eq "a missing directory exits 2" "$?" 2
check_eq "a failed run writes nothing" "$(ls "$T" | grep -c '^x.xlsx')" 0
"$SHENBAO" batch -o "$T/x.xlsx" "$T/d1" inputs/green-design 2> "$T/e"
check_eq "an edition without a summary exits 2" "$?" 2
check_grep "the edition is named" 'green-design' "$T/e"

# Three platforms of one unit: over the quota.
"$SHENBAO" batch -o "$T/three.xlsx" "$T/d1" "$T/d2" "$T/d3" > "$T/o"
check_eq "3 of one unit: exit 1" "$?" 1
check_grep "3 of one unit: the quota finding, at the third" \
    "^form.csv:6:3: error: .*“江东省工业和信息化厅”推荐了3个平台（平台1、平台2、平台3），超过规定的上限2个 \[batch.quota\]" "$T/o"
check_grep "3 of one unit: its source" '依据 source: 002 二、\(二\)' "$T/o"
check_grep "3 of one unit: one error, on the third" '^batch: 3 declarations, 2 ready; 1 errors, 0 warnings' "$T/o"
check "3 of one unit: the summary is still written" test -s "$T/three.xlsx"

# Two: within the quota; the sheet as 附件3 prints it.
"$SHENBAO" batch -o "$T/two.xlsx" "$T/d1" "$T/d2" > "$T/o"
check_eq "2 of one unit: exit 0" "$?" 0
check_grep "2 of one unit: no finding" '^batch: 2 declarations, 2 ready; 0 errors, 0 warnings' "$T/o"
unit=$(value "$T/d1" recommender)
check_eq "2 of one unit: one sheet, named by the unit" \
    "$($X sheets "$T/two.xlsx")" "$unit"
check_eq "2 of one unit: the sheet" "$($X sheet "$T/two.xlsx" "$unit")" \
"1 2023年跨行业跨领域工业互联网平台推荐信息汇总表
2 推荐单位（盖章）：$unit
3 联系人：
4 联系方式：
5 序号 | 工业互联网平台名称 | 依托企业 | 联系人 | 联系方式（手机）
6 1.0 | $(value "$T/d1" platform.name) | $(value "$T/d1" company.name) | $(value "$T/d1" contact.name) | $(value "$T/d1" contact.mobile)
7 2.0 | $(value "$T/d2" platform.name) | $(value "$T/d2" company.name) | $(value "$T/d2" contact.name) | $(value "$T/d2" contact.mobile)
8 注：推荐数量不能超过规定的上限。"
check_eq "2 of one unit: the mobile is text" \
    "$($X cell "$T/two.xlsx" "$unit" E6)" "s $(value "$T/d1" contact.mobile)"

# Two units: a sheet each, in order of appearance; within the quota.
"$SHENBAO" batch -o "$T/units.xlsx" "$T/d4" "$T/d1" "$T/d2" > "$T/o"
check_eq "two units: exit 0" "$?" 0
check_eq "two units: a sheet each" "$($X sheets "$T/units.xlsx")" \
"西海省工业和信息化厅
$unit"
check_eq "two units: numbered within the unit" \
    "$($X sheet "$T/units.xlsx" 西海省工业和信息化厅 | sed -n 6p | cut -d'|' -f1-2)" \
    "6 1.0 | 平台4 "

# A declaration's own errors are reported as check reports them, and
# fail the batch as they fail check.
decl 5
sed -i 's/^devices.total,\(.*\),60$/devices.total,\1,61/' "$T/d5/form.csv"
"$SHENBAO" check -q "$T/d5" > "$T/c"
check_eq "a declaration with errors: check exits 1" "$?" 1
"$SHENBAO" batch -o "$T/w.xlsx" "$T/d5" > "$T/o"
check_eq "a declaration with errors: exit 1" "$?" 1
check_eq "a declaration with errors: its findings as check gives them" \
    "$(sed -n '/^== 申报书/,/^$/p' "$T/o" | sed '1d;$d')" "$(cat "$T/c")"

# A figure is shown only when filled with a valid value of its type: a
# mobile that is not one is left blank (and is an error of the
# declaration), as for every role the edition names.
decl 6
sed -i 's/^contact.mobile,\(.*\),"[^"]*"$/contact.mobile,\1,"1381234"/' "$T/d6/form.csv"
check_grep "the mobile is made invalid" '^contact.mobile,.*"1381234"$' "$T/d6/form.csv"
"$SHENBAO" batch -o "$T/m.xlsx" "$T/d6" > "$T/o"
check_eq "an invalid mobile: exit 1 (an error of the declaration)" "$?" 1
check_eq "an invalid mobile: left blank" \
    "$($X sheet "$T/m.xlsx" "$unit" | sed -n 6p)" \
    "6 1.0 | $(value "$T/d6" platform.name) | $(value "$T/d6" company.name) | $(value "$T/d6" contact.name)"
# The same table as a PDF beside the workbook (A4, a page per unit, as
# 附件3 prints it: the label, the title, the unit, the rows).
check "two units: the PDF beside the workbook" test -s "$T/units.pdf"
check_eq "two units: A4, a page each" \
    "$(pdfinfo "$T/units.pdf" | awk '/^Page size:/ { printf "%.0f %.0f", $3, $5 } /^Pages:/ { p = $2 } END { print " " p }')" \
    "595 842 2"
pdftotext -f 2 -l 2 "$T/units.pdf" - | tr -d ' \n' > "$T/p2.txt"
check_grep "PDF page 2: 附件3 and the title" '^附件32023年跨行业跨领域工业互联网平台推荐信息汇总表' "$T/p2.txt"
check_grep "PDF page 2: its unit" "推荐单位（盖章）：$unit" "$T/p2.txt"
pdftotext -layout -f 2 -l 2 "$T/units.pdf" - | sed 's/^ *//; s/  */ /g' > "$T/p2.txt"
for i in 1 2; do
    check_grep "PDF page 2: platform $i with its company, contact and mobile" \
        "^$i $(value "$T/d$i" platform.name) $(value "$T/d$i" company.name) $(value "$T/d$i" contact.name) $(value "$T/d$i" contact.mobile)\$" \
        "$T/p2.txt"
done
pdftotext -layout -f 1 -l 1 "$T/units.pdf" - | sed 's/^ *//; s/  */ /g' > "$T/p1.txt"
check_grep "PDF page 1: its one platform" "^1 平台4 " "$T/p1.txt"
check_grep "PDF page 1: row 2 numbered and left blank to fill in" '^2$' "$T/p1.txt"

# build on a recommender's batch (a folder of declarations): the summary
mkdir -p "$T/batch"
cp -r "$T/d1" "$T/d2" "$T/d4" "$T/batch/"
"$SHENBAO" build -q -o "$T/bo" "$T/batch" > "$T/o"
check_eq "batch build: exit 0" "$?" 0
check_eq "batch build: the summary as XLSX and PDF, the overview, and the findings" \
    "$(ls "$T/bo" | tr '\n' ' ')" \
    "check.json check.junit.xml check.txt 推荐信息汇总表.pdf 推荐信息汇总表.xlsx 申报书概览.pdf "
check_eq "batch build: the findings as batch gives them" \
    "$(grep -c '^== 申报书 ' "$T/bo/check.txt")" 3
check_eq "batch build: the same sheets as batch" \
    "$($X sheets "$T/bo/推荐信息汇总表.xlsx" | sort)" \
    "$($X sheets "$T/units.xlsx" | sort)"
cp -r "$T/d3" "$T/batch/"
"$SHENBAO" build -q -o "$T/bo" "$T/batch" > "$T/o"
check_eq "batch over the quota: exit 1" "$?" 1
check_grep "batch over the quota: the finding in check.txt" '\[batch.quota\]' "$T/bo/check.txt"
# The same declarant (USCC) in two declarations: an error naming both.
decl 7
sed -i "s/^company.org_code,.*/company.org_code,\"组织机构代码\",\"$(python3 tests/e2e/uscc.py 1)\"/" "$T/d7/form.csv"
"$SHENBAO" batch -o "$T/dup.xlsx" "$T/d1" "$T/d7" > "$T/o"
check_eq "the same declarant twice: exit 1" "$?" 1
check_grep "the same declarant twice: at the second, naming both" \
    "^form.csv:9:3: error: .*在.*d1和.*d7中各申报了一次.*\[batch.duplicate-declarant\]" "$T/o"
check_grep "the same declarant twice: one error" '^batch: 2 declarations, 1 ready; 1 errors, 0 warnings' "$T/o"

# The 2020 pilot (seed 003): the three forms share one 汇总表 (附件7, six
# columns with 申报方向); Guangdong's region quota: 粤东西北 ≤ 1 per city.
for i in 1 2; do
    mkdir -p "$T/p$i"
    cp -r inputs/pilot-2020-gb/. "$T/p$i"
    sed -i -e "s/^company.org_code,.*/company.org_code,组织机构代码,$(python3 tests/e2e/uscc.py "$i" 445100)/" \
        -e "s/^project_name,项目名称,.*/project_name,项目名称,项目$i/" "$T/p$i/form.csv"
done
"$SHENBAO" batch -o "$T/pilot.xlsx" "$T/p1" inputs/pilot-2020-cd "$T/p2" > "$T/o"
check_eq "two of one 粤东西北 city: exit 1" "$?" 1
check_grep "two of one 粤东西北 city: the region quota at the second's USCC" \
    "^form.csv:8:3: error: 统一社会信用代码：粤东西北地区（行政区划代码4451）的企业共推荐了2个项目（项目1、项目2），超过规定的上限1个 \[batch.quota\]" "$T/o"
check_grep "two of one 粤东西北 city: its source" '依据 source: 003 广东省通知 二：粤东西北地区不超过1家' "$T/o"
check_eq "附件7: six columns, 申报方向 and contact from each form" \
    "$($X sheet "$T/pilot.xlsx" 佛山市工业和信息化局 | sed -n '3p;5p')" \
"3 序号 | 项目名称 | 申报单位 | 申报方向 | 联系人 | 联系方式（手机与邮箱）
5 2.0 | 中德合作注塑装备智能工厂示范项目 | 佛山中德智造装备有限公司 | 中德智能制造合作 | 陈伟东 | 13690538217，chenweidong@zdzz-equip.example.cn"

# The overview's evidence is what the evidence volume holds: the files of
# evidence/ but its index.csv.
"$SHENBAO" batch -q -o "$T/one.xlsx" inputs/sample > /dev/null 2>&1
items=$(ls inputs/sample/evidence | grep -vc '^index\.csv$')
check "the sample has evidence and an index" test "$items" -gt 0 -a -f inputs/sample/evidence/index.csv
pdftotext -layout "$T/one-概览.pdf" "$T/one.txt"
check_grep "overview: the evidence volume's $items items, not index.csv" \
    "^证明材料 *${items}份（evidence/）" "$T/one.txt"
finish
