#!/bin/sh
# End-to-end: make install into a temporary DESTDIR, then the installed
# shenbao, run from another directory with no SHENBAO_DATADIR, finds its
# editions and fonts beside itself: check and report on the sample. The
# man page renders without a groff warning, the bash completion loads
# and completes, make uninstall leaves no file behind.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
top=$(cd "$(dirname "$0")/../.." && pwd)
flavour=$(basename "${SB_BUILD:-$top/build/release}")
R=$T/root
P=/opt/sb

env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -s -C "$top" \
    install FLAVOUR="$flavour" PREFIX=$P DESTDIR="$R" > "$T/install.log" 2>&1
check_eq "make install exits 0" "$?" 0
for f in bin/shenbao share/man/man1/shenbao.1 \
    share/bash-completion/completions/shenbao share/doc/shenbao/LICENSE \
    share/doc/shenbao/CHANGELOG.md share/shenbao/fonts/fonts.conf \
    share/shenbao/fonts/FandolFang-Regular.otf share/shenbao/fonts/COPYING \
    share/shenbao/pipeline/forms/platform-2023/edition.csv; do
    check "installed: $f" test -s "$R$P/$f"
done
check_eq "every edition installed" \
    "$(cd "$R$P/share/shenbao/pipeline/forms" && find . -type f | sort | cksum)" \
    "$(cd "$top/pipeline/forms" && find . -type f | sort | cksum)"

mkdir "$T/elsewhere"
cp -r "$top/inputs/sample" "$T/sample"
cd "$T/elsewhere" || exit 2
env -u SHENBAO_DATADIR "$R$P/bin/shenbao" check -q ../sample > "$T/check.txt" 2>&1
check_eq "installed check on the sample exits 0" "$?" 0
check_grep "installed check: the sample is clean" '^0 errors, 0 warnings' "$T/check.txt"
env -u SHENBAO_DATADIR "$R$P/bin/shenbao" report -o "$T/r.pdf" ../sample \
    > "$T/report.txt" 2>&1
rc=$?
check_eq "installed report exits 0 or 1" "$((rc <= 1))" 1
check_grep "installed report: a PDF" '^%PDF' "$T/r.pdf"
pdffonts "$T/r.pdf" > "$T/fonts.txt" 2>&1
check_grep "installed report: the bundled Fandol faces, embedded" \
    'Fandol.* yes ' "$T/fonts.txt"
cd "$top" || exit 2

groff -man -Tutf8 -ww -P-cbou -rLL=250n -rHY=0 "$R$P/share/man/man1/shenbao.1" \
    > "$T/man.txt" 2> "$T/man.err"
check_eq "man page: groff -ww has no warning" "$(cat "$T/man.err")" ""
for c in check inspect charts deck build xlsx batch report init volumes editions diff; do
    check_grep "man page: command $c" "^       $c" "$T/man.txt"
done
for o in $(grep -oE '^    " +(-[a-z], )?--[a-z-]+' reports/cli/main.c |
        grep -oE -- '--[a-z-]+' | sort -u); do
    check_grep "man page: option $o" "$o" "$T/man.txt"
done
for s in "EXIT STATUS" ENVIRONMENT FILES EXAMPLES SHENBAO_DATADIR NO_COLOR; do
    check_grep "man page: $s" "$s" "$T/man.txt"
done
check_eq "bash completion: completes the command" "$(PATH=$R$P/bin:$PATH bash -c '
    . "$1"; COMP_WORDS=(shenbao chec); COMP_CWORD=1; _shenbao; echo "${COMPREPLY[*]}"' \
    - "$R$P/share/bash-completion/completions/shenbao")" "check"

env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -s -C "$top" \
    uninstall FLAVOUR="$flavour" PREFIX=$P DESTDIR="$R" > "$T/uninstall.log" 2>&1
check_eq "make uninstall exits 0" "$?" 0
check_eq "make uninstall leaves no file" "$(find "$R" -type f | wc -l)" 0

finish
