#!/usr/bin/env bash
# The layout of src/ keeps the rules the README's "Inside kith" draws: each
# floor includes only the floors below it, only the files module touches the
# disk, and no command sets up the network itself (main does, as the
# command table says).
. "$(dirname "$0")/lib.sh"

SRC=$KITH_SOURCE_DIR/src
floors="model rules formats messages io cli"

# The rank of a floor: its place from the ground up.
rank() {
	local i=0 floor
	for floor in $floors; do
		[ "$floor" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo 99
}

test_expect_success 'every folder of src/ is a floor' '
	for dir in "$SRC"/*/; do
		name=$(basename "$dir")
		[ "$(rank "$name")" != 99 ] || fail "src/$name is no floor of the README"
	done
	[ -z "$(find "$SRC" -maxdepth 1 -type f)" ] || fail "files outside the floors: $(find "$SRC" -maxdepth 1 -type f)"
'

test_expect_success 'a floor includes only itself and the floors below it' '
	bad=
	for floor in $floors; do
		own=$(rank "$floor")
		while IFS=: read -r file line include; do
			used=${include%%/*}
			[ "$(rank "$used")" -le "$own" ] || bad="$bad
    ${file#"$SRC"/}:$line includes $include"
		done < <(grep -rnoE "^#include \"[a-z_]+/[a-z_]+\.hpp\"" "$SRC/$floor" |
			sed -E "s/#include \"(.*)\"/\1/")
	done
	[ -z "$bad" ] || fail "floors broken:$bad"
'

test_expect_success 'only the files module opens, renames, creates temporaries, syncs or locks' '
	found=$(grep -rnE "(^|[^_a-z])open\(|rename\(|ofstream|mkstemp|mkostemp|fsync\(|flock\(|::mkdir\(|::unlink\(|::chmod\(" \
		"$SRC" --include=*.cpp --include=*.hpp | grep -v "^$SRC/io/files\.[ch]pp:" | grep -vE ":[0-9]+:\s*//" || true)
	[ -z "$found" ] || fail "disk calls outside io/files: $found"
'

test_expect_success 'no command file finds, locks or loads the network itself' '
	found=$(grep -nE "find_network|load_contacts|load_config|NetworkLock[ (]|lock_network" \
		"$SRC"/cli/commands/*.cpp | grep -vE ":[0-9]+:\s*//" || true)
	[ -z "$found" ] || fail "set up outside main: $found"
'

test_done
