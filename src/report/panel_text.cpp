// `kcity panel`'s report in text (SPEC §10). Skeleton: still to be written.
#include "kcity/report/panel.hpp"

namespace kcity {

std::string render_panel_text(const PanelAnalysis&, Lang) {
    return {};
}

}  // namespace kcity
