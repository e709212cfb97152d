# kith check: every problem once, with file and line; nothing and exit 0 when
# all is well.
. "$(dirname "$0")/lib.sh"

SQ="'"

test_expect_success 'check over the sample network reports nothing' '
	cp -R "$KITH_SOURCE_DIR/examples/network" net
	chmod -R go= net  # as kith makes a network: private (a checkout is not)
	run_kith --dir net check
	expect_status 0
	expect_empty out
	expect_empty err
'

test_expect_success 'check over a network seeded with one of each problem reports each once' '
	new_network
	kith --today 2026-11-01 add-contact "Ann Lee" --email ann@example.org -q
	kith --today 2026-11-01 add-contact "Ann Lee" -q 2>/dev/null
	c=net/contacts
	printf "name = \"Bad\nsyntax\"\n" >$c/bad-syntax.toml
	printf "email = \"x@example.org\"\n" >$c/no-name.toml
	printf "name = \"Odd Type\"\n\n[[event]]\ntype = \"meet\"\ndate = 2026-11-02\n" >$c/odd-type.toml
	printf "name = \"Bad Date\"\n\n[[event]]\ntype = \"note\"\ndate = \"yesterday\"\n" >$c/bad-date.toml
	printf "name = \"Lost Ref\"\nreferred_by = \"ghost\"\n" >$c/lost-ref.toml
	printf "name = \"Met Ghost\"\n\n[[event]]\ntype = \"met\"\ndate = 2026-11-02\nreferrals = [\"phantom\"]\n" >$c/met-ghost.toml
	printf "name = \"Someone Else\"\n" >$c/wrong-name.toml
	printf "name = \"Dup Mail\"\nemail = \"ANN@example.org\"\n" >$c/dup-mail.toml
	sed -i "/^\[policy\]$/a thank_within = \"soon\"" net/kith.toml
	run_kith check
	expect_status 1
	[ "$(wc -l <out)" -eq 9 ] || fail "$(cat out)"
	grep -q "^kith.toml:[0-9]*:16: policy ${SQ}thank_within${SQ}" out || fail "$(cat out)"
	expect_contains out "contacts/bad-syntax.toml:1:"
	expect_contains out "contacts/no-name.toml:1:1: it has no ${SQ}name${SQ}"
	expect_contains out "contacts/odd-type.toml:4:8: unknown event type ${SQ}meet${SQ}"
	expect_contains out "contacts/bad-date.toml:5:8: "
	grep -v "^kith.toml:[0-9]*:[0-9]*: \|^contacts/[a-z-]*\.toml:[0-9]*\(:[0-9]*\)\?: " out && fail "a line not in FILE:LINE[:COL] form"
	expect_contains out "contacts/lost-ref.toml:2: referred_by ${SQ}ghost${SQ} is not a contact"
	expect_contains out "contacts/met-ghost.toml:3: referral ${SQ}phantom${SQ} is not a contact"
	expect_contains out "contacts/wrong-name.toml:1: the file name does not match the name ${SQ}Someone Else${SQ}"
	expect_contains out "contacts/dup-mail.toml:2: email ANN@example.org is also Ann Lee${SQ}s (ann-lee)"
	expect_not_contains out "ann-lee-2"
'

test_expect_success 'check refuses referred_by and referrals that are paths, even to files that exist' '
	new_network
	kith add-contact "Amara Okafor" -q
	printf "name = \"O\"\nreferred_by = \"../kith\"\n\n[[event]]\ntype = \"met\"\ndate = 2026-11-02\nreferrals = [\"../contacts/amara-okafor\"]\n" >net/contacts/o.toml
	run_kith check
	expect_status 1
	expect_contains out "referred_by ${SQ}../kith${SQ} is not a contact"
	expect_contains out "referral ${SQ}../contacts/amara-okafor${SQ} is not a contact"
'

test_expect_success 'check reports each line of a git conflict marker, even inside a string that parses' '
	new_network
	cat >net/contacts/ann-lee.toml <<-\EOF
	name = "Ann Lee"

	[[event]]
	type = "met"
	date = 2026-11-02
	notes = """
	<<<<<<< ours
	We talked about the lab.
	||||||| base
	We talked.
	=======
	We talked about the funding.
	>>>>>>> theirs
	========
	<<<<<<<< not one either
	"""
	EOF
	cat >>net/kith.toml <<-\EOF

	[[milestone]]
	date = 2026-11-20
	text = """
	=======
	>>>>>>> theirs
	"""
	EOF
	# A lone ======= underlines a Markdown heading: no merge left it.
	printf "name = \"Bo Chen\"\n\n[[event]]\ntype = \"met\"\ndate = 2026-11-02\nnotes = \"\"\"\nAdvice\n=======\nApply early.\n\"\"\"\n" >net/contacts/bo-chen.toml
	run_kith check
	expect_status 1
	expect_file_equals out <<-EOF
	kith.toml:$(grep -n "^=======\$" net/kith.toml | cut -d: -f1):1: a git conflict marker: a merge was left unfinished here; keep the lines you mean and remove the markers
	kith.toml:$(grep -n "^>>>>>>> theirs\$" net/kith.toml | cut -d: -f1):1: a git conflict marker: a merge was left unfinished here; keep the lines you mean and remove the markers
	contacts/ann-lee.toml:7:1: a git conflict marker: a merge was left unfinished here; keep the lines you mean and remove the markers
	contacts/ann-lee.toml:9:1: a git conflict marker: a merge was left unfinished here; keep the lines you mean and remove the markers
	contacts/ann-lee.toml:11:1: a git conflict marker: a merge was left unfinished here; keep the lines you mean and remove the markers
	contacts/ann-lee.toml:13:1: a git conflict marker: a merge was left unfinished here; keep the lines you mean and remove the markers
	EOF
	run_kith --today 2026-11-23 list
	expect_status 0
	expect_contains out "ann-lee"
'

test_expect_success 'check warns, failing nothing, about files and folders open to other users' '
	new_network
	kith add-contact "Ann Lee" -q
	run_kith check
	expect_status 0
	expect_empty err
	chmod 644 net/contacts/ann-lee.toml  # as a git pull leaves a file it brought: but no one can reach it
	run_kith check
	expect_status 0
	expect_empty err
	chmod 711 net
	run_kith check
	expect_status 0
	expect_empty out
	expect_file_equals err <<-EOF
	kith: warning: ${SQ}$TRASH/net${SQ} is open to other users (mode 0711); make it private with: chmod go= $TRASH/net
	EOF
	chmod 755 net net/contacts
	chmod 640 net/kith.toml
	printf "*.bak\n" >net/.gitignore && chmod 604 net/.gitignore
	run_kith check
	expect_status 0
	expect_file_equals err <<-EOF
	kith: warning: 5 of the network${SQ}s files and folders are open to other users, such as ${SQ}$TRASH/net${SQ} (mode 0755); make them private with: chmod -R go= $TRASH/net
	EOF
	mkdir "it${SQ}s mine" && kith init "it${SQ}s mine/net" -q && chmod 755 "it${SQ}s mine/net"
	run_kith --dir "it${SQ}s mine/net" check
	expect_contains err "chmod go= ${SQ}it${SQ}\\${SQ}${SQ}s mine/net${SQ}"
	printf "name = \"Bad\n" >net/contacts/bad.toml
	run_kith check
	expect_status 1
	expect_contains err "6 of the network${SQ}s files and folders are open to other users"
	rm net/contacts/bad.toml
	chmod -R go= net
	run_kith check
	expect_status 0
	expect_empty err
'

test_done
