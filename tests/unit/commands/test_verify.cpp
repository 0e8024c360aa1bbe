// `kcity verify`'s messages (SPEC §12) in the language asked for: every line it prints comes
// from the catalogue's verify.* block, in English and in Korean.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "kcity/commands/attest.hpp"

namespace fs = std::filesystem;
using kcity::Failure;
using kcity::Lang;
using kcity::Outcome;

namespace {

// A folder of its own for each test, removed at the end.
struct Folder {
    fs::path dir =
        fs::temp_directory_path() / ("kcity-test-verify-" + std::to_string(getpid()) + "-" +
                                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    Folder() { fs::create_directories(dir); }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return (dir / name).string();
    }
};

Outcome verify(const std::string& statement, Lang lang) {
    kcity::VerifyOptions o;
    o.statement = statement;
    o.program = "/nonexistent/kcity";  // the run again fails: no other kcity is started
    o.lang = lang;
    return kcity::verify_command(o);
}

std::string all(const Outcome& o) {
    std::string s;
    for (const auto& m : o.messages) s += m + "\n";
    return s;
}

// A statement of one input and one output, as --attest writes it, whose files are absent.
const std::string statement_json = R"({
  "_type": "https://in-toto.io/Statement/v1",
  "subject": [{"name": "report.json", "digest": {"sha256": "00"}}],
  "predicateType": "urn:kcity:predicate:report:v1",
  "predicate": {
    "call": "call", "command": "score", "environment_lang": "en",
    "working_directory": ".", "call_from_working_directory": ".",
    "inputs": [], "rules": null, "scores": [], "options": [],
    "output": {"option": "--output", "path": "report.json"},
    "input_files": [{"path": "rules/program.yaml", "sha256": "11", "role": "rules"}]
  }
})";

}  // namespace

TEST_CASE("verify: a file that is no statement, in English and Korean", "[verify]") {
    Folder f;
    const std::string bad = f.write("bad.json", "{not json: [");
    Outcome en = verify(bad, Lang::en);
    CHECK(en.failure == Failure::input);
    CHECK(all(en) == "kcity: error: " + bad + " is not a kcity attestation (not JSON)\n");
    Outcome ko = verify(bad, Lang::ko);
    CHECK(all(ko) == "kcity: error: " + bad + "은(는) kcity 증명서가 아닙니다 (JSON이 아님)\n");

    const std::string other = f.write("other.json", R"({"predicateType": "urn:other"})");
    CHECK(all(verify(other, Lang::ko)) ==
          "kcity: error: " + other +
              "은(는) kcity 증명서가 아닙니다 (predicateType urn:kcity:predicate:report:v1)\n");
    const std::string missing = (f.dir / "none.json").string();
    CHECK(all(verify(missing, Lang::ko)) ==
          "kcity: error: " + missing + "을(를) 읽을 수 없습니다\n");
    const std::string partial =
        f.write("partial.json", R"({"predicateType": "urn:kcity:predicate:report:v1"})");
    CHECK(all(verify(partial, Lang::ko)) ==
          "kcity: error: " + partial + "은(는) 완전한 kcity 증명서가 아닙니다\n");
}

TEST_CASE("verify: missing inputs and outputs are named, in Korean", "[verify]") {
    Folder f;
    const std::string st = f.write("st.json", statement_json);
    Outcome ko = verify(st, Lang::ko);
    CHECK(ko.failure == Failure::input);
    CHECK(ko.output.empty());
    const std::string report = (f.dir / "report.json").lexically_normal().generic_string();
    CHECK(all(ko) ==
          "kcity: error: rules/program.yaml: 파일이 없음 (rules)\n"
          "kcity: error: " +
              report +
              ": 증명된 출력 파일이 없습니다\n"
              "kcity: error: 명령을 다시 실행했으나 실패했습니다 (종료 코드 -1). 공모 "
              "폴더에 `kcity check`를 실행하십시오\n"
              "kcity: error: " +
              st + "은(는) 검증되지 않았습니다\n");
    Outcome en = verify(st, Lang::en);
    CHECK(all(en) ==
          "kcity: error: rules/program.yaml: missing (rules)\n"
          "kcity: error: " +
              report +
              ": the attested output is missing\n"
              "kcity: error: the command failed when run again (exit -1): run `kcity "
              "check` on the call\n"
              "kcity: error: " +
              st + " does not verify\n");
}
