// Reading one file of a call: the only place that reads a file's bytes.
#include "files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string_view>
#include <system_error>

#include "kcity/base/money.hpp"
#include "kcity/load/inputs.hpp"

namespace kcity {
namespace fs = std::filesystem;
namespace {

std::string too_large(std::uintmax_t size) {
    return "the file is " + format_grouped(static_cast<Krw>(size)) + " bytes, more than the " +
           format_grouped(static_cast<Krw>(max_file_bytes)) +
           " bytes (256 MiB) kcity reads from one file: split it into several files";
}

// "cannot read the file: Permission denied" (ENOENT, EACCES, ELOOP, EIO...).
std::string cannot_read(int error) {
    return "cannot read the file: " + std::generic_category().message(error);
}

// What a path that is not a regular file is, in words.
std::string file_type(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    return "a special file";
}

// Closes a file descriptor on every path.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string file_too_large_message(std::uintmax_t size) {
    return too_large(size);
}

namespace {

// Whether lexically_normal() leaves the path as it is: no `.` or `..` element and no empty one
// (`a//b`, a trailing `/`), and not the root alone.
bool is_plain(std::string_view s) {
    std::size_t at = !s.empty() && s[0] == '/' ? 1 : 0;
    if (at == s.size()) return false;
    for (;;) {
        std::size_t end = s.find('/', at);
        std::string_view element = s.substr(at, end - at);
        if (element.empty() || element == "." || element == "..") return false;
        if (end == std::string_view::npos) return true;
        at = end + 1;
    }
}

// display()'s answer without the path arithmetic, for the plain paths that a folder's walk
// gives (10,000 of them for a large call); nullopt where the general way is needed.
std::optional<std::string> display_plain(const std::string& p, const std::string& cwd) {
    bool cwd_root = cwd == "/";
    if (!is_plain(p) || cwd.empty() || cwd[0] != '/' || (!cwd_root && !is_plain(cwd)))
        return std::nullopt;
    if (p[0] != '/') return p;  // below the current folder as it is written
    if (cwd_root) return p.substr(1);
    if (p.size() > cwd.size() && p[cwd.size()] == '/' && p.starts_with(cwd))
        return p.substr(cwd.size() + 1);
    if (cwd.size() > p.size() && cwd[p.size()] == '/' && cwd.starts_with(p))
        return std::nullopt;  // a folder above the current one: `..`, the general way
    if (p == cwd) return std::nullopt;
    return p;  // elsewhere: shown whole
}

}  // namespace

std::string display(const fs::path& p, const fs::path& cwd) {
    if (auto shown = display_plain(p.native(), cwd.native())) return std::move(*shown);
    fs::path abs = (p.is_absolute() ? p : cwd / p).lexically_normal();
    fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    return abs.generic_string();
}

std::string display_path(const std::string& p, const fs::path& cwd) {
    if (auto shown = display_plain(p, cwd.native())) return std::move(*shown);
    return display(fs::path(p), cwd);
}

std::string display(const fs::path& p) {
    std::error_code ec;
    return display(p, fs::current_path(ec));
}

std::optional<std::string> read_file(const fs::path& p, Diagnostics& diags) {
    // POSIX calls rather than a stream: one open, one fstat and reads straight into the string,
    // for each of 10,000 files. The size is checked before reading, so that a huge file is
    // refused at once; the read itself stops at the limit too, for files whose size the
    // system does not tell (files of /proc say 0).
    // Non-blocking, so that opening a FIFO named x.yaml returns at once (rather than wait for a
    // writer forever); then only a regular file is read.
    Fd file{::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
    struct stat st {};
    if (file.fd < 0 || ::fstat(file.fd, &st) != 0) {
        diags.error({display(p), 1, 1}, cannot_read(errno));
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error({display(p), 1, 1}, "this is " + file_type(st.st_mode) +
                                            ", not a regular file: kcity reads only files");
        return std::nullopt;
    }
    bool sized = S_ISREG(st.st_mode);
    if (sized && static_cast<std::uintmax_t>(st.st_size) > max_file_bytes) {
        diags.error({display(p), 1, 1}, too_large(static_cast<std::uintmax_t>(st.st_size)));
        return std::nullopt;
    }
    std::string bytes;
    // Its size, plus one byte to see the end without a second step; else 64 KiB at a time.
    std::size_t step = sized ? static_cast<std::size_t>(st.st_size) + 1 : 1 << 16;
    for (;;) {
        std::size_t have = bytes.size();
        bytes.resize(have + step);
        ssize_t got = ::read(file.fd, bytes.data() + have, step);
        if (got < 0 && errno == EINTR) {
            bytes.resize(have);
            continue;
        }
        if (got < 0) {
            diags.error({display(p), 1, 1}, cannot_read(errno));
            return std::nullopt;
        }
        bytes.resize(have + static_cast<std::size_t>(got));
        if (bytes.size() > max_file_bytes) {
            diags.error({display(p), 1, 1}, too_large(bytes.size()) + " (or more)");
            return std::nullopt;
        }
        // A regular file's short read is its end (and so is 0 bytes, for anything).
        if (got == 0 || (sized && static_cast<std::size_t>(got) < step)) break;
        step = 1 << 16;
    }
    return bytes;
}

}  // namespace kcity
