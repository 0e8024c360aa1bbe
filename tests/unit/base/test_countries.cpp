#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "kcity/base/countries.hpp"

using kcity::all_countries;
using kcity::find_country;
using kcity::suggest_country;

TEST_CASE("countries: all 249 assigned codes, sorted and unique", "[countries]") {
    auto countries = all_countries();
    REQUIRE(countries.size() == 249);
    std::set<std::string_view> codes;
    for (std::size_t i = 0; i < countries.size(); ++i) {
        const kcity::Country& c = countries[i];
        INFO(c.code);
        REQUIRE(c.code.size() == 2);
        CHECK(c.code[0] >= 'A');
        CHECK(c.code[0] <= 'Z');
        CHECK(c.code[1] >= 'A');
        CHECK(c.code[1] <= 'Z');
        CHECK_FALSE(c.en.empty());
        CHECK_FALSE(c.ko.empty());
        if (i > 0) CHECK(countries[i - 1].code < c.code);
        codes.insert(c.code);
        CHECK(find_country(c.code) == &c);
    }
    CHECK(codes.size() == 249);
    CHECK(countries.front().code == "AD");
    CHECK(countries.back().code == "ZW");
}

TEST_CASE("countries: names in English and Korean", "[countries]") {
    struct Expected {
        std::string_view code, en, ko;
    };
    for (const Expected& e : {
             Expected{"UA", "Ukraine", "우크라이나"},
             Expected{"KR", "Republic of Korea", "대한민국"},
             Expected{"VN", "Vietnam", "베트남"},
             Expected{"ID", "Indonesia", "인도네시아"},
             Expected{"EG", "Egypt", "이집트"},
             Expected{"KG", "Kyrgyzstan", "키르기스스탄"},
             Expected{"TH", "Thailand", "태국"},
             Expected{"GB", "United Kingdom", "영국"},
             Expected{"US", "United States", "미국"},
             Expected{"AU", "Australia", "호주"},
             Expected{"LA", "Laos", "라오스"},
             Expected{"TR", "Türkiye", "튀르키예"},
             Expected{"CD", "Democratic Republic of the Congo", "콩고민주공화국"},
         }) {
        const kcity::Country* c = find_country(e.code);
        INFO(e.code);
        REQUIRE(c != nullptr);
        CHECK(c->code == e.code);
        CHECK(c->en == e.en);
        CHECK(c->ko == e.ko);
    }
}

TEST_CASE("countries: find_country takes only assigned upper-case codes", "[countries]") {
    CHECK(find_country("ua") == nullptr);
    CHECK(find_country("Ua") == nullptr);
    CHECK(find_country("UK") == nullptr);  // reserved, not assigned: the code is GB
    CHECK(find_country("EU") == nullptr);
    CHECK(find_country("XK") == nullptr);  // user-assigned, not ISO
    CHECK(find_country("AA") == nullptr);
    CHECK(find_country("ZZ") == nullptr);
    CHECK(find_country("UKR") == nullptr);
    CHECK(find_country("U") == nullptr);
    CHECK(find_country("") == nullptr);
    CHECK(find_country("A") == nullptr);
    CHECK(find_country("ZX") == nullptr);
}

TEST_CASE("countries: suggest_country", "[countries]") {
    CHECK(suggest_country("UKR") == "UA");
    CHECK(suggest_country("KOR") == "KR");
    CHECK(suggest_country("VNM") == "VN");
    CHECK(suggest_country("IDN") == "ID");
    CHECK(suggest_country("ukr") == "UA");
    CHECK(suggest_country("ua") == "UA");
    CHECK(suggest_country("Kr") == "KR");
    CHECK(suggest_country("UK") == "GB");
    CHECK(suggest_country("EL") == "GR");
    CHECK(suggest_country("Ukraine") == "UA");
    CHECK(suggest_country("viet nam") == "");  // only exact names
    CHECK(suggest_country("vietnam") == "VN");
    CHECK(suggest_country("우크라이나") == "UA");
    CHECK(suggest_country("XYZ") == "");
    CHECK(suggest_country("XX") == "");
    CHECK(suggest_country("") == "");
    CHECK(suggest_country("Atlantis") == "");
}

TEST_CASE("countries: every alpha-3 suggestion is an assigned code", "[countries]") {
    for (const char* code : {"AFG", "ZWE", "USA", "GBR", "CHN", "JPN", "EGY", "KGZ", "THA"}) {
        std::string_view alpha2 = suggest_country(code);
        INFO(code);
        REQUIRE_FALSE(alpha2.empty());
        CHECK(find_country(alpha2) != nullptr);
    }
    CHECK(suggest_country("GBR") == "GB");
    CHECK(suggest_country("CHN") == "CN");
    CHECK(suggest_country("ZWE") == "ZW");
}
