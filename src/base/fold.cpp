// Unicode normalisation and case folding by utf8proc (Debian's libutf8proc-dev): its tables
// follow the Unicode version of the library, which hand-written tables would not
// (docs/decisions.md).
#include "kcity/base/fold.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace kcity {
namespace {

// The length of a space at s[i] (ASCII space or tab, U+00A0, U+3000), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
    if (s[i] == ' ' || s[i] == '\t') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    if (s.substr(i, 3) == "\xE3\x80\x80") return 3;
    return 0;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
        if (std::size_t n = space_at(s, i)) {
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += s[i++];
    }
    return out;
}

}  // namespace

std::string fold_name(std::string_view text) {
    utf8proc_uint8_t* mapped = nullptr;
    auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                      static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
    // Not UTF-8 (the loaders refuse such text before it gets here): compared as it is.
    if (n < 0) return collapse_spaces(text);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
    return collapse_spaces(
        std::string_view(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n)));
}

}  // namespace kcity
