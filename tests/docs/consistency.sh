#!/usr/bin/env bash
# "One source of truth": the built binary's own help (CLI11) is the reference. Every
# subcommand and long option it has must be named in the man page, the README and each shell
# completion; and none of them may name a subcommand or long option the binary does not have.
# Usage: consistency.sh DISCREC SOURCE_DIR
set -u
bin=$1
src=$2
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The "Subcommands:" / "Options:" sections of CLI11's help: entries are indented two spaces.
help_section() { awk -v s="$1" '/^[A-Z][A-Za-z ]*:$/ { on = ($0 == s) ; next } on && /^  [^ ]/' ; }
# The option column of an Options: entry (its description may name other options).
option_specs() { awk '{ sub(/^  /, ""); split($0, f, /  +/); print f[1] }'; }
long_options() { grep -oE -- '(^|[^-a-zA-Z0-9_])--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z0-9-]+'; }

"$bin" --help >"$tmp/help" || { echo "not ok - discrec --help failed"; exit 1; }
help_section "Subcommands:" <"$tmp/help" | awk '{ print $1 }' | sort -u >"$tmp/cmds"
help_section "Options:" <"$tmp/help" | option_specs | long_options >"$tmp/opts"
[ -s "$tmp/cmds" ] || { echo "not ok - no subcommands parsed from discrec --help"; exit 1; }
while read -r cmd; do
    "$bin" "$cmd" --help >"$tmp/help-$cmd" || { echo "not ok - discrec $cmd --help failed"; fail=1; }
    help_section "Options:" <"$tmp/help-$cmd" | option_specs | long_options >>"$tmp/opts"
done <"$tmp/cmds"
sort -u -o "$tmp/opts" "$tmp/opts"
echo "# CLI: $(wc -l <"$tmp/cmds") subcommands, $(wc -l <"$tmp/opts") long options"

# Plain text of a document: roff escapes resolved (\- is -, font changes dropped), and other
# programs' command lines cut out (sg_get_config --hex, cmake --build, ...) up to ; | & or
# the end of the line, since their options are not discrec's.
plain() {
    if [[ $1 == *.fish ]]; then
        # fish spells options `-l NAME` and `-s X`; its own `complete -c discrec` is no command.
        sed -E -e 's/complete -c discrec/complete/' -e 's/ -l ([a-z][a-z0-9-]*)/ --\1/g' \
            -e 's/ -s ([a-zA-Z])/ -\1/g' "$1"
        return
    fi
    sed -E -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\\(..//g' -e 's/\\[|&]/ /g' "$1" |
        sed -E 's/(sg_[a-z_]+|cmake|apt-get|wodim|cdrecord|jq)( [^;|&]*)?//g'
}
# Subcommands a document names: `discrec [GLOBAL-OPTIONS] WORD` in code spans, commands,
# synopsis and examples (prose like "discrec exits" is not a command line).
named_cmds() {
    case $1 in
        *.1) grep -E '^(\.[BI]R? +"?)?discrec +(-|[a-z])' ;;
        *.md) grep -oE '(`|^\$ |& )discrec( +-[-a-z]+)* +[a-z][a-z-]*' ;;
        *) grep -oE '(^|[^_a-z])discrec( +-[-a-z]+)* +[a-z][a-z-]*' ;;
    esac | sed -E -e 's/^[^d]*discrec//' -e 's/--sysroot +[^ ]+//' -e 's/ -[-a-zA-Z]+//g' |
        awk '{ print $1 }' | grep -E '^[a-z][a-z-]*$'
}

check_doc() {
    local doc=$1 kind=$2 missing=() unknown=() w
    [ -f "$src/$doc" ] || { echo "not ok - $doc is missing"; fail=1; return; }
    plain "$src/$doc" >"$tmp/doc"
    while read -r w; do
        grep -qE -- "(^|[^-a-z0-9])${w}([^-a-z0-9]|\$)" "$tmp/doc" || missing+=("$w")
    done < <(cat "$tmp/opts")
    while read -r w; do
        case $kind in
            man) grep -qE "^\.B[IR]? +\"?${w}( |\"|\$)" "$tmp/doc" ;;
            md) grep -qE "^\| \`discrec ${w}( |\`)" "$tmp/doc" ;;
            *) grep -qE -- "(^|[^-a-z0-9])${w}([^-a-z0-9]|\$)" "$tmp/doc" ;;
        esac || missing+=("$w")
    done <"$tmp/cmds"
    while read -r w; do
        grep -qxF -- "$w" "$tmp/opts" || unknown+=("$w")
    done < <(long_options <"$tmp/doc" | sort -u)
    while read -r w; do
        grep -qxF -- "$w" "$tmp/cmds" || unknown+=("$w")
    done < <(named_cmds "$doc" <"$tmp/doc" | sort -u)
    if [ ${#missing[@]} -eq 0 ]; then
        echo "ok - $doc names every subcommand and long option"
    else
        echo "not ok - $doc does not name: ${missing[*]}"; fail=1
    fi
    if [ ${#unknown[@]} -eq 0 ]; then
        echo "ok - $doc names nothing discrec lacks"
    else
        echo "not ok - $doc names what discrec does not have: ${unknown[*]}"; fail=1
    fi
}

# Exit codes: the codes `discrec --help` lists under "Exit status:" are exactly those of the
# man page's EXIT STATUS section and of the README's "Exit codes" table.
help_codes=$(awk '/^Exit status:$/ { on = 1; next } on && /^  [0-9]+ / { print $1 }' "$tmp/help" | sort -n | tr '\n' ' ')
man_codes=$(awk '/^\.SH EXIT STATUS/ { on = 1; next } /^\.SH/ { on = 0 } on && /^\.B [0-9]+$/ { print $2 }' \
    "$src/man/discrec.1" | sort -n | tr '\n' ' ')
readme_codes=$(awk '/^## Exit codes/ { on = 1; next } /^## / { on = 0 } on && /^\| [0-9]+ \|/ { print $2 }' \
    "$src/README.md" | sort -n | tr '\n' ' ')
if [ -n "$help_codes" ] && [ "$help_codes" = "$man_codes" ] && [ "$help_codes" = "$readme_codes" ]; then
    echo "ok - exit codes agree: $help_codes(--help, man page, README)"
else
    echo "not ok - exit codes differ: --help '$help_codes', man page '$man_codes', README '$readme_codes'"; fail=1
fi

check_doc man/discrec.1 man
check_doc README.md md
check_doc completions/discrec.bash completion
for f in completions/_discrec completions/discrec.fish; do
    [ -f "$src/$f" ] && check_doc "$f" completion
done
exit $fail
