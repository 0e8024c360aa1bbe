// Each renderer's edge cases, pinned with exact strings: text of the inputs that each format
// must escape, titles cut to a column, and a track with no proposal at all.
#include <catch2/catch.hpp>
#include <string>

#include "../fixtures.hpp"
#include "kcity/report/render.hpp"

namespace {

// Track `t` with P1 (selected; a title, city and applicant full of markup) and P2
// (ineligible: it asks for less than the minimum award); track `e` with no proposal.
std::unique_ptr<fixtures::Run> tricky_run() {
    fixtures::CallSpec spec;
    spec.program = fixtures::program_yaml("[t, e]", "8000000000");
    fixtures::TrackSpec e;
    e.id = "e";
    spec.tracks = {fixtures::TrackSpec{}.file(), e.file()};
    fixtures::ProposalSpec p1 = fixtures::scored("P1", "90");
    p1.city = "\"Pipe|City\"";
    fixtures::ProposalSpec p2 = fixtures::scored("P2", "70", "50000000");
    std::string docs = fixtures::documents({p1, p2});
    auto replace = [&](const std::string& from, const std::string& to) {
        docs.replace(docs.find(from), from.size(), to);
    };
    replace("title: Proposal P1",
            R"(title: "=SUM(A1) | <b>\"x\"</b> & a title far too long for a column")");
    replace("{name: Applicant of P1,", R"({name: "-Minus, \\ Co",)");
    spec.proposals = {docs};
    return fixtures::run(spec);
}

// The part of `text` from the first `from` on (to the end, or up to and without `to`).
std::string part(const std::string& text, const std::string& from, const std::string& to = "") {
    std::size_t begin = text.find(from);
    if (begin == std::string::npos) return "(not found: " + from + ")";
    std::size_t end = to.empty() ? std::string::npos : text.find(to, begin + from.size());
    return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// The whole line that begins with `prefix`, its line break included.
std::string line(const std::string& text, const std::string& prefix) {
    std::size_t begin = text.starts_with(prefix) ? 0 : text.find("\n" + prefix);
    if (begin == std::string::npos) return "(no line: " + prefix + ")";
    if (begin || !text.starts_with(prefix)) ++begin;
    return text.substr(begin, text.find('\n', begin) - begin + 1);
}

std::string report(const fixtures::Run& run, const char* format) {
    return kcity::render_report(run.result, *kcity::parse_format(format), kcity::Lang::en, false);
}

std::string list(const fixtures::Run& run, const char* format) {
    return kcity::render_list(run.result, *kcity::parse_format(format), kcity::Lang::en, false);
}

}  // namespace

TEST_CASE("render_text: titles cut to 36 columns with an ellipsis, an empty track") {
    auto run = tricky_run();
    std::string out = report(*run, "text");
    CHECK(line(out, "     1  P1") ==
          "     1  P1  Vietnam  Pipe|City  =SUM(A1) | <b>\"x\"</b> & a title far…  90.00  90.00  "
          "400,000,000\n");
    CHECK(part(out, "== Test e (e) ==") ==
          "== Test e (e) ==\n"
          "Received 0, eligible 0, scored 0, candidates 0; selected 0 of 0–10; awarded KRW 0 of "
          "KRW 4,000,000,000; method merit\n"
          "\n"
          "Selected (0)\n"
          "  (none)\n");
}

TEST_CASE("render_text: a tab or a line break in a title keeps the columns") {
    fixtures::ProposalSpec p = fixtures::scored("P1", "90");
    fixtures::CallSpec spec;
    spec.tracks = {fixtures::TrackSpec{}.file()};
    spec.proposals = {fixtures::documents({p})};
    auto run = fixtures::run(spec);
    // Load refuses such a title (validation.md); the renderer must still keep its columns.
    run->call.proposals[0].title.en = "Two\nlines\tand a tab";
    std::string out = report(*run, "text");
    CHECK(part(out, "  Rank", "\n\n") ==
          "  Rank  ID  Country  City   Title                Score      A  Award (KRW)\n"
          "     1  P1  Vietnam  Hanoi  Two lines and a tab  90.00  90.00  400,000,000\n");
}

TEST_CASE(
    "render_markdown: | and backslash escaped in cells, an empty track has a head and no row") {
    auto run = tricky_run();
    std::string out = report(*run, "markdown");
    CHECK(line(out, "| 1 |") ==
          "| 1 | P1 | Vietnam | Pipe\\|City | =SUM(A1) \\| &lt;b>\"x\"&lt;/b> & a title far too "
          "long for "
          "a column | selected | 90.00 | 90.00 | KRW 400,000,000 |  |\n");
    CHECK(line(out, "| - |") ==
          "| - | P2 | Vietnam | Hanoi | Proposal P2 | ineligible | - | - | - | award-range: "
          "requests KRW 50,000,000, below the minimum award KRW 100,000,000 |\n");
    CHECK(part(out, "## Test e (e)") ==
          "## Test e (e)\n\n"
          "received 0 · eligible 0 · scored 0 · candidates 0 · selected 0 (0–10) · awarded KRW 0 "
          "/ KRW 4,000,000,000\n\n"
          "| Rank | ID | Country | City | Title | Status | Score | A | Award | Reasons |\n"
          "|---|---|---|---|---|---|---|---|---|---|\n");
}

TEST_CASE("render_csv: formula cells get a ', numbers do not, an empty track adds columns only") {
    auto run = tricky_run();
    std::string out = report(*run, "csv");
    CHECK(out ==
          "track,id,country,city,title,applicant,status,rank,score,base,t.a,e.a,adjustments,"
          "adjustment_total,requested_krw,award_krw,reviews_used,reviews_trimmed,"
          "reviews_excluded,reasons,adjustment_names,adjustment_caps\r\n"
          "t,P1,VN,Pipe|City,\"'=SUM(A1) | <b>\"\"x\"\"</b> & a title far too long for a "
          "column\",\"'-Minus, \\ Co\",selected,1,90.00,90.00,90.00,,,0.00,400000000,400000000,"
          "R1,,,,,\r\n"
          "t,P2,VN,Hanoi,Proposal P2,Applicant of P2,ineligible,,,,,,,,50000000,,,,,\"award-range: "
          "requests KRW 50,000,000, below the minimum award KRW 100,000,000\",,\r\n");
    CHECK(kcity::render_csv(run->result, kcity::Lang::en, true).starts_with("\xEF\xBB\xBFtrack,"));
}

TEST_CASE("render_json: strings escaped, an empty track has an empty list") {
    auto run = tricky_run();
    std::string out = report(*run, "json");
    CHECK(line(out, "          \"id\": \"P1\"") ==
          "          \"id\": \"P1\", \"country\": \"VN\", \"city\": \"Pipe|City\",\n");
    CHECK(part(out, "    {\n      \"track\": \"e\"") ==
          "    {\n"
          "      \"track\": \"e\",\n"
          "      \"method\": \"merit\",\n"
          "      \"budget_krw\": 4000000000,\n"
          "      \"awarded_krw\": 0,\n"
          "      \"min\": 0, \"max\": 10,\n"
          "      \"selected\": 0,\n"
          "      \"shortfall\": false,\n"
          "      \"proposals\": []\n"
          "    }\n"
          "  ],\n"
          "  \"warnings\": []\n"
          "}\n");
}

TEST_CASE("render_html: markup escaped, chart labels cut, an empty track says so") {
    auto run = tricky_run();
    std::string out = report(*run, "html");
    CHECK(line(out, "<tr data-id=\"P1\" data-status=\"selected\"><td class=\"num\">1</td>") ==
          "<tr data-id=\"P1\" data-status=\"selected\"><td class=\"num\">1</td><td>Selected</td>"
          "<td>Vietnam</td><td>Pipe|City</td><td>=SUM(A1) | &lt;b&gt;&quot;x&quot;&lt;/b&gt; "
          "&amp; a title far too long for a column</td><td class=\"num\">400,000,000</td></tr>\n");
    CHECK(part(out, "<h3>Scores in rank order</h3>\n<p", "<h3>Budget used") ==
          "<h3>Scores in rank order</h3>\n"
          "<p class=\"no-chart\">No proposal of this track was scored.</p>\n");
    CHECK(part(out, "<div class=\"details\">", "<footer>")
              .ends_with("<h3 class=\"group\">Every proposal</h3>\n"
                         "<h3>Selected <span class=\"count\">(0)</span></h3>\n"
                         "<p>(none)</p>\n"
                         "</div>\n"
                         "</section>\n"));
}

TEST_CASE("render_html: chart labels are the title (cut to 34 columns), then id and city") {
    fixtures::TrackSpec t;
    fixtures::ProposalSpec p = fixtures::scored("P1", "90");
    p.city = "\"<Llanfairpwllgwyngyll & Co>\"";
    auto run = fixtures::run(t, {p});
    run->call.proposals[0].title.en = "Smart <water> & a title far longer than forty columns";
    std::string out = report(*run, "html");
    CHECK(part(out, "<text class=\"lab\"", "</text>") ==
          "<text class=\"lab\" x=\"32\" y=\"12.5\">Smart &lt;water&gt; &amp; a title far "
          "longe…<title>Smart &lt;water&gt; &amp; a title far longer than forty "
          "columns</title>");
    CHECK(part(out, "<text class=\"sub\"", "</text>") ==
          "<text class=\"sub\" x=\"32\" y=\"25\">P1 · &lt;Llanfairpwllgwyngyll &amp; Co&gt;");
}

TEST_CASE("render_html: the committee, the approval box and the printed pages' foot") {
    fixtures::TrackSpec t;
    auto run = fixtures::run(t, {fixtures::scored("P1", "90")});
    std::string plain = report(*run, "html");
    CHECK(plain.find("class=\"approval\"") == std::string::npos);
    CHECK(line(plain, "@page{@bottom-left") ==
          "@page{@bottom-left{content:\"Test programme 2023 — selection report\";font-size:7.5pt;"
          "color:#5b6472}@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);"
          "font-size:7.5pt;color:#5b6472}}\n");
    kcity::Committee& c = run->call.rules.program.committee;
    c.name = {"선정위원회", "Selection \"Committee\" </style>"};
    c.meeting_date = kcity::parse_datetime("2023-05-30").value;
    c.approval = {{"담당", "Officer"}, {"", "<Lead>"}};
    std::string en = report(*run, "html");
    CHECK(line(en, "<header class=\"report\">") == "<header class=\"report\">\n");
    CHECK(
        line(en, "<table class=\"approval\">") ==
        "<table class=\"approval\"><tbody><tr><th class=\"side\" rowspan=\"2\">Approval</th>"
        "<th>Officer</th><th>&lt;Lead&gt;</th></tr><tr><td></td><td></td></tr></tbody></table>\n");
    CHECK(line(en, "<dt>Committee</dt>") ==
          "<dt>Committee</dt><dd class=\"committee\">Selection &quot;Committee&quot; "
          "&lt;/style&gt;</dd>\n");
    CHECK(line(en, "<dt>Meeting date</dt>") ==
          "<dt>Meeting date</dt><dd class=\"meeting-date\">2023-05-30</dd>\n");
    CHECK(part(en, "@page{@bottom-left{content:", ";") ==
          "@page{@bottom-left{content:\"Test programme 2023 — selection report · Selection "
          "\\\"Committee\\\" \\3c /style\\3e  · 2023-05-30\"");
    std::string ko = kcity::render_report(run->result, kcity::Format::html, kcity::Lang::ko, false);
    CHECK(part(ko, "<table class=\"approval\">", "</tr>") ==
          "<table class=\"approval\"><tbody><tr><th class=\"side\" rowspan=\"2\">결재</th>"
          "<th>담당</th><th>&lt;Lead&gt;</th>");
    CHECK(part(ko, "@bottom-right{content:", ";") ==
          "@bottom-right{content:counter(page) \" / \" counter(pages) \"쪽\"");
}

TEST_CASE("render_list: every format escapes, an empty track lists nobody") {
    auto run = tricky_run();
    CHECK(list(*run, "markdown") ==
          "# Test programme 2023 — Selection list\n\n"
          "## Test t\n\n"
          "| Status | Rank | Country | City | Project | Applicant | Award |\n"
          "|---|---:|---|---|---|---|---:|\n"
          "| selected | 1 | Vietnam | Pipe\\|City | =SUM(A1) \\| &lt;b>\"x\"&lt;/b> & a title far "
          "too "
          "long for a column | -Minus, \\\\ Co | KRW 400,000,000 |\n\n"
          "## Test e\n\n"
          "| Status | Rank | Country | City | Project | Applicant | Award |\n"
          "|---|---:|---|---|---|---|---:|\n");
    CHECK(list(*run, "csv") ==
          "Track,Status,Rank,Country,City,Project,Applicant,Award\r\n"
          "Test t,selected,1,Vietnam,Pipe|City,\"'=SUM(A1) | <b>\"\"x\"\"</b> & a title far too "
          "long for a column\",\"'-Minus, \\ Co\",400000000\r\n");
    CHECK(line(list(*run, "json"), "      {\"id\": \"P1\"") ==
          "      {\"id\": \"P1\", \"status\": \"selected\", \"rank\": 1, \"country\": \"VN\", "
          "\"city\": \"Pipe|City\", \"title\": \"=SUM(A1) | <b>\\\"x\\\"</b> & a title far too "
          "long for a column\", \"applicant\": \"-Minus, \\\\ Co\", \"award_krw\": 400000000}\n");
    CHECK(line(list(*run, "json"), "    {\"track\": \"e\"") ==
          "    {\"track\": \"e\", \"proposals\": []}\n");
    CHECK(line(list(*run, "html"), "<tr data-id=\"P1\"") ==
          "<tr data-id=\"P1\" data-status=\"selected\"><td>selected</td><td class=\"n\">1</td>"
          "<td>Vietnam</td><td>Pipe|City</td><td>=SUM(A1) | &lt;b&gt;&quot;x&quot;&lt;/b&gt; "
          "&amp; a title far too long for a column</td><td>-Minus, \\ Co</td><td "
          "class=\"n\">KRW 400,000,000</td></tr>\n");
    CHECK(part(list(*run, "text"), "== Test e ==") ==
          "== Test e ==\n  Status  Rank  Country  City  Project  Applicant  Award\n");
}
