# bash completion for discrec
_discrec_drives() {
    discrec list --json 2>/dev/null | python3 -c 'import json,sys
try:
    for d in json.load(sys.stdin)["drives"]: print(d["block_device"]); print(d["name"])
except Exception: pass' 2>/dev/null
}

_discrec() {
    local cur prev words cword
    _init_completion || return
    local commands="list info"
    local global="--json --trace --quiet -q --help -h --version -V"
    local cmd="" w
    for w in "${words[@]:1:cword-1}"; do
        case $w in list|info) cmd=$w; break ;; esac
    done
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
        return
    fi
    case $cmd in
        list) COMPREPLY=($(compgen -W "$global" -- "$cur")) ;;
        info)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$global" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$(_discrec_drives)" -- "$cur"))
            fi ;;
    esac
}
complete -F _discrec discrec
