# The cache of parsed contact files (README "Performance"): reports read
# through it say exactly what they say without it; an edit is never missed,
# even one that keeps the file's size and modification time; a cache that is
# broken, missing or unwritable costs nothing but time; and it lives outside
# the network, private.
. "$(dirname "$0")/lib.sh"

# Every report, in every format, of the network in $KITH_DIR, into FILE.
reports() {
	{
		kith --today 2026-11-23 due --within 400d
		kith --today 2026-11-23 due --format json
		kith --today 2026-11-23 list --format tsv
		kith --today 2026-11-23 export --format json
		kith --today 2026-11-23 show amara-okafor
		kith check
	} >"$1" 2>&1
}

# A copy of the example network whose files are old enough to be cached
# (two seconds after their last change).
settled_network() {
	cp -R "$KITH_SOURCE_DIR/examples/network" net
	export KITH_DIR="$TRASH/net" XDG_CACHE_HOME="$TRASH/cache"
	sleep 2.1
}

test_expect_success 'every report reads the same through the cache, cold and warm, as without it' '
	settled_network
	(unset XDG_CACHE_HOME; HOME= reports without)
	[ ! -e "$XDG_CACHE_HOME" ] || fail "a cache was written with neither XDG_CACHE_HOME nor HOME"
	reports cold
	ls "$XDG_CACHE_HOME"/kith/contacts-* >/dev/null || fail "no cache was written"
	reports warm
	cmp without cold
	cmp without warm
'

test_expect_success 'the cache is outside the network, private, and the network is not touched' '
	settled_network
	snapshot >before
	kith --today 2026-11-23 due >/dev/null
	snapshot >after
	cmp before after
	[ "$(stat -c %a "$XDG_CACHE_HOME/kith")" = 700 ] || fail "the cache folder is $(stat -c %a "$XDG_CACHE_HOME/kith")"
	for file in "$XDG_CACHE_HOME"/kith/*; do
		[ "$(stat -c %a "$file")" = 600 ] || fail "$file is $(stat -c %a "$file")"
	done
	find net -newer before >changed
	expect_empty changed
'

test_expect_success 'an edit that keeps the size and the modification time is still seen' '
	settled_network
	kith --today 2026-11-23 export --format json >before  # cached now
	expect_contains before "Halvorsen Therapeutics"
	file=net/contacts/amara-okafor.toml
	touch -r "$file" stamp
	ls -i "$file" >inode
	sed "s/Halvorsen Therapeutics/Halvorsen THERAPEUTICS/" "$file" >edited
	cat edited >"$file"  # in place: the same inode, the same length
	touch -r stamp "$file"
	ls -i "$file" | cmp - inode
	kith --today 2026-11-23 export --format json >after
	expect_contains after "Halvorsen THERAPEUTICS"
'

test_expect_success 'a file added, removed, replaced or broken since the cache was written is seen' '
	settled_network
	kith --today 2026-11-23 list >/dev/null
	rm net/contacts/tom-becker.toml
	printf "name = \"Nia Park\"\n" >net/contacts/nia-park.toml
	printf "name = \"Marcus Bell\"\nrole = \"Replaced\"\n" >new && mv new net/contacts/marcus-bell.toml
	printf "name = \"Priya\n" >net/contacts/priya-raman.toml
	run_kith --today 2026-11-23 list --format tsv
	expect_status 3
	expect_not_contains out "tom-becker"
	expect_contains out "nia-park"
	expect_not_contains out "priya-raman"
	expect_contains err "contacts/priya-raman.toml:1:"
	run_kith show marcus-bell
	expect_contains out "Replaced"
	run_kith check
	expect_status 1
	expect_contains out "contacts/priya-raman.toml:1:"
'

test_expect_success 'a temporary of the cache that a killed report left is removed by a later one' '
	settled_network
	mkdir -p "$XDG_CACHE_HOME/kith"
	kith --today 2026-11-23 due >/dev/null
	cache=$(ls "$XDG_CACHE_HOME"/kith/contacts-*)
	left="$XDG_CACHE_HOME/kith/.${cache##*/}.tmp-AbC123" fresh="$XDG_CACHE_HOME/kith/.${cache##*/}.tmp-XyZ789"
	touch -d "2 minutes ago" "$left"
	touch "$fresh" "$XDG_CACHE_HOME/kith/.other.tmp-AbC123"
	rm "$cache"
	kith --today 2026-11-23 due >/dev/null
	[ ! -e "$left" ] || fail "the old temporary is still there"
	[ -e "$fresh" ] || fail "a temporary another report may be writing was removed"
	[ -e "$XDG_CACHE_HOME/kith/.other.tmp-AbC123" ] || fail "a temporary of another network was removed"
'

test_expect_success 'a network large enough to be read on several threads reads the same, broken files in order' '
	"$KITH_SOURCE_DIR/tests/bench/make-network" 400 net
	export KITH_DIR="$TRASH/net" XDG_CACHE_HOME="$TRASH/cache"
	for slug in $(ls net/contacts | sed -n "5p;77p;150p;301p" | sed "s/\.toml$//"); do
		printf "name = \"Broken\n" >"net/contacts/$slug.toml"
	done
	mkdir net/contacts/a-folder.toml
	sleep 2.1
	all_reports() {
		kith --today 2026-11-23 due --format json 2>&1 || true
		kith --today 2026-11-23 list --format tsv 2>&1 || true
		kith check 2>&1 || true
	}
	reports_of_all() { all_reports >"$1"; }
	(unset XDG_CACHE_HOME; HOME= reports_of_all without)
	grep -c "^contacts/.*:1:" without >broken
	[ "$(cat broken)" -ge 4 ] || fail "the broken files were not reported: $(cat broken)"
	reports_of_all cold
	reports_of_all warm
	cmp without cold
	cmp without warm
	# past a file size limit the cache is not written, and the report is the same
	rm -r "$XDG_CACHE_HOME"
	(ulimit -f 16 && all_reports) | cat >limited  # the limit on kith alone
	cmp without limited
	find "$XDG_CACHE_HOME" -type f >written
	expect_empty written
'

test_expect_success 'a cache that is broken, cut short, not a file or not writable changes nothing but the time taken' '
	settled_network
	(unset XDG_CACHE_HOME; HOME= reports without)
	reports cold
	cache=$(ls "$XDG_CACHE_HOME"/kith/contacts-*)
	head -c 5000 "$cache" >cut && cp cut "$cache"
	reports after-cut
	cmp without after-cut
	head -c 20000 /dev/urandom >"$cache"
	reports after-garbage
	cmp without after-garbage
	rm "$cache" && mkdir "$cache"
	reports after-folder
	cmp without after-folder
	rm -r "$XDG_CACHE_HOME" && printf "a file, not a folder\n" >"$XDG_CACHE_HOME"
	reports unwritable
	cmp without unwritable
'

# Rewrites the cache file $1 so that each entry's stamp is that of its
# contact file now, as someone who planted it could: it then claims what it
# held for files that have changed since. (The form is cache.cpp's: integers
# of 8 bytes in the host's order, texts as a length and their bytes.)
restamp_cache() {
	python3 - "$1" "$KITH_DIR/contacts" <<-\EOF
	import os, struct, sys
	path, folder = sys.argv[1], sys.argv[2]
	data, at, out = open(path, "rb").read(), 0, bytearray()
	def integer():
	    global at
	    at += 8
	    return struct.unpack_from("=q", data, at - 8)[0]
	def text():
	    global at
	    n = integer()
	    at += n
	    return data[at - n:at]
	def put_text(t):
	    out.extend(struct.pack("=q", len(t)) + t)
	put_text(text())
	count = integer()
	out.extend(struct.pack("=q", count))
	for _ in range(count):
	    slug = text()
	    [integer() for _ in range(5)]
	    contact = text()
	    s = os.stat(os.path.join(folder, slug.decode() + ".toml"))
	    put_text(slug)
	    out.extend(struct.pack("=5q", s.st_dev, s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns))
	    put_text(contact)
	assert at == len(data)
	with open(path, "r+b") as f:  # in place: its owner and mode stay
	    f.truncate(0)
	    f.write(out)
	EOF
}

test_expect_success 'a cache that others own or may write, or in such a folder, is never used, nor written' '
	settled_network
	kith --today 2026-11-23 export --format json >/dev/null
	folder=$XDG_CACHE_HOME/kith
	cache=$(ls "$folder"/contacts-*)
	cp "$cache" planted
	sed -i "s/Halvorsen Therapeutics/Halvorsen Renamed/" net/contacts/amara-okafor.toml
	plant() { cat planted >"$cache" && restamp_cache "$cache"; }
	# Whether a report says what the file says now, not what the planted cache holds.
	files_read() {
		kith --today 2026-11-23 export --format json >shown
		grep -q "Halvorsen Renamed" shown
	}
	# A planted cache owned by the user and private is trusted: reports say what it holds.
	plant
	! files_read || fail "the planted cache was not used: the test proves nothing"
	plant && chmod g+w "$cache"
	files_read || fail "a group-writable cache file was used"
	plant && chmod 600 "$cache" && chmod o+w "$folder"
	files_read || fail "a cache in a world-writable folder was used"
	cp "$cache" kept && kith --today 2026-11-23 list >/dev/null && cmp kept "$cache"  # nor written anew
	rm "$cache"
	kith --today 2026-11-23 list >/dev/null
	[ ! -e "$cache" ] || fail "a cache was written into a world-writable folder"
	chmod 700 "$folder"
	kith --today 2026-11-23 list >/dev/null
	[ -e "$cache" ] || fail "no cache was written into the private folder"
	mv "$folder" "$XDG_CACHE_HOME/real" && ln -s real "$folder"
	plant
	files_read || fail "a cache folder that is a symbolic link was used"
	rm "$folder" && mv "$XDG_CACHE_HOME/real" "$folder"
	if [ "$(id -u)" -eq 0 ]; then  # only root can hand a file to another user
		plant && chown 65534 "$cache"
		files_read || fail "a cache file that another user owns was used"
		plant && chown 0 "$cache" && chown 65534 "$folder"
		files_read || fail "a cache folder that another user owns was used"
	fi
'

test_expect_success 'a cache entry whose stamp is now a FIFO'"'"'s or a device'"'"'s is never used: the file is named' '
	settled_network
	kith --today 2026-11-23 list >/dev/null
	cache=$(ls "$XDG_CACHE_HOME"/kith/contacts-*)
	rm net/contacts/tom-becker.toml net/contacts/marcus-bell.toml
	mkfifo net/contacts/tom-becker.toml
	ln -s /dev/null net/contacts/marcus-bell.toml
	restamp_cache "$cache"
	run_kith --today 2026-11-23 list
	expect_status 3
	expect_contains err "cannot read '"'"'contacts/tom-becker.toml'"'"': it is not a regular file (a FIFO)"
	expect_contains err "cannot read '"'"'contacts/marcus-bell.toml'"'"': it is not a regular file (a character device)"
	expect_contains out "amara-okafor"
'

test_done
