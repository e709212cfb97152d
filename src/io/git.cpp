// Git: repository setup, commits, and the merge driver.
#include "io/git.hpp"

#include <algorithm>
#include <optional>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "formats/contact_text.hpp"
#include "formats/merge.hpp"
#include "io/process.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace fs = std::filesystem;

namespace {

// Runs git in `root`: nothing when it succeeds, else its own words.
std::optional<std::string> run_git(const fs::path& root, const std::vector<std::string>& argv) {
    const ProgramResult result = run_program(argv, root, Output::capture);
    if (result.status == 0) return std::nullopt;
    return trimmed(result.output);
}

// Adds to the file at `path` (made if missing) each of `lines` after the
// first that it does not hold yet, under the first: a comment saying why.
void add_missing_lines(const NetworkLock& lock, const fs::path& path, const std::vector<std::string>& lines) {
    const std::string display = path.filename().string();
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    const std::string old = exists ? read_file(path, display) : std::string();
    std::vector<std::string_view> held;
    for (const Line& line : split_lines(old))
        held.push_back(line.text);
    std::string missing;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (std::find(held.begin(), held.end(), lines[i]) == held.end()) missing += lines[i] + '\n';
    if (missing.empty()) return;
    const std::string text = appended(old, lines.front() + '\n' + missing);
    if (exists)
        replace_file(lock, path, text, display);
    else
        create_file(lock, path, text, display);  // one made meanwhile (not by kith: the lock) is left as it is
}

}  // namespace

void check_git_runs() {
    const ProgramResult git = run_program({"git", "--version"}, {}, Output::capture);
    if (git.status != 0) throw Error(Exit::usage, fmt::format("git does not run: {}", git.output));
}

void set_up_git(const NetworkLock& lock, const fs::path& kith_program, GitRepository repository) {
    check_contacts_folder(lock.network());  // a clone's link: refused before anything is set up
    const fs::path& root = lock.network().root;
    const auto git = [&root](const std::vector<std::string>& argv) {
        if (const auto refusal = run_git(root, argv))
            throw Error(Exit::data,
                        fmt::format("'{}' failed in '{}': {}", fmt::join(argv, " "), root.string(), *refusal));
    };
    if (repository == GitRepository::own ||
        run_program({"git", "rev-parse", "--is-inside-work-tree"}, root, Output::capture).status != 0)
        git({"git", "init", "--quiet"});
    add_missing_lines(
        lock, root / ".gitignore",
        {"# Temporaries of an interrupted kith write or kith edit", ".*.tmp-??????", ".*.edit-??????.toml"});
    add_missing_lines(lock, root / ".gitattributes",
                      {"# Two machines' additions to one file merge to both (kith merge-file)",
                       "contacts/*.toml merge=kith", "kith.toml merge=kith"});
    git({"git", "config", "merge.kith.name", "kith: keep the tables both sides appended"});
    // When this kith cannot run (moved, deleted) or fails, git's own line merge
    // still marks the conflict in the file: the other side is never dropped.
    // Git puts the files' names in place of %A, %O and %B.
    std::vector<std::string> line_merge_words = line_merge_command("%A", "%O", "%B");
    for (std::string& word : line_merge_words)
        if (!word.starts_with('%')) word = shell_word(word);
    git({"git", "config", "merge.kith.driver",
         fmt::format("{} merge-file %O %A %B %P; s=$?; [ $s -le 1 ] && exit $s; {}; exit 1",
                     shell_word(kith_program.string()), fmt::join(line_merge_words, " "))});
}

void commit_files(const NetworkLock& lock, const std::vector<std::string>& files, const std::string& message) {
    const fs::path& root = lock.network().root;
    std::vector<std::string> add = {"git", "add", "--"};
    add.insert(add.end(), files.begin(), files.end());
    std::vector<std::string> commit = {"git", "commit", "--quiet", "-m", message, "--"};
    commit.insert(commit.end(), files.begin(), files.end());
    std::optional<std::string> refusal = run_git(root, add);
    if (!refusal) refusal = run_git(root, commit);
    if (refusal)
        throw Error(Exit::data, fmt::format("the change was written, but git did not commit it "
                                            "([git] autocommit in kith.toml): {}",
                                            *refusal));
}

std::vector<std::string> line_merge_command(const std::string& ours, const std::string& base,
                                            const std::string& theirs) {
    return {"git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", "--", ours, base, theirs};
}

FileMerge merge_network_file(const std::string& base, const std::string& ours, const std::string& theirs,
                             const std::string& path) {
    try {
        const std::string base_text = read_file(base, base);
        const std::string ours_text = read_file(ours, ours);
        const std::string theirs_text = read_file(theirs, theirs);
        if (const auto merged = merge_tables(base_text, ours_text, theirs_text)) {
            check_network_file(*merged, path);
            replace_file(ours, *merged, ours, OutsideTheLock{});
            return {};
        }
    } catch (const Error&) {
        // No table-wise merge that reads, whatever the reason: git's line
        // merge decides, and marks what it cannot.
    }
    const ProgramResult git = run_program(line_merge_command(ours, base, theirs), {}, Output::capture);
    if (git.status < 0 || git.status > 127)
        throw Error(Exit::data, fmt::format("git merge-file failed on '{}': {}", path, git.output));
    if (git.status != 0)
        return {false,
                fmt::format("'{}': both sides changed the same lines; mend the conflict markers, then run kith check",
                            path)};
    try {
        check_network_file(read_file(ours, path), path);
        return {};
    } catch (const Error& problem) {
        return {false, fmt::format("'{}' merged line by line, but does not read: {}", path, problem.what())};
    }
}

}  // namespace kith
