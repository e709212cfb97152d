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

test_done
