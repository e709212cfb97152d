# kith show C: every field, unknown ones too, referral links both ways, and the
# whole timeline in date order with notes in full.
. "$(dirname "$0")/lib.sh"

# Jordan referred Alex; Priya's file has a hand-written unknown key; one of
# Priya's events was recorded late with a past date.
people() {
	new_network
	kith --today 2026-11-01 add-contact "Jordan Lee" --company "Volta Labs" --tag chem -q
	kith --today 2026-11-10 log-meeting jordan --notes "$(printf "line one\nline two")" \
		--learned "Apply in December" --referral "Alex Doe" -q
	kith --today 2026-11-01 add-contact "Priya Singh" --email priya@example.org --keep-in-touch 2m -q
	printf "pronouns = \"she/her\"\n" >"$TRASH/pronouns"
	sed -i "/^added = /r $TRASH/pronouns" net/contacts/priya-singh.toml
	kith --today 2026-11-20 reply priya --note "Free next week" -q
	kith --today 2026-11-20 request priya --date 2026-11-05 --via email -q
}

test_expect_success 'show prints every field, unknown ones too, and the timeline in date order' '
	people
	run_kith --today 2026-11-23 show priya
	expect_status 0
	expect_file_equals out <<-\EOF
	Priya Singh (priya-singh)
	  email            priya@example.org
	  keep in touch    2m
	  added            2026-11-01
	  pronouns         "she/her"
	  stage            replied
	  overdue          2026-11-22 schedule: They replied on 2026-11-20 and no meeting is set: propose a time that suits them. Then: kith schedule priya-singh WHEN

	Timeline
	  2026-11-05          requested via email
	  2026-11-20          replied
	                      Free next week
	EOF
'

test_expect_success 'show keeps notes whole and links referrals both ways' '
	people
	kith --today 2026-11-23 show jordan >jordan
	expect_contains jordan "referred you to  Alex Doe (alex-doe)"
	expect_contains jordan "                      line one"
	expect_contains jordan "                      line two"
	expect_contains jordan "learned: Apply in December"
	expect_contains jordan "referrals: alex-doe"
	kith --today 2026-11-23 show alex >alex
	expect_contains alex "referred by      Jordan Lee (jordan-lee)"
'

test_expect_success 'show --format json holds every field and event' '
	people
	kith --today 2026-11-23 show jordan --format json >json
	python3 - json <<-\PY
	import json, sys
	c = json.load(open(sys.argv[1]))
	assert c["contact"] == "jordan-lee" and c["company"] == "Volta Labs" and c["tags"] == ["chem"], c
	assert c["referred_to"] == ["alex-doe"], c
	met = c["events"][0]
	assert met["type"] == "met" and met["notes"] == "line one\nline two", met
	assert met["learned"] == ["Apply in December"] and met["referrals"] == ["alex-doe"], met
	assert [r["rule"] for r in c["reminders"]] == ["thank", "keep-in-touch"], c["reminders"]
	PY
	printf "score = [1, 2]\nwhen = 2026-11-02\n" >>net/contacts/priya-singh.toml
	sed -i "0,/^type = \"replied\"$/s//&\nmood = \"warm\"/" net/contacts/priya-singh.toml
	kith --today 2026-11-23 show priya --format json >json
	python3 - json <<-\PY
	import json, sys
	c = json.load(open(sys.argv[1]))
	assert c["other_fields"] == {"pronouns": "she/her"}, c["other_fields"]
	assert c["referrer"] is None, c
	replied = [e for e in c["events"] if e["type"] == "replied"][0]
	assert replied["other_fields"] == {"mood": "warm"}, replied
	last = [e for e in c["events"] if e["type"] == "requested"][0]
	assert last["other_fields"] == {"score": [1, 2], "when": "2026-11-02"}, last
	PY
	run_kith --today 2026-11-23 show priya
	expect_contains out "mood: \"warm\""
	expect_contains out "score: [ 1, 2 ]"
'

test_expect_success 'show of an unknown contact is a usage error; of a broken file, a data error' '
	people
	run_kith show nobody
	expect_status 2
	expect_contains err "unknown contact"
	printf "name = \"Broken\nx\"\n" >net/contacts/broken.toml
	run_kith show broken
	expect_status 3
	expect_contains err "contacts/broken.toml"
'

test_expect_success 'a contact named as a referral at a meeting shows who referred them, without referred_by' '
	people
	kith --today 2026-11-23 log-meeting jordan --referral priya-singh -q
	run_kith --today 2026-11-23 show priya
	expect_status 0
	expect_contains out "referred by      Jordan Lee (jordan-lee)"
	run_kith --today 2026-11-23 show priya --format json
	expect_contains out "jordan-lee"
	run_kith --today 2026-11-23 draft request priya --show-template
	expect_contains out "Subject: {referrer} suggested I contact you"
'

test_expect_success 'a referrer with no contact file is named as written, (not in the network)' '
	people
	rm net/contacts/jordan-lee.toml
	run_kith --today 2026-11-23 show alex
	expect_status 0
	expect_file_equals out <<-\EOF
	Alex Doe (alex-doe)
	  added            2026-11-10
	  stage            new
	  overdue          2026-11-17 referral: jordan-lee referred you on 2026-11-10: reach out and say who sent you. Then: kith request alex-doe
	  referred by      jordan-lee (not in the network)
	EOF
	run_kith --today 2026-11-23 show alex --format json
	python3 - out <<-\PY
	import json, sys
	c = json.load(open(sys.argv[1]))
	assert c["referred_by"] == "jordan-lee" and c["referrer"] is None, c
	PY
'

test_expect_success 'a referral with no contact file stays in its meeting, and is not among those referred' '
	people
	rm net/contacts/alex-doe.toml
	run_kith --today 2026-11-23 show jordan
	expect_status 0
	expect_contains out "                      referrals: alex-doe"
	expect_not_contains out "referred you to"
	run_kith --today 2026-11-23 show jordan --format json
	python3 - out <<-\PY
	import json, sys
	c = json.load(open(sys.argv[1]))
	assert c["referred_to"] == [] and c["events"][0]["referrals"] == ["alex-doe"], c
	PY
'

test_done
