#!/bin/sh
# End-to-end (on the sources): no C file outside tests/ names an
# edition, a field code, an annex code or a notice's wording; they are
# data in pipeline/forms/ (see no_edition_in_c.py for what is looked for).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
scan=$top/tests/e2e/no_edition_in_c.py

python3 "$scan" "$top" > "$E2E_TMP/leaks.txt"
rc=$?
check_grep "the sources were scanned" '^[0-9]+ found$' "$E2E_TMP/leaks.txt"
if [ "$rc" -eq 0 ]; then
    pass
else
    fail "editions named in C:"
    grep -v '^[0-9]* found$' "$E2E_TMP/leaks.txt" | sed 's/^/    /'
fi

# The scan finds what it looks for: a tree with the same editions and a
# C file naming a field code, an annex code and an edition.
t=$E2E_TMP/planted
mkdir -p "$t/pipeline/x" "$t/reports"
cp -r "$top/pipeline/forms" "$t/pipeline/"
ed=$(basename "$(ls -d "$top"/pipeline/forms/*/ | head -n 1)")
field=$(awk -F, 'NR == 2 { print $1 }' "$top/pipeline/forms/$ed/fields.csv")
annex=$(awk -F, 'NR == 2 { print $1 }' "$top/pipeline/forms/$ed/annexes.csv")
cat > "$t/pipeline/x/leak.c" <<EOC
/* the form of $ed */
static const char *f = "$field";
static const char *a = "count($annex)"; /* "$field" in a comment is fine */
EOC
python3 "$scan" "$t" > "$E2E_TMP/planted.txt"
check_eq "a planted leak fails the scan" "$?" 1
check_grep "the edition in a comment is found" \
    "^pipeline/x/leak.c:1: edition $ed" "$E2E_TMP/planted.txt"
check_grep "the field code is found" \
    "^pipeline/x/leak.c:2: \"$field\"" "$E2E_TMP/planted.txt"
check_grep "the annex code inside a literal is found" \
    "^pipeline/x/leak.c:3: \"$annex\"" "$E2E_TMP/planted.txt"
check_eq "a code in a comment is not a literal" \
    "$(grep -c '^pipeline/x/leak.c:3:' "$E2E_TMP/planted.txt")" 1
finish
