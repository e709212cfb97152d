# kith list: one line per contact with its stage, last interaction and next
# reminder; filters; text for people, TSV and JSON for scripts.
. "$(dirname "$0")/lib.sh"

# Three contacts at three stages, on 2026-11-23.
three() {
	new_network
	kith --today 2026-11-01 add-contact "Priya Singh" --company "Acme Batteries" --tag alumni -q
	kith --today 2026-11-02 request priya -q
	kith --today 2026-11-01 add-contact "Jordan Lee" --company "Volta Labs" --tag Alumni --tag chem -q
	kith --today 2026-11-20 log-meeting jordan --notes "good" -q
	kith --today 2026-11-01 add-contact "Zoë O'Brien" --company "acme research" -q
}

test_expect_success 'text lists every contact with stage, last interaction and next reminder, then a summary' '
	three
	run_kith --today 2026-11-23 list
	expect_status 0
	expect_file_equals out <<-\EOF
	NAME         SLUG         COMPANY         STAGE        LAST        NEXT
	Jordan Lee   jordan-lee   Volta Labs      met          2026-11-20  2026-11-21 thank
	Priya Singh  priya-singh  Acme Batteries  requested    2026-11-02  2026-11-16 follow-up
	Zoë O'\''Brien  zoe-obrien   acme research   new

	3 contacts: 1 new, 1 requested, 1 met
	EOF
'

test_expect_success 'tsv has stable columns and no header or summary' '
	three
	run_kith --today 2026-11-23 list --format tsv
	printf "jordan-lee\tJordan Lee\tVolta Labs\tmet\t2026-11-20\t2026-11-21\tthank\n" >expected
	printf "priya-singh\tPriya Singh\tAcme Batteries\trequested\t2026-11-02\t2026-11-16\tfollow-up\n" >>expected
	printf "zoe-obrien\tZoë O'\''Brien\tacme research\tnew\t\t\t\n" >>expected
	cmp expected out
'

test_expect_success 'json has one object per contact, with null for what is missing' '
	three
	run_kith --today 2026-11-23 list --format json
	python3 - out <<-\PY
	import json, sys
	rows = json.load(open(sys.argv[1]))
	assert [r["contact"] for r in rows] == ["jordan-lee", "priya-singh", "zoe-obrien"], rows
	assert rows[1]["next"]["rule"] == "follow-up" and rows[1]["next"]["status"] == "overdue", rows[1]
	assert rows[2]["last_interaction"] is None and rows[2]["next"] is None, rows[2]
	assert list(rows[0]) == ["contact", "name", "company", "stage", "last_interaction", "next"], list(rows[0])
	PY
'

test_expect_success '--tag (any case), --stage and --company (a part, any case) filter' '
	three
	kith --today 2026-11-23 list --tag ALUMNI --format tsv | cut -f1 >got
	printf "jordan-lee\npriya-singh\n" | cmp - got
	kith --today 2026-11-23 list --stage new --format tsv | cut -f1 >got
	printf "zoe-obrien\n" | cmp - got
	kith --today 2026-11-23 list --company ACME --format tsv | cut -f1 >got
	printf "priya-singh\nzoe-obrien\n" | cmp - got
	kith --today 2026-11-23 list --company acme --tag alumni --format tsv | cut -f1 >got
	printf "priya-singh\n" | cmp - got
'

test_expect_success 'an unknown stage is a usage error listing the stages' '
	three
	run_kith list --stage chatting
	expect_status 2
	expect_contains err "--stage"
	expect_contains err "chatting"
	expect_contains err "followed-up"
'

test_expect_success 'a broken contact file is named, the others are still listed, exit 3' '
	three
	printf "name = \"Broken\nfile\"\n" >net/contacts/broken.toml
	run_kith --today 2026-11-23 list --format tsv
	expect_status 3
	[ "$(wc -l <out)" -eq 3 ]
	expect_contains err "contacts/broken.toml:1:"
'

test_expect_success 'an empty network says so' '
	new_network
	run_kith list
	expect_status 0
	expect_file_equals out <<-\EOF
	No contacts.
	EOF
'

test_done
