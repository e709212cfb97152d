# --help, kith help COMMAND, --version, the man page, and the exit statuses
# of a command line CLI11 refuses: never CLI11's own (100 and up), always 2.
. "$(dirname "$0")/lib.sh"

: "${KITH_SOURCE_DIR:?}"
MAN_PAGE=$KITH_SOURCE_DIR/doc/kith.1

# The commands kith --help lists, one per line.
commands() {
	"$KITH" --help | sed -n '/^Subcommands:/,/^$/p' | sed -n 's/^  \([a-z-]*\) .*/\1/p'
}

test_expect_success 'kith --help lists every command, and exits 0' '
	run_kith --help
	expect_status 0
	commands >list
	[ "$(wc -l <list)" -ge 23 ] || fail "only $(wc -l <list) commands listed"
	for command in init add-contact request follow-up reply schedule log-meeting thank check-in note \
		move-on milestone due list show edit draft prepare pitch import export check completions; do
		grep -qx -- "$command" list || fail "$command is not listed"
	done
	expect_not_contains list merge-file
	expect_not_contains list __complete
'

test_expect_success 'every command has --help: its summary, its usage, its options and an example' '
	for command in $(commands); do
		run_kith $command --help
		expect_status 0
		summary=$("$KITH" --help | sed -n "s/^  $command  *//p")
		[ "$(head -1 out)" = "$summary" ] || fail "$command: first line $(head -1 out), not $summary"
		expect_contains out "Usage: kith $command [OPTIONS]"
		expect_contains out "-h,--help"
		grep -q "^Examples\?:$" out || fail "$command --help has no example"
		grep -qE "kith( --?[a-z-]+( [^ -][^ ]*)?)* $command( |\$)" out || fail "$command: no example runs it"
		expect_empty err
	done
'

test_expect_success 'kith help COMMAND is kith COMMAND --help, before or after global options' '
	for command in $(commands); do
		kith $command --help >expected
		run_kith help $command
		expect_status 0
		cmp out expected || fail "kith help $command differs"
	done
	kith due --help >expected
	run_kith --dir "$TRASH/nowhere" help due
	expect_status 0
	cmp out expected
'

test_expect_success 'kith help alone (or help help) is kith --help' '
	kith --help >expected
	run_kith help
	expect_status 0
	cmp out expected
	run_kith help help
	expect_status 0
	cmp out expected
'

test_expect_success 'kith help of a command that does not exist is a usage error that suggests one' '
	run_kith help shwo
	expect_status 2
	expect_contains err "unknown command '\''shwo'\''; did you mean '\''show'\''?"
	expect_empty out
'

test_expect_success '--version prints the version and exits 0, wherever it is' '
	run_kith --version
	expect_status 0
	grep -qx "kith [0-9][0-9.]*" out || fail "version: $(cat out)"
	run_kith --dir "$TRASH/nowhere" --version
	expect_status 0
'

# Each of these is refused by CLI11 itself; kith exits 2 with a one-line
# error, not CLI11's status (106 for a bad value, 109 for extras, ...).
test_expect_success 'a command line CLI11 refuses exits 2, with a kith error, never a status of 100 or more' '
	new_network
	kith add-contact "Priya Raman" >/dev/null
	while IFS="|" read -r line expected; do
		eval "set -- $line"
		run_kith "$@"
		[ "$status" -eq 2 ] || fail "kith $line: exit $status, not 2"
		grep -q "^kith: error: " err || fail "kith $line: $(cat err)"
		expect_contains err "$expected"
		expect_empty out
	done <<-\EOF
	--frobnicate due|--frobnicate
	due --frobnicate|--frobnicate
	due --format|--format
	due --format xml|xml not in {text,tsv,json,ics}
	due --format=xml|xml not in {text,tsv,json,ics}
	due --rule chase|chase not in
	--color blue due|blue not in {auto,always,never}
	list --stage hired|hired not in
	prepare priya --questions 99|99
	prepare priya --questions many|many
	draft poem priya|poem not in
	add-contact|NAME is required
	note priya|TEXT is required
	schedule priya|WHEN is required
	init one two|two
	show priya extra|extra
	pitch now|now
	completions|SHELL is required
	due --exit-code=maybe|maybe
	EOF
'

test_expect_success 'kith with no command prints the help to stderr and exits 2' '
	run_kith
	expect_status 2
	expect_empty out
	expect_contains err "Usage: kith [OPTIONS] SUBCOMMAND"
'

test_expect_success 'the man page renders without a warning' '
	MANWIDTH=80 man --warnings -l "$MAN_PAGE" >page 2>warnings
	expect_empty warnings
	expect_contains page "EXIT STATUS"
'

# The long options --help lists for a command (none: kith's own).
options_of() {
	"$KITH" ${1-} --help | sed -n '/^Options:/,/^$/p' | grep -o -- '^  \(-[a-z],\)\?--[a-z-]*' | sed 's/.*,//; s/^ *//'
}

# The man page's entry for command $1: from the .TP whose tag names it, in
# COMMANDS, to the next .TP, .SS or .SH; or the whole GLOBAL OPTIONS section.
man_entry() {
	awk -v name="$(printf '%s' "${1-}" | sed 's/-/\\\\-/g')" '
		/^\.SH / { section = $0; on = 0; if (name == "" && section == ".SH GLOBAL OPTIONS") on = 1; next }
		section != ".SH COMMANDS" { if (on) print; next }
		/^\.(TP|SS)/ { on = 0; tag = ($1 == ".TP"); next }
		tag { on = (($1 == ".B" || $1 == ".BR") && $2 == name); tag = 0 }
		on { print }
	' "$MAN_PAGE"
}

test_expect_success 'the man page has an entry for every command, naming each of its options' '
	for command in $(commands) help; do
		man_entry $command >entry
		[ -s entry ] || fail "the man page has no entry for $command"
		[ $command = help ] && continue  # kith help --help is kith --help
		for option in $(options_of $command | grep -vx -- --help); do
			grep -qF -- "$(echo $option | sed "s/-/\\\\-/g")" entry ||
				fail "the man page'\''s entry for $command does not name $option"
		done
	done
	man_entry >entry
	[ "$(options_of | wc -l)" -eq 6 ] || fail "kith --help lists $(options_of | wc -l) options, not 6"
	for option in $(options_of); do
		grep -qF -- "$(echo $option | sed "s/-/\\\\-/g")" entry || fail "GLOBAL OPTIONS lacks $option"
	done
	version=$(kith --version | cut -d" " -f2)
	grep -q "^\.TH KITH 1 .* \"kith $version\"" "$MAN_PAGE" || fail "the man page is not of kith $version"
'

test_expect_success 'the man page names every file, environment variable and exit status' '
	MANWIDTH=200 man -l "$MAN_PAGE" >page 2>/dev/null
	for word in kith.toml contacts/SLUG.toml templates/KIND.txt KITH_DIR KITH_TODAY XDG_DATA_HOME \
		VISUAL EDITOR NO_COLOR TZ; do
		expect_contains page "$word"
	done
	sed -n "/^EXIT STATUS/,/^EXAMPLES/p" page >statuses
	for status in 0 1 2 3; do
		grep -q "^       $status  " statuses || fail "exit status $status is not described"
	done
'

test_done
