#include "kcity/load/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

#include "files.hpp"
#include "kcity/load/inputs.hpp"

extern char** environ;

namespace kcity {

ProcessResult run_process(const std::vector<std::string>& argv) {
    ProcessResult result;
    int out_pipe[2], err_pipe[2];
    if (pipe(out_pipe) != 0) return result;
    if (pipe(err_pipe) != 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    // The environment, with the messages' language set to C: kcity reads git's messages
    // ("dubious ownership") and must not mistake a translated one for another problem.
    std::vector<std::string> env_text;
    for (char** e = environ; *e; ++e) {
        std::string_view var(*e);
        if (!var.starts_with("LC_ALL=") && !var.starts_with("LANGUAGE="))
            env_text.emplace_back(var);
    }
    env_text.emplace_back("LC_ALL=C");
    std::vector<char*> env;
    for (auto& e : env_text) env.push_back(e.data());
    env.push_back(nullptr);
    int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (spawned == 0) {
        // Read both pipes together so that neither can fill up and stall the child.
        std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
        std::array<std::string*, 2> sinks{&result.out, &result.err};
        int open_pipes = 2;
        char buf[65536];
        while (open_pipes > 0 && poll(fds.data(), fds.size(), -1) > 0) {
            for (std::size_t i = 0; i < fds.size(); ++i) {
                if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                ssize_t n = read(fds[i].fd, buf, sizeof buf);
                if (n > 0) {
                    sinks[i]->append(buf, static_cast<std::size_t>(n));
                } else {
                    fds[i].fd = -1;
                    --open_pipes;
                }
            }
        }
        int status = 0;
        waitpid(pid, &status, 0);
        result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    close(out_pipe[0]);
    close(err_pipe[0]);
    return result;
}

namespace {

std::string first_line(const std::string& s) {
    std::string line = s.substr(0, s.find('\n'));
    return line.empty() ? "git failed" : line;
}

std::string trim_newline(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

// The repository that git names in "detected dubious ownership in repository at '/x/y'", or
// `fallback`: the folder to add to safe.directory, which may be above the rules folder.
std::string dubious_repository(const std::string& err, const std::string& fallback) {
    const std::string marker = "repository at '";
    std::size_t at = err.find(marker);
    if (at == std::string::npos) return fallback;
    at += marker.size();
    std::size_t end = err.find('\'', at);
    if (end == std::string::npos || end == at) return fallback;
    return err.substr(at, end - at);
}

ProcessResult git(const std::string& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", dir});
    return run_process(args);
}

}  // namespace

namespace {

// A folder at a revision: the rules folder (its own .yaml files, program.yaml required) or a
// whole call directory (every file below it, for --base).
std::optional<std::vector<SourceFile>> read_git_folder(const std::string& spec,
                                                       const std::string& current_rules_dir,
                                                       Diagnostics& diags, bool whole_call) {
    const std::string option = whole_call ? "--base" : "--base-rules";
    std::string rev = spec.substr(0, spec.find(':'));
    std::optional<std::string> path;
    if (spec.find(':') != std::string::npos) path = spec.substr(spec.find(':') + 1);
    auto fail = [&](const std::string& message) {
        diags.error({}, option + " git:" + spec + ": " + message);
        return std::nullopt;
    };
    if (rev.empty()) return fail("a revision is needed, as in git:origin/main");
    if (rev.front() == '-') return fail("`" + rev + "` looks like an option, not a revision");
    std::string dir = current_rules_dir.empty() ? "." : current_rules_dir;
    ProcessResult top = git(dir, {"rev-parse", "--show-toplevel"});
    if (top.status == -1) return fail("cannot run git");
    if (top.status != 0) {
        // git 2.35.2 and later refuse a repository that another user owns.
        if (top.err.find("dubious ownership") != std::string::npos) {
            std::string repo = dubious_repository(top.err, dir);
            return fail("git refuses the repository at " + repo +
                        ": another user owns it (git's safe.directory check); if you trust it, "
                        "run: git config --global --add safe.directory " +
                        repo);
        }
        return fail("the current rules (" + dir + ") are not in a git repository");
    }
    std::string root = trim_newline(top.out);
    if (path && path->empty())
        return fail(
            "the path after the revision is empty; name the rules folder, as in "
            "git:" +
            rev + ":rules");
    if (!path) {
        if (current_rules_dir.empty())
            return fail(whole_call ? "name the call directory, as in git:REV:calls/2023"
                                   : "name the rules folder, as in git:REV:rules");
        path = trim_newline(git(dir, {"rev-parse", "--show-prefix"}).out);
    }
    while (!path->empty() && path->back() == '/') path->pop_back();
    if (git(root, {"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"})
            .status != 0) {
        if (git(root, {"rev-parse", "--verify", "--quiet", "HEAD"}).status != 0 &&
            trim_newline(git(root, {"rev-list", "-n", "1", "--all"}).out).empty())
            return fail("the repository " + root + " has no commits yet");
        if (trim_newline(git(root, {"rev-parse", "--is-shallow-repository"}).out) == "true")
            return fail("unknown revision `" + rev +
                        "`: the repository is a shallow clone, which may not hold it; fetch it "
                        "(git fetch --unshallow, or fetch-depth: 0 in CI)");
        return fail("unknown revision `" + rev + "`");
    }
    // -z: names as they are, not C-quoted ("\352\267\234\354\271\231" for 규칙).
    // -l: each blob's size, so that a file larger than kcity reads is refused before git
    // writes it into memory, and files kcity does not read are not fetched at all.
    std::vector<std::string> ls = {"ls-tree", "-z", "-l"};
    if (whole_call) ls.push_back("-r");
    for (const char* a : {"--end-of-options", rev.c_str()}) ls.push_back(a);
    // The repository's root is the empty prefix: every file.
    if (!path->empty()) ls.push_back(*path + "/");
    ProcessResult list = git(root, ls);
    if (list.status != 0) return fail(first_line(list.err));
    std::vector<SourceFile> files;
    bool too_large = false;
    std::size_t start = 0;
    while (start < list.out.size()) {
        std::size_t end = list.out.find('\0', start);
        // "<mode> <type> <object> <size, padded>\t<name>"
        std::string entry = list.out.substr(start, end - start);
        start = end == std::string::npos ? list.out.size() : end + 1;
        std::size_t tab = entry.find('\t');
        if (tab == std::string::npos) continue;
        std::string name = entry.substr(tab + 1);
        std::string base = name.substr(name.rfind('/') + 1);
        if ((!whole_call && !name.ends_with(".yaml")) || base.starts_with(".")) continue;
        std::string label = "git:" + rev + ":" + name;
        // Only the files discovery reads are fetched; the others are named in the note of
        // ignored files as they are locally, which needs their names alone.
        if (!is_read_by_discovery(base)) {
            files.push_back({label, {}});
            continue;
        }
        std::string size_field = entry.substr(0, tab);
        size_field = size_field.substr(size_field.find_last_of(' ') + 1);
        std::uintmax_t size = 0;
        auto [ptr, ec] =
            std::from_chars(size_field.data(), size_field.data() + size_field.size(), size);
        if (ec == std::errc() && size > max_file_bytes) {
            diags.error({FileName(label), 1, 1}, file_too_large_message(size));
            too_large = true;
            continue;
        }
        ProcessResult blob = git(root, {"cat-file", "blob", rev + ":" + name});
        if (blob.status != 0) return fail(first_line(blob.err));
        files.push_back({std::move(label), std::move(blob.out)});
    }
    if (too_large) return std::nullopt;
    bool has_program = std::any_of(files.begin(), files.end(), [](const SourceFile& f) {
        return f.path.ends_with("/program.yaml");
    });
    if (whole_call && files.empty())
        return fail("there is no " + (path->empty() ? std::string(".") : *path) + " at " + rev);
    if (!whole_call && !has_program)
        return fail("there is no " + *path + "/program.yaml at " + rev);
    std::sort(files.begin(), files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    return files;
}

}  // namespace

std::optional<std::vector<SourceFile>> read_git_rules(const std::string& spec,
                                                      const std::string& current_rules_dir,
                                                      Diagnostics& diags) {
    return read_git_folder(spec, current_rules_dir, diags, false);
}

std::optional<std::vector<SourceFile>> read_git_call(const std::string& spec,
                                                     const std::string& current_dir,
                                                     Diagnostics& diags, std::string& prefix) {
    auto files = read_git_folder(spec, current_dir, diags, true);
    if (!files) return files;
    // git:REV:PATH/ before each file's name inside the call directory.
    std::string rev = spec.substr(0, spec.find(':'));
    std::string path;
    if (spec.find(':') != std::string::npos) {
        path = spec.substr(spec.find(':') + 1);
        while (!path.empty() && path.back() == '/') path.pop_back();
    } else {
        path = trim_newline(
            git(current_dir.empty() ? "." : current_dir, {"rev-parse", "--show-prefix"}).out);
        while (!path.empty() && path.back() == '/') path.pop_back();
    }
    prefix = "git:" + rev + ":" + (path.empty() ? "" : path + "/");
    return files;
}

}  // namespace kcity
