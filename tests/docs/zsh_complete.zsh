#!/usr/bin/env zsh
# Prints the candidates zsh's completion system offers for a command line, one a line, by
# typing LINE and a Tab into an interactive zsh in a pseudo-terminal (zsh/zpty); compadd is
# wrapped there to print each match it adds (after matching against what was typed).
# Usage: zsh_complete.zsh COMPLETION_DIR LINE
emulate -L zsh
zmodload zsh/zpty || exit 77
local dir=$1 cmdline=$2 init=${TMPDIR:-/tmp}/zsh-complete-init.$$
cat >$init <<INIT
PS1= PROMPT= RPROMPT=
unsetopt zle_bracketed_paste 2>/dev/null
fpath=($dir \$fpath)
autoload -U compinit && compinit -u -D
bindkey '^I' complete-word
compadd() {
    if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "\$@"; return; fi
    local -a __hits
    builtin compadd -A __hits "\$@"
    local h; for h in \$__hits; do print -r -- "CAND:\$h"; done
    builtin compadd "\$@"
}
__done() { print -r -- 'CAND-END'; exit }
comppostfuncs=(__done)
print -r -- 'INIT-DONE'
INIT
zpty z zsh -f -i
zpty -w z "source $init"
local line out=() state=init
integer tries=0
while (( tries < 200 )); do
    if ! zpty -rt z line; then
        (( tries++ )); sleep 0.05
        continue
    fi
    line=${line%$'\r'}; line=${line%$'\n'}; line=${line%$'\r'}
    if [[ $state == init && $line == INIT-DONE* ]]; then
        state=query; zpty -w -n z "$cmdline"$'\t'
    elif [[ $state == query && $line == *CAND-END* ]]; then
        state=done; break
    elif [[ $state == query && $line == *CAND:* ]]; then
        out+=("${line#*CAND:}")
    fi
done
zpty -d z
rm -f $init
[[ $state == done ]] || { print -u2 "zsh_complete: no answer for '$cmdline' ($state)"; exit 1; }
print -rl -- $out
