// `kcity panel`'s report in html (SPEC §10). Skeleton: still to be written.
#include "kcity/report/panel.hpp"

namespace kcity {

std::string render_panel_html(const PanelAnalysis&, Lang) {
    return {};
}

}  // namespace kcity
