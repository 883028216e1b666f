#!/bin/sh
# typeset_measure.sh: end-to-end measurements of the typesetting engine.
# Builds the demonstration 申报书 with $SB_BUILD/tools/typeset_demo and
# checks the PDF with pdfinfo, pdffonts, mutool (stext and outline, read
# by tests/e2e/typeset_stext.py) against GB/T 9704-2012 as notice 002
# asks. Last line: "N passed, N failed"; exit 1 on any failure.
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${SB_BUILD:-$top/build/release}
demo=$build/tools/typeset_demo
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { echo "PASS $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
check() { if [ "$2" -eq 0 ]; then ok "$1"; else bad "$1"; fi; }

if ! "$demo" "$tmp/a.pdf" >"$tmp/findings.txt" 2>"$tmp/err.txt"; then
    cat "$tmp/err.txt"
    bad "typeset_demo writes the PDF"
    echo "$passed passed, $failed failed"
    exit 1
fi
ok "typeset_demo writes the PDF ($(tail -n 1 "$tmp/findings.txt"))"

# 1. determinism: the same document twice gives the same bytes, for the
# report and for a streamed annex volume
"$demo" "$tmp/b.pdf" >/dev/null 2>&1
cmp -s "$tmp/a.pdf" "$tmp/b.pdf"
check "same input, identical PDF bytes (cmp): the demonstration 申报书" $?
"$build/tools/typeset_bench" "$tmp/v1.pdf" 3000 >"$tmp/bench.txt" 2>&1 &&
    "$build/tools/typeset_bench" "$tmp/v2.pdf" 3000 >/dev/null 2>&1 &&
    cmp -s "$tmp/v1.pdf" "$tmp/v2.pdf"
check "same input, identical PDF bytes (cmp): a 3000-row annex volume" $?
echo "INFO $(cat "$tmp/bench.txt")"
ls "$tmp" | grep -q '\.tmp$'
[ $? -ne 0 ]
check "no temporary file left behind" $?
! grep -q -a "CreationDate" "$tmp/a.pdf"
check "no CreationDate in the PDF" $?

# 2. a missing glyph is a finding naming the character and its location
grep -q "font.missing-glyph" "$tmp/findings.txt" &&
    grep -q "U+9555" "$tmp/findings.txt" && grep -q "设备接入" "$tmp/findings.txt"
check "镕 (U+9555) reported as font.missing-glyph with its section" $?

# links: 15 TOC entries + a reference to a heading + a URL over two lines,
# and a named destination for each of the 13 headings
links=$(grep -a -c '/Subtype /Link' "$tmp/a.pdf")
uri=$(grep -a -c '/URI (https://example.com/protocols)' "$tmp/a.pdf")
dests=$(mutool show "$tmp/a.pdf" trailer/Root/Names/Dests | grep -o '(h[0-9]*)' | sort -u | wc -l)
[ "$links" -eq 18 ] && [ "$uri" -ge 1 ] && [ "$dests" -eq 13 ]
check "links: $links annotations (TOC, reference, URL), $dests heading destinations" $?

# 3. every page is A4, portrait or landscape
pages=$(pdfinfo "$tmp/a.pdf" | awk '/^Pages:/ { print $2 }')
pdfinfo -f 1 -l "$pages" "$tmp/a.pdf" | awk '
    /^Page +[0-9]+ size:/ {
        n++
        if (!(($4 == "595.276" && $6 == "841.89") ||
              ($4 == "841.89" && $6 == "595.276"))) bad++
    }
    END { exit !(n > 0 && bad == 0) }'
check "all $pages pages A4" $?

# 4. fonts: embedded, subset, ToUnicode, only the four Fandol faces and
# the shipped fallback (镕 is not in Fandol: WenQuanYi Micro Hei draws it)
pdffonts "$tmp/a.pdf" | awk 'NR > 2 {
        n++
        if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad++
        name = $1; sub(/^[A-Z]+\+/, "", name)
        if (name !~ /^Fandol(Fang|Hei|Kai|Song)-Regular$/ && name != "WenQuanYiMicroHei") bad++
        if ($0 ~ /Type 3|Bold/) bad++
        print "INFO font " name
    }
    END { exit !(n > 0 && bad == 0) }'
check "fonts embedded, subset, ToUnicode; only Fandol Regular faces and the fallback" $?

# 5. geometry, grid, 避头尾, headings, TOC, outline, tables (stext)
mutool draw -F stext -o "$tmp/a.xml" "$tmp/a.pdf" 2>/dev/null
mutool show "$tmp/a.pdf" outline >"$tmp/outline.txt" 2>/dev/null
python3 "$top/tests/e2e/typeset_stext.py" "$tmp/a.xml" "$tmp/outline.txt" \
    >"$tmp/stext.txt" 2>&1
cat "$tmp/stext.txt"
p=$(grep -c '^PASS' "$tmp/stext.txt")
f=$(grep -c '^FAIL' "$tmp/stext.txt")
[ "$p" -gt 0 ] || f=$((f + 1))
passed=$((passed + p))
failed=$((failed + f))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
