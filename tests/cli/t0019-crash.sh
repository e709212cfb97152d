# Crash safety (SPEC §6): kith killed with SIGKILL at random moments during
# hundreds of writes never leaves a torn file, never loses an event whose
# command reported success, and the next write clears the temporaries a
# killed one left behind.
. "$(dirname "$0")/lib.sh"

# Runs `kith ARGS...` and kills it with SIGKILL after a random 0 to 2*$write_ms
# milliseconds (or never, if it is done by then). Prints "ok" when it
# finished with status 0.
kill_at_random() {
	"$KITH" "$@" >/dev/null 2>&1 &
	local pid=$! delay=$((RANDOM % (2 * write_ms + 1)))
	sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null || true
	if wait "$pid"; then echo ok; fi
}

test_expect_success 'SIGKILL at random during 300 writes: every file reads, every reported event is there' '
	new_network
	for name in "Ann Lee" "Bo Chen" "Cy Diaz"; do kith add-contact "$name" -q; done
	# how long one write takes here (a sanitizer build is many times slower)
	start=$(date +%s%N)
	kith note ann-lee "timing" -q
	write_ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))
	: >done
	for i in $(seq 1 300); do
		case $((i % 6)) in
		0) contact=ann-lee ;;
		1 | 2) contact=bo-chen ;;
		*) contact=cy-diaz ;;
		esac
		case $((i % 4)) in
		3) result=$(kill_at_random --today 2026-11-23 add-contact "Person $i" --note "made $i") ;;
		2) result=$(kill_at_random milestone "news $i") ;;
		*) result=$(kill_at_random --today 2026-11-23 note "$contact" "event $i of a long enough note to take a moment to write") ;;
		esac
		[ "$result" != ok ] || echo "$i" >>done
	done
	[ "$(wc -l <done)" -gt 10 ] || fail "only $(wc -l <done) writes finished; the test kills too soon"
	[ "$(wc -l <done)" -lt 300 ] || fail "no write was killed; the test kills too late"
	run_kith check
	expect_status 0
	for i in $(cat done); do
		case $((i % 4)) in
		3) grep -q "note = \"made $i\"" net/contacts/person-$i.toml || fail "Person $i was reported made, but is not" ;;
		2) grep -q "text = \"news $i\"" net/kith.toml || fail "milestone $i was reported, but is not in kith.toml" ;;
		*)
			case $((i % 6)) in 0) contact=ann-lee ;; 1 | 2) contact=bo-chen ;; *) contact=cy-diaz ;; esac
			grep -qF "\"event $i of" net/contacts/$contact.toml || fail "event $i was reported, but is not in $contact"
			;;
		esac
	done
	# no file is ever half there: each one that is there reads (check said so), and each name is a contact
	ls net/contacts | grep -v "\.toml$" >visible || true
	expect_empty visible
	# the next write in each folder clears what the killed ones left
	kith note ann-lee "after the crashes" -q
	kith milestone "after the crashes" -q
	find net -name ".*.tmp-*" >left
	expect_empty left
'

# Runs `kith ARGS...` under strace, killed by SIGKILL as it enters the Nth call
# of SYSCALL. Prints "ok" when it finished with status 0 (its Nth call never came).
kill_at_syscall() {
	local syscall=$1 n=$2
	shift 2
	# LeakSanitizer cannot run under ptrace: a sanitizer build must not look for leaks here
	if ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -o /dev/null -e trace="$syscall" \
		-e inject="$syscall":signal=KILL:when="$n" "$KITH" "$@" >/dev/null 2>&1; then echo ok; fi
}

# Prints "FIRST LAST": the numbers of the first and last calls of SYSCALL that
# `kith ARGS...` makes once it holds the network's lock (the ones a write
# makes), counting from its start. It runs the command on a copy, which it
# leaves in $TRASH/after: the network as the command makes it.
write_calls() {
	local syscall=$1
	shift
	rm -rf after && cp -a net after
	KITH_DIR=$TRASH/after ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
		strace -f -qq -o trace -e trace="flock,$syscall" "$KITH" "$@" >/dev/null 2>&1
	awk -v call="$syscall(" '
		index($2, "flock(") == 1 && /LOCK_EX/ { locked = 1 }
		index($2, call) == 1 { n++; if (locked && !first) first = n }
		END { print (first ? first : n + 1), n + 0 }' trace
}

# Fails unless each file of net/ is exactly as in before/ (the network as it
# was) or exactly as in after/ (as the command makes it); a file the command
# makes may be missing. WHEN says after what, for the message.
expect_old_or_new() {
	local file
	for file in $( (cd before && find . -name "*.toml") && (cd after && find . -name "*.toml")); do
		[ ! -e "net/$file" ] && [ ! -e "before/$file" ] && continue
		cmp -s "before/$file" "net/$file" 2>/dev/null && continue
		cmp -s "after/$file" "net/$file" 2>/dev/null || fail "$file is neither the old one nor the new $1"
	done
}

# Each system call a write makes after it takes the lock, killed in turn: a
# writer that truncated the file in place would be caught at its first write,
# one that renamed before its fsync, or fsynced nothing, at its rename.
test_expect_success 'SIGKILL at each system call of a write (mkdir to rmdir): each file the old one or the new, never torn' '
	command -v strace >/dev/null || fail "strace is needed"
	new_network
	kith add-contact "Ann Lee" -q
	kith note ann "first" -q
	kills=0
	for command in "note ann-lee second" "log-meeting ann-lee --referral Bo --notes met" \
		"add-contact Cy --note hello" "milestone landed"; do
		for syscall in mkdir openat write fchmod fsync close rename renameat2 unlink rmdir; do
			read -r first last <<-EOF
			$(write_calls "$syscall" --today 2026-11-23 $command)
			EOF
			for n in $(seq "$first" "$last"); do
				rm -rf before && cp -a net before
				result=$(kill_at_syscall "$syscall" "$n" --today 2026-11-23 $command)
				[ "$result" != ok ] || fail "$command was not killed at $syscall #$n"
				kills=$((kills + 1))
				run_kith check
				expect_status 0 || fail "after a kill at $syscall #$n of $command"
				expect_old_or_new "after a kill at $syscall #$n of $command"
				ls net/contacts | grep -v "\.toml$" >visible || true
				expect_empty visible
				rm -rf net && cp -a before net
			done
		done
	done
	[ "$kills" -ge 60 ] || fail "only $kills kills"
	kith note ann-lee "after the crashes" -q
	kith milestone "after" -q
	find net -name ".*.tmp-*" >left
	expect_empty left
'

# A kill cannot tear one write(2), so an in-place writer could pass the test
# above; a write that fails half-way (ENOSPC, EIO) would leave it torn.
test_expect_success 'a write or fsync that fails at any point: exit 3, each file exactly the old one or the new' '
	command -v strace >/dev/null || fail "strace is needed"
	new_network
	kith add-contact "Ann Lee" -q
	kith note ann "first" -q
	failures=0
	injections="write:ENOSPC pwrite64:ENOSPC fsync:EIO"
	# a sanitizer build (scripts/test-sanitizers sets ASAN_OPTIONS) makes write calls of
	# its own, to probe memory, which must not fail: there only fsync fails
	[ -z "${ASAN_OPTIONS:-}" ] || injections="fsync:EIO"
	# -q: a write kith fails to print after the change was made is no write of a file
	for command in "note ann-lee second -q" "log-meeting ann-lee --referral Bo --notes met -q" \
		"add-contact Cy --note hello -q" "milestone landed -q"; do
		for injected in $injections; do
			syscall=${injected%%:*} error=${injected#*:}
			read -r first last <<-EOF
			$(write_calls "$syscall" --today 2026-11-23 $command)
			EOF
			for n in $(seq "$first" "$last"); do
				rm -rf before && cp -a net before
				status=0
				ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -o /dev/null -e trace="$syscall" \
					-e inject="$syscall":error="$error":when="$n" "$KITH" --today 2026-11-23 $command \
					>out 2>err || status=$?
				expect_status 3 || fail "after $error at $syscall #$n of $command"
				expect_old_or_new "after $error at $syscall #$n of $command"
				run_kith check
				expect_status 0 || fail "after $error at $syscall #$n of $command: $(cat out)"
				rm -rf net && cp -a before net
				failures=$((failures + 1))
			done
		done
	done
	[ "$failures" -ge 8 ] || fail "only $failures failures injected"
	kith check
'

test_expect_success 'the temporaries killed writes left are removed by the next write in their folder, of any file' '
	command -v strace >/dev/null || fail "strace is needed"
	new_network
	kith add-contact "Ann Lee" -q
	touch net/contacts/.ann-lee.toml.tmp-AbC123 net/contacts/.my-own-hidden-file
	# killed as they rename: a contact never made, a milestone never recorded
	[ "$(kill_at_syscall renameat2 1 add-contact "Never Made")" != ok ] || fail "add-contact was not killed"
	[ "$(kill_at_syscall rename 1 milestone "news")" != ok ] || fail "milestone was not killed"
	[ -n "$(ls -A net/contacts/.kith-tmp)" ] || fail "the killed add-contact left no temporary"
	[ -n "$(ls -A net/.kith-tmp)" ] || fail "the killed milestone left no temporary"
	ls net/contacts >visible
	expect_file_equals visible <<-\EOF
	ann-lee.toml
	EOF
	kith note ann "after a crash" -q
	[ ! -e net/contacts/.kith-tmp ] || fail "a temporary in contacts/ is still there: $(ls -A net/contacts/.kith-tmp)"
	kith milestone "news" -q
	[ ! -e net/.kith-tmp ] || fail "a temporary beside kith.toml is still there: $(ls -A net/.kith-tmp)"
	for file in .ann-lee.toml.tmp-AbC123 .my-own-hidden-file; do
		[ -e "net/contacts/$file" ] || fail "$file, not a temporary of kith, was removed"
	done
	kith check
'

test_done
