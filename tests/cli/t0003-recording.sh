# Recording commands: each appends one [[event]] (or [[milestone]]) to the end
# of a file, keeping every earlier byte, and says what it recorded.
. "$(dirname "$0")/lib.sh"

SQ="'"

# remember FILE: keep a copy, so that expect_appended can tell what a command added.
remember() { cp "$1" "$TRASH/before"; }

# expect_appended FILE <<EOF ... EOF: FILE holds the remembered bytes, unchanged,
# followed by exactly the lines given.
expect_appended() {
	local size
	size=$(wc -c <"$TRASH/before")
	head -c "$size" "$1" | cmp -s - "$TRASH/before" || fail "earlier bytes of $1 changed"
	tail -c +"$((size + 1))" "$1" >"$TRASH/appended"
	cat >"$TRASH/expected"
	cmp -s "$TRASH/expected" "$TRASH/appended" || fail "$(diff -u "$TRASH/expected" "$TRASH/appended")"
}

# toml_value FILE KEY...: the value at that path of FILE as tomllib reads it,
# written exactly (no newline added); a number indexes an array, -1 is the last.
toml_value() {
	python3 -c '
import sys, tomllib
v = tomllib.load(open(sys.argv[1], "rb"))
for k in sys.argv[2:]:
    v = v[int(k)] if k.lstrip("-").isdigit() else v[k]
sys.stdout.buffer.write(v.encode() if isinstance(v, str) else repr(v).encode())
' "$@"
}

# expect_records TITLE STDOUT KITH-ARGS... <<EOF ... EOF: in a network holding
# Jordan Lee, `kith --today 2026-11-23 KITH-ARGS...` prints the line STDOUT and
# appends exactly the lines given to contacts/jordan-lee.toml.
expect_records() {
	rec_title=$1 rec_stdout=$2
	rec_expected=$(cat)
	shift 2
	rec_args=("$@")
	test_expect_success "$rec_title" '
		new_network
		kith add-contact "Jordan Lee" -q
		remember net/contacts/jordan-lee.toml
		run_kith --today 2026-11-23 "${rec_args[@]}"
		expect_status 0
		expect_empty err
		[ "$(cat out)" = "$rec_stdout" ] || fail "stdout: $(cat out)"
		printf "%s\n" "$rec_expected" | expect_appended net/contacts/jordan-lee.toml
	'
}

title='request appends a requested event with via and note'
expect_records "$title" 'Recorded requested for Jordan Lee (jordan-lee) on 2026-11-23' \
	request jordan-lee --via email --note 'Asked for 20 minutes about battery research' <<\EOF

[[event]]
type = "requested"
date = 2026-11-23
via = "email"
note = "Asked for 20 minutes about battery research"
EOF

title='request without options appends only type and date, the bare --today date'
expect_records "$title" 'Recorded requested for Jordan Lee (jordan-lee) on 2026-11-23' \
	request jordan <<\EOF

[[event]]
type = "requested"
date = 2026-11-23
EOF

title='follow-up appends a followed-up event'
expect_records "$title" 'Recorded followed-up for Jordan Lee (jordan-lee) on 2026-11-20' \
	follow-up jordan-lee --date 2026-11-20 --via linkedin --note 'Bumped the thread' <<\EOF

[[event]]
type = "followed-up"
date = 2026-11-20
via = "linkedin"
note = "Bumped the thread"
EOF

title='reply appends a replied event'
expect_records "$title" 'Recorded replied for Jordan Lee (jordan-lee) on 2026-11-23' \
	reply "jordan lee" --note 'Happy to talk next week' <<\EOF

[[event]]
type = "replied"
date = 2026-11-23
note = "Happy to talk next week"
EOF

title='reply --declined appends a declined event'
expect_records "$title" 'Recorded declined for Jordan Lee (jordan-lee) on 2026-11-23' \
	reply jordan-lee --declined --note 'Too busy this quarter' <<\EOF

[[event]]
type = "declined"
date = 2026-11-23
note = "Too busy this quarter"
EOF

title='schedule "2026-11-25 15:00" --where appends a scheduled event with at as a local datetime'
expect_records "$title" 'Recorded scheduled for Jordan Lee (jordan-lee) on 2026-11-23, for a meeting on 2026-11-25 15:00' \
	schedule jordan-lee '2026-11-25 15:00' --where 'Acme HQ, room 4' <<\EOF

[[event]]
type = "scheduled"
date = 2026-11-23
at = 2026-11-25T15:00:00
where = "Acme HQ, room 4"
EOF

title='schedule WHEN as a weekday is the next one; --virtual is recorded'
expect_records "$title" 'Recorded scheduled for Jordan Lee (jordan-lee) on 2026-11-23, for a meeting on 2026-11-26' \
	schedule jordan-lee thu --virtual --where https://meet.example/abc <<\EOF

[[event]]
type = "scheduled"
date = 2026-11-23
at = 2026-11-26
where = "https://meet.example/abc"
virtual = true
EOF

# Regression: WHEN "mon" on Monday 2026-11-23 was once written as that same
# day; SPEC §3 says a future weekday is the next one, strictly after today.
title='schedule WHEN naming today'\''s weekday is a week ahead, never today'
expect_records "$title" 'Recorded scheduled for Jordan Lee (jordan-lee) on 2026-11-23, for a meeting on 2026-11-30' \
	schedule jordan-lee mon <<\EOF

[[event]]
type = "scheduled"
date = 2026-11-23
at = 2026-11-30
EOF

title='schedule --date is when it was arranged; WHEN stays relative to today'
expect_records "$title" 'Recorded scheduled for Jordan Lee (jordan-lee) on 2026-11-20, for a meeting on 2026-11-25' \
	schedule jordan-lee +2d --date 2026-11-20 <<\EOF

[[event]]
type = "scheduled"
date = 2026-11-20
at = 2026-11-25
EOF

title='log-meeting appends a met event with notes and each --learned'
expect_records "$title" 'Recorded met for Jordan Lee (jordan-lee) on 2026-11-20 15:00' \
	log-meeting jordan-lee --date '2026-11-20 15:00' --notes 'Typical week: lab, then meetings' \
	--learned 'Postdocs matter less in industry' --learned 'Learn Python' <<\EOF

[[event]]
type = "met"
date = 2026-11-20T15:00:00
notes = "Typical week: lab, then meetings"
learned = [ "Postdocs matter less in industry", "Learn Python" ]
EOF

title='thank appends a thanked event'
expect_records "$title" 'Recorded thanked for Jordan Lee (jordan-lee) on 2026-11-23' \
	thank jordan-lee --via email <<\EOF

[[event]]
type = "thanked"
date = 2026-11-23
via = "email"
EOF

title='check-in appends a checked-in event'
expect_records "$title" 'Recorded checked-in for Jordan Lee (jordan-lee) on 2026-11-23' \
	check-in jordan-lee --note 'Sent the article on solid-state cells' <<\EOF

[[event]]
type = "checked-in"
date = 2026-11-23
note = "Sent the article on solid-state cells"
EOF

title='note C TEXT appends a note event'
expect_records "$title" 'Recorded note for Jordan Lee (jordan-lee) on 2026-11-23' \
	note jordan-lee 'Likes pour-over coffee' <<\EOF

[[event]]
type = "note"
date = 2026-11-23
note = "Likes pour-over coffee"
EOF

title='move-on appends a moved-on event'
expect_records "$title" 'Recorded moved-on for Jordan Lee (jordan-lee) on 2026-11-23' \
	move-on jordan-lee --note 'No answer after two tries' <<\EOF

[[event]]
type = "moved-on"
date = 2026-11-23
note = "No answer after two tries"
EOF

test_expect_success 'milestone appends a [[milestone]] to kith.toml' '
	new_network
	remember net/kith.toml
	run_kith --today 2026-11-23 milestone "Accepted an offer at Acme Batteries"
	expect_status 0
	[ "$(cat out)" = "Recorded milestone on 2026-11-23: Accepted an offer at Acme Batteries" ]
	expect_appended net/kith.toml <<-\EOF

	[[milestone]]
	date = 2026-11-23
	text = "Accepted an offer at Acme Batteries"
	EOF
	remember net/kith.toml
	run_kith --today 2026-11-23 milestone "Chose the industry path" --date 2026-11-20
	expect_appended net/kith.toml <<-\EOF

	[[milestone]]
	date = 2026-11-20
	text = "Chose the industry path"
	EOF
'

# --- log-meeting: notes from a file, and referrals ---------------------------

test_expect_success 'log-meeting --notes-file FILE keeps the file'\''s text exactly' '
	new_network
	kith add-contact "Jordan Lee" -q
	printf "# Notes\n\n- a typical week\n- \"advice\": network early\n" >notes.md
	run_kith --today 2026-11-23 log-meeting jordan-lee --notes-file notes.md
	expect_status 0
	toml_value net/contacts/jordan-lee.toml event -1 notes >actual
	cmp notes.md actual
	[ "$(toml_value net/contacts/jordan-lee.toml event -1 type)" = met ]
'

test_expect_success 'log-meeting --notes-file - reads the notes from standard input' '
	new_network
	kith add-contact "Jordan Lee" -q
	printf "from stdin\nsecond line\n" >notes.md
	run_kith --today 2026-11-23 log-meeting jordan-lee --notes-file - <notes.md
	expect_status 0
	toml_value net/contacts/jordan-lee.toml event -1 notes >actual
	cmp notes.md actual
'

# In a network holding Jordan Lee (the one met) and Alex Doe.
referral_network() {
	new_network
	kith add-contact "Jordan Lee" -q
	kith add-contact "Alex Doe" --company Acme -q
	cp net/contacts/alex-doe.toml alex-before
	remember net/contacts/jordan-lee.toml
}

test_expect_success 'log-meeting --referral names an existing contact by its exact slug' '
	referral_network
	run_kith --today 2026-11-23 log-meeting jordan-lee --referral alex-doe
	expect_status 0
	expect_appended net/contacts/jordan-lee.toml <<-\EOF

	[[event]]
	type = "met"
	date = 2026-11-23
	referrals = [ "alex-doe" ]
	EOF
	cmp alex-before net/contacts/alex-doe.toml
	[ "$(ls net/contacts | wc -l)" = 2 ]
'

test_expect_success 'log-meeting --referral names an existing contact by exact name, any case' '
	referral_network
	run_kith --today 2026-11-23 log-meeting jordan-lee --referral "aLEX dOE"
	expect_status 0
	expect_contains net/contacts/jordan-lee.toml "referrals = [ \"alex-doe\" ]"
	cmp alex-before net/contacts/alex-doe.toml
	[ "$(ls net/contacts | wc -l)" = 2 ]
'

test_expect_success 'log-meeting --referral matches an accented name in any case' '
	referral_network
	kith add-contact "Zoë O${SQ}Brien" -q
	run_kith --today 2026-11-23 log-meeting jordan-lee --referral "ZOË O${SQ}BRIEN"
	expect_status 0
	expect_contains net/contacts/jordan-lee.toml "referrals = [ \"zoe-obrien\" ]"
	[ ! -e net/contacts/zoe-obrien-2.toml ]
'

test_expect_success 'log-meeting --referral with a new name adds a contact referred by the one met' '
	referral_network
	run_kith --today 2026-11-23 log-meeting jordan-lee --referral "Sam Park"
	expect_status 0
	expect_contains out sam-park
	expect_file_equals net/contacts/sam-park.toml <<-\EOF
	name = "Sam Park"
	referred_by = "jordan-lee"
	added = 2026-11-23
	EOF
	expect_contains net/contacts/jordan-lee.toml "referrals = [ \"sam-park\" ]"
'

test_expect_success 'log-meeting --referral never matches by prefix: a prefix is a new contact' '
	referral_network
	run_kith --today 2026-11-23 log-meeting jordan-lee --referral Alex --referral alex-d
	expect_status 0
	expect_contains net/contacts/jordan-lee.toml "referrals = [ \"alex\", \"alex-d\" ]"
	expect_contains net/contacts/alex.toml "name = \"Alex\""
	expect_contains net/contacts/alex.toml "referred_by = \"jordan-lee\""
	expect_contains net/contacts/alex-d.toml "referred_by = \"jordan-lee\""
	cmp alex-before net/contacts/alex-doe.toml
'

# --- dates --------------------------------------------------------------------

# expect_note_date WRITTEN ARGS...: `kith --today 2026-11-25 note jordan-lee x ARGS...`
# (a Wednesday) writes `date = WRITTEN`.
expect_note_date() {
	date_written=$1
	shift
	date_args=("$@")
	test_expect_success "note ${*:-without --date} records date = $date_written" '
		new_network
		kith add-contact "Jordan Lee" -q
		run_kith --today 2026-11-25 note jordan-lee x "${date_args[@]}"
		expect_status 0
		[ "$(grep "^date = " net/contacts/jordan-lee.toml)" = "date = $date_written" ] ||
			fail "$(grep "^date = " net/contacts/jordan-lee.toml)"
	'
}
expect_note_date 2026-11-25
expect_note_date 2026-11-22 --date -3d
expect_note_date 2026-11-22 --date=-3d
expect_note_date 2026-11-18 --date -1w
expect_note_date 2026-11-24 --date yesterday
expect_note_date 2026-11-25 --date today
expect_note_date 2026-11-23 --date mon
expect_note_date 2026-11-25 --date wed
expect_note_date 2026-11-19 --date thu
expect_note_date 2026-11-20 --date 2026-11-20
expect_note_date 2026-11-20T15:00:00 --date '2026-11-20 15:00'
expect_note_date 2026-11-20T15:00:00 --date 2026-11-20T15:00

test_expect_success 'KITH_TODAY acts like --today' '
	new_network
	kith add-contact "Jordan Lee" -q
	KITH_TODAY=2026-11-25 run_kith note jordan-lee x --date yesterday
	expect_status 0
	expect_contains net/contacts/jordan-lee.toml "date = 2026-11-24"
'

test_expect_success 'without --date nor --today, the event is dated now, with the time' '
	new_network
	kith add-contact "Jordan Lee" -q
	before=$(date +%F)
	run_kith note jordan-lee x
	after=$(date +%F)
	expect_status 0
	line=$(grep "^date = " net/contacts/jordan-lee.toml)
	case "$line" in
	"date = ${before}T"??:??:?? | "date = ${after}T"??:??:??) ;;
	*) fail "unexpected $line" ;;
	esac
'

# --- --quiet, warnings ----------------------------------------------------------

test_expect_success 'every recording command prints nothing with --quiet, and still records' '
	new_network
	kith add-contact "Jordan Lee" -q
	for args in "request jordan-lee" "follow-up jordan-lee" "reply jordan-lee" \
		"reply jordan-lee --declined" "schedule jordan-lee tomorrow" "log-meeting jordan-lee" \
		"log-meeting jordan-lee --referral Sam" "thank jordan-lee" "check-in jordan-lee" \
		"note jordan-lee hi" "move-on jordan-lee" "milestone Offer"; do
		size=$(cat net/kith.toml net/contacts/jordan-lee.toml | wc -c)
		run_kith --today 2026-11-23 --quiet $args
		expect_status 0
		[ ! -s out ] || fail "kith --quiet $args printed: $(cat out)"
		[ "$(cat net/kith.toml net/contacts/jordan-lee.toml | wc -c)" -gt "$size" ] ||
			fail "kith --quiet $args recorded nothing"
	done
	[ -f net/contacts/sam.toml ]
'

test_expect_success 'the first follow-up to a request draws no warning' '
	new_network
	kith add-contact "Jordan Lee" -q
	kith --today 2026-11-23 request jordan-lee --date -20d -q
	run_kith --today 2026-11-23 follow-up jordan-lee --date -6d
	expect_status 0
	expect_empty err
'

test_expect_success 'a second follow-up with no reply warns that this is the third attempt' '
	new_network
	kith add-contact "Jordan Lee" -q
	kith --today 2026-11-23 request jordan-lee --date -20d -q
	kith --today 2026-11-23 follow-up jordan-lee --date -6d -q
	remember net/contacts/jordan-lee.toml
	run_kith --today 2026-11-23 follow-up jordan-lee
	expect_status 0
	expect_contains err "kith: warning:"
	expect_contains err "third attempt"
	expect_contains err "move-on"
	expect_contains out "Recorded followed-up"
	expect_appended net/contacts/jordan-lee.toml <<-\EOF

	[[event]]
	type = "followed-up"
	date = 2026-11-23
	EOF
'

test_expect_success 'a follow-up after their reply draws no warning' '
	new_network
	kith add-contact "Jordan Lee" -q
	kith --today 2026-11-23 request jordan-lee --date -20d -q
	kith --today 2026-11-23 follow-up jordan-lee --date -6d -q
	kith --today 2026-11-23 reply jordan-lee --date -2d -q
	run_kith --today 2026-11-23 follow-up jordan-lee
	expect_status 0
	expect_empty err
'

# --- hand-edited files ------------------------------------------------------------

test_expect_success 'appending keeps every byte of a hand-edited file, even without a final newline' '
	new_network
	f=net/contacts/jordan-lee.toml
	printf "%s\n" "# Jordan, from the spring career fair" \
		"name   =   \"Jordan Lee\"     # odd spacing, kept" \
		"tags=[\"fair\",  \"chem\"]" "favourite_tea = \"oolong\"  # unknown key" "" "" \
		"[[event]]" "type=\"note\"" "date=2026-11-01  # by hand" >$f
	printf "note = '\''literal, no newline at the end'\''" >>$f
	for args in "note jordan-lee x" "request jordan-lee --via email" \
		"schedule jordan-lee 2026-11-30 --virtual" "log-meeting jordan-lee --referral Sam"; do
		remember $f
		run_kith --today 2026-11-23 $args
		expect_status 0
		size=$(wc -c <before)
		head -c "$size" $f | cmp -s - before || fail "kith $args changed earlier bytes"
		[ "$(wc -c <$f)" -gt "$size" ] || fail "kith $args appended nothing"
	done
	[ "$(toml_value $f event 0 note)" = "literal, no newline at the end" ]
	[ "$(toml_value $f event -1 type)" = met ]
	[ "$(toml_value $f favourite_tea)" = oolong ]
'

test_expect_success 'appending keeps every byte of a file with CRLF line ends' '
	new_network
	f=net/contacts/jordan-lee.toml
	printf "name = \"Jordan Lee\"\r\n# a comment\r\nadded = 2026-11-01\r\n" >$f
	remember $f
	run_kith --today 2026-11-23 note jordan-lee x
	expect_status 0
	expect_appended $f <<-\EOF

	[[event]]
	type = "note"
	date = 2026-11-23
	note = "x"
	EOF
'

test_expect_success 'milestone keeps every byte of a hand-edited kith.toml' '
	new_network
	printf "[me]\nname = \"Helen Cho\"  # me\n\n[policy]\nthank_within = \"48h\"" >net/kith.toml
	remember net/kith.toml
	run_kith --today 2026-11-23 milestone "Offer"
	expect_status 0
	size=$(wc -c <before)
	head -c "$size" net/kith.toml | cmp - before
	[ "$(toml_value net/kith.toml policy thank_within)" = 48h ]
	[ "$(toml_value net/kith.toml milestone -1 text)" = Offer ]
'

# --- text that needs escaping ------------------------------------------------------

# expect_round_trip TITLE TEXT: TEXT, given as a note, a --note, meeting --notes,
# --learned, --where, a milestone and add-contact --note, reads back identical.
expect_round_trip() {
	trip_text=$2
	test_expect_success "$1 reads back identical from every text option" '
		new_network
		kith add-contact "Jordan Lee" -q
		printf %s "$trip_text" >expected
		c=net/contacts/jordan-lee.toml
		# check KITH-ARGS -- FILE KEY...: after kith KITH-ARGS, FILE at KEY... holds the text.
		check() {
			local args=() file
			while [ "$1" != -- ]; do args+=("$1"); shift; done
			shift
			file=$1
			shift
			run_kith --today 2026-11-23 "${args[@]}"
			expect_status 0
			toml_value "$file" "$@" >actual
			cmp -s expected actual || fail "kith ${args[0]}: $(od -c actual | head -5)"
		}
		check note jordan-lee "$trip_text" -- $c event -1 note
		check request jordan-lee --note "$trip_text" -- $c event -1 note
		check schedule jordan-lee tomorrow --where "$trip_text" -- $c event -1 where
		check log-meeting jordan-lee --notes "$trip_text" -- $c event -1 notes
		check log-meeting jordan-lee --learned "$trip_text" -- $c event -1 learned 0
		check milestone "$trip_text" -- net/kith.toml milestone -1 text
		check add-contact "Priya Singh" --note "$trip_text" -- net/contacts/priya-singh.toml event 0 note
	'
}
expect_round_trip 'text with "double" and '\''single'\'' quotes' $'say "hi" and \'bye\''
expect_round_trip 'text with backslashes' $'C:\\path\\ and \\n and \\u00e9 and a final \\'
expect_round_trip 'text with triple quotes' $'""" and \'\'\' and """""" and a final "'
expect_round_trip 'text over several lines' $'first line\nsecond line\n\nlast, with a newline\n'
expect_round_trip 'text of only quotes' '""""'
# Regression: text that starts with a newline was once refused with exit 3
# ("would not read back as written"): a TOML multi-line string drops the
# newline right after its opening """, so the writer must escape it.
expect_round_trip 'text starting with a newline' $'\nafter a blank first line'
expect_round_trip 'text with tabs and control characters' $'tab\there, cr\r\nbell\a, esc\e, del\x7f'
test_expect_success 'a tag and a referral in brackets are kept as typed' '
	new_network
	kith --today 2026-11-01 add-contact "Jordan Lee" --tag "[a, b]" --tag c -q
	[ "$(toml_value net/contacts/jordan-lee.toml tags)" = "['\''[a, b]'\'', '\''c'\'']" ] ||
		fail "$(cat net/contacts/jordan-lee.toml)"
	kith --today 2026-11-02 log-meeting jordan --referral "[Alex], Doe" -q
	[ -f "net/contacts/alex-doe.toml" ]
	expect_contains net/contacts/alex-doe.toml "name = \"[Alex], Doe\""
'

# Regression: CLI11 read a repeatable option's "[b, c]" as a list of two.
expect_round_trip 'text in brackets' '[b, c]'
expect_round_trip 'text in double brackets' '[[x]] and ]'
expect_round_trip 'text with emoji and other Unicode' $'🎉 Zoë, 李小龙, e\xcc\x81, \xe2\x80\xae, \xef\xbb\xbf'

test_expect_success 'schedule WHEN may be a day in words and a time' '
	new_network
	kith add-contact "Jordan Lee" -q
	run_kith --today 2026-11-23 schedule jordan-lee "tomorrow 15:00"
	expect_status 0
	expect_contains net/contacts/jordan-lee.toml "at = 2026-11-24T15:00:00"
	run_kith --today 2026-11-23 schedule jordan-lee "thu 09:30"
	expect_contains net/contacts/jordan-lee.toml "at = 2026-11-26T09:30:00"
'

# closed_stdout COMMAND...: runs it with stdout a pipe whose reader has gone;
# $status is its exit status (128 + N when signal N ended it), stderr in err.
closed_stdout() {
	status=0
	python3 - "$@" 2>err <<-\PY || status=$?
	import os, subprocess, sys
	read, write = os.pipe()
	os.close(read)
	code = subprocess.run(sys.argv[1:], stdout=write).returncode
	sys.exit(128 - code if code < 0 else code)
	PY
}

test_expect_success 'an event recorded when stdout cannot be written exits 0 with a warning, and is there once' '
	new_network
	kith add-contact "Priya Singh" -q
	status=0
	"$KITH" --today 2026-11-23 note priya "full stdout" >/dev/full 2>err || status=$?
	expect_status 0
	expect_contains err "kith: warning: the change is written, but its confirmation could not be printed"
	[ "$(grep -c "full stdout" net/contacts/priya-singh.toml)" -eq 1 ]
	closed_stdout "$KITH" --today 2026-11-23 request priya
	expect_status 0
	expect_contains err "could not be printed"
	[ "$(grep -c "type = \"requested\"" net/contacts/priya-singh.toml)" -eq 1 ]
	closed_stdout "$KITH" add-contact "Alex Doe"
	expect_status 0
	[ -f net/contacts/alex-doe.toml ]
	status=0
	"$KITH" --today 2026-11-23 milestone "An offer" >/dev/full 2>err || status=$?
	expect_status 0
	status=0
	"$KITH" --today 2026-11-23 log-meeting priya --referral "Jordan Lee" >/dev/full 2>err || status=$?
	expect_status 0
	[ -f net/contacts/jordan-lee.toml ]
'

test_expect_success 'with stdout and stderr closed or full, a written change still exits 0, once' '
	new_network
	kith add-contact "Priya Singh" -q
	status=0
	"$KITH" --today 2026-11-23 note priya "both full" >/dev/full 2>/dev/full || status=$?
	expect_status 0
	status=0
	"$KITH" add-contact "Priya Singh" >&- 2>&- || status=$?
	expect_status 0
	[ -f net/contacts/priya-singh-2.toml ]
	[ ! -e net/contacts/priya-singh-3.toml ]
	expect_contains net/contacts/priya-singh.toml "both full"
	run_kith check
	expect_status 0
'

test_expect_success 'a report that cannot write its output fails: exit 3 on a full disk, SIGPIPE for a reader gone' '
	new_network
	kith add-contact "Priya Singh" -q
	kith --today 2026-11-01 request priya -q
	status=0
	"$KITH" --today 2026-12-01 due >/dev/full 2>err || status=$?
	expect_status 3
	expect_contains err "kith: error: cannot write the output"
	closed_stdout "$KITH" --today 2026-12-01 due
	expect_status 141
	expect_empty err
'

# --help and --version end in CLI11's own path out of the command line, past
# the check every command's output gets: they need one of their own.
test_expect_success 'help and the version that cannot be written fail as a report does: exit 3, or SIGPIPE' '
	for args in "--help" "--version" "help due" "due --help"; do
		status=0
		"$KITH" $args >/dev/full 2>err || status=$?
		expect_status 3
		expect_contains err "kith: error: cannot write the output"
		closed_stdout "$KITH" $args
		expect_status 141
		expect_empty err
	done
'

test_expect_success 'a write with problems and stdout full: written once, the problems set the status, not the output' '
	new_network
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,u1,,,,\n,,u2,,,,\n" >c.csv
	status=0
	"$KITH" import linkedin c.csv >/dev/full 2>err || status=$?
	expect_status 2
	expect_contains err "kith: error: c.csv:3: skipped: it has no First Name or Last Name"
	expect_contains err "kith: warning: the change is written, but its confirmation could not be printed"
	run_kith import linkedin c.csv
	expect_contains out "0 added, 1 already present, 1 skipped"
'

test_expect_success 'a --date after today is recorded with a warning that reminders wait for that day' '
	new_network
	kith add-contact "Priya Singh" -q
	run_kith --today 2026-11-23 note priya "today" --date 2026-11-23T23:00
	expect_status 0
	expect_empty err
	run_kith --today 2026-11-23 note priya "planned" --date 2026-12-01
	expect_status 0
	expect_contains err "kith: warning: 2026-12-01 is in the future; reminders ignore this event until that day"
	expect_contains net/contacts/priya-singh.toml "date = 2026-12-01"
'

test_expect_success 'a meeting time on a day before today is recorded with a warning' '
	new_network
	kith add-contact "Priya Singh" -q
	run_kith --today 2026-11-23 schedule priya 2026-11-23T00:30
	expect_status 0
	expect_empty err
	run_kith --today 2026-11-23 schedule priya 2026-11-20T10:00
	expect_status 0
	expect_contains err "kith: warning: the meeting time 2026-11-20 10:00 is in the past"
	expect_contains net/contacts/priya-singh.toml "at = 2026-11-20T10:00:00"
'

test_done
