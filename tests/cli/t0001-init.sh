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

test_expect_success 'init --git makes a repository that ignores kith'"'"'s temporaries' '
	run_kith init "$TRASH/net" --git
	expect_status 0
	[ -d "$TRASH/net/.git" ]
	expect_contains "$TRASH/net/.gitignore" ".*.tmp-??????"
	[ ! -e "$TRASH/net/.gitattributes" ]
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

test_done
