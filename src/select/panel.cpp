// How the panel scored (SPEC §10). Skeleton: the analysis is still to be written.
#include "kcity/select/panel.hpp"

#include "kcity/select/pipeline.hpp"

namespace kcity {

PanelAnalysis analyse_panel(const Call& call, const PanelOptions& options) {
    PanelAnalysis a;
    RunOptions run;
    run.track = options.track;
    a.real = run_selection(call, run);
    return a;
}

}  // namespace kcity
