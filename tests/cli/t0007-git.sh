# [git] autocommit: every write is committed, just the files it touched; a
# commit git refuses is reported, and the write stands.
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
export GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$TEST_ROOT"

# A git network with autocommit on.
autocommit_network() {
	kith init "$TRASH/net" --git -q && export KITH_DIR="$TRASH/net"
	sed -i 's/^# autocommit = false.*/autocommit = true/' "$TRASH/net/kith.toml"
	grep -qx "autocommit = true" "$TRASH/net/kith.toml"
	git -C "$TRASH/net" add kith.toml .gitignore .gitattributes && git -C "$TRASH/net" commit -qm init
}

test_expect_success 'each write is a commit of just the files it touched, named for the command' '
	autocommit_network
	echo "scratch" >net/unrelated.txt
	kith add-contact "Priya Singh" -q
	kith --today 2026-11-23 request priya -q
	kith --today 2026-11-23 log-meeting priya --referral "Alex Doe" -q
	kith milestone "Accepted an offer" -q
	git -C net log --format=%s >log
	expect_file_equals log <<-\EOF
	milestone: Accepted an offer
	log-meeting: priya-singh
	request: priya-singh
	add-contact: priya-singh
	init
	EOF
	git -C net show --name-only --format= HEAD~1 >files
	expect_file_equals files <<-\EOF
	contacts/alex-doe.toml
	contacts/priya-singh.toml
	EOF
	git -C net status --porcelain >status
	expect_file_equals status <<-\EOF
	?? unrelated.txt
	EOF
'

test_expect_success 'a commit git refuses is a warning with git'"'"'s words, and the event stays written: exit 0' '
	autocommit_network
	kith add-contact "Priya Singh" -q
	printf "#!/bin/sh\necho hook says no >&2\nexit 1\n" >net/.git/hooks/pre-commit
	chmod +x net/.git/hooks/pre-commit
	run_kith --today 2026-11-23 note priya "still written"
	expect_status 0
	expect_contains err "kith: warning: the change was written, but git did not commit it"
	expect_contains err "hook says no"
	expect_contains net/contacts/priya-singh.toml "still written"
'

test_expect_success 'a commit without a git identity is refused with git'"'"'s words, and the write stands: exit 0' '
	autocommit_network
	git -C net config user.useConfigOnly true
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
		run_kith add-contact "Priya Singh"
		expect_status 0
		expect_contains err "git did not commit it"
		expect_contains err "user.email"
	)
	[ -f net/contacts/priya-singh.toml ]
'

test_expect_success 'a commit in the middle of a merge is refused with git'"'"'s words, and the event stands' '
	autocommit_network
	kith add-contact "Priya Singh" -q
	git -C net checkout -q -b other
	kith --today 2026-11-20 note priya "on the branch" -q
	git -C net checkout -q -
	kith --today 2026-11-21 request priya -q
	git -C net merge -q --no-commit --no-ff other >/dev/null 2>&1 || true
	[ -f net/.git/MERGE_HEAD ]
	run_kith --today 2026-11-22 note priya "during the merge"
	expect_status 0
	expect_contains err "git did not commit it"
	expect_contains err "merge"
	expect_contains net/contacts/priya-singh.toml "during the merge"
'

test_expect_success 'without autocommit nothing is committed' '
	kith init "$TRASH/net" --git -q && export KITH_DIR="$TRASH/net"
	kith add-contact "Priya Singh" -q
	git -C net rev-parse --git-dir >/dev/null
	! git -C net rev-parse -q --verify HEAD
'

test_done
