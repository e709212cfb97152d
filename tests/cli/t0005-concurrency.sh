# Concurrent kith processes on one network: the lock and the write-then-rename
# lose no event, never mix two files, and leave no temporary file behind.
. "$(dirname "$0")/lib.sh"

# run_parallel N COMMAND...: runs COMMAND N times at once, the word {} in it
# replaced by the run's number (1..N); fails unless every run exits 0.
# Its stdout and stderr are kept in out.* and err.*.
run_parallel() {
	local n=$1 i run=$BASHPID pids=() failed=0
	shift
	for i in $(seq 1 "$n"); do
		kith "${@//\{\}/$i}" >"out.$run.$i" 2>"err.$run.$i" &
		pids+=($!)
	done
	for i in $(seq 1 "$n"); do
		wait "${pids[i - 1]}" || { failed=1; fail "run $i failed: $(cat "err.$run.$i")" || :; }
	done
	return $failed
}

expect_no_leftovers() {
	! ls -A net net/contacts | grep -F ".tmp-" || fail "temporary files left behind"
}

test_expect_success '20 notes written at once to one contact are all kept' '
	new_network
	kith add-contact "Jordan Lee" -q
	run_parallel 20 note jordan-lee "note {}"
	python3 -c "
import sys, tomllib
events = tomllib.load(open(sys.argv[1], \"rb\"))[\"event\"]
notes = sorted(e[\"note\"] for e in events if e[\"type\"] == \"note\")
want = sorted(f\"note {i}\" for i in range(1, 21))
sys.exit(0 if len(events) == 20 and notes == want else f\"{len(events)} events: {notes}\")
" net/contacts/jordan-lee.toml
	expect_no_leftovers
'

test_expect_success '10 contacts added at once under one name get 10 distinct slugs' '
	new_network
	run_parallel 10 add-contact "Jordan Lee"
	cat out.* | sort >slugs
	{ echo jordan-lee; seq -f "jordan-lee-%g" 2 10; } | sort >expected
	cmp expected slugs || fail "$(diff expected slugs)"
	ls net/contacts | sort >files
	sed "s/\$/.toml/" expected | sort >expected-files
	cmp expected-files files || fail "$(diff expected-files files)"
	for f in net/contacts/*.toml; do
		python3 -c "import sys, tomllib; tomllib.load(open(sys.argv[1], \"rb\"))" "$f"
	done
	expect_no_leftovers
'

test_expect_success 'notes on several contacts and milestones at once are all kept' '
	new_network
	kith add-contact "Jordan Lee" -q
	kith add-contact "Priya Singh" -q
	run_parallel 8 note jordan-lee "j {}" &
	j=$!
	run_parallel 8 note priya-singh "p {}" &
	p=$!
	ok=yes
	run_parallel 8 milestone "m {}" || ok=no
	wait $j || ok=no
	wait $p || ok=no
	[ $ok = yes ]
	[ "$(grep -c "^type = \"note\"" net/contacts/jordan-lee.toml)" = 8 ]
	[ "$(grep -c "^type = \"note\"" net/contacts/priya-singh.toml)" = 8 ]
	[ "$(grep -c "^\[\[milestone\]\]" net/kith.toml)" = 8 ]
	python3 -c "import sys, tomllib; [tomllib.load(open(f, \"rb\")) for f in sys.argv[1:]]" \
		net/kith.toml net/contacts/*.toml
	expect_no_leftovers
'

test_expect_success 'readers running meanwhile never see a half-written file, and no write is lost' '
	new_network
	for name in "Jordan Lee" "Priya Singh" "Alex Doe"; do kith add-contact "$name" -q; done
	# four writers: 25 notes each, two on one contact, while new contacts come in
	pids=()
	for w in 1 2 3 4; do
		case $w in 1 | 2) c=jordan-lee ;; 3) c=priya-singh ;; 4) c=alex-doe ;; esac
		(for i in $(seq 1 25); do "$KITH" note $c "w$w n$i" -q || exit 1; done) &
		pids+=($!)
	done
	(for i in $(seq 1 10); do "$KITH" add-contact "New $i" -q || exit 1; done) &
	pids+=($!)
	trap "kill ${pids[*]} 2>/dev/null || :" EXIT
	# readers meanwhile, for at most five minutes: every report must read every file whole
	reads=0
	deadline=$((SECONDS + 300))
	while [ -n "$(jobs -r)" ] && [ $SECONDS -lt $deadline ]; do
		run_kith due --format json --today 2026-11-23
		expect_status 0
		/usr/bin/python3 -c "import json, sys; json.load(open(sys.argv[1]))" out
		run_kith list --format tsv
		expect_status 0
		expect_empty err
		reads=$((reads + 1))
	done
	for pid in "${pids[@]}"; do wait "$pid" || fail "a writer failed"; done
	[ "$reads" -ge 1 ] || fail "no read ran during the writes"
	for expected in jordan-lee:50 priya-singh:25 alex-doe:25; do
		count=$(grep -c "^type = \"note\"" "net/contacts/${expected%:*}.toml")
		[ "$count" = "${expected#*:}" ] || fail "${expected%:*} has $count notes, not ${expected#*:}"
	done
	[ "$(ls net/contacts | wc -l)" = 13 ] || fail "$(ls net/contacts | wc -l) contacts, not 13"
	kith check
	expect_no_leftovers
'

test_expect_success 'a writer that waits more than a second for the lock says who holds it' '
	new_network
	kith add-contact "Jordan Lee" -q
	flock net sh -c "touch held; i=0; while [ ! -e release ] && [ \$i -lt 1200 ]; do sleep 0.1; i=\$((i + 1)); done" &
	holder=$!
	for i in $(seq 1 100); do [ -e held ] && break; sleep 0.1; done
	"$KITH" note jordan-lee "after the wait" >out 2>err &
	writer=$!
	for i in $(seq 1 300); do grep -q waiting err && break; sleep 0.1; done
	touch release
	wait $writer || fail "the writer failed: $(cat err)"
	wait $holder
	expect_contains err "kith: waiting for the network lock held by flock (pid $holder)"
	expect_contains net/contacts/jordan-lee.toml "after the wait"
	run_kith note jordan-lee "no wait"
	expect_empty err
'

# An editor for `kith edit` that says it is open (a file "open"), then waits
# until the test makes a file "release", then changes the company.
waiting_editor() {
	cat >"$TRASH/editor" <<-SH
	#!/bin/sh
	touch "$TRASH/open"
	i=0
	while [ ! -e "$TRASH/release" ] && [ \$i -lt 6000 ]; do sleep 0.1; i=\$((i + 1)); done
	sed -i "s/^company = .*/company = \"Edited\"/" "\$1"
	SH
	chmod +x "$TRASH/editor"
}

test_expect_success '150 mixed writers and readers while an edit is open: every acknowledged event is there once' '
	new_network
	kith --today 2026-11-01 add-contact "Jordan Lee" -q
	kith --today 2026-11-01 add-contact "Priya Singh" -q
	kith --today 2026-11-01 add-contact "Alex Doe" -q
	kith --today 2026-11-01 add-contact "Edit Me" --company "Before" -q
	waiting_editor
	EDITOR="$TRASH/editor" "$KITH" edit edit-me >edit.out 2>edit.err </dev/null &
	editing=$!
	for i in $(seq 1 100); do [ -e open ] && break; sleep 0.1; done
	[ -e open ] || fail "the editor did not start"
	pids=()
	for i in $(seq 1 150); do
		case $((i % 7)) in
		0) set -- note jordan-lee "n$i" ;;
		1) set -- request priya-singh --note "r$i" ;;
		2) set -- add-contact "Same Name" --note "a$i" ;;
		3) set -- add-contact "Person $i" ;;
		4) set -- milestone "m$i" ;;
		# referrals named far apart, never near one another (a near miss is refused)
		5) set -- log-meeting alex-doe --notes "met$i" --referral "Referral $(printf %s $i | sha1sum | head -c 8)" ;;
		6)
			printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported %s\r\nEND:VCARD\r\n" "$i" >"card$i.vcf"
			set -- import vcard "card$i.vcf"
			;;
		esac
		(timeout 500 "$KITH" --today 2026-11-20 "$@" >"w$i.out" 2>"w$i.err" && echo "$*" >"w$i.ok") &
		pids+=($!)
	done
	trap "kill ${pids[*]} $editing 2>/dev/null || :" EXIT
	reads=0
	while [ -n "$(jobs -rp | grep -vx "$editing")" ]; do
		for report in "due --format json" "list --format tsv" "export --format json"; do
			run_kith --today 2026-11-20 $report
			expect_status 0
			expect_empty err
		done
		reads=$((reads + 1))
	done
	for pid in "${pids[@]}"; do wait "$pid" || :; done
	[ "$reads" -ge 1 ] || fail "no read ran during the writes"
	kill -0 $editing || fail "the edit ended before the writers did"
	[ "$(ls w*.ok | wc -l)" -eq 150 ] || fail "$(ls w*.ok | wc -l) writers acknowledged: $(cat w*.err)"
	! grep -l "held by kith (pid $editing)" w*.err || fail "a writer waited for the editor"
	touch release
	wait $editing || fail "the edit failed: $(cat edit.err)"
	expect_contains edit.out "Saved contacts/edit-me.toml"
	expect_contains net/contacts/edit-me.toml "company = \"Edited\""
	python3 - net <<-\PY
	import glob, hashlib, sys, tomllib
	net = sys.argv[1]
	contacts = {f: tomllib.load(open(f, "rb")) for f in glob.glob(net + "/contacts/*.toml")}
	def texts(slug, kind, key):
	    return sorted(e.get(key) for e in contacts[f"{net}/contacts/{slug}.toml"].get("event", []) if e["type"] == kind)
	def names(name):
	    return [c for c in contacts.values() if c["name"] == name]
	problems = []
	def expect(what, got, want):
	    if got != want: problems.append(f"{what}: {got} != {want}")
	ids = lambda r: [i for i in range(1, 151) if i % 7 == r]
	expect("notes", texts("jordan-lee", "note", "note"), sorted(f"n{i}" for i in ids(0)))
	expect("requests", texts("priya-singh", "requested", "note"), sorted(f"r{i}" for i in ids(1)))
	same = sorted(e["note"] for c in names("Same Name") for e in c["event"])
	expect("one name", same, sorted(f"a{i}" for i in ids(2)))
	for i in ids(3): expect(f"Person {i}", len(names(f"Person {i}")), 1)
	milestones = sorted(m["text"] for m in tomllib.load(open(net + "/kith.toml", "rb"))["milestone"])
	expect("milestones", milestones, sorted(f"m{i}" for i in ids(4)))
	expect("meetings", texts("alex-doe", "met", "notes"), sorted(f"met{i}" for i in ids(5)))
	for i in ids(5):
	    referral = names("Referral " + hashlib.sha1(str(i).encode()).hexdigest()[:8])
	    expect(f"Referral {i}", [c.get("referred_by") for c in referral], ["alex-doe"])
	for i in ids(6): expect(f"Imported {i}", len(names(f"Imported {i}")), 1)
	sys.exit("\n".join(problems) or None)
	PY
	kith check
	expect_no_leftovers
'

test_done
