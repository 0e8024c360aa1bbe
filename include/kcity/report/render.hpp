// Renderers: a Result in, the report's text out. The CLI decides where it goes.
//
// Every format has two forms: one writes to a sink as it renders, in pieces, so that the
// report of a large call is never held whole; the other returns the same bytes as one string.
// Whatever of the inputs a report embeds goes through the writers of escape.hpp.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "kcity/model/result.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// Receives a report piece by piece, in order: a large call's report is written out as it is
// rendered rather than held whole (100,000 proposals make about 60 MB of JSON).
using Sink = std::function<void(std::string_view)>;

// SPEC §8.
std::string render_json(const Result& result, Lang lang = Lang::en);
// The same bytes, handed to `sink` in pieces of about 256 KiB (as are the other formats').
void render_json(const Result& result, Lang lang, const Sink& sink);

// The selection report for people: summary, selected, reserve, and every other proposal with
// its reasons. `color` adds ANSI colours to the headings (for a terminal only).
std::string render_text(const Result& result, Lang lang = Lang::en, bool color = false);
void render_text(const Result& result, Lang lang, bool color, const Sink& sink);

// The report as Markdown (for a wiki, an e-mail or a pull request).
std::string render_markdown(const Result& result, Lang lang = Lang::en);
void render_markdown(const Result& result, Lang lang, const Sink& sink);

// One row per proposal with every field of the JSON report (criteria as columns), RFC 4180,
// UTF-8 with a byte-order mark unless `bom` is false (Excel on Korean Windows needs it).
std::string render_csv(const Result& result, Lang lang = Lang::en, bool bom = true);
void render_csv(const Result& result, Lang lang, bool bom, const Sink& sink);

// One self-contained HTML file (inline CSS and SVG, nothing from the network), readable on
// screen and printable on A4.
std::string render_html(const Result& result, Lang lang = Lang::en);
void render_html(const Result& result, Lang lang, const Sink& sink);

// The selection list for the announcement: per track the selected and reserve proposals
// (country, city, title, applicant, award), in any of the formats. Short: held whole.
std::string render_list(const Result& result, Format format, Lang lang, bool bom = true);

// The formats `score` knows (text without colours).
std::string render_report(const Result& result, Format format, Lang lang, bool bom = true);
// The same bytes through a sink, every format in pieces as it is rendered.
void render_report(const Result& result, Format format, Lang lang, bool bom, const Sink& sink);

}  // namespace kcity
