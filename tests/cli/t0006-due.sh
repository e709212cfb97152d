# kith due: the reminders of SPEC §5, in every output format, with every
# option, as scripts and cron jobs read them. Each network is built with the
# recording commands, dated with --today and --date.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
TAB=$(printf '\t')

# rec KITH-ARGS...: a recording command, run quietly as if today were 2026-11-23.
rec() { kith --today 2026-11-23 "$@" -q; }

# set_policy KEY VALUE: KEY = "VALUE" in kith.toml's [policy] table, as a user
# would write it by hand.
set_policy() {
	sed -i "/^\[policy\]\$/a $1 = \"$2\"" "$TRASH/net/kith.toml"
	grep -q "^$1 = \"$2\"\$" "$TRASH/net/kith.toml" || fail "could not set $1 in kith.toml"
}

# json_rows FILE: the reminders of a `due --format json` output, one a line as
# from|due|status|rule|contact|name|message, after checking that FILE is a JSON
# array of objects with exactly those keys, each a string.
json_rows() {
	python3 -c '
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(rows, list), "not an array: %r" % rows
keys = ["from", "due", "status", "rule", "contact", "name", "message"]
for row in rows:
    assert sorted(row) == sorted(keys), "keys %s" % sorted(row)
    assert all(isinstance(row[k], str) for k in keys), row
    print("|".join(row[k] for k in keys))
' "$1" || fail "$1 is not the JSON of SPEC §5: $(cat "$1")"
}

# ics_rows FILE: each VTODO that icalendar parses from FILE, one a line as
# UID|DUE|SUMMARY|DESCRIPTION (DUE a date, as YYYY-MM-DD; the text unescaped).
ics_rows() {
	python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
assert cal.name == "VCALENDAR", cal.name
assert cal["VERSION"] == "2.0" and "PRODID" in cal, "no VERSION:2.0 or PRODID"
for todo in cal.walk("VTODO"):
    due = todo["DUE"].dt
    assert type(due).__name__ == "date", "DUE is not a date: %r" % due
    assert "DTSTAMP" in todo, "a VTODO without DTSTAMP"
    print("|".join([str(todo["UID"]), due.isoformat(), str(todo["SUMMARY"]), str(todo["DESCRIPTION"])]))
' "$1" || fail "icalendar cannot read $1"
}

# toml_name FILE: the name a contact file holds, as tomllib reads it.
toml_name() {
	python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["name"])' "$1"
}

# json_field FILE INDEX KEY: that value of a `due --format json` output, written
# exactly (no newline added).
json_field() {
	python3 -c '
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))[int(sys.argv[2])][sys.argv[3]]
sys.stdout.buffer.write(value.encode())
' "$@"
}

# ics_matches_json ICS JSON: the VTODOs of ICS are the reminders of JSON, in
# order: each DESCRIPTION (unescaped) is the message and each SUMMARY names the
# contact. Prints the UIDs.
ics_matches_json() {
	python3 -c '
import json, sys, icalendar
todos = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VTODO")
rows = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(todos) == len(rows), (len(todos), len(rows))
for todo, row in zip(todos, rows):
    assert str(todo["DESCRIPTION"]) == row["message"], (str(todo["DESCRIPTION"]), row["message"])
    assert row["name"] in str(todo["SUMMARY"]), (str(todo["SUMMARY"]), row["name"])
    assert todo["DUE"].dt.isoformat() == row["due"], (todo["DUE"].dt, row["due"])
    print(todo["UID"])
' "$1" "$2" || fail "$1 does not match $2"
}

# expect_ics_bytes FILE: every line of FILE ends in CRLF, holds at most 75
# octets and is valid UTF-8 by itself (a fold never splits a character).
expect_ics_bytes() {
	python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\r\n"), "the last line does not end in CRLF"
for n, line in enumerate(data[:-2].split(b"\r\n"), 1):
    assert b"\r" not in line and b"\n" not in line, "line %d: a CR or LF alone: %r" % (n, line)
    assert len(line) <= 75, "line %d has %d octets: %r" % (n, len(line), line)
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        raise SystemExit("line %d splits a UTF-8 character: %r" % (n, line))
' "$1" || fail "$1 breaks RFC 5545 line rules"
}

# expect_reminders DAY <<EOF from|due|status|rule|slug|name|message ... EOF:
# `kith --today DAY due` lists exactly these reminders, in this order, both
# as JSON and as TSV (whose columns are due, status, rule, slug, name, message).
expect_reminders() {
	local day=$1 expected
	expected=$(cat)
	run_kith --today "$day" due --format json
	expect_status 0
	expect_empty "$TRASH/err"
	json_rows "$TRASH/out" >"$TRASH/rows"
	printf '%s\n' "$expected" | expect_file_equals "$TRASH/rows"
	run_kith --today "$day" due --format tsv
	expect_status 0
	if [ -z "$expected" ]; then
		expect_empty "$TRASH/out"
	else
		printf '%s\n' "$expected" | awk -F'|' -v OFS='\t' '{ print $2, $3, $4, $5, $6, $7 }' |
			expect_file_equals "$TRASH/out"
	fi
}

# expect_tsv <<EOF ... EOF: $TRASH/out holds exactly these lines, | standing for a tab.
expect_tsv() {
	tr '|' '\t' | expect_file_equals "$TRASH/out"
}

# text_groups FILE: a `due` text report as "GROUP due rule name" lines, one a
# reminder (each indented, its name before the first colon).
text_groups() {
	awk '/^[^ ]/ { group = $0; next }
		match($0, /^ +[0-9-]+ +[a-z-]+ +[^:]*:/) {
			line = substr($0, 1, RLENGTH - 1)
			sub(/^ +/, "", line)
			gsub(/ +/, " ", line)
			print group, line
			next
		}
		NF { print "unexpected:", $0 }' "$1"
}

# on_terminal KITH-ARGS...: run kith with its output on a pseudo-terminal, as
# in an interactive shell, keeping what it wrote in $TRASH/out.
on_terminal() {
	TERM=xterm python3 -c '
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
' "$KITH" "$@" >"$TRASH/out"
}

expect_escapes() { grep -q "$ESC" "$1" || fail "no escape codes in $1: $(cat -v "$1")"; }
expect_no_escapes() { ! grep -q "$ESC" "$1" || fail "escape codes in $1: $(cat -v "$1")"; }

# A network in which, on 2026-11-23, every rule has a reminder (like
# examples/network), and a follow-up is coming on 2026-11-26.
every_rule_network() {
	new_network
	rec add-contact "Kenji Watanabe"
	rec request kenji-watanabe --date 2026-11-02
	rec add-contact "Lars Øberg"
	rec request lars-oberg --date 2026-10-26
	rec follow-up lars-oberg --date 2026-11-09
	rec add-contact "Rachel Goldberg"
	rec request rachel-goldberg --date 2026-11-10
	rec reply rachel-goldberg --date 2026-11-22
	rec add-contact "Claire Dubois"
	rec schedule claire-dubois "2026-11-25 09:00" --virtual --date 2026-11-15
	rec add-contact "Tom Becker"
	rec schedule tom-becker "2026-11-18 10:00" --date 2026-10-28 2>/dev/null
	rec add-contact "Amara Okafor"
	rec log-meeting amara-okafor --date "2026-11-20 15:00" --referral "José Martínez"
	rec add-contact "Siobhan Kelly"
	rec log-meeting siobhan-kelly --date 2026-08-12 --notes "Lab tour"
	rec thank siobhan-kelly --date 2026-08-12
	rec add-contact "Priya Raman" --keep-in-touch 60d
	rec log-meeting priya-raman --date 2026-09-11 --learned "Apply in December" --referral "Daniel Kowalski"
	rec thank priya-raman --date 2026-09-18
	rec log-meeting daniel-kowalski --date 2026-11-17 --notes "National labs"
	rec thank daniel-kowalski --date 2026-11-18
	rec add-contact "Nadia Petrova"
	rec request nadia-petrova --date 2026-11-12
	rec milestone "Accepted a summer internship at Northwind" --date 2026-11-16
}

# What `due` lists for every_rule_network on 2026-11-23, as
# from|due|status|rule|slug|name|message.
every_rule_reminders() {
	cat <<-\EOF
	2026-11-10|2026-11-10|overdue|keep-in-touch|siobhan-kelly|Siobhan Kelly|Last in touch on 2026-08-12: send a friendly note, an article, or congratulations. Then: kith check-in siobhan-kelly
	2026-11-16|2026-11-16|overdue|follow-up|kenji-watanabe|Kenji Watanabe|No reply since your request of 2026-11-02: send one short, polite follow-up. Then: kith follow-up kenji-watanabe
	2026-11-17|2026-11-17|overdue|keep-in-touch|priya-raman|Priya Raman|Last in touch on 2026-09-18: send a friendly note, an article, or congratulations. Then: kith check-in priya-raman
	2026-11-19|2026-11-19|overdue|log-meeting|tom-becker|Tom Becker|Your meeting of 2026-11-18 10:00 (set on 2026-10-28) was never logged: record how it went. Then: kith log-meeting tom-becker
	2026-11-20|2026-11-20|overdue|notes|amara-okafor|Amara Okafor|Jot down what you learned at your meeting of 2026-11-20: advice, names, next steps. Then: kith note amara-okafor TEXT
	2026-11-20|2026-11-21|overdue|thank|amara-okafor|Amara Okafor|Send a thank-you note for your meeting of 2026-11-20, naming one or two things you learned. Then: kith thank amara-okafor
	2026-11-23|2026-11-23|due|move-on|lars-oberg|Lars Øberg|No reply since your follow-up of 2026-11-09: the guides say to move on to other contacts. Then: kith move-on lars-oberg
	2026-11-16|2026-11-23|due|share-news|priya-raman|Priya Raman|Tell them your news of 2026-11-16: "Accepted a summer internship at Northwind". Then: kith check-in priya-raman
	2026-11-16|2026-11-23|due|share-news|siobhan-kelly|Siobhan Kelly|Tell them your news of 2026-11-16: "Accepted a summer internship at Northwind". Then: kith check-in siobhan-kelly
	2026-11-17|2026-11-24|due|report-back|priya-raman|Priya Raman|You met Daniel Kowalski, whom they referred you to, on 2026-11-17: tell them how it went. Then: kith check-in priya-raman
	2026-11-22|2026-11-24|due|schedule|rachel-goldberg|Rachel Goldberg|They replied on 2026-11-22 and no meeting is set: propose a time that suits them. Then: kith schedule rachel-goldberg WHEN
	2026-11-23|2026-11-25|due|prepare|claire-dubois|Claire Dubois|Your call on 2026-11-25 09:00 is coming: research them, their organization and field, and prepare 10-15 open questions; test your video or phone the night before. Then: kith prepare claire-dubois
	2026-11-20|2026-11-27|due|referral|jose-martinez|José Martínez|Amara Okafor referred you on 2026-11-20: reach out and say who sent you. Then: kith request jose-martinez
	EOF
}

# --- text -----------------------------------------------------------------------

test_expect_success 'with nothing due, due prints nothing at all and exits 0 (cron mails nothing)' '
	new_network
	run_kith --today 2026-11-23 due
	expect_status 0
	expect_empty out
	expect_empty err
	rec add-contact "Jordan Lee"
	rec request jordan-lee --date 2026-11-10
	run_kith --today 2026-11-23 due
	expect_status 0
	expect_empty out
	expect_empty err
	run_kith --today 2026-11-23 due --exit-code
	expect_status 0
	expect_empty out
	run_kith --today 2026-11-24 due
	expect_contains out "Then: kith follow-up jordan-lee"
'

test_expect_success 'text groups the reminders under Overdue, Due and Upcoming, in that order' '
	every_rule_network
	run_kith --today 2026-11-23 due --within 7d
	expect_status 0
	expect_empty err
	text_groups out >groups
	expect_file_equals groups <<-\EOF
	Overdue 2026-11-10 keep-in-touch Siobhan Kelly
	Overdue 2026-11-16 follow-up Kenji Watanabe
	Overdue 2026-11-17 keep-in-touch Priya Raman
	Overdue 2026-11-19 log-meeting Tom Becker
	Overdue 2026-11-20 notes Amara Okafor
	Overdue 2026-11-21 thank Amara Okafor
	Due 2026-11-23 move-on Lars Øberg
	Due 2026-11-23 share-news Priya Raman
	Due 2026-11-23 share-news Siobhan Kelly
	Due 2026-11-24 report-back Priya Raman
	Due 2026-11-24 schedule Rachel Goldberg
	Due 2026-11-25 prepare Claire Dubois
	Due 2026-11-27 referral José Martínez
	Upcoming 2026-11-26 follow-up Nadia Petrova
	EOF
'

test_expect_success 'text shows one line a reminder with its name and message, and only the groups it has' '
	every_rule_network
	run_kith --today 2026-11-23 due --contact amara-okafor
	expect_status 0
	[ "$(grep -c . out)" = 3 ] || fail "not a header and two lines: $(cat out)"
	[ "$(head -n 1 out)" = Overdue ] || fail "first line: $(head -n 1 out)"
	grep -q "^ .*2026-11-20 .*notes .*Amara Okafor: Jot down what you learned .*Then: kith note amara-okafor TEXT\$" out ||
		fail "no notes line: $(cat out)"
	grep -q "^ .*2026-11-21 .*thank .*Amara Okafor: Send a thank-you note .*Then: kith thank amara-okafor\$" out ||
		fail "no thank line: $(cat out)"
	run_kith --today 2026-11-23 due --within 3d --contact nadia-petrova
	text_groups out >groups
	expect_file_equals groups <<-\EOF
	Upcoming 2026-11-26 follow-up Nadia Petrova
	EOF
	expect_not_contains out Overdue
'

test_expect_success 'text has no escape codes in a pipe, with NO_COLOR or without it' '
	every_rule_network
	run_kith --today 2026-11-23 due
	expect_status 0
	expect_no_escapes out
	(
		unset NO_COLOR
		run_kith --today 2026-11-23 due --within 7d
		expect_no_escapes out
	)
'

test_expect_success 'on a terminal, text is coloured, but not with NO_COLOR or --color never' '
	every_rule_network
	(
		unset NO_COLOR
		on_terminal --today 2026-11-23 due
		expect_escapes out
		expect_contains out "Then: kith follow-up kenji-watanabe"
		on_terminal --today 2026-11-23 --color never due
		expect_no_escapes out
		expect_contains out "Then: kith follow-up kenji-watanabe"
		on_terminal --today 2026-11-23 due --format tsv
		expect_no_escapes out
		NO_COLOR=1 on_terminal --today 2026-11-23 due
		expect_no_escapes out
		expect_contains out "Then: kith follow-up kenji-watanabe"
	)
'

test_expect_success '--color always colours the text even in a pipe, and --color never does not' '
	every_rule_network
	run_kith --today 2026-11-23 --color always due
	expect_status 0
	expect_escapes out
	(
		unset NO_COLOR
		run_kith --today 2026-11-23 --color always due
		expect_escapes out
		run_kith --today 2026-11-23 --color never due
		expect_no_escapes out
	)
	run_kith --today 2026-11-23 --color always due --format tsv
	expect_no_escapes out
	run_kith --today 2026-11-23 --color always due --format json
	expect_no_escapes out
	run_kith --today 2026-11-23 --color always due --format ics
	expect_no_escapes out
'

# --- tsv --------------------------------------------------------------------------

test_expect_success 'tsv prints one exact line a reminder, and no header' '
	every_rule_network
	run_kith --today 2026-11-23 due --format tsv
	expect_status 0
	expect_empty err
	every_rule_reminders | cut -d "|" -f 2- | expect_tsv
	run_kith --today 2026-11-23 due --format tsv --within 1w
	expect_contains out "$(printf "2026-11-26\tupcoming\tfollow-up\tnadia-petrova\tNadia Petrova\t")"
	[ "$(wc -l <out)" = 14 ] || fail "not 14 lines: $(cat out)"
'

test_expect_success 'tsv turns tabs and newlines in a name or message into spaces' '
	new_network
	rec add-contact "$(printf "Samuel\tAdeyemi")"
	rec log-meeting samuel-adeyemi --date 2026-10-01 --notes "Grid storage"
	rec thank samuel-adeyemi --date 2026-10-01
	rec milestone "$(printf "Accepted an offer\nat Acme\tBatteries")" --date 2026-11-16
	run_kith --today 2026-11-23 due --format tsv
	expect_status 0
	expect_tsv <<-\EOF
	2026-11-23|due|share-news|samuel-adeyemi|Samuel Adeyemi|Tell them your news of 2026-11-16: "Accepted an offer at Acme Batteries". Then: kith check-in samuel-adeyemi
	EOF
	run_kith --today 2026-11-23 due
	expect_status 0
	[ "$(grep -c . out)" = 2 ] || fail "not one line: $(cat out)"
	expect_contains out "Samuel Adeyemi: Tell them your news of 2026-11-16: \"Accepted an offer at Acme Batteries\""
'

# --- json -------------------------------------------------------------------------

test_expect_success 'json is an array of objects with exactly due, from, status, rule, contact, name, message' '
	every_rule_network
	run_kith --today 2026-11-23 due --format json
	expect_status 0
	expect_empty err
	json_rows out >rows
	every_rule_reminders | expect_file_equals rows
	run_kith --today 2026-11-23 due --format json --within 7d
	json_rows out >rows
	expect_contains rows "2026-11-26|2026-11-26|upcoming|follow-up|nadia-petrova|Nadia Petrova|No reply since your request of 2026-11-12"
'

test_expect_success 'json keeps names and messages exactly: quotes, backslashes, tabs, newlines, Unicode' '
	new_network
	printf "Zoë \"Z\"\tBrandt 🎉" >name
	printf "Offer at \\\\Acme\\\\,\nsee \"notes\"\t— ünïcödé 🎉" >news
	rec add-contact "$(cat name)"
	rec log-meeting zoe-z-brandt --date 2026-10-01 --notes x
	rec thank zoe-z-brandt --date 2026-10-01
	rec milestone "$(cat news)" --date 2026-11-16
	printf "Tell them your news of 2026-11-16: \"%s\". Then: kith check-in zoe-z-brandt" "$(cat news)" >message
	run_kith --today 2026-11-23 due --format json
	expect_status 0
	json_rows out >/dev/null
	json_field out 0 name >got
	cmp name got || fail "name: $(od -c got)"
	json_field out 0 message >got
	cmp message got || fail "message: $(od -c got)"
	for key in rule:share-news contact:zoe-z-brandt from:2026-11-16 due:2026-11-23 status:due; do
		[ "$(json_field out 0 ${key%%:*})" = "${key#*:}" ] || fail "$key: $(cat out)"
	done
'

test_expect_success 'json with nothing due is []' '
	new_network
	run_kith --today 2026-11-23 due --format json
	expect_status 0
	expect_empty err
	[ "$(tr -d " \n" <out)" = "[]" ] || fail "$(cat out)"
	json_rows out >rows
	expect_empty rows
	rec add-contact "Nadia Petrova"
	rec request nadia-petrova --date 2026-11-12
	run_kith --today 2026-11-23 due --format json
	expect_status 0
	[ "$(tr -d " \n" <out)" = "[]" ] || fail "$(cat out)"
'

# --- ics ----------------------------------------------------------------------------

test_expect_success 'ics has one VTODO a reminder: stable UID, DUE date, SUMMARY, DESCRIPTION = the message' '
	every_rule_network
	run_kith --today 2026-11-23 due --format ics
	expect_status 0
	expect_empty err
	cp out calendar.ics
	expect_ics_bytes calendar.ics
	ics_rows calendar.ics >todos
	cut -d "|" -f 1,2 todos >uids
	expect_file_equals uids <<-\EOF
	keep-in-touch.siobhan-kelly.20261110@kith|2026-11-10
	follow-up.kenji-watanabe.20261116@kith|2026-11-16
	keep-in-touch.priya-raman.20261117@kith|2026-11-17
	log-meeting.tom-becker.20261119@kith|2026-11-19
	notes.amara-okafor.20261120@kith|2026-11-20
	thank.amara-okafor.20261120@kith|2026-11-21
	move-on.lars-oberg.20261123@kith|2026-11-23
	share-news.priya-raman.20261116@kith|2026-11-23
	share-news.siobhan-kelly.20261116@kith|2026-11-23
	report-back.priya-raman.20261117.daniel-kowalski@kith|2026-11-24
	schedule.rachel-goldberg.20261122@kith|2026-11-24
	prepare.claire-dubois.20261123@kith|2026-11-25
	referral.jose-martinez.20261120@kith|2026-11-27
	EOF
	# DESCRIPTION is the message; SUMMARY says what to do, naming the contact.
	cut -d "|" -f 4 todos >descriptions
	every_rule_reminders | cut -d "|" -f 7 | expect_file_equals descriptions
	paste -d "|" <(every_rule_reminders | cut -d "|" -f 6) <(cut -d "|" -f 3 todos) >summaries
	while IFS="|" read -r name summary; do
		case "$summary" in
		*"$name"*) ;;
		*) fail "SUMMARY \"$summary\" does not name $name" ;;
		esac
	done <summaries
	[ "$(grep -c "^BEGIN:VTODO" calendar.ics)" = 13 ]
	[ "$(head -n 1 calendar.ics)" = "$(printf "BEGIN:VCALENDAR\r")" ]
	[ "$(tail -n 1 calendar.ics)" = "$(printf "END:VCALENDAR\r")" ]
'

test_expect_success 'ics lines end in CRLF and fold at 75 octets, never inside a UTF-8 character' '
	new_network
	rec add-contact "Zoë Ångström 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"
	slug=zoe-angstrom
	rec log-meeting $slug --date 2026-10-01 --notes x
	rec thank $slug --date 2026-10-01
	rec add-contact "Lee, Jordan; PhD"
	rec request lee-jordan-phd --date 2026-11-01
	rec milestone "$(printf "Accepté à Zürich — «ünïcödé» éééééééééééééééééééééééééééééééééé 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉; then \\\\o/\nnext line, with a comma")" --date 2026-11-16
	run_kith --today 2026-11-23 due --format ics
	expect_status 0
	cp out calendar.ics
	expect_ics_bytes calendar.ics
	grep -q "^ " calendar.ics || fail "nothing was folded: $(cat calendar.ics)"
	run_kith --today 2026-11-23 due --format json
	ics_matches_json calendar.ics out >uids
	expect_file_equals uids <<-EOF
	follow-up.lee-jordan-phd.20261115@kith
	share-news.$slug.20261116@kith
	EOF
	json_field out 1 message >message
	[ "$(wc -l <message)" = 1 ] || fail "not two lines: $(cat message)"
	expect_contains message "Zürich — «ünïcödé» éééé"
	expect_contains message "🎉🎉; then \\o/"
	expect_contains message "next line, with a comma"
'

test_expect_success 'ics is the same bytes on every run with the same day, from --today or KITH_TODAY' '
	every_rule_network
	run_kith --today 2026-11-23 due --format ics --within 7d
	cp out first.ics
	[ "$(grep -c "^BEGIN:VTODO" first.ics)" = 14 ]
	sleep 1
	run_kith --today 2026-11-23 due --format ics --within 7d
	cmp first.ics out
	KITH_TODAY=2026-11-23 run_kith due --format ics --within 7d
	cmp first.ics out
	# A day far from the clock: nothing in the calendar may come from the clock.
	run_kith --today 2031-06-15 due --format ics
	cp out later.ics
	sleep 1
	run_kith --today 2031-06-15 due --format ics
	cmp later.ics out
	expect_not_contains later.ics "$(date -u +%Y%m%dT)"
	expect_not_contains later.ics "$(date +%Y%m%dT)"
'

test_expect_success 'ics with nothing due is a calendar without VTODO' '
	new_network
	run_kith --today 2026-11-23 due --format ics
	expect_status 0
	cp out calendar.ics
	expect_ics_bytes calendar.ics
	ics_rows calendar.ics >todos
	expect_empty todos
	expect_contains calendar.ics BEGIN:VCALENDAR
'

# --- order ------------------------------------------------------------------------------

test_expect_success 'reminders are sorted by due date, then rule id, then slug' '
	new_network
	rec add-contact "Zed Zulu"
	rec request zed-zulu --date 2026-11-09
	rec add-contact "Cy Cole"
	rec log-meeting cy-cole --date 2026-08-25 --notes x
	rec thank cy-cole --date 2026-08-25
	rec add-contact "Di Dane"
	rec log-meeting di-dane --date 2026-11-22 --notes x
	rec add-contact "Bob Brown"
	rec request bob-brown --date 2026-10-26
	rec follow-up bob-brown --date 2026-11-09
	rec add-contact "Amy Adams"
	rec request amy-adams --date 2026-11-09
	rec add-contact "Fay Fox"
	rec log-meeting fay-fox --date 2026-11-20 --notes x
	rec add-contact "Ed Eck"
	rec schedule ed-eck 2026-11-19 --date 2026-11-01 2>/dev/null
	run_kith --today 2026-11-23 due --format tsv
	expect_status 0
	cut -f 1,3,4 out >order
	tr " " "\t" <<-\EOF | expect_file_equals order
	2026-11-20 log-meeting ed-eck
	2026-11-21 thank fay-fox
	2026-11-23 follow-up amy-adams
	2026-11-23 follow-up zed-zulu
	2026-11-23 keep-in-touch cy-cole
	2026-11-23 move-on bob-brown
	2026-11-23 thank di-dane
	EOF
'

test_expect_success 'reminders alike in due date, rule and slug are sorted by message' '
	new_network
	rec add-contact "Priya Raman"
	rec log-meeting priya-raman --date 2026-09-11 --notes x --referral "Zoë Brandt" --referral "Zoe Brandt"
	rec thank priya-raman --date 2026-09-11
	for slug in zoe-brandt zoe-brandt-2; do
		rec log-meeting $slug --date 2026-11-17 --notes x
		rec thank $slug --date 2026-11-17
	done
	[ "$(toml_name net/contacts/zoe-brandt-2.toml)" = "Zoe Brandt" ]
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-17|2026-11-24|due|report-back|priya-raman|Priya Raman|You met Zoe Brandt, whom they referred you to, on 2026-11-17: tell them how it went. Then: kith check-in priya-raman
	2026-11-17|2026-11-24|due|report-back|priya-raman|Priya Raman|You met Zoë Brandt, whom they referred you to, on 2026-11-17: tell them how it went. Then: kith check-in priya-raman
	EOF
	run_kith --today 2026-11-23 due --format ics
	ics_rows out | cut -d "|" -f 1 >uids
	expect_file_equals uids <<-\EOF
	report-back.priya-raman.20261117.zoe-brandt-2@kith
	report-back.priya-raman.20261117.zoe-brandt@kith
	EOF
'

# --- options ------------------------------------------------------------------------------

# Follow-ups active on 2026-11-26, 2026-11-29 and 2026-12-04.
three_requests() {
	new_network
	rec add-contact "Nadia Petrova"
	rec request nadia-petrova --date 2026-11-12
	rec add-contact "Omar Haddad"
	rec request omar-haddad --date 2026-11-15
	rec add-contact "Ines Costa"
	rec request ines-costa --date 2026-11-20
}

test_expect_success '--within 3d and --within 1w add the reminders that become active by then, as upcoming' '
	three_requests
	run_kith --today 2026-11-23 due --format tsv
	expect_status 0
	expect_empty out
	run_kith --today 2026-11-23 due --format tsv --within 3d
	expect_status 0
	cut -f 1-4 out >got
	tr " " "\t" <<-\EOF | expect_file_equals got
	2026-11-26 upcoming follow-up nadia-petrova
	EOF
	run_kith --today 2026-11-23 due --format tsv --within 1w
	cut -f 1-4 out >got
	tr " " "\t" <<-\EOF | expect_file_equals got
	2026-11-26 upcoming follow-up nadia-petrova
	2026-11-29 upcoming follow-up omar-haddad
	EOF
	run_kith --today 2026-11-23 due --format tsv --within 2w
	[ "$(wc -l <out)" = 3 ] || fail "$(cat out)"
	run_kith --today 2026-11-26 due --format tsv --within 3d
	cut -f 1-4 out >got
	tr " " "\t" <<-\EOF | expect_file_equals got
	2026-11-26 due follow-up nadia-petrova
	2026-11-29 upcoming follow-up omar-haddad
	EOF
'

test_expect_success '--rule keeps only that rule, and can be repeated' '
	every_rule_network
	run_kith --today 2026-11-23 due --format tsv --rule keep-in-touch
	expect_status 0
	cut -f 3,4 out >got
	tr " " "\t" <<-\EOF | expect_file_equals got
	keep-in-touch siobhan-kelly
	keep-in-touch priya-raman
	EOF
	run_kith --today 2026-11-23 due --format tsv --rule thank --rule share-news --rule referral
	expect_status 0
	cut -f 3,4 out >got
	tr " " "\t" <<-\EOF | expect_file_equals got
	thank amara-okafor
	share-news priya-raman
	share-news siobhan-kelly
	referral jose-martinez
	EOF
	run_kith --today 2026-11-23 due --format tsv --rule follow-up
	cut -f 4 out >got
	echo kenji-watanabe | expect_file_equals got
	run_kith --today 2026-11-23 due --format tsv --rule follow-up --within 7d
	cut -f 4 out >got
	printf "kenji-watanabe\nnadia-petrova\n" | expect_file_equals got
'

test_expect_success '--rule with an unknown rule is a usage error that names the valid ones' '
	every_rule_network
	run_kith --today 2026-11-23 due --rule thanks
	expect_status 2
	expect_empty out
	expect_contains err "kith: error: "
	expect_contains err thanks
	sed "s/thanks//g" err >valid
	for rule in follow-up move-on schedule prepare log-meeting notes thank referral report-back \
		keep-in-touch share-news; do
		expect_contains valid "$rule"
	done
	run_kith --today 2026-11-23 due --rule thank --rule bogus
	expect_status 2
	expect_empty out
	expect_contains err bogus
'

test_expect_success '--contact keeps one contact, named by slug, name or unique prefix' '
	every_rule_network
	run_kith --today 2026-11-23 due --format tsv --contact amara
	expect_status 0
	cut -f 3,4 out >got
	printf "notes\tamara-okafor\nthank\tamara-okafor\n" | expect_file_equals got
	run_kith --today 2026-11-23 due --format tsv --contact "PRIYA RAMAN"
	cut -f 3,4 out >got
	printf "keep-in-touch\tpriya-raman\nshare-news\tpriya-raman\nreport-back\tpriya-raman\n" |
		expect_file_equals got
	run_kith --today 2026-11-23 due --format tsv --contact jose-martinez
	cut -f 3,4 out >got
	printf "referral\tjose-martinez\n" | expect_file_equals got
	run_kith --today 2026-11-23 due --format tsv --contact daniel
	expect_status 0
	expect_empty out
'

test_expect_success '--contact names jordan-lee exactly even when jordan-lee-2 exists' '
	new_network
	rec add-contact "Jordan Lee"
	rec add-contact "Jordan Lee" 2>/dev/null
	rec request jordan-lee --date 2026-11-01
	rec request jordan-lee-2 --date 2026-11-02
	run_kith --today 2026-11-23 due --format tsv --contact jordan-lee
	expect_status 0
	cut -f 4 out >got
	echo jordan-lee | expect_file_equals got
	run_kith --today 2026-11-23 due --format tsv --contact jordan-lee-2
	cut -f 4 out >got
	echo jordan-lee-2 | expect_file_equals got
'

test_expect_success '--contact with an unknown or ambiguous contact is a usage error' '
	every_rule_network
	run_kith --today 2026-11-23 due --contact nobody
	expect_status 2
	expect_empty out
	expect_contains err "kith: error: "
	expect_contains err nobody
	rec add-contact "Priya Shah"
	run_kith --today 2026-11-23 due --contact priya
	expect_status 2
	expect_empty out
	expect_contains err priya-raman
	expect_contains err priya-shah
'

test_expect_success '--exit-code exits 1 when something is listed, 0 when nothing is' '
	every_rule_network
	run_kith --today 2026-11-23 due --exit-code
	expect_status 1
	expect_contains out "Then: kith follow-up kenji-watanabe"
	expect_empty err
	run_kith --today 2026-11-23 due --exit-code --format json --rule move-on
	expect_status 1
	run_kith --today 2026-11-23 due --exit-code --contact nadia-petrova
	expect_status 0
	expect_empty out
	run_kith --today 2026-11-23 due --exit-code --contact nadia-petrova --within 3d
	expect_status 1
	run_kith --today 2026-11-23 due --exit-code --rule move-on --format json --contact kenji
	expect_status 0
	run_kith --today 2026-11-23 due
	expect_status 0
'

test_expect_success 'an invalid --within or --format is a usage error' '
	every_rule_network
	for within in 3x 1W "" -1d d 3 never "1 w"; do
		run_kith --today 2026-11-23 due --within "$within"
		expect_status 2
		expect_empty out
		grep -q "^kith: error: " err || fail "--within \"$within\": $(cat err)"
	done
	expect_contains err "1 w"
	for format in xml TSV "" csv; do
		run_kith --today 2026-11-23 due --format "$format"
		expect_status 2
		expect_empty out
		grep -q "^kith: error: " err || fail "--format \"$format\": $(cat err)"
	done
'

# --- which day -------------------------------------------------------------------------------

test_expect_success '--today and KITH_TODAY both choose the day; --today wins' '
	new_network
	rec add-contact "Jordan Lee"
	rec request jordan-lee --date 2026-11-02
	run_kith --today 2026-11-15 due --format tsv
	expect_empty out
	KITH_TODAY=2026-11-15 run_kith due --format tsv
	expect_status 0
	expect_empty out
	KITH_TODAY=2026-11-16 run_kith due --format tsv
	cut -f 1-3 out >got
	printf "2026-11-16\tdue\tfollow-up\n" | expect_file_equals got
	KITH_TODAY=2026-11-20 run_kith due --format tsv
	cut -f 1-3 out >got
	printf "2026-11-16\toverdue\tfollow-up\n" | expect_file_equals got
	KITH_TODAY=2026-11-15 run_kith --today 2026-11-20 due --format tsv
	cut -f 1-3 out | cmp - got
	KITH_TODAY=2026-11-20 run_kith --today 2026-11-15 due --format tsv
	expect_empty out
	KITH_TODAY=garbage run_kith due
	expect_status 2
	expect_contains err garbage
'

test_expect_success 'the report depends on the files and the day only, not on TZ' '
	every_rule_network
	run_kith --today 2026-11-23 due --format ics --within 7d
	cp out utc.ics
	for zone in America/Los_Angeles Pacific/Kiritimati Asia/Kolkata; do
		TZ=$zone run_kith --today 2026-11-23 due --format ics --within 7d
		cmp utc.ics out || fail "TZ=$zone changed the report"
	done
'

test_expect_success 'events and milestones dated after --today are ignored' '
	new_network
	rec add-contact "Jordan Lee"
	rec request jordan-lee --date 2026-11-02
	rec reply jordan-lee --date 2026-11-20
	rec schedule jordan-lee 2026-11-30 --date 2026-11-21
	rec add-contact "Samuel Adeyemi"
	rec log-meeting samuel-adeyemi --date 2026-10-01 --notes x
	rec thank samuel-adeyemi --date 2026-10-01
	rec milestone "Chose the industry path" --date 2026-11-10
	rec milestone "Accepted an offer" --date 2026-11-20
	expect_reminders 2026-11-18 <<-\EOF
	2026-11-16|2026-11-16|overdue|follow-up|jordan-lee|Jordan Lee|No reply since your request of 2026-11-02: send one short, polite follow-up. Then: kith follow-up jordan-lee
	2026-11-10|2026-11-17|overdue|share-news|samuel-adeyemi|Samuel Adeyemi|Tell them your news of 2026-11-10: "Chose the industry path". Then: kith check-in samuel-adeyemi
	EOF
	expect_reminders 2026-11-20 <<-\EOF
	2026-11-20|2026-11-22|due|schedule|jordan-lee|Jordan Lee|They replied on 2026-11-20 and no meeting is set: propose a time that suits them. Then: kith schedule jordan-lee WHEN
	2026-11-20|2026-11-27|due|share-news|samuel-adeyemi|Samuel Adeyemi|Tell them your news of 2026-11-20: "Accepted an offer". Then: kith check-in samuel-adeyemi
	EOF
'

test_expect_success 'an event recorded late with a past --date takes its place by date' '
	new_network
	rec add-contact "Jordan Lee"
	rec request jordan-lee --date 2026-11-02
	rec request jordan-lee --date 2026-11-20
	rec move-on jordan-lee --date 2026-11-10
	expect_reminders 2026-12-05 <<-\EOF
	2026-12-04|2026-12-04|overdue|follow-up|jordan-lee|Jordan Lee|No reply since your request of 2026-11-20: send one short, polite follow-up. Then: kith follow-up jordan-lee
	EOF
'

# --- data problems ------------------------------------------------------------------------------

test_expect_success 'a contact file that is not TOML: the others are reported, the file named at line:col, exit 3' '
	every_rule_network
	printf "name = \"Broken\"\nadded = 2026-11-01\ncompany = \"Acme\n" >net/contacts/broken.toml
	run_kith --today 2026-11-23 due --format tsv
	expect_status 3
	every_rule_reminders | cut -d "|" -f 2- | expect_tsv
	grep -q "^kith: error: contacts/broken\.toml:3:[0-9][0-9]*: " err || fail "stderr: $(cat err)"
	run_kith --today 2026-11-23 due --format json
	expect_status 3
	json_rows out >rows
	every_rule_reminders | expect_file_equals rows
	run_kith --today 2026-11-23 due
	expect_status 3
	expect_contains out "Then: kith follow-up kenji-watanabe"
	expect_contains err contacts/broken.toml
'

test_expect_success 'a contact with an unknown event type: the others are reported, exit 3 wins over --exit-code' '
	every_rule_network
	rec add-contact "Odd Ball"
	rec request odd-ball --date 2026-11-01
	printf "\n[[event]]\ntype = \"waved\"\ndate = 2026-11-05\n" >>net/contacts/odd-ball.toml
	line=$(grep -n "\"waved\"" net/contacts/odd-ball.toml | cut -d: -f1)
	run_kith --today 2026-11-23 due --format tsv --exit-code
	expect_status 3
	every_rule_reminders | cut -d "|" -f 2- | expect_tsv
	grep -q "^kith: error: contacts/odd-ball\.toml:$line:8: " err || fail "stderr: $(cat err)"
	expect_contains err waved
	run_kith --today 2026-11-23 due --exit-code --contact nadia-petrova
	expect_status 3
	expect_empty out
'

test_expect_success 'a bad policy value in kith.toml stops due at once: exit 3, file:line:col' '
	every_rule_network
	set_policy follow_up_after fortnight
	line=$(grep -n "^follow_up_after" net/kith.toml | cut -d: -f1)
	run_kith --today 2026-11-23 due --format tsv
	expect_status 3
	expect_empty out
	grep -q "^kith: error: kith\.toml:$line:19: " err || fail "stderr: $(cat err)"
	expect_contains err fortnight
	run_kith --today 2026-11-23 due --exit-code
	expect_status 3
	expect_empty out
'

test_expect_success 'a kith.toml that is not TOML, or holds a bad milestone, also stops due with exit 3' '
	every_rule_network
	cp net/kith.toml good.toml
	printf "\n[[milestone]]\ndate = \"soon\"\ntext = \"Offer\"\n" >>net/kith.toml
	line=$(grep -n "^date = \"soon\"" net/kith.toml | cut -d: -f1)
	run_kith --today 2026-11-23 due --format tsv
	expect_status 3
	expect_empty out
	grep -q "^kith: error: kith\.toml:$line:[0-9]*: " err || fail "stderr: $(cat err)"
	cp good.toml net/kith.toml
	printf "\n[policy\n" >>net/kith.toml
	line=$(wc -l <net/kith.toml)
	run_kith --today 2026-11-23 due --format json
	expect_status 3
	expect_empty out
	grep -q "^kith: error: kith\.toml:$line:[0-9]*: " err || fail "stderr: $(cat err)"
'

# --- policy ------------------------------------------------------------------------------------

test_expect_success 'follow_up_after = "7d" in [policy] asks for the follow-up a week after the request' '
	new_network
	set_policy follow_up_after 7d
	rec add-contact "Jordan Lee"
	rec request jordan-lee --date 2026-11-02
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-09|2026-11-09|overdue|follow-up|jordan-lee|Jordan Lee|No reply since your request of 2026-11-02: send one short, polite follow-up. Then: kith follow-up jordan-lee
	EOF
'

test_expect_success 'thank_within = "never" turns the thank rule off, and only it' '
	new_network
	set_policy thank_within never
	rec add-contact "Amara Okafor"
	rec log-meeting amara-okafor --date "2026-11-20 15:00"
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-20|2026-11-20|overdue|notes|amara-okafor|Amara Okafor|Jot down what you learned at your meeting of 2026-11-20: advice, names, next steps. Then: kith note amara-okafor TEXT
	EOF
'

test_expect_success 'thank_within = "36h" counts from the meeting'\''s time of day' '
	new_network
	set_policy thank_within 36h
	rec add-contact "Amara Okafor"
	rec log-meeting amara-okafor --date "2026-11-20 23:30" --notes x
	rec add-contact "Tom Becker"
	rec log-meeting tom-becker --date "2026-11-20 09:00" --notes x
	expect_reminders 2026-11-21 <<-\EOF
	2026-11-20|2026-11-21|due|thank|tom-becker|Tom Becker|Send a thank-you note for your meeting of 2026-11-20, naming one or two things you learned. Then: kith thank tom-becker
	2026-11-20|2026-11-22|due|thank|amara-okafor|Amara Okafor|Send a thank-you note for your meeting of 2026-11-20, naming one or two things you learned. Then: kith thank amara-okafor
	EOF
'

test_expect_success 'add-contact --keep-in-touch wins over the policy, both ways' '
	new_network
	set_policy keep_in_touch never
	rec add-contact "Priya Raman" --keep-in-touch 30d
	expect_contains net/contacts/priya-raman.toml "keep_in_touch = \"30d\""
	rec log-meeting priya-raman --date 2026-10-01 --notes x
	rec thank priya-raman --date 2026-10-02
	rec add-contact "Siobhan Kelly"
	rec log-meeting siobhan-kelly --date 2026-07-01 --notes x
	rec thank siobhan-kelly --date 2026-07-01
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-01|2026-11-01|overdue|keep-in-touch|priya-raman|Priya Raman|Last in touch on 2026-10-02: send a friendly note, an article, or congratulations. Then: kith check-in priya-raman
	EOF
	sed -i "/^keep_in_touch = \"never\"/d" net/kith.toml
	rec add-contact "Samuel Adeyemi" --keep-in-touch never
	rec log-meeting samuel-adeyemi --date 2026-07-01 --notes x
	rec thank samuel-adeyemi --date 2026-07-01
	expect_reminders 2026-11-23 <<-\EOF
	2026-09-29|2026-09-29|overdue|keep-in-touch|siobhan-kelly|Siobhan Kelly|Last in touch on 2026-07-01: send a friendly note, an article, or congratulations. Then: kith check-in siobhan-kelly
	2026-11-01|2026-11-01|overdue|keep-in-touch|priya-raman|Priya Raman|Last in touch on 2026-10-02: send a friendly note, an article, or congratulations. Then: kith check-in priya-raman
	EOF
'

# --- one scenario a rule ----------------------------------------------------------------------

test_expect_success 'follow-up: no reply two weeks after a request' '
	new_network
	rec add-contact "Kenji Watanabe"
	rec request kenji-watanabe --date 2026-11-02 --via email
	rec note kenji-watanabe "Found his talk online" --date 2026-11-05
	expect_reminders 2026-11-15 </dev/null
	expect_reminders 2026-11-16 <<-\EOF
	2026-11-16|2026-11-16|due|follow-up|kenji-watanabe|Kenji Watanabe|No reply since your request of 2026-11-02: send one short, polite follow-up. Then: kith follow-up kenji-watanabe
	EOF
	rec reply kenji-watanabe --date 2026-11-17 --declined
	expect_reminders 2026-11-23 </dev/null
'

test_expect_success 'move-on: no reply two weeks after the follow-up' '
	new_network
	rec add-contact "Lars Øberg"
	rec request lars-oberg --date 2026-10-20
	rec follow-up lars-oberg --date 2026-11-03
	rec follow-up lars-oberg --date 2026-11-09 2>/dev/null
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-23|2026-11-23|due|move-on|lars-oberg|Lars Øberg|No reply since your follow-up of 2026-11-09: the guides say to move on to other contacts. Then: kith move-on lars-oberg
	EOF
	rec move-on lars-oberg
	expect_reminders 2026-11-23 </dev/null
'

test_expect_success 'schedule: they replied and no meeting is set' '
	new_network
	rec add-contact "Rachel Goldberg"
	rec request rachel-goldberg --date 2026-11-10
	rec reply rachel-goldberg --date 2026-11-22
	rec follow-up rachel-goldberg --date 2026-11-23
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-22|2026-11-24|due|schedule|rachel-goldberg|Rachel Goldberg|They replied on 2026-11-22 and no meeting is set: propose a time that suits them. Then: kith schedule rachel-goldberg WHEN
	EOF
'

test_expect_success 'prepare: a meeting in two days, and a rescheduled one' '
	new_network
	rec add-contact "Claire Dubois"
	rec schedule claire-dubois "2026-11-25 09:00" --virtual --date 2026-11-15
	rec add-contact "Tom Becker"
	rec schedule tom-becker 2026-11-20 --date 2026-11-01 2>/dev/null
	rec schedule tom-becker "2026-11-24 14:00" --date 2026-11-19
	rec reply tom-becker --date 2026-11-20 --note "See you then"
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-22|2026-11-24|due|prepare|tom-becker|Tom Becker|Your meeting on 2026-11-24 14:00 is coming: research them, their organization and field, and prepare 10-15 open questions. Then: kith prepare tom-becker
	2026-11-23|2026-11-25|due|prepare|claire-dubois|Claire Dubois|Your call on 2026-11-25 09:00 is coming: research them, their organization and field, and prepare 10-15 open questions; test your video or phone the night before. Then: kith prepare claire-dubois
	EOF
	expect_reminders 2026-11-22 <<-\EOF
	2026-11-22|2026-11-24|due|prepare|tom-becker|Tom Becker|Your meeting on 2026-11-24 14:00 is coming: research them, their organization and field, and prepare 10-15 open questions. Then: kith prepare tom-becker
	EOF
'

test_expect_success 'log-meeting: a scheduled meeting passed and was never logged' '
	new_network
	rec add-contact "Tom Becker"
	rec schedule tom-becker "2026-11-18 10:00" --date 2026-10-28 2>/dev/null
	expect_reminders 2026-11-18 <<-\EOF
	2026-11-16|2026-11-18|due|prepare|tom-becker|Tom Becker|Your meeting on 2026-11-18 10:00 is coming: research them, their organization and field, and prepare 10-15 open questions. Then: kith prepare tom-becker
	EOF
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-19|2026-11-19|overdue|log-meeting|tom-becker|Tom Becker|Your meeting of 2026-11-18 10:00 (set on 2026-10-28) was never logged: record how it went. Then: kith log-meeting tom-becker
	EOF
	rec log-meeting tom-becker --date "2026-11-18 10:00" --notes "Pilot line tour"
	rec thank tom-becker --date 2026-11-18
	expect_reminders 2026-11-23 </dev/null
'

test_expect_success 'notes: a meeting logged without notes, until a note' '
	new_network
	rec add-contact "Amara Okafor"
	rec log-meeting amara-okafor --date "2026-11-20 15:00" --notes "  "
	rec thank amara-okafor --date 2026-11-20
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-20|2026-11-20|overdue|notes|amara-okafor|Amara Okafor|Jot down what you learned at your meeting of 2026-11-20: advice, names, next steps. Then: kith note amara-okafor TEXT
	EOF
	rec note amara-okafor "Start with the patent agent exam"
	expect_reminders 2026-11-23 </dev/null
	rec add-contact "Tom Becker"
	rec log-meeting tom-becker --date 2026-11-20 --learned "Pilot lines need chemists"
	rec thank tom-becker --date 2026-11-21
	expect_reminders 2026-11-23 </dev/null
'

test_expect_success 'thank: a thank-you note within 24 hours of a meeting' '
	new_network
	rec add-contact "Amara Okafor"
	rec log-meeting amara-okafor --date "2026-11-20 15:00" --notes "Patent law needs chemists"
	expect_reminders 2026-11-20 <<-\EOF
	2026-11-20|2026-11-21|due|thank|amara-okafor|Amara Okafor|Send a thank-you note for your meeting of 2026-11-20, naming one or two things you learned. Then: kith thank amara-okafor
	EOF
	expect_reminders 2026-11-22 <<-\EOF
	2026-11-20|2026-11-21|overdue|thank|amara-okafor|Amara Okafor|Send a thank-you note for your meeting of 2026-11-20, naming one or two things you learned. Then: kith thank amara-okafor
	EOF
	rec thank amara-okafor --date 2026-11-22
	expect_reminders 2026-11-22 </dev/null
'

test_expect_success 'referral: reach out to a referral, from the meeting that named them or else from added' '
	new_network
	rec add-contact "Amara Okafor"
	rec log-meeting amara-okafor --date 2026-11-20 --notes x --referral "José Martínez"
	rec thank amara-okafor --date 2026-11-20
	kith --today 2026-11-21 add-contact "Sam Park" --referred-by amara-okafor -q
	rec note sam-park "Works on grid storage"
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-20|2026-11-27|due|referral|jose-martinez|José Martínez|Amara Okafor referred you on 2026-11-20: reach out and say who sent you. Then: kith request jose-martinez
	2026-11-21|2026-11-28|due|referral|sam-park|Sam Park|Amara Okafor referred you on 2026-11-21: reach out and say who sent you. Then: kith request sam-park
	EOF
	rec request jose-martinez --date 2026-11-23
	rec request sam-park --date 2026-11-23
	expect_reminders 2026-11-23 </dev/null
	# Neither a meeting that named them nor an added day: no reminder.
	rec add-contact "Lu Ke" --referred-by amara-okafor
	sed -i "/^added = /d" net/contacts/lu-ke.toml
	expect_contains net/contacts/lu-ke.toml "referred_by = \"amara-okafor\""
	expect_reminders 2026-11-23 </dev/null
'

# SPEC §5: "A duration is added to the event's date and time"; a referral's
# from is the referrer's met, so with an hours duration the meeting's time counts.
test_expect_success 'referral: referral_within = "36h" counts from the time of the meeting that named them' '
	new_network
	set_policy referral_within 36h
	rec add-contact "Amara Okafor"
	rec log-meeting amara-okafor --date "2026-11-20 23:30" --notes x --referral "José Martínez"
	rec thank amara-okafor --date 2026-11-20
	expect_reminders 2026-11-21 <<-\EOF
	2026-11-20|2026-11-22|due|referral|jose-martinez|José Martínez|Amara Okafor referred you on 2026-11-20: reach out and say who sent you. Then: kith request jose-martinez
	EOF
'

test_expect_success 'report-back: tell the referrer how the meeting with each referral went' '
	new_network
	rec add-contact "Priya Raman"
	rec log-meeting priya-raman --date 2026-09-11 --notes x --referral "Daniel Kowalski" --referral "Alex Doe"
	rec thank priya-raman --date 2026-09-11
	rec log-meeting daniel-kowalski --date 2026-11-17 --notes "National labs"
	rec thank daniel-kowalski --date 2026-11-18
	rec log-meeting alex-doe --date 2026-11-17 --notes "Start-ups"
	rec thank alex-doe --date 2026-11-17
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-17|2026-11-24|due|report-back|priya-raman|Priya Raman|You met Alex Doe, whom they referred you to, on 2026-11-17: tell them how it went. Then: kith check-in priya-raman
	2026-11-17|2026-11-24|due|report-back|priya-raman|Priya Raman|You met Daniel Kowalski, whom they referred you to, on 2026-11-17: tell them how it went. Then: kith check-in priya-raman
	EOF
	run_kith --today 2026-11-23 due --format ics
	ics_rows out | cut -d "|" -f 1 >uids
	expect_file_equals uids <<-\EOF
	report-back.priya-raman.20261117.alex-doe@kith
	report-back.priya-raman.20261117.daniel-kowalski@kith
	EOF
	rec check-in priya-raman --date 2026-11-16
	run_kith --today 2026-11-23 due --format tsv --rule report-back
	[ "$(wc -l <out)" = 2 ] || fail "a check-in before the meetings cleared the report-back: $(cat out)"
	rec check-in priya-raman --date 2026-11-17
	expect_reminders 2026-11-23 </dev/null
'

test_expect_success 'keep-in-touch: every 90 days after the last contact, met or checked in' '
	new_network
	rec add-contact "Siobhan Kelly"
	rec log-meeting siobhan-kelly --date 2026-08-10 --notes x
	rec thank siobhan-kelly --date 2026-08-12
	rec note siobhan-kelly "Moved to the Boston office" --date 2026-10-01
	rec add-contact "Kit Nguyen"
	rec check-in kit-nguyen --date 2026-08-01
	expect_reminders 2026-11-23 <<-\EOF
	2026-10-30|2026-10-30|overdue|keep-in-touch|kit-nguyen|Kit Nguyen|Last in touch on 2026-08-01: send a friendly note, an article, or congratulations. Then: kith check-in kit-nguyen
	2026-11-10|2026-11-10|overdue|keep-in-touch|siobhan-kelly|Siobhan Kelly|Last in touch on 2026-08-12: send a friendly note, an article, or congratulations. Then: kith check-in siobhan-kelly
	EOF
	rec check-in siobhan-kelly
	rec check-in kit-nguyen
	expect_reminders 2026-11-23 </dev/null
'

test_expect_success 'share-news: tell the people you met before your news' '
	new_network
	rec add-contact "Samuel Adeyemi"
	rec log-meeting samuel-adeyemi --date 2026-10-01 --notes x
	rec thank samuel-adeyemi --date 2026-10-01
	rec add-contact "Daniel Kowalski"
	rec log-meeting daniel-kowalski --date 2026-11-16 --notes x
	rec thank daniel-kowalski --date 2026-11-16
	rec add-contact "Marcus Bell"
	rec log-meeting marcus-bell --date 2026-10-01 --notes x
	rec thank marcus-bell --date 2026-10-01
	rec check-in marcus-bell --date 2026-11-16
	rec add-contact "Fatima Haddad"
	rec log-meeting fatima-haddad --date 2026-10-01 --notes x
	rec move-on fatima-haddad --date 2026-10-02
	rec milestone "Accepted an offer at Northwind" --date 2026-11-16
	expect_reminders 2026-11-23 <<-\EOF
	2026-11-16|2026-11-23|due|share-news|samuel-adeyemi|Samuel Adeyemi|Tell them your news of 2026-11-16: "Accepted an offer at Northwind". Then: kith check-in samuel-adeyemi
	EOF
	rec check-in samuel-adeyemi
	expect_reminders 2026-11-23 </dev/null
'

test_expect_success 'the command each message ends with records what clears that reminder' '
	every_rule_network
	run_kith --today 2026-11-23 due --format tsv
	cut -f 3,4,6 out >todo
	[ "$(wc -l <todo)" = 13 ]
	while IFS=$TAB read -r rule slug message; do
		# A meeting ahead is prepared for, not recorded.
		[ "$rule" != prepare ] || continue
		command=${message##*Then: kith }
		command=${command/TEXT/Notes}
		command=${command/WHEN/2026-11-30}
		rec $command
		run_kith --today 2026-11-23 due --format tsv --rule "$rule" --contact "$slug"
		[ ! -s out ] || fail "still listed after kith $command: $(cat out)"
	done <todo
	# What is left: the meeting ahead, and the meeting just logged without notes.
	run_kith --today 2026-11-23 due --format tsv
	cut -f 3,4 out >left
	printf "notes\ttom-becker\nthank\ttom-becker\nprepare\tclaire-dubois\n" | expect_file_equals left
'

# --- the sample network -----------------------------------------------------------------------

test_expect_success 'the sample network lists 6 overdue and 8 due reminders on 2026-11-23' '
	: "${KITH_SOURCE_DIR:?KITH_SOURCE_DIR must name the source tree}"
	run_kith --dir "$KITH_SOURCE_DIR/examples/network" --today 2026-11-23 due --format tsv
	expect_status 0
	expect_empty err
	cut -f 1-4 out >got
	tr " " "\t" <<-\EOF | expect_file_equals got
	2026-11-10 overdue keep-in-touch siobhan-oneill
	2026-11-16 overdue follow-up kenji-watanabe
	2026-11-17 overdue keep-in-touch priya-raman
	2026-11-19 overdue log-meeting tom-becker
	2026-11-20 overdue notes amara-okafor
	2026-11-21 overdue thank amara-okafor
	2026-11-23 due move-on lars-oberg
	2026-11-23 due share-news priya-raman
	2026-11-23 due share-news samuel-adeyemi
	2026-11-23 due share-news siobhan-oneill
	2026-11-24 due report-back priya-raman
	2026-11-24 due schedule rachel-goldberg
	2026-11-25 due prepare claire-dubois
	2026-11-27 due referral jose-martinez
	EOF
	awk -F "\t" "NF != 6 || \$6 !~ /Then: kith [a-z-]+ [a-z-]+/" out >odd
	expect_empty odd
	run_kith --dir "$KITH_SOURCE_DIR/examples/network" --today 2026-11-23 due --format ics
	expect_status 0
	cp out calendar.ics
	expect_ics_bytes calendar.ics
	[ "$(ics_rows calendar.ics | wc -l)" = 14 ]
'

test_expect_success 'the sample network with --within 7d adds one upcoming: nadia-petrova'\''s follow-up' '
	run_kith --dir "$KITH_SOURCE_DIR/examples/network" --today 2026-11-23 due --format tsv
	cp out today
	run_kith --dir "$KITH_SOURCE_DIR/examples/network" --today 2026-11-23 due --format tsv --within 7d
	expect_status 0
	[ "$(wc -l <out)" = 15 ] || fail "$(cat out)"
	grep -v "	upcoming	" out >not-upcoming
	cmp today not-upcoming
	grep "	upcoming	" out | cut -f 1-5 >upcoming
	printf "2026-11-26\tupcoming\tfollow-up\tnadia-petrova\tNadia Petrova\n" | expect_file_equals upcoming
'

test_expect_success '--exit-code --quiet prints nothing and only answers with its status' '
	new_network
	kith --today 2026-11-01 add-contact "Priya Singh" -q
	kith --today 2026-11-01 request priya -q
	run_kith --today 2026-11-20 due --exit-code --quiet
	expect_status 1
	expect_empty out
	run_kith --today 2026-11-02 due --exit-code --quiet
	expect_status 0
	expect_empty out
'

test_done
