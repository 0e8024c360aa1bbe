// `kcity panel`'s report in markdown (SPEC §10). Skeleton: still to be written.
#include "kcity/report/panel.hpp"

namespace kcity {

std::string render_panel_markdown(const PanelAnalysis&, Lang) {
    return {};
}

}  // namespace kcity
