# Input that tries hard to break kith (SPEC §2, §6): names that try to leave
# contacts/, files that are directories, symlinks out of the network or
# unreadable, a full disk, huge values, garbage dates and durations, unknown
# formats. Each gets the documented exit status, a message naming the
# problem, and no file changed that should not be.
. "$(dirname "$0")/lib.sh"

test_expect_success 'names that try to leave contacts/ become slugs inside it' '
	new_network
	for name in "../x" "/etc/x" "." ".." "a/../../b" "王小明" "-rf" "~root"; do
		kith add-contact -q -- "$name" 2>/dev/null || fail "add-contact $name"
	done
	(cd net/contacts && ls) >files
	expect_file_equals files <<-\EOF
	a-b.toml
	contact-2.toml
	contact-3.toml
	contact.toml
	etc-x.toml
	rf.toml
	root.toml
	x.toml
	EOF
	find "$TRASH" -name "*.toml" ! -path "$TRASH/net/*" >outside
	expect_empty outside
	[ ! -e /etc/x.toml ] || fail "/etc/x.toml was written"
	kith check
'

test_expect_success 'a reference that looks like a path names no contact, and writes nothing' '
	new_network
	kith add-contact "Ann Lee" -q
	snapshot >before
	for reference in ../ann-lee contacts/ann-lee ann-lee.toml /etc/passwd . ""; do
		run_kith note "$reference" "hi"
		expect_status 2
		expect_contains err "kith: error: "
	done
	snapshot >after
	cmp before after
'

test_expect_success 'a contact file that is a directory is named; reports go on; writing to it is refused' '
	new_network
	kith add-contact "Ann Lee" -q
	mkdir net/contacts/dir.toml
	run_kith due
	expect_status 3
	expect_contains err "kith: error: cannot read '"'"'contacts/dir.toml'"'"': it is a directory"
	run_kith note dir "hi"
	expect_status 3
	expect_contains err "contacts/dir.toml"
	run_kith check
	expect_status 1
	expect_contains out "contacts/dir.toml"
	[ -d net/contacts/dir.toml ] && [ -z "$(ls -A net/contacts/dir.toml)" ] || fail "the directory was changed"
'

test_expect_success 'a symlink to a file outside the network is never written through' '
	new_network
	printf "name = \"Eve\"\n" >outside.toml
	cp outside.toml outside.orig
	ln -s "$TRASH/outside.toml" net/contacts/eve.toml
	for command in "note eve hi" "request eve" "thank eve" "log-meeting eve --referral Zed"; do
		run_kith $command
		expect_status 3
		expect_contains err "cannot write '"'"'contacts/eve.toml'"'"': it is a symbolic link"
	done
	cmp outside.toml outside.orig
	[ -L net/contacts/eve.toml ] || fail "the link was replaced"
	[ ! -e net/contacts/zed.toml ] || fail "a referral was left behind"
'

test_expect_success 'a file that cannot be read (gone, or not readable) is named with why, and exit 3' '
	new_network
	kith add-contact "Ann Lee" -q
	ln -s "$TRASH/nowhere.toml" net/contacts/gone.toml
	run_kith list
	expect_status 3
	expect_contains err "cannot read '"'"'contacts/gone.toml'"'"': No such file or directory"
	expect_contains out "ann-lee"
	rm net/contacts/gone.toml
	if [ "$(id -u)" -ne 0 ]; then  # root reads anything
		chmod 000 net/contacts/ann-lee.toml
		run_kith due
		expect_status 3
		expect_contains err "cannot read '"'"'contacts/ann-lee.toml'"'"': Permission denied"
	fi
'

test_expect_success 'a full disk (a file size limit) stops each write with exit 3, the files as they were' '
	new_network
	kith add-contact "Ann Lee" -q
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nBig,One,u,,,,\n" >c.csv
	big=$(head -c 120000 /dev/zero | tr "\0" a)
	snapshot >before
	# SIGXFSZ ignored: write(2) then fails with EFBIG, as on a full disk it fails with ENOSPC
	for command in "note ann" "add-contact Big --note" "milestone"; do
		status=0
		(trap "" XFSZ && ulimit -f 64 && exec "$KITH" $command "$big") >out 2>err || status=$?
		expect_status 3
		expect_contains err "File too large"
	done
	status=0
	(trap "" XFSZ && ulimit -f 64 && exec "$KITH" log-meeting ann --notes "$big") >out 2>err || status=$?
	expect_status 3
	snapshot >after
	cmp before after
	find net -type f -name ".*tmp*" >left
	expect_empty left
'

# As root, "unreadable" needs another user: the network is handed to nobody,
# and kith runs as nobody through setpriv (util-linux).
test_expect_success 'as a user who may not read a file, or write the folder: the file named, exit 3, nothing changed' '
	[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null || { echo "# skipped: needs root and setpriv" >&2; exit 0; }
	new_network
	kith add-contact "Ann Lee" -q
	kith add-contact "Bo Chen" -q
	cp "$KITH" kith-copy  # where nobody may run it, whatever the path to the build
	chmod 755 "$TEST_ROOT" "$TRASH" kith-copy
	chown -R 65534:65534 net
	as_nobody() {
		status=0
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$TRASH/kith-copy" "$@" >out 2>err || status=$?
	}
	chmod 000 net/contacts/ann-lee.toml
	snapshot >before
	as_nobody due
	expect_status 3
	expect_contains err "cannot read '"'"'contacts/ann-lee.toml'"'"': Permission denied"
	as_nobody note ann-lee "hi"
	expect_status 3
	expect_contains err "contacts/ann-lee.toml"
	snapshot >after
	cmp before after
	as_nobody note bo-chen "hi" -q
	expect_status 0
	chmod 555 net/contacts
	snapshot >before
	for command in "note bo-chen again" "add-contact Cy" "log-meeting bo-chen --referral Dee"; do
		as_nobody $command
		expect_status 3
		expect_contains err "Permission denied"
	done
	snapshot >after
	cmp before after
'

# A real full disk: a 256 KB tmpfs, mounted in a mount namespace of this
# scenario alone. Where the machine allows no such mount, the file size limit
# above stands in for it.
test_expect_success 'a full disk (a small tmpfs, filled): each write fails with exit 3, the files as they were' '
	unshare -m true 2>/dev/null || { echo "# skipped: no mount namespace here" >&2; exit 0; }
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nBig,One,u,,,,\n" >c.csv
	export TRASH KITH
	export -f kith run_kith new_network fail expect_status expect_contains expect_empty snapshot
	unshare -m bash -euc '"'"'
		mkdir disk
		mount -t tmpfs -o size=256k tmpfs disk
		kith init disk/net >/dev/null && export KITH_DIR=$TRASH/disk/net
		ln -s disk/net net
		kith add-contact "Ann Lee" -q
		kith note ann "before the disk filled" -q
		dd if=/dev/zero of=disk/filler bs=4k 2>/dev/null || true
		snapshot >before
		for command in "note ann hi" "add-contact Big" "milestone news" "log-meeting ann --referral Zed" \
			"import linkedin c.csv" "follow-up ann"; do
			run_kith $command
			expect_status 3
			expect_contains err "No space left on device"
		done
		snapshot >after
		cmp before after
		find disk/net -type f -name ".*tmp*" >left
		expect_empty left
		rm disk/filler
		kith note ann "after" -q
		kith check
	'"'"'
'

test_expect_success 'huge values are kept byte for byte: a 100 KB note, 1 MB of meeting notes' '
	new_network
	kith add-contact "Ann Lee" -q
	head -c 100000 /dev/urandom | base64 -w 0 | head -c 100000 >note.txt
	head -c 1000000 /dev/urandom | base64 -w 76 >notes.txt
	kith note ann "$(cat note.txt)" -q
	kith log-meeting ann --notes-file notes.txt -q
	kith show ann --format json >shown
	py() { /usr/bin/python3 -c "$1"; }
	py "
import json, tomllib
shown = json.load(open(\"shown\"))
toml = tomllib.load(open(\"net/contacts/ann-lee.toml\", \"rb\"))
note, notes = open(\"note.txt\").read(), open(\"notes.txt\").read()
assert toml[\"event\"][0][\"note\"] == note and toml[\"event\"][1][\"notes\"] == notes
assert shown[\"events\"][0][\"note\"] == note and shown[\"events\"][1][\"notes\"] == notes
"
	kith check
'

test_expect_success 'garbage dates and durations: exit 2, the text named, nothing written' '
	new_network
	kith add-contact "Ann Lee" -q
	snapshot >before
	for date in "+99999999999d" "+9999999d" "-99999999999999999999d" "0000-01-01" "99999-01-01" \
		"2026-02-30" "2026-11-22T25:00" "2026-11-22 12:60" "friday friday" "+1000000m" "--" "-"; do
		run_kith note ann "x" --date="$date"
		expect_status 2
		expect_contains err "'"'"'$date'"'"'"
	done
	for span in fortnight -3d 99999999999d 9999999d 1y " 3d" "3 d" 3D "never!"; do
		run_kith add-contact "Bo" --keep-in-touch="$span"
		expect_status 2
		expect_contains err "'"'"'$span'"'"'"
		run_kith due --within="$span"
		expect_status 2
	done
	run_kith --today "2026-02-30" due
	expect_status 2
	snapshot >after
	cmp before after
'

test_expect_success 'unknown formats and kinds are refused by every command that takes one' '
	new_network
	kith add-contact "Ann Lee" -q
	for command in "due --format xml" "list --format yaml" "show ann --format csv" "export --format pdf" \
		"completions tcsh" "draft love-letter ann" "import outlook c.csv" "due --rule nag" "list --stage done" \
		"--color sometimes due"; do
		run_kith $command
		expect_status 2
		expect_contains err "kith: error: "
		expect_empty out
	done
'

test_expect_success 'bytes that are not UTF-8 in a contact file: named with line and column, never appended to' '
	new_network
	kith add-contact "Ann Lee" -q
	printf "name = \"Bo \377 Chen\"\n" >net/contacts/bo-chen.toml
	cp net/contacts/bo-chen.toml bo.orig
	run_kith due
	expect_status 3
	expect_contains err "contacts/bo-chen.toml:1:"
	run_kith note bo-chen "hi"
	expect_status 3
	cmp net/contacts/bo-chen.toml bo.orig
	run_kith check
	expect_status 1
	expect_contains out "contacts/bo-chen.toml:1:"
'

test_done
