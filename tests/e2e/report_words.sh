#!/bin/sh
# End-to-end: the narrative of declaration.md against sections.csv: word
# limits counted as Word's 字数 on the text (not the Markdown syntax, not
# comments), required sections missing, headings that name no section,
# text outside any section; the exact findings, and the report still
# written with the text in it. (The cases and figures sections ask for
# are report_evidence.sh's: filtered out here.)
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

# A: 企业简介 one 字 over its limit, (3) missing, an unknown heading, text
# before the first heading
D=$T/a
cp -r tests/fixtures/platform-2023/base "$D"
python3 - "$D/declaration.md" <<'PY'
import sys
open(sys.argv[1], "w", encoding="utf-8").write(
    "前言不属于任何部分。\n\n"
    "# 企业简介\n\n" + "平台" * 500 + "。\n\n"
    "# 未知的标题\n\n这段不排入。\n\n"
    "# （4）工业互联网平台下一步发展计划\n\n一是技术创新。\n")
PY
"$SHENBAO" report --max-print 0 -o "$T/a.pdf" "$D" > "$T/a.txt" 2>&1
check_eq "A: findings of the narrative exit 1" "$?" 1
check "A: the PDF is written all the same" test -s "$T/a.pdf"
grep -F "[report." "$T/a.txt" | grep -v 'report\.cases\|report\.figure-missing' |
    sed "s|$D/||" > "$T/a.got"
cat > "$T/a.want" <<'W'
declaration.md: error: 缺少必填部分“（3）工业互联网平台技术架构”：请加上一级标题“# （3）工业互联网平台技术架构”并写正文 [report.section-missing]
declaration.md:3: error: “企业简介”共1001字，超过限制1000字（多1字） [report.word-limit]
declaration.md:1: warning: 第一个一级标题之前的文字不属于任何部分，未排入申报书 [report.text-outside]
declaration.md:7: warning: 标题“未知的标题”不对应申报书的任何部分，其下内容未排入申报书；请使用 sections.csv 中的标题 [report.section-unknown]
W
check "A: exactly the expected report findings" diff "$T/a.want" "$T/a.got"
check_grep "A: the limit finding says count, limit and source" \
    '应为 expected: ≤ 1000字 \| 实为 found: 1001字 \| 依据 source: 002 附件2 一、企业基本信息（限1000字）' \
    "$T/a.txt"
pdftotext -raw "$T/a.pdf" - | tr -d ' \n\f' | sed 's/—[0-9]*—//g' > "$T/a.pdf.txt"
check "A: the long section is printed whole" \
    grep -qF "$(python3 -c 'print("平台" * 500 + "。")')" "$T/a.pdf.txt"
check_no_grep "A: an unknown section is not printed" "这段不排入|前言不属于" \
    "$T/a.pdf.txt"
check_grep "A: the missing section is a visible blank" "____" "$T/a.pdf.txt"

# B: exactly at the limits, Markdown syntax, list markers and comments
# not counted: 10 + 982 字, two list items of 2 字, APP 5G OPC-UA (3
# words), 。= 1000
D=$T/b
cp -r tests/fixtures/platform-2023/base "$D"
python3 - "$D/declaration.md" <<'PY'
import sys
open(sys.argv[1], "w", encoding="utf-8").write(
    "# 企业简介\n\n**" + "平" * 10 + "**" + "台" * 982 + "\n\n"
    "- 一二\n- 三四\n\n<!-- 注释不计字数：一二三四五 -->\n\nAPP 5G OPC-UA。\n\n"
    "# （3）工业互联网平台技术架构\n\n" + "架" * 2500 + "\n\n"
    "# plan\n\n" + "计" * 1000 + "\n")
PY
"$SHENBAO" report --max-print 0 -o "$T/b.pdf" "$D" > "$T/b.txt" 2>&1
check_eq "B: at the limits exits 0" "$?" 0
grep -v 'report\.cases\|report\.figure-missing' "$T/b.txt" > "$T/b.words"
check_no_grep "B: no report finding" '\[report\.' "$T/b.words"

# C: one over in (3) and in (4), matched by key and by heading
sed -e 's/^架/架架/' "$D/declaration.md" > "$T/c.md"
sed -e 's/^计/计计/' "$T/c.md" > "$D/declaration.md"
"$SHENBAO" report --max-print 0 -o "$T/c.pdf" "$D" > "$T/c.txt" 2>&1
check_eq "C: over the limit exits 1" "$?" 1
check_grep "C: (3) over 2500" \
    'declaration.md:12: error: “（3）工业互联网平台技术架构”共2501字，超过限制2500字（多1字） \[report.word-limit\]' \
    "$T/c.txt"
check_grep "C: (4) over 1000, its heading written as the key" \
    'declaration.md:16: error: “（4）工业互联网平台下一步发展计划”共1001字，超过限制1000字（多1字） \[report.word-limit\]' \
    "$T/c.txt"
finish
