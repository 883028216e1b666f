# bash completion for shenbao(1): commands, each command's options, and
# the values of --format, --color, --theme, --lang, --form (the editions there
# are) and -a/--annex (the default edition's annexes).
_shenbao()
{
    local cur prev cmd opts
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "check inspect charts deck build xlsx batch
            report init volumes editions diff --help --version" -- "$cur"))
        return
    fi
    cmd=${COMP_WORDS[1]}
    case $prev in
    -f|--format) COMPREPLY=($(compgen -W "text json junit" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --theme) COMPREPLY=($(compgen -W "defense document" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --form)
        COMPREPLY=($(compgen -W "$(shenbao editions -f json 2>/dev/null |
            sed -n 's/.*"code": "\([^"]*\)".*/\1/p')" -- "$cur"))
        return ;;
    -a|--annex) # the default edition's annexes, as a usage error lists them
        COMPREPLY=($(compgen -W "evidence $(shenbao inspect -a '?' /dev/null 2>&1 |
            sed -n 's/.*one of: \([^;]*\).*/\1/p' | tr -d ,)" -- "$cur"))
        return ;;
    -o|--output|-j|--junit|--baseline|--write-baseline|--from|--fonts|--tmpdir|--summary)
        COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        opts=$(shenbao "$cmd" --help 2>/dev/null |
            grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _shenbao shenbao
