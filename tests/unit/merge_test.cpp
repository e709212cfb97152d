// Merging two sides' versions of a network file, a table at a time.
#include <doctest/doctest.h>

#include "kith/error.hpp"
#include "kith/merge.hpp"

using namespace kith;

namespace {

const std::string header = "name = \"Ann Lee\"\nadded = 2026-11-01\n";
const std::string requested = "[[event]]\ntype = \"requested\"\ndate = 2026-11-02\n";

std::string note(const std::string& text) {
    return "[[event]]\ntype = \"note\"\ndate = 2026-11-23\nnote = \"" + text + "\"\n";
}

}  // namespace

TEST_CASE("two sides that each appended a table on the same day keep both, ours first, one blank line apart") {
    const std::string base = header + "\n" + requested;
    const auto merged = merge_tables(base, base + "\n" + note("ours"), base + "\n" + note("theirs"));
    REQUIRE(merged);
    CHECK(*merged == base + "\n" + note("ours") + "\n" + note("theirs"));
}

TEST_CASE("a side that changed nothing takes the other side whole") {
    const std::string base = header + "\n" + requested;
    CHECK(merge_tables(base, base, base + "\n" + note("x")) == base + "\n" + note("x"));
    CHECK(merge_tables(base, base + "\n" + note("x"), base) == base + "\n" + note("x"));
    CHECK(merge_tables(base, "anything", "anything") == "anything");
}

TEST_CASE("a table both sides appended alike is kept once") {
    const std::string base = header;
    const auto merged =
        merge_tables(base, base + "\n" + note("same"), base + "\n" + note("same") + "\n" + note("more"));
    CHECK(merged == base + "\n" + note("same") + "\n" + note("more"));
}

TEST_CASE("a change to the fields on one side and an appended event on the other are both kept") {
    const std::string base = header + "\n" + requested;
    const std::string ours = "name = \"Ann Lee\"\nemail = \"ann@example.org\"\nadded = 2026-11-01\n\n" + requested;
    const auto merged = merge_tables(base, ours, base + "\n" + note("theirs"));
    CHECK(merged == ours + "\n" + note("theirs"));
}

TEST_CASE("the spacing the user gave earlier tables is kept, and only new tables get kith's blank line") {
    const std::string base = "# my notes\nname = \"Ann Lee\"\n\n\n" + requested + "   \n";
    const auto merged = merge_tables(base, base + note("a"), base + note("b"));
    CHECK(merged == base + note("a") + "\n" + note("b"));
}

TEST_CASE("a file without a final newline still gets one line per key") {
    const std::string base = header + "\n" + requested.substr(0, requested.size() - 1);
    const auto merged = merge_tables(base, base + "\n\n" + note("a"), base + "\nnote = \"typo fixed\"");
    REQUIRE(merged);
    CHECK(*merged == base + "\nnote = \"typo fixed\"\n\n" + note("a"));
}

TEST_CASE("what a table merge cannot decide is left to a line merge") {
    const std::string base = header + "\n" + requested;
    SUBCASE("both sides changed one table differently") {
        CHECK_FALSE(merge_tables(base, "name = \"Ann\"\n\n" + requested, "name = \"Annie\"\n\n" + requested));
    }
    SUBCASE("one side removed a table") {
        CHECK_FALSE(merge_tables(base, header, base + "\n" + note("x")));
    }
    SUBCASE("both sides made the file, differently") {
        CHECK_FALSE(merge_tables("", header, "name = \"Bo\"\n"));
    }
}

TEST_CASE("a merged file is checked as what its path says it is") {
    CHECK_NOTHROW(check_network_file(header + "\n" + note("x"), "contacts/ann-lee.toml"));
    CHECK_THROWS_WITH_AS(check_network_file(header + "\n[extra]\nx = 1\n[extra]\nx = 2\n", "contacts/ann-lee.toml"),
                         doctest::Contains("contacts/ann-lee.toml:"), Error);
    CHECK_NOTHROW(check_network_file("[[milestone]]\ndate = 2026-11-23\ntext = \"Offer\"\n", "kith.toml"));
    CHECK_THROWS_WITH_AS(check_network_file("[[milestone]]\ndate = \"soon\"\ntext = \"Offer\"\n", "net/kith.toml"),
                         doctest::Contains("kith.toml:2:"), Error);
}
