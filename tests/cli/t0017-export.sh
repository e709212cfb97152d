# kith export --format json|csv: every contact with every field, read back
# by Python's json and csv modules as other tools would.
. "$(dirname "$0")/lib.sh"

# Priya with every field, an unknown key, and events with every field
# (one with an unknown key); Jordan with a name that needs CSV quoting.
network() {
	new_network
	kith --today 2026-11-23 add-contact "Priya Raman" --email priya@example.org --phone "+1 555 0100" \
		--company "Acme Batteries, Inc." --role "Research Scientist" --linkedin https://www.linkedin.com/in/priya \
		--location "Cambridge, MA" --source "the alumni directory" --tag chemistry --tag alumni \
		--keep-in-touch 60d --note 'She said "call me" on Friday' >/dev/null
	sed -i '1a pronouns = "she/her"' net/contacts/priya-raman.toml
	kith --today 2026-11-23 request priya --date 2026-11-02 --via email >/dev/null
	kith --today 2026-11-23 schedule priya "2026-11-25 15:00" --date 2026-11-10 --virtual --where https://meet.example/abc >/dev/null
	kith --today 2026-11-23 log-meeting priya --date 2026-11-20 --notes "$(printf 'Line one,\nline two')" \
		--learned "Industry R&D moves in six-month cycles" --referral "Jordan \"JJ\" Lee" >/dev/null
	printf 'mood = 3\n' >>net/contacts/priya-raman.toml
}

py() { /usr/bin/python3 -c "$1"; }

test_expect_success 'json: every contact, every field, every event in file order, unknown keys as JSON' '
	network
	run_kith export --format json
	expect_status 0
	expect_empty err
	py "
import json
contacts = json.load(open(\"out\"))
assert [c[\"contact\"] for c in contacts] == [\"jordan-jj-lee\", \"priya-raman\"], contacts
p = contacts[1]
assert p[\"name\"] == \"Priya Raman\"
assert p[\"email\"] == \"priya@example.org\" and p[\"phone\"] == \"+1 555 0100\"
assert p[\"company\"] == \"Acme Batteries, Inc.\" and p[\"role\"] == \"Research Scientist\"
assert p[\"linkedin\"] == \"https://www.linkedin.com/in/priya\" and p[\"location\"] == \"Cambridge, MA\"
assert p[\"source\"] == \"the alumni directory\"
assert p[\"tags\"] == [\"chemistry\", \"alumni\"] and p[\"keep_in_touch\"] == \"60d\" and p[\"added\"] == \"2026-11-23\"
assert p[\"other_fields\"] == {\"pronouns\": \"she/her\"}, p[\"other_fields\"]
types = [e[\"type\"] for e in p[\"events\"]]
assert types == [\"note\", \"requested\", \"scheduled\", \"met\"], types
assert p[\"events\"][0][\"note\"] == \"She said \\\"call me\\\" on Friday\"
assert p[\"events\"][1] == {\"type\": \"requested\", \"date\": \"2026-11-02\", \"via\": \"email\"}, p[\"events\"][1]
s = p[\"events\"][2]
assert s[\"at\"] == \"2026-11-25T15:00:00\" and s[\"virtual\"] is True and s[\"where\"] == \"https://meet.example/abc\", s
m = p[\"events\"][3]
assert m[\"notes\"] == \"Line one,\\nline two\" and m[\"learned\"] == [\"Industry R&D moves in six-month cycles\"], m
assert m[\"referrals\"] == [\"jordan-jj-lee\"] and m[\"other_fields\"] == {\"mood\": 3}, m
j = contacts[0]
assert j[\"name\"] == \"Jordan \\\"JJ\\\" Lee\" and j[\"referred_by\"] == \"priya-raman\" and j[\"events\"] == [], j
"
'

test_expect_success 'json: unknown keys holding arrays and tables stay on their one line, as JSON arrays and objects' '
	network
	cat >>net/contacts/jordan-jj-lee.toml <<-\EOF
	phones = ["+1 555 0101", "+1 555 0102"]
	sizes = [1, 2.5, true]
	seen = 2026-11-02T10:30:00Z
	ratio = 0.1

	[links]
	site = "https://jj.example"
	nested = { deep = [["a"], { b = 1979-05-27 }] }
	EOF
	kith check
	for command in "export --format json" "show jordan --format json"; do
		run_kith $command
		expect_status 0
		expect_empty err
		py "
import json
lines = open(\"out\").read().splitlines()
objects = [json.loads(line.strip().rstrip(\",\")) for line in lines if line.strip().startswith(\"{\") and line.strip() != \"{\"]
whole = json.load(open(\"out\"))
jordan = whole[0] if isinstance(whole, list) else whole
other = jordan[\"other_fields\"]
assert other == {\"phones\": [\"+1 555 0101\", \"+1 555 0102\"], \"sizes\": [1, 2.5, True],
                 \"seen\": \"2026-11-02T10:30:00Z\", \"ratio\": 0.1,
                 \"links\": {\"nested\": {\"deep\": [[\"a\"], {\"b\": \"1979-05-27\"}]}, \"site\": \"https://jj.example\"}}, other
if isinstance(whole, list):
    assert [o[\"contact\"] for o in objects] == [\"jordan-jj-lee\", \"priya-raman\"], objects
else:
    assert any(line.startswith(\"  \\\"other_fields\\\": \") and json.loads(\"{\" + line.strip().rstrip(\",\") + \"}\")[\"other_fields\"] == other for line in lines), lines
"
	done
'

test_expect_success 'csv: a header, a row per contact, RFC 4180 quoting of commas, quotes and newlines' '
	network
	printf "bio = \"Says \\\\\"hi\\\\\",\\\\nthen leaves\"\n" >>net/contacts/jordan-jj-lee.toml
	run_kith export --format csv
	expect_status 0
	expect_empty err
	head -1 out >header
	printf "contact,name,email,phone,company,role,linkedin,location,source,referred_by,tags,keep_in_touch,added,bio,pronouns\r\n" >expected
	cmp header expected
	grep -q "^priya-raman,Priya Raman,priya@example.org,+1 555 0100,\"Acme Batteries, Inc.\",Research Scientist," out
	py "
import csv
rows = list(csv.reader(open(\"out\", newline=\"\"), strict=True))
assert len(rows) == 3 and all(len(r) == 15 for r in rows), rows
j, p = dict(zip(rows[0], rows[1])), dict(zip(rows[0], rows[2]))
assert j[\"name\"] == \"Jordan \\\"JJ\\\" Lee\" and j[\"referred_by\"] == \"priya-raman\", j
assert j[\"bio\"] == \"Says \\\"hi\\\",\\nthen leaves\" and j[\"pronouns\"] == \"\", j
assert p[\"tags\"] == \"chemistry;alumni\" and p[\"keep_in_touch\"] == \"60d\" and p[\"added\"] == \"2026-11-23\", p
assert p[\"pronouns\"] == \"she/her\" and p[\"bio\"] == \"\" and p[\"location\"] == \"Cambridge, MA\", p
"
'

test_expect_success 'an empty network exports an empty array, and a CSV header alone' '
	new_network
	run_kith export --format json
	expect_status 0
	expect_file_equals out <<-\EOF
	[]
	EOF
	run_kith export --format csv
	expect_status 0
	[ "$(wc -l <out)" -eq 1 ] || fail "$(cat out)"
'

test_expect_success 'a broken contact file is named; every other contact is exported; exit 3' '
	network
	printf "name = \"Broken\nnope\n" >net/contacts/broken.toml
	run_kith export --format json
	expect_status 3
	expect_contains err "contacts/broken.toml:"
	py "
import json
assert [c[\"contact\"] for c in json.load(open(\"out\"))] == [\"jordan-jj-lee\", \"priya-raman\"]
"
'

test_expect_success 'a format it does not know, or none, is a usage error and writes nothing' '
	network
	snapshot >before
	run_kith export --format vcf
	expect_status 2
	expect_contains err "vcf not in {json,csv,vcard}"
	expect_empty out
	run_kith export
	expect_status 2
	expect_contains err "--format is required"
	snapshot >after
	cmp before after
'

test_expect_success 'the sample network exports every one of its contacts and events' '
	run_kith --dir "$KITH_SOURCE_DIR/examples/network" export --format json
	expect_status 0
	py "
import json, glob
contacts = json.load(open(\"out\"))
files = glob.glob(\"$KITH_SOURCE_DIR/examples/network/contacts/*.toml\")
events = sum(open(f).read().count(\"[[event]]\") for f in files)
assert len(contacts) == len(files) == 14, len(contacts)
assert sum(len(c[\"events\"]) for c in contacts) == events, events
"
'

test_expect_success 'json round trip: each object holds what its file holds, as Python'"'"'s tomllib reads it' '
	run_kith --dir "$KITH_SOURCE_DIR/examples/network" export --format json
	expect_status 0
	py "
import json, tomllib, datetime
known = {\"name\", \"email\", \"phone\", \"company\", \"role\", \"linkedin\", \"location\", \"source\",
         \"referred_by\", \"tags\", \"keep_in_touch\", \"added\"}
event_keys = {\"type\", \"date\", \"note\", \"via\", \"at\", \"where\", \"notes\", \"learned\", \"referrals\", \"virtual\"}
def plain(v):
    if isinstance(v, (datetime.date, datetime.datetime, datetime.time)): return v.isoformat()
    if isinstance(v, list): return [plain(x) for x in v]
    if isinstance(v, dict): return {k: plain(x) for k, x in v.items()}
    return v
def split(table, keys):
    own = {k: plain(v) for k, v in table.items() if k in keys}
    other = {k: plain(v) for k, v in table.items() if k not in keys and k != \"event\"}
    return own, other
for c in json.load(open(\"out\")):
    with open(\"$KITH_SOURCE_DIR/examples/network/contacts/\" + c[\"contact\"] + \".toml\", \"rb\") as f:
        toml = tomllib.load(f)
    own, other = split(toml, known)
    own.setdefault(\"tags\", [])
    got = {k: v for k, v in c.items() if k in known}
    assert got == own, (c[\"contact\"], got, own)
    assert c.get(\"other_fields\", {}) == other, (c[\"contact\"], c.get(\"other_fields\"), other)
    events = toml.get(\"event\", [])
    assert len(c[\"events\"]) == len(events), c[\"contact\"]
    for got, want in zip(c[\"events\"], events):
        own, other = split(want, event_keys)
        if own.get(\"virtual\") is False: del own[\"virtual\"]  # JSON names only a virtual meeting
        assert {k: v for k, v in got.items() if k != \"other_fields\"} == own, (got, own)
        assert got.get(\"other_fields\", {}) == other, (got, other)
"
'

test_done
