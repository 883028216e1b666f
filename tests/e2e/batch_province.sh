#!/bin/sh
# End-to-end: `shenbao batch` on a province's batch (issue 14 §4-5).
# Thirteen fictional declarations of the 2020 pilot call (seed 003: the
# three forms 两化融合管理体系贯标, 特色专业型平台, 中德智能制造合作 share
# one 汇总表, 附件7) made from the bundled samples by editing form.csv,
# in one batch directory with the department's own 汇总表 (CSV). What
# they hold, and the findings it must give, exactly:
#   - 广东省工业和信息化厅 recommends 11 (unit quota 10: 003 正文 二、(二))
#     -> batch.quota at the 11th's 推荐单位
#   - four declarants in 广州 (4401; 广州、深圳 ≤ 3) -> batch.quota at the
#     4th's USCC; two in 潮州 (4451, 粤东西北 ≤ 1) -> batch.quota at the 2nd's
#   - 07 and 08 are one enterprise (the same USCC, in 东莞, within its
#     quota of 2) -> batch.duplicate-declarant at 08
#   - the 汇总表 leaves out 05 -> batch.not-listed at 05's 项目名称,
#     lists 项目14, which has no declaration -> batch.listed-absent,
#     and gives 03 another 联系人 -> batch.summary-differs at that cell
# and nothing else: each declaration on its own passes clean.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
B=$T/广东省
mkdir -p "$B"

# decl N EDITION AREA UNIT [USCC-N]: declaration N (two digits) of
# EDITION in GB/T 2260 area AREA, recommended by UNIT; its USCC that of
# test number USCC-N (default N).
decl() {
    d="$B/$1-$2"
    cp -r "inputs/$2" "$d"
    case $2 in
    pilot-2020-cd) code=cn.org_code ;;
    *) code=company.org_code ;;
    esac
    sed -i -e "s/^project_name,项目名称,.*/project_name,项目名称,项目$1/" \
        -e "s/^project\\.name,\([^,]*\),.*/project.name,\1,项目$1/" \
        -e "s/^recommender,推荐单位,.*/recommender,推荐单位,$4/" \
        -e "s/^$code,\([^,]*\),.*/$code,\1,$(python3 tests/e2e/uscc.py "${5:-$1}" "$3")/" \
        "$d/form.csv"
}
# value N CODE: a field of declaration N as written.
value() {
    grep -h "^$2," "$B/$1"-*/form.csv | cut -d, -f3-
}
GD=广东省工业和信息化厅
SZ=深圳市工业和信息化局
decl 01 pilot-2020-gb 440106 $GD
decl 02 pilot-2020-ts 440104 $GD
decl 03 pilot-2020-cd 440111 $GD
decl 04 pilot-2020-gb 440105 $GD
decl 05 pilot-2020-ts 445102 $GD
decl 06 pilot-2020-cd 445103 $GD
decl 07 pilot-2020-gb 441900 $GD
decl 08 pilot-2020-ts 441900 $GD 07
decl 09 pilot-2020-cd 440604 $GD
decl 10 pilot-2020-gb 440606 $GD
decl 11 pilot-2020-ts 440304 $GD
decl 12 pilot-2020-cd 440305 $SZ
decl 13 pilot-2020-gb 440307 $SZ
check_eq "13 declarations" "$(ls -d "$B"/*/ | wc -l)" 13
check_eq "08 has 07's USCC" "$(value 08 company.org_code)" "$(value 07 company.org_code)"

# The department's 汇总表 as it typed it: 05 left out, 项目14 added, 03's
# 联系人 another (03 is 中德: its contact is the 项目负责人).
{
    echo "附件7,,,"
    echo "2020年制造业与互联网融合试点示范项目汇总表,,,"
    echo "推荐单位（盖章）：$GD,,,"
    echo "序号,项目名称,申报单位,联系人"
    i=0
    for n in 01 02 03 04 06 07 08 09 10 11 12 13; do
        i=$((i + 1))
        who=$(value $n contact.name)
        [ $n = 03 ] && who=李四
        [ -z "$who" ] && who=$(value $n project.leader.name)
        echo "$i,项目$n,$(value $n applicant),$who"
    done
    echo "13,项目14,广东示例科技有限公司,王五"
    echo "注：申报方向为四个类别。,,,"
} > "$B/推荐汇总表.csv"
check_eq "the 汇总表's row of 03 (line 7)" "$(sed -n 7p "$B/推荐汇总表.csv")" \
    "3,项目03,$(value 03 applicant),李四"

# Each declaration passes clean on its own.
for d in "$B"/*/; do
    "$SHENBAO" check -q "$d" > /dev/null
    check_eq "check $(basename "$d"): clean" "$?" 0
done

# The batch: exit 1, and exactly these findings.
"$SHENBAO" batch -q -f json -o "$T/汇总表.xlsx" "$B" > "$T/b.json"
check_eq "batch: exit 1 (errors found)" "$?" 1
python3 - "$T/b.json" > "$T/codes" <<'PY'
import collections, json, sys
doc = json.load(open(sys.argv[1]))
c = collections.Counter()
for part in doc["declarations"] + [doc["batch"]]:
    for f in part["findings"]:
        c[f["severity"] + " " + f["code"]] += 1
for k in sorted(c):
    print(c[k], k)
print(len(doc["declarations"]), "declarations", doc["errors"], "errors",
      doc["warnings"], "warnings")
PY
check_eq "batch: exactly the findings it should" "$(cat "$T/codes")" \
"1 error batch.duplicate-declarant
1 error batch.listed-absent
1 error batch.not-listed
3 error batch.quota
1 error batch.summary-differs
13 declarations 7 errors 0 warnings"

# Where each is, and what it says (text).
"$SHENBAO" batch -q -o "$T/汇总表.xlsx" "$B" > "$T/b.txt"
check_eq "text: exit 1" "$?" 1
check_eq "text: a part per declaration, in name order" \
    "$(grep '^== 申报书 ' "$T/b.txt" | sed -n '1p;13p')" \
    "== 申报书 $B/01-pilot-2020-gb
== 申报书 $B/13-pilot-2020-gb"
check_eq "text: then the batch's own" "$(grep -c "^== 批次 $B\$" "$T/b.txt")" 1
check_grep "text: the total" '^batch: 13 declarations, 8 ready; 7 errors, 0 warnings, 0 info$' "$T/b.txt"
check_grep "the unit over its quota, at the 11th's 推荐单位" \
    "^form.csv:5:3: error: 推荐单位：“$GD”推荐了11个项目（项目01、.*项目11），超过规定的上限10个 \[batch.quota\]" "$T/b.txt"
check_grep "广州 over its quota, at the 4th's USCC" \
    '^form.csv:8:3: error: 统一社会信用代码：广州、深圳（行政区划代码4401）的企业共推荐了4个项目（项目01、项目02、项目03、项目04），超过规定的上限3个 \[batch.quota\]' "$T/b.txt"
check_grep "潮州 over its quota" '粤东西北地区（行政区划代码4451）的企业共推荐了2个项目（项目05、项目06）' "$T/b.txt"
check_grep "the duplicate, naming both" "在$B/07-pilot-2020-gb和$B/08-pilot-2020-ts中各申报了一次" "$T/b.txt"
check_grep "the one not listed, at its 项目名称" \
    "^form.csv:3:3: error: 项目名称：“项目05”有申报书，但不在推荐单位的汇总表（$B/推荐汇总表.csv）中 \[batch.not-listed\]" "$T/b.txt"
check_grep "the one listed but absent, at its row" \
    "^$B/推荐汇总表.csv:17:2: error: 项目名称：汇总表列出的“项目14”在本批次中没有申报书 \[batch.listed-absent\]" "$T/b.txt"
check_grep "the cell that differs, with both values" \
    "^$B/推荐汇总表.csv:7:4: error: 联系人：汇总表中“项目03”的联系人为“李四”，其申报书（$B/03-pilot-2020-cd/form.csv）为“$(value 03 project.leader.name)”.*\[batch.summary-differs\]" "$T/b.txt"

# JUnit: a test suite per declaration, then the batch's.
"$SHENBAO" batch -q -f junit -o "$T/汇总表.xlsx" "$B" > "$T/b.xml"
check_eq "junit: exit 1" "$?" 1
python3 - "$T/b.xml" > "$T/suites" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for s in root.findall("testsuite"):
    print(s.get("name"), s.get("failures"))
PY
# (an error fails two cases: its check's and its own)
check_eq "junit: 14 suites, failing where the errors are" "$(cat "$T/suites")" \
"01-pilot-2020-gb 0
02-pilot-2020-ts 0
03-pilot-2020-cd 0
04-pilot-2020-gb 2
05-pilot-2020-ts 2
06-pilot-2020-cd 2
07-pilot-2020-gb 0
08-pilot-2020-ts 2
09-pilot-2020-cd 0
10-pilot-2020-gb 0
11-pilot-2020-ts 2
12-pilot-2020-cd 0
13-pilot-2020-gb 0
广东省 4"

# The 汇总表 built from the declarations, and the overview beside it.
check_eq "the 汇总表 XLSX, PDF and overview written" \
    "$(ls "$T" | grep -c '^汇总表\(\.xlsx\|\.pdf\|-概览\.pdf\)$')" 3
pdftotext "$T/汇总表.pdf" - | tr -d ' ' > "$T/sum.txt"
check_eq "汇总表 PDF: each unit's table, 广东 then 深圳" \
    "$(grep -o '推荐单位（盖章）：.*' "$T/sum.txt")" \
    "推荐单位（盖章）：$GD
推荐单位（盖章）：$SZ"
check_eq "汇总表 PDF: the title on one line (小2号 where 2号 would leave 表 alone)" \
    "$(pdftotext -f 1 -l 1 "$T/汇总表.pdf" - | grep -c '^2020年制造业与互联网融合试点示范项目汇总表$')" 1
# 广东's eleven rows (over its quota of ten) and 深圳's two with their
# blank rows each take one page, note included: the table is set at
# 小5号, the largest size at which both do, with no name and no header
# of four 字 broken (a unit too long for one page even so goes on under
# 续表: batch_continued.sh).
check_eq "汇总表 PDF: a page per unit" \
    "$(pdfinfo "$T/汇总表.pdf" | awk '/^Pages:/ { print $2 }')" 2
check_eq "汇总表 PDF: a unit, its header and its note on each page, no 续表" \
    "$(for p in 1 2; do pdftotext -f $p -l $p "$T/汇总表.pdf" - | tr -d ' ' |
        grep -c '^续表$\|^序号$\|^项目名称$\|^联系人$\|^推荐单位（盖章）：\|^注：' |
        tr '\n' ' '; done)" "5 5 "
check_eq "汇总表 PDF: 深圳 on page 2" \
    "$(pdftotext -f 2 -l 2 "$T/汇总表.pdf" - | tr -d ' ' |
        grep -c "^推荐单位（盖章）：$SZ\$")" 1
check_eq "汇总表 PDF: every 联系人 whole" \
    "$(pdftotext "$T/汇总表.pdf" - | grep -c '^\(梁嘉欣\|何志远\|陈伟东\)$')" 13
# Each declaration's e-mail whole on one line of the 联系方式 column.
pdftotext "$T/汇总表.pdf" "$T/sum_raw.txt"
whole=0
for n in 01 02 03 04 05 06 07 08 09 10 11 12 13; do
    mail=$(value $n contact.email)
    [ -z "$mail" ] && mail=$(value $n project.leader.email)
    grep -qF -- "$mail" "$T/sum_raw.txt" && whole=$((whole + 1))
done
check_eq "汇总表 PDF: every e-mail unbroken" "$whole" 13
check_eq "汇总表 PDF: A4" \
    "$(pdfinfo "$T/汇总表.pdf" | awk '/^Page size:/ { printf "%.0f %.0f\n", $3, $5 }')" "595 842"
check_eq "overview: a page per declaration" \
    "$(pdfinfo "$T/汇总表-概览.pdf" | awk '/^Pages:/ { print $2 }')" 13
pdftotext -layout -f 4 -l 4 "$T/汇总表-概览.pdf" - | sed 's/^ *//; s/  */ /g' > "$T/p4.txt"
check_grep "overview page 4: its declaration" '^项目04$' "$T/p4.txt"
check_grep "overview page 4: not ready, with its one error" '状态 待修改（错误1个，警告0个）' "$T/p4.txt"
check_grep "overview page 4: the error said" '^广州、深圳（行政区划代码4401）的企业共推荐了4个项目' "$T/p4.txt"
check_grep "overview page 4: word counts against limits" '^企业简介 [0-9]+ 400 符合$' "$T/p4.txt"
pdftotext -layout -f 1 -l 1 "$T/汇总表-概览.pdf" - | sed 's/^ *//; s/  */ /g' > "$T/p1.txt"
check_grep "overview page 1: ready" '状态 可推荐（错误0个，警告0个）' "$T/p1.txt"

# The summary named by --summary instead of found; in the batch order
# of the operands.
mv "$B/推荐汇总表.csv" "$T/dept.csv"
"$SHENBAO" batch -q -f json --summary "$T/dept.csv" -o "$T/s.xlsx" "$B"/*/ > "$T/s.json"
check_eq "--summary with declarations as operands: exit 1" "$?" 1
check_eq "--summary: the same reconciliation" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sorted(f["code"] for p in d["declarations"]+[d["batch"]] for f in p["findings"] if f["code"] != "batch.quota"))' "$T/s.json")" \
    "['batch.duplicate-declarant', 'batch.listed-absent', 'batch.not-listed', 'batch.summary-differs']"

# No row dropped in silence: a row listing one twice, a row with values
# but no name; numbered rows left blank are not findings.
{
    sed -n '1,5p' "$T/dept.csv"
    sed -n 5p "$T/dept.csv" | sed 's/^1,/2,/'
    echo "3,,某某公司,赵六"
    echo "4,,,"
} > "$T/twice.csv"
"$SHENBAO" batch -q --summary "$T/twice.csv" -o "$T/t.xlsx" "$B" > "$T/t.txt"
check_grep "a row listing one twice" \
    "^$T/twice.csv:6:2: error: 项目名称：汇总表重复列出了“项目01” \[batch.listed-twice\]" "$T/t.txt"
check_grep "a row with values but no name" \
    "^$T/twice.csv:7:2: error: 项目名称：汇总表这一行没有填写项目名称，无法与申报书对应 \[batch.listed-absent\]" "$T/t.txt"
check_no_grep "a numbered row left blank: no finding" "twice.csv:8:" "$T/t.txt"

# The 汇总表 workbook shenbao wrote reads back as the department's: every
# sheet, every column, nothing to reconcile.
"$SHENBAO" batch -q -f json --summary "$T/汇总表.xlsx" -o "$T/r.xlsx" "$B" > "$T/r.json"
check_eq "its own workbook as the 汇总表: no reconciliation finding" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sorted(set(f["code"] for p in d["declarations"]+[d["batch"]] for f in p["findings"])))' "$T/r.json")" \
    "['batch.duplicate-declarant', 'batch.quota']"
finish
