// The proposal loader on arbitrary bytes, with the built-in rules: parse_proposals, then the
// checks across proposals (check_call); a call without errors then goes through the whole
// selection, as `kcity score` would run it. No input may crash, leak, hang or reach undefined
// behaviour, and every diagnostic must have a position.
#include <cstddef>
#include <cstdint>

#include "common.hpp"
#include "kcity/select/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kcity::Call call;
    call.rules = kcity_fuzz::builtin_rules();
    kcity::Diagnostics diags;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    kcity::parse_proposals({"fuzz.yaml", std::move(bytes)}, call.rules, call.proposals, diags);
    kcity::check_call(call, diags);
    kcity_fuzz::require_positions(diags);
    if (!diags.has_errors()) (void)kcity::run_selection(call, {});
    return 0;
}
