// `kcity panel`'s report in json (SPEC §10). Skeleton: still to be written.
#include "kcity/report/panel.hpp"

namespace kcity {

std::string render_panel_json(const PanelAnalysis&) {
    return {};
}

}  // namespace kcity
