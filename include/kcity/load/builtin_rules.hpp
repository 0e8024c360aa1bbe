// The rules of the 2023 call, embedded from rules/ at build time.
#pragma once
#include <span>
#include <string_view>

namespace kcity {

struct BuiltinFile {
    std::string_view name;   // "program.yaml"
    std::string_view bytes;  // the file's exact bytes
};

// Sorted by name.
std::span<const BuiltinFile> builtin_rule_files();

}  // namespace kcity
