#!/bin/sh
# End-to-end: justification of the 申报书 as Chinese typesetting does it
# (W3C clreq, JLREQ; issue 13 item 13), measured from the glyphs of the
# PDF by tests/e2e/report_justify.py on two declarations: the sample,
# and the sample with the number-heavy narrative of
# tests/fixtures/platform-2023/report-numbers/declaration.md (amounts,
# percentages, dates, model names: long unbreakable runs that leave
# slack on a line).
# The second is also measured for the grid (report_stext.py): its long
# sections fill whole pages of text. Both are measured for what a page
# break must not do (report_keep.py, item 14): a paragraph ending on one
# character and punctuation, a heading last on its page, a table header
# alone at a page's foot.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

cp -r inputs/sample "$T/numbers"
cp tests/fixtures/platform-2023/report-numbers/declaration.md "$T/numbers/"

for d in inputs/sample "$T/numbers"; do
    n=$(basename "$d")
    "$SHENBAO" report -o "$T/$n.pdf" "$d" > /dev/null 2>&1
    check_eq "report on $n exits 0" "$?" 0
    mutool draw -F stext -o "$T/$n.xml" "$T/$n.pdf" 2>/dev/null
    python3 tests/e2e/report_justify.py "$T/$n.xml" > "$T/$n.txt" 2>&1
    mutool show "$T/$n.pdf" outline > "$T/$n.outline" 2>/dev/null
    python3 tests/e2e/report_keep.py "$T/$n.xml" "$T/$n.outline" \
        >> "$T/$n.txt" 2>&1
    sed "s/^/$n: /" "$T/$n.txt" | grep -E 'INFO|FAIL'
    check "$n: the measurement ran" grep -q '^PASS' "$T/$n.txt"
    while IFS= read -r line; do
        case "$line" in
        PASS*) pass ;;
        FAIL*) fail "$n: ${line#FAIL }" ;;
        esac
    done < "$T/$n.txt"
done

python3 tests/e2e/report_stext.py "$T/numbers.xml" "$T/numbers.outline" \
    > "$T/grid.txt" 2>&1
check_grep "numbers: whole pages of text (22 lines at one pitch)" \
    'of text only \[[0-9]' "$T/grid.txt"
while IFS= read -r line; do
    case "$line" in
    PASS*) pass ;;
    FAIL*) fail "numbers: ${line#FAIL }" ;;
    esac
done < "$T/grid.txt"
finish
