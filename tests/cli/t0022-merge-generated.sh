# Hundreds of merges through real git, of events both machines recorded with
# texts full of what TOML and a line merge trip on ([ at a line's start, """,
# quotes, backslashes, CRLF, blank and whitespace-only lines): after each
# `git pull`, merging or rebasing, every text is in the file byte for byte,
# once, and the network passes kith check.
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
export GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$TEST_ROOT"

# Reads every snapshot under rounds/ with Python's own TOML reader: each text
# recorded up to that round (expect/<slug>.<field>.<id>, its exact bytes)
# stands in its file once, and the file holds no event or milestone besides.
cat >"$TEST_ROOT/check.py" <<'PY'
import collections, os, sys, tomllib

rounds, expect = sys.argv[1], sys.argv[2]
baseline = {"priya-singh": 1, "bo-chen": 0}  # the request made before the clone
problems = []
for name in sorted(os.listdir(rounds)):
    snapshot = os.path.join(rounds, name)
    with open(os.path.join(snapshot, "expected")) as listing:
        wanted = [line.strip() for line in listing if line.strip()]
    found = collections.Counter()
    events = {}
    for slug in baseline:
        with open(os.path.join(snapshot, slug + ".toml"), "rb") as f:
            contact = tomllib.load(f)
        events[slug] = contact.get("event", [])
        for e in events[slug]:
            if "note" in e: found[(slug, "note", e["note"])] += 1
            if "notes" in e: found[(slug, "notes", e["notes"])] += 1
            for item in e.get("learned", []): found[(slug, "learned", item)] += 1
    with open(os.path.join(snapshot, "kith.toml"), "rb") as f:
        milestones = tomllib.load(f).get("milestone", [])
    for m in milestones:
        found[("kith", "milestone", m["text"])] += 1
    tables = collections.Counter()
    for key in wanted:
        slug, field, _ = key.split(".", 2)
        with open(os.path.join(expect, key), "rb") as f:
            text = f.read().decode("utf-8")
        if found[(slug, field, text)] != 1:
            problems.append(f"round {name}: {key} is there {found[(slug, field, text)]} times: {text!r}")
        if field in ("note", "notes", "milestone"):
            tables[slug] += 1
    for slug in baseline:
        if len(events[slug]) != baseline[slug] + tables[slug]:
            problems.append(f"round {name}: {slug} has {len(events[slug])} events, not {baseline[slug] + tables[slug]}")
    if len(milestones) != tables["kith"]:
        problems.append(f"round {name}: {len(milestones)} milestones, not {tables['kith']}")
print("\n".join(problems[:20]))
sys.exit(1 if problems else 0)
PY

# two_machines (lib.sh), then Bo on the laptop (his file
# with CRLF line ends, as an editor on Windows leaves it), pulled by the desktop;
# each machine a remote of the other.
two_machines_and_bo() {
	two_machines
	kith --dir laptop --today 2026-11-02 add-contact "Bo Chen" -q
	sed -i 's/$/\r/' laptop/contacts/bo-chen.toml
	git -C laptop commit -qam "Bo, as written on Windows"
	git -C desktop pull -q --no-rebase --no-edit
	git -C laptop remote add desktop "$TRASH/desktop"
	branch=$(git -C laptop symbolic-ref --short HEAD)
}

pieces=('[ ] send CV' '[10:30] called' '[' ']' '[[event]]' '[x] ' '"' '""' '"""' "'" "''" "'''" '\' '\n' '\\'
	$'\n' $'\r\n' $'\n\n' $'   \n' $'\t\n' ' ' $'\t' 'trailing  ' '# not a comment' 'x = 1' 'été' '{a = 1}' '=')

# Sets $text to a random text of those pieces holding $1 (what makes it
# unique) at a random place.
random_text() {
	local n=$((1 + RANDOM % 6)) at i
	at=$((RANDOM % (n + 1)))
	text=
	for ((i = 0; i < n; i++)); do
		[ "$i" -ne "$at" ] || text+=$1
		text+=${pieces[RANDOM % ${#pieces[@]}]}
	done
	[ "$at" -ne "$n" ] || text+=$1
}

# expect FIELD-KEY: keeps $text as what must be in the merged files.
expect() {
	printf '%s' "$text" >"expect/$1"
	printf '%s\n' "$1" >>expected
}

# record MACHINE ID: one or two events or milestones recorded on MACHINE,
# each its own commit.
record() {
	local machine=$1 id=$2 n k slug
	for ((n = 1 + RANDOM % 2; n > 0; n--)); do
		k=$id.$n
		slug=priya-singh
		[ $((RANDOM % 3)) -ne 0 ] || slug=bo-chen
		random_text "<$k>"
		case $((RANDOM % 5)) in
		0 | 1)
			kith --dir "$machine" --today 2026-11-23 note "$slug" "$text" -q
			expect "$slug.note.$k"
			;;
		2 | 3)
			expect "$slug.notes.$k"
			printf '%s' "$text" >notes.txt
			random_text "<$k learned>"
			expect "$slug.learned.$k"
			kith --dir "$machine" --today 2026-11-23 log-meeting "$slug" --notes-file notes.txt --learned "$text" -q
			;;
		4)
			kith --dir "$machine" --today 2026-11-23 milestone "$text" -q
			expect "kith.milestone.$k"
			;;
		esac
	done
}

test_expect_success 'three hundred merges and rebases of generated texts keep every text, byte for byte' '
	RANDOM=17
	two_machines_and_bo
	mkdir expect rounds
	: >expected
	# KITH_MERGE_ROUNDS: fewer under the sanitizers (scripts/test-sanitizers), where each kith is slower.
	for ((round = 100; round < 100 + ${KITH_MERGE_ROUNDS:-300}; round++)); do
		record laptop "$round.l"
		record desktop "$round.d"
		# Each machine pulls the other in turn, merging, then rebasing; the other one catches up.
		mode=--no-rebase
		[ $((round % 2)) -eq 0 ] || mode=--rebase
		if [ $((round / 2 % 2)) -eq 0 ]; then
			git -C desktop pull -q $mode --no-edit >pull.out 2>&1 || fail "round $round: $(cat pull.out)"
			git -C laptop pull -q --ff-only desktop "$branch"
			merged=desktop
		else
			git -C laptop pull -q $mode --no-edit desktop "$branch" >pull.out 2>&1 || fail "round $round: $(cat pull.out)"
			git -C desktop pull -q --ff-only
			merged=laptop
		fi
		mkdir "rounds/$round"
		cp "$merged"/contacts/*.toml "$merged/kith.toml" expected "rounds/$round/"
		run_kith --dir "$merged" check
		[ "$status" -eq 0 ] || fail "round $round: kith check: $(cat out err)"
	done
	python3 "$TEST_ROOT/check.py" rounds expect
	for machine in laptop desktop; do
		git -C $machine status --porcelain >dirty
		expect_empty dirty
	done
	[ "$(git -C laptop rev-parse HEAD)" = "$(git -C desktop rev-parse HEAD)" ]
'

test_done
