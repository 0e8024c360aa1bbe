// ISO 3166-1 alpha-2 codes. English names are the ISO short names, shortened where ISO's
// inverted form ("Korea, Republic of") would read badly in a report; Korean names follow the
// Korean government's usage (외교부 국가명).
#include "kcity/base/countries.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace kcity {
namespace {

constexpr std::array<Country, 249> countries{{
    {"AD", "Andorra", "안도라"},
    {"AE", "United Arab Emirates", "아랍에미리트"},
    {"AF", "Afghanistan", "아프가니스탄"},
    {"AG", "Antigua and Barbuda", "앤티가바부다"},
    {"AI", "Anguilla", "앵귈라"},
    {"AL", "Albania", "알바니아"},
    {"AM", "Armenia", "아르메니아"},
    {"AO", "Angola", "앙골라"},
    {"AQ", "Antarctica", "남극"},
    {"AR", "Argentina", "아르헨티나"},
    {"AS", "American Samoa", "아메리칸사모아"},
    {"AT", "Austria", "오스트리아"},
    {"AU", "Australia", "호주"},
    {"AW", "Aruba", "아루바"},
    {"AX", "Åland Islands", "올란드제도"},
    {"AZ", "Azerbaijan", "아제르바이잔"},
    {"BA", "Bosnia and Herzegovina", "보스니아헤르체고비나"},
    {"BB", "Barbados", "바베이도스"},
    {"BD", "Bangladesh", "방글라데시"},
    {"BE", "Belgium", "벨기에"},
    {"BF", "Burkina Faso", "부르키나파소"},
    {"BG", "Bulgaria", "불가리아"},
    {"BH", "Bahrain", "바레인"},
    {"BI", "Burundi", "부룬디"},
    {"BJ", "Benin", "베냉"},
    {"BL", "Saint Barthélemy", "생바르텔레미"},
    {"BM", "Bermuda", "버뮤다"},
    {"BN", "Brunei", "브루나이"},
    {"BO", "Bolivia", "볼리비아"},
    {"BQ", "Bonaire, Sint Eustatius and Saba", "보네르·신트외스타티위스·사바"},
    {"BR", "Brazil", "브라질"},
    {"BS", "Bahamas", "바하마"},
    {"BT", "Bhutan", "부탄"},
    {"BV", "Bouvet Island", "부베섬"},
    {"BW", "Botswana", "보츠와나"},
    {"BY", "Belarus", "벨라루스"},
    {"BZ", "Belize", "벨리즈"},
    {"CA", "Canada", "캐나다"},
    {"CC", "Cocos (Keeling) Islands", "코코스제도"},
    {"CD", "Democratic Republic of the Congo", "콩고민주공화국"},
    {"CF", "Central African Republic", "중앙아프리카공화국"},
    {"CG", "Republic of the Congo", "콩고공화국"},
    {"CH", "Switzerland", "스위스"},
    {"CI", "Côte d'Ivoire", "코트디부아르"},
    {"CK", "Cook Islands", "쿡제도"},
    {"CL", "Chile", "칠레"},
    {"CM", "Cameroon", "카메룬"},
    {"CN", "China", "중국"},
    {"CO", "Colombia", "콜롬비아"},
    {"CR", "Costa Rica", "코스타리카"},
    {"CU", "Cuba", "쿠바"},
    {"CV", "Cabo Verde", "카보베르데"},
    {"CW", "Curaçao", "퀴라소"},
    {"CX", "Christmas Island", "크리스마스섬"},
    {"CY", "Cyprus", "키프로스"},
    {"CZ", "Czechia", "체코"},
    {"DE", "Germany", "독일"},
    {"DJ", "Djibouti", "지부티"},
    {"DK", "Denmark", "덴마크"},
    {"DM", "Dominica", "도미니카연방"},
    {"DO", "Dominican Republic", "도미니카공화국"},
    {"DZ", "Algeria", "알제리"},
    {"EC", "Ecuador", "에콰도르"},
    {"EE", "Estonia", "에스토니아"},
    {"EG", "Egypt", "이집트"},
    {"EH", "Western Sahara", "서사하라"},
    {"ER", "Eritrea", "에리트레아"},
    {"ES", "Spain", "스페인"},
    {"ET", "Ethiopia", "에티오피아"},
    {"FI", "Finland", "핀란드"},
    {"FJ", "Fiji", "피지"},
    {"FK", "Falkland Islands", "포클랜드제도"},
    {"FM", "Micronesia", "미크로네시아"},
    {"FO", "Faroe Islands", "페로제도"},
    {"FR", "France", "프랑스"},
    {"GA", "Gabon", "가봉"},
    {"GB", "United Kingdom", "영국"},
    {"GD", "Grenada", "그레나다"},
    {"GE", "Georgia", "조지아"},
    {"GF", "French Guiana", "프랑스령 기아나"},
    {"GG", "Guernsey", "건지섬"},
    {"GH", "Ghana", "가나"},
    {"GI", "Gibraltar", "지브롤터"},
    {"GL", "Greenland", "그린란드"},
    {"GM", "Gambia", "감비아"},
    {"GN", "Guinea", "기니"},
    {"GP", "Guadeloupe", "과들루프"},
    {"GQ", "Equatorial Guinea", "적도기니"},
    {"GR", "Greece", "그리스"},
    {"GS", "South Georgia and the South Sandwich Islands", "사우스조지아·사우스샌드위치제도"},
    {"GT", "Guatemala", "과테말라"},
    {"GU", "Guam", "괌"},
    {"GW", "Guinea-Bissau", "기니비사우"},
    {"GY", "Guyana", "가이아나"},
    {"HK", "Hong Kong", "홍콩"},
    {"HM", "Heard Island and McDonald Islands", "허드·맥도널드제도"},
    {"HN", "Honduras", "온두라스"},
    {"HR", "Croatia", "크로아티아"},
    {"HT", "Haiti", "아이티"},
    {"HU", "Hungary", "헝가리"},
    {"ID", "Indonesia", "인도네시아"},
    {"IE", "Ireland", "아일랜드"},
    {"IL", "Israel", "이스라엘"},
    {"IM", "Isle of Man", "맨섬"},
    {"IN", "India", "인도"},
    {"IO", "British Indian Ocean Territory", "영국령 인도양 지역"},
    {"IQ", "Iraq", "이라크"},
    {"IR", "Iran", "이란"},
    {"IS", "Iceland", "아이슬란드"},
    {"IT", "Italy", "이탈리아"},
    {"JE", "Jersey", "저지섬"},
    {"JM", "Jamaica", "자메이카"},
    {"JO", "Jordan", "요르단"},
    {"JP", "Japan", "일본"},
    {"KE", "Kenya", "케냐"},
    {"KG", "Kyrgyzstan", "키르기스스탄"},
    {"KH", "Cambodia", "캄보디아"},
    {"KI", "Kiribati", "키리바시"},
    {"KM", "Comoros", "코모로"},
    {"KN", "Saint Kitts and Nevis", "세인트키츠네비스"},
    {"KP", "North Korea", "북한"},
    {"KR", "Republic of Korea", "대한민국"},
    {"KW", "Kuwait", "쿠웨이트"},
    {"KY", "Cayman Islands", "케이맨제도"},
    {"KZ", "Kazakhstan", "카자흐스탄"},
    {"LA", "Laos", "라오스"},
    {"LB", "Lebanon", "레바논"},
    {"LC", "Saint Lucia", "세인트루시아"},
    {"LI", "Liechtenstein", "리히텐슈타인"},
    {"LK", "Sri Lanka", "스리랑카"},
    {"LR", "Liberia", "라이베리아"},
    {"LS", "Lesotho", "레소토"},
    {"LT", "Lithuania", "리투아니아"},
    {"LU", "Luxembourg", "룩셈부르크"},
    {"LV", "Latvia", "라트비아"},
    {"LY", "Libya", "리비아"},
    {"MA", "Morocco", "모로코"},
    {"MC", "Monaco", "모나코"},
    {"MD", "Moldova", "몰도바"},
    {"ME", "Montenegro", "몬테네그로"},
    {"MF", "Saint Martin (French part)", "생마르탱(프랑스령)"},
    {"MG", "Madagascar", "마다가스카르"},
    {"MH", "Marshall Islands", "마셜제도"},
    {"MK", "North Macedonia", "북마케도니아"},
    {"ML", "Mali", "말리"},
    {"MM", "Myanmar", "미얀마"},
    {"MN", "Mongolia", "몽골"},
    {"MO", "Macao", "마카오"},
    {"MP", "Northern Mariana Islands", "북마리아나제도"},
    {"MQ", "Martinique", "마르티니크"},
    {"MR", "Mauritania", "모리타니"},
    {"MS", "Montserrat", "몬트세랫"},
    {"MT", "Malta", "몰타"},
    {"MU", "Mauritius", "모리셔스"},
    {"MV", "Maldives", "몰디브"},
    {"MW", "Malawi", "말라위"},
    {"MX", "Mexico", "멕시코"},
    {"MY", "Malaysia", "말레이시아"},
    {"MZ", "Mozambique", "모잠비크"},
    {"NA", "Namibia", "나미비아"},
    {"NC", "New Caledonia", "누벨칼레도니"},
    {"NE", "Niger", "니제르"},
    {"NF", "Norfolk Island", "노퍽섬"},
    {"NG", "Nigeria", "나이지리아"},
    {"NI", "Nicaragua", "니카라과"},
    {"NL", "Netherlands", "네덜란드"},
    {"NO", "Norway", "노르웨이"},
    {"NP", "Nepal", "네팔"},
    {"NR", "Nauru", "나우루"},
    {"NU", "Niue", "니우에"},
    {"NZ", "New Zealand", "뉴질랜드"},
    {"OM", "Oman", "오만"},
    {"PA", "Panama", "파나마"},
    {"PE", "Peru", "페루"},
    {"PF", "French Polynesia", "프랑스령 폴리네시아"},
    {"PG", "Papua New Guinea", "파푸아뉴기니"},
    {"PH", "Philippines", "필리핀"},
    {"PK", "Pakistan", "파키스탄"},
    {"PL", "Poland", "폴란드"},
    {"PM", "Saint Pierre and Miquelon", "생피에르·미클롱"},
    {"PN", "Pitcairn", "핏케언제도"},
    {"PR", "Puerto Rico", "푸에르토리코"},
    {"PS", "Palestine", "팔레스타인"},
    {"PT", "Portugal", "포르투갈"},
    {"PW", "Palau", "팔라우"},
    {"PY", "Paraguay", "파라과이"},
    {"QA", "Qatar", "카타르"},
    {"RE", "Réunion", "레위니옹"},
    {"RO", "Romania", "루마니아"},
    {"RS", "Serbia", "세르비아"},
    {"RU", "Russia", "러시아"},
    {"RW", "Rwanda", "르완다"},
    {"SA", "Saudi Arabia", "사우디아라비아"},
    {"SB", "Solomon Islands", "솔로몬제도"},
    {"SC", "Seychelles", "세이셸"},
    {"SD", "Sudan", "수단"},
    {"SE", "Sweden", "스웨덴"},
    {"SG", "Singapore", "싱가포르"},
    {"SH", "Saint Helena, Ascension and Tristan da Cunha", "세인트헬레나·어센션·트리스탄다쿠냐"},
    {"SI", "Slovenia", "슬로베니아"},
    {"SJ", "Svalbard and Jan Mayen", "스발바르·얀마옌"},
    {"SK", "Slovakia", "슬로바키아"},
    {"SL", "Sierra Leone", "시에라리온"},
    {"SM", "San Marino", "산마리노"},
    {"SN", "Senegal", "세네갈"},
    {"SO", "Somalia", "소말리아"},
    {"SR", "Suriname", "수리남"},
    {"SS", "South Sudan", "남수단"},
    {"ST", "Sao Tome and Principe", "상투메프린시페"},
    {"SV", "El Salvador", "엘살바도르"},
    {"SX", "Sint Maarten (Dutch part)", "신트마르턴(네덜란드령)"},
    {"SY", "Syria", "시리아"},
    {"SZ", "Eswatini", "에스와티니"},
    {"TC", "Turks and Caicos Islands", "터크스·케이커스제도"},
    {"TD", "Chad", "차드"},
    {"TF", "French Southern Territories", "프랑스령 남방 및 남극 지역"},
    {"TG", "Togo", "토고"},
    {"TH", "Thailand", "태국"},
    {"TJ", "Tajikistan", "타지키스탄"},
    {"TK", "Tokelau", "토켈라우"},
    {"TL", "Timor-Leste", "동티모르"},
    {"TM", "Turkmenistan", "투르크메니스탄"},
    {"TN", "Tunisia", "튀니지"},
    {"TO", "Tonga", "통가"},
    {"TR", "Türkiye", "튀르키예"},
    {"TT", "Trinidad and Tobago", "트리니다드토바고"},
    {"TV", "Tuvalu", "투발루"},
    {"TW", "Taiwan", "대만"},
    {"TZ", "Tanzania", "탄자니아"},
    {"UA", "Ukraine", "우크라이나"},
    {"UG", "Uganda", "우간다"},
    {"UM", "United States Minor Outlying Islands", "미국령 군소 제도"},
    {"US", "United States", "미국"},
    {"UY", "Uruguay", "우루과이"},
    {"UZ", "Uzbekistan", "우즈베키스탄"},
    {"VA", "Holy See", "교황청"},
    {"VC", "Saint Vincent and the Grenadines", "세인트빈센트그레나딘"},
    {"VE", "Venezuela", "베네수엘라"},
    {"VG", "British Virgin Islands", "영국령 버진아일랜드"},
    {"VI", "U.S. Virgin Islands", "미국령 버진아일랜드"},
    {"VN", "Vietnam", "베트남"},
    {"VU", "Vanuatu", "바누아투"},
    {"WF", "Wallis and Futuna", "왈리스·퓌튀나"},
    {"WS", "Samoa", "사모아"},
    {"YE", "Yemen", "예멘"},
    {"YT", "Mayotte", "마요트"},
    {"ZA", "South Africa", "남아프리카공화국"},
    {"ZM", "Zambia", "잠비아"},
    {"ZW", "Zimbabwe", "짐바브웨"},
}};

struct Alpha3 {
    std::string_view alpha3;
    std::string_view alpha2;
};

// Applicants often write the alpha-3 code of passports and UN documents.
constexpr std::array<Alpha3, 249> alpha3_codes{{
    {"ABW", "AW"}, {"AFG", "AF"}, {"AGO", "AO"}, {"AIA", "AI"}, {"ALA", "AX"}, {"ALB", "AL"},
    {"AND", "AD"}, {"ARE", "AE"}, {"ARG", "AR"}, {"ARM", "AM"}, {"ASM", "AS"}, {"ATA", "AQ"},
    {"ATF", "TF"}, {"ATG", "AG"}, {"AUS", "AU"}, {"AUT", "AT"}, {"AZE", "AZ"}, {"BDI", "BI"},
    {"BEL", "BE"}, {"BEN", "BJ"}, {"BES", "BQ"}, {"BFA", "BF"}, {"BGD", "BD"}, {"BGR", "BG"},
    {"BHR", "BH"}, {"BHS", "BS"}, {"BIH", "BA"}, {"BLM", "BL"}, {"BLR", "BY"}, {"BLZ", "BZ"},
    {"BMU", "BM"}, {"BOL", "BO"}, {"BRA", "BR"}, {"BRB", "BB"}, {"BRN", "BN"}, {"BTN", "BT"},
    {"BVT", "BV"}, {"BWA", "BW"}, {"CAF", "CF"}, {"CAN", "CA"}, {"CCK", "CC"}, {"CHE", "CH"},
    {"CHL", "CL"}, {"CHN", "CN"}, {"CIV", "CI"}, {"CMR", "CM"}, {"COD", "CD"}, {"COG", "CG"},
    {"COK", "CK"}, {"COL", "CO"}, {"COM", "KM"}, {"CPV", "CV"}, {"CRI", "CR"}, {"CUB", "CU"},
    {"CUW", "CW"}, {"CXR", "CX"}, {"CYM", "KY"}, {"CYP", "CY"}, {"CZE", "CZ"}, {"DEU", "DE"},
    {"DJI", "DJ"}, {"DMA", "DM"}, {"DNK", "DK"}, {"DOM", "DO"}, {"DZA", "DZ"}, {"ECU", "EC"},
    {"EGY", "EG"}, {"ERI", "ER"}, {"ESH", "EH"}, {"ESP", "ES"}, {"EST", "EE"}, {"ETH", "ET"},
    {"FIN", "FI"}, {"FJI", "FJ"}, {"FLK", "FK"}, {"FRA", "FR"}, {"FRO", "FO"}, {"FSM", "FM"},
    {"GAB", "GA"}, {"GBR", "GB"}, {"GEO", "GE"}, {"GGY", "GG"}, {"GHA", "GH"}, {"GIB", "GI"},
    {"GIN", "GN"}, {"GLP", "GP"}, {"GMB", "GM"}, {"GNB", "GW"}, {"GNQ", "GQ"}, {"GRC", "GR"},
    {"GRD", "GD"}, {"GRL", "GL"}, {"GTM", "GT"}, {"GUF", "GF"}, {"GUM", "GU"}, {"GUY", "GY"},
    {"HKG", "HK"}, {"HMD", "HM"}, {"HND", "HN"}, {"HRV", "HR"}, {"HTI", "HT"}, {"HUN", "HU"},
    {"IDN", "ID"}, {"IMN", "IM"}, {"IND", "IN"}, {"IOT", "IO"}, {"IRL", "IE"}, {"IRN", "IR"},
    {"IRQ", "IQ"}, {"ISL", "IS"}, {"ISR", "IL"}, {"ITA", "IT"}, {"JAM", "JM"}, {"JEY", "JE"},
    {"JOR", "JO"}, {"JPN", "JP"}, {"KAZ", "KZ"}, {"KEN", "KE"}, {"KGZ", "KG"}, {"KHM", "KH"},
    {"KIR", "KI"}, {"KNA", "KN"}, {"KOR", "KR"}, {"KWT", "KW"}, {"LAO", "LA"}, {"LBN", "LB"},
    {"LBR", "LR"}, {"LBY", "LY"}, {"LCA", "LC"}, {"LIE", "LI"}, {"LKA", "LK"}, {"LSO", "LS"},
    {"LTU", "LT"}, {"LUX", "LU"}, {"LVA", "LV"}, {"MAC", "MO"}, {"MAF", "MF"}, {"MAR", "MA"},
    {"MCO", "MC"}, {"MDA", "MD"}, {"MDG", "MG"}, {"MDV", "MV"}, {"MEX", "MX"}, {"MHL", "MH"},
    {"MKD", "MK"}, {"MLI", "ML"}, {"MLT", "MT"}, {"MMR", "MM"}, {"MNE", "ME"}, {"MNG", "MN"},
    {"MNP", "MP"}, {"MOZ", "MZ"}, {"MRT", "MR"}, {"MSR", "MS"}, {"MTQ", "MQ"}, {"MUS", "MU"},
    {"MWI", "MW"}, {"MYS", "MY"}, {"MYT", "YT"}, {"NAM", "NA"}, {"NCL", "NC"}, {"NER", "NE"},
    {"NFK", "NF"}, {"NGA", "NG"}, {"NIC", "NI"}, {"NIU", "NU"}, {"NLD", "NL"}, {"NOR", "NO"},
    {"NPL", "NP"}, {"NRU", "NR"}, {"NZL", "NZ"}, {"OMN", "OM"}, {"PAK", "PK"}, {"PAN", "PA"},
    {"PCN", "PN"}, {"PER", "PE"}, {"PHL", "PH"}, {"PLW", "PW"}, {"PNG", "PG"}, {"POL", "PL"},
    {"PRI", "PR"}, {"PRK", "KP"}, {"PRT", "PT"}, {"PRY", "PY"}, {"PSE", "PS"}, {"PYF", "PF"},
    {"QAT", "QA"}, {"REU", "RE"}, {"ROU", "RO"}, {"RUS", "RU"}, {"RWA", "RW"}, {"SAU", "SA"},
    {"SDN", "SD"}, {"SEN", "SN"}, {"SGP", "SG"}, {"SGS", "GS"}, {"SHN", "SH"}, {"SJM", "SJ"},
    {"SLB", "SB"}, {"SLE", "SL"}, {"SLV", "SV"}, {"SMR", "SM"}, {"SOM", "SO"}, {"SPM", "PM"},
    {"SRB", "RS"}, {"SSD", "SS"}, {"STP", "ST"}, {"SUR", "SR"}, {"SVK", "SK"}, {"SVN", "SI"},
    {"SWE", "SE"}, {"SWZ", "SZ"}, {"SXM", "SX"}, {"SYC", "SC"}, {"SYR", "SY"}, {"TCA", "TC"},
    {"TCD", "TD"}, {"TGO", "TG"}, {"THA", "TH"}, {"TJK", "TJ"}, {"TKL", "TK"}, {"TKM", "TM"},
    {"TLS", "TL"}, {"TON", "TO"}, {"TTO", "TT"}, {"TUN", "TN"}, {"TUR", "TR"}, {"TUV", "TV"},
    {"TWN", "TW"}, {"TZA", "TZ"}, {"UGA", "UG"}, {"UKR", "UA"}, {"UMI", "UM"}, {"URY", "UY"},
    {"USA", "US"}, {"UZB", "UZ"}, {"VAT", "VA"}, {"VCT", "VC"}, {"VEN", "VE"}, {"VGB", "VG"},
    {"VIR", "VI"}, {"VNM", "VN"}, {"VUT", "VU"}, {"WLF", "WF"}, {"WSM", "WS"}, {"YEM", "YE"},
    {"ZAF", "ZA"}, {"ZMB", "ZM"}, {"ZWE", "ZW"},
}};

// Codes that ISO reserves for a country under another code, and that people do write.
constexpr std::array<Alpha3, 2> reserved_codes{{
    {"EL", "GR"},  // the European Union's code for Greece
    {"UK", "GB"},
}};

template <typename Table, typename Key>
constexpr bool is_sorted_by(const Table& table, Key key) {
    for (std::size_t i = 1; i < table.size(); ++i) {
        if (!(key(table[i - 1]) < key(table[i]))) return false;
    }
    return true;
}

static_assert(is_sorted_by(countries, [](const Country& c) { return c.code; }));
static_assert(is_sorted_by(alpha3_codes, [](const Alpha3& a) { return a.alpha3; }));

std::string upper_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string_view lookup_alpha3(std::string_view code) {
    auto it = std::lower_bound(alpha3_codes.begin(), alpha3_codes.end(), code,
                               [](const Alpha3& a, std::string_view k) { return a.alpha3 < k; });
    return it != alpha3_codes.end() && it->alpha3 == code ? it->alpha2 : std::string_view{};
}

std::string_view lookup_reserved(std::string_view code) {
    for (const Alpha3& r : reserved_codes) {
        if (r.alpha3 == code) return r.alpha2;
    }
    return {};
}

// "ukraine" or "우크라이나" for UA: a name where the code should be.
std::string_view lookup_name(std::string_view text) {
    const std::string upper = upper_ascii(text);
    for (const Country& c : countries) {
        if (upper_ascii(c.en) == upper || c.ko == text) return c.code;
    }
    return {};
}

}  // namespace

std::span<const Country> all_countries() {
    return countries;
}

const Country* find_country(std::string_view code) {
    auto it = std::lower_bound(countries.begin(), countries.end(), code,
                               [](const Country& c, std::string_view k) { return c.code < k; });
    return it != countries.end() && it->code == code ? &*it : nullptr;
}

std::string_view suggest_country(std::string_view text) {
    const std::string upper = upper_ascii(text);
    if (upper.size() == 2) {
        if (const Country* c = find_country(upper)) return c->code;
        return lookup_reserved(upper);
    }
    if (upper.size() == 3) return lookup_alpha3(upper);
    return lookup_name(text);
}

}  // namespace kcity
