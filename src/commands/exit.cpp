#include "kcity/commands/exit.hpp"

#include <exception>
#include <new>

namespace kcity {

bool strict_fails(const Outcome& outcome, const ExitRules& rules) {
    return rules.strict && outcome.failure == Failure::none && outcome.warnings > 0;
}

int exit_code(const Outcome& outcome, const ExitRules& rules) {
    if (outcome.failure != Failure::none || strict_fails(outcome, rules)) return 1;
    if (rules.detailed_exitcode && outcome.changed) return 2;
    return 0;
}

int run_guarded(const std::function<int()>& body, std::ostream& err) {
    Outcome failed;
    failed.failure = Failure::internal;
    try {
        return body();
    } catch (const std::bad_alloc&) {
        err << "kcity: error: out of memory\n";
    } catch (const std::exception& e) {
        err << "kcity: error: " << e.what() << "\n";
    } catch (...) {
        err << "kcity: error: an unknown exception\n";
    }
    err.flush();
    return exit_code(failed, {});
}

}  // namespace kcity
