# Bad input: every refusal exits with the status SPEC §6 gives, says why on
# stderr, prints nothing on stdout, and leaves the network as it was.
. "$(dirname "$0")/lib.sh"

SQ="'"

# Every command that records an event; C stands for the contact.
recording_commands=(
	"request C"
	"follow-up C"
	"reply C"
	"reply C --declined"
	"schedule C 2026-11-30"
	"log-meeting C"
	"thank C"
	"check-in C"
	"note C text"
	"move-on C"
)

# expect_refusal STATUS TEXT KITH-ARGS...: kith KITH-ARGS exits STATUS with
# `kith: error:` and TEXT on stderr, nothing on stdout, and changes no file.
expect_refusal() {
	local want=$1 text=$2 before
	shift 2
	before=$(snapshot)
	run_kith "$@"
	[ "$status" -eq "$want" ] || fail "kith $*: exit $status, not $want; stderr: $(cat err)"
	grep -q "^kith: error: " err || fail "kith $*: no 'kith: error:' on stderr: $(cat err)"
	grep -qF -- "$text" err || fail "kith $*: stderr lacks '$text': $(cat err)"
	[ ! -s out ] || fail "kith $*: printed on stdout: $(cat out)"
	[ "$(snapshot)" = "$before" ] || fail "kith $*: changed the network"
}

# A network holding Jordan Lee and Jordan Lopez, with some history.
jordans() {
	new_network
	kith add-contact "Jordan Lee" -q
	kith add-contact "Jordan Lopez" -q
	kith --today 2026-11-20 request jordan-lee -q
}

test_expect_success 'every recording command refuses an unknown contact' '
	jordans
	for row in "${recording_commands[@]}"; do
		expect_refusal 2 "kith: error: unknown contact ${SQ}nobody${SQ}" ${row/C/nobody}
	done
'

test_expect_success 'every recording command refuses an ambiguous prefix, listing both candidates' '
	jordans
	for row in "${recording_commands[@]}"; do
		expect_refusal 2 jordan-lee ${row/C/jordan-l}
		expect_contains err jordan-lopez
		expect_contains err ambiguous
	done
'

test_expect_success 'an exact slug wins over a prefix of a longer slug' '
	new_network
	kith add-contact "Jordan Lee" -q
	kith add-contact "Jordan Lee" -q 2>/dev/null
	cp net/contacts/jordan-lee-2.toml second
	run_kith note jordan-lee x
	expect_status 0
	expect_contains net/contacts/jordan-lee.toml "note = \"x\""
	cmp second net/contacts/jordan-lee-2.toml
'

# expect_bad_date TITLE DATE TEXT: every recording command (and milestone,
# and schedule as WHEN) refuses --date DATE with exit 2 and TEXT in the error.
expect_bad_date() {
	bad_date=$2 bad_text=$3
	test_expect_success "$1" '
		jordans
		for row in "${recording_commands[@]}" "milestone text"; do
			expect_refusal 2 "$bad_text" ${row/C/jordan-lee} --date "$bad_date"
		done
		expect_refusal 2 "$bad_text" schedule jordan-lee "$bad_date"
		expect_refusal 2 "$bad_text" --today "$bad_date" note jordan-lee x
	'
}
expect_bad_date 'a day the month lacks is an error, never moved to the next month' \
	2026-02-30 'February 2026 has no day 30'
expect_bad_date 'month 13 is an error' 2026-13-01 'month 13'
expect_bad_date 'hour 25 is an error' '2026-11-22 25:00' "'2026-11-22 25:00'"
expect_bad_date 'a date that is not one is an error that says what dates look like' \
	garbage "invalid date 'garbage': expected YYYY-MM-DD"

test_expect_success 'other malformed dates are errors' '
	jordans
	for d in 2026/11/22 2026-11-22T15 "2026-11-22 15:60" -3x + mon2 32d "next tuesday" " "; do
		expect_refusal 2 "invalid" note jordan-lee x --date "$d"
	done
'

test_expect_success 'an empty --date is an error, not "now"' '
	jordans
	expect_refusal 2 "invalid date" note jordan-lee x --date ""
	expect_refusal 2 "invalid date" milestone x --date ""
'

test_expect_success 'an unknown flag is refused by every command' '
	jordans
	for row in "${recording_commands[@]}" "milestone text" "add-contact Sam"; do
		expect_refusal 2 --bogus ${row/C/jordan-lee} --bogus
	done
	expect_refusal 2 --bogus --bogus note jordan-lee x
	expect_refusal 2 --via note jordan-lee x --via email
	expect_refusal 2 extra note jordan-lee x extra
'

test_expect_success 'a misspelled command is refused with the right one suggested' '
	jordans
	for pair in nte:note folow-up:follow-up log-meting:log-meeting milstone:milestone \
		chek-in:check-in add-contct:add-contact shedule:schedule; do
		expect_refusal 2 "did you mean ${SQ}${pair#*:}${SQ}" ${pair%%:*} jordan-lee
	done
'

test_expect_success 'usage errors after --today or --dir still name the real problem' '
	jordans
	expect_refusal 2 "did you mean ${SQ}note${SQ}" --today 2026-11-23 nte jordan-lee x
	expect_refusal 2 "did you mean ${SQ}note${SQ}" --dir "$TRASH/net" nte jordan-lee x
	expect_refusal 2 --bogus --today 2026-11-23 note jordan-lee x --bogus
	expect_not_contains err "unknown command"
	expect_refusal 2 required --today 2026-11-23 note jordan-lee
	expect_not_contains err "unknown command"
'

test_expect_success 'an empty note or milestone is refused' '
	jordans
	expect_refusal 2 "the note is empty" note jordan-lee ""
	expect_refusal 2 "the milestone is empty" milestone " "
'

test_expect_success 'help for an unknown command is an error with a suggestion' '
	jordans
	expect_refusal 2 "did you mean ${SQ}note${SQ}" help nte
	expect_refusal 2 "did you mean ${SQ}note${SQ}" nte --help
'

test_expect_success 'a missing argument is named as the help shows it' '
	jordans
	expect_refusal 2 "TEXT is required" note jordan-lee
	expect_refusal 2 "WHEN is required" schedule jordan-lee
'

test_expect_success 'a missing required argument is refused' '
	jordans
	for args in request follow-up reply schedule log-meeting thank check-in note move-on \
		"schedule jordan-lee" "note jordan-lee" milestone add-contact; do
		expect_refusal 2 required $args
	done
'

test_expect_success 'text that is not valid UTF-8 is refused, wherever it is given' '
	jordans
	bad=$(printf "caf\351")
	for row in "${recording_commands[@]}"; do
		case $row in
		note*) expect_refusal 2 UTF-8 note jordan-lee "$bad" ;;
		log-meeting*)
			expect_refusal 2 UTF-8 log-meeting jordan-lee --notes "$bad"
			expect_refusal 2 UTF-8 log-meeting jordan-lee --learned "$bad"
			expect_refusal 2 UTF-8 log-meeting jordan-lee --referral "$bad" ;;
		*) expect_refusal 2 UTF-8 ${row/C/jordan-lee} --note "$bad" ;;
		esac
	done
	expect_refusal 2 UTF-8 milestone "$bad"
	expect_refusal 2 UTF-8 add-contact "$bad"
	expect_refusal 2 UTF-8 add-contact Sam --note "$bad"
	expect_refusal 2 UTF-8 schedule jordan-lee tomorrow --where "$bad"
	printf "notes \377\n" >notes.md
	expect_refusal 2 UTF-8 log-meeting jordan-lee --notes-file notes.md
'

test_expect_success 'a contact file that does not parse is named with line:col and left byte for byte' '
	jordans
	printf "name = \"Ann Broken\"\nadded = 2026-11-01\ncompany = \"unterminated\n" >net/contacts/ann.toml
	cp net/contacts/ann.toml ann-before
	for row in "${recording_commands[@]}"; do
		expect_refusal 3 contacts/ann.toml ${row/C/ann}
		grep -qE "ann\.toml:3:[0-9]+: " err || fail "no line:col: $(cat err)"
	done
	cmp ann-before net/contacts/ann.toml
	ls -a net/contacts >files
	expect_not_contains files .tmp-
'

test_expect_success 'a contact file that breaks the format (unknown event type) is not appended to' '
	jordans
	printf "name = \"Ann\"\n\n[[event]]\ntype = \"lunch\"\ndate = 2026-11-01\n" >net/contacts/ann.toml
	expect_refusal 3 contacts/ann.toml note ann x
	grep -qE "ann\.toml:4:[0-9]+: " err || fail "no line:col: $(cat err)"
	expect_contains err lunch
'

test_expect_success 'a broken contact file does not stop recording for the others' '
	jordans
	printf "name = \n" >net/contacts/ann.toml
	run_kith note jordan-lopez x
	expect_status 0
	expect_contains net/contacts/jordan-lopez.toml "note = \"x\""
'

test_expect_success '--help on any command exits 0 and shows its usage' '
	new_network
	for cmd in init add-contact request follow-up reply schedule log-meeting thank \
		check-in note move-on milestone; do
		run_kith $cmd --help
		expect_status 0
		expect_contains out "Usage: kith $cmd"
		expect_empty err
	done
'

test_expect_success 'kith help COMMAND prints the same as COMMAND --help' '
	for cmd in note schedule log-meeting; do
		run_kith help $cmd
		expect_status 0
		mv out help-out
		run_kith $cmd --help
		cmp help-out out
	done
	run_kith help
	mv out help-out
	run_kith --help
	expect_status 0
	cmp help-out out
'

test_expect_success '--version exits 0 and prints the version' '
	run_kith --version
	expect_status 0
	grep -qE "^kith [0-9]+\.[0-9]+\.[0-9]+" out
'

test_expect_success 'log-meeting that cannot be recorded leaves no referral contacts behind' '
	new_network
	printf "name = \"Ann Lee\"\nevent = []\n" >net/contacts/ann-lee.toml
	expect_refusal 3 "cannot append an event to ${SQ}contacts/ann-lee.toml${SQ}" \
		log-meeting ann-lee --referral "Bob Ray"
	[ ! -e net/contacts/bob-ray.toml ]
'

test_expect_success 'log-meeting refuses a blank referral and the contact as its own referral' '
	jordans
	expect_refusal 2 "cannot be empty" log-meeting jordan-lee --referral "Sam Park" --referral " "
	expect_refusal 2 "not a referral" log-meeting jordan-lee --referral "Sam Park" --referral "Jordan Lee"
'

test_expect_success 'help works after global options too' '
	jordans
	run_kith --dir "$TRASH/net" help note
	expect_status 0
	kith note --help >expected
	cmp expected out
'

test_expect_success 'a bad --today says it came from --today' '
	jordans
	expect_refusal 2 "(from --today)" --today 2026-02-30 note jordan-lee x
'

# What the options say is checked before the network is looked for, so that
# outside any network the real mistake is named, not "no kith network".
test_expect_success 'a bad date or duration is named before a missing network' '
	mkdir net  # no kith.toml: no network
	export KITH_DIR="$TRASH/net" HOME="$TRASH" XDG_DATA_HOME="$TRASH/data"
	for command in "request p --date 2026-02-30" "note p x --date 2026-02-30" "thank p --date 2026-02-30" \
		"reply p --declined --date 2026-02-30" "follow-up p --date 2026-02-30" "check-in p --date 2026-02-30" \
		"move-on p --date 2026-02-30" "log-meeting p --date 2026-02-30" "schedule p 2026-02-30" \
		"milestone news --date 2026-02-30"; do
		expect_refusal 2 "has no day 30" $command || return 1
		expect_not_contains err "no kith network" || return 1
	done
	expect_refusal 2 "invalid duration" add-contact Ann --keep-in-touch zz
	expect_refusal 2 "invalid duration" due --within zz
	expect_refusal 2 "cannot read" log-meeting p --notes-file "$TRASH/missing"
	expect_not_contains err "no kith network"
'

test_expect_success 'a bad KITH_TODAY stops only the commands that read a date' '
	new_network
	export KITH_TODAY=bogus
	run_kith completions bash
	expect_status 0
	run_kith check
	expect_status 0
	run_kith pitch
	expect_status 0
	expect_refusal 2 "(from KITH_TODAY)" due
'

test_done
