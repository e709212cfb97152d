# kith completions SHELL, the scripts checked into completions/, and
# cmake --install: each shell, given kith as installed, completes commands,
# option values and contact slugs as a person typing TAB meets them.
. "$(dirname "$0")/lib.sh"

: "${KITH_SOURCE_DIR:?}" "${KITH_BUILD_DIR:?}"
export TERM=${TERM:-xterm}

# kith installed once into a temporary prefix, as a user or packager would.
PREFIX=$TEST_ROOT/prefix
cmake --install "$KITH_BUILD_DIR" --prefix "$PREFIX" >"$TEST_ROOT/install.log" 2>&1 ||
	{ cat "$TEST_ROOT/install.log" >&2; exit 1; }
installed() {  # the installed path of DIR (a cache variable's value) / FILE
	case $1 in
	/*) printf '%s/%s\n' "$1" "$2" ;;
	*) printf '%s/%s/%s\n' "$PREFIX" "$1" "$2" ;;
	esac
}

# A network with two contacts in $NET, another with one in $OTHER, and a
# third in a folder whose name has a space.
NET=$TEST_ROOT/net OTHER=$TEST_ROOT/other SPACED="$TEST_ROOT/my net"
"$KITH" init "$NET" >/dev/null
"$KITH" --dir "$NET" add-contact "Priya Raman" >/dev/null
"$KITH" --dir "$NET" add-contact "Jordan Lee" >/dev/null
"$KITH" init "$OTHER" >/dev/null
"$KITH" --dir "$OTHER" add-contact "Sam Okafor" >/dev/null
"$KITH" init "$SPACED" >/dev/null
"$KITH" --dir "$SPACED" add-contact "Kim Park" >/dev/null

# What a shell started for these tests sees: kith as installed, $NET as the
# network, a home of its own.
SHELL_HOME=$TEST_ROOT/home
mkdir -p "$SHELL_HOME"
shell_env=(env -i "HOME=$SHELL_HOME" TERM=screen "PATH=$(installed "$KITH_INSTALL_BINDIR" ''):/usr/bin:/bin"
	"KITH_DIR=$NET" "XDG_DATA_DIRS=$PREFIX/share:/usr/share" "XDG_CONFIG_HOME=$SHELL_HOME/.config"
	"XDG_DATA_HOME=$SHELL_HOME/.local/share" LC_ALL=C.UTF-8)

test_expect_success 'the scripts in completions/ are what kith completions prints' '
	for shell in bash zsh fish; do
		case $shell in bash) file=kith.bash ;; zsh) file=_kith ;; fish) file=kith.fish ;; esac
		kith completions $shell >$file
		diff -u "$KITH_SOURCE_DIR/completions/$file" $file ||
			fail "completions/$file is stale: run scripts/update-completions"
	done
'

test_expect_success 'each script passes its shell'\''s syntax check' '
	kith completions bash >kith.bash && bash -n kith.bash
	kith completions zsh >_kith && zsh -n _kith
	kith completions fish >kith.fish && fish --no-execute kith.fish
'

test_expect_success 'completions needs no network, and a shell it does not know is a usage error' '
	run_kith --dir "$TRASH/nowhere" completions bash
	expect_status 0
	expect_contains out "complete -F _kith kith"
	run_kith completions powershell
	expect_status 2
	expect_contains err "powershell not in {bash,zsh,fish}"
	run_kith completions
	expect_status 2
	expect_contains err "SHELL is required"
'

test_expect_success 'plumbing is never offered: merge-file and __complete are in no script' '
	for shell in bash zsh fish; do
		kith completions $shell >script
		expect_not_contains script "merge-file"
		expect_not_contains script "__complete contacts;"
		grep -c "__complete contacts" script >count
		[ "$(cat count)" -eq 1 ] || fail "$shell calls __complete $(cat count) times"
	done
'

test_expect_success '__complete contacts lists the slugs of the network named, one per line' '
	kith --dir "$NET" __complete contacts >out
	expect_file_equals out <<-\EOF
	jordan-lee
	priya-raman
	EOF
	KITH_DIR=$OTHER kith __complete contacts >out
	expect_file_equals out <<-\EOF
	sam-okafor
	EOF
'

test_expect_success 'cmake --install puts the binary, the man page and each completion where its system looks' '
	cmp "$(installed "$KITH_INSTALL_BINDIR" kith)" "$KITH"
	cmp "$(installed "$KITH_INSTALL_MANDIR" man1/kith.1)" "$KITH_SOURCE_DIR/doc/kith.1"
	cmp "$(installed "$KITH_INSTALL_BASH_COMPLETION_DIR" kith)" "$KITH_SOURCE_DIR/completions/kith.bash"
	cmp "$(installed "$KITH_INSTALL_ZSH_COMPLETION_DIR" _kith)" "$KITH_SOURCE_DIR/completions/_kith"
	cmp "$(installed "$KITH_INSTALL_FISH_COMPLETION_DIR" kith.fish)" "$KITH_SOURCE_DIR/completions/kith.fish"
	"$(installed "$KITH_INSTALL_BINDIR" kith)" --version >out
	expect_contains out "kith "
'

test_expect_success 'a packager can move each folder, and a relative one stays under the prefix' '
	cmake -S "$KITH_SOURCE_DIR" -B build -DBUILD_TESTING=OFF -DKITH_INSTALL_BASH_COMPLETION_DIR=lib/bash \
		-DKITH_INSTALL_ZSH_COMPLETION_DIR=/opt/zsh -DKITH_INSTALL_FISH_COMPLETION_DIR=share/fish/here \
		-DCMAKE_INSTALL_MANDIR=man >cmake.log 2>&1 || { cat cmake.log; false; }
	grep -F "\${CMAKE_INSTALL_PREFIX}/lib/bash" build/cmake_install.cmake
	grep -F "\"/opt/zsh\"" build/cmake_install.cmake
	grep -F "\${CMAKE_INSTALL_PREFIX}/share/fish/here" build/cmake_install.cmake
	grep -F "\${CMAKE_INSTALL_PREFIX}/man/man1" build/cmake_install.cmake
'

# ---- interactive shells, in tmux -------------------------------------------

trap 'tmux_ kill-server 2>/dev/null; rm -rf "$TEST_ROOT"' EXIT
tmux_() { tmux -S "$TEST_ROOT/tmux.sock" "$@"; }
screen_of() { tmux_ capture-pane -p -t "$1"; }

# Waits up to ten seconds for the screen of session $1 to show $2.
wait_for_screen() {
	local i
	for ((i = 0; i < 100; i++)); do
		screen_of "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	fail "the $1 screen never showed '$2':"$'\n'"$(screen_of "$1")"
}

# Waits up to ten seconds for session $1 to show nothing but its prompt.
wait_for_clear_prompt() {
	local i
	for ((i = 0; i < 100; i++)); do
		[ "$(screen_of "$1" | grep -v '^$')" = '$' ] && return 0
		sleep 0.1
	done
	fail "the $1 screen never cleared:"$'\n'"$(screen_of "$1")"
}

# Starts an interactive shell in tmux session $1 (the command and its setup
# line follow), with a prompt of "$ ".
start_shell() {
	tmux_ -f /dev/null new-session -d -s "$1" -x 200 -y 50 "$2"
	tmux_ send-keys -t "$1" -l "$3; PS1='$ '; clear"
	tmux_ send-keys -t "$1" Enter
	wait_for_clear_prompt "$1"
}

# Types $2 at a clear prompt of session $1, presses TAB, and expects the line
# to read "$ $3" (tmux drops the space a completed word ends with).
expect_completion() {
	tmux_ send-keys -t "$1" C-u C-l
	wait_for_clear_prompt "$1"
	tmux_ send-keys -t "$1" -l "$2"
	tmux_ send-keys -t "$1" Tab
	wait_for_screen "$1" "$ $3"
}

# The checks every shell must pass: a command, option values, contact slugs.
complete_everything() {
	local s=$1
	expect_completion $s "kith req" "kith request"
	expect_completion $s "kith help sh" "kith help show"
	expect_completion $s "kith due --format j" "kith due --format json"
	expect_completion $s "kith due --format=i" "kith due --format=ics"
	expect_completion $s "kith due --rule report" "kith due --rule report-back"
	expect_completion $s "kith list --stage followed" "kith list --stage followed-up"
	expect_completion $s "kith --color nev" "kith --color never"
	expect_completion $s "kith draft sha" "kith draft share-news"
	expect_completion $s "kith completions fi" "kith completions fish"
	expect_completion $s "kith due --exit" "kith due --exit-code"
	expect_completion $s "kith show pri" "kith show priya-raman"
	expect_completion $s "kith draft thank jor" "kith draft thank jordan-lee"
	expect_completion $s "kith note --date yesterday pri" "kith note --date yesterday priya-raman"
	expect_completion $s "kith due --contact pri" "kith due --contact priya-raman"
	expect_completion $s "kith --dir $OTHER show s" "kith --dir $OTHER show sam-okafor"
	expect_completion $s "kith show --dir $OTHER s" "kith show --dir $OTHER sam-okafor"
	expect_completion $s "kith log-meeting priya --notes-file $NET/kith.t" \
		"kith log-meeting priya --notes-file $NET/kith.toml"
	[ "${2-}" = basic ] && return
	expect_completion $s "kith --today 2026-11-22T15:00 show pri" "kith --today 2026-11-22T15:00 show priya-raman"
	expect_completion $s "kith schedule --where https://meet.example/abc pri" \
		"kith schedule --where https://meet.example/abc priya-raman"
	expect_completion $s "kith --dir '$SPACED' show k" "kith --dir '$SPACED' show kim-park"
	expect_completion $s "kith show --dir ${SPACED// /\\ } k" "kith show --dir ${SPACED// /\\ } kim-park"
	expect_completion $s "kith note -- pri" "kith note -- priya-raman"
	expect_completion $s "kith due --rule thank --rule report" "kith due --rule thank --rule report-back"
}

test_expect_success 'bash (with bash-completion, finding kith'\''s file as installed) completes commands, values and slugs' '
	start_shell bash "${shell_env[*]} bash --norc --noprofile" \
		"source /usr/share/bash-completion/bash_completion"
	complete_everything bash
'

test_expect_success 'bash without bash-completion, the script sourced by hand, still completes' '
	start_shell bare "${shell_env[*]} bash --norc --noprofile" \
		"source $(installed "$KITH_INSTALL_BASH_COMPLETION_DIR" kith)"
	complete_everything bare basic
'

test_expect_success 'zsh (with compinit, finding _kith in the installed site-functions) completes commands, values and slugs' '
	start_shell zsh "${shell_env[*]} zsh -f" \
		"bindkey -e; fpath=($(installed "$KITH_INSTALL_ZSH_COMPLETION_DIR" "") \$fpath); autoload -Uz compinit; compinit -u -D"
	complete_everything zsh
'

# Prints what fish offers for the line $1, one candidate a line, without
# descriptions.
fish_complete() {
	"${shell_env[@]}" fish -c 'complete -C -- $argv[1]' "$1" | cut -f1
}

test_expect_success 'fish (finding kith.fish among its vendor completions) completes commands, values and slugs' '
	fish_complete "kith req" >out
	expect_file_equals out <<-\EOF
	request
	EOF
	fish_complete "kith due --format " >out
	expect_file_equals out <<-\EOF
	ics
	json
	text
	tsv
	EOF
	fish_complete "kith due --format=j" >out
	expect_file_equals out <<-\EOF
	--format=json
	EOF
	fish_complete "kith draft " >out
	expect_file_equals out <<-\EOF
	check-in
	follow-up
	report-back
	request
	share-news
	thank
	EOF
	fish_complete "kith show " >out
	expect_file_equals out <<-\EOF
	jordan-lee
	priya-raman
	EOF
	fish_complete "kith draft thank pri" >out
	expect_file_equals out <<-\EOF
	priya-raman
	EOF
	fish_complete "kith --dir $OTHER show " >out
	expect_file_equals out <<-\EOF
	sam-okafor
	EOF
	fish_complete "kith note priya " >out
	expect_empty out
	fish_complete "kith help sh" >out
	expect_file_equals out <<-\EOF
	show
	EOF
	fish_complete "kith due --ex" >out
	expect_file_equals out <<-\EOF
	--exit-code
	EOF
	fish_complete "kith " >out
	expect_contains out "add-contact"
	expect_contains out "completions"
	expect_not_contains out "merge-file"
	expect_not_contains out "__complete"
'

test_done
