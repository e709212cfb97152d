# Text that reaches a terminal (SPEC §6): names, notes and fields from files
# or imports are printed to a terminal with control characters made visible,
# never as escape sequences (OSC 52 writes the clipboard); to a pipe or a
# file they go byte for byte. And the commands kith prints for pasting quote
# a slug that a shell would otherwise run as code.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
RLO=$(printf '\342\200\256')  # U+202E, right-to-left override
CSI=$(printf '\302\233')      # U+009B, the C1 control sequence introducer
# The raw bytes no terminal may get from a contact's text.
RAW="$ESC|$BEL|$RLO|$CSI"

# on_terminal OUT ERR CMD...: runs CMD with its stdout on one pseudo-terminal
# and its stderr on another, keeping the bytes each got (no \n to \r\n) in OUT
# and ERR and its exit status in $status.
on_terminal() {
	status=0
	python3 -c '
import os, pty, select, subprocess, sys, termios
def terminal():
    master, slave = pty.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    return master, slave
(out, out_slave), (err, err_slave) = terminal(), terminal()
child = subprocess.Popen(sys.argv[3:], stdin=subprocess.DEVNULL, stdout=out_slave, stderr=err_slave)
os.close(out_slave)
os.close(err_slave)
got = {out: b"", err: b""}
while got:
    for fd in select.select(list(got), [], [])[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if chunk:
            got[fd] += chunk
        else:
            open(sys.argv[1 if fd == out else 2], "wb").write(got.pop(fd))
sys.exit(child.wait())
' "$@" || status=$?
}

# kith_on_terminal KITH-ARGS...: kith on a terminal, as of 2026-11-23; its
# stdout in $TRASH/out, its stderr in $TRASH/err.
kith_on_terminal() { on_terminal "$TRASH/out" "$TRASH/err" "$KITH" --today 2026-11-23 "$@"; }

# kith_to_files KITH-ARGS...: the same with stdout and stderr files.
kith_to_files() { run_kith --today 2026-11-23 "$@"; }

# expect_no_raw FILE: FILE holds no escape, BEL, C1 control or bidi override.
expect_no_raw() {
	! grep -qaE "$RAW" "$1" || fail "raw control characters in $1: $(cat -v "$1")"
}

# A network whose contact Eve has a hostile name, company, source, role and
# note (as a hand-edited or cloned file can), in TOML's \u escapes.
hostile_network() {
	new_network
	sed -i 's/^# name = .*/name = "Helen Cho"/; s/^# headline = .*/headline = "a student"/; s/^# availability = .*/availability = "Mondays"/' net/kith.toml
	cat >net/contacts/eve.toml <<-\EOF
	name = "Eve \u001b]52;c;dG91Y2ggcHduZWQ=\u0007Mallory"
	company = "Acme \u202eexe.gnp"
	role = "Chief \u009b2J Officer"
	source = "the \u001b[2Jalumni\u0000 directory\u007f"

	[[event]]
	type = "requested"
	date = 2026-11-02
	note = "first line\nsecond \u001b[8mhidden\u001b[0m line\ttabbed"
	EOF
}

# What the name and note hold, as the files give them.
NAME="Eve $ESC]52;c;dG91Y2ggcHduZWQ=${BEL}Mallory"
COMPANY="Acme ${RLO}exe.gnp"
NOTE_LINE="second $ESC[8mhidden$ESC[0m line	tabbed"

test_expect_success 'show: on a terminal every control character is visible, tab and newline kept; a file gets the bytes' '
	hostile_network
	kith_on_terminal show eve
	expect_status 0
	expect_no_raw out
	expect_contains out "Eve ^[]52;c;dG91Y2ggcHduZWQ=^GMallory (eve)"
	expect_contains out "Acme <U+202E>exe.gnp"
	expect_contains out "Chief <U+009B>2J Officer"
	expect_contains out "the ^[[2Jalumni^@ directory^?"
	expect_contains out "second ^[[8mhidden^[[0m line	tabbed"
	grep -q "^ *first line\$" out || fail "the note lost its line break: $(cat -v out)"
	kith_to_files show eve
	expect_status 0
	expect_contains out "$NAME (eve)"
	expect_contains out "$COMPANY"
	expect_contains out "$NOTE_LINE"
'

test_expect_success 'prepare: the brief shows the text visibly on a terminal, and as it is in a file' '
	hostile_network
	kith_on_terminal prepare eve
	expect_status 0
	expect_no_raw out
	expect_contains out "# Meeting brief: Eve ^[]52;c;dG91Y2ggcHduZWQ=^GMallory"
	expect_contains out "Research Acme <U+202E>exe.gnp"
	kith_to_files prepare eve
	expect_status 0
	expect_contains out "# Meeting brief: $NAME"
	expect_contains out "Research $COMPANY"
'

test_expect_success 'draft: visible on a terminal; piped (to mail, the clipboard) byte for byte' '
	hostile_network
	kith_on_terminal draft request eve
	expect_status 0
	expect_no_raw out
	expect_contains out "Acme <U+202E>exe.gnp"
	expect_contains out "the ^[[2Jalumni^@ directory^?"
	kith --today 2026-11-23 draft request eve | cat >piped
	expect_contains piped "$COMPANY"
	grep -qaF "the $ESC[2Jalumni" piped || fail "the source changed in the pipe: $(cat -v piped)"
	tr -d "\\000" <piped >no-nul
	[ "$(wc -c <piped)" -eq "$(($(wc -c <no-nul) + 1))" ] || fail "the NUL did not reach the pipe"
'

test_expect_success 'due and list: text on a terminal is visible, in colour too; to a file as ever; machine formats visible on a terminal too' '
	hostile_network
	kith_on_terminal due
	expect_status 0
	expect_no_raw out
	expect_contains out "follow-up      Eve ^[]52;c;dG91Y2ggcHduZWQ=^GMallory: No reply"
	kith_on_terminal list
	expect_status 0
	expect_no_raw out
	expect_contains out "Eve ^[]52;c;dG91Y2ggcHduZWQ=^GMallory  eve   Acme <U+202E>exe.gnp  requested"
	kith_on_terminal --color always list
	expect_status 0
	grep -q "^$ESC\\[1mNAME" out || fail "no colour: $(cat -v out)"
	sed "s/$ESC\\[[0-9;]*m//g" out >uncoloured
	expect_no_raw uncoloured
	expect_contains uncoloured "Acme <U+202E>exe.gnp"
	kith_to_files due
	expect_contains out "follow-up      Eve  ]52;c;dG91Y2ggcHduZWQ= Mallory: No reply"
	kith_to_files list
	expect_contains out "Eve  ]52;c;dG91Y2ggcHduZWQ= Mallory  eve   $COMPANY  requested"
	# Machine formats too: on a terminal a person reads them; in a file they are as ever (t0006, t0017 pin them).
	for format in "due --format tsv" "due --format json" "due --format ics" "list --format tsv" \
		"list --format json" "show eve --format json" "export --format json" "export --format csv" \
		"export --format vcard"; do
		kith_on_terminal $format
		expect_no_raw out
	done
	kith_to_files export --format csv
	grep -q "$ESC" out || fail "export in a file lost its bytes"
'

test_expect_success 'import --verbose and --dry-run: the names from a vCard are visible on a terminal, as they are in a file' '
	new_network
	printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mal \033]52;c;eA==\007Lory\r\nORG:Evil \342\200\256Corp\r\nEND:VCARD\r\n" >hostile.vcf
	kith_on_terminal import vcard --dry-run hostile.vcf
	expect_status 0
	expect_no_raw out
	expect_contains out "hostile.vcf:1: would add Mal ^[]52;c;eA==^GLory as mal-52-c-ea-lory"
	kith_on_terminal import vcard --verbose hostile.vcf
	expect_status 0
	expect_no_raw out
	expect_contains out "hostile.vcf:1: added Mal ^[]52;c;eA==^GLory as mal-52-c-ea-lory"
	kith_on_terminal show mal
	expect_no_raw out
	expect_contains out "Evil <U+202E>Corp"
	kith_to_files import vcard --dry-run hostile.vcf
	expect_contains out "hostile.vcf:1: $(printf "Mal \033]52;c;eA==\007Lory") is already here as mal-52-c-ea-lory"
'

test_expect_success 'errors and warnings on a terminal show what the user typed or a file holds visibly' '
	hostile_network
	on_terminal out err "$KITH" show "$(printf "no\033]52;c;eA==\007one")"
	expect_status 2
	expect_no_raw err
	expect_contains err "kith: error: unknown contact '"'"'no^[]52;c;eA==^Gone'"'"'"
	kith_on_terminal check
	expect_status 1
	expect_no_raw out
	expect_contains out "contacts/eve.toml:1: the file name does not match the name '"'"'Eve ^[]52;c;dG91Y2ggcHduZWQ=^GMallory'"'"'"
	run_kith show "$(printf "no\033]52;c;eA==\007one")"
	expect_contains err "unknown contact '"'"'$(printf "no\033]52;c;eA==\007one")'"'"'"
'

test_expect_success 'a reminder for contacts/x;touch pwned;#.toml ends with a command that, pasted, runs kith and only kith' '
	new_network
	printf "name = \"X\"\n\n[[event]]\ntype = \"requested\"\ndate = 2026-11-02\n" >"net/contacts/x;touch pwned;#.toml"
	kith_to_files due --format tsv
	expect_status 0
	command=$(sed "s/.*Then: //" out)
	[ "$command" = "kith follow-up '"'"'x;touch pwned;#'"'"'" ] || fail "the command is: $command"
	mkdir bin && ln -s "$KITH" bin/kith
	PATH="$TRASH/bin:$PATH" sh -c "$command" >ran
	[ ! -e pwned ] || fail "pasting the command ran touch"
	expect_contains ran "Recorded followed-up for X (x;touch pwned;#)"
	grep -q "type = \"followed-up\"" "net/contacts/x;touch pwned;#.toml"
	kith_to_files prepare "x;touch pwned;#"
	expect_contains out "(kith draft thank '"'"'x;touch pwned;#'"'"')"
'

test_done
