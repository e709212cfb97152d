# kith edit C: the editor (from VISUAL/EDITOR, split as a shell would, never
# run through one) edits a copy; a save that does not read is never kept.
. "$(dirname "$0")/lib.sh"

SQ="'"

one() {
	new_network
	kith --today 2026-11-01 add-contact "Priya Singh" --company "Acme Batetries" -q
	cp net/contacts/priya-singh.toml original
}

test_expect_success 'an editor that fixes a typo: the save is kept' '
	one
	EDITOR="sed -i s/Batetries/Batteries/" run_kith edit priya </dev/null
	expect_status 0
	expect_contains out "Saved contacts/priya-singh.toml"
	expect_contains net/contacts/priya-singh.toml "company = \"Acme Batteries\""
	[ "$(ls -A net/contacts)" = "priya-singh.toml" ]
'

test_expect_success 'an editor that breaks the file: the original is restored, exit 3' '
	one
	EDITOR="sed -i s/=/:/" run_kith edit priya </dev/null
	expect_status 3
	expect_contains err "kept the original"
	expect_contains err "contacts/priya-singh.toml"
	[ "$(grep -c "expected ${SQ}=${SQ}" err)" -eq 1 ] || fail "said more than once: $(cat err)"
	cmp original net/contacts/priya-singh.toml
	copy=$(ls -A net/contacts | grep "^\.priya-singh\.edit-......\.toml$")
	expect_contains err "(your edit is in ${SQ}contacts/$copy${SQ})"
	expect_contains "net/contacts/$copy" "name : "
	EDITOR=true run_kith edit priya </dev/null
	expect_contains err "${SQ}contacts/$copy${SQ} holds an edit"
'

test_expect_success 'VISUAL wins over EDITOR, and its words are split as a shell would' '
	one
	cat >"$TRASH/my editor" <<-\SH
	#!/bin/sh
	# $1 is the extra argument, $2 the file
	printf "note_from = \"%s\"\n" "$1" >"$2.new" && cat "$2" >>"$2.new" && mv "$2.new" "$2"
	SH
	chmod +x "$TRASH/my editor"
	VISUAL="\"$TRASH/my editor\" '\''two words'\''" EDITOR=false run_kith edit priya </dev/null
	expect_status 0
	expect_contains net/contacts/priya-singh.toml "note_from = \"two words\""
'

test_expect_success 'no change: nothing written' '
	one
	EDITOR=true run_kith edit priya </dev/null
	expect_status 0
	expect_contains out "No changes"
	cmp original net/contacts/priya-singh.toml
'

test_expect_success 'an editor that fails leaves the file as it was' '
	one
	EDITOR="sh -c \"echo x >>\\\"\$0\\\"; exit 4\"" run_kith edit priya </dev/null
	expect_status 3
	expect_contains err "exit status 4"
	cmp original net/contacts/priya-singh.toml
'

test_expect_success 'Ctrl-C while the editor runs belongs to the editor: the save is still kept' '
	one
	cat >"$TRASH/vimlike" <<-\SH
	#!/bin/sh
	# Like vim: Ctrl-C does not end it. Save after the interrupt has come and gone.
	trap "" INT
	sleep 1
	sed -i s/Batetries/Batteries/ "$1"
	SH
	chmod +x "$TRASH/vimlike"
	EDITOR="$TRASH/vimlike" python3 - "$KITH" <<-\PY
	import os, signal, subprocess, sys, time
	kith = subprocess.Popen([sys.argv[1], "edit", "priya"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, start_new_session=True)
	time.sleep(0.4)
	os.killpg(kith.pid, signal.SIGINT)  # the terminal sends it to the whole foreground group
	sys.exit(0 if kith.wait() == 0 else 1)
	PY
	expect_contains net/contacts/priya-singh.toml "Acme Batteries"
	[ "$(ls -A net/contacts)" = "priya-singh.toml" ]
'

# Runs `kith edit priya` on a pseudo-terminal, answering the question after a
# save that does not read with $1; prints what the terminal showed, and exits
# with kith's status.
edit_on_a_terminal() {
	python3 - "$KITH" "$1" <<-\PY
	import os, pty, sys
	pid, fd = pty.fork()
	if pid == 0:
	    os.execv(sys.argv[1], [sys.argv[1], "edit", "priya"])
	seen = b""
	def read_until(text):
	    global seen
	    while text not in seen:
	        try:
	            chunk = os.read(fd, 1024)
	        except OSError:
	            return False
	        if not chunk:
	            return False
	        seen += chunk
	    return True
	if read_until(b"[e] "):
	    os.write(fd, sys.argv[2].encode() + b"\n")
	read_until(b"\0")  # to the end
	_, status = os.waitpid(pid, 0)
	sys.stdout.write(seen.decode())
	sys.exit(os.waitstatus_to_exitcode(status))
	PY
}

# An editor that breaks the file the first time, and mends it (and the typo)
# the next.
break_then_mend() {
	cat >"$TRASH/editor" <<-SH
	#!/bin/sh
	if [ -e "$TRASH/broke" ]; then sed -i "s/:/=/; s/Batetries/Batteries/" "\$1"
	else sed -i s/=/:/ "\$1" && touch "$TRASH/broke"; fi
	SH
	chmod +x "$TRASH/editor"
	export EDITOR="$TRASH/editor"
}

test_expect_success 'on a terminal, a save that does not read offers to edit again; the mended save is kept' '
	one
	break_then_mend
	status=0
	edit_on_a_terminal e >screen || status=$?
	expect_status 0
	expect_contains screen "the edited file does not read: contacts/priya-singh.toml:1:"
	expect_contains screen "Edit again (e) or restore the original (r)?"
	expect_contains screen "Saved contacts/priya-singh.toml"
	expect_contains net/contacts/priya-singh.toml "company = \"Acme Batteries\""
	[ "$(ls -A net/contacts)" = "priya-singh.toml" ]
'

test_expect_success 'on a terminal, choosing restore keeps the original and exits 3' '
	one
	break_then_mend
	status=0
	edit_on_a_terminal r >screen || status=$?
	expect_status 3
	expect_contains screen "kept the original"
	cmp original net/contacts/priya-singh.toml
	[ "$(ls -A net/contacts)" = "priya-singh.toml" ]
'

test_expect_success 'a copy left by a killed edit: removed when it holds nothing new, else kept and named' '
	one
	cp original net/contacts/.priya-singh.edit-AbC123.toml
	sed s/Batetries/Batteries/ original >net/contacts/.priya-singh.edit-XyZ789.toml
	cp original net/contacts/.priya.edit-Other1.toml
	EDITOR=true run_kith edit priya </dev/null
	expect_status 0
	[ ! -e net/contacts/.priya-singh.edit-AbC123.toml ]
	expect_contains err "warning: ${SQ}contacts/.priya-singh.edit-XyZ789.toml${SQ} holds an edit"
	expect_not_contains err AbC123
	[ -e net/contacts/.priya-singh.edit-XyZ789.toml ]
	[ -e net/contacts/.priya.edit-Other1.toml ]
	run_kith check
	expect_status 0
	run_kith list --format tsv
	[ "$(wc -l <out)" -eq 1 ]
'

test_expect_success 'with neither VISUAL nor EDITOR set, edit runs vi' '
	one
	mkdir bin
	printf "#!/bin/sh\nsed -i s/Batetries/Batteries/ \"\$1\"\n" >bin/vi
	chmod +x bin/vi
	PATH="$TRASH/bin:$PATH" run_kith edit priya </dev/null
	expect_status 0
	expect_contains net/contacts/priya-singh.toml "Acme Batteries"
'

test_expect_success 'other writers go on while the editor is open; a save over their change is refused, the edit kept in a copy' '
	one
	cat >"$TRASH/editor" <<-SH
	#!/bin/sh
	sed -i s/Batetries/Batteries/ "\$1"
	timeout 10 "$KITH" note priya "recorded meanwhile" -q
	SH
	chmod +x "$TRASH/editor"
	EDITOR="$TRASH/editor" run_kith edit priya </dev/null
	expect_status 3
	expect_contains err "${SQ}contacts/priya-singh.toml${SQ} changed while you edited it"
	expect_contains net/contacts/priya-singh.toml "recorded meanwhile"
	expect_contains net/contacts/priya-singh.toml "Acme Batetries"
	copy=$(ls -A net/contacts | grep "^\.priya-singh\.edit-......\.toml$")
	expect_contains err "your version is kept in ${SQ}contacts/$copy${SQ}"
	expect_contains "net/contacts/$copy" "Acme Batteries"
	expect_not_contains "net/contacts/$copy" "recorded meanwhile"
	expect_not_contains out Saved
	run_kith check
	expect_status 0
'

test_expect_success 'a git pull while the editor is open is not overwritten, and with autocommit nothing of the edit is committed' '
	export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
	export GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$TRASH"
	kith init "$TRASH/laptop" --git -q
	sed -i "s/^# autocommit = false.*/autocommit = true/" laptop/kith.toml
	git -C laptop add -A && git -C laptop commit -qm init
	kith --dir laptop --today 2026-11-01 add-contact "Priya Singh" --company "Acme Batetries" -q
	git clone -q laptop desktop
	kith init "$TRASH/desktop" --git -q
	kith --dir laptop --today 2026-11-23 note priya "from the laptop" -q
	cat >"$TRASH/editor" <<-SH
	#!/bin/sh
	sed -i s/Batetries/Batteries/ "\$1"
	git -C "$TRASH/desktop" pull -q --no-rebase --no-edit
	SH
	chmod +x "$TRASH/editor"
	before=$(git -C desktop rev-list --count HEAD)
	EDITOR="$TRASH/editor" run_kith --dir desktop edit priya </dev/null
	expect_status 3
	expect_contains err "changed while you edited it"
	expect_contains desktop/contacts/priya-singh.toml "from the laptop"
	[ "$(git -C desktop rev-list --count HEAD)" -eq $((before + 1)) ] || fail "the edit was committed"
	git -C desktop status --porcelain --untracked-files=no >dirty
	expect_empty dirty
'

test_expect_success 'two edits open at once: neither takes the other'"'"'s copy for a leftover' '
	one
	cat >"$TRASH/slow" <<-SH
	#!/bin/sh
	sed -i s/Batetries/Batteries/ "\$1"
	touch "$TRASH/first-saved"
	i=0
	while [ ! -e "$TRASH/go" ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i + 1)); done
	SH
	chmod +x "$TRASH/slow"
	EDITOR="$TRASH/slow" "$KITH" edit priya >first.out 2>first.err </dev/null &
	first=$!
	for i in $(seq 1 100); do [ -e first-saved ] && break; sleep 0.1; done
	status=0
	EDITOR=true timeout 20 "$KITH" edit priya </dev/null >out 2>err || status=$?
	expect_status 0
	expect_not_contains err "holds an edit"
	touch go
	wait $first || fail "the first edit failed: $(cat first.err)"
	expect_contains net/contacts/priya-singh.toml "Acme Batteries"
'

test_expect_success 'an edit that reads but cannot be saved (kith.toml broken meanwhile) is kept in a copy, never lost' '
	one
	cat >"$TRASH/editor" <<-SH
	#!/bin/sh
	sed -i s/Batetries/Batteries/ "\$1"
	printf "<<<<<<< ours\n" >>"$TRASH/net/kith.toml"
	SH
	chmod +x "$TRASH/editor"
	EDITOR="$TRASH/editor" run_kith edit priya </dev/null
	expect_status 3
	expect_contains err "kith.toml"
	copy=$(ls -A net/contacts | grep "^\.priya-singh\.edit-......\.toml$")
	expect_contains err "your version is kept in ${SQ}contacts/$copy${SQ}"
	expect_contains "net/contacts/$copy" "Acme Batteries"
	cmp original net/contacts/priya-singh.toml
'

# A copy cut short (a full disk, here a file size limit) would open in the
# editor as if it were the file, and a save of it would drop the rest.
cut_short() {
	one
	printf "# %s\n" "$(head -c 100000 /dev/zero | tr "\0" a)" >>net/contacts/priya-singh.toml
	cp net/contacts/priya-singh.toml original
	printf "#!/bin/sh\ntouch editor-ran\nsed -i s/Batetries/Batteries/ \"\$1\"\n" >editor
	chmod +x editor
	status=0
	(trap "" XFSZ && ulimit -f 64 && EDITOR=$TRASH/editor exec "$KITH" edit priya) </dev/null >out 2>err || status=$?
}

test_expect_success 'a copy that cannot be made whole stops the edit before the editor opens; the file is left as it was' '
	cut_short
	expect_status 3
	expect_contains err "kith: error: cannot make a whole copy to edit in ${SQ}$TRASH/net/contacts${SQ} (is the disk full?)"
	[ ! -e editor-ran ] || fail "the editor ran on a copy cut short"
	cmp original net/contacts/priya-singh.toml
'

# A copy that could not be made whole is removed at once: left behind, the
# next edit would call it "an edit that a kith edit could not save".
test_expect_success 'a copy cut short is not left behind to be taken for a saved edit' '
	cut_short
	[ "$(ls -A net/contacts)" = "priya-singh.toml" ] || fail "left: $(ls -A net/contacts)"
	EDITOR=true run_kith edit priya </dev/null
	expect_not_contains err "holds an edit"
'

test_done
