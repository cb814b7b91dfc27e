# fish completion for discrec: subcommands, their options and values, and drive names asked
# of `discrec list --json` (reads sysfs only: fast, needs no privilege).

function __discrec_drives
    discrec list --json 2>/dev/null | python3 -c 'import json, sys
try:
    for d in json.load(sys.stdin)["drives"]:
        print(d["block_device"] or d["generic_device"]); print(d["name"])
except Exception:
    pass' 2>/dev/null
end

set -l __discrec_cmds list info media speeds structure eject close-tray lock mcn mode-pages features profiles send decode check wait watch
set -l __discrec_drive_cmds info media speeds structure eject close-tray lock mcn mode-pages features profiles send check wait watch

complete -c discrec -f
# Global options
complete -c discrec -s h -l help -d 'Print help and exit'
complete -c discrec -s V -l version -n "not __fish_seen_subcommand_from $__discrec_cmds" -d 'Print the version'
complete -c discrec -l json -d 'Print one JSON document on stdout'
complete -c discrec -l trace -d 'Print every command sent on stderr'
complete -c discrec -s q -l quiet -d 'Print no notes on stderr, only errors'
complete -c discrec -l color -x -a 'auto always never' -d 'Colour text output (auto: on a terminal, not with NO_COLOR)'
complete -c discrec -l sysroot -r -a '(__fish_complete_directories)' -d 'Read sys/, dev/, proc/ under DIR'
complete -c discrec -l record -r -F -d 'Write every command and OS fact to FILE'
complete -c discrec -l replay -r -F -d 'Answer every command and OS fact from FILE'

# Subcommands
set -l __discrec_top "not __fish_seen_subcommand_from $__discrec_cmds"
complete -c discrec -n $__discrec_top -a list -d 'List optical drives (reads sysfs only)'
complete -c discrec -n $__discrec_top -a info -d 'Identity, profiles, features, mode pages, media state'
complete -c discrec -n $__discrec_top -a media -d 'What is in the drive: media type, disc status, tracks, TOC, capacity'
complete -c discrec -n $__discrec_top -a speeds -d 'Write speeds for the medium in the drive and its read performance'
complete -c discrec -n $__discrec_top -a structure -d 'Read a DVD or BD disc structure (READ DISC STRUCTURE) of any format'
complete -c discrec -n $__discrec_top -a eject -d 'Open the tray / eject the medium'
complete -c discrec -n $__discrec_top -a close-tray -d 'Close the tray (load the medium)'
complete -c discrec -n $__discrec_top -a lock -d 'Lock or unlock the tray, or hold the drive exclusively'
complete -c discrec -n $__discrec_top -a mcn -d 'Show or set the media change polling'
complete -c discrec -n $__discrec_top -a mode-pages -d 'Read and decode the mode pages'
complete -c discrec -n $__discrec_top -a features -d 'Every MMC feature the drive reports'
complete -c discrec -n $__discrec_top -a profiles -d 'Every profile the drive supports'
complete -c discrec -n $__discrec_top -a send -d 'Send one raw CDB (read-only unless allowed)'
complete -c discrec -n $__discrec_top -a decode -d 'Decode a saved answer of a drive (inquiry, configuration, toc ...)'
complete -c discrec -n $__discrec_top -a watch -d 'Report drive and media events until stopped'
complete -c discrec -n $__discrec_top -a wait -d 'Wait until a drive reaches a state, bounded'
complete -c discrec -n $__discrec_top -a check -d 'Assert facts about drives and media (exit 10 when one fails)'

complete -c discrec -n '__fish_seen_subcommand_from list' -l ids -d 'Also ask each drive for its unique ids'

# Drive names after every subcommand but list
complete -c discrec -n "__fish_seen_subcommand_from $__discrec_drive_cmds" -a '(__discrec_drives)'

# Per-subcommand options
complete -c discrec -n '__fish_seen_subcommand_from eject' -l unmount -d 'Unmount the medium first'
complete -c discrec -n '__fish_seen_subcommand_from eject' -l force -d 'Eject even if mounted or locked'
complete -c discrec -n '__fish_seen_subcommand_from close-tray' -l wait -d 'Then wait (up to SECONDS, default 30) until ready'
complete -c discrec -n '__fish_seen_subcommand_from lock' -l off -d 'Unlock the tray'
complete -c discrec -n '__fish_seen_subcommand_from lock' -l status -d 'Show the lock state'
complete -c discrec -n '__fish_seen_subcommand_from lock' -l exclusive -d 'Hold the drive exclusively while COMMAND runs'
complete -c discrec -n '__fish_seen_subcommand_from lock' -l force -d 'With --exclusive: unmount first'
complete -c discrec -n '__fish_seen_subcommand_from lock' -l client -x -d 'With --exclusive: owner name'
complete -c discrec -n '__fish_seen_subcommand_from mcn' -l on -d 'Poll at the system default interval'
complete -c discrec -n '__fish_seen_subcommand_from mcn' -l off -d 'Stop polling the drive'
complete -c discrec -n '__fish_seen_subcommand_from mcn' -l interval -x -d 'Poll every MS milliseconds'
complete -c discrec -n '__fish_seen_subcommand_from features profiles mode-pages' -l inhex -r -F -d 'Decode a saved response'
complete -c discrec -n '__fish_seen_subcommand_from features profiles mode-pages' -l raw-in -d 'With --inhex: raw binary'
complete -c discrec -n '__fish_seen_subcommand_from features' -l current -d 'Only the current features'
complete -c discrec -n '__fish_seen_subcommand_from features' -l feature -x -a 'profile-list core morphing removable-medium cd-read dvd-read random-readable real-time-streaming drive-serial-number firmware-information' -d 'Only these features'
complete -c discrec -n '__fish_seen_subcommand_from features' -l raw -d 'Also show descriptors in hex'
complete -c discrec -n '__fish_seen_subcommand_from mode-pages' -s p -l page -x -a 'error-recovery write verify-error-recovery caching cd cd-audio power informational-exceptions timeout-protect caps all' -d 'Pages to show'
complete -c discrec -n '__fish_seen_subcommand_from mode-pages' -s c -l control -x -a 'current changeable default saved' -d 'Which values'
complete -c discrec -n '__fish_seen_subcommand_from mode-pages' -s r -l raw -d 'Also print the bytes in hex'
complete -c discrec -n '__fish_seen_subcommand_from mode-pages' -l inhex-header -x -a 'auto 10 6 none' -d 'With --inhex: the header'
complete -c discrec -n '__fish_seen_subcommand_from send' -l in -x -d 'Receive up to LENGTH bytes'
complete -c discrec -n '__fish_seen_subcommand_from send' -l out -r -F -d 'Send the bytes of FILE'
complete -c discrec -n '__fish_seen_subcommand_from send' -l timeout -x -d 'Give the drive SECONDS (default 20)'
complete -c discrec -n '__fish_seen_subcommand_from send' -l binary -d 'Write only the data bytes to stdout'
complete -c discrec -n '__fish_seen_subcommand_from send' -l allow-write -d 'Allow state-changing, writing, unknown commands'
complete -c discrec -n '__fish_seen_subcommand_from send' -l allow-firmware -d 'With --allow-write: WRITE BUFFER too'
complete -c discrec -n '__fish_seen_subcommand_from decode' -a 'inquiry vpd sense configuration mode-sense gesn mechanism-status capacity disc-info track-info toc session-info format-capacities performance full-toc pma atip cd-text sub-channel rpc volume disc-structure' -d 'Kind of answer'
complete -c discrec -n '__fish_seen_subcommand_from decode' -l inhex -r -F -d 'The saved answer (hex; - for stdin)'
complete -c discrec -n '__fish_seen_subcommand_from decode' -l raw-in -d 'FILE holds raw binary'
complete -c discrec -n '__fish_seen_subcommand_from media' -l ready-wait -x -d 'Ask a drive becoming ready again for up to SECONDS'
complete -c discrec -n '__fish_seen_subcommand_from decode' -l msf -d 'Addresses are MSF'
set -l __discrec_profiles 'cd-rom cd-r cd-rw dvd-rom dvd-r dvd-ram dvd-rw-ro dvd-rw-seq dvd-r-dl-seq dvd-r-dl-jump dvd-rw-dl dvd+rw dvd+r dvd+rw-dl dvd+r-dl bd-rom bd-r-srm bd-r-rrm bd-re'
set -l __discrec_check '__fish_seen_subcommand_from check'
complete -c discrec -n $__discrec_check -l medium -d 'A medium is in the drive'
complete -c discrec -n $__discrec_check -l no-medium -d 'No medium is in the drive'
complete -c discrec -n $__discrec_check -l tray -x -a 'open closed' -d 'The tray is open or closed'
complete -c discrec -n $__discrec_check -l ready -d 'The medium is ready'
complete -c discrec -n $__discrec_check -l profile -x -a $__discrec_profiles -d 'The current profile (repeated: any of)'
complete -c discrec -n $__discrec_check -l can-read -x -a $__discrec_profiles -d 'The drive reads this profile'
complete -c discrec -n $__discrec_check -l can-write -x -a $__discrec_profiles -d 'The drive writes this profile'
complete -c discrec -n $__discrec_check -l feature -x -a 'profile-list core morphing removable-medium cd-read dvd-read random-readable real-time-streaming drive-serial-number firmware-information' -d 'This feature is current'
complete -c discrec -n $__discrec_check -l blank -d 'The medium is blank'
complete -c discrec -n $__discrec_check -l appendable -d 'The medium is appendable'
complete -c discrec -n $__discrec_check -l complete -d 'The medium is closed'
complete -c discrec -n $__discrec_check -l writable -d 'The medium is not write protected'
complete -c discrec -n $__discrec_check -l min-free -x -d 'At least SIZE free (k/M/G/T, or sectors with s)'
complete -c discrec -n $__discrec_check -l locked -d 'The tray is locked'
complete -c discrec -n $__discrec_check -l unlocked -d 'The tray is not locked'
complete -c discrec -n $__discrec_check -l not-mounted -d 'The medium is not mounted'
complete -c discrec -n $__discrec_check -l not-held -d 'No other process has the drive open'
complete -c discrec -n $__discrec_check -l vendor -x -d 'The vendor matches REGEX'
complete -c discrec -n $__discrec_check -l product -x -d 'The product matches REGEX'
complete -c discrec -n $__discrec_check -l revision -x -d 'The revision matches REGEX'
complete -c discrec -n $__discrec_check -l min-drives -x -d 'Fewer drives than N is a failed check'
complete -c discrec -n '__fish_seen_subcommand_from wait' -l for -x -a 'medium no-medium ready tray-open tray-closed blank not-held' -d 'The state to wait for'
complete -c discrec -n '__fish_seen_subcommand_from wait' -l timeout -x -d 'Give up after SECONDS (default 60)'
complete -c discrec -n '__fish_seen_subcommand_from wait' -l interval -x -d 'Poll every MS milliseconds (default 500)'
complete -c discrec -n '__fish_seen_subcommand_from decode' -l type -x -a '0 3' -d 'performance: the Type asked of GET PERFORMANCE'
complete -c discrec -n '__fish_seen_subcommand_from watch' -l interval -x -d 'Look every MS milliseconds (default 1000)'
complete -c discrec -n '__fish_seen_subcommand_from watch' -l timeout -x -d 'End after SECONDS'
complete -c discrec -n '__fish_seen_subcommand_from watch' -l count -x -d 'End after N events'
complete -c discrec -n '__fish_seen_subcommand_from structure decode' -l format -x -a '0x00 0x01 0x04 0x0e 0x0f 0x11 0xc0 0xff' -d 'READ DISC STRUCTURE Format Code'
complete -c discrec -n '__fish_seen_subcommand_from structure decode' -l media-type -x -a 'dvd bd' -d 'READ DISC STRUCTURE Media Type'
complete -c discrec -n '__fish_seen_subcommand_from structure' -l layer -x -d 'Layer number (default 0)'
complete -c discrec -n '__fish_seen_subcommand_from structure' -l address -x -d 'Address field (default 0)'
