// The formats of `kcity score`, by name.
#include "kcity/report/render.hpp"
#include "out.hpp"

namespace kcity {

void render_report(const Result& result, Format format, Lang lang, bool bom, const Sink& sink) {
    if (format == Format::json) return render_json(result, lang, sink);
    if (format == Format::markdown) return render_markdown(result, lang, sink);
    if (format == Format::csv) return render_csv(result, lang, bom, sink);
    if (format == Format::html) return render_html(result, lang, sink);
    render_text(result, lang, false, sink);
}

std::string render_report(const Result& result, Format format, Lang lang, bool bom) {
    return collect([&](const Sink& sink) { render_report(result, format, lang, bom, sink); });
}

}  // namespace kcity
