// Reports written to a file atomically: a temporary file in the same folder, renamed into place.
// And every other way a report leaves kcity: standard output with each write checked, a device
// or a FIFO written directly, never over one of the run's inputs.
#include "kcity/commands/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "kcity/load/inputs.hpp"

namespace kcity {
namespace {

namespace fs = std::filesystem;

// The temporary file being written, for the signal handler: a fixed buffer, since the handler
// may only make async-signal-safe calls (no allocation, no std::string).
char temp_path[4096];
volatile std::sig_atomic_t temp_active = 0;

extern "C" void remove_temp_and_reraise(int sig) {
    if (temp_active) ::unlink(temp_path);
    // The default action now, so that kcity ends as the signal asked (exit status 128+sig).
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

// While it lives, SIGINT, SIGTERM and SIGHUP remove the temporary file before ending kcity.
class TempGuard {
  public:
    explicit TempGuard(const std::string& path) {
        if (path.size() >= sizeof temp_path) return;  // too long to keep: no cleanup
        std::memcpy(temp_path, path.c_str(), path.size() + 1);
        temp_active = 1;
        struct sigaction sa {};
        sa.sa_handler = remove_temp_and_reraise;
        sigemptyset(&sa.sa_mask);
        for (int sig : cleanup_signals) sigaddset(&sa.sa_mask, sig);
        for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) {
            ::sigaction(cleanup_signals[i], &sa, &previous_[i]);
            // A signal kcity was started ignoring (a background job's SIGINT) stays ignored.
            if (previous_[i].sa_handler == SIG_IGN)
                ::sigaction(cleanup_signals[i], &previous_[i], nullptr);
        }
        installed_ = true;
    }
    ~TempGuard() {
        if (!installed_) return;
        for (std::size_t i = 0; i < std::size(cleanup_signals); ++i)
            ::sigaction(cleanup_signals[i], &previous_[i], nullptr);
        temp_active = 0;
    }
    TempGuard(const TempGuard&) = delete;
    TempGuard& operator=(const TempGuard&) = delete;

  private:
    struct sigaction previous_[std::size(cleanup_signals)]{};
    bool installed_ = false;
};

// Writes every piece to `fd`; the first failed write's errno (the pieces after it are dropped),
// or 0.
int write_all(int fd, const std::function<void(const Sink&)>& produce) {
    int write_error = 0;
    produce([&](std::string_view bytes) {
        std::size_t done = 0;
        while (!write_error && done < bytes.size()) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno != EINTR) write_error = errno;
            if (n > 0) done += static_cast<std::size_t>(n);
        }
    });
    return write_error;
}

// A device, a FIFO or a terminal named by --output: written as it is (a rename would replace
// the node with a regular file).
std::optional<std::string> write_directly(const std::string& path,
                                          const std::function<void(const Sink&)>& produce) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
    int err = write_all(fd, produce);
    if (::close(fd) != 0 && !err) err = errno;
    if (err) return "cannot write " + path + ": " + std::strerror(err);
    return std::nullopt;
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::string& bytes) {
    return write_file_atomically(path, [&](const Sink& sink) { sink(bytes); });
}

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(const Sink&)>& produce) {
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && !S_ISREG(existing.st_mode)) return write_directly(path, produce);
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    // Blocked until the guard is set, so that no signal finds a temporary file it cannot name.
    sigset_t block, old;
    sigemptyset(&block);
    for (int sig : cleanup_signals) sigaddset(&block, sig);
    ::sigprocmask(SIG_BLOCK, &block, &old);
    int fd = mkstemp(tmpl.data());
    int mkstemp_errno = errno;
    std::optional<TempGuard> guard;
    if (fd >= 0) guard.emplace(tmpl);
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(mkstemp_errno);
    // mkstemp makes the file 0600; a report is meant to be read: keep the mode of the file it
    // replaces, else what the umask allows.
    mode_t mask = umask(0);
    umask(mask);
    ::fchmod(fd, exists ? existing.st_mode & 07777 : 0666 & ~mask);
    if (int write_error = write_all(fd, produce)) {
        ::close(fd);
        std::remove(tmpl.c_str());
        return "cannot write " + path + ": " + std::strerror(write_error);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string err = std::strerror(errno);
        std::remove(tmpl.c_str());
        return "cannot write " + path + ": " + err;
    }
    return std::nullopt;
}

std::optional<std::string> write_stdout(const std::function<void(const Sink&)>& produce) {
    int err = write_all(STDOUT_FILENO, produce);
    // A reader that stopped reading (`| head`) is no error: kcity stops as quietly as SIGPIPE
    // would have stopped it.
    if (err == 0 || err == EPIPE) return std::nullopt;
    return std::string("cannot write to standard output: ") + std::strerror(err);
}

std::vector<std::string> run_input_files(const InputOptions& inputs,
                                         const std::vector<std::string>& more) {
    Diagnostics ignored;  // the run itself reports what is wrong with its inputs
    InputFiles files = collect_inputs(inputs, ignored);
    std::vector<std::string> out = std::move(files.proposals);
    out.insert(out.end(), files.sheets.begin(), files.sheets.end());
    out.insert(out.end(), inputs.score_files.begin(), inputs.score_files.end());
    std::vector<std::string> rule_dirs = more;
    if (auto where = find_rules(inputs, ignored); where && !where->builtin)
        rule_dirs.push_back(where->dir);
    // Every file of a rules folder, whatever kcity reads of it: a report has no place there.
    std::error_code ec;
    for (const auto& dir : rule_dirs) {
        if (!fs::is_directory(dir, ec)) {
            out.push_back(dir);
            continue;
        }
        for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path().string());
    }
    return out;
}

std::optional<std::string> output_is_input(const std::string& output,
                                           const std::vector<std::string>& inputs) {
    std::error_code ec;
    if (!fs::exists(output, ec)) return std::nullopt;  // a new file is nobody's input
    for (const auto& input : inputs)
        if (fs::equivalent(output, input, ec))
            return "--output " + output + " is an input of this run (" + input +
                   "); writing the report there would replace it: choose another file";
    return std::nullopt;
}

}  // namespace kcity
