// Batches of small files through io_uring (liburing): per file, an open into a slot of the
// ring's own file table, a read of the whole file into the slot's buffer, and a close, linked in
// that order; the batch is one system call instead of four per file.
#include "batch_read.hpp"

#include <fcntl.h>
#include <liburing.h>

#include <cerrno>
#include <cstdlib>
#include <memory>

namespace kcity {
namespace {

// Three operations per file (open, read, close), rounded up to a power of two as the ring is.
constexpr unsigned ring_entries = 4 * batch_files;

bool turned_off() {
    const char* env = std::getenv("KCITY_IO_URING");
    return env && std::string_view(env) == "off";
}

// One ring per thread, made at its first batch. Not usable when the kernel or the sandbox
// refuses io_uring, or its file table.
class Ring {
  public:
    Ring() {
        if (turned_off() || io_uring_queue_init(ring_entries, &ring_, 0) < 0) return;
        if (io_uring_register_files_sparse(&ring_, batch_files) < 0) {
            io_uring_queue_exit(&ring_);
            return;
        }
        buffers_ = std::make_unique_for_overwrite<char[]>(batch_files * batch_file_bytes);
        made_ = usable_ = true;
    }
    ~Ring() {
        if (made_) io_uring_queue_exit(&ring_);
    }
    Ring(const Ring&) = delete;
    Ring& operator=(const Ring&) = delete;

    bool usable() const { return usable_; }
    // From then on every file is read the usual way: the kernel cannot open into the file
    // table (before 5.15), or the ring failed.
    void give_up() { usable_ = false; }
    io_uring* ring() { return &ring_; }
    char* buffer(std::size_t slot) { return buffers_.get() + slot * batch_file_bytes; }

  private:
    io_uring ring_{};
    std::unique_ptr<char[]> buffers_;
    bool made_ = false, usable_ = false;
};

Ring& thread_ring() {
    thread_local Ring ring;
    return ring;
}

void queue_file(Ring& r, std::size_t slot, const std::string& path) {
    const auto index = static_cast<unsigned>(slot);
    io_uring_sqe* open = io_uring_get_sqe(r.ring());
    // As read_file opens: a FIFO must not block (the listing said regular, but it may change).
    io_uring_prep_openat_direct(open, AT_FDCWD, path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY, 0,
                                index);
    open->flags |= IOSQE_IO_LINK;
    open->user_data = 3 * slot;
    io_uring_sqe* read = io_uring_get_sqe(r.ring());
    io_uring_prep_read(read, static_cast<int>(index), r.buffer(slot), batch_file_bytes, 0);
    read->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;  // a short read still closes
    read->user_data = 3 * slot + 1;
    io_uring_sqe* close = io_uring_get_sqe(r.ring());
    io_uring_prep_close_direct(close, index);
    close->user_data = 3 * slot + 2;
}

}  // namespace

std::vector<std::optional<std::string_view>> read_batch(std::span<const std::string* const> paths) {
    std::vector<std::optional<std::string_view>> out(paths.size());
    Ring& r = thread_ring();
    if (!r.usable() || paths.empty() || paths.size() > batch_files) return out;
    for (std::size_t i = 0; i < paths.size(); ++i) queue_file(r, i, *paths[i]);
    const auto expected = static_cast<unsigned>(3 * paths.size());
    if (io_uring_submit_and_wait(r.ring(), expected) < 0) {
        r.give_up();
        return out;
    }
    std::vector<int> opened(paths.size(), -1), bytes(paths.size(), -1);
    for (unsigned seen = 0; seen < expected;) {
        io_uring_cqe* cqe = nullptr;
        if (int rc = io_uring_wait_cqe(r.ring(), &cqe); rc == -EINTR) {
            continue;
        } else if (rc < 0) {
            r.give_up();
            return out;
        }
        const std::size_t slot = cqe->user_data / 3;
        if (cqe->user_data % 3 == 0) opened[slot] = cqe->res;
        if (cqe->user_data % 3 == 1) bytes[slot] = cqe->res;
        io_uring_cqe_seen(r.ring(), cqe);
        ++seen;
    }
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (opened[i] == -EINVAL || opened[i] == -EOPNOTSUPP) r.give_up();
        // Filled to the brim: there may be more, for read_file.
        if (opened[i] == 0 && bytes[i] >= 0 &&
            static_cast<std::size_t>(bytes[i]) < batch_file_bytes)
            out[i] = std::string_view(r.buffer(i), static_cast<std::size_t>(bytes[i]));
    }
    return out;
}

bool batch_read_available() {
    return thread_ring().usable();
}

}  // namespace kcity
