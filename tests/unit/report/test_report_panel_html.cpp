// `kcity panel`'s HTML page (SPEC §10), on an analysis built by hand (panel_fixture.hpp): the
// dot plot of leniency, the reviewer × proposal grid with its marks, escaping, both languages.
#include <catch2/catch.hpp>
#include <string>

#include "panel_fixture.hpp"

using panel_fixture::part;

namespace {

std::string html(kcity::Lang lang = kcity::Lang::en, bool alpha = true) {
    auto built = panel_fixture::build(alpha);
    return kcity::render_panel_html(built->analysis, lang);
}

// The grid's row of a proposal, without its opening tag's attributes beyond the id.
std::string grid_row(const std::string& page, const std::string& id) {
    return part(part(page, "<table class=\"grid\">", "</table>"), "<tr data-id=\"" + id + "\"",
                "</tr>");
}

}  // namespace

TEST_CASE("panel html: one self-contained page, the same bytes every time", "[panel][report]") {
    const std::string page = html();
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(page.ends_with("</footer>\n</body>\n</html>\n"));
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("http") == std::string::npos);  // nothing fetched, no link out
    CHECK(page == html());
    CHECK(page.find("<h1>Test programme 2023 — How the panel scored</h1>") != std::string::npos);
}

TEST_CASE("panel html: the grid marks conflicts, missing and trimmed reviews", "[panel][report]") {
    const std::string page = html();
    // P1: R1 far above the others (beyond the band: darkest), R2 excluded, R3 trimmed and a
    // little below (a quarter to a half of the band), R4 missing.
    CHECK(grid_row(page, "P1") ==
          "<tr data-id=\"P1\" data-status=\"selected\"><td class=\"id\"><code>P1</code></td>"
          "<td class=\"title\" title=\"Proposal P1\">Proposal P1</td>"
          "<td class=\"cell reviewed pos4\" data-reviewer=\"R1\" data-total=\"90.00\">+12.50</td>"
          "<td class=\"cell conflict\" data-reviewer=\"R2\">conflict</td>"
          "<td class=\"cell reviewed neg2 trimmed\" data-reviewer=\"R3\" data-total=\"70.00\">"
          "-2.50<small>trimmed</small></td>"
          "<td class=\"cell missing\" data-reviewer=\"R4\">missing</td>"
          "<td class=\"num\">20.00</td>");
    // P2: a deviation of 0, and a review with no other to compare with.
    CHECK(
        grid_row(page, "P2")
            .find("<td class=\"cell reviewed zero-dev\" data-reviewer=\"R3\" data-total=\"65.00\">"
                  "0.00</td><td class=\"cell reviewed alone\" data-reviewer=\"R4\" "
                  "data-total=\"90.00\">–</td>") != std::string::npos);
    // P3: small deviations, the lightest shades either way.
    CHECK(grid_row(page, "P3")
              .find("<td class=\"cell reviewed pos1\" data-reviewer=\"R2\" "
                    "data-total=\"71.00\">+1.00</td>") != std::string::npos);
    // The legend names every mark.
    const std::string legend = part(page, "<ul class=\"legend\">", "</ul>");
    for (const char* words : {"conflict", "missing", "trimmed", "above the others",
                              "below the others", "no other review"})
        CHECK(legend.find(words) != std::string::npos);
}

TEST_CASE("panel html: the dot plot centres 0, shades the band and flags a reviewer",
          "[panel][report]") {
    const std::string page = html();
    const std::string plot = part(page, "<svg class=\"dot-plot\"", "</svg>");
    // The widest is R1's +12.50: ticks of 5 up to ±15, so x runs from 242 (-15) to 740 (+15),
    // 0 at 491 and ±10 (the band) at 325 and 657.
    CHECK(plot.find("<rect class=\"band\" x=\"325\" y=\"22\" width=\"332\"") != std::string::npos);
    CHECK(plot.find("<line class=\"zero\" x1=\"491\"") != std::string::npos);
    CHECK(plot.find(">-15</text>") != std::string::npos);
    CHECK(plot.find(">+15</text>") != std::string::npos);
    // R1 flagged: its row marked, a larger dot at +12.5 (491 + 12.5/15 × 249 = 698.5).
    const std::string r1 = part(plot, "<g class=\"dot-row flagged\" data-reviewer=\"R1\">", "</g>");
    CHECK(r1.find("<circle class=\"dot\" cx=\"698.5\" cy=\"38\" r=\"6\"/>") != std::string::npos);
    CHECK(r1.find("⚠ +12.50</text>") != std::string::npos);
    // R2 not flagged, at -1.25 (491 - 20.75 = 470.25, rounded half away to 470.2).
    const std::string r2 = part(plot, "<g class=\"dot-row\" data-reviewer=\"R2\">", "</g>");
    CHECK(r2.find("<circle class=\"dot\" cx=\"470.2\" cy=\"62\" r=\"5\"/>") != std::string::npos);
    // R4 has no leniency: no dot, a dash.
    const std::string r4 = part(plot, "<g class=\"dot-row\" data-reviewer=\"R4\">", "</g>");
    CHECK(r4.find("<circle") == std::string::npos);
    CHECK(r4.find(">-</text>") != std::string::npos);
    // The reviewers' table flags the same reviewer.
    CHECK(page.find("<tr data-reviewer=\"R1\" class=\"flagged\">") != std::string::npos);
    CHECK(page.find("<tr data-reviewer=\"R2\">") != std::string::npos);
}

TEST_CASE("panel html: names of the inputs are escaped", "[panel][report]") {
    const std::string page = html();
    CHECK(page.find("<Minsu>") == std::string::npos);
    CHECK(page.find("Kim &lt;Minsu&gt; | Jr (R1)") != std::string::npos);  // table and plot
    CHECK(page.find("Offsets that move them: Kim &lt;Minsu&gt; | Jr (R1), Lee Seoyeon (R2)") !=
          std::string::npos);
}

TEST_CASE("panel html: alpha undefined, the flips, in Korean", "[panel][report]") {
    const std::string page = html(kcity::Lang::ko, false);
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"ko\">"));
    CHECK(page.find("<dt>크리펜도르프 알파 (등간)</dt><dd class=\"words\">계산 불가</dd>") !=
          std::string::npos);
    CHECK(grid_row(page, "P1").find("<td class=\"cell conflict\" data-reviewer=\"R2\">제척</td>") !=
          std::string::npos);
    CHECK(
        grid_row(page, "P1").find("<td class=\"cell missing\" data-reviewer=\"R4\">미평가</td>") !=
        std::string::npos);
    CHECK(grid_row(page, "P1").find("<small>절사</small>") != std::string::npos);
    // R2's Korean name under its id in the grid's head.
    CHECK(page.find("<th class=\"rev\" data-reviewer=\"R2\">R2<small>이서연</small></th>") !=
          std::string::npos);
    CHECK(part(page, "<h3>보정 전환 시 달라지는 선정</h3>", "</ul>") ==
          "<h3>보정 전환 시 달라지는 선정</h3>\n<p class=\"flips\">보정을 켜면:</p>\n"
          "<ul class=\"flips\">\n<li>전환 시에만 선정: P3</li>\n<li>전환 시 선정 제외: P2</li>\n"
          "<li>영향을 준 평가위원 보정값: Kim &lt;Minsu&gt; | Jr (R1), 이서연 (R2)</li>\n");
}

TEST_CASE("panel html: a track with no reviewer and no proposal", "[panel][report]") {
    auto built = panel_fixture::build();
    built->analysis.tracks[0].reviewers.clear();
    built->analysis.tracks[0].proposals.clear();
    const std::string page = kcity::render_panel_html(built->analysis, kcity::Lang::en);
    // No empty table, no plot with no rows: the words instead.
    CHECK(page.find("<svg") == std::string::npos);
    CHECK(page.find("<table") == std::string::npos);
    CHECK(part(page, "<h3>Reviewers</h3>", "<h3>What") ==
          "<h3>Reviewers</h3>\n<p>(none)</p>\n<h3>Reviewer × proposal</h3>\n<p>(none)</p>\n");
}
