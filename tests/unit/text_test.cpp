// Case folding and UTF-8 checks for the text people type.
#include <doctest/doctest.h>

#include "kith/text.hpp"

using namespace kith;

TEST_CASE("fold_case lowercases Latin, Greek and Cyrillic letters and nothing else") {
    CHECK(fold_case("ZOË O'BRIEN") == "zoë o'brien");
    CHECK(fold_case("ŁUKASZ ŽIŽEK ŒUVRE Ÿ") == "łukasz žižek œuvre ÿ");
    CHECK(fold_case("ΑΘΗΝΑ") == "αθηνα");
    CHECK(fold_case("АЛЕКСЕЙ ЁЛКИН") == "алексей ёлкин");
    CHECK(fold_case("王小明 ×÷ 123") == "王小明 ×÷ 123");
    CHECK(fold_case("stray \xff byte") == "stray \xff byte");
}

TEST_CASE("is_valid_utf8 accepts UTF-8 and refuses what TOML cannot hold") {
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("Zoë 🎉 中文"));
    CHECK(is_valid_utf8(""));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
}

TEST_CASE("edit distance counts single-letter edits") {
    CHECK(edit_distance("request", "requst") == 1);
    CHECK(edit_distance("note", "nte") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("same", "same") == 0);
}
