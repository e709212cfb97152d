# kith import linkedin|vcard FILE, and export --format vcard read back: the
# fixtures in tests/fixtures look like real exports (a BOM, LinkedIn's notes,
# quoted line breaks, non-ASCII names, repeated rows, folded vCard lines).
. "$(dirname "$0")/lib.sh"

fixtures=$KITH_SOURCE_DIR/tests/fixtures

test_expect_success 'linkedin: each good row is a contact, each bad one named with its line, the rest imported; exit 2' '
	new_network
	cp "$fixtures/linkedin-connections.csv" Connections.csv
	run_kith --today 2026-11-23 import linkedin Connections.csv
	expect_status 2
	expect_file_equals out <<-\EOF
	6 added, 1 already present, 3 skipped
	EOF
	expect_file_equals err <<-\EOF
	kith: error: Connections.csv:11: skipped: it has no First Name or Last Name
	kith: error: Connections.csv:12: skipped: its Connected On '"'"'31 Noc 2026'"'"' is not a date like '"'"'21 Nov 2026'"'"'
	kith: error: Connections.csv:14: skipped: it has 6 fields; the header has 7
	EOF
	ls net/contacts >files
	expect_file_equals files <<-\EOF
	contact.toml
	jordan-lee.toml
	jose-nunez.toml
	lukasz-zolw.toml
	priya-singh.toml
	zoe-obrien.toml
	EOF
	expect_file_equals net/contacts/priya-singh.toml <<-\EOF
	name = "Priya Singh"
	email = "priya.singh@example.org"
	company = "Acme Batteries"
	role = "Research Scientist"
	linkedin = "https://www.linkedin.com/in/priya-singh-4a7b21"
	source = "LinkedIn"
	added = 2026-11-02
	EOF
	expect_file_equals net/contacts/jose-nunez.toml <<-\EOF
	name = "José Núñez"
	email = "jose@example.com"
	company = "Grid & Storage Co."
	role = """Head of R&D
	Battery Systems"""
	linkedin = "https://www.linkedin.com/in/jose-nunez"
	source = "LinkedIn"
	added = 2025-09-03
	EOF
	expect_contains net/contacts/zoe-obrien.toml "role = \"Postdoc, \\\"Energy Storage\\\" Group\""
	expect_contains net/contacts/jordan-lee.toml "company = \"Volta Labs, Inc.\""
	expect_contains net/contacts/contact.toml "name = \"小龍 李\""
	expect_contains net/contacts/lukasz-zolw.toml "added = 2026-11-20"
	kith check
'

test_expect_success 'importing the same file again adds nothing and changes no file' '
	new_network
	kith import linkedin "$fixtures/linkedin-connections.csv" >/dev/null 2>&1 || true
	snapshot >before
	run_kith import linkedin "$fixtures/linkedin-connections.csv"
	expect_status 2
	expect_file_equals out <<-\EOF
	0 added, 7 already present, 3 skipped
	EOF
	snapshot >after
	cmp before after
'

test_expect_success '--verbose says what became of each entry, a repeat within the file too' '
	new_network
	run_kith --today 2026-11-23 import --verbose linkedin "$fixtures/linkedin-connections.csv"
	sed "s|^$fixtures/||" out >shown
	expect_file_equals shown <<-\EOF
	linkedin-connections.csv:5: added Priya Singh as priya-singh
	linkedin-connections.csv:6: added Jordan Lee as jordan-lee
	linkedin-connections.csv:7: added Zoë O'"'"'Brien as zoe-obrien
	linkedin-connections.csv:8: added José Núñez as jose-nunez
	linkedin-connections.csv:10: added 小龍 李 as contact
	linkedin-connections.csv:13: Priya Singh repeats line 5, priya-singh (same LinkedIn URL)
	linkedin-connections.csv:15: added Łukasz Żółw as lukasz-zolw
	6 added, 1 already present, 3 skipped
	EOF
'

test_expect_success '--dry-run says what would be added and writes nothing' '
	new_network
	kith add-contact "Jordan Lee" >/dev/null
	snapshot >before
	run_kith import --dry-run linkedin "$fixtures/linkedin-connections.csv"
	expect_status 2
	sed "s|^$fixtures/||" out >shown
	expect_file_equals shown <<-\EOF
	linkedin-connections.csv:5: would add Priya Singh as priya-singh
	linkedin-connections.csv:6: Jordan Lee is already here as jordan-lee (same name)
	linkedin-connections.csv:7: would add Zoë O'"'"'Brien as zoe-obrien
	linkedin-connections.csv:8: would add José Núñez as jose-nunez
	linkedin-connections.csv:10: would add 小龍 李 as contact
	linkedin-connections.csv:13: Priya Singh repeats line 5, priya-singh (same LinkedIn URL)
	linkedin-connections.csv:15: would add Łukasz Żółw as lukasz-zolw
	5 to add, 2 already present, 3 skipped (dry run: nothing written)
	EOF
	expect_contains err "linkedin-connections.csv:11: skipped:"
	snapshot >after
	cmp before after
'

test_expect_success 'already present: the same LinkedIn profile, else email, else name; a new person is added' '
	new_network
	kith add-contact "P. Singh" --linkedin https://uk.linkedin.com/in/priya-singh-4a7b21 >/dev/null
	kith add-contact "J. Lee" --email JOSE@example.com >/dev/null
	kith add-contact "zoë  o'"'"'brien" >/dev/null
	run_kith import -v linkedin "$fixtures/linkedin-connections.csv"
	expect_contains out ":5: Priya Singh is already here as p-singh (same LinkedIn URL)"
	expect_contains out ":7: Zoë O'"'"'Brien is already here as zoe-obrien (same name)"
	expect_contains out ":8: José Núñez is already here as j-lee (same email)"
	expect_contains out ":6: added Jordan Lee as jordan-lee"
	expect_contains out "3 added, 4 already present, 3 skipped"
	[ ! -e net/contacts/priya-singh.toml ] || fail "Priya was added twice"
'

test_expect_success 'a namesake with another LinkedIn profile is another person: added, with a warning' '
	new_network
	kith add-contact "Jordan Lee" --linkedin https://www.linkedin.com/in/jordan-lee-1 >/dev/null
	run_kith import linkedin "$fixtures/linkedin-connections.csv"
	expect_contains out "6 added, 1 already present, 3 skipped"
	expect_contains err "kith: warning: $fixtures/linkedin-connections.csv:6: the slug '"'"'jordan-lee'"'"' was taken (is Jordan Lee already a contact?); this one is '"'"'jordan-lee-2'"'"'"
	expect_contains net/contacts/jordan-lee-2.toml "linkedin = \"https://www.linkedin.com/in/jordanlee\""
'

test_expect_success 'vcard: cards from phones and Google Contacts (3.0 and 2.1), the bad ones named' '
	new_network
	run_kith --today 2026-11-23 import vcard "$fixtures/phone-contacts.vcf"
	expect_status 2
	expect_file_equals out <<-\EOF
	3 added, 1 already present, 3 skipped
	EOF
	sed "s|$fixtures/||" err >shown
	expect_file_equals shown <<-\EOF
	kith: error: phone-contacts.vcf:39: skipped: it has no name (FN or N)
	kith: error: phone-contacts.vcf:45: skipped: line 49 is not a property (NAME:value)
	kith: error: phone-contacts.vcf:56: skipped: its BEGIN:VCARD has no END:VCARD
	EOF
	expect_file_equals net/contacts/priya-singh.toml <<-\EOF
	name = "Priya Singh"
	email = "priya.singh@example.org"
	phone = "+1 617-555-0134"
	company = "Acme Batteries"
	role = "Research Scientist"
	linkedin = "https://www.linkedin.com/in/priya-singh-4a7b21/"
	location = "Cambridge, MA, USA"
	tags = [ "myContacts", "chemistry", "alumni" ]
	added = 2026-11-23

	[[event]]
	type = "note"
	date = 2026-11-23
	note = """Met at the alumni mixer. Knows the hiring manager at Volta, and said to mention her name; she'"'"'s expecting it.
	Prefers email."""
	EOF
	expect_contains net/contacts/zoe-obrien.toml "linkedin = \"https://www.linkedin.com/in/zoe-obrien\""
	expect_contains net/contacts/zoe-obrien.toml "role = \"Postdoc, Energy Storage Group\""
	expect_file_equals net/contacts/jose-nunez.toml <<-\EOF
	name = "José Núñez"
	email = "jose@example.com"
	phone = "+34 600 000 111"
	added = 2026-11-23

	[[event]]
	type = "note"
	date = 2026-11-23
	note = "Head of R&D, Grid & Storage. Ask about the pilot plant in Sevilla."
	EOF
	kith check
'

test_expect_success 'vcard: khard'"'"'s 4.0, read from standard input, preferred email, tel: URI, folded UTF-8' '
	new_network
	run_kith --today 2026-11-23 import vcard - <"$fixtures/khard-export.vcf"
	expect_status 0
	expect_empty err
	expect_file_equals out <<-\EOF
	2 added, 0 already present, 0 skipped
	EOF
	expect_file_equals net/contacts/jordan-lee.toml <<-\EOF
	name = "Jordan Lee"
	email = "jordan@lee.example"
	phone = "+1-617-555-0199"
	company = "Volta Labs, Inc."
	role = "Senior Engineer"
	location = "Boston, MA, USA"
	tags = [ "batteries", "referral" ]
	added = 2026-11-23

	[[event]]
	type = "note"
	date = 2026-11-23
	note = "Referred by Priya. Working on solid-state cells; likes long walks and a very long note that khard folds at seventy-five octets, even in the middle of a wörd: Zoë, Łukasz, 李小龍."
	EOF
	run_kith import vcard - <"$fixtures/khard-export.vcf"
	expect_file_equals out <<-\EOF
	0 added, 2 already present, 0 skipped
	EOF
'

test_expect_success 'vcard round trip: the sample network, exported and imported, is the same contacts' '
	new_network
	kith --dir "$KITH_SOURCE_DIR/examples/network" export --format vcard >sample.vcf
	head -2 sample.vcf | od -c | grep -q "\\\\r  \\\\n" || fail "no CRLF"
	run_kith import vcard sample.vcf
	expect_status 0
	expect_file_equals out <<-\EOF
	14 added, 0 already present, 0 skipped
	EOF
	kith --dir "$KITH_SOURCE_DIR/examples/network" export --format csv >original.csv
	kith export --format csv >imported.csv
	cmp original.csv imported.csv
	grep -q "pronouns" imported.csv || fail "the unknown key did not come back"
	run_kith import vcard sample.vcf
	expect_file_equals out <<-\EOF
	0 added, 14 already present, 0 skipped
	EOF
'

test_expect_success 'vcard round trip: unknown keys of every kind, and text that needs escaping' '
	new_network
	kith --today 2026-11-23 add-contact "Nadia \"Nad\" Petrova" --company "Science; Policy, Inc." \
		--role "$(printf "Fellow,\\nEnergy")" --tag "a,b" --tag "c;d" --keep-in-touch never \
		--linkedin https://www.linkedin.com/in/nadia --location "Washington, DC" >/dev/null
	cat >>net/contacts/nadia-nad-petrova.toml <<-\EOF
	"odd key" = [1, 2]
	met = 2026-01-01
	score = { a = 1, b = "x" }

	[social]
	mastodon = "@nadia"
	EOF
	kith export --format vcard >out.vcf
	kith init other >/dev/null
	kith --dir other --today 2026-11-23 import vcard out.vcf >/dev/null
	kith export --format json >a.json
	kith --dir other export --format json >b.json
	cmp a.json b.json
	grep -q "^mastodon = \"@nadia\"" other/contacts/nadia-nad-petrova.toml
'

test_expect_success 'vcard round trip: blanks at either end of a value come back; a carriage return does not' '
	new_network
	cat >net/contacts/ann-lee.toml <<-\EOF
	name = "Ann Lee"
	company = "  Acme  "
	role = "Head of R&D\t"
	location = " Boston, MA"
	tags = [" spaced ", "x"]
	source = "line one\r\nline two"
	EOF
	kith export --format vcard >out.vcf
	kith init other >/dev/null
	kith --dir other --today 2026-11-23 import vcard out.vcf >/dev/null
	kith --dir other export --format json >b.json
	expect_contains b.json "\"company\": \"  Acme  \""
	expect_contains b.json "\"role\": \"Head of R&D\\t\""
	expect_contains b.json "\"location\": \" Boston, MA\""
	expect_contains b.json "\" spaced \""
	expect_contains b.json "\"source\": \"line one\\nline two\""
'

test_expect_success 'vcard round trip: a referral follows its referrer to the slug it gets in the new network' '
	new_network
	printf "name = \"Jordan Lee\"\nemail = \"jl@volta.example\"\n" >net/contacts/jordan.toml
	printf "name = \"Alex Doe\"\nreferred_by = \"jordan\"\n" >net/contacts/alex.toml
	kith export --format vcard >out.vcf
	kith init other >/dev/null
	printf "name = \"Jordan Lee\"\nemail = \"jordan@elsewhere.example\"\n" >other/contacts/jordan-lee.toml
	printf "name = \"Jordan\"\n" >other/contacts/jordan.toml
	kith --dir other import vcard out.vcf >/dev/null 2>&1
	expect_contains other/contacts/jordan-lee-2.toml "email = \"jl@volta.example\""
	expect_contains other/contacts/alex-doe.toml "referred_by = \"jordan-lee-2\""
	kith --dir other check
'

test_expect_success 'autocommit: one commit for the whole import' '
	kith init "$TRASH/net" --git -q && export KITH_DIR="$TRASH/net"
	sed -i "s/^# autocommit = false.*/autocommit = true/" net/kith.toml
	git -C net add kith.toml .gitignore .gitattributes && git -C net commit -qm init
	kith import vcard "$fixtures/khard-export.vcf" >/dev/null
	git -C net log --format=%s >log
	expect_file_equals log <<-\EOF
	import: 2 contacts from khard-export.vcf
	init
	EOF
	git -C net show --stat --format= HEAD >stat
	expect_contains stat "contacts/contact.toml"
	expect_contains stat "contacts/jordan-lee.toml"
	git -C net status --porcelain >dirty
	expect_empty dirty
'

test_expect_success 'a file that is no such export, or cannot be read, is refused whole with exit 2' '
	new_network
	snapshot >before
	run_kith import linkedin "$fixtures/khard-export.vcf"
	expect_status 2
	expect_contains err "is not LinkedIn'"'"'s Connections.csv: no header line '"'"'First Name,Last Name,URL,Email Address,Company,Position,Connected On'"'"'"
	run_kith import vcard "$fixtures/linkedin-connections.csv"
	expect_status 2
	expect_contains err "holds no vCard: no line BEGIN:VCARD in it"
	run_kith import vcard missing.vcf
	expect_status 2
	expect_contains err "cannot read '"'"'missing.vcf'"'"'"
	run_kith import csv "$fixtures/khard-export.vcf"
	expect_status 2
	expect_contains err "csv not in {linkedin,vcard}"
	snapshot >after
	cmp before after
'

test_expect_success 'a contact file that does not read stops the import before anything is written; exit 3' '
	new_network
	printf "name = \"Broken\nnope\n" >net/contacts/broken.toml
	snapshot >before
	run_kith import vcard "$fixtures/khard-export.vcf"
	expect_status 3
	expect_contains err "contacts/broken.toml:"
	expect_contains err "nothing imported"
	expect_empty out
	snapshot >after
	cmp before after
'

test_expect_success 'an unclosed quote in a LinkedIn file is named where its row starts' '
	new_network
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,u1,,,,\nBo,Chen,u2,,\"Acme,,\nCy,Diaz,u3,,,,\n" >c.csv
	run_kith import linkedin c.csv
	expect_status 2
	expect_file_equals err <<-\EOF
	kith: error: c.csv:3: skipped: a quoted field is never closed, so lines 3 to 4 (the end) read as one row
	EOF
	expect_contains out "1 added, 0 already present, 1 skipped"
'

# An entry the plan would add but that cannot be written (here a full disk,
# a file size limit, as in t0020) leaves its referral without a referrer.
test_expect_success 'a referral whose referrer could not be written is added, and the broken link named' '
	new_network
	kith --today 2026-11-01 add-contact "Jordan Lee" --role "$(head -c 100000 /dev/zero | tr "\0" a)" -q
	kith --today 2026-11-01 add-contact "Alex Doe" --referred-by jordan -q
	kith export --format vcard >out.vcf
	kith init other >/dev/null
	status=0
	(trap "" XFSZ && ulimit -f 64 && exec "$KITH" --dir other --today 2026-11-23 import vcard out.vcf) >out 2>err ||
		status=$?
	expect_status 3
	line=$(grep -n "^FN:Alex Doe" out.vcf | cut -d: -f1)
	jordan_line=$(grep -n "^FN:Jordan Lee" out.vcf | cut -d: -f1)
	expect_contains err "kith: error: out.vcf:$((jordan_line - 2)): skipped: "
	expect_contains err "kith: warning: out.vcf:$((line - 2)): its referred_by '"'"'jordan-lee'"'"' names an entry that could not be written"
	expect_contains out "1 added, 0 already present, 1 skipped"
	[ ! -e other/contacts/jordan-lee.toml ]
	expect_contains other/contacts/alex-doe.toml "referred_by = \"jordan-lee\""
'

test_done
