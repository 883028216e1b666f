#!/bin/sh
# End-to-end: `shenbao init` → fill in with the shell → `shenbao report`:
# the scaffold's files (headers, one row per field, a heading and hint
# per section), never overwriting, and a round trip that puts the values
# written into form.csv, the annex rows and the narrative into the PDF.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
D=$T/decl
F=pipeline/forms/platform-2023

"$SHENBAO" init "$D" > "$T/init.txt" 2>&1
check_eq "init exits 0" "$?" 0
check_grep "init lists form.csv" "^$D/form.csv$" "$T/init.txt"
check_grep "init lists declaration.md" "^$D/declaration.md$" "$T/init.txt"
check_eq "form.csv header (after the BOM)" \
    "$(head -n 1 "$D/form.csv")" "$(printf '\357\273\277代码,项目,值')"
check_eq "the edition row first" "$(sed -n 2p "$D/form.csv")" \
    "edition,表单版本,platform-2023"
check_eq "one row per field of fields.csv" \
    "$(($(wc -l < "$D/form.csv") - 2))" "$(($(wc -l < "$F/fields.csv") - 1))"
check_grep "a field row: code, label, empty value" \
    '^devices.operating,运行设备,$' "$D/form.csv"
n_annex=$(($(wc -l < "$F/annexes.csv") - 1))
check_eq "one CSV per annex" "$(ls "$D/annex" | wc -l)" "$n_annex"
check_grep "annex headers in Chinese" '设备ID,设备名称,设备类别' \
    "$D/annex/devices.csv"
check_eq "a heading per section" "$(grep -c '^# ' "$D/declaration.md")" \
    "$(($(wc -l < "$F/sections.csv") - 1))"
check_grep "hints say required and the limit" \
    '^<!-- 必填，限1000字。（一）申报单位情况介绍' "$D/declaration.md"

# never overwrite
"$SHENBAO" init "$D" > /dev/null 2> "$T/again.txt"
check_eq "init into a non-empty directory exits 2" "$?" 2
check_grep "and says why" "is not empty; init never overwrites" "$T/again.txt"
check_eq "form.csv untouched" "$(sed -n 2p "$D/form.csv")" \
    "edition,表单版本,platform-2023"
touch "$T/file"
"$SHENBAO" init "$T/file" > /dev/null 2>&1
check_eq "init onto a file exits 2" "$?" 2
"$SHENBAO" init --form platform-1999 "$T/x" > /dev/null 2>&1
check_eq "init with an unknown edition exits 2" "$?" 2
check "nothing written for an unknown edition" test ! -e "$T/x"

# fill in a few values, rows and the narrative with the shell
sed -i -e 's/^project_name,项目名称,$/project_name,项目名称,试点工业互联网平台/' \
    -e 's/^applicant,申报单位,$/applicant,申报单位,试点智能科技有限公司/' \
    -e 's/^devices.total,\(.*\),$/devices.total,\1,1234567/' \
    -e 's/^devices.operating,运行设备,$/devices.operating,运行设备,3/' \
    -e 's/^sme.contract_amount,\(.*\),$/sme.contract_amount,\1,1234.5/' \
    -e 's/^company.founded,成立时间,$/company.founded,成立时间,2015\/7\/9/' \
    -e 's/^platform.build_mode,建设方式,$/platform.build_mode,建设方式,合作共建/' \
    "$D/form.csv"
for i in 1 2 3; do
    printf '%s,DEV-%04d,空压机%s号,运行设备,空压机,公有云,MQTT,试点工厂,2022-01-0%s,2023-05-30\n' \
        "$i" "$i" "$i" "$i" >> "$D/annex/devices.csv"
done
python3 - "$D/declaration.md" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("# 企业简介\n", "# 企业简介\n\n试点公司成立于二〇一五年，专注**设备联网**。\n"
              "\n董事长朱镕。\n", 1)
s = s.replace("# （3）工业互联网平台技术架构\n",
              "# （3）工业互联网平台技术架构\n\n## 总体架构\n\n"
              "平台采用边缘层、平台层、应用层三层架构。\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
"$SHENBAO" report -o "$T/r.pdf" "$D" > "$T/r.txt" 2>&1
check_eq "report of a half-filled declaration exits 1" "$?" 1
check "the PDF is written" test -s "$T/r.pdf"
check_grep "the missing figures are errors of the check" '\[form.missing\]' \
    "$T/r.txt"
check_grep "and blanks of the report" '\[report.blank\]' "$T/r.txt"
# 企业简介 is inside the form's table (issue 13 item 16): the finding
# names the section's heading line, the face that lacks the character
check_grep "a character the face lacks names the narrative and its line" \
    '^declaration.md:7: warning: “镕”\(U\+9555\) 不在仿宋（FandolFang）中' \
    "$T/r.txt"
check_grep "a required empty section is an error" \
    '“（4）工业互联网平台下一步发展计划”没有内容 \[report.section-empty\]' "$T/r.txt"
pdftotext -raw "$T/r.pdf" - | tr -d ' \n\f' | sed 's/—[0-9]*—//g' > "$T/r.pdf.txt"
for want in 试点工业互联网平台 试点智能科技有限公司 \
    "可连接的工业设备/产品/产线种类及数量：1,234,567台/套" "运行设备3台/套" \
    "累计服务中小企业合同金额：1,234.5万元" 2015年7月9日 "□自建■合作共建" \
    "清单共3条记录。" "试点公司成立于二〇一五年，专注设备联网。" \
    "总体架构平台采用边缘层、平台层、应用层三层架构。" "加工设备____台/套"; do
    check "round trip: $want" grep -qF -- "$want" "$T/r.pdf.txt"
done
mutool show "$T/r.pdf" outline > "$T/outline.txt" 2>/dev/null
check_grep "a narrative sub-heading is a level-3 bookmark" \
    "^[|+-]			\"总体架构\"" "$T/outline.txt"
finish
