# kith draft KIND C: a first draft of each message the guides describe,
# filled from [me] and the record; templates/ overrides; nothing left blank.
. "$(dirname "$0")/lib.sh"

SQ="'"

# Helen, with Jordan (met, gave a referral, taught two things), Alex (referred
# by Jordan, then met) and Priya (found in the alumni directory, requested).
network() {
	new_network
	sed -i "s/^# name = .*/name = \"Helen Cho\"/; s/^# headline = .*/headline = \"second-year chemistry student\"/; s/^# availability = .*/availability = \"Wednesday mornings\"/" net/kith.toml
	k() { kith --today 2026-11-23 "$@" -q; }
	k add-contact "Jordan Lee" --company "Volta Labs" --role "Research Scientist" --source "the alumni directory"
	k request jordan --date 2026-11-02
	k log-meeting jordan --date 2026-11-20 --learned "Industry R&D moves in six-month cycles." \
		--learned "Apply for internships in December" --learned "A third point" --referral "Alex Doe"
	k log-meeting alex --date 2026-11-22 --notes "$(printf "Private notes.\nMore notes.")" \
		--learned "Postdocs are optional in industry."
	k add-contact "Priya Singh" --company "Acme Batteries" --source "the alumni directory"
	k request priya --date 2026-11-02
}

draft() { run_kith --today 2026-11-23 draft "$@"; }

test_expect_success 'request: who you are, how you found them, 20 to 30 minutes, your availability' '
	network
	draft request priya
	expect_status 0
	head -2 out >top
	expect_file_equals top <<-\EOF
	Subject: Request for a brief conversation about your work

	EOF
	expect_contains out "Dear Priya,"
	expect_contains out "My name is Helen Cho, and I am a second-year chemistry student. I found you through the alumni directory"
	expect_contains out "your work at Acme Batteries"
	expect_contains out "20 to 30 minutes"
	expect_contains out "by phone, by video or in person"
	expect_contains out "I am available Wednesday mornings"
	expect_empty err
'

test_expect_success 'request to a referral: the referrer in the subject and the first sentence' '
	network
	kith add-contact "Sam Roe" --referred-by jordan --company "Volta Labs" -q
	draft request sam
	expect_status 0
	head -1 out >subject
	expect_file_equals subject <<-\EOF
	Subject: Jordan Lee suggested I contact you
	EOF
	sed -n 5p out >first
	grep -q "^Jordan Lee suggested I get in touch with you\." first || fail "$(cat out)"
'

test_expect_success 'follow-up: short, and names the day of the first request' '
	network
	draft follow-up priya
	expect_status 0
	expect_contains out "I wrote to you on November 2 to ask"
	[ "$(wc -w <out)" -lt 120 ] || fail "not short: $(wc -w <out) words"
'

test_expect_success 'thank: the day you met, one or two things learned, and the referral they gave' '
	network
	draft thank jordan
	expect_status 0
	expect_contains out "talk with me on November 20"
	expect_contains out "- Industry R&D moves in six-month cycles"
	expect_contains out "- Apply for internships in December"
	expect_not_contains out "A third point"
	expect_contains out "suggesting I speak with Alex Doe"
	draft thank alex
	expect_status 0
	expect_contains out "- Postdocs are optional in industry"
	expect_not_contains out "notes"
	expect_not_contains out "suggesting I speak with"
'

test_expect_success 'check-in, report-back and share-news say what each is for' '
	network
	draft check-in jordan
	expect_status 0
	expect_contains out "since we were last in touch, on November 20"
	draft report-back jordan
	expect_status 0
	expect_contains out "Subject: I spoke with Alex Doe"
	expect_contains out "We spoke on November 22"
	expect_contains out "- Postdocs are optional in industry"
	kith --today 2026-11-23 milestone "Accepted an internship at Volta Labs." -q
	draft share-news jordan
	expect_status 0
	expect_contains out "Our conversation on November 20 helped me along the way, so I wanted you to hear my news: Accepted an internship at Volta Labs."
'

test_expect_success 'a value the record lacks is an error that says how to fill it, and nothing is printed' '
	network
	draft thank priya
	expect_status 3
	expect_empty out
	expect_contains err "the thank draft for Priya Singh needs what the network does not hold:"
	expect_contains err "{meeting_date}, {learned}: no meeting with Priya Singh is recorded (kith log-meeting priya-singh)"
	draft share-news jordan
	expect_status 3
	expect_contains err "{milestone}: no milestone is recorded (kith milestone TEXT)"
	sed -i "s/^availability = .*//" net/kith.toml
	draft request priya
	expect_status 3
	expect_contains err "{my_availability}: [me] availability is not set in kith.toml"
'

test_expect_success 'templates/KIND.txt overrides the built-in draft, its variant file first' '
	network
	mkdir net/templates
	printf "Subject: Hi {first_name}\n\n{{braces}} {my_name} asks {name} at {company}.\n" >net/templates/request.txt
	draft request priya
	expect_status 0
	expect_file_equals out <<-\EOF
	Subject: Hi Priya

	{braces} Helen Cho asks Priya Singh at Acme Batteries.
	EOF
	printf "Subject: Via {referrer}\n\nHello.\n" >net/templates/request-referred.txt
	kith add-contact "Sam Roe" --referred-by jordan -q
	draft request sam
	expect_contains out "Subject: Via Jordan Lee"
	draft request priya
	expect_contains out "Subject: Hi Priya"
'

test_expect_success 'an unknown placeholder in a template names the file, line, column and placeholder' '
	network
	mkdir net/templates
	printf "Subject: Thanks\n\nDear {frist_name},\n" >net/templates/thank.txt
	draft thank jordan
	expect_status 3
	expect_empty out
	expect_contains err "templates/thank.txt:3:6: unknown placeholder {frist_name}"
	printf "Dear {first_name},\n" >net/templates/thank.txt
	draft thank jordan
	expect_status 3
	expect_contains err "templates/thank.txt:1:1: a template starts with a ${SQ}Subject: ...${SQ} line"
	printf "Subject: x\n\n{first_name\n" >net/templates/thank.txt
	draft thank jordan
	expect_status 3
	expect_contains err "templates/thank.txt:3:1: a ${SQ}{${SQ} with no ${SQ}}${SQ}"
'

test_expect_success 'a template used where a placeholder has no value names the template file' '
	network
	mkdir net/templates
	printf "Subject: Via {referrer}\n\nHello.\n" >net/templates/request.txt
	draft request priya
	expect_status 3
	expect_contains err "(templates/request.txt) needs what the network does not hold"
	expect_contains err "{referrer}: no one referred you to Priya Singh"
'

test_expect_success '--show-template saved as the README says becomes the template, and the plain variant stays' '
	network
	mkdir -p net/templates
	kith --today 2026-11-23 draft thank jordan --show-template >net/templates/thank-referrals.txt 2>err
	expect_contains err "the built-in template ${SQ}thank-referrals${SQ}; to change it, save it as $TRASH/net/templates/thank-referrals.txt"
	expect_contains net/templates/thank-referrals.txt "{referrals}"
	sed -i "s/With thanks,/Gratefully,/" net/templates/thank-referrals.txt
	draft thank jordan
	expect_status 0
	expect_contains out "suggesting I speak with Alex Doe"
	expect_contains out "Gratefully,"
	kith --today 2026-11-23 draft thank jordan --show-template >net/templates/thank-referrals.txt 2>/dev/null
	expect_contains net/templates/thank-referrals.txt "With thanks,"
	draft thank alex
	expect_status 0
	expect_contains out "With thanks,"
'

test_expect_success 'a follow-up after a new round of requests names the last request' '
	network
	kith --today 2026-11-23 request jordan --date 2026-11-21 -q
	draft follow-up jordan
	expect_contains out "I wrote to you on November 21"
'

test_expect_success 'share-news and thank-you need a meeting: to someone never met they say so' '
	network
	kith --today 2026-11-23 milestone "Accepted an internship" -q
	draft share-news priya
	expect_status 3
	expect_contains err "{meeting_date}: no meeting with Priya Singh is recorded"
	draft check-in priya
	expect_status 0
	expect_not_contains out "help"
'

test_expect_success 'a meeting logged without learned points is not quoted from its private notes' '
	network
	kith --today 2026-11-23 log-meeting priya --notes "She seemed tired." -q
	draft thank priya
	expect_status 3
	expect_empty out
	expect_contains err "{learned}: your meeting with Priya Singh on 2026-11-23 has no learned points"
'

test_expect_success '--about is for report-back, and must name one of their referrals: usage errors' '
	network
	draft thank jordan --about alex
	expect_status 2
	draft report-back jordan --about priya
	expect_status 2
	expect_contains err "Jordan Lee did not refer you to ${SQ}priya-singh${SQ}"
'

test_expect_success 'a template that is not UTF-8 is a data error naming it' '
	network
	mkdir net/templates
	printf "Subject: \377\n\nx\n" >net/templates/request.txt
	draft request priya
	expect_status 3
	expect_contains err "templates/request.txt"
'

test_expect_success 'an unknown kind is a usage error listing the kinds' '
	network
	draft thanks jordan
	expect_status 2
	expect_contains err "request"
	expect_contains err "share-news"
'

test_expect_success 'report-back --about picks which referral the report is on' '
	network
	kith --today 2026-11-23 log-meeting jordan --date 2026-11-21 --referral "Bo Park" -q
	kith --today 2026-11-23 log-meeting bo --date 2026-11-23 --learned "Bo point" -q
	draft report-back jordan
	expect_contains out "Subject: I spoke with Bo Park"
	draft report-back jordan --about alex
	expect_contains out "Subject: I spoke with Alex Doe"
'

test_expect_success 'a broken file among the others: the draft still prints, the file is named, exit 3' '
	network
	kith add-contact "Sam Roe" --referred-by jordan --company "Volta Labs" -q
	printf "name = \"Broken\n" >net/contacts/broken.toml
	for command in "draft request sam" "show sam" "prepare sam"; do
		run_kith --today 2026-11-23 $command
		expect_status 3
		expect_contains out "Sam"
		expect_contains err "contacts/broken.toml:1:"
	done
	expect_contains out "Jordan Lee"
	printf "name = \"Jordan Lee\n" >net/contacts/jordan-lee.toml
	draft request sam
	expect_status 3
	expect_contains err "contacts/jordan-lee.toml:1:"
'

test_done
