// The Korean of every diagnostic and standard error message, by the English message's shape.
// The load and validate stages write their messages in English with the values in them; a
// shape is that English with `{}` where a value goes. The Korean names the values by number:
// {0} the first value as it is, {0~} the first value itself translated by the table (a
// message's part such as "a list" or "a number (12)"). Shapes are tried in order, so those
// that end a message (a "did you mean", the sheet's cell) come first and strip their part.
#include "kcity/report/diagnostic_text.hpp"

#include <array>
#include <vector>

namespace kcity {
namespace {

using Shape = DiagnosticShape;

// clang-format off
constexpr Shape shapes[] = {
    // What ends a message: a suggestion, where in a workbook, which rules.
    {"{} (did you mean `{}`?)", "{0~} (`{1}`의 오타입니까?)"},
    {"{} (did you mean `{}`, whose name this is?)", "{0~} (이 이름의 평가위원은 `{1}`입니다)"},
    {"{} (with the base rules)", "{0~} (기준 규칙 적용 시)"},
    {"{} (in the base state)", "{0~} (기준 상태)"},
    {"{} (sheet {}, cell {})", "{0~} (시트 {1}, 셀 {2})"},
    {"{} (quote it if it is meant as text)", "{0~} (텍스트라면 따옴표로 감싸십시오)"},
    {"{}; the rest of the file was not read", "{0~}. 파일의 나머지는 읽지 않았습니다"},
    {"{} ({} more aliases in this document)", "{0~} (이 문서에 별칭 {1}개 더 있음)"},
    {"{} ({} more anchors in this document)", "{0~} (이 문서에 앵커 {1}개 더 있음)"},
    {"{} (or more)", "{0~} (또는 그 이상)"},

    // Parts of messages: what a value is (load/yaml's describe, model's type_name).
    {"a map", "맵"},
    {"a list", "목록"},
    {"nothing (null)", "빈 값(null)"},
    {"nothing", "빈 값"},
    {"a boolean ({})", "참/거짓 값({0})"},
    {"a number ({})", "숫자({0})"},
    {"quoted text (\"{}\")", "따옴표로 감싼 텍스트(\"{0}\")"},
    {"text ({})", "텍스트({0})"},
    {"a boolean", "참/거짓 값"},
    {"a number", "숫자"},
    {"text", "텍스트"},
    {"a date", "날짜"},
    {"an amount of won", "원화 금액"},
    // What a key belongs to (load/yaml's Fields).
    {"a proposal", "신청서"},
    {"a review", "평가"},
    {"a reviewer", "평가위원"},
    {"a history entry", "선정 이력 항목"},
    {"the track rules", "분야 규칙"},
    {"the score of `{}`", "`{0}` 점수"},
    {"the committee's award", "위원회 결정 지원액"},
    {"a track id", "분야 id"},
    {"a proposal id", "신청서 id"},
    {"a reviewer id `{}`", "평가위원 id `{0}`"},
    {"an amount compared with `{}`", "`{0}`과(와) 비교하는 금액"},

    // Amounts, dates and numbers as written (base/money, base/date, base/decimal).
    {"{}: {} is float notation; write {} or {}", "{0~}: {1}은(는) 부동소수점 표기입니다. {2} 또는 {3}(으)로 쓰십시오"},
    {"{}: '{}' has a leading zero, which is ambiguous", "{0~}: '{1}'은(는) 앞에 0이 있어 뜻이 모호합니다"},
    {"{}: {} has a leading zero", "{0~}: {1}은(는) 앞에 0이 있습니다"},
    {"{}: '{}' has more than {} decimal places", "{0~}: '{1}'은(는) 소수점 이하 {2}자리를 넘습니다"},
    {"{}: {} is negative; an amount is 0 or more", "{0~}: {1}은(는) 음수입니다. 금액은 0 이상이어야 합니다"},
    {"{}: {} is more than 10^15 won", "{0~}: {1}은(는) 10^15원을 넘습니다"},
    {"{}: {} is not a whole number of won", "{0~}: {1}은(는) 원 단위의 정수가 아닙니다"},
    {"{}: {} has no unit after {}: write {} ({} won) or {} ({} won)", "{0~}: {1}에서 {2} 뒤에 단위가 없습니다. {3}({4}원) 또는 {5}({6}원)로 쓰십시오"},
    {"{}: {}: commas must separate the digits in groups of three", "{0~}: {1}: 쉼표는 숫자를 세 자리씩 나누어야 합니다"},
    {"{}: {}: the last term {} has no unit, so it must be below 10,000", "{0~}: {1}: 마지막 항 {2}에 단위가 없으므로 10,000 미만이어야 합니다"},
    {"{}: {} is not an amount: unexpected {}", "{0~}: {1}은(는) 금액이 아닙니다. 예상하지 못한 부분: {2}"},
    {"{}: terms out of order in {}: {} must be worth less than one {}", "{0~}: {1}의 항 순서가 잘못되었습니다. {2}은(는) 1{3}보다 작아야 합니다"},
    {"{}: {}: no amount after {}", "{0~}: {1}: {2} 뒤에 금액이 없습니다"},
    {"{}: {}: write whole won without a decimal point", "{0~}: {1}: 원 단위 정수를 소수점 없이 쓰십시오"},
    {"{}: {}: group the digits of a term with commas, not _", "{0~}: {1}: 항의 숫자는 _가 아니라 쉼표로 나누십시오"},
    {"{}: {}: mixes , and _ between digits", "{0~}: {1}: 숫자 사이에 ,와 _를 섞어 썼습니다"},
    {"{}: {} is not a date: expected YYYY-MM-DD (or YYYY.MM.DD) or YYYY-MM-DDTHH:MM[:SS], with an optional Z or ±HH:MM", "{0~}: {1}은(는) 날짜가 아닙니다. YYYY-MM-DD(또는 YYYY.MM.DD)나 YYYY-MM-DDTHH:MM[:SS] 형식으로 쓰고, Z 또는 ±HH:MM을 붙일 수 있습니다"},
    {"{}: {}: offset {} is not Z or ±HH:MM within ±18:00", "{0~}: {1}: 시차 {2}은(는) Z 또는 ±18:00 이내의 ±HH:MM이 아닙니다"},
    {"{}: {}: {} is not a time of day (hours 00-23, minutes and seconds 00-59)", "{0~}: {1}: {2}은(는) 올바른 시각이 아닙니다(시 00-23, 분·초 00-59)"},
    {"{}: {} is not a date", "{0~}: {1}은(는) 존재하지 않는 날짜입니다"},
    {"{} must be written as a plain decimal number, not {}", "{0~}은(는) 일반 십진수로 써야 합니다({1}은(는) 쓸 수 없습니다)"},
    {"{} `{}` has a decimal comma: did you mean {}?", "{0~} `{1}`에 소수점으로 쉼표를 썼습니다. {2}을(를) 뜻하셨습니까?"},
    {"the total `{}` has a decimal comma: did you mean {}?", "합계 `{0}`에 소수점으로 쉼표를 썼습니다. {1}을(를) 뜻하셨습니까?"},

    // Values of the wrong kind (load/yaml).
    {"{} must be a number, not quoted text (\"{}\"): remove the quotes", "{0~}은(는) 숫자여야 합니다. 따옴표로 감싼 텍스트(\"{1}\")이므로 따옴표를 지우십시오"},
    {"{} must be a number, not {}", "{0~}은(는) 숫자여야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"{} must be text, not {}", "{0~}은(는) 텍스트여야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"{} must be true or false, not {}", "{0~}은(는) true 또는 false여야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"{} must be an amount of won, not {}", "{0~}은(는) 원화 금액이어야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"{} must be a map of keys and values, not {}", "{0~}은(는) 키와 값의 맵이어야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"{} must be a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+09:00]), not {}", "{0~}은(는) 날짜(YYYY-MM-DD 또는 YYYY-MM-DDTHH:MM[:SS][+09:00])여야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"`results_date` must be a date (YYYY-MM-DD), not a date-time: the objection period counts calendar days", "`results_date`는 날짜(YYYY-MM-DD)여야 하며 일시는 쓸 수 없습니다. 이의신청 기간은 달력 날짜로 셉니다"},
    {"{} must be from {} to {}, not {}", "{0~}은(는) {1}부터 {2}까지여야 합니다({3}은(는) 범위 밖입니다)"},
    {"{} must be at most {}, not {}", "{0~}은(는) {1} 이하여야 합니다({2}은(는) 너무 큽니다)"},
    {"{} must be one of {}, not `{}`", "{0~}은(는) {1} 중 하나여야 합니다(`{2}`은(는) 쓸 수 없습니다)"},
    {"{} must be 1 to 64 letters, digits, '.', '_' or '-'", "{0~}은(는) 영문자, 숫자, '.', '_', '-'로 된 1~64자여야 합니다"},
    {"`{}` `{}` must be 1 to 64 letters, digits, '.', '_' or '-'", "`{0}` `{1}`은(는) 영문자, 숫자, '.', '_', '-'로 된 1~64자여야 합니다"},
    {"{} `{}` must be 1 to 64 letters, digits, '.', '_' or '-'", "{0~} `{1}`은(는) 영문자, 숫자, '.', '_', '-'로 된 1~64자여야 합니다"},
    {"{} must be a list", "{0~}은(는) 목록이어야 합니다"},
    {"`{}` must be a single value, not {}", "`{0}`은(는) 값 하나여야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"a key must be a plain word, not {}", "키는 단순한 단어여야 합니다({0~}은(는) 쓸 수 없습니다)"},
    {"{} has no `{}`, which is required", "{0~}에 필수 항목 `{1}`이(가) 없습니다"},
    {"{} has no `{}` value", "{0~}에 `{1}` 값이 없습니다"},
    {"unknown key `{}` in {}", "{1~}에 알 수 없는 키 `{0}`이(가) 있습니다"},
    {"unknown field `{}` (did you mean `{}`?); free data is tested as `attributes.NAME`", "알 수 없는 필드 `{0}`입니다(`{1}`의 오타입니까?). 자유 항목은 `attributes.NAME`으로 검사합니다"},
    {"unknown field `{}`; free data is tested as `attributes.NAME`", "알 수 없는 필드 `{0}`입니다. 자유 항목은 `attributes.NAME`으로 검사합니다"},
    {"duplicate key `{}` (first at line {}, column {})", "키 `{0}`이(가) 중복되었습니다(처음 나온 곳: {1}행 {2}열)"},
    {"duplicate key `{}` (first at line {})", "키 `{0}`이(가) 중복되었습니다(처음 나온 곳: {1}행)"},
    {"`{}` is empty", "`{0}` 항목이 비어 있습니다"},
    {"`{}` ({}) is empty", "`{0}`({1}) 항목이 비어 있습니다"},

    // YAML itself (load/yaml).
    {"YAML syntax: this quoted text is never closed: a closing quote is missing", "YAML 구문: 따옴표로 시작한 텍스트가 닫히지 않았습니다. 닫는 따옴표가 없습니다"},
    {"YAML syntax: YAML does not allow tabs for indentation; indent with spaces", "YAML 구문: YAML은 탭으로 들여쓸 수 없습니다. 공백으로 들여쓰십시오"},
    {"YAML syntax: a `,` cannot start a document; commas separate the items of [...] and {...}", "YAML 구문: 문서는 `,`로 시작할 수 없습니다. 쉼표는 [...]와 {...}의 항목을 나눕니다"},
    {"YAML syntax: the file cannot be read on from here", "YAML 구문: 이 위치부터 파일을 더 읽을 수 없습니다"},
    {"YAML syntax: {}", "YAML 구문: {0}"},
    {"anchors (&name) are not supported: write the value out in full", "앵커(&name)는 지원하지 않습니다. 값을 모두 풀어 쓰십시오"},
    {"aliases (*name) are not supported: write the value out in full", "별칭(*name)은 지원하지 않습니다. 값을 모두 풀어 쓰십시오"},
    {"merge keys (<<) are not supported: write the keys out in full", "병합 키(<<)는 지원하지 않습니다. 키를 모두 풀어 쓰십시오"},
    {"tags ({}) are not supported: remove the tag", "태그({0})는 지원하지 않습니다. 태그를 지우십시오"},
    {"nesting is deeper than {} levels of maps and lists", "맵과 목록이 {0}단계보다 깊게 중첩되었습니다"},
    {"nesting is too deep", "중첩이 너무 깊습니다"},
    {"a `%YAML` directive other than 1.2: kcity reads YAML 1.2 (`yes` is text, not a boolean); remove the directive", "1.2가 아닌 `%YAML` 지시어입니다. kcity는 YAML 1.2로 읽습니다(`yes`는 참/거짓 값이 아니라 텍스트). 지시어를 지우십시오"},
    {"a rules file holds one YAML document; this is a second one", "규칙 파일에는 YAML 문서가 하나만 있어야 합니다. 이것은 두 번째 문서입니다"},
    {"the file is empty", "파일이 비어 있습니다"},

    // Text and encodings (base/encoding, base/utf8).
    {"the file is not UTF-8; it was read as CP949 (Korean Windows), which decodes all of it (save it as UTF-8 to silence this note)", "파일이 UTF-8이 아니어서 CP949(한글 Windows)로 읽었으며, 파일 전체가 정상적으로 읽혔습니다(UTF-8로 저장하면 이 안내가 나오지 않습니다)"},
    {"the file is neither UTF-8 nor CP949 (Korean Windows) here; save it as UTF-8", "파일의 이 부분은 UTF-8도 CP949(한글 Windows)도 아닙니다. UTF-8로 저장하십시오"},
    {"the file is UTF-32; save it as UTF-8", "파일이 UTF-32입니다. UTF-8로 저장하십시오"},
    {"the file looks like UTF-16 without a byte-order mark (every other byte is 0); save it as UTF-8", "파일이 바이트 순서 표시(BOM) 없는 UTF-16으로 보입니다(한 바이트 걸러 0). UTF-8로 저장하십시오"},
    {"the file holds a control character ({}) here; only text, tabs and line breaks belong in it", "파일의 이 위치에 제어 문자({0})가 있습니다. 텍스트, 탭, 줄바꿈만 쓸 수 있습니다"},
    {"the text holds a bidirectional control ({}) at character {}; remove it: it can reorder what a report shows", "텍스트의 {1}번째 문자에 양방향 제어 문자({0})가 있습니다. 보고서에 표시되는 순서를 바꿀 수 있으므로 지우십시오"},
    {"the text holds a line break ({}) at character {}; a value is one line (fold a long one with `>-`)", "텍스트의 {1}번째 문자에 줄바꿈({0})이 있습니다. 값은 한 줄이어야 합니다(긴 값은 `>-`로 접으십시오)"},
    {"the text holds a {} ({}) at character {}; remove it", "텍스트의 {2}번째 문자에 {0~}({1})이(가) 있습니다. 지우십시오"},
    {"the text holds an {} ({}) at character {}; remove it", "텍스트의 {2}번째 문자에 {0~}({1})이(가) 있습니다. 지우십시오"},
    {"the cell holds a bidirectional control ({}) at character {}; remove it: it can reorder what a report shows", "셀의 {1}번째 문자에 양방향 제어 문자({0})가 있습니다. 보고서에 표시되는 순서를 바꿀 수 있으므로 지우십시오"},
    {"the cell holds a line break ({}) at character {}; a cell's value is one line: remove the line break (notes belong in `comment`)", "셀의 {1}번째 문자에 줄바꿈({0})이 있습니다. 셀 값은 한 줄이어야 하므로 줄바꿈을 지우십시오(메모는 `comment`에 쓰십시오)"},
    {"the cell holds a {} ({}) at character {}; remove it", "셀의 {2}번째 문자에 {0~}({1})이(가) 있습니다. 지우십시오"},
    {"the cell holds an {} ({}) at character {}; remove it", "셀의 {2}번째 문자에 {0~}({1})이(가) 있습니다. 지우십시오"},
    {"carriage return", "캐리지 리턴"},
    {"tab", "탭"},
    {"escape character", "이스케이프 문자"},
    {"control character", "제어 문자"},

    // Files and folders (load/files, load/discover, load/inputs).
    {"{}: no such file or folder", "{0}: 그런 파일이나 폴더가 없습니다"},
    {"{}: no such file", "{0}: 그런 파일이 없습니다"},
    {"this is {}, not a regular file: kcity reads only files", "{0}이며 일반 파일이 아닙니다. kcity는 파일만 읽습니다"},
    {"kcity does not read .{} spreadsheets: save the sheet as an Excel workbook (.xlsx) or as CSV UTF-8 (.csv)", "kcity는 .{0} 스프레드시트를 읽지 않습니다. Excel 통합 문서(.xlsx) 또는 CSV UTF-8(.csv)로 저장하십시오"},
    {"the name ends in .txt, which Windows Notepad adds: rename the file to {} to read it as a proposal file", "파일 이름이 Windows 메모장이 붙이는 .txt로 끝납니다. 신청서 파일로 읽히도록 이름을 {0}(으)로 바꾸십시오"},
    {"the name ends in .txt, which Windows Notepad adds: rename the file to {} to read it as a score sheet", "파일 이름이 Windows 메모장이 붙이는 .txt로 끝납니다. 평가표로 읽히도록 이름을 {0}(으)로 바꾸십시오"},
    {"ignored {} input: {}", "입력 {0}개를 무시했습니다: {1~}"},
    {"ignored {} inputs: {}", "입력 {0}개를 무시했습니다: {1~}"},
    {"{} file that is neither a proposal file (.yaml, .yml) nor a score sheet (.csv, .xlsx): {}", "신청서 파일(.yaml, .yml)도 평가표(.csv, .xlsx)도 아닌 파일 {0}개: {1}"},
    {"{} files that are neither a proposal file (.yaml, .yml) nor a score sheet (.csv, .xlsx): {}", "신청서 파일(.yaml, .yml)도 평가표(.csv, .xlsx)도 아닌 파일 {0}개: {1}"},
    {"cannot read the folder: {}; its files would be missing", "폴더를 읽을 수 없습니다: {0}. 폴더 안의 파일이 빠지게 됩니다"},
    {"cannot read the rules folder: {}", "규칙 폴더를 읽을 수 없습니다: {0}"},
    {"{} is open in Excel (this is Excel's lock file): changes not yet saved are not read", "{0} 파일이 Excel에서 열려 있습니다(Excel의 잠금 파일). 저장하지 않은 변경 내용은 읽지 않습니다"},

    // Workbooks and score sheets (load/xlsx, load/score_sheets, load/csv).
    {"not an Excel workbook (.xlsx): the file is not a zip archive", "Excel 통합 문서(.xlsx)가 아닙니다. 파일이 zip 압축 파일이 아닙니다"},
    {"not an Excel workbook (.xlsx): the zip archive has no xl/workbook.xml", "Excel 통합 문서(.xlsx)가 아닙니다. zip 파일에 xl/workbook.xml이 없습니다"},
    {"not an Excel workbook (.xlsx): {}", "Excel 통합 문서(.xlsx)가 아닙니다: {0}"},
    {"password-protected workbook: save it without a password", "암호로 보호된 통합 문서입니다. 암호 없이 저장하십시오"},
    {"the formula in this cell has no saved value: open the workbook in Excel and save it again", "이 셀의 수식에 저장된 값이 없습니다. Excel에서 통합 문서를 열어 다시 저장하십시오"},
    {"the score sheet is empty: it needs a header row", "평가표가 비어 있습니다. 머리글 행이 필요합니다"},
    {"no header row: no row names both a `proposal` column (or id, 제안번호, 과제번호, 접수번호) and a `reviewer` column (or 평가위원, 심사위원)", "머리글 행이 없습니다. `proposal` 열(또는 id, 제안번호, 과제번호, 접수번호)과 `reviewer` 열(또는 평가위원, 심사위원)을 함께 가진 행이 없습니다"},
    {"the header has no column for `{}`, a criterion of track `{}` (needed from line {} on)", "머리글에 분야 `{1}`의 평가 항목 `{0}` 열이 없습니다({2}행부터 필요)"},
    {"unknown column `{}`: not proposal, reviewer, total, conflict, comment or a criterion", "알 수 없는 열 `{0}`입니다. proposal, reviewer, total, conflict, comment 또는 평가 항목이 아닙니다"},
    {"column `{}` is not a criterion of track `{}`: leave the cell empty", "열 `{0}`은(는) 분야 `{1}`의 평가 항목이 아닙니다. 셀을 비워 두십시오"},
    {"column `{}` gives criterion `{}`, as column `{}` does", "열 `{0}`이(가) 평가 항목 `{1}`을(를) 나타내는데, 열 `{2}`도 같은 항목입니다"},
    {"column `{}` means `{}`, as column `{}` does", "열 `{0}`은(는) `{1}`을(를) 뜻하는데, 열 `{2}`도 같은 뜻입니다"},
    {"this cell's column has no name in the header: name it (`comment` keeps notes) or leave the cell empty", "이 셀의 열에 머리글 이름이 없습니다. 이름을 붙이거나(`comment`는 메모용) 셀을 비워 두십시오"},
    {"this row has {} cells but the header has {}; cells are missing after this one", "이 행은 셀이 {0}개인데 머리글은 {1}개입니다. 이 셀 뒤에 셀이 빠져 있습니다"},
    {"this row has {} cells but the header has {}; this cell is one too many", "이 행은 셀이 {0}개인데 머리글은 {1}개입니다. 이 셀이 하나 더 많습니다"},
    {"a quote inside an unquoted field (quote the whole field and double the quote)", "따옴표로 감싸지 않은 칸 안에 따옴표가 있습니다(칸 전체를 따옴표로 감싸고 안의 따옴표는 두 번 쓰십시오)"},
    {"a quoted field is never closed", "따옴표로 시작한 칸이 닫히지 않았습니다"},
    {"text after the closing quote of a field", "칸의 닫는 따옴표 뒤에 텍스트가 있습니다"},
    {"the total {} of this row is not the sum of its scores, {}", "이 행의 합계 {0}이(가) 점수의 합 {1}과(와) 다릅니다"},
    {"no score for `{}`", "`{0}` 점수가 없습니다"},
    {"unknown proposal `{}`", "알 수 없는 신청서 `{0}`입니다"},
    {"reviewer `{}` already reviewed `{}` at {}", "평가위원 `{0}`은(는) 이미 {2~}에서 `{1}`을(를) 평가했습니다"},

    // Rules (load/rules, load/predicate).
    {"`timezone` must be an offset such as \"+09:00\"; write \"+00:00\" for UTC", "`timezone`은 \"+09:00\" 같은 시차여야 합니다. UTC는 \"+00:00\"으로 쓰십시오"},
    {"`timezone` must be an offset such as \"+09:00\", not `{}`", "`timezone`은 \"+09:00\" 같은 시차여야 합니다(`{0}`은(는) 쓸 수 없습니다)"},
    {"`tracks` must be a non-empty list of track ids", "`tracks`는 분야 id의 목록이어야 하며 비어 있으면 안 됩니다"},
    {"`tracks` lists {} tracks; at most {}", "`tracks`에 분야가 {0}개 있습니다. 최대 {1}개입니다"},
    {"`{}` is reserved and cannot be a track id", "`{0}`은(는) 예약어여서 분야 id로 쓸 수 없습니다"},
    {"track `{}` is listed twice", "분야 `{0}`이(가) 두 번 나옵니다"},
    {"`award.max_krw` must be more than 0: no award could be made", "`award.max_krw`는 0보다 커야 합니다. 그렇지 않으면 지원할 수 없습니다"},
    {"`award.min_krw` is more than `award.max_krw`", "`award.min_krw`가 `award.max_krw`보다 큽니다"},
    {"`panel.trim` has no effect: `panel.aggregate` is not trimmed-mean", "`panel.trim`은 효과가 없습니다. `panel.aggregate`가 trimmed-mean이 아닙니다"},
    {"`panel.trim` {} drops more reviews than `min_reviewers` {} leaves (2 × trim + 1 must not exceed min_reviewers)", "`panel.trim` {0}은(는) `min_reviewers` {1}로 남길 수 있는 것보다 많은 평가를 제외합니다(2 × trim + 1이 min_reviewers를 넘으면 안 됩니다)"},
    {"`criteria` must be a non-empty list", "`criteria`는 비어 있지 않은 목록이어야 합니다"},
    {"`criteria` lists {} criteria; at most {}", "`criteria`에 평가 항목이 {0}개 있습니다. 최대 {1}개입니다"},
    {"`{}` must be more than 0", "`{0}`은(는) 0보다 커야 합니다"},
    {"`cutoff` must not be negative", "`cutoff`는 음수일 수 없습니다"},
    {"`cutoff` is more than the criterion's `max`", "`cutoff`가 평가 항목의 `max`보다 큽니다"},
    {"`{}` is a tie-break key and cannot be a criterion id", "`{0}`은(는) 동점 처리 키여서 평가 항목 id로 쓸 수 없습니다"},
    {"criterion `{}`: `{}` is a score sheet column (proposal, reviewer, total, conflict, comment and their Korean names); choose another id or name", "평가 항목 `{0}`: `{1}`은(는) 평가표의 열 이름입니다(proposal, reviewer, total, conflict, comment와 그 한국어 이름). 다른 id나 이름을 쓰십시오"},
    {"criterion `{}` is defined twice", "평가 항목 `{0}`이(가) 두 번 정의되었습니다"},
    {"rule id `{}` is used twice", "규칙 id `{0}`이(가) 두 번 쓰였습니다"},
    {"`selection.min` is more than `selection.max`", "`selection.min`이 `selection.max`보다 큽니다"},
    {"`selection.min` {} × `award.max_krw` {} is more than 10^18 won", "`selection.min` {0} × `award.max_krw` {1}이(가) 10^18원을 넘습니다"},
    {"`selection.budget_krw` {} cannot fund `min` {} awards of at least {}", "`selection.budget_krw` {0}(으)로는 최소 {2}인 지원 `min` {1}건을 지원할 수 없습니다"},
    {"`tie_break` must be a list of keys", "`tie_break`는 키의 목록이어야 합니다"},
    {"tie-break key `{}` is listed twice; the second one can never decide", "동점 처리 키 `{0}`이(가) 두 번 나옵니다. 두 번째 키는 아무것도 결정하지 못합니다"},
    {"tie-break key `{}` never decides: `id` before it orders every tie", "동점 처리 키 `{0}`은(는) 아무것도 결정하지 못합니다. 앞의 `id`가 모든 동점의 순서를 정합니다"},
    {"unknown tie-break key `{}`", "알 수 없는 동점 처리 키 `{0}`입니다"},
    {"`track` is `{}` but the file is named for `{}`", "`track`은 `{0}`인데 파일 이름은 `{1}`입니다"},
    {"`threshold` must not be negative: a base score is never below 0", "`threshold`는 음수일 수 없습니다. 기본 점수는 0 미만이 되지 않습니다"},
    {"`threshold` is more than the highest possible base score", "`threshold`가 받을 수 있는 최고 기본 점수보다 큽니다"},
    {"`{}` is a built-in check; choose another rule id", "`{0}`은(는) 기본 제공 검사입니다. 다른 규칙 id를 쓰십시오"},
    {"`{}` is the code of one of kcity's own reasons; choose another rule id", "`{0}`은(는) kcity 자체 사유의 코드입니다. 다른 규칙 id를 쓰십시오"},
    {"`adjustments` lists {} adjustments; at most {}", "`adjustments`에 가감점이 {0}개 있습니다. 최대 {1}개입니다"},
    {"adjustment caps are positive numbers of points", "가감점 상한은 양수 점수여야 합니다"},
    {"history.yaml must be a list of {year, track, country, city}", "history.yaml은 {year, track, country, city}의 목록이어야 합니다"},
    {"`withdrawn` must be a list of proposal ids", "`withdrawn`은 신청서 id의 목록이어야 합니다"},
    {"`{}` is listed twice", "`{0}`이(가) 두 번 나옵니다"},
    {"`awards` must map proposal ids to amounts", "`awards`는 신청서 id를 금액에 대응시키는 맵이어야 합니다"},
    {"the name `{}` of reviewer `{}` is already the id of reviewer `{}`: sheets could not tell them apart", "평가위원 `{1}`의 이름 `{0}`은(는) 이미 평가위원 `{2}`의 id입니다. 평가표에서 구별할 수 없습니다"},
    {"the name `{}` of reviewer `{}` is already a name of reviewer `{}`: sheets could not tell them apart", "평가위원 `{1}`의 이름 `{0}`은(는) 이미 평가위원 `{2}`의 이름입니다. 평가표에서 구별할 수 없습니다"},
    {"panel.yaml must be a non-empty list of {id, name, organisation, tracks}", "panel.yaml은 {id, name, organisation, tracks}의 목록이어야 하며 비어 있으면 안 됩니다"},
    {"`{}` is not a track of this call", "`{0}`은(는) 이번 공모의 분야가 아닙니다"},
    {"reviewer `{}` is listed twice", "평가위원 `{0}`이(가) 두 번 나옵니다"},
    {"the rules folder {} has no program.yaml", "규칙 폴더 {0}에 program.yaml이 없습니다"},
    {"track `{}` has no rules file {}", "분야 `{0}`의 규칙 파일 {1}이(가) 없습니다"},
    {"this track file is not listed in program.yaml `tracks`", "이 분야 파일은 program.yaml `tracks`에 없습니다"},
    {"the track budgets add up to {}, more than the programme's budget_krw {}", "분야 예산의 합 {0}이(가) 사업 예산 budget_krw {1}보다 큽니다"},
    {"`{}` is a country code (KR, UA, ...), not {}", "`{0}`은(는) 국가 코드(KR, UA, ...)여야 합니다({1~}은(는) 쓸 수 없습니다)"},
    {"`{}` is not an ISO 3166-1 alpha-2 country code", "`{0}`은(는) ISO 3166-1 alpha-2 국가 코드가 아닙니다"},
    {"`{}` `{}` is not an ISO 3166-1 alpha-2 country code", "`{0}` `{1}`은(는) ISO 3166-1 alpha-2 국가 코드가 아닙니다"},
    {"the value to compare with must be a single value, not {}", "비교할 값은 값 하나여야 합니다({0~}은(는) 쓸 수 없습니다)"},
    {"a date is needed here, not {}: {}", "여기에는 날짜가 필요합니다({0~}은(는) 쓸 수 없습니다): {1}"},
    {"a date is needed here, not {}", "여기에는 날짜가 필요합니다({0~}은(는) 쓸 수 없습니다)"},
    {"the value to compare with is missing", "비교할 값이 없습니다"},
    {"`in` and `not_in` take a list, not {}", "`in`과 `not_in`에는 목록을 써야 합니다({0~}은(는) 쓸 수 없습니다)"},
    {"`in` and `not_in` take a non-empty list of values", "`in`과 `not_in`에는 비어 있지 않은 값 목록을 써야 합니다"},
    {"the values of the list must all be of one type", "목록의 값은 모두 같은 종류여야 합니다"},
    {"`at_least` and `at_most` compare numbers or amounts, not {}", "`at_least`와 `at_most`는 숫자나 금액을 비교합니다({0~}은(는) 비교할 수 없습니다)"},
    {"`any` stands alone in its map", "`any`는 맵 안에 혼자 있어야 합니다"},
    {"`{}` stands alone in its map", "`{0}`은(는) 맵 안에 혼자 있어야 합니다"},
    {"`{}` takes a non-empty list of conditions", "`{0}`에는 비어 있지 않은 조건 목록을 써야 합니다"},
    {"a test has exactly one operator; `{}` is a second one (combine tests with `all`)", "검사에는 연산자가 하나만 있어야 합니다. `{0}`은(는) 두 번째 연산자입니다(검사를 합치려면 `all`을 쓰십시오)"},
    {"unknown operator `{}`", "알 수 없는 연산자 `{0}`입니다"},
    {"the value of `exists` and `in_history` must be true or false, not {}", "`exists`와 `in_history`의 값은 true 또는 false여야 합니다({0~}은(는) 쓸 수 없습니다)"},
    {"`{}` is {}, but rule `{}` ({}) compares it with {}", "`{0}`은(는) {1~}인데, 규칙 `{2}`({3})는 이를 {4~}과(와) 비교합니다"},
    {"{} has no commits yet", "{0}에는 아직 커밋이 없습니다"},
    {"--base-rules {} has no program.yaml (a rules folder, or git:REV[:PATH])", "--base-rules {0}에 program.yaml이 없습니다(규칙 폴더 또는 git:REV[:PATH])"},
    {"a revision is needed, as in git:origin/main", "git:origin/main처럼 리비전이 필요합니다"},

    // Who signs the HTML report: program.yaml `committee` (load/rules) and score's options.
    {"`committee.meeting_date` must be a date (YYYY-MM-DD), without a time", "`committee.meeting_date`는 시각 없이 날짜(YYYY-MM-DD)로 써야 합니다"},
    {"`committee.approval` must be a list of 1 to {} titles, such as [담당, 팀장, 과장, 국장]", "`committee.approval`은 직위 1~{0}개의 목록이어야 합니다(예: [담당, 팀장, 과장, 국장])"},
    {"an approval title", "결재란 직위"},
    {"--committee, --meeting-date and --approval are for the HTML report (--format html, without --list)", "--committee, --meeting-date, --approval은 HTML 보고서에만 쓸 수 있습니다(--list 없이 --format html)"},
    {"--meeting-date {} is not a date: write YYYY-MM-DD, such as 2023-05-30", "--meeting-date {0}은(는) 날짜가 아닙니다. 2023-05-30처럼 YYYY-MM-DD로 쓰십시오"},
    {"--approval has an empty title", "--approval에 빈 직위가 있습니다"},
    // diff --base's and CLI11's words that were left in English (issue 15).
    {"--base {} is not a call directory (a folder, or git:REV[:PATH])", "--base {0}은(는) 공모 폴더가 아닙니다(폴더 또는 git:REV[:PATH])"},
    {"--{} excludes --{}", "--{0}은(는) --{1}과(와) 함께 쓸 수 없습니다"},

    // Proposals, reviews and decisions (load/proposals, validate).
    {"`scores` must map each criterion to a score, not {}", "`scores`는 각 평가 항목을 점수에 대응시키는 맵이어야 합니다({0~}은(는) 쓸 수 없습니다)"},
    {"`{}` is not a criterion of track `{}`", "`{0}`은(는) 분야 `{1}`의 평가 항목이 아닙니다"},
    {"this review has no score for `{}`", "이 평가에 `{0}` 점수가 없습니다"},
    {"reviewer `{}` is not on the panel (panel.yaml)", "평가위원 `{0}`은(는) 평가위원단(panel.yaml)에 없습니다"},
    {"reviewer `{}` does not sit on track `{}`: panel.yaml (line {}) lists them for {}", "평가위원 `{0}`은(는) 분야 `{1}`의 위원이 아닙니다. panel.yaml({2}행)에는 {3} 분야로 되어 있습니다"},
    {"`reviews` must be a list of {reviewer, scores}", "`reviews`는 {reviewer, scores}의 목록이어야 합니다"},
    {"reviewer `{}` already reviewed this proposal (line {})", "평가위원 `{0}`은(는) 이미 이 신청서를 평가했습니다({1}행)"},
    {"`conflicts` must be a list of reviewer ids", "`conflicts`는 평가위원 id의 목록이어야 합니다"},
    {"`attributes` must be a map of names to values", "`attributes`는 이름을 값에 대응시키는 맵이어야 합니다"},
    {"proposal id `{}` is also used at {}", "신청서 id `{0}`은(는) {1}에서도 쓰였습니다"},
    {"proposal `{}`: {} `{}` is one edit from `{}`, which rule `{}` accepts; the proposal is ineligible by it", "신청서 `{0}`: {1} `{2}`은(는) 규칙 `{4}`이(가) 인정하는 `{3}`과(와) 한 글자 다릅니다. 이 규칙에 따라 신청서는 자격 미달입니다"},
    {"the award for `{}` names no proposal", "`{0}`에 대한 지원액 결정에 해당하는 신청서가 없습니다"},
    {"withdrawn proposal `{}` is not among the proposals", "철회한 신청서 `{0}`이(가) 신청서 중에 없습니다"},
    {"the committee's award {} for `{}` exceeds its request of {}", "`{1}`에 대한 위원회 결정 지원액 {0}이(가) 신청액 {2}을(를) 초과합니다"},
    {"the committee's award {} for `{}` is outside the award range {} to {}", "`{1}`에 대한 위원회 결정 지원액 {0}이(가) 지원 범위({2}~{3}) 밖입니다"},
    {"reviewer `{}` gave all {} proposals of track `{}` the same total", "평가위원 `{0}`이(가) 분야 `{2}`의 신청서 {1}건 모두에 같은 총점을 주었습니다"},
    {"reviewer `{}` of track `{}` has neither a review nor a conflict for {} eligible proposal: {}", "분야 `{1}`의 평가위원 `{0}`은(는) 자격을 갖춘 신청서 {2}건에 대해 평가도 이해충돌 신고도 없습니다: {3~}"},
    {"reviewer `{}` of track `{}` has neither a review nor a conflict for {} eligible proposals: {}", "분야 `{1}`의 평가위원 `{0}`은(는) 자격을 갖춘 신청서 {2}건에 대해 평가도 이해충돌 신고도 없습니다: {3~}"},
    {"reviewer `{}` of track `{}` scores {} points from the other reviewers on average, beyond 10% of the highest possible total {}", "분야 `{1}`의 평가위원 `{0}`은(는) 다른 평가위원보다 평균 {2}점 차이 나게 채점하여, 최고 가능 총점 {3}점의 10%를 넘습니다"},
    {"{} and {} more", "{0} 외 {1}건"},
    {"track `{}` falls short: {}", "분야 `{0}` 선정 미달: {1}"},

    // The command line and the commands (cli, commands).
    {"no proposal `{}`", "신청서 `{0}`이(가) 없습니다"},
    {"--track {} is not a track of this call", "--track {0}은(는) 이번 공모의 분야가 아닙니다"},
    // kcity robustness (SPEC §9).
    {"--runs {} is out of range: give 1 to 1,000,000 runs", "--runs {0}은(는) 범위를 벗어났습니다. 실행 횟수는 1에서 1,000,000까지입니다"},
    {"--robustness {} is out of range: give 1 to 1,000,000 runs", "--robustness {0}은(는) 범위를 벗어났습니다. 실행 횟수는 1에서 1,000,000까지입니다"},
    {"--{} requires --{}", "--{0}은(는) --{1}과(와) 함께 써야 합니다"},
    {"--weights {} is not a percentage above 0 and at most 50 (two decimals at most)", "--weights {0}은(는) 0보다 크고 50 이하인 백분율이 아닙니다(소수점 둘째 자리까지)"},
    {"--format {} is not available for {} ({})", "--format {0}은(는) {1} 명령에서 쓸 수 없습니다({2})"},
    {"no rules folder found; using the built-in 2023 rules", "규칙 폴더가 없어 기본 제공 2023년 규칙을 사용합니다"},
    {"--strict: the run has warnings", "--strict: 실행 결과에 경고가 있습니다"},
    {"no rules to compare with", "비교할 규칙이 없습니다"},
    {"unknown command `{}` (did you mean `{}`?); the commands are {}", "알 수 없는 명령 `{0}`입니다(`{1}`의 오타입니까?). 명령은 {2}입니다"},
    {"unknown command `{}`; the commands are {}", "알 수 없는 명령 `{0}`입니다. 명령은 {1}입니다"},
    {"unknown option {} for {}; did you mean {}?", "{1}에 알 수 없는 옵션 {0}입니다. {2}의 오타입니까?"},
    {"unknown option {} for {}; see '{}'", "{1}에 알 수 없는 옵션 {0}입니다. '{2}'를 참고하십시오"},
    {"cannot tell the format from the name {} (.txt, .md, .json, .csv, .html): give --format", "이름 {0}(으)로는 형식을 알 수 없습니다(.txt, .md, .json, .csv, .html). --format을 지정하십시오"},
    {"--output {} is an input of this run ({}); writing the report there would replace it: choose another file", "--output {0}은(는) 이번 실행의 입력 파일({1})입니다. 보고서를 쓰면 입력이 바뀌므로 다른 파일을 지정하십시오"},
    // --attest (SPEC §12) on score, robustness and letters.
    {"--attest {} is an input of this run ({}); writing the report there would replace it: choose another file", "--attest {0}은(는) 이번 실행의 입력 파일({1})입니다. 증명서를 쓰면 입력이 바뀌므로 다른 파일을 지정하십시오"},
    {"--attest {} is the report's own --output: the statement goes in a file of its own", "--attest {0}은(는) 보고서의 --output과 같은 파일입니다. 증명서는 별도 파일에 쓰십시오"},
    {"--attest STATEMENT needs --output FILE: a report on standard output cannot be attested", "--attest STATEMENT에는 --output FILE이 필요합니다. 표준 출력으로 낸 보고서는 증명할 수 없습니다"},
    {"--attest: the inputs changed while the report was written", "--attest: 보고서를 쓰는 동안 입력 파일이 바뀌었습니다"},
    {"--attest: cannot read {}", "--attest: {0}을(를) 읽을 수 없습니다"},
    {"--year {} is not a year of a call ({})", "--year {0}은(는) 공모 연도가 아닙니다({1})"},
    {"wrote a new {} call in {} (rules/ with panel.yaml, proposals/, scores/panel.csv); next: kcity check {}, then kcity sheets {} --output-dir DIR for the panel", "{1}에 {0}년 공모 폴더를 새로 만들었습니다(rules/와 panel.yaml, proposals/, scores/panel.csv). 다음 단계: kcity check {2}, 이어서 kcity sheets {3} --output-dir DIR로 평가위원별 평가표를 만드십시오"},
    {"{} exists; init never overwrites a file", "{0}이(가) 이미 있습니다. init은 파일을 덮어쓰지 않습니다"},
    {"{} exists; sheets never overwrites a file", "{0}이(가) 이미 있습니다. sheets는 파일을 덮어쓰지 않습니다"},
    {"the call has no panel (rules/panel.yaml): list it there, or name each reviewer with --reviewer ID", "이 공모에는 평가위원단(rules/panel.yaml)이 없습니다. 그곳에 평가위원을 적거나 --reviewer ID로 평가위원을 하나씩 지정하십시오"},
    {"--reviewer {} is not on the panel (panel.yaml)", "--reviewer {0}은(는) 평가위원단(panel.yaml)에 없습니다"},
    {"--reviewer {} must be 1 to 64 letters, digits, '.', '_' or '-'", "--reviewer {0}은(는) 영문자, 숫자, '.', '_', '-'로 된 1~64자여야 합니다"},
    {"--output-dir DIR is required", "--output-dir DIR이 필요합니다"},
    // kcity letters (SPEC §11)
    {"--panel: the call has no panel (rules/panel.yaml): list it there, or leave out --panel", "--panel: 이 공모에는 평가위원단(rules/panel.yaml)이 없습니다. 그곳에 평가위원을 적거나 --panel 없이 실행하십시오"},
    {"proposal `{}` would be written over the letters' index {}: give the proposal another id", "신청서 `{0}`의 통보문이 목록 파일 {1}을(를) 덮어쓰게 됩니다. 신청서 ID를 바꾸십시오"},
    {"cannot create {}: {}", "{0}을(를) 만들 수 없습니다: {1}"},
    {"diff needs the state to compare with: --base OLD (a call directory, or git:REV[:PATH]) or --base-rules OLD (a rules folder, or git:REV[:PATH])", "diff에는 비교할 상태가 필요합니다: --base OLD(공모 폴더 또는 git:REV[:PATH]) 또는 --base-rules OLD(규칙 폴더 또는 git:REV[:PATH])"},
    {"KCITY_THREADS={} is not a number of threads (1 or more)", "KCITY_THREADS={0}은(는) 스레드 수(1 이상)가 아닙니다"},
    {"KCITY_RULES is set but empty: unset it, or name the rules folder", "KCITY_RULES가 빈 값입니다. 변수를 지우거나 규칙 폴더를 지정하십시오"},
    {"--format: {} not in {}", "--format: {0}은(는) {1} 중 하나가 아닙니다"},
    {"--lang: {} not in {}", "--lang: {0}은(는) {1} 중 하나가 아닙니다"},
    {"--rules: an empty folder name", "--rules: 폴더 이름이 비어 있습니다"},
    {"--track: an empty track id", "--track: 분야 id가 비어 있습니다"},
    {"cannot write to standard output", "표준 출력에 쓸 수 없습니다"},
    {"out of memory", "메모리가 부족합니다"},

    // The limits that bound a run's memory (docs/validation.md, "Memory").
    {"the file is {} bytes, more than the {} bytes (256 MiB) kcity reads from one file: split it into several files", "파일이 {0}바이트로, kcity가 파일 하나에서 읽는 {1}바이트(256 MiB)보다 큽니다. 여러 파일로 나누십시오"},
    {"the rules file is {} bytes, more than the {} bytes (8 MiB) kcity reads from a rules file", "규칙 파일이 {0}바이트로, kcity가 규칙 파일 하나에서 읽는 {1}바이트(8 MiB)보다 큽니다"},
    {"the rules files add up to more than {} bytes (12 MiB) with this one: kcity reads at most that much of rules in one run, to stay within its memory; this file and the rules files read after it are not read", "이 파일까지 규칙 파일의 합이 {0}바이트(12 MiB)를 넘습니다. kcity는 메모리를 지키기 위해 한 번 실행에 규칙을 그만큼까지만 읽습니다. 이 파일과 그 뒤에 읽을 규칙 파일은 읽지 않았습니다"},
    {"more than {} proposals: kcity reads at most {} in one run, to stay within its memory; this is proposal {}", "신청서가 {0}건을 넘습니다. kcity는 메모리를 지키기 위해 한 번 실행에 {1}건까지만 읽습니다. 이것은 {2}번째 신청서입니다"},
    {"more than {} keys and values in one document: kcity reads at most {} in a proposal, to stay within its memory; this is value {}, and the proposal is not read", "한 문서에 키와 값이 {0}개를 넘습니다. kcity는 메모리를 지키기 위해 신청서 하나에서 {1}개까지만 읽습니다. 이것은 {2}번째 값이며, 이 신청서는 읽지 않았습니다"},
    {"more than {} attributes: kcity reads at most {} in one run, to stay within its memory; this proposal's attributes pass the limit", "자유 항목(attributes)이 {0}개를 넘습니다. kcity는 메모리를 지키기 위해 한 번 실행에 {1}개까지만 읽습니다. 이 신청서의 자유 항목에서 한도를 넘었습니다"},
    {"more than {} cells in this score sheet: kcity reads at most that many in one sheet, to stay within its memory; the rest of the file is not read", "이 평가표의 셀이 {0}개를 넘습니다. kcity는 메모리를 지키기 위해 평가표 하나에서 그만큼까지만 읽습니다. 파일의 나머지는 읽지 않았습니다"},
    {"the run holds {} reviews already: kcity reads at most {} in one run, to stay within its memory; this row and the rest of the sheet are not read", "이미 심사 {0}건을 읽었습니다. kcity는 메모리를 지키기 위해 한 번 실행에 {1}건까지만 읽습니다. 이 행과 평가표의 나머지는 읽지 않았습니다"},
    // Found by running every golden case and `init` in Korean (tests/cli/scripts/lang-cli-cases.sh).
    {"proposal `{}` has no reviews yet", "신청서 `{0}`에 아직 평가가 없습니다"},
    {"--{} is required", "--{0} 옵션이 필요합니다"},
    {"tie-break key `lottery` needs program.yaml's `lottery_seed`, the text the lottery is drawn from, fixed before the deadline", "동순위 결정 키 `lottery`에는 program.yaml의 `lottery_seed`(추첨의 기준이 되는 문구로, 마감 전에 정해 둡니다)가 필요합니다"},
    {"`lottery_seed` must not be blank: it is what anyone redraws the lottery from", "`lottery_seed`는 비워 둘 수 없습니다. 누구나 이 문구로 추첨을 다시 해 볼 수 있어야 합니다"},
    {"{}: File name too long", "{0}: 파일 이름이 너무 깁니다"},
    // Last, so that no whole message ending so is taken for it: where in a workbook a review
    // was first given (load/score_sheets' where_given), inside "already reviewed ... at {}".
    {"{}, sheet {}, cell {}", "{0}, 시트 {1}, 셀 {2}"},
};
// clang-format on

// The next literal piece of a shape: up to its next `{}`, or to its end.
std::string_view literal_at(std::string_view shape) {
    return shape.substr(0, shape.find("{}"));
}

// Whether `text` has the shape, its values into `values`. A value is never empty; where the
// literal after a value occurs more than once, the first occurrence that lets the rest match
// wins.
bool match(std::string_view shape, std::string_view text, std::vector<std::string_view>& values) {
    const std::string_view head = literal_at(shape);
    if (head.size() == shape.size()) return shape == text;
    if (!text.starts_with(head)) return false;
    shape.remove_prefix(head.size() + 2);
    text.remove_prefix(head.size());
    const std::string_view next = literal_at(shape);
    if (next.empty()) {  // the value runs to the end of the message
        if (text.empty() || !shape.empty()) return false;
        values.push_back(text);
        return true;
    }
    for (std::size_t at = text.find(next, 1); at != std::string_view::npos;
         at = text.find(next, at + 1)) {
        values.push_back(text.substr(0, at));
        if (match(shape, text.substr(at), values)) return true;
        values.pop_back();
    }
    return false;
}

std::optional<std::string> translate(std::string_view english, int depth);

// The Korean template with the values put in.
std::string fill(std::string_view ko, const std::vector<std::string_view>& values, int depth) {
    std::string out;
    for (std::size_t i = 0; i < ko.size(); ++i) {
        const bool slot = ko[i] == '{' && i + 2 < ko.size() && ko[i + 1] >= '0' &&
                          ko[i + 1] <= '9' && (ko[i + 2] == '}' || ko[i + 2] == '~');
        if (!slot) {
            out += ko[i];
            continue;
        }
        const auto n = static_cast<std::size_t>(ko[i + 1] - '0');
        const bool nested = ko[i + 2] == '~';
        const std::string_view value = n < values.size() ? values[n] : std::string_view();
        if (nested)
            out += translate(value, depth + 1).value_or(std::string(value));
        else
            out += value;
        i += nested ? 3 : 2;
    }
    return out;
}

std::optional<std::string> translate(std::string_view english, int depth) {
    if (depth > 8 || english.empty()) return std::nullopt;  // suffixes nest a few deep at most
    std::vector<std::string_view> values;
    for (const Shape& s : shapes) {
        values.clear();
        if (match(s.en, english, values)) return fill(s.ko, values, depth);
    }
    return std::nullopt;
}

// `kcity: error: ` or `FILE:LINE:COL: warning: `: where the message starts, or npos.
std::size_t message_start(std::string_view line) {
    for (std::string_view kind : {": error: ", ": warning: ", ": note: "}) {
        auto at = line.find(kind);
        if (at != std::string_view::npos) return at + kind.size();
    }
    return line.starts_with("kcity: ") ? 7 : std::string_view::npos;
}

}  // namespace

std::span<const DiagnosticShape> diagnostic_shapes() {
    return shapes;
}

std::optional<std::string> korean_message(std::string_view english) {
    return translate(english, 0);
}

std::string diagnostic_message(std::string_view english, Lang lang) {
    if (lang == Lang::en) return std::string(english);
    return translate(english, 0).value_or(std::string(english));
}

Diagnostic localized(Diagnostic d, Lang lang) {
    d.message = diagnostic_message(d.message, lang);
    return d;
}

std::string localized_line(std::string_view line, Lang lang) {
    const std::size_t start = message_start(line);
    if (lang == Lang::en || start == std::string_view::npos) return std::string(line);
    return std::string(line.substr(0, start)) + diagnostic_message(line.substr(start), lang);
}

}  // namespace kcity
