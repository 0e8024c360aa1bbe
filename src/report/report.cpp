// The formats of `kcity score`, by name.
#include "kcity/report/render.hpp"
#include "out.hpp"

namespace kcity {

void render_report(const Result& result, const std::string& format, Lang lang, bool bom,
                   const Sink& sink) {
    if (format == "json") return render_json(result, lang, sink);
    if (format == "markdown") return render_markdown(result, lang, sink);
    if (format == "csv") return render_csv(result, lang, bom, sink);
    if (format == "html") return render_html(result, lang, sink);
    render_text(result, lang, false, sink);
}

std::string render_report(const Result& result, const std::string& format, Lang lang, bool bom) {
    return collect([&](const Sink& sink) { render_report(result, format, lang, bom, sink); });
}

}  // namespace kcity
