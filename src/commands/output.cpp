// Reports written to a file atomically: a temporary file in the same folder, renamed into place.
#include "kcity/commands/output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kcity {

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::string& bytes) {
    return write_file_atomically(path, [&](const Sink& sink) { sink(bytes); });
}

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(const Sink&)>& produce) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = mkstemp(tmpl.data());
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
    // mkstemp makes the file 0600; a report is meant to be read: keep the mode of the file it
    // replaces, else what the umask allows.
    struct stat existing {};
    mode_t mask = umask(0);
    umask(mask);
    ::fchmod(fd, ::stat(path.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0666 & ~mask);
    int write_error = 0;  // the first failed write; the pieces after it are dropped
    produce([&](std::string_view bytes) {
        std::size_t done = 0;
        while (!write_error && done < bytes.size()) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno != EINTR) write_error = errno;
            if (n > 0) done += static_cast<std::size_t>(n);
        }
    });
    if (write_error) {
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

}  // namespace kcity
