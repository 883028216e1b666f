#!/bin/sh
# End-to-end: the 2018, 2020 and 2021 editions print 企业简介 / 单位简介 as
# a row of the company's table, as their notices print it (004 附件2,
# 003 附件2/3/4/5, 000 附件2; issue 13 item 16): on each bundled sample's
# 申报书 the label and the section's first words lie inside the cells
# (report_figures.py cells), the 目录 lists no 简介 heading, and the
# section's word limit still fails a declaration one 字 over it.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
P=tests/e2e/report_figures.py

# edition, the row's label, the section's first words (inputs/<edition>)
while read -r ed label words; do
    "$SHENBAO" report -q -o "$T/$ed.pdf" "inputs/$ed" > /dev/null 2>&1
    check_eq "$ed: report on the sample exits 0" "$?" 0
    check_eq "$ed: $label and its text in the table's cells" \
        "$(python3 $P cells "$T/$ed.pdf" "$T" "$label" "$words")" \
        "$label inside
$words inside"
    toc=$(pdftotext -f 2 -l 4 "$T/$ed.pdf" - | grep -c '简介')
    check_eq "$ed: no 简介 heading in the 目录" "$toc" 0
    check_no_grep "$ed: no 简介 heading or intro fence in the template" \
        '^#.*简介|shenbao-narrative [a-z_]*intro' "pipeline/forms/$ed/report.md"
done <<'ROWS'
platform-2018 企业简介 申报单位情况介绍
platform-2020 企业简介 申报单位情况介绍
pilot-2020-gb 企业简介 成立于2008
pilot-2020-ts 单位简介 成立于2016
pilot-2020-cd 企业简介 成立于2013
app-solution-2021 企业简介 成立于2014
ROWS
# the 德方 company's 简介: the second table's last row
check_eq "pilot-2020-cd: 德方企业简介's text in its cell" \
    "$(python3 $P cells "$T/pilot-2020-cd.pdf" "$T" 成立于2006)" \
    "成立于2006 inside"

# app-solution-2021's 企业在质量、安全、信誉和社会责任等方面的情况说明 is the
# next row (000 附件2 prints it so)
check_eq "app-solution-2021: the 情况说明 in its cell" \
    "$(python3 $P cells "$T/app-solution-2021.pdf" "$T" 质量方面)" "质量方面 inside"

# the limit still holds (pilot_reports.sh checks the pilot editions;
# app-solution-2021 sets no limit on 企业简介)
for ed in platform-2018 platform-2020; do
    cp -r "inputs/$ed" "$T/$ed-long"
    n=$(python3 - "pipeline/forms/$ed/sections.csv" "$T/$ed-long/declaration.md" <<'PY'
import csv, sys
sec = next(r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))
           if r['key'] == 'intro')
md = open(sys.argv[2], encoding='utf-8').read()
i = md.index('\n', md.index('# ' + sec['heading'] + '\n')) + 1
j = md.index('\n# ', i)
n = int(sec['limit']) + 1
open(sys.argv[2], 'w', encoding='utf-8').write(md[:i] + '\n' + '平' * n + '\n' + md[j:])
print('“%s”共%d字，超过限制%s字（多1字） [report.word-limit]' % (sec['heading'], n, sec['limit']))
PY
)
    "$SHENBAO" report --max-print 0 -o "$T/$ed-long.pdf" "$T/$ed-long" > "$T/$ed-long.txt" 2>&1
    check_eq "$ed: 企业简介 over its limit exits 1" "$?" 1
    check "$ed: the word-limit finding names count and limit" \
        grep -qF "$n" "$T/$ed-long.txt"
done
finish
