#!/bin/sh
# End-to-end: the 申报书's cover as each form sets it. The 2020 forms of
# notice 003 (附件2-5) break their title into three lines, 2020年制造业与
# 互联网融合发展 / 试点示范项目申报书 / （方向）: edition.csv's cover_title
# (the title alone wrapped at the width of the 22 pt line left 台） on a
# line of its own); the 2023 form (002 附件2) sets 申报书 on its own line.
# A value longer than its line goes on under itself, not back under the
# label, and the cover stays one page with the compiler's line at its foot.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

# title_lines PDF: the cover's first three lines of text.
title_lines() {
    pdftotext -f 1 -l 1 "$1" - | grep -v '^$' | head -n 3 | tr '\n' '/'
}
for e in platform-2020:2020年跨行业跨领域工业互联网平台 \
    pilot-2020-gb:两化融合管理体系贯标 pilot-2020-ts:特色专业型工业互联网平台 \
    pilot-2020-cd:中德智能制造合作; do
    d=${e%%:*}
    "$SHENBAO" report -q -o "$T/$d.pdf" "inputs/$d"
    check_eq "$d: report written" $? 0
    check_eq "$d: the cover's title in the form's three lines" \
        "$(title_lines "$T/$d.pdf")" \
        "2020年制造业与互联网融合发展/试点示范项目申报书/（${e#*:}）/"
    check_eq "$d: the compiler's line on the cover" \
        "$(pdftotext -f 1 -l 1 "$T/$d.pdf" - | grep -c '^工业和信息化部编制$')" 1
done
"$SHENBAO" report -q -o "$T/sample.pdf" inputs/sample
check_eq "platform-2023: 申报书 on its own line" \
    "$(title_lines "$T/sample.pdf" | cut -d/ -f1-2 | tr -d ' 　')" \
    "2023年跨行业跨领域工业互联网平台/申报书"

# pilot-2020-gb's 项目名称 (19 字) takes two lines of the value's column:
# the second starts where the first does, right of the label.
check_eq "a long value goes on under itself" "$(pdftotext -bbox -f 1 -l 1 \
    "$T/pilot-2020-gb.pdf" - | python3 -c '
import re, sys
words = re.findall(r"<word xMin=\"([\d.]+)\"[^>]*>([^<]*)</word>", sys.stdin.read())
x = {w: float(v) for v, w in words}
a, b = x.get("面向供应链协同的数字化转型新型能力"), x.get("建设")
label = x.get("称")
print("ok" if a and b and label and abs(a - b) < 1 and b > label else (a, b, label))
')" ok
finish
