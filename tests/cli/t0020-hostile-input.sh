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

# As run_kith, but never for long nor with much memory: before kith read
# only regular files, a FIFO hung it and /dev/zero ate the machine's memory.
run_kith_bounded() {
	status=0
	(
		[ -n "${ASAN_OPTIONS:-}" ] || ulimit -v 1000000  # a sanitizer maps far more than it uses
		exec timeout 60 "$KITH" "$@"
	) >"$TRASH/out" 2>"$TRASH/err" || status=$?
}

test_expect_success 'a FIFO, a device or a socket in contacts/ is named, never read; reports go on; check reports it' '
	new_network
	kith add-contact "Ann Lee" -q
	mkfifo net/contacts/fifo.toml
	ln -s /dev/zero net/contacts/zero.toml
	/usr/bin/python3 -c "import socket; socket.socket(socket.AF_UNIX).bind(\"net/contacts/socket.toml\")"
	for command in due list "export --format json"; do
		run_kith_bounded --today 2026-11-23 $command
		expect_status 3
		expect_contains err "kith: error: cannot read '"'"'contacts/fifo.toml'"'"': it is not a regular file (a FIFO)"
		expect_contains err "cannot read '"'"'contacts/zero.toml'"'"': it is not a regular file (a character device)"
		expect_contains err "cannot read '"'"'contacts/socket.toml'"'"': it is not a regular file (a socket)"
	done
	expect_contains out "Ann Lee"
	run_kith_bounded list
	expect_contains out "ann-lee"
	run_kith_bounded check
	expect_status 1
	expect_contains out "contacts/fifo.toml'"'"': it is not a regular file (a FIFO)"
	expect_contains out "contacts/zero.toml'"'"': it is not a regular file (a character device)"
	for reference in fifo zero; do
		run_kith_bounded note $reference "hi"
		expect_status 3
		expect_contains err "contacts/$reference.toml"
	done
	[ -p net/contacts/fifo.toml ] && [ -L net/contacts/zero.toml ] || fail "a file was replaced"
'

test_expect_success 'a FIFO, a device or an endless file as kith.toml or a template is named, exit 3' '
	new_network
	kith add-contact "Ann Lee" -q
	mkdir net/templates
	mkfifo net/templates/request.txt
	run_kith_bounded draft request ann
	expect_status 3
	expect_contains err "cannot read '"'"'templates/request.txt'"'"': it is not a regular file (a FIFO)"
	rm net/templates/request.txt
	truncate -s 17M net/templates/request.txt
	run_kith_bounded draft request ann
	expect_status 3
	expect_contains err "cannot read '"'"'templates/request.txt'"'"': it is larger than 16 MiB"
	mv net/kith.toml kith.toml.orig
	mkfifo net/kith.toml
	run_kith_bounded due
	expect_status 3
	expect_contains err "cannot read '"'"'kith.toml'"'"': it is not a regular file (a FIFO)"
	rm net/kith.toml && ln -s /dev/zero net/kith.toml
	run_kith_bounded check
	expect_status 1
	expect_contains out "kith.toml'"'"': it is not a regular file (a character device)"
'

test_expect_success 'a contact file larger than 16 MiB is named, never read; reports go on' '
	new_network
	kith add-contact "Ann Lee" -q
	truncate -s 17M net/contacts/huge.toml
	run_kith_bounded list
	expect_status 3
	expect_contains err "kith: error: cannot read '"'"'contacts/huge.toml'"'"': it is larger than 16 MiB"
	expect_contains out "ann-lee"
	run_kith_bounded check
	expect_status 1
	expect_contains out "contacts/huge.toml'"'"': it is larger than 16 MiB"
'

test_expect_success 'a file named on the command line may be a pipe; one that never ends stops at 16 MiB, exit 2' '
	new_network
	kith add-contact "Ann Lee" -q
	run_kith_bounded log-meeting ann --notes-file <(printf "from a pipe\n") -q
	expect_status 0
	expect_contains net/contacts/ann-lee.toml "from a pipe"
	snapshot >before
	run_kith_bounded log-meeting ann --notes-file /dev/zero
	expect_status 2
	expect_contains err "kith: error: cannot read '"'"'/dev/zero'"'"': it is larger than 16 MiB"
	run_kith_bounded log-meeting ann --notes-file - </dev/zero
	expect_status 2
	expect_contains err "kith: error: cannot read '"'"'standard input'"'"': it is larger than 16 MiB"
	run_kith_bounded import vcard /dev/zero
	expect_status 2
	expect_contains err "it is larger than 16 MiB"
	snapshot >after
	cmp before after
'

test_expect_success 'a contacts/ that is a symbolic link (committed to a clone) is refused, reading and writing' '
	new_network
	kith add-contact "Ann Lee" -q
	mkdir elsewhere
	printf "name = \"Eve\"\n" >elsewhere/eve.toml
	rm -r net/contacts
	ln -s "$TRASH/elsewhere" net/contacts
	(cd elsewhere && ls -A && cat eve.toml) >before
	printf "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nBig,One,u,,,,\n" >c.csv
	for command in due list "export --format json" check "show eve" "note eve hi" "add-contact Zed" \
		"log-meeting eve --referral Zed" "import linkedin c.csv" "edit eve"; do
		run_kith $command
		expect_status 3
		expect_contains err "kith: error: '"'"'contacts'"'"' is a symbolic link; kith keeps contacts only in a folder of the network'"'"'s own"
	done
	run_kith init "$TRASH/net" --git
	expect_status 3
	expect_contains err "'"'"'contacts'"'"' is a symbolic link"
	[ ! -e net/.git ] && [ ! -e net/.gitignore ] || fail "git was set up all the same"
	(cd elsewhere && ls -A && cat eve.toml) >after
	cmp before after
	rm net/contacts && printf "not a folder\n" >net/contacts
	run_kith list
	expect_status 3
	expect_contains err "kith: error: '"'"'contacts'"'"' is not a folder"
'

test_expect_success 'a kith.toml that is a symbolic link is read through, never written through' '
	new_network
	mv net/kith.toml outside.toml
	ln -s "$TRASH/outside.toml" net/kith.toml
	cp outside.toml outside.orig
	run_kith due
	expect_status 0
	run_kith milestone "An offer"
	expect_status 3
	expect_contains err "cannot write '"'"'kith.toml'"'"': it is a symbolic link; kith writes only to regular files"
	cmp outside.toml outside.orig
	[ -L net/kith.toml ] || fail "the link was replaced"
'

test_expect_success 'a contact file name near the 255-byte limit is written to, and leaves no .kith-tmp behind' '
	new_network
	long=$(printf "a%.0s" $(seq 245))  # with .toml, 250 bytes
	printf "name = \"A\"\n" >"net/contacts/$long.toml"
	run_kith note "$long" "hi" -q
	expect_status 0
	expect_contains "net/contacts/$long.toml" "note = \"hi\""
	[ ! -e net/contacts/.kith-tmp ] || fail "a .kith-tmp was left behind: $(ls -A net/contacts/.kith-tmp)"
	run_kith add-contact "$(printf "Bartholomew %.0s" $(seq 40))" -q
	expect_status 0
	[ ! -e net/contacts/.kith-tmp ] || fail "a .kith-tmp was left behind by add-contact"
	[ ! -e net/.kith-tmp ] || fail "a .kith-tmp was left behind beside kith.toml"
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
