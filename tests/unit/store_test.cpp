// Appending to contact files and kith.toml: every earlier byte kept, values
// escaped by toml++ and read back identical, bad results refused (SPEC §2, §6).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "formats/contact_file.hpp"
#include "io/config.hpp"
#include "io/contacts.hpp"
#include "io/files.hpp"
#include "io/store.hpp"
#include "model/error.hpp"
#include "rules/config.hpp"
#include "temp_network.hpp"

using namespace kith;
using namespace date::literals;

namespace {

Event note_on(Date day, std::string text) {
    Event e;
    e.type = EventType::note;
    e.date = at_start_of(day);
    e.note = std::move(text);
    return e;
}

constexpr Date day = date::local_days{2026_y / 11 / 23};

unsigned mode_of(const std::filesystem::path& path) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("an append keeps every earlier byte: comments, order, spacing, no final newline") {
    TempNetwork t;
    const std::string original =
        "# met at the spring career fair\nname    =   \"Ann Lee\"  # her spelling\n"
        "tags = [ 'b',\n  'a' ]\n\n\n[[event]]\ntype='note'\ndate=2026-11-01";
    t.write("ann-lee", original);
    const NetworkLock lock(t.network);
    append_event(lock, "ann-lee", note_on(day, "hello"));
    const std::string after = t.read("ann-lee");
    CHECK(after.substr(0, original.size()) == original);
    CHECK(after.substr(original.size()) == "\n\n[[event]]\ntype = \"note\"\ndate = 2026-11-23\nnote = \"hello\"\n");
    REQUIRE(load_contact(t.network, "ann-lee").events.size() == 2);
}

TEST_CASE("special characters round-trip exactly through the writer") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    const std::string texts[] = {
        "plain",
        "quotes \" and 'single' and \"\"\" triple \"\"\"\"",
        "back\\slash \\n not a newline \\",
        "line one\nline two\n",
        "\nstarts with a newline",
        "ends with quotes\"\"",
        "tab\there\r\nwindows line",
        "emoji 🎉 and 中文 and Zoë",
        std::string("control \x01\x1f\x7f and nul ") + '\0' + " inside",
        "'''literal'''",
        "trailing backslash at line end \\\nnext",
        "",
    };
    const NetworkLock lock(t.network);
    std::size_t count = 0;
    for (const std::string& text : texts) {
        CAPTURE(text);
        Event e = note_on(day, text);
        e.via = text;
        e.learned = {text, "second"};
        e.type = EventType::met;
        e.notes = text;
        append_event(lock, "ann", e);
        const Contact c = load_contact(t.network, "ann");
        REQUIRE(c.events.size() == ++count);
        CHECK(c.events.back().via == text);
        CHECK(c.events.back().notes == text);
        CHECK(c.events.back().learned == std::vector<std::string>{text, "second"});
    }
}

TEST_CASE("every event field is written and read back") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    Event e;
    e.type = EventType::scheduled;
    e.date = {date::local_days{day} + std::chrono::hours{9} + std::chrono::minutes{5}, true, std::nullopt};
    e.at = {date::local_days{day} + std::chrono::hours{24 + 15}, true, std::chrono::minutes{-300}};
    e.where = "Room 4";
    e.is_virtual = true;
    e.via = "phone";
    e.note = "n";
    const NetworkLock lock(t.network);
    append_event(lock, "ann", e);
    CHECK(t.read("ann") ==
          "name = \"Ann\"\n\n[[event]]\ntype = \"scheduled\"\ndate = 2026-11-23T09:05:00\n"
          "at = 2026-11-24T15:00:00-05:00\nwhere = \"Room 4\"\nvirtual = true\nvia = \"phone\"\n"
          "note = \"n\"\n");
}

TEST_CASE("an append to a file that does not parse is refused and leaves it untouched") {
    TempNetwork t;
    const std::string broken = "name = \"Ann\"\nnote = \"\"\"unterminated\n";
    t.write("ann", broken);
    const NetworkLock lock(t.network);
    CHECK_THROWS_WITH_AS(append_event(lock, "ann", note_on(day, "x")), doctest::Contains("contacts/ann.toml:2:"),
                         Error);
    CHECK(t.read("ann") == broken);
}

TEST_CASE("an append that would not read back as written is refused and leaves the file untouched") {
    TempNetwork t;
    // Text that is not UTF-8 cannot be TOML: the check by parsing catches it
    // even if a caller forgot to validate its input.
    const std::string original = "name = \"Ann\"\n";
    t.write("ann", original);
    const NetworkLock lock(t.network);
    CHECK_THROWS_WITH_AS(append_event(lock, "ann", note_on(day, "bad utf-8 \xff")), doctest::Contains("ann.toml"),
                         Error);
    CHECK(t.read("ann") == original);
}

TEST_CASE("an append keeps the file's own mode, and leaves no temporary behind") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    ::chmod(contact_path(t.network, "ann").c_str(), 0640);
    std::filesystem::create_directory(t.network.root / "contacts" / ".kith-tmp");
    std::ofstream(t.network.root / "contacts" / ".kith-tmp" / ".ann.toml.tmp-AbCdEf") << "left by a crash";
    const NetworkLock lock(t.network);
    append_event(lock, "ann", note_on(day, "x"));
    CHECK(mode_of(contact_path(t.network, "ann")) == 0640);
    CHECK(contact_slugs(t.network) == std::vector<std::string>{"ann"});
    for (const auto& entry : std::filesystem::directory_iterator(t.network.root / "contacts"))
        CHECK(entry.path().filename() == "ann.toml");
}

TEST_CASE("a new contact gets a private file under a free slug") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    Contact c;
    c.name = "Zoë O'Brien";
    c.tags = {"a", "b \"quoted\""};
    c.keep_in_touch = parse_duration("60d", true);
    c.added = day;
    CHECK(create_contact(lock, c) == "zoe-obrien");
    CHECK(create_contact(lock, c) == "zoe-obrien-2");
    CHECK(create_contact(lock, c) == "zoe-obrien-3");
    CHECK(mode_of(contact_path(t.network, "zoe-obrien")) == 0600);
    CHECK(t.read("zoe-obrien") ==
          "name = \"Zoë O'Brien\"\ntags = [ \"a\", \"b \\\"quoted\\\"\" ]\nkeep_in_touch = \"60d\"\nadded = "
          "2026-11-23\n");
    const Contact back = load_contact(t.network, "zoe-obrien-2");
    CHECK(back.tags == c.tags);
}

TEST_CASE("a new contact keeps the keys kith does not know, its own keys before its tables") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    Contact c;
    c.name = "Ann Lee";
    c.added = day;
    c.other_fields = parse_other_fields("pronouns = \"she/her\"\n\"odd key\" = [1, 2]\n[social]\nx = \"@ann\"\n", "t");
    create_contact(lock, c);
    CHECK(t.read("ann-lee") ==
          "name = \"Ann Lee\"\nadded = 2026-11-23\npronouns = \"she/her\"\n\"odd key\" = [ 1, 2 ]\n\n[social]\nx = "
          "\"@ann\"\n");
    CHECK(load_contact(t.network, "ann-lee").other_fields == c.other_fields);
}

TEST_CASE("a contact made under a given slug never replaces a file there") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    Contact c;
    c.name = "Ann Lee";
    create_contact_as(lock, c, "ann-lee-7");
    CHECK(load_contact(t.network, "ann-lee-7").name == "Ann Lee");
    c.name = "Someone Else";
    CHECK_THROWS_WITH_AS(create_contact_as(lock, c, "ann-lee-7"),
                         "cannot write 'contacts/ann-lee-7.toml': it exists already", Error);
    CHECK(load_contact(t.network, "ann-lee-7").name == "Ann Lee");
}

TEST_CASE("a name that folds to nothing makes the slug 'contact'") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    Contact c;
    c.name = "王小明";
    CHECK(create_contact(lock, c) == "contact");
    CHECK(load_contact(t.network, "contact").name == "王小明");
}

TEST_CASE("a milestone is appended to kith.toml, keeping every earlier byte") {
    TempNetwork t;
    const std::string before = read_file(t.network.root / "kith.toml", "kith.toml");
    const NetworkLock lock(t.network);
    append_milestone(lock, Milestone{at_start_of(day), "Accepted an offer at \"Acme\""});
    const std::string after = read_file(t.network.root / "kith.toml", "kith.toml");
    CHECK(after.substr(0, before.size()) == before);
    const Config c = load_config(t.network);
    REQUIRE(c.milestones.size() == 1);
    CHECK(c.milestones[0].text == "Accepted an offer at \"Acme\"");
}

TEST_CASE("a new network is private and refuses to be made twice") {
    TempNetwork t;
    CHECK(mode_of(t.network.root) == 0700);
    CHECK(mode_of(t.network.root / "contacts") == 0700);
    CHECK(mode_of(t.network.root / "kith.toml") == 0600);
    CHECK_THROWS_WITH_AS(create_network(t.network.root), doctest::Contains("already holds a kith network"), Error);
}

TEST_CASE("a write removes the temporaries killed writes left in its folder, never a user's hidden files") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    const auto contacts = t.network.root / "contacts";
    const auto temps = contacts / ".kith-tmp";
    std::filesystem::create_directory(temps);
    for (const char* name : {".ann.toml.tmp-AbC123", ".never-made.toml.tmp-XyZ789"})
        std::ofstream(temps / name) << "x";
    for (const char* name : {".bashrc.tmp-keep", ".ann.toml.tmp-AbC123", ".my-own"})
        std::ofstream(contacts / name) << "x";
    const NetworkLock lock(t.network);
    append_event(lock, "ann", note_on(day, "x"));
    CHECK_FALSE(std::filesystem::exists(temps));  // kith's own, of any file, and the folder with them
    CHECK(std::filesystem::exists(contacts / ".bashrc.tmp-keep"));
    CHECK(std::filesystem::exists(contacts / ".ann.toml.tmp-AbC123"));
    CHECK(std::filesystem::exists(contacts / ".my-own"));
    // a symbolic link left there is removed, never followed
    std::filesystem::create_directory(temps);
    std::ofstream(t.root / "outside") << "keep";
    std::filesystem::create_symlink(t.root / "outside", temps / ".ann.toml.tmp-QwErTy");
    append_event(lock, "ann", note_on(day, "y"));
    CHECK(t.read("ann").find("note = \"y\"") != std::string::npos);
    CHECK(kith::read_file(t.root / "outside", "outside") == "keep");
    CHECK_FALSE(std::filesystem::exists(temps));
    // a temporaries folder that is a link to elsewhere is refused, and nothing written
    std::filesystem::create_directory(t.root / "elsewhere");
    std::filesystem::create_directory_symlink(t.root / "elsewhere", temps);
    const std::string before = t.read("ann");
    CHECK_THROWS_WITH_AS(append_event(lock, "ann", note_on(day, "z")),
                         "cannot write 'contacts/ann.toml': 'contacts/.kith-tmp' is not a folder", Error);
    CHECK(t.read("ann") == before);
    CHECK(std::filesystem::is_empty(t.root / "elsewhere"));
}

TEST_CASE("a blank name is refused before anything is written") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    for (const char* blank : {"", "  ", "\t\n"}) {
        Contact c;
        c.name = blank;
        CHECK_THROWS_WITH_AS(create_contact(lock, c), "a contact's name cannot be empty", Error);
    }
    CHECK(contact_slugs(t.network).empty());
}

TEST_CASE("a symlinked contact file is refused, never replaced by a copy") {
    TempNetwork t;
    std::ofstream(t.root / "elsewhere.toml") << "name = \"Ann\"\n";
    std::filesystem::create_symlink(t.root / "elsewhere.toml", contact_path(t.network, "ann"));
    const NetworkLock lock(t.network);
    CHECK_THROWS_WITH_AS(append_event(lock, "ann", note_on(day, "x")), doctest::Contains("symbolic link"), Error);
    CHECK(std::filesystem::is_symlink(contact_path(t.network, "ann")));
}

TEST_CASE("record_meeting links existing referrals, makes new ones, and drops repeats") {
    TempNetwork t;
    t.write("jordan", "name = \"Jordan Lee\"\n");
    t.write("alex-doe", "name = \"Alex Doe\"\n");
    const NetworkLock lock(t.network);
    Event met = note_on(day, "");
    met.type = EventType::met;
    const std::vector<std::string> names = {"alex doe", "Sam Park", "alex-doe", "SAM PARK"};
    CHECK(record_meeting(lock, "jordan", met, names, load_contacts(t.network), day) ==
          std::vector<std::string>{"sam-park"});
    CHECK(load_contact(t.network, "jordan").events.back().referrals ==
          std::vector<std::string>{"alex-doe", "sam-park"});
    const Contact sam = load_contact(t.network, "sam-park");
    CHECK(sam.referred_by == "jordan");
    CHECK(sam.added == day);
}

TEST_CASE("record_meeting refuses blank names and the contact itself, writing nothing") {
    TempNetwork t;
    t.write("jordan", "name = \"Jordan Lee\"\n");
    const NetworkLock lock(t.network);
    Event met = note_on(day, "");
    met.type = EventType::met;
    for (const std::vector<std::string>& names :
         {std::vector<std::string>{"New Person", " "}, std::vector<std::string>{"New Person", "Jordan Lee"}}) {
        CHECK_THROWS_AS(record_meeting(lock, "jordan", met, names, load_contacts(t.network), day), Error);
        CHECK(contact_slugs(t.network) == std::vector<std::string>{"jordan"});
        CHECK(t.read("jordan") == "name = \"Jordan Lee\"\n");
    }
}

TEST_CASE("record_meeting removes the referrals it made when the meeting cannot be appended") {
    TempNetwork t;
    // It parses, but an inline `event` array leaves no room for an [[event]] table.
    t.write("jordan", "name = \"Jordan Lee\"\nevent = []\n");
    const NetworkLock lock(t.network);
    Event met = note_on(day, "");
    met.type = EventType::met;
    CHECK_THROWS_WITH_AS(
        record_meeting(lock, "jordan", met, std::vector<std::string>{"Bob Ray"}, load_contacts(t.network), day),
        doctest::Contains("cannot append an event to 'contacts/jordan.toml'"), Error);
    CHECK(contact_slugs(t.network) == std::vector<std::string>{"jordan"});
}

TEST_CASE("a contact file whose name is near the 255-byte limit is appended to, leaving no temporaries folder") {
    TempNetwork t;
    const std::string slug(245, 'a');  // with ".toml", 250 bytes: ".NAME.tmp-XXXXXX" would be too long
    t.write(slug, "name = \"A\"\n");
    const NetworkLock lock(t.network);
    append_event(lock, slug, note_on(day, "x"));
    CHECK(t.read(slug).find("note = \"x\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(t.network.root / "contacts" / ".kith-tmp"));
}

TEST_CASE("make_private takes every permission of group and others from the network's files, and counts them") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    const auto root = t.network.root;
    std::filesystem::create_directory(root / "templates");
    std::ofstream(root / "templates" / "request.txt") << "Dear {name}\n";
    std::ofstream(root / "README") << "mine\n";
    std::ofstream(t.root / "outside") << "x";
    std::filesystem::create_symlink(t.root / "outside", root / "contacts" / "link.toml");
    const auto set_mode = [](const std::filesystem::path& path, unsigned mode) { ::chmod(path.c_str(), mode); };
    set_mode(root, 0755);
    set_mode(root / "contacts", 0750);
    set_mode(root / "templates", 0755);
    set_mode(root / "kith.toml", 0644);
    set_mode(contact_path(t.network, "ann"), 0664);
    set_mode(root / "templates" / "request.txt", 0444);
    set_mode(root / "README", 0644);
    set_mode(t.root / "outside", 0644);
    const NetworkLock lock(t.network);
    CHECK(make_private(lock) == 6);
    CHECK(mode_of(root) == 0700);
    CHECK(mode_of(root / "contacts") == 0700);
    CHECK(mode_of(root / "templates") == 0700);
    CHECK(mode_of(root / "kith.toml") == 0600);
    CHECK(mode_of(contact_path(t.network, "ann")) == 0600);
    CHECK(mode_of(root / "templates" / "request.txt") == 0400);  // the user's own bits stay theirs
    CHECK(mode_of(root / "README") == 0644);                     // not kith's
    CHECK(mode_of(t.root / "outside") == 0644);                  // never through a link
    CHECK(make_private(lock) == 0);
}
