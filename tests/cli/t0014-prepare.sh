# kith prepare [C] and kith pitch: the meeting brief and your introduction.
. "$(dirname "$0")/lib.sh"

network() {
	new_network
	sed -i "s/^# name = .*/name = \"Helen Cho\"/; s/^# headline = .*/headline = \"a second-year chemistry student\"/" net/kith.toml
	kith --today 2026-11-01 add-contact "Jordan Lee" -q
	kith --today 2026-11-01 add-contact "Priya Singh" --company "Acme Batteries" --role "Research Scientist" \
		--email priya@example.org --source "the alumni directory" --referred-by jordan --tag chem -q
	printf "pronouns = \"she/her\"\n" >"$TRASH/extra" && sed -i "/^added = /r $TRASH/extra" net/contacts/priya-singh.toml
	kith --today 2026-11-02 request priya --note "Asked for 20 minutes about battery research" -q
	kith --today 2026-11-05 schedule priya 2026-11-25T09:00 --where Zoom --virtual -q
}

# The questions of a brief: its numbered lines under "## Questions".
questions() { sed -n "/^## Questions/,\$p" "$1" | grep -E "^[0-9]+\. "; }

test_expect_success 'prepare C: who they are, how you found them, the history, the pitch, the checklist' '
	network
	run_kith --today 2026-11-23 prepare priya
	expect_status 0
	expect_contains out "# Meeting brief: Priya Singh"
	expect_contains out "**Meeting:** 2026-11-25 09:00, Zoom (virtual)"
	expect_contains out "- **Role:** Research Scientist"
	expect_contains out "- **Email:** priya@example.org"
	expect_contains out "- **pronouns:** \"she/her\""
	expect_contains out "- **Source:** the alumni directory"
	expect_contains out "- **Referred by:** Jordan Lee"
	expect_contains out "- **2026-11-02** requested"
	expect_contains out "  > Asked for 20 minutes about battery research"
	expect_contains out "- **2026-11-05** scheduled for 2026-11-25 09:00 at Zoom (virtual)"
	expect_contains out "Research Acme Batteries"
	expect_contains out "test your setup the night before"
	expect_contains out "offer it only if asked"
	expect_contains out "Do not ask for a job, or about their salary"
	expect_contains out "Ask who else you should talk to"
	expect_contains out "Keep to the 20 minutes you asked for"
	expect_contains out "(kith draft thank priya-singh)"
'

test_expect_success 'prepare C: 12 questions by default, every topic, the referral question, no repeats' '
	network
	run_kith --today 2026-11-23 prepare priya
	questions out >q
	[ "$(wc -l <q)" -eq 12 ] || fail "$(cat q)"
	[ "$(grep -c "^### " out)" -eq 5 ]
	expect_contains q "Who else would you suggest I talk to"
	[ "$(sed "s/^[0-9]*\. //" q | sort | uniq -d | wc -l)" -eq 0 ]
	expect_contains q "the culture at Acme Batteries"
'

test_expect_success '--questions N: from 1 to the whole bank, always with the referral question' '
	network
	for n in 1 4 10 15 27; do
		run_kith --today 2026-11-23 prepare priya --questions $n
		expect_status 0
		questions out >q
		[ "$(wc -l <q)" -eq $n ] || fail "$n: $(cat q)"
		expect_contains q "Who else would you suggest I talk to"
		[ "$(sed "s/^[0-9]*\. //" q | sort | uniq -d | wc -l)" -eq 0 ]
	done
	run_kith --today 2026-11-23 prepare priya --questions 5
	[ "$(grep -c "^### " out)" -eq 5 ]
	run_kith --today 2026-11-23 prepare priya --questions 10
	[ "$(grep -c "^### " out)" -ge 4 ]
	for n in 0 28 -1 x; do
		run_kith prepare priya --questions $n
		expect_status 2
	done
'

test_expect_success 'prepare without C: the generic checklist and the whole bank' '
	network
	run_kith prepare
	expect_status 0
	expect_contains out "# Meeting brief"
	expect_not_contains out "## History"
	expect_contains out "Research their organization"
	expect_contains out "Keep to the 20–30 minutes you asked for"
	questions out >q
	[ "$(wc -l <q)" -eq 27 ]
	[ "$(sed "s/^[0-9]*\. //" q | sort | uniq -d | wc -l)" -eq 0 ]
'

test_expect_success 'a meeting already logged is not announced; an in-person one drops the video check' '
	network
	kith --today 2026-11-25 log-meeting priya --date 2026-11-25T09:30 -q
	run_kith --today 2026-11-26 prepare priya
	expect_not_contains out "**Meeting:**"
	kith --today 2026-11-26 request priya --note "Asked for 15-20 minutes more" -q
	kith --today 2026-11-26 schedule priya 2026-12-02T10:00 --where "her office" -q
	run_kith --today 2026-11-26 prepare priya
	expect_contains out "**Meeting:** 2026-12-02 10:00, her office"
	expect_not_contains out "test your setup"
	expect_contains out "Keep to the 15–20 minutes you asked for"
'

test_expect_success 'pitch: yours from [me], else the outline of what it says' '
	network
	run_kith pitch
	expect_status 0
	expect_contains out "1. Your name: Helen Cho"
	expect_contains out "(your headline: a second-year chemistry student)"
	expect_contains out "The kind of position you are exploring"
	expect_contains out "Why this organization"
	printf "[me]\nname = \"Helen Cho\"\npitch = \"\"\"\nHi, I am Helen.\nI study chemistry.\"\"\"\n" >net/kith.toml
	run_kith pitch
	expect_status 0
	expect_file_equals out <<-\EOF
	Hi, I am Helen.
	I study chemistry.
	EOF
	run_kith prepare
	expect_contains out "> Hi, I am Helen."
'

test_done
