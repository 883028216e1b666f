#!/bin/sh
# End-to-end: the HTML findings report (`check --html`, build's
# check.html; reports/html/html.h). A small declaration with errors,
# warnings and info findings and a cell holding markup is checked once as
# JSON (the oracle) and HTML; html_check.py reads the page with Python's
# HTML parser (a row per finding, escaped text, the 核对表 against the
# XLSX 核对表) and then in headless Chromium (filters, sorting from the
# keyboard, grouping, a view opened from the address, labels, contrast).
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
# Debian's python3 with Debian's selenium and chromium (DEB_PKGS)
PY=/usr/bin/python3
export E2E_TMP FONTCONFIG_FILE="$PWD/fonts/fonts.conf"

top=$PWD
cp -r tests/fixtures/platform-2023/base "$T/d"
(
    cd "$T/d" && . "$top/tests/fixtures/mutate.sh"
    # markup in a cell: shown as text, never run
    set_cell annex/devices.csv 2 4 '<b id=pwn>x</b>&amp;<script>window.pwned=1</script>'
    set_cell annex/devices.csv 3 4 加工设备X
    set_figure devices.daily_running 44   # an error and a warning
    append_line annex/devices.csv ",,,,,,,,,"  # a warning
    drop_figure apps.total                # info: rules not checked
)
# a baseline accepting one error, its reason holding markup too
"$SHENBAO" check -q --write-baseline "$T/all.json" "$T/d" > /dev/null
$PY - "$T/all.json" "$T/bl.json" << 'PY'
import json, sys
b = json.load(open(sys.argv[1], encoding="utf-8"))
b["accepted"] = [dict(e, reason="<i>已报备</i>", by="张三")
                 for e in b["accepted"] if e["code"] == "form.missing"]
json.dump(b, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$SHENBAO" check -q -f json --baseline "$T/bl.json" --html "$T/r.html" \
    "$T/d" > "$T/r.json"
check_eq "check --html: exit 1 (errors)" "$?" 1
check_grep "one finding accepted" '"accepted": 1[,}]' "$T/r.json"
check_grep "its reason escaped" '&lt;i&gt;已报备&lt;/i&gt; — 张三' "$T/r.html"
"$SHENBAO" check -q --baseline "$T/bl.json" --html "$T/r2.html" "$T/d" \
    > /dev/null
check "two runs, the same bytes" cmp -s "$T/r.html" "$T/r2.html"
check_eq "every severity present" \
    "$(grep -o '"severity": "[a-z]*"' "$T/r.json" | sort -u | wc -l)" 3
"$SHENBAO" xlsx -q -o "$T/r.xlsx" "$T/d" > /dev/null
$PY tests/e2e/html_check.py page "$T/r.html" "$T/r.json" "$T/r.xlsx" \
    > "$T/page.txt" 2>&1
check_no_grep "the page as parsed" '^FAIL|Traceback' "$T/page.txt"
check_grep "the page as parsed: checks ran" '^ok 核对表' "$T/page.txt"
grep '^FAIL' "$T/page.txt" | head -5

timeout 120 $PY tests/e2e/html_check.py browser "$T/r.html" "$T/r.json" \
    ${SB_HTML_SHOT:+"$SB_HTML_SHOT"} > "$T/browser.txt" 2>&1
check_eq "in Chromium: ran" "$?" 0
check_eq "in Chromium: checks passed" "$(grep -c '^ok' "$T/browser.txt")" 15
grep -v '^ok' "$T/browser.txt" | head -10

# A failed write leaves nothing: the parent is a file.
: > "$T/file"
"$SHENBAO" check -q --html "$T/file/r.html" "$T/d" > /dev/null 2> "$T/err.txt"
check_eq "unwritable --html: exit 2" "$?" 2
check_grep "unwritable --html: named" 'file/r.html' "$T/err.txt"

# build writes check.html beside check.json, listing it: 80 rows of the
# green-design list (no charts, no 申报书 template).
mkdir -p "$T/g/annex"
cp inputs/green-design/form.csv "$T/g/"
head -n 80 inputs/green-design/annex/miit-green-design-products.csv \
    > "$T/g/annex/products.csv"
"$SHENBAO" build -q -o "$T/out" "$T/g" > "$T/build.txt" 2>&1
check_grep "build lists check.html" '/out/check.html$' "$T/build.txt"
check_eq "build's check.html: a row per finding of check.json" \
    "$(grep -c '<tr data-i=' "$T/out/check.html")" \
    "$(grep -c '"fingerprint"' "$T/out/check.json")"
finish
