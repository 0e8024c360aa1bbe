# bash completion for kcity (installed as share/bash-completion/completions/kcity).
# Commands, each command's options, the values of --format, --lang, --method and --color, and
# the track ids of the call in the current folder (./rules/*.yaml) for --track. Standalone: it
# needs nothing from the bash-completion package.

_kcity_tracks() {
    local f id
    for f in rules/*.yaml rules/*.yml; do
        [ -f "$f" ] || continue
        id=${f##*/}
        id=${id%.*}
        case $id in program | history | decisions | panel) continue ;; esac
        printf '%s\n' "$id"
    done
}

_kcity() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local commands="score check explain diff robustness panel sheets letters init verify"
    local cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            score | check | explain | diff | robustness | panel | sheets | letters | init | verify)
                cmd=${COMP_WORDS[i]}
                break
                ;;
        esac
    done

    local call="--rules --scores --lang --quiet --help"
    local report="--format --output --strict"
    local opts formats=""
    case $cmd in
        score)
            opts="$call $report --method --track --list --color --no-bom --committee --meeting-date --approval --attest --robustness --seed --weights --no-resample"
            formats="text markdown json csv html"
            ;;
        check)
            opts="$call $report"
            formats="text json github"
            ;;
        explain)
            opts="$call $report --method"
            formats="text json"
            ;;
        diff)
            opts="$call $report --method --base --base-rules --base-scores --detailed-exitcode"
            formats="text markdown json"
            ;;
        robustness)
            opts="$call $report --runs --seed --weights --no-resample --track --method --attest"
            formats="text markdown json html"
            ;;
        panel)
            opts="$call $report --track --attest"
            formats="text markdown json html"
            ;;
        sheets)
            opts="$call --output-dir --format --reviewer"
            formats="xlsx csv"
            ;;
        letters)
            opts="$call --output-dir --format --panel --attest"
            formats="html markdown text"
            ;;
        init) opts="--year --lang --quiet --help" ;;
        verify) opts="--call --lang --quiet --help" ;;
        *) opts="--version --help" ;;
    esac

    case $prev in
        --format)
            mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur")
            return
            ;;
        --lang)
            mapfile -t COMPREPLY < <(compgen -W "ko en" -- "$cur")
            return
            ;;
        --method)
            mapfile -t COMPREPLY < <(compgen -W "merit optimal" -- "$cur")
            return
            ;;
        --color)
            mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
            return
            ;;
        --track)
            mapfile -t COMPREPLY < <(compgen -W "$(_kcity_tracks)" -- "$cur")
            return
            ;;
        --rules | --output-dir | --base | --base-rules | --call)
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            return
            ;;
        --scores | --base-scores | --output | --attest)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        --year | --committee | --meeting-date | --approval | --reviewer | --runs | --seed | --weights) return ;;
    esac

    if [ -z "$cmd" ]; then
        mapfile -t COMPREPLY < <(compgen -W "$commands --version --help" -- "$cur")
    elif [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

complete -o filenames -F _kcity kcity
