// `kcity letters` (SPEC §11): the result notice to each applicant. A letter is first laid out as
// a value (a sender, header rows, sections of paragraphs, a table and bullets), from the run's
// result and trace and the message catalogue's words, then written as text, Markdown or HTML.
// Korean letters follow the official notice (공문: 수신, 제목, numbered sections, 끝.); English
// ones read as a funder's letter.
#include "kcity/report/letters.hpp"

#include <algorithm>
#include <optional>

#include "kcity/base/countries.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/escape.hpp"

namespace kcity {
namespace {

struct Table {
    std::vector<std::string> head;
    std::vector<std::vector<std::string>> rows;
    std::vector<Align> align;
    std::vector<bool> strong;  // per row: a total (the final score)
    std::vector<bool> failed;  // per row: below its cut-off (as the run's trace recorded)
};

struct Section {
    std::string code;  // stable: result, scores, standing, reasons, appeal, panel
    std::string heading;
    std::string status;  // the result section's status in words
    std::vector<std::string> paragraphs;
    std::optional<Table> table;
    std::vector<std::string> notes;  // paragraphs after the table
    std::vector<std::string> bullets;
};

struct Letter {
    Lang lang = Lang::en;
    std::string status_code;
    std::string sender;
    std::vector<std::pair<std::string, std::string>> header;  // label, value
    std::string subject;
    std::string salutation;  // English only: Korean notices open with 수신
    std::string intro;
    std::vector<Section> sections;
    std::string closing, signature;
};

struct Ctx {
    const Call& call;
    const TrackResult& tr;
    const ProposalResult& r;
    const Proposal& p;
    Lang lang;
    bool ko() const { return lang == Lang::ko; }
    std::string say(std::string_view key, const std::vector<Arg>& args = {}) const {
        return format_message(key, lang, args);
    }
    std::string score(Decimal d) const { return format_decimal(d, tr.rules->rounding); }
    std::string program() const { return call.rules.program.name; }
    std::string year() const { return std::to_string(call.rules.program.year); }
    std::string track() const { return tr.rules->name.get(ko()); }
};

std::string date_words(const DateTime& d, Lang lang) {
    return format_message(
        "letter.date", lang,
        {{"year", std::to_string(d.year)},
         {"month", label("letter.month." + std::to_string(d.month), lang)},
         {"day", std::to_string(d.day)},
         {"weekday", label("letter.weekday." + std::to_string(weekday(d)), lang)}});
}

std::string status_words(Status s, Lang lang) {
    return label(std::string("letter.status.") + status_code(s), lang);
}

// Its place on the reserve list: reserves are the first candidates left out, in rank order.
int reserve_place(const Ctx& c) {
    int place = 0;
    for (const auto& x : c.tr.proposals)
        if (x.status == Status::reserve && x.rank && *x.rank <= *c.r.rank) ++place;
    return place;
}

Section result_section(const Ctx& c) {
    Section s{"result", c.say("letter.h.result"), status_words(c.r.status, c.lang), {}, {}, {}, {}};
    std::string key = std::string("letter.result.") + status_code(c.r.status);
    if (c.r.status == Status::selected)
        s.paragraphs.push_back(
            c.say(key, {{"award", Money{c.r.award_krw.value_or(c.r.award_candidate)}}}));
    else if (c.r.status == Status::reserve)
        s.paragraphs.push_back(c.say(key, {{"place", std::to_string(reserve_place(c))}}));
    else
        s.paragraphs.push_back(c.say(key));
    return s;
}

// Each criterion with its maximum and cut-off, the base, each adjustment, the final score.
Section scores_section(const Ctx& c) {
    const TrackRules& t = *c.tr.rules;
    Section s{"scores", c.say("letter.h.scores"), "", {}, {}, {}, {}};
    Table table;
    table.head = {c.say("letter.col.criterion"), c.say("letter.col.points"),
                  c.say("letter.col.max"), c.say("letter.col.cutoff")};
    table.align = {Align::left, Align::right, Align::right, Align::right};
    auto row = [&](std::vector<std::string> cells, bool strong = false, bool failed = false) {
        table.rows.push_back(std::move(cells));
        table.strong.push_back(strong);
        table.failed.push_back(failed);
    };
    const ProposalTrace* x = c.r.trace.get();
    for (std::size_t i = 0; i < t.criteria.size() && i < c.r.criteria.size(); ++i) {
        const Criterion& k = t.criteria[i];
        bool failed = x && i < x->cutoff_passed.size() && !x->cutoff_passed[i];
        row({k.name.get(c.ko()), c.score(c.r.criteria[i]), format_decimal_short(k.max),
             k.cutoff ? format_decimal_short(*k.cutoff) : "—"},
            false, failed);
    }
    row({c.say("letter.row.base"), c.score(*c.r.base), "",
         t.threshold ? format_decimal_short(*t.threshold) : "—"},
        false, x && !x->threshold_passed);
    Decimal bonus, penalty;
    for (const Adjustment* a : c.r.adjustments) {
        const std::string& name = a->name.get(c.ko());
        const bool signed_text = a->points_text.starts_with('-') || a->points_text.starts_with('+');
        row({name.empty() ? a->id : name, (signed_text ? "" : "+") + a->points_text, "", ""});
        (a->points < Decimal{} ? penalty : bonus) =
            (a->points < Decimal{} ? penalty : bonus) + a->points;
    }
    if (!c.r.adjustments.empty())
        row({c.say("letter.row.adjustments"), format_decimal_short(c.r.adjustment_total), "", ""});
    row({c.say("letter.row.score"), c.score(*c.r.score), "", ""}, true);
    s.table = std::move(table);
    // The caps as evaluation applied them (SPEC §6 step 4), said only when they changed the sum.
    std::string caps;
    if (t.cap_bonus && bonus > *t.cap_bonus)
        caps = c.say("adjust.cap-bonus", {{"sum", bonus}, {"cap", *t.cap_bonus}});
    if (t.cap_penalty && penalty < -*t.cap_penalty)
        caps += (caps.empty() ? "" : "; ") +
                c.say("adjust.cap-penalty", {{"sum", -penalty}, {"cap", *t.cap_penalty}});
    if (!caps.empty()) s.notes.push_back(c.say("letter.caps", {{"caps", caps}}));
    if (t.threshold)
        s.notes.push_back(
            c.say("letter.threshold", {{"threshold", format_decimal_short(*t.threshold)}}));
    return s;
}

// Its rank among the track's scored proposals, and the lowest score selected: the one number
// of other proposals a letter gives.
Section standing_section(const Ctx& c) {
    Section s{"standing", c.say("letter.h.standing"), "", {}, {}, {}, {}};
    int scored = 0;
    std::optional<Decimal> lowest;
    for (const auto& x : c.tr.proposals) {
        if (x.rank) ++scored;
        if (x.status == Status::selected && x.score && (!lowest || *x.score < *lowest))
            lowest = *x.score;
    }
    s.paragraphs.push_back(c.say("letter.rank", {{"rank", std::to_string(*c.r.rank)},
                                                 {"count", std::to_string(scored)},
                                                 {"track", c.track()}}));
    s.paragraphs.push_back(
        lowest ? c.say("letter.lowest", {{"track", c.track()}, {"score", c.score(*lowest)}})
               : c.say("letter.lowest-none", {{"track", c.track()}}));
    return s;
}

Section reasons_section(const Ctx& c) {
    Section s{"reasons", c.say("letter.h.reasons"), "", {}, {}, {}, {}};
    for (const auto& reason : c.r.reasons) s.bullets.push_back(reason_text(reason, c.lang));
    return s;
}

Section appeal_section(const Ctx& c) {
    Section s{"appeal", c.say("letter.h.appeal"), "", {}, {}, {}, {}};
    const Program& program = c.call.rules.program;
    if (auto last = appeal_deadline(program))
        s.paragraphs.push_back(
            c.say("letter.appeal", {{"deadline", date_words(*last, c.lang)},
                                    {"days", std::to_string(*program.appeal_days)},
                                    {"results", date_words(*program.results_date, c.lang)},
                                    {"id", c.p.id}}));
    else
        s.paragraphs.push_back(c.say("letter.appeal-open", {{"id", c.p.id}}));
    return s;
}

// The panel of the proposal's track as panel.yaml lists it (the 2024 national R&D evaluation
// rules ask that applicants be told who evaluated).
Section panel_section(const Ctx& c) {
    Section s{"panel", c.say("letter.h.panel"), "", {}, {}, {}, {}};
    s.paragraphs.push_back(c.say("letter.panel", {{"track", c.track()}}));
    for (const auto& m : c.call.rules.panel.members) {
        if (!m.sits_on(c.p.track)) continue;
        std::string name = m.name.get(c.ko());
        s.bullets.push_back(m.organisation ? name + " (" + *m.organisation + ")" : name);
    }
    return s;
}

Letter letter_of(const Ctx& c, bool panel) {
    Letter l;
    l.lang = c.lang;
    l.status_code = status_code(c.r.status);
    l.sender = c.say("letter.sender", {{"program", c.program()}, {"year", c.year()}});
    l.subject =
        c.say("letter.subject", {{"program", c.program()}, {"year", c.year()}, {"id", c.p.id}});
    const std::string place = c.p.city + ", " + country_name(c.p.country, c.lang);
    l.header = {{c.say("letter.to-label"), c.p.applicant.name},
                {c.say("letter.subject-label"), l.subject},
                {c.say("letter.project-label"), c.p.title.get(c.ko()) + " (" + place + ")"},
                {c.say("letter.track-label"), c.track()},
                {c.say("letter.ref-label"), c.p.id}};
    if (const auto& d = c.call.rules.program.results_date)
        l.header.push_back({c.say("letter.date-label"), date_words(*d, c.lang)});
    if (!c.ko()) l.salutation = c.say("letter.dear", {{"applicant", c.p.applicant.name}});
    l.intro = c.say("letter.intro", {{"program", c.program()},
                                     {"year", c.year()},
                                     {"id", c.p.id},
                                     {"title", c.p.title.get(c.ko())},
                                     {"track", c.track()}});
    l.sections.push_back(result_section(c));
    if (c.r.score && c.r.base) l.sections.push_back(scores_section(c));
    if (c.r.rank) l.sections.push_back(standing_section(c));
    if (!c.r.reasons.empty()) l.sections.push_back(reasons_section(c));
    l.sections.push_back(appeal_section(c));
    if (panel) l.sections.push_back(panel_section(c));
    l.closing = c.say("letter.closing");
    l.signature = c.say("letter.signature", {{"program", c.program()}, {"year", c.year()}});
    return l;
}

// Korean notices number their sections (1. 평가 결과); English letters give them headings.
std::string heading_of(const Letter& l, std::size_t i) {
    return l.lang == Lang::ko ? std::to_string(i + 1) + ". " + l.sections[i].heading
                              : l.sections[i].heading;
}

// ---- text ----

// Lines of at most `width` display columns, broken at spaces (a longer word stays whole).
std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out, line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            out += std::string(indent) + line + "\n";
            line.clear();
        }
        if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
        start = end + 1;
    }
    if (!line.empty()) out += std::string(indent) + line + "\n";
    return out;
}

constexpr std::size_t text_width = 78;

std::string text_table(const Table& t) {
    std::vector<std::vector<std::string>> rows = {t.head};
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        rows.push_back({});
        for (const auto& cell : t.rows[i]) rows.back().push_back(plain_text(cell));
        if (t.failed[i]) rows.back()[1] += " ✗";
    }
    return render_columns(rows, t.align, "   ");
}

std::string render_text(const Letter& l) {
    std::string out =
        plain_text(l.sender) + "\n" + std::string(display_width(l.sender), '=') + "\n\n";
    std::size_t label_width = 0;
    for (const auto& [k, v] : l.header) label_width = std::max(label_width, display_width(k));
    for (const auto& [k, v] : l.header)
        out += pad(k, label_width, Align::left) + "  " + plain_text(v) + "\n";
    out += "\n";
    if (!l.salutation.empty()) out += plain_text(l.salutation) + "\n\n";
    out += wrap(plain_text(l.intro), text_width, "") + "\n";
    for (std::size_t i = 0; i < l.sections.size(); ++i) {
        const Section& s = l.sections[i];
        std::string h = heading_of(l, i);
        out += h + "\n" + std::string(display_width(h), '-') + "\n";
        if (!s.status.empty()) out += "** " + s.status + " **\n\n";
        for (const auto& p : s.paragraphs) out += wrap(plain_text(p), text_width, "") + "\n";
        if (s.table) out += text_table(*s.table) + "\n";
        for (const auto& p : s.notes) out += wrap(plain_text(p), text_width, "") + "\n";
        for (const auto& b : s.bullets) {
            std::string w = wrap(plain_text(b), text_width - 2, "  ");
            out += "-" + w.substr(1);
        }
        if (!s.bullets.empty()) out += "\n";
    }
    out += plain_text(l.closing) + "\n\n" + plain_text(l.signature) + "\n";
    return out;
}

// ---- Markdown ----

// Paragraph text: every character that Markdown could read as markup is escaped.
std::string md_text(std::string_view text) {
    std::string out;
    for (char ch : plain_text(text)) {
        if (std::string_view("\\`*_[]<>#|~!").find(ch) != std::string_view::npos) out += '\\';
        out += ch;
    }
    return out;
}

std::string md_table(const Table& t) {
    std::string out;
    MarkdownRow head(out);
    for (const auto& h : t.head) head.cell(h);
    head.end();
    std::string spec;
    for (Align a : t.align) spec += a == Align::right ? 'r' : 'l';
    out += markdown_rule(spec);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        MarkdownRow row(out);
        for (std::size_t j = 0; j < t.rows[i].size(); ++j) {
            std::string cell = markdown_cell(t.rows[i][j]);
            if (t.strong[i] && !cell.empty()) cell = "**" + cell + "**";
            if (t.failed[i] && j == 1) cell += " ✗";
            row.markdown(cell);
        }
        row.end();
    }
    return out;
}

std::string render_markdown(const Letter& l) {
    std::string out = "**" + md_text(l.sender) + "**\n\n";
    out += "| | |\n|---|---|\n";
    for (const auto& [k, v] : l.header) MarkdownRow(out).cell(k).cell(v).end();
    out += "\n";
    if (!l.salutation.empty()) out += md_text(l.salutation) + "\n\n";
    out += md_text(l.intro) + "\n\n";
    for (std::size_t i = 0; i < l.sections.size(); ++i) {
        const Section& s = l.sections[i];
        out += "## " + md_text(heading_of(l, i)) + "\n\n";
        if (!s.status.empty()) out += "**" + md_text(s.status) + "**\n\n";
        for (const auto& p : s.paragraphs) out += md_text(p) + "\n\n";
        if (s.table) out += md_table(*s.table) + "\n";
        for (const auto& p : s.notes) out += md_text(p) + "\n\n";
        for (const auto& b : s.bullets) out += "- " + md_text(b) + "\n";
        if (!s.bullets.empty()) out += "\n";
    }
    out += md_text(l.closing) + "\n\n**" + md_text(l.signature) + "**\n";
    return out;
}

// ---- HTML ----

// A4 in print, one or two pages; on screen a page-wide sheet. No fonts or images are fetched:
// the Korean fonts are those of the machine.
constexpr const char* letter_css = R"(
@page { size: A4; margin: 18mm 20mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #eee; color: #111;
  font-family: "Noto Sans CJK KR", "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif;
  font-size: 10.5pt; line-height: 1.55; }
.letter { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 18mm 20mm; background: #fff;
  box-shadow: 0 0 4px #999; }
.sender { font-size: 15pt; font-weight: bold; text-align: center; margin: 0 0 6mm;
  padding-bottom: 3mm; border-bottom: 2px solid #1f3864; color: #1f3864; }
table.meta { border-collapse: collapse; width: 100%; margin-bottom: 5mm; }
table.meta th { text-align: left; white-space: nowrap; width: 22mm; padding: 1mm 3mm 1mm 0;
  vertical-align: top; }
table.meta td { padding: 1mm 0; }
table.meta tr.subject td { font-weight: bold; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; color: #1f3864; }
p { margin: 0 0 2mm; }
p.status { font-size: 12pt; font-weight: bold; padding: 2mm 3mm; border-left: 4px solid #1f3864;
  background: #f2f5fa; }
section[data-status="selected"] p.status { border-color: #2e7d32; background: #eef7ee; }
table.scores { border-collapse: collapse; margin: 2mm 0 3mm; min-width: 60%; }
table.scores th, table.scores td { border: 1px solid #999; padding: 1mm 3mm; }
table.scores th { background: #e8ecf4; }
table.scores td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.scores tr.strong td { font-weight: bold; background: #f2f5fa; }
table.scores tr.failed td:nth-child(2) { color: #b00020; font-weight: bold; }
ul { margin: 0 0 2mm; padding-left: 6mm; }
.closing { margin-top: 8mm; }
.signature { margin-top: 6mm; font-size: 13pt; font-weight: bold; text-align: center; }
html[lang="en"] .signature { text-align: left; font-size: 10.5pt; }
@media print {
  body { background: #fff; }
  .letter { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  section, table { break-inside: avoid; }
}
)";

std::string html_head(const std::string& lang, const std::string& title) {
    return "<!DOCTYPE html>\n<html lang=\"" + lang +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
           "</title>\n<style>" + letter_css + "</style>\n</head>\n";
}

std::string html_table(const Table& t) {
    std::string out = "<table class=\"scores\">\n<tr>";
    for (const auto& h : t.head) out += "<th>" + html_escape(h) + "</th>";
    out += "</tr>\n";
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        std::string cls = std::string(t.strong[i] ? "strong" : "") +
                          (t.failed[i] ? (t.strong[i] ? " failed" : "failed") : "");
        out += cls.empty() ? "<tr>" : "<tr class=\"" + cls + "\">";
        for (std::size_t j = 0; j < t.rows[i].size(); ++j)
            out += std::string(t.align[j] == Align::right ? "<td class=\"num\">" : "<td>") +
                   html_escape(t.rows[i][j]) + (t.failed[i] && j == 1 ? " ✗" : "") + "</td>";
        out += "</tr>\n";
    }
    return out + "</table>\n";
}

std::string render_html(const Letter& l) {
    const std::string lang = l.lang == Lang::ko ? "ko" : "en";
    std::string out = html_head(lang, l.subject);
    out += "<body>\n<article class=\"letter\" data-status=\"" + l.status_code + "\">\n";
    out += "<p class=\"sender\">" + html_escape(l.sender) + "</p>\n<table class=\"meta\">\n";
    for (std::size_t i = 0; i < l.header.size(); ++i)
        out += std::string(i == 1 ? "<tr class=\"subject\">" : "<tr>") + "<th>" +
               html_escape(l.header[i].first) + "</th><td>" + html_escape(l.header[i].second) +
               "</td></tr>\n";
    out += "</table>\n";
    if (!l.salutation.empty()) out += "<p>" + html_escape(l.salutation) + "</p>\n";
    out += "<p>" + html_escape(l.intro) + "</p>\n";
    for (std::size_t i = 0; i < l.sections.size(); ++i) {
        const Section& s = l.sections[i];
        out += "<section class=\"" + s.code + "\"" +
               (s.code == "result" ? " data-status=\"" + l.status_code + "\"" : "") + ">\n<h2>" +
               html_escape(heading_of(l, i)) + "</h2>\n";
        if (!s.status.empty()) out += "<p class=\"status\">" + html_escape(s.status) + "</p>\n";
        for (const auto& p : s.paragraphs) out += "<p>" + html_escape(p) + "</p>\n";
        if (s.table) out += html_table(*s.table);
        for (const auto& p : s.notes) out += "<p>" + html_escape(p) + "</p>\n";
        if (!s.bullets.empty()) {
            out += "<ul>\n";
            for (const auto& b : s.bullets) out += "<li>" + html_escape(b) + "</li>\n";
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    out += "<p class=\"closing\">" + html_escape(l.closing) + "</p>\n<p class=\"signature\">" +
           html_escape(l.signature) + "</p>\n</article>\n</body>\n</html>\n";
    return out;
}

}  // namespace

const char* letter_extension(LetterFormat format) {
    switch (format) {
        case LetterFormat::html:
            return "html";
        case LetterFormat::markdown:
            return "md";
        case LetterFormat::text:
            return "txt";
    }
    return "txt";
}

std::optional<DateTime> appeal_deadline(const Program& program) {
    if (!program.results_date || !program.appeal_days) return std::nullopt;
    return add_days(*program.results_date, *program.appeal_days);
}

std::string render_letter(const Call& call, const TrackResult& track,
                          const ProposalResult& proposal, const LetterOptions& options) {
    Ctx c{call, track, proposal, *proposal.proposal, options.lang};
    Letter l = letter_of(c, options.panel);
    switch (options.format) {
        case LetterFormat::html:
            return render_html(l);
        case LetterFormat::markdown:
            return render_markdown(l);
        case LetterFormat::text:
            return render_text(l);
    }
    return render_text(l);
}

std::string render_letter_index(const Call& call, const Result& result,
                                const LetterOptions& options) {
    const Lang lang = options.lang;
    const bool ko = lang == Lang::ko;
    const std::string title = format_message(
        "letter.index-title", lang,
        {{"program", call.rules.program.name}, {"year", std::to_string(call.rules.program.year)}});
    struct Row {
        std::string id, applicant, track, status, file;
    };
    std::vector<Row> rows;
    for (const auto& tr : result.tracks) {
        std::vector<const ProposalResult*> by_id;
        for (const auto& r : tr.proposals) by_id.push_back(&r);
        std::sort(by_id.begin(), by_id.end(),
                  [](auto* a, auto* b) { return a->proposal->id < b->proposal->id; });
        for (const ProposalResult* r : by_id)
            rows.push_back({r->proposal->id, r->proposal->applicant.name, tr.rules->name.get(ko),
                            status_words(r->status, lang),
                            r->proposal->id + "." + letter_extension(options.format)});
    }
    const std::vector<std::string> head = {label("label.id", lang), label("label.applicant", lang),
                                           label("label.track", lang), label("label.status", lang),
                                           label("letter.col.letter", lang)};
    std::string out;
    switch (options.format) {
        case LetterFormat::text: {
            out = plain_text(title) + "\n" + std::string(display_width(title), '=') + "\n\n";
            std::vector<std::vector<std::string>> cells = {head};
            for (const auto& r : rows)
                cells.push_back({r.id, plain_text(r.applicant), r.track, r.status, r.file});
            out += render_columns(cells, std::vector<Align>(head.size(), Align::left), "");
            return out;
        }
        case LetterFormat::markdown: {
            out = "# " + md_text(title) + "\n\n";
            MarkdownRow h(out);
            for (const auto& x : head) h.cell(x);
            h.end();
            out += markdown_rule("lllll");
            for (const auto& r : rows)
                MarkdownRow(out)
                    .cell(r.id)
                    .cell(r.applicant)
                    .cell(r.track)
                    .cell(r.status)
                    .markdown("[" + markdown_cell(r.file) + "](" + r.file + ")")
                    .end();
            return out;
        }
        case LetterFormat::html: {
            out = html_head(ko ? "ko" : "en", title) + "<body>\n<article class=\"letter index\">\n";
            out += "<p class=\"sender\">" + html_escape(title) +
                   "</p>\n<table class=\"scores\">\n<tr>";
            for (const auto& x : head) out += "<th>" + html_escape(x) + "</th>";
            out += "</tr>\n";
            for (const auto& r : rows)
                out += "<tr data-id=\"" + html_escape(r.id) + "\"><td>" + html_escape(r.id) +
                       "</td><td>" + html_escape(r.applicant) + "</td><td>" + html_escape(r.track) +
                       "</td><td>" + html_escape(r.status) + "</td><td><a href=\"" +
                       html_escape(r.file) + "\">" + html_escape(r.file) + "</a></td></tr>\n";
            out += "</table>\n</article>\n</body>\n</html>\n";
            return out;
        }
    }
    return out;
}

}  // namespace kcity
