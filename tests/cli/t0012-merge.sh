# Two machines, one network in git: what each appended merges to a file that
# holds both (kith's merge driver, set up by init --git in every clone), and
# what cannot merge is a conflict git reports, never a file that reads wrong.
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
export GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$TEST_ROOT"
SQ="'"

# Merges the laptop's commits into the desktop; $status is git's.
pull_into_desktop() {
	status=0
	git -C desktop pull -q --no-rebase --no-edit >pull.out 2>&1 || status=$?
}

test_expect_success 'two machines that each appended an event on the same day merge to a file holding both' '
	two_machines
	kith --dir laptop --today 2026-11-23 note priya "Sent the article from the laptop" -q
	kith --dir desktop --today 2026-11-23 note priya "Called from the desktop" -q
	kith --dir desktop --today 2026-11-23 follow-up priya --via phone -q
	pull_into_desktop
	expect_status 0
	expect_file_equals desktop/contacts/priya-singh.toml <<-\EOF
	name = "Priya Singh"
	added = 2026-11-02

	[[event]]
	type = "requested"
	date = 2026-11-02

	[[event]]
	type = "note"
	date = 2026-11-23
	note = "Called from the desktop"

	[[event]]
	type = "followed-up"
	date = 2026-11-23
	via = "phone"

	[[event]]
	type = "note"
	date = 2026-11-23
	note = "Sent the article from the laptop"
	EOF
	run_kith --dir desktop check
	expect_status 0
	run_kith --dir desktop show priya
	expect_contains out "Sent the article from the laptop"
	expect_contains out "Called from the desktop"
	git -C desktop status --porcelain >dirty
	expect_empty dirty
	[ "$(git -C desktop rev-list --count --merges HEAD)" -eq 1 ]
'

test_expect_success 'a rebasing pull keeps both sides'"'"' events too' '
	two_machines
	kith --dir laptop --today 2026-11-23 note priya "laptop" -q
	kith --dir desktop --today 2026-11-23 note priya "desktop" -q
	git -C desktop pull -q --rebase
	expect_contains desktop/contacts/priya-singh.toml "note = \"laptop\""
	expect_contains desktop/contacts/priya-singh.toml "note = \"desktop\""
	run_kith --dir desktop check
	expect_status 0
'

test_expect_success 'a note whose lines open with brackets and an event on the other machine merge, each whole' '
	two_machines
	kith --dir laptop --today 2026-11-23 note priya "[ ] send CV
[10:30] called" -q
	kith --dir desktop --today 2026-11-23 follow-up priya --via email -q
	pull_into_desktop
	expect_status 0
	expect_file_equals desktop/contacts/priya-singh.toml <<-\EOF
	name = "Priya Singh"
	added = 2026-11-02

	[[event]]
	type = "requested"
	date = 2026-11-02

	[[event]]
	type = "followed-up"
	date = 2026-11-23
	via = "email"

	[[event]]
	type = "note"
	date = 2026-11-23
	note = """[ ] send CV
	[10:30] called"""
	EOF
	run_kith --dir desktop check
	expect_status 0
'

test_expect_success 'the same, pulled with --rebase: the replayed event follows the note, both whole' '
	two_machines
	kith --dir laptop --today 2026-11-23 note priya "[ ] send CV
[10:30] called" -q
	kith --dir desktop --today 2026-11-23 follow-up priya --via email -q
	kith --dir desktop --today 2026-11-23 note priya "[x] sent" -q
	git -C desktop pull -q --rebase
	expect_file_equals desktop/contacts/priya-singh.toml <<-\EOF
	name = "Priya Singh"
	added = 2026-11-02

	[[event]]
	type = "requested"
	date = 2026-11-02

	[[event]]
	type = "note"
	date = 2026-11-23
	note = """[ ] send CV
	[10:30] called"""

	[[event]]
	type = "followed-up"
	date = 2026-11-23
	via = "email"

	[[event]]
	type = "note"
	date = 2026-11-23
	note = "[x] sent"
	EOF
	[ "$(git -C desktop rev-list --count --merges HEAD)" -eq 0 ]
'

test_expect_success 'meeting notes with a line the other machine'"'"'s note also has, quotes and blank lines, merge whole' '
	two_machines
	kith --dir laptop --today 2026-11-23 note priya "Todo:
[ ] send CV" -q
	printf "Done:\n[ ] send CV\n\n   \n[10:30] said \"\"\" and \\\\ \n" >notes.md
	kith --dir desktop --today 2026-11-23 log-meeting priya --notes-file notes.md -q
	pull_into_desktop
	expect_status 0
	python3 - desktop/contacts/priya-singh.toml notes.md <<-\EOF
	import sys, tomllib
	events = tomllib.load(open(sys.argv[1], "rb"))["event"]
	texts = [e.get("note", e.get("notes")) for e in events[1:]]
	sys.exit(texts != [open(sys.argv[2]).read(), "Todo:\n[ ] send CV"] and repr(texts))
	EOF
	run_kith --dir desktop check
	expect_status 0
'

test_expect_success 'milestones both machines added to kith.toml are both kept' '
	two_machines
	kith --dir laptop --today 2026-11-23 milestone "Accepted an offer" -q
	kith --dir desktop --today 2026-11-24 milestone "Started at Acme" -q
	pull_into_desktop
	expect_status 0
	expect_contains desktop/kith.toml "Accepted an offer"
	expect_contains desktop/kith.toml "Started at Acme"
	run_kith --dir desktop check
	expect_status 0
'

test_expect_success 'a hand edit of the fields on one machine and an event on the other merge' '
	two_machines
	sed -i "s/^name = \"Priya Singh\"$/&\nemail = \"priya@example.org\"/" laptop/contacts/priya-singh.toml
	git -C laptop commit -qam "email"
	kith --dir desktop --today 2026-11-23 reply priya -q
	pull_into_desktop
	expect_status 0
	expect_contains desktop/contacts/priya-singh.toml "email = \"priya@example.org\""
	expect_contains desktop/contacts/priya-singh.toml "type = \"replied\""
	run_kith --dir desktop --today 2026-11-23 list --format tsv
	expect_contains out "replied"
'

test_expect_success 'two different changes to one field are a conflict for you to mend, and check names the file' '
	two_machines
	sed -i "s/^name = .*/name = \"Priya Singh-Rao\"/" laptop/contacts/priya-singh.toml
	git -C laptop commit -qam "married name"
	sed -i "s/^name = .*/name = \"Priya R. Singh\"/" desktop/contacts/priya-singh.toml
	git -C desktop commit -qam "middle initial"
	pull_into_desktop
	[ "$status" -ne 0 ]
	expect_contains pull.out "CONFLICT"
	expect_contains desktop/contacts/priya-singh.toml "<<<<<<< ours"
	expect_contains desktop/contacts/priya-singh.toml "Priya Singh-Rao"
	expect_contains desktop/contacts/priya-singh.toml "Priya R. Singh"
	run_kith --dir desktop check
	expect_status 1
	grep -q "^contacts/priya-singh.toml:[0-9]*:[0-9]*: " out || fail "$(cat out)"
'

test_expect_success 'a clone that was never set up gets a conflict, not a file that reads wrong' '
	two_machines
	git clone -q laptop bare-clone
	kith --dir laptop --today 2026-11-23 note priya "laptop" -q
	printf "\n[[event]]\ntype = \"note\"\ndate = 2026-11-23\nnote = \"clone\"\n" >>bare-clone/contacts/priya-singh.toml
	git -C bare-clone commit -qam clone
	status=0
	git -C bare-clone pull -q --no-rebase --no-edit >pull.out 2>&1 || status=$?
	[ "$status" -ne 0 ]
	expect_contains bare-clone/contacts/priya-singh.toml "<<<<<<<"
'

test_expect_success 'a driver whose kith is gone still leaves a conflict to mend, never just one side' '
	two_machines
	cp "$KITH" "$TRASH/old-kith"
	kith init "$TRASH/desktop" --git -q
	git -C desktop config merge.kith.driver "$(git -C desktop config merge.kith.driver | sed "s|$KITH|$TRASH/old-kith|")"
	rm "$TRASH/old-kith"
	kith --dir laptop --today 2026-11-23 note priya "from the laptop" -q
	kith --dir desktop --today 2026-11-23 note priya "from the desktop" -q
	pull_into_desktop
	[ "$status" -ne 0 ]
	expect_contains desktop/contacts/priya-singh.toml "from the laptop"
	expect_contains desktop/contacts/priya-singh.toml "from the desktop"
	expect_contains desktop/contacts/priya-singh.toml "<<<<<<< ours"
'

test_expect_success 'merge-file falls back to a line merge when a side cannot be read' '
	printf "name = \"A\"\n" >base
	printf "name = \"A\"\nrole = \"x\"\n" >ours
	printf "name = \"A\"\nrole = \"y\"\n" >theirs
	cp ours ours.before
	run_kith merge-file base ours missing contacts/a.toml
	expect_status 3
	expect_contains err "missing"
	cmp ours ours.before
	run_kith merge-file base ours theirs contacts/kith.toml
	expect_status 1
	expect_contains ours "<<<<<<< ours"
'

test_expect_success 'merge-file reads contacts/kith.toml as a contact, not as the network'"'"'s kith.toml' '
	printf "name = \"Kith\"\n" >base
	cp base ours
	printf "\n[[event]]\ntype = \"waved\"\ndate = 2026-11-23\n" >>ours
	cp base theirs
	printf "\n[[event]]\ntype = \"note\"\ndate = 2026-11-23\n" >>theirs
	run_kith merge-file base ours theirs contacts/kith.toml
	expect_status 1
'

test_expect_success 'merge-file keeps each appended table once, and reads the result as the file it merges' '
	printf "name = \"A\"\n" >base
	printf "name = \"A\"\n\n[[event]]\ntype = \"note\"\ndate = 2026-11-23\nnote = \"x\"\n" >ours
	cp ours theirs
	printf "\n[[event]]\ntype = \"note\"\ndate = 2026-11-24\nnote = \"y\"\n" >>theirs
	run_kith merge-file base ours theirs contacts/a.toml
	expect_status 0
	expect_empty err
	[ "$(grep -c "^\[\[event\]\]" ours)" -eq 2 ]
	cmp ours theirs
'

test_expect_success 'merge-file: tables that merge but do not read fall back to a conflict, exit 1' '
	printf "name = \"A\"\n" >base
	printf "name = \"A\"\n\n[extra]\nx = 1\n" >ours
	printf "name = \"A\"\n\n[extra]\nx = 2\n" >theirs
	run_kith merge-file base ours theirs contacts/a.toml
	expect_status 1
	expect_contains err "${SQ}contacts/a.toml${SQ}: both sides changed the same lines"
	expect_contains ours "<<<<<<< ours"
	expect_contains ours ">>>>>>> theirs"
'

test_expect_success 'merge-file is plumbing: not in kith --help, but it has its own' '
	run_kith --help
	expect_not_contains out merge-file
	run_kith merge-file --help
	expect_status 0
	expect_contains out "kith init --git"
'

test_expect_success 'a kith whose path needs quoting in a shell still merges' '
	two_machines
	mkdir "$TRASH/it'"'"'s kith"
	cp "$KITH" "$TRASH/it'"'"'s kith/kith"
	"$TRASH/it'"'"'s kith/kith" init "$TRASH/desktop" --git -q
	kith --dir laptop --today 2026-11-23 note priya "from the laptop" -q
	kith --dir desktop --today 2026-11-23 note priya "from the desktop" -q
	pull_into_desktop
	expect_status 0
	expect_contains desktop/contacts/priya-singh.toml "from the laptop"
	expect_contains desktop/contacts/priya-singh.toml "from the desktop"
	expect_not_contains desktop/contacts/priya-singh.toml "<<<<<<<"
'

test_done
