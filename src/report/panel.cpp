// `kcity panel`'s report: the dispatch on the format (one file per format beside it).
#include "kcity/report/panel.hpp"

namespace kcity {

std::string render_panel(const PanelAnalysis& a, Format format, Lang lang) {
    switch (format) {
        case Format::json:
            return render_panel_json(a);
        case Format::markdown:
            return render_panel_markdown(a, lang);
        case Format::html:
            return render_panel_html(a, lang);
        default:
            return render_panel_text(a, lang);
    }
}

}  // namespace kcity
