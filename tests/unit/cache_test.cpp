// The cache of parsed contact files: contacts as bytes and back, the cache
// file's form, and when load_contacts trusts an entry.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>

#include "formats/contact_cache.hpp"
#include "formats/contact_file.hpp"
#include "io/cache.hpp"
#include "io/contacts.hpp"
#include "io/files.hpp"
#include "io/network.hpp"
#include "model/contact.hpp"
#include "model/error.hpp"
#include "temp_network.hpp"

using namespace kith;
namespace fs = std::filesystem;

namespace {

// A contact file that sets every field kith reads, and keys it does not.
constexpr std::string_view everything = R"(name = "Zoë O'Brien"
email = "zoe@example.org"
phone = "+1 555 0100"
company = "Acme Batteries"
role = "Research Scientist"
linkedin = "https://www.linkedin.com/in/zoe"
location = "Boston"
source = "alumni directory"
referred_by = "jordan-lee"
tags = ["chemistry", "alumni"]
keep_in_touch = "3m"
added = 2026-11-01
pronouns = "she/her"
[social]
mastodon = "@zoe@example.social"

[[event]]
type = "requested"
date = 2026-11-02
via = "email"
note = "Asked for 20 minutes\nabout \"batteries\""

[[event]]
type = "scheduled"
date = 2026-11-03T09:30:00-05:00
at = 2026-11-20T15:00:00Z
where = "Zoom"
virtual = true
mood = 7

[[event]]
type = "met"
date = 2026-11-20T15:00:45
notes = """Typical week: ..."""
learned = ["internships open in January", "ask about the team"]
referrals = ["alex-doe", "sam"]
)";

}  // namespace

TEST_CASE("a contact comes back from its bytes exactly as it was parsed, every field of it") {
    const Contact parsed = parse_contact(everything, "contacts/zoe-obrien.toml", "zoe-obrien");
    REQUIRE(parsed.other_fields.size() == 2);
    REQUIRE(parsed.events.size() == 3);
    CHECK(decode_contact(encode_contact(parsed), "zoe-obrien") == parsed);

    const Contact bare = parse_contact("name = \"Bo\"\n", "contacts/bo.toml", "bo");
    CHECK(decode_contact(encode_contact(bare), "bo") == bare);
    Contact never = bare;
    never.keep_in_touch = parse_duration("never", true);
    CHECK(decode_contact(encode_contact(never), "bo") == never);
}

TEST_CASE("bytes cut short or run on are never taken for a contact") {
    const std::string bytes = encode_contact(parse_contact(everything, "contacts/zoe-obrien.toml", "zoe-obrien"));
    for (std::size_t length = 0; length < bytes.size(); ++length)
        CHECK_THROWS_AS(decode_contact(std::string_view(bytes).substr(0, length), "zoe-obrien"), Error);
    CHECK_THROWS_AS(decode_contact(bytes + "x", "zoe-obrien"), Error);
}

TEST_CASE("a count no cache could hold is refused before anything is allocated for it") {
    std::string bytes = encode_contact(parse_contact("name = \"Bo\"\n", "contacts/bo.toml", "bo"));
    const std::int64_t huge = 100'000'000;  // events: the third integer from the end
    std::memcpy(bytes.data() + bytes.size() - 3 * sizeof huge, &huge, sizeof huge);
    CHECK_THROWS_AS(decode_contact(bytes, "bo"), Error);
}

TEST_CASE("a cache file reads back its entries, and anything else reads as an empty cache") {
    const std::string ann = encode_contact(parse_contact("name = \"Ann\"\n", "contacts/ann.toml", "ann"));
    const std::string bo = encode_contact(parse_contact("name = \"Bo\"\n", "contacts/bo.toml", "bo"));
    const std::vector<CacheEntry> entries = {{"ann", {1, 2, 3, 4, 5}, ann}, {"bo", {6, 7, 8, 9, 10}, bo}};
    const std::string text = write_cache(entries);

    const std::vector<CacheEntry> back = read_cache(text);
    REQUIRE(back.size() == 2);
    CHECK(back[0].slug == "ann");
    CHECK(back[0].stamp == FileStamp{1, 2, 3, 4, 5});
    CHECK(back[0].contact == ann);
    CHECK(back[1].slug == "bo");
    CHECK(back[1].contact == bo);

    CHECK(read_cache("").empty());
    std::string other_build = text;  // the header names this program's build ID
    other_build[other_build.find('\n') - 1] ^= 1;
    CHECK(read_cache(other_build).empty());
    CHECK(read_cache("kith contact cache 0\n").empty());
    for (std::size_t length = 0; length < text.size(); length += 7)
        CHECK(read_cache(std::string_view(text).substr(0, length)).empty());
    CHECK(read_cache(text + "x").empty());
    const std::vector<CacheEntry> unsorted = {entries[1], entries[0]};
    CHECK(read_cache(write_cache(unsorted)).empty());
}

TEST_CASE("a file is cached only once its times are two seconds old") {
    const std::int64_t second = 1'000'000'000, now = 1'800'000'000 * second;
    CHECK(settled(FileStamp{1, 2, 3, now - 3 * second, now - 3 * second}, now));
    CHECK_FALSE(settled(FileStamp{1, 2, 3, now - 3 * second, now - second}, now));  // changed a second ago
    CHECK_FALSE(settled(FileStamp{1, 2, 3, now + second, now - 3 * second}, now));  // modified in the future
    CHECK_FALSE(settled(FileStamp{1, 2, 3, now - 2 * second, now - 2 * second}, now));
}

TEST_CASE("load_contacts takes a contact from the cache only while its file's stamp is the one cached") {
    TempNetwork t;
    const fs::path file = t.root / "cache" / "kith" / "contacts";
    t.network.cache = ContactCache{file, 0};  // the clock at 1970: nothing is written to this cache
    t.write("ann", "name = \"Ann Lee\"\n");
    t.write("bo", "name = \"Bo Chen\"\n");
    const std::string path = contact_path(t.network, "ann").string();
    // A cache entry whose stamp is ann's file as it is, but whose contact says otherwise:
    // only a cache hit can give that name.
    const std::string cached = encode_contact(parse_contact("name = \"From Cache\"\n", "contacts/ann.toml", "ann"));
    const std::vector<CacheEntry> entries = {{"ann", *stamp_of_path(path.c_str()), cached}};
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << write_cache(entries);

    LoadedContacts loaded = load_contacts(t.network);
    REQUIRE(loaded.contacts.size() == 2);
    CHECK(loaded.contacts[0].name == "From Cache");
    CHECK(loaded.contacts[0].slug == "ann");
    CHECK(loaded.contacts[1].name == "Bo Chen");

    // Another stamp (here another size; the end-to-end tests change only the times): read again.
    t.write("ann", "name = \"Ann Leeds\"\n");
    loaded = load_contacts(t.network);
    CHECK(loaded.contacts[0].name == "Ann Leeds");

    // No cache at all, or one that is not a cache: every file is read.
    std::ofstream(file, std::ios::binary) << "not a cache";
    CHECK(load_contacts(t.network).contacts[0].name == "Ann Leeds");
    t.network.cache.reset();
    CHECK(load_contacts(t.network).contacts[0].name == "Ann Leeds");
}

TEST_CASE("load_contacts caches a file only once it has been still for two seconds by the CLI's clock") {
    TempNetwork t;
    const fs::path file = t.root / "cache" / "kith" / "contacts";
    t.write("ann", "name = \"Ann Lee\"\n");
    const FileStamp stamp = *stamp_of_path(contact_path(t.network, "ann").c_str());
    const auto entries_at = [&](std::int64_t now_ns) {
        fs::remove(file);
        t.network.cache = ContactCache{file, now_ns};
        CHECK(load_contacts(t.network).contacts.at(0).name == "Ann Lee");
        return read_cache(fs::exists(file) ? kith::read_file(file, "cache") : std::string()).size();
    };
    const std::int64_t second = 1'000'000'000;
    CHECK(entries_at(stamp.changed_ns + second) == 0);  // changed a second ago: not yet
    CHECK(entries_at(stamp.changed_ns + 3 * second) == 1);
}

TEST_CASE("the cache file is named for the network's folder, under XDG_CACHE_HOME, else ~/.cache") {
    const Network network{"/home/helen/kith"};
    WhereToLook where;
    CHECK_FALSE(cache_file_for(network, where).has_value());
    where.home = "/home/helen";
    const auto in_home = cache_file_for(network, where);
    REQUIRE(in_home.has_value());
    CHECK(in_home->parent_path() == "/home/helen/.cache/kith");
    CHECK(in_home->filename().string().starts_with("contacts-"));
    where.xdg_cache_home = "/var/cache/helen";
    CHECK(cache_file_for(network, where)->parent_path() == "/var/cache/helen/kith");
    CHECK(cache_file_for(network, where)->filename() == in_home->filename());
    where.xdg_cache_home = "relative";  // the XDG spec says to ignore a relative path
    CHECK(cache_file_for(network, where)->parent_path() == "/home/helen/.cache/kith");
    CHECK(cache_file_for(Network{"/home/helen/other"}, where)->filename() != in_home->filename());
}

TEST_CASE("a cache file or folder is trusted only when it is the user's own and no one else may write it") {
    struct Case {
        mode_t mode;
        uid_t owner;
        bool trusted;
    };
    for (const Case& c : {Case{0600, 1000, true}, Case{0644, 1000, true}, Case{0700, 1000, true},
                          Case{0755, 1000, true}, Case{0620, 1000, false}, Case{0602, 1000, false},
                          Case{0777, 1000, false}, Case{0600, 0, false}, Case{0600, 1001, false}}) {
        CAPTURE(c.mode);
        CAPTURE(c.owner);
        struct stat status {};
        status.st_mode = c.mode;
        status.st_uid = c.owner;
        CHECK(trusted_by(status, 1000) == c.trusted);
    }
}
