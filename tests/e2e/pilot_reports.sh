#!/bin/sh
# End-to-end: the three 申报书 of the 2020 pilot call (seed 003 附件2, 4, 5:
# pilot-2020-gb, -ts, -cd). Each bundled declaration reports clean; its
# PDF is A4 with every font embedded and carries, in the form's order,
# every heading of its sections.csv (read here with python's csv; a
# section printed in a table's row under its label is not a heading) and the
# declared figures of its table; a short section one 字 over its printed
# limit (企业简介 400 / 单位简介 200 / 中方企业简介 300) is the error
# report.word-limit citing that clause.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

for ed in pilot-2020-gb pilot-2020-ts pilot-2020-cd; do
    D=inputs/$ed
    "$SHENBAO" report -o "$T/$ed.pdf" "$D" > "$T/$ed.txt" 2>&1
    check_eq "$ed: the bundled declaration reports clean" "$?" 0
    check_grep "$ed: no finding" '^0 errors, 0 warnings, 0 info$' "$T/$ed.txt"
    check_grep "$ed: A4" 'Page size: +595\.[0-9]* x 841\.[0-9]* pts' \
        "$(pdfinfo "$T/$ed.pdf" > "$T/$ed.info"; echo "$T/$ed.info")"
    pdffonts "$T/$ed.pdf" | awk 'NR > 2 && $(NF-4) != "yes"' > "$T/$ed.unemb"
    check "$ed: every font embedded" test ! -s "$T/$ed.unemb"
    pdftotext -raw "$T/$ed.pdf" - | tr -d ' \n\f' > "$T/$ed.pdf.txt"
    check_eq "$ed: every section heading, in the form's order" "$(python3 - \
        "pipeline/forms/$ed" "$T/$ed.pdf.txt" <<'PY'
import csv, sys
text = open(sys.argv[2], encoding='utf-8').read()
body = text[text.rindex('一、'):]          # after the contents
form = open(sys.argv[1] + '/report.md', encoding='utf-8').read()
at, bad = 0, []
for r in csv.DictReader(open(sys.argv[1] + '/sections.csv', encoding='utf-8')):
    if '{{narrative:%s}}' % r['key'] in form:
        continue                # a table's row (report_form_editions.sh)
    h = r['heading'].replace(' ', '')
    i = body.find(h, at)
    if i < 0:
        bad.append(h)
    else:
        at = i + len(h)
print(bad)
PY
)" "[]"
    check_eq "$ed: the table holds the declared figures" "$(python3 - \
        "$D/form.csv" "$T/$ed.pdf.txt" <<'PY'
import csv, sys
text = open(sys.argv[2], encoding='utf-8').read()
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))[1:]
# text and codes as written (dates and money are reformatted for print)
miss = [r[0] for r in rows if r[0] != 'edition' and not r[2][:4].isdigit()
        and r[2] not in ('无',) and r[2].replace(' ', '') not in text]
print(miss)
PY
)" "[]"
done

# One 字 over the first short section's limit.
for ed in pilot-2020-gb pilot-2020-ts pilot-2020-cd; do
    D=$T/$ed-long
    cp -r "inputs/$ed" "$D"
    python3 - "pipeline/forms/$ed/sections.csv" "$D/declaration.md" > "$T/$ed.want" <<'PY'
import csv, re, sys
sec = next(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
n = int(sec['limit']) + 1
md = open(sys.argv[2], encoding='utf-8').read()
head = '# ' + sec['heading'] + '\n'
i = md.index(head) + len(head)
j = md.index('\n# ', i)
md = md[:i] + '\n' + '平' * n + '\n' + md[j:]
open(sys.argv[2], 'w', encoding='utf-8').write(md)
print('“%s”共%d字，超过限制%s字（多1字） [report.word-limit]' % (sec['heading'], n, sec['limit']))
print(sec['source'])
PY
    "$SHENBAO" report --max-print 0 -o "$T/$ed-long.pdf" "$D" > "$T/$ed-long.txt" 2>&1
    check_eq "$ed: a section over its limit exits 1" "$?" 1
    check "$ed: word-limit finding with count and limit" \
        grep -qF "$(sed -n 1p "$T/$ed.want")" "$T/$ed-long.txt"
    check "$ed: the finding cites the printed clause" \
        grep -qF "$(sed -n 2p "$T/$ed.want")" "$T/$ed-long.txt"
done
finish
