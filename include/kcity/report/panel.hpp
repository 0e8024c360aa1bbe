// The report of `kcity panel` (SPEC §10) in text, Markdown, JSON and HTML, in English or
// Korean: every word from the message table (i18n.cpp). One file per format.
#pragma once
#include <string>

#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/panel.hpp"

namespace kcity {

std::string render_panel_text(const PanelAnalysis& a, Lang lang);      // report/panel_text.cpp
std::string render_panel_json(const PanelAnalysis& a);                 // report/panel_json.cpp
std::string render_panel_markdown(const PanelAnalysis& a, Lang lang);  // panel_markdown.cpp
std::string render_panel_html(const PanelAnalysis& a, Lang lang);      // report/panel_html.cpp

// Dispatches on the format (text, markdown, json, html).
std::string render_panel(const PanelAnalysis& a, Format format, Lang lang);

}  // namespace kcity
