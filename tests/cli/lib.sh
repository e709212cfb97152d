# Shared helpers for the end-to-end scenarios, in the manner of git's t/test-lib.sh.
# A script sources this file, then calls `test_expect_success "sentence" 'body'`
# for each scenario and `test_done` at the end. Each scenario runs in a fresh
# temporary folder ($TRASH) with a fresh network in $TRASH/net (KITH_DIR).

set -u

: "${KITH:?KITH must name the kith binary to test}"
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset KITH_TODAY XDG_DATA_HOME VISUAL EDITOR

test_count=0
test_failures=0
TEST_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/kith-test.XXXXXX")
trap 'rm -rf "$TEST_ROOT"' EXIT
export XDG_CACHE_HOME="$TEST_ROOT/cache"  # kith's cache of parsed files, never the tester's own

kith() { "$KITH" "$@"; }

# Debian's Python, where scripts/build installs python3-icalendar (a python3
# earlier in PATH, such as pyenv's, would not see it).
python3() { /usr/bin/python3 "$@"; }

# Runs kith, keeping its stdout in $TRASH/out, its stderr in $TRASH/err and
# its exit status in $status; never fails by itself.
run_kith() {
	status=0
	"$KITH" "$@" >"$TRASH/out" 2>"$TRASH/err" || status=$?
	return 0
}

# A fresh network at $TRASH/net, named by KITH_DIR.
new_network() {
	kith init "$TRASH/net" >/dev/null && export KITH_DIR="$TRASH/net"
}

# Two machines of one network in git (set GIT_* identities first): a network
# "laptop" with autocommit and one contact with a request, and a
# clone of it, "desktop", set up with kith init --git.
two_machines() {
	kith init "$TRASH/laptop" --git -q
	sed -i 's/^# autocommit = false.*/autocommit = true/' laptop/kith.toml
	git -C laptop add -A
	git -C laptop commit -qm init
	kith --dir laptop --today 2026-11-02 add-contact "Priya Singh" -q
	kith --dir laptop --today 2026-11-02 request priya -q
	git clone -q laptop desktop
	kith init "$TRASH/desktop" --git -q
}

fail() {
	printf '    %s\n' "$*" >&2
	return 1
}

expect_status() {
	[ "$status" -eq "$1" ] || fail "expected exit status $1, got $status; stderr: $(cat "$TRASH/err")"
}

# expect_file_equals FILE <<'EOF' ... EOF: the file holds exactly those lines.
expect_file_equals() {
	local expected
	expected=$(cat)
	[ "$(cat "$1")" = "$expected" ] || fail "$(diff -u <(printf '%s\n' "$expected") "$1")"
}

expect_contains() {
	grep -qF -- "$2" "$1" || fail "'$1' does not contain '$2': $(cat "$1")"
}

expect_not_contains() {
	! grep -qF -- "$2" "$1" || fail "'$1' contains '$2'"
}

expect_empty() {
	[ ! -s "$1" ] || fail "'$1' is not empty: $(cat "$1")"
}

# A snapshot of every file in the network, to prove a command changed nothing.
snapshot() {
	(cd "$TRASH/net" && find . -type f ! -name '.*.tmp-*' -print0 | sort -z | xargs -0 sha256sum)
}

# Runs a scenario's body in a fresh $TRASH; its status is the body's.
run_scenario() {
	test_count=$((test_count + 1))
	TRASH="$TEST_ROOT/$test_count"
	mkdir -p "$TRASH"
	# Not inside `if`: there bash would ignore set -e in the body.
	(
		cd "$TRASH" || exit 1
		set -e
		eval "$1"
	)
}

test_expect_success() {
	local title=$1
	run_scenario "$2"
	if [ $? -eq 0 ]; then
		printf 'ok %d - %s\n' "$test_count" "$title"
	else
		printf 'not ok %d - %s\n' "$test_count" "$title"
		test_failures=$((test_failures + 1))
	fi
}

test_done() {
	printf '%d passed, %d failed\n' "$((test_count - test_failures))" "$test_failures"

	[ "$test_failures" -eq 0 ]
}
