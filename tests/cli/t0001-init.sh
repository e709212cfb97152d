# kith init: a new network folder, private, with the policy written out.
. "$(dirname "$0")/lib.sh"

test_expect_success 'init creates kith.toml and contacts/, private to you' '
	run_kith init "$TRASH/net"
	expect_status 0
	expect_contains out "Created a kith network in $TRASH/net"
	[ "$(stat -c %a "$TRASH/net")" = 700 ]
	[ "$(stat -c %a "$TRASH/net/contacts")" = 700 ]
	[ "$(stat -c %a "$TRASH/net/kith.toml")" = 600 ]
	expect_contains "$TRASH/net/kith.toml" "# follow_up_after = \"14d\""
	expect_contains "$TRASH/net/kith.toml" "# thank_within = \"24h\""
'

test_expect_success 'init refuses a folder that already holds a network, changing nothing' '
	new_network
	before=$(snapshot)
	run_kith init "$TRASH/net"
	expect_status 2
	expect_contains err "already holds a kith network"
	[ "$(snapshot)" = "$before" ]
'

test_expect_success 'init without DIR uses the XDG data folder' '
	XDG_DATA_HOME="$TRASH/xdg" run_kith init
	expect_status 0
	[ -f "$TRASH/xdg/kith/kith.toml" ]
'

test_expect_success 'init --git makes a repository that ignores kith'"'"'s temporaries and merges with kith' '
	run_kith init "$TRASH/net" --git
	expect_status 0
	expect_contains out "Created a kith network in $TRASH/net (git)"
	[ -d "$TRASH/net/.git" ]
	expect_contains "$TRASH/net/.gitignore" ".*.tmp-??????"
	expect_contains "$TRASH/net/.gitignore" ".*.edit-??????.toml"
	expect_contains "$TRASH/net/.gitattributes" "contacts/*.toml merge=kith"
	expect_contains "$TRASH/net/.gitattributes" "kith.toml merge=kith"
	git -C "$TRASH/net" config merge.kith.driver >driver
	expect_contains driver " merge-file %O %A %B %P;"
	eval "set -- $(sed "s/ merge-file .*//" driver)"  # the program, as the shell git runs reads it
	[ "$#" -eq 1 ] && [ "$1" = "$KITH" ] || fail "the driver does not run $KITH: $(cat driver)"
	git -C "$TRASH/net" check-attr merge contacts/x.toml kith.toml >attr
	expect_file_equals attr <<-\EOF
	contacts/x.toml: merge: kith
	kith.toml: merge: kith
	EOF
'

test_expect_success 'init --git in an existing network (a clone) sets git up once, and touches nothing else' '
	kith init "$TRASH/net" -q
	kith --dir "$TRASH/net" add-contact "Priya Singh" -q
	printf "*.bak\n" >"$TRASH/net/.gitignore"
	cp -r "$TRASH/net/contacts" "$TRASH/net/kith.toml" .
	run_kith init "$TRASH/net" --git
	expect_status 0
	expect_contains out "Set up git in the kith network in $TRASH/net"
	[ -d "$TRASH/net/.git" ]
	expect_contains "$TRASH/net/.gitignore" "*.bak"
	expect_contains "$TRASH/net/.gitignore" ".*.tmp-??????"
	diff -r contacts "$TRASH/net/contacts"
	cmp kith.toml "$TRASH/net/kith.toml"
	cp "$TRASH/net/.gitignore" "$TRASH/net/.gitattributes" .
	run_kith init "$TRASH/net" --git
	expect_status 0
	cmp .gitignore "$TRASH/net/.gitignore"
	cmp .gitattributes "$TRASH/net/.gitattributes"
	git -C "$TRASH/net" config --get-all merge.kith.driver >drivers
	[ "$(wc -l <drivers)" -eq 1 ]
'

test_expect_success 'init --git in a clone makes the network private again: folders 0700, files 0600' '
	export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
	export GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$TRASH"
	kith init "$TRASH/laptop" --git -q
	kith --dir "$TRASH/laptop" add-contact "Priya Singh" -q
	mkdir laptop/templates && printf "Dear {name},\n" >laptop/templates/request.txt
	git -C laptop add -A && git -C laptop commit -q -m "a network"
	(umask 022 && git clone -q laptop desktop)
	files="kith.toml .gitignore .gitattributes contacts/priya-singh.toml templates/request.txt"
	for file in $files; do
		[ "$(stat -c %a "desktop/$file")" = 644 ] || fail "the clone made $file $(stat -c %a "desktop/$file")"
	done
	run_kith --dir desktop check
	expect_contains err "kith: warning: 8 of the network"
	run_kith init "$TRASH/desktop" --git
	expect_status 0
	expect_contains out "Made 8 of its files and folders private"
	for folder in . contacts templates; do
		[ "$(stat -c %a "desktop/$folder")" = 700 ] || fail "$folder is $(stat -c %a "desktop/$folder")"
	done
	for file in $files; do
		[ "$(stat -c %a "desktop/$file")" = 600 ] || fail "$file is $(stat -c %a "desktop/$file")"
	done
	git -C desktop status --porcelain >changes
	expect_empty changes
	run_kith --dir desktop check
	expect_status 0
	expect_empty err
	kith --dir desktop note priya "a new line" -q
	[ "$(stat -c %a desktop/contacts/priya-singh.toml)" = 600 ]
	run_kith init "$TRASH/desktop" --git
	expect_not_contains out "private"
'

test_expect_success 'init --git: an existing network inside a repository uses it; a new network gets its own' '
	git init -q "$TRASH/repo"
	kith init "$TRASH/repo/net" -q
	run_kith init "$TRASH/repo/net" --git
	expect_status 0
	[ ! -e "$TRASH/repo/net/.git" ]
	git -C "$TRASH/repo" config merge.kith.driver >/dev/null
	run_kith init "$TRASH/repo/new" --git
	expect_status 0
	[ -d "$TRASH/repo/new/.git" ]
'

test_expect_success 'init --git without git refuses before making anything, so it can be retried' '
	mkdir bin
	for tool in mkdir; do ln -s "$(command -v $tool)" bin/; done
	PATH="$TRASH/bin" run_kith init "$TRASH/net" --git
	expect_status 2
	expect_contains err "git"
	[ ! -e "$TRASH/net/kith.toml" ]
	run_kith init "$TRASH/net"
	expect_status 0
'

test_expect_success 'init into an existing folder leaves its other files alone, hidden ones too' '
	mkdir net
	echo keep >net/.bashrc.tmp-keep
	echo keep >net/.x.tmp-123456
	run_kith init "$TRASH/net"
	expect_status 0
	[ "$(cat net/.bashrc.tmp-keep)" = keep ]
	[ "$(cat net/.x.tmp-123456)" = keep ]
'

test_expect_success 'commands outside any network say how to make one' '
	HOME="$TRASH/home" run_kith request anyone
	expect_status 2
	expect_contains err "kith init"
'

test_expect_success 'init --git with no DIR, inside a clone or a folder of it, sets up that clone' '
	export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
	export GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$TRASH/home"
	unset KITH_DIR
	kith init "$TRASH/laptop" --git -q
	git -C laptop add -A && git -C laptop commit -qm init
	git clone -q laptop desktop
	mkdir desktop/notes
	(cd desktop/notes && "$KITH" init --git) >out 2>err
	expect_contains out "Set up git in the kith network in $TRASH/desktop"
	[ ! -e "$TRASH/home/.local/share/kith" ] || fail "a network was made in the default folder"
	git -C desktop config merge.kith.driver >/dev/null
	[ "$(stat -c %a desktop)" = 700 ]
'

# A clone whose kith.toml a merge left unreadable still needs the driver, the
# very thing that would have merged it: init --git does not read kith.toml.
test_expect_success 'init --git sets up a clone whose kith.toml does not read' '
	export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
	export GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$TRASH/home"
	kith init "$TRASH/laptop" --git -q
	git -C laptop add -A && git -C laptop commit -qm init
	git clone -q laptop desktop
	printf "[me\n" >>desktop/kith.toml
	run_kith init "$TRASH/desktop" --git
	expect_status 0
	git -C desktop config merge.kith.driver >/dev/null
	run_kith --dir desktop due
	expect_status 3
'

test_done
