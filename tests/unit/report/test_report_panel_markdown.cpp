// `kcity panel`'s Markdown (SPEC §10), on an analysis built by hand (panel_fixture.hpp): the
// track's lines, the reviewers' and proposals' tables, the flips, in English and Korean.
#include <catch2/catch.hpp>
#include <string>

#include "panel_fixture.hpp"

using panel_fixture::part;

TEST_CASE("panel markdown: the track's lines and the reviewers' table, in English",
          "[panel][report]") {
    auto built = panel_fixture::build();
    const std::string md = kcity::render_panel_markdown(built->analysis, kcity::Lang::en);
    CHECK(md.starts_with("# Test programme 2023 — How the panel scored\n\n- Rules: `rules`\n"));
    CHECK(part(md, "## Test t (t)", "### Reviewers") ==
          "## Test t (t)\n\n"
          "- Krippendorff's alpha (interval): 0.412\n"
          "- Mean spread: 7.50\n"
          "- Calibration (panel.calibrate: offset) is off\n"
          "- Leniency warned beyond ±10.00 (10% of the highest possible total, 100.00)\n\n");
    CHECK(
        part(md, "### Reviewers", "### Proposals") ==
        "### Reviewers\n\n"
        "| Reviewer | Reviews | Conflicts | Trimmed low | Trimmed high | Mean total | Leniency | "
        "Consistency | Offset | Missing | Notes |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n"
        // The pipe of the name escaped; the flag's mark and words; flat.
        "| Kim &lt;Minsu> \\| Jr (R1) | 2 | 0 | 0 | 1 | 85.00 | +12.50 | - | +8.75 | P3 | flat; ⚠ "
        "beyond 10% of the highest possible total |\n"
        "| Lee Seoyeon (R2) | 2 | 1 | 2 | 0 | 70.00 | -1.25 | 0.50 | -1.25 | - |  |\n"
        // A member whose name is their id is named once; one who is not in panel.yaml by id.
        "| R3 | 3 | 0 | 0 | 0 | 60.00 | 0.00 | - | 0.00 | - |  |\n"
        "| R4 | 1 | 1 | 0 | 0 | 90.00 | - | - | - | - |  |\n\n");
}

TEST_CASE("panel markdown: the proposals' spread and the flips", "[panel][report]") {
    auto built = panel_fixture::build();
    const std::string md = kcity::render_panel_markdown(built->analysis, kcity::Lang::en);
    CHECK(part(md, "### Proposals", "### What") ==
          "### Proposals\n\n"
          "| Proposal | Title | Status | Spread |\n"
          "|---|---|---|---:|\n"
          "| P1 | Proposal P1 | selected | 20.00 |\n"
          "| P2 | Proposal P2 | selected | 15.00 |\n"
          "| P3 | Proposal P3 | selected | 2.00 |\n\n");
    // Calibration is off in the rules: the switch turns it on.
    CHECK(
        md.ends_with("### What switching calibration would change\n\n"
                     "With calibration switched on:\n\n"
                     "- Selected only with the switch: P3\n"
                     "- Selected only without the switch: P2\n"
                     "- Offsets that move them: Kim &lt;Minsu> \\| Jr (R1), Lee Seoyeon (R2)\n"));
}

TEST_CASE("panel markdown: no flip, alpha undefined, calibration on", "[panel][report]") {
    auto built = panel_fixture::build(false, true, false);
    const std::string md = kcity::render_panel_markdown(built->analysis, kcity::Lang::en);
    CHECK(md.find("- Krippendorff's alpha (interval): undefined\n") != std::string::npos);
    CHECK(md.find("- Calibration (panel.calibrate: offset) is on\n") != std::string::npos);
    CHECK(md.ends_with("With calibration switched off:\n\n- No selection would change\n"));
}

TEST_CASE("panel markdown: in Korean", "[panel][report]") {
    auto built = panel_fixture::build(false, true, true);
    const std::string md = kcity::render_panel_markdown(built->analysis, kcity::Lang::ko);
    CHECK(md.starts_with("# Test programme 2023 — 평가위원단 분석\n"));
    CHECK(part(md, "## 시험 (t)", "### 평가위원별") ==
          "## 시험 (t)\n\n"
          "- 크리펜도르프 알파 (등간): 계산 불가\n"
          "- 평균 점수 폭: 7.50\n"
          "- 평가위원 보정(offset) 적용 중\n"
          "- 관대도 경고 기준: ±10.00 (최고 가능 총점 100.00의 10%)\n\n");
    // The Korean name of R2; the notes in Korean.
    CHECK(md.find("| 이서연 (R2) | 2 | 1 | 2 | 0 | 70.00 | -1.25 | 0.50 | -1.25 | - |  |\n") !=
          std::string::npos);
    CHECK(md.find("| 전부 같은 점수; ⚠ 최고 가능 총점의 10% 초과 |\n") != std::string::npos);
    CHECK(
        md.ends_with("### 보정 전환 시 달라지는 선정\n\n보정을 끄면:\n\n"
                     "- 전환 시에만 선정: P3\n"
                     "- 전환 시 선정 제외: P2\n"
                     "- 영향을 준 평가위원 보정값: Kim &lt;Minsu> \\| Jr (R1), 이서연 (R2)\n"));
}

TEST_CASE("panel markdown: a track with no reviewer and no proposal", "[panel][report]") {
    auto built = panel_fixture::build();
    built->analysis.tracks[0].reviewers.clear();
    built->analysis.tracks[0].proposals.clear();
    const std::string md = kcity::render_panel_markdown(built->analysis, kcity::Lang::en);
    CHECK(part(md, "### Reviewers", "### What") ==
          "### Reviewers\n\n(none)\n\n### Proposals\n\n(none)\n\n");
}
