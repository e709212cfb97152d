// Resolving what a person types to a contact, over contacts in memory (SPEC §4 "C").
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/lookup.hpp"

using namespace kith;

namespace {

Contact contact(std::string slug, std::string name) {
    Contact c;
    c.slug = std::move(slug);
    c.name = std::move(name);
    return c;
}

const std::vector<Contact> people = {
    contact("sammy-cole", "Sammy Cole"),   contact("jordan-lee", "Jordan Lee"), contact("priya-singh", "Priya Singh"),
    contact("jordan-lee-2", "Jordan Lee"), contact("sam", "Pat Morgan"),        contact("zoe-obrien", "Zoë O'Brien"),
};
const std::vector<std::string> unread = {"broken"};

std::string error_resolving(std::string_view reference) {
    try {
        resolve_contact(people, unread, reference);
    } catch (const Error& e) {
        CHECK(e.status() == Exit::usage);
        return e.what();
    }
    FAIL("no error resolving '" << reference << "'");
    return {};
}

}  // namespace

TEST_CASE("a reference is an exact slug, then an exact name ignoring case, then a prefix that fits one") {
    struct Case {
        std::string_view reference, slug;
    };
    for (const Case& c : std::vector<Case>{
             {"jordan-lee", "jordan-lee"},  // an exact slug wins though it is a prefix of another
             {"sam", "sam"},
             {"priya singh", "priya-singh"},
             {"PAT MORGAN", "sam"},
             {"ZOË O'BRIEN", "zoe-obrien"},  // case folded beyond ASCII
             {"pri", "priya-singh"},
             {"Pat", "sam"},
             {"samm", "sammy-cole"},
             {"broken", "broken"},  // a file that did not read is still named by its slug
         }) {
        CAPTURE(c.reference);
        CHECK(resolve_contact(people, unread, c.reference) == c.slug);
    }
}

TEST_CASE("an ambiguous or unknown reference lists the candidates in slug order") {
    CHECK(error_resolving("j") ==
          "ambiguous contact 'j': it could be jordan-lee (Jordan Lee), jordan-lee-2 (Jordan Lee)");
    CHECK(error_resolving("Jordan Lee") ==
          "ambiguous contact 'Jordan Lee': it could be jordan-lee (Jordan Lee), jordan-lee-2 (Jordan Lee)");
    CHECK(error_resolving("pryia-singh") == "unknown contact 'pryia-singh'; did you mean priya-singh (Priya Singh)?");
    CHECK(error_resolving("brokn") == "unknown contact 'brokn'; did you mean broken?");
    CHECK(error_resolving("nobody") == "unknown contact 'nobody'");
    CHECK(error_resolving("") == "no contact named: the contact reference is empty");
}

TEST_CASE("a reference that is no file's stem never names a contact by slug") {
    for (std::string_view reference : {"../sam", "/sam", ".", "..", "./sam", "sam/"}) {
        CAPTURE(reference);
        CHECK_FALSE(is_plain_stem(reference));
        CHECK_THROWS_AS(resolve_contact(people, unread, reference), Error);
    }
    CHECK(is_plain_stem("sam"));
}

TEST_CASE("an exact lookup (a referral's name) never takes a prefix, and no match is no error") {
    CHECK(find_contact_exactly(people, unread, "priya-singh") == "priya-singh");
    CHECK(find_contact_exactly(people, unread, "PRIYA SINGH") == "priya-singh");
    CHECK(find_contact_exactly(people, unread, "broken") == "broken");
    CHECK_FALSE(find_contact_exactly(people, unread, "pri"));
    CHECK_FALSE(find_contact_exactly(people, unread, "Priya Sing"));
    CHECK_THROWS_AS(find_contact_exactly(people, unread, "jordan lee"), Error);  // two of that name
}
