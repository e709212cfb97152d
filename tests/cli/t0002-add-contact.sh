# kith add-contact: a new contact file, named by a slug made from the name.
. "$(dirname "$0")/lib.sh"

SQ="'"

test_expect_success 'add-contact prints the new slug and writes contacts/<slug>.toml' '
	new_network
	run_kith add-contact "Priya Singh"
	expect_status 0
	expect_file_equals out <<-\EOF
	priya-singh
	EOF
	expect_empty err
	[ -f net/contacts/priya-singh.toml ]
'

test_expect_success 'add-contact writes every option, in order, with added = --today' '
	new_network
	kith add-contact "Jordan Lee" -q
	run_kith --today 2026-11-01 add-contact "Priya Singh" \
		--email priya.singh@example.org --phone "+1 555 0100" \
		--company "Acme Batteries" --role "Research Scientist" \
		--linkedin https://www.linkedin.com/in/priya --location "Boston, MA" \
		--source "alumni directory" --referred-by jord \
		--tag chemistry --tag alumni --keep-in-touch 60d
	expect_status 0
	expect_file_equals net/contacts/priya-singh.toml <<-\EOF
	name = "Priya Singh"
	email = "priya.singh@example.org"
	phone = "+1 555 0100"
	company = "Acme Batteries"
	role = "Research Scientist"
	linkedin = "https://www.linkedin.com/in/priya"
	location = "Boston, MA"
	source = "alumni directory"
	referred_by = "jordan-lee"
	tags = [ "chemistry", "alumni" ]
	keep_in_touch = "60d"
	added = 2026-11-01
	EOF
'

test_expect_success 'add-contact --referred-by finds the referrer by exact name, any case' '
	new_network
	kith add-contact "Jordan Lee" -q
	kith add-contact "Jordan Leeds" -q
	run_kith add-contact "Alex Doe" --referred-by "JORDAN LEE"
	expect_status 0
	expect_contains net/contacts/alex-doe.toml "referred_by = \"jordan-lee\""
'

test_expect_success 'add-contact --note writes the first event, a note dated --today' '
	new_network
	run_kith --today 2026-11-01 add-contact "Priya Singh" --note "Met at the alumni mixer"
	expect_status 0
	expect_file_equals net/contacts/priya-singh.toml <<-\EOF
	name = "Priya Singh"
	added = 2026-11-01

	[[event]]
	type = "note"
	date = 2026-11-01
	note = "Met at the alumni mixer"
	EOF
'

# expect_slug NAME SLUG: add-contact NAME prints SLUG, and the file keeps NAME as written.
expect_slug() {
	slug_name=$1 slug_want=$2
	test_expect_success "add-contact folds the name \"$1\" into the slug $2" '
		new_network
		run_kith add-contact "$slug_name"
		expect_status 0
		[ "$(cat out)" = "$slug_want" ] || fail "slug: $(cat out)"
		[ "$(ls net/contacts)" = "$slug_want.toml" ] || fail "files: $(ls net/contacts)"
		python3 -c "import tomllib,sys; sys.exit(tomllib.load(open(sys.argv[1],\"rb\"))[\"name\"] != sys.argv[2])" \
			"net/contacts/$slug_want.toml" "$slug_name" || fail "name not kept as written"
	'
}
expect_slug "Zoë O${SQ}Brien" zoe-obrien
expect_slug "O’Neil" oneil
expect_slug 'Straße Æbel' strasse-aebel
expect_slug 'Søren Łukasz Đoković Þór' soren-lukasz-dokovic-thor
expect_slug '  --Ana--María  42 ' ana-maria-42
expect_slug '李小龙' contact
expect_slug 'Ελένη' contact
expect_slug '../../etc/passwd' etc-passwd

test_expect_success 'a second contact with the same name gets -2, with a warning, and the first is untouched' '
	new_network
	kith add-contact "Jordan Lee" --company Acme -q
	cp net/contacts/jordan-lee.toml first
	run_kith add-contact "Jordan Lee"
	expect_status 0
	[ "$(cat out)" = jordan-lee-2 ]
	expect_contains err "kith: warning:"
	expect_contains err jordan-lee-2
	cmp first net/contacts/jordan-lee.toml
	run_kith add-contact "Jordan Lee" -q
	[ -f net/contacts/jordan-lee-3.toml ]
'

test_expect_success 'the contact file is private to you (0600)' '
	new_network
	kith add-contact "Priya Singh" -q
	[ "$(stat -c %a net/contacts/priya-singh.toml)" = 600 ]
'

test_expect_success 'a bad --keep-in-touch exits 2 and writes nothing' '
	new_network
	before=$(snapshot)
	run_kith add-contact "Priya Singh" --keep-in-touch 5x
	expect_status 2
	expect_contains err "kith: error:"
	expect_contains err 5x
	expect_empty out
	[ "$(snapshot)" = "$before" ]
'

test_expect_success 'an unknown --referred-by exits 2 and writes nothing' '
	new_network
	before=$(snapshot)
	run_kith add-contact "Priya Singh" --referred-by nobody
	expect_status 2
	expect_contains err "unknown contact"
	[ "$(snapshot)" = "$before" ]
'

test_expect_success 'an empty or blank name exits 2 and writes nothing' '
	new_network
	before=$(snapshot)
	for name in "" "   "; do
		run_kith add-contact "$name"
		expect_status 2
		expect_contains err "kith: error:"
		expect_empty out
	done
	[ "$(snapshot)" = "$before" ]
'

test_expect_success 'add-contact --quiet prints nothing but still adds the contact' '
	new_network
	run_kith --quiet add-contact "Priya Singh"
	expect_status 0
	expect_empty out
	run_kith add-contact "Priya Singh" -q
	expect_empty out
	[ -f net/contacts/priya-singh.toml ] && [ -f net/contacts/priya-singh-2.toml ]
'

test_done
