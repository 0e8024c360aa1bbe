// The opening of every self-contained HTML page kcity writes (the selection report, the
// robustness page): one head and one palette, so that the pages a committee reads side by side
// look alike (private to report/).
#pragma once
#include <string>
#include <string_view>

#include "kcity/report/i18n.hpp"

namespace kcity {

// The doctype, the head (charset, viewport, generator, `title` as escaped HTML) and a style
// sheet of the shared palette and page font followed by `style`, up to and including <body>.
std::string html_page_head(std::string_view title, Lang lang, std::string_view style);

}  // namespace kcity
