# bash completion for discrec                                   -*- shell-script -*-

# Drive names, asked of `discrec list` (reads sysfs only: fast, needs no privilege).
_discrec_drives() {
    discrec list --json 2>/dev/null | python3 -c 'import json, sys
try:
    for d in json.load(sys.stdin)["drives"]:
        print(d["block_device"] or d["generic_device"]); print(d["name"])
except Exception:
    pass' 2>/dev/null
}

_discrec() {
    local cur prev words cword
    _init_completion -s || return  # -s: --color=WHEN completes like --color WHEN

    local global="--json --trace --quiet -q --color --sysroot --record --replay --help -h --version -V"
    local -A opts=(
        [list]="--ids"
        [info]=""
        [media]="--ready-wait"
        [speeds]=""
        [structure]="--format --layer --address --media-type"
        [eject]="--unmount --force"
        [close-tray]="--wait"
        [lock]="--off --status --exclusive --force --client"
        [mcn]="--on --off --interval"
        [features]="--current --feature --raw --inhex --raw-in"
        [profiles]="--inhex --raw-in"
        [mode-pages]="--page -p --control -c --raw -r --inhex --raw-in --inhex-header"
        [send]="--in --out --timeout --binary --allow-write --allow-firmware"
        [decode]="--inhex --raw-in --msf --type --format --media-type"
        [wait]="--for --timeout --interval"
        [watch]="--interval --timeout --count"
        [check]="--medium --no-medium --tray --ready --profile --can-read --can-write --feature --blank --appendable --complete --writable --min-free --locked --unlocked --not-mounted --not-held --vendor --product --revision --min-drives"
    )
    local cmd="" w i
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        [[ $w == -- ]] && { [[ $cmd == lock ]] && { _command_offset $((i + 1)); return; }; }
        if [[ -n ${opts[$w]+set} ]]; then cmd=$w; break; fi
    done

    case $prev in
        --sysroot) _filedir -d; return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --inhex|--out|--record|--replay) _filedir; return ;;
        --feature) COMPREPLY=($(compgen -W "profile-list core morphing removable-medium cd-read dvd-read random-readable real-time-streaming drive-serial-number firmware-information" -- "$cur")); return ;;
        --page|-p) COMPREPLY=($(compgen -W "error-recovery write verify-error-recovery caching cd cd-audio power informational-exceptions timeout-protect caps all" -- "$cur")); return ;;
        --control|-c) COMPREPLY=($(compgen -W "current changeable default saved" -- "$cur")); return ;;
        --inhex-header) COMPREPLY=($(compgen -W "auto 10 6 none" -- "$cur")); return ;;
        --for) COMPREPLY=($(compgen -W "medium no-medium ready tray-open tray-closed blank not-held" -- "$cur")); return ;;
        --tray) COMPREPLY=($(compgen -W "open closed" -- "$cur")); return ;;
        --profile|--can-read|--can-write) COMPREPLY=($(compgen -W "cd-rom cd-r cd-rw dvd-rom dvd-r dvd-ram dvd-rw-ro dvd-rw-seq dvd-r-dl-seq dvd-r-dl-jump dvd-rw-dl dvd+rw dvd+r dvd+rw-dl dvd+r-dl bd-rom bd-r-srm bd-r-rrm bd-re" -- "$cur")); return ;;
        --type) COMPREPLY=($(compgen -W "0 3" -- "$cur")); return ;;
        --media-type) COMPREPLY=($(compgen -W "dvd bd" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "0x00 0x01 0x04 0x0e 0x0f 0x11 0xc0 0xff" -- "$cur")); return ;;
        --layer|--address) return ;;
        --min-free|--vendor|--product|--revision|--min-drives) return ;;
        --client|--interval|--in|--timeout|--ready-wait|--count) return ;;  # --wait takes an optional SECONDS: offer drives
    esac
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "${!opts[*]} $global" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "${opts[$cmd]} $global" -- "$cur"))
    elif [[ $cmd == decode ]]; then
        COMPREPLY=($(compgen -W "inquiry vpd sense configuration mode-sense gesn mechanism-status capacity disc-info track-info toc session-info format-capacities performance full-toc pma atip cd-text sub-channel rpc volume disc-structure" -f -- "$cur"))
    elif [[ $cmd != list ]]; then
        COMPREPLY=($(compgen -W "$(_discrec_drives)" -- "$cur"))
    fi
}
complete -F _discrec discrec
