// Finding the network, reading kith.toml, and resolving contact references (SPEC §2, §4).
#include <doctest/doctest.h>

#include <fstream>

#include <sys/stat.h>

#include <fmt/format.h>

#include "formats/config_text.hpp"
#include "formats/merge.hpp"
#include "io/check.hpp"
#include "io/contacts.hpp"
#include "io/files.hpp"
#include "io/network.hpp"
#include "model/error.hpp"
#include "rules/config.hpp"
#include "temp_network.hpp"

using namespace kith;
namespace fs = std::filesystem;

namespace {

// What a command does with a reference: the network loaded once, then the
// reference resolved over what was read.
std::string resolve_contact(const Network& network, std::string_view reference) {
    return kith::resolve_contact(load_contacts(network), reference);
}
std::optional<std::string> find_contact_exactly(const Network& network, std::string_view reference) {
    return kith::find_contact_exactly(load_contacts(network), reference);
}

}  // namespace

// The rules of a reference are lookup_test's; these cases are about the files.
TEST_CASE("references never reach outside contacts/") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    std::ofstream(t.network.root / "secret.toml") << "name = \"Secret\"\n";
    for (std::string_view reference : {"../secret", "../kith", "/etc/passwd", ".", "..", "./ann", "ann/"}) {
        CAPTURE(reference);
        CHECK_THROWS_AS(resolve_contact(t.network, reference), Error);
    }
}

TEST_CASE("a broken file can still be named by its slug, and does not stop name lookups") {
    TempNetwork t;
    t.write("broken", "name = \"Bro\nken");
    t.write("ann-lee", "name = \"Ann Lee\"\n");
    CHECK(resolve_contact(t.network, "broken") == "broken");
    CHECK(resolve_contact(t.network, "Ann Lee") == "ann-lee");
}

TEST_CASE("exact lookup (for --referral) never takes a prefix") {
    TempNetwork t;
    t.write("alex-doe", "name = \"Alex Doe\"\n");
    CHECK(find_contact_exactly(t.network, "alex-doe") == "alex-doe");
    CHECK(find_contact_exactly(t.network, "ALEX DOE") == "alex-doe");
    CHECK_FALSE(find_contact_exactly(t.network, "alex"));
    CHECK_FALSE(find_contact_exactly(t.network, "Alex Do"));
}

TEST_CASE("contact slugs come from file names, sorted, never temporaries or other files") {
    TempNetwork t;
    t.write("b", "name = \"B\"\n");
    t.write("a", "name = \"A\"\n");
    std::ofstream(t.network.root / "contacts" / ".a.toml.tmp-123456") << "x";
    std::ofstream(t.network.root / "contacts" / "README.md") << "x";
    CHECK(contact_slugs(t.network) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("the network is --dir, else KITH_DIR, else the nearest ancestor, else the XDG default") {
    TempNetwork t;
    const fs::path inside = t.network.root / "contacts";
    const fs::path elsewhere = t.root;
    WhereToLook where;
    where.working_directory = inside;
    where.home = (t.root / "home").string();
    CHECK(find_network(where).root == t.network.root);

    where.working_directory = elsewhere;
    CHECK_THROWS_WITH_AS(find_network(where), doctest::Contains("kith init"), Error);

    where.xdg_data_home = t.root.string();
    create_network(t.root / "kith");
    CHECK(find_network(where).root == t.root / "kith");

    where.kith_dir = t.network.root.string();
    CHECK(find_network(where).root == t.network.root);

    where.dir_option = t.root / "nowhere";
    CHECK_THROWS_WITH_AS(find_network(where), doctest::Contains("no kith network at"), Error);
}

TEST_CASE("the default folder follows XDG_DATA_HOME, else HOME") {
    WhereToLook where;
    where.home = "/home/helen";
    CHECK(default_network_dir(where) == "/home/helen/.local/share/kith");
    where.xdg_data_home = "/data";
    CHECK(default_network_dir(where) == "/data/kith");
    where.xdg_data_home = "relative";  // the XDG spec says to ignore a relative path
    CHECK(default_network_dir(where) == "/home/helen/.local/share/kith");
}

TEST_CASE("kith.toml reads [me], [policy], [git] and milestones") {
    const Config c = parse_config(R"([me]
name = "Helen Cho"
pitch = """Hi."""
[policy]
follow_up_after = "10d"
keep_in_touch = "never"
[git]
autocommit = true
[[milestone]]
date = 2027-03-01
text = "Accepted an offer"
)",
                                  "kith.toml");
    CHECK(c.me.name == "Helen Cho");
    CHECK(format_duration(c.policy.follow_up_after) == "10d");
    CHECK(c.policy.keep_in_touch.never);
    CHECK(c.policy.thank_within.length == std::chrono::hours{24});
    CHECK(c.autocommit);
    REQUIRE(c.milestones.size() == 1);
    CHECK(c.milestones[0].text == "Accepted an offer");
}

TEST_CASE("a bad kith.toml is a data error naming line and column") {
    CHECK_THROWS_WITH(parse_config("[policy]\nfollow_up_after = \"soon\"\n", "kith.toml"),
                      doctest::Contains("kith.toml:2:19: policy 'follow_up_after': invalid duration"));
    CHECK_THROWS_WITH(parse_config("[policy]\nfollow_up_afer = \"14d\"\n", "kith.toml"),
                      doctest::Contains("kith.toml:2:18: unknown policy 'follow_up_afer'"));
    CHECK_THROWS_WITH(parse_config("[git]\nautocommit = \"yes\"\n", "kith.toml"),
                      doctest::Contains("kith.toml:2:14: 'autocommit' must be true or false"));
    CHECK_THROWS_WITH(parse_config("[[milestone]]\ntext = \"x\"\n", "kith.toml"),
                      doctest::Contains("milestone has no 'date'"));
}

TEST_CASE("the policy defaults kith.toml shows are the ones kith applies") {
    const Policy defaults;
    for (const PolicyField& field : policy_fields()) {
        CAPTURE(field.key);
        CHECK((defaults.*(field.member)).length == parse_duration(field.default_text, false).length);
    }
    // init's kith.toml writes every default as a comment; with the comment
    // marks taken away, it reads as the defaults, field by field.
    std::string text = initial_config_text();
    for (const PolicyField& field : policy_fields()) {
        const std::string commented = fmt::format("# {} = ", field.key);
        const std::size_t at = text.find(commented);
        REQUIRE(at != std::string::npos);
        text.erase(at, 2);
    }
    const Config c = parse_config(text, "kith.toml");
    for (const PolicyField& field : policy_fields()) {
        CAPTURE(field.key);
        CHECK((c.policy.*(field.member)).length == (defaults.*(field.member)).length);
        CHECK(text.find(fmt::format("\n{} = \"{}\"", field.key, field.default_text)) != std::string::npos);
    }
}

TEST_CASE("names match ignoring case in Latin, Greek and Cyrillic letters too") {
    TempNetwork t;
    t.write("zoe-obrien", "name = \"Zoë O'Brien\"\n");
    t.write("contact", "name = \"Алексей Ёлкин\"\n");
    CHECK(resolve_contact(t.network, "ZOË O'BRIEN") == "zoe-obrien");
    CHECK(find_contact_exactly(t.network, "zoë o'brien") == "zoe-obrien");
    CHECK(resolve_contact(t.network, "алексей ёлкин") == "contact");
    CHECK(resolve_contact(t.network, "АЛЕКС") == "contact");
}

TEST_CASE("git's conflict markers are found on every line they begin, and nothing that only looks like one") {
    CHECK(conflict_marker_lines("") == std::vector<std::size_t>{});
    CHECK(conflict_marker_lines("<<<<<<< ours\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs\n") ==
          std::vector<std::size_t>{1, 3, 5, 7});
    // Seven of one, then a space or the line's end (the last line, or CRLF).
    CHECK(conflict_marker_lines("x\n=======\n>>>>>>>") == std::vector<std::size_t>{2, 3});
    // Without a <<<<<<< or >>>>>>> line, ======= and ||||||| are text (a Markdown heading in a note).
    CHECK(conflict_marker_lines("Advice\n=======\n\n|||||||\n").empty());
    CHECK(conflict_marker_lines("<<<<<<<\r\n>>>>>>>\tx\n") == std::vector<std::size_t>{1, 2});
    for (std::string_view text : {"========\n", "<<<<<<<< eight\n", "<<<<<<\n", "<<<<<<<ours\n", " =======\n",
                                  "x = \"<<<<<<< ours\"\n", "######## \n", "<<<<>>> \n"}) {
        CAPTURE(text);
        CHECK(conflict_marker_lines(text).empty());
    }
}

TEST_CASE("only regular files are read: a FIFO is refused without waiting, an endless file stops at 16 MiB") {
    TempNetwork t;
    const fs::path fifo = t.root / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(read_file(fifo, "contacts/x.toml"),
                         "cannot read 'contacts/x.toml': it is not a regular file (a FIFO)", Error);
    CHECK_THROWS_WITH_AS(read_file("/dev/zero", "contacts/z.toml"),
                         "cannot read 'contacts/z.toml': it is not a regular file (a character device)", Error);
    CHECK_THROWS_WITH_AS(read_file("/dev/zero", "/dev/zero", FileKind::any),
                         "cannot read '/dev/zero': it is larger than 16 MiB", Error);
    CHECK_THROWS_WITH_AS(read_file(t.root, "contacts/d.toml", FileKind::any),
                         "cannot read 'contacts/d.toml': it is a directory", Error);
    std::ofstream(t.root / "big", std::ios::binary) << std::string(largest_file + 1, 'x');
    CHECK_THROWS_WITH_AS(read_file(t.root / "big", "big"), "cannot read 'big': it is larger than 16 MiB", Error);
    std::filesystem::resize_file(t.root / "big", largest_file);
    CHECK(read_file(t.root / "big", "big").size() == largest_file);
}

TEST_CASE("a contacts folder that is a symbolic link, or not a folder, is refused") {
    TempNetwork t;
    CHECK_NOTHROW(check_contacts_folder(t.network));
    const fs::path contacts = t.network.root / "contacts";
    fs::remove(contacts);
    CHECK_NOTHROW(check_contacts_folder(t.network));  // none yet
    fs::create_directory(t.root / "elsewhere");
    std::ofstream(t.root / "elsewhere" / "eve.toml") << "name = \"Eve\"\n";
    fs::create_directory_symlink(t.root / "elsewhere", contacts);
    const char* linked = "'contacts' is a symbolic link; kith keeps contacts only in a folder of the network's own";
    CHECK_THROWS_WITH_AS(check_contacts_folder(t.network), linked, Error);
    CHECK_THROWS_WITH_AS(contact_slugs(t.network), linked, Error);
    CHECK_THROWS_WITH_AS(load_contacts(t.network), linked, Error);
    fs::remove(contacts);
    std::ofstream(contacts) << "x";
    CHECK_THROWS_WITH_AS(check_contacts_folder(t.network), "'contacts' is not a folder", Error);
}

TEST_CASE("the network's files and folders open to others are listed, never through a link") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    ::chmod(contact_path(t.network, "ann").c_str(), 0600);
    CHECK(shared_files(t.network).empty());
    ::chmod(contact_path(t.network, "ann").c_str(), 0640);
    ::chmod(t.network.root.c_str(), 0701);
    std::ofstream(t.root / "outside") << "x";
    ::chmod((t.root / "outside").c_str(), 0644);
    fs::create_symlink(t.root / "outside", t.network.root / "contacts" / "link.toml");
    std::vector<std::string> shown;
    for (const SharedFile& file : shared_files(t.network))
        shown.push_back(fmt::format("{} {:o}", file.display, file.mode));
    CHECK(shown == std::vector<std::string>{t.network.root.string() + " 701", "contacts/ann.toml 640"});
}

TEST_CASE("a file git checked out 0644 inside a network only its owner may enter is counted, but no one can reach it") {
    TempNetwork t;
    t.write("ann", "name = \"Ann\"\n");
    ::chmod(contact_path(t.network, "ann").c_str(), 0644);
    ::chmod((t.network.root / "contacts").c_str(), 0755);
    ::chmod(t.network.root.c_str(), 0700);
    std::vector<std::string> shown;
    for (const SharedFile& file : shared_files(t.network))
        shown.push_back(fmt::format("{} {}", file.display, file.reachable));
    CHECK(shown == std::vector<std::string>{"contacts false", "contacts/ann.toml false"});
    ::chmod(t.network.root.c_str(), 0710);  // the group may pass, but ann.toml lets only others read
    ::chmod(contact_path(t.network, "ann").c_str(), 0604);
    shown.clear();
    for (const SharedFile& file : shared_files(t.network))
        shown.push_back(fmt::format("{} {}", file.display, file.reachable));
    CHECK(shown ==
          std::vector<std::string>{t.network.root.string() + " true", "contacts true", "contacts/ann.toml false"});
}
