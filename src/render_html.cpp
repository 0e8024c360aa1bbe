// The HTML report (placeholder until the full renderer lands).
#include "kcity/render.hpp"

namespace kcity {

std::string render_html(const Result& result, Lang lang) {
    return "<!DOCTYPE html>\n<html><body><pre>" + render_text(result, lang) +
           "</pre></body></html>\n";
}

}  // namespace kcity
