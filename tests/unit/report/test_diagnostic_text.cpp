#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "kcity/report/diagnostic_text.hpp"
#include "kcity/report/i18n.hpp"

using namespace kcity;

TEST_CASE("lang: LC_ALL, then LC_MESSAGES, then LANG, an empty variable counts as unset") {
    CHECK(lang_from_environment(nullptr, nullptr, nullptr) == Lang::en);
    CHECK(lang_from_environment(nullptr, nullptr, "ko_KR.UTF-8") == Lang::ko);
    CHECK(lang_from_environment(nullptr, "ko_KR.UTF-8", "en_US.UTF-8") == Lang::ko);
    CHECK(lang_from_environment(nullptr, "C", "ko_KR.UTF-8") == Lang::en);
    CHECK(lang_from_environment("ko_KR.UTF-8", "C", "en_US.UTF-8") == Lang::ko);
    CHECK(lang_from_environment("en_US.UTF-8", "ko_KR.UTF-8", "ko_KR.UTF-8") == Lang::en);
    CHECK(lang_from_environment("", "", "ko_KR.UTF-8") == Lang::ko);
    CHECK(lang_from_environment("", "ko", "") == Lang::ko);
    CHECK(lang_from_environment("C.UTF-8", "", "ko_KR.UTF-8") == Lang::en);
    CHECK(lang_from_environment("", "", "") == Lang::en);
}

TEST_CASE("diagnostic text: a message in Korean keeps its values verbatim") {
    CHECK(diagnostic_message("`city` is empty", Lang::ko) == "`city` 항목이 비어 있습니다");
    CHECK(diagnostic_message("`city` is empty", Lang::en) == "`city` is empty");
    CHECK(diagnostic_message("unknown key `contry` in `applicant` (did you mean `country`?)",
                             Lang::ko) ==
          "`applicant`에 알 수 없는 키 `contry`이(가) 있습니다 (`country`의 오타입니까?)");
    CHECK(diagnostic_message("unknown key `domian` in a proposal", Lang::ko) ==
          "신청서에 알 수 없는 키 `domian`이(가) 있습니다");
    // A part of a message translated inside it: what the value was.
    CHECK(diagnostic_message("`domain` must be text, not a list", Lang::ko) ==
          "`domain`은(는) 텍스트여야 합니다(목록은(는) 쓸 수 없습니다)");
    CHECK(diagnostic_message("the score of `importance` must be from 0 to 30, not 31 (sheet "
                             "평가표, cell C3)",
                             Lang::ko) ==
          "`importance` 점수은(는) 0부터 30까지여야 합니다(31은(는) 범위 밖입니다) (시트 평가표, "
          "셀 C3)");
    // The place of a review given before, in a workbook: its sheet and cell in Korean too.
    CHECK(diagnostic_message("reviewer `R1` already reviewed `P1` at s/book.xlsx:2, sheet 평가표, "
                             "cell A2 (sheet 추가 평가, cell A2)",
                             Lang::ko) ==
          "평가위원 `R1`은(는) 이미 s/book.xlsx:2, 시트 평가표, 셀 A2에서 `P1`을(를) "
          "평가했습니다 (시트 추가 평가, 셀 A2)");
    CHECK(diagnostic_message("reviewer `R1` already reviewed `P1` at s/a.csv:2", Lang::ko) ==
          "평가위원 `R1`은(는) 이미 s/a.csv:2에서 `P1`을(를) 평가했습니다");
    // A message the table has no shape for stays as it is.
    CHECK(diagnostic_message("something new", Lang::ko) == "something new");
    CHECK_FALSE(korean_message("something new"));
}

TEST_CASE("diagnostic text: a line keeps FILE:LINE:COLUMN and the English error word") {
    CHECK(localized_line("a.yaml:3:5: error: `city` is empty", Lang::ko) ==
          "a.yaml:3:5: error: `city` 항목이 비어 있습니다");
    CHECK(localized_line("kcity: warning: `city` is empty", Lang::ko) ==
          "kcity: warning: `city` 항목이 비어 있습니다");
    CHECK(localized_line("kcity: note: no rules folder found; using the built-in 2023 rules",
                         Lang::ko) ==
          "kcity: note: 규칙 폴더가 없어 기본 제공 2023년 규칙을 사용합니다");
    CHECK(localized_line("a.yaml:3:5: error: `city` is empty", Lang::en) ==
          "a.yaml:3:5: error: `city` is empty");
    CHECK(localized_line("not a diagnostic", Lang::ko) == "not a diagnostic");
}

TEST_CASE("diagnostic text: every Korean names only values its English has") {
    for (const auto& s : diagnostic_shapes()) {
        INFO(s.en);
        std::size_t holes = 0;
        for (auto at = s.en.find("{}"); at != std::string_view::npos; at = s.en.find("{}", at + 2))
            ++holes;
        std::size_t named = 0;
        for (std::size_t i = 0; i + 1 < s.ko.size(); ++i)
            if (s.ko[i] == '{' && s.ko[i + 1] >= '0' && s.ko[i + 1] <= '9') {
                CHECK(static_cast<std::size_t>(s.ko[i + 1] - '0') < holes);
                ++named;
            }
        // Every value the English carries is in the Korean too.
        CHECK(named >= holes);
        // And it is Korean: a syllable's first byte in UTF-8 is 0xEA to 0xED.
        CHECK(std::any_of(s.ko.begin(), s.ko.end(), [](char ch) {
            auto u = static_cast<unsigned char>(ch);
            return u >= 0xEA && u <= 0xED;
        }));
    }
}
