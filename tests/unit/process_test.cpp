// Splitting $EDITOR into an argv as a shell would, without a shell.
#include <doctest/doctest.h>

#include "io/process.hpp"
#include "model/error.hpp"

using namespace kith;
using Words = std::vector<std::string>;

TEST_CASE("a command line splits into words as a shell would, expanding nothing") {
    CHECK(split_command_line("vi") == Words{"vi"});
    CHECK(split_command_line("  code   --wait ") == Words{"code", "--wait"});
    CHECK(split_command_line("emacs -nw") == Words{"emacs", "-nw"});
    CHECK(split_command_line("'/opt/my editor/bin/ed' -x") == Words{"/opt/my editor/bin/ed", "-x"});
    CHECK(split_command_line("\"a \\\"b\\\" $HOME\" c\\ d") == Words{"a \"b\" $HOME", "c d"});
    CHECK(split_command_line("x''y \"\"") == Words{"xy", ""});
    CHECK(split_command_line("$(rm -rf /)") == Words{"$(rm", "-rf", "/)"});
    CHECK(split_command_line("").empty());
}

TEST_CASE("an unterminated quote is a usage error") {
    CHECK_THROWS_AS(split_command_line("vim 'oops"), Error);
    CHECK_THROWS_AS(split_command_line("vim \"oops"), Error);
}

TEST_CASE("a program runs with its argv, in a folder, and its output is captured") {
    const ProgramResult result = run_program({"sh", "-c", "pwd; echo \"$0\"; exit 3", "a b"}, "/", Output::capture);
    CHECK(result.status == 3);
    CHECK(result.output == "/\na b\n");
    CHECK_THROWS_AS(run_program({"kith-no-such-program"}, {}, Output::capture), Error);
}
