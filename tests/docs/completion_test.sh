#!/usr/bin/env bash
# The shell completions, run in their real shell: bash through the completion function with
# COMP_WORDS/COMP_CWORD (bash-completion loaded), zsh through a pseudo-terminal (zsh/zpty,
# zsh_complete.zsh), fish with `complete -C`. Expected words come from the built binary's
# help, so a new subcommand or option the completion lacks fails here. Drive names come from a
# `discrec` on PATH that replays the captured sysfs tree tests/fixtures/sysfs/mixed.
# Usage: completion_test.sh bash|zsh|fish DISCREC SOURCE_DIR   (exit 77: that shell is missing)
set -u
sh=$1 bin=$2 src=$3
pass=0 fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
command -v python3 >/dev/null || { echo "python3 missing (drive names): skipped"; exit 77; }
case $sh in
    bash) bc=/usr/share/bash-completion/bash_completion
          [ -r "$bc" ] || { echo "bash-completion missing: skipped"; exit 77; } ;;
    zsh) command -v zsh >/dev/null || { echo "zsh missing: skipped"; exit 77; }
         zsh -fc 'zmodload zsh/zpty' 2>/dev/null || { echo "zsh/zpty missing: skipped"; exit 77; } ;;
    fish) command -v fish >/dev/null || { echo "fish missing: skipped"; exit 77; } ;;
    *) echo "unknown shell $sh" >&2; exit 2 ;;
esac
mkdir "$tmp/bin"
printf '#!/bin/sh\nexec "%s" --sysroot "%s/tests/fixtures/sysfs/mixed" "$@"\n' "$bin" "$src" \
    >"$tmp/bin/discrec"
chmod +x "$tmp/bin/discrec"
export PATH=$tmp/bin:$PATH HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data

# candidates LINE: what the shell offers when Tab is pressed at the end of LINE, one a line.
candidates() {
    case $sh in
        bash) bash --norc --noprofile -c '
            source "$1"; source "$2/completions/discrec.bash"
            read -ra COMP_WORDS <<<"$3"; [[ $3 == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=$3; COMP_POINT=${#3}
            _discrec discrec "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf "%s\n" "${COMPREPLY[@]}"' bash "$bc" "$src" "$1" ;;
        zsh) zsh -f "$src/tests/docs/zsh_complete.zsh" "$src/completions" "$1" ;;
        fish) fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
                  "$src/completions/discrec.fish" "$1" | cut -f1 ;;
    esac 2>"$tmp/err" | sort -u
}
# expect LINE WORD...: every WORD is among the candidates for LINE.
expect() {
    local line=$1 w missing=(); shift
    candidates "$line" >"$tmp/got"
    for w in "$@"; do grep -qxF -- "$w" "$tmp/got" || missing+=("$w"); done
    if [ ${#missing[@]} -eq 0 ]; then
        pass=$((pass + 1)); echo "ok - '$line' offers $*"
    else
        fail=$((fail + 1))
        echo "not ok - '$line' lacks ${missing[*]}; offered: $(tr '\n' ' ' <"$tmp/got") $(head -c 300 "$tmp/err")"
    fi
}
# reject LINE WORD...: no WORD is among the candidates for LINE.
reject() {
    local line=$1 w extra=(); shift
    candidates "$line" >"$tmp/got"
    for w in "$@"; do grep -qxF -- "$w" "$tmp/got" && extra+=("$w"); done
    if [ ${#extra[@]} -eq 0 ]; then
        pass=$((pass + 1)); echo "ok - '$line' does not offer $*"
    else
        fail=$((fail + 1)); echo "not ok - '$line' offers ${extra[*]}"
    fi
}
help_section() { awk -v s="$1" '/^[A-Z][A-Za-z ]*:$/ { on = ($0 == s); next } on && /^  [^ ]/'; }
# The option column of an Options: entry (its description may name other options).
option_specs() { awk '{ sub(/^  /, ""); split($0, f, /  +/); print f[1] }'; }
long_options() { grep -oE -- '(^|[ ,])--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z0-9-]+'; }

mapfile -t cmds < <("$bin" --help | help_section "Subcommands:" | awk '{ print $1 }')
expect "discrec " "${cmds[@]}"
mapfile -t global < <("$bin" --help | help_section "Options:" | option_specs | long_options)
expect "discrec --" "${global[@]}"
for c in "${cmds[@]}"; do
    mapfile -t opts < <("$bin" "$c" --help | help_section "Options:" | option_specs | long_options)
    expect "discrec $c --" "${opts[@]}"
done
reject "discrec eject --" --control --inhex-header --client
expect "discrec mode-pages --control " current changeable default saved
expect "discrec mode-pages -c " current changeable default saved
expect "discrec mode-pages --inhex-header " auto 10 6 none
expect "discrec mode-pages --page " caps error-recovery cd-audio all
expect "discrec features --feature " cd-read core real-time-streaming
expect "discrec features --feature cd-r" cd-read
reject "discrec features --feature cd-r" core
expect "discrec mo" mode-pages
expect "discrec --color " auto always never
expect "discrec list --color " auto always never
expect "discrec --color a" auto always
reject "discrec --color a" never
reject "discrec --color " /dev/sr0 sr0 list
# --color=WHEN: fish offers the whole word, bash and zsh the part after '='.
if [ "$sh" = fish ]; then expect "discrec --color=al" --color=always; else expect "discrec --color=al" always; fi
expect "discrec eject " /dev/sr0 /dev/sr4 sr0 sr4
expect "discrec --json info " /dev/sr0 sr2
expect "discrec media " /dev/sr0 sr2
expect "discrec me" media
expect "discrec decode " disc-info track-info toc session-info
expect "discrec decode --" --inhex --raw-in --msf
expect "discrec mode-pages " /dev/sr1 sr1
expect "discrec close-tray --wait " /dev/sr0 sr0
reject "discrec mcn --interval " /dev/sr0 sr0
reject "discrec list " /dev/sr0 sr0

echo "# $sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
