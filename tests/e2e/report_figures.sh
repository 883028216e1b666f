#!/bin/sh
# End-to-end: the 申报书's figures as a reviewer reads them (issue 13
# item 15), measured on the sample's PDF by report_figures.py: figures
# numbered in reading order, each cited (见图N) before its caption and
# printed under the indicator charts.csv says it supports (a figure that
# waits for room does not float past the next heading); no chart puts a
# three-year total beside a single year on one axis; chart source lines
# at least 五号 (10.5 pt); the form's cells keep their text off the
# borders.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
S=inputs/sample
P=tests/e2e/report_figures.py
C=pipeline/forms/platform-2023/charts.csv

"$SHENBAO" report -q -o "$T/a.pdf" "$S" > /dev/null 2>&1
check_eq "report on the sample exits 0" "$?" 0
python3 $P figures "$T/a.pdf" "$C" > "$T/fig.txt"
check_grep "figures numbered 1, 2, 3 … in reading order" '^order True$' \
    "$T/fig.txt"
check_eq "nine figures, each cited before its caption and under its indicator" \
    "$(grep -c '^图[0-9]* cited under [1-5]\.[1-5]$' "$T/fig.txt")" 9
check_grep "服务工业企业按行业 under 1.4, where charts.csv puts it" \
    '^图3 cited under 1.4$' "$T/fig.txt"
check_grep "5.1's figure before 5.2's heading, then 5.2's" \
    '^图7 cited under 5.1$' "$T/fig.txt"
check_grep "the architecture diagram (an image of declaration.md) is cited too" \
    '^图9 cited under' "$T/fig.txt"
# the numbers come from the program: nothing in the template or the
# narrative writes one
check_no_grep "no figure number written by hand in the template" '见图[0-9]' \
    pipeline/forms/platform-2023/report.md
check_no_grep "nor in the narrative" '见图[0-9]' "$S/declaration.md"

# one axis, one kind of period: a 近三年 total is never a category or a
# series beside single years
"$SHENBAO" charts -q -o "$T/charts" "$S" > /dev/null 2>&1
check_eq "no chart puts 近三年累计 beside a year" \
    "$(grep -l '近三年累计' "$T"/charts/*.csv | wc -l)" 0
check_eq "5.1's chart: each bar the three-year total, split by year" \
    "$(sed 1d "$T/charts/platform-finance.csv" | awk -F, '{ print $1 }' |
       tr '\n' ' ')" "平台相关业务收入 平台相关业务成本 "

check_eq "the chart source lines are 五号 (10.5 pt) or larger" \
    "$(python3 $P sources "$T/a.pdf" | awk '{ print ($1 >= 8 && $2 >= 10.49) }')" 1
check_eq "form cells: text at least 3 pt off every border (printed page 1)" \
    "$(python3 $P padding "$T/a.pdf" "$T" | awk '{ print ($1 > 30 && $2 >= 3) }')" 1
finish
