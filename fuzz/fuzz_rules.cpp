// The rules loader on arbitrary bytes. The first byte chooses which of the built-in rules'
// files the rest replaces (program.yaml, a track file, history.yaml, or a decisions.yaml,
// which the built-in rules lack), so that the checks across files run on fuzzed input too.
// Rules that load without errors are then used on the example call, as a run would use them.
#include <cstddef>
#include <cstdint>

#include "common.hpp"
#include "kcity/select/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const names[] = {"program.yaml", "planning.yaml", "pilot.yaml",
                                        "history.yaml", "decisions.yaml"};
    std::string name = names[data[0] % 5];
    std::vector<kcity::SourceFile> files;
    for (auto& f : kcity_fuzz::builtin_rule_sources())
        if (!f.path.ends_with("/" + name)) files.push_back(std::move(f));
    files.push_back(
        {"<built-in>/" + name, std::string(reinterpret_cast<const char*>(data + 1), size - 1)});

    kcity::Diagnostics diags;
    kcity::Call call;
    call.rules = kcity::parse_rules(files, "fuzz", diags);
    kcity_fuzz::require_positions(diags);
    if (diags.has_errors()) return 0;
    kcity_fuzz::load_example(call, diags);
    if (!diags.has_errors()) (void)kcity::run_selection(call, {});
    return 0;
}
